"""The district's use cases: set-up of both sides (and their documents written again),
trusting and revoking devices, updates files, rejections."""

import dataclasses
import errno
import json
from datetime import date

import pytest

from app.batch_import import import_batches
from app.district import enrol, reject, revoke, set_up_district, write_updates
from app.folders import NotAFolder
from app.hand_over import HandOverNotWritten, write_hand_over_again
from app.officer import export_to_folder, set_up_officer
from demo.fill import fill_demo
from exchange.keys import read_district_profile, read_enrolment
from exchange.receipts import ReceiptError
from models.db import open_database
from models.identity import IdentityError, TrustError, device, load_identity
from models.settings import load_settings, save_settings
from models.status_updates import rejection_reason


def test_both_sides_set_up_and_hand_over_their_documents(tmp_path):
    with open_database(tmp_path / "kab.db") as district, open_database(tmp_path / "hp.db") as me:
        save_settings(district, dataclasses.replace(load_settings(district), target=1234))
        made = set_up_district(district, "Disnaker", "62.08", tmp_path / "profile.json")
        profile = json.loads((tmp_path / "profile.json").read_text())
        assert made.profile_path == tmp_path / "profile.json"
        assert (made.fingerprint, profile["target"]) == (profile["fingerprint"], 1234)
        assert (tmp_path / "kab-keys").is_dir()  # beside the database
        joined = set_up_officer(me, made.profile_path, "Budi", tmp_path / "enrol.json")
        assert joined.district_fingerprint == made.fingerprint
        assert (joined.device_id, joined.fingerprint) == (
            load_identity(me).device_id, load_identity(me).fingerprint
        )  # fmt: skip
        assert enrol(district, joined.enrolment_path, actor="staf").officer == "Budi"


def test_a_set_up_whose_document_is_not_written_stands_and_writes_it_again(tmp_path):
    with open_database(tmp_path / "kab.db") as district, open_database(tmp_path / "hp.db") as me:
        missing = tmp_path / "stick-pulled" / "profile.json"
        with pytest.raises(HandOverNotWritten) as unwritten:
            set_up_district(district, "Disnaker", "62.08", missing, 500)
        assert unwritten.value.path == missing and unwritten.value.errno == errno.ENOENT
        assert unwritten.value.fingerprint == load_identity(district).fingerprint  # set up
        again = write_hand_over_again(district, tmp_path / "profile.json")
        profile = read_district_profile(again)
        assert (profile["fingerprint"], profile["target"]) == (unwritten.value.fingerprint, 500)
        # The officer's side, from the profile as read (the one whose fingerprint was
        # compared), likewise.
        with pytest.raises(HandOverNotWritten) as unwritten:
            set_up_officer(me, profile, "Budi", tmp_path / "stick-pulled" / "enrol.json")
        assert load_identity(me).district_profile["fingerprint"] == profile["fingerprint"]
        enrolment = read_enrolment(write_hand_over_again(me, tmp_path / "enrol.json"))
        assert (enrolment["officer"], enrolment["fingerprint"]) == (
            "Budi", unwritten.value.fingerprint
        )  # fmt: skip


def test_devices_are_trusted_from_a_file_or_as_read_and_revoked(tmp_path):
    with open_database(tmp_path / "kab.db") as district, open_database(tmp_path / "hp.db") as me:
        made = set_up_district(district, "Disnaker", "62.08", tmp_path / "profile.json", 500)
        joined = set_up_officer(me, made.profile_path, "Budi", tmp_path / "enrol.json")
        with pytest.raises(IdentityError) as officer_side:
            enrol(me, joined.enrolment_path, actor="Budi")
        assert officer_side.value.code == "not_district"
        with pytest.raises(ValueError, match="enrolment"):
            enrol(district, {"officer": "Budi"}, actor="staf")
        as_read = read_enrolment(joined.enrolment_path)
        (tmp_path / "enrol.json").write_text("changed since it was read")
        trusted = enrol(district, as_read, actor="staf")
        assert (trusted.device_id, trusted.fingerprint) == (joined.device_id, joined.fingerprint)
        gone = revoke(district, joined.device_id, actor="staf")
        assert gone.revoked and device(district, joined.device_id).revoked_by == "staf"
        with pytest.raises(TrustError) as unknown:
            revoke(district, "no-such-device", actor="staf")
        assert unknown.value.code == "unknown_device"


def test_updates_files_go_into_a_folder_for_enrolled_devices_only(sites, tmp_path):
    district, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 2, seed=1, today=date(2026, 11, 27))
    export_to_folder(budi, usb)
    import_batches(district, [usb], actor="staf")
    device = budi.execute("SELECT device_id FROM identity").fetchone()[0]
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ReceiptError) as unknown:
        write_updates(district, out, [device, "stranger"])
    assert unknown.value.code == "unknown_device" and list(out.iterdir()) == []
    assert write_updates(district, out) == [out / f"{device}.updates.json"]
    with pytest.raises(NotAFolder):
        write_updates(district, tmp_path / "missing")


def test_rejections_are_the_districts_and_name_known_registrations(sites):
    district, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 3, seed=2, today=date(2026, 11, 27))
    export_to_folder(budi, usb)
    import_batches(district, [usb], actor="staf")
    ids = [r for (r,) in district.execute("SELECT id FROM registrations ORDER BY id")]
    with pytest.raises(IdentityError) as officer_side:
        reject(budi, ids[:1], "Foto buram", actor="Budi")
    assert officer_side.value.code == "not_district"
    with pytest.raises(ValueError, match="no live registration with id nobody"):
        reject(district, [ids[0], "nobody"], "Foto buram", actor="staf")
    assert rejection_reason(district, ids[0]) == ""  # nothing changed
    assert reject(district, ids[:2], "Foto buram", actor="staf") == 2
    assert rejection_reason(district, ids[1]) == "Foto buram"
