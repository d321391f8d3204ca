"""Helpers that drive the real widgets the way an agent does (imported by the UI tests)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ui.screens.billpay import SETTLE_SECONDS

USERNAME, PASSWORD, PIN = "BNIUS100294", "T6jkl4ss", "359569"


class FakePin:
    """Stands in for the modal PIN dialog: answers at once and remembers what was asked."""

    def __init__(self, answer: str | None = PIN) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent, title: str, detail: str = "") -> str | None:
        self.asked.append(detail)
        return self.answer


class TypingClock:
    """A person types a key every 150 ms (qtbot types as fast as a barcode scanner): the
    scanner detector's clock, for a test that types as an agent does."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        self.t += 0.150
        return self.t


def bill_read(screen) -> None:
    """The agent has read the bill with the customer: the second a bill must be on screen
    before "Bayar sekarang" pays (``ui.screens.billpay.SETTLE_SECONDS``) has passed, without
    the test waiting it out. (``test_counter_day`` waits it out once, for real.)"""
    screen.bill_shown_at -= SETTLE_SECONDS


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def log_in(qtbot, loket, username: str = USERNAME, password: str = PASSWORD):
    form = loket.login_window.form
    form.username.clear()
    qtbot.keyClicks(form.username, username)
    qtbot.keyClicks(form.password, password)
    click(qtbot, form.submit)
    qtbot.waitUntil(lambda: loket.shell is not None and loket.shell.isVisible(), timeout=10_000)
    return loket.shell


def try_login(qtbot, loket, username: str, password: str) -> None:
    """One press of "Masuk" on the login window, its answer awaited (right or wrong)."""
    form = loket.login_window.form
    form.username.setText(username)
    form.password.setText(password)
    click(qtbot, form.submit)
    qtbot.waitUntil(lambda: loket.worker.running == 0, timeout=10_000)


def wait_idle(qtbot, loket) -> None:
    qtbot.waitUntil(lambda: loket.worker.running == 0, timeout=10_000)


def wait_result(qtbot, shell, *, read: bool = True):
    """The result screen on show, and (``read``) read: its first moments, when its buttons
    take no press (``ui.screens.result.SETTLE_SECONDS``), are over, waited out as the agent
    does. ``read=False`` for a test of those first moments."""
    qtbot.waitUntil(lambda: shell.current_screen() is shell.result, timeout=10_000)
    if read:
        result_read(qtbot, shell.result)
    return shell.result


def result_read(qtbot, result) -> None:
    """The agent has read the result on show (see ``wait_result``)."""
    qtbot.waitUntil(result.takes_presses, timeout=10_000)


def focused(shell):
    """Where a key goes: an open drop-down list (it has the keyboard), else the window's focus."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        inside = popup.focusWidget()
        return inside if inside is not None and popup.isAncestorOf(inside) else popup
    return shell.focusWidget()


def key(qtbot, shell, k, modifier=Qt.KeyboardModifier.NoModifier):
    """One key, to whatever has the focus (nothing happens if nothing has it)."""
    widget = focused(shell)
    assert widget is not None, "the keyboard goes nowhere"
    qtbot.keyClick(widget, k, modifier)


def type_text(qtbot, shell, text):
    widget = focused(shell)
    assert widget is not None, "the keyboard goes nowhere"
    qtbot.keyClicks(widget, text)


class ModalKeys:
    """Answers the next modal dialog as the agent would, once it is up and has the keyboard:
    ``typed`` into the box that has the cursor, then ``keys``, each to whatever has the
    dialog's focus. ``seen``: the object name of the dialog answered."""

    def __init__(self, qtbot, *keys: Qt.Key, typed: str = "") -> None:
        self.qtbot = qtbot
        self.keys = keys
        self.typed = typed
        self.seen: list[str] = []
        QTimer.singleShot(0, self.poll)

    def poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow() or dialog.focusWidget() is None:
            QTimer.singleShot(20, self.poll)
            return
        self.seen.append(dialog.objectName() or type(dialog).__name__)
        if self.typed:
            self.qtbot.keyClicks(dialog.focusWidget(), self.typed)
        for k in self.keys:
            self.qtbot.keyClick(dialog.focusWidget() or dialog, k)
