"""The district's side of a batch that arrived, by USB stick or over HTTP: finding the files,
and merging one batch that `exchange.batch_file.read_batch` verified.

`merge_verified` is the one merge both the import (`app.batch_import`) and the sync endpoint
(`httpsync.server`) call. It lives here rather than in `app/` because the endpoint may not
import `app/` (the app's sync use case imports the HTTP client, and the layers stay a tree).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database

from exchange.batch_file import BatchRejected, VerifiedBatch
from models import merge, status_updates
from models.duplicates import LikelyDuplicates
from models.identity import trusted_key


def batch_files(paths: Iterable[Path | str]) -> list[Path]:
    """The ``.jaring`` files named, or found in the folders named, in device and seq order."""
    found: list[Path] = []
    for path in map(Path, paths):
        found += sorted(path.glob("*.jaring")) if path.is_dir() else [path]

    def order(path: Path) -> tuple[str, int, str]:
        device, _, seq = path.stem.rpartition("-")
        return (device, int(seq) if seq.isdigit() else 0, path.name)

    return sorted(dict.fromkeys(found), key=order)


def merge_verified(
    db: Database,
    verified: VerifiedBatch,
    *,
    file_name: str,
    actor: str,
    duplicates: LikelyDuplicates | None = None,
) -> merge.MergeResult:
    """Merge a verified batch (`models.merge.merge_batch`: all or nothing, nothing when it
    is already imported). Verifying may run on another thread or before a wait, so the trust
    store is asked again here.

    Raises `BatchRejected` ``unknown_device`` when the device was revoked since the batch was
    verified, ``batch_id_reused`` when the district holds this batch id with other content;
    `models.merge.MalformedRecord` and `models.merge.SeqReused` as the merge does.
    """
    if trusted_key(db, verified.device_id) is None:
        raise BatchRejected(
            "unknown_device",
            f"The device {verified.device_id} was revoked while the batch was on its way."
            " Do not import its batches unless it is enrolled again.",
        )
    result = merge.merge_batch(
        db, manifest=verified.manifest, manifest_sha256=verified.manifest_sha256,
        file_sha256=verified.file_sha256, file_name=file_name, records=verified.records,
        audit_rows=verified.audit_lines, actor=actor, duplicates=duplicates,
        life_events=verified.life_events,
    )  # fmt: skip
    if result.skipped:
        held = status_updates.imported_batch(db, verified.batch_id)
        if held is not None and held["file_sha256"] != verified.file_sha256:
            raise BatchRejected(
                "batch_id_reused", "The district already holds this batch id with other content."
            )
    return result
