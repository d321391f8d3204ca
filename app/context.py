"""Build every service Loket needs from a profile: the one place objects are wired.

In sandbox mode (the default) the Bank+ client talks to the in-process simulated host
through ``SandboxTransport``; in live mode to the configured address over TLS with
certificate verification always on.
"""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Callable

import httpx

from app.version import __version__
from services.banking import BankingService
from services.billpay import BillPayService
from services.clock import Clock
from services.dayclose import DayCloseService
from services.dayclose.supervisor import REVERSAL
from services.errors import ConfigurationError
from services.flows.pin import TransactionPins
from services.host_settings import live_url_allowed, parse_fitur_overrides, private_http
from services.hosts.bankplus import BankPlusClient
from services.hosts.bca import BcaClient
from services.hosts.doku_va import DokuVaClient
from services.hosts.keagenan import KeagenanClient, KeagenanConfig
from services.hosts.snap import PartnerKeys, SnapClient, SnapCredentials
from services.hosts.switcher import SwitcherClient
from services.journal import Journal, JournalRow
from services.journal.days import after_sealed
from services.products import default_catalogue
from services.profile import Profile
from services.receipts import PrinterConfig, PrinterWorker, ReceiptDesk
from services.receipts.agents import remember_agent
from services.receipts.model import Agent
from services.receipts.settings import PrinterSettings
from services.resolution import SuspectResolver
from services.resolution_guide import ResolutionGuides
from services.sandbox import SimulatedHost, make_host
from services.sandbox.training import TrainingTransport
from services.training import TrainingSwitch
from services.sandbox.transport import SandboxTransport
from services.secrets import SecretStore
from services.snap_services import BcaService, VirtualAccountService
from services.status_checks import register_bca
from services.switching import SwitchingService
from services.transactions import DEFAULT_DUPLICATE_MINUTES, TransactionRunner

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
    dayclose: DayCloseService | None = None
    resolver: SuspectResolver | None = None
    switching: SwitchingService | None = None
    billpay: BillPayService | None = None
    va: VirtualAccountService | None = None
    bca: BcaService | None = None
    partner_keys: dict[str, PartnerKeys] = field(default_factory=dict)
    recovered: list[JournalRow] = field(default_factory=list)
    sandbox_hosts: dict[str, SimulatedHost] = field(default_factory=dict)
    extra_http: list[httpx.Client] = field(default_factory=list)
    printer_worker: PrinterWorker | None = None
    receipts: ReceiptDesk | None = None
    printer_settings: PrinterSettings | None = None
    # the agent's transaction PIN as Bank+ proved it, for BCA and Switcher (services/flows/pin.py)
    pins: TransactionPins | None = None
    wrap_transport: Callable[[httpx.BaseTransport], httpx.BaseTransport] | None = None  # tests (build_context)
    training: TrainingSwitch | None = None  # sandbox only: the next transaction meets a drilled fault

    def close(self) -> None:
        if self.printer_worker is not None:
            self.printer_worker.close()  # lets the queued receipts finish first
        for client in self.extra_http:
            client.close()
        self.http.close()
        self.journal.close()  # the one connection to the journal file (the day close's too)


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


def sandbox_transport(inner: SandboxTransport, training: TrainingSwitch | None,
                      wrap: Callable[[httpx.BaseTransport], httpx.BaseTransport] | None) -> httpx.BaseTransport:
    """A sandbox client's transport: the training switch around the simulated hosts, then
    whatever a test puts between (``wrap_transport``)."""
    around = TrainingTransport(inner, training) if training is not None else inner
    return wrap(around) if wrap is not None else around


def build_context(profile: Profile, *, live: bool = False, clock: Clock | None = None,
                  sandbox_hosts: dict[str, SimulatedHost] | None = None,
                  wrap_transport: Callable[[httpx.BaseTransport], httpx.BaseTransport] | None = None) -> AppContext:
    """``wrap_transport`` (sandbox only): put something between the clients and the simulated
    hosts, as tests do to refuse a connection the way a dead network would."""
    profile.check_writable()
    settings = profile.load_settings()
    sandbox = not live and profile.is_sandbox(settings)
    secrets = SecretStore(profile.folder)
    secrets.check()  # a lost key or a damaged file is reported, never replaced in silence
    # New rows belong to the calendar day in WIB, or the day after the last day Tutup Hari
    # sealed (the journal keeps that mark in its file; the day close moves it).
    # JournalDamaged: no money is taken.
    journal = Journal(profile.journal_path, clock=clock, business_day=after_sealed)
    try:
        check_seals(journal)
        recovered = journal.recover_interrupted()
    except BaseException:
        journal.close()
        raise
    headers = {"user-agent": f"Loket/{__version__}"}
    hosts: dict[str, SimulatedHost] = {}
    keys = {name: PartnerKeys(profile.folder / "keys", secrets, name) for name in SNAP_HOSTS}
    training = None
    if sandbox:
        hosts = dict(sandbox_hosts or {})
        hosts.setdefault("bankplus", make_host("bankplus"))
        hosts.setdefault("keagenan", make_host("keagenan"))
        hosts.setdefault("switcher", make_host("switcher"))
        for name in SNAP_HOSTS:
            if name not in hosts:
                # The sandbox verifies signatures against the partner's own key, as the bank
                # would once the .pub file is registered; a first start makes that key.
                if not keys[name].has_key():
                    keys[name].generate()
                hosts[name] = make_host(name, public_key_pem=keys[name].public_key_pem(), clock=clock)
        training = TrainingSwitch(lambda: [r[0] for r in journal.execute("SELECT reference FROM txn "
                                                                         "WHERE state='SENT'")])
        transport = SandboxTransport(routes=_sandbox_routes(hosts))
        http = httpx.Client(transport=sandbox_transport(transport, training, wrap_transport), headers=headers)
        urls = {name: SANDBOX_BASE for name in ("bankplus", "keagenan", *SNAP_HOSTS)}
    else:
        urls = {name: settings["hosts"].get(name, {}).get("base_url", "")
                for name in ("bankplus", "keagenan", *SNAP_HOSTS)}
        check_live_urls(settings)
        http = httpx.Client(verify=True, headers=headers)
    deadline = request_deadline(settings)
    banking = BankingService(
        BankPlusClient(http, urls["bankplus"], deadline=deadline),
        journal,
        limits=settings["limits"],
        attachments_dir=profile.folder / "attachments",
    )
    context = AppContext(profile, settings, sandbox, journal, secrets, http, banking,
                         partner_keys=keys, recovered=recovered, sandbox_hosts=hosts,
                         wrap_transport=wrap_transport if sandbox else None, training=training)
    context.dayclose = _day_close(context, clock)
    context.resolver = SuspectResolver(journal, guides=ResolutionGuides(settings.get("hosts"), sandbox=sandbox))
    _wire_switcher(context, headers)
    _wire_snap(context, urls, clock or journal.clock)
    _wire_keagenan(context, urls["keagenan"], clock or journal.clock)
    _wire_receipts(context)
    context.pins = TransactionPins(profile.folder)
    _duplicate_window(context)
    profile.tighten()  # the journal, its WAL and the logs were created under the umask
    return context


def _duplicate_window(context: AppContext) -> None:
    """How long a SUCCESS makes the same payment ask "Ini transaksi baru?": the setting
    ``duplicate_payment_minutes`` (default 15; 0 turns the question off)."""
    minutes = context.settings.get("duplicate_payment_minutes", DEFAULT_DUPLICATE_MINUTES)
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or minutes < 0:
        minutes = DEFAULT_DUPLICATE_MINUTES
    window = timedelta(minutes=minutes)
    services = (context.banking, context.switching, context.billpay, context.va, context.bca)
    for runner in {id(s.runner): s.runner for s in services if s is not None}.values():
        runner.duplicate_window = window


def check_seals(journal: Journal) -> None:
    """Every sealed day still holds what its Laporan Z sealed (services/dayclose/seals.py)."""
    from services.dayclose import seals
    from services.journal.integrity import JournalDamaged
    from services.i18n import QT_TRANSLATE_NOOP, templated

    problems = seals.check_file(journal.path, events=False)
    if problems:
        logging.getLogger(__name__).error("seal check: %s", problems)
        raise JournalDamaged(templated(QT_TRANSLATE_NOOP("errors", "Jurnal tidak cocok dengan laporan hari yang sudah "
                                                                   "ditutup: {problem}"), problem=problems[0]),
                             journal.path)


SNAP_HOSTS = ("doku", "bca")
LIVE_HOSTS = ("bankplus", "keagenan", "switcher", *SNAP_HOSTS)


def request_deadline(settings: dict[str, Any]) -> float | None:
    """``network.deadline_seconds``: the overall time a request may take (connection and the
    whole answer); None keeps the default of services/hosts/http.py."""
    value = (settings.get("network") or {}).get("deadline_seconds")
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return seconds if 5 <= seconds <= 600 else None


def check_live_urls(settings: dict[str, Any]) -> None:
    """Every live host address must be https (verified TLS), whatever mode it was saved in;
    the Switcher's private-network http is the one exception, logged as such. Bank+ must
    have one: it is the login host."""
    hosts = settings.get("hosts", {})
    if not str(hosts.get("bankplus", {}).get("base_url", "")).startswith("https://"):
        raise ConfigurationError("Alamat host live harus memakai https://. Periksa Pengaturan.")
    for name in LIVE_HOSTS:
        url = str(hosts.get(name, {}).get("base_url", "") or "")
        if not url:
            continue
        if not live_url_allowed(name, url):
            raise ConfigurationError(f"Alamat host live {name} harus memakai https://. Periksa Pengaturan.")
        if private_http(url):
            logging.getLogger(__name__).warning("%s: jalur privat tanpa TLS (%s)", name, url)


def _sandbox_routes(hosts: dict[str, SimulatedHost]) -> dict[str, SimulatedHost]:
    """Path prefix -> host, for the one in-process transport every client shares."""
    routes = {"/bankplus/": hosts["bankplus"]}
    if "keagenan" in hosts:
        keagenan = hosts["keagenan"].credentials()
        routes.update({keagenan["token_path"]: hosts["keagenan"], keagenan["transaction_path"]: hosts["keagenan"]})
    if "doku" in hosts:
        routes.update({"/authorization/": hosts["doku"], "/bi-snap-va/": hosts["doku"]})
    if "bca" in hosts:
        routes["/openapi/"] = hosts["bca"]
    return routes


def _snap_credentials(context: AppContext, name: str) -> tuple[SnapCredentials, dict[str, Any]] | None:
    """What the bank issued: from the sandbox host, or from settings + the secret store."""
    if context.sandbox:
        creds = context.sandbox_hosts[name].credentials()
        secret = creds["client_secret"]
    else:
        creds = context.settings["hosts"].get(name, {})
        secret = context.secrets.get(f"{name}.client_secret") or ""
        if not (creds.get("client_key") and secret and context.partner_keys[name].has_key()):
            return None  # not configured: the screens say so instead of failing at the bank
    return SnapCredentials(creds["client_key"], secret, creds["partner_id"], creds["channel_id"],
                           creds["token_path"]), creds


def _wire_snap(context: AppContext, urls: dict[str, str], clock: Clock) -> None:
    runner = TransactionRunner(context.journal, context.banking.operator)
    for name in SNAP_HOSTS:
        found = _snap_credentials(context, name)
        if found is None:
            continue
        credentials, extra = found
        snap = SnapClient.build(context.http, urls[name], name, credentials,
                                context.partner_keys[name].private_key(), clock=clock,
                                deadline=request_deadline(context.settings))
        if name == "doku":
            partner_service_id = extra.get("partner_service_id", "")
            context.va = VirtualAccountService(DokuVaClient(snap, partner_service_id), runner, clock=clock)
        else:
            account = extra.get("agent_account") or extra.get("account_no", "")
            context.bca = BcaService(BcaClient(snap, account), runner, clock=clock)
            if context.resolver is not None:  # SUSPECT BCA transfers settle by BCA's status inquiry
                register_bca(context.resolver, context.bca.client, context.journal)


def _wire_keagenan(context: AppContext, base_url: str, clock: Clock) -> None:
    """BNI Keagenan bill payments: ids from the sandbox or settings, passwords from secrets."""
    if context.sandbox:
        creds = context.sandbox_hosts["keagenan"].credentials()
    else:
        creds = dict(context.settings["hosts"].get("keagenan", {}))
        creds["x_auth_password"] = context.secrets.get("keagenan.x_auth_password") or ""
        creds["client_secret"] = context.secrets.get("keagenan.client_secret") or ""
        if not all(creds.get(k) for k in ("dealer_id", "x_auth_user", "x_auth_password", "client_id",
                                          "client_secret", "agent_code")):
            return
    config = KeagenanConfig(
        base_url=base_url, dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
        xauth_password=creds["x_auth_password"], client_id=creds["client_id"], client_secret=creds["client_secret"],
        agent_code=creds["agent_code"], account_num=creds.get("account_num", ""),
        token_path=creds.get("token_path", "/api/oauth/token"),
        transaction_path=creds.get("transaction_path", "/keagenan/transaction"),
        deadline=request_deadline(context.settings),
    )
    runner = TransactionRunner(context.journal, context.banking.operator)
    catalogue = None
    if not context.sandbox:  # the deployment's own fiturIds (Koneksi Host); the sandbox speaks the document's
        overrides = str(context.settings["hosts"].get("keagenan", {}).get("fitur_overrides", "") or "")
        try:
            catalogue = default_catalogue().with_fiturs(parse_fitur_overrides(overrides)) if overrides else None
        except ValueError as exc:
            raise ConfigurationError(f"fiturId khusus BNI Keagenan: {exc.args[0]} Periksa Pengaturan.") from None
    context.billpay = BillPayService(KeagenanClient(context.http, config, clock=clock), context.journal, runner,
                                     catalogue=catalogue)


def _day_close(context: AppContext, clock: Clock | None) -> DayCloseService:
    """Shift, cash and day close; the report header follows whoever is logged in."""
    service = DayCloseService(context.journal, clock=clock, sandbox=context.sandbox,
                              bank_balance=lambda: context.banking.agent_balance().balance)

    def on_session(session) -> None:
        if session is not None:
            service.agent = Agent(session.name, session.agent_code, session.address)

    context.banking.session_listeners.append(on_session)
    return service


def _wire_receipts(context: AppContext) -> None:
    """One printer worker owns the device; the desk prints for every screen.

    The receipt header names the agent who wrote the row, recorded in the journal at each
    login (so ``python -m app receipt`` and a reprint after a restart print it too), unless
    the profile has an ``agent`` setting (a mitra printing its shop's name), which always wins.
    """
    worker = PrinterWorker(PrinterConfig.from_settings(context.settings.get("printer")), context.profile.receipts_dir)
    context.printer_worker = worker
    context.receipts = ReceiptDesk(context.journal, worker, sandbox=context.sandbox,
                                   agent=context.settings.get("agent"))
    context.printer_settings = PrinterSettings(context.profile, worker, context.settings)

    def on_session(session) -> None:
        if session is not None:
            remember_agent(context.journal, session.username,
                           Agent(session.name, session.agent_code, session.address))

    context.banking.session_listeners.append(on_session)


def _wire_switcher(context: AppContext, headers: dict[str, str]) -> None:
    """Bank+ Switcher: its paths sit at the host's root (/inquiry, /transfer ...), so in the
    sandbox it gets a client of its own. Reversals are approved by a supervisor PIN."""
    if context.sandbox:
        host = context.sandbox_hosts["switcher"]
        transport = sandbox_transport(SandboxTransport(host), context.training, context.wrap_transport)
        http = httpx.Client(transport=transport, headers=headers)
        base_url, creds = SANDBOX_BASE, host.credentials()
    else:
        creds = context.settings["hosts"].get("switcher", {})
        base_url = creds.get("base_url", "")
        if not (base_url and creds.get("source_account")):
            return
        http = httpx.Client(verify=True, headers=headers)
    context.extra_http.append(http)
    supervisors = context.dayclose.supervisors if context.dayclose else None
    context.switching = SwitchingService(
        SwitcherClient(http, base_url, deadline=request_deadline(context.settings)), context.journal,
        source_bank=creds.get("source_bank", ""), source_account=creds["source_account"],
        approve=supervisors.approver(REVERSAL, "reversal transfer Switcher") if supervisors else (lambda pin: None),
        operator=context.banking.operator,
    )
    if context.resolver is not None:
        context.switching.register_with(context.resolver)
