"""What the outbox reads from a counter's journal file: rows, events and day seals.

Reads go through a read-only SQLite connection of their own (as ``Journal.verify`` does),
never through the app's ``Journal`` object: its lock is the one payments take, and the
outbox must never make a payment wait. Rows come out as the journal export's chained fields
(the partner contract of EXPORT.md, read without parsing the request or the answer);
events with their hash chain (``txn_event``, what ``Journal.verify`` checks);
seals from the day-close tables (``day_close``/``day_reopen``, services/dayclose/schema.py).
All of them are append-only in the journal, so a position once read never changes unless
the file was tampered with.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from services.journal.chain import GENESIS
from services.journal.export import FIELDS as EXPORT_FIELDS
from services.journal.readonly import connect_read_only

# The export contract's chained content and its links (EXPORT.md: "the first 14 fields ...
# with prev_hash they recompute hash", and ``inquiry`` when not empty); the state fields
# travel as events.
ROW_FIELDS = (*EXPORT_FIELDS[:16], "inquiry")
EVENT_FIELDS = ("id", "txn_id", "reference", "from_state", "to_state", "actor", "reason", "at", "changes",
                "prev_hash", "hash")
SEAL_FIELDS = ("report_no", "business_date", "closed_at", "closed_by", "expected_cash", "counted_cash", "variance",
               "variance_note", "rows", "last_txn_hash", "last_event_hash", "snapshot", "snapshot_hash",
               "last_event_id")  # the head's position: an office before sql/017 takes the others only


class JournalSource:
    def __init__(self, journal_path: Path | str) -> None:
        self.path = Path(journal_path)
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect_read_only(self.path, shared=True)
            self._conn.row_factory = sqlite3.Row
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def exists(self) -> bool:
        return self.path.exists()

    # -- positions ---------------------------------------------------------------------
    def heads(self) -> tuple[int, int]:
        """(last row id, last event id) of the journal."""
        db = self._db()
        rows = db.execute("SELECT COALESCE(MAX(id), 0) FROM txn").fetchone()[0]
        events = db.execute("SELECT COALESCE(MAX(id), 0) FROM txn_event").fetchone()[0]
        return rows, events

    def row_hash(self, row_id: int) -> str | None:
        if row_id == 0:
            return GENESIS
        found = self._db().execute("SELECT hash FROM txn WHERE id = ?", (row_id,)).fetchone()
        return found[0] if found else None

    def event_hash(self, event_id: int) -> str | None:
        if event_id == 0:
            return GENESIS
        found = self._db().execute("SELECT hash FROM txn_event WHERE id = ?", (event_id,)).fetchone()
        return found[0] if found else None

    def pending(self, rows_sent: int, events_sent: int) -> int:
        """Transactions the office does not know in their current state: rows not sent, and
        rows sent whose later state changes are not."""
        db = self._db()
        (count,) = db.execute(
            "SELECT (SELECT COUNT(*) FROM txn WHERE id > :r)"
            " + (SELECT COUNT(DISTINCT txn_id) FROM txn_event WHERE id > :e AND txn_id <= :r)",
            {"r": rows_sent, "e": events_sent}).fetchone()
        return count

    # -- batches -----------------------------------------------------------------------
    def rows_after(self, after: int, limit: int) -> list[tuple[Any, ...]]:
        """The chained content of rows ``after`` < id, ascending, at most ``limit``, as
        ``ROW_FIELDS`` tuples (id first): the export contract's first 16 fields and
        ``inquiry`` (EXPORT.md), exactly as stored and hashed."""
        return self._tuples(f"SELECT {', '.join(ROW_FIELDS)} FROM txn WHERE id > ? ORDER BY id LIMIT ?",
                            (after, limit))

    def events_after(self, after: int, limit: int, *, up_to_row: int) -> list[tuple[Any, ...]]:
        """Events after ``after`` in chain order, at most ``limit``, as ``EVENT_FIELDS`` tuples
        (id first), stopping before the first one whose row the office does not have yet
        (``up_to_row``)."""
        fetched = self._tuples(f"SELECT {', '.join(EVENT_FIELDS)} FROM txn_event WHERE id > ? ORDER BY id LIMIT ?",
                               (after, limit))
        for n, event in enumerate(fetched):
            if event[1] > up_to_row:  # txn_id
                return fetched[:n]
        return fetched

    def _tuples(self, query: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        cursor = self._db().cursor()
        cursor.row_factory = None  # plain tuples: what COPY takes, one Python object a row
        return cursor.execute(query, params).fetchall()

    def seals(self) -> list[dict[str, Any]]:
        """Every Laporan Z (sealed day), with the last row id of its business day
        (``last_row``); with the id of the event its seal names as the chain's head
        (``last_event_id``, 0 before any event: day-close schema 6 set it on every seal) they
        are what the office must hold before it."""
        try:
            fetched = self._db().execute(
                f"SELECT {', '.join('c.' + f for f in SEAL_FIELDS)},"
                " (SELECT COALESCE(MAX(t.id), 0) FROM txn t WHERE t.business_date = c.business_date) AS last_row"
                " FROM day_close c ORDER BY c.report_no").fetchall()
        except sqlite3.OperationalError:  # no day-close tables: no day was ever closed here
            return []
        return [dict(r) for r in fetched]

    def reopens(self) -> list[dict[str, Any]]:
        """Every reopening, with the event chain's head when it was made (``last_event``)."""
        try:
            fetched = self._db().execute(
                "SELECT c.report_no, r.at, COALESCE(r.last_event_id, 0) AS last_event"
                " FROM day_reopen r JOIN day_close c ON c.id = r.close_id"
                " ORDER BY c.report_no").fetchall()
        except sqlite3.OperationalError:
            return []
        return [dict(r) for r in fetched]
