"""Enter in the prompts that take a reason and a supervisor's PIN (Reversal in Riwayat, the
supervisor's approval, the manual resolution): Enter moves from box to box, an empty PIN keeps the cursor, and the
PIN typed after an Enter never lands in the visible reason (it was journaled with the
reversal). Driven by keys on the real dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.gui import load_style
from services.resolution_guide import ResolutionGuides
from ui.screens.resolution_dialogs import ManualResolutionDialog, ReversalDialog
from ui.widgets.supervisor import SupervisorDialog

PIN = "246810"


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def keys(qtbot, dialog, *typed) -> None:
    """What the agent and the supervisor type, to whatever box has the cursor."""
    for item in typed:
        target = dialog.focusWidget() or dialog
        if isinstance(item, str):
            qtbot.keyClicks(target, item)
        else:
            qtbot.keyClick(target, item)


def test_reversal_enter_in_the_reason_moves_to_the_pin(qtbot):
    dialog = shown(qtbot, ReversalDialog(None, "Transfer Switching Rp 250.000"))
    dialog.reason.setFocus()
    keys(qtbot, dialog, "Salah nomor rekening", Qt.Key.Key_Return, PIN)
    assert dialog.reason.text() == "Salah nomor rekening" and dialog.pin.text() == PIN
    assert dialog.isVisible() and dialog.ok.isEnabled()
    keys(qtbot, dialog, Qt.Key.Key_Return)  # the last box: OK
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.take().reason == "Salah nomor rekening"


def test_supervisor_enter_on_an_empty_pin_waits_for_it(qtbot):
    dialog = shown(qtbot, SupervisorDialog(None, "Setujui", "", True))
    dialog.pin.setFocus()
    keys(qtbot, dialog, Qt.Key.Key_Return, PIN)
    assert dialog.pin.text() == PIN
    keys(qtbot, dialog, Qt.Key.Key_Return, "kabel printer putus")
    assert dialog.reason.text() == "kabel printer putus" and dialog.isVisible()
    keys(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted


def answered(qtbot, success: bool) -> ManualResolutionDialog:
    """BERHASIL or GAGAL chosen, the officer's name typed and Enter: the dialog stays, on the call's time."""
    guide = ResolutionGuides(None, sandbox=True).for_host("bankplus")
    dialog = shown(qtbot, ManualResolutionDialog(None, "Setor Tunai Rp 100.000", guide))
    (dialog.success if success else dialog.failed).setFocus()
    keys(qtbot, dialog, Qt.Key.Key_Space)
    dialog.officer.setFocus()
    keys(qtbot, dialog, "Ibu Rina", Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.time
    return dialog


def test_manual_resolution_enter_after_the_officer_moves_on_to_the_rest(qtbot):
    """BERHASIL: the officer's name and Enter saved the answer at once, before the call's
    time, the host's journal number, the fee the bank names and the note were written."""
    dialog = answered(qtbot, True)
    keys(qtbot, dialog, Qt.Key.Key_Return, "JRN123", Qt.Key.Key_Return, "2500", Qt.Key.Key_Return,
         "dikonfirmasi", Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    decision = dialog.decision()
    assert (decision.success, decision.officer, decision.host_ref, decision.settled_fee, decision.reason) == (
        True, "Ibu Rina", "JRN123", 2500, "dikonfirmasi")


def test_manual_resolution_failed_enter_skips_the_hidden_boxes(qtbot):
    dialog = answered(qtbot, False)
    keys(qtbot, dialog, Qt.Key.Key_Return, "tidak ada di jurnal bank", Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    decision = dialog.decision()
    assert (decision.success, decision.host_ref, decision.settled_fee, decision.reason) == (
        False, "", None, "tidak ada di jurnal bank")


def test_manual_resolution_call_time_is_one_tab_stop(qtbot):
    """The call's time (HH:mm) took two Tabs, the hour's and the minute's: the agent pressed
    Tab once and typed the host's journal number into the minutes."""
    dialog = answered(qtbot, True)
    dialog.activateWindow()  # a box takes typing as the agent's window does
    qtbot.waitUntil(dialog.isActiveWindow)
    keys(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.host_ref
    keys(qtbot, dialog, Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is dialog.time
    keys(qtbot, dialog, Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is dialog.officer
    keys(qtbot, dialog, Qt.Key.Key_Tab, "1005", Qt.Key.Key_Tab, "JRN123")
    assert dialog.time.time().toString("HH:mm") == "10:05" and dialog.host_ref.text() == "JRN123"


def test_reversal_dialog_shows_the_whole_transfer_on_a_small_screen(qtbot, qapp):
    """Opened narrower than its size hint (1024x768 at 125 %; the offscreen screen is as
    small), the dialog grew no taller for its wrapped text: the amount, the account and the
    reference the supervisor approves were cut off at the top and bottom."""
    detail = ("Transfer Switching Rp 250.000 · 888801000003301 — BRIAPI SANDBOX · 05/12/2026 19:23 WIB · "
              "Nomor referensi 2612051923332460\n\nTransfer dibatalkan di switcher dan Rp 250.000 kembali ke "
              "rekening sumber agen. Perlu alasan dan PIN supervisor.")
    qapp.setStyleSheet(load_style())  # the app's fonts and margins
    dialog = shown(qtbot, ReversalDialog(None, detail))
    dialog.reason.setFocus()
    keys(qtbot, dialog, "Salah nomor rekening", Qt.Key.Key_Return, PIN)
    label = dialog.detail
    qtbot.wait(100)  # the layout is laid out again after the dialog grew
    assert label.height() >= label.heightForWidth(label.width())
    assert dialog.height() >= dialog.heightForWidth(dialog.width())
