"""Transfer Antar Bank and BCA: Antar Bank: a bank searched by its name and chosen with one
Enter, never guessed among several (the money goes to that bank), and never picked by a key
or a turn of the mouse wheel that is not a choice.

Walked at the counter: the agent typed "mandiri", the list below showed the one bank it
names ("008 — BANK MANDIRI"), and pressed Enter. Nothing was chosen and nothing was said:
the field kept "mandiri", and the account typed next was refused with "Pilih bank tujuan".
(The list took Enter only on a row the arrow keys had highlighted.)
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.test_bca_interbank_screen import open_screen as open_bca
from tests.ui.test_counter_day import open_interbank
from tests.ui.uidrive import focused, key, type_text
from ui.keyboard import DOUBLE_ENTER_SECONDS

TIMEOUT = 10_000


def test_a_name_only_one_bank_has_and_enter_picks_that_bank(qtbot, shell):
    screen = open_interbank(qtbot, shell)
    type_text(qtbot, shell, "mandiri")
    qtbot.waitUntil(screen.bank.completer().popup().isVisible, timeout=TIMEOUT)
    qtbot.wait(10)  # the list is up
    key(qtbot, shell, Qt.Key.Key_Return)  # nothing highlighted in the list
    qtbot.waitUntil(lambda: focused(shell) is screen.account, timeout=TIMEOUT)
    type_text(qtbot, shell, "114451186")
    assert screen.bank.currentText() == "008 — BANK MANDIRI"  # read back as the bank it picked
    assert screen.account.text() == "114451186"


def test_a_name_several_banks_share_picks_none_and_says_how_to_pick(qtbot, shell):
    screen = open_interbank(qtbot, shell)
    type_text(qtbot, shell, "bank")
    qtbot.waitUntil(screen.bank.completer().popup().isVisible, timeout=TIMEOUT)
    qtbot.wait(10)
    key(qtbot, shell, Qt.Key.Key_Return)
    field = screen.field("bank")
    qtbot.waitUntil(lambda: field.error.isVisible(), timeout=TIMEOUT)
    assert "pilih dari daftar" in field.error.text()
    assert screen.destination_inputs()["bank"] == ""  # no bank guessed among several


# -- BCA: Antar Bank, and the keys that are not Enter -----------------------------------------------
# Offscreen Qt gives every window it shows the window focus, a list that pops up too, and
# leaves it there when the list closes (Windows keeps the main window active): the cursor the
# screen sends to the account may not stay there in these tests. So they read where the
# cursor went as it went (``Cursor``), and press a key on a list that is up (which has the
# keyboard on the agent's screen).
class Cursor:
    def __init__(self, shell) -> None:
        self.shell = shell
        self.went: list = []

    def moved(self, _old, now) -> None:
        self.went.append(now)

    def reached(self, widget) -> bool:
        """The keyboard went to ``widget`` (in an inactive window Qt only notes where it goes)."""
        return any(now is widget for now in self.went) or self.shell.focusWidget() is widget


@pytest.fixture
def cursor(shell):
    watcher = Cursor(shell)
    app = QApplication.instance()
    app.focusChanged.connect(watcher.moved)
    yield watcher
    app.focusChanged.disconnect(watcher.moved)


def open_bca_interbank(qtbot, shell, context):
    screen = open_bca(qtbot, shell, context)
    screen.bank.setFocus()
    return screen


def press(qtbot, shell, screen, k) -> None:
    """A key, to the list of banks that is up (the typed text's, or the box's own), else to
    the focus."""
    for popup in (screen.bank.completer().popup(), screen.bank.view()):
        if popup.isVisible():
            qtbot.keyClick(popup, k)
            return
    key(qtbot, shell, k)


def bank_typed(qtbot, shell, screen, text: str) -> None:
    """``text`` typed into the bank box: the list of the banks it names is up."""
    type_text(qtbot, shell, text)
    assert screen.bank.completer().popup().isVisible()


def test_bca_one_enter_on_a_name_one_bank_has_picks_it_and_moves_on(qtbot, shell, context, cursor):
    """BCA: Antar Bank took two Enters: the first only closed the list of banks, the cursor
    stayed in the bank box, and the account number typed next went onto the bank's name."""
    screen = open_bca_interbank(qtbot, shell, context)
    bank_typed(qtbot, shell, screen, "mandiri")
    press(qtbot, shell, screen, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cursor.reached(screen.account), timeout=TIMEOUT)
    assert screen.bank.currentText() == "BANK MANDIRI (BMRIIDJA)" and screen.bank.currentData() == "BMRIIDJA"


def test_bca_one_enter_on_the_row_the_arrows_highlighted_picks_it(qtbot, shell, context, cursor):
    screen = open_bca_interbank(qtbot, shell, context)
    bank_typed(qtbot, shell, screen, "bank")
    press(qtbot, shell, screen, Qt.Key.Key_Down)  # the first of the banks the list shows
    highlighted = screen.bank.completer().popup().currentIndex().data()
    press(qtbot, shell, screen, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cursor.reached(screen.account), timeout=TIMEOUT)
    assert screen.bank.currentText() == highlighted


def test_bca_enter_on_a_name_several_banks_share_guesses_none_and_stays(qtbot, shell, context, cursor):
    """"bni" is in BANK BNI (BNINIDJA) and in CIMB Niaga's BNIAIDJA: the money must not go to
    the one the list happens to show first. The second Enter moved on with no bank at all."""
    screen = open_bca_interbank(qtbot, shell, context)
    bank_typed(qtbot, shell, screen, "bni")
    field = screen.field("bank_code")
    for _ in range(2):
        press(qtbot, shell, screen, Qt.Key.Key_Return)
        qtbot.waitUntil(field.error.isVisible, timeout=TIMEOUT)
        assert "pilih dari daftar" in field.error.text()
        assert not cursor.reached(screen.account) and screen.bank_code() == ""


def test_the_down_arrow_opens_the_list_and_picks_no_bank(qtbot, shell, cursor):
    """↓ in the empty bank box picked the list's first bank (002 — BRI) and sent the cursor on
    to the account, as if the agent had chosen it; the message under the box says ↓ opens
    the list."""
    screen = open_interbank(qtbot, shell)
    press(qtbot, shell, screen, Qt.Key.Key_Down)
    qtbot.waitUntil(screen.bank.view().isVisible, timeout=TIMEOUT)
    assert screen.bank.currentIndex() == -1 and screen.bank.currentText() == ""
    assert not cursor.reached(screen.account)
    press(qtbot, shell, screen, Qt.Key.Key_Down)  # in the list: the next bank highlighted ...
    press(qtbot, shell, screen, Qt.Key.Key_Return)  # ... and chosen
    qtbot.waitUntil(lambda: cursor.reached(screen.account), timeout=TIMEOUT)
    assert screen.bank.currentIndex() >= 0 and screen.destination_inputs()["bank"] == screen.bank.currentData()


def test_the_mouse_wheel_over_the_bank_box_picks_no_bank(qtbot, shell):
    screen = open_interbank(qtbot, shell)
    screen.select_bank("008")
    centre = QPointF(screen.bank.rect().center())
    wheel = QWheelEvent(centre, QPointF(screen.bank.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(screen.bank, wheel)
    assert screen.bank.currentData() == "008" and screen.bank.currentText() == "008 — BANK MANDIRI"


def test_enter_in_the_empty_bank_box_says_how_to_pick_but_not_as_an_echo(qtbot, shell):
    """Enter in the empty box says what is missing; the echo of the Enter that opened the
    screen (a habitual double press, from another screen) says nothing."""
    screen = open_interbank(qtbot, shell)
    field = screen.field("bank")
    shell.counter.keys.last_enter = (time.monotonic(), None, None)  # the first press, on another screen
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert not field.error.isVisible()
    shell.counter.keys.last_enter = (-DOUBLE_ENTER_SECONDS, None, None)  # later: the agent's own Enter
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(field.error.isVisible, timeout=TIMEOUT)
    assert "Ketik nama atau kode bank" in field.error.text() and screen.bank.code() == ""
