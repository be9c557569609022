"""Under the usual umask 022 every file Jaring writes is its owner's only (0600) and its own
folders 0700: batches, receipts and updates files, the district profile and the enrolment
file, the Excel and PDF files, the merge log, the keys. (They hold NIKs, names and keys;
what is handed on goes by USB stick, whose own filesystem decides there.)

The database file and its -wal and -shm are set in `models.db`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.conflict_queue import export_merge_log
from models.db import open_database
from tests.cli import run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def ran(capsys, *args) -> None:
    done = run_cli(capsys, *args)
    assert done.code == 0, done.err


def test_every_file_written_is_the_owners_only(tmp_path, capsys, umask_022, qapp):
    district, officer = tmp_path / "district.db", tmp_path / "officer.db"
    usb = tmp_path / "usb"
    usb.mkdir()
    ran(capsys, "district-init", "--name", "Disnaker", "--regency", "62.08",
        "--profile-out", usb / "profile.json", "--db", district)  # fmt: skip
    ran(capsys, "officer-init", "--profile", usb / "profile.json", "--officer", "Budi",
        "--enrol-out", usb / "enrol.json", "--db", officer)  # fmt: skip
    ran(capsys, "enrol", usb / "enrol.json", "--db", district)
    ran(capsys, "demo", "--records", "12", "--seed", "3", "--db", officer)
    ran(capsys, "export", "--out", usb, "--db", officer)
    ran(capsys, "import", usb, "--receipts", "--db", district)
    ran(capsys, "write-updates", "--out", usb, "--db", district)
    ran(capsys, "excel-export", "--out", usb / "master.xlsx", "--db", district)
    ran(capsys, "print-list", "--out", usb / "daftar.pdf", "--db", officer)
    with open_database(district) as db:
        export_merge_log(db, usb / "merge-log.csv")
    written = {path.name: mode(path) for path in usb.iterdir()}
    kinds = {name.split(".", 1)[-1] for name in written}
    assert {"jaring", "receipt.json", "updates.json", "json", "xlsx", "pdf", "csv"} <= kinds
    assert written == dict.fromkeys(written, 0o600)
    for keys in (tmp_path / "district-keys", tmp_path / "officer-keys"):
        assert mode(keys) == 0o700
        assert {mode(key) for key in keys.iterdir()} == {0o600}
    # BPJS's collective files, handed on: 0600 too (the stick's own file system decides).
    (usb / "bpjs").mkdir()
    ran(capsys, "excel-export", "--bpjs", "--out", usb / "bpjs", "--db", district)
    bpjs = list((usb / "bpjs").iterdir())
    assert bpjs and {mode(path) for path in bpjs} == {0o600}
    # The databases, their logs and key files.
    databases = [p for p in tmp_path.iterdir() if p.is_file() and ".db" in p.name]
    assert any(p.name.endswith("-wal") for p in databases) or databases
    assert {mode(path) for path in databases} == {0o600}
