"""What became of each registration after it left the laptop (all the SQL of HTTP sync and
of status updates).

District side: which registrations a device sent (through `merge_log` and
`imported_batches`), what changed about them since a **cursor** — the district's audit-log
position (`audit_log.seq`), which only grows and which both sides can hold as a number — and
what a device's batches look like (last number received, numbers missing). Rejecting a
registration sets its status (audited, like every change) and keeps the reason in
`rejections`.

Officer side: the batches the district has not acknowledged, the district's receipts as they
arrived, "received" for what left in an acknowledged batch, and status updates applied:
KPJ + ``registered``, ``rejected`` + reason, ``submitted``, ``received``. An update is applied
only to a registration the officer has not changed since it last left (status exported or
later: on the officer's laptop every edit makes a registration draft or ready again) and
only when the district holds at least the version this laptop last sent (the officer's
version, which the district keeps in `officer_versions` apart from its own), so an update
never undoes newer typing; applying the same update twice changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from models import batches, life_events
from models.audit import now_iso
from models.batches import Acknowledgement
from models.db import select_rows, write_transaction
from models.registration import Status
from models.store import change_rows

#: Statuses the district reports back to the device that sent a registration.
DISTRICT_REPORTED = (
    Status.RECEIVED.value,
    Status.SUBMITTED.value,
    Status.REGISTERED.value,
    Status.REJECTED.value,
)
#: Officer statuses an update may change: the registration left and was not edited since.
_LEFT = (Status.EXPORTED.value, *DISTRICT_REPORTED)
RECEIVED_ACTION = "received"
UPDATE_ACTION = "district_update"
REJECT_ACTION = "reject"


def _registrations(db: Database, ids: Iterable[str]) -> dict[str, dict]:
    """Stored rows by id (without the generated kecamatan_code), for `change_rows`."""
    found = {}
    for row in select_rows(
        db,
        "SELECT * FROM registrations WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(ids))],
    ):
        row.pop("kecamatan_code", None)
        found[row["id"]] = row
    return found


# --- district ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceStatus:
    """What the district holds of one device's batches."""

    device_id: str
    last_seq: int  # 0 when nothing arrived yet
    missing_seqs: list[int]
    batches: int


def device_status(db: Database, device_id: str) -> DeviceStatus:
    have = [s for (s,) in db.execute(
        "SELECT seq FROM imported_batches WHERE device_id = ? ORDER BY seq", [device_id]
    )]  # fmt: skip
    top = have[-1] if have else 0
    held = set(have)
    return DeviceStatus(device_id, top, [s for s in range(1, top + 1) if s not in held], len(have))


def imported_batch(db: Database, batch_id: str) -> dict | None:
    """The `imported_batches` row of ``batch_id`` (what a receipt for it says), or None."""
    found = select_rows(
        db,
        "SELECT batch_id, device_id, seq, manifest_sha256, file_sha256, imported_at, records,"
        " inserted, updated, stale, conflicts FROM imported_batches WHERE batch_id = ?",
        [batch_id],
    )
    return found[0] if found else None


def devices_with_batches(db: Database) -> list[str]:
    """Every device the district imported a batch from."""
    return [d for (d,) in db.execute(
        "SELECT DISTINCT device_id FROM imported_batches ORDER BY device_id"
    )]  # fmt: skip


def audit_head(db: Database) -> int:
    """The district's current cursor: the last audit-log position."""
    return db.execute("SELECT COALESCE(MAX(seq), 0) FROM audit_log").fetchone()[0]


@dataclass(frozen=True)
class StatusChanges:
    """The registrations of one device changed after ``since``, up to ``cursor``: ask again
    from ``cursor`` (at once when ``more``)."""

    since: int
    cursor: int
    changes: list[dict]
    more: bool


def status_changes(db: Database, device_id: str, since: int, limit: int = 2000) -> StatusChanges:
    """The current state (status, KPJ, rejection reason, the district's version and the
    officer's version it holds, and its life events when it has any) of every
    registration ``device_id`` sent — the device
    `officer_versions` names, so a device never learns about another's registrations —
    whose audit log moved past ``since``, oldest change first.

    The upper bound is the audit head read first: rows are appended in commit order by
    one writer at a time, so nothing at or below it can appear later.
    """
    head = audit_head(db)
    found = select_rows(
        db,
        "SELECT r.id AS registration_id, r.status, r.kpj, COALESCE(j.reason, '') AS reason,"
        " r.version, o.version AS officer_version, r.deleted, c.last_seq FROM ("
        "  SELECT a.registration_id, MAX(a.seq) AS last_seq FROM audit_log a"
        "  WHERE a.seq > ? AND a.seq <= ? AND EXISTS ("
        "    SELECT 1 FROM officer_versions v"
        "    WHERE v.registration_id = a.registration_id AND v.device_id = ?)"
        "  GROUP BY a.registration_id ORDER BY last_seq LIMIT ?) c"
        " JOIN registrations r ON r.id = c.registration_id"
        " JOIN officer_versions o ON o.registration_id = r.id"
        " LEFT JOIN rejections j ON j.registration_id = r.id"
        " ORDER BY c.last_seq",
        [since, head, device_id, limit],
    )
    more = len(found) == limit
    cursor = found[-1]["last_seq"] if more else max(head, since)
    events = life_events.events_for(db, (row["registration_id"] for row in found))
    changes = []
    for row in found:
        row.pop("last_seq")
        row["deleted"] = bool(row["deleted"])
        if row["status"] != Status.REJECTED.value:
            row["reason"] = ""
        # Only when there are some: a laptop that does not know life events yet reads
        # every other change as before.
        if row["registration_id"] in events:
            row["events"] = events[row["registration_id"]]
        changes.append(row)
    return StatusChanges(since, cursor, changes, more)


def reject_registrations(db: Database, reasons: dict[str, str], actor: str) -> int:
    """District: mark registrations ``rejected`` with a reason each (id -> reason), in one
    transaction; the device that sent them learns it with its next updates. Raises
    KeyError for an unknown or deleted id, ValueError for an empty reason (nothing
    written)."""
    with write_transaction(db):
        stored = _registrations(db, reasons)
        for rid, reason in reasons.items():
            if rid not in stored or stored[rid]["deleted"]:
                raise KeyError(rid)
            if not reason.strip():
                raise ValueError(f"registration {rid}: a rejection needs a reason")
        # A new status, or a new reason for one already rejected: either is a change with
        # its audit row, which is what carries it to the officer's next updates.
        changes = [
            (stored[rid], {"status": Status.REJECTED.value})
            if stored[rid]["status"] != Status.REJECTED.value
            else (stored[rid], {})
            for rid, reason in reasons.items()
            if stored[rid]["status"] != Status.REJECTED.value
            or reason.strip() != rejection_reason(db, rid)
        ]
        change_rows(db, changes, REJECT_ACTION, actor)
        _set_reasons(db, {rid: reason.strip() for rid, reason in reasons.items()}, actor)
    return len(changes)


def _set_reasons(db: Database, reasons: dict[str, str], actor: str) -> None:
    now = now_iso()
    db.conn.executemany(
        "INSERT INTO rejections (registration_id, reason, rejected_at, rejected_by)"
        " VALUES (?, ?, ?, ?) ON CONFLICT(registration_id) DO UPDATE SET"
        " reason = excluded.reason, rejected_at = excluded.rejected_at,"
        " rejected_by = excluded.rejected_by WHERE reason != excluded.reason",
        [(rid, reason, now, actor) for rid, reason in reasons.items()],
    )


def rejection_reason(db: Database, registration_id: str) -> str:
    """Why a registration was rejected ("" when it was not)."""
    row = db.execute(
        "SELECT reason FROM rejections WHERE registration_id = ?", [registration_id]
    ).fetchone()
    return row[0] if row else ""


# --- officer -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutgoingBatch:
    """A batch that left this device and that the district has not acknowledged yet."""

    seq: int
    batch_id: str
    file_name: str
    manifest_sha256: str
    file_sha256: str
    content: bytes


def outgoing_batches(
    db: Database, missing_there: Iterable[int] = (), last_there: int | None = None
) -> list[OutgoingBatch]:
    """The batches to push, in seq order: those not acknowledged, and those acknowledged
    once that the district says it lacks (numbers in ``missing_there`` or above
    ``last_there``, e.g. after it restored a backup)."""
    return [
        OutgoingBatch(**{**row, "content": bytes(row["content"])})
        for row in select_rows(
            db,
            "SELECT seq, batch_id, file_name, manifest_sha256, file_sha256, content"
            " FROM batches WHERE acknowledged_at IS NULL"
            " OR seq IN (SELECT value FROM json_each(?)) OR seq > ? ORDER BY seq",
            [json.dumps(sorted(missing_there)), last_there if last_there is not None else 2**62],
        )
    ]


def mark_received(db: Database, seqs: Iterable[int], actor: str) -> int:
    """Registrations that left in batches ``seqs`` and were not changed since become
    ``received`` (a change with its audit row each); returns how many."""
    seqs = list(seqs)
    if not seqs:
        return 0
    with write_transaction(db):
        rows = select_rows(
            db,
            "SELECT r.* FROM registrations r JOIN batch_items b ON b.registration_id = r.id"
            " WHERE b.seq IN (SELECT value FROM json_each(?)) AND r.status = ?"
            " AND r.deleted = 0 AND r.version = b.version + 1",
            [json.dumps(seqs), Status.EXPORTED.value],
        )
        for row in rows:
            row.pop("kecamatan_code", None)
        return change_rows(
            db, [(row, {"status": Status.RECEIVED.value}) for row in rows], RECEIVED_ACTION, actor
        )


def acknowledge_received(db: Database, entries: list[dict], actor: str) -> Acknowledgement:
    """`models.batches.acknowledge` and `mark_received` for the batches acknowledged (now
    or before), in one transaction."""
    with write_transaction(db):
        done = batches.acknowledge(db, entries)
        mark_received(db, [*done.newly, *done.already], actor)
    return done


def store_receipt(db: Database, entry: dict, document: dict, actor: str) -> Acknowledgement:
    """Keep the district's signed receipt for one batch (``entry``: seq, batch_id,
    manifest_sha256, imported_at) and acknowledge it, in one transaction."""
    with write_transaction(db):
        db.execute(
            "INSERT INTO sync_receipts (batch_id, seq, document, stored_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(batch_id) DO NOTHING",
            [entry["batch_id"], entry["seq"], json.dumps(document, ensure_ascii=False),
             now_iso()],
        )  # fmt: skip
        return acknowledge_received(db, [entry], actor)


def stored_receipt(db: Database, batch_id: str) -> dict | None:
    row = db.execute("SELECT document FROM sync_receipts WHERE batch_id = ?", [batch_id]).fetchone()
    return json.loads(row[0]) if row else None


def updates_cursor(db: Database) -> int:
    """How far this device has read the district's status updates."""
    row = db.execute("SELECT updates_cursor FROM sync_state WHERE id = 1").fetchone()
    return row[0] if row else 0


def last_sync_at(db: Database) -> str | None:
    row = db.execute("SELECT last_sync_at FROM sync_state WHERE id = 1").fetchone()
    return row[0] if row else None


def _save_cursor(db: Database, cursor: int) -> None:
    db.execute(
        "INSERT INTO sync_state (id, updates_cursor, last_sync_at) VALUES (1, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET"
        " updates_cursor = MAX(updates_cursor, excluded.updates_cursor),"
        " last_sync_at = excluded.last_sync_at",
        [cursor, now_iso()],
    )


@dataclass(frozen=True)
class AppliedUpdates:
    """What a set of status updates changed here."""

    applied: int  # registrations changed
    unchanged: int  # already as the district says
    skipped: int  # unknown here, deleted, edited since they left, or newer here than there


def apply_status_changes(
    db: Database,
    changes: list[dict],
    actor: str,
    *,
    since: int,
    cursor: int,
    own_device: str = "",
) -> AppliedUpdates:
    """Apply the district's status changes (verified by the caller) in one transaction and
    move this device's cursor to ``cursor`` when the changes start where it stood
    (``since`` at or below it): a document that starts later leaves a hole unread. A
    document that ends before the stored cursor is older than what is known: skipped.

    Life events the changes carry are recorded here whatever the status does
    (`models.life_events.apply_events`; ``own_device`` is this laptop's device id): a
    death must reach the laptop even when the officer has edited the record since."""
    applied = unchanged = skipped = 0
    with write_transaction(db):
        if cursor < updates_cursor(db):
            # Older than what this device already knows (a stale file on a stick): its
            # states may be behind, so none of them is applied.
            return AppliedUpdates(0, 0, len(changes))
        stored = _registrations(db, (c["registration_id"] for c in changes))
        sent = dict(db.execute(
            "SELECT registration_id, MAX(version) FROM batch_items"
            " WHERE registration_id IN (SELECT value FROM json_each(?)) GROUP BY registration_id",
            [json.dumps(list(stored))],
        ).fetchall())  # fmt: skip
        writes, reasons, cleared = [], {}, []
        latest = {change["registration_id"]: change for change in changes}
        for change in latest.values():
            row = stored.get(change["registration_id"])
            status = change["status"]
            if (
                row is None
                or row["deleted"]
                or row["status"] not in _LEFT
                or status not in DISTRICT_REPORTED
                # The district must hold what this laptop last sent: an answer about an
                # older version waits for the newer one to be merged.
                or change.get("officer_version", 0) < sent.get(row["id"], 0)
            ):
                skipped += 1
                continue
            fields = {}
            if status != row["status"]:
                fields["status"] = status
            if change["kpj"] and change["kpj"] != row["kpj"]:
                fields["kpj"] = change["kpj"]
            reason = change["reason"] if status == Status.REJECTED.value else ""
            if reason and reason != rejection_reason(db, row["id"]):
                reasons[row["id"]] = reason
            elif not reason and row["status"] == Status.REJECTED.value and fields:
                cleared.append(row["id"])
            if fields:
                writes.append((row, fields))
            if fields or row["id"] in reasons:
                applied += 1
            else:
                unchanged += 1
        change_rows(db, writes, UPDATE_ACTION, actor)
        life_events.apply_events(
            db, [e for c in latest.values() for e in c.get("events", ())], actor, own_device
        )
        _set_reasons(db, reasons, actor)
        db.conn.executemany(
            "DELETE FROM rejections WHERE registration_id = ?", [(rid,) for rid in cleared]
        )
        if since <= updates_cursor(db):
            _save_cursor(db, cursor)
    return AppliedUpdates(applied, unchanged, skipped)
