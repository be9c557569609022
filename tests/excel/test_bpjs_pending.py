"""A BPJS export that marks what it sends records its files before publishing them; one
cut short after that (here: stopped at a step with no clean-up, as a kill would leave it)
is finished by the next export: its files published once, its registrations marked once.
(The same with real kills of the command line: ``tests/faults/test_bpjs_faults.py``.)"""

import errno
from collections import Counter
from datetime import date

import pytest
from openpyxl import load_workbook

from demo.people import generate
from excel import bpjs_export, bpjs_pending
from excel.export import ExcelExportError, export_bpjs
from models import export_rows, fault_points
from models.audit import verify_chain
from models.sqlite_driver import sqlite
from models.store import RegistrationStore

TODAY = date(2026, 11, 27)


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no clean-up either."""


@pytest.fixture
def received(db):
    """25 registrations received at the district (and 5 ready ones the export leaves)."""
    people = list(generate(30, seed=11, regency_code="62.08", today=TODAY))
    statuses = ["received"] * 25 + ["ready"] * 5
    people = [reg.copy(status=s) for reg, s in zip(people, statuses, strict=True)]
    RegistrationStore(db).insert_many(people, "budi")
    return people[:25]


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "bpjs"
    folder.mkdir()
    return folder


def killed_at(db, out, step, monkeypatch):
    """Run a marking export into three files and stop it dead at ``step``."""

    def reach(name):
        if name == step:
            raise Killed(name)

    with monkeypatch.context() as patch:
        patch.setattr(fault_points, "reach", reach)
        patch.setattr(bpjs_export._BpjsFiles, "undo", lambda self, db: None)
        with pytest.raises(Killed):
            export(db, out)


def export(db, out, **options):
    options = {"mark_submitted": True, "actor": "staf", "today": TODAY,
               "max_rows_per_file": 10, **options}  # fmt: skip
    return export_bpjs(db, out, **options)


def niks(folder) -> Counter:
    seen = Counter()
    for path in sorted(folder.glob("*.xlsx")):
        book = load_workbook(path, read_only=True)
        seen.update(row[0] for row in book.active.iter_rows(min_row=2, values_only=True))
        book.close()
    return seen


def submitted(db) -> int:
    return export_rows.count_registrations(db, status="submitted")


def test_the_next_export_finishes_one_killed_after_recording(db, received, out, monkeypatch):
    killed_at(db, out, "bpjs.committed", monkeypatch)
    assert len(export_rows.files_to_publish(db)) == 3
    assert list(out.glob("*.xlsx")) == [] and submitted(db) == 0
    done = export(db, out)  # nothing new to send: the earlier files are the export
    assert [p.name for p in done.paths] == [
        f"bpjs-kolektif-2026-11-27-0{n}.xlsx" for n in (1, 2, 3)
    ]
    assert (done.rows, done.rows_per_file, done.marked) == (25, [10, 10, 5], 25)
    assert niks(out) == Counter({reg.nik: 1 for reg in received})
    assert submitted(db) == 25 and export_rows.files_to_publish(db) == []
    assert sorted(p.name for p in out.iterdir()) == [p.name for p in done.paths]  # no .tmp
    assert verify_chain(db).ok


def test_a_recorded_file_that_cannot_be_published_waits_for_the_next_export(
    db, received, out, monkeypatch
):
    killed_at(db, out, "bpjs.committed", monkeypatch)

    def full(path, data, mode=0o666, *, replace=True):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(bpjs_pending, "write_atomically", full)
        with pytest.raises(ExcelExportError) as error:
            export(db, out)
    assert error.value.code == "write_failed" and "No space left" in error.value.message
    assert list(out.glob("*.xlsx")) == [] and submitted(db) == 0
    assert len(export_rows.files_to_publish(db)) == 3
    assert export(db, out).marked == 25
    assert niks(out) == Counter({reg.nik: 1 for reg in received})


def test_a_name_taken_since_the_kill_is_left_alone(db, received, out, monkeypatch):
    killed_at(db, out, "bpjs.committed", monkeypatch)
    intruder = out / "bpjs-kolektif-2026-11-27-01.xlsx"
    intruder.write_bytes(b"someone else's file")
    done = export(db, out)
    assert [p.name for p in done.paths] == [
        f"bpjs-kolektif-2026-11-27-0{n}.xlsx" for n in (2, 3, 4)
    ]
    assert intruder.read_bytes() == b"someone else's file"
    intruder.unlink()
    assert niks(out) == Counter({reg.nik: 1 for reg in received})


def test_new_registrations_go_in_files_after_the_finished_ones(db, received, out, monkeypatch):
    killed_at(db, out, "bpjs.file_published", monkeypatch)
    late = [reg.copy(status="received") for reg in generate(4, seed=12, regency_code="62.08",
                                                            today=TODAY)]  # fmt: skip
    RegistrationStore(db).insert_many(late, "budi")
    done = export(db, out)
    assert done.rows_per_file == [10, 10, 5, 4] and done.marked == 29
    assert done.paths[-1].name == "bpjs-kolektif-2026-11-27-04.xlsx"
    assert niks(out) == Counter({reg.nik: 1 for reg in [*received, *late]})


def test_an_export_that_fails_forgets_its_files(db, received, out, monkeypatch):
    def broken(*args, **kwargs):
        raise sqlite.OperationalError("database is locked")

    monkeypatch.setattr(bpjs_export.export_rows, "mark_submitted", broken)
    with pytest.raises(ExcelExportError) as error:
        export(db, out)
    assert error.value.code == "mark_failed"
    assert list(out.iterdir()) == []
    assert export_rows.files_to_publish(db) == [] and submitted(db) == 0


def test_what_a_killed_export_left_beside_its_files_is_removed(db, received, out):
    leftover = out / ".bpjs-kolektif-2026-11-20-01.xlsx.0badf00d.tmp"
    leftover.write_bytes(b"PK half a file with NIKs")
    other = out / ".notes.xlsx.0badf00d.tmp"
    other.write_bytes(b"not ours")
    export(db, out, mark_submitted=False)
    assert not leftover.exists() and other.exists()
