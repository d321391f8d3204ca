"""Read-only views of a journal file, for readers that must not wait on the counter.

``Journal`` is the file's one writer. Two readers open the file beside it, read-only: the
seal check, which reads one consistent snapshot of a file that may not even be open (start-up,
``journal verify``), and the partner office's outbox, which reads in batches on its own
thread and must never hold the lock a payment waits for. SQLite's ``mode=ro`` makes such a
connection unable to write, so the file still has one writer; this module is the one place
that opens them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect_read_only(path: Path | str, *, shared: bool = False) -> sqlite3.Connection:
    """A connection that can only read ``path``; ``shared``: usable from another thread."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True,
                           check_same_thread=not shared, timeout=30)
