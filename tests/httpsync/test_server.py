"""The district's sync endpoint, on a real uvicorn server on a loopback port: the same
checks and merge as a USB import, receipts, refusals before the body, errors as JSON."""

import base64
import json
import socket
import tempfile
import threading
import time
from datetime import date

import httpx
import pytest

from demo.fill import fill_demo
from exchange import keys
from exchange.enrolment import own_signing_key
from exchange.outgoing import export_batch
from httpsync.protocol import request_text
from models.batches import batch_content
from models.db import open_database
from models.identity import revoke_device
from models.status_updates import reject_registrations
from tests.httpsync.server_process import ServerProcess


def device_of(db):
    return db.execute("SELECT device_id FROM identity").fetchone()[0]


def signed(db, method, path, query="", *, at=None, device=None):
    """The headers a device sends (what `httpsync.client` does)."""
    device = device or device_of(db)
    stamp = str(int(at if at is not None else time.time()))
    signature = keys.sign(own_signing_key(db), request_text(method, path, query, stamp, device))
    return {
        "X-Jaring-Device": device,
        "X-Jaring-Time": stamp,
        "X-Jaring-Signature": base64.b64encode(signature).decode(),
    }


def a_batch(db, tmp_path, records=4, seed=1):
    """(batch id, file bytes) of a new batch of ``records`` fake people."""
    fill_demo(db, records, seed=seed, today=date(2026, 11, 27))
    written = export_batch(db, tempfile.mkdtemp(dir=tmp_path))
    batch_id = db.execute("SELECT batch_id FROM batches WHERE seq = ?", [written.seq]).fetchone()
    return batch_id[0], batch_content(db, written.seq)[1]


def put(server, db, batch_id, content, **kwargs):
    path = f"/v1/batches/{batch_id}"
    return httpx.put(server.url + path, content=content, headers=signed(db, "PUT", path), **kwargs)


def imported(district):
    return district.execute("SELECT COUNT(*) FROM imported_batches").fetchone()[0]


def raw_answer(port: int, request: bytes, timeout: float = 5.0) -> str:
    """The answer to ``request`` sent on a bare socket, read up to the end of its JSON body;
    fails (never hangs) when the server closes the connection first or goes quiet."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.settimeout(timeout)  # each recv: socket.timeout rather than waiting forever
        conn.sendall(request)
        answer = b""
        while not answer.endswith(b"}"):
            chunk = conn.recv(4096)
            assert chunk, f"the server closed the connection after {answer[:500]!r}"
            answer += chunk
    return answer.decode()


def test_reading_a_raw_answer_stops_when_the_server_closes_or_goes_quiet():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]

        def close_after_a_line():
            conn, _ = listener.accept()
            with conn:
                conn.recv(4096)  # the request, read so that closing is a clean end
                conn.sendall(b"HTTP/1.1 200 OK\r\n")

        closer = threading.Thread(target=close_after_a_line, daemon=True)
        closer.start()
        with pytest.raises(AssertionError, match="closed the connection"):
            raw_answer(port, b"GET / HTTP/1.1\r\n\r\n")
        closer.join(5)
        started = time.monotonic()
        with pytest.raises(TimeoutError):  # accepted by the backlog, never answered
            raw_answer(port, b"GET / HTTP/1.1\r\n\r\n", timeout=0.3)
        assert time.monotonic() - started < 3


def test_health_answers_without_a_device(district_server):
    answer = httpx.get(f"{district_server.url}/v1/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "api": "v1", "district": "Disnaker"}


def test_a_pushed_batch_is_merged_once_and_the_same_receipt_comes_back(
    sites, district_server, tmp_path
):
    district, officers, _ = sites
    budi = officers["budi"]
    batch_id, content = a_batch(budi, tmp_path)
    first = put(district_server, budi, batch_id, content)
    assert first.status_code == 201, first.text
    receipt = first.json()
    body = receipt["receipt"]
    assert body["batch_id"] == batch_id and body["seq"] == 1
    assert body["records"] == 4 and body["inserted"] == 4
    assert body["device_id"] == device_of(budi)
    district_pem = json.loads(budi.execute("SELECT district_profile FROM identity").fetchone()[0])[
        "signing_public_key_pem"
    ]
    assert keys.verify(
        district_pem,
        json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(),
        base64.b64decode(receipt["signature"]),
    )
    again = put(district_server, budi, batch_id, content)
    assert again.status_code == 200
    assert again.content == first.content  # the very same receipt, byte for byte
    assert imported(district) == 1
    assert district.execute("SELECT COUNT(*) FROM registrations").fetchone()[0] == 4


def test_unknown_and_revoked_devices_are_refused_before_the_body(sites, district_server, tmp_path):
    district, officers, _ = sites
    budi = officers["budi"]
    path = "/v1/batches/00000000-0000-4000-8000-000000000000"
    # Headers announcing 10 GB, and no body at all: the answer comes at once.
    headers = signed(budi, "PUT", path)
    revoke_device(district, device_of(budi), actor="staf")
    for device_headers in (headers, {**headers, "X-Jaring-Device": "stranger"}):
        lines = [f"PUT {path} HTTP/1.1", "Host: x", "Content-Length: 10000000000"]
        lines += [f"{k}: {v}" for k, v in device_headers.items()]
        answer = raw_answer(district_server.port, ("\r\n".join(lines) + "\r\n\r\n").encode())
        assert answer.startswith("HTTP/1.1 403"), answer
        assert '"error":"unknown_device"' in answer
    assert imported(district) == 0


def test_a_body_over_the_limit_is_refused_by_length_and_while_streaming(sites, tmp_path):
    district, officers, _ = sites
    budi = officers["budi"]
    batch_id, content = a_batch(budi, tmp_path, records=30)
    server = ServerProcess(tmp_path / "district.db", max_body_bytes=len(content) - 1).start()
    try:
        by_length = put(server, budi, batch_id, content)
        assert by_length.status_code == 413 and by_length.json()["error"] == "too_large"

        def chunks():  # no Content-Length: the server counts what arrives
            for start in range(0, len(content), 4096):
                yield content[start : start + 4096]

        path = f"/v1/batches/{batch_id}"
        streamed = httpx.put(server.url + path, content=chunks(), headers=signed(budi, "PUT", path))
        assert streamed.status_code == 413 and streamed.json()["error"] == "too_large"
    finally:
        server.stop()
    assert imported(district) == 0


def test_a_tampered_batch_is_refused_with_its_reason_and_nothing_merges(
    sites, district_server, tmp_path
):
    district, officers, _ = sites
    budi = officers["budi"]
    batch_id, content = a_batch(budi, tmp_path)
    tampered = bytearray(content)
    tampered[-200] ^= 0x01  # a byte of the encrypted payload
    answer = put(district_server, budi, batch_id, bytes(tampered))
    assert answer.status_code == 422
    assert answer.json()["error"] in ("bad_members", "truncated", "payload_changed")
    assert answer.json()["message"]
    not_a_batch = put(district_server, budi, batch_id, b"hello")
    assert not_a_batch.status_code == 422 and not_a_batch.json()["error"] == "not_a_batch"
    assert imported(district) == 0


def test_the_url_and_the_signer_must_match_the_batch(sites, district_server, tmp_path):
    district, officers, _ = sites
    budi, ani = officers["budi"], officers["ani"]
    batch_id, content = a_batch(budi, tmp_path)
    wrong_id = put(district_server, budi, "00000000-0000-4000-8000-000000000000", content)
    assert wrong_id.status_code == 400 and wrong_id.json()["error"] == "batch_id_mismatch"
    by_ani = put(district_server, ani, batch_id, content)  # ani pushes budi's batch
    assert by_ani.status_code == 403 and by_ani.json()["error"] == "other_device"
    assert imported(district) == 0


def test_requests_need_a_valid_signature_and_a_sane_clock(sites, district_server):
    _, officers, _ = sites
    budi = officers["budi"]
    path = f"/v1/devices/{device_of(budi)}/status"
    forged = signed(officers["ani"], "GET", path, device=device_of(budi))
    answer = httpx.get(district_server.url + path, headers=forged)
    assert answer.status_code == 401 and answer.json()["error"] == "bad_request_signature"
    late = httpx.get(
        district_server.url + path, headers=signed(budi, "GET", path, at=time.time() - 7200)
    )
    assert late.status_code == 401 and late.json()["error"] == "clock_skew"
    assert abs(late.json()["server_time"] - time.time()) < 60
    bare = httpx.get(district_server.url + path)
    assert bare.status_code == 401 and bare.json()["error"] == "unauthenticated"


def test_status_tells_a_device_what_is_missing(sites, district_server, tmp_path):
    _, officers, _ = sites
    budi = officers["budi"]
    first = a_batch(budi, tmp_path, seed=1)
    a_batch(budi, tmp_path, seed=2)  # never sent
    third = a_batch(budi, tmp_path, seed=3)
    for batch_id, content in (first, third):
        assert put(district_server, budi, batch_id, content).status_code == 201
    path = f"/v1/devices/{device_of(budi)}/status"
    answer = httpx.get(district_server.url + path, headers=signed(budi, "GET", path))
    assert answer.json() == {
        "device_id": device_of(budi), "last_seq": 3, "missing_seqs": [2], "batches": 2,
    }  # fmt: skip
    other = f"/v1/devices/{device_of(officers['ani'])}/status"
    refused = httpx.get(district_server.url + other, headers=signed(budi, "GET", other))
    assert refused.status_code == 403 and refused.json()["error"] == "other_device"


def test_updates_are_signed_and_move_a_cursor(sites, district_server, tmp_path):
    district, officers, _ = sites
    budi = officers["budi"]
    batch_id, content = a_batch(budi, tmp_path, records=3)
    assert put(district_server, budi, batch_id, content).status_code == 201
    path = f"/v1/devices/{device_of(budi)}/updates"

    def updates(since):
        query = f"since={since}"
        answer = httpx.get(
            f"{district_server.url}{path}?{query}", headers=signed(budi, "GET", path, query)
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["updates"]

    everything = updates(0)
    assert {c["status"] for c in everything["changes"]} == {"received"}
    assert len(everything["changes"]) == 3
    assert updates(everything["cursor"])["changes"] == []
    rejected = everything["changes"][0]["registration_id"]
    reject_registrations(district, {rejected: "NIK tidak cocok dengan KTP"}, "staf")
    later = updates(everything["cursor"])
    assert [(c["registration_id"], c["status"], c["reason"]) for c in later["changes"]] == [
        (rejected, "rejected", "NIK tidak cocok dengan KTP")
    ]
    bad = httpx.get(
        f"{district_server.url}{path}?since=x", headers=signed(budi, "GET", path, "since=x")
    )
    assert bad.status_code == 400 and bad.json()["error"] == "bad_request"


def test_unknown_routes_answer_json_and_the_log_holds_no_personal_data(
    sites, district_server, tmp_path
):
    district, officers, _ = sites
    budi = officers["budi"]
    answer = httpx.get(f"{district_server.url}/v1/nothing")
    assert answer.status_code == 404 and answer.json()["error"] == "http_error"
    batch_id, content = a_batch(budi, tmp_path)
    assert put(district_server, budi, batch_id, content).status_code == 201
    deadline = time.monotonic() + 5  # the line is written once the answer has left
    while f"PUT /v1/batches/{batch_id} 201" not in (log := district_server.access_log()):
        assert time.monotonic() < deadline, log
        time.sleep(0.05)
    for name, nik in district.execute("SELECT full_name, nik FROM registrations"):
        assert name not in log and nik not in log
    assert "127.0.0.1:" not in log.split("Uvicorn running")[-1].split("\n", 1)[-1]


def test_another_batch_under_a_used_number_is_a_conflict(sites, district_server, tmp_path):
    district, officers, _ = sites
    budi = officers["budi"]
    batch_id, content = a_batch(budi, tmp_path)
    assert put(district_server, budi, batch_id, content).status_code == 201
    # The device's history lost batch 1 (a restored backup) and wrote another batch 1.
    budi.execute("DELETE FROM batch_items")
    budi.execute("DELETE FROM batches")
    budi.execute("UPDATE registrations SET status = 'ready'")
    budi.conn.commit()
    other_id, other = a_batch(budi, tmp_path, records=1, seed=9)
    answer = put(district_server, budi, other_id, other)
    assert answer.status_code == 409 and answer.json()["error"] == "seq_reused"
    assert imported(district) == 1


def test_since_is_ascii_digits_and_at_most_18_of_them(sites, district_server):
    _, officers, _ = sites
    budi = officers["budi"]
    path = f"/v1/devices/{device_of(budi)}/updates"

    def ask(query):
        return httpx.get(
            f"{district_server.url}{path}?{query}", headers=signed(budi, "GET", path, query)
        )

    # "²" and a fullwidth "１" pass str.isdigit; 30 nines overflow SQLite's integer.
    for query in ("since=%C2%B2", "since=%EF%BC%91", "since=" + "9" * 30, "since=", "since=-1",
                  "since=+1", "since=1%20"):  # fmt: skip
        answer = ask(query)
        assert answer.status_code == 400, (query, answer.text)
        assert answer.json()["error"] == "bad_request"
    assert ask("since=" + "9" * 18).status_code == 200
    assert ask("since=007").status_code == 200


def test_a_commit_by_another_program_during_a_merge_resets_the_duplicate_index(
    sites, tmp_path, monkeypatch
):
    from httpsync.server import _District
    from models import merge

    district, officers, _ = sites
    budi = officers["budi"]
    batches = [a_batch(budi, tmp_path, records=2, seed=seed)[1] for seed in (1, 2, 3, 4)]
    server = _District(tmp_path / "district.db")
    real_merge = merge.merge_batch
    fresh = []  # per merge: did it start from a reset index?
    other_program_writes = []

    def merge_batch(db, **kwargs):
        fresh.append(not kwargs["duplicates"].loaded)
        if other_program_writes.pop() if other_program_writes else False:
            # Staff type a registration in another program while the merge thread is past
            # its data_version check: the index never sees that person.
            other_program = open_database(tmp_path / "district.db")
            fill_demo(other_program, 1, seed=7, today=date(2026, 11, 27))
            other_program.close()
        return real_merge(db, **kwargs)

    monkeypatch.setattr(merge, "merge_batch", merge_batch)
    try:
        server.merge(server.verify(batches[0]))  # first merge: loads the index
        server.merge(server.verify(batches[1]))  # nothing else wrote: the index is kept
        other_program_writes.append(True)
        server.merge(server.verify(batches[2]))  # another program commits during this one
        server.merge(server.verify(batches[3]))  # ... so this one starts afresh
    finally:
        server.close()
    assert fresh == [True, False, False, True]
    assert imported(district) == 4


def test_the_endpoint_and_the_import_merge_through_one_function(sites, tmp_path, monkeypatch):
    """`exchange.incoming.merge_verified` decides for both: a device revoked between the
    check of its batch and the merge is refused the same way by HTTP as from a stick."""
    from app.batch_import import import_batches
    from exchange import incoming
    from exchange.batch_file import BatchRejected
    from httpsync.server import ACTOR, _District

    district, officers, usb = sites
    budi, ani = officers["budi"], officers["ani"]
    merged_by = []

    def merge_verified(db, verified, **options):
        merged_by.append(options["actor"])
        return incoming.merge_verified(db, verified, **options)

    monkeypatch.setattr("httpsync.server.merge_verified", merge_verified)
    monkeypatch.setattr("app.batch_import.merge_verified", merge_verified)
    sent = a_batch(budi, tmp_path, records=2, seed=5)[1]
    server = _District(tmp_path / "district.db")
    try:
        verified = server.verify(sent)
        revoke_device(district, device_of(budi), "staf")
        with pytest.raises(BatchRejected) as refused:
            server.merge(verified)
    finally:
        server.close()
    assert refused.value.code == "unknown_device" and imported(district) == 0
    fill_demo(ani, 2, seed=6, today=date(2026, 11, 27))
    export_batch(ani, usb)
    assert import_batches(district, [usb], actor="staf").batches_imported == 1
    assert merged_by == [ACTOR, "staf"]
