"""The district's conflict queue as staff read it: what the merge could not decide alone.

The merge (`models.merge`) writes two kinds of conflict and never resolves them itself:
- ``nik``: an incoming record with a new id carries a NIK that another live registration
  already holds. The incoming record was *not* inserted; it is kept, whole, in the conflict.
- ``likely_duplicate``: an incoming record with another NIK looks like the same person as a
  registration already in the master list. The incoming record *was* inserted.

Here: a `Conflict` with the existing registration as it is now, listing and counting
them, and the merge log (every decision of the merge and of staff) exported as CSV for
Excel (`export_merge_log`). Resolving one is `models.conflicts.resolve_conflict`. No Qt.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from models.files import atomic_file
from models.registration import Registration

KINDS = ("nik", "likely_duplicate")
STATUSES = ("open", "resolved")

#: Columns of a registration as stored (the table's ``kecamatan_code`` is generated).
ROW_COLUMNS = tuple(f.name for f in dataclasses.fields(Registration))

#: Bookkeeping that belongs to the stored registration, not to what was typed about the
#: person: never compared, never taken from the incoming record.
BOOKKEEPING = (
    "id", "version", "created_at", "updated_at", "status", "device_id", "created_by",
    "warnings_confirmed", "deleted",
)  # fmt: skip

#: The fields staff compare side by side and may take from either version, in form order.
REGISTRATION_FIELDS = tuple(name for name in ROW_COLUMNS if name not in BOOKKEEPING)

MERGE_LOG_COLUMNS = ("at", "actor", "batch_id", "registration_id", "decision", "detail")

_CONFLICT_COLUMNS = (
    "id", "kind", "batch_id", "registration_id", "incoming_id", "incoming", "reason", "status",
    "resolution", "resolved_by", "resolved_at", "created_at",
)  # fmt: skip

_SELECT = (
    "SELECT "
    + ", ".join(f"c.{name}" for name in _CONFLICT_COLUMNS)
    + ", "
    + ", ".join(f"r.{name}" for name in ROW_COLUMNS)
    + " FROM conflicts c LEFT JOIN registrations r ON r.id = c.registration_id"
)


@dataclass
class Conflict:
    """One entry of the conflict queue, with the existing registration as it is now."""

    id: int
    kind: str
    batch_id: str
    registration_id: str
    incoming_id: str
    incoming: dict
    existing: dict | None
    reason: str
    status: str
    resolution: str | None
    resolved_by: str | None
    resolved_at: str | None
    created_at: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def choice(self) -> str | None:
        """The choice a resolved conflict was resolved with (``resolution`` before its
        detail), or None while open."""
        return self.resolution.split(":", 1)[0] if self.resolution else None

    def differing_fields(self) -> list[str]:
        """Registration fields (`REGISTRATION_FIELDS`) whose values differ between the
        existing registration and the incoming record; all of them when the existing one
        is missing."""
        if self.existing is None:
            return list(REGISTRATION_FIELDS)
        return [
            name
            for name in REGISTRATION_FIELDS
            if self.existing.get(name) != self.incoming.get(name)
        ]


def _conflict(values: tuple) -> Conflict:
    head = dict(zip(_CONFLICT_COLUMNS, values[: len(_CONFLICT_COLUMNS)], strict=True))
    row = dict(zip(ROW_COLUMNS, values[len(_CONFLICT_COLUMNS) :], strict=True))
    head["incoming"] = json.loads(head["incoming"])
    return Conflict(**head, existing=row if row["id"] is not None else None)


# --- reading -------------------------------------------------------------------------


def list_conflicts(
    db: Database, status: str | None = "open", kind: str | None = None
) -> list[Conflict]:
    """Conflicts in the order they arose, filtered by status and kind (None: any)."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"unknown conflict status {status!r}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown conflict kind {kind!r}")
    clauses, params = [], []
    if status is not None:
        clauses.append("c.status = ?")
        params.append(status)
    if kind is not None:
        clauses.append("c.kind = ?")
        params.append(kind)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    return [_conflict(values) for values in db.execute(f"{_SELECT}{where} ORDER BY c.id", params)]


def get_conflict(db: Database, conflict_id: int) -> Conflict:
    """One conflict; raises KeyError when there is none with this id."""
    values = db.execute(f"{_SELECT} WHERE c.id = ?", [conflict_id]).fetchone()
    if values is None:
        raise KeyError(conflict_id)
    return _conflict(values)


def count_open(db: Database) -> int:
    """How many conflicts wait for staff."""
    return db.execute("SELECT COUNT(*) FROM conflicts WHERE status = 'open'").fetchone()[0]


# --- the merge log -------------------------------------------------------------------


def export_merge_log(db: Database, path: str | os.PathLike) -> int:
    """Write every merge-log row, oldest first, to ``path`` as CSV for Excel (UTF-8 with a
    byte-order mark; columns `MERGE_LOG_COLUMNS`) and return how many rows were written.

    The file is written to a temporary file beside ``path``, fsynced and renamed over it, so
    ``path`` never holds half a log. Cells that Excel would run as a formula (starting with
    ``= + - @``) get a leading apostrophe: registration ids come from officers' batches.
    """
    target = Path(path)
    count = 0
    with (
        atomic_file(target) as temp,
        open(temp, "w", encoding="utf-8-sig", newline="") as stream,
    ):
        writer = csv.writer(stream)
        writer.writerow(MERGE_LOG_COLUMNS)
        # One statement reads one snapshot, even while a merge is writing.
        for values in db.execute(
            f"SELECT {', '.join(MERGE_LOG_COLUMNS)} FROM merge_log ORDER BY id"
        ):
            writer.writerow([_cell(value) for value in values])
            count += 1
    return count


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# --- who sent each side --------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where one side of a conflict came from: the officer (by the enrolled device's name,
    else the name the record carries), the device, when the record was last changed there,
    and when its batch was imported here ("" when it was typed at the district)."""

    officer: str
    device_id: str
    changed_at: str
    imported_at: str


def _officer_of(db: Database, device_id: str, fallback: str) -> str:
    row = db.execute("SELECT officer FROM devices WHERE device_id = ?", [device_id]).fetchone()
    return row[0] if row else fallback


def _existing_source(db: Database, conflict: Conflict) -> Source | None:
    existing = conflict.existing
    if existing is None:
        return None
    # The batch that brought the registration here last, if one did.
    row = db.execute(
        "SELECT b.device_id, b.imported_at FROM merge_log m"
        " JOIN imported_batches b ON b.batch_id = m.batch_id"
        " WHERE m.registration_id = ? ORDER BY m.id DESC LIMIT 1",
        [existing["id"]],
    ).fetchone()
    device_id = existing.get("device_id") or (row[0] if row else "")
    return Source(
        officer=_officer_of(db, device_id, existing.get("created_by") or ""),
        device_id=device_id,
        changed_at=existing.get("updated_at") or "",
        imported_at=row[1] if row else "",
    )


def _incoming_source(db: Database, conflict: Conflict) -> Source:
    row = db.execute(
        "SELECT device_id, imported_at FROM imported_batches WHERE batch_id = ?",
        [conflict.batch_id],
    ).fetchone()
    incoming = conflict.incoming
    device_id = row[0] if row else incoming.get("device_id") or ""
    return Source(
        officer=_officer_of(db, device_id, incoming.get("created_by") or ""),
        device_id=device_id,
        changed_at=incoming.get("updated_at") or "",
        imported_at=row[1] if row else conflict.created_at,
    )


def conflict_sources(db: Database, conflict: Conflict) -> tuple[Source | None, Source]:
    """Who sent each side of ``conflict`` and when: (existing, incoming); the existing side
    is None when its registration is gone."""
    return _existing_source(db, conflict), _incoming_source(db, conflict)
