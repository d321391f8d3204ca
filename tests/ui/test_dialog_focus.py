"""After a dialog closes, the keyboard is back in the main window, on the widget that had it.

The agent works keyboard-only. Closing a dialog (Esc, Enter, a button) left the main window
inactive wherever the window system does not hand the activation back by itself (X without a
window manager, and Qt's offscreen platform these tests run on): ``QApplication.focusWidget()``
was None, and every key the agent typed next went nowhere until a click. Each dialog of a
counter day is opened here by its key, answered by keys, and the keyboard is looked for
afterwards. (The window switches at login and logout, which need a real X server, are
tested in ``test_window_activation_x11``.)"""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from services.journal import State
from tests.ui.test_history_screens import deposit, open_details, open_history, switcher_transfer
from tests.ui.uidrive import PIN, ModalKeys, click, key, type_text, wait_idle, wait_result
from ui import registry
from ui.widgets.pin import ask_pin

TIMEOUT = 10_000
SUPERVISOR_PIN = "482916"
ESC, ENTER = Qt.Key.Key_Escape, Qt.Key.Key_Return


def name(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text!r}"


def assert_keyboard_on(qtbot, shell, widget: QWidget) -> None:
    """The main window is the active one and the agent's next key goes to ``widget``."""
    with contextlib.suppress(qtbot.TimeoutError):  # said below, in the agent's terms
        qtbot.waitUntil(lambda: shell.isActiveWindow() and QApplication.focusWidget() is widget, timeout=2_000)
    assert QApplication.activeModalWidget() is None, "a dialog is still open"
    assert shell.isActiveWindow(), "the main window is not active after the dialog: the agent's keys go nowhere"
    assert QApplication.focusWidget() is widget, f"the keyboard is on {name(QApplication.focusWidget())}, " \
                                                 f"not on {name(widget)}"


def deposit_confirm_page(qtbot, shell, amount: str = "50000"):
    """Setor Tunai on its confirm page by keys, the cursor on "Setor sekarang"."""
    click(qtbot, shell._nav["deposit"])
    screen = shell.screen("deposit")
    type_text(qtbot, shell, "14047")
    key(qtbot, shell, ENTER)
    qtbot.waitUntil(lambda: screen.name.text() != "" and shell.focusWidget() is screen.amount, timeout=TIMEOUT)
    type_text(qtbot, shell, amount)
    key(qtbot, shell, ENTER)
    key(qtbot, shell, ENTER)
    assert shell.focusWidget() is screen.pay_button
    return screen


# -- the transaction PIN -------------------------------------------------------------------
def test_a_pin_prompt_cancelled_with_esc_gives_the_keyboard_back_to_the_pay_button(qtbot, shell):
    screen = deposit_confirm_page(qtbot, shell)
    screen.ask_pin = ask_pin  # the real dialog
    answer = ModalKeys(qtbot, ESC)
    key(qtbot, shell, ENTER)
    assert answer.seen == ["pinDialog"]
    assert_keyboard_on(qtbot, shell, screen.pay_button)  # Enter asks for the PIN again, nothing is sent
    assert screen.pages.currentIndex() == 1


def test_a_pin_typed_and_entered_leaves_the_keyboard_on_the_result(qtbot, shell):
    screen = deposit_confirm_page(qtbot, shell)
    screen.ask_pin = ask_pin
    answer = ModalKeys(qtbot, ENTER, typed=PIN)
    key(qtbot, shell, ENTER)
    result = wait_result(qtbot, shell)
    assert answer.seen == ["pinDialog"]
    assert_keyboard_on(qtbot, shell, result.new_button)


def test_the_same_transaction_question_cancelled_gives_the_keyboard_back(qtbot, shell, context):
    deposit(context, 50_000)  # the same deposit succeeded a minute ago
    screen = deposit_confirm_page(qtbot, shell)
    answer = ModalKeys(qtbot, ESC)
    key(qtbot, shell, ENTER)  # the FakePin answers; then "Transaksi yang sama?"
    qtbot.waitUntil(lambda: answer.seen == ["repeatDialog"], timeout=TIMEOUT)
    wait_idle(qtbot, shell.services)
    assert_keyboard_on(qtbot, shell, screen.pay_button)


# -- yes/no questions ------------------------------------------------------------------------
@pytest.mark.parametrize("answer_key", [ESC, ENTER], ids=["esc", "enter"])
def test_the_logout_question_answered_batal_gives_the_keyboard_back(qtbot, shell, answer_key):
    click(qtbot, shell._nav["deposit"])
    account = shell.screen("deposit").account
    type_text(qtbot, shell, "140")  # a customer's account half typed
    answer = ModalKeys(qtbot, answer_key)  # Enter: "Batal" is the default
    shell.logout()  # the header's "Keluar" (a click would move the keyboard onto it)
    assert answer.seen and shell.isVisible()
    assert_keyboard_on(qtbot, shell, account)
    type_text(qtbot, shell, "47")
    assert account.text() == "14047"


def virtual_account_amount(qtbot, shell) -> QWidget:
    """Buat Virtual Account filled in, the amount typed last: its Enter asks "Buat Virtual Account?"."""
    click(qtbot, shell._nav["virtual_account"])
    screen = shell.screen("virtual_account")
    wait_idle(qtbot, shell.services)
    screen.name.setText("SITI AMINAH")
    screen.phone.setText("081234567890")
    screen.customer_no.setText("081234567890")
    screen.amount.setFocus()
    type_text(qtbot, shell, "150000")
    return screen.amount


def cash_movement_reason(qtbot, shell) -> QWidget:
    """A pay-in on Buka Shift & Kas, its reason typed last: its Enter asks "Catat mutasi kas"."""
    click(qtbot, shell._nav["shift"])
    screen = shell.screen("shift")
    qtbot.waitUntil(lambda: screen.loaded and screen.pages.currentWidget() is screen.shift_page, timeout=TIMEOUT)
    screen.kind.setCurrentIndex(screen.kind.findData("pay_in"))
    screen.amount.setFocus()
    type_text(qtbot, shell, "100000")
    screen.reason.setFocus()
    type_text(qtbot, shell, "tambah modal")
    return screen.reason


@pytest.mark.parametrize("answer_key", [ESC, ENTER], ids=["esc", "enter"])  # Enter: "Batal" is the default
@pytest.mark.parametrize("form", [virtual_account_amount, cash_movement_reason], ids=["va", "cash-movement"])
def test_a_read_back_answered_batal_gives_the_keyboard_back_to_the_box(qtbot, shell, form, answer_key):
    box = form(qtbot, shell)
    answer = ModalKeys(qtbot, answer_key)
    key(qtbot, shell, ENTER)
    assert answer.seen
    assert_keyboard_on(qtbot, shell, box)


def test_unsaved_settings_question_kept_gives_the_keyboard_back_to_the_fee(qtbot, shell, loket):
    click(qtbot, shell._nav["counter_fees"])  # no supervisor set: opens with a warning
    screen = shell.screen("counter_fees")
    wait_idle(qtbot, loket)
    fee = shell.focusWidget()
    assert fee in screen.edits.values()
    type_text(qtbot, shell, "2500")
    answer = ModalKeys(qtbot, ESC)
    key(qtbot, shell, ESC)  # leave by habit: "Perubahan belum disimpan"
    assert answer.seen == ["leaveDialog"]
    assert_keyboard_on(qtbot, shell, fee)


# -- supervisor, SUSPECT, reversal -------------------------------------------------------------
def test_the_supervisor_pin_for_settings_cancelled_gives_the_keyboard_back(qtbot, shell, context):
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN, set_by="kasir1")
    shell.counter.gate.has_supervisor = True
    click(qtbot, shell._nav["deposit"])
    account = shell.screen("deposit").account
    answer = ModalKeys(qtbot, ESC)
    shell.counter.open_screen("counter_fees")  # as the palette opens it
    qtbot.waitUntil(lambda: answer.seen == ["supervisorDialog"], timeout=TIMEOUT)
    assert_keyboard_on(qtbot, shell, account)


@pytest.mark.parametrize("action", ["settle_button", "reverse_button"], ids=["manual-resolution", "reversal"])
def test_riwayats_questions_cancelled_give_the_keyboard_back_to_their_button(qtbot, shell, context, action):
    """"Selesaikan manual" of an uncertain deposit, "Reversal" of a Switcher transfer."""
    reference = deposit(context, 70_000, lost=True) if action == "settle_button" else switcher_transfer(context)
    details = open_details(qtbot, open_history(qtbot, shell), reference)
    button = getattr(details, action)
    button.setFocus()
    answer = ModalKeys(qtbot, ESC)
    key(qtbot, shell, ENTER)
    assert answer.seen
    assert_keyboard_on(qtbot, shell, button)
    assert context.journal.get(reference).state is (State.SUSPECT if action == "settle_button" else State.SUCCESS)


def test_the_receipt_preview_closed_gives_the_keyboard_back_to_lihat_struk(qtbot, shell, loket):
    """The preview is asked for in the answer of a call that had "Lihat struk" off: Qt had
    sent the keyboard on to the header (the drill switch), and the preview gave it back there."""
    deposit_confirm_page(qtbot, shell)
    key(qtbot, shell, ENTER)  # the FakePin answers
    wait_result(qtbot, shell)
    wait_idle(qtbot, loket)
    view = loket.printing.view_button
    view.setFocus()
    answer = ModalKeys(qtbot, ESC)
    key(qtbot, shell, ENTER)
    qtbot.waitUntil(lambda: answer.seen == ["receiptPreview"], timeout=TIMEOUT)
    wait_idle(qtbot, loket)
    assert_keyboard_on(qtbot, shell, view)


# -- the session: relogin, lock ----------------------------------------------------------------
def test_the_relogin_dialog_cancelled_gives_the_keyboard_back(qtbot, shell, context):
    click(qtbot, shell._nav["deposit"])
    account = shell.screen("deposit").account
    type_text(qtbot, shell, "14047")
    context.sandbox_hosts["bankplus"].forget_sessions()
    answer = ModalKeys(qtbot, ESC)
    key(qtbot, shell, ENTER)  # the look-up meets an expired session
    qtbot.waitUntil(lambda: answer.seen == ["loginDialog"] and shell.relogin_dialog is None, timeout=TIMEOUT)
    assert_keyboard_on(qtbot, shell, account)


def test_the_change_agent_question_on_the_lock_gives_the_keyboard_back_to_the_password(qtbot, shell):
    shell.counter.idle.lock()
    lock = shell.counter.lock_screen
    answer = ModalKeys(qtbot, ESC)
    click(qtbot, lock.change_agent_button)
    assert answer.seen and lock.isVisible()
    assert_keyboard_on(qtbot, shell, lock.password)


def test_the_lock_over_an_open_pin_prompt_takes_the_keyboard_to_its_password(qtbot, shell):
    screen = deposit_confirm_page(qtbot, shell)
    screen.ask_pin = ask_pin
    locked: list[bool] = []

    def lock_when_asked() -> None:
        if QApplication.activeModalWidget() is None:
            QTimer.singleShot(20, lock_when_asked)
            return
        shell.counter.idle.lock()  # the agent walked away from the PIN prompt
        locked.append(True)

    QTimer.singleShot(0, lock_when_asked)
    key(qtbot, shell, ENTER)
    assert locked
    lock = shell.counter.lock_screen
    assert_keyboard_on(qtbot, shell, lock.password)


def test_cetak_ulang_keeps_the_keyboard_while_it_prints(qtbot, shell, loket):
    """No dialog, the same loss: the button is off while the printer works, Qt sent the
    keyboard on to "Lihat struk", and it stayed there once the reprint was out."""
    deposit_confirm_page(qtbot, shell)
    key(qtbot, shell, ENTER)  # the FakePin answers
    wait_result(qtbot, shell)
    printing = loket.printing
    qtbot.waitUntil(lambda: printing.print_button.isEnabled() and printing.print_button.text() == "Cetak ulang",
                    timeout=TIMEOUT)
    printing.print_button.setFocus()
    key(qtbot, shell, ENTER)
    qtbot.waitUntil(lambda: not printing.printing, timeout=TIMEOUT)
    wait_idle(qtbot, loket)
    assert "CETAK ULANG" in shell.result.banner.text() or printing.issued
    assert_keyboard_on(qtbot, shell, printing.print_button)


def test_building_a_screen_opens_no_window_of_its_own(qtbot, shell):
    """A field's hint was shown before it was put in its form: for an instant it was a
    window of its own, which took the activation from the main window (the offscreen
    platform, like Windows, activates a window that is shown), and the first opening of
    Setor Tunai left the agent's keys going nowhere."""
    class Windows(QObject):
        shown: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                self.shown.append(f"{type(watched).__name__} {watched.objectName()!r}")
            return False

    windows = Windows()
    QApplication.instance().installEventFilter(windows)
    try:
        for entry in registry.entries():
            shell.screen(entry.id)
    finally:
        QApplication.instance().removeEventFilter(windows)
    assert windows.shown == []
    assert shell.isActiveWindow()
