"""A whole counter day on the keyboard: every key goes to the widget that has the focus, as
an agent's keys do, and after an error, a dialog or a choice the focus is where the next
key must go."""

from __future__ import annotations

from PySide6.QtCore import Qt

from services.journal import State
from tests.ui.uidrive import PIN, click, wait_idle, wait_result
from ui.screens.billpay import CONFIRM, INPUT

TIMEOUT = 10_000
WRONG = "111111"


class Pins:
    """The PIN prompt, answered from a list (the last answer repeats)."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers) or [PIN]
        self.asked: list[str] = []

    def __call__(self, parent, title: str, detail: str = "") -> str | None:
        self.asked.append(detail)
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


def focused(shell):
    return shell.focusWidget()


def key(qtbot, shell, k, modifier=Qt.KeyboardModifier.NoModifier):
    """One key, to whatever has the focus (nothing happens if nothing has it)."""
    widget = focused(shell)
    assert widget is not None, "the keyboard goes nowhere"
    qtbot.keyClick(widget, k, modifier)


def type_text(qtbot, shell, text):
    widget = focused(shell)
    assert widget is not None, "the keyboard goes nowhere"
    qtbot.keyClicks(widget, text)


def on_screen(shell, screen) -> bool:
    widget = focused(shell)
    return widget is not None and screen.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()


def use_pins(screen, pins: Pins) -> Pins:
    screen.ask_pin = pins
    return pins


# -- after an error, the keyboard stays on the screen ------------------------------------------
def test_a_wrong_pin_on_a_deposit_leaves_enter_asking_the_pin_again(qtbot, shell, loket, context):
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    pins = use_pins(deposit, Pins(WRONG, PIN))
    type_text(qtbot, shell, "14047")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: deposit.name.text() == "ARDHA HERDIANTO", timeout=TIMEOUT)
    type_text(qtbot, shell, "50000")
    key(qtbot, shell, Qt.Key.Key_Return)
    key(qtbot, shell, Qt.Key.Key_Return)
    key(qtbot, shell, Qt.Key.Key_Return)  # Setor sekarang: the wrong PIN
    wait_idle(qtbot, loket)
    assert "PIN transaksi salah" in deposit.banner.text()
    assert on_screen(shell, deposit), focused(shell)
    assert focused(shell) is deposit.pay_button
    key(qtbot, shell, Qt.Key.Key_Return)  # the PIN prompt comes back
    result = wait_result(qtbot, shell)
    assert len(pins.asked) == 2
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS


def open_product(qtbot, shell, text, product_id):
    click(qtbot, shell._nav["billpay_tagihan"])
    screen = shell.screen("billpay_tagihan")
    qtbot.keyClicks(screen.picker.search, text)
    click(qtbot, screen.picker.result_buttons[product_id])
    assert screen.spec.id == product_id and screen.pages.currentIndex() == INPUT
    return screen


def test_a_wrong_pin_at_the_pln_bill_check_leaves_enter_asking_again(qtbot, shell, loket):
    screen = open_product(qtbot, shell, "pln", "pln_postpaid")
    pins = use_pins(screen, Pins(WRONG, PIN))
    type_text(qtbot, shell, "53111")
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_idle(qtbot, loket)
    assert "PIN transaksi salah" in screen.banner.text()
    assert on_screen(shell, screen), focused(shell)
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert len(pins.asked) == 2
    assert on_screen(shell, screen)


def test_a_wrong_pin_paying_bpjs_leaves_the_keyboard_on_the_form(qtbot, shell, loket, context):
    screen = open_product(qtbot, shell, "bpjs kesehatan", "bpjs_kesehatan")
    pins = use_pins(screen, Pins(PIN, WRONG, PIN))  # the bill check's PIN, then a wrong one to pay
    type_text(qtbot, shell, "8888801260835323")
    key(qtbot, shell, Qt.Key.Key_Return)  # to "Jumlah bulan"
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tagihan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert focused(shell) is screen.pay_button
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_idle(qtbot, loket)
    assert "PIN transaksi salah" in screen.banner.text()
    assert on_screen(shell, screen), focused(shell)
    key(qtbot, shell, Qt.Key.Key_Return)  # checks the bill again (a refused payment is never resent)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    key(qtbot, shell, Qt.Key.Key_Return)
    result = wait_result(qtbot, shell)
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS
