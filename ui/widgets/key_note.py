"""A short line under a stop of the keyboard saying what its keys are (``ui.keyboard``:
"Typing on a stop that takes no text").

Decision: the note floats over the window (a child of it, raised), rather than taking the
error line of the stop's ``Field``: a button or a tick box has no field, and a line opening in
the layout would push the form down under the agent's eyes, the next box too. It goes as soon
as the cursor moves (an arrow choosing, Enter moving on, a click) or another key is pressed:
it answers the key just typed, nothing else.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

GAP = 4  # pixels between the stop and the note
MARGIN = 8  # the note keeps this far from the window's edges
NARROWEST = 320  # a note under a small radio still reads as one or two lines


class KeyNote(QLabel):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("keyNote")
        self.setWordWrap(True)
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def show_under(self, stop: list[QWidget], text: str) -> None:
        """``text`` under the widgets of one stop (a radio group's radios), inside the window:
        above them where the window ends below them."""
        window = self.parentWidget()
        if window is None:
            return
        area = QRect()
        for widget in stop:
            area = area.united(QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size()))
        self.setText(text)
        self.ensurePolished()  # the style sheet's font and padding: the first note is measured with them too
        x = max(MARGIN, min(area.left(), window.width() - NARROWEST - MARGIN))
        width = max(1, min(max(area.width(), NARROWEST), window.width() - x - MARGIN))
        self.setFixedWidth(width)
        height = self.heightForWidth(width)
        y = area.bottom() + 1 + GAP
        if y + height > window.height() - MARGIN:
            y = max(MARGIN, area.top() - GAP - height)
        self.setGeometry(x, y, width, height)
        self.raise_()
        self.show()

    def _focus_moved(self) -> None:
        if shiboken6.isValid(self):
            self.hide()
