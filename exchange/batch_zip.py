"""The canonical ZIP of a batch: writing it byte by byte (`zip_members`), and unpacking a
file that claims to be one (`unpack_members`) with every check that needs only the ZIP.

`zipfile` is only trusted to parse: after it has found the members, the file must be
byte-identical to the canonical ZIP of those members, so a change to any byte outside what
the signature and the hashes cover (a date, an attribute, a comment, data before or after
the archive) is seen too.
"""

from __future__ import annotations

import binascii
import io
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable
from pathlib import PurePosixPath

from exchange.batch_format import (
    MANIFEST,
    MAX_COMPRESSION_RATIO,
    MAX_SMALL_MEMBER_BYTES,
    PAYLOAD_ENCRYPTED,
    PAYLOAD_PLAIN,
    SIGNATURE,
    BatchRejected,
)

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


def unpack_members(
    data: bytes, allow_unencrypted: bool, max_payload_bytes: int
) -> dict[str, bytes]:
    """The three members of a batch file by name, checked to be exactly the canonical ZIP;
    `BatchRejected` at the first thing wrong. Nothing is decompressed before the declared
    sizes are checked."""
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
