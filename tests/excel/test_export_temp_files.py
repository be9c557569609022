"""Where an Excel file's temporary files go while it is written: the rows (NIKs, names,
addresses) that openpyxl's write-only sheets and `excel.xlsx_rows` stream through files are
in the app's owner-only folder beside the database, never in the system's temporary folder
where a killed export left them readable by everyone; nothing stays once the file is
written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from openpyxl.worksheet import _writer

from excel.export import export_bpjs, export_master
from excel.list_import import read_list, write_error_report
from models import private_temp
from models.private_temp import temp_root
from models.store import RegistrationStore
from models.validation import ValidationContext
from tests.factories import TODAY, person

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "excel"
NATAI = "62.08.01.2001"


@pytest.fixture
def system_temp(tmp_path, monkeypatch):
    """The system's temporary folder, as `tempfile` finds it (/tmp, $TMPDIR)."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def made(monkeypatch):
    """Every temporary file openpyxl and excel.xlsx_rows make: its path and its mode."""
    files: list[tuple[Path, int]] = []

    def noted(name: str) -> str:
        files.append((Path(name), os.stat(name).st_mode & 0o777))
        return name

    sheet_file = _writer.create_temporary_file
    monkeypatch.setattr(
        _writer, "create_temporary_file", lambda suffix="": noted(sheet_file(suffix))
    )
    mkstemp = tempfile.mkstemp

    def rows_file(*args, **kwargs):
        handle, name = mkstemp(*args, **kwargs)
        return handle, noted(name)

    monkeypatch.setattr(tempfile, "mkstemp", rows_file)
    return files


def people(db, status: str = "ready") -> None:
    RegistrationStore(db).insert_many(
        [person(n, f"Orang {n}", NATAI, status=status) for n in range(1, 6)], "budi"
    )


def in_private_folder(files, database: Path) -> bool:
    root = temp_root(database)
    return bool(files) and all(
        path.parent.parent == root and mode & 0o077 == 0 for path, mode in files
    )


def test_the_master_list_streams_its_rows_in_the_private_folder(db, tmp_path, system_temp, made):
    people(db)
    export_master(db, tmp_path / "master.xlsx", today=TODAY)
    assert {p.name.split(".")[0].split("-")[0] for p, _ in made} >= {"openpyxl", "jaring"}
    assert in_private_folder(made, tmp_path / "jaring.db")
    assert list(system_temp.iterdir()) == []
    assert not temp_root(tmp_path / "jaring.db").exists()  # removed once written


def test_the_bpjs_files_stream_their_rows_in_the_private_folder(db, tmp_path, system_temp, made):
    people(db, status="received")
    out = tmp_path / "bpjs"
    out.mkdir()
    export_bpjs(db, out, today=TODAY)
    assert in_private_folder(made, tmp_path / "jaring.db")
    assert list(system_temp.iterdir()) == []
    assert not temp_root(tmp_path / "jaring.db").exists()


def test_the_error_report_is_written_through_the_private_folder(
    db, tmp_path, system_temp, made, monkeypatch
):
    monkeypatch.setattr(private_temp, "_default_database", None)
    private_temp.start(tmp_path / "jaring.db")  # as the app does when it starts
    plan = read_list(db, FIXTURES / "traps.xlsx", context=ValidationContext(today=TODAY))
    write_error_report(plan, tmp_path / "laporan.xlsx", lambda problem: problem.code)
    assert in_private_folder(made, tmp_path / "jaring.db")
    assert list(system_temp.iterdir()) == []
