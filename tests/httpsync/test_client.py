"""The officer's sync against a real server on a loopback port: push, re-push, an upload cut
by the server dying mid-request, refusals, receipts verified, status updates applied."""

import json
import threading
import time

import pytest

from exchange.outgoing import export_batch
from exchange.receipts import ReceiptError
from exchange.signed_updates import batch_receipt, check_batch_receipt
from httpsync import client
from httpsync.client import Backoff, SyncError, sync
from models.audit import verify_chain
from models.batches import batch_history
from models.bulk_import import set_registered
from models.identity import revoke_device
from models.registration import Registration
from models.status_updates import outgoing_batches, reject_registrations, rejection_reason
from models.store import RegistrationStore
from models.validation import status_after_edit
from tests.httpsync.officers import QUICK, imported, ready, statuses
from tests.httpsync.server_process import ServerProcess


def test_sync_sends_what_is_ready_and_marks_it_received(sites, district_server):
    district, officers, _ = sites
    budi = officers["budi"]
    waiting = ready(budi, 12, seed=1)
    done = sync(budi, district_server.url, backoff=QUICK)
    assert (done.batches_sent, done.batches_already_there, done.batches_failed) == (1, 0, 0)
    assert done.exported_seq == 1 and done.received == [1]
    assert statuses(budi).get("received") == waiting and "exported" not in statuses(budi)
    assert batch_history(budi)[0].acknowledged_at
    assert district.execute("SELECT COUNT(*) FROM registrations").fetchone()[0] == waiting
    assert verify_chain(budi).ok  # "received" is a change like any other, audited
    again = sync(budi, district_server.url, backoff=QUICK)
    assert (again.batches_sent, again.batches_already_there, again.exported_seq) == (0, 0, None)
    assert imported(district) == 1


def test_a_lost_receipt_is_fetched_by_pushing_again_and_nothing_merges_twice(
    sites, district_server
):
    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 5, seed=2)
    sync(budi, district_server.url, backoff=QUICK)
    stored = budi.execute("SELECT document FROM sync_receipts").fetchone()[0]
    # As if the laptop died after the district merged but before the receipt was stored.
    budi.execute("UPDATE batches SET acknowledged_at = NULL")
    budi.execute("DELETE FROM sync_receipts")
    budi.conn.commit()
    ready(budi, 3, seed=3)
    done = sync(budi, district_server.url, backoff=QUICK)
    assert (done.batches_sent, done.batches_already_there) == (1, 1)
    assert (
        budi.execute("SELECT document FROM sync_receipts WHERE seq = 1").fetchone()[0] == stored
    )  # the same receipt as the first time
    assert imported(district) == 2
    sent = budi.execute("SELECT COUNT(*) FROM registrations WHERE status != 'draft'").fetchone()
    assert district.execute("SELECT COUNT(*) FROM registrations").fetchone() == sent


def test_an_upload_cut_by_the_server_dying_resumes_when_it_is_back(sites, tmp_path, monkeypatch):
    district, officers, _ = sites
    budi = officers["budi"]
    waiting = ready(budi, 40, seed=4)
    server = ServerProcess(tmp_path / "district.db").start()
    monkeypatch.setattr(client, "CHUNK_BYTES", 2048)  # many chunks, so the cut is mid-body
    cuts = []

    def upload_progress(seq, sent, size):
        if not cuts and sent < size:
            cuts.append(sent)
            server.kill()  # mid-request: part of the body is on its way

            def restart():
                time.sleep(0.5)
                server.start()

            threading.Thread(target=restart, daemon=True).start()

    try:
        done = sync(
            budi, server.url, backoff=Backoff(attempts=30, base=0.1, cap=0.5),
            upload_progress=upload_progress,
        )  # fmt: skip
    finally:
        server.stop()
    assert cuts and cuts[0] < len(outgoing_batches(budi, [], 0)[0].content)
    assert (done.batches_sent, done.batches_failed) == (1, 0)
    assert imported(district) == 1
    assert district.execute("SELECT COUNT(*) FROM registrations").fetchone()[0] == waiting
    assert statuses(budi).get("received") == waiting


def test_sync_interrupted_between_batches_resumes_with_the_rest(sites, district_server):
    district, officers, usb = sites
    budi = officers["budi"]
    for seed in (5, 6, 7):  # three batches written for the stick, never carried
        ready(budi, 2, seed=seed)
        export_batch(budi, usb)
    pressed = []

    def progress(done, total, text):
        if done == 1:
            pressed.append(True)

    with pytest.raises(SyncError) as stopped:
        sync(budi, district_server.url, backoff=QUICK, progress=progress,
             cancelled=lambda: bool(pressed))  # fmt: skip
    assert stopped.value.code == "cancelled" and stopped.value.result.batches_sent == 1
    assert imported(district) == 1
    done = sync(budi, district_server.url, backoff=QUICK)
    assert (done.batches_sent, done.batches_already_there) == (2, 0)
    assert [b.seq for b in batch_history(budi) if b.acknowledged_at] == [3, 2, 1]


def test_a_revoked_device_is_refused(sites, district_server):
    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 2, seed=8)
    revoke_device(district, budi.execute("SELECT device_id FROM identity").fetchone()[0], "staf")
    with pytest.raises(SyncError) as refused:
        sync(budi, district_server.url, backoff=QUICK)
    assert refused.value.code == "device_refused" and "revoked" in str(refused.value)
    assert imported(district) == 0
    assert batch_history(budi)[0].acknowledged_at is None  # it stays to be sent


def test_a_tampered_batch_is_refused_over_http_and_the_next_one_goes(sites, district_server):
    district, officers, usb = sites
    budi = officers["budi"]
    ready(budi, 3, seed=9)
    export_batch(budi, usb)
    content = bytearray(budi.execute("SELECT content FROM batches WHERE seq = 1").fetchone()[0])
    content[-150] ^= 0x01
    budi.execute("UPDATE batches SET content = ? WHERE seq = 1", [bytes(content)])
    budi.conn.commit()
    ready(budi, 2, seed=10)
    done = sync(budi, district_server.url, backoff=QUICK)
    assert (done.batches_sent, done.batches_failed) == (1, 1)
    assert done.failures[0]["seq"] == 1 and done.failures[0]["status"] == 422
    assert done.failures[0]["code"] in ("bad_members", "truncated", "payload_changed")
    assert imported(district) == 1  # batch 2; batch 1 changed nothing


def test_a_receipt_not_from_the_district_is_not_believed(sites, district_server):
    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 2, seed=11)
    sync(budi, district_server.url, backoff=QUICK)
    batch = outgoing_batches(budi, [1], 0)[0]
    receipt = batch_receipt(district, batch.batch_id)
    assert check_batch_receipt(budi, receipt, batch)["seq"] == 1
    changed = json.loads(json.dumps(receipt))
    changed["receipt"]["inserted"] = 99
    with pytest.raises(ReceiptError) as bad:
        check_batch_receipt(budi, changed, batch)
    assert bad.value.code == "bad_signature"
    other = outgoing_batches(budi, [1], 0)[0].__class__(
        **{**batch.__dict__, "file_sha256": "0" * 64}
    )
    with pytest.raises(ReceiptError) as mismatch:
        check_batch_receipt(budi, receipt, other)
    assert mismatch.value.code == "other_batch"
    with pytest.raises(ReceiptError) as foreign:
        check_batch_receipt(officers["ani"], receipt, batch)
    assert foreign.value.code == "other_device"


def test_kpj_numbers_and_rejections_come_back_and_apply_once(sites, district_server):
    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 4, seed=12)
    sync(budi, district_server.url, backoff=QUICK)
    ids = [r for (r,) in district.execute("SELECT id FROM registrations ORDER BY id")]
    versions = dict(district.execute("SELECT id, version FROM registrations"))
    set_registered(district, [(ids[0], versions[ids[0]], "12345678901")], "staf")
    reject_registrations(district, {ids[1]: "Nama ibu kandung tidak cocok"}, "staf")
    done = sync(budi, district_server.url, backoff=QUICK)
    assert done.updates_applied == 2
    rows = {
        rid: (status, kpj)
        for rid, status, kpj in budi.execute("SELECT id, status, kpj FROM registrations")
    }
    assert rows[ids[0]] == ("registered", "12345678901")
    assert rows[ids[1]] == ("rejected", "")
    assert rejection_reason(budi, ids[1]) == "Nama ibu kandung tidak cocok"
    assert rows[ids[2]] == ("received", "")
    assert sync(budi, district_server.url, backoff=QUICK).updates_applied == 0
    assert verify_chain(budi).ok


def test_an_update_never_undoes_newer_typing(sites, district_server):
    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 1, seed=13)
    sync(budi, district_server.url, backoff=QUICK)
    (rid,) = budi.execute("SELECT id FROM registrations").fetchone()
    # The officer corrects the registration, as the form does on a laptop, before the
    # district's answer arrives.
    store = RegistrationStore(budi)
    reg = store.get(rid)
    assert reg.status == "received"
    status = status_after_edit(reg.status, draft=False, officer_device=True)
    store.save(reg.copy(status=status, phone="081234567890"), "Budi")
    reject_registrations(district, {rid: "Foto KTP buram"}, "staf")
    done = sync(budi, district_server.url, backoff=QUICK, export_first=False)
    assert done.updates_applied == 0
    assert budi.execute("SELECT status FROM registrations").fetchone()[0] == "ready"
    # Sent now, the correction reaches the district, which checks it again (received).
    done = sync(budi, district_server.url, backoff=QUICK)
    assert done.batches_sent == 1
    there = district.execute("SELECT status, phone FROM registrations").fetchone()
    assert there == ("received", "081234567890")
    assert budi.execute("SELECT status FROM registrations").fetchone()[0] == "received"
    assert rejection_reason(budi, rid) == ""


def test_a_new_rejection_reason_reaches_the_officer(sites, district_server):
    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 1, seed=15)
    sync(budi, district_server.url, backoff=QUICK)
    (rid,) = district.execute("SELECT id FROM registrations").fetchone()
    reject_registrations(district, {rid: "Foto KTP buram"}, "staf")
    assert sync(budi, district_server.url, backoff=QUICK).updates_applied == 1
    reject_registrations(district, {rid: "Nama ibu kandung salah"}, "staf")
    assert sync(budi, district_server.url, backoff=QUICK).updates_applied == 1
    assert rejection_reason(budi, rid) == "Nama ibu kandung salah"
    assert verify_chain(district).ok  # the new reason is a change like any other


def test_a_device_never_learns_about_another_devices_registration(sites, district_server):
    district, officers, _ = sites
    budi, ani = officers["budi"], officers["ani"]
    ready(ani, 1, seed=16)
    sync(ani, district_server.url, backoff=QUICK)
    (rid,) = district.execute("SELECT id FROM registrations").fetchone()
    # Budi's laptop sends a registration with Ani's id (copied, or a forged batch).
    copy = RegistrationStore(ani).get(rid)
    RegistrationStore(budi).insert_many([copy.copy(status="ready", version=9)], "Budi")
    assert sync(budi, district_server.url, backoff=QUICK).batches_sent == 1
    assert district.execute("SELECT full_name FROM registrations").fetchone()[0] == copy.full_name
    versions = dict(district.execute("SELECT id, version FROM registrations"))
    set_registered(district, [(rid, versions[rid], "12345678901")], "staf")
    assert sync(budi, district_server.url, backoff=QUICK).updates_applied == 0
    assert budi.execute("SELECT kpj FROM registrations").fetchone()[0] == ""
    assert sync(ani, district_server.url, backoff=QUICK).updates_applied == 1


def test_clock_off_by_hours_is_corrected(sites, district_server, monkeypatch):
    _, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 2, seed=14)
    real = time.time
    monkeypatch.setattr(client.time, "time", lambda: real() - 5 * 3600)
    done = sync(budi, district_server.url, backoff=QUICK)
    assert done.batches_sent == 1


def test_an_unreachable_server_is_retried_then_reported(sites, tmp_path):
    _, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 2, seed=15)
    waits = []
    with pytest.raises(SyncError) as unreachable:
        sync(budi, f"http://127.0.0.1:{ServerProcess(tmp_path / 'x.db').port}",
             backoff=Backoff(attempts=4, base=0.01, cap=0.02), sleep=waits.append)  # fmt: skip
    assert unreachable.value.code == "unreachable" and "4 attempts" in str(unreachable.value)
    assert unreachable.value.result.exported_seq == 1  # the batch waits in the history
    assert waits  # it waited between attempts


def test_restoring_on_a_laptop_sends_the_registration_again(sites):
    district, officers, _ = sites
    for db, expected in ((officers["budi"], "ready"), (district, "received")):
        store = RegistrationStore(db)
        reg = store.save(Registration(nik="6208014507900001", full_name="Siti",
                                      status="received"), "b")  # fmt: skip
        store.delete(reg.id, "b")
        assert store.restore(reg.id, "b").status == expected


def test_sync_sends_the_batch_from_memory_and_writes_no_file(sites, district_server, monkeypatch):
    """The batch a sync packs goes from memory to the history to the district: no folder,
    no file written only to be read back (as sync once did through a temporary folder)."""
    import tempfile

    district, officers, _ = sites
    budi = officers["budi"]
    waiting = ready(budi, 3, seed=24)

    def no_file(*args, **kwargs):
        raise AssertionError("a sync writes no file")

    for name in ("TemporaryDirectory", "mkdtemp", "mkstemp", "NamedTemporaryFile"):
        monkeypatch.setattr(tempfile, name, no_file)
    monkeypatch.setattr("exchange.batch_writing.write_file_atomically", no_file)
    done = sync(budi, district_server.url, backoff=QUICK)
    assert (done.exported_seq, done.batches_sent, done.received) == (1, 1, [1])
    (sent,) = outgoing_batches(budi, [1], 0)
    assert district.execute("SELECT file_sha256 FROM imported_batches").fetchone()[0] == (
        sent.file_sha256
    )
    assert statuses(budi).get("received") == waiting
