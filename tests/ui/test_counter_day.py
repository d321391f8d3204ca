"""A whole counter day on the keyboard: every key goes to the widget that has the focus, as
an agent's keys do, and after an error, a dialog or a choice the focus is where the next
key must go."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from services.journal import State
from tests.ui.uidrive import PASSWORD, PIN, TypingClock, click, focused, key, type_text, wait_idle, wait_result
from ui.keyboard import DOUBLE_ENTER_SECONDS
from ui.screens.billpay import CONFIRM, INPUT, SETTLE_SECONDS
from ui.widgets.pin import PinDialog, ask_pin

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


@pytest.fixture(autouse=True)
def typing_speed(shell):
    shell.counter.scan.now = TypingClock()  # a person, not a barcode scanner


def on_screen(shell, screen) -> bool:
    widget = focused(shell)
    return widget is not None and screen.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()


def use_pins(screen, pins: Pins) -> Pins:
    screen.ask_pin = pins
    return pins


def deposit_looked_up(qtbot, shell, pins: "Pins | None" = None):
    """Setor Tunai from the sidebar, account 14047 typed and looked up with Enter."""
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    if pins is not None:
        use_pins(deposit, pins)
    type_text(qtbot, shell, "14047")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: deposit.name.text() == "ARDHA HERDIANTO", timeout=TIMEOUT)
    return deposit


# -- after an error, the keyboard stays on the screen ------------------------------------------
def test_a_wrong_pin_on_a_deposit_leaves_enter_asking_the_pin_again(qtbot, shell, loket, context):
    pins = Pins(WRONG, PIN)
    deposit = deposit_looked_up(qtbot, shell, pins)
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


def deposit_paid_by_enter(qtbot, shell, loket, pins: "Pins | None" = None):
    """A Setor Tunai of Rp 50.000 to 14047, Enter after Enter, to its result screen."""
    deposit = deposit_looked_up(qtbot, shell, pins)
    type_text(qtbot, shell, "50000")
    for _ in range(3):
        key(qtbot, shell, Qt.Key.Key_Return)  # to Berita, the confirmation, Setor sekarang
    result = wait_result(qtbot, shell)
    wait_idle(qtbot, loket)
    return deposit, result


def test_after_a_deposit_enter_on_the_result_starts_the_next_one(qtbot, shell, loket, context):
    deposit, result = deposit_paid_by_enter(qtbot, shell, loket, Pins(PIN))
    # not the emptied form's hidden account box behind the result: Enter and digits go there
    assert focused(shell) is result.new_button
    key(qtbot, shell, Qt.Key.Key_Return)
    assert shell.current_screen() is deposit and focused(shell) is deposit.account
    assert deposit.account.text() == ""


def test_a_form_left_filled_in_opens_on_its_first_box_not_a_later_empty_one(qtbot, shell, loket, context):
    """The customer left at the confirmation: Esc, Esc. The next customer's account number
    replaces the last one's; it never goes into Berita with the old account and amount
    above it, a PIN away from being paid."""
    deposit = deposit_looked_up(qtbot, shell)
    type_text(qtbot, shell, "200000")
    key(qtbot, shell, Qt.Key.Key_Return)
    key(qtbot, shell, Qt.Key.Key_Return)
    assert deposit.pages.currentIndex() == 1
    key(qtbot, shell, Qt.Key.Key_Escape)  # back to the form: the keyboard where the agent left off
    assert deposit.pages.currentIndex() == 0 and focused(shell) is deposit.narration
    key(qtbot, shell, Qt.Key.Key_Escape)
    assert shell.current_screen() is shell.screen("home")
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "setor")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert shell.current_screen() is deposit and focused(shell) is deposit.account
    type_text(qtbot, shell, "4447")
    assert deposit.account.text() == "4447" and deposit.name.text() == ""  # the old name goes with its account
    assert deposit.amount.text() == ""  # and so does the amount typed for it (test_next_customer)
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: deposit.name.text() != "", timeout=TIMEOUT)
    assert focused(shell) is deposit.amount
    type_text(qtbot, shell, "60000")
    assert deposit.amount.digits() == "60000"
    assert list(context.journal.rows()) == []


def test_after_the_lock_the_keyboard_is_back_where_the_agent_left_it(qtbot, shell, loket):
    deposit = deposit_looked_up(qtbot, shell)
    assert focused(shell) is deposit.amount
    shell.counter.idle.lock()
    lock = shell.counter.lock_screen
    assert focused(shell) is lock.password
    type_text(qtbot, shell, PASSWORD)
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.isVisible(), timeout=TIMEOUT)
    assert focused(shell) is deposit.amount
    type_text(qtbot, shell, "50000")
    assert deposit.amount.digits() == "50000"


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
    use_pins(screen, Pins(PIN, WRONG, PIN))  # the bill check's PIN, then a wrong one to pay
    type_text(qtbot, shell, "8888801260835323")
    key(qtbot, shell, Qt.Key.Key_Return)  # to "Jumlah bulan"
    assert focused(shell) is screen.form.inputs["months"].editor.buttons["1"]
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tagihan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert focused(shell) is screen.pay_button
    screen.flow.forget_pin()  # read for over two minutes: the payment asks the PIN
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_idle(qtbot, loket)
    assert "PIN transaksi salah" in screen.banner.text()
    assert on_screen(shell, screen), focused(shell)
    key(qtbot, shell, Qt.Key.Key_Return)  # checks the bill again (a refused payment is never resent)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    key(qtbot, shell, Qt.Key.Key_Return)
    result = wait_result(qtbot, shell)
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS


def test_bpjs_months_are_chosen_on_the_keyboard_between_the_va_and_the_bill_check(qtbot, shell, loket):
    screen = open_product(qtbot, shell, "bpjs kesehatan", "bpjs_kesehatan")
    pins = use_pins(screen, Pins(PIN))
    months = screen.form.inputs["months"].editor
    type_text(qtbot, shell, "8888801260835323")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert pins.asked == [] and focused(shell) is months.buttons["1"]  # the months, not the bill check yet
    key(qtbot, shell, Qt.Key.Key_Right)
    assert months.value() == "2" and focused(shell) is months.buttons["2"]
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is screen.check_button  # not the header
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is months.buttons["2"]
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tagihan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert len(pins.asked) == 1 and screen.flow.inquiry.inputs["months"] == "2"
    assert "Jumlah bulan\n2" in screen.summary_text()


# -- an Enter that closed a dialog does not go on to the screen ---------------------------------
def held_enter(widget) -> None:
    """The key repeats while the agent's finger is still on Enter."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                                             "\r", True))


def test_the_enter_that_closes_the_pin_dialog_does_not_pay_the_bill_it_opened(qtbot, shell, loket, context):
    screen = open_product(qtbot, shell, "pln", "pln_postpaid")
    answered: list[str] = []

    def real_dialog(parent, title, detail=""):
        def type_pin() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, PinDialog):
                QTimer.singleShot(10, type_pin)
                return
            qtbot.keyClicks(dialog.edit, PIN)
            qtbot.keyPress(dialog.edit, Qt.Key.Key_Return)  # pressed, not yet let go
            answered.append(title)

        QTimer.singleShot(0, type_pin)
        return ask_pin(parent, title, detail)

    screen.ask_pin = real_dialog
    type_text(qtbot, shell, "53111")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert answered and focused(shell) is screen.pay_button
    for _ in range(3):
        held_enter(focused(shell))
    wait_idle(qtbot, loket)
    assert screen.pages.currentIndex() == CONFIRM  # the agent reads the bill first
    assert list(context.journal.rows("product = ?", ["pln_postpaid"])) == []
    qtbot.keyRelease(focused(shell), Qt.Key.Key_Return)
    key(qtbot, shell, Qt.Key.Key_Return)  # pressed again at once: the PIN's Enter twice, not a decision
    wait_idle(qtbot, loket)
    assert screen.pages.currentIndex() == CONFIRM and focused(shell) is screen.pay_button
    assert list(context.journal.rows("product = ?", ["pln_postpaid"])) == []
    qtbot.waitUntil(lambda: time.monotonic() - screen.bill_shown_at >= SETTLE_SECONDS, timeout=TIMEOUT)
    key(qtbot, shell, Qt.Key.Key_Return)  # the bill on screen for a second: this press pays
    result = wait_result(qtbot, shell)
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS


# -- the interbank transfer: no traps for a habitual key ----------------------------------------
def open_interbank(qtbot, shell):
    click(qtbot, shell._nav["transfer_interbank"])
    screen = shell.screen("transfer_interbank")
    qtbot.waitUntil(lambda: screen.banks_loaded, timeout=TIMEOUT)
    assert focused(shell) in (screen.bank, screen.bank.lineEdit())
    return screen


def test_a_bank_chosen_from_the_list_with_enter_moves_on_to_the_account(qtbot, shell):
    screen = open_interbank(qtbot, shell)
    type_text(qtbot, shell, "mandiri")
    popup = screen.bank.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=TIMEOUT)
    qtbot.wait(10)
    key(qtbot, shell, Qt.Key.Key_Down)
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=TIMEOUT)
    qtbot.wait(10)
    type_text(qtbot, shell, "114451186")
    assert screen.bank.currentText() == "008 — BANK MANDIRI"
    assert screen.account.text() == "114451186"


def test_a_bank_code_typed_and_enter_moves_on_to_the_account(qtbot, shell):
    screen = open_interbank(qtbot, shell)
    type_text(qtbot, shell, "008")
    qtbot.wait(10)  # the list is up
    key(qtbot, shell, Qt.Key.Key_Return)  # the list offers "008 — BANK MANDIRI": nothing highlighted
    qtbot.wait(10)
    type_text(qtbot, shell, "114451186")
    assert screen.bank.currentText() == "008 — BANK MANDIRI"
    assert screen.account.text() == "114451186"


def test_tab_then_enter_after_the_name_tick_never_throws_the_recipient_away(qtbot, shell, loket):
    screen = open_interbank(qtbot, shell)
    screen.select_bank("008")
    screen.account.setFocus()
    type_text(qtbot, shell, "114451186")
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tujuan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.CONFIRM, timeout=TIMEOUT)
    assert focused(shell) is screen.name_confirmed
    key(qtbot, shell, Qt.Key.Key_Space)  # the tick
    assert screen.name_confirmed.isChecked()
    assert focused(shell) is screen.name_confirmed  # the focus does not jump by itself
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is screen.amount
    key(qtbot, shell, Qt.Key.Key_Tab)  # a habitual second Tab, then Enter
    assert focused(shell) is not screen.back_button
    use_pins(screen, Pins(None))
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.pages.currentIndex() == screen.CONFIRM and screen.flow.destination is not None
    # the focus order on the page: the tick, the amount, the sender (optional), pay, and only
    # then "Ubah tujuan"
    screen.amount.setFocus()
    type_text(qtbot, shell, "100000")
    assert screen.pay_button.isEnabled()
    chain = [screen.name_confirmed, screen.amount, screen.sender_name, screen.sender_phone, screen.pay_button,
             screen.back_button]
    widget, seen = screen.name_confirmed, [screen.name_confirmed]
    for _ in range(len(chain) - 1):
        widget = widget.nextInFocusChain()
        while not (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        seen.append(widget)
    assert seen == chain


# -- Bayar Tagihan: the search results on the keyboard ------------------------------------------
def test_pln_and_enter_opens_the_first_of_two_matches(qtbot, shell):
    click(qtbot, shell._nav["billpay_tagihan"])
    screen = shell.screen("billpay_tagihan")
    assert focused(shell) is screen.picker.search
    type_text(qtbot, shell, "pln")
    assert list(screen.picker.result_buttons) == ["pln_postpaid", "pln_nontaglis"]
    assert screen.picker.result_buttons["pln_postpaid"].property("first")  # marked: Enter opens it
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.spec.id == "pln_postpaid" and screen.pages.currentIndex() == INPUT
    assert focused(shell) is screen.form.inputs["customerId"].editor


def test_down_and_tab_reach_the_results_and_enter_opens_the_focused_one(qtbot, shell):
    click(qtbot, shell._nav["billpay_tagihan"])
    screen = shell.screen("billpay_tagihan")
    type_text(qtbot, shell, "telkom")
    buttons = screen.picker.result_buttons
    assert list(buttons) == ["telkom", "internet_telkom", "mobile_postpaid"]
    key(qtbot, shell, Qt.Key.Key_Down)
    assert focused(shell) is buttons["telkom"]
    key(qtbot, shell, Qt.Key.Key_Right)
    assert focused(shell) is buttons["internet_telkom"]
    key(qtbot, shell, Qt.Key.Key_Up)  # from the top row: back to the search box
    assert focused(shell) is screen.picker.search
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is buttons["telkom"]
    key(qtbot, shell, Qt.Key.Key_Right)
    key(qtbot, shell, Qt.Key.Key_Right)
    assert focused(shell) is buttons["mobile_postpaid"]
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.spec.id == "mobile_postpaid" and screen.pages.currentIndex() == INPUT


def test_down_from_an_empty_search_walks_the_product_list(qtbot, shell):
    click(qtbot, shell._nav["billpay_tagihan"])
    screen = shell.screen("billpay_tagihan")
    key(qtbot, shell, Qt.Key.Key_Down)
    first = focused(shell)
    assert first in screen.picker.category_buttons.values()
    key(qtbot, shell, Qt.Key.Key_Down)
    assert focused(shell) in screen.picker.category_buttons.values() and focused(shell) is not first
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.pages.currentIndex() == INPUT



# -- PLN: the PIN is typed once ------------------------------------------------------------------
def test_pln_asks_the_pin_once_and_a_lock_forgets_it(qtbot, shell, loket, context):
    screen = open_product(qtbot, shell, "pln", "pln_postpaid")
    pins = use_pins(screen, Pins(PIN))
    type_text(qtbot, shell, "53111")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert screen.pin_note.isVisible()  # the agent knows "Bayar sekarang" pays at once
    shell.counter.idle.lock()
    shell.counter.idle.unlock()
    assert not screen.flow.pin_kept
    key(qtbot, shell, Qt.Key.Key_Return) if focused(shell) is screen.pay_button else click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert len(pins.asked) == 2  # after the lock the payment asked for it again
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS


# -- the shift: serving needs it, and its float is read back ------------------------------------
def test_serving_without_a_shift_sends_the_agent_to_open_it_then_goes_on(qtbot, shift_closed, shell, loket, context):
    assert context.dayclose.shifts.current() is None
    click(qtbot, shell._nav["check_account"])  # a look-up moves no money: no shift needed
    assert shell.current_screen() is shell.screen("check_account")
    click(qtbot, shell._nav["customer_balance"])  # nor does a customer's balance check (its PIN is theirs)
    assert shell.current_screen() is shell.screen("customer_balance")
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "setor")
    key(qtbot, shell, Qt.Key.Key_Return)
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    assert "belum dibuka" in shift.banner.text() and "Setor Tunai" in shift.banner.text()
    assert focused(shell) is shift.opening_float
    type_text(qtbot, shell, "500000")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert shift.readback.isVisible() and shift.readback_text.text() == "Modal awal kas Rp\u00a0500.000 — benar?"
    assert focused(shell) is shift.confirm_button
    wait_idle(qtbot, loket)
    assert context.dayclose.shifts.current() is None  # nothing saved before the yes
    key(qtbot, shell, Qt.Key.Key_Escape)  # not right: back to the figure
    assert not shift.readback.isVisible() and focused(shell) is shift.opening_float
    type_text(qtbot, shell, "450000")  # the figure was selected: typed over
    key(qtbot, shell, Qt.Key.Key_Return)
    assert "Rp\u00a0450.000" in shift.readback_text.text()
    key(qtbot, shell, Qt.Key.Key_Return)  # yes
    deposit = shell.screen("deposit")
    qtbot.waitUntil(lambda: shell.current_screen() is deposit, timeout=TIMEOUT)  # where the agent was going
    assert context.dayclose.shifts.current().opening_float == 450_000
    assert focused(shell) is deposit.account
    click(qtbot, shell._nav["transfer_interbank"])  # the shift is open: straight in
    assert shell.current_screen() is shell.screen("transfer_interbank")


# -- a double Enter: the second press is the habit, not a decision (counter walk) -------------
def test_a_double_enter_on_transaksi_baru_opens_the_next_form_clean(qtbot, shell, loket, context):
    """The next customer's form opened red: "Nomor rekening wajib diisi." under a box nobody
    had typed in yet, the echo of the Enter that pressed "Transaksi baru"."""
    deposit, result = deposit_paid_by_enter(qtbot, shell, loket, Pins(PIN))
    assert focused(shell) is result.new_button
    key(qtbot, shell, Qt.Key.Key_Return)
    key(qtbot, shell, Qt.Key.Key_Return)  # the habit: twice
    wait_idle(qtbot, loket)
    account = deposit.field("account")
    assert shell.current_screen() is deposit and focused(shell) is deposit.account
    assert not account.error.isVisible() and deposit.banner.text() == ""
    shell.counter.keys.last_enter = (-DOUBLE_ENTER_SECONDS, None, None)  # later, the agent's own Enter ...
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(account.error.isVisible, timeout=TIMEOUT)  # ... still says what is missing
    assert account.error.text() == "Nomor rekening wajib diisi."


def test_a_double_enter_on_ya_buka_shift_hands_over_a_clean_setor_tunai(qtbot, shift_closed, shell, loket):
    click(qtbot, shell._nav["deposit"])  # no shift yet: Buka Shift & Kas first
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    type_text(qtbot, shell, "500000")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is shift.confirm_button  # "Modal awal kas Rp 500.000 — benar?"
    key(qtbot, shell, Qt.Key.Key_Return)
    deposit = shell.screen("deposit")
    qtbot.waitUntil(lambda: shell.current_screen() is deposit, timeout=TIMEOUT)  # the shift is open
    key(qtbot, shell, Qt.Key.Key_Return)  # the habit's second press, a moment later
    wait_idle(qtbot, loket)
    assert focused(shell) is deposit.account
    assert not deposit.field("account").error.isVisible()
