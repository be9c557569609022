"""Storing, finding and listing registrations, and the row writes the rest of models/ builds on.

`RegistrationStore` saves, deletes, lists and searches one database's registrations;
`insert_rows` and `change_rows` write many rows at once for the imports, the merge and the
exports. The queries of those jobs live beside them in models/ (`merge`, `export_rows`,
`nominatif`, `bulk_import`, …).

Every change bumps the registration's ``version``, stamps ``updated_at`` and appends a
chained audit row, all in one transaction. Deleting is a tombstone (``deleted = 1``), never
a row removal.
"""

from __future__ import annotations

import re
import sqlite3
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from models import audit
from models.db import dict_rows, write_transaction
from models.identity import is_officer_device
from models.nik import clean_number
from models.registration import Registration, Status
from models.validation import (
    NikHolder,
    ValidationContext,
    normalized,
    readiness,
    status_after_edit,
)

LIST_COLUMNS = (
    "rowid", "id", "nik", "full_name", "birth_date", "sex", "village_code",
    "kecamatan_code", "target_group", "monthly_income", "program_jht", "status",
    "updated_at", "version",
)  # fmt: skip

SORTABLE = {
    "full_name", "nik", "birth_date", "sex", "village_code", "kecamatan_code",
    "target_group", "monthly_income", "status", "updated_at",
}  # fmt: skip


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


@dataclass
class RecordFilter:
    """What the records list shows: search text, filters and order.

    The fields after ``descending`` narrow the list to one figure of the dashboard
    (`models.dashboard`); None means "any", "" means "not filled in".
    """

    text: str = ""
    status: str = ""
    kecamatan_code: str = ""
    village_code: str = ""
    sort_column: str = "updated_at"
    descending: bool = True
    counted: bool = False  # only registrations that count towards the target
    target_group: str | None = None
    sex: str | None = None
    funding_source: str | None = None
    created_by: str | None = None  # the officer
    born_after: str | None = None  # ISO date, exclusive
    born_until: str | None = None  # ISO date, inclusive
    birth_unknown: bool = False
    created_from: str | None = None  # UTC timestamp prefix, inclusive
    created_before: str | None = None  # UTC timestamp prefix, exclusive
    flagged: bool = False  # drafts, or carrying confirmed warnings
    warned: bool = False  # carrying confirmed warnings
    no_village: bool = False  # without a village code
    conflict_officer: str | None = None  # in a conflict raised by this officer's records
    label: str = ""  # what the dashboard called this selection (shown above the list)

    @property
    def narrowed(self) -> bool:
        """Whether a dashboard figure narrows the list beyond search, status and region."""
        return self.narrowing() != RecordFilter().narrowing()

    def narrowing(self) -> tuple:
        return (
            self.counted, self.target_group, self.sex, self.funding_source, self.created_by,
            self.born_after, self.born_until, self.birth_unknown, self.created_from,
            self.created_before, self.flagged, self.conflict_officer, self.warned,
            self.no_village,
        )  # fmt: skip


def nik_prefix(text: str) -> str:
    """The digits of a search that is the start of a NIK (four digits or more), else "".

    Such searches go through the NIK's own index: as an FTS prefix they would merge the
    doclists of hundreds of thousands of distinct NIK terms.
    """
    digits = re.sub(r"[ .\-]", "", text.strip())
    return digits if len(digits) >= 4 and re.fullmatch(r"[0-9]+", digits) else ""


def fts_query(text: str) -> str:
    """Turn what a user types into an FTS5 query: every word must match as a prefix."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " AND ".join(f'"{w}"*' for w in words)


def live_where(
    *,
    desa: str | None = None,
    kecamatan: str | None = None,
    status_clause: str = "",
    status_params: Iterable[str] = (),
) -> tuple[str, list]:
    """A WHERE clause and its parameters for live (not deleted) registrations, optionally
    matching ``status_clause`` and of one desa and/or one kecamatan (each given one applies).

    It leads with ``deleted = 0`` so that SQLite can use its (deleted, village_code) or
    (deleted, kecamatan_code) index.
    """
    clauses, params = ["deleted = 0"], []
    if status_clause:
        clauses.append(status_clause)
        params += status_params
    if desa:
        clauses.append("village_code = ?")
        params.append(desa)
    if kecamatan:
        clauses.append("kecamatan_code = ?")
        params.append(kecamatan)
    return " AND ".join(clauses), params


def _narrow(f: RecordFilter, clauses: list[str], params: list) -> None:
    """The dashboard's narrowing of a `RecordFilter` as WHERE clauses (see its fields)."""
    if f.counted:
        clauses.append("status NOT IN ('draft', 'rejected')")
    for column, value in (
        ("target_group", f.target_group), ("sex", f.sex), ("funding_source", f.funding_source),
        ("created_by", f.created_by),
    ):  # fmt: skip
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    for condition, value in (
        ("birth_date > ?", f.born_after), ("birth_date <= ?", f.born_until),
        ("created_at >= ?", f.created_from), ("created_at < ?", f.created_before),
    ):  # fmt: skip
        if value is not None:
            clauses.append(condition)
            params.append(value)
    if f.birth_unknown:
        clauses.append("birth_date IS NULL")
    if f.flagged:
        clauses.append("(status = 'draft' OR warnings_confirmed != '')")
    if f.warned:
        clauses.append("warnings_confirmed != ''")
    if f.no_village:
        clauses.append("village_code = ''")
    if f.conflict_officer is not None:
        clauses.append(
            "id IN (SELECT registration_id FROM conflicts"
            " WHERE coalesce(json_extract(incoming, '$.created_by'), '') = ?"
            " UNION SELECT incoming_id FROM conflicts"
            " WHERE coalesce(json_extract(incoming, '$.created_by'), '') = ?)"
        )
        params += [f.conflict_officer, f.conflict_officer]


#: NIKs asked about per query, well under SQLite's limit on bound parameters.
_IN_CHUNK = 500


class RegistrationStore:
    """Registrations in one database connection."""

    def __init__(self, db: Database):
        self.db = db

    # --- reading ---------------------------------------------------------------------

    def get(self, registration_id: str) -> Registration | None:
        row = self._row("SELECT * FROM registrations WHERE id = ?", [registration_id])
        return Registration.from_row(row) if row else None

    def _row(self, sql: str, params: list) -> dict | None:
        return next(dict_rows(self.db.execute(sql, params)), None)

    def nik_holders(self, nik: str, own_id: str = "") -> list[NikHolder]:
        """Live registrations other than ``own_id`` that hold ``nik`` (drafts included)."""
        rows = self.db.execute(
            "SELECT id, full_name, status FROM registrations"
            # "+deleted" keeps the planner on the NIK index: without statistics it would
            # otherwise walk a (deleted, …) index over every registration.
            " WHERE nik = ? AND +deleted = 0 AND id != ?",
            [clean_number(nik), own_id],
        ).fetchall()
        return [NikHolder(*row) for row in rows]

    def count(self, record_filter: RecordFilter | None = None) -> int:
        where, params = self._where(record_filter or RecordFilter())
        return self.db.execute(
            f"SELECT COUNT(*) FROM registrations WHERE {where}", params
        ).fetchone()[0]

    def list_rowids(self, record_filter: RecordFilter) -> array:
        """Row ids of the matching registrations, in the requested order.

        The list keeps only these (8 bytes a row) and fetches the rows it paints by id.
        """
        where, params = self._where(record_filter)
        column = (
            record_filter.sort_column if record_filter.sort_column in SORTABLE else "updated_at"
        )
        direction = "DESC" if record_filter.descending else "ASC"
        # One string of ids from SQLite parses faster than 100,000 one-value rows.
        joined = self.db.execute(
            f"SELECT group_concat(rowid) FROM (SELECT rowid FROM registrations WHERE {where}"
            f" ORDER BY {column} {direction}, rowid {direction})",
            params,
        ).fetchone()[0]
        return array("q", map(int, joined.split(","))) if joined else array("q")

    def rows_by_rowid(self, rowids: list[int]) -> dict[int, dict]:
        """List columns of the given rows, keyed by rowid."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        cursor = self.db.execute(
            f"SELECT {', '.join(LIST_COLUMNS)} FROM registrations WHERE rowid IN ({marks})",
            rowids,
        )
        return {row["rowid"]: row for row in dict_rows(cursor)}

    def registrations_matching(self, record_filter: RecordFilter) -> list[Registration]:
        """Every registration the list shows under ``record_filter``, whole and in the
        list's order (to print what the user filtered)."""
        rowids = self.list_rowids(record_filter)
        found: list[Registration] = []
        for start in range(0, len(rowids), 500):
            chunk = list(rowids[start : start + 500])
            cursor = self.db.execute(
                "SELECT rowid AS _rowid, * FROM registrations"
                f" WHERE rowid IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            rows = {row["_rowid"]: row for row in dict_rows(cursor)}
            found += [Registration.from_row(rows[r]) for r in chunk if r in rows]
        return found

    def search(self, text: str, limit: int = 50) -> list[dict]:
        """The first ``limit`` live registrations whose name, NIK or address match ``text``."""
        columns = ", ".join("r." + c for c in LIST_COLUMNS)
        if prefix := nik_prefix(text):
            sql = (
                f"SELECT {columns} FROM registrations r"
                " WHERE r.nik >= ? AND r.nik < ? AND +r.deleted = 0 LIMIT ?"
            )
            params = [prefix, prefix + ":", limit]
        elif query := fts_query(text):
            # CROSS JOIN keeps the FTS index as the outer loop: the planner otherwise walks
            # every registration and probes the index for each.
            sql = (
                f"SELECT {columns} FROM registrations_fts f CROSS JOIN registrations r"
                " ON r.rowid = f.rowid"
                " WHERE registrations_fts MATCH ? AND r.deleted = 0 LIMIT ?"
            )
            params = [query, limit]
        else:
            return []
        return list(dict_rows(self.db.execute(sql, params)))

    def _where(self, record_filter: RecordFilter) -> tuple[str, list]:
        clauses, params = ["deleted = 0"], []
        if record_filter.status:
            clauses.append("status = ?")
            params.append(record_filter.status)
        if record_filter.village_code:
            clauses.append("village_code = ?")
            params.append(record_filter.village_code)
        elif record_filter.kecamatan_code:
            clauses.append("kecamatan_code = ?")
            params.append(record_filter.kecamatan_code)
        _narrow(record_filter, clauses, params)
        if prefix := nik_prefix(record_filter.text):
            clauses.append("nik >= ? AND nik < ?")
            params += [prefix, prefix + ":"]
        elif query := fts_query(record_filter.text):
            clauses.append(
                "rowid IN (SELECT rowid FROM registrations_fts WHERE registrations_fts MATCH ?)"
            )
            params.append(query)
        return " AND ".join(clauses), params

    # --- writing ---------------------------------------------------------------------

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
            return self._save(reg, actor)

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
                self._insert_rows([row])
            else:
                names = [k for k in row if k != "id"]
                self.db.execute(
                    f"UPDATE registrations SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
                    [row[k] for k in names] + [row["id"]],
                )
        except sqlite3.IntegrityError as exc:
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

    def live_niks_among(self, niks: list[str]) -> set[str]:
        """Which of ``niks`` a live registration (draft or not) already holds."""
        held: set[str] = set()
        for start in range(0, len(niks), _IN_CHUNK):
            chunk = niks[start : start + _IN_CHUNK]
            # "+deleted" keeps SQLite on the nik index: without statistics it prefers an
            # index on (deleted, ...) and reads every live row for each chunk.
            rows = self.db.execute(
                f"SELECT nik FROM registrations WHERE nik IN ({','.join('?' * len(chunk))})"
                " AND +deleted = 0",
                chunk,
            )
            held.update(row[0] for row in rows)
        return held

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
            self._insert_rows(rows)
            changes = [("insert", row["id"], 1, None, row) for row in rows]
            audit.append(self.db, audit.audit_rows(self.db, changes, actor))
        return len(rows)

    def _insert_rows(self, rows: list[dict]) -> None:
        insert_rows(self.db, rows)


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
