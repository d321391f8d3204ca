"""Lines of text that end in "…" when the label has less room than they need, whole in its
tooltip: the header's agent name over "Kode agen …" (which gives way to the bare code, whole,
never cut). A partner's long name must not push the window wider than a 1024x768 screen at
125 % (819 logical pixels), where it would carry the header's Keluar off the screen.
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
    def __init__(self, lines: list[str], short: dict[int, str] | None = None) -> None:
        """``lines``: the first one bold (a name), the others plain (its code). ``short``: a
        line's shorter form, by its index (``{1: "BNI014100294"}`` for "Kode agen
        BNI014100294"), shown whole where the line does not fit, never cut: "Kode agen BNI0…",
        beside the header's "BNI: tidak terhubung", named no agent."""
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.lines = lines
        self.short = short or {}
        self.setToolTip("\n".join(lines))
        self._show(lines)
        self._whole = super().sizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._whole

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """A long name gives way to its first word or so, a line with a short form to it whole."""
        margins = self.contentsMargins()
        kept = max((self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
                    for text in self.short.values()), default=0)
        return QSize(min(max(LEAST_WIDTH, kept), self._whole.width()), self._whole.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        room = self.contentsRect().width()
        bold = self.font()
        bold.setBold(True)
        shorten = Qt.TextElideMode.ElideRight
        shown = []
        for number, line in enumerate(self.lines):
            metrics = QFontMetrics(bold if number == 0 else self.font())
            if number in self.short and metrics.horizontalAdvance(line) > room:
                line = self.short[number]
            shown.append(metrics.elidedText(line, shorten, room))
        self._show(shown)

    def _show(self, lines: list[str]) -> None:
        first, *rest = (escape(line) for line in lines)
        self.setText("<br>".join([f"<b>{first}</b>", *rest]))
