"""Enter in a prompt dialog with several boxes (a reason and a supervisor's PIN): Enter in a
box moves to the next box, and only the last box's Enter reaches the dialog (its OK, once
the answers are complete). Qt's dialog alone leaves the cursor where it is, so the PIN the
supervisor typed after an Enter in the reason landed in the reason, in plain sight, and was
journaled with the reversal.

An empty masked box (a PIN) keeps the cursor on Enter: the secret typed next must go into
it, never into the visible box after it (as ``DayCloseScreen.supervisor_pin_entered``).

A time box (``QAbstractSpinBox``) may be one of the boxes: Qt passes its Enter to the
dialog, which pressed OK before the boxes after it were filled in (the manual resolution).
Tab leaves a date or time box in one step, as at the counter (``TabLeavesDateBox``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateTimeEdit, QLineEdit

from ui.keyboard import TABS, awaits_secret, leave

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterMovesOn(QObject):
    """Installed on a dialog's boxes, in their order."""

    def __init__(self, *edits: QLineEdit | QAbstractSpinBox) -> None:
        super().__init__(edits[0])
        self.edits = list(edits)
        for edit in edits:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.key() not in ENTER:
            return False
        if not isinstance(watched, (QLineEdit, QAbstractSpinBox)) or watched not in self.edits:
            return False
        if awaits_secret(watched):
            return True  # an empty PIN: the cursor stays for it (the counter's one rule, ui/keyboard.py)
        later = [edit for edit in self.edits[self.edits.index(watched) + 1:] if edit.isVisible() and edit.isEnabled()]
        if not later:
            return False  # the last box: the dialog's own Enter (OK, when enabled)
        later[0].setFocus(Qt.FocusReason.TabFocusReason)
        later[0].selectAll()
        return True


class TabLeavesDateBox(QObject):
    """Tab and Shift+Tab leave a date or time box in a dialog in one step, as they do in the
    main window (``ui.keyboard``, whose rule does not reach a dialog). Qt's own Tab walks the
    box's parts first: the manual resolution's call time (HH:mm) took two Tab stops, one
    field. Inside the box the arrows move between its parts, and typing a part moves on."""

    def __init__(self, box: QDateTimeEdit) -> None:
        super().__init__(box)
        self.box = box
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.key() not in TABS
                or event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            return False
        forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        return leave(self.box, forward=forward)
