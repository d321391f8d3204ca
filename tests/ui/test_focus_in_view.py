"""Day walk at 1024x768 and 125 % (819x614 logical pixels): the cursor given back to a widget
below the page's fold was out of sight. Beranda with two pending transactions at the top:
the supervisor PIN for Koneksi Host asked and cancelled with Esc, the keyboard went back to
"Setor Tunai", far below the visible part of the page, where an Enter would open it unseen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt

from tests.ui.every_screen import uncertain_and_refused
from tests.ui.screenshots import settle
from tests.ui.test_narrow_window import NARROW, sized
from tests.ui.uidrive import USERNAME, ModalKeys, focused
from ui.screen_fit import scroll_areas


def in_sight(widget) -> bool:
    for area in scroll_areas(widget):
        viewport = area.viewport()
        shown = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        if not viewport.rect().contains(shown):
            return False
    return True


def test_the_keyboard_given_back_after_a_cancelled_supervisor_pin_is_in_sight(qtbot, qapp, shell, context):
    uncertain_and_refused(context, USERNAME)  # Beranda lists them above its shortcuts
    context.dayclose.supervisors.set_pin("Ibu Rina", "246802")
    gate = shell.counter.gate
    gate.refresh()
    qtbot.waitUntil(lambda: gate.has_supervisor is True, timeout=10_000)
    sized(qapp, shell, *NARROW)
    shell.open("deposit")
    shell.open("home")
    home = shell.screen("home")
    qtbot.waitUntil(lambda: home.loaded, timeout=10_000)
    settle(qapp)
    first = focused(shell)
    assert first is not None and first.text() == "Setor Tunai"
    for area in scroll_areas(first):
        area.verticalScrollBar().setValue(0)  # the agent reads the pending list at the top
    settle(qapp)
    assert not in_sight(first)
    answer = ModalKeys(qtbot, Qt.Key.Key_Escape)
    shell.open("host_settings")  # the supervisor PIN, then Esc
    qtbot.waitUntil(lambda: answer.seen == ["supervisorDialog"], timeout=10_000)
    settle(qapp)
    assert focused(shell) is first and in_sight(first)
