"""The day's figures, aggregated by SQL in the journal.

One ``GROUP BY product_group, host, product, state`` over the business day gives every
count and sum the report shows; Python only adds up its handful of result rows (one per
product and state, never one per transaction). The failed, open and reversed lists are a
second query that seeks only those rows by state. Both read the day-close package's
covering index ``dayclose_txn_report`` (created by ``services.dayclose.schema``, which must
have migrated the file first), named in the list query so the planner does not walk the
whole day through the date index to find a few hundred failed rows.

The functions read through the ``Journal`` (its ``execute``, under its lock) so the
day-close service can build the Laporan Z inside the same journal transaction that seals
the day.

Late settlements: a row still open when its day was sealed (a payment in flight during Tutup
Hari, a SUSPECT resolved days later) is not in that day's Laporan Z cash, and its day takes
no more changes. It is counted on the business day in which it settled: the day whose
report window held the settling event (the calendar day in WIB, or the day after the last
day sealed by then). "Before or after a seal" is the event chain's order: each seal and each
reopening records the id of the last event written before it, and an event counts after a
seal when its id is greater, never because its time is later. The kiosk's clock can go back
(a flat CMOS battery, Windows' time sync, a hand): a settlement stamped earlier than the seal
that came before it was taken as inside the sealed day, which was sealed without it, and no
later day counted it either. ``late_settlements`` finds them from the sealed reports' open lists
(a handful of rows), never by reading the days' rows, and the drawer's expected cash
includes them as their own line. So does a reversal of a row an earlier Laporan Z sealed
as SUCCESS: the refund paid today is today's late line (the few REVERSED rows of earlier
days, sought by state).

Money is always the *final* figure: ``COALESCE(settled_fee, fee)`` and
``COALESCE(settled_total, total)``, i.e. what the host confirmed where it differed from
what was asked (a Telkom admin fee first named in the payment's answer), so the expected
cash in the drawer includes every fee the agent collected. The counter's own fee
(``counter_fee``, journaled with the payment) is outside the bank's total and inside the
drawer: the cash legs, the late settlements and the cash held in open rows count it, and
the totals report it apart as the agent's fee income. The covering index carries the
settled columns and ``counter_fee``, so the summary still reads no table row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from services import product_names as names
from services.event_words import reversal_of
from services.journal.days import after_sealed
from services.product_groups import group_id, group_label
from services.reports import cash as cash_rules
from services.reports.model import (
    Agent,
    ApprovalLine,
    Cash,
    Count,
    GroupLine,
    Handover,
    Late,
    Listed,
    Movement,
    ProductLine,
    Report,
    Seal,
    Totals,
)

if TYPE_CHECKING:
    from services.journal import Journal

OPEN_STATES = ("NEW", "SENT", "SUSPECT")
LISTED_STATES = ("FAILED", "REVERSED", *OPEN_STATES)

SUMMARY_SQL = """
SELECT product_group, host, product, state,
       COUNT(*) AS n, SUM(amount) AS amount, SUM(COALESCE(settled_fee, fee)) AS fee,
       SUM(COALESCE(settled_total, total)) AS total, SUM(counter_fee) AS counter_fee
FROM txn
WHERE business_date = ?
GROUP BY product_group, host, product, state
"""

# A REVERSED row's last REVERSED event's reason: a reversal's says why it was cancelled,
# where the row's error words may still be those of its doubt before it was confirmed.
LISTED_SQL = f"""
SELECT t.reference, t.created_at, t.host, t.product, t.customer_ref, t.customer_name,
       COALESCE(t.settled_total, t.total) + t.counter_fee AS total, t.state, t.error_code, t.error_message,
       CASE WHEN t.state = 'REVERSED' THEN (SELECT e.reason FROM txn_event e WHERE e.txn_id = t.id
                                            AND e.to_state = 'REVERSED' ORDER BY e.id DESC LIMIT 1) END
FROM txn t INDEXED BY dayclose_txn_report
WHERE t.business_date = ? AND t.state IN ({",".join("?" * len(LISTED_STATES))})
ORDER BY t.id
"""


@dataclass(frozen=True)
class CashInputs:
    """What the drawer held besides transactions: the day-close tables' part."""

    opening_float: int = 0
    movements: tuple[Movement, ...] = ()
    counted: int | None = None
    variance_note: str = ""
    counts: int = 0
    earlier_counts: tuple[Count, ...] = ()  # the counts before the one in ``counted`` (``Cash.earlier_counts``)


def product_name(host: str, product: str) -> str:
    """The menu's name for the product (the report is read beside the screens)."""
    del host  # product ids are unique across hosts today; the signature keeps the pair
    return names.product_name(product)


def _time(created_at: str) -> str:
    return created_at[11:16]


def summarise(conn: "Journal", business_date: str) -> tuple[
        tuple[ProductLine, ...], tuple[GroupLine, ...], Totals, int, int, tuple[ProductLine, ...]]:
    """Per-product and per-group SUCCESS figures, totals, the drawer's (received, paid), and
    the documents issued.

    Reversal rows are left out of the product lines (see ``services.reports.cash``). So are
    the products that take no money at the counter (a created DOKU VA is a bill the customer
    pays elsewhere; a balance check): they are the ``documents`` lines, outside the totals, so
    "TOTAL TRANSAKSI BERHASIL" is money the counter really took or paid.
    """
    products: dict[tuple[str, str, str], list[int]] = {}
    documents: dict[tuple[str, str, str], list[int]] = {}
    received = paid = 0
    for group, host, product, state, n, amount, fee, total, counter_fee in conn.execute(
            SUMMARY_SQL, (business_date,)):
        got, gave = cash_rules.legs(host, product, state, amount, total + counter_fee)
        received += got
        paid += gave
        if state == "SUCCESS" and not cash_rules.is_reversal(product):
            moves = cash_rules.direction(host, product) != cash_rules.NO_CASH
            # a day written across the upgrade holds a group both as its old label and as its id
            figures = (products if moves else documents).setdefault((group_id(group), host, product), [0, 0, 0, 0, 0])
            for i, value in enumerate((n, amount, fee, total, counter_fee)):
                figures[i] += value

    def product_lines(found: dict[tuple[str, str, str], list[int]]) -> tuple[ProductLine, ...]:
        return tuple(ProductLine(g, h, p, product_name(h, p), *figures)
                     for (g, h, p), figures in sorted(found.items(), key=lambda kv: (
                         group_label(kv[0][0]), product_name(kv[0][1], kv[0][2]))))

    lines = product_lines(products)
    groups: dict[str, list[int]] = {}
    for line in lines:
        acc = groups.setdefault(line.group, [0, 0, 0, 0, 0])
        for i, value in enumerate((line.count, line.amount, line.fee, line.total, line.counter_fee)):
            acc[i] += value
    group_lines = tuple(GroupLine(g, *v) for g, v in groups.items())
    totals = Totals(*(sum(g[i] for g in groups.values()) for i in range(5))) if groups else Totals(0, 0, 0, 0)
    return lines, group_lines, totals, received, paid, product_lines(documents)


def listed(conn: "Journal", business_date: str) -> dict[str, tuple[Listed, ...]]:
    """The day's failed, open and reversed rows, each with its code and words: a row a
    supervisor reversed with the reversal's number and reason ("Reversal <ref>: <reason>",
    as Riwayat's "Alasan pembatalan" says it), never the words it kept from its doubt (a
    transfer uncertain with "SYSTEM MALFUNCTION", found booked, then reversed)."""
    out: dict[str, list[Listed]] = {"failed": [], "open": [], "reversed": []}
    for ref, created, host, product, cref, cname, total, state, code, message, cancelled in conn.execute(
            LISTED_SQL, (business_date, *LISTED_STATES)):
        reversal = reversal_of(cancelled or "")
        if reversal is not None:
            code, message = "", f"Reversal {reversal[0]}: {reversal[1]}" if reversal[1] else f"Reversal {reversal[0]}"
        item = Listed(ref, _time(created), host, product, product_name(host, product), cref, cname, total, state,
                      code, message, created)
        out["failed" if state == "FAILED" else "reversed" if state == "REVERSED" else "open"].append(item)
    return {k: tuple(v) for k, v in out.items()}


# (business date, the seal's position in the event chain, the reopening's or None): the id of
# the last event written before each (services/dayclose/schema.py, version 6).
Close = tuple[str, int, "int | None"]


def _seal_history(conn: "Journal") -> list[Close]:
    """Every close, oldest first, with where it and its reopening stand in the event chain."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='day_close'").fetchone() is None:
        return []
    return [(day, head, reopened) for day, head, reopened in conn.execute(
        "SELECT c.business_date, c.last_event_id, r.last_event_id FROM day_close c"
        " LEFT JOIN day_reopen r ON r.close_id = c.id ORDER BY c.id")]


def settled_day(history: list[Close], position: int, at: str) -> str:
    """The business day in force at the event ``position``, written at ``at``: the journal's
    rule for a row written then (``services.journal.days.after_sealed``), with the days that
    stood sealed by the chain's order (sealed before the event, not reopened before it),
    never by comparing the event's time with the seals'."""
    sealed = max((day for day, head, reopened in history
                  if head < position and (reopened is None or position <= reopened)), default=None)
    return after_sealed(datetime.fromisoformat(at), sealed)


# The candidates: rows listed open in a sealed day's Laporan Z (its snapshot), settled since
# (by the chain's order, after the seal), with the event that settled them and the total that
# Laporan Z listed (the cash its count found in the drawer for it); the sealed
# reports are few, their open lists short. In that order (CROSS JOIN): left to itself the
# planner may start from every settled row of the journal by state.
_LATE_SQL = f"""
SELECT c.business_date, t.reference, t.host, t.product, t.customer_ref, t.customer_name, t.amount,
       COALESCE(t.settled_total, t.total) + t.counter_fee, t.state, e.id, e.at, t.counter_fee,
       COALESCE(json_extract(o.value, '$.total'), COALESCE(t.settled_total, t.total) + t.counter_fee)
FROM day_close c CROSS JOIN json_each(c.snapshot, '$.open') o
CROSS JOIN txn t ON t.reference = json_extract(o.value, '$.reference')
CROSS JOIN txn_event e ON e.id = (SELECT MIN(id) FROM txn_event WHERE txn_id = t.id
                            AND from_state IN ('NEW', 'SENT', 'SUSPECT')
                            AND to_state IN ({",".join(repr(s) for s in ("SUCCESS", "FAILED", "REVERSED"))}))
WHERE c.business_date < :day AND NOT EXISTS (SELECT 1 FROM day_reopen r WHERE r.close_id = c.id)
  AND t.state IN ('SUCCESS', 'FAILED', 'REVERSED') AND e.id > c.last_event_id
  AND (e.id > :after_eve OR e.at >= :day)
"""


# Rows of earlier days reversed (SUCCESS -> REVERSED) since: few (a reversal needs a
# supervisor), sought by state through ``txn_state_day``; with the events that made them
# SUCCESS and REVERSED.
_REVERSED_SQL = """
SELECT t.business_date, t.reference, t.host, t.product, t.customer_ref, t.customer_name, t.amount,
       COALESCE(t.settled_total, t.total) + t.counter_fee, s.id, s.at, r.id, r.at
FROM txn t INDEXED BY txn_state_day
JOIN txn_event s ON s.id = (SELECT MIN(id) FROM txn_event WHERE txn_id = t.id AND to_state = 'SUCCESS')
JOIN txn_event r ON r.id = (SELECT MIN(id) FROM txn_event WHERE txn_id = t.id AND to_state = 'REVERSED')
WHERE t.state = 'REVERSED' AND t.business_date < :day AND (r.id > :after_eve OR r.at >= :day)
"""


_PAST_EVERY_EVENT = 2 ** 63 - 1  # SQLite's largest integer: no event id is greater


def _could_settle_on(history: list[Close], business_date: str) -> dict[str, object]:
    """The two queries' parameters: an event can be in force on ``business_date`` only when
    its calendar day is that day or later (its time, in the journal's WIB format, from the
    day's date on) or when it came after a seal of the day before (``after_eve``: the first
    such seal's place; none: past every event). A necessary condition of ``settled_day``,
    exact whatever the clock: it only spares reading every late row of the journal's past,
    and ``settled_day`` decides each row it lets through."""
    eve = (date.fromisoformat(business_date) - timedelta(days=1)).isoformat()
    return {"day": business_date,
            "after_eve": min((head for day, head, _ in history if day == eve), default=_PAST_EVERY_EVENT)}


def _sealed_in_force(history: list[Close], business_date: str) -> int | None:
    """Where the Laporan Z of ``business_date`` now in force sealed the event chain; None when none is."""
    return next((head for day, head, reopened in reversed(history)
                 if day == business_date and reopened is None), None)


def _late_reversals(conn: "Journal", history: list[Close], business_date: str) -> list[tuple[int, Late]]:
    """Refunds paid on ``business_date`` for rows whose SUCCESS an earlier Laporan Z had
    already sealed into its cash, each with its event's position.

    A REVERSED row counts both legs, received and paid back, on the day that counts the
    row. When that day was sealed while the row was still SUCCESS, its Laporan Z holds the
    cash received and never changes; the refund is paid from the drawer of the day the
    reversal happened, so it is that day's own line (received 0, paid out the refund), or
    the agent would be short by the refund on it."""
    out = []
    for own_day, reference, host, product, cref, cname, amount, total, succeeded, succeeded_at, reversed_, \
            reversed_at in conn.execute(_REVERSED_SQL, _could_settle_on(history, business_date)):
        # the day that counts its SUCCESS: its own, or the one it settled late on
        own_close = _sealed_in_force(history, own_day)
        counted_on = own_day if own_close is None or succeeded <= own_close \
            else settled_day(history, succeeded, succeeded_at)
        counted_close = _sealed_in_force(history, counted_on)
        if counted_close is None or reversed_ <= counted_close or counted_on == business_date:
            continue  # the day that counts it was open at the reversal: both legs are its own
        if settled_day(history, reversed_, reversed_at) != business_date:
            continue
        got, gave = cash_rules.legs(host, product, "SUCCESS", amount, total)
        out.append((reversed_, Late(reference, own_day, reversed_at, host, product, product_name(host, product), cref,
                                    cname, total, "REVERSED", gave, got)))
    return out


_CARRIED_SQL = f"""
SELECT DISTINCT t.reference, t.host, t.product, COALESCE(t.settled_total, t.total) + t.counter_fee
FROM day_close c CROSS JOIN json_each(c.snapshot, '$.open') o
CROSS JOIN txn t ON t.reference = json_extract(o.value, '$.reference')
WHERE c.business_date < :day AND t.business_date < :day
  AND NOT EXISTS (SELECT 1 FROM day_reopen r WHERE r.close_id = c.id)
  AND t.state IN ({",".join(repr(s) for s in OPEN_STATES)})
"""


def held_carried(conn: "Journal", business_date: str) -> int:
    """The cash taken on earlier sealed days for rows their Laporan Z listed open and still open
    now: counted at those seals in the drawer, so in ``business_date``'s opening float, which
    is the whole drawer as counted (Buka Shift says how much of it is still in doubt)."""
    return sum(total for _, host, product, total in conn.execute(_CARRIED_SQL, {"day": business_date})
               if cash_rules.direction(host, product) == cash_rules.CASH_IN)


def late_settlements(conn: "Journal", business_date: str) -> tuple[Late, ...]:
    """Rows of earlier sealed days, open at their seal, that settled on ``business_date``;
    and rows an earlier Laporan Z counted as SUCCESS, reversed on ``business_date``. In the
    event chain's order.

    Decision (the drawer carries forward what is physically in it): each line's cash is its
    cash effect now minus what the Laporan Z of its own day already counted in the drawer for
    it. That Z counted a row in doubt's cash in what the drawer should hold (``held_in_open``),
    and the next day's opening float is the whole drawer as counted, that cash in it. So a row
    held there that settles SUCCESS moves nothing (its cash is already in the float); one that
    fails is handed back to the customer out of the drawer (paid out: the held total); a row a
    Z counted as SUCCESS and reversed later is refunded out of the drawer too. Counted again on
    the settle day, the missing cash of a row in doubt was charged once by the Z that found the
    drawer short, then again on every later day and on the day it settled."""
    history = _seal_history(conn)
    if not history:
        return ()
    out = _late_reversals(conn, history, business_date)
    for original, reference, host, product, cref, cname, amount, total, state, position, at, counter_fee, \
            sealed_total in conn.execute(_LATE_SQL, _could_settle_on(history, business_date)):
        if settled_day(history, position, at) != business_date:
            continue
        got, gave = cash_rules.legs(host, product, state, amount, total)
        # what its own day's Z counted in the drawer for it: now in the float, not received again
        counted = sealed_total if cash_rules.direction(host, product) == cash_rules.CASH_IN else 0
        got, gave = max(got - counted, 0), gave + max(counted - got, 0)
        out.append((position, Late(reference, original, at, host, product, product_name(host, product), cref, cname,
                                   total, state, got, gave, counter_fee if state == "SUCCESS" else 0)))
    return tuple(late for _, late in sorted(out, key=lambda item: item[0]))


def build_report(
    conn: "Journal",
    business_date: str,
    *,
    generated_at: str,
    operator: str,
    agent: Agent = Agent(),
    sandbox: bool = False,
    kind: str = "X",
    number: int = 0,
    cash_inputs: CashInputs = CashInputs(),
    bank_balance: int | None = None,
    bank_balance_note: str = "",
    approvals: tuple[ApprovalLine, ...] = (),
    seal: Seal | None = None,
    shift_opened_by: str = "",
    shift_opened_at: str = "",
    handovers: tuple[Handover, ...] = (),
) -> Report:
    """The day report of ``business_date`` as the journal stands now."""
    lines, groups, totals, received, paid, documents = summarise(conn, business_date)
    lists = listed(conn, business_date)
    late = late_settlements(conn, business_date)
    late_net = sum(item.received - item.paid_out for item in late)
    held = sum(item.total for item in cash_rules.held(lists["open"]))
    moved = sum(m.amount for m in cash_inputs.movements)
    expected = cash_inputs.opening_float + received - paid + moved + late_net
    should_hold = expected + held  # this day's cash in doubt is in the drawer (``Cash.should_hold``)
    counted = cash_inputs.counted
    drawer = Cash(
        opening_float=cash_inputs.opening_float,
        received=received,
        paid_out=paid,
        movements=moved,
        expected=expected,
        held_in_open=held,
        movement_lines=cash_inputs.movements,
        counted=counted,
        variance=None if counted is None else counted - should_hold,
        variance_note=cash_inputs.variance_note,
        counts=cash_inputs.counts,
        earlier_counts=cash_inputs.earlier_counts,
        late=late_net,
        should_hold=should_hold,
    )
    return Report(
        kind=kind,
        number=number,
        business_date=business_date,
        agent=agent,
        generated_at=generated_at,
        operator=operator,
        sandbox=sandbox,
        products=lines,
        groups=groups,
        totals=totals,
        failed=lists["failed"],
        open=lists["open"],
        reversed=lists["reversed"],
        cash=drawer,
        bank_balance=bank_balance,
        bank_balance_note=bank_balance_note,
        approvals=approvals,
        seal=seal,
        shift_opened_by=shift_opened_by,
        shift_opened_at=shift_opened_at,
        handovers=handovers,
        late=late,
        documents=documents,
    )
