"""Saving and deleting registrations, and the row writes the rest of models/ builds on.

`RegistrationStore` is one database's registrations: the reads of `models.store_queries`
(one registration, the records list's filter and search) and the writes here: save,
delete, restore, insert many. `insert_rows` and `change_rows` write many rows at once for
the imports, the merge and the exports. The queries of those jobs live beside them in
models/ (`merge`, `export_rows`, `nominatif`, `bulk_import`, …).

Every change bumps the registration's ``version``, stamps ``updated_at`` and appends a
chained audit row, all in one transaction. Deleting is a tombstone (``deleted = 1``), never
a row removal.
"""

from __future__ import annotations

from sqlite_utils import Database

from models import audit, fault_points
from models.db import write_transaction
from models.identity import is_officer_device
from models.registration import Registration, Status
from models.sqlite_driver import sqlite
from models.store_queries import RecordFilter, RegistrationQueries
from models.validation import (
    NikHolder,
    ValidationContext,
    normalized,
    readiness,
    status_after_edit,
)


class DuplicateNik(Exception):
    """Another live registration already holds this NIK."""

    def __init__(self, nik: str, holders: list[NikHolder]):
        super().__init__(f"NIK {nik} is already registered")
        self.nik = nik
        self.holders = holders


class NotReady(Exception):
    """A registration saved with a status past draft still has errors or unconfirmed
    warnings; ``readiness`` says which."""

    def __init__(self, readiness):
        super().__init__("registration is not ready")
        self.readiness = readiness


class StaleRegistration(Exception):
    """The registration changed since it was loaded (another window or a merge saved it)."""


class RegistrationStore(RegistrationQueries):
    """Registrations in one database connection: the reads of `RegistrationQueries`, and
    the writes."""

    def save(
        self, reg: Registration, actor: str, context: ValidationContext | None = None
    ) -> Registration:
        """Insert or update ``reg`` (version + 1, audit row) and return what was stored.

        With a ``context``, a registration whose status is past draft must be valid and have
        its warnings confirmed, or `NotReady` is raised (drafts are always stored). Raises
        `DuplicateNik` when a non-draft registration would share a live NIK, and
        `StaleRegistration` when ``reg.version`` is behind the stored one.
        """
        if context is not None and reg.status != Status.DRAFT:
            check = readiness(reg, context)
            if not check.ok:
                raise NotReady(check)
        with write_transaction(self.db):
            stored = self._save(reg, actor)
            fault_points.reach("save.written")
        fault_points.reach("save.committed")
        return stored

    def _save(self, reg: Registration, actor: str, action: str = "") -> Registration:
        before = self.get(reg.id)
        if before is not None and reg.version != before.version:
            raise StaleRegistration(reg.id)
        now = audit.now_iso()
        stored = normalized(reg).copy(
            version=(before.version if before else 0) + 1,
            updated_at=now,
            created_at=before.created_at if before else (reg.created_at or now),
            created_by=before.created_by if before else (reg.created_by or actor),
        )
        row = stored.to_row()
        try:
            if before is None:
                insert_rows(self.db, [row])
            else:
                names = [k for k in row if k != "id"]
                self.db.execute(
                    f"UPDATE registrations SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
                    [row[k] for k in names] + [row["id"]],
                )
        except sqlite.IntegrityError as exc:
            if "nik" not in str(exc):
                raise
            raise DuplicateNik(stored.nik, self.nik_holders(stored.nik, stored.id)) from exc
        action = action or ("insert" if before is None else "update")
        audit.append(
            self.db,
            audit.audit_rows(
                self.db,
                [(action, stored.id, stored.version, before and before.to_row(), row)],
                actor,
            ),
        )
        return stored

    def delete(self, registration_id: str, actor: str) -> Registration:
        """Tombstone a registration (it stays in the file and in history)."""
        return self._set_deleted(registration_id, actor, deleted=True)

    def restore(
        self, registration_id: str, actor: str, *, officer_device: bool | None = None
    ) -> Registration:
        """Undo a delete: the tombstone becomes live again, as a new version, with the
        status an edit would give it (`status_after_edit`): the district got the tombstone,
        so on an officer's laptop the living record must leave again. ``officer_device``
        defaults to what this database is (`is_officer_device`).

        Raises `DuplicateNik` when another registration took the NIK meanwhile.
        """
        if officer_device is None:
            officer_device = is_officer_device(self.db)
        return self._set_deleted(
            registration_id, actor, deleted=False, officer_device=officer_device
        )

    def _set_deleted(
        self, registration_id: str, actor: str, deleted: bool, officer_device: bool = False
    ) -> Registration:
        with write_transaction(self.db):
            reg = self.get(registration_id)
            if reg is None:
                raise KeyError(registration_id)
            if reg.deleted == deleted:
                return reg
            action = "delete" if deleted else "restore"
            changed = reg.copy(deleted=deleted)
            if not deleted:
                draft = reg.status == Status.DRAFT
                changed = changed.copy(
                    status=status_after_edit(reg.status, draft=draft, officer_device=officer_device)
                )
            return self._save(changed, actor, action=action)

    def insert_many(self, registrations: list[Registration], actor: str) -> int:
        """Insert new registrations in one transaction (demo data, bulk loads)."""
        now = audit.now_iso()
        rows = []
        for reg in registrations:
            stored = normalized(reg).copy(
                version=1, created_at=reg.created_at or now, updated_at=reg.updated_at or now,
                created_by=reg.created_by or actor,
            )  # fmt: skip
            rows.append(stored.to_row())
        with write_transaction(self.db):
            insert_rows(self.db, rows)
            changes = [("insert", row["id"], 1, None, row) for row in rows]
            audit.append(self.db, audit.audit_rows(self.db, changes, actor))
            fault_points.reach("save.many_written")
        fault_points.reach("save.many_committed")
        return len(rows)


def change_rows(db: Database, changes: list[tuple[dict, dict]], action: str, actor: str) -> int:
    """Apply ``changes`` — (a registration row as stored, the fields to change) — inside the
    caller's transaction: each row gets its new fields, version + 1 and ``updated_at`` now,
    guarded by the stored version, and one audit row (``action``) with before and after.
    Raises RuntimeError, so the caller's transaction rolls back, when a row changed since it
    was read. Returns how many rows changed."""
    if not changes:
        return 0
    if not db.conn.in_transaction:
        raise RuntimeError("change_rows runs inside a write transaction")
    now = audit.now_iso()
    audit_changes, by_fields = [], {}
    for before, fields in changes:
        after = {**before, **fields, "version": before["version"] + 1, "updated_at": now}
        names = (*sorted(fields), "version", "updated_at")
        by_fields.setdefault(names, []).append(
            [after[n] for n in names] + [before["id"], before["version"]]
        )
        audit_changes.append((action, before["id"], after["version"], before, after))
    for names, rows in by_fields.items():
        cursor = db.conn.executemany(
            f"UPDATE registrations SET {', '.join(f'{n} = ?' for n in names)}"
            " WHERE id = ? AND version = ?",
            rows,
        )
        if cursor.rowcount != len(rows):
            raise RuntimeError("a registration changed while it was being updated")
    audit.append(db, audit.audit_rows(db, audit_changes, actor))
    return len(changes)


def insert_rows(db: Database, rows: list[dict]) -> None:
    """Insert registration rows (all with the same keys) inside the caller's transaction,
    adding them to the search index in one statement rather than one per row."""
    if not rows:
        return
    if not db.conn.in_transaction:
        raise RuntimeError("insert_rows runs inside a write transaction")
    names = list(rows[0])
    top = db.execute("SELECT coalesce(max(rowid), 0) FROM registrations").fetchone()[0]
    db.execute("INSERT INTO search_index_paused (id) VALUES (1)")
    try:
        db.conn.executemany(
            f"INSERT INTO registrations ({', '.join(names)})"
            f" VALUES ({', '.join('?' * len(names))})",
            [[row[k] for k in names] for row in rows],
        )
    finally:
        db.execute("DELETE FROM search_index_paused")
    # Rows only ever get rowids above the highest one (nothing is deleted for real).
    db.execute(
        "INSERT INTO registrations_fts (rowid, full_name, nik, address)"
        " SELECT rowid, full_name, nik, address FROM registrations WHERE rowid > ?",
        [top],
    )


__all__ = [
    "DuplicateNik",
    "NotReady",
    "RecordFilter",
    "RegistrationStore",
    "StaleRegistration",
    "Status",
    "change_rows",
    "insert_rows",
]
