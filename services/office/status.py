"""Which counters the office has heard from, and when: ``python -m app office counters``.

The partner's operator asks this every morning before anything else: a counter whose
outbox has been silent since yesterday is a kiosk that is off, offline, or misconfigured,
and its rows are missing from every total until it speaks again. Per registered counter:
the rows the office holds (the head of its chain, and when the counter wrote it), when the
office last received anything from it (a row, an event or a Laporan Z), the last day it
sealed, and the alerts recorded against it not yet acknowledged (``office acknowledge``; those
only counted), a fork (another PC's history under its id) by
name. Counters never heard from, then the longest silent, come first; retired counter ids
(``office retire-counter``) last, with the id that replaces them. Read-only: a reading
login (``office add-reader``) is enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg

from services.office.verify import acknowledgements

# Each figure by the primary key or an index of its table, per counter: the head row and
# head event by (counter_id, id) backwards, the last seal by (counter_id, report_no).
_STATUS = """
    WITH forked AS MATERIALIZED (SELECT counter_id, min(at) AS at FROM office.alert WHERE kind = 'fork'
                                  GROUP BY counter_id)  -- read once, not per counter
    SELECT c.counter_id, c.name, coalesce(head.id, 0), head.created_at,
           greatest(head.received_at, event.received_at, seal.received_at), seal.business_date,
           (SELECT count(*) FROM office.alert a WHERE a.counter_id = c.counter_id AND {open}),
           (SELECT min(a.position) FROM office.alert a WHERE a.counter_id = c.counter_id AND a.kind = 'fork'
                                                          AND {open}),
           (SELECT count(*) FROM office.alert a WHERE a.counter_id = c.counter_id AND NOT {open}),
           c.retired_at, c.replaced_by,
           (SELECT string_agg(o.counter_id, ', ' ORDER BY o.counter_id) FROM office.counter o
             WHERE o.replaced_by = c.counter_id),
           -- a replacement whose journal begins with the retired id's rows (a restored or
           -- copied profile): the last position both hold with the same hash, so the same
           -- history up to it (one probe of the retired id's primary key per row)
           (SELECT max(n.id) FROM office.counter o
              JOIN office.txn n ON n.counter_id = c.counter_id
              JOIN office.txn p ON p.counter_id = o.counter_id AND p.id = n.id AND p.hash = n.hash
             WHERE o.replaced_by = c.counter_id),
           copy.counter_id, copy.rows
      FROM office.counter c
      -- a counter registered after another's fork, whose journal begins with that one's rows
      -- (a profile copied to a second PC, which got a new id while the other PC kept the old):
      -- the forked id and the last position both hold with the same hash (report.COPIES_SQL)
      LEFT JOIN LATERAL (SELECT f.counter_id,
                                (SELECT max(n.id) FROM office.txn n
                                   JOIN office.txn p ON p.counter_id = f.counter_id AND p.id = n.id AND p.hash = n.hash
                                  WHERE n.counter_id = c.counter_id) AS rows
                           FROM forked f
                           JOIN office.txn nf ON nf.counter_id = c.counter_id AND nf.id = 1
                           JOIN office.txn ff ON ff.counter_id = f.counter_id AND ff.id = 1 AND ff.hash = nf.hash
                          WHERE c.created_at > f.at AND f.counter_id <> c.counter_id
                          ORDER BY f.counter_id LIMIT 1) copy ON true
      LEFT JOIN LATERAL (SELECT id, created_at, received_at FROM office.txn t
                          WHERE t.counter_id = c.counter_id ORDER BY id DESC LIMIT 1) head ON true
      LEFT JOIN LATERAL (SELECT received_at FROM office.txn_event e
                          WHERE e.counter_id = c.counter_id ORDER BY id DESC LIMIT 1) event ON true
      LEFT JOIN LATERAL (SELECT business_date, received_at FROM office.day_seal s
                          WHERE s.counter_id = c.counter_id ORDER BY report_no DESC LIMIT 1) seal ON true
     ORDER BY c.retired_at IS NOT NULL, greatest(head.received_at, event.received_at, seal.received_at) ASC NULLS FIRST,
              c.counter_id"""
# An alert not acknowledged (``office acknowledge``, sql/010): no acknowledgement naming its
# id and hashes. Before sql/010, every alert.
_OPEN = """NOT EXISTS (SELECT 1 FROM office.alert_ack k WHERE k.alert_id = a.id
                    AND (k.counter_id, k.kind, k.position, k.office_hash, k.arriving_hash)
                        = (a.counter_id, a.kind, a.position, a.office_hash, a.arriving_hash))"""


# How the consolidated report counts the rows a counter holds as another's (report.SAME_HISTORY)
COUNTED_ONCE = "counted once in the report, under {} (rows whose history parted since: under both)"

@dataclass(frozen=True)
class CounterStatus:
    counter_id: str
    name: str
    rows: int  # the office's head of this counter's chain (positions are dense)
    last_row_at: str | None  # when the counter wrote that row, in its own clock
    heard_at: datetime | None  # the office's clock: the last row, event or Laporan Z received
    last_sealed: str | None  # the business date of its last Laporan Z
    alerts: int  # not acknowledged
    fork_at: int | None = None  # the first row where another history arrived under this id (not acknowledged)
    retired_at: datetime | None = None  # ``office retire-counter``
    replaced_by: str | None = None
    replaces: str | None = None  # the retired counter ids this one replaces
    shared_rows: int | None = None  # its rows 1..n are also the retired id's (the same history)
    acknowledged: int = 0  # alerts the operator dealt with (``office acknowledge``): counted, not a problem
    copy_of: str | None = None  # a forked counter id in service whose rows 1..copy_rows this one holds too
    copy_rows: int | None = None

    def line(self) -> str:
        name = f" ({self.name})" if self.name else ""
        if self.retired_at is not None:
            replaced = f", replaced by {self.replaced_by}" if self.replaced_by else ""
            name += f": RETIRED {self.retired_at.strftime('%Y-%m-%d %H:%M %Z').strip()}{replaced}"
        elif self.replaces:
            # Its first rows are the retired id's own (a profile restored from a backup or
            # copied, sent under a new id): the report counts those rows once, under the retired
            # id, which sent them first (report.SAME_HISTORY: those whose history parted, under both).
            once = COUNTED_ONCE.format(self.replaces)
            shared = f"; its rows 1-{self.shared_rows} are also {self.replaces}'s: {once}" if self.shared_rows else ""
            name += f" (replaces {self.replaces}{shared})"
        elif self.copy_of and self.copy_rows:
            # A copied profile's second PC under a new id, the old id still in service on the
            # first: the report counts the rows they share once, as for a replacement.
            name += f" (its rows 1-{self.copy_rows} are also {self.copy_of}'s: {COUNTED_ONCE.format(self.copy_of)})"
        if self.heard_at is None:
            return f"{self.counter_id}{name}: never heard from"
        heard = self.heard_at.strftime("%Y-%m-%d %H:%M %Z").strip()
        sealed = f"last Laporan Z {self.last_sealed}" if self.last_sealed else "no Laporan Z yet"
        # A fork stops that counter's sending until the operator gives its PC a new counter id
        # (README, Partner office): said by name, not only counted among the alerts.
        fork = "" if self.fork_at is None or self.retired_at is not None else (
            f", FORK at row {self.fork_at}: a second history under this id, not merged (that PC stopped"
            " sending: give it a new counter id)")
        alerts = f", {self.alerts} alerts (office verify)" if self.alerts else ""
        acknowledged = f"; {self.acknowledged} alerts acknowledged" if self.acknowledged else ""
        return (f"{self.counter_id}{name}: heard {heard}; {self.rows} rows, the last written"
                f" {_moment(self.last_row_at)}; {sealed}{fork}{alerts}{acknowledged}")


def _moment(at: str | None) -> str:
    """A journal time (``2026-11-21T07:13:34.000+07:00``) as ``2026-11-21 07:13 +07:00``."""
    if not at:
        return "-"
    return f"{at[:10]} {at[11:16]} {at[23:]}".strip()


def counter_status(conn: psycopg.Connection[Any]) -> list[CounterStatus]:
    """Every registered counter, the never heard from and the longest silent first."""
    query = _STATUS.format(open=_OPEN if acknowledgements(conn) else "true")
    return [CounterStatus(counter, name, rows, last_row_at, heard_at,
                          last_sealed.isoformat() if last_sealed else None, alerts, fork_at, retired_at, replaced_by,
                          replaces, shared_rows, acknowledged, copy_of, copy_rows)
            for counter, name, rows, last_row_at, heard_at, last_sealed, alerts, fork_at, acknowledged, retired_at,
            replaced_by, replaces, shared_rows, copy_of, copy_rows in conn.execute(query)]
