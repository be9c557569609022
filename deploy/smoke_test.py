"""Smoke test of the built desktop bundle: does it work with no Python around it?

    python deploy/smoke_test.py [dist/Jaring]

Runs the bundle's executable with an empty environment (as ``env -i``: no virtualenv, no
PYTHONPATH, a PATH of the system's folders only, HOME a new temporary folder) from a
temporary working folder, and checks: ``--version``; ``demo``; an officer set up against a
district, ``export`` of a batch and the district's ``import`` of it (signatures and age
encryption inside the bundle); ``print-forms`` to a PDF; ``excel-export``; the sync endpoint
answering ``/v1/health``; the main window opened offscreen and closed after its first paint;
and the bundle's size against its budget. Exits 1 at the first failure, saying which.

The one step that is not the bundle's: marking the demo database's first-run questions
answered, so that the main window (and not the first-run dialog) opens. That uses this
checkout's models/ with the Python running this script (the build's venv).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.build import SIZE_BUDGET_MB, folder_size  # noqa: E402
from deploy.bundle_files import CLI_NAME, NAME  # noqa: E402
from models.version import APP_VERSION, schema_version  # noqa: E402

WINDOWS = sys.platform == "win32"


class SmokeFailure(Exception):
    """One check of the bundle failed; the message says which and what it printed."""


def empty_environment(home: Path) -> dict[str, str]:
    """What ``env -i`` leaves, plus what a process needs to exist at all: on Windows the
    system folder and the user's folders (all under ``home``), elsewhere a HOME."""
    if WINDOWS:
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")  # any case on Windows
        return {
            "SystemRoot": system_root,
            "PATH": rf"{system_root}\System32;{system_root}",
            "USERPROFILE": str(home),
            "LOCALAPPDATA": str(home / "AppData" / "Local"),
            "APPDATA": str(home / "AppData" / "Roaming"),
            "TEMP": str(home / "Temp"),
            "TMP": str(home / "Temp"),
        }
    return {"HOME": str(home), "PATH": "/usr/bin:/bin"}


class Bundle:
    """The bundle's executables, run in an empty environment from a scratch folder."""

    def __init__(self, folder: Path, scratch: Path):
        suffix = ".exe" if WINDOWS else ""
        self.gui = folder / f"{NAME}{suffix}"
        self.cli = folder / f"{CLI_NAME}{suffix}" if WINDOWS else self.gui
        self.scratch = scratch
        home = scratch / "home"
        for needed in (home, home / "AppData" / "Local", home / "AppData" / "Roaming",
                       home / "Temp"):  # fmt: skip
            needed.mkdir(parents=True, exist_ok=True)
        self.env = empty_environment(home)
        self.passphrase_file = scratch / "kata-sandi.txt"

    def run(self, *args: object, timeout: float = 120, **extra_env: str) -> str:
        """Run the command-line executable; its output, or SmokeFailure."""
        command = [str(self.cli), *map(str, args)]
        if args and args[0] != "--version" and "--no-encryption" not in command:
            # Encrypted, as every database is by default: SQLCipher inside the bundle too.
            self.passphrase_file.write_text("kata sandi uji bundel\n", encoding="utf-8")
            command += ["--passphrase-file", str(self.passphrase_file)]
        done = subprocess.run(
            command,
            cwd=self.scratch,
            env={**self.env, **extra_env},
            capture_output=True,
            encoding="utf-8",  # the bundle runs in Python's UTF-8 mode (deploy/jaring.spec)
            timeout=timeout,
        )
        if done.returncode != 0:
            raise SmokeFailure(
                f"{' '.join(command[1:])} exited {done.returncode}:\n{done.stdout}{done.stderr}"
            )
        return done.stdout

    def summary(self, *args: object) -> dict:
        return json.loads(self.run(*args, "--json").strip().splitlines()[-1])


def check_version(bundle: Bundle) -> str:
    out = bundle.run("--version")
    expected = (f"Jaring {APP_VERSION}", f"database schema {schema_version()}", "Qt 6.")
    if not all(text in out for text in expected):
        raise SmokeFailure(f"--version printed:\n{out}")
    return out.splitlines()[0]


def check_demo(bundle: Bundle, db: Path) -> str:
    made = bundle.summary("demo", "--records", 40, "--seed", 3, "--db", db)
    if made.get("records") != 40:
        raise SmokeFailure(f"demo: {made}")
    return "40 fake registrations"


def check_export_and_import(bundle: Bundle, officer_db: Path) -> str:
    """The officer's batch leaves, and the district verifies and merges it."""
    district_db = bundle.scratch / "kabupaten.db"
    profile, enrolment = bundle.scratch / "profil.json", bundle.scratch / "budi.json"
    usb = bundle.scratch / "usb"
    usb.mkdir()
    bundle.run("district-init", "--name", "Disnaker Uji", "--regency", "62.08",
               "--profile-out", profile, "--db", district_db)  # fmt: skip
    bundle.run("officer-init", "--profile", profile, "--officer", "Budi",
               "--enrol-out", enrolment, "--db", officer_db)  # fmt: skip
    bundle.run("enrol", enrolment, "--db", district_db)
    bundle.run("export", "--out", usb, "--db", officer_db)
    batches = sorted(usb.glob("*.jaring"))
    if len(batches) != 1:
        raise SmokeFailure(f"export wrote {[p.name for p in batches]}")
    imported = bundle.summary("import", usb, "--db", district_db)
    if "error" in imported or not json.dumps(imported).count("imported"):
        raise SmokeFailure(f"import: {imported}")
    return f"batch {batches[0].name} exported and imported"


def check_print_forms(bundle: Bundle, db: Path) -> str:
    pdf = bundle.scratch / "formulir.pdf"
    bundle.run("print-forms", "--out", pdf, "--db", db)
    data = pdf.read_bytes() if pdf.exists() else b""
    if not data.startswith(b"%PDF") or len(data) < 10_000:
        raise SmokeFailure(f"print-forms wrote {len(data)} bytes")
    return f"forms PDF of {len(data) // 1024} KiB"


def check_excel_export(bundle: Bundle, db: Path) -> str:
    workbook = bundle.scratch / "induk.xlsx"
    bundle.run("excel-export", "--out", workbook, "--db", db)
    if not workbook.exists() or workbook.read_bytes()[:2] != b"PK":
        raise SmokeFailure("excel-export wrote no workbook")
    return "master list workbook"


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def check_serve(bundle: Bundle) -> str:
    """The district's endpoint starts (uvicorn's modules are imported by name) and answers."""
    port = free_port()
    command = [str(bundle.cli), "serve", "--host", "127.0.0.1", "--port", str(port),
               "--db", str(bundle.scratch / "kabupaten.db"),
               "--passphrase-file", str(bundle.passphrase_file)]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=bundle.scratch, env=bundle.env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding="utf-8", errors="replace",
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SmokeFailure(f"serve exited {server.returncode}:\n{server.stdout.read()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                    if r.status == 200:
                        return "sync endpoint answered /v1/health"
            except OSError:
                time.sleep(0.3)
        raise SmokeFailure("serve did not answer /v1/health within 60 s")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def answer_first_run(db: Path) -> None:
    """Mark the first-run questions answered (see the module's docstring)."""
    from models.db import open_database
    from models.settings import load_settings, save_settings

    with closing(open_database(db)) as opened:
        settings = load_settings(opened)
        save_settings(opened, dataclasses.replace(settings, configured=True, officer_name="Budi"))


def open_window(command: list[str], env: dict[str, str], cwd: Path,
                timeout: float = 60) -> tuple[float, dict]:  # fmt: skip
    """Start the GUI (``command``: the executable and its arguments) offscreen until its
    main window's first paint (ui/first_paint.py); (seconds from launch to that paint, what
    the app reported)."""
    report = cwd / f"painted-{time.monotonic_ns()}.json"
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "JARING_EXIT_AFTER_PAINT": str(report)}
    launched = time.time()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, encoding="utf-8",
                          errors="replace", timeout=timeout)  # fmt: skip
    if done.returncode != 0 or not report.exists():
        raise SmokeFailure(
            f"the window did not open and close (exit {done.returncode}):\n{done.stderr}"
        )
    painted = json.loads(report.read_text())
    report.unlink()
    return painted["painted_at"] - launched, painted


def check_window(bundle: Bundle, db: Path) -> str:
    # A plain database on purpose: an encrypted one opens on the unlock dialog, which
    # nobody types into here (tests/ui/test_real_unlock.py types into it).
    plain = db.with_name("polos.db")
    bundle.run("demo", "--records", 20, "--seed", 3, "--db", plain, "--no-encryption")
    answer_first_run(plain)
    command = [str(bundle.gui), "--db", str(plain), "--no-encryption"]
    seconds, painted = open_window(command, bundle.env, bundle.scratch)
    if painted.get("window") != "MainWindow":
        raise SmokeFailure(f"painted {painted}")
    return f"main window painted {seconds:.2f} s after launch, then closed"


def check_size(folder: Path) -> str:
    size_mb = folder_size(folder) / 1e6
    if size_mb > SIZE_BUDGET_MB:
        raise SmokeFailure(f"the bundle is {size_mb:.0f} MB, over {SIZE_BUDGET_MB} MB")
    return f"{size_mb:.0f} MB (budget {SIZE_BUDGET_MB} MB)"


def smoke_test(folder: Path) -> list[str]:
    """Every check in order; what each found. SmokeFailure at the first that fails."""
    with tempfile.TemporaryDirectory(prefix="jaring-smoke-") as scratch:
        bundle = Bundle(folder.resolve(), Path(scratch))
        db = bundle.scratch / "petugas.db"
        checks = [
            ("--version", lambda: check_version(bundle)),
            ("demo", lambda: check_demo(bundle, db)),
            ("print-forms", lambda: check_print_forms(bundle, db)),
            ("excel-export", lambda: check_excel_export(bundle, db)),
            ("export + import", lambda: check_export_and_import(bundle, db)),
            ("serve", lambda: check_serve(bundle)),
            ("main window", lambda: check_window(bundle, db)),
            ("size", lambda: check_size(folder)),
        ]
        found = []
        for name, check in checks:
            started = time.perf_counter()
            try:
                result = check()
            except SmokeFailure as failure:
                raise SmokeFailure(f"{name}: {failure}") from None
            found.append(f"{name}: {result} ({time.perf_counter() - started:.1f} s)")
            print(f"ok  {found[-1]}", flush=True)
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / NAME)
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"no bundle at {args.bundle}: build it with deploy/build.py", file=sys.stderr)
        return 1
    try:
        found = smoke_test(args.bundle)
    except SmokeFailure as failure:
        print(f"FAILED {failure}", file=sys.stderr)
        return 1
    # Not pytest's "N passed" form, so that CI's summary still counts the test suite's.
    print(f"smoke test of {args.bundle}: all {len(found)} checks good")
    return 0


if __name__ == "__main__":
    sys.exit(main())
