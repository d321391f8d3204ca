"""Where the partner office's database is, who this counter is there, and how to connect.

Kept in host settings (Pengaturan > Koneksi Host, behind the supervisor PIN) under
``hosts.office``: ``address`` (``host[:port]/database``), ``counter_id``, ``user`` (empty:
the role ``office migrate``/``add-counter`` made for that counter id) and ``ca_file`` (the
office's CA certificate; empty: the CAs Windows trusts and the public ones, ``public_roots``);
the password only in the secret store as ``office.password``. No address or no counter id:
the outbox is off.

TLS is required with full certificate verification (``sslmode=verify-full``: the server's
certificate must chain to the CA and name the host). The one exception is a database on
this very machine (127.0.0.1, ::1, localhost): tests and the sandbox, where there is no
network to protect.
"""

from __future__ import annotations

import logging
import re
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

log = logging.getLogger(__name__)

COUNTER_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
_ADDRESS = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)"
                      r"(?::(?P<port>\d{1,5}))?/(?P<db>[A-Za-z0-9_-]{1,63})$")
SETTINGS_KEY = "office"
PASSWORD_SECRET = "office.password"


# The file ``public_roots`` writes in the profile's folder when Windows trusts CAs of its own.
ROOTS_FILE = "office-roots.pem"
SERVER_AUTH = "1.3.6.1.5.5.7.3.1"  # the extended key usage "TLS server authentication"


def windows_roots() -> list[bytes]:
    """The root CAs in the Windows certificate store trusted for TLS servers, as DER: what
    Windows (and the bank hosts' TLS, through truststore) trusts, a CA the partner pushed to
    its kiosks by group policy included. None off Windows (``ssl.enum_certificates`` is
    Windows' own)."""
    enum = getattr(ssl, "enum_certificates", None)
    if enum is None:
        return []
    try:
        found = enum("ROOT")
    except OSError as exc:  # a store Windows would not open: the public CAs still reach the office
        log.warning("Windows certificate store not read for the office's TLS: %s", exc)
        return []
    return [der for der, encoding, trust in found
            if encoding == "x509_asn" and (trust is True or SERVER_AUTH in trust)]


def public_roots(folder: Path | str | None = None,
                 store: Callable[[], list[bytes]] | None = None) -> str:
    """``sslrootcert`` for an office without a CA file of its own: certifi's bundle (Mozilla's
    public CAs, the list the bank hosts' TLS falls back to, ``services.hosts.http``) and the
    root CAs of the Windows certificate store (``windows_roots``), written together to
    ``ROOTS_FILE`` in ``folder``.

    Not libpq's ``system``: that asks OpenSSL for its default paths, and the OpenSSL inside
    psycopg's Windows wheel looks in ``C:\\Program Files\\Common Files\\SSL`` (its
    ``OPENSSLDIR``), which no kiosk has. libpq never reads the Windows certificate store
    itself, so the store's CAs are handed to it in the file. Certifi's file alone where the
    store gives nothing (off Windows, or no folder given) or the file cannot be written (the
    office then trusts what it trusted before, and the log says why). A certificate that
    does not read as one is left out: one unreadable entry in the file makes OpenSSL refuse
    the whole file, and with it the office."""
    import certifi  # only a configured counter pays for it (httpx already depends on it)

    bundle = str(certifi.where())
    found = (store or windows_roots)() if folder else []
    extra = [ssl.DER_cert_to_PEM_cert(der) for der in found if _readable(der)]
    if not extra:
        return bundle
    target = Path(folder) / ROOTS_FILE  # type: ignore[arg-type]  # folder is set when found is
    try:
        # certifi's bytes as they are: its "# Issuer:" comments are UTF-8, not always ASCII
        data = Path(bundle).read_bytes() + b"\n" + "".join(extra).encode("ascii")
        if not target.is_file() or target.read_bytes() != data:
            from services.files import write_atomically

            write_atomically(target, data)
    except OSError as exc:
        log.warning("office CA file with the Windows store's CAs not written (%s): certifi's CAs only", exc)
        return bundle
    return str(target)


def _readable(der: bytes) -> bool:
    """Whether OpenSSL will read ``der``. A root with a serial number that is not positive
    (Wine's store holds one) is read, with a deprecation warning from cryptography, which
    printed itself into the frozen self-test's output: not a reason to leave a root out."""
    import warnings

    from cryptography import x509
    from cryptography.utils import CryptographyDeprecationWarning

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            x509.load_der_x509_certificate(der)
    except ValueError:
        return False
    return True


def role_name(counter_id: str) -> str:
    """The counter's login role at the office (``office add-counter`` makes it)."""
    return "loket_c_" + counter_id.lower().replace("-", "_")


class AddressInvalid(ValueError):
    pass


def parse_address(text: str) -> tuple[str, int, str]:
    """``kantor.mitra.co.id:5432/loket`` -> (host, port, database); port defaults to 5432."""
    match = _ADDRESS.match(text.strip())
    if not match:
        raise AddressInvalid(text)
    port = int(match.group("port") or 5432)
    if not 0 < port < 65536:
        raise AddressInvalid(text)
    return match.group("host").strip("[]"), port, match.group("db")


@dataclass(frozen=True)
class OfficeConfig:
    host: str
    port: int
    dbname: str
    counter_id: str
    user: str
    password: str = field(repr=False)  # a traceback's locals, a log line: never the secret store's value
    ca_file: str = ""
    roots_folder: str = ""  # where ``public_roots`` may write the Windows store's CAs for libpq

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK

    def connect_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"host": self.host, "port": self.port, "dbname": self.dbname, "user": self.user,
                                  "password": self.password, "connect_timeout": 10,
                                  "application_name": f"loket-{self.counter_id}",
                                  # a dead link is noticed in about a minute, not at the next TCP timeout
                                  "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
                                  "keepalives_count": 3}
        if self.loopback:
            kwargs["sslmode"] = "prefer"
        else:
            kwargs["sslmode"] = "verify-full"
            kwargs["sslrootcert"] = self.ca_file or public_roots(self.roots_folder or None)
        return kwargs

    @classmethod
    def from_settings(cls, settings: dict[str, Any], secrets: Any,
                      roots_folder: Path | str = "") -> "OfficeConfig | None":
        """The configuration, or None when the office is not configured (the outbox is off).
        ``roots_folder``: the profile's folder, for ``public_roots``'s file."""
        entry = (settings.get("hosts") or {}).get(SETTINGS_KEY) or {}
        address, counter_id = str(entry.get("address") or ""), str(entry.get("counter_id") or "")
        if not address or not counter_id or not COUNTER_ID.match(counter_id):
            return None
        try:
            host, port, dbname = parse_address(address)
        except AddressInvalid:
            return None
        password = secrets.get(PASSWORD_SECRET) or ""
        return cls(host, port, dbname, counter_id, str(entry.get("user") or "") or role_name(counter_id), password,
                   str(entry.get("ca_file") or ""), str(roots_folder))
