"""Does ``pip install .`` (what ``pipx install .`` does) give a working Jaring?

    python deploy/check_install.py [--keep]

Makes a fresh virtual environment in a temporary folder, installs this checkout into it
(a real install, not an editable one), and from another working folder, with only that
environment's bin/ on PATH, checks: ``jaring --version``; that the packages and resources/
are the installed copies, not this checkout's; ``jaring demo``; ``jaring print-forms`` to a
PDF; ``jaring excel-export``; and ``jaring-gui`` opening its main window offscreen and closing
after the first paint. Takes a minute or two, most of it pip (PySide6 is large).
Exits 1 at the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.smoke_test import SmokeFailure, open_window  # noqa: E402
from models.version import APP_VERSION, schema_version  # noqa: E402

WINDOWS = sys.platform == "win32"

#: Run by the installed Python: where its packages and resources come from, and the demo
#: database's first-run questions marked answered (so the GUI opens its main window).
PROBE = """
import dataclasses, json, sys
from contextlib import closing
import main, models.resources
from models.db import open_database
from models.settings import load_settings, save_settings
with closing(open_database(sys.argv[1])) as db:
    save_settings(db, dataclasses.replace(load_settings(db), configured=True))
print(json.dumps({"main": main.__file__, "resources": str(models.resources.resource_folder()),
                  "regions": models.resources.resource_path("regions", "villages.csv").is_file()}))
"""


class Installed:
    """A fresh venv with this checkout installed in it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.bin = folder / "venv" / ("Scripts" if WINDOWS else "bin")
        self.work = folder / "elsewhere"
        self.work.mkdir()
        self.env = {**os.environ, "PATH": str(self.bin) + os.pathsep + "/usr/bin:/bin"}
        for variable in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"):
            self.env.pop(variable, None)

    def install(self) -> None:
        venv.create(self.folder / "venv", with_pip=True)
        self.run(self.bin / "python", "-m", "pip", "install", "-q", str(ROOT), timeout=1200)

    def run(self, *command: object, timeout: float = 180) -> str:
        done = subprocess.run(
            [str(part) for part in command],
            cwd=self.work, env=self.env, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        if done.returncode != 0:
            raise SmokeFailure(
                f"{command[0]} exited {done.returncode}:\n{done.stdout}{done.stderr}"
            )
        return done.stdout

    def script(self, name: str) -> Path:
        return self.bin / (f"{name}.exe" if WINDOWS else name)


def check(installed: Installed) -> list[str]:
    found = []
    jaring = installed.script("jaring")
    version = installed.run(jaring, "--version")
    if f"Jaring {APP_VERSION}" not in version or f"schema {schema_version()}" not in version:
        raise SmokeFailure(f"jaring --version printed {version!r}")
    found.append(version.splitlines()[0])
    db = installed.work / "petugas.db"
    installed.run(jaring, "demo", "--records", "20", "--db", db)
    probe = json.loads(installed.run(installed.bin / "python", "-c", PROBE, db))
    venv_folder = str(installed.folder)
    if not (probe["main"].startswith(venv_folder) and probe["resources"].startswith(venv_folder)):
        raise SmokeFailure(f"the code or resources are not the installed copies: {probe}")
    if not probe["regions"]:
        raise SmokeFailure(f"resources/regions missing from the install: {probe}")
    found.append(f"packages and resources from {probe['resources']}")
    pdf = installed.work / "formulir.pdf"
    installed.run(jaring, "print-forms", "--out", pdf, "--db", db)
    if not pdf.read_bytes().startswith(b"%PDF"):
        raise SmokeFailure("print-forms wrote no PDF")
    installed.run(jaring, "excel-export", "--out", installed.work / "induk.xlsx", "--db", db)
    found.append("demo, print-forms, excel-export")
    seconds, painted = open_window(
        [str(installed.script("jaring-gui")), "--db", str(db)], installed.env, installed.work
    )
    if painted.get("window") != "MainWindow":
        raise SmokeFailure(f"jaring-gui painted {painted}")
    found.append(f"jaring-gui opened its main window in {seconds:.2f} s and closed")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the venv and print where")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="jaring-install-"))
    installed = Installed(folder)
    try:
        started = time.perf_counter()
        installed.install()
        print(f"ok  installed into a fresh venv in {time.perf_counter() - started:.0f} s")
        for line in check(installed):
            print(f"ok  {line}")
    except SmokeFailure as failure:
        print(f"FAILED {failure}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print("the installed jaring and jaring-gui work")
    return 0


if __name__ == "__main__":
    sys.exit(main())
