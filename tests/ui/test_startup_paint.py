"""The login window is painted before the services are built.

``app.gui.run_gui`` shows the login window and builds the services (a second or more on a
kiosk) from the event loop's first turn. Qt runs that turn's posted events before it asks the
window system for its own (expose, paint): without a turn for the window system first, the
login window stayed blank until the services were ready.
"""

from __future__ import annotations

import argparse
import threading

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import app.context
from app import gui
from ui.screens.login import LoginWindow


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def login_window() -> LoginWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible())


def login_ready() -> bool:
    """The services are attached: the login button works (it said "Menyiapkan…" until then)."""
    return login_window().form.submit.isEnabled()


def until_ready(qtbot, seen: dict) -> int:
    """Qt's event loop, replaced: until the services are built and attached."""
    qtbot.waitUntil(lambda: "context" in seen and login_ready(), timeout=15_000)
    for widget in QApplication.topLevelWidgets():
        widget.hide()
    return 0


def run_gui(monkeypatch, tmp_path, seen: dict, build_context, loop) -> None:
    """``run_gui`` over a new profile with ``build_context`` and the event loop replaced (once
    a QApplication has quit, every later event loop of the test run returns at once)."""
    monkeypatch.setattr(app.context, "build_context", build_context)
    monkeypatch.setattr(gui, "run_event_loop", loop)
    monkeypatch.setattr(gui, "quit_app", lambda: None)
    try:
        assert gui.run_gui(argparse.Namespace(profile=str(tmp_path / "profile"), live=False, sandbox=False)) == 0
    finally:
        if "context" in seen:
            seen["context"].close()


def test_the_login_window_is_painted_before_the_services_are_built(qtbot, monkeypatch, tmp_path):
    counter = PaintCounter()
    seen: dict = {}
    real_show_fitted, real_build_context = gui.show_fitted, app.context.build_context

    def show_fitted(window: QWidget, size: tuple[int, int]) -> None:
        if isinstance(window, LoginWindow):
            window.installEventFilter(counter)
        real_show_fitted(window, size)

    def build_context(*args, **kwargs):
        seen["paints before the services"] = counter.paints
        seen["context"] = real_build_context(*args, **kwargs)
        return seen["context"]

    monkeypatch.setattr(gui, "show_fitted", show_fitted)
    run_gui(monkeypatch, tmp_path, seen, build_context, lambda _app: until_ready(qtbot, seen))
    assert seen["paints before the services"] >= 1


def test_the_login_window_answers_while_the_services_are_built(qtbot, monkeypatch, tmp_path):
    """At a kiosk a year old the services take seconds to build (SQLite's integrity check of
    a 200,000-row journal, every Laporan Z checked against its day: 2 s here, tests/bench/aged.py).
    Built on the GUI thread, the login window froze that long (Windows says "Not Responding").
    They are built in the worker: the window's event loop turns meanwhile, and its button
    refuses a login until they are ready."""
    answered = threading.Event()
    seen: dict = {}
    real_build_context = app.context.build_context

    def build_context(*args, **kwargs):
        seen["building"] = True
        # Held until the GUI thread's own timer has run once meanwhile: on the GUI thread
        # that can never happen, and the wait gives up.
        seen["the GUI thread answered"] = answered.wait(timeout=5)
        seen["context"] = real_build_context(*args, **kwargs)
        return seen["context"]

    def loop(_app) -> int:
        window = login_window()

        def beat() -> None:
            if "building" in seen and not answered.is_set():
                seen["button while building"] = window.form.submit.isEnabled()
                window.form.submit.click()  # refused: no login before the services are ready
                answered.set()

        timer = QTimer()
        timer.timeout.connect(beat)
        timer.start(5)
        return until_ready(qtbot, seen)

    run_gui(monkeypatch, tmp_path, seen, build_context, loop)
    assert seen["the GUI thread answered"], "the login window froze while the services were built"
    assert seen["button while building"] is False
