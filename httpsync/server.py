"""The district's sync endpoint: officers' laptops push batches and pull status updates over
HTTP (``python main.py serve``).

A Starlette application under uvicorn. Nothing is trusted because of the transport: a batch
pushed here goes through the very checks of a USB import (`exchange.batch_file.read_batch`:
known device, signature, hashes, decryption, records) and the same merge
(`exchange.incoming.merge_verified`, all or nothing, idempotent by batch id).

Endpoints (all answers are JSON; errors are ``{"error": code, "message": text}``):

- ``PUT /v1/batches/{batch_id}``, body: the batch file. 201 with the signed receipt
  (`exchange.signed_updates.batch_receipt`) when merged now, 200 with the *same* receipt when it was
  already there; 4xx with the reason when refused (nothing merged).
- ``GET /v1/devices/{device_id}/status``: the last batch number received and the missing
  ones, so the device knows what to send again.
- ``GET /v1/devices/{device_id}/updates?since=N``: signed status updates after position N.
- ``GET /v1/health``.

Device requests carry ``X-Jaring-Device``, ``X-Jaring-Time`` (Unix seconds) and
``X-Jaring-Signature``: the device's Ed25519 signature (base64) of `request_text`. They are
checked against the trust store **before** any body is read: unknown or revoked devices get
403, a bad signature 401, a clock too far off 401 ``clock_skew`` with the server's time (the
client corrects and retries). A body is refused with 413 when its Content-Length or what
actually arrives exceeds the limit, with 408 when it stalls. A device reads only its own
status and updates.

Threads: each request's database work runs on a worker thread with a connection of that
thread's own; verifying batches (decryption, hashing) runs in parallel, while merges go one
at a time through a single merge thread (SQLite has one writer) that keeps the
likely-duplicate index between batches. The access log (logger ``jaring.access``) has the
method, path, status, size and time: batch and device ids, never a name, a NIK or an IP.
Every line logged has its control characters escaped (`EscapedControls`): a ``%0A`` in a
path wrote a forged line into the log.

Connections (`httpsync.connections`): a request's headers must be complete within
``header_timeout`` seconds, and one address may hold ``max_connections_per_ip`` connections;
without them a flood of connections that never finish their headers filled uvicorn's
``limit_concurrency`` and every device got 503.

Where it may listen: the request signature covers neither the body nor a nonce, so a request
seen on the wire can be replayed within the clock window (`CLOCK_WINDOW_SECONDS`). That
reaches little — a batch body is signed on its own and merges once, and a device reads only
its own status and updates — but on a network beyond the district office the endpoint belongs
behind TLS, and a flood from many addresses still needs a reverse proxy in front.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import functools
import logging
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from exchange import keys
from exchange.batch_file import MAX_FILE_BYTES, BatchRejected, batch_file_name, read_batch
from exchange.enrolment import own_age_identity
from exchange.incoming import merge_verified
from exchange.signed_updates import batch_receipt, make_updates
from httpsync.listening import check_can_serve
from httpsync.protocol import API, DEVICE_HEADER, SIGNATURE_HEADER, TIME_HEADER, request_text
from models import fault_points, merge, status_updates
from models.db import data_version, open_database
from models.duplicates import LikelyDuplicates
from models.identity import require_role, trusted_key
from models.sqlite_driver import sqlite

#: How far a device's clock may be from the server's (village laptops drift; the client
#: corrects itself from the answer).
CLOCK_WINDOW_SECONDS = 600
#: A body that sends nothing for this long is cut off.
BODY_IDLE_SECONDS = 30.0
ACTOR = "sync server"
#: ``since`` of the updates: a position in the audit log, at most 18 digits (SQLite's
#: integers end at 2**63 - 1).
_SINCE = re.compile(r"[0-9]{1,18}")


def escaped(text: str) -> str:
    """``text`` with every character that is not printable (line ends of any kind, the
    terminal's escape, the direction marks) written as its escape: ``\\n``, ``\\x1b``."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


class EscapedControls(logging.Filter):
    """A log record's message with its control characters escaped, so that what a request
    carries (its path is decoded: ``%0A`` is a line end) cannot start a line of its own; a
    traceback keeps its lines, each of them indented under the record's."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg, record.args = escaped(message), None
        if record.exc_info and not record.exc_text:
            trace = logging.Formatter().formatException(record.exc_info)
            record.exc_text = "\n".join("    | " + escaped(line) for line in trace.split("\n"))
        return True


access_log = logging.getLogger("jaring.access")
access_log.addFilter(EscapedControls())

#: HTTP status for each way `read_batch` or the merge refuses a batch.
_REJECTION_STATUS = {
    "unknown_device": 403,
    "too_large": 413,
    "seq_reused": 409,
    "batch_id_reused": 409,
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **extra):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


def _error(status: int, code: str, message: str, **extra) -> JSONResponse:
    headers = {"Retry-After": "2"} if status == 503 else None
    return JSONResponse({"error": code, "message": message, **extra}, status, headers=headers)


class _District:
    """The district database as the server uses it: a connection per thread, the age
    identity loaded once, and the one merge thread."""

    def __init__(self, db_path: Path | str):
        self.db_path = str(db_path)
        self._local = threading.local()
        self._connections: list = []
        self._lock = threading.Lock()
        db = self.connection()
        identity = require_role(
            db, "district", f"{db_path} is not a district database (run district-init)",
            error=lambda code, message: ValueError(message),
        )  # fmt: skip
        self.name = identity.name
        self.age_identity = own_age_identity(db)
        self._merger = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jaring-merge")
        self._duplicates = LikelyDuplicates()
        self._data_version: int | None = None

    def connection(self):
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = open_database(self.db_path)
            with self._lock:
                self._connections.append(db)
        return db

    def close(self) -> None:
        self._merger.shutdown(wait=True)
        for db in self._connections:
            # A connection belongs to its thread; SQLite closes the others with the process.
            with contextlib.suppress(sqlite.ProgrammingError):
                db.close()

    # --- run on worker threads -------------------------------------------------------

    def device_key(self, device_id: str) -> str | None:
        return trusted_key(self.connection(), device_id)

    def verify(self, data: bytes):
        db = self.connection()
        return read_batch(data, device_key=lambda d: trusted_key(db, d), identity=self.age_identity)

    def merge(self, verified) -> tuple[dict, bool]:
        """Merge on the merge thread; returns (receipt, merged now)."""
        fault_points.reach("serve.verified")  # nothing written yet
        return self._merger.submit(self._merge, verified).result()

    def _merge(self, verified) -> tuple[dict, bool]:
        db = self.connection()
        before = data_version(db)
        if before != self._data_version:
            self._duplicates.reset()  # another program wrote meanwhile: load it afresh
        # Kept as read *before* this merge: a commit by another program while it runs (which
        # the index does not follow) then differs at the next merge, and resets the index.
        self._data_version = before
        result = merge_verified(
            db, verified, file_name=batch_file_name(verified.device_id, verified.seq),
            actor=ACTOR, duplicates=self._duplicates,
        )  # fmt: skip
        receipt = batch_receipt(db, verified.batch_id)
        fault_points.reach("serve.merged")  # committed, not yet answered
        return receipt, not result.skipped


def _authenticate(district: _District, request: Request) -> str:
    """The device id of a signed request, checked before any body is read."""
    device_id = request.headers.get(DEVICE_HEADER, "")
    stamp = request.headers.get(TIME_HEADER, "")
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not device_id or not stamp or not signature:
        raise ApiError(401, "unauthenticated", "device headers missing")
    pem = district.device_key(device_id)
    if pem is None:
        raise ApiError(403, "unknown_device", "this device is not enrolled or was revoked")
    try:
        moment = int(stamp)
        raw = base64.b64decode(signature, validate=True)
    except (ValueError, binascii.Error):
        raise ApiError(401, "bad_request_signature", "malformed device headers") from None
    text = request_text(request.method, request.url.path, request.url.query, stamp, device_id)
    if not keys.verify(pem, text, raw):
        raise ApiError(401, "bad_request_signature", "the request is not signed by this device")
    if abs(time.time() - moment) > CLOCK_WINDOW_SECONDS:
        raise ApiError(401, "clock_skew", "the device's clock is off", server_time=int(time.time()))
    return device_id


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "bad_request", "Content-Length is not a number")
        if int(declared) > limit:
            raise ApiError(413, "too_large", f"a batch may not exceed {limit} bytes")
    chunks, size = [], 0
    stream = request.stream().__aiter__()
    while True:
        try:
            chunk = await asyncio.wait_for(stream.__anext__(), BODY_IDLE_SECONDS)
        except StopAsyncIteration:
            break
        except TimeoutError:
            raise ApiError(408, "timeout", "the batch stopped arriving") from None
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"a batch may not exceed {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _answering_errors(handler):
    """``handler`` (a `_SyncApi` method) with every refusal turned into its JSON answer."""

    @functools.wraps(handler)
    async def guarded(api: _SyncApi, request: Request) -> JSONResponse:
        try:
            return await handler(api, request)
        except ApiError as exc:
            return _error(exc.status, exc.code, exc.message, **exc.extra)
        except ClientDisconnect:
            # The device went away mid-upload: nothing was merged; it will send again.
            return _error(400, "disconnected", "the upload was cut off")
        except BatchRejected as exc:
            return _error(_REJECTION_STATUS.get(exc.code, 422), exc.code, exc.message)
        except merge.MalformedRecord as exc:
            return _error(422, "bad_records", str(exc))
        except merge.SeqReused as exc:
            return _error(409, "seq_reused", str(exc))
        except sqlite.OperationalError as exc:
            access_log.warning("database busy: %s", exc)
            return _error(503, "busy", "the district database is busy; try again")

    return guarded


async def _in_thread(fn, *args):
    return await anyio.to_thread.run_sync(fn, *args)


class _SyncApi:
    """The endpoints of one district database, one method each."""

    def __init__(self, district: _District, max_body_bytes: int):
        self.district = district
        self.max_body_bytes = max_body_bytes

    def routes(self) -> list[Route]:
        return [
            Route(f"/{API}/batches/{{batch_id}}", self.put_batch, methods=["PUT"]),
            Route(f"/{API}/devices/{{device_id}}/status", self.device_status, methods=["GET"]),
            Route(f"/{API}/devices/{{device_id}}/updates", self.device_updates, methods=["GET"]),
            Route(f"/{API}/health", self.health, methods=["GET"]),
        ]

    @contextlib.asynccontextmanager
    async def lifespan(self, app):
        yield
        self.district.close()

    async def _own_device(self, request: Request) -> None:
        """Authenticate the request; a device reads only its own status and updates."""
        device_id = await _in_thread(_authenticate, self.district, request)
        if request.path_params["device_id"] != device_id:
            raise ApiError(403, "other_device", "a device reads only its own status")

    @_answering_errors
    async def put_batch(self, request: Request) -> JSONResponse:
        device_id = await _in_thread(_authenticate, self.district, request)
        data = await _read_body(request, self.max_body_bytes)
        verified = await _in_thread(self.district.verify, data)
        if verified.device_id != device_id:
            raise ApiError(403, "other_device", "the batch was signed by another device")
        if verified.batch_id != request.path_params["batch_id"]:
            raise ApiError(400, "batch_id_mismatch", "the URL names another batch id")
        receipt, merged = await _in_thread(self.district.merge, verified)
        return JSONResponse(receipt, 201 if merged else 200)

    @_answering_errors
    async def device_status(self, request: Request) -> JSONResponse:
        await self._own_device(request)
        found = await _in_thread(
            lambda: status_updates.device_status(
                self.district.connection(), request.path_params["device_id"]
            )
        )
        return JSONResponse({
            "device_id": found.device_id, "last_seq": found.last_seq,
            "missing_seqs": found.missing_seqs, "batches": found.batches,
        })  # fmt: skip

    @_answering_errors
    async def device_updates(self, request: Request) -> JSONResponse:
        await self._own_device(request)
        since = request.query_params.get("since", "0")
        # ASCII digits only (str.isdigit takes "²"), and few enough for SQLite's integer.
        if not _SINCE.fullmatch(since):
            raise ApiError(400, "bad_request", "since must be a whole number of 1-18 digits")
        document = await _in_thread(
            lambda: make_updates(
                self.district.connection(), request.path_params["device_id"], int(since)
            )
        )
        return JSONResponse(document)

    async def health(self, request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "api": API, "district": self.district.name})


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    return _error(exc.status_code, "http_error", str(exc.detail))


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    access_log.exception("internal error on %s %s", request.method, request.url.path)
    return _error(500, "internal", "the server failed; see its log")


def create_app(db_path: Path | str, *, max_body_bytes: int = MAX_FILE_BYTES) -> Starlette:
    """The sync application for the district database at ``db_path``."""
    api = _SyncApi(_District(db_path), max_body_bytes)
    app = Starlette(
        routes=api.routes(),
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
        lifespan=api.lifespan,
    )
    return _AccessLog(app)


class _AccessLog:
    """ASGI middleware: one log line per request, without personal data."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        outcome = {"status": 0, "bytes": 0}

        async def receive_counted():
            message = await receive()
            if message["type"] == "http.request":
                outcome["bytes"] += len(message.get("body", b""))
            return message

        async def send_seen(message):
            if message["type"] == "http.response.start":
                outcome["status"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive_counted, send_seen)
        finally:
            query = scope.get("query_string", b"").decode("latin-1")
            access_log.info(
                "%s %s%s %s in=%d %.0fms", scope["method"], scope["path"],
                f"?{query}" if query else "", outcome["status"] or "-", outcome["bytes"],
                (time.perf_counter() - started) * 1000,
            )  # fmt: skip


def serve(
    db_path: Path | str,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    certfile: str | None = None,
    keyfile: str | None = None,
    max_body_bytes: int = MAX_FILE_BYTES,
    header_timeout: float = 10.0,
    max_connections_per_ip: int = 50,
    limit_concurrency: int = 500,
) -> None:
    """Run the sync endpoint until interrupted (TLS with ``certfile`` and ``keyfile``).
    `httpsync.listening.ServeError` first when it could not start (see `check_can_serve`).
    A request's headers must arrive within ``header_timeout`` seconds; one address holds
    at most ``max_connections_per_ip`` connections (`httpsync.connections`), the server
    ``limit_concurrency`` (then 503)."""
    import uvicorn

    from httpsync.connections import guarded_protocol

    check_can_serve(host, port, certfile=certfile, keyfile=keyfile)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    config = uvicorn.Config(
        create_app(db_path, max_body_bytes=max_body_bytes),
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        access_log=False,  # ours has no client addresses
        timeout_keep_alive=15,
        timeout_graceful_shutdown=10,
        limit_concurrency=limit_concurrency,
        http=guarded_protocol(header_timeout, max_connections_per_ip),
        h11_max_incomplete_event_size=16 * 1024,  # a request's headers (h11's default)
        log_level="info",
    )
    # uvicorn's loggers have handlers of their own (set up by Config): escape there too.
    for logger in (logging.getLogger(), logging.getLogger("uvicorn")):
        for handler in logger.handlers:
            handler.addFilter(EscapedControls())
    uvicorn.Server(config).run()
