"""Forms whose business day moves on under them.

* Past midnight: the new business day has no shift, so the payment is refused before
  anything is journaled or sent, the agent lands on Buka Shift told why, and once the shift
  is open the same form is back, as it was, to pay (the customer is still at the counter).
  The screens check the shift when one is opened; the payment runner checks it again when
  the money moves (``Shifts.require_open``), whatever way led there.
* Across Tutup Hari: a form left filled in before the day close is nobody's any more. Its
  screen starts empty afterwards, and its flow would refuse it anyway
  (``DayClosedSinceQuote``)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.context import build_context
from services.clock import WIB, FixedClock
from services.journal import State
from services.profile import Profile
from tests.ui.test_dayclose_screens import count_cash, start_close
from tests.ui.test_never_twice import leftovers
from tests.ui.test_snap_screens import fill_va
from tests.ui.test_ui_deposit import fill
from tests.ui.uidrive import click, wait_result
from ui.screens.virtual_account import DEFAULT_HOURS

TIMEOUT = 10_000


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 5, 23, 57, tzinfo=WIB))


@pytest.fixture
def context(tmp_path, clock):
    ctx = build_context(Profile(tmp_path / "profile"), clock=clock)
    yield ctx
    ctx.close()


def deposit_confirmed(qtbot, shell, amount: str):
    """Setor Tunai filled in and on its confirmation, waiting for the pay button."""
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    fill(qtbot, deposit, amount=amount)
    click(qtbot, deposit.next_button)
    qtbot.waitUntil(lambda: deposit.pages.currentIndex() == 1, timeout=TIMEOUT)
    return deposit


def test_a_form_paid_after_midnight_needs_the_new_days_shift(qtbot, shell, loket, context, clock):
    host = context.sandbox_hosts["bankplus"]
    balance_before = host.accounts["14047"].balance
    deposit = deposit_confirmed(qtbot, shell, "150000")

    clock.advance(5 * 60)  # 00:02 on 06/12: a new business day, no shift yet
    click(qtbot, deposit.pay_button)
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    assert "Shift hari kerja 06/12/2026 belum dibuka" in shift.banner.text() and "Setor Tunai" in shift.banner.text()
    assert context.journal.count() == 0  # refused before the journal: nothing was sent
    assert host.accounts["14047"].balance == balance_before

    qtbot.keyClicks(shift.opening_float, "300000")
    click(qtbot, shift.open_button)
    qtbot.waitUntil(shift.confirm_button.isVisible, timeout=TIMEOUT)
    click(qtbot, shift.confirm_button)
    qtbot.waitUntil(lambda: shell.current_screen() is deposit, timeout=TIMEOUT)
    assert deposit.pages.currentIndex() == 1  # the confirmation as it was left
    assert deposit.banner.text() == ""  # no "Shift belum dibuka" left from before the shift opened
    # The keyboard is on the way back, not on the header's training switch, and not on the
    # pay button: an Enter left over from Buka Shift's two goes back to the form, paying nothing.
    qtbot.waitUntil(lambda: deposit.window().focusWidget() is deposit.back_button, timeout=TIMEOUT)
    qtbot.keyClick(deposit.back_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: deposit.pages.currentIndex() == 0, timeout=TIMEOUT)
    assert context.journal.count() == 0 and deposit.amount.text() == "150.000"
    click(qtbot, deposit.next_button)
    qtbot.waitUntil(lambda: deposit.pages.currentIndex() == 1, timeout=TIMEOUT)
    click(qtbot, deposit.pay_button)
    result = wait_result(qtbot, shell)
    row = result.done.row
    assert row.state is State.SUCCESS and row.business_date == "2026-12-06"
    assert context.dayclose.shifts.shift_for("2026-12-06") is not None


def test_a_form_filled_before_tutup_hari_is_not_there_after_it(qtbot, shell, loket, context):
    host = context.sandbox_hosts["bankplus"]
    balance_before = host.accounts["14047"].balance
    deposit = deposit_confirmed(qtbot, shell, "750000")
    quoted = deposit.flow

    close = start_close(qtbot, shell, loket)
    count_cash(qtbot, close, loket, "0")
    click(qtbot, close.variance_page.confirm_button)
    qtbot.waitUntil(lambda: close.page == "sealed", timeout=TIMEOUT)

    click(qtbot, shell._nav["deposit"])
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    qtbot.keyClicks(shift.opening_float, "100000")
    click(qtbot, shift.open_button)
    qtbot.waitUntil(shift.confirm_button.isVisible, timeout=TIMEOUT)
    click(qtbot, shift.confirm_button)
    qtbot.waitUntil(lambda: shell.current_screen() is deposit, timeout=TIMEOUT)
    assert deposit.pages.currentIndex() == 0 and deposit.amount.text() == ""  # an empty form
    assert quoted.quote is None
    assert host.accounts["14047"].balance == balance_before
    assert context.journal.count() == 0


def test_a_va_form_filled_before_tutup_hari_is_not_there_after_it(qtbot, shell, loket, context):
    """Buat Virtual Account moves no cash, but its form is a customer's as much as a deposit's:
    left filled in at the day close, it greeted the next morning's first customer with the
    last one's name, phone, email and amount (the money screens were emptied, this one not)."""
    click(qtbot, shell._nav["virtual_account"])
    va = shell.screen("virtual_account")
    fill_va(qtbot, va, amount="175000")
    close = start_close(qtbot, shell, loket)
    count_cash(qtbot, close, loket, "0")
    click(qtbot, close.variance_page.confirm_button)
    qtbot.waitUntil(lambda: close.page == "sealed", timeout=TIMEOUT)

    click(qtbot, shell._nav["virtual_account"])
    assert shell.current_screen() is va
    assert leftovers(va) == {} and va.flow.quote is None
    assert not [e for e in context.sandbox_hosts["doku"].ledger if e.get("op") == "create_va"]


def test_a_va_opened_later_counts_its_default_expiry_from_then(qtbot, shell, context, clock):
    """"Biasanya 24 jam dari sekarang": the default was counted when the form was last
    emptied, so a VA made hours later gave the customer hours less to pay, as if it were
    the agent's choice; an expiry the agent set stays as set."""
    click(qtbot, shell._nav["virtual_account"])
    va = shell.screen("virtual_account")
    assert va.expires_at() == clock.now().replace(second=0, microsecond=0) + timedelta(hours=DEFAULT_HOURS)
    click(qtbot, shell._nav["home"])
    clock.advance(6 * 3600)
    click(qtbot, shell._nav["virtual_account"])
    assert va.expires_at() == clock.now().replace(second=0, microsecond=0) + timedelta(hours=DEFAULT_HOURS)

    chosen = clock.now().replace(second=0, microsecond=0) + timedelta(hours=3)
    va.set_expires_at(chosen)  # the customer will pay this afternoon
    click(qtbot, shell._nav["home"])
    clock.advance(600)
    click(qtbot, shell._nav["virtual_account"])
    assert va.expires_at() == chosen


def test_at_two_in_the_morning_the_earlier_day_notes_name_the_new_day(qtbot, shell, loket, context, clock):
    """At 02:00 the agent still serving 05/12 calls it today; the business day is 06/12. Tutup
    Hari said "close 05/12 first, then open Tutup Hari again for today", and Buka Shift "before
    today's float goes into the drawer": today was the day being closed. Both name the day."""
    clock.advance(2 * 3600 + 3 * 60)  # 02:00 on 06/12: 05/12's shift open, not closed
    click(qtbot, shell._nav["shift"])
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    said = shift.earlier_note.text()
    assert "Hari 05/12/2026 belum ditutup" in said and "modal hari 06/12/2026" in said
    assert "hari ini" not in said
    click(qtbot, shift.close_earlier_button)
    close_day = shell.screen("day_close")
    qtbot.waitUntil(lambda: close_day.flow is not None and close_day.banner.text() != "", timeout=TIMEOUT)
    said = close_day.banner.text()
    assert close_day.flow.business_date == "2026-12-05"
    assert "Hari 05/12/2026 belum ditutup" in said and "Tutup Hari lagi untuk hari 06/12/2026" in said
    assert "hari ini" not in said


def test_buka_shift_says_an_earlier_day_is_not_closed_and_offers_its_close(qtbot, shell, loket, context, clock):
    """Not refused (the counter above serves past midnight), but said: a new float in the
    drawer before yesterday's count makes that count hold today's money too."""
    clock.advance(5 * 60)  # 00:02 on 06/12: yesterday's shift is open and not closed
    click(qtbot, shell._nav["shift"])
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    assert shift.pages.currentWidget() is shift.open_page
    assert shift.earlier_note.isVisible() and "05/12/2026 belum ditutup" in shift.earlier_note.text()
    click(qtbot, shift.close_earlier_button)
    close_day = shell.screen("day_close")
    qtbot.waitUntil(lambda: shell.current_screen() is close_day, timeout=TIMEOUT)
