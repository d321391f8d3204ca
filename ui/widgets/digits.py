"""Fields that take ASCII digits only (account, NIK, phone numbers): the validator refuses
anything else as it is typed, and the flow checks again (``services.validation``). A number
typed in two boxes (area code, then number) moves on when its first part is full
(``MovesOnWhenFull``)."""

from __future__ import annotations

from typing import Collection

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit


def digits_only(edit: QLineEdit, max_len: int) -> QLineEdit:
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{max_len}}}"), edit))
    return edit


def digits_edit(name: str, max_len: int) -> QLineEdit:
    return digits_only(QLineEdit(objectName=name), max_len)


class MovesOnWhenFull(QObject):
    """The first part of one number the agent types on without a pause (Telkom's area code,
    then the number): typed full, the cursor moves on to ``following`` by itself, and a digit
    typed on the full box (back at its end) goes on into ``following`` as the next one, where
    the full box refused it. A shorter part is ended with Tab or Enter as anywhere else.

    The Tab or Enter an agent presses by habit after a part (they cannot know the box was
    full) is the move already made: the first key after the cursor moved on by itself, if it
    is a Tab or an Enter, does nothing while ``following`` is still empty. Moved on, the Tab
    skipped the number box and the Enter checked the bill without it. Shift+Tab goes back."""

    def __init__(self, box: QLineEdit, following: QLineEdit, whole: Collection[str] = ()) -> None:
        super().__init__(box)
        self.box, self.following = box, following
        self.whole = frozenset(whole)  # shorter parts that are full all the same (Jakarta's 021)
        self.arrived = False  # the cursor moved on by itself and no key was pressed since
        box.textEdited.connect(self._edited)
        box.installEventFilter(self)
        following.installEventFilter(self)

    def _full(self) -> bool:
        text = self.box.text()
        return (len(text) >= self.box.maxLength() or text in self.whole) and self.box.cursorPosition() == len(text)

    def _edited(self, _text: str) -> None:
        if self.box.hasFocus() and self._full():  # typed here (a scan sets the text from elsewhere)
            self._move_on()

    def _move_on(self) -> None:
        self.following.setFocus(Qt.FocusReason.TabFocusReason)
        self.following.selectAll()
        self.arrived = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut and watched is self.following:
            self.arrived = False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        text = event.text()
        if watched is self.box:
            if (plain and text.isascii() and text.isdigit() and not self.box.hasSelectedText()
                    and self._full()):
                self._move_on()
                self.arrived = False  # a digit is typed there: the next Tab or Enter is the agent's own
                self.following.insert(text)
                return True
            return False
        if watched is self.following and self.arrived:
            self.arrived = False
            habit = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            return habit and not self.following.text()
        return False
