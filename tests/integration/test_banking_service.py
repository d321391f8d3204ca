"""The Bank+ service end to end in-process: journal before send, and every way a
request can fail leaves the journal telling the truth about the money."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from services.errors import InvalidPin, MaybeSent, NotSent, UserInputError
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.sandbox import BankPlusSandbox
from services.hosts.bankplus.service import BalanceUnanswered, BankingService, OpenAccountForm
from services.journal import Journal, State
from services.limits import Limits
from services.resolution import SuspectResolver
from services.sandbox import Fault
from services.sandbox.transport import SandboxTransport
from services.transactions import OpenTransactionExists

PIN = "359569"
LIMITS = {"deposit": {"min": 10_000, "max": 20_000_000}, "transfer": {"min": 10_000, "max": 25_000_000},
          "open_account_deposit": {"min": 0, "max": 20_000_000}}


class Recording(httpx.BaseTransport):
    """Sees each request before the host does: what the journal holds at that moment,
    and optionally refuses the first connection as a dead network would."""

    def __init__(self, inner: httpx.BaseTransport, journal, refuse_first: bool = False) -> None:
        self.inner, self.journal, self.refuse_first = inner, journal, refuse_first
        self.states_at_send: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        sid = request.headers.get("sid")
        if sid and self.journal.count():
            try:
                self.states_at_send.append((sid, self.journal.get(sid).state.value))
            except KeyError:
                pass
        if self.refuse_first and request.url.path.endswith("depositAccount"):
            self.refuse_first = False
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return self.inner.handle_request(request)


@pytest.fixture
def host() -> BankPlusSandbox:
    return BankPlusSandbox()


def make_service(host, journal, tmp_path: Path, **kw) -> tuple[BankingService, Recording]:
    recording = Recording(SandboxTransport(host), journal, **kw)
    service = BankingService(BankPlusClient(httpx.Client(transport=recording), "http://sandbox.invalid"), journal,
                             limits=Limits.parse(LIMITS), attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    return service, recording


def deposit(service, **kw):
    args = {"account": "14047", "name": "ARDHA HERDIANTO", "amount": "25.000", "narration": "", "pin": PIN}
    return service.deposit(**{**args, **kw})


def test_deposit_is_journaled_before_it_is_sent_and_settles_success(host, journal, tmp_path):
    service, recording = make_service(host, journal, tmp_path)
    done = deposit(service)
    assert done.row.state is State.SUCCESS
    assert (done.row.amount, done.row.fee, done.row.total) == (25_000, 0, 25_000)
    assert recording.states_at_send == [(done.row.reference, "SENT")]
    assert [e.to_state for e in journal.events(done.row.reference)] == [State.NEW, State.SENT, State.SUCCESS]
    assert host.ledger[-1]["sid"] == done.row.reference
    assert journal.verify().ok


def test_the_pin_never_reaches_the_journal_file(host, journal, tmp_path):
    service, _ = make_service(host, journal, tmp_path)
    deposit(service, pin="359569")
    with pytest.raises(InvalidPin):
        deposit(service, pin="918273", account="1234567890", name="SITI RAHAYU")
    journal.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("journal.db*"))
    assert b"359569" not in raw and b"918273" not in raw


def test_bad_input_is_refused_before_any_request(host, journal, tmp_path):
    service, _ = make_service(host, journal, tmp_path)
    for kwargs, field in (({"account": "14A47"}, "account"), ({"amount": "0"}, "amount"),
                          ({"amount": "5.000"}, "amount"), ({"pin": "12"}, "pin"), ({"name": " "}, "name")):
        with pytest.raises(UserInputError) as err:
            deposit(service, **kwargs)
        assert err.value.field == field
    assert journal.count() == 0
    assert not [e for e in host.ledger if e["op"] == "deposit"]


def test_a_host_rejection_is_failed_with_the_host_code(host, journal, tmp_path):
    service, _ = make_service(host, journal, tmp_path)
    with pytest.raises(InvalidPin) as err:
        deposit(service, pin="000000")
    row = journal.get(err.value.reference)
    assert (row.state, row.error_code) == (State.FAILED, "INVALID_PIN")


@pytest.mark.parametrize("fault", [Fault.LOST_AFTER_PROCESSING, Fault.MALFORMED_JSON,
                                   Fault.DROP_BEFORE_PROCESSING, Fault.SERVER_ERROR])
def test_no_usable_answer_makes_the_payment_suspect_and_blocks_paying_again(host, journal, tmp_path, fault):
    service, _ = make_service(host, journal, tmp_path)
    host.faults.queue(fault, "/bankplus/bsa/depositAccount")
    with pytest.raises(MaybeSent) as err:
        deposit(service)
    row = journal.get(err.value.reference)
    assert row.state is State.SUSPECT
    processed = [e for e in host.ledger if e.get("sid") == row.reference]
    assert len(processed) == (1 if fault.processes else 0)
    with pytest.raises(OpenTransactionExists) as blocked:
        deposit(service)
    assert blocked.value.earlier.reference == row.reference
    assert len([e for e in host.ledger if e["op"] == "deposit"]) == len(processed)


def test_not_sent_goes_back_to_new_and_a_retry_reuses_the_reference(host, journal, tmp_path):
    service, _ = make_service(host, journal, tmp_path, refuse_first=True)
    with pytest.raises(NotSent) as err:
        deposit(service)
    reference = err.value.reference
    assert journal.get(reference).state is State.NEW
    done = deposit(service, reference=reference)
    assert done.row.reference == reference and done.row.state is State.SUCCESS
    assert [e["sid"] for e in host.ledger if e["op"] == "deposit"] == [reference]
    assert journal.count() == 1


def test_a_suspect_row_can_never_be_retried(host, journal, tmp_path):
    service, _ = make_service(host, journal, tmp_path)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    with pytest.raises(MaybeSent) as err:
        deposit(service)
    with pytest.raises(Exception, match="tidak boleh dikirim ulang"):
        deposit(service, reference=err.value.reference)
    assert len([e for e in host.ledger if e["op"] == "deposit"]) == 1


def test_transfers_journal_amount_fee_and_beneficiary(host, journal, tmp_path):
    service, _ = make_service(host, journal, tmp_path)
    quote = service.transfer_inquiry("interbank", "114451186", "008")
    done = service.transfer_pay(quote, "10.000", PIN)
    row = done.row
    assert (row.product, row.amount, row.fee, row.total) == ("interbank_transfer", 10_000, 6_500, 16_500)
    assert (row.customer_ref, row.customer_name, row.host_ref) == ("114451186", "Ardha Herdianto", quote.transaction_id)
    assert row.request["pin"] == "***"
    quote = service.transfer_inquiry("intrabank", "1234567890")
    assert service.transfer_pay(quote, 50_000, PIN).row.total == 51_000


def test_banks_for_interbank_leave_out_the_agents_own_bank(host, journal, tmp_path):
    service, _ = make_service(host, journal, tmp_path)
    names = [b.name for b in service.banks()]
    assert "BNI 46" not in names and "BANK MANDIRI" in names


def open_account_form(folder: Path) -> OpenAccountForm:
    """The document's example customer, with a KTP scan and a photo written into ``folder``."""
    ktp, foto = folder / "ktp.jpg", folder / "foto.png"
    ktp.write_bytes(b"\xff\xd8fake-jpeg")
    foto.write_bytes(b"\x89PNGfake")
    return OpenAccountForm(
        name="Gabymars Yofie", email="gaby@email.com", mother_name="Mamih", profession="KONSULTAN",
        last_education="S1/D4", status_nikah="Lajang", pob="Surabaya", dob="1997-08-01", ktp="3515084108970001",
        gender="p", address="Jl. Waru 1", rt="22", rw="1", zip_code="61256", kelurahan="Waru", kecamatan="Waru",
        city="Sidoarjo", state="Jawa Timur", hp="08998321234", phone="0319909221", income="1", jumlah_transaksi="1",
        deposit="100.000", ktp_image=str(ktp), photo_image=str(foto),
    )


def test_open_account_validates_the_whole_form_then_opens(host, journal, tmp_path):
    service, _ = make_service(host, journal, tmp_path)
    form = open_account_form(tmp_path)
    with pytest.raises(UserInputError) as err:
        service.open_account(OpenAccountForm(**{**form.__dict__, "ktp": "12345678900876"}), PIN)
    assert err.value.field == "ktp"
    with pytest.raises(UserInputError) as err:
        service.open_account(OpenAccountForm(**{**form.__dict__, "photo_image": ""}), PIN)
    assert err.value.field == "photo_image"
    done = service.open_account(form, PIN)
    assert done.result.account_number == "123456789" and done.row.amount == 100_000
    assert done.row.request["rt"] == "022" and done.row.request["image"]["ktp"].endswith("_KTP_20261121140500.jpg")
    assert sorted(p.name for p in (tmp_path / "att").iterdir()) == sorted(
        Path(n).name for n in done.row.request["image"].values())


class RefuseFirstOpening(httpx.BaseTransport):
    """Refuses the first account opening's connection (nothing reaches the host) and keeps
    the body of every opening that does reach it."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner, self.refused, self.bodies = inner, False, []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("openAccount"):
            if not self.refused:
                self.refused = True
                raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
            self.bodies.append(json.loads(request.content))
        return self.inner.handle_request(request)


def test_an_opening_sent_again_sends_the_picture_names_its_journal_row_holds(host, journal, clock, tmp_path):
    """The resend after "not sent" named the pictures from a fresh time: the host got names
    the journal row (the record of what went on the wire) never held, and the partner's
    upload process looked for copies under names the bank never received."""
    transport = RefuseFirstOpening(SandboxTransport(host))
    service = BankingService(BankPlusClient(httpx.Client(transport=transport), "http://sandbox.invalid"), journal,
                             limits=Limits.parse(LIMITS), attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    form = open_account_form(tmp_path)
    with pytest.raises(NotSent) as refused:
        service.open_account(form, PIN)
    journaled = journal.get(refused.value.reference).request["image"]
    clock.advance(95)  # the agent reads the message, checks the cable, presses "Kirim ulang"
    done = service.open_account(form, PIN, reference=refused.value.reference)
    assert done.row.state is State.SUCCESS and done.row.reference == refused.value.reference
    assert transport.bodies[0]["image"] == journaled == done.row.request["image"]
    assert sorted(p.name for p in (tmp_path / "att").iterdir()) == sorted(Path(n).name for n in journaled.values())


def test_session_expiry_fails_the_payment_honestly(host, journal, tmp_path):
    from services.errors import SessionExpired

    service, _ = make_service(host, journal, tmp_path)
    host.forget_sessions()
    with pytest.raises(SessionExpired) as err:
        deposit(service)
    assert journal.get(err.value.reference).state is State.FAILED
    service.login("BNIUS100294", "T6jkl4ss")
    assert deposit(service).row.state is State.SUCCESS


def test_startup_recovery_turns_sent_rows_suspect_and_never_sent_ones_failed(journal):
    never_sent = journal.next_reference()
    journal.begin(reference=never_sent, host="bankplus", product="deposit", product_group="banking",
                  amount=25_000, fee=0, operator="BNIUS100294", request={})
    sent = journal.next_reference()
    journal.begin(reference=sent, host="bankplus", product="deposit", product_group="banking", amount=1, fee=0,
                  operator="BNIUS100294", request={})
    journal.transition(sent, State.SENT, actor="t", reason="t")
    with Journal(journal.path, clock=journal.clock) as restarted:  # the next start: nothing in flight
        recovered = {r.reference: r.state for r in restarted.recover_interrupted()}
        assert recovered == {never_sent: State.FAILED, sent: State.SUSPECT}
        assert restarted.verify().ok


def test_a_balance_check_whose_answer_the_disk_refused_moves_no_money_and_says_so(host, tmp_path, clock):
    """The bank answered the balance, then the profile's disk turned read-only: the agent is
    told the check may be asked again, not that money moved ("Uang sudah berpindah"); once the
    journal writes again the row is FAILED, and the customer's next check goes through."""
    from services.hosts.registry import INQUIRIES

    journal = Journal(tmp_path / "journal.db", clock=clock, inquiries=INQUIRIES)
    service, _ = make_service(host, journal, tmp_path)
    asked = service.client.customer_balance

    def answered_then_disk_refuses(*args, **kwargs):
        answer = asked(*args, **kwargs)
        journal.execute("PRAGMA query_only = 1")
        return answer

    service.client.customer_balance = answered_then_disk_refuses
    with pytest.raises(BalanceUnanswered) as caught:
        service.customer_balance("4447", PIN)
    assert "tidak memindahkan uang" in caught.value.message
    journal.execute("PRAGMA query_only = 0")
    service.client.customer_balance = asked
    assert SuspectResolver(journal).worklist() == []
    assert journal.get(caught.value.reference).state is State.FAILED
    assert service.customer_balance("4447", PIN).row.state is State.SUCCESS
    journal.close()
