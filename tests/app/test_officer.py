"""The officer's use cases: export to a folder (with what the district left there), a lost
batch written again, the district's files read, sync."""

import dataclasses
import json
from datetime import date

import pytest

from app.batch_import import import_batches
from app.folders import NotAFolder
from app.officer import (
    NoDistrictAddress,
    apply_receipt_file,
    apply_updates_file,
    export_to_folder,
    rewrite_to_folder,
    sync_with_district,
)
from demo.fill import fill_demo
from exchange.receipts import ReceiptError, receipt_path
from exchange.signed_updates import updates_path
from models.identity import IdentityError
from models.settings import load_settings, save_settings
from models.status_updates import reject_registrations


def device_of(db):
    return db.execute("SELECT device_id FROM identity").fetchone()[0]


def statuses(db):
    return dict(db.execute("SELECT status, COUNT(*) FROM registrations GROUP BY status"))


def test_an_export_reads_the_receipt_and_the_updates_left_in_the_folder(sites):
    district, officers, usb = sites
    budi = officers["budi"]
    save_settings(budi, dataclasses.replace(load_settings(budi), officer_name="Budi S."))
    fill_demo(budi, 4, seed=1, today=date(2026, 11, 27))
    first = export_to_folder(budi, usb)
    assert (first.batch.seq, first.batch.path) == (1, usb / f"{device_of(budi)}-1.jaring")
    assert (first.receipt, first.updates, first.acknowledged, first.problems()) == (
        None, None, [], []
    )  # fmt: skip
    import_batches(district, [usb], actor="staf", receipts=True)
    (rejected,) = district.execute("SELECT id FROM registrations LIMIT 1").fetchone()
    reject_registrations(district, {rejected: "Foto KTP buram"}, "staf")
    import_batches(district, [usb], actor="staf", receipts=True)  # the updates file again
    fill_demo(budi, 2, seed=2, today=date(2026, 11, 27))
    second = export_to_folder(budi, usb)
    assert second.batch.seq == 2 and second.acknowledged == [1]
    # The receipt, read first, made all of batch 1 received; the updates add the rejection.
    sent = first.batch.records
    assert (second.updates.applied, second.updates.unchanged) == (1, sent - 1)
    now = statuses(budi)
    assert (now["exported"], now["received"]) == (second.batch.records, sent - 1)
    assert now["rejected"] == 1
    assert second.problems() == []
    assert second.as_json() == {
        "batch": str(second.batch.path), "seq": 2, "records": second.batch.records,
        "acknowledged": [1], "updates_applied": 1, "written_again": [],
    }  # fmt: skip
    actors = {a for (a,) in budi.execute("SELECT actor FROM audit_log WHERE action != 'create'")}
    assert "Budi S." in actors  # the settings' officer name applied the updates


def test_files_that_cannot_be_used_are_reported_and_the_batch_leaves(sites):
    _, officers, usb = sites
    budi = officers["budi"]
    device = device_of(budi)
    receipt_path(usb, device).write_text("{not json")
    updates_path(usb, device).write_text(json.dumps({"updates": {}, "signature": ""}))
    fill_demo(budi, 2, seed=3, today=date(2026, 11, 27))
    done = export_to_folder(budi, usb, actor="Budi")
    assert done.batch.seq == 1
    assert (done.receipt_error.code, done.updates_error.code) == ("not_receipt", "not_updates")
    assert done.acknowledged == [] and done.updates_applied == 0
    problems = done.problems()
    assert [line.split(":")[0] for line in problems] == ["receipt not used",
                                                        "updates file not used"]  # fmt: skip


def test_nothing_to_send_writes_no_file(sites):
    _, officers, usb = sites
    done = export_to_folder(officers["budi"], usb)
    assert done.batch is None and list(usb.iterdir()) == []
    assert done.as_json() == {"batch": None, "seq": None, "records": 0, "acknowledged": [],
                              "updates_applied": 0, "written_again": []}  # fmt: skip


def test_the_folder_must_be_there(sites, tmp_path):
    _, officers, _ = sites
    for folder in (tmp_path / "pulled-out", tmp_path / "file.txt"):
        if folder.suffix:
            folder.write_text("x")
        with pytest.raises(NotAFolder, match="is the USB stick plugged in"):
            export_to_folder(officers["budi"], folder)
        with pytest.raises(NotAFolder):
            rewrite_to_folder(officers["budi"], 1, folder)


def test_only_an_officer_exports(sites):
    district, _, usb = sites
    with pytest.raises(IdentityError) as refused:
        export_to_folder(district, usb)
    assert refused.value.code == "not_officer"


def test_a_lost_batch_is_written_again_byte_for_byte(sites, tmp_path):
    _, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 3, seed=4, today=date(2026, 11, 27))
    original = export_to_folder(budi, usb).batch.path
    other = tmp_path / "other-stick"
    other.mkdir()
    again = rewrite_to_folder(budi, 1, other)
    assert again.name == original.name and again.read_bytes() == original.read_bytes()


def test_a_receipt_and_an_updates_file_chosen_by_hand(sites):
    district, officers, usb = sites
    budi, ani = officers["budi"], officers["ani"]
    fill_demo(budi, 3, seed=5, today=date(2026, 11, 27))
    export_to_folder(budi, usb)
    import_batches(district, [usb], actor="staf", receipts=True)
    device = device_of(budi)
    acknowledged = apply_receipt_file(budi, receipt_path(usb, device))
    assert (acknowledged.newly, acknowledged.mismatched) == ([1], [])
    assert apply_updates_file(budi, updates_path(usb, device)).applied == 0  # already received
    with pytest.raises(ReceiptError) as other:
        apply_updates_file(ani, updates_path(usb, device))
    assert other.value.code == "other_device"


def test_sync_needs_an_address(sites):
    _, officers, _ = sites
    with pytest.raises(NoDistrictAddress):
        sync_with_district(officers["budi"])


def test_sync_takes_the_address_from_the_settings(sites, district_server):
    district, officers, _ = sites
    budi = officers["budi"]
    fill_demo(budi, 3, seed=6, today=date(2026, 11, 27))
    waiting = statuses(budi)["ready"]
    save_settings(budi, dataclasses.replace(load_settings(budi), sync_url=district_server.url))
    done = sync_with_district(budi)
    assert (done.exported_seq, done.batches_sent, done.received) == (1, 1, [1])
    assert district.execute("SELECT COUNT(*) FROM registrations").fetchone()[0] == waiting
