"""The result screen, walked by keyboard (QA walk at 1024x768 at 125 %).

* A double Enter after the PIN, with a bank that answers in under ~100 ms, pressed the
  result's "Transaksi baru" before the agent had read the result: a failed or uncertain
  payment could be skipped, the agent believing the money went. The result's buttons take
  no press in its first moments; the keyboard is on "Transaksi baru" for the press after
  (on an uncertain result on "Ke Beranda", where its status is checked).
* The keys that leave the result from anywhere, Esc (Beranda) and Ctrl+H (Beranda), still
  left it at once: an Esc pressed by habit right after the PIN took an uncertain result away
  unread. They wait for those first moments too; the other keys, the mouse and the idle lock
  do not.
* At 819x614 (1024x768 at 125 %) "Transaksi baru", which has the keyboard, was below the
  window's edge, and scrolled into view it pushed the headline ("Transaksi berhasil") out.
  The headline and the buttons are both in sight, whatever the result.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from services.journal import State
from services.sandbox.base import Fault
from tests.ui.screenshots import settle
from tests.ui.test_next_customer import deposit_reviewed
from tests.ui.uidrive import PASSWORD, TypingClock, click, focused, key, result_read, wait_result
from ui.screen_fit import scroll_areas
from ui.screens.base import TransactionDone

TIMEOUT = 10_000
NARROW = (819, 614)  # 1024x768 at 125 %


@pytest.fixture(autouse=True)
def typing_speed(shell):
    shell.counter.scan.now = TypingClock()  # a person, not a barcode scanner


def deposit_sent_by_enter(qtbot, shell):
    """Setor Tunai by Enter after Enter, the last one "Setor sekarang" (the PIN prompt answers
    at once, the sandbox bank within milliseconds): (the deposit screen, the result)."""
    deposit = deposit_reviewed(qtbot, shell)
    key(qtbot, shell, Qt.Key.Key_Return)  # Setor sekarang
    return deposit, wait_result(qtbot, shell, read=False)


def test_an_enter_pressed_twice_after_a_fast_answer_leaves_the_result_on_show(qtbot, shell):
    deposit, result = deposit_sent_by_enter(qtbot, shell)
    assert focused(shell) is result.new_button
    key(qtbot, shell, Qt.Key.Key_Return)  # the Enter that sent it, pressed twice
    assert shell.current_screen() is result and focused(shell) is result.new_button
    result_read(qtbot, result)
    key(qtbot, shell, Qt.Key.Key_Return)  # read: the next customer
    assert shell.current_screen() is deposit and focused(shell) is deposit.account


def test_a_quick_click_on_an_uncertain_result_does_not_take_it_away(qtbot, shell, context):
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    _deposit, result = deposit_sent_by_enter(qtbot, shell)
    assert result.done.row.state is State.SUSPECT
    key(qtbot, shell, Qt.Key.Key_Space)  # on "Ke Beranda", where an uncertain result has the keyboard
    click(qtbot, result.home_button)
    assert shell.current_screen() is result
    result_read(qtbot, result)
    click(qtbot, result.home_button)
    assert shell.current_screen() is shell.screen("home")


WAYS_OUT = {"Esc": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
            "Ctrl+H": (Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)}


def uncertain_result(qtbot, shell, context):
    """A deposit sent by Enter whose answer the bank lost: the result on show, just now."""
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    _deposit, result = deposit_sent_by_enter(qtbot, shell)
    assert result.done.row.state is State.SUSPECT and not result.takes_presses()
    return result


@pytest.mark.parametrize("way_out", list(WAYS_OUT))
def test_a_key_that_leaves_pressed_right_after_the_pin_leaves_the_result_on_show(qtbot, shell, context, way_out):
    result = uncertain_result(qtbot, shell, context)
    key(qtbot, shell, *WAYS_OUT[way_out])  # by habit, the moment the result appears
    assert shell.current_screen() is result and focused(shell) is result.home_button
    result_read(qtbot, result)
    key(qtbot, shell, *WAYS_OUT[way_out])  # read: now it leaves
    assert shell.current_screen() is shell.screen("home")


def test_in_the_results_first_moments_other_keys_and_the_mouse_still_work(qtbot, shell, context):
    result = uncertain_result(qtbot, shell, context)
    key(qtbot, shell, Qt.Key.Key_Tab)  # from "Ke Beranda" round to "Transaksi baru"
    assert focused(shell) is result.new_button
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # the palette opens
    qtbot.waitUntil(shell.counter.palette.isVisible, timeout=TIMEOUT)
    shell.counter.palette.hide()
    asked: list[str] = []
    shell.confirm = lambda parent, title, text: asked.append(text) or False  # "Batal"
    click(qtbot, shell.logout_button)
    assert asked == ["Keluar dari Loket?"] and shell.current_screen() is result
    assert not result.takes_presses()  # all of it within the first moments


def test_the_idle_lock_covers_a_fresh_result_and_opens_by_keyboard(qtbot, shell, context):
    result = uncertain_result(qtbot, shell, context)
    shell.counter.idle.set_timeout(100)
    lock = shell.counter.lock_screen
    qtbot.waitUntil(lock.isVisible, timeout=TIMEOUT)
    qtbot.keyClicks(lock.password, PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.isVisible(), timeout=TIMEOUT)
    assert shell.current_screen() is result
    shell.counter.idle.set_timeout(600_000)
    result_read(qtbot, result)
    shell.confirm = lambda parent, title, text: True
    with qtbot.waitSignal(shell.logged_out, timeout=TIMEOUT):
        click(qtbot, shell.logout_button)  # a session still ends by the header's button


def in_sight(widget) -> bool:
    """All of ``widget`` inside its window and inside every scroll area's viewport it is in."""
    window = widget.window()
    if not widget.isVisible() or not window.rect().contains(QRect(widget.mapTo(window, QPoint(0, 0)),
                                                                  widget.size())):
        return False
    return all(area.viewport().rect().contains(QRect(widget.mapTo(area.viewport(), QPoint(0, 0)), widget.size()))
               for area in scroll_areas(widget))


def bill_row(context, state: State):
    """A PLN bill payment in ``state``, as the bill screen would have journaled it."""
    journal = context.journal
    reference = journal.next_reference()
    journal.begin(reference=reference, host="keagenan", product="pln_postpaid", product_group="bills",
                  amount=98_000, fee=2_500, operator="kasir1", request={}, customer_ref="5391000123",
                  customer_name="SITI AMINAH")
    journal.transition(reference, State.SENT, actor="kasir1", reason="dikirim")
    journal.transition(reference, state, actor="system", reason="dijawab")
    return journal.get(reference)


@pytest.mark.parametrize("state", [State.SUCCESS, State.FAILED, State.SUSPECT])
def test_at_1024x768_at_125_the_headline_and_the_buttons_are_both_in_sight(qtbot, qapp, shell, context, state):
    shell.showNormal()
    shell.resize(*NARROW)
    settle(qapp)
    if state is State.SUCCESS:  # a real one, its receipt's message above the headline
        _deposit, result = deposit_sent_by_enter(qtbot, shell)
        qtbot.waitUntil(lambda: result.banner.isVisible(), timeout=TIMEOUT)
    else:
        bills = shell.screen("billpay_tagihan")
        note = "Status ditanyakan ke bank otomatis." if state is State.SUSPECT else ""
        shell.show_result(TransactionDone("PLN Pascabayar", bill_row(context, state), note=note), bills)
        result = shell.result
    settle(qapp)
    assert result.done.row.state is state
    # an uncertain result's keyboard is on "Ke Beranda" (its status is checked there)
    first, then = ((result.home_button, result.new_button) if state is State.SUSPECT
                   else (result.new_button, result.home_button))
    assert focused(shell) is first
    assert in_sight(first) and in_sight(result.state_label)
    key(qtbot, shell, Qt.Key.Key_Tab)  # on to the other, and on to the receipt's buttons
    settle(qapp)
    assert focused(shell) is then
    assert in_sight(then) and in_sight(result.state_label)
    key(qtbot, shell, Qt.Key.Key_Tab)
    settle(qapp)
    assert in_sight(focused(shell)) and in_sight(result.state_label)



def test_a_result_that_came_under_the_idle_lock_is_not_taken_away_by_the_unlocks_second_enter(
        qtbot, shell, context):
    """The deposit was on its way when the idle lock fired; its uncertain answer came under the
    lock, where the result's first moments ran out unseen. The agent types the password and
    Enter, pressed twice by habit: the echo pressed "Transaksi baru" the moment the lock
    lifted, and "Status belum pasti" went away unread, the agent at an empty Setor Tunai. The
    result's first moments start again when the lock lifts."""
    result = uncertain_result(qtbot, shell, context)
    shell.counter.idle.set_timeout(100)
    lock = shell.counter.lock_screen
    qtbot.waitUntil(lock.isVisible, timeout=TIMEOUT)
    shell.counter.idle.set_timeout(600_000)
    result_read(qtbot, result)  # its first moments pass under the lock
    qtbot.keyClicks(lock.password, PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.isVisible(), timeout=TIMEOUT)
    assert focused(shell) is result.home_button
    key(qtbot, shell, Qt.Key.Key_Return)  # the Enter that unlocked, pressed twice
    key(qtbot, shell, Qt.Key.Key_Escape)  # or an Esc by habit
    assert shell.current_screen() is result
    result_read(qtbot, result)
    key(qtbot, shell, Qt.Key.Key_Return)  # read: to Beranda, where its status is checked
    assert shell.current_screen() is shell.screen("home")

def test_the_button_with_the_keyboard_is_the_one_drawn_to_press(qtbot, qapp, shell, context):
    """An uncertain result's keyboard is on "Ke Beranda"; the filled blue look follows it,
    and goes back to "Transaksi baru" for the next result, a successful one."""
    bills = shell.screen("billpay_tagihan")
    result = shell.result
    for state, lead in ((State.SUSPECT, result.home_button), (State.SUCCESS, result.new_button)):
        shell.show_result(TransactionDone("PLN Pascabayar", bill_row(context, state)), bills)
        settle(qapp)
        assert focused(shell) is lead
        assert result.findChildren(QPushButton, "primary") == [lead]
        other = result.new_button if lead is result.home_button else result.home_button
        assert fill(lead).lightness() < 128 < fill(other).lightness()  # filled blue, and not


def fill(button) -> QColor:
    """The colour inside ``button``, as drawn, a little in from its left edge."""
    return button.grab().toImage().pixelColor(8, button.height() // 2)
