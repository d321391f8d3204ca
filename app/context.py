"""Build every service Loket needs from a profile: the one place objects are wired.

In sandbox mode (the default) the Bank+ client talks to the in-process simulated host
through ``SandboxTransport``; in live mode to the configured address over TLS with
certificate verification always on.
"""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.version import __version__
from services.banking import BankingService
from services.clock import Clock
from services.errors import ConfigurationError
from services.hosts.bankplus import BankPlusClient
from services.journal import Journal, JournalRow
from services.profile import Profile
from services.sandbox import SimulatedHost, make_host
from services.sandbox.transport import SandboxTransport
from services.secrets import SecretStore

SANDBOX_BASE = "http://sandbox.invalid"  # never resolved: the transport answers in-process


@dataclass
class AppContext:
    profile: Profile
    settings: dict[str, Any]
    sandbox: bool
    journal: Journal
    secrets: SecretStore
    http: httpx.Client
    banking: BankingService
    recovered: list[JournalRow] = field(default_factory=list)
    sandbox_hosts: dict[str, SimulatedHost] = field(default_factory=dict)

    def close(self) -> None:
        self.http.close()
        self.journal.close()


def setup_logging(profile: Profile) -> None:
    """A rotating log in the profile. Requests are never logged with their bodies."""
    handler = logging.handlers.RotatingFileHandler(
        profile.logs_dir / "loket.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)


def build_context(profile: Profile, *, live: bool = False, clock: Clock | None = None,
                  sandbox_hosts: dict[str, SimulatedHost] | None = None) -> AppContext:
    settings = profile.load_settings()
    sandbox = not (live or not profile.is_sandbox(settings))
    journal = Journal(profile.journal_path, clock=clock)
    recovered = journal.recover_interrupted()
    headers = {"user-agent": f"Loket/{__version__}"}
    hosts: dict[str, SimulatedHost] = {}
    if sandbox:
        hosts = dict(sandbox_hosts or {"bankplus": make_host("bankplus")})
        routes = {"/bankplus/": hosts["bankplus"]}
        http = httpx.Client(transport=SandboxTransport(routes=routes), headers=headers)
        bankplus_url = SANDBOX_BASE
    else:
        bankplus_url = settings["hosts"]["bankplus"]["base_url"]
        if not bankplus_url.startswith("https://"):
            raise ConfigurationError("Alamat host live harus memakai https://. Periksa Pengaturan.")
        http = httpx.Client(verify=True, headers=headers)
    banking = BankingService(
        BankPlusClient(http, bankplus_url),
        journal,
        limits=settings["limits"],
        attachments_dir=profile.folder / "attachments",
    )
    return AppContext(profile, settings, sandbox, journal, SecretStore(profile.folder), http, banking,
                      recovered, hosts)
