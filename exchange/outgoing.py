"""The officer's next batch: what must leave (registrations and the life events recorded
since the last batch), packed, signed, encrypted to the district and recorded in the batch
history in one transaction.

`pack_next_batch` makes the batch in memory only (a sync pushes the bytes the history keeps);
`export_batch` also writes it into a folder inside the same transaction, so that either the
file and the history both have it or neither does. `rewrite_lost_batch` writes a batch again
from the history, byte for byte.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from exchange.batch_file import BuiltBatch, build_batch, rewrite_batch, save_batch
from exchange.enrolment import own_signing_key
from models import batches, life_events
from models.db import write_transaction
from models.identity import require_role


@dataclass(frozen=True)
class ExportResult:
    """A batch written into a folder."""

    path: Path
    seq: int
    records: int


def pack_next_batch(db: Database) -> BuiltBatch | None:
    """Pack every registration that must leave into the next batch and record it in the
    history (its bytes included); None when there is nothing to send. No file is written."""
    return _pack(db, lambda built: None)


def export_batch(db: Database, out_dir: Path | str) -> ExportResult | None:
    """Write every registration that must leave into the next batch file in ``out_dir``;
    None when there is nothing to send (and then no file is written)."""
    written: list[Path] = []

    def write(built: BuiltBatch) -> None:
        written.append(save_batch(out_dir, built).path)

    try:
        built = _pack(db, write)
    except BaseException:
        # The file must not outlive a history that does not know it.
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    if built is None:
        return None
    return ExportResult(written[0], built.seq, built.record_count)


def _pack(db: Database, write: Callable[[BuiltBatch], None]) -> BuiltBatch | None:
    """Build the next batch, hand it to ``write`` and record it, in one transaction."""
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
        write(built)
        life_events.mark_sent(db, (e["id"] for e in events), seq)
        batches.record_batch(
            db, seq=seq, batch_id=built.manifest["batch_id"], file_name=built.file_name,
            created_at=built.manifest["created_at"], manifest_sha256=built.manifest_sha256,
            file_sha256=built.file_sha256, content=built.file_bytes, records=pending.records,
            actor=identity.name,
        )  # fmt: skip
    return built


def rewrite_lost_batch(db: Database, seq: int, out_dir: Path | str) -> Path:
    """Write batch ``seq`` again from the history: the same bytes, the same signature."""
    name, content = batches.batch_content(db, seq)
    return rewrite_batch(out_dir, content, name)
