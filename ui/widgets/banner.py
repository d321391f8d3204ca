"""A message strip at the top of a screen: what happened and what to do next.

Kinds map to the style sheet's ``kind`` property: info (blue), success (green), warning
(amber: status unknown), error (red).
"""

from __future__ import annotations

from PySide6 import QtCore

from ui.screen_fit import scroll_areas
from ui.widgets.restyle import mark
from ui.widgets.wrapping_label import WrappingLabel


class Banner(WrappingLabel):
    """Wrapped: a long message takes more lines and its page makes room for them."""

    def __init__(self, parent=None) -> None:
        super().__init__("", parent)
        self.setObjectName("banner")
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        # Selectable (a reference can be copied), set here and not when built: a banner is
        # built hidden on the login window, and ``QtCore.Qt``'s first use costs the start.
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        mark(self, "kind", kind)
        self.setText(text)
        self.show()
        QtCore.QTimer.singleShot(0, self, self._into_view)  # once the page has made room for it

    def _into_view(self) -> None:
        """Scroll the page back to the message: on a long page scrolled down (Koneksi Host at
        1024x768, after "Cek koneksi") the answer came in above the window's edge, its first
        lines out of sight."""
        for area in scroll_areas(self):
            area.ensureWidgetVisible(self, 0, 0)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()
