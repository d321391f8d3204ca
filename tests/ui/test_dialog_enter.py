"""Enter in the prompts that take a reason and a supervisor's PIN (Reversal in Riwayat, the
supervisor's approval): Enter moves from box to box, an empty PIN keeps the cursor, and the
PIN typed after an Enter never lands in the visible reason (it was journaled with the
reversal). Driven by keys on the real dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.screens.resolution_dialogs import ReversalDialog
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
