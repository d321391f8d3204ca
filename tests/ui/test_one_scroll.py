"""One scroll bar per page at 1024x768 at 125 % (819x614 logical pixels).

Biaya Loket's list of fees scrolled inside a page that scrolled too: two scroll bars side by
side, and "Simpan" under the list went off the bottom with the page. Laporan X's report and
Buka Rekening's form did the same. And every page scrolled by the height of the tallest page
built so far (Beranda: a check of one account scrolled 160 px of nothing), as Qt's stack of
pages answers a width with its tallest page. Now a page that holds its own list fits the
window and only the list scrolls (the page scrolls only where even its least height does not
fit), and any other page scrolls by its own height.

The page scroll areas take no Tab stop (``tests/ui/test_tab_stops.py``); Page Up/Down (and
the arrows a box leaves unused) still scroll what the agent reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from tests.ui.every_screen import uncertain_and_refused
from tests.ui.test_narrow_window import NARROW, sized
from tests.ui.uidrive import USERNAME, focused, key, wait_idle

TIMEOUT = 10_000


def page_area(shell) -> QScrollArea:
    return shell.findChild(QScrollArea, "stackScroll")


def scrolling(screen) -> list[QScrollArea]:
    """The screen's own scroll areas that scroll now."""
    return [area for area in screen.findChildren(QScrollArea)
            if area.isVisible() and area.verticalScrollBar().maximum() > 0]


def fully_shown(widget) -> bool:
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_biaya_loket_scrolls_its_list_only_and_simpan_stays_in_view(qtbot, qapp, shell, loket):
    sized(qapp, shell, *NARROW)
    shell.open("counter_fees")  # no supervisor set yet: opens with a warning
    screen = shell.screen("counter_fees")
    assert shell.current_screen() is screen
    wait_idle(qtbot, loket)
    qtbot.waitUntil(lambda: len(scrolling(screen)) == 1, timeout=TIMEOUT)  # the fees' list
    assert page_area(shell).verticalScrollBar().maximum() == 0  # the page does not scroll as well
    assert fully_shown(screen.save_button)
    last = list(screen.edits.values())[-1]
    last.setFocus()
    key(qtbot, shell, Qt.Key.Key_Tab)  # from the last fee to Simpan: both on screen
    assert focused(shell) is screen.save_button and fully_shown(screen.save_button)


def test_a_short_page_opened_after_beranda_does_not_scroll(qtbot, qapp, shell, loket):
    sized(qapp, shell, *NARROW)
    shell.open("home")
    bar = page_area(shell).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=TIMEOUT)  # Beranda is taller than 614 px
    shell.open("check_account")
    wait_idle(qtbot, loket)
    qapp.processEvents()
    assert bar.maximum() == 0


def test_page_down_on_laporan_x_scrolls_its_report(qtbot, qapp, shell, loket, context):
    for _ in range(3):  # a report longer than the window
        uncertain_and_refused(context, USERNAME)
    sized(qapp, shell, *NARROW)
    shell.open("x_report")
    screen = shell.screen("x_report")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    wait_idle(qtbot, loket)
    report = screen.view.verticalScrollBar()
    qtbot.waitUntil(lambda: report.maximum() > 0, timeout=TIMEOUT)
    assert scrolling(screen) == [screen.view] and page_area(shell).verticalScrollBar().maximum() == 0
    screen.refresh_button.setFocus()
    key(qtbot, shell, Qt.Key.Key_PageDown)
    assert report.value() > 0
    assert focused(shell) is screen.refresh_button  # the key scrolled; the cursor stayed
    key(qtbot, shell, Qt.Key.Key_PageUp)
    assert report.value() == 0
