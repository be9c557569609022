"""Reasons the sync endpoint cannot start, found before uvicorn is asked (no server is
started)."""

import socket

import pytest


def test_a_port_in_use_is_a_clear_reason(tmp_path):
    from httpsync.listening import ServeError, check_can_serve

    with socket.create_server(("127.0.0.1", 0)) as holder:
        port = holder.getsockname()[1]
        with pytest.raises(ServeError, match=f"port {port} on 127.0.0.1 is already in use"):
            check_can_serve("127.0.0.1", port)
    check_can_serve("127.0.0.1", port)  # free again: the probe left nothing bound


@pytest.mark.parametrize("host", ["256.1.1.1", "no-such-host.invalid"])
def test_a_host_that_is_no_address_here_is_a_clear_reason(host):
    from httpsync.listening import ServeError, check_can_serve

    with pytest.raises(ServeError, match=f"cannot listen on '{host}'"):
        check_can_serve(host, 8765)


@pytest.mark.parametrize("port", [0, 65536, 99999])
def test_a_port_out_of_range_is_refused(port):
    from httpsync.listening import ServeError, check_can_serve

    with pytest.raises(ServeError, match="between 1 and 65535"):
        check_can_serve("127.0.0.1", port)


def test_certificate_and_key_files_must_be_readable_and_are_named(tmp_path):
    from httpsync.listening import ServeError, check_can_serve

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    key.write_text("not checked here")
    with pytest.raises(ServeError, match=f"TLS certificate {cert} cannot be read"):
        check_can_serve("127.0.0.1", 8765, certfile=str(cert), keyfile=str(key))
    cert.write_text("not checked here")
    with pytest.raises(ServeError, match=f"TLS key {tmp_path} cannot be read"):
        check_can_serve("127.0.0.1", 8765, certfile=str(cert), keyfile=str(tmp_path))
    with pytest.raises(ServeError, match="both --certfile and --keyfile"):
        check_can_serve("127.0.0.1", 8765, certfile=str(cert))
