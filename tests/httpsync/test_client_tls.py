"""Sync over TLS with a district certificate of its own."""

from pathlib import Path

import pytest

from httpsync.client import Backoff, SyncError, sync
from tests.httpsync.officers import QUICK, imported, ready
from tests.httpsync.server_process import ServerProcess


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as a district office might make for itself."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Disnaker")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ))  # fmt: skip
    return cert_path, key_path


def test_sync_over_tls_trusts_the_district_certificate_only(sites, tmp_path):
    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 2, seed=20)
    cert, key = self_signed(tmp_path)
    server = ServerProcess(tmp_path / "district.db", tls=(cert, key)).start()
    try:
        assert server.url.startswith("https://")
        with pytest.raises(SyncError) as untrusted:  # not signed by a CA it knows
            sync(budi, server.url, backoff=Backoff(attempts=1), verify=True)
        assert untrusted.value.code == "unreachable"
        done = sync(budi, server.url, backoff=QUICK, verify=str(cert))
    finally:
        server.stop()
    assert done.batches_sent == 1 and imported(district) == 1
