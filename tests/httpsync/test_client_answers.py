"""The officer's sync against a stand-in district (httpx's MockTransport): each way the
district refuses has its own code, and a receipt that fails is not a batch that failed."""

import time

import httpx
import pytest

from exchange.outgoing import export_batch
from httpsync.client import SyncError, sync
from models.batches import batch_history
from models.status_updates import outgoing_batches
from tests.httpsync.officers import QUICK, ready


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
