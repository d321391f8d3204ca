"""Where the partner office's database is, who this counter is there, and how to connect.

Kept in host settings (Pengaturan > Koneksi Host, behind the supervisor PIN) under
``hosts.office``: ``address`` (``host[:port]/database``), ``counter_id``, ``user`` (empty:
the role ``office migrate``/``add-counter`` made for that counter id) and ``ca_file`` (the
office's CA certificate; empty: the public CAs, ``public_roots``); the password only in the
secret store as ``office.password``. No address or no counter id: the outbox is off.

TLS is required with full certificate verification (``sslmode=verify-full``: the server's
certificate must chain to the CA and name the host). The one exception is a database on
this very machine (127.0.0.1, ::1, localhost): tests and the sandbox, where there is no
network to protect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

COUNTER_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
_ADDRESS = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)"
                      r"(?::(?P<port>\d{1,5}))?/(?P<db>[A-Za-z0-9_-]{1,63})$")
SETTINGS_KEY = "office"
PASSWORD_SECRET = "office.password"


def public_roots() -> str:
    """``sslrootcert`` for an office without a CA file of its own: certifi's bundle (Mozilla's
    public CAs, the list the bank hosts' TLS falls back to, ``services.hosts.http``).

    Not libpq's ``system``: that asks OpenSSL for its default paths, and the OpenSSL inside
    psycopg's Windows wheel looks in ``C:\\Program Files\\Common Files\\SSL`` (its
    ``OPENSSLDIR``), which no kiosk has. It never reads the Windows certificate store, so on
    the only platform Loket ships to every office certificate was refused, a public CA's too.
    An office behind its own CA gives that CA's file (README, "Partner office")."""
    import certifi  # only a configured counter pays for it (httpx already depends on it)

    return str(certifi.where())


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
    password: str
    ca_file: str = ""

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
            kwargs["sslrootcert"] = self.ca_file or public_roots()
        return kwargs

    @classmethod
    def from_settings(cls, settings: dict[str, Any], secrets: Any) -> "OfficeConfig | None":
        """The configuration, or None when the office is not configured (the outbox is off)."""
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
                   str(entry.get("ca_file") or ""))
