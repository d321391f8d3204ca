"""Money moves only inside its business day's shift, and never on a form of a closed day.

Through the service layer, as any screen or script would pay: a cash payment with no shift
open for today's business day is refused before anything is journaled or sent (a balance
check moves no cash and goes ahead); a transaction filled in before Tutup Hari is refused
after it, so no money moves for a form of a sealed day after its seal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.context import build_context
from services.clock import WIB, FixedClock
from services.errors import ShiftNotOpen
from services.flows.bankplus import CustomerBalanceFlow, DepositFlow
from services.flows.base import DayClosedSinceQuote
from services.hosts.keagenan.service import BillPayFlow
from services.journal import State
from services.profile import Profile

AGENT, PASSWORD, PIN = "BNIUS100294", "T6jkl4ss", "359569"
CUSTOMER = "14047"
SUPERVISOR_PIN = "482916"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 5, 23, 50, tzinfo=WIB))


@pytest.fixture
def context(tmp_path: Path, clock: FixedClock):
    ctx = build_context(Profile(tmp_path / "profile"), clock=clock)
    ctx.banking.login(AGENT, PASSWORD)
    yield ctx
    ctx.close()


def deposit(context, amount: str = "50000") -> DepositFlow:
    flow = DepositFlow(context.banking)
    flow.prepare({"account": CUSTOMER, "name": "ARDHA HERDIANTO", "amount": amount, "narration": ""})
    return flow


def test_a_cash_payment_needs_the_business_days_shift(context, clock):
    bank = context.sandbox_hosts["bankplus"]
    before = bank.accounts[CUSTOMER].balance
    with pytest.raises(ShiftNotOpen):
        deposit(context).pay(PIN)
    assert context.journal.count() == 0 and bank.accounts[CUSTOMER].balance == before

    balance = CustomerBalanceFlow(context.banking)  # moves no cash: no shift needed
    balance.prepare({"account": "4447"})
    assert balance.pay(PIN).row.state is State.SUCCESS

    context.dayclose.shifts.open(0, AGENT)
    flow = deposit(context)
    clock.advance(15 * 60)  # 00:05: the next business day, whose shift is not open
    with pytest.raises(ShiftNotOpen):
        flow.pay(PIN)
    context.dayclose.shifts.open(0, AGENT)
    paid = flow.pay(PIN).row  # the same form, once the new day's shift is open
    assert paid.state is State.SUCCESS and paid.business_date == "2026-12-06"
    assert bank.accounts[CUSTOMER].balance == before + 50_000


def test_a_transaction_filled_in_before_tutup_hari_is_not_sent_after_it(context):
    bank = context.sandbox_hosts["bankplus"]
    context.dayclose.shifts.open(0, AGENT)
    flow = deposit(context, "750000")
    before, rows = bank.accounts[CUSTOMER].balance, context.journal.count()

    close_day(context)  # and the next day's shift: the old form is still refused
    with pytest.raises(DayClosedSinceQuote):
        flow.pay(PIN)
    assert flow.quote is None  # it starts again from an empty form
    assert context.journal.count() == rows and bank.accounts[CUSTOMER].balance == before
    again = deposit(context, "750000")  # filled in again, for a customer who is still here
    assert again.pay(PIN).row.state is State.SUCCESS


def close_day(context) -> None:
    close = context.dayclose.begin_close(AGENT)
    close.start_count()
    close.enter_count(0)
    if close.variance:  # the day's cash went to the bank: a difference the supervisor signs off
        if not context.dayclose.supervisors.has_supervisor():
            context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        close.confirm("kas disetor ke bank", pin=SUPERVISOR_PIN)
    else:
        close.confirm("")
    context.dayclose.shifts.open(0, AGENT)  # and the next day's shift


def charity(context) -> BillPayFlow:
    flow = BillPayFlow(context.billpay, "charity")
    flow.prepare({"providerId": "ZAKAT_DOMPET_DHUAFA", "amount": "30000"})
    return flow


def test_a_bill_quoted_by_its_own_inquiry_follows_the_same_rule(context):
    context.dayclose.shifts.open(0, AGENT)
    close_day(context)  # a counter with a closed day behind it, as every counter after its first
    assert charity(context).pay(PIN).row.state is State.SUCCESS
    flow = charity(context)
    close_day(context)
    rows = context.journal.count()
    with pytest.raises(DayClosedSinceQuote):
        flow.pay(PIN)
    assert context.journal.count() == rows
