"""Koneksi Host at 1024x768 at 125 % (819x614 logical pixels) and at 1366x768, in both
languages (walked at the counter).

The tabs were as tall as the tallest tab: on Bank+ (three fields) a screen of empty card
lay between its last field and "Simpan", which was below the fold; and Bank+'s "Telepon call
center", alone in a row of three columns, was narrower than the address above it. Each tab
is now as tall as its own fields, a host has no more columns than its rows fill, and Tab
goes from the first field through every one to "Simpan", each in sight when it arrives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from app.gui import translations_dir
from tests.ui.test_focus_in_view import in_sight
from tests.ui.test_narrow_window import NARROW, sized
from tests.ui.uidrive import focused, key, log_in
from ui import i18n
from ui.keyboard import show_in_scroll

TIMEOUT = 10_000
WIDE = (1366, 768)


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    i18n.install("id", translations_dir())


def rect_in(widget, screen) -> QRect:
    return QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["1024x768-125", "1366x768"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_each_tab_is_its_own_height_and_the_keyboard_reaches_simpan_in_sight(qtbot, qapp, request, language,
                                                                               size):
    assert i18n.install(language, translations_dir())
    shell = log_in(qtbot, request.getfixturevalue("loket"))
    sized(qapp, shell, *size)
    shell.open("host_settings")
    screen = shell.screen("host_settings")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    for host, index in screen._tab_of.items():
        screen.tabs.setCurrentIndex(index)
        qapp.processEvents()
        edits = screen.edits[host]
        first = edits.get("base_url") or next(iter(edits.values()))
        screen.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)  # the supervisor chose this tab there
        show_in_scroll(screen.tabs.tabBar())
        key(qtbot, shell, Qt.Key.Key_Tab)
        assert focused(shell) is first, host
        seen = []
        while focused(shell) is not screen.save_button:
            widget = focused(shell)
            assert screen.tabs.currentWidget().isAncestorOf(widget), (host, seen)  # not past Simpan
            assert in_sight(widget), (host, widget.objectName())
            seen.append(widget)
            assert len(seen) < 30
            key(qtbot, shell, Qt.Key.Key_Tab)
        assert in_sight(screen.save_button), host
        assert set(edits.values()) <= set(seen), host  # every field on the way
        # Simpan right under the tab's last field, not under the tallest tab's
        page = screen.tabs.currentWidget()
        last_field = max((rect_in(edit, screen).bottom() for edit in page.findChildren(type(first))
                          if edit.isVisible()))
        assert rect_in(screen.save_button, screen).top() - last_field < 90, host
    # Bank+'s call center as wide as its address (it was a column of three, two of them empty)
    screen.tabs.setCurrentIndex(screen._tab_of["bankplus"])
    qapp.processEvents()
    bankplus = screen.edits["bankplus"]
    assert bankplus["call_center"].width() == bankplus["base_url"].width()
