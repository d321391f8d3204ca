"""Riwayat Transaksi by keyboard: from the search boxes down into the list (counter-day walk).

Riwayat opens with the cursor in "Pelanggan" and the newest row highlighted under it. The
agent who came to reprint that row pressed ↓ to reach it, as in the command palette: the
key did nothing (at 1024x768 at 125 % it scrolled the page instead), and Enter in the box
searched again. The list was four Tabs away. ↓ in "Pelanggan" or "No. referensi" now puts
the cursor on the list, on the row highlighted, where Enter opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_history_screens import deposit, open_history
from tests.ui.uidrive import focused, key, type_text


@pytest.mark.parametrize("box", ["customer", "reference"])
def test_down_in_a_search_box_goes_to_the_highlighted_row_and_enter_opens_it(qtbot, shell, context, box):
    older, newest = deposit(context, 50_000), deposit(context, 75_000)
    screen = open_history(qtbot, shell)
    assert focused(shell) is screen.customer  # where Riwayat puts the cursor
    if box == "reference":
        key(qtbot, shell, Qt.Key.Key_Tab)
        assert focused(shell) is screen.reference
    key(qtbot, shell, Qt.Key.Key_Down)
    assert focused(shell) is screen.table and screen.table.currentIndex().row() == 0
    assert screen.selected_reference() == newest
    key(qtbot, shell, Qt.Key.Key_Down)  # in the list the arrows move on
    assert screen.selected_reference() == older
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.details, timeout=10_000)
    assert screen.details.row.reference == older


def test_down_in_a_search_box_over_an_empty_list_keeps_the_cursor_to_type(qtbot, shell, context):
    deposit(context, 50_000)
    screen = open_history(qtbot, shell)
    type_text(qtbot, shell, "nobody")
    key(qtbot, shell, Qt.Key.Key_Return)  # searched: no row
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0 and not screen.worker.is_busy(screen.search_button),
                    timeout=10_000)
    key(qtbot, shell, Qt.Key.Key_Down)
    assert focused(shell) is screen.customer
