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
failure. Nothing here touches a database or Qt; a rejected batch leaves nothing behind
because reading writes nothing.

This module is where the rest of Jaring imports batch files from; the work is done in its
parts, each about one piece of the format: `exchange.batch_format` (member names, limits,
rejection codes, canonical JSON), `exchange.batch_zip` (the canonical ZIP, written and
unpacked), `exchange.batch_manifest` (the manifest's fields and rules),
`exchange.batch_payload` (the JSON Lines of records and audit rows),
`exchange.batch_writing` (building and writing a batch) and `exchange.batch_reading`
(verifying one).
"""

from __future__ import annotations

from exchange.batch_format import (
    ENCRYPTION_AGE,
    ENCRYPTION_NONE,
    FORMAT,
    MANIFEST,
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_PAYLOAD_BYTES,
    MAX_SMALL_MEMBER_BYTES,
    PAYLOAD_ENCRYPTED,
    PAYLOAD_PLAIN,
    REJECTION_CODES,
    SIGNATURE,
    SUFFIX,
    BatchRejected,
    canonical_json,
    sha256_hex,
)
from exchange.batch_manifest import MANIFEST_FIELDS, parse_manifest
from exchange.batch_payload import decode_payload, decode_payload_lines, encode_payload
from exchange.batch_reading import VerifiedBatch, read_batch
from exchange.batch_writing import (
    BuiltBatch,
    WrittenBatch,
    batch_file_name,
    build_batch,
    rewrite_batch,
    save_batch,
    write_batch,
    write_file_atomically,
)
from exchange.batch_zip import zip_members

__all__ = [
    "ENCRYPTION_AGE",
    "ENCRYPTION_NONE",
    "FORMAT",
    "MANIFEST",
    "MANIFEST_FIELDS",
    "MAX_COMPRESSION_RATIO",
    "MAX_FILE_BYTES",
    "MAX_PAYLOAD_BYTES",
    "MAX_SMALL_MEMBER_BYTES",
    "PAYLOAD_ENCRYPTED",
    "PAYLOAD_PLAIN",
    "REJECTION_CODES",
    "SIGNATURE",
    "SUFFIX",
    "BatchRejected",
    "BuiltBatch",
    "VerifiedBatch",
    "WrittenBatch",
    "batch_file_name",
    "build_batch",
    "canonical_json",
    "decode_payload",
    "decode_payload_lines",
    "encode_payload",
    "parse_manifest",
    "read_batch",
    "rewrite_batch",
    "save_batch",
    "sha256_hex",
    "write_batch",
    "write_file_atomically",
    "zip_members",
]
