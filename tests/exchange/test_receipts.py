"""Receipts: the district's signed acknowledgement travels back on the USB stick."""

import json
from datetime import date

import pytest

from app.batch_import import import_batches
from demo.fill import fill_demo
from exchange.outgoing import export_batch
from exchange.receipts import (
    ReceiptError,
    apply_receipt,
    apply_receipt_in,
    make_receipt,
    read_receipt,
    receipt_path,
)
from models.batches import batch_history
from tests.cli import run_cli


def device_of(db):
    return db.execute("SELECT device_id FROM identity").fetchone()[0]


def exported(db, usb, seed):
    fill_demo(db, 3, seed=seed, today=date(2026, 11, 27))
    return export_batch(db, usb)


def test_the_stick_carries_the_acknowledgement_back(sites):
    district, officers, usb = sites
    budi = officers["budi"]
    exported(budi, usb, 1)
    exported(budi, usb, 2)
    assert [b.acknowledged_at for b in batch_history(budi)] == [None, None]
    report = import_batches(district, [usb], actor="staf", receipts=True)
    assert report.receipts == [str(receipt_path(usb, device_of(budi)))]
    third = exported(budi, usb, 3)  # not imported yet
    acknowledged = apply_receipt_in(budi, usb)
    assert (acknowledged.newly, acknowledged.already, acknowledged.mismatched) == ([1, 2], [], [])
    history = {b.seq: b.acknowledged_at for b in batch_history(budi)}
    assert history[1] and history[2] and history[third.seq] is None
    again = apply_receipt_in(budi, usb)
    assert (again.newly, again.already) == ([], [1, 2])


def test_a_receipt_for_nobody_here_or_changed_is_refused(sites, tmp_path):
    district, officers, usb = sites
    budi, ani = officers["budi"], officers["ani"]
    exported(budi, usb, 4)
    import_batches(district, [usb], actor="staf", receipts=True)
    path = receipt_path(usb, device_of(budi))
    document = read_receipt(path)
    with pytest.raises(ReceiptError) as other:
        apply_receipt(ani, document)
    assert other.value.code == "other_device"
    forged = json.loads(path.read_text())
    forged["receipt"]["batches"][0]["imported_at"] = "2030-01-01T00:00:00+00:00"
    with pytest.raises(ReceiptError) as changed:
        apply_receipt(budi, forged)
    assert changed.value.code == "bad_signature"
    with pytest.raises(ReceiptError) as district_side:
        apply_receipt(district, document)
    assert district_side.value.code == "not_officer"
    assert [b.acknowledged_at for b in batch_history(budi)] == [None]
    broken = tmp_path / "broken.receipt.json"
    for content in (b"{not json", b'{"receipt": {}, "signature": ""}', b"\xff\xfe"):
        broken.write_bytes(content)
        with pytest.raises(ReceiptError) as bad:
            read_receipt(broken)
        assert bad.value.code == "not_receipt"


def test_a_receipt_naming_another_batch_under_a_known_number_records_nothing(sites):
    district, officers, usb = sites
    budi = officers["budi"]
    exported(budi, usb, 5)
    import_batches(district, [usb], actor="staf")
    district.execute("UPDATE imported_batches SET manifest_sha256 = ?", ["0" * 64])
    result = apply_receipt(budi, make_receipt(district, device_of(budi)))
    assert (result.newly, result.mismatched) == ([], [1])
    assert [b.acknowledged_at for b in batch_history(budi)] == [None]


def test_a_read_only_folder_is_reported_and_the_import_stands(sites, monkeypatch):
    district, officers, usb = sites
    exported(officers["budi"], usb, 6)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("exchange.receipts.keys.write_json_atomic", refuse)
    report = import_batches(district, [usb], actor="staf", receipts=True)
    assert report.batches_imported == 1 and report.receipts == []
    assert report.receipt_errors == [{"folder": str(usb), "reason": "Permission denied"}]


def test_the_command_line_writes_and_reads_receipts(sites, tmp_path, capsys):
    district, officers, usb = sites
    budi = officers["budi"]
    exported(budi, usb, 7)
    fill_demo(budi, 2, seed=8, today=date(2026, 11, 27))
    device = device_of(budi)
    imported = run_cli(capsys, "import", usb, "--receipts", "--db", _path(district), "--json")
    assert imported.code == 0, imported.err
    assert imported.summary["receipts"] == [str(receipt_path(usb, device))]
    assert imported.summary["updates_files"] == [str(usb / f"{device}.updates.json")]
    done = run_cli(capsys, "export", "--out", usb, "--db", _path(budi), "--json")
    assert done.code == 0, done.err
    assert done.err == ""  # the receipt and the updates file were used
    assert done.out.splitlines()[0] == str(usb / f"{device}-2.jaring")
    summary = done.summary
    assert (summary["seq"], summary["acknowledged"], summary["updates_applied"]) == (2, [1], 0)
    assert summary["records"] == 2


def test_junk_that_looks_like_a_receipt_is_refused_cleanly(sites, tmp_path, capsys):
    district, officers, usb = sites
    budi = officers["budi"]
    exported(budi, usb, 9)
    import_batches(district, [usb], actor="staf", receipts=True)
    path = receipt_path(usb, device_of(budi))
    good = json.loads(path.read_text())
    nested = tmp_path / "nested.receipt.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    surrogate = tmp_path / "surrogate.receipt.json"
    surrogate.write_text(path.read_text().replace(good["receipt"]["district"], "\\ud800"))
    for junk in (nested, surrogate):
        with pytest.raises(ReceiptError) as caught:
            read_receipt(junk)
        assert caught.value.code == "not_receipt"
    # The export beside junk still writes its batch (the receipt is reported, not fatal).
    path.write_text(surrogate.read_text())
    fill_demo(budi, 2, seed=10, today=date(2026, 11, 27))
    done = run_cli(capsys, "export", "--out", usb, "--db", _path(budi), "--json")
    assert done.code == 0 and done.summary["seq"] == 2 and done.summary["acknowledged"] == []
    assert done.err.startswith("jaring export: receipt not used: ")


def test_without_its_signing_key_the_district_reports_the_receipt_and_keeps_the_import(
    sites, monkeypatch
):
    from exchange.keys import KeyMissing

    district, officers, usb = sites
    exported(officers["budi"], usb, 11)

    def no_key(db):
        raise KeyMissing("the district's signing key is missing")

    monkeypatch.setattr("exchange.receipts.own_signing_key", no_key)
    report = import_batches(district, [usb], actor="staf", receipts=True)
    assert report.batches_imported == 1 and report.receipts == []
    assert "signing key" in report.receipt_errors[0]["reason"]


def _path(db):
    return db.execute("PRAGMA database_list").fetchone()[2]
