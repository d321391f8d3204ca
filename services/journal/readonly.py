"""Read-only views of a journal file, for readers that must not wait on the counter.

``Journal`` is the file's one writer. Two readers open the file beside it, read-only: the
seal check, which reads one consistent snapshot of a file that may not even be open (start-up,
``journal verify``), and the partner office's outbox, which reads in batches on its own
thread and must never hold the lock a payment waits for. A third is the backup's copy
(``copy_snapshot``, for ``services/backup.py``). SQLite's ``mode=ro`` makes such a
connection unable to write, so the file still has one writer; this module is the one place
that opens them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from services.journal import integrity


def connect_read_only(path: Path | str, *, shared: bool = False) -> sqlite3.Connection:
    """A connection that can only read ``path``; ``shared``: usable from another thread."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True,
                           check_same_thread=not shared, timeout=30)


class CopyNotWritten(Exception):
    """The copy could not be written (its disk full, read-only or gone): the journal is fine."""


def copy_snapshot(source: Path, target: Path, *, step_pages: int,
                  on_step: Callable[[int, int], None] | None = None) -> tuple[integrity.Mark, str]:
    """Copy the journal ``source`` to ``target`` with SQLite's online backup API, ``step_pages``
    pages a step, from one read transaction: one consistent snapshot, and in WAL mode a reader
    holds no lock a writer waits for, so the counter's payments go on meanwhile. ``target``
    ends as one self-contained file (rollback-journal mode, no ``-wal`` beside it).

    Returns the snapshot's last row and event, and "" ; or, for a journal that does not extend
    the profile's mark (rows lost), what is wrong, and ``target`` is not written. SQLite's
    refusal to read the journal is raised as it is; to write ``target``, as ``CopyNotWritten``."""
    conn = connect_read_only(source)
    try:
        conn.execute("BEGIN")  # one snapshot for the figures and every step of the copy
        mark = integrity.current_mark(conn)
        broken = integrity.compare(conn, integrity.read_mark(Path(source)))
        if broken:
            return mark, broken
        try:
            copy = sqlite3.connect(target, isolation_level=None)
            try:
                progress = (lambda _status, remaining, total: on_step(remaining, total)) if on_step else None
                conn.backup(copy, pages=step_pages, progress=progress)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        except sqlite3.Error as exc:
            raise CopyNotWritten(str(exc)) from exc
        conn.execute("COMMIT")
        return mark, ""
    finally:
        conn.close()
