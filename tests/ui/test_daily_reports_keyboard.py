"""Laporan Harian by keyboard: from the list of closed days, Tab reaches "Ekspor PDF…".

Walked at the counter: the list held one closed day; Tab moved from cell to cell inside
the list and never left it, so the Laporan Z could not be exported without a mouse.
(Riwayat's list had the same trap and was fixed the same way: the arrows move between
rows, Tab leaves the list.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_dayclose_screens import open_screen, wait_loaded
from tests.ui.uidrive import focused, key

TIMEOUT = 10_000


def test_tab_leaves_the_list_of_closed_days_for_the_export_buttons(qtbot, shell, loket, context, tmp_path):
    days = context.dayclose
    days.supervisors.set_pin("Budi Santoso", "482916")
    flow = days.begin_close("BNIUS100294")
    flow.start_count()
    flow.enter_count(0)
    flow.confirm("")
    screen = open_screen(qtbot, shell, "daily_reports")
    qtbot.waitUntil(lambda: screen.selected is not None, timeout=TIMEOUT)
    screen.actions.choose_folder = lambda parent, title: str(tmp_path)
    screen.table.setFocus()
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is screen.pdf_button
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is screen.table  # and back into the list
    key(qtbot, shell, Qt.Key.Key_Tab)
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is screen.csv_button
    key(qtbot, shell, Qt.Key.Key_Return)  # the agent's own press: the first export is free
    wait_loaded(qtbot, loket)
    assert screen.actions.last_path is not None and screen.actions.last_path.suffix == ".csv"
    assert focused(shell) is screen.csv_button  # where the agent pressed, not a button Qt chose


def test_after_cetak_ringkasan_the_cursor_stays_on_it_not_on_ekspor_pdf(qtbot, shell, loket, context, tmp_path):
    """Disabled while it ran, "Cetak ringkasan" sent the focus on to "Ekspor PDF…", and the
    agent's next Enter opened a folder chooser. Now the next Enter asks for a reprint (a
    supervisor's), as the button the agent pressed."""
    from tests.ui.test_dayclose_screens import start_close
    from tests.ui.uidrive import click

    screen = start_close(qtbot, shell, loket)  # nothing in the drawer, nothing served
    click(qtbot, screen.summary_page.count_button)
    qtbot.keyClicks(screen.count_page.counted, "0")
    click(qtbot, screen.count_page.enter_button)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=TIMEOUT)
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    sealed = screen.sealed_page
    sealed.print_button.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_loaded(qtbot, loket)
    qtbot.waitUntil(lambda: "LAPORAN Z" in sealed.summary_preview.toPlainText(), timeout=TIMEOUT)
    assert focused(shell) is sealed.print_button
    asked = []
    screen.actions.ask_supervisor = lambda *args: asked.append(args[1]) or None
    screen.actions.choose_folder = lambda parent, title: asked.append(title) or None
    key(qtbot, shell, Qt.Key.Key_Return)  # a habitual second Enter: a reprint, asked of a supervisor
    wait_loaded(qtbot, loket)
    assert asked == ["Cetak/ekspor ulang laporan"]
