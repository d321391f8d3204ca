"""Telkom's area code and number, typed in one go as the agent reads them off the customer's
bill: the area code full (its four digits, as the bank's own example "0021"), the cursor
moves on to the number by itself, so the digits after it go into the number, none lost.
(They were refused by the full area code box: "0021998877441" left the number empty.) A
shorter code (021) is ended with Tab or Enter as before; and a Tab or Enter pressed by habit
right after the cursor moved on by itself is taken as the move already made, never a skip
past the empty number nor a bill check without it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_billpay_screens import TIMEOUT, open_menu
from tests.ui.uidrive import TypingClock, focused, key
from ui.screens.billpay import CONFIRM, INPUT


@pytest.fixture(autouse=True)
def typing_speed(shell):
    shell.counter.scan.now = TypingClock()  # a person, not a barcode scanner


def type_as_typed(qtbot, shell, text):
    """Each key to whatever has the keyboard when it is pressed, as a keyboard does."""
    for ch in text:
        qtbot.keyClicks(focused(shell), ch)


def telkom_form(qtbot, shell):
    screen = open_menu(qtbot, shell)
    qtbot.keyClicks(screen.picker.search, "telkom rumah")
    key(qtbot, shell, Qt.Key.Key_Return)  # the first product found: Telkom
    assert screen.spec.id == "telkom" and screen.pages.currentIndex() == INPUT
    area, number = (screen.form.inputs[name].editor for name in ("areaCode", "phoneNum"))
    assert focused(shell) is area
    return screen, area, number


def test_the_area_code_typed_full_moves_on_to_the_number(qtbot, shell, pin):
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, "0021998877441")
    assert (area.text(), number.text()) == ("0021", "998877441")
    assert focused(shell) is number
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tagihan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert "EDWARD VAN DER KAAT" in screen.summary_text()


@pytest.mark.parametrize("habit", [Qt.Key.Key_Tab, Qt.Key.Key_Return], ids=["tab", "enter"])
def test_a_habitual_tab_or_enter_after_the_move_keeps_the_number_box(qtbot, shell, pin, habit):
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, "0021")
    assert focused(shell) is number
    key(qtbot, shell, habit)
    assert focused(shell) is number and screen.pages.currentIndex() == INPUT
    assert not screen.field("phoneNum").error.isVisible()
    type_as_typed(qtbot, shell, "998877441")
    assert (area.text(), number.text()) == ("0021", "998877441")
    key(qtbot, shell, Qt.Key.Key_Tab)  # a second Tab, after typing, moves on as ever
    assert focused(shell) is not number


@pytest.mark.parametrize("end", [Qt.Key.Key_Tab, Qt.Key.Key_Return], ids=["tab", "enter"])
def test_a_short_area_code_is_ended_by_tab_or_enter(qtbot, shell, pin, end):
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, "021")
    assert focused(shell) is area  # three digits may be the whole code or its start: it waits
    key(qtbot, shell, end)
    assert focused(shell) is number
    type_as_typed(qtbot, shell, "998877441")
    assert (area.text(), number.text()) == ("021", "998877441")


def test_a_digit_typed_on_a_full_area_code_goes_on_into_the_number(qtbot, shell, pin):
    """Back on the full area code with Shift+Tab and the cursor put at its end, the next digit
    is the number's first, not refused."""
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, "0021")
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is area
    key(qtbot, shell, Qt.Key.Key_End)
    type_as_typed(qtbot, shell, "998877441")
    assert (area.text(), number.text()) == ("0021", "998877441")
