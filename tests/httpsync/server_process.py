"""A real sync server for the tests: ``httpsync.server.serve`` under uvicorn in a child process on
a free loopback port, so a test can kill it mid-request and start it again."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerProcess:
    """``start()`` runs the server and waits until /v1/health answers; ``kill()`` ends it
    at once (SIGKILL: no graceful shutdown, like a power cut)."""

    def __init__(
        self, db_path: Path | str, port: int | None = None, max_body_bytes: int = 0,
        tls: tuple[Path, Path] | None = None, options: dict | None = None,
    ):  # fmt: skip
        self.db_path = str(db_path)
        self.options = options or {}  # more keyword arguments of `serve`
        self.tls = tls  # (certificate, key) PEM files
        self.port = port or free_port()
        self.max_body_bytes = max_body_bytes
        self.process: subprocess.Popen | None = None
        self.log = Path(self.db_path).with_name(f"server-{self.port}.log")

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        limit = f", max_body_bytes={self.max_body_bytes}" if self.max_body_bytes else ""
        if self.tls:
            limit += f", certfile={str(self.tls[0])!r}, keyfile={str(self.tls[1])!r}"
        limit += "".join(f", {name}={value!r}" for name, value in self.options.items())
        code = (
            "from httpsync.server import serve; "
            f"serve({self.db_path!r}, '127.0.0.1', {self.port}{limit})"
        )
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", code], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                answer = httpx.get(f"{self.url}/v1/health", timeout=1, verify=False)
                if answer.status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("the server did not start in 20 s")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def access_log(self) -> str:
        return self.log.read_text(errors="replace")
