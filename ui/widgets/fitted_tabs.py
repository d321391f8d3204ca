"""A tab widget as tall as the page on show, not as its tallest page.

Qt's ``QTabWidget`` asks every page for its size and takes the largest: Koneksi Host's
Bank+ tab (three fields) was as tall as DOKU's (eight and a note), so at 1024x768 at 125 %
"Simpan" sat below a screen of empty card, out of sight, and the supervisor had to hunt for
it. Here the tab bar and the frame (what Qt adds around a page) are measured once from
Qt's own hint, and the page on show adds its own size, or its height for a width when its
text wraps. Turning to another tab lays the screen out again.

A page that scrolls itself (a table, a text box) asks for no more than its minimum: it
shows the rest by scrolling and takes whatever room the screen has left. Qt's hint for one
is 192px whatever it holds, which put Riwayat's detail tabs below the fold at 1024x768 at
125 %."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea, QTabWidget, QWidget


class FittedTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None, *, objectName: str = "") -> None:  # noqa: N803 - Qt's name
        super().__init__(parent, objectName=objectName)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def _chrome(self) -> QSize:
        """What the tab bar and the frame add to a page: Qt's hint less its largest page's."""
        pages = [self.widget(index).sizeHint() for index in range(self.count()) if self.isTabVisible(index)]
        largest = QSize(max((page.width() for page in pages), default=0),
                        max((page.height() for page in pages), default=0))
        return super().sizeHint() - largest

    def _fitted(self, page_size: QSize, qt_size: QSize) -> QSize:
        return QSize(qt_size.width(), self._chrome().height() + page_size.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        if page is None:
            return super().sizeHint()
        wanted = page.minimumSizeHint() if isinstance(page, QAbstractScrollArea) else page.sizeHint()
        return self._fitted(wanted, super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return (super().minimumSizeHint() if page is None
                else self._fitted(page.minimumSizeHint(), super().minimumSizeHint()))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        if page is None or not page.hasHeightForWidth():
            return super().heightForWidth(width)
        chrome = self._chrome()
        return chrome.height() + page.heightForWidth(width - chrome.width())
