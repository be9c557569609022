"""The district's import: what goes back on the stick, the report's shape, and the one merge
it shares with the sync endpoint."""

from datetime import date

from app.batch_import import JSON_KEYS, import_batches
from app.officer import export_to_folder
from demo.fill import fill_demo
from exchange.batch_file import build_batch, save_batch
from exchange.enrolment import own_signing_key
from exchange.receipts import receipt_path
from exchange.signed_updates import updates_path
from models.identity import load_identity


def device_of(db):
    return db.execute("SELECT device_id FROM identity").fetchone()[0]


def test_receipts_and_updates_files_go_back_into_each_folder(sites, tmp_path):
    district, officers, usb = sites
    other = tmp_path / "other-stick"
    other.mkdir()
    for (name, db), folder in zip(officers.items(), (usb, other), strict=True):
        fill_demo(db, 3, seed=len(name), today=date(2026, 11, 27))
        export_to_folder(db, folder)
    report = import_batches(district, [usb, other], actor="staf", receipts=True)
    budi, ani = device_of(officers["budi"]), device_of(officers["ani"])
    assert report.batches_imported == 2
    assert sorted(report.receipts) == sorted(
        [str(receipt_path(usb, budi)), str(receipt_path(other, ani))]
    )
    assert sorted(report.updates_files) == sorted(
        [str(updates_path(usb, budi)), str(updates_path(other, ani))]
    )
    assert (report.receipt_errors, report.updates_errors) == ([], [])


def test_without_receipts_nothing_goes_back(sites):
    district, officers, usb = sites
    fill_demo(officers["budi"], 2, seed=1, today=date(2026, 11, 27))
    export_to_folder(officers["budi"], usb)
    report = import_batches(district, [usb], actor="staf")
    assert (report.receipts, report.updates_files) == ([], [])
    assert [p.suffix for p in usb.iterdir()] == [".jaring"]


def test_an_updates_file_that_cannot_be_written_is_reported_and_the_import_stands(
    sites, monkeypatch
):
    district, officers, usb = sites
    fill_demo(officers["budi"], 2, seed=2, today=date(2026, 11, 27))
    export_to_folder(officers["budi"], usb)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.batch_import.write_update_files", full)
    report = import_batches(district, [usb], actor="staf", receipts=True)
    assert report.batches_imported == 1 and len(report.receipts) == 1
    assert report.updates_files == []
    assert report.updates_errors == [{"folder": str(usb), "reason": "No space left on device"}]


def test_the_json_report_keeps_the_keys_scripts_rely_on(sites):
    district, _, usb = sites
    report = import_batches(district, [usb], actor="staf", receipts=True).as_json()
    assert tuple(report) == JSON_KEYS
    assert {"batches_imported", "batches_skipped", "batches_rejected", "records_inserted",
            "records_updated", "records_stale", "conflicts", "gaps"} <= set(report)  # fmt: skip


def test_another_batch_under_an_imported_batch_id_is_rejected_not_skipped(sites, tmp_path):
    """As the sync endpoint answers it (batch_id_reused): the same merge decides both."""
    district, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 2, seed=3, today=date(2026, 11, 27))
    first = export_to_folder(budi, usb).batch
    import_batches(district, [usb], actor="staf")
    (batch_id,) = budi.execute("SELECT batch_id FROM batches").fetchone()
    me = load_identity(budi)
    forged = tmp_path / "forged"
    forged.mkdir()
    save_batch(forged, build_batch(
        device_id=me.device_id, officer=me.name, seq=1, prev="", records=[], audit_rows=[],
        signing_key=own_signing_key(budi), recipient=me.age_recipient, batch_id=batch_id,
    ))  # fmt: skip
    report = import_batches(district, [forged], actor="staf")
    assert (report.batches_imported, report.batches_skipped) == (0, 0)
    assert [r["reason"].split(":")[0] for r in report.batches_rejected] == ["batch_id_reused"]
    again = import_batches(district, [first.path], actor="staf")
    assert (again.batches_skipped, again.batches_rejected) == (1, [])
