"""Making a batch (`build_batch`: signed, encrypted, its exact bytes, in memory) and writing
batch files atomically (`save_batch`, `write_batch`, `rewrite_batch` for a lost one).
"""

from __future__ import annotations

import errno
import os
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exchange.batch_format import (
    ENCRYPTION_AGE,
    ENCRYPTION_NONE,
    FORMAT,
    MANIFEST,
    PAYLOAD_ENCRYPTED,
    PAYLOAD_PLAIN,
    SIGNATURE,
    SUFFIX,
    canonical_json,
    sha256_hex,
)
from exchange.batch_manifest import manifest_problem
from exchange.batch_payload import encode_payload
from exchange.batch_zip import zip_members
from models.files import write_atomically

_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.jaring")


@dataclass(frozen=True)
class BuiltBatch:
    """A batch made in memory (`build_batch`): keep ``file_bytes`` (or at least
    ``manifest_sha256`` for the next batch's ``prev``) in the batch history so a lost file
    can be written again."""

    file_name: str
    manifest: dict
    manifest_bytes: bytes
    manifest_sha256: str
    file_bytes: bytes
    file_sha256: str

    @property
    def seq(self) -> int:
        return self.manifest["seq"]

    @property
    def record_count(self) -> int:
        return self.manifest["record_count"]


@dataclass(frozen=True)
class WrittenBatch(BuiltBatch):
    """A batch as written to a file (`write_batch`)."""

    path: Path


def batch_file_name(device_id: str, seq: int) -> str:
    """``<device>-<seq>.jaring``."""
    return f"{device_id}-{seq}{SUFFIX}"


def write_batch(out_dir: str | os.PathLike, **batch: object) -> WrittenBatch:
    """Make the batch of ``batch`` (the keyword arguments of `build_batch`) and write it
    into ``out_dir`` (`save_batch`)."""
    return save_batch(out_dir, build_batch(**batch))


def save_batch(out_dir: str | os.PathLike, built: BuiltBatch) -> WrittenBatch:
    """Write ``built`` into ``out_dir`` under its name, atomically. Raises FileExistsError
    when a different file already has the name, and OSError when writing fails (nothing is
    left under the final name then)."""
    path = write_file_atomically(Path(out_dir), built.file_name, built.file_bytes)
    return WrittenBatch(**vars(built), path=path)


def build_batch(
    *,
    device_id: str,
    officer: str,
    seq: int,
    prev: str,
    records: list[dict],
    audit_rows: list[dict],
    signing_key: Ed25519PrivateKey,
    life_events: list[dict] = (),
    recipient: str | None,
    allow_unencrypted: bool = False,
    batch_id: str | None = None,
    created_at: str | datetime | None = None,
) -> BuiltBatch:
    """The batch ``<device>-<seq>.jaring`` made in memory (signed, encrypted, its exact
    bytes); nothing is written anywhere, so a sync sends it without a file.

    The payload is encrypted to ``recipient`` (an ``age1…`` string); ``recipient=None``
    writes it in the clear, which needs ``allow_unencrypted=True``. ``prev`` is the previous
    batch's ``manifest_sha256`` ("" for seq 1). Raises ValueError for invalid arguments.
    """
    if recipient is None and not allow_unencrypted:
        raise ValueError("no recipient: unencrypted batches need allow_unencrypted=True")
    if recipient is not None:
        try:
            age_recipient = pyrage.x25519.Recipient.from_str(recipient)
        except pyrage.RecipientError as error:
            raise ValueError(f"recipient is not an age X25519 recipient: {error}") from None
    payload = encode_payload(records, audit_rows, life_events)
    stored = payload if recipient is None else pyrage.encrypt(payload, [age_recipient])
    if isinstance(created_at, datetime):
        created_at = created_at.isoformat(timespec="milliseconds")
    manifest = {
        "format": FORMAT,
        "batch_id": batch_id or str(uuid.uuid4()),
        "device_id": device_id,
        "officer": officer,
        "seq": seq,
        "prev": prev,
        "created_at": created_at or datetime.now(UTC).isoformat(timespec="milliseconds"),
        "record_count": len(records),
        "payload_sha256": sha256_hex(payload),
        "stored_sha256": sha256_hex(stored),
        "encryption": ENCRYPTION_NONE if recipient is None else ENCRYPTION_AGE,
        "recipient": recipient or "",
    }
    problem = manifest_problem(manifest)
    if problem:
        raise ValueError(f"cannot write this batch: {problem}")
    manifest_bytes = canonical_json(manifest)
    signature = signing_key.sign(manifest_bytes)
    payload_name = PAYLOAD_PLAIN if recipient is None else PAYLOAD_ENCRYPTED
    file_bytes = zip_members(
        [(MANIFEST, manifest_bytes), (SIGNATURE, signature), (payload_name, stored)]
    )
    return BuiltBatch(
        file_name=batch_file_name(device_id, seq),
        manifest=manifest,
        manifest_bytes=manifest_bytes,
        manifest_sha256=sha256_hex(manifest_bytes),
        file_bytes=file_bytes,
        file_sha256=sha256_hex(file_bytes),
    )


def rewrite_batch(out_dir: str | os.PathLike, file_bytes: bytes, file_name: str) -> Path:
    """Write a lost batch again from its stored bytes (same content, same signature),
    atomically, under ``file_name`` (a plain ``….jaring`` name) in ``out_dir``."""
    if not _FILE_NAME.fullmatch(file_name):
        raise ValueError(f"{file_name!r} is not a batch file name like DEVICE-SEQ.jaring")
    return write_file_atomically(Path(out_dir), file_name, file_bytes)


def write_file_atomically(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name`` so that the name only ever holds the whole of it
    (`models.files.atomic_file`).

    An existing file with the same bytes is left as it is; one with different bytes raises
    FileExistsError (a batch, once written, never changes), also when it appears while
    this one is written.
    """
    target = folder / name
    if _same_file_exists(target, data):
        return target
    try:
        write_atomically(target, data, replace=False)
    except FileExistsError:
        if _same_file_exists(target, data):  # the same batch, written meanwhile
            return target
        raise
    return target


def _same_file_exists(target: Path, data: bytes) -> bool:
    """True when ``target`` holds exactly ``data``; False when it does not exist; raises
    FileExistsError when it holds something else."""
    try:
        size = target.stat().st_size
    except FileNotFoundError:
        return False
    if size == len(data) and target.read_bytes() == data:
        return True
    raise FileExistsError(
        errno.EEXIST, "a different batch file already has this name; it was left alone", target
    )
