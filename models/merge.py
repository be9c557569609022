"""The district's side: merging a verified batch into the master list.

One batch, one transaction, all or nothing. The rules (DESIGN.md, "Merge at the district"):
a batch already imported changes nothing; a new id is inserted unless its NIK is held by
another live registration, which makes a conflict for staff; the same id with a higher
version updates, lower or equal is stale; likely duplicates with different NIKs are listed
for review, never merged. Every decision goes to `merge_log`.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from models import audit
from models.db import write_transaction
from models.registration import Registration, Status

#: District statuses an officer's later edit does not undo.
DISTRICT_STATUSES = (Status.SUBMITTED, Status.REGISTERED, Status.REJECTED)
SIMILAR_NAME = 0.88


class MalformedRecord(ValueError):
    """A record in the batch cannot be a registration (wrong types, missing id/version)."""


class SeqReused(ValueError):
    """The device sent a different batch under a sequence number already imported."""


@dataclass
class MergeResult:
    batch_id: str
    skipped: bool = False
    inserted: int = 0
    updated: int = 0
    stale: int = 0
    conflicts: int = 0
    likely_duplicates: int = 0
    decisions: list[tuple[str, str, str]] = field(default_factory=list)  # id, decision, detail


def already_imported(db: Database, batch_id: str) -> bool:
    return (
        db.execute("SELECT 1 FROM imported_batches WHERE batch_id = ?", [batch_id]).fetchone()
        is not None
    )


def _registration(record: dict) -> Registration:
    try:
        if not isinstance(record.get("id"), str) or not record["id"]:
            raise MalformedRecord("record without an id")
        if not isinstance(record.get("version"), int) or record["version"] < 1:
            raise MalformedRecord(f"record {record['id']} without a valid version")
        return Registration.from_row(record)
    except (TypeError, ValueError) as exc:
        raise MalformedRecord(str(exc)) from exc


def _row(db: Database, sql: str, params) -> dict | None:
    cursor = db.execute(sql, params)
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip([c[0] for c in cursor.description], values, strict=True))


def merge_batch(
    db: Database,
    *,
    manifest: dict,
    manifest_sha256: str,
    file_sha256: str,
    file_name: str,
    records: list[dict],
    audit_rows: list[dict],
    actor: str,
) -> MergeResult:
    """Merge one verified batch; raises `MalformedRecord` or `SeqReused` (nothing changes)."""
    batch_id = manifest["batch_id"]
    with write_transaction(db):
        if already_imported(db, batch_id):
            return MergeResult(batch_id, skipped=True)
        other = db.execute(
            "SELECT batch_id FROM imported_batches WHERE device_id = ? AND seq = ?",
            [manifest["device_id"], manifest["seq"]],
        ).fetchone()
        if other:
            raise SeqReused(
                f"device {manifest['device_id']} already sent batch {manifest['seq']} as {other[0]}"
            )
        result = MergeResult(batch_id)
        changes = []
        for record in records:
            incoming = _registration(record)
            changes += _merge_one(db, incoming, batch_id, result)
        audit.append(db, audit.audit_rows(db, changes, actor))
        db.execute(
            "INSERT INTO imported_batches (batch_id, device_id, seq, prev, manifest_sha256,"
            " file_sha256, file_name, imported_at, imported_by, records, inserted, updated,"
            " stale, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [batch_id, manifest["device_id"], manifest["seq"], manifest.get("prev", ""),
             manifest_sha256, file_sha256, file_name, audit.now_iso(), actor, len(records),
             result.inserted, result.updated, result.stale, result.conflicts],
        )  # fmt: skip
        db.conn.executemany(
            "INSERT INTO received_audit (batch_id, line, data) VALUES (?, ?, ?)",
            [
                (batch_id, n, json.dumps(row, ensure_ascii=False, sort_keys=True))
                for n, row in enumerate(audit_rows)
            ],
        )
        now = audit.now_iso()
        db.conn.executemany(
            "INSERT INTO merge_log (at, actor, batch_id, registration_id, decision, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(now, actor, batch_id, rid, decision, detail)
             for rid, decision, detail in result.decisions],
        )  # fmt: skip
        return result


def _merge_one(db: Database, incoming: Registration, batch_id: str, result: MergeResult):
    existing_row = _row(db, "SELECT * FROM registrations WHERE id = ?", [incoming.id])
    if existing_row is not None:
        existing = Registration.from_row(existing_row)
        if incoming.version <= existing.version:
            result.stale += 1
            result.decisions.append(
                (incoming.id, "stale", f"v{incoming.version} <= v{existing.version}")
            )
            return []
        holder = _nik_holder(db, incoming, exclude=incoming.id)
        if holder:
            # The officer's new version takes a NIK another registration holds (e.g. one
            # district staff corrected): staff decide, the master list stays as it is.
            _conflict(db, "nik", batch_id, holder, incoming, "same NIK, another id")
            result.conflicts += 1
            result.decisions.append((incoming.id, "conflict", f"NIK held by {holder}"))
            return []
        status = existing.status if existing.status in DISTRICT_STATUSES else Status.RECEIVED
        updated = incoming.copy(status=str(status), kpj=incoming.kpj or existing.kpj)
        row = updated.to_row()
        names = [k for k in row if k != "id"]
        db.execute(
            f"UPDATE registrations SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
            [row[k] for k in names] + [row["id"]],
        )
        result.updated += 1
        result.decisions.append(
            (incoming.id, "updated", f"v{existing.version} -> v{incoming.version}")
        )
        return [("merge_update", incoming.id, incoming.version, existing.to_row(), row)]
    holder = _nik_holder(db, incoming, exclude=incoming.id)
    if holder:
        _conflict(db, "nik", batch_id, holder, incoming, "same NIK, another id")
        result.conflicts += 1
        result.decisions.append((incoming.id, "conflict", f"NIK held by {holder}"))
        return []
    row = incoming.copy(status=Status.RECEIVED.value).to_row()
    db.execute(
        f"INSERT INTO registrations ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    result.inserted += 1
    result.decisions.append((incoming.id, "inserted", f"v{incoming.version}"))
    if not incoming.deleted:
        for other_id, reason in _likely_duplicates(db, incoming):
            _conflict(db, "likely_duplicate", batch_id, other_id, incoming, reason)
            result.likely_duplicates += 1
            result.decisions.append((incoming.id, "likely_duplicate", f"{reason}: {other_id}"))
    return [("merge_insert", incoming.id, incoming.version, None, row)]


def _nik_holder(db: Database, incoming: Registration, exclude: str) -> str | None:
    """Id of another live registration holding the incoming record's NIK (None if none, or
    when the incoming record is a tombstone or has no NIK)."""
    if not incoming.nik or incoming.deleted:
        return None
    row = db.execute(
        "SELECT id FROM registrations WHERE nik = ? AND +deleted = 0 AND id != ? LIMIT 1",
        [incoming.nik, exclude],
    ).fetchone()
    return row[0] if row else None


def _conflict(db, kind, batch_id, registration_id, incoming: Registration, reason) -> None:
    db.execute(
        "INSERT INTO conflicts (kind, batch_id, registration_id, incoming_id, incoming, reason,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [kind, batch_id, registration_id, incoming.id,
         json.dumps(incoming.to_row(), ensure_ascii=False, sort_keys=True), reason,
         audit.now_iso()],
    )  # fmt: skip


def _likely_duplicates(db: Database, reg: Registration) -> list[tuple[str, str]]:
    """Live registrations that may be the same person under another NIK."""
    found: dict[str, str] = {}
    name = " ".join(reg.full_name.lower().split())
    if reg.birth_date and name:
        for other_id, other_nik in db.execute(
            "SELECT id, nik FROM registrations WHERE full_name = ? COLLATE NOCASE"
            " AND birth_date = ? AND +deleted = 0 AND id != ?",
            [reg.full_name, reg.birth_date.isoformat(), reg.id],
        ):
            if other_nik != reg.nik:
                found[other_id] = "same name and birth date"
    if reg.birth_date and name and reg.village_code:
        year = str(reg.birth_date.year)
        for other_id, other_name, other_nik in db.execute(
            "SELECT id, full_name, nik FROM registrations WHERE village_code = ?"
            " AND birth_date >= ? AND birth_date < ? AND +deleted = 0 AND id != ?",
            [reg.village_code, f"{year}-01-01", f"{int(year) + 1}-01-01", reg.id],
        ):
            if other_id in found or other_nik == reg.nik:
                continue
            ratio = difflib.SequenceMatcher(None, name, other_name.lower()).ratio()
            if ratio >= SIMILAR_NAME:
                found[other_id] = "similar name, same desa and birth year"
    return list(found.items())


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
