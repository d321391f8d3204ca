"""The sidebar on a narrow window: folded away behind the header's "Menu" button.

A 1024x768 screen at 125 % scaling gives Qt 819x614 logical pixels; beside the 232 px
sidebar the pages would have ~580 px, and the transfer forms, Riwayat's filters and the
settings need more, so they scrolled sideways. Below ``NARROW`` the sidebar leaves the row
and the pages get the whole width; "Menu" opens the same sidebar over the left of the page.
Choosing a screen, Esc, "Menu" again, or the cursor going into the page closes it. From
``NARROW`` up (1024x768 at 100 %, 1366x768 at 100 % and 125 %) nothing changes: the sidebar
stays beside the pages and the button is hidden. Ctrl+K (the palette) works either way.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QBoxLayout, QPushButton, QWidget

from ui.widgets.restyle import mark

NARROW = 1000  # logical px: 1024x768 at 100 % and 1366x768 at 125 % (1093) keep the sidebar; 819 folds it


class FoldingSidebar(QObject):
    narrowed = Signal(bool)  # the window went under NARROW (True) or back (False): the header follows

    def __init__(self, window: QWidget, sidebar: QWidget, row: QBoxLayout, pages: QWidget) -> None:
        """``sidebar``: first in ``row``, beside ``pages`` (the page scroll area), whose place
        it takes over when opened narrow."""
        super().__init__(window)
        self.window, self.sidebar, self.row, self.pages = window, sidebar, row, pages
        self.narrow = False
        self.button = QPushButton(self.tr("Menu"))
        self.button.setObjectName("menuButton")
        self.button.setCheckable(True)
        self.button.setToolTip(self.tr("Daftar layar; Ctrl+K untuk mencari layar atau produk"))
        self.button.toggled.connect(self._toggled)
        self.button.hide()
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, activated=self._escaped)
        self._escape.setEnabled(False)  # the counter's own Esc (a step back, Beranda) meanwhile
        pages.installEventFilter(self)  # its size follows the window's; where the open sidebar goes
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def is_open(self) -> bool:
        return self.narrow and self.sidebar.isVisible()

    def close(self) -> None:
        """A screen was chosen (from the sidebar, the palette, a screen's own link)."""
        self.button.setChecked(False)

    def fit(self) -> None:
        """Folded or beside the pages, by the window's width now."""
        narrow = self.window.width() < NARROW
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self.button.setChecked(False)
        self.button.setVisible(narrow)
        mark(self.sidebar, "over", narrow)  # over the page: an edge that sets it apart
        if narrow:
            self.row.removeWidget(self.sidebar)
            self.sidebar.hide()
        else:
            self.row.insertWidget(0, self.sidebar)
            self.sidebar.show()
        self.narrowed.emit(narrow)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.pages and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.fit()
            self._place()
        return False

    def _toggled(self, opened: bool) -> None:
        self._escape.setEnabled(opened)
        if not self.narrow:
            return
        self.sidebar.setVisible(opened)
        if opened:
            self._place()
            self.sidebar.raise_()
            buttons = self.sidebar.findChildren(QAbstractButton)
            current = next((button for button in buttons if button.isChecked()), buttons[0] if buttons else None)
            if current is not None:
                current.setFocus()  # the arrows and Tab go on from the screen on show

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        """A click into the page, or Tab past the last entry: the page is what the agent wants.
        Not while the window is being taken down: its widgets go one by one, moving the focus."""
        if not (shiboken6.isValid(self.sidebar) and shiboken6.isValid(self.button)):
            return
        if self.is_open() and now is not None and now is not self.button and not self.sidebar.isAncestorOf(now):
            self.button.setChecked(False)

    def _escaped(self) -> None:
        self.button.setChecked(False)
        self.button.setFocus()

    def _place(self) -> None:
        if self.is_open():
            place = self.pages.geometry()
            self.sidebar.setGeometry(place.x(), place.y(), self.sidebar.width(), place.height())
