"""The officer's sync against a real server on a loopback port: push, re-push, an upload cut
by the server dying mid-request, refusals, receipts verified, status updates applied (and
the same updates by USB)."""

import json
import threading
import time
from datetime import date
from pathlib import Path

import httpx
import pytest

from app.batch_import import import_batches
from demo.people import fill_demo
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
from models.settings import load_settings, save_settings
from models.status_updates import outgoing_batches, reject_registrations, rejection_reason
from models.store import RegistrationStore
from models.validation import status_after_edit
from tests.cli import run_cli
from tests.httpsync.server_process import ServerProcess

QUICK = Backoff(attempts=8, base=0.05, cap=0.5)


def statuses(db):
    return dict(db.execute("SELECT status, COUNT(*) FROM registrations GROUP BY status"))


def imported(district):
    return district.execute("SELECT COUNT(*) FROM imported_batches").fetchone()[0]


def ready(db, count, seed):
    fill_demo(db, count, seed=seed, today=date(2026, 11, 27))
    return statuses(db).get("ready", 0)


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


def test_the_command_line_syncs_and_the_stick_carries_updates(
    sites, district_server, tmp_path, capsys
):
    district, officers, usb = sites
    budi, ani = officers["budi"], officers["ani"]
    ready(budi, 3, seed=16)
    ready(ani, 2, seed=17)

    def run(*args):
        done = run_cli(capsys, *args, "--json")
        return done.code, done.summary, done.err

    path = {name: db.execute("PRAGMA database_list").fetchone()[2] for name, db in officers.items()}
    save_settings(budi, load_settings(budi).__class__(**{
        **load_settings(budi).__dict__, "sync_url": district_server.url}))  # fmt: skip
    code, result, _ = run("sync", "--db", path["budi"])  # the address from the settings
    assert code == 0, result
    assert {k: result[k] for k in ("batches_sent", "batches_already_there", "batches_failed",
                                   "updates_applied")} == {
        "batches_sent": 1, "batches_already_there": 0, "batches_failed": 0, "updates_applied": 0,
    }  # fmt: skip
    code, result, err = run("sync", "--url", "ftp://nowhere", "--db", path["budi"])
    assert code == 1 and "http" in err and "error" in result
    # Ani's laptop has no signal: her batch and its answer travel on the stick.
    code, result, _ = run("export", "--out", str(usb), "--db", path["ani"])
    assert code == 0
    district_db = district.execute("PRAGMA database_list").fetchone()[2]
    code, result, _ = run("import", str(usb), "--receipts", "--db", district_db)
    assert code == 0 and len(result["updates_files"]) == 1
    ani_ids = [r for (r,) in ani.execute("SELECT id FROM registrations WHERE status = 'exported'")]
    code, result, _ = run("reject", ani_ids[0], "--reason", "Di luar wilayah", "--db", district_db)
    assert code == 0 and result == {"rejected": 1}
    code, result, err = run("reject", "no-such-id", "--reason", "x", "--db", district_db)
    assert code == 1 and "no live registration" in err
    code, result, _ = run("write-updates", "--out", str(usb), "--db", district_db)
    assert code == 0 and len(result["files"]) == 2  # budi's (by HTTP) and ani's
    ani_file = next(f for f in result["files"] if f.endswith(
        ani.execute("SELECT device_id FROM identity").fetchone()[0] + ".updates.json"))  # fmt: skip
    code, result, _ = run("apply-updates", ani_file, "--db", path["ani"])
    assert code == 0 and result["updates_applied"] == 2  # one rejected, one received
    assert rejection_reason(ani, ani_ids[0]) == "Di luar wilayah"
    code, result, _ = run("apply-updates", ani_file, "--db", path["ani"])
    assert result["updates_applied"] == 0
    code, result, err = run("apply-updates", ani_file, "--db", path["budi"])
    assert code == 1 and "another officer" in err


def test_an_old_updates_file_does_not_take_a_registration_back(sites, district_server, tmp_path):
    from exchange.signed_updates import apply_updates, make_updates

    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 2, seed=18)
    sync(budi, district_server.url, backoff=QUICK)
    device = budi.execute("SELECT device_id FROM identity").fetchone()[0]
    old = make_updates(district, device)  # everything "received", written to a stick
    (rid, version) = district.execute("SELECT id, version FROM registrations").fetchone()
    set_registered(district, [(rid, version, "10987654321")], "staf")
    assert sync(budi, district_server.url, backoff=QUICK).updates_applied == 1
    stale = apply_updates(budi, old, "Budi")
    assert (stale.applied, stale.skipped) == (0, 2)
    assert budi.execute("SELECT status FROM registrations WHERE id = ?", [rid]).fetchone() == (
        "registered",
    )


def test_a_receipt_on_the_stick_marks_what_arrived_received_too(sites):
    from exchange.receipts import apply_receipt_in

    district, officers, usb = sites
    budi = officers["budi"]
    waiting = ready(budi, 3, seed=19)
    export_batch(budi, usb)
    assert statuses(budi).get("exported") == waiting
    import_batches(district, [usb], actor="staf", receipts=True)
    assert apply_receipt_in(budi, usb).newly == [1]
    assert statuses(budi).get("received") == waiting and verify_chain(budi).ok


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as a district office might make for itself."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Disnaker")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ))  # fmt: skip
    return cert_path, key_path


def test_sync_over_tls_trusts_the_district_certificate_only(sites, tmp_path):
    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 2, seed=20)
    cert, key = self_signed(tmp_path)
    server = ServerProcess(tmp_path / "district.db", tls=(cert, key)).start()
    try:
        assert server.url.startswith("https://")
        with pytest.raises(SyncError) as untrusted:  # not signed by a CA it knows
            sync(budi, server.url, backoff=Backoff(attempts=1), verify=True)
        assert untrusted.value.code == "unreachable"
        done = sync(budi, server.url, backoff=QUICK, verify=str(cert))
    finally:
        server.stop()
    assert done.batches_sent == 1 and imported(district) == 1


def district_answering(routes: dict) -> httpx.MockTransport:
    """A stand-in district: ``routes`` maps the end of a path to (status, JSON or text)."""

    def handle(request: httpx.Request) -> httpx.Response:
        for end, (status, body) in routes.items():
            if request.url.path.endswith(end):
                if isinstance(body, str):
                    return httpx.Response(status, text=body)
                return httpx.Response(status, json=body)
        return httpx.Response(404, json={"error": "http_error", "message": "Not Found"})

    return httpx.MockTransport(handle)


def test_each_way_the_district_refuses_has_its_own_code(sites):
    _, officers, _ = sites
    budi = officers["budi"]
    device = budi.execute("SELECT device_id FROM identity").fetchone()[0]
    known = (200, {"device_id": device, "last_seq": 0, "missing_seqs": [], "batches": 0})
    skew = {"error": "clock_skew", "message": "the device's clock is off",
            "server_time": int(time.time())}  # fmt: skip
    cases = [
        ({"/status": (403, {"error": "unknown_device", "message": "not enrolled or revoked"})},
         "device_refused", "unknown_device"),
        ({"/status": (401, skew)}, "clock_skew", "clock_skew"),  # still off once corrected
        ({"/status": known, "/updates": (400, {"error": "bad_request", "message": "since?"})},
         "server_refused", "bad_request"),
        ({"/status": (401, {"error": "bad_request_signature", "message": "not signed"})},
         "server_refused", "bad_request_signature"),
        ({"/status": (404, "<html>Not Found</html>")}, "server_refused", ""),
        ({"/status": (302, "elsewhere")}, "bad_answer", ""),
        ({"/status": (200, "<html>captive portal</html>")}, "bad_answer", ""),
    ]  # fmt: skip
    for routes, code, server_code in cases:
        with pytest.raises(SyncError) as stopped:
            sync(budi, "http://district.test", backoff=QUICK, export_first=False,
                 transport=district_answering(routes))  # fmt: skip
        assert (stopped.value.code, stopped.value.server_code) == (code, server_code), routes
        if server_code == "bad_request":
            assert "since?" in str(stopped.value)  # the district's own words, for the log


def test_a_receipt_that_fails_is_reported_as_the_receipt_not_the_batch(sites):
    _, officers, usb = sites
    budi = officers["budi"]
    ready(budi, 2, seed=21)
    export_batch(budi, usb)
    device = budi.execute("SELECT device_id FROM identity").fetchone()[0]
    known = (200, {"device_id": device, "last_seq": 0, "missing_seqs": [], "batches": 0})
    updates_none = (400, {"error": "bad_request", "message": "no updates here"})
    forged = {"receipt": {"format": "jaring-batch-receipt-1"}, "signature": "AAAA"}
    for answer, stage, code in (
        ((201, forged), "receipt", "not_receipt"),
        ((409, {"error": "batch_id_reused", "message": "other content"}), "upload",
         "batch_id_reused"),
    ):  # fmt: skip
        routes = {"/status": known, "/updates": updates_none}
        routes.update({path: answer for path in (f"/{b.batch_id}" for b in
                                                  outgoing_batches(budi, [], 0))})  # fmt: skip
        with pytest.raises(SyncError) as stopped:  # the updates are refused after the push
            sync(budi, "http://district.test", backoff=QUICK, export_first=False,
                 transport=district_answering(routes))  # fmt: skip
        done = stopped.value.result
        assert done.batches_failed == 1 and not done.received
        assert [(f["seq"], f["stage"], f["code"]) for f in done.failures] == [(1, stage, code)]
    assert batch_history(budi)[0].acknowledged_at is None


def test_write_updates_refuses_a_device_that_is_not_enrolled(sites, tmp_path, capsys):
    from exchange.signed_updates import updates_path
    from main import main

    district, officers, usb = sites
    district_db = district.execute("PRAGMA database_list").fetchone()[2]
    budi = officers["budi"].execute("SELECT device_id FROM identity").fetchone()[0]
    inside = usb / "stick"
    inside.mkdir()
    for device in ("../escaped", "stranger", f"{budi}/../../escaped"):
        assert main(["write-updates", "--out", str(inside), "--device", budi, device,
                     "--db", district_db]) == 1  # fmt: skip
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "not enrolled" in err, err
    assert not list(tmp_path.rglob("*.updates.json"))  # nothing written, not even budi's
    assert main(["write-updates", "--out", str(inside), "--device", budi,
                 "--db", district_db]) == 0  # fmt: skip
    assert [p.name for p in inside.iterdir()] == [f"{budi}.updates.json"]
    for name in ("../escaped", "a/b", "", ".hidden", "x" * 65):
        with pytest.raises(ValueError):
            updates_path(usb, name)


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
    monkeypatch.setattr("exchange.batch_file.write_file_atomically", no_file)
    done = sync(budi, district_server.url, backoff=QUICK)
    assert (done.exported_seq, done.batches_sent, done.received) == (1, 1, [1])
    (sent,) = outgoing_batches(budi, [1], 0)
    assert district.execute("SELECT file_sha256 FROM imported_batches").fetchone()[0] == (
        sent.file_sha256
    )
    assert statuses(budi).get("received") == waiting
