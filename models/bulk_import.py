"""Writing imported lists: new registrations from an Excel list, KPJ numbers from BPJS.

Both are bulk writes: one transaction, a version and a chained audit row per registration,
and NIKs looked up in chunks rather than one query per row. The decisions (which rows, which
conflicts) are made by `excel.list_import`; this module only reads and writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from models import audit
from models.db import dict_rows, write_transaction
from models.registration import Registration, Status
from models.store import change_rows, insert_rows
from models.validation import NikHolder, normalized

_CHUNK = 500  # values per "IN (...)", well under SQLite's limit on bound parameters

#: Audit actions of the two imports (a version step of one, like a local save).
IMPORT_ACTION = "excel_import"
KPJ_ACTION = "kpj_import"


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    unique = sorted({v for v in values if v})
    for start in range(0, len(unique), _CHUNK):
        yield unique[start : start + _CHUNK]


def nik_holders_by_nik(db: Database, niks: Iterable[str]) -> dict[str, list[NikHolder]]:
    """The live registrations (drafts included) holding each of ``niks`` that is held."""
    held: dict[str, list[NikHolder]] = {}
    for chunk in _chunks(niks):
        # "+deleted" keeps SQLite on the NIK index (see RegistrationStore.nik_holders).
        rows = db.execute(
            "SELECT nik, id, full_name, status FROM registrations"
            f" WHERE nik IN ({','.join('?' * len(chunk))}) AND +deleted = 0 ORDER BY rowid",
            chunk,
        )
        for nik, *holder in rows:
            held.setdefault(nik, []).append(NikHolder(*holder))
    return held


@dataclass(frozen=True)
class InsertedRegistrations:
    """What `insert_new` did: the ids it inserted, and the registrations it left out
    because a live registration held their NIK by the time of writing."""

    ids: list[str]
    held: list[Registration]


def insert_new(
    db: Database, registrations: list[Registration], actor: str, action: str = IMPORT_ACTION
) -> InsertedRegistrations:
    """Insert ``registrations`` (version 1, audit row each) in one transaction, leaving out
    any whose NIK a live registration holds when the transaction starts; the NIKs of
    ``registrations`` must differ from each other."""
    now = audit.now_iso()
    with write_transaction(db):
        held = nik_holders_by_nik(db, (normalized(r).nik for r in registrations))
        rows, skipped = [], []
        for reg in registrations:
            stored = normalized(reg).copy(
                version=1, created_at=reg.created_at or now, updated_at=reg.updated_at or now,
                created_by=reg.created_by or actor,
            )  # fmt: skip
            if stored.nik and stored.nik in held:
                skipped.append(reg)
            else:
                rows.append(stored.to_row())
        insert_rows(db, rows)
        changes = [(action, row["id"], 1, None, row) for row in rows]
        audit.append(db, audit.audit_rows(db, changes, actor))
    return InsertedRegistrations([row["id"] for row in rows], skipped)


def live_registrations_by_nik(db: Database, niks: Iterable[str]) -> dict[str, list[Registration]]:
    """The live registrations holding each of ``niks`` (several when drafts share one)."""
    found: dict[str, list[Registration]] = {}
    for chunk in _chunks(niks):
        cursor = db.execute(
            f"SELECT * FROM registrations WHERE nik IN ({','.join('?' * len(chunk))})"
            " AND +deleted = 0 ORDER BY rowid",
            chunk,
        )
        for row in dict_rows(cursor):
            reg = Registration.from_row(row)
            found.setdefault(reg.nik, []).append(reg)
    return found


def kpj_holders(db: Database, kpjs: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """(id, NIK) of the live registrations that already have each of ``kpjs``."""
    found: dict[str, list[tuple[str, str]]] = {}
    for chunk in _chunks(kpjs):
        rows = db.execute(
            "SELECT kpj, id, nik FROM registrations"
            f" WHERE kpj IN ({','.join('?' * len(chunk))}) AND deleted = 0",
            chunk,
        )
        for kpj, registration_id, nik in rows:
            found.setdefault(kpj, []).append((registration_id, nik))
    return found


def set_registered(
    db: Database, changes: list[tuple[str, int, str]], actor: str, action: str = KPJ_ACTION
) -> int:
    """Give each registration (id, the version the caller decided on, KPJ) its KPJ and the
    status ``registered`` (version + 1, audit row), all in one transaction. A registration
    changed or deleted since the caller read it raises RuntimeError and nothing is written
    (call inside the transaction that read them, and it cannot happen)."""
    wanted = {registration_id: (version, kpj) for registration_id, version, kpj in changes}
    updates = []
    with write_transaction(db):
        for chunk in _chunks(wanted):
            cursor = db.execute(
                f"SELECT * FROM registrations WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for row in dict_rows(cursor):
                row.pop("kecamatan_code", None)  # generated from village_code, not stored
                version, kpj = wanted[row["id"]]
                if row["version"] != version or row["deleted"]:
                    raise RuntimeError(f"registration {row['id']} changed meanwhile")
                updates.append((row, {"kpj": kpj, "status": Status.REGISTERED.value}))
        if len(updates) != len(wanted):
            raise RuntimeError("a registration to update is missing")
        change_rows(db, updates, action, actor)
    return len(updates)
