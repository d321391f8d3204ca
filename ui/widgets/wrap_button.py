"""A push button whose name wraps onto as many lines as its width needs.

Product buttons share a page's width in equal columns; at 1024x768 or at 125 % scaling a
column is narrower than "PLN Pascabayar (Tagihan Listrik)", and a button cuts what does
not fit. This one breaks its name between words to fit the width it was given, so every
word stays readable and the button grows a line taller instead.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton


def wrapped(words: list[str], fits) -> str:
    """``words`` greedily on lines for which ``fits(line)``; a word too long stays whole."""
    lines: list[str] = []
    for word in words:
        if lines and fits(f"{lines[-1]} {word}"):
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


class WrappingButton(QPushButton):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def contents(self) -> QRect:
        """Where the text goes: inside the style sheet's border and padding."""
        option = QStyleOptionButton()
        option.initFrom(self)
        return self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        metrics, room = self.fontMetrics(), self.contents().width()
        text = wrapped(self.name.split(), lambda line: metrics.horizontalAdvance(line) <= room)
        if text != self.text():
            self.setText(text)
            # the style sheet's size hint keeps one line's height: ask for every line, plus
            # the frame and padding around them
            around = self.height() - self.contents().height()
            self.setMinimumHeight((text.count("\n") + 1) * metrics.lineSpacing() + around)
