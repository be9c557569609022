"""The officer's next batch: what must leave (registrations and the life events recorded
since the last batch), packed, signed, encrypted to the district and recorded in the batch
history in one transaction.

`pack_next_batch` makes the batch in memory only (a sync pushes the bytes the history keeps);
`export_batch` also writes it into a folder. The history always knows a batch before its
file exists: the export records the batch (its number, its exact bytes, what it carried),
commits, and only then writes the file atomically and notes that it is written. A crash or
a full stick in between leaves a batch whose file is *pending*; the next export writes
those first, byte for byte (a file already there with the same bytes is kept), so a batch
number is never given to two different files. `rewrite_lost_batch` writes a batch again
from the history, byte for byte.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from exchange.batch_file import BuiltBatch, build_batch, rewrite_batch
from exchange.enrolment import own_signing_key
from models import batches, fault_points, life_events
from models.db import write_transaction
from models.identity import require_role


@dataclass(frozen=True)
class ExportResult:
    """A batch written into a folder; ``written_again``: batches recorded by an earlier
    export that could not write them (killed, stick full or pulled), written now."""

    path: Path
    seq: int
    records: int
    written_again: tuple[Path, ...] = ()


class BatchNotWritten(OSError):
    """A batch is in the history but its file could not be written into the folder; the
    next export writes it (or ``export --rewrite SEQ`` into another folder)."""


def pack_next_batch(db: Database) -> BuiltBatch | None:
    """Pack every registration that must leave into the next batch and record it in the
    history (its bytes included); None when there is nothing to send. No file is written
    now, but until the district acknowledges the batch the next export to a folder writes
    it too: a sync cut off after packing must not leave a gap on the USB route."""
    return _pack(db, file_pending=True)


def export_batch(db: Database, out_dir: Path | str) -> ExportResult | None:
    """Write into ``out_dir`` the batches whose file an earlier export did not write, then
    every registration that must leave as the next batch; None when there was nothing to
    write. Raises `BatchNotWritten` when a file cannot be written (its batch stays pending)."""
    folder = Path(out_dir)
    earlier = [_write_pending(db, folder, pending) for pending in batches.pending_files(db)]
    built = _pack(db, file_pending=True)
    if built is None:
        if not earlier:
            return None
        last = earlier.pop()
        return ExportResult(last.path, last.seq, last.records, tuple(e.path for e in earlier))
    fault_points.reach("export.committed")
    path = _write(db, folder, built.seq, built.file_name, built.file_bytes)
    return ExportResult(path, built.seq, built.record_count, tuple(e.path for e in earlier))


def _pack(db: Database, *, file_pending: bool) -> BuiltBatch | None:
    """Build the next batch and record it, in one transaction."""
    identity = require_role(
        db, "officer", "only an officer's database exports batches; run officer-init first"
    )
    signing_key = own_signing_key(db)
    with write_transaction(db):
        pending = batches.pending_export(db)
        # Life events travel once their registration has left (or leaves now), so that
        # the district holds what they are about.
        events = life_events.pending_events(db, (r["id"] for r in pending.records))
        if not pending and not events:
            return None
        seq, prev = batches.next_position(db)
        built = build_batch(
            device_id=identity.device_id, officer=identity.name, seq=seq, prev=prev,
            records=pending.records, audit_rows=pending.audit_rows, signing_key=signing_key,
            recipient=identity.age_recipient, life_events=events,
        )  # fmt: skip
        life_events.mark_sent(db, (e["id"] for e in events), seq)
        batches.record_batch(
            db, seq=seq, batch_id=built.manifest["batch_id"], file_name=built.file_name,
            created_at=built.manifest["created_at"], manifest_sha256=built.manifest_sha256,
            file_sha256=built.file_sha256, content=built.file_bytes, records=pending.records,
            actor=identity.name, file_pending=file_pending,
        )  # fmt: skip
        fault_points.reach("export.recorded")
    return built


def _write_pending(db: Database, folder: Path, pending: batches.PendingFile) -> ExportResult:
    """Write a batch an earlier export recorded but did not (surely) write."""
    # What a write cut short left beside the name: the earlier export is gone.
    for leftover in folder.glob(f".{pending.file_name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    path = _write(db, folder, pending.seq, pending.file_name, pending.content)
    return ExportResult(path, pending.seq, pending.records)


def _write(db: Database, folder: Path, seq: int, file_name: str, content: bytes) -> Path:
    """Write batch ``seq``'s file atomically (a file with the same bytes already there is
    kept) and note in the history that it is written."""
    try:
        path = rewrite_batch(folder, content, file_name)
    except OSError as exc:
        raise BatchNotWritten(
            f"batch {seq} is recorded but its file could not be written into {folder}:"
            f" {exc.strerror or exc}; the next export writes it (or export --rewrite {seq}"
            " into another folder)"
        ) from exc
    fault_points.reach("export.published")
    batches.file_written(db, seq)
    return path


def rewrite_lost_batch(db: Database, seq: int, out_dir: Path | str) -> Path:
    """Write batch ``seq`` again from the history: the same bytes, the same signature."""
    name, content = batches.batch_content(db, seq)
    path = rewrite_batch(out_dir, content, name)
    batches.file_written(db, seq)
    return path
