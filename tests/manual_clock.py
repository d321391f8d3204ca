"""A monotonic clock a test moves by hand (``clock.t += 61``), for what takes ``now=``:
lockouts and their waits, without sleeping."""

from __future__ import annotations


class ManualClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t
