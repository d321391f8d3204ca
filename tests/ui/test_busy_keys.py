"""While a screen's call runs, the keyboard stays on that screen and does nothing.

Disabling the pay button sent Qt's focus to the next widget of the chain, the header's: the
sandbox drill switch, the side menu's button at 819 px, "Keluar". A habitual Enter or Space
there while the bank answered opened the drill list or the menu, or walked away from the
screen. Now the screen's busy veil holds the keyboard while the call runs: Enter, Space, Tab,
Esc, the arrows and Ctrl+H do nothing. When the answer comes the keyboard is where the answer
wants it: the result screen's first button, the VA's "Lanjut ke bukti transaksi", the field
an error names, or back on the button that was pressed.

Every call is held open at the sandbox's door (``Refuser.held``) until the keys are pressed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_bankplus_screens import fill_open_account
from tests.ui.test_never_twice import amount, context, fill_transfer, refuser  # noqa: F401 - fixtures: a bank that waits
from tests.ui.test_snap_screens import fill_va
from tests.ui.uidrive import bill_read, click, focused, key

NARROW = (819, 614)  # 1024x768 at 125 %: the side menu folds behind the header's "Menu"
HABITS = (Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Space,
          Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Backtab, Qt.Key.Key_Return)


def ready_transfer(qtbot, screen, account, bank=""):
    fill_transfer(qtbot, screen, account, bank)
    return screen.pay_button


def ready_deposit(qtbot, screen, tmp_path):
    qtbot.keyClicks(screen.account, "14047")
    click(qtbot, screen.lookup_button)
    qtbot.waitUntil(lambda: screen.name.text() != "", timeout=10_000)
    qtbot.keyClicks(screen.amount, amount())
    click(qtbot, screen.next_button)
    return screen.pay_button


def ready_open_account(qtbot, screen, tmp_path):
    fill_open_account(qtbot, screen, tmp_path, ktp="3515010108979911")
    click(qtbot, screen.next_button)
    return screen.open_button


def ready_bill(qtbot, screen, tmp_path):
    screen.set_product(screen.billpay.catalogue.get("pln_postpaid"))
    qtbot.keyClicks(screen.form.inputs["customerId"].editor, "53111")
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 2, timeout=10_000)
    bill_read(screen)
    return screen.pay_button


def ready_account(account):
    def ready(qtbot, screen, tmp_path):
        qtbot.keyClicks(screen.account, account)
        return screen.submit
    return ready


def ready_va(qtbot, screen, tmp_path):
    fill_va(qtbot, screen, amount=amount())
    return screen.create_button


def ready_bca_interbank(qtbot, screen, tmp_path):
    qtbot.keyClicks(screen.bank.lineEdit(), "mandiri")
    return ready_transfer(qtbot, screen, "1370012345678")


# screen id -> (fill the form as the agent does, return the button that calls the bank)
READY = {
    "deposit": ready_deposit,
    "transfer_intrabank": lambda qtbot, screen, tmp: ready_transfer(qtbot, screen, "14047"),
    "transfer_interbank": lambda qtbot, screen, tmp: ready_transfer(qtbot, screen, "114451186", "008"),
    "switcher_transfer": lambda qtbot, screen, tmp: ready_transfer(qtbot, screen, "888801000003301"),
    "bca_transfer": lambda qtbot, screen, tmp: ready_transfer(qtbot, screen, "0611104625"),
    "bca_interbank": ready_bca_interbank,
    "billpay_tagihan": ready_bill,
    "virtual_account": ready_va,
    "open_account": ready_open_account,
    "customer_balance": ready_account("4447"),
    "check_account": ready_account("4447"),
    "agent_balance": lambda qtbot, screen, tmp: screen.refresh_button,
    "bca_balance": lambda qtbot, screen, tmp: screen.refresh_button,
}


def call_held(qtbot, shell, refuser, screen_id, tmp_path):  # noqa: F811 - the fixture, passed on
    """``screen_id`` opened, filled in, and its button pressed with Enter: the bank holds the call."""
    shell.open(screen_id)
    screen = shell.screen(screen_id)
    qtbot.waitUntil(lambda: screen.calls == 0 and not screen.overlay.isVisible(), timeout=10_000)
    button = READY[screen_id](qtbot, screen, tmp_path)
    refuser.held = "/"  # every request waits at the bank's door until released
    # the window the agent types into is the active one (offscreen, the bank box's closed
    # list of banks could stay the active window, and the keys went nowhere real)
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell, timeout=5_000)
    button.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.overlay.isVisible(), timeout=10_000)
    return screen, button


def assert_nothing_happened(shell, screen):
    assert QApplication.activePopupWidget() is None  # no drill list, no bank list
    assert QApplication.activeModalWidget() is None  # no dialog
    assert shell.current_screen() is screen  # no navigation
    assert not shell.side_menu.is_open()
    assert shell.counter.palette.isHidden()
    assert shell.services.training.drill is None  # no drill armed for the next transaction
    assert screen.overlay.isVisible() and screen.calls >= 1  # the call still runs


@pytest.mark.parametrize("screen_id", list(READY))
def test_keys_pressed_while_the_bank_answers_do_nothing(qtbot, shell, refuser, pin, tmp_path, screen_id):  # noqa: F811
    screen, button = call_held(qtbot, shell, refuser, screen_id, tmp_path)
    where = focused(shell)
    assert where is not None and screen.isAncestorOf(where), f"the keyboard left the screen for {where}"
    for k in HABITS:
        key(qtbot, shell, k)
        assert_nothing_happened(shell, screen)
    key(qtbot, shell, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # Beranda's shortcut: not now
    assert_nothing_happened(shell, screen)
    refuser.release.set()
    qtbot.waitUntil(lambda: screen.calls == 0, timeout=10_000)
    qtbot.waitUntil(lambda: not screen.overlay.isVisible(), timeout=10_000)
    where = focused(shell)
    if screen_id in ("agent_balance", "bca_balance", "check_account"):
        assert where is button  # the answer is on the screen: the button pressed, for another look
    elif screen_id == "virtual_account":
        qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
        assert focused(shell) is screen.receipt_button
    else:
        qtbot.waitUntil(lambda: shell.current_screen() is shell.result, timeout=10_000)
        assert focused(shell) is shell.result.new_button, f"the keyboard is on {focused(shell)}"


def test_at_819_pixels_the_menu_stays_shut_while_a_deposit_is_sent(qtbot, shell, refuser, pin, tmp_path):  # noqa: F811
    shell.resize(*NARROW)
    qtbot.waitUntil(lambda: shell.side_menu.button.isVisible(), timeout=5_000)
    screen, button = call_held(qtbot, shell, refuser, "deposit", tmp_path)
    for k in HABITS:
        key(qtbot, shell, k)
        assert_nothing_happened(shell, screen)
    refuser.release.set()
    qtbot.waitUntil(lambda: shell.current_screen() is shell.result, timeout=10_000)
    assert focused(shell) is shell.result.new_button


def test_an_error_answer_puts_the_keyboard_in_the_field_it_names(qtbot, shell, refuser, pin, tmp_path):  # noqa: F811
    """The bank took its time, then knew no such account: the cursor is in the account box, and
    the Enters pressed meanwhile did nothing."""
    shell.open("deposit")
    screen = shell.screen("deposit")
    qtbot.keyClicks(screen.account, "999999")
    refuser.held = "/"
    key(qtbot, shell, Qt.Key.Key_Return)  # the account box's Enter looks the account up
    qtbot.waitUntil(lambda: screen.overlay.isVisible(), timeout=10_000)
    for k in HABITS:
        key(qtbot, shell, k)
        assert_nothing_happened(shell, screen)
    refuser.release.set()
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    assert screen.banner.property("kind") == "error"
    assert focused(shell) is screen.account
