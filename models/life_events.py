"""Life events of a participant — died, moved away, became a wage earner, stopped working,
deactivated and reactivated by BPJS — recorded on either side and carried to the other (all
the SQL of life events).

An event has an id that is the same everywhere it travels, so carrying it twice records it
once. Recording one is an audited change of its registration (action ``life_event``: the
version moves on, the audit row chains it) beside the event's own row, the way a rejection
keeps its reason: the registration's fields stay as they are. Coverage reads the events of
each participant from `coverage_participants.events` ("kind@date,…"), which recording
keeps in step.

Travel: an officer's events leave in the next batch (``life_event`` lines, after the
registrations) once their registration has left or leaves with them
(`pending_events`, `mark_sent`); the district records those of registrations the sending
device sent (`merge_events`). The district's status updates carry every event of each
registration they report (`events_for`) and the officer records those it lacks
(`apply_events`). An event recorded at the district is never sent back.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from sqlite_utils import Database

from models.audit import now_iso
from models.coverage_rules import EVENT_KINDS
from models.db import select_rows, write_transaction
from models.registration import Status
from models.store import change_rows

LIFE_EVENT_ACTION = "life_event"
#: The fields of an event as it travels (batch lines and status updates).
TRAVELLING = ("id", "registration_id", "kind", "event_date", "note", "recorded_at",
              "recorded_by", "origin")  # fmt: skip
_NOTE_LIMIT = 500


@dataclass(frozen=True)
class LifeEvent:
    id: str
    registration_id: str
    kind: str
    event_date: str  # ISO date
    note: str
    recorded_at: str
    recorded_by: str
    origin: str  # the device where it was recorded ("" = this database)

    def travelling(self) -> dict:
        return asdict(self)


class EventRefused(ValueError):
    """A life event that cannot be recorded (nothing is written)."""


def _rows(db: Database, ids: Iterable[str]) -> dict[str, dict]:
    found = {}
    for row in select_rows(
        db,
        "SELECT * FROM registrations WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(ids))],
    ):
        row.pop("kecamatan_code", None)
        found[row["id"]] = row
    return found


def record_events(
    db: Database,
    registration_ids: list[str],
    kind: str,
    on: date,
    actor: str,
    *,
    note: str = "",
    origin: str = "",
) -> list[LifeEvent]:
    """Record one ``kind`` event on ``on`` for each registration, in one transaction.
    Raises `EventRefused` for an unknown kind, an unknown, deleted or draft registration,
    or a registration listed twice."""
    if kind not in EVENT_KINDS:
        raise EventRefused(f"peristiwa {kind!r} tidak dikenal (pilih {', '.join(EVENT_KINDS)})")
    if len(set(registration_ids)) != len(registration_ids) or not registration_ids:
        raise EventRefused("sebut setiap pendaftaran satu kali")
    now = now_iso()
    events = [
        LifeEvent(str(uuid.uuid4()), rid, kind, on.isoformat(), note.strip()[:_NOTE_LIMIT],
                  now, actor, origin)
        for rid in registration_ids
    ]  # fmt: skip
    with write_transaction(db):
        stored = _rows(db, registration_ids)
        for rid in registration_ids:
            row = stored.get(rid)
            if row is None or row["deleted"]:
                raise EventRefused(f"tidak ada pendaftaran {rid}")
            if row["status"] == Status.DRAFT.value:
                raise EventRefused(f"pendaftaran {rid} masih draf")
        _store(db, events, actor)
    return events


def _store(db: Database, events: list[LifeEvent], actor: str) -> list[LifeEvent]:
    """Insert the events this database lacks and audit each registration that gained one,
    inside the caller's transaction; returns the events stored."""
    new = []
    for event in events:
        cursor = db.execute(
            "INSERT INTO life_events (id, registration_id, kind, event_date, note, recorded_at,"
            " recorded_by, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
            [event.id, event.registration_id, event.kind, event.event_date, event.note,
             event.recorded_at, event.recorded_by, event.origin],
        )  # fmt: skip
        if cursor.rowcount:
            new.append(event)
    touched = list(dict.fromkeys(e.registration_id for e in new))
    rows = _rows(db, touched)
    # A tombstone keeps its version: moving it on would send it out again from a laptop.
    live = [(rows[rid], {}) for rid in touched if rid in rows and not rows[rid]["deleted"]]
    change_rows(db, live, LIFE_EVENT_ACTION, actor)
    db.conn.executemany(
        "UPDATE coverage_participants SET events = COALESCE((SELECT group_concat("
        " e.kind || '@' || e.event_date, ',' ORDER BY e.event_date, e.recorded_at, e.id)"
        " FROM life_events e WHERE e.registration_id = ?), '') WHERE registration_id = ?",
        [(rid, rid) for rid in touched],
    )
    return new


def events_of(db: Database, registration_id: str) -> list[LifeEvent]:
    """A registration's events, oldest first."""
    return [
        LifeEvent(**row)
        for row in select_rows(
            db,
            f"SELECT {', '.join(TRAVELLING)} FROM life_events WHERE registration_id = ?"
            " ORDER BY event_date, recorded_at, id",
            [registration_id],
        )
    ]


def events_for(db: Database, registration_ids: Iterable[str]) -> dict[str, list[dict]]:
    """Every event of these registrations as it travels, by registration, oldest first."""
    found: dict[str, list[dict]] = {}
    for row in select_rows(
        db,
        f"SELECT {', '.join(TRAVELLING)} FROM life_events"
        " WHERE registration_id IN (SELECT value FROM json_each(?))"
        " ORDER BY registration_id, event_date, recorded_at, id",
        [json.dumps(list(registration_ids))],
    ):
        found.setdefault(row["registration_id"], []).append(row)
    return found


# --- officer -> district ---------------------------------------------------------------------


def pending_events(db: Database, leaving: Iterable[str] = ()) -> list[dict]:
    """Officer: the events recorded here and not sent yet whose registration has left in a
    batch before or is among ``leaving`` (the ids the next batch carries), oldest first."""
    return select_rows(
        db,
        f"SELECT {', '.join('e.' + f for f in TRAVELLING)} FROM life_events e"
        " WHERE e.sent_seq IS NULL AND e.origin = ''"
        " AND (EXISTS (SELECT 1 FROM batch_items b WHERE b.registration_id = e.registration_id)"
        " OR e.registration_id IN (SELECT value FROM json_each(?)))"
        " ORDER BY e.recorded_at, e.id",
        [json.dumps(list(leaving))],
    )


def mark_sent(db: Database, event_ids: Iterable[str], seq: int) -> None:
    """Officer: these events left in batch ``seq`` (inside the batch's transaction)."""
    db.conn.executemany(
        "UPDATE life_events SET sent_seq = ? WHERE id = ?", [(seq, eid) for eid in event_ids]
    )


def travelling_event(data: object) -> LifeEvent | None:
    """An event as it arrived (a batch line or an update), or None when it is not one this
    version can record: every field text, a known kind, a date."""
    if not isinstance(data, dict) or not all(isinstance(data.get(f), str) for f in TRAVELLING):
        return None
    if data["kind"] not in EVENT_KINDS or not data["id"] or not data["registration_id"]:
        return None
    try:
        date.fromisoformat(data["event_date"])
    except ValueError:
        return None
    return LifeEvent(**{f: data[f] for f in TRAVELLING})


def merge_events(
    db: Database, events: list[dict], device_id: str, actor: str
) -> list[tuple[str, str, str]]:
    """District: record the events a verified batch from ``device_id`` carried, inside the
    merge's transaction; the merge log's decisions (registration, decision, detail). An
    event of a registration this device did not send, or that the district does not hold,
    is skipped."""
    decisions, keep = [], []
    owners = dict(db.execute(
        "SELECT registration_id, device_id FROM officer_versions"
        " WHERE registration_id IN (SELECT value FROM json_each(?))",
        [json.dumps([e.get("registration_id") for e in events if isinstance(e, dict)])],
    ).fetchall())  # fmt: skip
    for data in events:
        event = travelling_event(data)
        if event is None:
            decisions.append(("", "life_event_skipped", "malformed"))
        elif owners.get(event.registration_id) != device_id:
            # Not sent by this device, or not merged (a NIK conflict waiting for staff).
            decisions.append((event.registration_id, "life_event_skipped", "not this device's"))
        else:
            origin = event.origin or device_id
            keep.append(LifeEvent(**{**asdict(event), "origin": origin}))
    for event in _store(db, keep, actor):
        decisions.append((event.registration_id, "life_event", f"{event.kind} {event.event_date}"))
    return decisions


# --- district -> officer ---------------------------------------------------------------------


def apply_events(db: Database, events: list[dict], actor: str, own_device: str) -> int:
    """Officer: record the events of the district's updates that this laptop lacks (inside
    the caller's transaction); events of registrations it does not hold are skipped.
    Returns how many were recorded."""
    found = [e for e in map(travelling_event, events) if e is not None]
    held = _rows(db, {e.registration_id for e in found})
    keep = [
        LifeEvent(**{**asdict(e), "origin": _origin_here(e.origin, own_device)})
        for e in found
        if e.registration_id in held
    ]
    return len(_store(db, keep, actor))


def _origin_here(origin: str, own_device: str) -> str:
    """Where an event from the district came from, as this laptop records it: "" when it
    was recorded here first (it went out and came back), else never to be sent back."""
    if own_device and origin == own_device:
        return ""
    return origin or "district"
