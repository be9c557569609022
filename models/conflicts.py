"""Staff's decisions on the district's conflict queue (`models.conflict_queue`).

Staff resolve each conflict with a choice (`CHOICES`); every resolution changes the master
list the way a local edit does (version + 1, a chained ``resolve`` audit row), closes the
conflict and writes a ``resolve:<choice>`` row to ``merge_log``, all in one transaction.

This module is the queue's one way in for the rest of the app: it also passes on the
reading side (`Conflict`, `list_conflicts`, `get_conflict`, `count_open`,
`export_merge_log`). No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from models import audit
from models.conflict_queue import (
    KINDS,
    REGISTRATION_FIELDS,
    ROW_COLUMNS,
    Conflict,
    count_open,
    export_merge_log,
    get_conflict,
    list_conflicts,
)
from models.db import dict_rows, write_transaction
from models.merge_plan import remember_officer_versions
from models.nik import clean_number, parse_nik
from models.registration import Registration, Status
from models.sqlite_driver import sqlite
from models.store import DuplicateNik, RegistrationStore

KEEP_EXISTING = "keep_existing"
TAKE_INCOMING = "take_incoming"
COMBINE = "combine"
DIFFERENT_PEOPLE = "different_people"
CHOICES = (KEEP_EXISTING, TAKE_INCOMING, COMBINE, DIFFERENT_PEOPLE)

#: Sides a field of a combined registration may come from.
SOURCES = ("existing", "incoming")


class ResolveError(ValueError):
    """A resolution that cannot be made; ``code`` is stable for the UI to translate
    (``conflict.resolved``, ``choice.invalid``, ``fields.unexpected``, ``field.unknown``,
    ``field.source``, ``nik.missing``, ``registration.missing``, ``registration.deleted``,
    ``incoming.exists``)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


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
    except sqlite.IntegrityError as exc:
        if "nik" not in str(exc):
            raise
        raise DuplicateNik(
            row["nik"], RegistrationStore(db).nik_holders(row["nik"], row["id"])
        ) from exc


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
