"""Manual resolution with the host's figures: the dialog offers "Biaya admin dari host" for a
success only, and what the agent typed there is what the journal settles the row with."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from services.journal import State
from tests.ui.test_history_screens import deposit, go_home, switcher_transfer
from tests.ui.uidrive import click, focused
from ui.screens.resolution_dialogs import ManualResolutionDialog


def test_the_hosts_fee_from_the_dialog_settles_the_row(qtbot, shell, context):
    reference = deposit(context, 60_000, lost=True)
    dialog = ManualResolutionDialog(None, "Setor Tunai Rp 60.000", context.resolver.guides.for_host("bankplus"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.fee_field.isVisible()  # nothing chosen yet
    dialog.failed.setChecked(True)
    assert not dialog.fee_field.isVisible()  # a failure moved no money
    dialog.success.setChecked(True)
    assert dialog.fee_field.isVisible()
    qtbot.keyClicks(dialog.officer, "Ibu Rina")
    qtbot.keyClicks(dialog.host_ref, "JRN-990")
    qtbot.keyClicks(dialog.settled_fee, "1500")
    assert dialog.settled_fee.text() == "1.500" and dialog.ok.isEnabled()

    click(qtbot, shell._nav["history"])  # leave and come back: Beranda reads the list again
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    panel.ask_resolution = lambda parent, detail, guide: dialog.decision()
    click(qtbot, panel.items[0].button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=10_000)
    row = context.journal.get(reference)
    assert (row.host_ref, row.fee, row.fee_final, row.total_final) == ("JRN-990", 0, 1_500, 61_500)
    qtbot.waitUntil(lambda: panel.items == [], timeout=10_000)


def test_a_transfer_the_switcher_calls_reversed_is_settled_by_hand_from_the_list(qtbot, shell, context):
    """The Switcher's check answers "Transfer reversed": the work-list shows the host's
    words and "Selesaikan" (no longer "Cek status", which would say the same for ever), and
    the decision recorded there settles the row."""
    reference = switcher_transfer(context, 45_000, lost=True)
    host = context.sandbox_hosts["switcher"]
    host.bookings[reference].reversed_by = "operator"
    context.resolver.check(reference)  # the timer's check, heard at once

    click(qtbot, shell._nav["history"])  # leave and come back: Beranda reads the list again
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    view = panel.items[0]
    assert view.button.text() == "Selesaikan"
    assert "Jawaban host: Switcher: Transfer reversed" in view.text()
    dialog = ManualResolutionDialog(None, "Transfer", context.resolver.guides.for_host("switcher"))
    qtbot.addWidget(dialog)
    dialog.failed.setChecked(True)
    qtbot.keyClicks(dialog.officer, "Pak Dedi")
    panel.ask_resolution = lambda parent, detail, guide: dialog.decision()
    click(qtbot, view.button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.FAILED, timeout=10_000)
    assert "Transfer reversed" in context.journal.events(reference)[-1].reason


def test_the_palette_finds_the_pending_list_and_puts_the_cursor_on_it(qtbot, shell, context):
    """A SUSPECT payment's result says "check the Transaksi Menggantung list": typed in the
    palette ("pending" too), nothing was found, and the list's button was a dozen Tabs away."""
    from PySide6.QtCore import Qt

    deposit(context, 60_000, lost=True)
    click(qtbot, shell._nav["history"])
    for words in ("menggantung", "pending"):
        qtbot.keyClick(shell.current_screen(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        palette = shell.counter.palette
        qtbot.keyClicks(palette.search, words)
        assert palette.current().title == "Transaksi Menggantung"
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
        panel = shell.screen("home").worklist
        qtbot.waitUntil(lambda p=panel: len(p.items) == 1 and shell.window().focusWidget() is p.items[0].button,
                        timeout=10_000)
        assert shell.current_screen() is shell.screen("home")
        click(qtbot, shell._nav["history"])


def test_with_nothing_pending_the_palettes_list_says_so(qtbot, shell):
    from PySide6.QtCore import Qt

    qtbot.keyClick(shell.current_screen(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(shell.counter.palette.search, "menggantung")
    qtbot.keyClick(shell.counter.palette.search, Qt.Key.Key_Return)
    panel = shell.screen("home").worklist
    qtbot.waitUntil(lambda: shell.window().focusWidget() is panel.close_button, timeout=10_000)
    qtbot.waitUntil(lambda: shell.services.worker.running == 0, timeout=10_000)  # Beranda's read of the list
    assert panel.isVisible() and "Tidak ada transaksi menggantung." in panel.text()
    click(qtbot, panel.close_button)
    assert not panel.isVisible()


def test_the_banks_answer_is_recorded_when_the_list_is_read_again_during_the_call(qtbot, shell, context):
    """Found by a keyboard walk on a real X server: the agent opened "Selesaikan manual" and
    phoned the bank; meanwhile the work-list's minute sweep read the list again and rebuilt
    its lines. "Simpan jawaban bank" then recorded nothing (the line's button was gone:
    ``RuntimeError: Internal C++ object already deleted``), the row stayed pending, and the
    keyboard fell onto the header's drill switch. Now the answer is recorded and the
    keyboard is back in the list."""
    reference = deposit(context, 60_000, lost=True)
    click(qtbot, shell._nav["history"])
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    button = panel.items[0].button
    assert button.text() == "Selesaikan"

    def on_the_phone() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ManualResolutionDialog):
            QTimer.singleShot(20, on_the_phone)
            return
        sweeps = panel.sweeps
        panel.sweep()  # the minute's sweep, while the agent is on the phone
        qtbot.waitUntil(lambda: panel.sweeps > sweeps and not shiboken6.isValid(button), timeout=10_000)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Right)  # GAGAL
        qtbot.keyClicks(dialog.officer, "Ibu Rina")
        dialog.ok.setFocus()
        qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)

    QTimer.singleShot(0, on_the_phone)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # opens the dialog; returns when it is answered
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.FAILED, timeout=10_000)
    qtbot.waitUntil(lambda: panel.items == [] and focused(shell) is panel.close_button, timeout=10_000)
