"""Beranda fits the window it gets: side by side at 1366x768, reflowed (balance card over the
shortcuts, two charts a row) at 125 % scaling's 1093x614, never scrolling sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QScrollArea

TIMEOUT = 10_000


def show_at(qtbot, shell, width: int, height: int) -> QScrollArea:
    shell.showNormal()
    shell.resize(width, height)
    qtbot.waitUntil(lambda: shell.width() == width, timeout=TIMEOUT)
    return shell.findChild(QScrollArea, "stackScroll")


def test_beranda_is_side_by_side_at_1366x768(qtbot, shell):
    home = shell.screen("home")
    area = show_at(qtbot, shell, 1366, 768)
    qtbot.waitUntil(lambda: home.columns == (3, 3), timeout=TIMEOUT)
    assert home.top.direction() == QBoxLayout.Direction.LeftToRight
    assert area.horizontalScrollBar().maximum() == 0


def test_beranda_reflows_at_125_percent_instead_of_scrolling_sideways(qtbot, shell):
    home = shell.screen("home")
    area = show_at(qtbot, shell, 1093, 614)
    qtbot.waitUntil(lambda: home.columns == (3, 2), timeout=TIMEOUT)
    assert home.top.direction() == QBoxLayout.Direction.TopToBottom
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() == 0, timeout=TIMEOUT)
    assert home.width() <= area.viewport().width()


def test_coming_back_to_beranda_shows_the_balance_after_the_last_transaction(qtbot, shell, context):
    from ui.screens.home import HomeScreen

    home = shell.screen("home")
    assert isinstance(home, HomeScreen)
    qtbot.waitUntil(lambda: home.loaded and "202.696.682" in home.balance_card.figure.text(), timeout=15_000)
    context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="25000", narration="", pin="359569")
    shell.open("home")
    qtbot.waitUntil(lambda: "202.671.682" in home.balance_card.figure.text(), timeout=15_000)
