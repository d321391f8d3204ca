"""Tab and Shift+Tab go round the screen on show, never out of it into the window's header
(the drill switch, "Keluar", "Menu") or the sidebar. A keyboard walk at the counter found
Tab leaving Riwayat's details, Laporan X and Tutup Hari for the header after a stop or two:
one Tab from "Hitung kas di laci" reached the drill switch, where an arrow changed the
training drill, and another "Keluar". Every screen did the same after its last control;
on those short pages the agent met it at once. The header is still the mouse's, and the
keyboard's by Ctrl+K: "Latihan", "Keluar", and every screen of the sidebar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.ui.every_screen import uncertain_and_refused
from tests.ui.screenshots import settle
from tests.ui.uidrive import USERNAME, focused, key, type_text, wait_idle
from ui import registry

SIZES = {"1024x768-125": (819, 614), "1366x768": (1366, 768)}
PRESSES = 30  # more than the longest screen's stops: each walk goes round at least once


def first_stop(screen: QWidget) -> QWidget:
    widget = screen
    while True:
        widget = widget.nextInFocusChain()
        if (screen.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            return widget


def strays(qtbot, shell, screen: QWidget, label: str) -> list[str]:
    """Where Tab, then Shift+Tab, took the keyboard out of ``screen``."""
    if not screen.isAncestorOf(focused(shell)):
        first_stop(screen).setFocus(Qt.FocusReason.OtherFocusReason)
    out = []
    for k in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        for _ in range(PRESSES):
            key(qtbot, shell, k)
            now = focused(shell)
            if not screen.isAncestorOf(now):
                out.append(f"{label}: {k.name} reached {type(now).__name__}#{now.objectName()}")
                first_stop(screen).setFocus(Qt.FocusReason.OtherFocusReason)
                break
    return out


@pytest.mark.parametrize("size", SIZES)
def test_tab_goes_round_every_screen_never_into_the_header(qtbot, qapp, shell, loket, context, size):
    uncertain_and_refused(context, USERNAME)  # Riwayat, the reports and Beranda's list have rows
    shell.resize(*SIZES[size])
    settle(qapp)
    found: list[str] = []
    for entry in registry.entries():
        shell.open(entry.id)
        wait_idle(qtbot, loket)
        screen = shell.screen(entry.id)
        assert shell.current_screen() is screen, entry.id
        found += strays(qtbot, shell, screen, entry.id)
    history = shell.screen("history")
    shell.open("history")
    wait_idle(qtbot, loket)
    history.table.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)  # the newest row's details
    qtbot.waitUntil(lambda: history.pages.currentWidget() is history.details, timeout=10_000)
    wait_idle(qtbot, loket)
    found += strays(qtbot, shell, history, "history details")
    assert found == [], "\n".join(found)


def test_tab_goes_round_each_step_of_tutup_hari(qtbot, shell, loket):
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "tutup hari")
    key(qtbot, shell, Qt.Key.Key_Return)
    screen = shell.screen("day_close")
    assert shell.current_screen() is screen
    qtbot.waitUntil(lambda: not screen.loading, timeout=15_000)
    wait_idle(qtbot, loket)
    assert focused(shell) is screen.summary_page.count_button
    key(qtbot, shell, Qt.Key.Key_Tab)  # from the last control of the page: round to its first
    assert screen.isAncestorOf(focused(shell))
    found = strays(qtbot, shell, screen, "summary")
    screen.summary_page.count_button.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.page == "count"
    found += strays(qtbot, shell, screen, "count")
    assert found == [], "\n".join(found)


def test_keluar_is_in_ctrl_k(qtbot, shell):
    """Out of the Tab ring, the header's "Keluar" is found by typing, and still asks first."""
    asked = []
    shell.confirm = lambda parent, title, text: asked.append(text) and False  # "Batal"
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "keluar")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert asked == ["Keluar dari Loket?"]
    assert shell.isVisible()


@pytest.mark.parametrize("screen_id", ["x_report", "agent_balance"])
def test_a_screen_without_inputs_opened_from_the_folded_menu_takes_the_keyboard(qtbot, qapp, shell, loket,
                                                                               screen_id):
    """At 819x614 (1024x768 at 125 %) the sidebar folds behind "Menu"; a screen with no box
    to type in, opened from it, left the keyboard on "Menu": Enter opened the menu again."""
    shell.resize(*SIZES["1024x768-125"])
    settle(qapp)
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # anywhere but Beranda's shortcut
    key(qtbot, shell, Qt.Key.Key_Escape)
    shell.side_menu.button.setFocus()
    key(qtbot, shell, Qt.Key.Key_Space)  # "Menu"
    assert shell.sidebar.isVisible()
    qtbot.mouseClick(shell._nav[screen_id], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, loket)
    screen = shell.screen(screen_id)
    assert shell.current_screen() is screen and screen.isAncestorOf(focused(shell)), focused(shell).objectName()
