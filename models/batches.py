"""The officer's side of batches: which registrations leave in the next batch, and the
record of every batch that left (its exact bytes, so a lost file can be written again).

An export records its batch *before* it writes the file, with ``file_pending`` set, and
clears it once the file is in place: a crash in between leaves a batch the history knows
and whose file the next export writes, byte for byte, instead of a file on the stick that
the history does not know (whose number the next batch would take again).

A registration leaves when it is ``ready`` (new or changed since it last left) or when it was
deleted after it had left (the tombstone tells the district). Leaving turns a live
registration ``exported``: a change like any other, with its version and audit row.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from models.db import select_rows, write_transaction
from models.registration import Status
from models.store import change_rows

#: What must leave: ready live registrations, and tombstones newer than what last left.
_PENDING_WHERE = (
    "(r.status = 'ready' AND r.deleted = 0)"
    " OR (r.deleted = 1 AND r.version > COALESCE("
    "(SELECT MAX(b.version) FROM batch_items b WHERE b.registration_id = r.id), r.version))"
)
_PENDING = f"SELECT r.* FROM registrations r WHERE {_PENDING_WHERE} ORDER BY r.rowid"
#: The audit rows written since each pending registration last left (or since it was
#: created), grouped by registration in the order of `_PENDING`, oldest first: one query
#: instead of one per registration (10,000 of those took longer than the rest of an export).
_PENDING_AUDIT = (
    "SELECT a.seq, a.at, a.actor, a.action, a.registration_id, a.version, a.before, a.after,"
    " a.prev_hash, a.hash FROM registrations r JOIN audit_log a ON a.registration_id = r.id"
    " AND a.version > COALESCE("
    "(SELECT MAX(b.version) FROM batch_items b WHERE b.registration_id = r.id), 0)"
    f" WHERE {_PENDING_WHERE} ORDER BY r.rowid, a.seq"
)


@dataclass
class PendingExport:
    """What the next batch carries: full rows and the audit rows written since they last
    left (or since they were created)."""

    records: list[dict]
    audit_rows: list[dict]

    def __bool__(self) -> bool:
        return bool(self.records)


@dataclass(frozen=True)
class BatchRecord:
    """One batch in this device's history."""

    seq: int
    batch_id: str
    file_name: str
    created_at: str
    records: int
    manifest_sha256: str
    file_sha256: str
    acknowledged_at: str | None


def pending_export(db: Database) -> PendingExport:
    """The registrations the next batch must carry, with their audit rows."""
    records = []
    for row in select_rows(db, _PENDING):
        row.pop("kecamatan_code", None)  # generated from village_code
        records.append(row)
    return PendingExport(records, select_rows(db, _PENDING_AUDIT) if records else [])


def next_position(db: Database) -> tuple[int, str]:
    """The next batch's sequence number and the previous batch's manifest hash ("")."""
    row = db.execute(
        "SELECT seq, manifest_sha256 FROM batches ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return (row[0] + 1, row[1]) if row else (1, "")


def record_batch(
    db: Database,
    *,
    seq: int,
    batch_id: str,
    file_name: str,
    created_at: str,
    manifest_sha256: str,
    file_sha256: str,
    content: bytes,
    records: list[dict],
    actor: str,
    file_pending: bool = False,
) -> None:
    """Remember a batch that leaves and mark what it carried as exported, inside the
    caller's write transaction (a failure leaves neither the history nor the statuses
    changed). ``file_pending``: its file is still to be written (`file_written` says when
    it is)."""
    db.execute(
        "INSERT INTO batches (seq, batch_id, file_name, created_at, records, manifest_sha256,"
        " file_sha256, content, file_pending) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, batch_id, file_name, created_at, len(records), manifest_sha256, file_sha256,
         content, int(file_pending)],
    )  # fmt: skip
    db.conn.executemany(
        "INSERT INTO batch_items (seq, registration_id, version) VALUES (?, ?, ?)",
        [(seq, r["id"], r["version"]) for r in records],
    )
    # A tombstone stays as it is (the batch told the district); the rest left, as stored.
    exported = {"status": Status.EXPORTED.value}
    change_rows(db, [(row, exported) for row in records if not row["deleted"]], "export", actor)


def batch_history(db: Database) -> list[BatchRecord]:
    return [
        BatchRecord(**row)
        for row in select_rows(
            db,
            "SELECT seq, batch_id, file_name, created_at, records, manifest_sha256,"
            " file_sha256, acknowledged_at FROM batches ORDER BY seq DESC",
        )
    ]


def batch_content(db: Database, seq: int) -> tuple[str, bytes]:
    """The file name and exact bytes of a batch that left, to write a lost file again."""
    row = db.execute("SELECT file_name, content FROM batches WHERE seq = ?", [seq]).fetchone()
    if row is None:
        raise KeyError(f"no batch {seq}")
    return row[0], bytes(row[1])


@dataclass(frozen=True)
class PendingFile:
    """A batch recorded by an export whose file may not be written yet."""

    seq: int
    file_name: str
    content: bytes
    records: int


def pending_files(db: Database) -> list[PendingFile]:
    """The batches whose file an export has yet to write, oldest first: not written to a
    folder yet and not acknowledged by the district (a batch a sync delivered needs no
    file)."""
    rows = db.execute(
        "SELECT seq, file_name, content, records FROM batches"
        " WHERE file_pending = 1 AND acknowledged_at IS NULL ORDER BY seq"
    ).fetchall()
    return [PendingFile(seq, name, bytes(content), records) for seq, name, content, records in rows]


def file_written(db: Database, seq: int) -> None:
    """Batch ``seq``'s file is in place (or was written again): nothing is pending for it."""
    with write_transaction(db):
        db.execute("UPDATE batches SET file_pending = 0 WHERE seq = ?", [seq])


@dataclass(frozen=True)
class Acknowledgement:
    """What a district receipt changed in the batch history."""

    newly: list[int]  # seq of batches now acknowledged
    already: list[int]  # seq of batches acknowledged before
    mismatched: list[int]  # seq the district names with another batch id or hash

    def __bool__(self) -> bool:
        return bool(self.newly)


def acknowledge(db: Database, received: list[dict]) -> Acknowledgement:
    """Mark the batches a (verified) district receipt lists as acknowledged, in one
    transaction. Each entry has ``seq``, ``batch_id``, ``manifest_sha256`` and
    ``imported_at``; an entry that does not match this device's batch of that number is
    reported, never recorded."""
    newly, already, mismatched = [], [], []
    with write_transaction(db):
        for entry in received:
            row = db.execute(
                "SELECT batch_id, manifest_sha256, acknowledged_at FROM batches WHERE seq = ?",
                [entry["seq"]],
            ).fetchone()
            if row is None or (row[0], row[1]) != (entry["batch_id"], entry["manifest_sha256"]):
                mismatched.append(entry["seq"])
            elif row[2]:
                already.append(entry["seq"])
            else:
                db.execute(
                    "UPDATE batches SET acknowledged_at = ? WHERE seq = ?",
                    [entry["imported_at"], entry["seq"]],
                )
                newly.append(entry["seq"])
    return Acknowledgement(newly, already, mismatched)
