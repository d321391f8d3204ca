"""A small horizontal bar chart painted by hand (QtCharts is not shipped: pyside6-essentials).

Horizontal bars because the labels are words ("BPJS TK BPU", "Bangka Belitung") that would
not fit under vertical bars at 1366x768. Colours come from the style sheet through
``qproperty-barColor`` / ``qproperty-textColor``.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Property, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self._points: list[tuple[str, int]] = []
        self._bar = QColor("#1f4e8c")
        self._text = QColor("#1c2733")
        self._empty_text = self.tr("Belum ada data")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(96)

    def getBarColor(self) -> QColor:
        return self._bar

    def setBarColor(self, color: QColor) -> None:
        self._bar = QColor(color)
        self.update()

    def getTextColor(self) -> QColor:
        return self._text

    def setTextColor(self, color: QColor) -> None:
        self._text = QColor(color)
        self.update()

    barColor = Property(QColor, getBarColor, setBarColor)
    textColor = Property(QColor, getTextColor, setTextColor)

    def set_points(self, points: Sequence[tuple[str, int]]) -> None:
        self._points = [(str(title), int(count)) for title, count in points]
        self.setToolTip("\n".join(f"{title}: {count}" for title, count in self._points))
        self.update()

    def points(self) -> list[tuple[str, int]]:
        return list(self._points)

    def sizeHint(self) -> QSize:
        return QSize(320, max(120, 26 * len(self._points) + 8))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._text)
        rect = self.rect().adjusted(2, 4, -2, -4)
        if not self._points:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        metrics = QFontMetrics(self.font())
        label_width = min(max(metrics.horizontalAdvance(t) for t, _ in self._points) + 10, rect.width() // 2)
        value_width = max(metrics.horizontalAdvance(str(c)) for _, c in self._points) + 10
        top = max(c for _, c in self._points) or 1
        slot = rect.height() / len(self._points)
        bar_height = min(slot * 0.62, 22.0)
        bar_space = max(rect.width() - label_width - value_width, 10)
        for index, (title, count) in enumerate(self._points):
            y = rect.top() + index * slot
            row = QRectF(rect.left(), y, label_width - 8, slot)
            painter.setPen(self._text)
            painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(label_width - 8)))
            length = bar_space * count / top
            bar = QRectF(rect.left() + label_width, y + (slot - bar_height) / 2, max(length, 2), bar_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._bar)
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(self._text)
            painter.drawText(QRectF(bar.right() + 6, y, value_width, slot),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, str(count))
