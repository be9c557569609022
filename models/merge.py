"""The district's side: merging a verified batch into the master list.

One batch, one transaction, all or nothing. The rules (ARCHITECTURE.md, "Merge at the district"):
a batch already imported changes nothing; a new id is inserted unless its NIK is held by
another live registration, which makes a conflict for staff; the same id with a higher
version updates, lower or equal is stale; likely duplicates with different NIKs are listed
for review, never merged. Every decision goes to `merge_log`.

"Higher" is judged against the officer's own counter: `officer_versions` keeps, per
registration, the device that sent it and the highest version merged from it. The
district's copy has a version of its own, bumped by its own changes (rejected, submitted,
KPJ), so comparing an officer's version with it would call a correction stale whenever the
district had changed the record meanwhile. The officer owns the fields typed on the form;
the district owns the status (submitted and registered stay; anything else becomes
received) and a KPJ it recorded. A registration another device sent is never overwritten
(stale, "sent by another device"), and one that staff deleted (a duplicate resolved) is not
brought back by a later correction (stale, "deleted at the district"); the officer's own
deletion, though, the officer may undo.

Here: the batch as a whole (refused when malformed or its sequence number reused, recorded
with its audit rows and decisions) and what the receipts and the import page ask about
imported batches. Each record's checks are `models.incoming_record`; the decision record by
record, and its writes, `models.merge_plan`.
"""

from __future__ import annotations

import json
import zlib

from sqlite_utils import Database

from models import audit
from models.db import select_rows, write_transaction
from models.duplicates import LikelyDuplicates
from models.incoming_record import MalformedRecord, incoming_row
from models.life_events import merge_events
from models.merge_plan import MergePlan, MergeResult


class SeqReused(ValueError):
    """The device sent a different batch under a sequence number already imported."""


def already_imported(db: Database, batch_id: str) -> bool:
    return (
        db.execute("SELECT 1 FROM imported_batches WHERE batch_id = ?", [batch_id]).fetchone()
        is not None
    )


def merge_batch(
    db: Database,
    *,
    manifest: dict,
    manifest_sha256: str,
    file_sha256: str,
    file_name: str,
    records: list[dict],
    audit_rows: list,
    actor: str,
    duplicates: LikelyDuplicates | None = None,
    life_events: list[dict] = (),
) -> MergeResult:
    """Merge one verified batch; raises `MalformedRecord` or `SeqReused` (nothing changes).

    ``audit_rows`` are the officer's audit rows as they travelled (kept as received);
    ``duplicates`` is the likely-duplicate index an import of many batches shares;
    ``life_events`` are recorded after the registrations (`models.life_events`).
    """
    batch_id = manifest["batch_id"]
    duplicates = duplicates if duplicates is not None else LikelyDuplicates()
    try:
        with write_transaction(db):
            if already_imported(db, batch_id):
                return MergeResult(batch_id, skipped=True)
            other = db.execute(
                "SELECT batch_id FROM imported_batches WHERE device_id = ? AND seq = ?",
                [manifest["device_id"], manifest["seq"]],
            ).fetchone()
            if other:
                raise SeqReused(
                    f"device {manifest['device_id']} already sent batch {manifest['seq']}"
                    f" as {other[0]}"
                )
            rows = [incoming_row(record) for record in records]
            duplicates.ensure_loaded(db)
            result = MergeResult(batch_id)
            try:
                MergePlan(db, rows, result, duplicates, manifest["device_id"]).write(db, actor)
            except (UnicodeEncodeError, OverflowError) as exc:
                # A text that is not Unicode (a lone surrogate) or a number too large for
                # SQLite: the record cannot be stored; the whole batch is refused.
                raise MalformedRecord(f"a value cannot be stored ({exc})") from exc
            if life_events:
                result.decisions += merge_events(db, life_events, manifest["device_id"], actor)
            _record_import(db, manifest, manifest_sha256, file_sha256, file_name, actor, result,
                           len(records), audit_rows)  # fmt: skip
            return result
    except BaseException:
        duplicates.reset()  # it followed changes that were rolled back
        raise


def _record_import(db, manifest, manifest_sha256, file_sha256, file_name, actor, result,
                   records, audit_rows) -> None:  # fmt: skip
    batch_id = result.batch_id
    now = audit.now_iso()
    db.execute(
        "INSERT INTO imported_batches (batch_id, device_id, seq, prev, manifest_sha256,"
        " file_sha256, file_name, imported_at, imported_by, records, inserted, updated,"
        " stale, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [batch_id, manifest["device_id"], manifest["seq"], manifest.get("prev", ""),
         manifest_sha256, file_sha256, file_name, now, actor, records,
         result.inserted, result.updated, result.stale, result.conflicts],
    )  # fmt: skip
    lines = [
        row if isinstance(row, str) else json.dumps(row, ensure_ascii=False, sort_keys=True)
        for row in audit_rows
    ]
    db.execute(
        "INSERT INTO received_audit_lines (batch_id, lines, jsonl_zlib) VALUES (?, ?, ?)",
        [batch_id, len(lines), zlib.compress("\n".join(lines).encode("utf-8"), 1)],
    )
    db.conn.executemany(
        "INSERT INTO merge_log (at, actor, batch_id, registration_id, decision, detail)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(now, actor, batch_id, rid, decision, detail)
         for rid, decision, detail in result.decisions],
    )  # fmt: skip


def received_audit(db: Database, batch_id: str) -> list[str]:
    """The officer's audit rows that came with a batch, each line as it travelled."""
    row = db.execute(
        "SELECT lines, jsonl_zlib FROM received_audit_lines WHERE batch_id = ?", [batch_id]
    ).fetchone()
    if row is None or row[0] == 0:
        return []
    return zlib.decompress(row[1]).decode("utf-8").split("\n")


def imported_from(db: Database, device_id: str) -> list[dict]:
    """The batches imported from one device, in order (what a receipt tells it)."""
    return select_rows(
        db,
        "SELECT seq, batch_id, manifest_sha256, imported_at FROM imported_batches"
        " WHERE device_id = ? ORDER BY seq",
        [device_id],
    )


def gaps(db: Database) -> list[tuple[str, int]]:
    """(device, missing seq) for every batch number not yet received below the highest."""
    missing = []
    for device_id, top in db.execute(
        "SELECT device_id, MAX(seq) FROM imported_batches GROUP BY device_id ORDER BY device_id"
    ).fetchall():
        have = {
            s for (s,) in db.execute(
                "SELECT seq FROM imported_batches WHERE device_id = ?", [device_id]
            )
        }  # fmt: skip
        missing += [(device_id, seq) for seq in range(1, top + 1) if seq not in have]
    return missing


def broken_chains(db: Database) -> list[tuple[str, int]]:
    """(device, seq) of batches whose ``prev`` is not the manifest hash of the batch before."""
    rows = db.execute(
        "SELECT b.device_id, b.seq FROM imported_batches b JOIN imported_batches p"
        " ON p.device_id = b.device_id AND p.seq = b.seq - 1"
        " WHERE b.prev != p.manifest_sha256 ORDER BY b.device_id, b.seq"
    ).fetchall()
    return [(device, seq) for device, seq in rows]


__all__ = [
    "MalformedRecord",
    "MergeResult",
    "SeqReused",
    "already_imported",
    "broken_chains",
    "gaps",
    "imported_from",
    "merge_batch",
    "received_audit",
]
