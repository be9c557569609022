"""Batch files: writing, the exact ZIP layout, verification in order, every rejection made by
mutating a real batch, atomic writes, and the standard tools (openssl, age) agreeing."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import struct
import subprocess
import time
import zipfile
from pathlib import Path

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
    decode_payload,
    decode_payload_lines,
    encode_payload,
    read_batch,
    rewrite_batch,
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


@pytest.fixture
def batch(tmp_path) -> batch_file.WrittenBatch:
    """A real batch on a "USB stick"."""
    usb = tmp_path / "usb"
    usb.mkdir()
    return write(usb)


@pytest.fixture
def good(batch) -> bytes:
    return batch.file_bytes


# --- writing and reading back -------------------------------------------------------------


def test_round_trip(batch):
    assert batch.path.name == "dev-a1-1.jaring"
    assert batch.path.read_bytes() == batch.file_bytes
    verified = read(batch.path)
    assert verified.records == records()
    assert verified.audit_rows == AUDIT
    assert verified.manifest == batch.manifest
    assert verified.manifest_bytes == batch.manifest_bytes
    assert verified.manifest_sha256 == batch.manifest_sha256
    assert verified.manifest_sha256 == hashlib.sha256(batch.manifest_bytes).hexdigest()
    assert verified.file_sha256 == batch.file_sha256
    assert (verified.batch_id, verified.device_id, verified.seq, verified.prev) == (
        BATCH_ID,
        DEVICE,
        1,
        "",
    )
    assert read(batch.file_bytes) == verified


def test_manifest_says_what_the_design_lists(batch):
    manifest = batch.manifest
    assert batch.manifest_bytes == canonical_json(manifest)
    assert b" " not in batch.manifest_bytes.replace(b"Budi Santoso", b"")
    assert manifest["format"] == "jaring-batch/1"
    assert manifest["record_count"] == 2
    assert manifest["encryption"] == "age-x25519"
    assert manifest["recipient"] == DISTRICT_RECIPIENT
    stored = dict(members_of(batch.file_bytes))[PAYLOAD_ENCRYPTED]
    assert manifest["stored_sha256"] == hashlib.sha256(stored).hexdigest()
    plaintext = encode_payload(records(), AUDIT)
    assert manifest["payload_sha256"] == hashlib.sha256(plaintext).hexdigest()


def test_the_next_batch_chains_to_the_previous_manifest(tmp_path):
    first = write(tmp_path)
    second = write(
        tmp_path,
        seq=2,
        prev=first.manifest_sha256,
        batch_id=None,
        created_at=None,
        records=records()[:1],
    )
    assert second.path.name == "dev-a1-2.jaring"
    verified = read(second.path)
    assert verified.prev == first.manifest_sha256
    assert verified.manifest["record_count"] == 1
    assert verified.batch_id != BATCH_ID


def test_an_empty_batch_round_trips(tmp_path):
    written = write(tmp_path, records=[], audit_rows=[])
    verified = read(written.path)
    assert (verified.records, verified.audit_rows) == ([], [])


def test_unencrypted_batches_only_when_allowed(tmp_path):
    with pytest.raises(ValueError, match="allow_unencrypted"):
        write(tmp_path, recipient=None)
    written = write(tmp_path, recipient=None, allow_unencrypted=True)
    assert [name for name, _ in members_of(written.file_bytes)][2] == PAYLOAD_PLAIN
    assert written.manifest["encryption"] == "none"
    assert written.manifest["recipient"] == ""
    assert rejection(written.path).code == "not_encrypted"
    verified = read(written.path, allow_unencrypted=True, identity=None)
    assert verified.records == records()


def test_allowing_unencrypted_still_reads_encrypted_batches(good):
    assert read(good, allow_unencrypted=True).records == records()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"seq": 0}, "seq"),
        ({"seq": 2}, "prev"),
        ({"prev": "ab" * 32}, "prev"),
        ({"seq": 2, "prev": "not a hash"}, "prev"),
        ({"device_id": "../etc"}, "device_id"),
        ({"device_id": ""}, "device_id"),
        ({"officer": " "}, "officer"),
        ({"recipient": "age1notarecipient"}, "recipient"),
        ({"created_at": "yesterday"}, "created_at"),
        ({"batch_id": "batch-1"}, "batch_id"),
        ({"records": [{"version": 1}]}, "id"),
        ({"records": [{"id": "r1"}]}, "version"),
        ({"records": [{"id": "r1", "version": True}]}, "version"),
        ({"records": [{"id": "r1", "version": 1}, {"id": "r1", "version": 2}]}, "twice"),
        ({"records": [{"id": "r1", "version": 1, "x": float("nan")}]}, "JSON"),
        ({"records": [{"id": "r1", "version": 1, "x": object()}]}, "JSON"),
        ({"audit_rows": ["not a row"]}, "audit"),
    ],
)
def test_write_refuses_invalid_batches(tmp_path, changes, message):
    with pytest.raises(ValueError, match=message):
        write(tmp_path, **changes)
    assert os.listdir(tmp_path) == []


# --- the exact bytes ----------------------------------------------------------------------


def test_the_zip_layout_is_fixed(good):
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        assert archive.testzip() is None
        assert archive.comment == b""
        infos = archive.infolist()
    assert [i.filename for i in infos] == [MANIFEST, SIGNATURE, PAYLOAD_ENCRYPTED]
    for info in infos:
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.compress_type == zipfile.ZIP_STORED
        assert info.extra == b""
        assert info.flag_bits == 0
        assert info.create_system == 3
        assert info.external_attr >> 16 == 0o100644
    assert len(dict(members_of(good))[SIGNATURE]) == 64


def test_the_same_batch_written_twice_is_the_same_bytes(tmp_path):
    """age encrypts with a fresh ephemeral key each time, so byte-identical output needs the
    same stored payload: shown unencrypted, and for encrypted batches by `rewrite_batch`."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write(tmp_path / "a", recipient=None, allow_unencrypted=True)
    second = write(tmp_path / "b", recipient=None, allow_unencrypted=True)
    assert first.file_bytes == second.file_bytes
    assert first.manifest_sha256 == second.manifest_sha256
    assert zip_members(members_of(first.file_bytes)) == first.file_bytes


def test_a_lost_batch_is_written_again_with_the_same_content_and_signature(tmp_path, batch):
    lost = tmp_path / "new-stick"
    lost.mkdir()
    path = rewrite_batch(lost, batch.file_bytes, batch.path.name)
    assert path == lost / "dev-a1-1.jaring"
    assert path.read_bytes() == batch.file_bytes
    assert (
        dict(members_of(path.read_bytes()))[SIGNATURE]
        == dict(members_of(batch.file_bytes))[SIGNATURE]
    )
    assert read(path).manifest_sha256 == batch.manifest_sha256
    # Writing the same bytes over themselves is fine; nothing else is left behind.
    assert rewrite_batch(lost, batch.file_bytes, batch.path.name) == path
    assert os.listdir(lost) == ["dev-a1-1.jaring"]


@pytest.mark.parametrize("name", ["../dev-a1-1.jaring", "/tmp/x.jaring", "dev-a1-1.zip", ""])
def test_rewrite_refuses_names_that_are_not_batch_files(tmp_path, good, name):
    with pytest.raises(ValueError):
        rewrite_batch(tmp_path, good, name)


def test_a_different_batch_never_overwrites_an_existing_file(batch):
    before = batch.path.read_bytes()
    # Same batch again: age picks a new ephemeral key, so the bytes differ.
    with pytest.raises(FileExistsError):
        write(batch.path.parent)
    with pytest.raises(FileExistsError):
        rewrite_batch(batch.path.parent, before[:-1] + b"\x01", batch.path.name)
    assert batch.path.read_bytes() == before
    assert os.listdir(batch.path.parent) == [batch.path.name]


# --- standard tools -----------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is not installed")
def test_openssl_verifies_the_signature(tmp_path, good):
    members = dict(members_of(good))
    (tmp_path / "device.pem").write_text(public_pem(DEVICE_KEY))
    (tmp_path / "manifest.json").write_bytes(members[MANIFEST])
    (tmp_path / "manifest.sig").write_bytes(members[SIGNATURE])
    command = [
        "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "device.pem", "-rawin",
        "-in", "manifest.json", "-sigfile", "manifest.sig",
    ]  # fmt: skip
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Signature Verified Successfully" in result.stdout
    (tmp_path / "manifest.json").write_bytes(members[MANIFEST].replace(b"Budi", b"Badu"))
    tampered = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert tampered.returncode != 0


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_age_decrypts_the_payload(tmp_path, good):
    (tmp_path / "identity.txt").write_text(str(DISTRICT) + "\n")
    (tmp_path / PAYLOAD_ENCRYPTED).write_bytes(dict(members_of(good))[PAYLOAD_ENCRYPTED])
    result = subprocess.run(
        ["age", "-d", "-i", "identity.txt", PAYLOAD_ENCRYPTED], cwd=tmp_path, capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == encode_payload(records(), AUDIT)
    assert decode_payload(result.stdout) == (records(), AUDIT)


@pytest.mark.skipif(shutil.which("unzip") is None, reason="the unzip command is not installed")
def test_unzip_reads_the_batch(batch):
    result = subprocess.run(["unzip", "-t", str(batch.path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors detected" in result.stdout


# --- rejections, each made from a real batch ----------------------------------------------


def test_a_forged_batch_without_changes_is_accepted():
    """The forger below makes valid batches; the rejections built with it mean something."""
    assert read(forge()).records == records()


def central_entry_offset(data: bytes, index: int) -> int:
    return [i for i in range(len(data)) if data.startswith(b"PK\x01\x02", i)][index]


def huge_declared_size(data: bytes) -> bytes:
    """The payload's central-directory entry claims 3 GiB, compressed and not."""
    at = central_entry_offset(data, 2)
    patched = bytearray(data)
    patched[at + 20 : at + 28] = struct.pack("<II", 3 << 30, 3 << 30)
    return bytes(patched)


MUTATIONS = {
    # the container
    "empty file": ("truncated", lambda d: b""),
    "plain text": ("not_a_batch", lambda d: b"Nama: Siti Aminah\nNIK: 62080145\n"),
    "a PDF": ("not_a_batch", lambda d: b"%PDF-1.7\n" + d),
    "junk appended": ("bad_members", lambda d: d + b"\0junk"),
    "zip comment": ("bad_members", lambda d: d[:-2] + b"\x03\x00abc"),
    "extra member": ("bad_members", lambda d: zip_members([*members_of(d), ("notes.txt", b"hi")])),
    "both payloads": (
        "bad_members",
        lambda d: zip_members([*members_of(d), (PAYLOAD_PLAIN, b"")]),
    ),
    "missing manifest": ("bad_members", lambda d: zip_members(members_of(d)[1:])),
    "missing signature": (
        "bad_members",
        lambda d: zip_members([m for m in members_of(d) if m[0] != SIGNATURE]),
    ),
    "missing payload": ("bad_members", lambda d: zip_members(members_of(d)[:2])),
    "duplicate manifest": (
        "bad_members",
        lambda d: zip_members([*members_of(d), members_of(d)[0]]),
    ),
    "a folder": ("bad_members", lambda d: zip_members([*members_of(d), ("extra/", b"")])),
    "a ../ path": ("bad_members", lambda d: zip_members([*members_of(d), ("../x.jaring", b"")])),
    "an absolute path": ("bad_members", lambda d: zip_members([*members_of(d), ("/etc/x", b"")])),
    "members reordered": ("bad_members", lambda d: zip_members(members_of(d)[::-1])),
    "payload renamed to plain": (
        "not_encrypted",
        lambda d: zip_members([*members_of(d)[:2], (PAYLOAD_PLAIN, members_of(d)[2][1])]),
    ),
    "huge declared size": ("too_large", huge_declared_size),
    # the manifest (re-zipped, signature kept)
    "manifest not JSON": ("bad_manifest", lambda d: replaced(d, MANIFEST, b"manifest")),
    "manifest not UTF-8": ("bad_manifest", lambda d: replaced(d, MANIFEST, b'{"a":"\xff"}')),
    "manifest pretty-printed": (
        "bad_manifest",
        lambda d: replaced(d, MANIFEST, members_of(d)[0][1].replace(b',"', b', "')),
    ),
    "manifest nested too deep": (
        "bad_manifest",
        lambda d: replaced(d, MANIFEST, b"[" * 30000 + b"]" * 30000),
    ),
}


def edit_manifest(data: bytes, **changes) -> bytes:
    """Edit fields of the manifest and re-zip, keeping the original signature."""
    manifest = batch_file.parse_manifest(members_of(data)[0][1])
    manifest.update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        del manifest[key]
    return replaced(data, MANIFEST, canonical_json(manifest))


MANIFEST_EDITS = {
    "prev missing": ("bad_manifest", {"prev": None}),
    "seq as text": ("bad_manifest", {"seq": "1"}),
    "seq as true": ("bad_manifest", {"seq": True}),
    "seq zero": ("bad_manifest", {"seq": 0}),
    "record_count as float": ("bad_manifest", {"record_count": 2.0}),
    "unknown field": ("bad_manifest", {"note": "hi"}),
    "other format": ("bad_manifest", {"format": "jaring-batch/2"}),
    "prev on the first batch": ("bad_manifest", {"prev": "ab" * 32}),
    "bad hash": ("bad_manifest", {"stored_sha256": "AB" * 32}),
    "says unencrypted": ("bad_manifest", {"encryption": "none", "recipient": ""}),
    "unknown encryption": ("bad_manifest", {"encryption": "rot13"}),
    "officer edited": ("bad_signature", {"officer": "Badu"}),
    "record count edited": ("bad_signature", {"record_count": 1}),
    "device moved": ("unknown_device", {"device_id": "dev-zz"}),
    "revoked device": ("unknown_device", {"device_id": "dev-old"}),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutated_batches_are_rejected(good, name):
    code, mutate = MUTATIONS[name]
    assert rejection(mutate(good)).code == code


@pytest.mark.parametrize("name", sorted(MANIFEST_EDITS))
def test_edited_manifests_are_rejected(good, name):
    code, changes = MANIFEST_EDITS[name]
    assert rejection(edit_manifest(good, **changes)).code == code


def test_duplicate_keys_in_the_manifest_are_rejected(good):
    manifest = members_of(good)[0][1]
    assert rejection(replaced(good, MANIFEST, manifest[:-1] + b',"seq":2}')).code == (
        "bad_manifest"
    )


@pytest.mark.parametrize("length", [1, 2, 4, 20, 30, 100, 600, -100, -23, -22, -10, -1])
def test_truncated_files_are_rejected(good, length):
    assert rejection(good[:length]).code == "truncated"


def test_a_file_over_the_size_limit_is_rejected_before_it_is_read(batch):
    assert rejection(batch.path, max_file_bytes=len(batch.file_bytes) - 1).code == "too_large"
    assert rejection(batch.file_bytes, max_file_bytes=100).code == "too_large"


def test_a_payload_over_the_limit_is_rejected(good):
    assert rejection(good, max_payload_bytes=100).code == "too_large"


def test_a_zip_bomb_is_rejected_without_being_decompressed(good, monkeypatch):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members_of(good)[:2]:
            archive.writestr(name, content)
        archive.writestr(PAYLOAD_ENCRYPTED, bytes(32 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100_000
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(
        zipfile.ZipFile,
        "open",
        lambda self, name, *a, **k: (
            opened.append(getattr(name, "filename", name)) or real_open(self, name, *a, **k)
        ),
    )
    started = time.perf_counter()
    error = rejection(bomb.getvalue())
    assert error.code == "too_large"
    assert "expand" in error.message
    assert opened == []
    assert time.perf_counter() - started < 1


def test_a_zip_written_by_other_tools_is_rejected(good):
    """Same members, other layout (zipfile's own headers and timestamps): the bytes outside
    the members are not what Jaring writes, so the file is not accepted as a batch."""
    for compression in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        other = io.BytesIO()
        with zipfile.ZipFile(other, "w", compression) as archive:
            for name, content in members_of(good):
                archive.writestr(name, content)
        assert rejection(other.getvalue()).code == "bad_members"


def test_unknown_device(good):
    assert rejection(good, device_key=lambda device_id: None).code == "unknown_device"


def test_revoked_device(good):
    TRUST["dev-a1"] = (TRUST["dev-a1"][0], True)
    try:
        error = rejection(good)
    finally:
        TRUST["dev-a1"] = (TRUST["dev-a1"][0], False)
    assert error.code == "unknown_device"
    assert "dev-a1" in error.message


def test_a_signature_from_another_batch_is_rejected(tmp_path, good):
    other = write(tmp_path, officer="Budi S.")
    swapped = replaced(good, SIGNATURE, dict(members_of(other.file_bytes))[SIGNATURE])
    assert rejection(swapped).code == "bad_signature"


@pytest.mark.parametrize("signature", [b"", b"\0" * 63, b"\0" * 64, b"\0" * 65])
def test_a_malformed_signature_is_rejected(good, signature):
    assert rejection(replaced(good, SIGNATURE, signature)).code == "bad_signature"


def test_a_signature_by_another_key_is_rejected(good):
    manifest = members_of(good)[0][1]
    resigned = replaced(good, SIGNATURE, OTHER_DEVICE_KEY.sign(manifest))
    assert rejection(resigned).code == "bad_signature"


def test_a_replaced_payload_is_rejected(tmp_path, good):
    other = write(tmp_path, records=records()[:1])
    payload = dict(members_of(other.file_bytes))[PAYLOAD_ENCRYPTED]
    assert rejection(replaced(good, PAYLOAD_ENCRYPTED, payload)).code == "payload_changed"
    reencrypted = pyrage.encrypt(
        encode_payload(records(), AUDIT), [pyrage.x25519.Recipient.from_str(DISTRICT_RECIPIENT)]
    )
    assert rejection(replaced(good, PAYLOAD_ENCRYPTED, reencrypted)).code == "payload_changed"


def test_a_batch_for_another_district_is_rejected(tmp_path):
    other = write(tmp_path, recipient=OTHER_RECIPIENT)
    assert rejection(other.path).code == "wrong_recipient"
    assert read(other.path, identity=OTHER_DISTRICT).records == records()


def test_an_encrypted_batch_without_an_identity_cannot_be_decrypted(good):
    assert rejection(good, identity=None).code == "cannot_decrypt"


def test_a_payload_encrypted_to_someone_else_than_the_manifest_says():
    plaintext = encode_payload(records(), AUDIT)
    stored = pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(OTHER_RECIPIENT)])
    assert rejection(forge(stored=stored)).code == "cannot_decrypt"
    assert rejection(forge(stored=b"age-encryption.org/v1\n garbage")).code == "cannot_decrypt"


def test_a_plaintext_that_does_not_match_its_hash_is_rejected():
    assert rejection(forge(payload_sha256="0" * 64)).code == "payload_changed"


@pytest.mark.parametrize(
    ("plaintext", "changes"),
    [
        (b'{"type":"registration","data":{"id":"r1"}}\n', {"record_count": 1}),
        (b'{"type":"photo","data":{}}\n', {"record_count": 0}),
        (b"not json\n", {"record_count": 0}),
        (None, {"record_count": 3}),
        (None, {"record_count": 0}),
    ],
)
def test_malformed_records_are_rejected(plaintext, changes):
    assert rejection(forge(plaintext=plaintext, **changes)).code == "bad_records"


def test_an_unencrypted_payload_is_checked_the_same_way():
    assert read(forge(encrypt_to=None), allow_unencrypted=True).records == records()
    error = rejection(forge(encrypt_to=None, payload_sha256="0" * 64), allow_unencrypted=True)
    assert error.code == "payload_changed"
    mislabelled = forge(encrypt_to=None, encryption="age-x25519", recipient=DISTRICT_RECIPIENT)
    assert rejection(mislabelled, allow_unencrypted=True).code == "bad_manifest"


def test_checks_run_in_the_designs_order(good):
    """A batch wrong in several ways is rejected for the first in the order."""
    unknown_and_unsigned = edit_manifest(good, device_id="dev-zz", officer="Badu")
    assert rejection(unknown_and_unsigned).code == "unknown_device"
    unsigned_and_changed = replaced(
        edit_manifest(good, officer="Badu"), PAYLOAD_ENCRYPTED, b"other"
    )
    assert rejection(unsigned_and_changed).code == "bad_signature"
    assert rejection(forge(stored=b"x", recipient=OTHER_RECIPIENT)).code == "wrong_recipient"


def test_every_changed_byte_is_rejected(good):
    """Flip each byte of a real batch (local headers, member data, central directory, end
    record) two ways: nothing is ever accepted and nothing raises but BatchRejected."""
    assert len(good) < 4000
    codes: dict[str, int] = {}
    for offset in range(len(good)):
        for mask in (0x01, 0xFF):
            changed = bytearray(good)
            changed[offset] ^= mask
            try:
                read(bytes(changed))
            except BatchRejected as error:
                codes[error.code] = codes.get(error.code, 0) + 1
            else:
                pytest.fail(f"a batch with byte {offset} xor {mask:#x} was accepted")
    assert sum(codes.values()) == 2 * len(good)
    assert {"truncated", "bad_members"} <= set(codes)


def test_every_changed_byte_of_an_unencrypted_batch_is_rejected(tmp_path):
    good = write(tmp_path, recipient=None, allow_unencrypted=True, records=records()[:1])
    data = good.file_bytes
    for offset in range(len(data)):
        changed = bytearray(data)
        changed[offset] ^= 0x20
        with pytest.raises(BatchRejected):
            read(bytes(changed), allow_unencrypted=True)


def test_a_rejected_batch_leaves_nothing_behind(tmp_path, good):
    folder = tmp_path / "inbox"
    folder.mkdir()
    bad = folder / "dev-a1-1.jaring"
    bad.write_bytes(good[:-1])
    before = sorted(os.listdir(folder)), bad.read_bytes()
    assert rejection(bad).code == "truncated"
    assert rejection(folder / "dev-a1-1.jaring", identity=None).code == "truncated"
    assert (sorted(os.listdir(folder)), bad.read_bytes()) == before


def test_missing_file_is_an_os_error_not_a_verdict(tmp_path):
    with pytest.raises(FileNotFoundError):
        read(tmp_path / "gone.jaring")


# --- atomic writes ------------------------------------------------------------------------


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


# A batch never replaces a file: it is moved in place by a hard link, or by a rename where
# the file system has no hard links.
@pytest.mark.parametrize("failing", [("link", "rename"), ("fsync",)])
def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch, failing):
    for name in failing:
        monkeypatch.setattr(os, name, disk_full)
    with pytest.raises(OSError) as caught:
        write(tmp_path)
    assert caught.value.errno == errno.ENOSPC
    assert os.listdir(tmp_path) == []


def test_a_write_cut_off_halfway_leaves_no_file(tmp_path, monkeypatch):
    """The stick is pulled after half the bytes went out."""

    def half_written(path, data):
        with open(path, "wb") as stream:
            stream.write(data[: len(data) // 2])
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "write_bytes", half_written)
    with pytest.raises(OSError):
        write(tmp_path)
    assert os.listdir(tmp_path) == []


def test_a_failed_rewrite_leaves_no_file(tmp_path, good, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(os, "link", disk_full)
    monkeypatch.setattr(os, "rename", disk_full)
    with pytest.raises(OSError):
        rewrite_batch(stick, good, "dev-a1-1.jaring")
    assert os.listdir(stick) == []


def test_a_failed_write_keeps_the_previous_file(batch, monkeypatch):
    """Writing a batch again after a failure does not touch what is already there."""
    before = batch.path.read_bytes()
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        rewrite_batch(batch.path.parent, before, "dev-a1-9.jaring")
    assert os.listdir(batch.path.parent) == [batch.path.name]
    assert batch.path.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_written_file_has_ordinary_permissions(batch):
    """Not the temporary file's owner-only mode: district staff read the shared folder."""
    umask = os.umask(0)
    os.umask(umask)
    assert batch.path.stat().st_mode & 0o777 == 0o644 & ~umask


# --- the payload --------------------------------------------------------------------------


def test_payload_lines():
    payload = encode_payload(records(), AUDIT)
    lines = payload.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(b'{"data":{') and lines[0].endswith(b'"type":"registration"}')
    assert lines[3].endswith(b'"type":"audit"}')
    assert "Dewi Ayu Ratnasari – Sukamara".encode() in payload
    assert decode_payload(payload) == (records(), AUDIT)
    assert encode_payload([], []) == b""
    assert decode_payload(b"") == ([], [])
    _, _, audit_lines = decode_payload_lines(payload)
    assert [line.encode() for line in audit_lines] == lines[2:]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b'{"type":"registration","data":{"id":"r1","version":1}}', "unfinished"),
        (b"\n", "line 1 is empty"),
        (b"[1, 2]\n", "exactly 'type' and 'data'"),
        (b'{"type":"audit"}\n', "exactly 'type' and 'data'"),
        (b'{"type":"audit","data":{},"x":1}\n', "exactly 'type' and 'data'"),
        (b'{"type":"audit","data":[]}\n', "audit row"),
        (b'{"type":"photo","data":{}}\n', "unknown type"),
        (b'{"type":"registration","data":{"version":1}}\n', "no id"),
        (b'{"type":"registration","data":{"id":"","version":1}}\n', "id"),
        (b'{"type":"registration","data":{"id":"r1"}}\n', "no version"),
        (b'{"type":"registration","data":{"id":"r1","version":"2"}}\n', "version"),
        (b'{"type":"registration","data":{"id":"r1","version":0}}\n', "version"),
        (
            b'{"type":"registration","data":{"id":"r1","version":1}}\n'
            b'{"type":"registration","data":{"id":"r1","version":2}}\n',
            "line 2: the registration (r1) appears twice",
        ),
        (b'{"type":"audit","data":{"a":NaN}}\n', "NaN"),
        (b'{"type":"audit","type":"audit","data":{}}\n', "duplicate key"),
        (b'{"type":"audit","data":{"a":"\xff"}}\n', "line 1 is not valid JSON"),
        (b'{"type":"audit","data":' + b"[" * 50000 + b"]" * 50000 + b"}\n", "deeply"),
        (b'{"type":"audit","data":{}} \n', "line 1 is not valid JSON (something follows"),
        (b'{"type":"audit","data":{}}{"type":"audit","data":{}}\n', "something follows"),
        (b' {"type":"audit","data":{}}\n', "starts with white space"),
        (b'{"type":"audit","data":{}}\n  \n', "line 2 is empty"),
        (
            b'{"type":"audit","data":{}}\n{"type":"audit","data":{"x":"\xc3\xa9\xff"}}\n',
            "line 2 is not valid JSON (not UTF-8)",
        ),
        # Two lines that would make one value if they were read as one text.
        (b'{"type":"audit","data":{"x":"\n"}}\n', "line 1 is not valid JSON"),
        (b'{"type":"audit","data":{"x":[1,\n2]}}\n', "line 1 is not valid JSON"),
    ],
)
def test_malformed_payloads_are_named(payload, reason):
    with pytest.raises(BatchRejected) as caught:
        decode_payload(payload)
    assert caught.value.code == "bad_records"
    assert reason in caught.value.message
