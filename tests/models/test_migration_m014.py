"""m014: a database written before it keeps its registrations, their audit chain and their
funding codes; the new fields read as their defaults."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from models import audit
from models.audit import verify_chain
from models.db import open_database
from models.migrations import STEPS
from models.migrations.steps_m014 import M014_COLUMNS
from models.migrations.steps_m018 import M018_COLUMNS
from models.store import RegistrationStore
from tests.factories import siti


def _before_m014(path) -> None:
    """A database as the version before m014 wrote it: one registration of each old funding
    source, each with its audit row (which names no m014 column)."""
    old = Migrations("jaring")
    for step in STEPS[: STEPS.index(_m014())]:
        old()(step)
    db = Database(str(path))
    old.apply(db)
    changes = []
    for number, source in enumerate(("apbd", "csr", "mandiri"), 1):
        row = siti(id=f"reg-{number}", nik=f"620801450790{number:04d}", version=1,
                   funding_source=source, csr_company="PT Sawit" if source == "csr" else "",
                   ).to_row()  # fmt: skip
        for name in (*M014_COLUMNS, *M018_COLUMNS):
            del row[name]
        db.execute(
            f"INSERT INTO registrations ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        changes.append(("create", row["id"], 1, None, row))
    audit.append(db, audit.audit_rows(db, changes, "Budi"))
    db.conn.commit()
    db.close()


def _m014():
    return next(step for step in STEPS if step.__name__.startswith("m014_"))


def test_m014_follows_m013():
    names = [step.__name__ for step in STEPS]
    assert names.index(_m014().__name__) == names.index("m013_nik_and_id_search") + 1


def test_a_database_from_before_m014_keeps_its_chain_and_funding(tmp_path):
    path = tmp_path / "old.db"
    _before_m014(path)
    db = open_database(path)
    try:
        assert verify_chain(db).ok
        store = RegistrationStore(db)
        regs = [store.get(f"reg-{n}") for n in (1, 2, 3)]
        assert [r.funding_source for r in regs] == ["apbd", "csr", "mandiri"]
        assert all(
            (r.transport_worker, r.working_now, r.previous_participant, r.previous_kpj)
            == (False, False, False, "")
            for r in regs
        )
        store.save(regs[0].copy(working_now=True, previous_participant=True,
                                previous_kpj="12345678901"), "Budi")  # fmt: skip
        assert verify_chain(db).ok
        again = store.get("reg-1")
        assert (again.working_now, again.previous_kpj) == (True, "12345678901")
    finally:
        db.close()


def test_a_changed_new_column_on_an_old_row_still_breaks_the_chain(tmp_path):
    path = tmp_path / "old.db"
    _before_m014(path)
    db = open_database(path)
    try:
        db.execute("UPDATE registrations SET transport_worker = 1 WHERE id = 'reg-2'")
        db.conn.commit()
        check = verify_chain(db)
        assert check.reason == "registration_differs"
    finally:
        db.close()
