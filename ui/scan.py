"""A barcode scanner is a keyboard that types very fast and ends with Enter.

``ScanDetector`` watches the key presses the shell's counter filter hands it and calls a
burst of at least ``MIN_LENGTH`` characters, each within ``MAX_GAP`` seconds of the one
before and closed by Enter, a scan. No person types that fast, so a scan can be routed:

* focus already in the screen's customer-number field: the field gets exactly the scanned
  digits (a leftover number from the previous customer is replaced, never appended to) and
  the Enter goes on as usual, which is the screen's next step (look up, check the bill);
* focus anywhere else: whatever the burst typed there is undone, the digits go into the
  screen's customer-number field, and Enter is pressed there.

A screen names its customer-number field with ``scan_target = "<Field name>"`` (a class
attribute or a property, e.g. the bill form's first digits input). A screen without one, a
target that is not on show, or a burst that is not all digits is left alone.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from services.validation import is_digits
from ui.screens.base import Screen

MIN_LENGTH = 6
MAX_GAP = 0.030  # seconds between two keys of a scanner; a fast typist needs > 80 ms
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanDetector(QObject):
    scanned = Signal(str)

    def __init__(self, current_screen: Callable[[], QWidget | None], *,
                 now: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current_screen = current_screen
        self.now = now
        self._chars: list[str] = []
        self._last = 0.0
        self._origin: QLineEdit | None = None
        self._origin_text = ""

    def _reset(self) -> None:
        self._chars = []
        self._origin = None

    def key_press(self, receiver: QWidget, event: QKeyEvent) -> bool:
        """Feed one key press that reached the focus widget; True = the event was used up."""
        at = self.now()
        fast = bool(self._chars) and at - self._last < MAX_GAP
        if event.key() in ENTER:
            burst = "".join(self._chars) if fast and len(self._chars) >= MIN_LENGTH else ""
            origin, origin_text = self._origin, self._origin_text
            self._reset()
            if not burst:
                return False
            self.scanned.emit(burst)
            return self._route(burst, receiver, origin, origin_text)
        text = event.text()
        if len(text) != 1 or not text.isprintable() or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._reset()
            return False
        if not fast:
            self._reset()
            if isinstance(receiver, QLineEdit):  # what to put back if this turns out to be a scan
                self._origin, self._origin_text = receiver, receiver.text()
        self._chars.append(text)
        self._last = at
        return False

    def target(self) -> QLineEdit | None:
        screen = self.current_screen()
        name = screen.scan_target if isinstance(screen, Screen) else None
        field = screen.field(name) if isinstance(screen, Screen) and name else None
        editor = field.editor if field is not None else None
        if isinstance(editor, QLineEdit) and editor.isVisible() and editor.isEnabled() and not editor.isReadOnly():
            return editor
        return None

    def _route(self, digits: str, receiver: QWidget, origin: QLineEdit | None, origin_text: str) -> bool:
        target = self.target()
        if target is None or not is_digits(digits):
            return False
        if receiver is target:
            if target.text() != digits:
                target.setText(digits)
                target.textEdited.emit(digits)  # what typing would have told the screen
            return False  # Enter goes on: the screen's next step
        if origin is not None and origin is receiver and origin.text() != origin_text:
            origin.setText(origin_text)
        target.setText(digits)
        target.textEdited.emit(digits)
        target.setFocus()
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                                 Qt.KeyboardModifier.NoModifier, "\r"))
        return True
