"""The consolidated day report: every counter's business day from the office database.

Per counter and per product: count, amount, fee and total of the SUCCESS rows, and the counter's
own fee on them (``Figures.counter_fee``, sql/013_counter_fee.sql: the agent's income, beside the
bank's total as the Laporan Z has it), with the
counters' own rules (``services.reports``: final fee/total, reversal rows, whose product
id ends in ``_reversal`` (``services.reports.cash.is_reversal``), left out, and so are the
products that take no money at the counter, such as a created VA: a document issued, which
the Laporan Z lists apart from its totals), so
each counter's lines are what its own Laporan Z says, and the office's totals are the sum
of the counters' Laporan Z. Beside them: the rows still open (NEW/SENT/SUSPECT), each
counter's cash variance from its day close, its Laporan Z totals as sealed, the counters
that have not sealed the day, and apart from them the counters that did no business that day
(no row of that day and a later row at the office: ``OfficeReport.idle``, "tanpa transaksi").
A retired counter id (``office retire-counter``) is named with the id that replaces it, and
left out of the days after its retirement in which it did nothing. Rows a counter holds as
copies of another's (a restored or copied journal sent under a new id, ``SAME_HISTORY``) count
once, under the id that sent them first, and are listed under the other as not counted; its
Laporan Z of the same sealed text too. Shared rows whose histories parted are counted twice, said.

A sealed day is its Laporan Z. A row may still change state after the seal (a SUSPECT
payment settled the next morning, a payment reversed): the counter's Z never changes, and
the counter counts the late settlement or the refund in the cash of the day it happened
(``services.reports.aggregate.late_settlements``), and the office's report of that day lists
them from its Laporan Z (``Seal.late``, "late_settlement"): what the day's expected cash holds
besides the day's own rows. So for a counter whose day stands sealed,
the office counts each row as it stood at the seal: a row whose last event came after the
seal's head of the event chain counts when it was SUCCESS then (it is not in the Z's open
list), whatever it is now, and it is listed apart ("changed after the seal") with its state
then and now. A counter that has not sealed the day is counted as its rows stand.

One ``GROUP BY`` over the day's rows (index ``txn_day``) gives every figure, one result row
per counter and product, and one per row changed after its counter's seal (a handful, whose
details a second small query reads); Python leaves out the products that move no money
(decided once per product, not per row) and adds up the rest.
"""

from __future__ import annotations

import gc
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from typing import Any, NamedTuple

import psycopg
from psycopg import sql

from services.dayclose.errors import day_text
from services.office.verify import ACK_JOIN
from services.product_groups import LEGACY, group_label
from services.reports import cash as cash_rules
from services.reports.aggregate import product_name
from services.reports.model import Report, Span

OPEN_STATES = ("NEW", "SENT", "SUSPECT")

# The group as its identifier (rows journaled before the identifiers hold its label, a
# counter's upgrade day holds both): the LEGACY map written into the query as a CASE.
# Reversal rows and the products that take no money are left out by ``build`` per result
# line, not per row here.
# Each counter's Laporan Z in force for the day: its latest seal not reopened. With a cash
# variance, the supervisor who approved it, as the Laporan Z's text names them (its hash and
# its columns were checked on arrival; NULL in a Laporan Z sealed before the approval was asked,
# and its text is read only when there is a variance). And its whole text when the Laporan Z
# lists drawer handovers (sql/011; NULL: stored before it counted them), for each holder's
# own difference. And its late settlements (``Seal.late``): the Z's ``late`` list, taken out of
# its text on arrival (``sql/012_seal_late.sql``).
STANDING_SQL = """
SELECT DISTINCT ON (s.counter_id) s.counter_id, s.report_no, s.expected_cash, s.counted_cash, s.variance,
       s.variance_note, s.z_count, s.z_amount, s.z_fee, s.z_total, s.last_event_hash,
       CASE WHEN s.variance <> 0 THEN s.snapshot::jsonb -> 'cash' ->> 'variance_approved_by' END,
       CASE WHEN s.handovers IS DISTINCT FROM 0 THEN s.snapshot END, s.z_late, s.z_counter_fee, s.snapshot_hash
  FROM office.day_seal s
 WHERE s.business_date = %(day)s
   AND NOT EXISTS (SELECT 1 FROM office.day_reopen r WHERE r.counter_id = s.counter_id AND r.report_no = s.report_no)
 ORDER BY s.counter_id, s.report_no DESC
"""
# Each counter's Laporan Z of the day set aside by a reopening at the counter: named beside the
# one in force ("Z-0002 replaces Z-0001") or, not sealed again, in its "unsealed" line. Driven
# from the reopenings (a few a day across the office), each a probe of the seals' key.
SET_ASIDE_SQL = """
SELECT r.counter_id, r.report_no
  FROM office.day_reopen r
  JOIN office.day_seal s ON s.counter_id = r.counter_id AND s.report_no = r.report_no
 WHERE s.business_date = %s
 ORDER BY r.counter_id, r.report_no
"""
# ``changed``: the row's id when its last event came after its counter's seal (the head of
# the event chain the Laporan Z names), else NULL, so every such row is a group of its own.
# Rows of the day that a counter holds and another counter holds too, at the same position with
# the same hash (a restored or copied journal sent under a new id: the same history up to where
# they part). The pairs:
# a retired counter and the one that replaces it; and, as a profile copied to a second PC keeps
# the old id in service (nothing retired), a counter with a fork alert and a counter registered
# after that alert whose first row is the forked one's (two probes of the primary key each).
# Only those pairs' rows are read: the day's rows are counted per pair (LATERAL), so an office
# where no counter replaces another and none forked reads no row of office.txn. As a plain join
# the planner, without statistics on office.counter, began from the day's rows of every counter:
# +20 ms (1,000 counters' day in tests/bench/office.py, report ratio 2.30 against 1.80).
COPIES_SQL = """
SELECT o.replaced_by AS newer, o.counter_id AS older FROM office.counter o WHERE o.replaced_by IS NOT NULL
UNION
SELECT n.counter_id, f.counter_id
  FROM (SELECT counter_id, min(at) AS at FROM office.alert WHERE kind = 'fork' GROUP BY counter_id) f
  JOIN office.counter n ON n.created_at > f.at AND n.counter_id <> f.counter_id
  JOIN office.txn nf ON nf.counter_id = n.counter_id AND nf.id = 1
  JOIN office.txn ff ON ff.counter_id = f.counter_id AND ff.id = 1 AND ff.hash = nf.hash
"""
# Of those, the copies: the row's last event too at the same position with the same hash in both
# chains, so its whole history is one (its state, its settled fee). A transaction done once, on the
# PC whose journal was copied: it counts once, under the older id, the one that sent it first
# (the newer's copy arrived after the office held it: that is why the newer forked or replaced
# it). A shared row whose history parted after the copy (settled on one PC, failed on the
# other) is no copy: which happened only a person can say; it stays counted under both, listed
# as counted twice.
SAME_HISTORY = """
       AND p.last_event_id IS NOT DISTINCT FROM n.last_event_id
       AND (SELECT e.hash FROM office.txn_event e WHERE e.counter_id = pair.newer AND e.id = n.last_event_id)
           IS NOT DISTINCT FROM
           (SELECT e.hash FROM office.txn_event e WHERE e.counter_id = pair.older AND e.id = p.last_event_id)"""
_LEGACY_CASE = sql.SQL(" ").join(sql.SQL("WHEN {} THEN {}").format(sql.Literal(label), sql.Literal(ident))
                            for label, ident in LEGACY.items())
SUMMARY_SQL = sql.SQL("""
WITH seal AS (
    -- the head's position looked up per seal (one index probe each): a join to txn_event
    -- here was estimated at one row, and a generic plan then read the seals once per row
    SELECT z.counter_id, (SELECT e.id FROM office.txn_event e
                           WHERE e.hash = z.last_event_hash AND e.counter_id = z.counter_id) AS head
      FROM ({}) z
)
SELECT t.counter_id, CASE t.product_group {} ELSE t.product_group END AS g,
       t.host, t.product, CASE WHEN t.last_event_id > seal.head THEN t.id END AS changed, count(*),
       sum(t.amount)::bigint, sum(coalesce(t.settled_fee, t.fee))::bigint,
       sum(coalesce(t.settled_total, t.total))::bigint, sum(t.counter_fee)::bigint
  FROM office.txn t LEFT JOIN seal ON seal.counter_id = t.counter_id
 WHERE t.business_date = %(day)s AND (t.state = 'SUCCESS' OR t.last_event_id > seal.head)
 GROUP BY t.counter_id, g, t.host, t.product, changed
""").format(sql.SQL(STANDING_SQL), _LEGACY_CASE)
# The same lines of the copies alone (``SAME_HISTORY``), read per pair (LATERAL) of those
# ``TWICE_SQL`` found holding copies that day, and only then: taken out of their counter's lines
# and the office's, into its ``CounterDay.copied``. A copy still open, or changed after its
# counter's seal, is a line of its own (``changed``: its id): left out of the open rows and the
# rows changed after the seal, which list it under the id that sent it first. Apart from
# ``SUMMARY_SQL``: a join there to the copies cost every office's report +20 ms
# (tests/bench/office.py, 1,000 counters, ratio 2.54 against 2.05), and in the pipeline, run
# for nothing, +5 ms.
COPIED_SQL = sql.SQL("""
SELECT pair.newer, c.*
  FROM unnest(%(newer)s::text[], %(older)s::text[]) AS pair(newer, older)
 CROSS JOIN LATERAL (
    SELECT CASE n.product_group {} ELSE n.product_group END AS g, n.host, n.product,
           CASE WHEN n.last_event_id > h.head OR n.state IS NULL OR n.state IN ('NEW', 'SENT', 'SUSPECT')
                THEN n.id END AS changed, count(*),
           sum(n.amount)::bigint, sum(coalesce(n.settled_fee, n.fee))::bigint,
           sum(coalesce(n.settled_total, n.total))::bigint, sum(n.counter_fee)::bigint
      FROM office.txn n
      JOIN office.txn p ON p.counter_id = pair.older AND p.id = n.id AND p.hash = n.hash{}
      LEFT JOIN (SELECT (SELECT e.id FROM office.txn_event e
                          WHERE e.hash = z.last_event_hash AND e.counter_id = z.counter_id) AS head
                   FROM ({}) z WHERE z.counter_id = pair.newer) h ON true
     WHERE n.counter_id = pair.newer AND n.business_date = %(day)s
       AND (n.state = 'SUCCESS' OR n.last_event_id > h.head OR n.state IS NULL
            OR n.state IN ('NEW', 'SENT', 'SUSPECT'))
     GROUP BY g, n.host, n.product, changed) c
""").format(_LEGACY_CASE, sql.SQL(SAME_HISTORY), sql.SQL(STANDING_SQL))
TWICE_SQL = """
SELECT pair.newer, pair.older, twice.n, twice.copies
  FROM (""" + COPIES_SQL + """) pair
 CROSS JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE true""" + SAME_HISTORY + """) AS copies
                       FROM office.txn n
                       JOIN office.txn p ON p.counter_id = pair.older AND p.id = n.id AND p.hash = n.hash
                      WHERE n.counter_id = pair.newer AND n.business_date = %s) twice
 WHERE twice.n > 0
 ORDER BY pair.newer, pair.older
"""
OPEN_SQL = """
SELECT counter_id, id, reference, created_at, host, product, customer_ref, coalesce(settled_total, total) + counter_fee,
       coalesce(state, 'NEW')
  FROM office.txn WHERE business_date = %s AND (state IS NULL OR state IN ('NEW', 'SENT', 'SUSPECT'))
 ORDER BY counter_id, id
"""
# The rows changed after the seal: their state at the seal is the one the Laporan Z lists
# them with among its open rows, else SUCCESS (nothing else changes later: FAILED and
# REVERSED are final). Only these rows' Laporan Z is read.
CHANGED_SQL = """
SELECT t.counter_id, t.id, t.reference, t.created_at, t.host, t.product, t.customer_ref,
       coalesce(t.settled_total, t.total) + t.counter_fee, t.state,
       coalesce((SELECT o->>'state' FROM jsonb_array_elements(z.snapshot::jsonb -> 'open') o
                  WHERE o->>'reference' = t.reference LIMIT 1), 'SUCCESS'), z.report_no
  FROM unnest(%s::text[], %s::bigint[], %s::integer[]) AS c(counter_id, id, report_no)
  JOIN office.txn t ON t.counter_id = c.counter_id AND t.id = c.id
  JOIN office.day_seal z ON z.counter_id = c.counter_id AND z.report_no = c.report_no
 ORDER BY t.counter_id, t.id
"""


class Figures(NamedTuple):
    """Tuples, not dataclasses: a report makes one per counter and product (thousands).

    ``total`` is the bank's (amount and the bank's fee, as settled); ``counter_fee`` the
    counter's own fee on those rows (*biaya loket*, ``services.counter_fees``): the agent's
    income, collected in cash besides ``total``, as the counter's Laporan Z reports it apart."""

    count: int = 0
    amount: int = 0
    fee: int = 0
    total: int = 0
    counter_fee: int = 0

    def __add__(self, other: "Figures") -> "Figures":  # type: ignore[override]
        return Figures(self.count + other.count, self.amount + other.amount, self.fee + other.fee,
                       self.total + other.total, self.counter_fee + other.counter_fee)


_UNSEEN = object()


def _column(rows: list[tuple[Any, ...]], n: int) -> tuple[Any, ...]:
    """The n-th field of every row (zip transposes in C)."""
    return next(islice(zip(*rows), n, None), ())


def _sum(figures: Iterable[Figures]) -> Figures:
    """Column sums (Figures() for none)."""
    columns = list(zip(*figures))
    return Figures._make(map(sum, columns)) if columns else Figures()


class ProductLine(NamedTuple):
    group: str
    host: str
    product: str
    name: str
    figures: Figures


class OpenRow(NamedTuple):
    counter_id: str
    reference: str
    time: str
    host: str
    product: str
    customer_ref: str
    total: int  # what the customer pays at the counter: the bank's total and the counter's fee, as the Z lists it
    state: str


class Changed(NamedTuple):
    """A row of a sealed day whose state changed after the seal: the row as it is now (its
    ``state`` now), its state when Laporan Z ``report_no`` sealed the day (SUCCESS: counted;
    else the open state the Z listed it with)."""

    row: OpenRow
    sealed_state: str
    report_no: int


class LateRow(NamedTuple):
    """A row of an earlier day that a counter's Laporan Z counts in its cash (its ``late``
    list): a row open at its own day's seal and settled on this day, or one that Z counted
    SUCCESS and was reversed or sent back on this day (the refund)."""

    reference: str
    original_date: str
    state: str
    received: int
    paid_out: int


@dataclass(frozen=True)
class Seal:
    report_no: int
    expected_cash: int
    counted_cash: int
    variance: int
    variance_note: str
    z: Figures
    variance_approved_by: str = ""  # the supervisor, from the Laporan Z; "" when none is named
    # Who held the drawer when, and each holder's own cash difference, as the Laporan Z says
    # ("Selisih per petugas", ``services.reports.Report.spans``); () on a day with one holder.
    spans: tuple[Span, ...] = ()
    # What the Laporan Z's expected cash holds besides the day's own rows: the late settlements
    # and refunds of earlier days' rows, as it lists them. The day's product lines and totals
    # leave them out (the Z's do too): the earlier day's report lists them as changed after
    # its seal, and this is the day whose drawer they moved.
    late: tuple[LateRow, ...] = ()
    # The counter's earlier Laporan Z of the day that a reopening set aside (``SET_ASIDE_SQL``)
    replaces: tuple[int, ...] = ()


@dataclass
class CounterDay:
    counter_id: str
    name: str
    products: list[ProductLine] = field(default_factory=list)
    totals: Figures = Figures()
    open: list[OpenRow] = field(default_factory=list)
    seal: Seal | None = None
    changed: list[Changed] = field(default_factory=list)
    # The rows this id holds as copies of another id's (``SAME_HISTORY``): what its own Laporan Z
    # counts of them, not in ``totals`` nor in the office's (counted under ``copy_of``, which sent
    # them first).
    copied: Figures = Figures()
    copy_of: str = ""
    # The id whose standing Laporan Z of the day this one's is (the same sealed text: a profile
    # copied after its Tutup Hari): listed, not summed in ``OfficeReport.z_totals``.
    seal_copy_of: str = ""

    @property
    def matches_z(self) -> bool | None:
        """Whether the Laporan Z's figures are the office's for this id, its copied rows with
        them: the Z counts every row of its journal (None: not sealed)."""
        return None if self.seal is None else self.seal.z == self.totals + self.copied


@dataclass
class OfficeReport:
    business_date: str
    counters: list[CounterDay]
    products: list[ProductLine]
    totals: Figures
    open: list[OpenRow]
    unsealed: list[str]
    alerts: int  # chain alerts nobody has dealt with yet (not acknowledged: ``office acknowledge``)
    changed: list[Changed] = field(default_factory=list)
    # Counters known to have done no business that day: none of its rows there, and the
    # office holds a later row of theirs. Rows arrive in chain order, so a later one means
    # every row of that day has arrived: a kiosk shut on a Sunday is not "belum tutup hari".
    idle: list[str] = field(default_factory=list)
    # Retired counter ids in the report (``office retire-counter``): the id that replaces each
    # ('' for none). One is left out of the days after its retirement that it did nothing in.
    retired: dict[str, str] = field(default_factory=dict)
    # (counter, the counter it replaces or copies, rows of the day both hold whose histories
    # parted after the copy): counted under both (``TWICE_SQL``); the copies count once (``copies``)
    twice: list[tuple[str, str, int]] = field(default_factory=list)
    alerts_acknowledged: int = 0  # chain alerts the operator has dealt with (listed by ``office verify``)
    # (counter, the counter whose rows it holds as copies, rows of the day): counted under the
    # other, which sent them first, and listed under this one (``CounterDay.copied``)
    copies: list[tuple[str, str, int]] = field(default_factory=list)
    # Per counter, its Laporan Z of the day set aside by a reopening (``SET_ASIDE_SQL``): for an
    # unsealed counter, a day reopened and not sealed again
    set_aside: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def retirement(self, counter_id: str) -> str:
        """'' for a counter in service, else "retired, replaced by K001B" (or "retired")."""
        if counter_id not in self.retired:
            return ""
        by = self.retired[counter_id]
        return f"retired, replaced by {by}" if by else "retired"

    @property
    def z_totals(self) -> Figures:
        """The sum of the sealed counters' Laporan Z totals."""
        out = Figures()
        for day in self.counters:
            if day.seal is not None and not day.seal_copy_of:  # a copied Z is the other id's
                out = out + day.seal.z
        return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while a report is made. A report of a thousand
    counters makes tens of thousands of small tuples (result rows, figures, lines) and no
    reference cycle; the collector, woken every 700 new objects, walked them and everything
    else the process holds again and again for nothing: ~15 % of the build."""
    if not gc.isenabled():  # someone else's pause: theirs to end
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def build(conn: psycopg.Connection[Any], business_date: str) -> OfficeReport:
    """The report of ``business_date``, its queries in one transaction without PostgreSQL's JIT.

    Its queries are index reads and one GROUP BY over a day's rows; over a thousand counters the
    planner's estimates for the counted-twice pairs (``TWICE_SQL``: a lateral count per pair,
    none of them run when nothing was copied) crossed ``jit_above_cost``, and compiling the plan
    took 20-22 ms of a 45 ms report for nothing (tests/bench/office.py: ratio 2.7 against 1.8).
    ``SET LOCAL`` leaves the caller's connection as it was."""
    with _collector_paused(), conn.transaction():
        conn.execute("SET LOCAL jit = off")
        return _build(conn, business_date)


def _build(conn: psycopg.Connection[Any], business_date: str) -> OfficeReport:
    # SUCCESS rows only (at the seal, for a sealed counter), reversal rows left out
    # (services/reports/cash.py): the Laporan Z's product lines. The open rows come from
    # their own small index. Written for a thousand counters: one pass over the result rows,
    # each made into its line without a Python call (tuple.__new__ on a NamedTuple class);
    # the sums are added up afterwards, per counter and per product, by sum() over the columns.
    keys: dict[tuple[str, str, str], tuple[str, str, list[Figures]] | None] = {}
    per_counter: dict[str, list[ProductLine]] = {}
    # The queries sent at once: the small ones run while the GROUP BY's rows travel.
    with conn.pipeline():
        sent = (conn.execute(SUMMARY_SQL, {"day": business_date}, binary=True),
                conn.execute("SELECT counter_id, name, retired_at::date, coalesce(replaced_by, '')"
                             " FROM office.counter"),
                conn.execute(OPEN_SQL, (business_date,)),
                conn.execute(STANDING_SQL, {"day": business_date}),
                conn.execute("SELECT count(*) FILTER (WHERE k.alert_id IS NULL), count(k.alert_id)"
                             " FROM office.alert a" + ACK_JOIN),
                conn.execute(TWICE_SQL, (business_date,)),
                conn.execute(SET_ASIDE_SQL, (business_date,)))
    summary, names_found, open_found, seals_found, ((alert_count, acknowledged),), twice, aside_found = (
        cursor.fetchall() for cursor in sent)
    set_aside: dict[str, tuple[int, ...]] = defaultdict(tuple)
    for counter_id, number in aside_found:
        set_aside[counter_id] += (number,)
    copying = [(newer, older) for newer, older, _, copies in twice if copies]
    copy_lines = conn.execute(COPIED_SQL, {"day": business_date, "newer": [n for n, _ in copying],
                                           "older": [o for _, o in copying]}).fetchall() if copying else []
    new = tuple.__new__
    changed_ids: list[tuple[str, int, tuple[str, str, str], Figures]] = []
    for row in summary:  # counter, group, host, product, changed, count, amount, fee, total, counter_fee
        if row[4] is not None:  # changed after the seal: counted below if it was SUCCESS then
            changed_ids.append((row[0], row[4], row[1:4], new(Figures, row[5:])))
            continue
        key = row[1:4]
        known = keys.get(key, _UNSEEN)
        if known is _UNSEEN:
            known = _product(keys, key)
        if known is None:
            continue
        figures = new(Figures, row[5:])
        known[2].append(figures)
        line = new(ProductLine, (known[0], key[1], key[2], known[1], figures))
        lines = per_counter.get(row[0])
        if lines is None:
            per_counter[row[0]] = [line]
        else:
            lines.append(line)
    names = {counter: name for counter, name, _, _ in names_found}
    # retired counter ids (office retire-counter): the day they were retired, what replaces them
    retired = {counter: (on.isoformat(), by) for counter, _, on, by in names_found if on is not None}
    copied: dict[str, list[Figures]] = defaultdict(list)
    # the copies open or changed after the seal: listed under the id that sent them first only
    copied_listed = _take_copies(copy_lines, keys, per_counter, copied) if copy_lines else set()
    open_rows = [OpenRow(c, ref, created[11:16], h, p, cref, total, state)
                 for c, row_id, ref, created, h, p, cref, total, state in open_found
                 if not copied_listed or (c, row_id) not in copied_listed]
    open_by_counter: dict[str, list[OpenRow]] = defaultdict(list)
    for row in open_rows:
        open_by_counter[row.counter_id].append(row)
    seals = {row[0]: Seal(row[1], row[2], row[3], row[4], row[5],
                          Figures(*(v or 0 for v in (*row[6:10], row[14]))),
                          row[11] or "", Report.from_snapshot(row[12]).spans if row[12] else (),
                          _late_rows(row[13]), set_aside.get(row[0], ()))
             for row in seals_found}
    sealed_hash = {row[0]: row[15] for row in seals_found}
    changed = _changed(conn, changed_ids, seals, keys, per_counter, copied, copied_listed) if changed_ids else []
    changed_by_counter: dict[str, list[Changed]] = defaultdict(list)
    for item in changed:
        changed_by_counter[item.row.counter_id].append(item)
    by_label = itemgetter(0, 3)  # (group, name)
    copy_from = {newer: older for newer, older, _, copies in reversed(twice) if copies}
    # A Laporan Z of the same sealed text as the standing Z of the id it copied: one Z
    seal_copy_from = {newer: older for newer, older, _, _ in reversed(twice)
                      if newer in sealed_hash and sealed_hash[newer] == sealed_hash.get(older)}
    counters: list[CounterDay] = []
    for counter in sorted(set(names) | set(per_counter) | set(seals)):
        lines = per_counter.get(counter, [])
        lines.sort(key=by_label)
        counters.append(CounterDay(counter, names.get(counter, ""), lines, _sum(_column(lines, 4)),
                                   open_by_counter.get(counter, []), seals.get(counter),
                                   changed_by_counter.get(counter, []), _sum(copied.get(counter, ())),
                                   copy_from.get(counter, ""), seal_copy_from.get(counter, "")))
    products = sorted((ProductLine(known[0], k[1], k[2], known[1], _sum(known[2]))
                       for k, known in keys.items() if known is not None), key=by_label)
    if copy_lines:  # a product only copies sold that day: no line
        products = [line for line in products if line.figures.count]
    totals = _sum(line.figures for line in products)
    candidates = [day.counter_id for day in counters if day.seal is None and not day.products and not day.open]
    idle = _idle(conn, business_date, candidates) if candidates else []
    # A retired counter id with nothing that day, after the day it was retired, is out of
    # service, not a counter that failed to seal: left out. Up to that day it is what any
    # counter is (its rows, its seal or "belum tutup hari").
    gone = {c for c in candidates if c in retired and c not in idle and business_date > retired[c][0]}
    if gone:
        counters = [day for day in counters if day.counter_id not in gone]
    unsealed = [day.counter_id for day in counters if day.seal is None and day.counter_id not in idle]
    return OfficeReport(business_date, counters, products, totals, open_rows, unsealed, alert_count, changed, idle,
                        {day.counter_id: retired[day.counter_id][1] for day in counters if day.counter_id in retired},
                        [(counter, other, count - copies) for counter, other, count, copies in twice
                         if count > copies], acknowledged,
                        [(counter, other, copies) for counter, other, _, copies in twice if copies],
                        {counter: set_aside[counter] for counter in unsealed if counter in set_aside})


def _late_rows(listed: list[dict[str, Any]] | None) -> tuple[LateRow, ...]:
    """A Laporan Z's ``late`` list (None: empty), in its order."""
    return tuple(LateRow(str(item.get("reference", "")), str(item.get("original_date", "")),
                         str(item.get("state", "")), int(item.get("received") or 0), int(item.get("paid_out") or 0))
                 for item in listed or ())


IDLE_SQL = """
SELECT c FROM unnest(%(counters)s::text[]) AS c
 WHERE NOT EXISTS (SELECT 1 FROM office.txn t WHERE t.business_date = %(day)s AND t.counter_id = c)
   AND (SELECT t.business_date FROM office.txn t WHERE t.counter_id = c ORDER BY t.id DESC LIMIT 1) > %(day)s
 ORDER BY c
"""


def _idle(conn: psycopg.Connection[Any], business_date: str, candidates: list[str]) -> list[str]:
    """Of the counters with nothing sealed, sold or open that day, those with no row of it
    at all and a later row at the office (``OfficeReport.idle``): one index probe each."""
    return [c for (c,) in conn.execute(IDLE_SQL, {"counters": candidates, "day": business_date})]


def _product(keys: dict[tuple[str, str, str], tuple[str, str, list[Figures]] | None],
             key: tuple[str, str, str]) -> tuple[str, str, list[Figures]] | None:
    """A product met for the first time: its label, its name and the list of its figures; None
    for a reversal row or a product that takes no money at the counter (not in the Laporan
    Z's totals either)."""
    known = keys[key] = None if cash_rules.is_reversal(key[2]) or \
        cash_rules.direction(key[1], key[2]) == cash_rules.NO_CASH else (
        group_label(key[0]), product_name(key[1], key[2]), [])
    return known


def _take_copies(found: list[tuple[Any, ...]], keys: dict[tuple[str, str, str], tuple[str, str, list[Figures]] | None],
                 per_counter: dict[str, list[ProductLine]], copied: dict[str, list[Figures]]) -> set[tuple[str, int]]:
    """The copies' figures (``COPIED_SQL``) out of their counter's lines and the office's, into
    ``copied``; the copies open or changed after their counter's seal, for the lists (``_changed``)."""
    changed: set[tuple[str, int]] = set()
    for row in found:  # counter, group, host, product, changed, count, amount, fee, total, counter_fee
        if row[4] is not None:
            changed.add((row[0], row[4]))
            continue
        key = row[1:4]
        known = keys.get(key)
        if known is None:  # no money moved (or, impossibly, a line the day's GROUP BY lacks)
            continue
        figures = Figures._make(row[5:])
        copied[row[0]].append(figures)
        known[2].append(Figures._make(-v for v in figures))
        lines = per_counter.get(row[0], [])
        at = next(n for n, line in enumerate(lines) if line[:3] == (known[0], key[1], key[2]))
        left = Figures._make(a - b for a, b in zip(lines[at].figures, figures))
        if left.count:
            lines[at] = lines[at]._replace(figures=left)
        else:
            del lines[at]
    return changed


def _changed(conn: psycopg.Connection[Any], found: list[tuple[str, int, tuple[str, str, str], Figures]],
             seals: dict[str, Seal], keys: dict[tuple[str, str, str], tuple[str, str, list[Figures]] | None],
             per_counter: dict[str, list[ProductLine]], copied: dict[str, list[Figures]],
             copies: set[tuple[str, int]]) -> list[Changed]:
    """The rows changed after their counter's seal, read with their state at the seal; those
    SUCCESS then go into their counter's and the office's product lines, as in the Z (a copy
    of another id's row into ``copied`` only, and not listed: the other id lists it)."""
    counter_ids, ids, report_nos = zip(*((c, i, seals[c].report_no) for c, i, _, _ in found))
    read = conn.execute(CHANGED_SQL, (list(counter_ids), list(ids), list(report_nos))).fetchall()
    out = [Changed(OpenRow(c, ref, created[11:16], h, p, cref, total, state), sealed_state, number)
           for c, row_id, ref, created, h, p, cref, total, state, sealed_state, number in read
           if (c, row_id) not in copies]
    sealed_success = {(row[0], row[1]) for row in read if row[9] == "SUCCESS"}
    for counter, row_id, key, figures in found:
        if (counter, row_id) not in sealed_success:
            continue
        known = keys.get(key, _UNSEEN)
        if known is _UNSEEN:
            known = _product(keys, key)
        if known is None:
            continue
        if (counter, row_id) in copies:
            copied[counter].append(figures)
            continue
        known[2].append(figures)
        lines = per_counter.setdefault(counter, [])
        at = next((n for n, line in enumerate(lines) if line[:3] == (known[0], key[1], key[2])), None)
        if at is None:
            lines.append(ProductLine(known[0], key[1], key[2], known[1], figures))
        else:
            lines[at] = lines[at]._replace(figures=lines[at].figures + figures)
    return out


# -- renderers -----------------------------------------------------------------------
CSV_COLUMNS = ("section", "counter_id", "product_group", "host", "product", "name", "count", "amount", "fee",
               "total", "reference", "state", "detail", "counter_fee")


def _field(value: str) -> str:
    """One CSV field as ``csv.writer`` writes it (QUOTE_MINIMAL): quoted only when it holds
    a comma, a quote or a line break."""
    if "," in value or '"' in value or "\r" in value or "\n" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def _as_retired(report: OfficeReport, counter_id: str) -> str:
    """"retired K001", or "K001" for one in service (a copied profile's other PC keeps it)."""
    return f"retired {counter_id}" if counter_id in report.retired else counter_id


def render_csv(report: OfficeReport) -> bytes:
    """RFC 4180, UTF-8: one line per counter and product, per office product, per open row,
    per row changed after its counter's seal (``state`` now; ``detail`` its state at the seal
    and the Laporan Z), per late settlement a counter's Laporan Z counts in its cash
    (``late_settlement``: ``total`` its net cash, ``detail`` its own day), per counter's close
    (variance, Laporan Z totals; ``detail`` names besides the expected cash the cash of rows in
    doubt the count was against, "in doubt", when there was any, and the Laporan Z a reopening
    set aside, "replaces Z-0001 (reopened)") followed, where the drawer
    passed between agents, by one ``counter_span`` line per holder (``name`` the agent,
    ``total`` their own difference, ``detail`` when they held it), per unsealed counter (a
    day reopened and not sealed again says so), per
    counter without business that day (``idle``), and the totals. ``counter_fee`` (last, so the
    columns before it stay where they were) is the counter's own fee in the figures of that
    line: beside ``total``, not in it.
    Written for a thousand counters: each product's line is one %-format made once (its text
    fields quoted), filled with the figures of every counter that sold it."""
    # every counter's product is among the office's products
    product_line = {line[:3]: "," + ",".join(map(_field, line[:4])).replace("%", "%%") + ",%d,%d,%d,%d,,,,%d\r\n"
                    for line in report.products}
    lines = [",".join(CSV_COLUMNS) + "\r\n"]
    add = lines.append
    for day in report.counters:
        counter = _field(day.counter_id)
        head = "counter_product," + counter
        lines.extend(head + product_line[line[:3]] % line[4] for line in day.products)
        t = day.totals
        add(f"counter_total,{counter},,,,,{t[0]},{t[1]},{t[2]},{t[3]},,,,{t[4]}\r\n")
        if day.seal is not None:
            s = day.seal
            # the cash of rows in doubt the count was against besides the expected cash (0 in a
            # seal from before that rule, whose variance is counted - expected)
            in_doubt = s.counted_cash - s.expected_cash - s.variance
            detail = (f"Z-{s.report_no:04d}{_replaces(s.replaces)} expected {s.expected_cash}"
                      + (f" in doubt {in_doubt}" if in_doubt else "")
                      + f" counted {s.counted_cash} variance {s.variance}"
                      + (f" ({s.variance_note})" if s.variance_note else "")
                      + (f" approved by {s.variance_approved_by}" if s.variance_approved_by else "")
                      + (f"; copy of {day.seal_copy_of}'s Laporan Z (the same sealed text): not in the office total"
                         if day.seal_copy_of else "")
                      + ("" if day.matches_z else " DIFFERS FROM THE OFFICE TOTAL"))
            add(f"counter_close,{counter},,,,,{s.z[0]},{s.z[1]},{s.z[2]},{s.z[3]},,,{_field(detail)},{s.z[4]}\r\n")
            lines.extend(f"counter_span,{counter},,,,{_field(span.operator)},,,,"
                         f"{'' if span.difference is None else span.difference},,,"
                         f"held {span.start}-{span.end} (Z-{s.report_no:04d}),\r\n" for span in s.spans)
    lines.extend("office_product," + product_line[line[:3]] % line[4] for line in report.products)
    lines.extend(f"open,{_field(r.counter_id)},,,,,1,0,0,{r.total},{_field(r.reference)},{_field(r.state)},"
                 f"{_field(f'{r.time} {r.host} {r.product} {r.customer_ref}')},\r\n" for r in report.open)
    lines.extend(f"changed_after_seal,{_field(r.counter_id)},,,,,1,0,0,{r.total},{_field(r.reference)},"
                 f"{_field(r.state)},"
                 f"{_field(f'{sealed} at Z-{number:04d} {r.time} {r.host} {r.product} {r.customer_ref}')},\r\n"
                 for r, sealed, number in report.changed)
    lines.extend(f"late_settlement,{_field(day.counter_id)},,,,,1,0,0,{late.received - late.paid_out},"
                 f"{_field(late.reference)},{_field(late.state)},{_field(_late_detail(late))},\r\n"
                 for day in report.counters if day.seal is not None for late in day.seal.late)
    lines.extend(f"unsealed,{_field(counter)},,,,,,,,,,,"
                 f"{_field('; '.join(filter(None, (_unsealed(report, counter), report.retirement(counter)))))},\r\n"
                 for counter in report.unsealed)
    lines.extend(f"idle,{_field(counter)},,,,,,,,,,,no business that day (a later day's rows are in),\r\n"
                 for counter in report.idle)
    twice = "the same rows as {} (a restored or copied journal), their histories parted since: counted under both"
    lines.extend(f"counted_twice,{_field(counter)},,,,,{count},,,,,,"
                 f"{_field(twice.format(_as_retired(report, other)))},\r\n" for counter, other, count in report.twice)
    # a copy's figures (what its own Laporan Z counts of them), the count of its copied rows in the words
    copied = {day.counter_id: day.copied for day in report.counters}
    lines.extend(f"copy_not_counted,{_field(counter)},,,,,{c[0]},{c[1]},{c[2]},{c[3]},,,"
                 f"{_field(_copy_words(report, counter, other, rows))},{c[4]}\r\n"
                 for counter, other, rows in report.copies for c in (copied.get(counter, Figures()),))
    t = report.totals
    add(f"office_total,,,,,,{t[0]},{t[1]},{t[2]},{t[3]},,,alerts {report.alerts}{_dealt_with(report)},{t[4]}\r\n")
    return "".join(lines).encode("utf-8")


def _z_numbers(numbers: tuple[int, ...]) -> str:
    return ", ".join(f"Z-{n:04d}" for n in numbers)


def _replaces(numbers: tuple[int, ...]) -> str:
    """" replaces Z-0001 (reopened)" after a Laporan Z's number; "" when it replaced none."""
    return f" replaces {_z_numbers(numbers)} (reopened)" if numbers else ""


def _unsealed(report: OfficeReport, counter: str) -> str:
    """Why an unsealed counter's line is there: no Laporan Z, or its Laporan Z set aside by a
    reopening at the counter and the day not sealed again (the office saw it as never closed)."""
    numbers = report.set_aside.get(counter)
    if not numbers:
        return "day not sealed (no Laporan Z)"
    return f"day reopened ({_z_numbers(numbers)} set aside), not sealed again"


def _copy_words(report: OfficeReport, counter: str, other: str, rows: int) -> str:
    """Why a copy's line is not in the totals, in the CSV."""
    return (f"{rows} rows of the day are {_as_retired(report, other)}'s, the same history (a copied or restored"
            f" journal), sent first by {other}: counted there, not counted here")


def _late_detail(late: LateRow) -> str:
    """"from 2026-11-21: cash out 125000" (a failure handed back, a refund), "cash in" (what it
    moved beyond what its own day's count found for it), or "no cash": a row whose cash its own
    Laporan Z counted in the drawer, carried in the next float, that succeeded."""
    net = late.received - late.paid_out
    if net == 0:
        return f"from {late.original_date}: no cash (counted in the drawer by its own Laporan Z)"
    return f"from {late.original_date}: cash {'in' if net > 0 else 'out'} {abs(net)}"


def _dealt_with(report: OfficeReport) -> str:
    """" (2 acknowledged)" beside the open alerts' count, '' when none was acknowledged."""
    return f" ({report.alerts_acknowledged} acknowledged)" if report.alerts_acknowledged else ""


LIST_LIMIT = 300


def _pensiun(retired: dict[str, str], counter_id: str) -> str:
    """A retired counter id's words in the PDF: "pensiun, diganti K001B" ('' in service)."""
    if counter_id not in retired:
        return ""
    return f"pensiun, diganti {retired[counter_id]}" if retired[counter_id] else "pensiun"


def render_pdf(report: OfficeReport) -> bytes:
    """A4: office totals per product, one line per counter (total, variance, seal), each
    drawer holder's difference where a counter's drawer passed between agents, the
    unsealed counters, the open rows and the rows changed after their counter's seal. The
    per-counter product lines are in the CSV. A counter is named by its id and the name it
    was registered with (``office add-counter --name``): the id alone means nothing to whoever
    has to phone the kiosk."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from services import pdf_fonts
    from services.money import format_digits as money
    from services.reports.pdf import HeadingKept, _grid, _p, long_date  # the day report's look, shared

    pdf_fonts.register()  # the day report's embedded fonts
    buffer = io.BytesIO()
    width = A4[0] - 32 * mm
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm,
                            bottomMargin=16 * mm, title=f"Laporan Kantor {report.business_date}", creator="Loket",
                            invariant=1, keepTogetherClass=HeadingKept)
    story: list = [_p("LAPORAN KONSOLIDASI KANTOR", "h1"),
                   _p(f"Hari bisnis {long_date(report.business_date)} - {len(report.counters)} loket, "
                      f"{len(report.unsealed)} belum tutup hari, {len(report.idle)} tanpa transaksi, "
                      f"{len(report.open)} transaksi menggantung, "
                      f"{report.alerts} peringatan rantai"
                      + (f" ({report.alerts_acknowledged} sudah ditangani)" if report.alerts_acknowledged else "")),
                   Spacer(1, 6), _p("Per produk (semua loket)", "h2")]
    # "Biaya loket": the counters' own fee, the agents' income, collected beside the bank's total
    rows = [["Kelompok", "Produk", "Jumlah", "Nominal", "Biaya", "Total", "Biaya loket"]]
    rows += [[line.group, line.name, line.figures.count, money(line.figures.amount), money(line.figures.fee),
              money(line.figures.total), money(line.figures.counter_fee)] for line in report.products]
    t = report.totals
    rows.append(["", "TOTAL", t.count, money(t.amount), money(t.fee), money(t.total), money(t.counter_fee)])
    story.append(_grid(rows, [width * w for w in (0.14, 0.24, 0.08, 0.15, 0.12, 0.15, 0.12)], numeric_from=2))
    story += [_p("Per loket", "h2")]
    rows = [["Loket", "Jumlah", "Total", "Biaya loket", "Laporan Z", "Selisih kas", "Cocok Z"]]
    idle = set(report.idle)
    for day in report.counters[:LIST_LIMIT * 4]:
        seal = day.seal
        z = f"Z-{seal.report_no:04d}" if seal else "tidak buka" if day.counter_id in idle else "BELUM"
        if seal is not None and seal.replaces:  # a reopening set the earlier one aside
            z += f" (ganti {_z_numbers(seal.replaces)})"
        if day.seal_copy_of:  # the other id's Laporan Z, summed there
            z += f" salinan {day.seal_copy_of}"
        matches = "-" if seal is None else "ya" if day.matches_z else "TIDAK"
        label = " - ".join(filter(None, (day.name, _pensiun(report.retired, day.counter_id))))
        rows.append([_p(f"{day.counter_id} {label}".strip(), "small"), day.totals.count, money(day.totals.total),
                     money(day.totals.counter_fee), z, money(seal.variance) if seal else "-", matches])
    story.append(_grid(rows, [width * w for w in (0.2, 0.08, 0.17, 0.14, 0.14, 0.15, 0.12)], numeric_from=1))
    spans = [[day.counter_id, span.operator, f"{span.start}-{span.end}", money(span.difference)]
             for day in report.counters if day.seal is not None
             for span in day.seal.spans if span.difference is not None]
    if spans:
        story += [_p("Selisih kas per petugas (laci diserahterimakan)", "h2"),
                  _grid([["Loket", "Petugas", "Pegang laci", "Selisih"]] + spans[:LIST_LIMIT],
                        [width * w for w in (0.22, 0.34, 0.22, 0.22)], numeric_from=3)]
        if len(spans) > LIST_LIMIT:
            story.append(_p(f"... dan {len(spans) - LIST_LIMIT} lagi di CSV."))
    names = {day.counter_id: " - ".join(filter(None, (day.name, _pensiun(report.retired, day.counter_id))))
             for day in report.counters}

    def named(ids: list[str]) -> str:
        return ", ".join(f"{c} ({names[c]})" if names.get(c) else c for c in ids)

    if report.unsealed:
        story += [_p("Belum tutup hari", "h2"), _p(named(report.unsealed))]
    if report.idle:
        story += [_p("Tanpa transaksi hari itu (data hari berikutnya sudah masuk)", "h2"), _p(named(report.idle))]
    if report.twice:
        story += [_p("Dihitung dua kali (jurnal dipulihkan atau disalin, lalu riwayatnya berbeda)", "h2"),
                  _p("; ".join(f"{c}: {n} transaksi sama dengan {o}" + (" (pensiun)" if o in report.retired else "")
                            for c, o, n in report.twice))]
    if report.copies:
        sealed_copy = {day.counter_id for day in report.counters if day.seal_copy_of}
        story += [_p("Salinan - tidak dihitung (jurnal disalin atau dipulihkan, dikirim dengan ID baru)", "h2"),
                  _p("; ".join(f"{c}: {n} transaksi sama persis dengan {o}"
                               + (", Laporan Z juga" if c in sealed_copy else "")
                               + f": dihitung sekali, di {o} yang mengirimnya lebih dulu"
                               for c, o, n in report.copies))]
    if report.open:
        story += [_p("Transaksi menggantung - belum pasti", "h2")]
        rows = [["Loket", "Jam", "Referensi", "Produk", "Total", "Status"]]
        rows += [[r.counter_id, r.time, r.reference, product_name(r.host, r.product), money(r.total), r.state]
                 for r in report.open[:LIST_LIMIT]]
        story.append(_grid(rows, [width * w for w in (0.14, 0.08, 0.24, 0.26, 0.14, 0.14)], numeric_from=4))
        if len(report.open) > LIST_LIMIT:
            story.append(_p(f"... dan {len(report.open) - LIST_LIMIT} lagi di CSV."))
    late = [(day.counter_id, item) for day in report.counters if day.seal is not None for item in day.seal.late]
    if late:
        story += [_p("Penyelesaian terlambat - transaksi hari sebelumnya di kas hari ini (tidak di total)", "h2")]
        rows = [["Loket", "Referensi", "Hari asal", "Status", "Kas masuk", "Kas keluar"]]
        rows += [[counter, item.reference, day_text(item.original_date), item.state, money(item.received),
                  money(item.paid_out)] for counter, item in late[:LIST_LIMIT]]
        story.append(_grid(rows, [width * w for w in (0.12, 0.22, 0.2, 0.14, 0.16, 0.16)], numeric_from=4))
        if len(late) > LIST_LIMIT:
            story.append(_p(f"... dan {len(late) - LIST_LIMIT} lagi di CSV."))
    if report.changed:
        story += [_p("Berubah sesudah Laporan Z - dihitung seperti saat tutup hari", "h2")]
        rows = [["Loket", "Jam", "Referensi", "Produk", "Total", "Saat Z", "Sekarang"]]
        rows += [[r.counter_id, r.time, r.reference, product_name(r.host, r.product), money(r.total), sealed, r.state]
                 for r, sealed, _ in report.changed[:LIST_LIMIT]]
        story.append(_grid(rows, [width * w for w in (0.11, 0.07, 0.22, 0.22, 0.12, 0.13, 0.13)], numeric_from=4))
        if len(report.changed) > LIST_LIMIT:
            story.append(_p(f"... dan {len(report.changed) - LIST_LIMIT} lagi di CSV."))
    doc.build(story)
    return buffer.getvalue()
