"""Reference numbers: ``YYMMDDHHiissSSSS``, the Bank+ Switcher's refnum rule.

16 digits: two each of year, month, day, hour, minute, second, then four digits of the
sub-second (tenths of a millisecond, since the document asks four digits of
"milisecond"). A reference is a moment in WIB. Two references asked for within the same
tenth of a millisecond, or after the clock stepped back, would collide; the generator then
issues the moment one tenth of a millisecond after the last one, so references are
strictly increasing *and* always a valid time (adding 1 to the number could give second
60). The journal seeds it with the highest reference it ever issued, so they stay unique
across restarts.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from services.clock import WIB, Clock
from services.validation import is_digits

_STEP = timedelta(microseconds=100)
# How far ahead the journal durably reserves references (see ``Journal.next_reference``).
RESERVE_AHEAD = timedelta(seconds=1)


def format_reference(moment: datetime) -> str:
    local = moment.astimezone(WIB) if moment.tzinfo else moment
    # By hand rather than ``strftime("%y%m%d%H%M%S")`` (three times slower; once a payment):
    # the same two-digit fields, ``%y`` being the year modulo 100.
    return "%02d%02d%02d%02d%02d%02d%04d" % (local.year % 100, local.month, local.day, local.hour, local.minute,
                                             local.second, local.microsecond // 100)


def parse_reference(reference: str) -> datetime | None:
    """The moment (naive WIB) a reference names, or None when it is not one of ours."""
    if len(reference) != 16 or not is_digits(reference):
        return None
    # By hand rather than ``strptime`` (ten times slower; every journaled row is parsed),
    # with its two-digit year rule: 69-99 are 1969-1999, 00-68 are 2000-2068.
    year = int(reference[:2])
    try:
        return datetime(year + (1900 if year >= 69 else 2000), int(reference[2:4]), int(reference[4:6]),
                        int(reference[6:8]), int(reference[8:10]), int(reference[10:12]), int(reference[12:]) * 100)
    except ValueError:
        return None


def is_reference(text: str) -> bool:
    return parse_reference(text) is not None


class ReferenceGenerator:
    def __init__(self, clock: Clock, last: str = "") -> None:
        self._clock = clock
        self._last = parse_reference(last)
        self._issued = ""  # the last reference ``next`` returned, which ``observe`` needs not parse
        self._lock = threading.Lock()

    def next(self) -> str:
        now = self._clock.now().astimezone(WIB)
        candidate = now.replace(tzinfo=None, microsecond=now.microsecond // 100 * 100)
        with self._lock:
            if self._last is not None and candidate <= self._last:
                candidate = self._last + _STEP
            self._last = candidate
            self._issued = reference = format_reference(candidate)
        return reference

    def observe(self, reference: str) -> None:
        """A reference written by someone else (a caller-chosen one): never issue it again."""
        if reference == self._issued:  # the one just issued (every payment's): nothing to learn
            return
        moment = parse_reference(reference)
        with self._lock:
            if moment is not None and (self._last is None or moment > self._last):
                self._last = moment
