"""Writing batch files: reading back what was written, the exact bytes and ZIP layout,
writing a lost batch again, atomic writes, and the standard tools (openssl, age, unzip)
agreeing with what Jaring writes."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from exchange.batch_file import (
    MANIFEST,
    PAYLOAD_ENCRYPTED,
    PAYLOAD_PLAIN,
    SIGNATURE,
    canonical_json,
    decode_payload,
    encode_payload,
    rewrite_batch,
    zip_members,
)
from tests.exchange.batch_helpers import (
    AUDIT,
    BATCH_ID,
    DEVICE,
    DEVICE_KEY,
    DISTRICT,
    DISTRICT_RECIPIENT,
    members_of,
    public_pem,
    read,
    records,
    rejection,
    write,
)

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
def test_the_written_file_is_the_owners_only(batch):
    """A batch holds personal data (issue 18): 0600 whatever the umask; on a USB stick its
    own filesystem decides, and the district reads it as the user who copied it."""
    assert batch.path.stat().st_mode & 0o777 == 0o600
