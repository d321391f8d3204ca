"""A payment that moves the drawer's cash is the drawer holder's to make.

The screens sent an agent who does not hold the drawer to Serah Terima Kas before a cash
screen opened, but the payment runner itself took a payment from any caller: a script, a form
left open while the drawer changed hands, put its cash into another agent's span, in a drawer
the paying agent never counted. Now the runner refuses it (``DrawerNotHeld``) before anything
is journaled or sent, the first sending and a resend alike; the holder (the shift's opener,
then whoever took it over last) pays as before, and what moves no cash (a balance check) is
never held up. Through the service layer, as any screen or script pays."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.context import build_context
from services.clock import WIB, FixedClock
from services.dayclose import DrawerNotHeld
from services.errors import NotSent
from services.flows.bankplus import CustomerBalanceFlow, DepositFlow
from services.hosts.keagenan.service import BillPayFlow
from services.journal import State
from services.profile import Profile
from services.sandbox.base import Fault
from ui.errors import describe

AGENT, PASSWORD, PIN = "BNIUS100294", "T6jkl4ss", "359569"
COLLEAGUE = "kasir2"
CUSTOMER = "14047"
DEPOSIT = "/bankplus/bsa/depositAccount"


@pytest.fixture
def context(tmp_path: Path):
    clock = FixedClock(datetime(2026, 12, 5, 9, 0, tzinfo=WIB))
    ctx = build_context(Profile(tmp_path / "profile"), clock=clock)
    ctx.banking.login(AGENT, PASSWORD)
    yield ctx
    ctx.close()


@pytest.fixture
def reached(context, monkeypatch) -> list[str]:
    """The paths of the requests that reached a simulated host (any of them)."""
    paths: list[str] = []
    for host in context.sandbox_hosts.values():
        def serve(request, fault, _serve=host.serve):
            paths.append(request.path)
            return _serve(request, fault)

        monkeypatch.setattr(host, "serve", serve)
    return paths


def deposit(context, amount: str = "50000") -> DepositFlow:
    flow = DepositFlow(context.banking)
    flow.prepare({"account": CUSTOMER, "name": "ARDHA HERDIANTO", "amount": amount, "narration": ""})
    return flow


def charity(context) -> BillPayFlow:
    flow = BillPayFlow(context.billpay, "charity")
    flow.prepare({"providerId": "ZAKAT_DOMPET_DHUAFA", "amount": "30000"})
    return flow


def even_handover(context, to: str) -> None:
    flow = context.dayclose.handovers.begin(to)
    flow.enter_count(0)
    if flow.difference:
        flow.recount()
        flow.enter_count(flow.should_hold)
    flow.confirm("")


def test_a_cash_payment_by_an_agent_who_does_not_hold_the_drawer_is_refused_before_it_is_journaled(
        context, reached):
    bank = context.sandbox_hosts["bankplus"]
    context.dayclose.shifts.open(100_000, COLLEAGUE)  # the colleague's drawer: AGENT never counted it
    before = bank.accounts[CUSTOMER].balance
    flow, bill = deposit(context), charity(context)
    reached.clear()  # the inquiries went to the hosts; the payments must not

    with pytest.raises(DrawerNotHeld) as refused:
        flow.pay(PIN)
    with pytest.raises(DrawerNotHeld):
        bill.pay(PIN)
    assert context.journal.count() == 0 and reached == []
    assert bank.accounts[CUSTOMER].balance == before
    kind, text = describe(refused.value)  # what the agent reads on the banner
    assert kind == "error"
    assert text == ("Laci kas masih dipegang kasir2. Transaksi ini tidak dikirim dan tidak ada uang yang berpindah. "
                    "Lakukan Serah Terima Kas dulu (hitung laci), lalu ulangi transaksinya.")

    balance = CustomerBalanceFlow(context.banking)  # moves no cash: never held up
    balance.prepare({"account": "4447"})
    assert balance.pay(PIN).row.state is State.SUCCESS

    even_handover(context, AGENT)  # counted: the drawer is AGENT's now
    paid = flow.pay(PIN).row  # the same form goes through
    assert paid.state is State.SUCCESS and paid.operator == AGENT
    assert bank.accounts[CUSTOMER].balance == before + 50_000
    assert charity(context).pay(PIN).row.state is State.SUCCESS  # the bill, filled in again


def test_the_holder_pays_until_the_drawer_is_handed_over_and_then_not(context, reached):
    context.dayclose.shifts.open(100_000, AGENT)  # the shift's opener holds the drawer
    assert deposit(context).pay(PIN).row.state is State.SUCCESS

    even_handover(context, COLLEAGUE)  # the colleague took it over, counted
    rows = context.journal.count()
    flow = deposit(context, "60000")
    reached.clear()
    with pytest.raises(DrawerNotHeld) as refused:
        flow.pay(PIN)
    assert refused.value.holder == COLLEAGUE
    assert context.journal.count() == rows and reached == []


def test_a_resend_after_the_drawer_changed_hands_is_refused_and_stays_unsent(context, reached):
    bank = context.sandbox_hosts["bankplus"]
    context.dayclose.shifts.open(100_000, AGENT)
    flow = deposit(context)
    bank.faults.queue(Fault.REFUSE_CONNECTION, DEPOSIT)
    with pytest.raises(NotSent) as unsent:
        flow.pay(PIN)
    reference = unsent.value.reference
    assert context.journal.get(reference).state is State.NEW

    even_handover(context, COLLEAGUE)
    reached.clear()
    with pytest.raises(DrawerNotHeld):
        flow.pay(PIN)  # "Kirim ulang": the same reference, the drawer no longer AGENT's
    assert context.journal.get(reference).state is State.NEW and reached == []


def test_a_reversal_hands_its_refund_out_of_the_holders_drawer_only(context, reached):
    """A Switcher reversal's own row counts no cash, but its refund comes out of the drawer:
    done by an agent who handed the drawer over, it came out of a span they never counted."""
    context.dayclose.supervisors.set_pin("Bu Sari", "246810")
    context.dayclose.shifts.open(100_000, AGENT)
    quote = context.switching.switcher_inquiry("BRINIDJA", "888801000003301")
    transfer = context.switching.switcher_transfer(quote, 150_000, "bayar").row
    even_handover(context, COLLEAGUE)
    rows = context.journal.count()
    reached.clear()

    with pytest.raises(DrawerNotHeld):
        context.switching.reversal(transfer.reference, "246810", "Salah nomor rekening")
    assert context.journal.count() == rows and reached == []
    assert context.journal.get(transfer.reference).state is State.SUCCESS

    even_handover(context, AGENT)  # back with AGENT, counted: AGENT hands the refund out
    reversal = context.switching.reversal(transfer.reference, "246810", "Salah nomor rekening").row
    assert reversal.state is State.SUCCESS
    assert context.journal.get(transfer.reference).state is State.REVERSED
