"""What the office found that does not fit a counter's chain, and a re-check of what it holds.

The alerts are written by the arrival triggers (``sql/001_schema.sql``) at the moment a
row, event or Laporan Z did not fit; ``stored_chain_breaks`` re-checks every stored chain
of rows and of events (hash recomputed from the content, each link to the one before), each
row's columns outside its hash (state, host reference, settled fee and total, counter fee...)
against its events folded again by the arrivals' own rule, and every Laporan Z (its
text against its hash, its figures, the counter fee total among them, against its text),
which finds a change made inside the database itself by someone with the owner's rights.

An alert the operator has dealt with is acknowledged (``acknowledge``, ``sql/010_alert_acknowledged.sql``):
it stays listed, with who acknowledged it, when and why, and no longer counts as open.
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
    "seal_head": "LAPORAN Z HEAD NOT IN THE CHAIN",  # never stored: the report lists its day as not sealed
}


@dataclass(frozen=True)
class Acknowledged:
    by: str
    at: str
    note: str


@dataclass(frozen=True)
class Alert:
    id: int
    counter_id: str
    kind: str
    position: int
    office_hash: str
    arriving_hash: str
    detail: str
    at: str
    acknowledged: Acknowledged | None = None

    def line(self) -> str:
        label = KIND_LABELS.get(self.kind, self.kind.upper())
        ack = self.acknowledged
        done = f" ACKNOWLEDGED by {ack.by} {ack.at}: {ack.note}" if ack else ""
        return (f"{self.counter_id} {label} at position {self.position}: office {self.office_hash or '-'}"
                f" / counter {self.arriving_hash or '-'} ({self.detail}; {self.at}) [alert {self.id}]{done}")


def acknowledgements(conn: psycopg.Connection[Any]) -> bool:
    """Whether the office records acknowledgements (migrated to sql/010)."""
    found = conn.execute("SELECT to_regclass('office.alert_ack') IS NOT NULL").fetchone()
    return bool(found and found[0])


# An acknowledgement covers the alert whose id, counter, kind, position and both hashes it
# names (its foreign key holds them to the alert's; read so here as well).
ACK_JOIN = """
    LEFT JOIN office.alert_ack k ON k.alert_id = a.id
          AND (k.counter_id, k.kind, k.position, k.office_hash, k.arriving_hash)
              = (a.counter_id, a.kind, a.position, a.office_hash, a.arriving_hash)"""


def alerts(conn: psycopg.Connection[Any], counter_id: str | None = None, alert_id: int | None = None) -> list[Alert]:
    """Every alert (or one counter's, or one), per counter and position (the first differing
    position first), with its acknowledgement if it has one."""
    where, params = "", list[object]()
    if alert_id is not None:
        where, params = "WHERE a.id = %s", [alert_id]
    elif counter_id:
        where, params = "WHERE a.counter_id = %s", [counter_id]
    acked = acknowledgements(conn)
    rows = conn.execute(
        "SELECT a.id, a.counter_id, a.kind, a.position, a.office_hash, a.arriving_hash, a.detail,"
        " to_char(a.at, 'YYYY-MM-DD HH24:MI:SS TZ'),"
        + (" k.acknowledged_by, to_char(k.at, 'YYYY-MM-DD HH24:MI:SS TZ'), k.note" if acked else " NULL, NULL, NULL")
        + " FROM office.alert a" + (ACK_JOIN if acked else "") + f" {where} ORDER BY a.counter_id, a.position, a.id",
        params).fetchall()
    return [Alert(id_, counter, kind, position, office_hash, arriving_hash, detail, at,
                  Acknowledged(by, acked_at, note) if by is not None else None)
            for id_, counter, kind, position, office_hash, arriving_hash, detail, at, by, acked_at, note in rows]


class NotAcknowledged(ValueError):
    """``acknowledge`` refused: no such alert, already acknowledged, or no note (``option``:
    the command line's option the refusal is about)."""

    def __init__(self, message: str, option: str = "--alert") -> None:
        super().__init__(message)
        self.option = option


def acknowledge(conn: psycopg.Connection[Any], alert_id: int, note: str) -> Alert:
    """Record that the operator dealt with alert ``alert_id`` (the login connected, now, the
    note, and the alert's own hashes); the alert as acknowledged. Needs the owner's rights:
    a counter's or the reading login is refused by the database (InsufficientPrivilege)."""
    if not note.strip():
        raise NotAcknowledged("a note is required: say what was done about the alert", "--note")
    with conn.transaction():
        inserted = conn.execute(
            "INSERT INTO office.alert_ack (alert_id, counter_id, kind, position, office_hash, arriving_hash, note)"
            " SELECT id, counter_id, kind, position, office_hash, arriving_hash, %s FROM office.alert WHERE id = %s"
            " ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id", (note.strip(), alert_id)).fetchone()
        found = alerts(conn, alert_id=alert_id)
    if not found:
        raise NotAcknowledged(f"there is no alert {alert_id}: give the N of an [alert N] that office verify lists")
    ack = found[0].acknowledged
    if inserted is None and ack is not None:
        raise NotAcknowledged(f"alert {alert_id} is already acknowledged by {ack.by} {ack.at}: {ack.note} (nothing"
                              f" to do; an acknowledgement is never changed)")
    return found[0]


def stored_chain_breaks(conn: psycopg.Connection[Any], limit: int = 100) -> list[str]:
    """Stored rows and events whose hash or link no longer holds, rows whose state, host
    reference, settled figures, counter fee (any column folded from their events) are not
    what their events fold to, and Laporan Z whose text or figures (the counter fee among
    them) no longer are what was sealed (one line each, at most ``limit``; rows, events, folds,
    then seals). The arrival triggers refuse any change, even the owner's, but a superuser can
    switch triggers off; this finds what was done so."""
    out = _breaks(conn, "office.txn_hash(t)", "office.txn", "row", "rows", limit)
    out += _breaks(conn, "office.event_hash(t)", "office.txn_event", "event", "events", limit - len(out))
    out += _fold_breaks(conn, limit - len(out))
    return out + _seal_breaks(conn, limit - len(out))


# A row's columns outside its hash (its state, host reference, error, settled fee and total,
# last event, counter fee) are folded from its events, which are hashed in the event chain, by
# the arrival triggers with ``office.fold_event`` (``sql/014_one_fold.sql``). Here every row's
# events are folded again with that same function (the ``office.fold`` aggregate, from a row's
# columns before any event) and each stored column that is not the fold's is named: a state
# turned from SUSPECT into SUCCESS inside the database changes the consolidated report.
FOLDED = ("state", "host_ref", "error_code", "error_message", "updated_at", "settled_fee", "settled_total",
          "last_event_id", "counter_fee")
_LABELS = {"host_ref": "host ref", "error_code": "error code", "error_message": "error message",
           "updated_at": "updated at", "settled_fee": "settled fee", "settled_total": "settled total",
           "last_event_id": "last event", "counter_fee": "counter fee"}
_FOLDS = f"""
    SELECT counter_id, id, {", ".join(f"(s).{c}" for c in FOLDED)}, {", ".join(f"(f).{c}" for c in FOLDED)}
      FROM (SELECT t.counter_id, t.id, office.folded_of(t) AS s, coalesce(e.f, office.unfolded()) AS f
              FROM office.txn t
              LEFT JOIN (SELECT counter_id, txn_id,
                                office.fold(office.unfolded(), to_state, changes, id ORDER BY id) AS f
                           FROM office.txn_event {{where}} GROUP BY counter_id, txn_id) e
                     ON e.counter_id = t.counter_id AND e.txn_id = t.id
             {{where_t}}) x
     WHERE s IS DISTINCT FROM f
     ORDER BY counter_id, id"""


def _shown(value: object) -> str:
    return "none" if value is None else repr(value) if isinstance(value, str) else str(value)


def _fold_breaks(conn: psycopg.Connection[Any], limit: int) -> list[str]:
    """Each stored folded column that is not what the row's events fold to (counter, row,
    column, stored and from the events). An event rewritten into something the arrivals
    refuse (no JSON, a fee that is no number) stops the fold of its counter's rows: that
    counter gets one line, its event's own line says which (its hash no longer holds)."""
    try:
        with conn.transaction():
            rows = conn.execute(_FOLDS.format(where="", where_t="")).fetchall()
    except psycopg.DataError:
        rows, unfoldable = [], []
        for (counter,) in conn.execute("SELECT DISTINCT counter_id FROM office.txn ORDER BY 1").fetchall():
            try:
                with conn.transaction():
                    rows += conn.execute(_FOLDS.format(where="WHERE counter_id = %(c)s",
                                                       where_t="WHERE t.counter_id = %(c)s"), {"c": counter}).fetchall()
            except psycopg.DataError as e:
                unfoldable.append(f"{counter}: its rows' events can no longer be folded"
                                  f" ({str(e).splitlines()[0]}); see its events above")
        return unfoldable[:limit] + _fold_lines(rows, limit - len(unfoldable))
    return _fold_lines(rows, limit)


def _fold_lines(rows: list[tuple[Any, ...]], limit: int) -> list[str]:
    out: list[str] = []
    n = len(FOLDED)
    for counter, position, *both in rows:
        for column, stored, folded in zip(FOLDED, both[:n], both[n:], strict=True):
            if stored != folded and len(out) < limit:
                out.append(f"{counter} row {position}: stored {_LABELS.get(column, column)} {_shown(stored)}"
                           f" differs from the {_shown(folded)} its events name")
    return out


# A Laporan Z as stored: its text still its hash, and the columns the report reads (number,
# day, cash, seal, totals) still the text's, as they were checked on arrival
# (``seal_arrives``, ``sql/005_seal_as_sealed.sql``). The text is parsed only when it is
# still its hash: a text changed into something that is not JSON is a break, not an error.
_SEALS = """
    SELECT counter_id, report_no, hash_ok,
           CASE WHEN hash_ok THEN
               (report_no, to_char(business_date, 'YYYY-MM-DD'), closed_at, closed_by, expected_cash, counted_cash,
                variance, variance_note, rows, last_txn_hash, last_event_hash, z_count, z_amount, z_fee, z_total,
                z_counter_fee)
               IS NOT DISTINCT FROM
               ((z->>'number')::integer, z->>'business_date', z->'seal'->>'closed_at', z->'seal'->>'closed_by',
                (z->'cash'->>'expected')::bigint, (z->'cash'->>'counted')::bigint, (z->'cash'->>'variance')::bigint,
                z->'cash'->>'variance_note', (z->'seal'->>'rows')::integer, z->'seal'->>'last_txn_hash',
                z->'seal'->>'last_event_hash', (z->'totals'->>'count')::bigint, (z->'totals'->>'amount')::bigint,
                (z->'totals'->>'fee')::bigint, (z->'totals'->>'total')::bigint,
                coalesce((z->'totals'->>'counter_fee')::bigint, 0))
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
