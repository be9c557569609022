"""Export and import of batches: the officer's "export" and the district's "import".

Both are plain functions over a database; the command line and (later) the GUI's workers
call them and show what comes back. An export writes the file inside the same transaction
that records it, so either both happen or neither; an import verifies each file completely
(`exchange.batch_file.read_batch`) before merging it in a transaction of its own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from exchange.batch_file import (
    BatchRejected,
    VerifiedBatch,
    read_batch,
    rewrite_batch,
    write_batch,
)
from exchange.enrolment import own_age_identity, own_signing_key
from exchange.keys import KeyStoreError
from exchange.receipts import ReceiptError, write_receipts
from models import batches, merge
from models.db import page_cache, write_transaction
from models.duplicates import LikelyDuplicates
from models.identity import IdentityError, load_identity, trusted_key, trusted_keys


@dataclass(frozen=True)
class ExportResult:
    path: Path
    seq: int
    records: int


def export_batch(db: Database, out_dir: Path | str) -> ExportResult | None:
    """Write every registration that must leave into the next batch file in ``out_dir``;
    None when there is nothing to send (and then no file is written)."""
    identity = load_identity(db)
    if identity is None or identity.role != "officer":
        raise IdentityError(
            "not_officer", "only an officer's database exports batches; run officer-init first"
        )
    signing_key = own_signing_key(db)
    written = None
    try:
        with write_transaction(db):
            pending = batches.pending_export(db)
            if not pending:
                return None
            seq, prev = batches.next_position(db)
            written = write_batch(
                out_dir, device_id=identity.device_id, officer=identity.name, seq=seq,
                prev=prev, records=pending.records, audit_rows=pending.audit_rows,
                signing_key=signing_key, recipient=identity.age_recipient,
            )  # fmt: skip
            batches.record_batch(
                db, seq=seq, batch_id=written.manifest["batch_id"],
                file_name=written.path.name, created_at=written.manifest["created_at"],
                manifest_sha256=written.manifest_sha256, file_sha256=written.file_sha256,
                content=written.file_bytes, records=pending.records, actor=identity.name,
            )  # fmt: skip
    except BaseException:
        # The file must not outlive a history that does not know it.
        if written is not None:
            with contextlib.suppress(OSError):
                written.path.unlink()
        raise
    return ExportResult(written.path, seq, len(pending.records))


def rewrite_lost_batch(db: Database, seq: int, out_dir: Path | str) -> Path:
    """Write batch ``seq`` again from the history: the same bytes, the same signature."""
    name, content = batches.batch_content(db, seq)
    return rewrite_batch(out_dir, content, name)


@dataclass
class ImportReport:
    """What `import_batches` did, in the shape ``import --json`` prints."""

    batches_imported: int = 0
    batches_skipped: int = 0
    batches_rejected: list[dict] = field(default_factory=list)
    records_inserted: int = 0
    records_updated: int = 0
    records_stale: int = 0
    conflicts: int = 0
    likely_duplicates: int = 0
    gaps: list[dict] = field(default_factory=list)
    broken_chains: list[dict] = field(default_factory=list)
    per_batch: list[dict] = field(default_factory=list)
    receipts: list[str] = field(default_factory=list)
    receipt_errors: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def batch_files(paths: Iterable[Path | str]) -> list[Path]:
    """The ``.jaring`` files named, or found in the folders named, in device and seq order."""
    found: list[Path] = []
    for path in map(Path, paths):
        found += sorted(path.glob("*.jaring")) if path.is_dir() else [path]

    def order(path: Path) -> tuple[str, int, str]:
        device, _, seq = path.stem.rpartition("-")
        return (device, int(seq) if seq.isdigit() else 0, path.name)

    return sorted(dict.fromkeys(found), key=order)


def import_batches(
    db: Database,
    paths: Iterable[Path | str],
    actor: str,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    receipts: bool = False,
) -> ImportReport:
    """Verify and merge every batch file; a rejected batch changes nothing. With
    ``receipts``, write each device's receipt (`exchange.receipts`) into the folder its files
    came from, so that the USB stick carries it back to the officer.

    The next file is read and verified on a second thread while this one merges (SQLite
    lets go of the interpreter while it writes), so reading costs little extra time.
    """
    identity = load_identity(db)
    if identity is None or identity.role != "district":
        raise IdentityError(
            "not_district", "only the district database imports batches; run district-init"
        )
    age_identity = own_age_identity(db)
    keys = trusted_keys(db)  # the reading thread has no connection of its own

    def read(path: Path) -> VerifiedBatch | Exception:
        try:
            return read_batch(path, device_key=keys.get, identity=age_identity)
        except (BatchRejected, OSError) as exc:
            return exc

    files = batch_files(paths)
    report = ImportReport()
    duplicates = LikelyDuplicates()  # loaded once, then follows every batch merged
    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-reader")
    # 16 MB of page cache while merging: with SQLite's 2 MB the indexes of a growing master
    # list no longer fit, and each batch wrote the same pages to the log many times over.
    with page_cache(db, 16_384), reader:
        reading = reader.submit(read, files[0]) if files else None
        for number, path in enumerate(files):
            if cancelled and cancelled():
                reading.cancel()
                break
            if progress:
                progress(number, len(files), path.name)
            verified = reading.result()
            if number + 1 < len(files):
                reading = reader.submit(read, files[number + 1])
            _import_one(db, path, verified, keys, actor, report, duplicates)
    if progress:
        progress(len(files), len(files), "")
    report.gaps = [{"device": d, "missing_seq": s} for d, s in merge.gaps(db)]
    report.broken_chains = [{"device": d, "seq": s} for d, s in merge.broken_chains(db)]
    if receipts:
        _write_receipts(db, report)
    return report


def _write_receipts(db: Database, report: ImportReport) -> None:
    """A receipt per device into each folder its imported (or already imported) files are
    in; a folder that cannot be written is reported, the import stands."""
    folders: dict[Path, list[str]] = {}
    for row in report.per_batch:
        if row.get("device"):
            folders.setdefault(Path(row["file"]).parent, []).append(row["device"])
    for folder, devices in folders.items():
        try:
            report.receipts += [str(p) for p in write_receipts(db, folder, devices)]
        except OSError as exc:
            report.receipt_errors.append(
                {"folder": str(folder), "reason": exc.strerror or str(exc)}
            )
        except (KeyStoreError, ReceiptError) as exc:  # no signing key: nothing to sign with
            report.receipt_errors.append({"folder": str(folder), "reason": str(exc)})


def _import_one(
    db: Database,
    path: Path,
    verified: VerifiedBatch | Exception,
    keys: dict[str, str],
    actor: str,
    report: ImportReport,
    duplicates: LikelyDuplicates,
):
    try:
        if isinstance(verified, Exception):
            raise verified
        if trusted_key(db, verified.device_id) != keys.get(verified.device_id):
            raise BatchRejected(
                "unknown_device",
                f"The device {verified.device_id} was revoked while the import ran. Do not"
                " import its batches unless it is enrolled again.",
            )
        result = merge.merge_batch(
            db, manifest=verified.manifest, manifest_sha256=verified.manifest_sha256,
            file_sha256=verified.file_sha256, file_name=path.name, records=verified.records,
            audit_rows=verified.audit_lines, actor=actor, duplicates=duplicates,
        )  # fmt: skip
    except BatchRejected as exc:
        _reject(report, path, exc.code, str(exc))
        return
    except merge.MalformedRecord as exc:
        _reject(report, path, "bad_records", str(exc))
        return
    except merge.SeqReused as exc:
        _reject(report, path, "seq_reused", str(exc))
        return
    except OSError as exc:
        _reject(report, path, "unreadable", f"cannot read the file: {exc.strerror or exc}")
        return
    if result.skipped:
        report.batches_skipped += 1
        report.per_batch.append({
            "file": str(path), "result": "already imported", "device": verified.device_id,
            "seq": verified.seq,
        })  # fmt: skip
        return
    report.batches_imported += 1
    report.records_inserted += result.inserted
    report.records_updated += result.updated
    report.records_stale += result.stale
    report.conflicts += result.conflicts
    report.likely_duplicates += result.likely_duplicates
    report.per_batch.append({
        "file": str(path), "result": "imported", "device": verified.device_id,
        "seq": verified.seq, "inserted": result.inserted, "updated": result.updated,
        "stale": result.stale, "conflicts": result.conflicts,
    })  # fmt: skip


def _reject(report: ImportReport, path: Path, code: str, message: str) -> None:
    report.batches_rejected.append({"file": str(path), "reason": f"{code}: {message}"})
    report.per_batch.append({"file": str(path), "result": "rejected", "reason": message})
