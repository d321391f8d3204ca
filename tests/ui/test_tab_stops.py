"""Tab at the counter goes only through what the agent sees and can use: an input, a button,
a list. A keyboard walk at 1024x768 at 125 % found a stop on every screen that showed
nothing: the page's scroll area took the focus between "Keluar" and the page's first box,
and a page's own list (Biaya Loket's fees, Buka Rekening's form, a report) took one more.
The agent pressed Tab and the cursor was nowhere to be seen.

Walked on every screen and in the states inside the flows (``tests/ui/every_screen.py``),
at 819x614 (1024x768 at 125 %, the sidebar folded) and at 1366x768 (the sidebar beside
the pages): the whole Tab ring of the window, each stop a visible, enabled input, button or
list, never a scroll area, and in view once Tab has reached it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.every_screen import walk
from tests.ui.screenshots import settle
from tests.ui.uidrive import PASSWORD, PIN, USERNAME
from ui.screen_fit import scroll_areas

USEFUL = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit, QTextEdit,
          QTabBar)
SIZES = {"1024x768-125": (819, 614), "1366x768": (1366, 768)}
LONGEST_RING = 120  # Beranda's shortcuts, Tagihan's products, the sidebar's screens


def name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return f"{type(widget).__name__}#{widget.objectName()}" + (f" {text[:30]!r}" if text else "")


def in_view(widget: QWidget) -> bool:
    """Some of ``widget`` is inside every scroll area's viewport it is in."""
    for area in scroll_areas(widget):
        viewport = area.viewport()
        if not viewport.rect().intersects(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())):
            return False
    return True


def tab_ring(qapp, window: QWidget) -> list[tuple[QWidget, bool]]:
    """The stops Tab visits from the window's focus widget until it comes back (or repeats),
    each with whether it was in view when Tab reached it."""
    start = window.focusWidget()
    assert start is not None, "the keyboard goes nowhere"
    stops: list[tuple[QWidget, bool]] = []
    for _ in range(LONGEST_RING):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        settle(qapp)
        now = window.focusWidget()
        if now is start or any(now is stop for stop, _seen in stops):
            break
        stops.append((now, in_view(now)))
    return stops


def wrong_stops(qapp, window: QWidget) -> list[str]:
    wrong = []
    for stop, seen in tab_ring(qapp, window):
        if isinstance(stop, QScrollArea):
            wrong.append(f"{name(stop)}: a scroll area")
        elif not isinstance(stop, USEFUL):
            wrong.append(f"{name(stop)}: nothing to use")
        elif not (stop.isVisible() and stop.isEnabled() and not stop.size().isEmpty()):
            wrong.append(f"{name(stop)}: hidden or off")
        elif not seen:
            wrong.append(f"{name(stop)}: out of view")
    return wrong


def test_every_tab_stop_on_every_screen_is_a_visible_control(qapp, request):
    request.getfixturevalue("context").dayclose.shifts.open(0, "BNIUS100294")
    loket = request.getfixturevalue("loket")
    found: list[str] = []

    def visit(widget: QWidget, state: str) -> None:
        if widget.objectName() == "palette":
            return  # a search box over its list (the list takes no focus)
        for size, (width, height) in SIZES.items():
            widget.showNormal()
            widget.resize(width, height)
            settle(qapp)
            found.extend(f"{size} {state}: {wrong}" for wrong in wrong_stops(qapp, widget))

    walk(qapp, loket, {"username": USERNAME, "password": PASSWORD, "pin": PIN}, visit)
    assert found == [], "\n".join(found)
