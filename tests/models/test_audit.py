"""The audit log's hash chain: intact after normal work, broken (at the right row) by every
kind of tampering, and guarded by triggers against casual edits."""

from __future__ import annotations

import itertools
import json
from datetime import date

import pytest

from models import audit
from models.audit import GENESIS, row_hash, verify_chain
from models.db import open_database, select_rows
from models.registration import Registration
from models.sqlite_driver import sqlite
from models.store import RegistrationStore


def person(name: str, nik: str, **changes) -> Registration:
    return Registration(
        nik=nik,
        full_name=name,
        birth_date=date(1990, 7, 5),
        sex="P",
        village_code="62.08.01.2001",
        address="Jl. Tjilik Riwut",
        **changes,
    )


@pytest.fixture
def history(db):
    """Five audit rows: insert A, insert B, update A, delete B, update A."""
    store = RegistrationStore(db)
    a = store.save(person("Siti Aminah", "6208014507900001"), "budi")
    b = store.save(person("Dewi Lestari", "6208014808850002"), "budi")
    a = store.save(a.copy(phone="081234567890"), "budi")
    store.delete(b.id, "ani")
    a = store.save(a.copy(status="ready"), "ani")
    return db


def audit_table(db) -> list[dict]:
    return select_rows(db, "SELECT * FROM audit_log ORDER BY seq")


def drop_triggers(db) -> None:
    """What an attacker with the file and the sqlite3 tool does first."""
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("DROP TRIGGER audit_log_no_delete")


def test_empty_log_is_intact(db):
    check = verify_chain(db)
    assert check.ok
    assert check.rows_checked == 0


def test_chain_after_saves_updates_and_deletes_is_intact(history):
    check = verify_chain(history)
    assert check.ok, check
    assert check.rows_checked == 5
    assert check.reason == ""


def test_log_rows_say_who_did_what(history):
    rows = audit_table(history)
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5]
    assert [r["action"] for r in rows] == ["insert", "insert", "update", "delete", "update"]
    assert [r["actor"] for r in rows] == ["budi", "budi", "budi", "ani", "ani"]
    assert [r["version"] for r in rows] == [1, 1, 2, 2, 3]
    a, b = rows[0]["registration_id"], rows[1]["registration_id"]
    assert [r["registration_id"] for r in rows] == [a, b, a, b, a]
    assert rows[0]["before"] is None
    assert json.loads(rows[2]["before"])["phone"] == ""
    assert json.loads(rows[2]["after"])["phone"] == "081234567890"
    assert json.loads(rows[3]["after"])["deleted"] == 1


def test_each_row_chains_to_the_previous(history):
    rows = audit_table(history)
    assert rows[0]["prev_hash"] == GENESIS
    for previous, row in itertools.pairwise(rows):
        assert row["prev_hash"] == previous["hash"]
    for row in rows:
        assert row["hash"] == row_hash(row, row["prev_hash"])
    assert len({r["hash"] for r in rows}) == 5


def test_head_hash(history, db):
    rows = audit_table(history)
    assert audit.head_hash(history) == (5, rows[-1]["hash"])


def test_insert_many_chains_too(db):
    store = RegistrationStore(db)
    store.save(person("Siti Aminah", "6208014507900001"), "budi")
    store.insert_many([person(f"Orang {i}", f"62080105079{i:01d}0001") for i in range(3)], "demo")
    assert verify_chain(db).ok
    assert verify_chain(db).rows_checked == 4


def test_two_connections_writing_in_turn_keep_one_chain(tmp_path):
    path = tmp_path / "shared.db"
    first, second = open_database(path), open_database(path)
    try:
        one, two = RegistrationStore(first), RegistrationStore(second)
        a = one.save(person("Siti Aminah", "6208014507900001"), "gui")
        b = two.save(person("Dewi Lestari", "6208014808850002"), "worker")
        one.save(a.copy(address="Jl. Lain"), "gui")
        two.save(b.copy(address="Jl. Lain"), "worker")
        assert verify_chain(first).ok
        assert verify_chain(first).rows_checked == 4
    finally:
        first.close()
        second.close()


# --- the triggers ------------------------------------------------------------------------


def test_update_is_refused_while_the_trigger_exists(history):
    before = audit_table(history)
    with pytest.raises(sqlite.DatabaseError, match="append-only"):
        history.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
    assert audit_table(history) == before


def test_delete_is_refused_while_the_trigger_exists(history):
    with pytest.raises(sqlite.DatabaseError, match="append-only"):
        history.execute("DELETE FROM audit_log WHERE seq = 5")
    with pytest.raises(sqlite.DatabaseError, match="append-only"):
        history.execute("DELETE FROM audit_log")
    assert len(audit_table(history)) == 5


# --- tampering ---------------------------------------------------------------------------


def test_edited_after_json_is_detected_at_that_row(history):
    drop_triggers(history)
    after = json.loads(audit_table(history)[2]["after"])
    after["phone"] = "089999999999"
    history.execute(
        "UPDATE audit_log SET after = ? WHERE seq = 3", [json.dumps(after, sort_keys=True)]
    )
    history.conn.commit()
    check = verify_chain(history)
    assert not check.ok
    assert (check.first_bad_seq, check.reason) == (3, "hash")
    assert check.rows_checked == 2


@pytest.mark.parametrize("column", ["at", "actor", "action", "registration_id", "before"])
def test_any_edited_column_is_detected(history, column):
    drop_triggers(history)
    history.execute(f"UPDATE audit_log SET {column} = 'x' WHERE seq = 4")
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (4, "hash")


def test_edited_version_is_detected(history):
    drop_triggers(history)
    history.execute("UPDATE audit_log SET version = 9 WHERE seq = 2")
    assert verify_chain(history).first_bad_seq == 2


def test_edited_row_with_a_recomputed_hash_breaks_the_next_link(history):
    """A careful attacker fixes the row's own hash; the next row still points at the old."""
    drop_triggers(history)
    row = audit_table(history)[1]
    row["actor"] = "mallory"
    history.execute(
        "UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 2",
        [row["actor"], row_hash(row, row["prev_hash"])],
    )
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (3, "prev_hash")


def test_deleted_middle_row_is_detected(history):
    drop_triggers(history)
    history.execute("DELETE FROM audit_log WHERE seq = 3")
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (3, "missing")
    assert check.rows_checked == 2


def test_deleted_first_row_is_detected(history):
    drop_triggers(history)
    history.execute("DELETE FROM audit_log WHERE seq = 1")
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (1, "missing")


def test_deleted_last_row_is_detected_through_the_registrations(history):
    drop_triggers(history)
    history.execute("DELETE FROM audit_log WHERE seq = 5")
    check = verify_chain(history)
    assert not check.ok
    assert (check.first_bad_seq, check.reason) == (5, "missing")
    assert check.rows_checked == 4


def test_deleted_last_two_rows_are_detected(history):
    drop_triggers(history)
    history.execute("DELETE FROM audit_log WHERE seq >= 4")
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (4, "missing")


def test_whole_log_deleted_is_detected(history):
    drop_triggers(history)
    history.execute("DELETE FROM audit_log")
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (1, "missing")


def test_changed_hash_is_detected_at_that_row(history):
    drop_triggers(history)
    history.execute("UPDATE audit_log SET hash = ? WHERE seq = 2", ["f" * 64])
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (2, "hash")


def test_changed_last_hash_is_detected(history):
    drop_triggers(history)
    history.execute("UPDATE audit_log SET hash = ? WHERE seq = 5", ["0" * 64])
    assert verify_chain(history).first_bad_seq == 5


def test_changed_prev_hash_is_detected(history):
    drop_triggers(history)
    history.execute("UPDATE audit_log SET prev_hash = ? WHERE seq = 4", ["a" * 64])
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (4, "prev_hash")


def test_registration_edited_behind_the_stores_back_is_detected(history):
    """A registration whose version moved on without an audit row."""
    history.execute("UPDATE registrations SET version = version + 1, phone = '0899'")
    check = verify_chain(history)
    assert (check.first_bad_seq, check.reason) == (6, "missing")


def test_removed_row_is_detected_even_after_a_later_save(db):
    """A deleted audit row whose gap a later save of the same registration papers over."""
    store = RegistrationStore(db)
    reg = store.save(Registration(full_name="Ani", birth_date=date(1990, 1, 1)), "budi")
    reg = store.save(reg.copy(full_name="Ani S"), "budi")
    db.execute("DROP TRIGGER audit_log_no_delete")
    last_seq = db.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0]
    db.execute("DELETE FROM audit_log WHERE seq = ?", [last_seq])
    db.conn.commit()
    store.save(reg.copy(full_name="Ani Sari"), "budi")
    check = verify_chain(db)
    assert not check.ok
    assert check.reason == "missing"
    assert check.first_bad_seq == last_seq


def test_registrations_edited_or_removed_behind_the_log_are_detected(db):
    store = RegistrationStore(db)
    first = store.save(Registration(full_name="Ani", birth_date=date(1990, 1, 1)), "budi")
    second = store.save(Registration(full_name="Budi", birth_date=date(1991, 1, 1)), "budi")
    assert verify_chain(db).ok
    db.execute("UPDATE registrations SET full_name = 'Ani Palsu' WHERE id = ?", [first.id])
    db.conn.commit()
    check = verify_chain(db)
    assert (check.ok, check.reason) == (False, "registration_differs")
    db.execute("UPDATE registrations SET full_name = 'Ani' WHERE id = ?", [first.id])
    db.execute("DELETE FROM registrations WHERE id = ?", [second.id])
    db.conn.commit()
    check = verify_chain(db)
    assert (check.ok, check.reason) == (False, "registration_missing")
    assert check.first_bad_seq == 2


def test_a_failed_commit_leaves_no_open_transaction(db):
    from models.db import write_transaction

    db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    db.execute(
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER"
        " REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)"
    )
    db.conn.commit()
    with pytest.raises(sqlite.IntegrityError), write_transaction(db):
        db.execute("INSERT INTO child (parent) VALUES (42)")  # fails only at COMMIT
    assert not db.conn.in_transaction
    store = RegistrationStore(db)
    store.save(Registration(full_name="Sesudah"), "budi")
    assert db.execute("SELECT COUNT(*) FROM registrations").fetchone()[0] == 1
    assert not db.conn.in_transaction
