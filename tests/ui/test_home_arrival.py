"""Beranda reached while it is already on show keeps the keyboard on the first "Layani
nasabah" shortcut, as every arrival on it does. A keyboard walk found the cursor on
"Tampilkan grafik Bank+" after Tutup Hari: Ctrl+H brought Beranda, and the habitual second
Ctrl+H (or the sidebar's Beranda, or Ctrl+K "beranda") moved the cursor to the graphs'
toggle, the one control an agent never needs at once: the next Enter showed the graphs
instead of opening Setor Tunai. (The counter's arrival rule took the toggle, a checkable
button, for the screen's first input.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_dayclose_screens import start_close, wait_loaded
from tests.ui.uidrive import click, focused, key, type_text


def day_sealed(qtbot, shell, loket):
    screen = start_close(qtbot, shell, loket)  # nothing in the drawer, nothing served
    click(qtbot, screen.summary_page.count_button)
    qtbot.keyClicks(screen.count_page.counted, "0")
    click(qtbot, screen.count_page.enter_button)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=10_000)
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    wait_loaded(qtbot, loket)
    return screen


def ctrl_h(qtbot, shell):
    key(qtbot, shell, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)


def beranda_button(qtbot, shell):
    click(qtbot, shell._nav["home"])


def palette(qtbot, shell):
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "beranda")
    key(qtbot, shell, Qt.Key.Key_Return)


@pytest.mark.parametrize("again", [ctrl_h, beranda_button, palette], ids=["ctrl+h", "beranda button", "ctrl+k"])
def test_beranda_again_after_tutup_hari_keeps_the_first_shortcut(qtbot, shell, loket, again):
    day_sealed(qtbot, shell, loket)
    home = shell.screen("home")
    ctrl_h(qtbot, shell)  # Tutup Hari done: to Beranda
    wait_loaded(qtbot, loket)
    assert shell.current_screen() is home and focused(shell) is home.shortcuts[0]
    again(qtbot, shell)  # and once more, by habit, with Beranda on show
    wait_loaded(qtbot, loket)
    assert shell.current_screen() is home
    assert focused(shell) is home.shortcuts[0], focused(shell).text()
    assert not home.charts_button.isChecked()
