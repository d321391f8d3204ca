"""A transfer reversed during the day on the day's report on screen (Laporan X, Tutup Hari's
summary, Laporan Harian: ``ReportView``).

Walked at the counter: a Switcher transfer reversed from Riwayat, then Laporan X. The
reversal is out of the totals (no money moved in the end), and the on-screen report showed
no trace of the transfer: only the supervisor's approval, without its reference or amount.
The PDF, the CSV and the thermal summary list it; the screen now does too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_history_screens import switcher_transfer
from tests.ui.uidrive import focused, key, type_text, wait_idle

SUPERVISOR_PIN = "246810"


def test_x_report_lists_the_transfer_reversed_today(qtbot, shell, loket, context):
    context.dayclose.supervisors.set_pin("Bu Sari", SUPERVISOR_PIN)
    reference = switcher_transfer(context, 250_000)
    context.switching.reversal(reference, SUPERVISOR_PIN, "Salah nomor rekening")

    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "laporan x")
    key(qtbot, shell, Qt.Key.Key_Return)
    screen = shell.screen("x_report")
    assert shell.current_screen() is screen
    qtbot.waitUntil(lambda: screen.view.report is not None, timeout=10_000)
    wait_idle(qtbot, loket)

    view = screen.view
    assert view.reversed_title.isVisible()
    assert view.reversed_title.text() == "Transaksi dibatalkan (reversal) (1)"
    row = [view.reversed.text(0, c) for c in range(view.reversed.columnCount())]
    assert reference in row and "Rp 250.000" in row and row[-1].startswith("Dibatalkan")
    assert view.reversed_table.isVisible()
    assert focused(shell) is not None


def test_no_cancelled_list_on_a_day_without_a_reversal(qtbot, shell, loket, context):
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "laporan x")
    key(qtbot, shell, Qt.Key.Key_Return)
    screen = shell.screen("x_report")
    qtbot.waitUntil(lambda: screen.view.report is not None, timeout=10_000)
    assert not screen.view.reversed_title.isVisible() and not screen.view.reversed_table.isVisible()
