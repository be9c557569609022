"""m018: a database written before it keeps its registrations and their audit chain; the
card's handover day reads as '' (not yet) until one is recorded."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from models import audit
from models.audit import verify_chain
from models.card_handover import record_handover
from models.db import open_database
from models.migrations import STEPS
from models.migrations.steps_m018 import M018_COLUMNS, m018_kpj_card_handover
from models.sqlite_driver import sqlite
from models.store import RegistrationStore
from tests.factories import siti


def _before_m018(path) -> None:
    """A registered participant as the version before m018 wrote it, with its audit row."""
    old = Migrations("jaring")
    for step in STEPS[: STEPS.index(m018_kpj_card_handover)]:
        old()(step)
    db = Database(sqlite.connect(str(path)))  # the app's SQLite: m016 needs a recent one
    old.apply(db)
    row = siti(version=1, status="registered").to_row()
    for name in M018_COLUMNS:
        del row[name]
    db.execute(
        f"INSERT INTO registrations ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    audit.append(db, audit.audit_rows(db, [("create", row["id"], 1, None, row)], "Budi"))
    db.conn.commit()
    db.close()


def test_a_database_from_before_m018_keeps_its_chain_and_takes_a_handover(tmp_path):
    path = tmp_path / "old.db"
    _before_m018(path)
    db = open_database(path)
    try:
        assert verify_chain(db).ok
        assert RegistrationStore(db).get("reg-siti").kpj_card_handed_on == ""
        record_handover(db, ["reg-siti"], date(2026, 3, 14), "staf", today=date(2026, 3, 20))
        assert verify_chain(db).ok
        assert RegistrationStore(db).get("reg-siti").kpj_card_handed_on == "2026-03-14"
    finally:
        db.close()
