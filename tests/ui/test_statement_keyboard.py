"""BCA: Mutasi by keyboard: Tab leaves the statement's table.

Walked at the counter: with the statement shown, Tab into the table went from cell to
cell and never out of it (Shift+Tab too), so the agent could not get back to the dates,
the search box or "Ekspor CSV" without a mouse. As in Riwayat: the arrows move between
rows, Tab leaves the table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_snap_screens import open_screen
from tests.ui.uidrive import click, focused, key

TIMEOUT = 10_000


def test_tab_and_shift_tab_leave_the_statement_table(qtbot, shell, context):
    bca = context.bca
    bca.transfer(bca.account_inquiry("0613005827"), 123_000, remark="uji mutasi")
    screen = open_screen(qtbot, shell, "bca_statement")
    click(qtbot, screen.show_button)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 1, timeout=TIMEOUT)
    screen.table.setFocus()
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is not screen.table
    before = focused(shell)
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is screen.table
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is not screen.table
    screen.table.setFocus()
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is before
