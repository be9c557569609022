"""An encrypted database at rest: nothing personal readable in its folder or the temp
folder, refused without its key, converted from plain without loss."""

import os
import tempfile
from contextlib import closing

import pytest

from models import keyring
from models.audit import verify_chain
from models.db import Checkpointer, DatabaseError, open_database
from models.encryption import create_encrypted, protect, table_counts
from models.sqlite_driver import sqlite
from models.store import RegistrationStore
from tests.factories import person, siti

PASS = "padi kuning di sukamara"
PEOPLE = [siti(status="ready")] + [
    person(n, name, "62.08.01.2001", status="ready")
    for n, name in enumerate(("Rahmat Hidayat", "Yuliana Sembiring", "Bambang Sutrisno"), 2)
]


def _personal_bytes(people) -> list[bytes]:
    found = []
    for reg in people:
        found += [reg.nik.encode(), reg.full_name.encode(), reg.full_name.upper().encode()]
    return [*found, b"Fatimah", b"081234567890"]


def _files_under(*folders):
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in names:
                yield os.path.join(root, name)


def _leaks(folders, people) -> list[str]:
    needles = _personal_bytes(people)
    leaks = []
    for path in _files_under(*folders):
        with open(path, "rb") as file:
            data = file.read()
        leaks += [f"{path}: {n!r}" for n in needles if n in data]
    return leaks


def test_nothing_personal_is_readable_in_the_database_folder_or_temp(tmp_path, monkeypatch):
    """People saved, an Excel list and a batch written: the raw bytes of every file beside
    the database (log and shm while open included) and in the temp folder hold no NIK and
    no name. The exported files themselves are handed on on purpose and live elsewhere."""
    data = tmp_path / "data"
    data.mkdir()
    temp = tmp_path / "systemp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    path = data / "jaring.db"
    create_encrypted(path, PASS, "budi", "officer")
    db = open_database(path, autocheckpoint=False)
    store = RegistrationStore(db)
    for reg in PEOPLE:
        store.save(reg, actor="budi")
    from excel.export import export_master

    out = tmp_path / "handed-on"
    out.mkdir()
    export_master(db, out / "daftar.xlsx")
    assert os.path.exists(f"{path}-wal")  # the log is there, and holds the saves
    assert _leaks([data, temp], PEOPLE) == []
    db.close()
    assert _leaks([data, temp], PEOPLE) == []
    # The test can find what it looks for: the plain export holds the names.
    import zipfile

    with zipfile.ZipFile(out / "daftar.xlsx") as sheet:
        xml = b"".join(sheet.read(n) for n in sheet.namelist())
    assert b"Rahmat Hidayat" in xml


def test_a_plain_database_shows_what_the_leak_test_looks_for(tmp_path):
    """The same search finds the people in a plain database: the test can fail."""
    db = open_database(tmp_path / "plain.db")
    for reg in PEOPLE:
        RegistrationStore(db).save(reg, actor="budi")
    assert _leaks([tmp_path], PEOPLE)
    db.close()


def test_an_encrypted_database_opens_only_with_its_key(tmp_path):
    path = tmp_path / "jaring.db"
    create_encrypted(path, PASS, "budi", "officer")
    with closing(open_database(path)) as db:
        RegistrationStore(db).save(siti(), actor="budi")
    keyring.forget(path)
    with pytest.raises(DatabaseError) as locked:
        open_database(path)
    assert locked.value.code == "locked"
    other, _ = keyring.create(tmp_path / "other.db", PASS, "x", "officer")
    with pytest.raises(DatabaseError) as wrong:
        open_database(path, key=other.data_key)
    assert wrong.value.code == "wrong_key"
    os.remove(keyring.keys_path(path))
    with pytest.raises(DatabaseError) as no_keys:
        open_database(path)
    assert no_keys.value.code == "no_keys"


def test_the_checkpointer_and_other_threads_open_with_the_remembered_key(tmp_path):
    path = tmp_path / "jaring.db"
    create_encrypted(path, PASS, "budi", "officer")
    db = open_database(path, autocheckpoint=False)
    RegistrationStore(db).save(siti(), actor="budi")
    checkpointer = Checkpointer(path, interval=0.01).start()
    checkpointer.stop()
    assert os.path.getsize(f"{path}-wal") == 0  # folded in by the checkpointer's connection
    db.close()


def test_an_empty_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(DatabaseError) as empty:
        open_database(path)
    assert empty.value.code == "not_database"
    assert path.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_a_database_from_a_newer_version_is_refused_and_not_written(tmp_path):
    path = tmp_path / "newer.db"
    with closing(open_database(path)) as db:
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('jaring', 'm099_from_the_future', '2027-01-01')"
        )
        db.execute("UPDATE settings SET value = '\"0.9.0\"' WHERE key = 'written_by_version'")
        db.conn.commit()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=r"versi 0\.9\.0 \(skema") as newer:
        open_database(path)
    assert newer.value.code == "newer_schema"
    assert path.read_bytes() == before


def test_protect_converts_a_plain_database_without_losing_anything(tmp_path):
    path = tmp_path / "jaring.db"
    with closing(open_database(path)) as db:
        for reg in PEOPLE:
            RegistrationStore(db).save(reg, actor="budi")
        before = table_counts(db)
    protect(path, PASS, "budi", "officer")
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert not any(n in path.read_bytes() for n in _personal_bytes(PEOPLE))
    keyring.forget(path)
    keyring.remember(path, keyring.unlock(path, PASS))
    with closing(open_database(path)) as db:
        assert table_counts(db) == before
        assert verify_chain(db).ok
        assert all(RegistrationStore(db).get(reg.id) for reg in PEOPLE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jaring.db", "jaring.db.keys"]


def test_protect_killed_before_its_last_step_leaves_the_plain_database_working(
    tmp_path, monkeypatch
):
    """The copy is checked and the key file written, then the move fails: the plain file
    still opens as before, and protect runs again."""
    path = tmp_path / "jaring.db"
    with closing(open_database(path)) as db:
        RegistrationStore(db).save(siti(), actor="budi")

    def killed(*args):
        raise OSError("killed")

    monkeypatch.setattr("models.encryption.os.replace", killed)
    with pytest.raises(OSError):
        protect(path, PASS, "budi", "officer")
    monkeypatch.undo()
    keyring.forget(path)
    with closing(open_database(path)) as db:
        assert RegistrationStore(db).get("reg-siti") is not None
    protect(path, PASS, "budi", "officer")
    keyring.forget(path)
    keyring.remember(path, keyring.unlock(path, PASS))
    with closing(open_database(path)) as db:
        assert RegistrationStore(db).get("reg-siti") is not None


def test_a_plain_file_is_never_mistaken_for_an_encrypted_one(tmp_path):
    path = tmp_path / "jaring.db"
    with closing(sqlite.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
    with closing(open_database(path)) as db:
        assert "registrations" in db.table_names()
