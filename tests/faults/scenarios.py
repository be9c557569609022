"""One kill and what follows, for each job that writes: the job is killed at a named step,
run again (and the work carried on), and the outcome checked. Each scenario returns an
`Outcome`: whether the kill happened, every problem found afterwards, and how many
registrations were lost or doubled. ``tests/faults/`` asserts that there are none;
``bench/fault_campaign.py`` counts them.
"""

from __future__ import annotations

import json
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from app.officer import apply_receipt_file, export_to_folder
from demo.people import generate
from exchange.receipts import receipt_path
from models.db import open_database
from models.store import RegistrationStore
from tests.faults.field import (
    TODAY,
    Field,
    add_people,
    district_problems,
    import_at_district,
    make_field,
    registrations_lost,
)
from tests.faults.harness import Run, database_problems, jaring, leftovers, run

#: The steps of an export to a stick the district already answered on, in order.
EXPORT_STEPS = (
    "export.receipt_applied",  # the district's receipt read
    "export.updates_applied",  # its status updates applied
    "export.recorded",  # the batch recorded, before COMMIT
    "export.committed",  # recorded, its file not written yet
    "export.published",  # the file under its name, not yet noted as written
)
#: The steps of a BPJS export into one file, in order.
BPJS_STEPS = (
    "bpjs.file_saved",  # the file complete under a temporary name
    "bpjs.recorded",  # the files recorded to be published, before COMMIT
    "bpjs.committed",  # recorded, not yet under their names
    "bpjs.file_published",  # the file under its name, the registrations not yet marked
    "bpjs.marked",  # marked submitted, before COMMIT
)
#: The steps of a BPJS export into three files (25 registrations, 10 a file): each one
#: reached for the n-th time.
THREE_FILE_STEPS = (
    "bpjs.file_saved#1", "bpjs.file_saved#2", "bpjs.file_saved#3", "bpjs.recorded",
    "bpjs.committed", "bpjs.file_published#1", "bpjs.file_published#2",
    "bpjs.file_published#3", "bpjs.marked",
)  # fmt: skip
#: The steps of an import of three batches with receipts, in order.
IMPORT_STEPS = (
    "import.verified#1", "import.merged#1", "import.verified#2", "import.merged#2",
    "import.verified#3", "import.merged#3", "import.receipts", "import.receipts_written",
)  # fmt: skip
#: The steps of five saves one by one (the third cut), and of demo data (one transaction).
SAVE_STEPS = ("save.written#3", "save.committed#3", "save.many_written", "save.many_committed")


@dataclass
class Outcome:
    """What a kill and the run after it left."""

    killed: bool = False
    problems: list[str] = field(default_factory=list)
    lost: int = 0  # registrations lost or doubled

    def ran(self, done: Run, what: str) -> bool:
        """Note a run that should have succeeded; False when it did not."""
        if done.code != 0:
            self.problems.append(f"{what} failed ({done.code}): {done.err.strip()[-300:]}")
        return done.code == 0


# --- export -------------------------------------------------------------------------------


def first_batch_answered(field: Field) -> None:
    """Batch 1 left and the district imported it, leaving its receipt and updates file on
    the stick; the officer then registered five more people."""
    done = jaring("export", "--out", field.sticks[0], db=field.officer)
    assert done.code == 0, done.err
    import_at_district(field, field.sticks[0], receipts=True)
    add_people(field, 5, seed=2)


def export_killed(root: Path, step: str, rerun_on_other_stick: bool = False) -> Outcome:
    """Kill ``export`` at ``step``, run it again (on the same stick or another one), export
    more to a third stick, import every stick at the district."""
    field = make_field(root, people=12)
    first, second = field.sticks
    first_batch_answered(field)
    outcome = Outcome(jaring("export", "--out", first, db=field.officer, fault=step).killed)
    again = jaring("export", "--out", second if rerun_on_other_stick else first, db=field.officer)
    outcome.ran(again, "the export after the kill")
    add_people(field, 3, seed=3)
    third = root / "usb-3"
    third.mkdir()
    outcome.ran(jaring("export", "--out", third, db=field.officer), "the next export")
    report = import_at_district(field, first, second, third)
    outcome.problems += district_problems(field, report)
    if report.batches_imported != 2:  # 2 and 3; 1 was imported before
        outcome.problems.append(f"{report.batches_imported} batches imported, not 2")
    outcome.lost = registrations_lost(field)
    return outcome


# --- BPJS ---------------------------------------------------------------------------------


def bpjs_district(root: Path) -> Path:
    """A district database: 25 registrations received, 10 ready, 5 registered already;
    an empty folder ``out`` and a private temporary folder ``tmp`` beside it."""
    path = root / "district.db"
    people = list(generate(40, seed=11, regency_code="62.08", today=TODAY))
    statuses = ["received"] * 25 + ["ready"] * 10 + ["registered"] * 5
    with closing(open_database(path)) as db:
        RegistrationStore(db).insert_many(
            [reg.copy(status=s) for reg, s in zip(people, statuses, strict=True)], "staf"
        )
    (root / "out").mkdir()
    (root / "tmp").mkdir()
    return path


def niks_of_each_status(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    with closing(open_database(path)) as db:
        for status, nik in db.execute("SELECT status, nik FROM registrations ORDER BY nik"):
            found.setdefault(status, []).append(nik)
    return found


def niks_in(folder: Path) -> Counter:
    """How often each NIK stands in the BPJS files of ``folder`` (every file must open)."""
    seen: Counter = Counter()
    for path in sorted(folder.glob("*.xlsx")):
        book = load_workbook(path, read_only=True)
        seen.update(row[0] for row in book.active.iter_rows(min_row=2, values_only=True))
        book.close()
    return seen


def bpjs_outcome(path: Path, out: Path, received: list[str], outcome: Outcome) -> Outcome:
    """Who went to BPJS twice or never, who is not marked, leftovers, a broken database."""
    try:
        seen = niks_in(out)
    except Exception as exc:  # a half file under a final name does not open
        outcome.problems.append(f"a file does not open: {exc}")
        return outcome
    doubled = sum(times - 1 for times in seen.values() if times > 1)
    missing = set(received) - set(seen)
    outcome.lost = doubled + len(missing)
    if doubled:
        outcome.problems.append(f"{doubled} people in two files")
    if missing or set(seen) - set(received):
        outcome.problems.append(f"{len(missing)} received not sent; sent but not received:"
                                f" {len(set(seen) - set(received))}")  # fmt: skip
    now = niks_of_each_status(path)
    if now.get("submitted") != received:
        outcome.problems.append(f"{len(now.get('submitted', []))} of {len(received)} submitted")
    outcome.problems += [f"left in the folder: {name}" for name in leftovers(out)]
    outcome.problems += database_problems(path)
    return outcome


def bpjs_cli(path: Path, fault: str | None = None) -> Run:
    """``excel-export --bpjs --out OUT --mark-submitted`` on the district at ``path``."""
    return jaring("excel-export", "--bpjs", "--out", path.parent / "out", "--mark-submitted",
                  db=path, fault=fault, tmp=path.parent / "tmp")  # fmt: skip


def three_files(path: Path, fault: str | None = None, day: date = TODAY, out: Path | None = None):
    """The same export at most 10 rows a file, as if it were ``day``."""
    out = out or path.parent / "out"
    argv = ["-m", "tests.faults.drivers", "bpjs", path, out, "10", day]
    return run(argv, fault=fault, tmp=path.parent / "tmp")


def bpjs_killed(root: Path, step: str, three: bool = False) -> Outcome:
    """Kill the marking BPJS export at ``step`` and run it again."""
    path = bpjs_district(root)
    received = niks_of_each_status(path)["received"]
    export = three_files if three else bpjs_cli
    outcome = Outcome(export(path, fault=step).killed)
    outcome.ran(export(path), "the export after the kill")
    return bpjs_outcome(path, path.parent / "out", received, outcome)


# --- import at the district ---------------------------------------------------------------


def three_batches(field: Field) -> str:
    """The officer's three batches on the first stick; returns the device id."""
    with closing(open_database(field.officer)) as officer:
        for seed in (2, 3, None):
            assert export_to_folder(officer, field.sticks[0]).batch is not None
            if seed:
                add_people(field, 4, seed=seed)
        return officer.execute("SELECT device_id FROM identity").fetchone()[0]


def import_cli(field: Field, fault: str | None = None) -> Run:
    return jaring("import", field.sticks[0], "--receipts", "--json", db=field.district,
                  fault=fault)  # fmt: skip


def import_killed(root: Path, step: str) -> Outcome:
    """Kill ``import --receipts`` of three batches at ``step`` and run it again; the
    officer then reads the receipt."""
    field = make_field(root, people=12)
    device = three_batches(field)
    outcome = Outcome(import_cli(field, fault=step).killed)
    again = import_cli(field)
    if outcome.ran(again, "the import after the kill"):
        summary = json.loads(again.out.splitlines()[-1])
        if summary["batches_imported"] + summary["batches_skipped"] != 3:
            outcome.problems.append(f"the import after the kill: {summary}")
    outcome.problems += district_problems(field, import_at_district(field, field.sticks[0]))
    outcome.lost = registrations_lost(field)
    with closing(open_database(field.officer)) as officer:
        acknowledged = apply_receipt_file(officer, receipt_path(field.sticks[0], device))
    if (sorted(acknowledged.newly), acknowledged.mismatched) != ([1, 2, 3], []):
        outcome.problems.append(f"the receipt acknowledges {acknowledged}")
    return outcome


# --- saving -------------------------------------------------------------------------------


def ids_in(path: Path) -> list[str]:
    with closing(open_database(path)) as db:
        return [i for (i,) in db.execute("SELECT id FROM registrations ORDER BY id")]


def save_killed(root: Path, step: str) -> Outcome:
    """Kill five saves one by one (``save.*#3``) or demo data (``save.many_*``) at
    ``step``: what returned is kept, the cut one is whole or absent, the run after it
    stores the rest and doubles nobody."""
    path = root / "budi.db"
    if step.startswith("save.many"):
        job = ["main.py", "demo", "--records", "30", "--db", path]
        rerun = [*job, "--force"]
    else:
        job = rerun = ["-m", "tests.faults.drivers", "save", path, "5"]
    killed = run(job, fault=step)
    outcome = Outcome(killed.killed)
    returned = set(killed.out.split()) if not step.startswith("save.many") else set()
    after_kill = ids_in(path)
    outcome.lost = len(returned - set(after_kill))
    if outcome.lost:
        outcome.problems.append(f"{outcome.lost} saves that returned are gone")
    whole = (0, 30) if step.startswith("save.many") else (len(returned), len(returned) + 1)
    if len(after_kill) not in whole:
        outcome.problems.append(f"{len(after_kill)} stored after the kill: a save was cut")
    outcome.problems += database_problems(path)
    outcome.ran(run(rerun), "the run after the kill")
    stored = ids_in(path)
    expected = 30 if step.startswith("save.many") else 5
    if len(stored) != expected:
        outcome.problems.append(f"{len(stored)} registrations, not {expected}")
        outcome.lost += abs(len(stored) - expected)
    outcome.problems += database_problems(path)
    return outcome
