"""The sync endpoint under abuse (issue 18): a flood of connections that never finish their
headers must not lock enrolled devices out, and nothing a request carries can forge a line
of the log."""

from __future__ import annotations

import re
import socket
import time
from urllib.parse import quote

import httpx

from tests.httpsync.server_process import ServerProcess
from tests.httpsync.test_server import device_of, signed

#: Small limits, so that the flood is a few dozen sockets and the test a few seconds.
LIMITS = {"header_timeout": 1.0, "max_connections_per_ip": 5, "limit_concurrency": 20}
#: Where each line of the server's log starts (logging's asctime).
STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ")


def closed_by_server(conn: socket.socket, deadline: float) -> bool:
    """Whether the server closes ``conn`` (recv sees the end) before ``deadline``."""
    conn.settimeout(max(0.01, deadline - time.monotonic()))
    try:
        while conn.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def test_a_slow_header_flood_does_not_lock_out_an_enrolled_device(sites, tmp_path):
    _, officers, _ = sites
    budi = officers["budi"]
    server = ServerProcess(tmp_path / "district.db", options=LIMITS).start()
    flood: list[socket.socket] = []
    try:
        # 30 sockets from three addresses (all loopback on Linux): more than
        # limit_concurrency, each sending the start of a request and never its end.
        for source in ("127.0.0.2", "127.0.0.3", "127.0.0.4"):
            for _ in range(10):
                conn = socket.socket()
                conn.bind((source, 0))
                conn.connect(("127.0.0.1", server.port))
                conn.sendall(b"GET /v1/health HTTP/1.1\r\nHost: district\r\nX-Slow: ")
                flood.append(conn)
        time.sleep(0.3)  # the server has accepted them
        started = time.monotonic()
        path = f"/v1/devices/{device_of(budi)}/status"
        answer = httpx.get(server.url + path, headers=signed(budi, "GET", path), timeout=5)
        assert answer.status_code == 200, answer.text
        assert answer.json()["device_id"] == device_of(budi)
        # Past the header timeout the server has closed every one of them.
        deadline = started + LIMITS["header_timeout"] + 3
        assert all(closed_by_server(conn, deadline) for conn in flood)
        assert time.monotonic() - started < LIMITS["header_timeout"] + 3
    finally:
        for conn in flood:
            conn.close()
        server.stop()


def test_a_connection_that_finishes_its_headers_in_time_is_answered(sites, tmp_path):
    server = ServerProcess(tmp_path / "district.db", options={**LIMITS, "header_timeout": 2.0})
    server.start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as conn:
            for part in (b"GET /v1/health HTTP/1.1\r\n", b"Host: district\r\n", b"\r\n"):
                conn.sendall(part)
                time.sleep(0.5)  # the last part after 1 s, within the 2 s
            answer = conn.recv(4096)
            assert answer.startswith(b"HTTP/1.1 200")
            # The same connection, kept alive: the next request's headers have their own 2 s.
            conn.sendall(b"GET /v1/health HTTP/1.1\r\n")
            time.sleep(1.5)
            conn.sendall(b"Host: district\r\n\r\n")
            assert conn.recv(4096).startswith(b"HTTP/1.1 200")
            conn.sendall(b"GET /v1/health HTTP/1.1\r\n")  # and never the rest
            assert closed_by_server(conn, time.monotonic() + 4)
    finally:
        server.stop()


def test_control_characters_in_a_request_cannot_forge_a_log_line(sites, district_server):
    forged = "2026-01-01 00:00:00,000 jaring.access PUT /v1/batches/forged 201 in=1 1ms"
    path = "/v1/nothing%0A" + quote(forged) + "%0D%0A%E2%80%A8%C2%85%1B[31m"
    with socket.create_connection(("127.0.0.1", district_server.port), timeout=5) as conn:
        conn.sendall(f"GET {path}?q=%0Ax HTTP/1.1\r\nHost: d\r\n\r\n".encode("ascii"))
        assert conn.recv(4096).startswith(b"HTTP/1.1 404")
    deadline = time.monotonic() + 5  # the line is written once the answer has left
    while "/v1/nothing" not in (log := district_server.access_log()):
        assert time.monotonic() < deadline, log
        time.sleep(0.05)
    lines = log.splitlines()  # also splits at \r, \x85, \u2028 and the other line ends
    assert not any(line.startswith("2026-01-01") for line in lines)
    (logged,) = [line for line in lines if "/v1/nothing" in line]
    assert STAMP.match(logged) and "\\n2026-01-01" in logged and "\\x1b" in logged
