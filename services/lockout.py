"""Back-off after repeated wrong secrets (the agent's password, the transaction PIN, the quick PIN).

After ``limit`` wrong tries in a row the door stays shut for ``base_seconds``; every further
wrong try while it keeps failing doubles the wait (60 s, 120 s, 240 s … capped at
``max_seconds``). A right answer resets everything. Thread-safe: checks run in the worker.

Decision: the count lives in memory, one for whoever the secret belongs to: per username at
the login window (``app.counter``), per agent for the transaction PIN (``services.flows.pin``)
and for the agent's password asked inside a session (``BankingService.relogin``), kept for
the whole run so logging out and in resets none; the lock screen's (quick PIN and password
together) per window. Agents share the kiosk: one agent's wrong tries never shut another
out. Restarting Loket clears it; guessing a password through restarts still meets the
host's own lockout, and guessing the quick PIN that way costs a start-up (~1 s) per five
tries against a 10^6 space. The supervisor PIN's count is in the journal instead
(``services.dayclose.supervisor``).
"""

from __future__ import annotations

import math
import threading
import time
from typing import Callable, TypeVar

from services.errors import LoketError
from services.i18n import QT_TRANSLATE_NOOP, templated

T = TypeVar("T")

ATTEMPTS = QT_TRANSLATE_NOOP("errors", "percobaan")


class LockedOut(LoketError):
    def __init__(self, seconds: int, what: str = ATTEMPTS) -> None:
        """``what``: what was wrong, marked for translation (context "errors") where it is
        named, so the message reads in the counter's language."""
        self.seconds = seconds
        super().__init__(templated(QT_TRANSLATE_NOOP("errors", "Terlalu banyak {what} yang salah. Coba lagi dalam "
                                                               "{seconds} detik."), what=what, seconds=seconds))


def wait_after(failures: int, *, limit: int = 5, base_seconds: float = 60.0,
               max_seconds: float = 3600.0) -> float:
    """Seconds the door stays shut after ``failures`` wrong tries in a row (0: open)."""
    over = failures - limit
    return 0.0 if over < 0 else min(max_seconds, base_seconds * 2 ** over)


class Lockout:
    def __init__(self, *, limit: int = 5, base_seconds: float = 60.0, max_seconds: float = 3600.0,
                 now: Callable[[], float] = time.monotonic, what: str = ATTEMPTS) -> None:
        self.limit = limit
        self.base_seconds = base_seconds
        self.max_seconds = max_seconds
        self.what = what
        self.now = now
        self._lock = threading.Lock()
        self._failures = 0
        self._until = 0.0

    @property
    def failures(self) -> int:
        return self._failures

    def remaining(self) -> int:
        """Whole seconds until the next try is allowed (0: allowed now)."""
        with self._lock:
            return max(0, math.ceil(self._until - self.now()))

    def check(self) -> None:
        """Raise ``LockedOut`` while the door is shut."""
        seconds = self.remaining()
        if seconds:
            raise LockedOut(seconds, self.what)

    def failed(self) -> None:
        with self._lock:
            self._failures += 1
            wait = wait_after(self._failures, limit=self.limit, base_seconds=self.base_seconds,
                              max_seconds=self.max_seconds)
            if wait:
                self._until = self.now() + wait

    def succeeded(self) -> None:
        with self._lock:
            self._failures = 0
            self._until = 0.0

    def guard(self, fn: Callable[..., T], *, wrong: tuple[type[BaseException], ...]) -> Callable[..., T]:
        """``fn`` behind this lockout: refused while shut; a ``wrong`` exception counts."""

        def guarded(*args, **kwargs) -> T:
            self.check()
            try:
                result = fn(*args, **kwargs)
            except wrong:
                self.failed()
                raise
            self.succeeded()
            return result

        return guarded
