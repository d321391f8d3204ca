"""Run by ``test_window_activation_x11`` on a real X server (Xvfb, Qt's xcb platform, no
window manager): the real windows of a counter session, and after each step which window is
active and which widget has the keyboard, one JSON object per line on stdout.

Not a test itself: Qt's offscreen platform activates every window it shows, so what a window
switch does to the keyboard is only seen where nothing activates a window but Loket."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.context import build_context  # noqa: E402
from app.gui import WINDOW_SIZE, Loket, load_style  # noqa: E402
from services.profile import Profile  # noqa: E402
from ui.screen_fit import show_fitted  # noqa: E402


def settle(app: QApplication, until=lambda: True, timeout: float = 5.0) -> bool:
    """Events until ``until()`` holds (True) or ``timeout`` passes (False), then a little
    more, so the X server's answers to what was asked (focus, activation) are in."""
    deadline = time.monotonic() + timeout
    met = False
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if until():
            met = True
            break
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return met


def name(widget: QWidget | None) -> str | None:
    return None if widget is None else widget.objectName() or type(widget).__name__


def report(step: str, window: QWidget) -> None:
    app = QApplication.instance()
    print(json.dumps({"step": step, "active": window.isActiveWindow(), "focus": name(app.focusWidget()),
                      "window_focus": name(window.focusWidget())}), flush=True)


def press_in_next_dialog(key: Qt.Key) -> None:
    """``key`` to the next modal dialog, once it is up, as the agent's key would go."""
    def go() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.focusWidget() is None:
            QTimer.singleShot(20, go)
            return
        QTest.keyClick(dialog.focusWidget(), key)

    QTimer.singleShot(0, go)


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    with tempfile.TemporaryDirectory(prefix="loket-x11-") as folder:
        context = build_context(Profile(folder))
        context.dayclose.shifts.open(0, "BNIUS100294")
        creds = context.sandbox_hosts["bankplus"].credentials()
        loket = Loket(sandbox=context.sandbox)
        loket.attach(context)
        login = loket.login_window
        show_fitted(login, WINDOW_SIZE)  # as app.gui.run_gui shows it
        settle(app, login.isActiveWindow)
        report("login window shown", login)

        form = login.form
        form.username.setText(creds["username"])
        form.password.setText(creds["password"])
        QTest.keyClick(form.password, Qt.Key.Key_Return)
        settle(app, lambda: loket.shell is not None and loket.shell.isVisible()
               and loket.shell.screen("home").loaded and loket.shell.isActiveWindow(), timeout=10)
        shell = loket.shell
        assert shell is not None
        report("logged in: the main window", shell)

        shell.activateWindow()  # each step below starts from an active window
        settle(app, shell.isActiveWindow)
        press_in_next_dialog(Qt.Key.Key_Escape)
        shell.logout()  # "Keluar dari Loket?" answered Esc
        settle(app, shell.isActiveWindow)
        report("logout question closed with Esc", shell)

        shell.confirm = lambda *_args: True  # "Keluar dari Loket?": yes
        shell.logout()
        settle(app, lambda: loket.shell is None and login.isVisible() and login.isActiveWindow(), timeout=10)
        report("logged out: the login window", login)

        login.activateWindow()
        settle(app, login.isActiveWindow)
        login.languages.buttons["en"].click()  # the login window is built again in English
        settle(app, lambda: loket.login_window is not login and loket.login_window.isActiveWindow())
        report("language changed: the new login window", loket.login_window)
        loket.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
