"""Whether the sync endpoint can start where it was asked to listen: found before uvicorn is
asked, which would only log a port in use or an unreadable certificate, or fail with a
traceback. `httpsync.server.serve` checks first; the command line reports the one-line reason."""

from __future__ import annotations

import errno
import os
import socket


class ServeError(OSError):
    """Why the endpoint cannot start, in one line."""


def check_can_serve(
    host: str, port: int, *, certfile: str | None = None, keyfile: str | None = None
) -> None:
    """Raise `ServeError` with a one-line reason when `serve` could not start: a port out of
    range, a host that is no address of this computer, an address in use, a certificate or
    key that cannot be read. uvicorn would only log these, or fail with a traceback."""
    if bool(certfile) != bool(keyfile):
        raise ServeError("TLS needs both --certfile and --keyfile")
    for path, what in ((certfile, "TLS certificate"), (keyfile, "TLS key")):
        if path:
            _check_readable(path, what)
    if not 1 <= port <= 65535:
        raise ServeError(f"port {port} is not between 1 and 65535")
    _check_can_listen(host, port)


def _check_readable(path: str, what: str) -> None:
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise ServeError(f"{what} {path} cannot be read: {exc.strerror or exc}") from None


def _check_can_listen(host: str, port: int) -> None:
    """Bind (and close again) a socket to every address uvicorn will listen on."""
    try:
        addresses = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (OSError, UnicodeError) as exc:  # socket.gaierror is an OSError
        reason = getattr(exc, "strerror", None) or exc
        raise ServeError(
            f"cannot listen on {host!r}: no such address or host name ({reason})"
        ) from None
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            # As asyncio's create_server, under uvicorn: SO_REUSEADDR on POSIX only (on
            # Windows it would let the probe share a port that is in use).
            if os.name == "posix":
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6 and hasattr(socket, "IPV6_V6ONLY"):
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                raise ServeError(_bind_failure(host, port, exc)) from None


def _bind_failure(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"port {port} on {host} is already in use (is another server running?)"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host}: it is not an address of this computer"
    if isinstance(exc, PermissionError) and port < 1024:
        return f"no permission to listen on port {port} (below 1024 needs administrator rights)"
    return f"cannot listen on {host} port {port}: {exc.strerror or exc}"
