"""A list keeps its arrows: ↓ on its last row and ↑ on its first do nothing.

A list leaves an arrow it has no use for (no row after the last) to its parents, and the
page's scroll area under it took it: Riwayat's page moved under the agent's eyes while the
cursor stayed on the list's last row. Laporan Harian's closed days kept theirs already
(tests/ui/test_reports_layout.py); every other list a page holds now does the same.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from tests.ui.test_history_screens import deposit, open_details, open_history
from tests.ui.test_snap_screens import open_screen
from tests.ui.uidrive import click, focused, key

SHORT = (819, 400)  # shorter than any of these pages: the page scrolls
KEYS_AT_END = (Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_End)
KEYS_AT_TOP = (Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Home)


def settle(qapp) -> None:
    for _ in range(3):
        qapp.processEvents()


def assert_list_keeps_its_arrows(qtbot, qapp, shell, table) -> None:
    """``table`` at its last row then its first, on a page scrolled halfway: each key past its
    end leaves the row and the page where they were."""
    shell.resize(*SHORT)
    settle(qapp)
    bar = shell.findChild(QScrollArea, "stackScroll").verticalScrollBar()
    assert bar.maximum() > 0, "the page must scroll for this test"
    model = table.model()
    rows = model.rowCount()
    assert rows >= 2
    column = next(c for c in range(model.columnCount()) if not table.isColumnHidden(c))  # one on show
    for row, keys in ((rows - 1, KEYS_AT_END), (0, KEYS_AT_TOP)):
        table.setFocus()
        table.setCurrentIndex(model.index(row, column))
        settle(qapp)
        bar.setValue(bar.maximum() // 2)
        for k in keys:
            key(qtbot, shell, k)
            settle(qapp)
            assert focused(shell) is table and table.currentIndex().row() == row
            assert bar.value() == bar.maximum() // 2, f"{k!r} at row {row} scrolled the page"
    table.setCurrentIndex(model.index(0, column))
    key(qtbot, shell, Qt.Key.Key_Down)  # inside the list the arrows still move
    assert table.currentIndex().row() == 1


def test_riwayat_list(qtbot, qapp, shell, context):
    deposit(context, 40_000)
    deposit(context, 41_000)
    screen = open_history(qtbot, shell)
    assert screen.model.rowCount() == 2
    assert_list_keeps_its_arrows(qtbot, qapp, shell, screen.table)


def test_riwayat_status_history(qtbot, qapp, shell, context):
    reference = deposit(context, 42_000)
    details = open_details(qtbot, open_history(qtbot, shell), reference)
    assert_list_keeps_its_arrows(qtbot, qapp, shell, details.events_table)


def test_cash_movements_of_the_shift(qtbot, qapp, shell, context):
    for amount in (10_000, 20_000, 30_000):
        context.dayclose.shifts.record("pay_in", amount, "uang kecil", "kasir1")
    screen = open_screen(qtbot, shell, "shift")
    qtbot.waitUntil(lambda: screen.movements.rowCount() == 3, timeout=10_000)
    assert_list_keeps_its_arrows(qtbot, qapp, shell, screen.table)


def test_bca_statement(qtbot, qapp, shell, context):
    bca = context.bca
    bca.transfer(bca.account_inquiry("0613005827"), 123_000, remark="uji mutasi")
    screen = open_screen(qtbot, shell, "bca_statement")
    click(qtbot, screen.show_button)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 1, timeout=10_000)
    assert_list_keeps_its_arrows(qtbot, qapp, shell, screen.table)
