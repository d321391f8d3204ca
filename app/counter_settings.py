"""The counter's own settings (``settings.json``), read and checked once at start-up: the
composition root hands the parsed values on, and nothing reads them by key again.

A value that is missing, of the wrong type or out of range falls back to its default, as
each setting's comment says: a hand-edited file never stops the counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Mapping

from services.limits import Limits
from services.transactions import DEFAULT_DUPLICATE_MINUTES

DEFAULT_IDLE_LOCK_MINUTES = 5.0


@dataclass(frozen=True)
class CounterSettings:
    # network.deadline_seconds: the overall time a request may take (connection and the whole
    # answer), 5 to 600 s; None keeps the default of services/hosts/http.py
    deadline_seconds: float | None = None
    # duplicate_payment_minutes: how long a SUCCESS makes the same payment ask "Ini transaksi
    # baru?" (default 15; 0 turns the question off)
    duplicate_window: timedelta = timedelta(minutes=DEFAULT_DUPLICATE_MINUTES)
    # idle_lock_minutes: the idle lock's timeout (ui/lock.py), 1 to 60 minutes: a hand-edited
    # 0 or -1 turned the lock off without a word, and 1e12 stopped Loket after the login
    # (too long for Qt's timer)
    idle_lock_minutes: float = DEFAULT_IDLE_LOCK_MINUTES
    # limits: the amounts each kind of payment accepts (services/limits.py)
    limits: Limits = Limits()

    @classmethod
    def parse(cls, settings: Mapping[str, Any]) -> "CounterSettings":
        network = settings.get("network")
        deadline = _seconds(network.get("deadline_seconds") if isinstance(network, Mapping) else None)
        duplicate = _number(settings.get("duplicate_payment_minutes"))
        idle = _number(settings.get("idle_lock_minutes"))
        return cls(
            deadline_seconds=deadline if deadline is not None and 5 <= deadline <= 600 else None,
            duplicate_window=timedelta(minutes=duplicate if duplicate is not None and duplicate >= 0
                                       else DEFAULT_DUPLICATE_MINUTES),
            idle_lock_minutes=idle if idle is not None and 1 <= idle <= 60 else DEFAULT_IDLE_LOCK_MINUTES,
            limits=Limits.parse(settings.get("limits")),
        )


def _number(value: Any) -> float | None:
    """A number as JSON holds one (a bool is not one)."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _seconds(value: Any) -> float | None:
    """The deadline also takes a number written as text ("30")."""
    try:
        return None if isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None
