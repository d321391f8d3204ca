"""The Switcher client and SwitchingService against the simulated Switcher on a real
loopback socket: inquiry, transfer, status check, reversal, the document's failures,
and each injected fault over both transports (socket and in-process)."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from services.clock import WIB
from services.errors import AccountNotFound, HostRejected, MaybeSent, NotSent, UserInputError
from services.hosts.switcher.client import RefnumNotFound, ReversalAlreadyExecuted, SwitcherClient
from services.hosts.switcher.sandbox import SOURCE_ACCOUNT, SwitcherSandbox
from services.hosts.switcher.service import SwitchingService
from services.journal import State
from services.journal.references import format_reference
from services.resolution import Confirmation, SuspectResolver
from services.sandbox import Fault, FaultPlan, SandboxTransport
from services.sandbox.server import SandboxServer

BRIAPI = "888801000003301"
SUPERVISOR_PIN = "246810"


def approve(pin: str, reason: str = "", subject: str = "") -> str | None:
    return "SPV Rina" if pin == SUPERVISOR_PIN else None


def refnum(n: int = 0) -> str:
    return format_reference(datetime(2026, 11, 21, 14, 5, 0, n * 100, tzinfo=WIB))


@pytest.fixture
def host() -> SwitcherSandbox:
    return SwitcherSandbox(faults=FaultPlan(delay_seconds=0.3))


@pytest.fixture
def server(host):
    with SandboxServer(host) as srv:
        yield srv


@pytest.fixture
def client(server, http) -> SwitcherClient:
    return SwitcherClient(http, server.base_url)


@pytest.fixture
def service(client, journal) -> SwitchingService:
    return SwitchingService(client, journal, source_bank="BRINIDJA", source_account=SOURCE_ACCOUNT,
                            approve=approve, operator=lambda: "BNIUS100294")


@pytest.fixture
def resolver(service, journal) -> SuspectResolver:
    r = SuspectResolver(journal, not_found_grace_seconds=120)
    service.register_with(r)
    return r


# -- the client: the document's shapes --------------------------------------------------
def test_inquiry_answers_the_documents_account_with_its_exact_balance(client):
    account = client.inquiry(refnum(), "BRINIDJA", BRIAPI)
    assert account.name == "BRIAPI SANDBOX"
    assert account.balance_sen == 60_257_717_133_484  # 602577171334.84, not a float
    assert account.status == "Rekening Aktif"
    assert len(account.payment_code) == 32
    assert account.refnum == refnum()


def test_unknown_account_is_the_documents_0101(client):
    with pytest.raises(AccountNotFound) as info:
        client.inquiry(refnum(), "BRINIDJA", "88880100000330021")
    assert info.value.code == "0101"
    assert "Nomor Rekening Tidak Dikenal" in info.value.host_message
    assert "tidak dikenal" in info.value.message


def test_transfer_moves_real_balances_and_books_a_journal_number(client, host):
    before = host.accounts[SOURCE_ACCOUNT].balance_sen, host.accounts[BRIAPI].balance_sen
    quote = client.inquiry(refnum(1), "BRINIDJA", BRIAPI)
    result, answer = client.transfer(refnum(2), payment_code=quote.payment_code, source_bank="BRINIDJA",
                                     source_account=SOURCE_ACCOUNT, amount=1000, remark="Narration Test")
    assert answer["message"] == "Transfer success"
    assert (result.source_name, result.beneficiary_name) == ("ALOYSIUS AGUS WARI Z", "BRIAPI SANDBOX")
    assert result.journal == "1001" and result.amount == 1000
    assert host.accounts[SOURCE_ACCOUNT].balance_sen == before[0] - 100_000
    assert host.accounts[BRIAPI].balance_sen == before[1] + 100_000
    assert host.ledger[-1]["refnum"] == refnum(2) and host.ledger[-1]["amount"] == 1000


def test_payment_code_pays_once(client):
    quote = client.inquiry(refnum(1), "BRINIDJA", BRIAPI)
    client.transfer(refnum(2), payment_code=quote.payment_code, source_bank="BRINIDJA",
                    source_account=SOURCE_ACCOUNT, amount=1000, remark="a")
    with pytest.raises(HostRejected) as info:
        client.transfer(refnum(3), payment_code=quote.payment_code, source_bank="BRINIDJA",
                        source_account=SOURCE_ACCOUNT, amount=1000, remark="b")
    assert "Kode pembayaran" in info.value.message


def test_sandbox_validates_required_fields_and_refnum_format(server, http):
    answer = http.post(server.base_url + "/transfer", json={"refnum": "2006051013592", "amount": 1000}).json()
    assert answer["code"] == "-1" and "paymentCode" in answer["message"]
    answer = http.post(server.base_url + "/check", json={"refnum": "20060510135929"}).json()
    assert answer["code"] == "-1" and "16 digits" in answer["message"]
    answer = http.post(server.base_url + "/check", content=b'{"refnum":"2006051013592980"}',
                       headers={"content-type": "text/plain"}).json()
    assert "content-type" in answer["message"]


def test_check_of_an_unknown_refnum_is_the_documents_failure(client):
    with pytest.raises(RefnumNotFound) as info:
        client.check(refnum(9))
    assert info.value.host_message == "refnum provided was not found"
    assert "tidak pernah diproses" in info.value.message


# -- the service: journaled -------------------------------------------------------------
def test_transfer_is_journaled_under_the_refnum_it_sent(service, journal, host):
    quote = service.switcher_inquiry("brinidja", BRIAPI)
    done = service.switcher_transfer(quote, "150.000", "Kiriman keluarga")
    row = done.row
    assert row.state is State.SUCCESS
    assert row.reference == host.ledger[-1]["refnum"] == row.request["refnum"]
    assert (row.host, row.product, row.amount, row.fee, row.total) == ("switcher", "switcher_transfer", 150_000, 0,
                                                                       150_000)
    assert row.customer_ref == BRIAPI and row.customer_name == "BRIAPI SANDBOX"
    assert row.host_ref == "1001"
    assert [e.to_state for e in journal.events(row.reference)] == [State.NEW, State.SENT, State.SUCCESS]
    assert service.client.check(row.reference)[0].info == "Transfer success"


def test_bad_input_is_refused_before_any_request(service, host):
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    with pytest.raises(UserInputError) as info:
        service.switcher_transfer(quote, "5.000", "x")
    assert info.value.field == "amount"
    with pytest.raises(UserInputError):
        service.switcher_inquiry("BRINIDJA", "12ab")
    assert host.ledger == []


def test_reversal_is_its_own_row_linked_to_the_transfer(service, journal, host):
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    transfer = service.switcher_transfer(quote, 50_000, "salah kirim").row
    source_before = host.accounts[SOURCE_ACCOUNT].balance_sen
    reversal = service.reversal(transfer.reference, SUPERVISOR_PIN, "Salah nomor rekening").row
    assert reversal.state is State.SUCCESS and reversal.product == "switcher_reversal"
    assert reversal.request["refnumTarget"] == transfer.reference
    assert reversal.request["journal"] == transfer.host_ref
    # the request is the body as sent; the approver and the reason are the row's first event
    assert reversal.request == {"refnum": reversal.reference, "refnumTarget": transfer.reference,
                                "journal": transfer.host_ref}
    assert journal.events(reversal.reference)[0].changes == {"approved_by": "SPV Rina",
                                                             "reason": "Salah nomor rekening"}
    assert reversal.host_ref == "1002"
    assert SUPERVISOR_PIN not in reversal.request_text
    original = journal.get(transfer.reference)
    assert original.state is State.REVERSED
    assert journal.events(transfer.reference)[-1].actor == "SPV Rina"
    assert host.accounts[SOURCE_ACCOUNT].balance_sen == source_before + 5_000_000
    assert service.client.check(transfer.reference)[0].info == "Transfer reversed"


def test_reversal_needs_the_supervisor_and_a_reason(service, host):
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    transfer = service.switcher_transfer(quote, 50_000, "x").row
    with pytest.raises(UserInputError) as info:
        service.reversal(transfer.reference, "000000", "Salah nomor rekening")
    assert info.value.field == "supervisor_pin"
    with pytest.raises(UserInputError) as info:
        service.reversal(transfer.reference, SUPERVISOR_PIN, "")
    assert info.value.field == "reason"
    assert [e["op"] for e in host.ledger] == ["transfer"]


def test_reversal_already_executed_is_a_clear_message(client, service, journal):
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    transfer = service.switcher_transfer(quote, 50_000, "x").row
    # behind Loket's back
    client.reversal(client.reversal_body(refnum(5), refnum_target=transfer.reference, journal=transfer.host_ref))
    with pytest.raises(ReversalAlreadyExecuted) as info:
        service.reversal(transfer.reference, SUPERVISOR_PIN, "Salah nomor rekening")
    assert info.value.host_message == "Reversal already executed"
    assert "sudah pernah dibatalkan" in info.value.message
    failed = journal.get(info.value.reference)
    assert failed.state is State.FAILED and failed.error_message == "Reversal already executed"


def test_reversal_of_a_refnum_the_switcher_never_booked(client):
    with pytest.raises(RefnumNotFound) as info:
        client.reversal(client.reversal_body(refnum(6), refnum_target=refnum(7), journal="1001"))
    assert info.value.host_message == "refnum provided was not found"
    assert "tidak ditemukan di switcher" in info.value.message


# -- faults: each behaves as named, over both transports --------------------------------
@pytest.fixture(params=["socket", "in-process"])
def faulty(request, host, server, journal):
    """A SwitchingService whose http goes over the socket or through SandboxTransport."""
    if request.param == "socket":
        http, base = httpx.Client(), server.base_url
    else:
        http, base = httpx.Client(transport=SandboxTransport(host)), "http://switcher.sandbox.invalid"
    client = SwitcherClient(http, base, timeout=httpx.Timeout(5.0, read=1.0))
    service = SwitchingService(client, journal, source_bank="BRINIDJA",
                               source_account=SOURCE_ACCOUNT, approve=approve)
    resolver = SuspectResolver(journal, not_found_grace_seconds=120)
    service.register_with(resolver)
    yield service, resolver
    http.close()


@pytest.mark.parametrize("fault, processed, settles_as", [
    (Fault.LOST_AFTER_PROCESSING, True, State.SUCCESS),
    (Fault.MALFORMED_JSON, True, State.SUCCESS),
    (Fault.DROP_BEFORE_PROCESSING, False, State.FAILED),
    (Fault.SERVER_ERROR, False, State.FAILED),
])
def test_a_fault_leaves_the_transfer_suspect_and_the_check_settles_it(faulty, host, journal, clock, fault, processed,
                                                                       settles_as):
    service, resolver = faulty
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    host.faults.queue(fault, "/transfer")
    with pytest.raises(MaybeSent) as info:
        service.switcher_transfer(quote, 75_000, "fault")
    reference = info.value.reference
    assert journal.get(reference).state is State.SUSPECT
    assert [e["refnum"] for e in host.ledger] == ([reference] if processed else [])
    if not processed:
        # "Not found" is only believed once the row has been SUSPECT past the grace period.
        assert resolver.resolve_all()[0].resolved is False
        clock.advance(121)
    outcome = resolver.resolve_all()
    assert [(o.reference, o.state) for o in outcome] == [(reference, settles_as)]
    assert journal.get(reference).state is settles_as
    assert resolver.resolve_all() == []
    assert len(host.ledger) == (1 if processed else 0)  # never sent twice


def test_a_slow_answer_within_the_timeout_is_just_slow(faulty, host, journal):
    service, _ = faulty
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    host.faults.queue(Fault.DELAY, "/transfer")
    assert service.switcher_transfer(quote, 20_000, "pelan").row.state is State.SUCCESS


def test_a_slow_answer_past_the_timeout_is_suspect_and_was_processed(faulty, host, journal):
    service, resolver = faulty
    host.faults.delay_seconds = 1.5  # the client reads for 1 s
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    host.faults.queue(Fault.DELAY, "/transfer")
    with pytest.raises(MaybeSent) as info:
        service.switcher_transfer(quote, 20_000, "terlambat")
    assert journal.get(info.value.reference).state is State.SUSPECT
    assert host.ledger[-1]["refnum"] == info.value.reference
    assert resolver.check(info.value.reference).state is State.SUCCESS


def test_a_suspect_transfer_blocks_a_new_one_to_the_same_account(service, host, journal):
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    with pytest.raises(MaybeSent):
        service.switcher_transfer(quote, 30_000, "a")
    again = service.switcher_inquiry("BRINIDJA", BRIAPI)
    with pytest.raises(Exception) as info:
        service.switcher_transfer(again, 30_000, "b")
    assert "Transaksi Menggantung" in str(info.value)
    assert len(host.ledger) == 1


def test_a_check_that_cannot_reach_the_host_keeps_the_row_suspect(service, resolver, host, journal):
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    with pytest.raises(MaybeSent) as info:
        service.switcher_transfer(quote, 30_000, "a")
    host.faults.queue(Fault.SERVER_ERROR, "/check")
    outcome = resolver.check(info.value.reference)
    assert outcome.resolved is False and "dicoba lagi" in outcome.message
    assert resolver.check(info.value.reference).state is State.SUCCESS


def test_a_suspect_reversal_settles_through_the_check_and_reverses_the_transfer(service, resolver, host, journal):
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    transfer = service.switcher_transfer(quote, 40_000, "x").row
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/reversal")
    with pytest.raises(MaybeSent) as info:
        service.reversal(transfer.reference, SUPERVISOR_PIN, "Nasabah membatalkan")
    assert journal.get(transfer.reference).state is State.SUCCESS
    with pytest.raises(UserInputError):  # no second reversal while the first is open
        service.reversal(transfer.reference, SUPERVISOR_PIN, "Nasabah membatalkan")
    [outcome] = resolver.resolve_all()
    assert outcome.reference == info.value.reference and outcome.state is State.SUCCESS
    assert journal.get(transfer.reference).state is State.REVERSED
    assert journal.events(transfer.reference)[-1].actor == "SPV Rina"


def reversed_at_the_switcher(service, host) -> str:
    """A transfer left SUSPECT by a lost answer, then reversed by the switcher's operator
    (not by this counter): its check answers "Transfer reversed". Its reference."""
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    with pytest.raises(MaybeSent) as info:
        service.switcher_transfer(quote, 45_000, "x")
    reference = info.value.reference
    booked = host.bookings[reference]
    service.client.reversal(service.client.reversal_body(refnum(7), refnum_target=reference, journal=booked.journal))
    return reference


def test_a_check_answering_transfer_reversed_hands_the_row_to_a_person(service, resolver, host, journal):
    """A status the check cannot read settles nothing, and asking again says the same for
    ever: the row goes to a person (the work-list says what the host said, "Selesaikan"),
    whose decision records the host's words with it."""
    reference = reversed_at_the_switcher(service, host)
    with pytest.raises(UserInputError):  # before the host has answered, its check decides
        resolver.resolve_manually(reference, success=False, actor="agen", reason="kata operator")
    outcome = resolver.check(reference)
    assert not outcome.resolved and journal.get(reference).state is State.SUSPECT
    assert "Transfer reversed" in str(outcome.message)
    [item] = resolver.worklist()
    assert (item.can_check, item.host_said) == (False, "Switcher: Transfer reversed")
    assert "direversal" in item.guide.ask  # the switcher's guide says what a reversal means

    settled = resolver.resolve_manually(reference, success=False, actor="agen", reason="",
                                        confirmation=Confirmation("Operator Switcher", "Dewi", "14:30"))
    assert settled.state is State.FAILED and journal.get(reference).state is State.FAILED
    last = journal.events(reference)[-1]
    assert "petugas Dewi" in last.reason and "cek status host: Switcher: Transfer reversed" in last.reason
    assert resolver.worklist() == []


def test_a_check_naming_another_amount_hands_the_row_to_a_person(service, resolver, host, journal):
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    with pytest.raises(MaybeSent) as info:
        service.switcher_transfer(quote, 45_000, "x")
    host.bookings[info.value.reference].amount = 54_000
    outcome = resolver.check(info.value.reference)
    assert not outcome.resolved
    [item] = resolver.worklist()
    assert item.host_said == "nominal di switcher Rp 54.000, di jurnal Rp 45.000"
    assert resolver.manual_allowed(item.row)


def test_a_later_check_that_settles_still_wins(service, resolver, host, journal):
    """A person may decide once the check answered unreadably; if the host then says
    "Transfer success" first, that settles it and the manual path closes."""
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    with pytest.raises(MaybeSent) as info:
        service.switcher_transfer(quote, 45_000, "x")
    reference = info.value.reference
    host.bookings[reference].reversed_by = "someone"
    assert not resolver.check(reference).resolved
    host.bookings[reference].reversed_by = ""
    assert resolver.check(reference).state is State.SUCCESS
    with pytest.raises(UserInputError):
        resolver.resolve_manually(reference, success=False, actor="agen", reason="kata operator")


def test_a_reversal_that_never_left_is_sent_again_under_its_own_reference(host, journal):
    """A reversal refused at the connection is NEW, provably never sent, and the agent is told
    "Tekan tombolnya lagi ... nomor referensi yang sama". Pressed again, it was refused as
    "belum pasti statusnya" (its own open row). Now it goes out under that reference: one
    reversal row, the transfer REVERSED once."""
    http = httpx.Client(transport=SandboxTransport(host))  # a refused connection is one in-process
    service = SwitchingService(SwitcherClient(http, "http://switcher.sandbox.invalid"), journal,
                               source_bank="BRINIDJA", source_account=SOURCE_ACCOUNT, approve=approve)
    quote = service.switcher_inquiry("BRINIDJA", BRIAPI)
    transfer = service.switcher_transfer(quote, 40_000, "x").row
    host.faults.queue(Fault.REFUSE_CONNECTION, "/reversal")
    with pytest.raises(NotSent) as info:
        service.reversal(transfer.reference, SUPERVISOR_PIN, "Nasabah membatalkan")
    assert journal.get(info.value.reference).state is State.NEW
    again = service.reversal(transfer.reference, SUPERVISOR_PIN, "Nasabah membatalkan")
    assert again.row.reference == info.value.reference and again.row.state is State.SUCCESS
    assert journal.get(transfer.reference).state is State.REVERSED
    assert journal.count("product=?", (again.row.product,)) == 1
    http.close()
