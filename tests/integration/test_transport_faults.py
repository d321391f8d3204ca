"""What a payment records when the network misbehaves, on every host, over real sockets.

Each host's simulated bank serves on 127.0.0.1 behind a ``Gateway`` (tests/integration/
wire_faults.py) that passes the payment to the bank, which books it, and then breaks the
answer on its way back: resets, closes, bodies cut short, HTML or nothing under "200 OK",
an answer after the deadline, 502/503/504 pages, redirects, bytes that are no HTTP, corrupt
gzip, megabytes. The money moved, so the row must be SUSPECT: FAILED would have the agent
take the customer's money again, SUCCESS would be a guess. A status check that meets the
same faults leaves the row SUSPECT, and settles it once the host answers. Only a request
that provably never left (the connection never completed) is "not sent", and is sent
again under its own reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import httpx
import pytest

from services.errors import LoketError, MaybeSent, NotSent
from services.flows.bankplus import CustomerBalanceFlow, DepositFlow
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.sandbox import BankPlusSandbox
from services.hosts.bankplus.service import BankingService
from services.hosts.bca import client as bca
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT, BcaSandbox
from services.hosts.bca.service import BcaService
from services.hosts.bca.status import register_bca
from services.hosts.doku import client as doku_va
from services.hosts.doku.sandbox import DokuSandbox
from services.hosts.doku.service import VirtualAccountService
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig, reff_num
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayService
from services.hosts.snap.client import SnapClient, SnapCredentials
from services.hosts.snap.keys import PartnerKeys
from services.hosts.switcher.client import SwitcherClient
from services.hosts.switcher.sandbox import SOURCE_ACCOUNT, SwitcherSandbox
from services.hosts.switcher.service import SwitchingService
from services.journal import Journal, State
from services.limits import Limits
from services.resolution import SuspectResolver
from services.sandbox.base import SimulatedHost
from services.sandbox.server import SandboxServer
from services.secrets import SecretStore
from services.transactions import TransactionRunner
from tests.integration.test_money_review import LIMITS, PIN
from tests.integration.wire_faults import Gateway, WireFault

# seconds: LATE answers after it. Not shorter: a request not begun within it is NotSent (the
# row NEW, rightly), and at 0.6 s a loaded machine (load average 6) stalled one payment that
# long before its first byte, so a test that needed it SUSPECT failed.
DEADLINE = 1.5


@dataclass
class Counter:
    """One host's payment, as the counter makes it, behind a gateway."""

    host: SimulatedHost
    gateway: Gateway
    path: str  # the payment's path: the one the gateway breaks
    quote: Callable[[], Callable[[], Any]]  # the inquiry (where there is one): returns the payment
    booked: Callable[[str], int]  # how many times the bank booked the payment of that reference
    resolver: SuspectResolver | None = None  # hosts with a status check
    status_path: str = ""
    inquiry_path: str = ""  # hosts whose payment is quoted by an inquiry

    def pay(self, fault: WireFault | None = None) -> str:
        """Quote, then pay with ``fault`` on the payment's answer; the payment's reference."""
        payment = self.quote()
        if fault is not None:
            self.gateway.next(self.path, fault)
        return paid(payment)


def paid(pay: Callable[[], Any]) -> str:
    """The reference of the payment ``pay`` makes, whether it ends well or not."""
    try:
        done = pay()
    except LoketError as exc:
        assert exc.reference, f"{type(exc).__name__} ended no journaled payment: {exc}"
        return exc.reference
    return done.row.reference


def snap_client(url: str, host: SimulatedHost, http: httpx.Client, keys: PartnerKeys, clock) -> SnapClient:
    c = host.credentials()
    return SnapClient.build(http, url, host.name, SnapCredentials(
        c["client_key"], c["client_secret"], c["partner_id"], c["channel_id"], c["token_path"]),
        keys.private_key(), clock=clock, deadline=DEADLINE)


def bankplus(journal: Journal, http: httpx.Client, url: str, tmp_path: Path) -> BankingService:
    service = BankingService(BankPlusClient(http, url, deadline=DEADLINE), journal, limits=Limits.parse(LIMITS),
                             attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    return service


def switching(journal: Journal, http: httpx.Client, url: str, **client: object) -> SwitchingService:
    return SwitchingService(SwitcherClient(http, url, deadline=DEADLINE, **client), journal,  # type: ignore[arg-type]
                            source_bank="BRINIDJA", source_account=SOURCE_ACCOUNT, approve=lambda *_: None,
                            operator=lambda: "BNIUS100294")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> PartnerKeys:
    """One partner key pair for the module: making one takes a while, and no test changes it."""
    folder = tmp_path_factory.mktemp("partner")
    partner = PartnerKeys(folder / "keys", SecretStore(folder, use_keyring=False), "snap")
    partner.generate()
    return partner


@pytest.fixture(params=["bankplus", "switcher", "keagenan", "bca", "doku"])
def counter(request, journal, clock, tmp_path, keys) -> Iterator[Counter]:
    name = request.param
    host: SimulatedHost = {
        "bankplus": lambda: BankPlusSandbox(), "switcher": lambda: SwitcherSandbox(),
        "keagenan": lambda: KeagenanSandbox(clock=clock),
        "bca": lambda: BcaSandbox(clock=clock, public_key_pem=keys.public_key_pem()),
        "doku": lambda: DokuSandbox(clock=clock, public_key_pem=keys.public_key_pem()),
    }[name]()
    with SandboxServer(host) as server, httpx.Client() as http:
        gateway = Gateway(server.base_url, late_seconds=DEADLINE + 0.4)
        url = gateway.base_url

        def ledger(op: str, key: str, value: Callable[[str], str] = str) -> Callable[[str], int]:
            return lambda ref: sum(1 for e in host.ledger if e.get("op") == op and e.get(key) == value(ref))

        if name == "bankplus":
            banking = bankplus(journal, http, url, tmp_path)
            yield Counter(host, gateway, "/bankplus/bsa/depositAccount", lambda: lambda: banking.deposit(
                account="14047", name="ARDHA HERDIANTO", amount=25_000, narration="", pin=PIN),
                ledger("deposit", "sid"))
        elif name == "switcher":
            service = switching(journal, http, url)
            resolver = SuspectResolver(journal, not_found_grace_seconds=0)
            service.register_with(resolver)
            def transfer() -> Callable[[], Any]:
                quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
                return lambda: service.switcher_transfer(quote, 50_000, "uji")

            yield Counter(host, gateway, "/transfer", transfer, ledger("transfer", "refnum"), resolver, "/check",
                          "/inquiry")
        elif name == "keagenan":
            creds = host.credentials()
            client = KeagenanClient(http, KeagenanConfig(
                base_url=url, dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
                xauth_password=creds["x_auth_password"], client_id=creds["client_id"],
                client_secret=creds["client_secret"], agent_code=creds["agent_code"],
                account_num=creds["account_num"], token_path=creds["token_path"],
                transaction_path=creds["transaction_path"], deadline=DEADLINE), clock=clock)
            billpay = BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"))

            def pln() -> Callable[[], Any]:
                inquiry = billpay.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
                return lambda: billpay.pay(inquiry, PIN)

            yield Counter(host, gateway, creds["transaction_path"], pln,
                          ledger("payment", "reffNum", lambda ref: reff_num(ref, client.agent.kode_loket)),
                          inquiry_path=creds["transaction_path"])
        elif name == "bca":
            bca_service = BcaService(bca.BcaClient(snap_client(url, host, http, keys, clock), BCA_AGENT_ACCOUNT),
                                     TransactionRunner(journal, lambda: "agen01"), clock=clock,
                                     not_found_grace_seconds=0)
            resolver = SuspectResolver(journal, not_found_grace_seconds=0)
            register_bca(resolver, bca_service.client, journal)
            def bca_transfer() -> Callable[[], Any]:
                beneficiary = bca_service.account_inquiry("0611104625")
                return lambda: bca_service.transfer(beneficiary, 150_000, remark="uji")

            yield Counter(host, gateway, bca.TRANSFER_PATH, bca_transfer, ledger("transfer", "reference"), resolver,
                          bca.TRANSFER_STATUS_PATH, bca.ACCOUNT_INQUIRY_PATH)
        else:
            va = VirtualAccountService(doku_va.DokuVaClient(snap_client(url, host, http, keys, clock),
                                                            host.credentials()["partner_service_id"]),
                                       TransactionRunner(journal, lambda: "kasir1"), clock=clock)
            yield Counter(host, gateway, doku_va.CREATE_VA_PATH, lambda: lambda: va.create_va(
                customer_no="000000000001", name="Jessica Tessalonika", amount=100_000),
                ledger("create_va", "external_id"))
        gateway.close()


# -- the answer is lost or broken after the bank booked the payment ---------------------------
BROKEN = [fault for fault in WireFault if fault is not WireFault.ACCEPTED_202]


@pytest.mark.parametrize("fault", BROKEN, ids=[f.name.lower() for f in BROKEN])
def test_a_payment_whose_answer_is_broken_on_the_way_back_is_suspect(counter, journal, fault):
    reference = counter.pay(fault)
    assert counter.booked(reference) == 1  # the bank booked it: the customer's money moved
    row = journal.get(reference)
    assert row.state is State.SUSPECT, f"{fault.value}: {row.state.value}"
    assert row.state is not State.FAILED  # FAILED would have the agent take the money again


def test_a_redirect_is_never_followed_even_by_a_client_told_to(journal, tmp_path):
    """A 307 asks for the very request, body and PIN included, to be sent again elsewhere:
    a payment must never go a second time, nor to an address nobody configured, whatever
    the httpx client it is given was told."""
    elsewhere = SandboxServer(BankPlusSandbox()).start()  # anything listening there
    host = BankPlusSandbox()
    with SandboxServer(host) as server, httpx.Client(follow_redirects=True) as http:
        gateway = Gateway(server.base_url, redirect_to=elsewhere.base_url + "/bankplus/bsa/depositAccount")
        banking = bankplus(journal, http, gateway.base_url, tmp_path)
        gateway.next("/bankplus/bsa/depositAccount", WireFault.REDIRECT_ELSEWHERE)
        with pytest.raises(MaybeSent) as caught:
            banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=25_000, narration="", pin=PIN)
        gateway.close()
    elsewhere.stop()
    assert journal.get(caught.value.reference).state is State.SUSPECT
    assert elsewhere.default.ledger == []  # nothing was sent there


@pytest.mark.parametrize("counter", ["switcher", "keagenan", "bca"], indirect=True)
@pytest.mark.parametrize("fault", [WireFault.RESET_AFTER_REQUEST, WireFault.GATEWAY_502, WireFault.LATE],
                         ids=lambda fault: fault.name.lower())
def test_an_inquiry_whose_answer_is_broken_journals_nothing_and_is_asked_again(counter, journal, fault):
    """An inquiry moves no money: it fails, with no reference to look for, and is asked again."""
    counter.gateway.next(counter.inquiry_path, fault)
    with pytest.raises(MaybeSent) as caught:
        counter.quote()
    assert caught.value.reference == "" and journal.count("1=1") == 0
    assert journal.get(counter.pay()).state is State.SUCCESS


@pytest.mark.parametrize("counter", ["switcher", "bca"], indirect=True)
@pytest.mark.parametrize("fault", BROKEN, ids=[f.name.lower() for f in BROKEN])
def test_a_status_check_whose_answer_is_broken_leaves_the_row_suspect(counter, journal, fault):
    reference = counter.pay(WireFault.RESET_AFTER_REQUEST)
    assert counter.resolver is not None
    counter.gateway.next(counter.status_path, fault)
    assert counter.resolver.check(reference).resolved is False
    assert journal.get(reference).state is State.SUSPECT  # neither flipped to FAILED nor guessed SUCCESS
    assert counter.resolver.check(reference).state is State.SUCCESS  # the host answers: settled
    assert counter.booked(reference) == 1


def test_a_success_under_another_http_status_is_suspect(counter, journal):
    """A SNAP responseCode is the HTTP status + service code + case code (the DOKU document):
    "2001700" under "202 Accepted" contradicts itself, and 202 says the bank has not finished.
    So does Bank+'s, the Switcher's or BNI Keagenan's success under it: their documents show
    no other status than 200 (``services.hosts.answers.success_under``)."""
    reference = counter.pay(WireFault.ACCEPTED_202)
    assert counter.booked(reference) == 1
    assert journal.get(reference).state is State.SUSPECT


# -- the connection: nothing can have left before it completed --------------------------------
@pytest.fixture
def deposit_flow(journal, tmp_path) -> Iterator[tuple[DepositFlow, BankPlusSandbox, Gateway]]:
    """Setor Tunai through a gateway whose connections can be made to hang, quoted and ready to pay."""
    host = BankPlusSandbox()
    with SandboxServer(host) as server, httpx.Client() as http:
        gateway = Gateway(server.base_url)
        flow = DepositFlow(bankplus(journal, http, gateway.base_url, tmp_path))
        flow.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "25000"})
        yield flow, host, gateway
        gateway.close()


def deposits(host: BankPlusSandbox) -> list[str]:
    return [entry["sid"] for entry in host.ledger if entry["op"] == "deposit"]


def test_a_connection_that_times_out_is_not_sent_and_is_resent_with_the_same_reference(journal):
    host = SwitcherSandbox()
    with SandboxServer(host) as server, httpx.Client() as http:
        gateway = Gateway(server.base_url)
        service = switching(journal, http, gateway.base_url, timeout=httpx.Timeout(5.0, connect=0.3))
        quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
        with gateway.stalled(), pytest.raises(NotSent) as caught:
            service.switcher_transfer(quote, 50_000, "uji")
        reference = caught.value.reference
        assert journal.get(reference).state is State.NEW
        assert [e for e in host.ledger if e["op"] == "transfer"] == []
        again = service.switcher_transfer(quote, 50_000, "uji", reference=reference)  # pressed again
        gateway.close()
    assert again.row.reference == reference and again.row.state is State.SUCCESS
    assert [e["refnum"] for e in host.ledger if e["op"] == "transfer"] == [reference]


def test_a_deadline_that_passes_before_the_connection_completes_is_not_sent(deposit_flow, journal):
    """A slow name lookup or connect, on a poor line with a short deadline: the deadline
    passes before any byte of the payment was written. It provably never left, so it is
    NotSent (resent under its reference), not a SUSPECT row for the agent to phone about."""
    flow, host, gateway = deposit_flow
    with gateway.stalled(release_after=DEADLINE + 0.9), pytest.raises(LoketError) as caught:
        flow.pay(PIN)  # the connection completes ~3 s in, on the SYN resent then
    assert isinstance(caught.value, NotSent), f"{type(caught.value).__name__}: {caught.value}"
    reference = caught.value.reference
    assert journal.get(reference).state is State.NEW and deposits(host) == []
    assert flow.pay(PIN).row.state is State.SUCCESS
    assert deposits(host) == [reference]


# -- a balance check moves no money: unanswered, it can just be asked again ---------------------
@pytest.mark.parametrize("fault", [WireFault.GATEWAY_503, WireFault.RESET_AFTER_REQUEST, WireFault.LATE],
                         ids=lambda fault: fault.name.lower())
def test_an_unanswered_customer_balance_check_is_not_left_open(journal, tmp_path, fault):
    """Cek Saldo Nasabah is journaled (the host logs it) but moves nothing. Left SUSPECT, it
    blocked the customer's next check ("belum pasti statusnya"), sent the agent to phone the
    bank about a balance check, and held up Tutup Hari for a supervisor."""
    host = BankPlusSandbox()
    with SandboxServer(host) as server, httpx.Client() as http:
        gateway = Gateway(server.base_url, late_seconds=DEADLINE + 0.4)
        flow = CustomerBalanceFlow(bankplus(journal, http, gateway.base_url, tmp_path))
        flow.prepare({"account": "1234567890"})
        gateway.next("/bankplus/bsa/customerbalance", fault)
        with pytest.raises(LoketError) as caught:
            flow.pay("123456")
        assert not isinstance(caught.value, MaybeSent)  # no "JANGAN ulangi": nothing to hold back
        row = journal.get(caught.value.reference)
        assert row.state is State.FAILED
        assert SuspectResolver(journal).worklist() == []
        flow.prepare({"account": "1234567890"})
        again = flow.pay("123456")  # the customer types the PIN again
        gateway.close()
    assert again.row.state is State.SUCCESS and again.result.account_name == "SITI RAHAYU"
