"""Which business day a transaction belongs to: the rule a ``Journal`` is built with.

A row belongs to the calendar day in WIB on which it was written, unless Tutup Hari has
sealed that day: then to the day after the last sealed one. The journal keeps how far the
days are sealed in its own ``meta`` table (``sealed_through``, written by the day close in
the same transaction as the seal), so every process that opens the file, the app, the
command line or a support script, stamps new rows with the same business day; the
``dayclose_txn_sealed_day`` trigger still refuses a row for a sealed day from any writer.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable

from services.clock import WIB

SEALED_THROUGH = "sealed_through"  # meta key: the last sealed business day, "" when none

# (moment, last sealed day or None) -> business date "YYYY-MM-DD"
BusinessDayRule = Callable[[datetime, "str | None"], str]


def after_sealed(moment: datetime, sealed_through: str | None) -> str:
    """The calendar day in WIB, or the day after the last sealed day if that is later."""
    day = moment.astimezone(WIB).date().isoformat()
    if sealed_through and day <= sealed_through:
        return (date.fromisoformat(sealed_through) + timedelta(days=1)).isoformat()
    return day
