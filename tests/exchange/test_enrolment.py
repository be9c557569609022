"""Setting up a district and an officer device (each with its own database), enrolling the
device at the district, and the refusals around set-up."""

from __future__ import annotations

import os
import stat

import pytest

from exchange import enrolment, keys
from exchange.keys import KeyExists, KeyStore
from models.db import open_database
from models.identity import (
    IdentityError,
    TrustError,
    list_devices,
    load_identity,
    revoke_device,
    trusted_key,
)
from models.settings import Settings, load_settings, save_settings


@pytest.fixture
def district_db(tmp_path):
    database = open_database(tmp_path / "district.db")
    yield database
    database.close()


@pytest.fixture
def officer_db(tmp_path):
    database = open_database(tmp_path / "officer.db")
    yield database
    database.close()


@pytest.fixture
def district_keys(tmp_path):
    return keys.key_folder_for(tmp_path / "district.db")


@pytest.fixture
def officer_keys(tmp_path):
    return keys.key_folder_for(tmp_path / "officer.db")


@pytest.fixture
def profile_file(tmp_path, district_db, district_keys):
    profile = enrolment.init_district(district_db, district_keys, "Dinas Sukamara", "62.08", 9863)
    return keys.write_json_atomic(tmp_path / "profile.json", profile)


def test_district_init_creates_keys_identity_and_profile(district_db, district_keys):
    profile = enrolment.init_district(district_db, district_keys, " Dinas Sukamara ", "62.08", 500)
    me = load_identity(district_db)
    assert me.role == "district"
    assert me.name == profile["name"] == "Dinas Sukamara"
    assert me.fingerprint == profile["fingerprint"]
    assert me.age_recipient == profile["age_recipient"]
    assert me.district_profile == profile  # it can be written again later
    assert me.key_dir == str(district_keys.resolve())
    settings = load_settings(district_db)
    assert (settings.regency_code, settings.target) == ("62.08", 500)
    assert me.device_id == settings.device_id
    # The keys on disk are the ones the profile announces.
    assert keys.public_pem(enrolment.own_signing_key(district_db)) == me.signing_public_pem
    assert str(enrolment.own_age_identity(district_db).to_public()) == profile["age_recipient"]
    if os.name == "posix":
        assert stat.S_IMODE(district_keys.stat().st_mode) == 0o700


def test_officer_init_then_enrol_at_the_district(
    tmp_path, officer_db, officer_keys, district_db, profile_file
):
    save_settings(officer_db, Settings(officer_name="someone", regency_code="11.01"))
    device_id = load_settings(officer_db).device_id
    profile = keys.read_district_profile(profile_file)

    paper = enrolment.init_officer(officer_db, officer_keys, profile, "Budi Santoso")
    assert paper["device_id"] == device_id  # registrations already carry this id
    me = load_identity(officer_db)
    assert (me.role, me.device_id, me.name) == ("officer", device_id, "Budi Santoso")
    assert me.age_recipient == profile["age_recipient"]  # batches go to the district
    assert me.district_profile == profile
    assert me.fingerprint == paper["fingerprint"]
    settings = load_settings(officer_db)
    assert (settings.officer_name, settings.regency_code, settings.target) == (
        "Budi Santoso",
        "62.08",
        9863,
    )
    officer_key = enrolment.own_signing_key(officer_db)

    enrol_file = keys.write_json_atomic(tmp_path / "enrol.json", paper)
    entry = enrolment.enrol(district_db, enrol_file, "staff")
    assert entry.fingerprint == me.fingerprint  # what both screens show
    signature = keys.sign(officer_key, b"manifest")
    assert keys.verify(trusted_key(district_db, device_id), b"manifest", signature)
    assert enrolment.enrol(district_db, enrol_file, "staff") == entry  # idempotent
    assert list_devices(officer_db) == []


def test_officer_gets_a_device_id_when_it_had_none(officer_db, officer_keys, profile_file):
    paper = enrolment.init_officer(
        officer_db, officer_keys, keys.read_district_profile(profile_file), "Ani"
    )
    assert paper["device_id"] == load_settings(officer_db).device_id != ""


def test_revoked_device_is_rejected_from_then_on(
    tmp_path, officer_db, officer_keys, district_db, profile_file
):
    paper = enrolment.init_officer(
        officer_db, officer_keys, keys.read_district_profile(profile_file), "Budi"
    )
    enrol_file = keys.write_json_atomic(tmp_path / "enrol.json", paper)
    enrolment.enrol(district_db, enrol_file, "staff")
    revoke_device(district_db, paper["device_id"], "kepala")
    assert trusted_key(district_db, paper["device_id"]) is None
    with pytest.raises(TrustError, match="revoked"):
        enrolment.enrol(district_db, enrol_file, "staff")


def test_same_device_id_with_another_key_is_refused(
    tmp_path, officer_db, officer_keys, district_db, profile_file
):
    paper = enrolment.init_officer(
        officer_db, officer_keys, keys.read_district_profile(profile_file), "Budi"
    )
    enrolment.enrol(district_db, keys.write_json_atomic(tmp_path / "a.json", paper), "staff")
    forged = keys.make_enrolment(
        paper["device_id"], "Budi", keys.public_pem(keys.new_signing_key())
    )
    with pytest.raises(TrustError, match="another key"):
        enrolment.enrol(district_db, keys.write_json_atomic(tmp_path / "b.json", forged), "staff")
    assert trusted_key(district_db, paper["device_id"]) == paper["public_key_pem"]


def test_set_up_happens_once(district_db, district_keys, tmp_path, profile_file):
    with pytest.raises(IdentityError, match="already set up as district") as caught:
        enrolment.init_district(district_db, tmp_path / "k2", "Dinas", "62.08", 1)
    assert caught.value.code == "already_initialised"
    profile = keys.read_district_profile(profile_file)
    with pytest.raises(IdentityError, match="already set up as district"):
        enrolment.init_officer(district_db, tmp_path / "k3", profile, "Budi")
    assert not (tmp_path / "k2").exists() and not (tmp_path / "k3").exists()
    assert load_identity(district_db).role == "district"


def test_an_officer_database_cannot_enrol(
    tmp_path, officer_db, officer_keys, district_db, profile_file
):
    paper = enrolment.init_officer(
        officer_db, officer_keys, keys.read_district_profile(profile_file), "Budi"
    )
    enrol_file = keys.write_json_atomic(tmp_path / "enrol.json", paper)
    with pytest.raises(IdentityError, match="only a district database enrols") as caught:
        enrolment.enrol(officer_db, enrol_file, "Budi")
    assert caught.value.code == "not_district"
    with pytest.raises(IdentityError, match="only the district holds"):
        enrolment.own_age_identity(officer_db)


def test_bad_profile_creates_nothing(officer_db, officer_keys, profile_file):
    profile = keys.read_district_profile(profile_file)
    with pytest.raises(ValueError, match="age_recipient"):
        enrolment.init_officer(officer_db, officer_keys, {**profile, "age_recipient": "x"}, "B")
    with pytest.raises(ValueError, match="officer must be"):
        enrolment.init_officer(officer_db, officer_keys, profile, " ")
    assert not officer_keys.exists()
    assert load_identity(officer_db) is None


def test_existing_key_files_are_not_overwritten(district_db, district_keys):
    KeyStore(district_keys).create_signing_key(enrolment.SIGNING_KEY)
    before = (district_keys / "signing.ed25519.pem").read_bytes()
    with pytest.raises(KeyExists, match="no identity"):
        enrolment.init_district(district_db, district_keys, "Dinas", "62.08", 1)
    assert (district_keys / "signing.ed25519.pem").read_bytes() == before
    assert load_identity(district_db) is None


def test_failed_recording_removes_the_new_keys(district_db, district_keys, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(enrolment, "save_identity", broken)
    with pytest.raises(OSError, match="disk full"):
        enrolment.init_district(district_db, district_keys, "Dinas", "62.08", 1)
    assert list(district_keys.iterdir()) == []
    assert load_identity(district_db) is None
    monkeypatch.undo()
    enrolment.init_district(district_db, district_keys, "Dinas", "62.08", 1)  # runs again
    assert load_identity(district_db).role == "district"


def test_swapped_key_file_is_noticed(district_db, district_keys):
    enrolment.init_district(district_db, district_keys, "Dinas", "62.08", 1)
    path = KeyStore(district_keys).signing_key_path(enrolment.SIGNING_KEY)
    path.unlink()
    KeyStore(district_keys).create_signing_key(enrolment.SIGNING_KEY)
    with pytest.raises(keys.KeyStoreError, match="not this database's key"):
        enrolment.own_signing_key(district_db)


def test_no_identity_means_no_keys(db):
    with pytest.raises(IdentityError, match="no identity") as caught:
        enrolment.own_signing_key(db)
    assert caught.value.code == "not_initialised"
