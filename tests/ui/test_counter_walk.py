"""What a first-time agent met walking a shift in the real window (issue: counter walk):
the menu showing "Buka Shift & Kas" as it is written, a typed bank code showing the bank it
picked, and the next step named after the shift is opened."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_dayclose_screens import open_shift
from tests.ui.test_ui_transfer import open_transfer


def test_menu_shows_an_ampersand_instead_of_a_keyboard_mnemonic(shell):
    # A button reads a single "&" as "underline the next letter" ("Buka Shift _Kas");
    # "&&" is how Qt is told to draw one "&".
    assert shell._nav["shift"].text() == "Buka Shift && Kas"


def test_a_typed_bank_code_shows_the_bank_it_picked(qtbot, shell):
    screen = open_transfer(qtbot, shell)
    qtbot.keyClicks(screen.bank.lineEdit(), "008")
    screen.bank.completer().popup().hide()  # the agent typed past the suggestion list
    qtbot.keyClick(screen.bank.lineEdit(), Qt.Key.Key_Return)  # ... and moves on to the account
    qtbot.waitUntil(lambda: screen.bank.currentText() == "008 — BANK MANDIRI")
    assert screen.bank.currentData() == "008"


def test_opening_the_shift_says_where_to_serve_customers(qtbot, shift_closed, shell, loket):
    screen = open_shift(qtbot, shell, loket)
    assert "Beranda (Ctrl+H)" in screen.banner.text()
