"""A kiosk in live mode against the simulated hosts, served over TLS on 127.0.0.1 with a
certificate authority made for the test (``tests/office/certs.py``): the live hosts' own
path through ``app.context`` (verified TLS, the addresses and secrets of Koneksi Host), and
nothing but loopback contacted. httpx trusts the test CA through ``SSL_CERT_FILE``, which the
caller sets (``monkeypatch.setenv``) before the context is built.
"""

from __future__ import annotations

import ipaddress
import ssl
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from services.hosts.registry import HOSTS
from services.sandbox import SimulatedHost, make_host
from services.sandbox.server import LOOPBACK, SandboxServer
from tests.office.certs import _pem, make_ca, write_ca

HOST_NAMES = {host.name: host for host in HOSTS}


def loopback_certificate(folder: Path) -> tuple[Path, Path, Path]:
    """(CA file, certificate file, key file) for 127.0.0.1, the certificate signed by the CA."""
    from cryptography.hazmat.primitives.asymmetric import ec

    ca_cert, ca_key = ca = make_ca("Loket test CA")
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME,
                                                                                  LOOPBACK)]))
            .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(LOOPBACK))]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(_pem(key))
    return write_ca(ca, folder / "ca.pem"), cert_file, key_file


class TlsHost:
    """One simulated host served over TLS on 127.0.0.1."""

    def __init__(self, host: SimulatedHost, cert_file: Path, key_file: Path) -> None:
        self.host = host
        self.server = SandboxServer(host)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.server.start()

    @property
    def base_url(self) -> str:
        return f"https://{LOOPBACK}:{self.server.port}"

    def close(self) -> None:
        self.server.stop()


def serve(folder: Path, names: tuple[str, ...], **kwargs: dict) -> tuple[Path, dict[str, TlsHost]]:
    """The CA file to trust and each named host served over TLS (``kwargs[name]``: its
    ``make_host`` arguments, e.g. a SNAP host's ``public_key_pem``)."""
    ca, cert, key = loopback_certificate(folder)
    return ca, {name: TlsHost(make_host(name, **kwargs.get(name, {})), cert, key) for name in names}
