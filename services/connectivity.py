"""Is each host reachable? The cheap checks behind the header's "BNI: terhubung" and the
"Cek koneksi" button of Pengaturan > Koneksi Host.

Only hosts with a check that moves no money and costs nothing are asked:

* BNI Keagenan: PING (``{"typereq": "ping"}``, section 1 of its document: "start-up and
  Settings"), through the same token and X-Auth as a payment, so a wrong secret shows here;
* Bank+: the agent balance, a read-only call the Beranda already makes, possible only while
  logged in (the Koneksi Host screen is behind the login);
* the receipt printer as saved, as Pengaturan > Printer's "Cek printer" asks it (the PDF
  folder writable when there is none): a counter is not ready without its receipts;
* the partner office's database (``services.office``), when configured: a login as the
  outbox logs in (TLS verify-full with the office's CA, ``OfficeConfig.connect_kwargs``) and
  ``SELECT office.my_counter()``, the function the office's row-level security itself asks
  which counter a login is. It reads no journal row and writes nothing, and it proves what
  a push needs: the office answers, trusts the login, has Loket's schema, and knows this
  login as this counter id.

Decisions:
* A check never raises: every failure becomes a ``HostCheck`` the screen words. A host
  that answered but refused (wrong credentials, PING status false) is ``answered`` but not
  ``ok``; a transport failure (no connection, 5xx, unreadable answer) is neither.
* The SNAP hosts (DOKU, BCA) and the Bank+ Switcher have no such call: a token request or
  a status query is not free of side effects on the bank's side, so no request is sent them.
  Their certificate is checked all the same (``check_certificate``): a TLS handshake with the
  saved address and CA file, closed before a byte of HTTP, so a bank behind a private CA
  that this PC does not trust is found at set-up, not at the first customer. It connects
  directly (a proxy named by ``HTTPS_PROXY``, which httpx would use, is not).
* The office is checked with the settings as saved (the outbox reads its password at each
  connection, and a connection is made afresh anyway), so a supervisor can try what the
  office's operator sent before reopening Loket; a short connect timeout (``OFFICE_TIMEOUT``).
  libpq says why a login failed only in its message's words: out of reach, a certificate
  problem and a refused login are told apart by them, and anything else is said with them.
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Mapping
from urllib.parse import urlsplit

from services.errors import CertificateRefused, HostRejected, LoketError, NotSent, TransportError
from services.i18n import QT_TRANSLATE_NOOP, templated

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from services.hosts.bankplus.service import BankingService
    from services.hosts.keagenan.service import BillPayService
    from services.office.config import OfficeConfig
    from services.receipts.settings import PrinterSettings

KEAGENAN = "keagenan"
BANKPLUS = "bankplus"
OFFICE = "office"
PRINTER = "printer"
OFFICE_TIMEOUT = 5  # seconds to connect: a supervisor is waiting, the outbox's 10 s is for pushes
TLS_TIMEOUT = 5  # seconds for a certificate check's connection and handshake
TLS_ONLY = "TLS"  # a HostCheck's detail: only the certificate was checked, no request sent


@dataclass(frozen=True)
class HostCheck:
    host: str  # the host's settings name: "keagenan", "bankplus", "office"
    ok: bool
    answered: bool  # the host answered at all (False: no connection, 5xx, unreadable)
    detail: str = ""  # the host's own words on success (PING: "Access from … at …")
    error: LoketError | None = None  # why not ok, with an Indonesian message


def _unreachable(exc: TransportError) -> TransportError:
    """The transport's own messages speak of a transaction ("JANGAN ulangi"); a check moved
    nothing, so it says only what failed."""
    if isinstance(exc, CertificateRefused):
        return exc  # its words speak of no transaction, and name what to check
    if isinstance(exc, NotSent):
        message = templated(QT_TRANSLATE_NOOP("errors", "Tidak dapat terhubung ke host. Periksa koneksi internet "
                                                        "dan alamat host. ({detail})"), detail=exc.detail)
    else:
        message = templated(QT_TRANSLATE_NOOP("errors", "Host tidak menjawab dengan benar ({detail}). Coba lagi "
                                                        "sebentar; bila berulang, hubungi helpdesk."),
                            detail=exc.detail)
    return TransportError(message, host=exc.host, detail=exc.detail)


class Reach:
    """What the counter last learned about reaching one host, from whatever asked it last:
    the PING after login, a bill's inquiry, a payment, the picker's or Pengaturan's check.
    The host's client tells it at the wire, on the worker thread that made the request: the
    host answered (whatever it said of the bill), refused Loket's credentials, or could not
    be reached (no connection, a timeout, 5xx, an unreadable answer). So the header's
    "BNI: terhubung" follows the last request instead of the login's PING alone, and asks
    nothing of the network itself.

    Listeners are called on that worker thread (a screen hands the news to its own thread,
    ``ui.handoff``); one that raises is logged, never the request's failure."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.last: HostCheck | None = None
        self._lock = threading.Lock()
        self._listeners: list[Callable[[HostCheck], None]] = []

    def listen(self, listener: Callable[[HostCheck], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def forget(self, listener: Callable[[HostCheck], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def heard(self, check: HostCheck) -> None:
        with self._lock:
            self.last = check
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(check)
            except Exception:  # the request's own outcome stands whatever a screen does with the news
                log.exception("a listener to %s's reach failed", self.host)

    def answered(self, detail: str = "") -> None:
        self.heard(HostCheck(self.host, True, True, detail))

    def refused(self, error: LoketError) -> None:
        """The host answered and refused Loket's credentials (or its PING said no)."""
        self.heard(HostCheck(self.host, False, True, error=error))

    def unreachable(self, error: TransportError) -> None:
        self.heard(HostCheck(self.host, False, False, error=_unreachable(error)))


def _checked(host: str, call: Callable[[], str]) -> HostCheck:
    try:
        return HostCheck(host, True, True, call())
    except HostRejected as exc:
        return HostCheck(host, False, True, error=exc)
    except TransportError as exc:
        return HostCheck(host, False, False, error=_unreachable(exc))
    except LoketError as exc:  # e.g. a configuration problem: nothing was asked
        return HostCheck(host, False, False, error=exc)


def ping_keagenan(billpay: "BillPayService") -> HostCheck:
    """PING the BNI Keagenan host (fetching a token first when none is cached)."""

    def ping() -> str:
        result = billpay.client.ping()
        if not result.ok:
            raise HostRejected(
                templated(QT_TRANSLATE_NOOP("errors", "Host BNI menolak pemeriksaan koneksi: {detail}"),
                          detail=result.message or "status false"),
                host=KEAGENAN, code="PING", host_message=result.message)
        return result.message

    check = _checked(KEAGENAN, ping)
    billpay.client.reach.heard(check)  # a PING's "no" is news too, whoever asked it
    return check


def check_bankplus(banking: "BankingService") -> HostCheck:
    """Read the agent balance: Bank+ answers only with a live session."""

    def balance() -> str:
        banking.agent_balance()  # the figure itself is the Beranda's business
        return ""

    return _checked(BANKPLUS, balance)


def check_printer(printer: "PrinterSettings") -> HostCheck:
    """The printer as saved: reachable (or, without one, the receipts folder writable)."""
    config = printer.current.config
    try:
        printer.check(config)
    except LoketError as exc:
        return HostCheck(PRINTER, False, False, error=exc)
    return HostCheck(PRINTER, True, True, config.describe())


def check_office(config: "OfficeConfig") -> HostCheck:
    """Log in to the partner office's database and ask which counter this login is. Its own
    words, not ``_checked``'s: those speak of a bank host."""
    try:
        return HostCheck(OFFICE, True, True, _my_counter(config))
    except HostRejected as exc:
        return HostCheck(OFFICE, False, True, error=exc)
    except LoketError as exc:
        return HostCheck(OFFICE, False, False, error=exc)
    except Exception as exc:  # e.g. psycopg missing from a broken installation: said, never raised
        detail = f"{type(exc).__name__}: {exc}"
        return HostCheck(OFFICE, False, False, error=TransportError(templated(QT_TRANSLATE_NOOP(
            "errors", "Database kantor tidak dapat diperiksa ({detail}). Hubungi helpdesk."), detail=detail),
            host=OFFICE, detail=detail))


def _my_counter(config: "OfficeConfig") -> str:
    import psycopg  # only when the office is configured: start-up stays lean

    try:
        with psycopg.connect(**{**config.connect_kwargs(), "connect_timeout": OFFICE_TIMEOUT},
                             autocommit=True) as conn:
            found = conn.execute("SELECT office.my_counter()").fetchone()
    except psycopg.OperationalError as exc:
        from services.office.config import role_name

        # The login made from the counter id (Nama login left empty): a refusal is the id or the password
        by_id = config.counter_id if config.user == role_name(config.counter_id) else ""
        raise office_refusal(str(exc), by_id) from exc
    except psycopg.ProgrammingError as exc:  # logged in, but no office schema, or not as a counter
        raise _rejected("SCHEMA", QT_TRANSLATE_NOOP(
            "errors", "Login diterima, tetapi database ini belum disiapkan untuk Loket. Hubungi operator "
                      "kantor. ({detail})"), _first_line(str(exc))) from exc
    registered = found[0] if found else None
    if registered is None:
        raise HostRejected(templated(QT_TRANSLATE_NOOP(
            "errors", "Login diterima, tetapi belum terdaftar sebagai loket. Minta operator kantor mendaftarkan "
                      "ID loket {counter_id}."), counter_id=config.counter_id), host=OFFICE, code="COUNTER")
    if registered != config.counter_id:
        raise HostRejected(templated(QT_TRANSLATE_NOOP(
            "errors", "Login ini terdaftar untuk loket {registered}, bukan {counter_id}. Periksa ID loket ini."),
            registered=registered, counter_id=config.counter_id), host=OFFICE, code="COUNTER")
    return str(registered)


def _first_line(message: str) -> str:
    """libpq's words without its preamble: 'connection failed: connection to server at "h",
    port 5432 failed: FATAL:  password authentication failed for user "u"' -> the last part."""
    line = message.strip().splitlines()[0] if message.strip() else ""
    return line.rsplit(" failed: ", 1)[-1].removeprefix("FATAL:").strip()


def _rejected(code: str, template: str, detail: str) -> HostRejected:
    return HostRejected(templated(template, detail=detail), host=OFFICE, code=code, host_message=detail)


def office_refusal(message: str, counter_id: str = "") -> LoketError:
    """A failed connection, by what libpq said: out of reach and certificate problems are
    not answers (``TransportError``); a refused login or database is (``HostRejected``).
    ``counter_id``: the login is the one the office makes for that id (Nama login empty), so a
    refused login means the id or the password, not a login name the supervisor never typed."""
    detail, lowered = _first_line(message), message.lower()
    if "does not support ssl" in lowered:
        return TransportError(QT_TRANSLATE_NOOP(
            "errors", "Database kantor tidak memakai koneksi terenkripsi (TLS); jurnal tidak dikirim tanpa TLS. "
                      "Hubungi operator kantor."), host=OFFICE, detail=detail)
    if "certificate" in lowered or "ssl error" in lowered:
        return TransportError(templated(QT_TRANSLATE_NOOP(
            "errors", "Sertifikat kantor tidak dapat dipastikan. Periksa berkas sertifikat kantor, dan bahwa alamatnya "
                      "sama dengan nama di sertifikat. ({detail})"), detail=detail), host=OFFICE, detail=detail)
    if ("authentication failed" in lowered or "pg_hba.conf" in lowered) and counter_id:
        return HostRejected(templated(QT_TRANSLATE_NOOP(
            "errors", "Login ditolak. Periksa ID loket ({counter_id}) dan password: keduanya harus sama dengan "
                      "yang didaftarkan operator kantor. ({detail})"), counter_id=counter_id, detail=detail),
            host=OFFICE, code="LOGIN", host_message=detail)
    if "authentication failed" in lowered or "pg_hba.conf" in lowered:
        return _rejected("LOGIN", QT_TRANSLATE_NOOP(
            "errors", "Login ditolak. Periksa nama login dan password dari operator kantor. ({detail})"), detail)
    if "not permitted to log in" in lowered:  # NOLOGIN: ``office retire-counter`` took this id out of service
        return _rejected("RETIRED", QT_TRANSLATE_NOOP(
            "errors", "Kantor tidak lagi menerima ID loket ini: operator kantor sudah menggantinya. Minta operator "
                      "kantor ID loket dan kata sandi yang berlaku untuk PC ini, lalu isi di sini dan buka ulang "
                      "Loket. ({detail})"), detail)
    if "database" in lowered and "does not exist" in lowered:
        return _rejected("DATABASE", QT_TRANSLATE_NOOP(
            "errors", "Database tidak ditemukan. Periksa nama database di alamat, sesudah tanda /. ({detail})"), detail)
    if "fatal:" in lowered:  # the server said no, in words not listed above
        return _rejected("REFUSED", QT_TRANSLATE_NOOP(
            "errors", "Database kantor menolak koneksi ({detail}). Hubungi operator kantor."), detail)
    return NotSent(templated(QT_TRANSLATE_NOOP(
        "errors", "Database kantor tidak dapat dihubungi. Periksa koneksi internet dan alamat database kantor. "
                  "({detail})"), detail=detail), host=OFFICE, detail=detail)


def check_certificate(host: str, base_url: str, ca_file: str = "") -> HostCheck:
    """A TLS handshake with ``base_url``'s host as a live client makes it (the system's trust
    store, certifi's bundle, the host's ``ca_file``), nothing sent over it."""
    from services.hosts.http import bank_tls_context

    parts = urlsplit(base_url)
    try:
        context = bank_tls_context(ca_file or None)
    except (OSError, ssl.SSLError) as exc:  # gone or changed since it was saved: a live start leaves it out
        return HostCheck(host, False, False, error=CertificateRefused(host=host, detail=f"{ca_file}: {exc}"))
    try:
        with socket.create_connection((parts.hostname or "", parts.port or 443), timeout=TLS_TIMEOUT) as raw:
            with context.wrap_socket(raw, server_hostname=parts.hostname):
                pass
    except ssl.SSLCertVerificationError as exc:
        return HostCheck(host, False, False, error=CertificateRefused(host=host, detail=str(exc)))
    except (OSError, ValueError) as exc:  # no route, a refused port, a handshake cut ...
        detail = f"{type(exc).__name__}: {exc}"
        return HostCheck(host, False, False, error=_unreachable(NotSent(host=host, detail=detail)))
    return HostCheck(host, True, True, TLS_ONLY)


def check_certificates(saved: Mapping[str, Mapping[str, str]], names: Iterable[str]) -> list[HostCheck]:
    """``check_certificate`` for each named host with its saved address (``https://`` only: the
    Switcher's private line has no certificate) and CA file."""
    return [check_certificate(name, saved[name]["base_url"], saved[name].get("ca_file", ""))
            for name in names if saved.get(name, {}).get("base_url", "").startswith("https://")]


def check_hosts(banking: "BankingService | None", billpay: "BillPayService | None",
                office: "OfficeConfig | None" = None) -> list[HostCheck]:
    """Every host that has a cheap check and is configured, one after another."""
    checks = []
    if banking is not None:
        checks.append(check_bankplus(banking))
    if billpay is not None:
        checks.append(ping_keagenan(billpay))
    if office is not None:
        checks.append(check_office(office))
    return checks
