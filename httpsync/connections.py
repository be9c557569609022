"""Connections to the sync endpoint, guarded: a deadline for a request's headers and a cap
on the connections from one address.

uvicorn has no timeout for reading a request's headers, and counts a connection that never
finishes them against ``limit_concurrency`` all the same: 520 sockets sending a header a
byte at a time (or nothing) made it answer 503 to every client, enrolled devices included.
`guarded_protocol` makes uvicorn's HTTP protocol (h11, the only one Jaring installs) close
a connection whose headers are not complete ``header_timeout`` seconds after it opened, or
after the first byte of its next request on a kept-alive connection, and refuse at once
(503) a connection beyond ``max_per_address`` from one address. A body that stalls is the
endpoint's to cut off (`httpsync.server`, 408); an idle kept-alive connection uvicorn's.

This reaches into uvicorn's protocol class (``uvicorn==0.54.0`` is pinned); the test of the
flood (tests/httpsync/test_server_hostile.py) says when an upgrade breaks it.
"""

from __future__ import annotations

import asyncio
from collections import Counter

from uvicorn.protocols.http.h11_impl import H11Protocol

_BUSY_BODY = b'{"error": "busy", "message": "too many connections from this address; try again"}'
#: What a connection beyond the cap gets before it is closed.
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
    b"retry-after: 2\r\nconnection: close\r\ncontent-length: %d\r\n\r\n%s"
) % (len(_BUSY_BODY), _BUSY_BODY)


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a header deadline and a cap per address (set on the
    subclass `guarded_protocol` makes)."""

    header_timeout: float = 10.0
    max_per_address: int = 50
    #: Open connections per client address, shared by every connection of the server.
    open_per_address: Counter

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        # The request whose answer was sent last; headers are awaited while it is current.
        self._answered = None
        self._address = self.client[0] if self.client else ""
        self._counted = self.open_per_address[self._address] < self.max_per_address
        if not self._counted:
            transport.write(_BUSY)
            transport.close()
            return
        self.open_per_address[self._address] += 1
        self._await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_header_timer()
        if self._counted:
            self._counted = False
            self.open_per_address[self._address] -= 1
            if self.open_per_address[self._address] <= 0:
                del self.open_per_address[self._address]
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._header_timer is None and self._waiting_for_headers():
            self._await_headers()  # the first byte of the next request on a kept-alive one
        super().data_received(data)
        if not self._waiting_for_headers():
            self._stop_header_timer()

    def on_response_complete(self) -> None:
        self._answered = self.cycle  # before uvicorn reads on: a next request makes a new one
        super().on_response_complete()

    def _waiting_for_headers(self) -> bool:
        return self.cycle is self._answered

    def _await_headers(self) -> None:
        self._stop_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_late)

    def _stop_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        if self._waiting_for_headers() and not self.transport.is_closing():
            self.transport.close()


def guarded_protocol(header_timeout: float, max_per_address: int) -> type[GuardedH11Protocol]:
    """The protocol class to give uvicorn (``Config(http=...)``) for one server."""
    if header_timeout <= 0 or max_per_address < 1:
        raise ValueError("header_timeout must be above 0 and max_per_address at least 1")
    return type(
        "JaringH11Protocol",
        (GuardedH11Protocol,),
        {
            "header_timeout": header_timeout,
            "max_per_address": max_per_address,
            "open_per_address": Counter(),
        },
    )
