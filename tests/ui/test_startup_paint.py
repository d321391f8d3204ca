"""The login window is painted before the services are built.

``app.gui.run_gui`` shows the login window and builds the services (a second or more on a
kiosk) from the event loop's first turn. Qt runs that turn's posted events before it asks the
window system for its own (expose, paint): without a turn for the window system first, the
login window stayed blank until the services were ready.
"""

from __future__ import annotations

import argparse

from PySide6.QtCore import QEvent, QObject
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

    def loop(_app) -> int:
        qtbot.waitUntil(lambda: "context" in seen, timeout=15_000)
        for widget in QApplication.topLevelWidgets():
            widget.hide()
        return 0

    monkeypatch.setattr(gui, "show_fitted", show_fitted)
    monkeypatch.setattr(app.context, "build_context", build_context)
    monkeypatch.setattr(gui, "run_event_loop", loop)
    monkeypatch.setattr(gui, "quit_app", lambda: None)
    try:
        assert gui.run_gui(argparse.Namespace(profile=str(tmp_path / "profile"), live=False, sandbox=False)) == 0
    finally:
        if "context" in seen:
            seen["context"].close()
    assert seen["paints before the services"] >= 1
