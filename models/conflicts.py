"""The district's conflict queue: what the merge could not decide alone, and staff's decisions.

The merge (`models.merge`) writes two kinds of conflict and never resolves them itself:
- ``nik``: an incoming record with a new id carries a NIK that another live registration
  already holds. The incoming record was *not* inserted; it is kept, whole, in the conflict.
- ``likely_duplicate``: an incoming record with another NIK looks like the same person as a
  registration already in the master list. The incoming record *was* inserted.

Staff resolve each one with a choice (`CHOICES`); every resolution changes the master list
the way a local edit does (version + 1, a chained ``resolve`` audit row), closes the conflict
and writes a ``resolve:<choice>`` row to ``merge_log``, all in one transaction. The merge
log can be exported as CSV for Excel (`export_merge_log`).

The merge writes conflicts and merge-log rows; listing, resolving and exporting them
happen here. No Qt.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from models import audit
from models.db import dict_rows, write_transaction
from models.files import atomic_file
from models.merge import remember_officer_versions
from models.nik import clean_number, parse_nik
from models.registration import Registration, Status
from models.store import DuplicateNik, RegistrationStore

KINDS = ("nik", "likely_duplicate")
STATUSES = ("open", "resolved")

KEEP_EXISTING = "keep_existing"
TAKE_INCOMING = "take_incoming"
COMBINE = "combine"
DIFFERENT_PEOPLE = "different_people"
CHOICES = (KEEP_EXISTING, TAKE_INCOMING, COMBINE, DIFFERENT_PEOPLE)

#: Sides a field of a combined registration may come from.
SOURCES = ("existing", "incoming")

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


class ResolveError(ValueError):
    """A resolution that cannot be made; ``code`` is stable for the UI to translate
    (``conflict.resolved``, ``choice.invalid``, ``fields.unexpected``, ``field.unknown``,
    ``field.source``, ``nik.missing``, ``registration.missing``, ``registration.deleted``,
    ``incoming.exists``)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


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


# --- resolving -----------------------------------------------------------------------


@dataclass
class _Outcome:
    """What a resolution did: audit changes, the registration the log names, a detail."""

    changes: list[tuple[str, str, int, dict | None, dict | None]]
    registration_id: str
    detail: str


def resolve_conflict(
    db: Database, conflict_id: int, choice: str, actor: str, fields: dict | None = None
) -> Conflict:
    """Resolve an open conflict with one of `CHOICES` and return it as it now is.

    For a ``nik`` conflict (the incoming record was not inserted):
    - ``keep_existing``: the master list stays as it is; the incoming version stays in the
      conflict row.
    - ``take_incoming``: the existing registration takes every field of `REGISTRATION_FIELDS`
      from the incoming record (its KPJ number is kept when the incoming one has none).
    - ``combine``: ``fields`` maps field name -> ``"existing"`` | ``"incoming"``; the existing
      registration takes the fields marked ``"incoming"``.
    - ``different_people``: a NIK typo; ``fields`` is ``{"nik": corrected}`` and the incoming
      record joins the master list under its own id with the corrected NIK.

    For a ``likely_duplicate`` (the incoming record was inserted):
    - ``keep_existing``: the incoming registration is a duplicate and is deleted (tombstone).
    - ``take_incoming``: the existing registration is deleted instead.
    - ``combine``: as for ``nik``, then the incoming registration is deleted.
    - ``different_people``: both stay; the conflict is closed.

    A registration that changes gets version + 1 and a ``resolve`` audit row; the district
    status is kept. Raises KeyError for an unknown conflict, `ResolveError` (a ValueError)
    for a closed conflict or bad choice/fields, `models.nik.NikError` (a ValueError) for a
    corrected NIK that is not a NIK, and `DuplicateNik` when a NIK would be held twice. On
    any error nothing changes.
    """
    if choice not in CHOICES:
        raise ResolveError("choice.invalid", f"unknown choice {choice!r}")
    with write_transaction(db):
        conflict = get_conflict(db, conflict_id)
        if not conflict.is_open:
            raise ResolveError("conflict.resolved", f"conflict {conflict_id} is already resolved")
        if conflict.kind == "nik":
            outcome = _resolve_nik(db, conflict, choice, fields)
        else:
            outcome = _resolve_likely_duplicate(db, conflict, choice, fields)
        if outcome.changes:
            audit.append(db, audit.audit_rows(db, outcome.changes, actor))
        now = audit.now_iso()
        db.execute(
            "UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_by = ?,"
            " resolved_at = ? WHERE id = ?",
            [f"{choice}: {outcome.detail}", actor, now, conflict_id],
        )
        db.execute(
            "INSERT INTO merge_log (at, actor, batch_id, registration_id, decision, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [now, actor, conflict.batch_id, outcome.registration_id, f"resolve:{choice}",
             f"conflict {conflict_id} ({conflict.kind}): {outcome.detail}"],
        )  # fmt: skip
    return get_conflict(db, conflict_id)


def _resolve_nik(db: Database, conflict: Conflict, choice: str, fields: dict | None) -> _Outcome:
    incoming = Registration.from_row(conflict.incoming)
    if choice == KEEP_EXISTING:
        _no_fields(choice, fields)
        return _Outcome(
            [], conflict.incoming_id,
            f"kept {conflict.registration_id}; incoming {incoming.id} v{incoming.version}"
            " not added",
        )  # fmt: skip
    if choice == DIFFERENT_PEOPLE:
        return _add_as_different_person(db, conflict, incoming, fields)
    taken = _taken_fields(choice, fields, incoming)
    change = _take_fields(db, conflict, incoming, taken)
    return _Outcome(
        [change] if change else [],
        conflict.registration_id,
        _taken_detail(conflict, incoming, taken, change),
    )


def _resolve_likely_duplicate(
    db: Database, conflict: Conflict, choice: str, fields: dict | None
) -> _Outcome:
    incoming = Registration.from_row(conflict.incoming)
    if choice == DIFFERENT_PEOPLE:
        _no_fields(choice, fields)
        return _Outcome(
            [], conflict.incoming_id,
            f"{conflict.registration_id} and {conflict.incoming_id} are different people",
        )  # fmt: skip
    if choice == KEEP_EXISTING:
        _no_fields(choice, fields)
        change = _tombstone(db, conflict.incoming_id)
        return _Outcome(
            [change] if change else [], conflict.incoming_id,
            f"{_deleted_detail(conflict.incoming_id, change)}, duplicate of"
            f" {conflict.registration_id}",
        )  # fmt: skip
    if choice == TAKE_INCOMING:
        _no_fields(choice, fields)
        change = _tombstone(db, conflict.registration_id)
        return _Outcome(
            [change] if change else [], conflict.registration_id,
            f"{_deleted_detail(conflict.registration_id, change)}, duplicate of"
            f" {conflict.incoming_id}",
        )  # fmt: skip
    # combine: the duplicate goes first so that the existing one may take its NIK.
    taken = _taken_fields(choice, fields, incoming)
    removed = _tombstone(db, conflict.incoming_id)
    change = _take_fields(db, conflict, incoming, taken)
    return _Outcome(
        [c for c in (removed, change) if c],
        conflict.registration_id,
        f"{_taken_detail(conflict, incoming, taken, change)};"
        f" {_deleted_detail(conflict.incoming_id, removed)}",
    )


def _no_fields(choice: str, fields: dict | None) -> None:
    if fields:
        raise ResolveError("fields.unexpected", f"{choice} takes no fields")


def _taken_fields(choice: str, fields: dict | None, incoming: Registration) -> list[str]:
    """The fields the existing registration takes from the incoming record."""
    if choice == TAKE_INCOMING:
        _no_fields(choice, fields)
        # A district-side KPJ number is not undone by an officer's record that lacks one.
        return [name for name in REGISTRATION_FIELDS if name != "kpj" or incoming.kpj]
    fields = fields or {}
    unknown = sorted(name for name in fields if name not in REGISTRATION_FIELDS)
    if unknown:
        raise ResolveError("field.unknown", f"not a registration field: {', '.join(unknown)}")
    bad = sorted(name for name, source in fields.items() if source not in SOURCES)
    if bad:
        raise ResolveError("field.source", f"choose 'existing' or 'incoming' for: {', '.join(bad)}")
    return [name for name in REGISTRATION_FIELDS if fields.get(name) == "incoming"]


def _current(db: Database, registration_id: str) -> Registration | None:
    cursor = db.execute(
        f"SELECT {', '.join(ROW_COLUMNS)} FROM registrations WHERE id = ?", [registration_id]
    )
    row = next(dict_rows(cursor), None)
    return Registration.from_row(row) if row else None


def _take_fields(
    db: Database, conflict: Conflict, incoming: Registration, taken: list[str]
) -> tuple | None:
    """Give the existing registration the ``taken`` fields of ``incoming``; the audit change,
    or None when that changes nothing."""
    existing = _current(db, conflict.registration_id)
    if existing is None:
        raise ResolveError(
            "registration.missing", f"registration {conflict.registration_id} does not exist"
        )
    if existing.deleted:
        raise ResolveError(
            "registration.deleted", f"registration {conflict.registration_id} was deleted"
        )
    values = {name: getattr(incoming, name) for name in taken}
    if all(getattr(existing, name) == value for name, value in values.items()):
        return None
    # Confirmations are bound to the value they confirm, so keeping both sides' is safe and
    # keeps those that still apply to the values taken.
    confirmed = sorted(set(existing.warnings_confirmed) | set(incoming.warnings_confirmed))
    changed = existing.copy(
        **values,
        warnings_confirmed=confirmed,
        version=existing.version + 1,
        updated_at=audit.now_iso(),
    )
    row = changed.to_row()
    _write(db, row, update=True)
    return ("resolve", changed.id, changed.version, existing.to_row(), row)


def _taken_detail(
    conflict: Conflict, incoming: Registration, taken: list[str], change: tuple | None
) -> str:
    source = f"incoming {incoming.id} v{incoming.version}"
    if change is None:
        return f"{conflict.registration_id} unchanged, already as {source}"
    before, after = change[3]["version"], change[2]
    differing = [name for name in taken if change[3][name] != change[4][name]]
    return (
        f"{conflict.registration_id} v{before} -> v{after} took {', '.join(differing)}"
        f" from {source}"
    )


def _tombstone(db: Database, registration_id: str) -> tuple | None:
    """Delete (tombstone) a registration as a district change; None when it is already
    gone."""
    reg = _current(db, registration_id)
    if reg is None or reg.deleted:
        return None
    changed = reg.copy(deleted=True, version=reg.version + 1, updated_at=audit.now_iso())
    row = changed.to_row()
    _write(db, row, update=True)
    return ("resolve", changed.id, changed.version, reg.to_row(), row)


def _deleted_detail(registration_id: str, change: tuple | None) -> str:
    if change is None:
        return f"{registration_id} already deleted"
    return f"{registration_id} deleted (v{change[3]['version']} -> v{change[2]})"


def _add_as_different_person(
    db: Database, conflict: Conflict, incoming: Registration, fields: dict | None
) -> _Outcome:
    """Insert the incoming record under its own id with its NIK corrected: first as it came
    (the merge's insert, at its own version), then the correction as version + 1."""
    if not fields or set(fields) != {"nik"} or not str(fields["nik"]).strip():
        raise ResolveError("nik.missing", "different_people needs {'nik': corrected NIK}")
    nik = clean_number(str(fields["nik"]))
    parse_nik(nik)  # raises NikError (a ValueError) with the rule a mistyped NIK breaks
    if _current(db, incoming.id) is not None:
        raise ResolveError(
            "incoming.exists", f"registration {incoming.id} is already in the master list"
        )
    holders = RegistrationStore(db).nik_holders(nik, incoming.id)
    if holders:
        raise DuplicateNik(nik, holders)
    arrived = incoming.copy(status=Status.RECEIVED.value)
    corrected = arrived.copy(nik=nik, version=arrived.version + 1, updated_at=audit.now_iso())
    row = corrected.to_row()
    _write(db, row, update=False)
    # The officer's device now owns a registration here: its corrections and status
    # updates follow as for any other it sent.
    sender = db.execute(
        "SELECT device_id FROM imported_batches WHERE batch_id = ?", [conflict.batch_id]
    ).fetchone()
    if sender:
        remember_officer_versions(db, sender[0], {incoming.id: (incoming.version, False)})
    return _Outcome(
        [
            ("merge_insert", arrived.id, arrived.version, None, arrived.to_row()),
            ("resolve", corrected.id, corrected.version, arrived.to_row(), row),
        ],
        incoming.id,
        f"incoming {incoming.id} added as v{corrected.version} with NIK {nik}"
        f" (was {incoming.nik}), not {conflict.registration_id}",
    )


def _write(db: Database, row: dict, *, update: bool) -> None:
    """Insert or update one registration row; a NIK held twice raises DuplicateNik."""
    try:
        if update:
            names = [k for k in row if k != "id"]
            db.execute(
                f"UPDATE registrations SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
                [row[k] for k in names] + [row["id"]],
            )
        else:
            db.execute(
                f"INSERT INTO registrations ({', '.join(row)})"
                f" VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
    except sqlite3.IntegrityError as exc:
        if "nik" not in str(exc):
            raise
        raise DuplicateNik(
            row["nik"], RegistrationStore(db).nik_holders(row["nik"], row["id"])
        ) from exc


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
        atomic_file(target, 0o644) as temp,
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


__all__ = [
    "CHOICES",
    "KINDS",
    "REGISTRATION_FIELDS",
    "Conflict",
    "DuplicateNik",
    "ResolveError",
    "count_open",
    "export_merge_log",
    "get_conflict",
    "list_conflicts",
    "resolve_conflict",
]
