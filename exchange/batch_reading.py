"""Reading a batch file: `read_batch` verifies it in a fixed order and returns a
`VerifiedBatch`, or raises `BatchRejected` with a stable code at the first failure. Reading
writes nothing anywhere, so a rejected batch leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exchange.batch_format import (
    ENCRYPTION_AGE,
    ENCRYPTION_NONE,
    MANIFEST,
    MAX_FILE_BYTES,
    MAX_PAYLOAD_BYTES,
    PAYLOAD_ENCRYPTED,
    PAYLOAD_PLAIN,
    SIGNATURE,
    BatchRejected,
    sha256_hex,
)
from exchange.batch_manifest import parse_manifest
from exchange.batch_payload import decode_payload_parts
from exchange.batch_zip import unpack_members


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
    #: The officer's life events (`models.life_events`), as they travelled.
    life_events: list[dict] = field(default_factory=list)

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
    members = unpack_members(data, allow_unencrypted, min(max_payload_bytes, max_file_bytes))
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

    records, audit_rows, audit_lines, life_events = decode_payload_parts(plaintext)
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
        life_events=life_events,
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
