"""Build every service Loket needs from a profile: the one place objects are wired.

In sandbox mode (the default) the Bank+ client talks to the in-process simulated host
through ``SandboxTransport``; in live mode to the configured address over TLS with
certificate verification always on: the system's trust store and certifi's bundle
(``services.hosts.http.bank_tls_context``), and a host's own CA file from Koneksi Host for
that host alone.
"""

from __future__ import annotations

import logging
import logging.handlers
import ssl
from dataclasses import dataclass, field, fields
from typing import Any, Callable

import httpx

from app.counter_settings import CounterSettings
from app.version import __version__
from services.bank_time import BankTime
from services.clock import Clock
from services.counter_fees import CounterFees
from services.dayclose import DayCloseService
from services.dayclose.live_supervisors import LiveSupervisors
from services.errors import ConfigurationError
from services.flows.pin import TransactionPins
from services.host_settings import is_test_platform, live_url_allowed, private_http
from services.hosts.host import Host, Wiring
from services.hosts.http import bank_tls_context, stays_on_host
from services.hosts.registry import HOSTS, INQUIRIES, LOGIN_HOST, HostServices
from services.hosts.snap import PartnerKeys
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal, JournalRow
from services.journal.days import after_sealed
from services.journal.mode import check_mode
from services.profile import Profile
from services.receipts import PrinterConfig, PrinterWorker, ReceiptDesk
from services.receipts.agents import remember_agent
from services.receipts.model import Agent
from services.receipts.products import number_locations
from services.receipts.settings import PrinterSettings
from services.resolution import SuspectResolver
from services.resolution_guide import ResolutionGuides
from services.sandbox import SimulatedHost, make_host
from services.sandbox.training import TrainingTransport
from services.sandbox.transport import SandboxTransport
from services.secrets import SecretStore
from services.training import TrainingSwitch

SANDBOX_BASE = "http://sandbox.invalid"  # never resolved: the transport answers in-process


@dataclass
class AppContext(HostServices):
    """Everything built at start-up; the host services are the fields of ``HostServices``,
    one per host of ``services.hosts.registry`` (None: that host is not configured)."""

    profile: Profile
    settings: dict[str, Any]
    sandbox: bool
    journal: Journal
    secrets: SecretStore
    http: httpx.Client
    dayclose: DayCloseService | None = None
    resolver: SuspectResolver | None = None
    partner_keys: dict[str, PartnerKeys] = field(default_factory=dict)
    recovered: list[JournalRow] = field(default_factory=list)
    sandbox_hosts: dict[str, SimulatedHost] = field(default_factory=dict)
    extra_http: list[httpx.Client] = field(default_factory=list)
    printer_worker: PrinterWorker | None = None
    receipts: ReceiptDesk | None = None
    printer_settings: PrinterSettings | None = None
    counter_fees: CounterFees | None = None  # the supervisor's biaya loket per product
    # the agent's transaction PIN as Bank+ proved it, for BCA and Switcher (services/flows/pin.py)
    pins: TransactionPins | None = None
    counter: CounterSettings = field(default_factory=CounterSettings)
    wrap_transport: Callable[[httpx.BaseTransport], httpx.BaseTransport] | None = None  # tests (build_context)
    training: TrainingSwitch | None = None  # sandbox only: the next transaction meets a drilled fault
    # the PC's clock beside the hosts' (services/bank_time.py): Beranda warns, Buka Shift and Tutup Hari refuse
    bank_time: BankTime | None = None
    # a sandbox run of a kiosk that has run live: the live journal's supervisors open its settings
    live_supervisors: LiveSupervisors | None = None

    def host_services(self) -> dict[str, Any]:
        """The host services by ``HostServices`` field, for the screens' ``ScreenServices``."""
        return {f.name: getattr(self, f.name) for f in fields(HostServices)}

    def close(self) -> None:
        if self.printer_worker is not None:
            self.printer_worker.close()  # lets the queued receipts finish first
        for client in self.extra_http:
            client.close()
        self.http.close()
        if self.live_supervisors is not None:
            self.live_supervisors.close()
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


def build_context(profile: Profile, *, live: bool = False, sandbox: bool = False, clock: Clock | None = None,
                  sandbox_hosts: dict[str, SimulatedHost] | None = None,
                  wrap_transport: Callable[[httpx.BaseTransport], httpx.BaseTransport] | None = None) -> AppContext:
    """``live``, ``sandbox``: the command line's choice of mode for this run
    (``Profile.is_sandbox``). ``wrap_transport`` (sandbox only): put something between the
    clients and the simulated hosts, as tests do to refuse a connection the way a dead
    network would."""
    profile.check_writable()
    settings = profile.load_settings()
    sandbox = profile.is_sandbox(settings, live=live, sandbox=sandbox)
    secrets = SecretStore(profile.folder)
    secrets.check()  # a lost key or a damaged file is reported, never replaced in silence
    # New rows belong to the calendar day in WIB, or the day after the last day Tutup Hari
    # sealed (the journal keeps that mark in its file; the day close moves it).
    # JournalDamaged: no money is taken. Riwayat finds a row by the numbers the bank answered
    # that its receipt prints too (PLN's full customer id).
    journal = Journal(profile.journal_for(sandbox), clock=clock, business_day=after_sealed, inquiries=INQUIRIES,
                      answered_numbers=number_locations())
    try:
        check_mode(journal, sandbox=sandbox)  # a backup restored into the other mode's folder
        check_seals(journal)
        recovered = journal.recover_interrupted()
    except BaseException:
        journal.close()
        raise
    headers = {"user-agent": f"Loket/{__version__}"}
    keys = {h.name: PartnerKeys(profile.folder / "keys", secrets, h.name) for h in HOSTS if h.signs}
    hosts: dict[str, SimulatedHost] = {}
    training = None
    if sandbox:
        hosts = _sandbox_hosts(sandbox_hosts or {}, keys, clock)
        training = TrainingSwitch(lambda: [r[0] for r in journal.execute("SELECT reference FROM txn "
                                                                         "WHERE state='SENT'")])
        transport = SandboxTransport(routes=_sandbox_routes(hosts))
        http = httpx.Client(transport=sandbox_transport(transport, training, wrap_transport), headers=headers)
    else:
        check_live_urls(settings)
        # One TLS context for every host without a CA file of its own: each one built anew
        # loads the CA bundle again (~0.8 MiB a client, held all day).
        tls = bank_tls_context()
        http = httpx.Client(verify=tls, headers=headers)
    # banking: the login host is built from this context, two lines below
    context = AppContext(profile, settings, sandbox, journal, secrets, http, banking=None,  # type: ignore[arg-type]
                         partner_keys=keys, recovered=recovered, sandbox_hosts=hosts,
                         wrap_transport=wrap_transport if sandbox else None, training=training,
                         counter=CounterSettings.parse(settings),
                         bank_time=BankTime(clock or journal.clock, trusted=LOGIN_HOST.name))

    own_clients: dict[str, httpx.Client] = {}

    def own_http(name: str) -> httpx.Client:
        """A client of the host's own, closed with the context: the sandbox transport to that
        host alone, or verified TLS with the host's own CA file besides (one per host)."""
        if sandbox:
            client = httpx.Client(transport=sandbox_transport(SandboxTransport(hosts[name]), training, wrap_transport),
                                  headers=headers)
        elif name in own_clients:
            return own_clients[name]
        else:
            client = own_clients[name] = httpx.Client(verify=host_tls(settings, name, tls), headers=headers)
        context.extra_http.append(client)
        return client

    def host_http(name: str) -> httpx.Client:
        """The client a host's requests go through: the shared one, or (live, with a CA
        file of its own) the host's own, so its CA is trusted for its address alone."""
        return own_http(name) if not sandbox and ca_file(settings, name) else http

    context.banking = _build(context, LOGIN_HOST, clock, own_http, host_http)
    context.dayclose = _day_close(context, clock)
    context.resolver = SuspectResolver(journal, guides=ResolutionGuides(settings.get("hosts"), sandbox=sandbox))
    context.counter_fees = CounterFees(profile, settings)
    for host in HOSTS:
        if host is not LOGIN_HOST:
            setattr(context, host.service, _build(context, host, clock, own_http, host_http))
    _wire_receipts(context)
    context.pins = TransactionPins(profile.data_folder(sandbox), secrets_store=secrets, sandbox=sandbox)
    if sandbox and profile.has_run_live():  # the kiosk's settings are the live kiosk's too
        context.live_supervisors = LiveSupervisors(profile.journal_for(False), journal.clock)
    _counter_rules(context)
    profile.tighten()  # the journal, its WAL and the logs were created under the umask
    return context


def _sandbox_hosts(given: dict[str, SimulatedHost], keys: dict[str, PartnerKeys],
                   clock: Clock | None) -> dict[str, SimulatedHost]:
    """Every registered host simulated in-process, unless a test handed its own."""
    hosts = dict(given)
    for host in HOSTS:
        if host.name in hosts:
            continue
        if host.signs:
            # The sandbox verifies signatures against the partner's own key, as the bank
            # would once the .pub file is registered; a first start makes that key.
            if not keys[host.name].has_key():
                keys[host.name].generate()
            hosts[host.name] = make_host(host.name, public_key_pem=keys[host.name].public_key_pem(), clock=clock)
        else:
            hosts[host.name] = make_host(host.name, clock=clock)  # in this process: the PC's clock
    return hosts


def _issued(context: AppContext, host: Host) -> dict[str, Any] | None:
    """What the bank issued to this counter: the sandbox host's own, or the settings with the
    host's secrets; None when a live host lacks any of it (the screens say "not configured")."""
    if context.sandbox:
        return dict(context.sandbox_hosts[host.name].credentials())
    issued = dict(context.settings.get("hosts", {}).get(host.name, {}))
    for secret, _label in host.settings.secrets:
        issued[secret] = context.secrets.get(f"{host.name}.{secret}") or ""
    if not host.configured(issued) or (host.signs and not context.partner_keys[host.name].has_key()):
        return None
    return issued


def ca_file(settings: dict[str, Any], name: str) -> str:
    """The host's own CA file (Koneksi Host), "" when it has none."""
    return str((settings.get("hosts", {}).get(name) or {}).get("ca_file", "") or "").strip()


def host_tls(settings: dict[str, Any], name: str, shared: ssl.SSLContext) -> ssl.SSLContext:
    """The host's TLS context: ``shared`` (the system's store and certifi), with the host's CA
    file besides when it has one. A file that cannot be read any more (moved, replaced since
    Koneksi Host checked it) is logged and left out: that host alone then trusts less and its
    refusal names its CA setting (``CertificateRefused``); the counter still starts, since the
    supervisor corrects the setting from inside Loket."""
    path = ca_file(settings, name)
    if not path:
        return shared
    try:
        return bank_tls_context(path)
    except (OSError, ssl.SSLError) as exc:
        logging.getLogger(__name__).error("%s: berkas sertifikat CA %s tidak dapat dibaca (%s): hanya sertifikat "
                                          "sistem yang dipakai", name, path, exc)
        return shared


def _build(context: AppContext, host: Host, clock: Clock | None,
           own_http: Callable[[str], httpx.Client], host_http: Callable[[str], httpx.Client]) -> Any:
    issued = _issued(context, host)
    if issued is None:
        return None
    supervisors = context.dayclose.supervisors if context.dayclose else None
    operator = context.banking.operator if context.banking is not None else (lambda: "system")
    return host.build(Wiring(
        settings=context.settings, folder=context.profile.data_folder(context.sandbox), http=host_http(host.name),
        base_url=SANDBOX_BASE if context.sandbox else str(issued.get("base_url", "") or ""),
        issued=issued, sandbox=context.sandbox, journal=context.journal, clock=clock or context.journal.clock,
        deadline=context.counter.deadline_seconds, operator=operator, resolver=context.resolver,
        keys=context.partner_keys.get(host.name),
        approver=supervisors.approver if supervisors else (lambda action: lambda pin, reason, subject: None),
        limits=context.counter.limits,
        own_http=lambda: own_http(host.name),
        counter_fees=context.counter_fees.fee if context.counter_fees is not None else None,
        bank_time=context.bank_time))


def _counter_rules(context: AppContext) -> None:
    """Every host's runner asks "Ini transaksi baru?" within the same window, and refuses a
    payment that moves cash while today's shift is not open or while another agent holds the
    drawer (``Handovers.require_drawer``)."""
    services = [service for service in context.host_services().values() if service is not None]
    handovers = context.dayclose.handovers if context.dayclose is not None else None
    for runner in {id(s.runner): s.runner for s in services}.values():
        runner.duplicate_window = context.counter.duplicate_window
        if handovers is not None:
            runner.drawer_check = handovers.require_drawer


def check_seals(journal: Journal) -> None:
    """Every sealed day still holds what its Laporan Z sealed (services/dayclose/seals.py)."""
    from services.dayclose import seals
    from services.i18n import QT_TRANSLATE_NOOP, templated
    from services.journal.integrity import JournalDamaged

    problems = seals.check_file(journal.path, events=False)
    if problems:
        logging.getLogger(__name__).error("seal check: %s", problems)
        raise JournalDamaged(templated(QT_TRANSLATE_NOOP("errors", "Jurnal tidak cocok dengan laporan hari yang sudah "
                                                                   "ditutup: {problem}"), problem=problems[0]),
                             journal.path)


def check_live_urls(settings: dict[str, Any]) -> None:
    """Every live host address must be https (verified TLS), whatever mode it was saved in;
    the Switcher's private-network http is the one exception, logged as such. Bank+ must
    have one: it is the login host. Every path appended to an address (``token_path``,
    ``transaction_path``, hand-editable in settings.json) stays on that address's host."""
    hosts = settings.get("hosts", {})
    # Koneksi Host is reached only after a login this refuses: the way there is a --sandbox start
    if not str(hosts.get("bankplus", {}).get("base_url", "") or "").strip():
        raise ConfigurationError(QT_TRANSLATE_NOOP(
            "errors", "Mode live belum diatur: alamat host Bank+ kosong. Buka Loket sekali dengan --sandbox, lalu "
                      "minta supervisor mengisi Pengaturan > Koneksi Host dan memilih mode Live."))
    for name in (host.name for host in HOSTS):
        url = str(hosts.get(name, {}).get("base_url", "") or "")
        if not url and name != LOGIN_HOST.name:
            continue
        if not live_url_allowed(name, url):
            raise ConfigurationError(templated(QT_TRANSLATE_NOOP(
                "errors", "Alamat host live {value} harus memakai https://. Buka Loket sekali dengan --sandbox, "
                          "lalu minta supervisor memperbaikinya di Pengaturan > Koneksi Host."), value=name))
        if is_test_platform(url):
            raise ConfigurationError(templated(QT_TRANSLATE_NOOP(
                "errors", "Alamat host live {value} adalah platform uji bank (development/sandbox), bukan production. "
                          "Buka Loket sekali dengan --sandbox, lalu minta supervisor memperbaikinya di Pengaturan > "
                          "Koneksi Host."), value=name))
        # a path is appended to the address: "@evil.example/token" would be another host
        for key, path in hosts.get(name, {}).items():
            if key.endswith("_path") and path and not stays_on_host(url, str(path)):
                raise ConfigurationError(templated(QT_TRANSLATE_NOOP(
                    "errors", "Path {key} host live {value} harus diawali / tanpa nama host. Buka Loket sekali "
                              "dengan --sandbox, lalu minta supervisor memperbaikinya di Pengaturan > Koneksi Host."),
                    key=key, value=name))
        if private_http(url):
            logging.getLogger(__name__).warning("%s: jalur privat tanpa TLS (%s)", name, url)


def _sandbox_routes(hosts: dict[str, SimulatedHost]) -> dict[str, SimulatedHost]:
    """Path prefix -> host, for the one in-process transport the clients share (a host
    without routes gets a client of its own)."""
    return {prefix: hosts[host.name] for host in HOSTS if host.routes is not None and host.name in hosts
            for prefix in host.routes(hosts[host.name].credentials())}


def _day_close(context: AppContext, clock: Clock | None) -> DayCloseService:
    """Shift, cash and day close; the report header follows whoever is logged in."""
    service = DayCloseService(context.journal, clock=clock, sandbox=context.sandbox,
                              bank_balance=lambda: context.banking.agent_balance().balance,
                              bank_time=context.bank_time)

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
    worker = PrinterWorker(PrinterConfig.from_settings(context.settings.get("printer")),
                           context.profile.receipts_for(context.sandbox))
    context.printer_worker = worker
    context.receipts = ReceiptDesk(context.journal, worker, sandbox=context.sandbox,
                                   agent=context.settings.get("agent"))
    context.printer_settings = PrinterSettings(context.profile, worker, context.settings)

    def on_session(session) -> None:
        if session is not None:
            remember_agent(context.journal, session.username,
                           Agent(session.name, session.agent_code, session.address))

    context.banking.session_listeners.append(on_session)
