"""What the office found that does not fit a counter's chain, and a re-check of what it holds.

The alerts are written by the arrival triggers (``sql/001_schema.sql``) at the moment a
row, event or Laporan Z did not fit; ``stored_chain_breaks`` re-checks every stored chain
of rows and of events (hash recomputed from the content, each link to the one before) and
every Laporan Z (its text against its hash, its figures against its text),
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
    """Stored rows and events whose hash or link no longer holds, and Laporan Z whose text
    or figures no longer are what was sealed (one line each, at most ``limit``; rows, then
    events, then seals). The arrival triggers refuse any change, even the owner's, but a
    superuser can switch triggers off; this finds what was done so."""
    out = _breaks(conn, "office.txn_hash(t)", "office.txn", "row", "rows", limit)
    out += _breaks(conn, "office.event_hash(t)", "office.txn_event", "event", "events", limit - len(out))
    return out + _seal_breaks(conn, limit - len(out))


# A Laporan Z as stored: its text still its hash, and the columns the report reads (number,
# day, cash, seal, totals) still the text's, as they were checked on arrival
# (``seal_arrives``, ``sql/005_seal_as_sealed.sql``). The text is parsed only when it is
# still its hash: a text changed into something that is not JSON is a break, not an error.
_SEALS = """
    SELECT counter_id, report_no, hash_ok,
           CASE WHEN hash_ok THEN
               (report_no, to_char(business_date, 'YYYY-MM-DD'), closed_at, closed_by, expected_cash, counted_cash,
                variance, variance_note, rows, last_txn_hash, last_event_hash, z_count, z_amount, z_fee, z_total)
               IS NOT DISTINCT FROM
               ((z->>'number')::integer, z->>'business_date', z->'seal'->>'closed_at', z->'seal'->>'closed_by',
                (z->'cash'->>'expected')::bigint, (z->'cash'->>'counted')::bigint, (z->'cash'->>'variance')::bigint,
                z->'cash'->>'variance_note', (z->'seal'->>'rows')::integer, z->'seal'->>'last_txn_hash',
                z->'seal'->>'last_event_hash', (z->'totals'->>'count')::bigint, (z->'totals'->>'amount')::bigint,
                (z->'totals'->>'fee')::bigint, (z->'totals'->>'total')::bigint)
           END
      FROM (SELECT s.*, encode(sha256(convert_to(snapshot, 'UTF8')), 'hex') = snapshot_hash AS hash_ok,
                   CASE WHEN encode(sha256(convert_to(snapshot, 'UTF8')), 'hex') = snapshot_hash
                        THEN snapshot::jsonb END AS z
              FROM office.day_seal s) sealed
     ORDER BY counter_id, report_no"""


def _seal_breaks(conn: psycopg.Connection[Any], limit: int) -> list[str]:
    out: list[str] = []
    for counter, number, hash_ok, columns_ok in conn.execute(_SEALS):
        if len(out) >= limit:
            break
        if not hash_ok:
            out.append(f"{counter} Laporan Z {number}: stored text does not match its hash")
        elif not columns_ok:
            out.append(f"{counter} Laporan Z {number}: stored figures differ from the report it seals")
    return out


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
