"""How long the GUI thread goes without turning its event loop (tests/bench/day.py, aged.py)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer


class Heartbeat:
    """A timer every 10 ms on the GUI thread. The largest gap between two of its beats, less
    the 10 ms, is the longest the GUI thread went without turning its event loop: no key, no
    click, no paint reached the window meanwhile (Windows says "Not Responding" after 5 s; an
    agent presses the key again after about 0.3 s). ``take()`` ends a phase with its longest."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.interval = interval_ms / 1000
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.overall = 0.0  # the longest of every phase taken

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def take(self) -> float:
        """The longest stall since the last ``take`` (or ``start``), in ms; starts the next phase."""
        now = time.perf_counter()
        longest = max(self.longest, now - self.last)
        self.longest, self.last = 0.0, now
        stall = max(0.0, longest - self.interval) * 1000
        self.overall = max(self.overall, stall)
        return stall
