"""Koneksi Host: the live hosts' addresses and credentials, read, checked and saved.

Non-secret values (base URLs, dealer/client/partner/channel ids, accounts) go to
``settings.json`` under ``hosts.<name>``; secrets (X-Auth password, client secrets) ONLY to
the ``SecretStore`` under ``<host>.<name>`` — the names ``app.context`` reads. A stored
secret is never read back for display: ``load`` only says whether one is stored, and
``save`` replaces a secret only when a new value was typed.

Decisions:
* In live mode every address that is filled in must be ``https://`` (TLS verification is
  always on for live hosts, ``app.context``), and Bank+ must have one: it is the login host.
  The one exception: the Switcher may use ``http://`` to a private IPv4 address (10/8,
  172.16/12, 192.168/16), the bank's VPN or leased line its document names; Koneksi Host and
  the log then say "jalur privat tanpa TLS". Never a public address, never a host name.
  ``app.context`` applies the same rule (``live_url_allowed``) at every live start, so an
  address saved in sandbox mode is checked before any live request.
  In sandbox mode the addresses are kept for later and only need to look like URLs.
* An empty token path is saved as the host's documented default, because ``app.context``
  requires one for each SNAP host.
* Changes apply at the next start: the clients are built once, at start-up.
* The partner office's address needs this counter's id beside it: without one the outbox
  would stay off with no word said (``OfficeConfig.from_settings``).
* Live to sandbox waits for the live day's unfinished business: transactions still in
  doubt, successes whose receipt never printed, a day not closed (``live_business``). So it
  is done from a live run: a sandbox run (``--sandbox`` on a live kiosk) cannot see the live
  day, and refuses; it may still correct the live settings, opened with a live supervisor's
  PIN (``services/dayclose/live_supervisors.py``). In
  sandbox mode Loket opens the sandbox's journal only: the work-list, Beranda's unprinted
  receipts and Tutup Hari read that one, and the status checks stop, so the live money that
  needs action was out of sight until someone switched back.
* Each host's fields, secrets, defaults and checks are its own (``HostSpec`` in its
  ``services/hosts/<name>/host.py``, e.g. BNI Keagenan's fiturId overrides); this module
  lists them through ``services.hosts.registry``, with the partner office's below.
"""

from __future__ import annotations

import ipaddress
import re
import ssl
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from services.errors import FormInvalid, UserInputError
from services.hosts import registry
from services.hosts.host import HostSpec
from services.hosts.http import stays_on_host
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.profile import Profile
from services.secrets import SecretStore

if TYPE_CHECKING:
    from services.dayclose import DayCloseService
    from services.office.config import OfficeConfig

MODES = ("sandbox", "live")
MAX_VALUE = 200


def _check_office_address(value: str) -> str | None:
    from services.office.config import AddressInvalid, parse_address

    try:
        parse_address(value)
    except AddressInvalid:
        return QT_TRANSLATE_NOOP("errors", "Alamat tidak sah. Contoh: kantor.mitra.co.id:5432/loket")
    return None


def _check_counter_id(value: str) -> str | None:
    from services.office.config import COUNTER_ID

    return None if COUNTER_ID.match(value) else QT_TRANSLATE_NOOP("errors",
                                                                  "ID loket: huruf, angka, - atau _ (maks. 32).")


CA_MISSING = QT_TRANSLATE_NOOP("errors", "Berkas sertifikat CA tidak ditemukan. Periksa lokasinya, atau "
                                         "kosongkan untuk memakai sertifikat sistem.")
MAX_CA_BYTES = 1 << 20  # a CA file holds a few certificates; a bigger one is not one


def _ca_file_problem(value: str, not_pem: str) -> str | None:
    """A CA file (empty: the system's store) must be there and read as PEM certificates by the
    same loader that will use it (OpenSSL's, through ``ssl``): a wrong path or a file of
    another kind is said when the settings are saved, off the GUI thread, instead of showing
    later as a host or office that "cannot be verified"."""
    try:
        with open(value, "rb") as file:
            data = file.read(MAX_CA_BYTES + 1)
    except OSError:
        return CA_MISSING
    if len(data) > MAX_CA_BYTES or b"-----BEGIN CERTIFICATE-----" not in data:
        return not_pem
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        context.load_verify_locations(cafile=value)
    except (OSError, ssl.SSLError, ValueError):
        return not_pem
    return None if context.cert_store_stats()["x509"] else not_pem


def _check_ca_file(value: str) -> str | None:
    """The office's CA certificate (libpq's ``sslrootcert``)."""
    return _ca_file_problem(value, QT_TRANSLATE_NOOP("errors", "Berkas ini bukan sertifikat CA (PEM). Minta berkas "
                                                               ".pem dari kantor mitra."))


def _check_bank_ca_file(value: str) -> str | None:
    """A bank host's own CA certificate (``app.context.host_tls``)."""
    return _ca_file_problem(value, QT_TRANSLATE_NOOP("errors", "Berkas ini bukan sertifikat CA (PEM). Minta berkas "
                                                               ".pem (sertifikat CA host) dari bank."))


# The partner office's PostgreSQL (services/office/config.py): empty address = no outbox. The
# database is always reached over TLS with a verified certificate. Its labels are the words
# of the note the office's operator sends a supervisor, not libpq's; the tab shows an
# example in each field (ui/screens/office_page.py).
OFFICE = HostSpec("office", QT_TRANSLATE_NOOP("host_settings", "Kantor mitra (salinan jurnal)"), (
    ("address", QT_TRANSLATE_NOOP("host_settings", "Alamat database kantor")),
    ("counter_id", QT_TRANSLATE_NOOP("host_settings", "ID loket ini")),
    ("user", QT_TRANSLATE_NOOP("host_settings", "Nama login")),
    ("ca_file", QT_TRANSLATE_NOOP("host_settings", "Berkas sertifikat kantor"))),
    (("password", QT_TRANSLATE_NOOP("host_settings", "Password login")),),
    checks=(("address", _check_office_address), ("counter_id", _check_counter_id), ("ca_file", _check_ca_file)))
HOSTS: tuple[HostSpec, ...] = (*(host.settings for host in registry.HOSTS), OFFICE)
# Every bank host has a number the agent calls about an uncertain transaction
# (services/resolution_guide.py); the office database has none.
CALL_CENTER = ("call_center", QT_TRANSLATE_NOOP("host_settings", "Telepon call center"))
# Every bank host may have a CA of its own (a bank whose H2H address sits behind a private CA):
# trusted for that host alone, besides the system's store and certifi's bundle, in live mode
# (``app.context.host_tls``; the sandbox's hosts are in this process). Empty: the system's.
CA_FILE = ("ca_file", QT_TRANSLATE_NOOP("host_settings", "Berkas sertifikat CA host"))
HOSTS = tuple(h if h.name == "office" else replace(h, fields=(*h.fields, CALL_CENTER, CA_FILE),
                                                   checks=(*h.checks, ("ca_file", _check_bank_ca_file)))
              for h in HOSTS)
SECRET_KEYS = tuple(f"{h.name}.{s}" for h in HOSTS for s, _label in h.secrets)


LIVE_IN_DOUBT = QT_TRANSLATE_NOOP(
    "errors", "Mode sandbox belum dapat dipilih: {count} transaksi live belum pasti (menggantung). Selesaikan dulu "
              "di Transaksi Menggantung; di mode sandbox transaksi live tidak terlihat dan statusnya tidak dicek.")
LIVE_UNPRINTED = QT_TRANSLATE_NOOP(
    "errors", "Mode sandbox belum dapat dipilih: struk {count} transaksi live belum dicetak. Cetak dulu dari "
              "Beranda; di mode sandbox daftar itu tidak terlihat.")
LIVE_UNSEALED = QT_TRANSLATE_NOOP(
    "errors", "Mode sandbox belum dapat dipilih: hari {day} di mode live belum ditutup. Lakukan Tutup Hari dulu; "
              "di mode sandbox hari live tidak dapat ditutup.")
LIVE_FROM_SANDBOX_RUN = QT_TRANSLATE_NOOP(
    "errors", "Mode sandbox belum dapat dipilih di sini: Loket ini berjalan sandbox sehingga urusan hari live "
              "(transaksi menggantung, struk, Tutup Hari) tidak terlihat. Buka Loket di mode live, lalu pilih mode "
              "sandbox di sana.")
LAST_DAY = "9999-12-31"  # every business day before it, today's included


def live_business(dayclose: "DayCloseService") -> UserInputError | None:
    """Why the live day cannot be left for the sandbox yet, or None: rows still in doubt,
    then unprinted receipts, then the first day with money and no Laporan Z."""
    from services.formats import format_date
    from services.reports.unprinted import unprinted

    journal = dayclose.journal
    if in_doubt := len(journal.open_rows()):
        return UserInputError("mode", templated(LIVE_IN_DOUBT, count=in_doubt))
    if waiting := len(unprinted(journal)):
        return UserInputError("mode", templated(LIVE_UNPRINTED, count=waiting))
    if day := dayclose.earlier_open_day(LAST_DAY):
        return UserInputError("mode", templated(LIVE_UNSEALED, day=format_date(day.replace("-", ""))))
    return None


@dataclass(frozen=True)
class HostSettingsView:
    """What the screen shows: never a secret, only whether one is stored."""

    mode: str
    values: dict[str, dict[str, str]]
    stored: dict[str, bool]  # "<host>.<secret>" -> stored?


PRIVATE_NETWORKS = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
# Hosts whose document gives a private address reached over the bank's VPN or leased line
# (the Switcher: http://192.168.172.15:7221): plain http is allowed there, and only there.
PRIVATE_HTTP_HOSTS = tuple(host.name for host in registry.HOSTS if host.private_http)
PRIVATE_HTTP_WARNING = QT_TRANSLATE_NOOP("host_settings", "Jalur privat tanpa TLS: alamat ini memakai http:// ke "
                                                          "jaringan privat bank (VPN/leased line).")


def private_http(url: str) -> bool:
    """``http://`` to an IPv4 address of a private range (10/8, 172.16/12, 192.168/16)."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        return False
    try:
        address = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return False  # a name could resolve anywhere: never without TLS
    return address.version == 4 and any(address in net for net in PRIVATE_NETWORKS)


# The banks' own test platforms, as their documents name them: Bank+'s only address is its
# "Development" one ("Production :" is empty), BNI Keagenan's examples post to apidev, DOKU's
# answers point to its sandbox, BCA's FAQ telnets devapi. Typed as a live address, a counter
# took customers' real cash with no SANDBOX anywhere while the bank booked it on a test
# platform. Any other host with such a word as a label of its name is refused alike.
TEST_PLATFORMS = frozenset({"apidev.bankplus.id", "apidev.bni.co.id", "api-sandbox.doku.com", "sandbox.doku.com",
                            "devapi.klikbca.com", "sandbox.bca.co.id"})
TEST_WORDS = frozenset({"sandbox", "apidev", "devapi", "dev", "uat", "staging"})
TEST_PLATFORM = QT_TRANSLATE_NOOP("errors", "Ini alamat platform uji bank (development/sandbox), bukan production: di "
                                            "mode live uang nasabah sungguhan. Minta alamat production dari bank.")


def is_test_platform(url: str) -> bool:
    """Whether ``url`` is a bank's development or sandbox platform (``TEST_PLATFORMS``)."""
    name = (urlsplit(url).hostname or "").lower().rstrip(".")
    return name in TEST_PLATFORMS or any(word in TEST_WORDS for word in re.split(r"[.-]", name))


def live_url_allowed(host: str, url: str) -> bool:
    """The live rule, checked when settings are saved AND every time the app starts in live
    mode (a value saved in sandbox mode never reaches a live host unchecked): https, or
    plain http to a private address for the hosts of ``PRIVATE_HTTP_HOSTS``."""
    scheme = urlsplit(url).scheme
    return scheme == "https" or (host in PRIVATE_HTTP_HOSTS and private_http(url))


def path_only(path: str) -> bool:
    """A path (token, transaction) appended to a host's base address stays on that host, by
    the rule every request is held to (``services.hosts.http.stays_on_host``: ``@evil.example/
    token`` turned the base's host into a user name and sent the credentials there); typed
    here, it holds no blank and no backslash either."""
    return not any(ch.isspace() or ch == "\\" for ch in path) and stays_on_host("https://host.invalid", path)


def _check_url(field: str, url: str, live: bool) -> UserInputError | None:
    parts = urlsplit(url)
    if any(ch.isspace() for ch in url) or parts.scheme not in ("http", "https") or not parts.hostname:
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Alamat tidak sah. Contoh: https://api.bank.co.id"))
    if live and not live_url_allowed(field.split(".")[0], url):
        return UserInputError(field, QT_TRANSLATE_NOOP("errors",
                                                       "Mode live wajib memakai https:// (koneksi terenkripsi)."))
    if live and is_test_platform(url):
        return UserInputError(field, TEST_PLATFORM)
    if parts.query or parts.fragment:
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Tulis alamat dasarnya saja, tanpa ? atau #."))
    return None


def _check_value(host: HostSpec, key: str, value: str, live: bool) -> UserInputError | None:
    field = f"{host.name}.{key}"
    if len(value) > dict(host.long_fields).get(key, MAX_VALUE) or any(ord(ch) < 32 for ch in value):
        return UserInputError(field, QT_TRANSLATE_NOOP("errors",
                                                       "Isian terlalu panjang atau berisi karakter yang tidak sah."))
    if key == "base_url" and value:
        return _check_url(field, value, live)
    if key.endswith("_path") and value and not path_only(value):
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Tulis path yang diawali /, tanpa nama host. "
                                                                 "Contoh: /oauth/token"))
    check = dict(host.checks).get(key)
    problem = check(value) if check is not None and value else None
    return UserInputError(field, problem) if problem else None


LIVE_REQUIRED = QT_TRANSLATE_NOOP("errors", "Wajib diisi untuk mode live: tanpa isian ini host ini tidak dapat "
                                            "dipakai di loket. Lihat surat/dokumen dari bank.")


def half_filled(host: "registry.Host", values: dict[str, str], secrets_present: frozenset[str]) -> list[UserInputError]:
    """Live: a bank host with any of what it needs filled in must have all of it
    (``Host.required``). Saved half, it was "belum diatur" at the next start, or sent requests
    without the ids its bank requires, and the agents met that at the counter; a host left
    wholly empty is simply not used."""
    secret_names = {name for name, _label in host.settings.secrets}
    filled = {key for key in host.required
              if (f"{host.name}.{key}" in secrets_present if key in secret_names else values.get(key))}
    if not filled:
        return []
    return [UserInputError(f"{host.name}.{key}", LIVE_REQUIRED) for key in host.required if key not in filled]


class HostSettings:
    def __init__(self, profile: Profile, secrets: SecretStore, *, live_day: "DayCloseService | None" = None,
                 sandbox_run: bool = False) -> None:
        """``live_day``: the running live counter's day (None in sandbox mode), whose
        unfinished business keeps it from being switched to sandbox. ``sandbox_run``: this
        run is the simulator's (``--sandbox`` on a live kiosk too): it cannot see the live
        day, so it does not switch a kiosk that has run live to sandbox (one saved live in
        this very run, before any live day, may go back)."""
        self.profile = profile
        self.secrets = secrets
        self.live_day = live_day
        self.sandbox_run = sandbox_run

    def load(self) -> HostSettingsView:
        settings = self.profile.load_settings()
        hosts = settings.get("hosts", {})
        values = {h.name: {key: str(hosts.get(h.name, {}).get(key, "") or "") for key, _label in h.fields}
                  for h in HOSTS}
        stored = {key: bool(self.secrets.get(key)) for key in SECRET_KEYS}
        return HostSettingsView(settings.get("mode", "sandbox"), values, stored)

    def office(self) -> "OfficeConfig | None":
        """The partner office's connection as saved, its password read from the secret store
        now (as the outbox reads it at each connection); None when the office is off."""
        from services.office.config import OfficeConfig

        return OfficeConfig.from_settings(self.profile.load_settings(), self.secrets, self.profile.folder)

    def validate(self, mode: str, values: dict[str, dict[str, str]],
                 secrets_present: frozenset[str] = frozenset()) -> dict[str, dict[str, str]]:
        """Cleaned values; every bad field at once (``FormInvalid``). ``secrets_present``: the
        ``<host>.<secret>`` names stored or typed now, for the live rule of ``half_filled``."""
        if mode not in MODES:
            raise UserInputError("mode", QT_TRANSLATE_NOOP("errors", "Pilih mode sandbox atau live."))
        live = mode == "live"
        errors: list[UserInputError] = []
        cleaned: dict[str, dict[str, str]] = {}
        for host in HOSTS:
            typed = values.get(host.name, {})
            out: dict[str, str] = {}
            for key, _label in host.fields:
                value = str(typed.get(key, "") or "").strip()
                problem = _check_value(host, key, value, live)
                if problem is not None:
                    errors.append(problem)
                if key == "base_url":
                    value = value.rstrip("/")
                out[key] = value or dict(host.defaults).get(key, "")
            cleaned[host.name] = out
        if live and not cleaned["bankplus"]["base_url"]:
            errors.append(UserInputError("bankplus.base_url", QT_TRANSLATE_NOOP("errors", "Mode live membutuhkan "
                                                                                          "alamat host Bank+.")))
        if live:
            errors += [error for host in registry.HOSTS for error in half_filled(host, cleaned[host.name],
                                                                                  secrets_present)]
        office = cleaned[OFFICE.name]
        if office["address"] and not office["counter_id"]:  # else the outbox stays off without a word
            errors.append(UserInputError("office.counter_id", QT_TRANSLATE_NOOP(
                "errors", "Isi ID loket ini: kantor mitra mengenali loket dari ID-nya.")))
        if errors:
            raise FormInvalid(errors)
        return cleaned

    def save(self, mode: str, values: dict[str, dict[str, str]], new_secrets: dict[str, str]) -> None:
        """Check everything, then store the typed secrets and write the settings."""
        present = frozenset(key for key in SECRET_KEYS if (new_secrets.get(key) or "").strip() or self.secrets.get(key))
        cleaned = self.validate(mode, values, present)
        if mode == "sandbox" and self.live_day is not None and (unfinished := live_business(self.live_day)):
            raise unfinished
        if (mode == "sandbox" and self.sandbox_run and self.profile.load_settings().get("mode") == "live"
                and self.profile.has_run_live()):
            raise UserInputError("mode", LIVE_FROM_SANDBOX_RUN)
        for key, value in new_secrets.items():
            if key not in SECRET_KEYS:
                raise ValueError(f"unknown secret {key!r}")
            if value and not value.strip():
                raise UserInputError(key, QT_TRANSLATE_NOOP("errors", "Rahasia tidak boleh hanya spasi."))
        for key, value in new_secrets.items():
            if value:
                self.secrets.set(key, value)
        settings = self.profile.load_settings()
        settings["mode"] = mode
        hosts: dict[str, Any] = settings.setdefault("hosts", {})
        secret_names = {s for h in HOSTS for s, _label in h.secrets}
        for name, entries in cleaned.items():
            host = {k: v for k, v in hosts.get(name, {}).items() if k not in secret_names}  # never plain
            host.update(entries)
            hosts[name] = host
        self.profile.save_settings(settings)
