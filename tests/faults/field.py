"""A district office and one officer device in a folder, as database files the command
line opens in processes of its own; and what the district must see after the officer's
batches arrive, whatever was killed on the way: every batch imported once, none rejected
(``seq_reused``), no gap, no broken chain, every registration the officer made exactly once.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.batch_import import ImportReport, import_batches
from demo.fill import fill_demo
from exchange.enrolment import enrol, init_district, init_officer
from exchange.keys import write_json_atomic
from models.db import open_database
from tests.faults.harness import database_problems, leftovers

#: The day the demo people are made on (the tests never read the wall clock).
TODAY = date(2026, 11, 27)


@dataclass(frozen=True)
class Field:
    """The files of one district and one officer device, two USB sticks and a private
    temporary folder for the processes."""

    root: Path
    district: Path
    officer: Path
    sticks: tuple[Path, Path]
    tmp: Path


def make_field(root: Path, people: int) -> Field:
    """A district, an enrolled officer device holding ``people`` ready registrations."""
    with closing(open_database(root / "district.db")) as district:
        profile = init_district(district, root / "district-keys", "Disnaker", "62.08", 9863)
        with closing(open_database(root / "budi.db")) as officer:
            enrolment = init_officer(officer, root / "budi-keys", profile, "Budi")
            write_json_atomic(root / "budi.json", enrolment)
            enrol(district, root / "budi.json", actor="staf")
            fill_demo(officer, people, seed=1, today=TODAY)
    sticks = (root / "usb-1", root / "usb-2")
    for folder in (*sticks, root / "tmp"):
        folder.mkdir()
    return Field(root, root / "district.db", root / "budi.db", sticks, root / "tmp")


def add_people(field: Field, people: int, seed: int) -> None:
    """The officer registers ``people`` more (ready to leave)."""
    with closing(open_database(field.officer)) as officer:
        fill_demo(officer, people, seed=seed, today=TODAY)


def import_at_district(field: Field, *folders: Path, receipts: bool = False) -> ImportReport:
    with closing(open_database(field.district)) as district:
        return import_batches(district, folders, actor="staf", receipts=receipts)


def _ids(path: Path, where: str = "") -> list[str]:
    with closing(open_database(path)) as db:
        return [i for (i,) in db.execute(f"SELECT id FROM registrations {where} ORDER BY id")]


def district_problems(field: Field, report: ImportReport) -> list[str]:
    """What the district's import of everything the officer wrote shows wrong: rejected
    batches, gaps, broken chains, registrations lost or doubled, a database not whole."""
    problems = [f"rejected {r['file']}: {r['reason']}" for r in report.batches_rejected]
    problems += [f"gap: {g}" for g in report.gaps]
    problems += [f"broken chain: {b}" for b in report.broken_chains]
    made = _ids(field.officer, "WHERE status != 'draft'")  # a draft never leaves
    waiting = _ids(field.officer, "WHERE status = 'ready'")
    if waiting:
        problems.append(f"{len(waiting)} registrations never left the officer's laptop")
    received = _ids(field.district)
    if received != made:
        lost = sorted(set(made) - set(received))
        doubled = len(received) - len(set(received))
        problems.append(f"district holds {len(received)} of {len(made)}: lost {lost},"
                        f" doubled {doubled}")  # fmt: skip
    for folder in field.sticks:
        problems += [f"left in {folder.name}: {name}" for name in leftovers(folder)]
    return problems + database_problems(field.officer) + database_problems(field.district)


def registrations_lost(field: Field) -> int:
    """How many registrations the officer made (drafts aside) the district lacks or holds
    twice."""
    made = _ids(field.officer, "WHERE status != 'draft'")
    received = _ids(field.district)
    return len(set(made) - set(received)) + len(received) - len(set(received))
