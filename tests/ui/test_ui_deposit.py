"""Setor Tunai through the screens: lookup, amount as typed, confirm, PIN, result, journal."""

from __future__ import annotations

from services.journal import State
from tests.ui.uidrive import click, wait_result


def open_deposit(qtbot, shell):
    click(qtbot, shell._nav["deposit"])
    screen = shell.screen("deposit")
    assert shell.current_screen() is screen
    return screen


def fill(qtbot, screen, account="14047", amount="250000", narration="tabungan"):
    qtbot.keyClicks(screen.account, account)
    click(qtbot, screen.lookup_button)
    qtbot.waitUntil(lambda: screen.name.text() != "", timeout=10_000)
    qtbot.keyClicks(screen.amount, amount)
    qtbot.keyClicks(screen.narration, narration)


def test_deposit_end_to_end(qtbot, shell, context, pin):
    host = context.sandbox_hosts["bankplus"]
    customer_before = host.accounts["14047"].balance
    agent_before = host.accounts["4447"].balance
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen)
    assert screen.name.text() == "ARDHA HERDIANTO"
    assert screen.amount.text() == "250.000"  # thousands separators as typed
    click(qtbot, screen.next_button)
    assert screen.pages.currentIndex() == 1
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Transaksi berhasil" in text
    assert "Rp 250.000" in text and "ARDHA HERDIANTO" in text and "14047" in text
    assert "WIB" in text
    assert len(pin.asked) == 1 and "Rp 250.000" in pin.asked[0]
    row = result.done.row
    assert row.reference in text
    stored = context.journal.get(row.reference)
    assert stored.state is State.SUCCESS
    assert stored.amount == 250_000
    assert "359569" not in str(stored.request)  # the PIN is never journaled
    assert host.accounts["14047"].balance == customer_before + 250_000
    assert host.accounts["4447"].balance == agent_before - 250_000


def test_new_transaction_clears_the_form(qtbot, shell):
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen)
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    click(qtbot, result.new_button)
    assert shell.current_screen() is screen
    assert screen.account.text() == screen.amount.text() == screen.name.text() == ""
    click(qtbot, result.home_button)
    assert shell.current_screen() is shell.screen("home")


def test_amount_below_minimum_is_refused_at_the_field(qtbot, shell, pin):
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen, amount="500")
    click(qtbot, screen.next_button)
    field = screen.field("amount")
    assert field.error.isVisible() and "Rp 10.000" in field.error.text()
    assert screen.window().focusWidget() is screen.amount
    assert screen.pages.currentIndex() == 0 and pin.asked == []


def test_unknown_account_is_explained(qtbot, shell):
    screen = open_deposit(qtbot, shell)
    qtbot.keyClicks(screen.account, "999999")
    click(qtbot, screen.lookup_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    assert screen.name.text() == ""
    assert screen.banner.property("kind") == "error"


def test_wrong_pin_shows_the_error_and_the_row_is_failed(qtbot, shell, context, pin):
    pin.answer = "000000"
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen)
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    text = screen.banner.text()
    assert "PIN" in text and "No. referensi" in text
    assert shell.current_screen() is screen and screen.pages.currentIndex() == 1  # can try again
    reference = text.split("No. referensi: ")[1].split()[0]
    row = context.journal.get(reference)
    assert row.state is State.FAILED
    assert row.error_code == "INVALID_PIN"


def test_cancelled_pin_sends_nothing(qtbot, shell, context, pin):
    pin.answer = None
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen)
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)
    assert not screen.banner.isVisible()
    assert list(context.journal.rows("1=1", ())) == []
