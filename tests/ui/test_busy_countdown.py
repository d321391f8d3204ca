"""The busy veil counts the host call's deadline down, so the agent sees the wait has an end."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.widgets.overlay import BusyOverlay


def test_the_overlay_counts_the_deadline_down(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    overlay = BusyOverlay(parent)
    overlay.start("Mengirim setoran…", deadline=75)
    assert "75" in overlay.countdown.text()
    overlay._ends -= 3  # three seconds later
    qtbot.waitUntil(lambda: "72" in overlay.countdown.text() or "71" in overlay.countdown.text(), timeout=2500)
    overlay.stop()
    overlay.start("Memuat…")  # a call without a deadline shows none
    assert overlay.countdown.text() == ""
