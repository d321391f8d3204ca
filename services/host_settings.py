"""Koneksi Host: the live hosts' addresses and credentials, read, checked and saved.

Non-secret values (base URLs, dealer/client/partner/channel ids, accounts) go to
``settings.json`` under ``hosts.<name>``; secrets (X-Auth password, client secrets) ONLY to
the ``SecretStore`` under ``<host>.<name>`` — the names ``app.context`` reads. A stored
secret is never read back for display: ``load`` only says whether one is stored, and
``save`` replaces a secret only when a new value was typed.

Decisions:
* In live mode every address that is filled in must be ``https://`` (TLS verification is
  always on for live hosts, ``app.context``), and Bank+ must have one: it is the login host.
  In sandbox mode the addresses are kept for later and only need to look like URLs.
* An empty token path is saved as the host's documented default, because ``app.context``
  requires one for each SNAP host.
* Changes apply at the next start: the clients are built once, at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from services.errors import FormInvalid, UserInputError
from services.hosts.bca import TOKEN_PATH as BCA_TOKEN_PATH
from services.hosts.doku_va import TOKEN_PATH as DOKU_TOKEN_PATH
from services.hosts.keagenan import TOKEN_PATH as KEAGENAN_TOKEN_PATH
from services.profile import Profile
from services.secrets import SecretStore
from services.i18n import QT_TRANSLATE_NOOP

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
        ("token_path", QT_TRANSLATE_NOOP("host_settings", "Path token"))),
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


def _check_url(field: str, url: str, live: bool) -> UserInputError | None:
    parts = urlsplit(url)
    if any(ch.isspace() for ch in url) or parts.scheme not in ("http", "https") or not parts.hostname:
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Alamat tidak sah. Contoh: https://api.bank.co.id"))
    if live and parts.scheme != "https":
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Mode live wajib memakai https:// (koneksi "
                                                                 "terenkripsi)."))
    if parts.query or parts.fragment:
        return UserInputError(field, QT_TRANSLATE_NOOP("errors", "Tulis alamat dasarnya saja, tanpa ? atau #."))
    return None


def _check_value(field: str, value: str) -> UserInputError | None:
    if len(value) > MAX_VALUE or any(ord(ch) < 32 for ch in value):
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
