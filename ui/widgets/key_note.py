"""A short line under a stop of the keyboard saying what its keys are (``ui.keyboard``:
"Typing on a stop that takes no text").

Decision: the note floats over the window (a child of it, raised), rather than taking the
error line of the stop's ``Field``: a button or a tick box has no field, and a line opening in
the layout would push the form down under the agent's eyes, the next box too. It goes as soon
as the cursor moves (an arrow choosing, Enter moving on, a click) or another key is pressed:
it answers the key just typed, nothing else. And it goes by itself after ``SHOWN_SECONDS``:
left up until the next key, it stayed over what the agent reads next where it has no room
of its own (the work-list's call center number at 1024x768 at 125 %, Riwayat's first rows),
while its two lines are read in a second or two.

Decision: under the stop; where the window ends below it, beside it (to its right) if there
is room, and only then above it. The stops with nothing under them are the buttons at a page's
foot, and above them is the page the agent is reading: on an uncertain result at 1024x768 at
125 % the line above "Ke Beranda" covered the total and the "No. referensi" its words say to
give the customer, while the row of buttons had room to the right.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

GAP = 4  # pixels between the stop and the note
MARGIN = 8  # the note keeps this far from the window's edges
NARROWEST = 320  # a note under a small radio still reads as one or two lines
SHOWN_SECONDS = 6.0  # then it goes by itself


class KeyNote(QLabel):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("keyNote")
        self.setWordWrap(True)
        self.hide()
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.hide)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def show_under(self, stop: list[QWidget], text: str) -> None:
        """``text`` under the widgets of one stop (a radio group's radios), inside the window:
        where the window ends below them, beside them if there is room, else above them."""
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
        height = self._height_at(width)
        y = area.bottom() + 1 + GAP
        if y + height > window.height() - MARGIN:  # no room under it
            beside = area.right() + 1 + GAP
            if beside + NARROWEST <= window.width() - MARGIN:
                x, width = beside, NARROWEST
                height = self._height_at(width)
                y = max(MARGIN, min(area.top(), window.height() - MARGIN - height))
            else:
                y = max(MARGIN, area.top() - GAP - height)
        self.setGeometry(x, y, width, height)
        self.raise_()
        self.show()
        self._expiry.start(round(SHOWN_SECONDS * 1000))

    def _height_at(self, width: int) -> int:
        """The height of the words at ``width``: measured with that width set, as the width
        the last note kept (770 under a wide button) would have the words measured at it."""
        self.setFixedWidth(width)
        return self.heightForWidth(width)

    def _focus_moved(self) -> None:
        if shiboken6.isValid(self):
            self.hide()
