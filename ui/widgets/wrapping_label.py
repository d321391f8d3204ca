"""A word-wrapped label that asks its layout for every line it wraps onto.

A layout sizes a page by its widgets' minimum heights, and a wrapped QLabel's is one line:
in a page that scrolls, a message or value that wraps to two lines then squeezes the lines
under it (a result's Total) instead of making the page scroll.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:  # at run time, importing QtGui's event classes builds QEvent's 179-member enum (~5 ms)
    from PySide6.QtGui import QResizeEvent


class WrappingLabel(QLabel):
    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._sized = False  # given its width by a layout at least once

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._sized = True
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """A label kept and given new text (the result screen's lines): as many lines as
        the new text wraps onto, not the old one's."""
        super().setText(text)
        if self._sized:  # before its first layout its width is no measure
            self._fit()

    def _fit(self) -> None:
        # QLabel's heightForWidth never answers less than the minimum height: measured with
        # it in place, a label that once wrapped onto more lines (a longer text, a narrower
        # window, a bigger font) would keep their height for good.
        held = self.minimumHeight()
        self.setMinimumHeight(0)
        wanted = self.heightForWidth(self.width())
        self.setMinimumHeight(wanted if wanted > 0 else held)


def breakable_path(path: object) -> str:
    """A folder path that a word-wrapped label may break after any separator (a path is
    one long word, wider than a narrow window)."""
    return str(path).replace("\\", "\\\u200b").replace("/", "/\u200b")
