"""Time as the agent sees it: Western Indonesia Time (WIB, UTC+7), no daylight saving.

Kiosk clocks are often set to the wrong zone, so Loket never trusts the local zone: it
takes UTC from the system and shows it in WIB. A ``Clock`` is injected everywhere time is
read so tests can pin it.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")


class Clock:
    """The system clock. Tests pass a ``FixedClock``."""

    def now(self) -> datetime:
        return datetime.now(WIB)

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock(Clock):
    """A clock that only moves when told to; for tests and benchmarks."""

    def __init__(self, start: datetime) -> None:
        self._now = start.astimezone(WIB)
        self._mono = 0.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def jump(self, seconds: float) -> None:
        """The wall clock set by hand or by Windows' time sync: ``now`` moves, ``monotonic`` does not."""
        self._now += timedelta(seconds=seconds)


def format_wib(moment: datetime) -> str:
    """``21/11/2026 14:05 WIB``: the form screens, receipts and reports use."""
    return moment.astimezone(WIB).strftime("%d/%m/%Y %H:%M WIB")


def iso(moment: datetime) -> str:
    """ISO-8601 with offset and milliseconds, the journal's time format."""
    return moment.astimezone(WIB).isoformat(timespec="milliseconds")
