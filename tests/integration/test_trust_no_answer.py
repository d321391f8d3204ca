"""Trust no answer: a payment is SUCCESS only when the host's answer is about that payment.

Each test stages one attack with a misbehaving host mode of the sandbox (replayed answer,
answer duplicated on a kept-alive connection, answer about another customer or refnum,
codes that say nothing final, codes in another type or with a space, a trickling answer,
absurd figures, a refused connection), in-process and over loopback, and checks what the
journal and the agent end up with."""

from __future__ import annotations

import json
import sqlite3
import time

import httpx
import pytest

from app.context import check_live_urls
from services.errors import AnswerMismatch, ConfigurationError, InvalidPin, MaybeSent, NotSent, OutcomeUnknown
from services.host_settings import live_url_allowed
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.sandbox import BankPlusSandbox
from services.hosts.bankplus.service import BankingService
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayService
from services.hosts.switcher.client import SwitcherClient
from services.hosts.switcher.sandbox import SOURCE_ACCOUNT, SwitcherSandbox
from services.hosts.switcher.service import SwitchingService
from services.journal import State
from services.limits import Limits
from services.redact import redact
from services.resolution import SuspectResolver
from services.sandbox import Fault, FaultPlan
from services.sandbox.server import SandboxServer
from services.sandbox.transport import SandboxTransport
from services.transactions import TransactionRunner

PIN = "359569"
DEPOSIT = "/bankplus/bsa/depositAccount"
LIMITS = {"deposit": {"min": 10_000, "max": 20_000_000}, "transfer": {"min": 10_000, "max": 25_000_000},
          "open_account_deposit": {"min": 0, "max": 20_000_000}}


class Wire(httpx.BaseTransport):
    """Records the bytes of every request body as they go on the wire."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.bodies: list[tuple[str, bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append((request.url.path, request.read()))
        return self.inner.handle_request(request)


@pytest.fixture(params=["in-process", "loopback"])
def bank(request, tmp_path, journal):
    """A logged-in BankingService against a Bank+ sandbox, in-process or over a socket."""
    host = BankPlusSandbox(faults=FaultPlan(trickle_seconds=0.05))
    if request.param == "in-process":
        transport = SandboxTransport(host)
        client = httpx.Client(transport=transport)
        base, server = "http://sandbox.invalid", None
    else:
        server = SandboxServer(host).start()
        client, base, transport = httpx.Client(), server.base_url, None
    service = BankingService(BankPlusClient(client, base, deadline=1.0), journal, limits=Limits.parse(LIMITS),
                             attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    yield service, host, server, transport
    client.close()
    if server is not None:
        server.stop()


def deposit(service, account="14047", name="ARDHA HERDIANTO", amount=25_000, pin=PIN, **kw):
    return service.deposit(account=account, name=name, amount=amount, narration="", pin=pin, **kw)


def booked(host, sid):
    return [e for e in host.ledger if e.get("sid") == sid and e["op"] == "deposit"]


# -- answers about another payment ------------------------------------------------------
def test_a_replayed_answer_makes_the_payment_suspect_not_success(bank, journal):
    service, host, _, _ = bank
    deposit(service)  # Rp 25.000 to 14047: its answer is the one a proxy replays
    host.faults.queue(Fault.REPLAYED_ANSWER, DEPOSIT)
    with pytest.raises(AnswerMismatch) as caught:
        deposit(service, account="1234567890", name="SITI RAHAYU", amount=30_000)
    row = journal.get(caught.value.reference)
    assert row.state is State.SUSPECT  # never SUCCESS: the host never saw it
    assert "1234567890" in journal.events(row.reference)[-1].reason
    assert not booked(host, row.reference)


def test_an_answer_about_another_customer_is_suspect(bank, journal):
    service, host, _, _ = bank
    deposit(service, account="1234567890", name="SITI RAHAYU", amount=30_000)
    host.faults.queue(Fault.FOREIGN_ANSWER, DEPOSIT)
    with pytest.raises(AnswerMismatch):
        deposit(service, amount=30_000)  # same amount, another account: caught by the account
    assert [row.customer_ref for row in journal.rows("state='SUCCESS'")] == ["1234567890"]


def test_an_answer_duplicated_on_the_connection_never_shifts_the_next_one(bank, journal):
    service, host, _, _ = bank
    host.faults.queue(Fault.DUPLICATED_ANSWER, DEPOSIT)
    first = deposit(service, amount=25_000)
    assert first.row.state is State.SUCCESS
    # A Rp 700.000 deposit with a wrong PIN, refused by the host: it must not read the copy.
    with pytest.raises(InvalidPin) as caught:
        deposit(service, account="1234567890", name="SITI RAHAYU", amount=700_000, pin="111111")
    assert journal.get(caught.value.reference).state is State.FAILED
    after = deposit(service, account="5550001112", name="BUDI SANTOSO", amount=40_000)
    assert after.row.state is State.SUCCESS and after.result.amount == 40_000
    # Loket's one answer per connection left the copy nothing to shift: not counted as injected
    assert (host.faults.injected, host.faults.idle) == ([], [(DEPOSIT, Fault.DUPLICATED_ANSWER)])


def test_without_connection_close_the_duplicate_would_shift_answers():
    """The attack itself, reproduced: a client that keeps the connection alive reads the
    duplicated answer as the answer of its next request."""
    host = BankPlusSandbox()
    with SandboxServer(host) as server, httpx.Client(base_url=server.base_url) as client:
        login = client.post("/bankplus/users/auth", json={"username": "BNIUS100294", "password": "T6jkl4ss"})
        headers = {"sessionid": login.json()["session_id"], "sid": "2611211405000001"}
        host.faults.queue(Fault.DUPLICATED_ANSWER, DEPOSIT)
        client.post(DEPOSIT, headers=headers, json={"toAccount": "14047", "name": "A", "amount": "25000",
                                                    "narration": "x", "pin_transaksi": PIN})
        headers["sid"] = "2611211405000002"
        refused = client.post(DEPOSIT, headers=headers, json={"toAccount": "14047", "name": "A", "amount": "700000",
                                                              "narration": "x", "pin_transaksi": "111111"})
        assert refused.json()["code"] == "00"  # the wrong-PIN deposit "succeeded": the shift
    assert host.faults.injected == [(DEPOSIT, Fault.DUPLICATED_ANSWER)]  # on a kept connection it counts


@pytest.mark.parametrize("fault", [Fault.REPLAYED_ANSWER, Fault.FOREIGN_ANSWER])
def test_a_replay_with_nothing_to_replay_is_answered_as_asked_and_not_counted(bank, journal, fault):
    """The first payment on a path: there is no earlier answer to replay, so the host answers
    this one. The fault changed nothing, and the fault soak must not count it as met."""
    service, host, _, _ = bank
    host.faults.queue(fault, DEPOSIT)
    assert deposit(service).row.state is State.SUCCESS
    assert (host.faults.injected, host.faults.idle) == ([], [(DEPOSIT, fault)])


@pytest.mark.parametrize("fault", [Fault.INCONSISTENT_TOTAL, Fault.HUGE_NUMBERS, Fault.GROUPED_AMOUNTS])
def test_an_answer_fault_that_finds_nothing_to_change_is_not_counted(bank, fault):
    """The login's answer holds no figure: the answer goes as the host gave it, and the fault
    is kept apart (``FaultPlan.idle``), not counted as injected."""
    service, host, _, _ = bank
    host.faults.queue(fault, "/bankplus/users/auth")
    service.login("BNIUS100294", "T6jkl4ss")
    assert (host.faults.injected, host.faults.idle) == ([], [("/bankplus/users/auth", fault)])


# -- codes ------------------------------------------------------------------------------
@pytest.mark.parametrize("fault, code", [(Fault.TOO_LATE, "-1"), (Fault.MALFUNCTION, "-1")])
def test_a_code_that_says_nothing_final_is_suspect_not_failed(bank, journal, fault, code):
    service, host, _, _ = bank
    host.faults.queue(fault, DEPOSIT)
    with pytest.raises(OutcomeUnknown) as caught:
        deposit(service)
    row = journal.get(caught.value.reference)
    assert row.state is State.SUSPECT and row.error_code == code
    assert booked(host, row.reference)  # the host booked it: FAILED would invite paying twice
    assert "belum pasti" in caught.value.message


@pytest.mark.parametrize("fault", [Fault.CODE_AS_NUMBER, Fault.CODE_WITH_SPACE])
def test_a_success_code_as_a_number_or_with_a_space_is_success(bank, journal, fault):
    service, host, _, _ = bank
    host.faults.queue(fault, DEPOSIT)
    done = deposit(service)
    assert done.row.state is State.SUCCESS and booked(host, done.row.reference)


# -- figures ----------------------------------------------------------------------------
@pytest.mark.parametrize("fault", [Fault.HUGE_NUMBERS, Fault.NEGATIVE_NUMBERS, Fault.INCONSISTENT_TOTAL])
def test_figures_that_cannot_be_right_are_suspect_and_never_settled(bank, journal, fault):
    service, host, _, _ = bank
    host.faults.queue(fault, DEPOSIT)
    with pytest.raises(AnswerMismatch) as caught:
        deposit(service)
    row = journal.get(caught.value.reference)
    assert row.state is State.SUSPECT and row.settled_total is None
    assert booked(host, row.reference)


# -- deadline ---------------------------------------------------------------------------
def test_a_trickling_answer_ends_at_the_deadline(bank, journal):
    service, host, _, _ = bank  # deadline 1 s; the answer would take about 30 s at 0.05 s a byte
    host.faults.queue(Fault.TRICKLE, DEPOSIT)
    started = time.monotonic()
    with pytest.raises(MaybeSent) as caught:
        deposit(service)
    assert time.monotonic() - started < 3
    assert "batas waktu" in caught.value.detail
    assert journal.get(caught.value.reference).state is State.SUSPECT


# -- refused connection -----------------------------------------------------------------
def test_a_refused_connection_is_not_sent_and_is_resent_with_the_same_reference(bank, journal):
    service, host, server, transport = bank
    if server is not None:
        with server.refusing(), pytest.raises(NotSent) as caught:
            deposit(service)
    else:
        host.faults.queue(Fault.REFUSE_CONNECTION, DEPOSIT)
        with pytest.raises(NotSent) as caught:
            deposit(service)
    reference = caught.value.reference
    assert journal.get(reference).state is State.NEW and not booked(host, reference)
    again = deposit(service, reference=reference)
    assert again.row.reference == reference and again.row.state is State.SUCCESS
    assert len(booked(host, reference)) == 1


# -- the SUCCESS transition ---------------------------------------------------------------
def test_a_success_that_cannot_be_recorded_is_suspect_and_listed(bank, journal, monkeypatch):
    service, host, _, _ = bank
    real = journal.transition

    def full_disk(reference, to_state, **kw):
        if to_state is State.SUCCESS:
            raise sqlite3.OperationalError("database or disk is full")
        return real(reference, to_state, **kw)

    monkeypatch.setattr(journal, "transition", full_disk)
    with pytest.raises(MaybeSent) as caught:
        deposit(service)
    reference = caught.value.reference
    # the bank said yes: the money moved, said so (the presenter adds the reference line)
    assert "BERHASIL" in caught.value.message and "JANGAN ulangi" in caught.value.message
    assert caught.value.row.reference == reference and journal.get(reference).state is State.SUSPECT
    assert reference in [item.row.reference for item in SuspectResolver(journal).worklist()]


# -- what is journaled ----------------------------------------------------------------------
@pytest.mark.parametrize("kind, account, bank_code", [("intrabank", "1234567890", ""),
                                                      ("interbank", "114451186", "008")])
def test_a_transfer_journals_the_exact_body_that_went_on_the_wire(tmp_path, journal, kind, account, bank_code):
    wire = Wire(SandboxTransport(BankPlusSandbox()))
    service = BankingService(BankPlusClient(httpx.Client(transport=wire), "http://sandbox.invalid"), journal,
                             limits=Limits.parse(LIMITS), attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    quote = service.transfer_inquiry(kind, account, bank_code)
    done = service.transfer_pay(quote, 50_000, PIN)
    sent = [body for path, body in wire.bodies if path.endswith(f"{kind}/payment")][-1]
    assert done.row.request == redact(json.loads(sent))  # every key and value, PIN masked


def test_a_deposit_and_a_balance_check_journal_the_exact_body_that_went_on_the_wire(tmp_path, journal):
    wire = Wire(SandboxTransport(BankPlusSandbox()))
    service = BankingService(BankPlusClient(httpx.Client(transport=wire), "http://sandbox.invalid"), journal,
                             limits=Limits.parse(LIMITS), attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    for done, path in ((deposit(service), DEPOSIT),
                       (service.customer_balance("1234567890", "123456"), "/bankplus/bsa/customerbalance")):
        sent = [body for at, body in wire.bodies if at == path][-1]
        assert done.row.request == redact(json.loads(sent))
        assert {v for k, v in done.row.request.items() if "pin" in k} == {"***"}


def test_a_switcher_transfer_journals_the_exact_body_that_went_on_the_wire(journal):
    wire = Wire(SandboxTransport(SwitcherSandbox()))
    service = SwitchingService(SwitcherClient(httpx.Client(transport=wire), "http://sandbox.invalid"), journal,
                               source_bank="BRINIDJA", source_account=SOURCE_ACCOUNT, approve=lambda *_: None)
    done = service.switcher_transfer(service.switcher_inquiry("BRINIDJA", "888801000003301"), 50_000, "x")
    sent = [body for at, body in wire.bodies if at == "/transfer"][-1]
    assert done.row.request == json.loads(sent)


# -- Switcher -----------------------------------------------------------------------------
@pytest.fixture
def switcher(journal):
    host = SwitcherSandbox()
    with SandboxServer(host) as server, httpx.Client() as http:
        service = SwitchingService(SwitcherClient(http, server.base_url), journal, source_bank="BRINIDJA",
                                   source_account=SOURCE_ACCOUNT, approve=lambda *_: None)
        resolver = SuspectResolver(journal, not_found_grace_seconds=0)
        service.register_with(resolver)
        yield service, host, resolver


def test_a_switcher_transfer_answered_with_another_refnums_record_is_suspect(switcher, journal):
    service, host, _ = switcher
    service.switcher_transfer(service.switcher_inquiry("BRINIDJA", "888801000003301"), 50_000, "first")
    quote = service.switcher_inquiry("BRINIDJA", "888801000157516")
    host.faults.queue(Fault.FOREIGN_ANSWER, "/transfer")
    with pytest.raises(AnswerMismatch) as caught:
        service.switcher_transfer(quote, 50_000, "second")
    assert journal.get(caught.value.reference).state is State.SUSPECT
    assert caught.value.reference not in host.bookings


def test_a_replayed_check_never_settles_another_refnum(switcher, journal):
    service, host, resolver = switcher
    service.switcher_transfer(service.switcher_inquiry("BRINIDJA", "888801000003301"), 50_000, "booked")
    service.client.check(list(journal.rows("state='SUCCESS'"))[-1].reference)  # the answer a proxy will replay
    quote = service.switcher_inquiry("BRINIDJA", "888801000157516")
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    host.faults.queue(Fault.DROP_BEFORE_PROCESSING, "/transfer")
    with pytest.raises(MaybeSent) as caught:
        service.switcher_transfer(quote, 50_000, "never booked")
    reference = caught.value.reference
    host.faults.queue(Fault.REPLAYED_ANSWER, "/check")
    outcome = resolver.check(reference)
    assert outcome.state is State.SUSPECT and not outcome.resolved
    assert journal.get(reference).state is State.SUSPECT


@pytest.mark.parametrize("fault", [Fault.TOO_LATE, Fault.MALFUNCTION])
def test_a_switcher_transfer_with_an_unknown_code_is_suspect_and_settled_by_check(switcher, journal, fault):
    service, host, resolver = switcher
    quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
    host.faults.queue(fault, "/transfer")
    with pytest.raises(OutcomeUnknown) as caught:
        service.switcher_transfer(quote, 50_000, "x")
    assert journal.get(caught.value.reference).state is State.SUSPECT
    assert resolver.check(caught.value.reference).state is State.SUCCESS  # it was booked


# -- BNI Keagenan ---------------------------------------------------------------------------
def test_a_pdam_payment_answered_with_a_pln_payments_answer_is_suspect(journal, clock):
    host = KeagenanSandbox(clock=clock)
    with SandboxServer(host) as server, httpx.Client() as http:
        creds = host.credentials()
        client = KeagenanClient(http, KeagenanConfig(
            base_url=server.base_url, dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
            xauth_password=creds["x_auth_password"], client_id=creds["client_id"],
            client_secret=creds["client_secret"], agent_code=creds["agent_code"], account_num=creds["account_num"],
            token_path=creds["token_path"], transaction_path=creds["transaction_path"]), clock=clock)
        service = BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"))
        pdam = service.inquire("pdam", {"provider": "AETRA", "customerNumber": "400"})
        pln = service.pay(service.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN), PIN)
        host.faults.queue(Fault.REPLAYED_ANSWER, "/keagenan/transaction")
        with pytest.raises(AnswerMismatch) as caught:
            service.pay(pdam, PIN)
        row = journal.get(caught.value.reference)
        assert row.state is State.SUSPECT and row.host_ref != pln.host_journal
        again = service.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
        host.faults.queue(Fault.TOO_LATE, "/keagenan/transaction")
        with pytest.raises(OutcomeUnknown) as unknown:  # the agent confirmed it is a new payment
            service.pay(again, PIN, confirm_duplicate=pln.reference)
        assert journal.get(unknown.value.reference).state is State.SUSPECT


# -- live hosts only over TLS -------------------------------------------------------------
@pytest.mark.parametrize("host, url, allowed", [
    ("keagenan", "http://api.bni.co.id", False),
    ("bca", "http://sandbox.bca.co.id", False),
    ("doku", "https://api.doku.com", True),
    ("switcher", "http://192.168.172.15:7221", True),  # the document's private address
    ("switcher", "http://10.1.2.3:7221", True),
    ("switcher", "http://8.8.8.8:7221", False),  # public: never without TLS
    ("switcher", "http://switcher.bank.local", False),  # a name may resolve anywhere
    ("keagenan", "http://192.168.1.5", False),  # the exception is the Switcher's only
])
def test_every_live_host_needs_https_but_the_switchers_private_line(host, url, allowed):
    assert live_url_allowed(host, url) is allowed
    settings = {"hosts": {"bankplus": {"base_url": "https://api.bankplus.id"}, host: {"base_url": url}}}
    if allowed:
        check_live_urls(settings)
    else:
        with pytest.raises(ConfigurationError):
            check_live_urls(settings)  # also what a setting saved in sandbox mode meets at a live start
