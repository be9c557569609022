"""Keys, key files and the public documents: owner-only files that are never overwritten,
signatures standard tools accept, fingerprints both sides agree on, and profiles and
enrolments that are checked field by field and never carry private material."""

from __future__ import annotations

import base64
import errno
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess

import pyrage
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exchange import keys
from exchange.keys import KeyExists, KeyMissing, KeyStore, KeyStoreError

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(tmp_path):
    return KeyStore(tmp_path / "jaring-keys")


@pytest.fixture
def signing_pem():
    return keys.public_pem(keys.new_signing_key())


@pytest.fixture
def profile(signing_pem):
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    return keys.make_district_profile("Dinas Sukamara", "62.08", 9863, recipient, signing_pem)


@pytest.fixture
def enrolment(signing_pem):
    return keys.make_enrolment("0b6f1c7e-5d8a-4c1e-9f3a-2b7d6e4a1c90", "Budi Santoso", signing_pem)


# --- key files ----------------------------------------------------------------------------


def test_key_folder_sits_beside_the_database(tmp_path):
    assert keys.key_folder_for(tmp_path / "jaring.db") == tmp_path / "jaring-keys"
    assert keys.key_folder_for("/data/district.sqlite").name == "district-keys"


@posix_only
def test_key_files_are_owner_only(store):
    store.create_signing_key("signing")
    store.create_age_identity("district")
    assert mode(store.folder) == 0o700
    assert mode(store.signing_key_path("signing")) == 0o600
    assert mode(store.age_identity_path("district")) == 0o600
    assert sorted(p.name for p in store.folder.iterdir()) == [
        "district.age",
        "signing.ed25519.pem",
    ]  # no temporary files left behind


@posix_only
def test_an_existing_folder_is_tightened(store):
    store.folder.mkdir(mode=0o755)
    store.folder.chmod(0o755)
    store.create_signing_key("signing")
    assert mode(store.folder) == 0o700


def test_keys_are_never_overwritten(store):
    public = store.create_signing_key("signing")
    before = store.signing_key_path("signing").read_bytes()
    with pytest.raises(KeyExists, match="never overwritten"):
        store.create_signing_key("signing")
    assert store.signing_key_path("signing").read_bytes() == before
    assert keys.public_pem(store.load_signing_key("signing")) == public

    store.create_age_identity("district")
    with pytest.raises(KeyExists):
        store.create_age_identity("district")


def test_a_key_that_appears_while_writing_is_kept_where_there_are_no_hard_links(store, monkeypatch):
    """On a file system without hard links (a FAT stick) the new key is renamed into place,
    which on POSIX would replace a key another program saved meanwhile."""

    def no_hard_links_and_another_key_meanwhile(source, target):
        with open(target, "wb") as other:
            other.write(b"the other program's key")
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_hard_links_and_another_key_meanwhile)
    with pytest.raises(KeyExists, match="never overwritten"):
        store.create_signing_key("signing")
    assert store.signing_key_path("signing").read_bytes() == b"the other program's key"
    assert os.listdir(store.folder) == ["signing.ed25519.pem"]


def test_missing_key_is_a_clear_error(store):
    with pytest.raises(KeyMissing, match=r"key file not found: .*signing\.ed25519\.pem"):
        store.load_signing_key("signing")
    with pytest.raises(KeyMissing, match=r"district\.age"):
        store.load_age_identity("district")


def test_unreadable_or_damaged_key_is_a_clear_error(store):
    store.folder.mkdir()
    store.signing_key_path("signing").mkdir()  # a folder where the file should be
    with pytest.raises(KeyStoreError, match="cannot read key file"):
        store.load_signing_key("signing")
    store.signing_key_path("other").write_text("-----BEGIN NONSENSE-----\n")
    with pytest.raises(KeyStoreError, match="not a readable private key file"):
        store.load_signing_key("other")
    store.age_identity_path("district").write_text("# nothing here\n")
    with pytest.raises(KeyStoreError, match="exactly one age identity"):
        store.load_age_identity("district")


def test_key_names_cannot_leave_the_folder(store):
    for name in ("../signing", "a/b", "", "Signing"):
        with pytest.raises(ValueError, match="key name"):
            store.signing_key_path(name)


def test_age_identity_round_trip(store):
    recipient = store.create_age_identity("district")
    assert recipient.startswith("age1")
    identity = store.load_age_identity("district")
    assert str(identity.to_public()) == recipient
    # The file reads like age-keygen's, so the age command can use it with -i.
    text = store.age_identity_path("district").read_text()
    assert f"# public key: {recipient}\n" in text
    secret = pyrage.encrypt(b"data", [pyrage.x25519.Recipient.from_str(recipient)])
    assert pyrage.decrypt(secret, [identity]) == b"data"


# --- signatures and fingerprints ----------------------------------------------------------


def test_sign_and_verify_round_trip(store):
    public = store.create_signing_key("signing")
    key = store.load_signing_key("signing")
    signature = keys.sign(key, b'{"seq": 1}')
    assert len(signature) == 64
    assert keys.verify(public, b'{"seq": 1}', signature)
    assert not keys.verify(public, b'{"seq": 2}', signature)
    other = keys.public_pem(keys.new_signing_key())
    assert not keys.verify(other, b'{"seq": 1}', signature)


def test_fingerprint_is_short_stable_and_the_same_on_both_sides(store):
    public = store.create_signing_key("signing")
    reloaded = keys.public_pem(store.load_signing_key("signing"))
    printed = keys.fingerprint(public)
    assert printed == keys.fingerprint(reloaded) == keys.fingerprint(public.replace("\n", "\r\n"))
    groups = printed.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    assert all(c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for c in "".join(groups))
    assert keys.fingerprint(keys.public_pem(keys.new_signing_key())) != printed


def test_fingerprint_of_a_known_key():
    raw = bytes(range(32))
    pem = (
        Ed25519PublicKey.from_public_bytes(raw)
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    # SHA-256 of the raw key, first 10 bytes, base32: fixed forever, both sides rely on it.
    expected = base64.b32encode(hashlib.sha256(raw).digest()[:10]).decode()
    assert keys.fingerprint(pem) == "-".join(expected[i : i + 4] for i in range(0, 16, 4))
    assert keys.fingerprint(pem) == "MMG4-2KLG-YQZW-NEIS"


def test_fingerprint_refuses_what_is_not_an_ed25519_public_key(store):
    store.create_signing_key("signing")
    private_pem = store.signing_key_path("signing").read_text()
    with pytest.raises(ValueError, match="private key was given") as caught:
        keys.fingerprint(private_pem)
    assert "PRIVATE" not in str(caught.value)
    with pytest.raises(ValueError, match="not a valid PEM"):
        keys.fingerprint("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is not installed")
def test_openssl_verifies_our_signature(tmp_path, store):
    public = store.create_signing_key("signing")
    message = b'{"format": "jaring-batch/1", "seq": 1}\n'
    (tmp_path / "pub.pem").write_text(public)
    (tmp_path / "msg").write_bytes(message)
    (tmp_path / "sig").write_bytes(keys.sign(store.load_signing_key("signing"), message))
    command = [
        "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin",
        "-in", "msg", "-sigfile", "sig",
    ]  # fmt: skip
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Verified Successfully" in result.stdout

    (tmp_path / "msg").write_bytes(message.replace(b"1", b"2"))
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert result.returncode != 0


# --- district profile ---------------------------------------------------------------------


def test_profile_holds_what_officers_need(profile, signing_pem):
    assert profile["format"] == "jaring-district-profile/1"
    assert set(profile) == set(keys.PROFILE_FIELDS)
    assert profile["fingerprint"] == keys.fingerprint(signing_pem)
    assert profile["signing_public_key_pem"] == signing_pem
    assert profile["target"] == 9863


def test_profile_file_round_trip(tmp_path, profile):
    path = keys.write_json_atomic(tmp_path / "profile.json", profile)
    assert keys.read_district_profile(path) == profile
    assert [p.name for p in tmp_path.iterdir()] == ["profile.json"]
    keys.write_json_atomic(path, {**profile, "name": "Dinas Lain"})  # replacing is fine
    assert keys.read_district_profile(path)["name"] == "Dinas Lain"


def broken_profiles(profile: dict, other_pem: str) -> list[tuple[str, dict, str]]:
    def without(field):
        return {k: v for k, v in profile.items() if k != field}

    cases = [
        ("wrong format", {**profile, "format": "jaring-enrolment/1"}, "format is"),
        ("no format", without("format"), "format is None"),
        ("empty name", {**profile, "name": "  "}, "name must be a non-empty text"),
        ("name not text", {**profile, "name": 7}, "name must be"),
        ("bad regency", {**profile, "regency_code": "6208"}, "regency_code must look like"),
        ("target text", {**profile, "target": "9863"}, "target must be a whole number"),
        ("target zero", {**profile, "target": 0}, "target must be a whole number"),
        ("target bool", {**profile, "target": True}, "target must be a whole number"),
        ("recipient not age", {**profile, "age_recipient": "ssh-ed25519 AAAA"}, "'age1'"),
        ("recipient damaged", {**profile, "age_recipient": "age1qqqq"}, "not valid"),
        ("recipient empty", {**profile, "age_recipient": ""}, "age_recipient: .*empty"),
        ("pem garbage", {**profile, "signing_public_key_pem": "hello"}, "not a valid PEM"),
        (
            "pem other key",
            {**profile, "signing_public_key_pem": other_pem},
            "fingerprint does not match",
        ),
        ("fingerprint", {**profile, "fingerprint": "AAAA-AAAA-AAAA-AAAA"}, "fingerprint does"),
        ("created_at", {**profile, "created_at": "yesterday"}, "created_at must be"),
        ("extra field", {**profile, "note": "hi"}, "unexpected field note"),
    ]
    cases += [(f"missing {f}", without(f), f"missing field {f}") for f in profile if f != "format"]
    return cases


def test_each_broken_profile_field_is_named(tmp_path, profile):
    other_pem = keys.public_pem(keys.new_signing_key())
    for label, data, message in broken_profiles(profile, other_pem):
        with pytest.raises(ValueError, match=message):
            keys.check_district_profile(data)
        path = tmp_path / f"{label}.json"
        path.write_text(json.dumps(data))
        with pytest.raises(ValueError, match=rf"^{re.escape(str(tmp_path))}.*district profile"):
            keys.read_district_profile(path)


def test_profile_files_that_are_not_profiles(tmp_path):
    path = tmp_path / "profile.json"
    with pytest.raises(ValueError, match="cannot read the district profile"):
        keys.read_district_profile(path)
    path.write_text("{not json")
    with pytest.raises(ValueError, match="the file is not JSON"):
        keys.read_district_profile(path)
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ValueError, match="the file is not JSON"):
        keys.read_district_profile(path)
    path.write_text("[1, 2]")
    with pytest.raises(ValueError, match="not an object"):
        keys.read_district_profile(path)


def test_make_profile_refuses_bad_values(signing_pem):
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    with pytest.raises(ValueError, match="regency_code"):
        keys.make_district_profile("Dinas", "62", 10, recipient, signing_pem)
    with pytest.raises(ValueError, match="signing_public_key_pem"):
        keys.make_district_profile("Dinas", "62.08", 10, recipient, "nope")


# --- enrolment ----------------------------------------------------------------------------


def test_enrolment_holds_the_device_key(enrolment, signing_pem):
    assert enrolment["format"] == "jaring-enrolment/1"
    assert set(enrolment) == set(keys.ENROLMENT_FIELDS)
    assert enrolment["public_key_pem"] == signing_pem
    assert enrolment["public_key_pem"].startswith("-----BEGIN PUBLIC KEY-----")
    assert enrolment["fingerprint"] == keys.fingerprint(signing_pem)


def test_enrolment_file_round_trip(tmp_path, enrolment):
    path = keys.write_json_atomic(tmp_path / "enrol.json", enrolment)
    assert keys.read_enrolment(path) == enrolment


def test_each_broken_enrolment_field_is_named(tmp_path, enrolment):
    other_pem = keys.public_pem(keys.new_signing_key())
    cases = [
        ("wrong format", {**enrolment, "format": "jaring-district-profile/1"}, "format is"),
        ("device path", {**enrolment, "device_id": "../x"}, "device_id must be"),
        ("device empty", {**enrolment, "device_id": ""}, "device_id must be"),
        ("officer empty", {**enrolment, "officer": ""}, "officer must be a non-empty"),
        ("officer lines", {**enrolment, "officer": "Budi\nAni"}, "officer must be one line"),
        ("pem garbage", {**enrolment, "public_key_pem": 5}, "public_key_pem: .*empty"),
        ("pem other", {**enrolment, "public_key_pem": other_pem}, "fingerprint does not match"),
        ("created_at", {**enrolment, "created_at": None}, "created_at must be"),
    ]
    cases += [
        (f"missing {f}", {k: v for k, v in enrolment.items() if k != f}, f"missing field {f}")
        for f in enrolment
        if f != "format"
    ]
    for label, data, message in cases:
        path = tmp_path / f"{label}.json"
        path.write_text(json.dumps(data))
        with pytest.raises(ValueError, match=message):
            keys.read_enrolment(path)


def test_enrolment_refuses_a_non_ed25519_key(enrolment):
    ec_pem = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    with pytest.raises(ValueError, match="not an Ed25519 key"):
        keys.check_enrolment({**enrolment, "public_key_pem": ec_pem})


# --- nothing private, ever ----------------------------------------------------------------


def test_documents_hold_no_private_material(tmp_path, store):
    signing_pem = store.create_signing_key("signing")
    recipient = store.create_age_identity("district")
    profile = keys.make_district_profile("Dinas", "62.08", 100, recipient, signing_pem)
    enrolment = keys.make_enrolment("device-1", "Budi", signing_pem)
    for name, document in (("profile.json", profile), ("enrol.json", enrolment)):
        text = keys.write_json_atomic(tmp_path / name, document).read_text()
        assert "PRIVATE" not in text
        assert "AGE-SECRET-KEY" not in text.upper()
    secrets = store.signing_key_path("signing").read_text()
    assert "PRIVATE KEY" in secrets  # the scan above would have seen one


def test_documents_with_private_material_are_refused(store, profile, enrolment):
    store.create_signing_key("signing")
    store.create_age_identity("district")
    private_pem = store.signing_key_path("signing").read_text()
    age_secret = store.age_identity_path("district").read_text().splitlines()[-1]
    for bad in (
        {**profile, "signing_public_key_pem": private_pem},
        {**profile, "age_recipient": age_secret},
        {**profile, "name": age_secret},
    ):
        with pytest.raises(ValueError, match="private key material") as caught:
            keys.check_district_profile(bad)
        assert "AGE-SECRET-KEY" not in str(caught.value)
        assert "BEGIN" not in str(caught.value)
    with pytest.raises(ValueError, match="private key material"):
        keys.check_enrolment({**enrolment, "public_key_pem": private_pem})
    with pytest.raises(ValueError, match="an age secret key was given"):
        keys.check_age_recipient(age_secret)


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_age_command_reads_our_identity_file(tmp_path, store):
    recipient = store.create_age_identity("district")
    secret = pyrage.encrypt(b"payload\n", [pyrage.x25519.Recipient.from_str(recipient)])
    (tmp_path / "payload.age").write_bytes(secret)
    identity_file = str(store.age_identity_path("district"))
    result = subprocess.run(
        ["age", "-d", "-i", identity_file, str(tmp_path / "payload.age")],
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"payload\n"
