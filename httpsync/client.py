"""The officer's side of HTTP sync (``python main.py sync --url URL``, and "Kirim ke
kabupaten" in the app).

`sync` does, in order:

1. packs the registrations waiting to leave into the next batch, exactly as an export to a
   USB stick does, but in memory (`exchange.outgoing.pack_next_batch`): its bytes go to the
   batch history, from where they are pushed; no file is written;
2. asks the district which of this device's batches it holds
   (``GET /v1/devices/{id}/status``), so a batch acknowledged once but missing there (a
   district database restored from a backup) is sent again;
3. pushes every batch not yet acknowledged, in seq order (``PUT /v1/batches/{batch_id}``),
   verifies each receipt with the district key of this device's profile, stores it, marks
   the batch acknowledged and what it carried ``received`` — one transaction per batch;
4. pulls the status updates after its stored cursor and applies them (KPJ numbers,
   rejections with their reasons), verifying their signature the same way.

Network errors, 5xx, 408 and 429 are retried with exponential backoff and full jitter; any
other 4xx is the district's verdict on that batch (reported, the next batch goes on). Each
step commits on its own, so an interruption at any point — cable pulled, laptop shut,
server killed mid-upload — loses nothing: the next run sends again what has no receipt yet,
and the district answers a batch it already holds with the same receipt.

Requests are signed with the device's key (`httpsync.protocol.request_text`); a laptop clock that
is off is corrected from the server's answer.

The server's answers are not trusted to be well-formed: each is read as it arrives and
refused past `MAX_ANSWER_BYTES`, JSON that cannot be parsed (nested past Python's recursion
limit too) and a status with numbers of the wrong type or beyond SQLite's integers are
``bad_answer``, before anything in the database changes.
"""

from __future__ import annotations

import base64
import random
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
from sqlite_utils import Database

from exchange import keys
from exchange.enrolment import own_signing_key
from exchange.outgoing import pack_next_batch
from exchange.receipts import ReceiptError
from exchange.signed_updates import apply_updates, check_batch_receipt
from httpsync.protocol import API, DEVICE_HEADER, SIGNATURE_HEADER, TIME_HEADER, request_text
from models import fault_points, status_updates
from models.formatting import thousands
from models.identity import load_identity, require_role
from models.status_updates import OutgoingBatch

CHUNK_BYTES = 64 * 1024
_RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
#: The most bytes an answer of the district may have: a page of status updates (2,000
#: changes of a few hundred bytes) is well below; a status or a receipt is a few kB.
MAX_ANSWER_BYTES = 16 * 1024 * 1024
#: Batch numbers as SQLite stores them, and how many a status may say are missing.
_MAX_SEQ = 2**63 - 1
_MAX_MISSING = 100_000
#: Answers that are not JSON (`_parsed`).
_NOT_JSON = object()


class SyncError(Exception):
    """Sync stopped; ``code`` is stable, ``result`` what was done before it stopped.

    - ``unreachable``: no answer, or only 5xx/408/429, after the last attempt;
    - ``cancelled``: the user stopped it;
    - ``device_refused``: the district does not know this device, or revoked it (403);
    - ``clock_skew``: the district still finds the clock off after correcting it once;
    - ``server_refused``: any other 4xx; ``server_code`` is the district's ``error``;
    - ``bad_answer``: an answer that is not what the API promises (not JSON, another
      status, updates that do not verify).
    """

    def __init__(
        self, code: str, message: str, result: SyncResult | None = None, *,
        server_code: str = "",
    ):  # fmt: skip
        super().__init__(message)
        self.code = code
        self.server_code = server_code
        self.result = result


@dataclass
class SyncResult:
    """What one sync did (``sync --json`` prints `as_json`)."""

    exported_seq: int | None = None
    batches_sent: int = 0
    batches_already_there: int = 0
    batches_failed: int = 0
    updates_applied: int = 0
    received: list[int] = field(default_factory=list)  # seq acknowledged by this sync
    # seq, status, stage ("upload": the district refused the batch; "receipt": its receipt
    # did not verify here), code (the district's, or a `ReceiptError`'s), message
    failures: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "batches_sent": self.batches_sent,
            "batches_already_there": self.batches_already_there,
            "batches_failed": self.batches_failed,
            "updates_applied": self.updates_applied,
            "exported_seq": self.exported_seq,
            "acknowledged": self.received,
            "failures": self.failures,
        }


@dataclass
class Backoff:
    """Exponential backoff with full jitter: attempt n waits up to base * 2**n seconds."""

    attempts: int = 6
    base: float = 0.5
    cap: float = 30.0

    def delay(self, attempt: int) -> float:
        return random.uniform(0, min(self.cap, self.base * 2**attempt))


class _Channel:
    """Signed requests to the district, retried; a cancel is honoured between chunks."""

    def __init__(self, db, url, *, backoff, timeout, verify, transport, cancelled, sleep):
        identity = load_identity(db)
        self.max_answer_bytes = MAX_ANSWER_BYTES
        self.device_id = identity.device_id
        self.key = own_signing_key(db)
        self.backoff = backoff
        self.cancelled = cancelled or (lambda: False)
        self.sleep = sleep
        self.clock_offset = 0
        self.client = httpx.Client(
            base_url=url.rstrip("/"),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            verify=ssl.create_default_context(cafile=verify) if isinstance(verify, str) else verify,
            transport=transport,
            # Uncompressed answers: what is counted against the cap is what arrives.
            headers={"User-Agent": "Jaring", "Accept-Encoding": "identity"},
        )

    def close(self) -> None:
        self.client.close()

    def _headers(self, method: str, path: str, query: str) -> dict:
        stamp = str(int(time.time()) + self.clock_offset)
        text = request_text(method, path, query, stamp, self.device_id)
        return {
            DEVICE_HEADER: self.device_id,
            TIME_HEADER: stamp,
            SIGNATURE_HEADER: base64.b64encode(keys.sign(self.key, text)).decode("ascii"),
        }

    def check_cancel(self) -> None:
        if self.cancelled():
            raise SyncError("cancelled", "sync cancelled")

    def _wait(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.check_cancel()
            self.sleep(min(left, 0.2))

    def request(
        self, method: str, path: str, *, query: str = "", body: bytes | None = None,
        sent: Callable[[int, int], None] | None = None,
    ) -> httpx.Response:  # fmt: skip
        """The district's answer (any status but the retried ones); raises `SyncError`
        ``unreachable`` after the last attempt."""
        skew_fixed = False
        attempt = 0
        while True:
            self.check_cancel()
            headers = self._headers(method, path, query)
            content = None
            if body is not None:
                headers["Content-Length"] = str(len(body))
                headers["Content-Type"] = "application/octet-stream"
                content = self._chunks(body, sent)
            url = f"{path}?{query}" if query else path
            try:
                response = self._send(method, url, content, headers)
            except httpx.TransportError as exc:
                problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            else:
                if (
                    response.status_code == 401
                    and not skew_fixed
                    and _code(response) == ("clock_skew")
                ):
                    answer = _parsed(response)
                    server_time = answer.get("server_time") if isinstance(answer, dict) else None
                    if type(server_time) is int and 0 < server_time < 2**40:
                        self.clock_offset = server_time - int(time.time())
                        skew_fixed = True
                        continue
                if response.status_code not in _RETRY_STATUS:
                    return response
                problem = f"HTTP {response.status_code}"
            attempt += 1
            if attempt >= self.backoff.attempts:
                raise SyncError(
                    "unreachable",
                    f"the district server cannot be reached ({problem}) after {attempt} attempts",
                )
            self._wait(self.backoff.delay(attempt - 1))

    def _send(self, method: str, url: str, content, headers: dict) -> httpx.Response:
        """The answer, read as it arrives; `SyncError` ``bad_answer`` as soon as it is
        larger than ``max_answer_bytes`` (a 200 MB answer took the client to 638 MB)."""
        request = self.client.build_request(method, url, content=content, headers=headers)
        response = self.client.send(request, stream=True)
        try:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_answer_bytes:
                raise self._too_large()
            body = bytearray()
            for chunk in response.iter_bytes():
                self.check_cancel()
                body += chunk
                if len(body) > self.max_answer_bytes:
                    raise self._too_large()
        except httpx.DecodingError:
            raise SyncError("bad_answer", "jawaban server kabupaten rusak") from None
        finally:
            response.close()
        # The body is decoded already: the headers that described its transfer go.
        kept = [
            (name, value) for name, value in response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]  # fmt: skip
        return httpx.Response(
            response.status_code, headers=kept, content=bytes(body), request=request
        )

    def _too_large(self) -> SyncError:
        return SyncError(
            "bad_answer",
            f"jawaban server kabupaten lebih dari {thousands(self.max_answer_bytes)} byte;"
            " tidak dibaca (bukan jawaban server Jaring)",
        )

    def _chunks(self, body: bytes, sent) -> Iterator[bytes]:
        for start in range(0, len(body), CHUNK_BYTES):
            self.check_cancel()
            yield body[start : start + CHUNK_BYTES]
            if sent:
                sent(min(start + CHUNK_BYTES, len(body)), len(body))


def _parsed(response: httpx.Response) -> object:
    """The answer's JSON, or `_NOT_JSON` (JSON nested past Python's recursion limit is
    not an answer either)."""
    try:
        return response.json()
    except (ValueError, RecursionError):
        return _NOT_JSON


def _code(response: httpx.Response) -> str:
    answer = _parsed(response)
    return str(answer.get("error", ""))[:100] if isinstance(answer, dict) else ""


def _message(response: httpx.Response) -> str:
    answer = _parsed(response)
    if isinstance(answer, dict):
        return str(answer.get("message", ""))[:300]
    return response.text[:300]


def _refusal(response: httpx.Response, what: str) -> SyncError:
    """Why the district did not answer ``what`` with 200, as a `SyncError`."""
    status, code, message = response.status_code, _code(response), _message(response)
    if status == 403 and code in ("unknown_device", "revoked"):
        return SyncError(
            "device_refused",
            f"the district does not know this device or revoked it: {message}",
            server_code=code,
        )
    if status == 401 and code == "clock_skew":
        return SyncError(
            "clock_skew", f"the district finds this laptop's clock off: {message}", server_code=code
        )
    if 400 <= status < 500:
        return SyncError(
            "server_refused",
            f"the district refused {what} (HTTP {status} {code or '-'}): {message}",
            server_code=code,
        )
    return SyncError("bad_answer", f"the district server answered {what} with HTTP {status}")


def _json(response: httpx.Response) -> object:
    answer = _parsed(response)
    if answer is _NOT_JSON:
        raise SyncError("bad_answer", "the district server's answer is not JSON")
    return answer


def _is_seq(value: object, lowest: int) -> bool:
    return type(value) is int and lowest <= value <= _MAX_SEQ


def _status(document: object) -> tuple[set[int], int]:
    """The batch numbers the district lacks and the last it holds, from its status answer;
    `SyncError` ``bad_answer`` for anything but whole numbers SQLite can store."""
    if isinstance(document, dict):
        last, missing = document.get("last_seq"), document.get("missing_seqs")
        if (
            _is_seq(last, 0)
            and isinstance(missing, list)
            and len(missing) <= _MAX_MISSING
            and all(_is_seq(seq, 1) for seq in missing)
        ):
            return set(missing), last
    raise SyncError(
        "bad_answer",
        "jawaban status server kabupaten tidak sesuai: last_seq dan missing_seqs harus"
        " nomor batch (bilangan bulat 0 sampai 2^63-1)",
    )


def sync(
    db: Database,
    url: str,
    *,
    actor: str = "",
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    export_first: bool = True,
    backoff: Backoff | None = None,
    timeout: float = 60.0,
    verify: bool | str = True,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    upload_progress: Callable[[int, int, int], None] | None = None,
) -> SyncResult:
    """Push this device's batches to the district at ``url`` and pull its status updates
    (see the module's description). ``progress(done, total, text)`` reports batches;
    ``upload_progress(seq, sent, size)`` bytes of the batch on its way; ``verify`` is
    httpx's (a CA bundle path for a district certificate of its own); an answer larger than
    `MAX_ANSWER_BYTES` is ``bad_answer``. Raises `SyncError`,
    whose ``result`` says what was done before it stopped."""
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"{url!r} is not an http:// or https:// address")
    identity = require_role(db, "officer", "only an officer's device syncs; run officer-init")
    actor = actor or identity.name
    result = SyncResult()
    channel = _Channel(
        db, url, backoff=backoff or Backoff(), timeout=timeout, verify=verify,
        transport=transport, cancelled=cancelled, sleep=sleep,
    )  # fmt: skip
    try:
        if export_first:
            packed = pack_next_batch(db)
            result.exported_seq = packed.seq if packed else None
            fault_points.reach("sync.packed")
        _push(db, channel, identity.device_id, actor, result, progress, upload_progress)
        _pull(db, channel, identity.device_id, actor, result)
    except SyncError as exc:
        exc.result = result
        raise
    finally:
        channel.close()
    return result


def _push(db, channel: _Channel, device_id: str, actor: str, result: SyncResult,
          progress, upload_progress) -> None:  # fmt: skip
    response = channel.request("GET", f"/{API}/devices/{device_id}/status")
    if response.status_code != 200:
        raise _refusal(response, "the status request")
    missing, last = _status(_json(response))
    outgoing = status_updates.outgoing_batches(db, missing, last)
    for number, batch in enumerate(outgoing):
        if progress:
            progress(number, len(outgoing), str(batch.seq))
        _push_one(db, channel, batch, actor, result, upload_progress)
    if progress:
        progress(len(outgoing), len(outgoing), "")


def _push_one(db, channel: _Channel, batch: OutgoingBatch, actor: str, result: SyncResult,
              upload_progress) -> None:  # fmt: skip
    sent = (lambda done, size: upload_progress(batch.seq, done, size)) if upload_progress else None
    response = channel.request(
        "PUT", f"/{API}/batches/{batch.batch_id}", body=batch.content, sent=sent
    )
    if response.status_code not in (200, 201):
        result.batches_failed += 1
        result.failures.append({
            "seq": batch.seq, "status": response.status_code, "stage": "upload",
            "code": _code(response) or "http_error", "message": _message(response),
        })  # fmt: skip
        return
    document = _json(response)
    fault_points.reach("sync.answered")
    try:
        entry = check_batch_receipt(db, document, batch)
    except ReceiptError as exc:
        result.batches_failed += 1
        # Not the batch but its receipt failed: the batch stays unacknowledged, sent again.
        result.failures.append({"seq": batch.seq, "status": response.status_code,
                                "stage": "receipt", "code": exc.code,
                                "message": str(exc)})  # fmt: skip
        return
    status_updates.store_receipt(db, entry, document, actor)
    fault_points.reach("sync.acknowledged")
    result.received.append(batch.seq)
    if response.status_code == 201:
        result.batches_sent += 1
    else:
        result.batches_already_there += 1


def _pull(db, channel: _Channel, device_id: str, actor: str, result: SyncResult) -> None:
    while True:
        since = status_updates.updates_cursor(db)
        response = channel.request(
            "GET", f"/{API}/devices/{device_id}/updates", query=f"since={since}"
        )
        if response.status_code != 200:
            raise _refusal(response, "the updates request")
        document = _json(response)
        fault_points.reach("sync.updates_read")
        try:
            applied = apply_updates(db, document, actor)
        except ReceiptError as exc:
            raise SyncError("bad_answer", f"the district's updates were not used: {exc}") from exc
        fault_points.reach("sync.updates_applied")
        result.updates_applied += applied.applied
        body = document["updates"]
        if not body["more"] or body["cursor"] <= since:
            return
