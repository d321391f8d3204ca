"""Reference numbers: ``YYMMDDHHiissSSSS``, the Bank+ Switcher's refnum rule.

16 digits: two each of year, month, day, hour, minute, second, then four digits of the
sub-second (tenths of a millisecond, since the document asks four digits of
"milisecond"). Two references asked for within the same tenth of a millisecond, or after
the clock stepped back, would collide; the generator then issues the last one plus one,
so references are strictly increasing. The journal seeds it with the highest reference it
ever issued, so they stay unique across restarts.
"""

from __future__ import annotations

import threading

from services.clock import Clock


class ReferenceGenerator:
    def __init__(self, clock: Clock, last: str = "") -> None:
        self._clock = clock
        self._last = int(last) if last.isdigit() else 0
        self._lock = threading.Lock()

    def next(self) -> str:
        now = self._clock.now()
        candidate = int(now.strftime("%y%m%d%H%M%S") + f"{now.microsecond // 100:04d}")
        with self._lock:
            if candidate <= self._last:
                candidate = self._last + 1
            self._last = candidate
        return f"{candidate:016d}"
