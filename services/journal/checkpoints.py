"""When the journal's write-ahead log is copied into the journal file: when the counter is idle.

A WAL checkpoint writes the log's pages into ``journal.db`` and waits for the disk (an
fsync of the file): 0.7 ms after 25 payments on this project's machine (ext4 on a virtual
disk; about 30 µs a payment, within the journal bench's noise), more wherever a flush is
slow, as on a kiosk's cheap flash storage. Run after every fiftieth commit, as it was, it
fell inside every 25th payment, between the request's answer and the receipt. It runs
instead on its own thread once the journal has had no commit for ``IDLE_SECONDS``: at a
counter that is a moment after each customer, so the log holds at most the payment in
progress (a lost or deleted WAL file takes at most that with it, and the mark says so),
never a payment's wait.

Without a pause (a burst of writes, as in ``tests/bench/journal.py``) SQLite's own
checkpoint still runs every 1,000 pages of log in the writing connection, as it does for
any WAL database; the day close checkpoints at once (``Journal.checkpoint``).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

log = logging.getLogger(__name__)

IDLE_SECONDS = 1.0


class IdleCheckpointer:
    """Runs ``checkpoint`` on its own thread once ``IDLE_SECONDS`` pass with no ``committed()``.

    The thread starts at the first commit (a journal only read never has one) and ends at
    ``close()``, which must be called before the connection closes and without holding the
    lock ``checkpoint`` takes."""

    def __init__(self, checkpoint: Callable[[], None], idle: float | None = None) -> None:
        self._checkpoint = checkpoint
        self._idle = IDLE_SECONDS if idle is None else idle
        self._cond = threading.Condition()
        self._last_commit = 0.0
        self._pending = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def committed(self) -> None:
        """After a commit: checkpoint once the journal has been idle long enough. On the
        payment's path, so only a time and a flag (and the thread's wake-up the first time)."""
        self._last_commit = time.monotonic()
        if self._pending:
            return
        with self._cond:
            self._pending = True
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="loket-journal-checkpoint", daemon=True)
                self._thread.start()
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._closed and not self._pending:
                    self._cond.wait()
                if self._closed:
                    return
                wait = self._last_commit + self._idle - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)  # a later commit moves the moment on
                    continue
                self._pending = False
            try:
                self._checkpoint()
            except Exception:  # a closed or busy file: the next idle moment, or the next start, does it
                log.warning("journal checkpoint failed", exc_info=True)
