"""Every money-moving flow, against the in-process sandbox: a connection refused once
(``NotSent``: provably never left) and then ``pay`` pressed again goes out under the SAME
reference and ends in the SAME journal row, which the host books exactly once. And a
repeat of a payment that succeeded minutes ago needs the agent's explicit yes.

Each flow's row is also held against the day's cash rules: ``Flow.moves_cash`` (whether
the screens and the runner ask for an open shift) names by hand what
``services/reports/cash.py`` decides by (host, product), and the two must agree."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import httpx
import pytest

from app.context import build_context
from services.errors import NotSent
from services.flows.bankplus import CustomerBalanceFlow, DepositFlow, OpenAccountFlow, TransferFlow
from services.flows.base import Flow
from services.flows.destination import DestinationFlow
from services.flows.others import BcaInterbankFlow, BcaTransferFlow, SwitcherFlow, VirtualAccountFlow
from services.flows.pin import PinNotProven, WrongTransactionPin
from services.hosts.bankplus.service import OpenAccountForm
from services.hosts.keagenan.service import BillPayFlow
from services.journal import State
from services.profile import Profile
from services.reports import cash as cash_rules
from services.transactions import RecentSuccessExists

AGENT, PASSWORD, PIN = "BNIUS100294", "T6jkl4ss", "359569"


class Refuser:
    """Between the clients and the simulated hosts: refuses the next request that ``when``
    matches the way a dead network does (connection refused: nothing reached the host)."""

    def __init__(self) -> None:
        self.when: Callable[[httpx.Request], bool] | None = None
        self.refused = 0

    def wrap(self, inner: httpx.BaseTransport) -> httpx.BaseTransport:
        refuser = self

        class Wrapped(httpx.BaseTransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                if refuser.when is not None and refuser.when(request):
                    refuser.when = None
                    refuser.refused += 1
                    raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
                return inner.handle_request(request)

        return Wrapped()

    def path(self, fragment: str) -> None:
        self.when = lambda request: fragment in request.url.path

    def body(self, fragment: str) -> None:
        self.when = lambda request: fragment.encode() in request.content


@pytest.fixture
def refuser() -> Refuser:
    return Refuser()


@pytest.fixture
def context(tmp_path: Path, refuser: Refuser):
    ctx = build_context(Profile(tmp_path / "profile"), wrap_transport=refuser.wrap)
    ctx.banking.login(AGENT, PASSWORD)
    ctx.dayclose.shifts.open(0, AGENT)  # a payment that moves cash needs the day's shift
    yield ctx
    ctx.close()


def resend_after_not_sent(context, refuser: Refuser, flow, pin: str | None = PIN):
    """Pay (refused once), pay again: the same reference, the same row, SUCCESS."""
    with pytest.raises(NotSent) as refused:
        flow.pay(pin)
    assert refuser.refused == 1
    first = refused.value.row
    assert first is not None and first.state is State.NEW and refused.value.reference == first.reference
    assert flow.unsent_reference == first.reference and not flow.over
    done = flow.pay(pin)
    assert done.row.reference == first.reference and done.row.id == first.id
    assert done.row.state is State.SUCCESS and flow.over
    assert context.journal.count("reference=?", (first.reference,)) == 1
    assert_cash_rule_agrees(flow)
    return done


def assert_cash_rule_agrees(flow: Flow) -> None:
    """The shift rule the flow declares is the day's cash rule for the row it wrote."""
    row = flow.row
    assert row is not None
    moves = cash_rules.direction(row.host, row.product) != cash_rules.NO_CASH
    assert flow.moves_cash is moves, (type(flow).__name__, row.host, row.product)


def concrete_flows(base: type = Flow) -> set[type]:
    """The product's flow kinds (not the abstract bases, not a test's own subclasses)."""
    found = set()
    for sub in base.__subclasses__():
        found |= concrete_flows(sub)
        if sub.__module__.startswith("services.") and not sub.__name__.startswith("_") and sub is not DestinationFlow:
            found.add(sub)
    return found


def test_every_flow_is_held_against_the_cash_rules_here():
    """A new flow kind must join this module's tests, which check its shift rule."""
    assert concrete_flows() == {DepositFlow, CustomerBalanceFlow, OpenAccountFlow, TransferFlow, SwitcherFlow,
                                BcaTransferFlow, BcaInterbankFlow, VirtualAccountFlow, BillPayFlow}


def test_deposit(context, refuser):
    flow = DepositFlow(context.banking)
    flow.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "50.000", "narration": ""})
    refuser.path("depositAccount")
    done = resend_after_not_sent(context, refuser, flow)
    booked = [e for e in context.sandbox_hosts["bankplus"].ledger if e.get("op") == "deposit"]
    assert [e["sid"] for e in booked] == [done.row.reference]


def test_customer_balance(context, refuser):
    flow = CustomerBalanceFlow(context.banking)
    flow.prepare({"account": "4447"})
    refuser.path("customerbalance")
    resend_after_not_sent(context, refuser, flow)


def test_open_account(context, refuser, tmp_path):
    image = tmp_path / "ktp.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0jpeg")
    form = OpenAccountForm(
        name="Budi Santoso", email="budi@example.com", mother_name="Siti Aminah", profession="karyawan swasta",
        last_education="sma", status_nikah="Menikah", pob="Surabaya", dob="1990-05-17", ktp="3578011705900001",
        gender="l", address="Jl. Melati 5", rt="1", rw="2", zip_code="60111", kelurahan="Gubeng",
        kecamatan="Gubeng", city="Surabaya", state="Jawa Timur", hp="081234567890", income="1",
        jumlah_transaksi="1", deposit="100000", ktp_image=str(image), photo_image=str(image))
    flow = OpenAccountFlow(context.banking)
    flow.prepare({"form": form})
    refuser.path("openAccount")
    resend_after_not_sent(context, refuser, flow)


@pytest.mark.parametrize("kind, account, bank, path", [("intrabank", "14047", "", "intrabank/payment"),
                                                       ("interbank", "114451186", "008", "interbank/payment")])
def test_transfer(context, refuser, kind, account, bank, path):
    flow = TransferFlow(kind, context.banking)
    flow.inquire({"account": account, "bank": bank})
    flow.confirm_name(True)
    flow.prepare({"amount": "100000"})
    refuser.path(path)
    resend_after_not_sent(context, refuser, flow)


def test_switcher(context, refuser):
    context.pins.learn(AGENT, PIN)
    flow = SwitcherFlow(context.switching, context.pins, context.banking.operator)
    flow.inquire({"bank": "BRINIDJA", "account": "888801000003301"})
    flow.confirm_name(True)
    flow.prepare({"amount": "75000", "remark": ""})
    refuser.path("/transfer")
    done = resend_after_not_sent(context, refuser, flow)
    assert done.row.request["refnum"] == done.row.reference


def test_bca(context, refuser):
    context.pins.learn(AGENT, PIN)
    flow = BcaTransferFlow(context.bca, context.pins, context.banking.operator)
    flow.inquire({"account": "0611104625"})
    flow.confirm_name(True)
    flow.prepare({"amount": "250000", "remark": "sewa"})
    refuser.path("transfer-intrabank")
    done = resend_after_not_sent(context, refuser, flow)
    sent = [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer"]
    assert len(sent) == 1 and done.row.request["partnerReferenceNo"] == done.row.reference


def test_bca_interbank(context, refuser):
    context.pins.learn(AGENT, PIN)
    flow = BcaInterbankFlow(context.bca, context.pins, context.banking.operator)
    flow.inquire({"bank": "BRINIDJA", "account": "888801000003301"})
    assert flow.destination_name == "BRIAPI SANDBOX" and flow.fee == 0
    flow.confirm_name(True)
    flow.prepare({"amount": "150000"})
    refuser.path("transfer-interbank")
    with pytest.raises(NotSent) as refused:
        flow.pay(PIN)
    first = refused.value.row
    body = dict(first.request)
    done = flow.pay(PIN)
    assert (done.row.reference, done.row.id, done.row.state) == (first.reference, first.id, State.SUCCESS)
    assert done.row.request == body  # the very body again: the same transactionDate too
    sent = [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer_interbank"]
    assert [e["external_id"] for e in sent] == [first.reference] == [body["partnerReferenceNo"]]
    assert context.journal.count("reference=?", (first.reference,)) == 1 and flow.over
    assert_cash_rule_agrees(flow)


def test_bca_interbank_with_other_inputs_after_not_sent_is_a_new_transfer(context, refuser):
    context.pins.learn(AGENT, PIN)
    flow = BcaInterbankFlow(context.bca, context.pins, context.banking.operator)
    flow.inquire({"bank": "BRINIDJA", "account": "888801000003301"})
    flow.confirm_name(True)
    flow.prepare({"amount": "150000"})
    refuser.path("transfer-interbank")
    with pytest.raises(NotSent) as refused:
        flow.pay(PIN)
    flow.prepare({"amount": "160000"})  # the customer changed the amount: another transfer
    done = flow.pay(PIN)
    assert done.row.reference != refused.value.reference and done.row.amount == 160_000
    assert context.journal.get(refused.value.reference).state is State.FAILED


def test_virtual_account(context, refuser):
    flow = VirtualAccountFlow(context.va)
    assert not flow.needs_pin
    flow.prepare({"customer_no": "081234567890", "name": "Budi Santoso", "amount": 150_000,
                  "phone": "081234567890", "email": "", "trx_type": "C", "expires_at": None})
    refuser.path("create-va")
    resend_after_not_sent(context, refuser, flow, pin=None)


def test_bill_payment(context, refuser):
    flow = BillPayFlow(context.billpay, "pln_postpaid")
    flow.prepare({"customerId": "53111"}, PIN)
    refuser.body(flow.product.payment_fitur)
    done = resend_after_not_sent(context, refuser, flow)
    payments = [e for e in context.sandbox_hosts["keagenan"].ledger if e.get("op") == "payment"]
    assert [p["reffNum"] for p in payments] == [done.reff_num]


# -- the agent's PIN where the host takes none -------------------------------------------
def test_bca_and_switcher_refuse_a_pin_bankplus_never_proved_and_a_wrong_one(context):
    flow = BcaTransferFlow(context.bca, context.pins, context.banking.operator)
    flow.inquire({"account": "0611104625"})
    flow.confirm_name(True)
    flow.prepare({"amount": "250000", "remark": ""})
    with pytest.raises(PinNotProven):
        flow.pay(PIN)
    deposit = DepositFlow(context.banking, context.pins)  # a Bank+ success proves the PIN
    deposit.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "20000", "narration": ""})
    deposit.pay(PIN)
    with pytest.raises(WrongTransactionPin):
        flow.pay("918273")
    assert not [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer"]
    assert flow.pay(PIN).row.state is State.SUCCESS
    stored = (context.profile.data_folder(context.sandbox) / "transaction_pin.json").read_text()
    assert PIN not in stored


# -- the same payment twice --------------------------------------------------------------
def test_a_repeat_of_a_recent_success_needs_an_explicit_yes(context):
    first = DepositFlow(context.banking)
    first.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "50.000", "narration": ""})
    earlier = first.pay(PIN).row
    again = DepositFlow(context.banking)
    again.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "50000", "narration": "lagi"})
    with pytest.raises(RecentSuccessExists) as repeat:
        again.pay(PIN)
    assert repeat.value.earlier.reference == earlier.reference and repeat.value.row is None
    hhmm = earlier.created_at[11:16]
    assert repeat.value.message == (f"Transaksi yang sama sudah BERHASIL pukul {hhmm} (ref {earlier.reference}). "
                                    "Ini transaksi baru?")
    assert context.journal.count() == 1  # nothing journaled, nothing sent
    with pytest.raises(RecentSuccessExists):
        again.pay(PIN, confirm_duplicate="2611211405999999")  # naming another row is no yes
    done = again.pay(PIN, confirm_duplicate=earlier.reference)
    assert done.row.state is State.SUCCESS and done.row.reference != earlier.reference
    other = DepositFlow(context.banking)  # another amount is not the same payment
    other.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "60000", "narration": ""})
    assert other.pay(PIN).row.state is State.SUCCESS


def test_the_repeat_window_is_a_setting(tmp_path):
    profile = Profile(tmp_path / "p")
    settings = profile.load_settings()
    settings["duplicate_payment_minutes"] = 0
    profile.save_settings(settings)
    ctx = build_context(profile)
    try:
        ctx.banking.login(AGENT, PASSWORD)
        ctx.dayclose.shifts.open(0, AGENT)
        for _ in range(2):
            flow = DepositFlow(ctx.banking)
            flow.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "50000", "narration": ""})
            assert flow.pay(PIN).row.state is State.SUCCESS
    finally:
        ctx.close()


def test_other_inputs_after_not_sent_close_the_unsent_row_instead_of_blocking_the_customer(context, refuser):
    flow = DepositFlow(context.banking)
    flow.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "50000", "narration": ""})
    refuser.path("depositAccount")
    with pytest.raises(NotSent) as refused:
        flow.pay(PIN)
    unsent = refused.value.reference
    flow.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "55000", "narration": ""})
    done = flow.pay(PIN)  # not "Selesaikan dulu di Transaksi Menggantung": the old one never left
    assert done.row.state is State.SUCCESS and done.row.reference != unsent
    closed = context.journal.get(unsent)
    assert closed.state is State.FAILED and "isian lain" in context.journal.events(unsent)[-1].reason
    booked = [e["sid"] for e in context.sandbox_hosts["bankplus"].ledger if e.get("op") == "deposit"]
    assert booked == [done.row.reference]
