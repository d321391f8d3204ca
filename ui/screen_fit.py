"""Windows sized for the kiosk's real screen.

Loket is laid out for 1366x768. On such a screen at 125 % scaling (1093x614 logical pixels),
or with a taskbar taking part of the height, a fixed 1366x768 window runs off the screen
and its right and bottom edges (the header's Keluar button, a form's last button) cannot
be reached. A window that does not fit the available area is maximised into it instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QScrollArea, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

# ``QStackedWidget`` and ``QSizePolicy`` are imported where used: the login window imports this
# module, and PySide builds a Qt class (its enums too) at its name's first use, ~1.3 ms for
# these two before the window is shown, which has no stack.


def fit_window(window: QWidget, size: tuple[int, int]) -> None:
    """``size``, or as much of it as the available screen area holds (at construction)."""
    available = available_area(window)
    width, height = size
    if available is not None:
        width, height = min(width, available.width()), min(height, available.height())
    window.resize(width, height)


def show_fitted(window: QWidget, size: tuple[int, int]) -> None:
    """Show ``window``: as it is when ``size`` fits the available screen area, else
    maximised into that area. Maximised by ``showMaximized`` rather than a window state:
    reading or setting a state builds PySide's whole ``Qt`` namespace (~13 ms), which the
    login window must not pay before it is on screen at 125 %.

    Then it is the active window: the keyboard goes to it. Windows activates a window that
    is shown; X without a window manager does not, and after the login the main window (after
    "Keluar" the login window) came up with no widget holding the keyboard."""
    available = available_area(window)
    if available is None or (available.width() >= size[0] and available.height() >= size[1]):
        window.show()
    else:
        window.showMaximized()
    window.activateWindow()


def available_area(window: QWidget) -> Any:
    """The screen area ``window`` may take (the taskbar left out); None without a screen."""
    # not ``window.screen()``: the shell's ``screen(id)`` means one of its pages. A window not
    # made on screen yet (no id) has no handle: not asked then, as asking builds PySide's
    # QWindow class (~1 ms before the login window is shown)
    handle = window.windowHandle() if window.internalWinId() else None
    screen = handle.screen() if handle is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


class StackPage(QWidget):
    """A page of a ``QStackedWidget`` that asks for height only while it is on show.

    Qt's stacked layout answers a height-for-width question (word-wrapped labels make a
    page's height depend on its width) with the tallest of all its pages, shown or not, and a
    scroll area makes its page that tall: at 1024x768 and 125 % every screen was as tall as
    Beranda, 159px taller than the window (an empty Laporan Harian scrolled down to nothing),
    and Tutup Hari's summary was as tall as its sealed page, "Hitung kas di laci" below the
    window's edge. ``sized_to_current`` does the same for widths."""

    _stack_class: type | None = None  # QStackedWidget, imported at the first question (above)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        # Asked some thirty times a payment, as the result screen is laid out while its
        # receipt is made: an import statement each time went through PySide's import hook.
        stack_class = StackPage._stack_class
        if stack_class is None:
            from PySide6.QtWidgets import QStackedWidget

            stack_class = StackPage._stack_class = QStackedWidget
        stack = self.parentWidget()
        if isinstance(stack, stack_class) and stack.currentWidget() is not self:  # type: ignore[attr-defined]
            return 0
        return super().heightForWidth(width)


def sized_to_current(stack: QStackedWidget) -> None:
    """Only the page on show counts for ``stack``'s minimum size (a stack is otherwise as
    large as its largest page, so one wide page would make every other one scroll sideways)."""
    from PySide6.QtWidgets import QSizePolicy

    def size_to(index: int) -> None:
        for number in range(stack.count()):
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            stack.widget(number).setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(size_to)
    stack.widgetAdded.connect(lambda _index: size_to(stack.currentIndex()))
    size_to(stack.currentIndex())


def scroll_areas(widget: QWidget) -> Iterator[QScrollArea]:
    """The scroll areas ``widget`` is in, the nearest first."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            yield parent
        parent = parent.parentWidget()


def scroll_to_top(page: QWidget) -> None:
    """The scroll area ``page`` is in, back to the top. Called when a screen, or a step of
    one, turns to another page: the next page starts with its title and step line in view,
    not scrolled down as far as the last one was (Tutup Hari's "Selisih kas" opened with
    them cut off at 1024x768)."""
    area = next(scroll_areas(page), None)
    if area is not None:
        area.verticalScrollBar().setValue(0)


def top_on_turn(stack: QStackedWidget) -> None:
    """``scroll_to_top`` each time ``stack`` turns to another page."""
    stack.currentChanged.connect(lambda _index: scroll_to_top(stack))
