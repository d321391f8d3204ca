"""Lines of text that end in "…" when the label has less room than they need, whole in its
tooltip: the header's agent name over "Kode agen …". A partner's long name must not push
the window wider than a 1024x768 screen at 125 % (819 logical pixels), where it would
carry the header's Keluar off the screen.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

LEAST_WIDTH = 90  # what is left of a long name: its first word or so


class ElidingLines(QLabel):
    def __init__(self, lines: list[str]) -> None:
        """``lines``: the first one bold (a name), the others plain (its code)."""
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.lines = lines
        self.setToolTip("\n".join(lines))
        self._show(lines)
        self._whole = super().sizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._whole

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(min(LEAST_WIDTH, self._whole.width()), self._whole.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        room = self.contentsRect().width()
        bold = self.font()
        bold.setBold(True)
        shorten = Qt.TextElideMode.ElideRight
        self._show([QFontMetrics(bold if number == 0 else self.font()).elidedText(line, shorten, room)
                    for number, line in enumerate(self.lines)])

    def _show(self, lines: list[str]) -> None:
        first, *rest = (escape(line) for line in lines)
        self.setText("<br>".join([f"<b>{first}</b>", *rest]))
