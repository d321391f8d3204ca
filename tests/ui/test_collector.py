"""The cycle collector runs on the GUI thread only (``ui/collector.py``): a collection on a
worker destroyed Qt objects there, and the suite once froze for good in such a deadlock."""

from __future__ import annotations

import gc
import threading

from ui.collector import GuiThreadCollector
from ui.worker import Worker


def test_cycles_made_on_a_worker_are_collected_on_the_gui_thread(qtbot, qapp):
    gc.enable()  # as at a start, before the app installs its collector
    collector = GuiThreadCollector(qapp)
    on_gui_thread: list[bool] = []

    def started(phase: str, _info: dict) -> None:
        if phase == "start":
            on_gui_thread.append(threading.current_thread() is threading.main_thread())

    def churn() -> int:
        for _ in range(50_000):
            cycle: list = []
            cycle.append(cycle)
        return 0

    gc.callbacks.append(started)
    try:
        worker = Worker()
        done: list = []
        worker.run(churn, on_success=done.append, on_failure=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        qtbot.waitUntil(lambda: bool(on_gui_thread), timeout=5_000)  # the collector's turn
    finally:
        gc.callbacks.remove(started)
        collector.deleteLater()
    assert done == [0] and all(on_gui_thread)
    assert not gc.isenabled()
