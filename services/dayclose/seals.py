"""Day seals against the journal: does each sealed day still hold what its Laporan Z sealed?

A Laporan Z stores how many rows its day had and the hash of the day's last row (and the
head of the event chain, by its hash and by its place, ``last_event_id``: which day counts a
late settlement is decided by that place, so a place moved to another event is named too).
The hash chain alone cannot tell a re-chained history from the real one: rewrite a sealed
day's amount and recompute every hash after it, delete the last row, or append a forged row
to a sealed day (with the triggers dropped), and the chain is whole again. The seal was
written before, so it no longer matches. ``journal verify`` runs this; so does start-up
(``app.context``), which takes no money from a journal whose seals fail.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from services.journal.chain import GENESIS
from services.journal.readonly import connect_read_only
from services.reports import Report, snapshot_hash


def check(conn: sqlite3.Connection, *, events: bool = True) -> list[str]:
    """Every mismatch between a sealed day (not reopened) and the journal, in words.

    ``events``: also look for each sealed head of the event chain (one pass over the
    events, which have no index by hash: ``journal verify`` does it, start-up does not)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='day_close'").fetchone() is None:
        return []
    problems: list[str] = []
    heads: dict[str, str] = {}
    closes = conn.execute(
        "SELECT c.report_no, c.business_date, c.rows, c.last_txn_hash, c.last_event_hash, c.snapshot,"
        " c.snapshot_hash, c.last_event_id, (SELECT e.hash FROM txn_event e WHERE e.id = c.last_event_id)"
        " FROM day_close c"
        " WHERE NOT EXISTS (SELECT 1 FROM day_reopen r WHERE r.close_id = c.id) ORDER BY c.report_no").fetchall()
    for number, day, rows, last_txn, last_event, snapshot, digest, position, at_position in closes:
        label = f"Laporan Z {number:04d} ({day})"
        if snapshot_hash(snapshot) != digest:
            problems.append(f"{label}: the stored report does not match its hash")
        else:
            seal = Report.from_snapshot(snapshot).seal
            if seal is None or (seal.rows, seal.last_txn_hash, seal.last_event_hash) != (rows, last_txn, last_event):
                problems.append(f"{label}: the seal's columns differ from the sealed report")
        (have,) = conn.execute("SELECT COUNT(*) FROM txn WHERE business_date=?", (day,)).fetchone()
        if have != rows:
            problems.append(f"{label}: sealed {rows} rows, the journal holds {have}")
        last = conn.execute("SELECT hash FROM txn WHERE business_date=? ORDER BY id DESC LIMIT 1", (day,)).fetchone()
        if (last[0] if last else GENESIS) != last_txn:
            problems.append(f"{label}: the day's last row is not the one sealed (hash differs)")
        if last_event != GENESIS:
            heads[last_event] = label
        if (at_position or GENESIS) != last_event:
            problems.append(f"{label}: the seal's place in the event chain ({position}) is not its head")
    if events and heads:
        for (digest,) in conn.execute("SELECT hash FROM txn_event"):
            heads.pop(digest, None)
        problems.extend(f"{label}: the event chain no longer holds the sealed head" for label in heads.values())
    return problems


def check_file(path: Path | str, *, events: bool = True) -> list[str]:
    """``check`` through a read-only connection of its own (one consistent snapshot)."""
    conn = connect_read_only(path)
    try:
        conn.execute("BEGIN")
        return check(conn, events=events)
    finally:
        conn.close()
