"""The district's import of batch files (``import`` on the command line, "Impor batch" in the
app): verify and merge each file, then, when asked, write into each folder the files came
from what goes back to the officers on the same stick — each device's signed receipt
(`exchange.receipts`) and its status updates file (`exchange.signed_updates`).

Each file is verified completely (`exchange.batch_file.read_batch`) before it is merged, in a
transaction of its own (`exchange.incoming.merge_verified`); a rejected batch changes nothing.
The next file is read and verified on a second thread while this one merges (SQLite lets go of
the interpreter while it writes), so reading costs little extra time.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from exchange.batch_file import MAX_FILE_BYTES, BatchRejected, VerifiedBatch, read_batch
from exchange.enrolment import own_age_identity
from exchange.incoming import batch_files, merge_verified
from exchange.keys import KeyStoreError
from exchange.receipts import SUFFIX, ReceiptError, write_receipts
from exchange.signed_updates import write_update_files
from models import fault_points, merge
from models.db import page_cache
from models.duplicates import LikelyDuplicates
from models.identity import require_role, trusted_keys

#: The keys ``import --json`` prints (scripts rely on them).
JSON_KEYS = (
    "batches_imported", "batches_skipped", "batches_rejected", "records_inserted",
    "records_updated", "records_stale", "conflicts", "likely_duplicates", "gaps",
    "broken_chains", "per_batch", "receipts", "receipt_errors",
)  # fmt: skip


@dataclass
class ImportReport:
    """What `import_batches` did. ``receipts`` and ``updates_files`` are the files written
    for the officers; ``receipt_errors`` and ``updates_errors`` the folders that could not
    take them (``{"folder", "reason"}``): the import stands all the same."""

    batches_imported: int = 0
    batches_skipped: int = 0
    batches_rejected: list[dict] = field(default_factory=list)  # {"file", "reason"}
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
    updates_files: list[str] = field(default_factory=list)
    updates_errors: list[dict] = field(default_factory=list)
    #: Each folder imported (or already imported) files came from, and their devices: the
    #: paths as they are (the report's texts may have escaped bytes a name held).
    device_folders: dict[Path, list[str]] = field(default_factory=dict)

    def as_json(self) -> dict:
        """The shape ``import --json`` prints."""
        return {key: getattr(self, key) for key in JSON_KEYS}


def import_batches(
    db: Database,
    paths: Iterable[Path | str],
    actor: str,
    *,
    receipts: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Verify and merge every batch file named or found in the folders named; with
    ``receipts``, write each device's receipt and updates file into the folder its files
    came from. ``progress(done, total, file name)``; ``cancelled()`` stops between files."""
    require_role(db, "district", "only the district database imports batches; run district-init")
    age_identity = own_age_identity(db)
    keys = trusted_keys(db)  # the reading thread has no connection of its own

    def read(path: Path) -> VerifiedBatch | Exception:
        try:
            return read_batch(_file_bytes(path), device_key=keys.get, identity=age_identity)
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
            fault_points.reach("import.verified")
            _import_one(db, path, verified, actor, report, duplicates)
            fault_points.reach("import.merged")
    if progress:
        progress(len(files), len(files), "")
    report.gaps = [{"device": d, "missing_seq": s} for d, s in merge.gaps(db)]
    report.broken_chains = [{"device": d, "seq": s} for d, s in merge.broken_chains(db)]
    if receipts:
        fault_points.reach("import.receipts")
        _write_for_officers(db, report)
    return report


def _file_bytes(path: Path) -> bytes:
    """The bytes of a batch file, at most one more than a batch may have (`read_batch`
    refuses that). Anything but a regular file (a FIFO, a device, a folder named like a
    batch) is refused before it is read: a FIFO would make the import wait forever."""
    # Without O_NONBLOCK, opening a FIFO waits for a writer; with it, it opens at once.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:  # where a folder cannot be opened at all
        raise _not_a_file() from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _not_a_file()
        stream = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with stream:
        return stream.read(MAX_FILE_BYTES + 1)


def _not_a_file() -> BatchRejected:
    return BatchRejected(
        "not_a_batch", "Ini bukan berkas biasa (misalnya FIFO atau folder); tidak dibaca."
    )


def shown(path: Path | str) -> str:
    """A path as text that can be printed and stored: a file name's bytes that are not
    UTF-8 (a stick formatted elsewhere) are written as ``\\xff``, the rest unchanged."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _import_one(
    db: Database,
    path: Path,
    verified: VerifiedBatch | Exception,
    actor: str,
    report: ImportReport,
    duplicates: LikelyDuplicates,
) -> None:
    try:
        if isinstance(verified, Exception):
            raise verified
        result = merge_verified(
            db, verified, file_name=shown(path.name), actor=actor, duplicates=duplicates
        )
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
    report.device_folders.setdefault(path.parent, []).append(verified.device_id)
    if result.skipped:
        report.batches_skipped += 1
        report.per_batch.append({
            "file": shown(path), "result": "already imported", "device": verified.device_id,
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
        "file": shown(path), "result": "imported", "device": verified.device_id,
        "seq": verified.seq, "inserted": result.inserted, "updated": result.updated,
        "stale": result.stale, "conflicts": result.conflicts,
    })  # fmt: skip


def _reject(report: ImportReport, path: Path, code: str, message: str) -> None:
    report.batches_rejected.append({"file": shown(path), "reason": f"{code}: {message}"})
    report.per_batch.append({"file": shown(path), "result": "rejected", "reason": message})


def _write_for_officers(db: Database, report: ImportReport) -> None:
    """A receipt per device into each folder its imported (or already imported) files are
    in, and beside each receipt that device's updates file; a folder that cannot be
    written is reported, the import stands."""
    receipts: list[Path] = []
    for folder, devices in report.device_folders.items():
        try:
            receipts += write_receipts(db, folder, devices)
        except OSError as exc:
            report.receipt_errors.append(_failure(folder, exc.strerror or str(exc)))
        except (KeyStoreError, ReceiptError) as exc:  # no signing key: nothing to sign with
            report.receipt_errors.append(_failure(folder, str(exc)))
    report.receipts = [shown(p) for p in receipts]
    fault_points.reach("import.receipts_written")
    for receipt in receipts:
        device = receipt.name.removesuffix(SUFFIX)
        try:
            written = write_update_files(db, receipt.parent, [device])
        except OSError as exc:
            report.updates_errors.append(_failure(receipt.parent, exc.strerror or str(exc)))
        except (ValueError, KeyStoreError, ReceiptError) as exc:
            report.updates_errors.append(_failure(receipt.parent, str(exc)))
        else:
            report.updates_files += [shown(p) for p in written]


def _failure(folder: Path, reason: str) -> dict:
    return {"folder": shown(folder), "reason": reason}
