"""Where the keyboard is, seen on screen (counter walk in Indonesian at 1366x768): a button
or a radio choice that has the focus looks different from its neighbours, so a keyboard-only
agent knows what Enter or Space will press. The style sheet's borders had replaced the
platform's focus rectangle: Beranda's first shortcut, Buka Rekening's two "Pilih berkas…"
and "Cetak ulang" beside "Lihat struk" looked the same focused or not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from tests.ui.test_bankplus_screens import open_screen
from tests.ui.test_counter_day import deposit_paid_by_enter
from tests.ui.uidrive import focused, key

TIMEOUT = 10_000
RING = 3  # pixels: the edge where a focus ring is drawn


def edge(widget) -> list[QColor]:
    """The colours of the widget's outer ``RING`` pixels, as painted now."""
    image = widget.grab().toImage()
    width, height = image.width(), image.height()
    return [image.pixelColor(x, y) for x in range(width) for y in range(height)
            if min(x, y, width - 1 - x, height - 1 - y) < RING]


def changed_share(before: list[QColor], after: list[QColor]) -> float:
    assert len(before) == len(after), "the focus must not change the widget's size"
    return sum(a != b for a, b in zip(before, after)) / len(before)


def shows_focus(qtbot, shell, widget, elsewhere) -> bool:
    """Whether ``widget``'s edge changes when the focus moves from it to ``elsewhere``."""
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow, timeout=TIMEOUT)  # :focus is drawn in the active window
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=TIMEOUT)
    focused_edge = edge(widget)
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: not widget.hasFocus(), timeout=TIMEOUT)
    return changed_share(edge(widget), focused_edge) > 0.5


def test_beranda_shows_which_shortcut_enter_opens(qtbot, shell):
    home = shell.screen("home")
    first = focused(shell)
    assert first.text() == "Setor Tunai"  # where Beranda puts the focus
    second = first.nextInFocusChain()
    assert shows_focus(qtbot, shell, first, second)
    assert shows_focus(qtbot, shell, second, first)
    assert home.isVisible()


def test_buka_rekening_shows_which_picture_and_which_radio_has_the_keyboard(qtbot, shell):
    screen = open_screen(qtbot, shell, "open_account")
    qtbot.waitUntil(lambda: screen.master_loaded, timeout=TIMEOUT)
    ktp, photo = (picker.button for picker in screen.images.values())
    assert ktp.text() == photo.text() == "Pilih berkas…"
    assert shows_focus(qtbot, shell, ktp, photo)
    man, woman = screen.gender_buttons["l"], screen.gender_buttons["p"]
    assert shows_focus(qtbot, shell, man, screen.name)
    assert shows_focus(qtbot, shell, woman, screen.name)


def test_the_result_screen_shows_which_button_tab_reached(qtbot, shell, loket, pin):
    _deposit, result = deposit_paid_by_enter(qtbot, shell, loket)
    assert focused(shell) is result.new_button
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow, timeout=TIMEOUT)
    key(qtbot, shell, Qt.Key.Key_Tab)
    home = focused(shell)
    assert home is result.home_button
    assert shows_focus(qtbot, shell, result.new_button, home)  # the primary button too
    assert shows_focus(qtbot, shell, home, result.new_button)


def test_a_focused_button_keeps_its_size(qtbot, shell):
    """The ring takes the padding's place: nothing on the page moves as the focus goes by."""
    first = focused(shell)
    second = first.nextInFocusChain()
    sizes = (first.size(), second.size())
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow, timeout=TIMEOUT)
    second.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(second.hasFocus, timeout=TIMEOUT)
    assert (first.size(), second.size()) == sizes
    assert QImage(first.grab().toImage()).size() == first.size()
