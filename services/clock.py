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


def host_moment(text: str) -> datetime | None:
    """A host's ISO-8601 moment with its offset ("Z" for UTC), else None (never a guess).

    Decision: so is one at the calendar's edge that has no UTC time (how .NET writes a date
    never set, ``DateTime.MinValue``, at its zone: ``0001-01-01T00:00:00+07:00``; its
    ``MaxValue`` west of UTC). Held against another moment it overflowed Python's datetime:
    a bare ``OverflowError`` out of whatever compared it (a DOKU VA's expiry, a SNAP refusal's
    time), where the host had said something a program reads."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        if moment.tzinfo is None:
            return None
        moment.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return None
    return moment


def format_wib(moment: datetime) -> str:
    """``21/11/2026 14:05 WIB``: the form screens, receipts and reports use."""
    return moment.astimezone(WIB).strftime("%d/%m/%Y %H:%M WIB")


def format_business_date(business_date: str) -> str:
    """``2026-11-21`` -> ``21/11/2026``: a business day as screens and paper show it (the
    journal's ISO form is for machines; a slip printed it once beside ``format_wib``'s date)."""
    year, month, day = business_date.split("-")
    return f"{day}/{month}/{year}"


def iso(moment: datetime) -> str:
    """ISO-8601 with offset and milliseconds, the journal's time format."""
    return moment.astimezone(WIB).isoformat(timespec="milliseconds")
