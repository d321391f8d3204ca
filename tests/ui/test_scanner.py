"""A barcode scanner types digits in a burst and ends with Enter: the customer-number field
gets the number wherever the cursor was, and the screen moves on. Typing by hand (keys
more than 30 ms apart) is never taken for a scan.

The detector's clock is injected: ``Clock(0.005)`` is a scanner (5 ms per key),
``Clock(0.120)`` a person; qtbot delivers the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.uidrive import click
from ui.screens.billpay import CONFIRM

TIMEOUT = 10_000


class Clock:
    def __init__(self, step: float) -> None:
        self.step, self.t = step, 100.0

    def __call__(self) -> float:
        self.t += self.step
        return self.t


def scan(qtbot, shell, widget, digits: str) -> list[str]:
    shell.counter.scan.now = Clock(0.005)
    seen: list[str] = []
    shell.counter.scan.scanned.connect(seen.append)
    qtbot.keyClicks(widget, digits)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    return seen


def has_focus(widget) -> bool:
    return widget.window().focusWidget() is widget


def open_deposit(qtbot, shell):
    click(qtbot, shell._nav["deposit"])
    return shell.screen("deposit")


def test_scan_with_the_cursor_in_another_field_fills_the_account_and_looks_it_up(qtbot, shell):
    deposit = open_deposit(qtbot, shell)
    deposit.amount.setFocus()
    seen = scan(qtbot, shell, deposit.amount, "5550001112")
    assert seen == ["5550001112"]
    assert deposit.account.text() == "5550001112"
    assert deposit.amount.text() == ""  # what the burst typed into the amount is undone
    qtbot.waitUntil(lambda: deposit.name.text() == "BUDI SANTOSO", timeout=TIMEOUT)  # Enter = next step
    assert has_focus(deposit.amount)


def test_scan_into_the_account_field_replaces_the_previous_customer(qtbot, shell):
    deposit = open_deposit(qtbot, shell)
    deposit.account.setText("14047")  # left from the customer before
    deposit.account.setFocus()
    deposit.account.end(False)
    scan(qtbot, shell, deposit.account, "1234567890")
    assert deposit.account.text() == "1234567890"
    qtbot.waitUntil(lambda: deposit.name.text() == "SITI RAHAYU", timeout=TIMEOUT)


def test_slow_typing_is_not_a_scan(qtbot, shell):
    deposit = open_deposit(qtbot, shell)
    deposit.account.setText("14047")
    shell.counter.scan.now = Clock(0.120)
    seen: list[str] = []
    shell.counter.scan.scanned.connect(seen.append)
    deposit.amount.setFocus()
    qtbot.keyClicks(deposit.amount, "1234567")
    qtbot.keyClick(deposit.amount, Qt.Key.Key_Return)
    assert seen == []
    assert deposit.amount.text() == "1.234.567" and deposit.account.text() == "14047"
    assert has_focus(deposit.narration)  # the screen's own Enter: on to the next field


def test_short_burst_is_not_a_scan(qtbot, shell):
    deposit = open_deposit(qtbot, shell)
    deposit.amount.setFocus()
    assert scan(qtbot, shell, deposit.amount, "50000") == []  # five keys: a fast typist, not a code
    assert deposit.amount.text() == "50.000" and deposit.account.text() == ""


def test_scan_on_a_bill_form_fills_the_customer_number_and_goes_on_as_enter_there_does(qtbot, shell, pin):
    shell.counter.open_product(shell.services.billpay.catalogue.get("bpjs_kesehatan"))  # as the palette does
    screen = shell.screen("billpay_tagihan")
    assert screen.scan_target == "billingId"
    months = screen.form.inputs["months"].editor
    button = months.buttons["3"]
    button.click()  # the customer pays three months
    button.setFocus()
    scan(qtbot, shell, button, "8888801260835323")
    assert screen.form.inputs["billingId"].editor.text() == "8888801260835323"
    assert has_focus(button) and pin.asked == []  # the VA's Enter: on to the months, still 3
    qtbot.keyClick(button, Qt.Key.Key_Return)  # Cek tagihan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert "SEPTIA HANNY LESTARI" in screen.summary_text()


def test_a_screen_without_a_customer_number_ignores_scans(qtbot, shell):
    home = shell.screen("home")
    assert getattr(home, "scan_target", None) is None
    seen = scan(qtbot, shell, home, "123456789")
    assert seen == ["123456789"] and shell.current_screen() is home
