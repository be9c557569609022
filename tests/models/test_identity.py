"""The identity row (set once per database) and the district's trust store of officer
devices: enrol, re-enrol, revoke, and every refusal."""

from __future__ import annotations

import dataclasses

import pytest

from exchange import keys
from models.identity import (
    Identity,
    IdentityError,
    TrustError,
    device,
    enrol_device,
    list_devices,
    load_identity,
    revoke_device,
    save_identity,
    trusted_key,
)


def new_pem() -> str:
    return keys.public_pem(keys.new_signing_key())


def enrolment(device_id: str = "device-1", officer: str = "Budi", pem: str = "") -> dict:
    return keys.make_enrolment(device_id, officer, pem or new_pem())


def identity(role: str = "officer", device_id: str = "device-1", pem: str = "") -> Identity:
    pem = pem or new_pem()
    return Identity(
        role=role,
        device_id=device_id,
        name="Budi Santoso",
        regency_code="62.08",
        signing_public_pem=pem,
        fingerprint=keys.fingerprint(pem),
        key_dir="/tmp/jaring-keys",
        age_recipient="age1example",
        district_profile={"format": "jaring-district-profile/1", "name": "Dinas"},
    )


# --- identity -----------------------------------------------------------------------------


def test_no_identity_before_set_up(db):
    assert load_identity(db) is None


def test_identity_round_trip(db):
    me = identity()
    stored = save_identity(db, me)
    assert stored.created_at  # stamped when not given
    assert stored == dataclasses.replace(me, created_at=stored.created_at)
    assert load_identity(db) == stored


def test_identity_without_profile(db):
    stored = save_identity(db, dataclasses.replace(identity("district"), district_profile=None))
    assert stored.district_profile is None


def test_identity_cannot_change_role_device_or_key(db):
    me = save_identity(db, identity("district"))
    with pytest.raises(IdentityError, match="already set up as district") as caught:
        save_identity(db, dataclasses.replace(me, role="officer"))
    assert caught.value.code == "already_initialised"
    with pytest.raises(IdentityError, match="cannot become district device other"):
        save_identity(db, dataclasses.replace(me, device_id="other"))
    other_pem = new_pem()
    with pytest.raises(IdentityError, match="never replaced"):
        save_identity(db, dataclasses.replace(me, signing_public_pem=other_pem))
    assert load_identity(db) == me


def test_same_identity_may_update_its_other_fields(db):
    me = save_identity(db, identity())
    renamed = save_identity(db, dataclasses.replace(me, name="Budi S.", created_at="later"))
    assert renamed.name == "Budi S."
    assert renamed.created_at == me.created_at  # set once


def test_unknown_role_is_refused(db):
    with pytest.raises(ValueError, match="role must be one of officer, district"):
        save_identity(db, identity(role="admin"))
    assert load_identity(db) is None


# --- trust store --------------------------------------------------------------------------


def test_enrol_then_trust(db):
    paper = enrolment("device-1", "Budi")
    entry = enrol_device(db, paper, "staff")
    assert (entry.device_id, entry.officer, entry.enrolled_by) == ("device-1", "Budi", "staff")
    assert entry.fingerprint == paper["fingerprint"]
    assert not entry.revoked
    assert trusted_key(db, "device-1") == paper["public_key_pem"]
    assert device(db, "device-1") == entry
    assert list_devices(db) == [entry]


def test_unknown_device_is_not_trusted(db):
    assert trusted_key(db, "nobody") is None
    assert device(db, "nobody") is None
    assert list_devices(db) == []


def test_re_enrolling_the_same_key_changes_nothing(db):
    paper = enrolment()
    first = enrol_device(db, paper, "staff")
    again = enrol_device(db, {**paper, "officer": "Budi (again)"}, "other staff")
    wrapped = {**paper, "public_key_pem": paper["public_key_pem"].replace("\n", "\r\n")}
    assert enrol_device(db, wrapped, "staff") == first
    assert again == first
    assert list_devices(db) == [first]


def test_same_device_with_another_key_is_refused(db):
    paper = enrolment()
    enrol_device(db, paper, "staff")
    with pytest.raises(TrustError, match="already enrolled with another key") as caught:
        enrol_device(db, enrolment(pem=new_pem()), "staff")
    assert (caught.value.code, caught.value.device_id) == ("key_mismatch", "device-1")
    assert trusted_key(db, "device-1") == paper["public_key_pem"]


def test_same_key_under_another_device_is_refused(db):
    paper = enrolment("device-1")
    enrol_device(db, paper, "staff")
    with pytest.raises(TrustError, match="already enrolled for device device-1") as caught:
        enrol_device(db, enrolment("device-2", pem=paper["public_key_pem"]), "staff")
    assert caught.value.code == "key_in_use"
    assert device(db, "device-2") is None


def test_revoked_device_is_no_longer_trusted(db):
    paper = enrolment()
    enrol_device(db, paper, "staff")
    revoked = revoke_device(db, "device-1", "kepala")
    assert revoked.revoked and revoked.revoked_by == "kepala" and revoked.revoked_at
    assert trusted_key(db, "device-1") is None
    assert list_devices(db) == [revoked]  # kept, for the record
    assert revoke_device(db, "device-1", "someone else") == revoked  # once is enough


def test_revoked_device_cannot_be_enrolled_again(db):
    paper = enrolment()
    enrol_device(db, paper, "staff")
    revoke_device(db, "device-1", "kepala")
    for attempt in (paper, enrolment(pem=new_pem())):
        with pytest.raises(TrustError, match="revoked device cannot be enrolled") as caught:
            enrol_device(db, attempt, "staff")
        assert caught.value.code == "revoked"
    assert trusted_key(db, "device-1") is None


def test_revoking_an_unknown_device_is_refused(db):
    with pytest.raises(TrustError, match="not enrolled") as caught:
        revoke_device(db, "nobody", "kepala")
    assert caught.value.code == "unknown_device"


def test_incomplete_enrolment_is_refused(db):
    paper = enrolment()
    del paper["public_key_pem"]
    with pytest.raises(ValueError, match="missing field public_key_pem"):
        enrol_device(db, paper, "staff")
    with pytest.raises(ValueError, match="officer must be"):
        enrol_device(db, {**enrolment(), "officer": ""}, "staff")
    assert list_devices(db) == []


def test_devices_are_listed_in_order_of_enrolment(db):
    for name in ("device-b", "device-a", "device-c"):
        enrol_device(db, enrolment(name), "staff")
    assert [d.device_id for d in list_devices(db)] == ["device-b", "device-a", "device-c"]
