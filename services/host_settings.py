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
* BNI Keagenan fiturIds can be overridden per deployment (``fitur_overrides``, text such as
  ``bni_life=FTR437/FTR463, charity=FTR426``: product id = inquiry/payment, or the payment
  alone). The document's fiturId table (appendix 2.5.1) is absent and it prints FTR463 for
  two products, so the bank's real table may differ from what Loket reads in the document.
  Only live mode uses them: the sandbox speaks the document's numbers.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from services.errors import FormInvalid, UserInputError
from services.hosts.bca import TOKEN_PATH as BCA_TOKEN_PATH
from services.hosts.doku_va import TOKEN_PATH as DOKU_TOKEN_PATH
from services.hosts.keagenan import TOKEN_PATH as KEAGENAN_TOKEN_PATH
from services.profile import Profile
from services.secrets import SecretStore
from services.i18n import QT_TRANSLATE_NOOP, templated

MODES = ("sandbox", "live")
MAX_VALUE = 200


@dataclass(frozen=True)
class HostSpec:
    name: str
    title: str
    fields: tuple[tuple[str, str], ...]  # (settings key, label)
    secrets: tuple[tuple[str, str], ...] = ()  # (secret name, label); stored as "<name>.<secret>"
    defaults: tuple[tuple[str, str], ...] = ()


HOSTS: tuple[HostSpec, ...] = (
    HostSpec("bankplus", QT_TRANSLATE_NOOP("host_settings", "Bank+ (agen, setor, "
                                                            "transfer)"), (("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base URL)")),)),
    HostSpec("keagenan", QT_TRANSLATE_NOOP("host_settings", "BNI Keagenan (tagihan dan pembelian)"), (
        ("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base "
                                                        "URL)")), ("dealer_id", "Dealer ID"), ("x_auth_user", "X-Auth user"),
        ("client_id", "Client ID"), ("agent_code", QT_TRANSLATE_NOOP("host_settings", "Kode agen")), ("account_num", QT_TRANSLATE_NOOP("host_settings", "Rekening agen")),
        ("token_path", QT_TRANSLATE_NOOP("host_settings", "Path token")),
        ("fitur_overrides", QT_TRANSLATE_NOOP("host_settings", "fiturId khusus bank"))),
        (("x_auth_password", "X-Auth password"), ("client_secret", "Client secret")),
        (("token_path", KEAGENAN_TOKEN_PATH),)),
    HostSpec("doku", "DOKU (BNI Virtual Account)", (
        ("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base "
                                                        "URL)")), ("client_key", "Client key"), ("partner_id", "Partner ID"),
        ("channel_id", "Channel ID"), ("partner_service_id", "Partner service ID"), ("token_path", QT_TRANSLATE_NOOP("host_settings", "Path token"))),
        (("client_secret", "Client secret"),), (("token_path", DOKU_TOKEN_PATH),)),
    HostSpec("bca", "BCA", (
        ("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base "
                                                        "URL)")), ("client_key", "Client key"), ("partner_id", "Partner ID"),
        ("channel_id", "Channel ID"), ("agent_account", QT_TRANSLATE_NOOP("host_settings", "Rekening agen")), ("token_path", QT_TRANSLATE_NOOP("host_settings", "Path token"))),
        (("client_secret", "Client secret"),), (("token_path", BCA_TOKEN_PATH),)),
    HostSpec("switcher", QT_TRANSLATE_NOOP("host_settings", "Bank+ Switcher (transfer antar bank)"), (
        ("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base "
                                                        "URL)")), ("source_bank", QT_TRANSLATE_NOOP("host_settings", "Kode bank sumber")),
        ("source_account", QT_TRANSLATE_NOOP("host_settings", "Rekening sumber")))),
    # The partner office's PostgreSQL (services/office/config.py): empty address = no outbox.
    HostSpec("office", QT_TRANSLATE_NOOP("host_settings", "Kantor mitra (PostgreSQL, sinkron jurnal)"), (
        ("address", QT_TRANSLATE_NOOP("host_settings", "Alamat database (host:port/nama)")),
        ("counter_id", QT_TRANSLATE_NOOP("host_settings", "ID loket")),
        ("user", QT_TRANSLATE_NOOP("host_settings", "User database")),
        ("ca_file", QT_TRANSLATE_NOOP("host_settings", "File sertifikat CA kantor"))),
        (("password", QT_TRANSLATE_NOOP("host_settings", "Password database")),)),
)
SECRET_KEYS = tuple(f"{h.name}.{s}" for h in HOSTS for s, _label in h.secrets)


@dataclass(frozen=True)
class HostSettingsView:
    """What the screen shows: never a secret, only whether one is stored."""

    mode: str
    values: dict[str, dict[str, str]]
    stored: dict[str, bool]  # "<host>.<secret>" -> stored?


PRIVATE_NETWORKS = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
# Hosts whose document gives a private address reached over the bank's VPN or leased line
# (the Switcher: http://192.168.172.15:7221): plain http is allowed there, and only there.
PRIVATE_HTTP_HOSTS = ("switcher",)
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


def live_url_allowed(host: str, url: str) -> bool:
    """The live rule, checked when settings are saved AND every time the app starts in live
    mode (a value saved in sandbox mode never reaches a live host unchecked): https, or
    plain http to a private address for the hosts of ``PRIVATE_HTTP_HOSTS``."""
    scheme = urlsplit(url).scheme
    return scheme == "https" or (host in PRIVATE_HTTP_HOSTS and private_http(url))


def _check_url(field: str, url: str, live: bool) -> UserInputError | None:
    parts = urlsplit(url)
    if any(ch.isspace() for ch in url) or parts.scheme not in ("http", "https") or not parts.hostname:
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Alamat tidak sah. Contoh: https://api.bank.co.id"))
    if live and not live_url_allowed(field.split(".")[0], url):
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Mode live wajib memakai https:// (koneksi "
                                                                 "terenkripsi)."))
    if parts.query or parts.fragment:
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Tulis alamat dasarnya saja, tanpa ? atau #."))
    return None


FITUR = re.compile(r"FTR\d{3,4}")
MAX_OVERRIDES = 1000


def parse_fitur_overrides(text: str) -> dict[str, tuple[str | None, str]]:
    """``"bni_life=FTR437/FTR463, charity=FTR426"`` -> ``{"bni_life": ("FTR437", "FTR463"),
    "charity": (None, "FTR426")}``; ``ValueError`` (in the agent's words) for anything else:
    an unknown product, a fiturId not shaped FTRnnn, an inquiry for a one-step product."""
    from services.products import default_catalogue

    catalogue = default_catalogue()
    out: dict[str, tuple[str | None, str]] = {}
    for entry in (e.strip() for e in re.split(r"[,;\n]", text)):
        if not entry:
            continue
        product, _, value = (part.strip() for part in entry.partition("="))
        try:
            spec = catalogue.get(product)
        except KeyError:
            raise ValueError(templated(QT_TRANSLATE_NOOP("errors", "Produk tidak dikenal di fiturId khusus: "
                                                                   "{product}."), product=product or "?")) from None
        inquiry, slash, payment = (part.strip().upper() for part in value.rpartition("/"))
        codes = [c for c in (inquiry, payment) if c]
        if not payment or any(not FITUR.fullmatch(c) for c in codes) or (slash and not inquiry):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "Tulis fiturId khusus sebagai produk=FTRinquiry/FTRpayment, "
                                                         "contoh bni_life=FTR437/FTR463."))
        if inquiry and spec.single_step:
            raise ValueError(templated(QT_TRANSLATE_NOOP("errors", "Produk {product} tidak punya inquiry: tulis "
                                                                   "fiturId payment saja."), product=product))
        out[product] = (inquiry or None, payment)
    return out


def _check_value(field: str, value: str) -> UserInputError | None:
    limit = MAX_OVERRIDES if field == "keagenan.fitur_overrides" else MAX_VALUE
    if len(value) > limit or any(ord(ch) < 32 for ch in value):
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Isian terlalu panjang atau berisi karakter yang "
                                                                 "tidak sah."))
    return None


def _check_office(key: str, field: str, value: str) -> UserInputError | None:
    """The office database: always TLS with a verified certificate (services/office/config.py)."""
    from services.office.config import COUNTER_ID, AddressInvalid, parse_address

    if key == "address":
        try:
            parse_address(value)
        except AddressInvalid:
            return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Alamat tidak sah. Contoh: "
                                                                     "kantor.mitra.co.id:5432/loket"))
    if key == "counter_id" and not COUNTER_ID.match(value):
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "ID loket: huruf, angka, - atau _ (maks. 32)."))
    return None


class HostSettings:
    def __init__(self, profile: Profile, secrets: SecretStore) -> None:
        self.profile = profile
        self.secrets = secrets

    def load(self) -> HostSettingsView:
        settings = self.profile.load_settings()
        hosts = settings.get("hosts", {})
        values = {h.name: {key: str(hosts.get(h.name, {}).get(key, "") or "") for key, _label in h.fields}
                  for h in HOSTS}
        stored = {key: bool(self.secrets.get(key)) for key in SECRET_KEYS}
        return HostSettingsView(settings.get("mode", "sandbox"), values, stored)

    def validate(self, mode: str, values: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        """Cleaned values; every bad field at once (``FormInvalid``)."""
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
                field = f"{host.name}.{key}"
                problem = _check_value(field, value)
                if problem is None and key == "base_url" and value:
                    problem = _check_url(field, value, live)
                    value = value.rstrip("/")
                if problem is None and key == "fitur_overrides" and value:
                    try:
                        parse_fitur_overrides(value)
                    except ValueError as exc:
                        problem = UserInputError(field, exc.args[0])
                if problem is None and host.name == "office" and value:
                    problem = _check_office(key, field, value)
                if problem is not None:
                    errors.append(problem)
                out[key] = value or dict(host.defaults).get(key, "")
            cleaned[host.name] = out
        if live and not cleaned["bankplus"]["base_url"]:
            errors.append(UserInputError("bankplus.base_url", QT_TRANSLATE_NOOP("errors", "Mode live membutuhkan "
                                                                                          "alamat host Bank+.")))
        if errors:
            raise FormInvalid(errors)
        return cleaned

    def save(self, mode: str, values: dict[str, dict[str, str]], new_secrets: dict[str, str]) -> None:
        """Check everything, then store the typed secrets and write the settings."""
        cleaned = self.validate(mode, values)
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
