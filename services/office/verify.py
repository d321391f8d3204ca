"""What the office found that does not fit a counter's chain, and a re-check of what it holds.

The alerts are written by the arrival triggers (``sql/001_schema.sql``) at the moment a
row, event or Laporan Z did not fit; ``stored_chain_breaks`` re-checks every stored chain
of rows and of events (hash recomputed from the content, each link to the one before),
which finds a change made inside the database itself by someone with the owner's rights.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg

KIND_LABELS = {
    "fork": "FORK (a second, different history)",
    "gap": "GAP (rows missing before this one)",
    "changed": "CHANGED (content does not match its hash)",
    "event_fork": "EVENT FORK",
    "event_gap": "EVENT GAP",
    "event_changed": "EVENT CHANGED",
    "orphan_event": "EVENT FOR AN UNKNOWN ROW",
    "seal_fork": "LAPORAN Z FORK",
    "seal_changed": "LAPORAN Z CHANGED",
    "seal_mismatch": "LAPORAN Z DOES NOT MATCH THE ROWS",
}


@dataclass(frozen=True)
class Alert:
    counter_id: str
    kind: str
    position: int
    office_hash: str
    arriving_hash: str
    detail: str
    at: str

    def line(self) -> str:
        label = KIND_LABELS.get(self.kind, self.kind.upper())
        return (f"{self.counter_id} {label} at position {self.position}: office {self.office_hash or '-'}"
                f" / counter {self.arriving_hash or '-'} ({self.detail}; {self.at})")


def alerts(conn: psycopg.Connection[Any], counter_id: str | None = None) -> list[Alert]:
    """Every alert, per counter and position (the first differing position first)."""
    where, params = ("WHERE counter_id = %s", (counter_id,)) if counter_id else ("", ())
    rows = conn.execute(
        "SELECT counter_id, kind, position, office_hash, arriving_hash, detail,"
        f" to_char(at, 'YYYY-MM-DD HH24:MI:SS TZ') FROM office.alert {where} ORDER BY counter_id, position, id",
        params).fetchall()
    return [Alert(*row) for row in rows]


def stored_chain_breaks(conn: psycopg.Connection[Any], limit: int = 100) -> list[str]:
    """Stored rows and events whose hash or link no longer holds (one line each, at most
    ``limit``): the rows first, then the events. The arrival triggers refuse any change, even
    the owner's, but a superuser can switch triggers off; this finds what was done so."""
    out = _breaks(conn, "office.txn_hash(t)", "office.txn", "row", "rows", limit)
    return out + _breaks(conn, "office.event_hash(t)", "office.txn_event", "event", "events", limit - len(out))


def _breaks(conn: psycopg.Connection[Any], computed: str, table: str, one: str, many: str, limit: int) -> list[str]:
    rows = conn.execute(f"""
        SELECT counter_id, id, hash, {computed} AS computed, prev_hash,
               lag(hash) OVER w AS before, lag(id) OVER w AS before_id
          FROM {table} t WINDOW w AS (PARTITION BY counter_id ORDER BY id)""")
    out: list[str] = []
    for counter, position, digest, recomputed, prev_hash, before, before_id in rows:
        if len(out) >= limit:
            break
        if digest != recomputed:
            out.append(f"{counter} {one} {position}: stored content does not match its hash")
        elif before_id is None and position != 1 or before_id is not None and before_id != position - 1:
            out.append(f"{counter} {one} {position}: {many} before it are missing")
        elif before is not None and prev_hash != before:
            out.append(f"{counter} {one} {position}: link to {one} {position - 1} is broken")
    return out
