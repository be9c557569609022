"""A hostile or broken district server must not crash `sync` (issue 18): numbers beyond
SQLite's, JSON nested past Python's recursion limit, answers of hundreds of megabytes. Each
is a clear `SyncError` ``bad_answer`` and the officer's database is as it was."""

from __future__ import annotations

import json

import httpx
import pytest

from exchange.outgoing import export_batch
from httpsync import client
from httpsync.client import SyncError, sync
from tests.httpsync.officers import QUICK, ready

DEEP = "[" * 100_000 + "]" * 100_000


def device_of(db) -> str:
    return db.execute("SELECT device_id FROM identity").fetchone()[0]


def everything(db) -> dict:
    """Every row of every table: what "nothing changed" compares."""
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {table: db.execute(f'SELECT * FROM "{table}"').fetchall() for table in tables}


def answering(routes: dict) -> httpx.MockTransport:
    """``routes``: a part of the path -> an `httpx.Response` (or a function making one)."""

    def handle(request: httpx.Request) -> httpx.Response:
        for part, answer in routes.items():
            if part in request.url.path:
                return answer() if callable(answer) else answer
        return httpx.Response(404, json={"error": "http_error", "message": "Not Found"})

    return httpx.MockTransport(handle)


@pytest.fixture
def budi(sites):
    _, officers, usb = sites
    db = officers["budi"]
    ready(db, 3, seed=31)
    export_batch(db, usb)
    return db


def status(db, **fields) -> httpx.Response:
    answer = {"device_id": device_of(db), "last_seq": 0, "missing_seqs": [], "batches": 0}
    return httpx.Response(200, json={**answer, **fields})


def refused(db, routes: dict) -> SyncError:
    before = everything(db)
    with pytest.raises(SyncError) as stopped:
        sync(db, "http://district.test", backoff=QUICK, export_first=False,
             transport=answering(routes))  # fmt: skip
    assert everything(db) == before
    return stopped.value


@pytest.mark.parametrize(
    "fields",
    [
        {"last_seq": 99999999999999999999},
        {"last_seq": -1},
        {"last_seq": "3"},
        {"last_seq": True},
        {"last_seq": 1.5},
        {"missing_seqs": [99999999999999999999]},
        {"missing_seqs": [{"seq": 1}]},
        {"missing_seqs": "123"},
        {"missing_seqs": [0]},
        {"missing_seqs": list(range(1, 200_002))},
    ],
)
def test_a_status_with_numbers_out_of_range_or_of_the_wrong_type(budi, fields):
    stopped = refused(budi, {"/status": status(budi, **fields)})
    assert stopped.code == "bad_answer"


def test_a_status_that_is_not_an_object(budi):
    stopped = refused(budi, {"/status": httpx.Response(200, json=[1, 2, 3])})
    assert stopped.code == "bad_answer"


@pytest.mark.parametrize("where", ["/status", "/batches/", "/updates"])
def test_json_nested_past_the_recursion_limit(budi, where):
    deep = httpx.Response(201, text=DEEP, headers={"content-type": "application/json"})
    refusal = httpx.Response(409, json={"error": "seq_reused", "message": "x"})
    routes = {"/status": status(budi), "/batches/": refusal, "/updates": deep}
    routes[where] = deep
    stopped = refused(budi, routes)
    assert stopped.code == "bad_answer"


def test_json_nested_past_the_recursion_limit_in_a_refusal(budi):
    deep = httpx.Response(403, text=DEEP, headers={"content-type": "application/json"})
    stopped = refused(budi, {"/status": deep})
    assert stopped.code in ("bad_answer", "server_refused")


def test_an_answer_larger_than_the_cap_is_not_read_to_its_end(budi, monkeypatch):
    """A 200 MB answer took the client to 638 MB: the answer is read as it arrives and the
    reading stops past the cap (a small cap and 20 MB stand for the large ones)."""
    sent = []

    def endless() -> httpx.Response:
        def chunks():
            for _ in range(320):  # 20 MB in 64 kB chunks
                sent.append(1)
                yield b" " * 65_536

        return httpx.Response(200, content=chunks(), headers={"content-type": "application/json"})

    monkeypatch.setattr(client, "MAX_ANSWER_BYTES", 1_000_000)
    for where in ("/status", "/updates"):
        sent.clear()
        routes = {"/status": status(budi, last_seq=1), "/updates": httpx.Response(200, json={})}
        routes[where] = endless
        stopped = refused(budi, routes)
        assert stopped.code == "bad_answer" and "1.000.000" in str(stopped)
        assert len(sent) <= 1_000_000 // 65_536 + 2


def test_the_default_cap_takes_a_full_page_of_updates():
    # make_updates pages 2,000 changes; each is a few hundred bytes
    assert client.MAX_ANSWER_BYTES >= 2_000 * 4_096


def test_a_good_status_still_syncs(budi):
    """The checks refuse nothing a real district sends: a number in range is used."""
    routes = {
        "/status": status(budi, last_seq=1, missing_seqs=[1]),
        "/updates": httpx.Response(400, json={"error": "bad_request", "message": "x"}),
    }
    routes["/batches/"] = httpx.Response(409, json={"error": "seq_reused", "message": "x"})
    with pytest.raises(SyncError) as stopped:
        sync(budi, "http://district.test", backoff=QUICK, export_first=False,
             transport=answering(routes))  # fmt: skip
    assert stopped.value.code == "server_refused"
    assert [f["code"] for f in stopped.value.result.failures] == ["seq_reused"]
    json.dumps(stopped.value.result.as_json())
