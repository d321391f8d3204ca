"""Windows sized for the kiosk's real screen.

Loket is laid out for 1366x768. On such a screen at 125 % scaling (1093x614 logical pixels),
or with a taskbar taking part of the height, a fixed 1366x768 window runs off the screen
and its right and bottom edges (the header's Keluar button, a form's last button) cannot
be reached. A window that does not fit the available area is maximised into it instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStackedWidget, QWidget


def fit_window(window: QWidget, size: tuple[int, int]) -> None:
    """``size`` when it fits the available screen area, else maximised into that area."""
    width, height = size
    # not ``window.screen()``: the shell's ``screen(id)`` means one of its pages
    handle = window.windowHandle()
    screen = handle.screen() if handle is not None else QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else None
    if available is None or (available.width() >= width and available.height() >= height):
        window.resize(width, height)
        return
    window.resize(min(width, available.width()), min(height, available.height()))
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def sized_to_current(stack: QStackedWidget) -> None:
    """Only the page on show counts for ``stack``'s minimum size (a stack is otherwise as
    large as its largest page, so one wide page would make every other one scroll sideways)."""
    def size_to(index: int) -> None:
        for number in range(stack.count()):
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            stack.widget(number).setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(size_to)
    stack.widgetAdded.connect(lambda _index: size_to(stack.currentIndex()))
    size_to(stack.currentIndex())


def scrolling(page_stack: QStackedWidget) -> QScrollArea:
    """The pages in a scroll area: a page taller or wider than a small (or scaled) screen
    scrolls inside the window instead of pushing the window off the screen. At 1366x768
    and 100 % nothing scrolls: the area gives the pages all the room there is. Only the
    page on show counts for the minimum size."""
    sized_to_current(page_stack)
    area = QScrollArea()
    area.setObjectName("stackScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page_stack)
    return area
