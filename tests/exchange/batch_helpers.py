"""A batch to test with, and the helpers that make, read, take apart and forge batches
(shared by the tests of writing, reading and the payload)."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pyrage
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exchange import batch_file
from exchange.batch_file import (
    MANIFEST,
    PAYLOAD_ENCRYPTED,
    PAYLOAD_PLAIN,
    REJECTION_CODES,
    SIGNATURE,
    BatchRejected,
    canonical_json,
    encode_payload,
    read_batch,
    write_batch,
    zip_members,
)
from tests.factories import siti

DEVICE = "dev-a1"
DEVICE_KEY = Ed25519PrivateKey.generate()
OTHER_DEVICE_KEY = Ed25519PrivateKey.generate()
DISTRICT = pyrage.x25519.Identity.generate()
DISTRICT_RECIPIENT = str(DISTRICT.to_public())
OTHER_DISTRICT = pyrage.x25519.Identity.generate()
OTHER_RECIPIENT = str(OTHER_DISTRICT.to_public())
BATCH_ID = "5f0c6a47-3b7e-4d2a-9a51-0c7e2f1d8b93"
CREATED_AT = "2025-06-01T08:30:00.000+07:00"


def public_pem(key: Ed25519PrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


#: A district trust store: device id -> (public key PEM, revoked).
TRUST = {DEVICE: (public_pem(DEVICE_KEY), False), "dev-old": (public_pem(DEVICE_KEY), True)}


def trusted(device_id: str) -> str | None:
    entry = TRUST.get(device_id)
    return None if entry is None or entry[1] else entry[0]


def records() -> list[dict]:
    return [
        siti(version=1, status="ready", device_id=DEVICE).to_row(),
        siti(
            id="reg-dewi",
            nik="6208015210950002",
            full_name="Dewi Ayu Ratnasari – Sukamara",
            version=3,
            deleted=True,
        ).to_row(),
    ]


AUDIT = [
    {"seq": 1, "action": "insert", "registration_id": "reg-siti", "version": 1},
    {"seq": 2, "action": "delete", "registration_id": "reg-dewi", "version": 3},
]


def write(folder, **changes) -> batch_file.WrittenBatch:
    arguments = dict(
        device_id=DEVICE,
        officer="Budi Santoso",
        seq=1,
        prev="",
        records=records(),
        audit_rows=AUDIT,
        signing_key=DEVICE_KEY,
        recipient=DISTRICT_RECIPIENT,
        batch_id=BATCH_ID,
        created_at=CREATED_AT,
    )
    arguments.update(changes)
    return write_batch(folder, **arguments)


def read(source, **options) -> batch_file.VerifiedBatch:
    options.setdefault("device_key", trusted)
    options.setdefault("identity", DISTRICT)
    return read_batch(source, **options)


def rejection(source, **options) -> BatchRejected:
    with pytest.raises(BatchRejected) as caught:
        read(source, **options)
    assert caught.value.code in REJECTION_CODES
    assert caught.value.message.endswith(".")
    return caught.value


def members_of(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def replaced(data: bytes, name: str, content: bytes) -> bytes:
    """The batch re-zipped (in the canonical layout) with one member's content replaced."""
    return zip_members([(n, content if n == name else c) for n, c in members_of(data)])


def forge(
    *,
    plaintext: bytes | None = None,
    stored: bytes | None = None,
    encrypt_to: str | None = DISTRICT_RECIPIENT,
    **manifest_changes,
) -> bytes:
    """A batch signed by the enrolled device whatever it holds: for the checks that come
    after the signature (a buggy or dishonest device, not a tampered file)."""
    if plaintext is None:
        plaintext = encode_payload(records(), AUDIT)
    if stored is None:
        recipients = [pyrage.x25519.Recipient.from_str(encrypt_to)] if encrypt_to else None
        stored = pyrage.encrypt(plaintext, recipients) if recipients else plaintext
    manifest = {
        "format": "jaring-batch/1",
        "batch_id": BATCH_ID,
        "device_id": DEVICE,
        "officer": "Budi Santoso",
        "seq": 1,
        "prev": "",
        "created_at": CREATED_AT,
        "record_count": 2,
        "payload_sha256": hashlib.sha256(plaintext).hexdigest(),
        "stored_sha256": hashlib.sha256(stored).hexdigest(),
        "encryption": "age-x25519" if encrypt_to else "none",
        "recipient": encrypt_to or "",
    }
    manifest.update(manifest_changes)
    manifest_bytes = canonical_json(manifest)
    return zip_members(
        [
            (MANIFEST, manifest_bytes),
            (SIGNATURE, DEVICE_KEY.sign(manifest_bytes)),
            (PAYLOAD_ENCRYPTED if encrypt_to else PAYLOAD_PLAIN, stored),
        ]
    )


def edit_manifest(data: bytes, **changes) -> bytes:
    """Edit fields of the manifest and re-zip, keeping the original signature."""
    manifest = batch_file.parse_manifest(members_of(data)[0][1])
    manifest.update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        del manifest[key]
    return replaced(data, MANIFEST, canonical_json(manifest))
