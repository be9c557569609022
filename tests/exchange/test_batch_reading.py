"""Reading batch files: every rejection made by mutating or forging a real batch,
verification in the design's order, and reading that leaves nothing behind."""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile

import pyrage
import pytest

from exchange.batch_file import (
    MANIFEST,
    PAYLOAD_ENCRYPTED,
    PAYLOAD_PLAIN,
    SIGNATURE,
    BatchRejected,
    encode_payload,
    zip_members,
)
from tests.exchange.batch_helpers import (
    AUDIT,
    DISTRICT_RECIPIENT,
    OTHER_DEVICE_KEY,
    OTHER_DISTRICT,
    OTHER_RECIPIENT,
    TRUST,
    edit_manifest,
    forge,
    members_of,
    read,
    records,
    rejection,
    replaced,
    write,
)


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
