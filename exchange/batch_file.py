"""Batch files, the contract between an officer's laptop and the district office.

A batch is one ZIP file, ``<device>-<seq>.jaring``, holding exactly three members in this
order:

- ``manifest.json``: compact UTF-8 JSON with sorted keys (see `MANIFEST_FIELDS`);
- ``manifest.sig``: the raw 64-byte Ed25519 signature of the exact manifest bytes, so that
  ``openssl pkeyutl -verify -pubin -inkey device.pem -rawin -in manifest.json
  -sigfile manifest.sig`` checks it;
- ``payload.jsonl.age``: the records and audit rows as JSON Lines, encrypted with age
  (X25519) to the district, or ``payload.jsonl`` in the clear when a setting allows it and
  the manifest says so.

The ZIP is written here byte by byte rather than by `zipfile`: members are stored (not
compressed), with fixed timestamps, attributes and order and no extra fields, so the file is
a pure function of its three members whatever the Python version or operating system. The
reader relies on that: after `zipfile` has parsed a file, the file must be byte-identical
to the canonical ZIP of the members it found, which is what makes a change to *any* byte
(a date, an attribute, a comment, data before or after the archive) visible, not only
changes to what the signature and hashes cover.

`build_batch` makes a batch in memory (what a sync sends), `write_batch` writes one
atomically; `rewrite_batch` writes the stored bytes of a lost batch again; `read_batch`
verifies a batch in a fixed order and raises `BatchRejected` with a stable code at the first
failure. Nothing here touches a
database or Qt; a rejected batch leaves nothing behind because reading writes nothing.
"""

from __future__ import annotations

import binascii
import errno
import hashlib
import io
import json
import os
import re
import struct
import uuid
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from models.files import write_atomically

FORMAT = "jaring-batch/1"
SUFFIX = ".jaring"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD_ENCRYPTED = "payload.jsonl.age"
PAYLOAD_PLAIN = "payload.jsonl"
ENCRYPTION_AGE = "age-x25519"
ENCRYPTION_NONE = "none"

MiB = 1024 * 1024
MAX_FILE_BYTES = 50 * MiB
MAX_PAYLOAD_BYTES = 200 * MiB
#: The manifest and the signature are a few hundred bytes; anything near this is not ours.
MAX_SMALL_MEMBER_BYTES = 64 * 1024
#: Jaring stores members uncompressed; a member claiming to expand more than this is a bomb.
MAX_COMPRESSION_RATIO = 100

#: The manifest's keys and their JSON types; no other key is allowed.
MANIFEST_FIELDS: dict[str, type] = {
    "format": str,
    "batch_id": str,
    "device_id": str,
    "officer": str,
    "seq": int,
    "prev": str,
    "created_at": str,
    "record_count": int,
    "payload_sha256": str,
    "stored_sha256": str,
    "encryption": str,
    "recipient": str,
}

#: Why a batch can be rejected, in the order `read_batch` checks. The codes are stable (the
#: UI and the import report use them); the English messages are for logs and the CLI.
REJECTION_CODES = (
    "not_a_batch",  # empty is "truncated"; anything else that is not a ZIP
    "truncated",  # looks like a ZIP but is incomplete or damaged (bad CRC, cut short)
    "too_large",  # file, declared member size, compression ratio or plaintext over a limit
    "bad_members",  # not exactly the expected members, or not the ZIP layout Jaring writes
    "not_encrypted",  # an unencrypted payload where unencrypted batches are not allowed
    "bad_manifest",  # manifest not canonical JSON, or fields missing, extra or mistyped
    "unknown_device",  # the device is not in the trust store, or was revoked
    "bad_signature",  # the manifest signature does not verify with the device key
    "payload_changed",  # stored or plaintext payload does not match the manifest's hash
    "wrong_recipient",  # encrypted to somebody else's age key
    "cannot_decrypt",  # no identity to decrypt with, or the age decryption failed
    "bad_records",  # malformed payload lines, unknown types, missing keys, count mismatch
)

_HEX64 = re.compile(r"[0-9a-f]{64}")
_DEVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.jaring")


class BatchRejected(Exception):
    """A batch file that failed verification: ``code`` is one of `REJECTION_CODES`,
    ``message`` a short English sentence saying what is wrong and what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"BatchRejected({self.code!r}, {self.message!r})"


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


@dataclass(frozen=True)
class VerifiedBatch:
    """A batch that passed every check of `read_batch`."""

    manifest: dict
    manifest_bytes: bytes
    manifest_sha256: str
    file_sha256: str
    records: list[dict]
    audit_rows: list[dict]
    #: The audit rows' lines exactly as they travelled (what the district keeps).
    audit_lines: list[str] = field(default_factory=list)

    @property
    def batch_id(self) -> str:
        return self.manifest["batch_id"]

    @property
    def device_id(self) -> str:
        return self.manifest["device_id"]

    @property
    def seq(self) -> int:
        return self.manifest["seq"]

    @property
    def prev(self) -> str:
        return self.manifest["prev"]


# --- JSON ---------------------------------------------------------------------------------


def canonical_json(value: object) -> bytes:
    """The one byte form Jaring gives a JSON value: UTF-8, sorted keys, no spaces, no NaN."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    found = dict(pairs)
    if len(found) != len(pairs):
        keys = [key for key, _ in pairs]
        raise ValueError(f"duplicate key {Counter(keys).most_common(1)[0][0]!r}")
    return found


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed")


_BLANK = frozenset(" \t\r\n")
_STRICT_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
)


def _strict_loads(data: bytes) -> object:
    """Parse JSON refusing duplicate keys and NaN/Infinity; every failure is a ValueError."""
    try:
        return json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
        )
    except RecursionError as error:
        raise ValueError("nested too deeply") from error


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- payload ------------------------------------------------------------------------------


def _registration_problem(data: object, seen: set[str]) -> str | None:
    """Why a registration's data cannot travel in a batch, or None."""
    if not isinstance(data, dict):
        return "is not a JSON object"
    record_id = data.get("id")
    if "id" not in data:
        return "has no id"
    if not isinstance(record_id, str) or not record_id:
        return "has an id that is not a non-empty string"
    version = data.get("version")
    if "version" not in data:
        return f"({record_id}) has no version"
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return f"({record_id}) has a version that is not a whole number of at least 1"
    if record_id in seen:
        return f"({record_id}) appears twice"
    seen.add(record_id)
    return None


def encode_payload(records: list[dict], audit_rows: list[dict]) -> bytes:
    """The plaintext payload: one ``{"type": "registration", "data": {...}}`` line for each
    record, then one ``{"type": "audit", "data": {...}}`` line for each audit row.

    Raises ValueError for a record without ``id`` or ``version``, a repeated ``id``, or a
    value JSON cannot hold.
    """
    lines = []
    seen: set[str] = set()
    for kind, rows in (("registration", records), ("audit", audit_rows)):
        for number, data in enumerate(rows, start=1):
            if kind == "registration":
                problem = _registration_problem(data, seen)
            else:
                problem = None if isinstance(data, dict) else "is not a JSON object"
            if problem:
                raise ValueError(f"{kind} {number} {problem}")
            try:
                lines.append(canonical_json({"type": kind, "data": data}))
            except (TypeError, ValueError) as error:
                raise ValueError(f"{kind} {number} cannot be written as JSON: {error}") from error
    return b"".join(line + b"\n" for line in lines)


def decode_payload(data: bytes) -> tuple[list[dict], list[dict]]:
    """The registrations and audit rows of a plaintext payload, in file order.

    Raises `BatchRejected` (see `decode_payload_lines`).
    """
    records, audit_rows, _ = decode_payload_lines(data)
    return records, audit_rows


def decode_payload_lines(data: bytes) -> tuple[list[dict], list[dict], list[str]]:
    """The registrations, the audit rows and the audit rows' lines as they are written.

    Raises `BatchRejected` with code ``bad_records`` naming the first bad line: not UTF-8
    JSON, not an object of exactly ``type`` and ``data``, an unknown type, a registration
    without ``id`` or ``version``, a repeated id, an empty or unfinished line.
    """

    def reject(reason: str) -> BatchRejected:
        return BatchRejected(
            "bad_records", f"The batch's records are malformed: {reason}. Ask the officer."
        )

    if data and not data.endswith(b"\n"):
        raise reject("the last line is unfinished")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise reject(f"line {line} is not valid JSON (not UTF-8)") from None
    records: list[dict] = []
    audit_rows: list[dict] = []
    audit_lines: list[str] = []
    seen: set[str] = set()
    # One decoder walks the whole text value by value: a new json.loads per line cost
    # more than the rest of reading a batch. JSON strings cannot hold a raw newline, so
    # each value must end exactly where its line does.
    position, number = 0, 0
    while position < len(text):
        number += 1
        if text[position] in _BLANK:
            end = text.find("\n", position)
            if not text[position:end].strip():
                raise reject(f"line {number} is empty")
            raise reject(f"line {number} is not valid JSON (it starts with white space)")
        start = position
        try:
            item, position = _STRICT_DECODER.raw_decode(text, position)
        except (ValueError, RecursionError) as error:
            reason = "nested too deeply" if isinstance(error, RecursionError) else error
            raise reject(f"line {number} is not valid JSON ({reason})") from None
        if text.find("\n", start, position) != -1:
            raise reject(f"line {number} is not valid JSON (its value goes on to the next line)")
        if text[position] != "\n":
            raise reject(f"line {number} is not valid JSON (something follows its value)")
        position += 1
        if type(item) is not dict or len(item) != 2 or "type" not in item or "data" not in item:
            raise reject(f"line {number} is not an object with exactly 'type' and 'data'")
        kind, row = item["type"], item["data"]
        if kind == "registration":
            problem = _registration_problem(row, seen)
            if problem:
                raise reject(f"line {number}: the registration {problem}")
            records.append(row)
        elif kind == "audit":
            if type(row) is not dict:
                raise reject(f"line {number}: the audit row is not a JSON object")
            audit_rows.append(row)
            audit_lines.append(text[start : position - 1])
        else:
            raise reject(f"line {number} has an unknown type {str(kind)[:40]!r}")
    return records, audit_rows, audit_lines


# --- manifest -----------------------------------------------------------------------------


def _manifest_problem(manifest: object) -> str | None:
    """Why a parsed manifest is not a valid one, or None."""
    if not isinstance(manifest, dict):
        return "it is not a JSON object"
    missing = sorted(set(MANIFEST_FIELDS) - set(manifest))
    if missing:
        return f"it lacks {', '.join(missing)}"
    extra = sorted(set(manifest) - set(MANIFEST_FIELDS))
    if extra:
        return f"it has unknown fields {', '.join(repr(k[:40]) for k in extra[:3])}"
    for key, kind in MANIFEST_FIELDS.items():
        value = manifest[key]
        if isinstance(value, bool) or not isinstance(value, kind):
            return f"{key} is not a {'whole number' if kind is int else 'string'}"
    m = manifest
    if m["format"] != FORMAT:
        return f"its format {m['format'][:40]!r} is not {FORMAT}"
    try:
        if str(uuid.UUID(m["batch_id"])) != m["batch_id"]:
            raise ValueError
    except ValueError:
        return "batch_id is not a lower-case UUID"
    if not _DEVICE_ID.fullmatch(m["device_id"]):
        return "device_id is not a valid device id"
    if not m["officer"].strip():
        return "officer is empty"
    if m["seq"] < 1:
        return "seq is below 1"
    if m["seq"] == 1 and m["prev"] != "":
        return "prev must be empty for the first batch"
    if m["seq"] > 1 and not _HEX64.fullmatch(m["prev"]):
        return "prev is not the SHA-256 of the previous manifest"
    try:
        datetime.fromisoformat(m["created_at"])
    except ValueError:
        return "created_at is not an ISO 8601 time"
    if m["record_count"] < 0:
        return "record_count is negative"
    for key in ("payload_sha256", "stored_sha256"):
        if not _HEX64.fullmatch(m[key]):
            return f"{key} is not a SHA-256 in lower-case hex"
    if m["encryption"] == ENCRYPTION_AGE:
        if not m["recipient"].startswith("age1"):
            return "recipient is not an age recipient"
    elif m["encryption"] == ENCRYPTION_NONE:
        if m["recipient"] != "":
            return "recipient must be empty when the payload is not encrypted"
    else:
        return f"encryption {m['encryption'][:40]!r} is unknown"
    return None


def parse_manifest(data: bytes) -> dict:
    """The manifest in ``data``, which must be valid and in canonical form (so a signature
    over it means one thing only). Raises `BatchRejected` with code ``bad_manifest``."""

    def reject(reason: str) -> BatchRejected:
        return BatchRejected(
            "bad_manifest",
            f"The batch's manifest is invalid: {reason}. Ask the officer to export again.",
        )

    try:
        manifest = _strict_loads(data)
    except ValueError as error:
        raise reject(f"it is not valid JSON ({error})") from None
    problem = _manifest_problem(manifest)
    if problem:
        raise reject(problem)
    if canonical_json(manifest) != data:
        raise reject("it is not in the canonical form Jaring writes")
    return manifest


# --- the ZIP layout -----------------------------------------------------------------------

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_VERSION = 20  # 2.0: what every unzip tool reads
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the mode bits below mean something
_DOS_TIME = 0
_DOS_DATE = (1 << 5) | 1  # 1980-01-01, the earliest DOS date
_ATTRIBUTES = 0o100644 << 16  # a plain file, rw-r--r--


def zip_members(members: Iterable[tuple[str, bytes]]) -> bytes:
    """The canonical ZIP of ``members`` (name, content), in the given order: stored, no
    extra fields, no comments, fixed times and attributes. Same members, same bytes."""
    local, central = io.BytesIO(), io.BytesIO()
    count = 0
    for name, data in members:
        raw_name = name.encode("ascii")
        crc = zlib.crc32(data)
        offset = local.tell()
        # The fields both headers share: version needed, flags, method, time, date, CRC,
        # compressed and real size (equal: stored), name length, extra length.
        shared = (_VERSION, 0, zipfile.ZIP_STORED, _DOS_TIME, _DOS_DATE, crc, len(data))
        shared += (len(data), len(raw_name), 0)
        local.write(_LOCAL.pack(0x04034B50, *shared) + raw_name + data)
        # ... then comment length, disk, internal and external attributes, offset.
        central.write(
            _CENTRAL.pack(0x02014B50, _MADE_BY, *shared, 0, 0, 0, _ATTRIBUTES, offset) + raw_name
        )
        count += 1
    directory = central.getvalue()
    end = _END.pack(0x06054B50, 0, 0, count, count, len(directory), local.tell(), 0)
    return local.getvalue() + directory + end


# Everything zipfile has been seen to raise on hostile input: a damaged file must end as a
# rejection, never as a crash.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    binascii.Error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    OverflowError,
    IndexError,
    KeyError,
    UnicodeDecodeError,
)


def _damaged(detail: str) -> BatchRejected:
    return BatchRejected(
        "truncated",
        f"The batch file is incomplete or damaged ({detail}). Copy it again from the "
        "officer's device, or ask the officer to write it again.",
    )


def _check_member_names(names: list[str], allow_unencrypted: bool) -> str:
    """The payload member's name, once the names are exactly the expected set."""

    def reject(reason: str) -> BatchRejected:
        return BatchRejected(
            "bad_members",
            f"The batch file {reason}; a batch holds only {MANIFEST}, {SIGNATURE} and "
            f"{PAYLOAD_ENCRYPTED}. Ask the officer to export it again.",
        )

    for name in names:
        path = PurePosixPath(name.replace("\\", "/"))
        if name.endswith(("/", "\\")):
            raise reject(f"holds a folder {name[:60]!r}")
        if path.is_absolute() or ".." in path.parts or re.match(r"[A-Za-z]:", name):
            raise reject(f"holds a member with an unsafe path {name[:60]!r}")
    duplicates = [name for name, n in Counter(names).items() if n > 1]
    if duplicates:
        raise reject(f"holds {duplicates[0][:60]!r} more than once")
    present = set(names)
    if PAYLOAD_ENCRYPTED in present:
        payload = PAYLOAD_ENCRYPTED
    elif PAYLOAD_PLAIN in present:
        payload = PAYLOAD_PLAIN
    else:
        raise reject(f"has no {PAYLOAD_ENCRYPTED}")
    expected = {MANIFEST, SIGNATURE, payload}
    missing = sorted(expected - present)
    if missing:
        raise reject(f"has no {missing[0]}")
    extra = sorted(present - expected)
    if extra:
        raise reject(f"holds an unexpected member {extra[0][:60]!r}")
    if payload == PAYLOAD_PLAIN and not allow_unencrypted:
        raise BatchRejected(
            "not_encrypted",
            "The batch's records are not encrypted, and unencrypted batches are not "
            "accepted. Ask the officer to export it again with encryption.",
        )
    return payload


def _check_declared_sizes(infos: list[zipfile.ZipInfo], payload_limit: int) -> None:
    """Refuse members whose declared sizes are over a limit or that expand absurdly, from
    the central directory alone: nothing has been decompressed yet."""
    for info in infos:
        limit = payload_limit if info.filename.startswith("payload") else MAX_SMALL_MEMBER_BYTES
        if info.file_size > limit:
            reason = f"claims {info.file_size} bytes, over the limit of {limit}"
        elif info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            reason = f"claims to expand from {info.compress_size} to {info.file_size} bytes"
        else:
            continue
        raise BatchRejected(
            "too_large",
            f"The batch member {info.filename} {reason}: Jaring never writes that. "
            "Do not import it.",
        )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's content, never reading more than ``limit`` bytes of it."""
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise BatchRejected("too_large", f"The batch member {info.filename} is over {limit} bytes.")
    return data


def _unpack(data: bytes, allow_unencrypted: bool, max_payload_bytes: int) -> dict[str, bytes]:
    """The three members of a batch file, checked to be exactly the canonical ZIP."""
    if not data:
        raise BatchRejected(
            "truncated",
            "The batch file is empty: it was probably not copied completely. Copy it again.",
        )
    if not data.startswith(b"PK\x03\x04"[: len(data)]):
        raise BatchRejected(
            "not_a_batch",
            "This file is not a Jaring batch (not a ZIP file). Choose a .jaring file.",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise _damaged(str(error)[:80] or type(error).__name__) from None
    with archive:
        infos = archive.infolist()
        payload = _check_member_names([info.filename for info in infos], allow_unencrypted)
        _check_declared_sizes(infos, max_payload_bytes)
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED or info.flag_bits:
                raise BatchRejected(
                    "bad_members",
                    f"The batch member {info.filename} is compressed or flagged in a way "
                    "Jaring never writes. Ask the officer to export it again.",
                )
        members = {}
        try:
            for info in infos:
                limit = max_payload_bytes if info.filename == payload else MAX_SMALL_MEMBER_BYTES
                members[info.filename] = _read_member(archive, info, limit)
        except _ZIP_ERRORS as error:
            raise _damaged(str(error)[:80] or type(error).__name__) from None
    order = (MANIFEST, SIGNATURE, payload)
    if zip_members((name, members[name]) for name in order) != data:
        raise BatchRejected(
            "bad_members",
            "The batch file's ZIP layout was changed after it was written (bytes outside "
            "its members differ from what Jaring writes). Copy it again from the officer.",
        )
    return members


# --- writing ------------------------------------------------------------------------------


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
    payload = encode_payload(records, audit_rows)
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
    problem = _manifest_problem(manifest)
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
        write_atomically(target, data, 0o644, replace=False)
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


# --- reading ------------------------------------------------------------------------------


def _load(source: str | os.PathLike | bytes, max_file_bytes: int) -> bytes:
    too_large = BatchRejected(
        "too_large",
        f"The batch file is larger than {max_file_bytes} bytes; Jaring does not write such "
        "files. Do not import it.",
    )
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        with open(source, "rb") as stream:
            if os.fstat(stream.fileno()).st_size > max_file_bytes:
                raise too_large
            data = stream.read(max_file_bytes + 1)
    if len(data) > max_file_bytes:
        raise too_large
    return data


def _public_key(pem: str | bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode() if isinstance(pem, str) else pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("the trust store's key for this device is not an Ed25519 key")
    return key


def read_batch(
    source: str | os.PathLike | bytes,
    *,
    device_key: Callable[[str], str | None],
    identity: pyrage.x25519.Identity | None,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_payload_bytes: int = MAX_PAYLOAD_BYTES,
    allow_unencrypted: bool = False,
) -> VerifiedBatch:
    """Verify a batch file (a path or its bytes) and return its content.

    Checks, in this order, and raises `BatchRejected` at the first failure: the file is a
    whole ZIP within ``max_file_bytes``; its members are exactly the expected ones, within
    their size limits (declared sizes are checked before anything is decompressed) and in
    Jaring's exact layout; the manifest; the device is known (``device_key(device_id)``
    returns its public key PEM, None when unknown or revoked); the signature; the stored
    payload's hash; the recipient and decryption with ``identity``; the plaintext's hash;
    the records. Reading writes nothing anywhere.

    OSError from opening or reading a path is not a verdict on the batch and propagates;
    so does ValueError when ``device_key`` returns something that is not an Ed25519 PEM.
    """
    data = _load(source, max_file_bytes)
    members = _unpack(data, allow_unencrypted, min(max_payload_bytes, max_file_bytes))
    manifest_bytes = members[MANIFEST]
    manifest = parse_manifest(manifest_bytes)
    payload_name = PAYLOAD_PLAIN if PAYLOAD_PLAIN in members else PAYLOAD_ENCRYPTED
    expected_encryption = ENCRYPTION_NONE if payload_name == PAYLOAD_PLAIN else ENCRYPTION_AGE
    if manifest["encryption"] != expected_encryption:
        raise BatchRejected(
            "bad_manifest",
            f"The batch's manifest says encryption {manifest['encryption']!r} but the file "
            f"holds {payload_name}. Ask the officer to export it again.",
        )

    pem = device_key(manifest["device_id"])
    if pem is None:
        raise BatchRejected(
            "unknown_device",
            f"The batch comes from device {manifest['device_id']}, which is not enrolled or "
            "was revoked. Enrol the device first if it belongs to one of your officers.",
        )
    try:
        _public_key(pem).verify(members[SIGNATURE], manifest_bytes)
    except InvalidSignature:
        raise BatchRejected(
            "bad_signature",
            "The batch's signature does not match its manifest and the device's key: the "
            "file was changed or not made by that device. Do not import it.",
        ) from None

    stored = members[payload_name]
    if sha256_hex(stored) != manifest["stored_sha256"]:
        raise BatchRejected(
            "payload_changed",
            "The batch's records were changed after the batch was signed. Do not import "
            "it; ask the officer to write it again.",
        )

    if payload_name == PAYLOAD_ENCRYPTED:
        plaintext = _decrypt(stored, manifest["recipient"], identity)
    else:
        plaintext = stored
    if len(plaintext) > max_payload_bytes:
        raise BatchRejected(
            "too_large", f"The batch's records are larger than {max_payload_bytes} bytes."
        )
    if sha256_hex(plaintext) != manifest["payload_sha256"]:
        raise BatchRejected(
            "payload_changed",
            "The batch's decrypted records do not match the hash in its manifest. Do not "
            "import it; ask the officer to write it again.",
        )

    records, audit_rows, audit_lines = decode_payload_lines(plaintext)
    if len(records) != manifest["record_count"]:
        raise BatchRejected(
            "bad_records",
            f"The batch holds {len(records)} registrations but its manifest says "
            f"{manifest['record_count']}. Ask the officer to export it again.",
        )
    return VerifiedBatch(
        manifest=manifest,
        manifest_bytes=manifest_bytes,
        manifest_sha256=sha256_hex(manifest_bytes),
        file_sha256=sha256_hex(data),
        records=records,
        audit_rows=audit_rows,
        audit_lines=audit_lines,
    )


def _decrypt(stored: bytes, recipient: str, identity: pyrage.x25519.Identity | None) -> bytes:
    if identity is None:
        raise BatchRejected(
            "cannot_decrypt",
            "The batch is encrypted and no district key is available to open it. Import "
            "it on the district office's computer.",
        )
    if recipient != str(identity.to_public()):
        raise BatchRejected(
            "wrong_recipient",
            "The batch is encrypted for another district key than this office's. Check "
            "that the officer's device was set up with this district's profile.",
        )
    try:
        return pyrage.decrypt(stored, [identity])
    except pyrage.DecryptError as error:
        raise BatchRejected(
            "cannot_decrypt",
            f"The batch could not be decrypted with this office's key ({error}). Ask the "
            "officer to export it again.",
        ) from None
