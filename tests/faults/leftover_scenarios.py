"""Kill -9 at each step of a print and of the master list's Excel export, then start again,
and what must hold afterwards (``tests/faults/test_leftovers.py`` and
``bench/fault_campaign.py``).

After every kill: no file readable by other users (the rows and pages of personal data a job
streams through temporary files), nothing in the system's temporary folder, nothing half
under the file's final name; the next start removes what the killed job left in the app's
private folder, and the job run again writes the whole file.

The command line runs in a process of its own, under the usual umask 022, with the system's
temporary folder ($TMPDIR) a fresh one of the test; a few lines of Python set up the kill (a
function replaced by one that sends SIGKILL to its own process, or a named step of
`models.fault_points`) and call ``main``.
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from models.db import open_database
from models.nominatif import registrations_for_list
from models.private_temp import temp_root
from tests.faults.scenarios import Outcome
from ui.printing.pdf_check import pdf_problem

ROOT = Path(__file__).resolve().parents[2]
KILLED = -signal.SIGKILL
PEOPLE = 40
#: The steps of ``print-forms`` onto a USB stick (``print.copy*``: the painted PDF is
#: copied there, not renamed) or a local folder.
PRINT_STEPS = ("print.painting", "print.checked", "print.renamed", "print.copying", "print.copied")
#: The steps of the master list's ``excel-export``: half the rows streamed, the workbook
#: half zipped, written whole beside its name (``excel.master_saved``, the named step, then
#: ``excel.renaming``, at the rename itself).
MASTER_STEPS = ("excel.rows", "excel.zipping", "excel.master_saved", "excel.renaming")

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
elif step != "-":  # a step of `models.fault_points`
    os.environ["JARING_FAULT_POINT"] = step
from main import main
sys.exit(main(argv))
"""


@dataclass(frozen=True)
class Site:
    """An officer's laptop: the database, a USB stick's folder and the system's temp folder."""

    db: Path
    out: Path
    system_temp: Path

    @classmethod
    def make(cls, root: Path, database: bytes) -> Site:
        """The laptop in ``root``, its database holding ``database`` (the bytes)."""
        laptop = root / "laptop"
        laptop.mkdir()
        (laptop / "jaring.db").write_bytes(database)
        made = cls(laptop / "jaring.db", root / "usb", root / "system-temp")
        made.out.mkdir()
        made.system_temp.mkdir()
        return made

    def run(self, step: str, *argv) -> subprocess.CompletedProcess:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
               "TMPDIR": str(self.system_temp)}  # fmt: skip
        return subprocess.run(
            [sys.executable, "-c", RUN, step, *map(str, argv), "--db", str(self.db),
             "--no-encryption"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip


@functools.cache
def demo_database() -> bytes:
    """The bytes of a database with demo people, made once a process."""
    with tempfile.TemporaryDirectory(prefix="jaring-demo-") as folder:
        path = Path(folder) / "jaring.db"
        argv = ["demo", "--records", str(PEOPLE), "--seed", "7", "--db", str(path),
                "--no-encryption"]  # fmt: skip
        done = subprocess.run(
            [sys.executable, "main.py", *argv], cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return path.read_bytes()


def readable_by_others(*folders: Path) -> list[str]:
    """Every file and folder in ``folders`` that another local user could read or enter."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            mode = path.lstat().st_mode & 0o777
            if mode & 0o077 and not path.name.startswith("jaring.db"):  # the database: lead
                found.append(f"{path} {mode:o}")
    return found


#: What is wrong with a file under its final name (nothing: whole).
Check = Callable[[Path], list[str]]


def after_the_kill(site: Site, name: str, whole: Check) -> list[str]:
    """What every kill must leave: nothing readable by others, nothing in the system's
    temporary folder, at most hidden temporary files beside the output, and under its
    final name only a whole file."""
    problems = [f"readable by others: {p}" for p in
                readable_by_others(site.out, site.db.parent, site.system_temp)]  # fmt: skip
    problems += [f"left in the system's temporary folder: {p.name}"
                 for p in site.system_temp.iterdir()]  # fmt: skip
    for path in site.out.iterdir():
        if path.name != name and not (path.name.startswith(f".{name}.") and path.suffix == ".tmp"):
            problems.append(f"beside the output: {path.name}")
    if (site.out / name).exists():
        problems += whole(site.out / name)
    return problems


def after_the_next_start(site: Site, name: str, whole: Check) -> list[str]:
    """What the run after the kill must leave: the killed job's private folder removed,
    nothing in the system's temporary folder, the whole file, for its owner only."""
    problems = []
    if temp_root(site.db).exists():
        problems.append(f"left: {[p.name for p in temp_root(site.db).iterdir()]}")
    problems += [f"left in the system's temporary folder: {p.name}"
                 for p in site.system_temp.iterdir()]  # fmt: skip
    target = site.out / name
    if not target.exists():
        return [*problems, f"no {name} after the run again"]
    if target.stat().st_mode & 0o777 != 0o600:
        problems.append(f"{name} is {target.stat().st_mode & 0o777:o}, not 600")
    return problems + whole(target)


def _killed_and_again(site: Site, step: str, command: tuple, name: str, whole: Check) -> Outcome:
    killed = site.run(step, *command)
    outcome = Outcome(killed.returncode == KILLED)
    if not outcome.killed:
        outcome.problems.append(f"not killed ({killed.returncode}): {killed.stderr[-300:]}")
    outcome.problems += after_the_kill(site, name, whole)
    again = site.run("-", *command)
    if again.returncode != 0:
        outcome.problems.append(f"the run again failed: {again.stderr.strip()[-300:]}")
    outcome.problems += after_the_next_start(site, name, whole)
    return outcome


def forms_to_print(path: Path) -> int:
    """How many forms ``print-forms`` prints from the database at ``path`` (no drafts)."""
    with closing(open_database(path)) as db:
        return len(registrations_for_list(db))


def print_killed(site: Site, step: str, forms: int) -> Outcome:
    """``print-forms`` killed at ``step`` and run again; ``lost``: the forms of a final
    PDF that is not whole (all of them: it does not open)."""

    def whole_pdf(path: Path) -> list[str]:
        problem = pdf_problem(path, forms)
        return [f"{path.name}: {problem}"] if problem else []

    outcome = _killed_and_again(
        site, step, ("print-forms", "--out", site.out / "formulir.pdf"), "formulir.pdf", whole_pdf
    )
    target = site.out / "formulir.pdf"
    outcome.lost = forms if not target.exists() or whole_pdf(target) else 0
    return outcome


def niks_in_master(path: Path) -> Counter:
    """How often each NIK stands in the master list at ``path``."""
    book = load_workbook(path, read_only=True)
    try:
        rows = book["Pendaftaran"].iter_rows(min_row=2, values_only=True)
        return Counter(row[1] for row in rows)
    finally:
        book.close()


def master_killed(site: Site, step: str) -> Outcome:
    """``excel-export`` of the master list killed at ``step`` and run again; ``lost``: the
    live registrations missing from the final file or standing there twice."""
    with closing(open_database(site.db)) as db:
        live = {n for (n,) in db.execute("SELECT nik FROM registrations WHERE deleted = 0")}

    def whole_workbook(path: Path) -> list[str]:
        try:
            seen = niks_in_master(path)
        except Exception as exc:  # a half file under its final name does not open
            return [f"{path.name} does not open: {exc}"]
        if set(seen) != live or sum(seen.values()) != len(live):
            return [f"{path.name}: {sum(seen.values())} rows for {len(live)} registrations"]
        return []

    name = "master.xlsx"
    outcome = _killed_and_again(site, step, ("excel-export", "--out", site.out / name), name,
                                whole_workbook)  # fmt: skip
    try:
        seen = niks_in_master(site.out / name)
        outcome.lost = len(live - set(seen)) + sum(n - 1 for n in seen.values() if n > 1)
    except Exception:
        outcome.lost = len(live)
    return outcome
