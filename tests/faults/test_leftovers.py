"""Kill -9 at each step of a print and of the master list's Excel export, then start again.

After every kill: no file readable by other users (the rows and pages of personal data a job
streams through temporary files), nothing in the system's temporary folder, nothing half
under the file's final name; the next start removes what the killed job left in the app's
private folder, and the job run again writes the whole file.

The command line runs in a process of its own, under the usual umask 022, with the system's
temporary folder ($TMPDIR) a fresh one of the test; a few lines of Python set up the kill (a
function replaced by one that sends SIGKILL to its own process) and call ``main``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from main import main
from models.db import open_database
from models.nominatif import registrations_for_list
from models.private_temp import temp_root
from ui.printing.pdf_check import pdf_problem

ROOT = Path(__file__).resolve().parents[2]
KILLED = -signal.SIGKILL
PEOPLE = 40

#: Run ``main(argv)`` killed at a step: ``python -c RUN STEP ARGV...`` (STEP "-": no kill).
RUN = """
import errno, os, signal, sys
os.umask(0o022)
step, argv = sys.argv[1], sys.argv[2:]

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

def on_call(number, real):
    calls = []
    def call(*args, **kwargs):
        calls.append(1)
        if len(calls) == number:
            die()
        return real(*args, **kwargs)
    return call

rename = os.replace
def on_a_stick(source, target):  # the painted PDF cannot be renamed there, only copied
    if os.path.basename(source).startswith("print-"):
        raise OSError(errno.EXDEV, "Invalid cross-device link")
    return rename(source, target)

if step.startswith("print."):
    from ui.printing import paper
if step.startswith("excel."):
    import zipfile
    from excel import xlsx_rows
if step == "print.painting":  # the second page is begun
    class Writer(paper.QPdfWriter):
        def newPage(self):
            die()
    paper.QPdfWriter = Writer
elif step == "print.checked":  # painted and checked whole, not yet moved
    paper._put_in_place = die
elif step == "print.renamed":  # under its name, the folder not yet synced
    paper.fsync_folder = die
elif step == "print.copying":  # half copied to a stick
    import shutil
    os.replace = on_a_stick
    def half(source, target):
        with open(source, "rb") as whole, open(target, "wb") as copy:
            copy.write(whole.read(4096))
            copy.flush()
        die()
    shutil.copyfile = half
elif step == "print.copied":  # copied whole to a stick, not yet renamed
    def replace(source, target):
        if os.path.basename(source).startswith("print-"):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        die()
    os.replace = replace
elif step == "excel.rows":  # half the rows streamed
    xlsx_rows.FastRows.append = on_call(20, xlsx_rows.FastRows.append)
elif step == "excel.zipping":  # the workbook half written beside its name
    zipfile.ZipFile.write = on_call(1, zipfile.ZipFile.write)
elif step == "excel.renaming":  # written whole beside its name, not yet renamed
    os.replace = die
elif step != "-":
    raise SystemExit(f"unknown step {step}")
from main import main
sys.exit(main(argv))
"""


@dataclass(frozen=True)
class Site:
    """An officer's laptop: the database, a USB stick's folder and the system's temp folder."""

    db: Path
    out: Path
    system_temp: Path

    def run(self, step: str, *argv) -> subprocess.CompletedProcess:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
               "TMPDIR": str(self.system_temp)}  # fmt: skip
        return subprocess.run(
            [sys.executable, "-c", RUN, step, *map(str, argv), "--db", str(self.db),
             "--no-encryption"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory) -> bytes:
    """The bytes of a database with demo people, made once."""
    path = tmp_path_factory.mktemp("demo") / "jaring.db"
    assert (
        main(
            ["demo", "--records", str(PEOPLE), "--seed", "7", "--db", str(path), "--no-encryption"]
        )
        == 0
    )
    return path.read_bytes()


@pytest.fixture(scope="module")
def forms(demo_database, tmp_path_factory) -> int:
    """How many forms ``print-forms`` prints (drafts are not printed)."""
    path = tmp_path_factory.mktemp("count") / "jaring.db"
    path.write_bytes(demo_database)
    with closing(open_database(path)) as db:
        return len(registrations_for_list(db))


@pytest.fixture
def site(tmp_path, demo_database) -> Site:
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    (laptop / "jaring.db").write_bytes(demo_database)
    made = Site(laptop / "jaring.db", tmp_path / "usb", tmp_path / "system-temp")
    made.out.mkdir()
    made.system_temp.mkdir()
    return made


def readable_by_others(*folders: Path) -> list[str]:
    """Every file and folder in ``folders`` that another local user could read or enter."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            mode = path.lstat().st_mode & 0o777
            if mode & 0o077 and not path.name.startswith("jaring.db"):  # the database: lead
                found.append(f"{path} {mode:o}")
    return found


def after_the_kill(site: Site, name: str, whole) -> None:
    """What every kill must leave: nothing readable by others, nothing in the system's
    temporary folder, at most hidden temporary files beside the output, and under its
    final name only a whole file."""
    assert readable_by_others(site.out, site.db.parent, site.system_temp) == []
    assert list(site.system_temp.iterdir()) == []
    for path in site.out.iterdir():
        assert path.name == name or (path.name.startswith(f".{name}.") and path.suffix == ".tmp")
    if (site.out / name).exists():
        whole(site.out / name)


def after_the_next_start(site: Site, name: str, whole) -> None:
    assert not temp_root(site.db).exists()  # what the killed job left there is gone
    assert list(site.system_temp.iterdir()) == []
    whole(site.out / name)
    assert (site.out / name).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "step", ["print.painting", "print.checked", "print.renamed", "print.copying", "print.copied"]
)
def test_a_print_killed_at_each_step(site, forms, step):
    def whole_pdf(path: Path) -> None:
        assert pdf_problem(path, forms) is None

    command = ("print-forms", "--out", site.out / "formulir.pdf")
    killed = site.run(step, *command)
    assert killed.returncode == KILLED, killed.stderr
    after_the_kill(site, "formulir.pdf", whole_pdf)
    again = site.run("-", *command)
    assert again.returncode == 0, again.stderr
    after_the_next_start(site, "formulir.pdf", whole_pdf)


def whole_workbook(path: Path) -> None:
    sheet = load_workbook(path, read_only=True)["Pendaftaran"]
    assert sum(1 for _ in sheet.iter_rows(values_only=True)) > 1


@pytest.mark.parametrize("step", ["excel.rows", "excel.zipping", "excel.renaming"])
def test_a_master_list_export_killed_at_each_step(site, step):
    command = ("excel-export", "--out", site.out / "master.xlsx")
    killed = site.run(step, *command)
    assert killed.returncode == KILLED, killed.stderr
    after_the_kill(site, "master.xlsx", whole_workbook)
    again = site.run("-", *command)
    assert again.returncode == 0, again.stderr
    after_the_next_start(site, "master.xlsx", whole_workbook)


def test_any_command_started_next_removes_a_killed_jobs_leftovers(site):
    killed = site.run("excel.rows", "excel-export", "--out", site.out / "master.xlsx")
    assert killed.returncode == KILLED
    [left] = [path for path in temp_root(site.db).iterdir() if path.is_dir()]
    assert {p.name.split(".")[0].split("-")[0] for p in left.iterdir()} == {"jaring", "openpyxl"}
    rejected = site.run("-", "reject", "no-such-id", "--reason", "x")
    assert rejected.returncode == 1  # a command that fails still starts
    assert not temp_root(site.db).exists()
