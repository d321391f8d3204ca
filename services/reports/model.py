"""The day report as data: what Laporan X and Laporan Z say, independent of paper.

A ``Report`` holds text and integer rupiah only. Laporan X (``kind="X"``, number 0) is
built live and closes nothing. Laporan Z (``kind="Z"``) is built once, inside the write
transaction that seals the day; its canonical JSON (``snapshot``) and that JSON's SHA-256
are stored with the close, and every later view, reprint or export is rendered from the
stored snapshot, never recomputed, so a Laporan Z never changes after it is closed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from services.receipts.model import Agent  # the same agent header as the receipts
from services.receipts.products import customer_ref_text


@dataclass(frozen=True)
class ProductLine:
    """SUCCESS rows of one product: count, amount, admin fees, total (what the bank
    debited), and the counter's own fees the agent collected besides (the agent's income)."""

    group: str
    host: str
    product: str
    name: str
    count: int
    amount: int
    fee: int
    total: int
    counter_fee: int = 0  # 0 in a Laporan Z sealed before counter fees were journaled


@dataclass(frozen=True)
class GroupLine:
    group: str
    count: int
    amount: int
    fee: int
    total: int
    counter_fee: int = 0


class _NamesCustomer:
    """A listed transaction's customer as its receipt names them."""

    host: str
    product: str
    customer_ref: str
    customer_name: str

    @property
    def customer(self) -> str:
        """The reference as the receipt prints it (charity's provider by name, a NIK
        masked), then the name; "" when there is neither."""
        return " ".join(x for x in (customer_ref_text(self.host, self.product, self.customer_ref),
                                    self.customer_name) if x)


@dataclass(frozen=True)
class Listed(_NamesCustomer):
    """One failed, open (suspect) or reversed transaction, as the lists show it."""

    reference: str
    time: str  # "14:05"
    host: str
    product: str
    name: str
    customer_ref: str
    customer_name: str
    total: int
    state: str
    error_code: str = ""
    error_message: str = ""
    # ISO time the row was journaled, to the second. "" in a Laporan Z sealed before it was kept.
    at: str = ""


@dataclass(frozen=True)
class Late(_NamesCustomer):
    """A transaction of an earlier, sealed day that settled on this one (penyelesaian terlambat).

    It was open (NEW/SENT/SUSPECT) when its own day was sealed, so that day's Laporan Z left
    it out of the cash; it counts here, on the day it settled, with its own business date."""

    reference: str
    original_date: str  # the business date the row belongs to, "2026-11-21"
    settled_at: str  # ISO time of the event that settled it
    host: str
    product: str
    name: str
    customer_ref: str
    customer_name: str
    total: int
    state: str  # SUCCESS, FAILED or REVERSED (as it stands now)
    received: int = 0  # what it put into the drawer (cash rule of services/reports/cash.py)
    paid_out: int = 0
    # The counter's own fee in it, when it settled SUCCESS: the agent's income, held in
    # ``total`` (and so in the drawer), that no Laporan Z's product lines or totals count
    # (open at its own day's seal, it is no product line of this day either). 0 in a
    # Laporan Z sealed before it was listed.
    counter_fee: int = 0


@dataclass(frozen=True)
class Movement:
    """A cash movement of the day; ``amount`` is signed: what it did to the drawer."""

    id: int
    time: str
    kind: str
    label: str
    amount: int
    reason: str
    operator: str


@dataclass(frozen=True)
class Count:
    """A count of the drawer typed in Tutup Hari before the one the day was closed with,
    with what the drawer should have held at that moment, the figure it was compared with
    (``Cash.against``: cash in doubt included; a count entered before that rule holds the
    expected cash alone, as it was compared then)."""

    at: str  # ISO time the count was entered
    operator: str
    counted: int
    expected: int  # what the drawer should have held then (the ``cash_count.expected`` column)

    @property
    def variance(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True)
class Cash:
    """The drawer: expected = opening float + received - paid out + movements + late, the
    day's own cash; the drawer should hold that and the cash of rows still in doubt
    (``should_hold``), and the count is compared with it (``variance``)."""

    opening_float: int
    received: int
    paid_out: int
    movements: int
    expected: int
    held_in_open: int  # cash taken for rows still NEW/SENT/SUSPECT: not in ``expected``, in ``should_hold``
    movement_lines: tuple[Movement, ...] = ()
    counted: int | None = None
    variance: int | None = None  # counted - ``against``
    variance_note: str = ""
    counts: int = 0  # how many counts were entered before the close
    late: int = 0  # net cash of late settlements (``Report.late``): already in ``expected``
    # Every count entered before the one sealed (all of them on a Laporan X), oldest first.
    # The count is blind only until a figure is typed: any figure shows the variance, and
    # so the expected cash, and "Hitung ulang" then takes the figure just learnt. A count
    # short by Rp 50.000, then a Setor ke Bank of Rp 50.000 (no supervisor) and a second
    # close, ended "Kas pas" too. The number of counts alone said neither; each earlier
    # count with its variance then does. Empty in a Laporan Z sealed before it was listed.
    earlier_counts: tuple[Count, ...] = ()
    # The supervisor who approved sealing this count's variance (action ``cash_variance``,
    # its reason ``variance_note``): a shortfall or overage never seals on the agent's word
    # alone. "" when the count was even, and in a Laporan Z sealed before it was asked.
    variance_approved_by: str = ""
    # Only in a Laporan Z sealed while an earlier day's cash in doubt was expected beside the
    # opening float (and rendered so, in its ``should_hold``): 0 in every report made now. The
    # opening float is the whole drawer as counted, an earlier day's cash in doubt in it (its
    # Laporan Z counted it in the drawer); when that row settles, a late line moves only what
    # differs from that count (``services.reports.aggregate.late_settlements``).
    held_carried: int = 0
    # What the drawer should hold: ``expected + held_in_open`` (``+ held_carried`` in a Laporan
    # Z sealed with it), the figure the count is compared with. The cash of a row in doubt is in
    # the drawer until it settles (the customer's or the bank's then), so a drawer without it is
    # short, and a drawer with it is even, as Serah Terima Kas counts it. None marks a Laporan Z
    # sealed before this rule: its
    # ``variance`` (and its earlier counts') is against ``expected`` alone, the cash in doubt
    # beside it, and it is rendered so, as it was sealed (``against``, ``includes_held``).
    should_hold: int | None = None

    @property
    def includes_held(self) -> bool:
        """The count was compared with the cash in doubt included (every report made now)."""
        return self.should_hold is not None

    @property
    def against(self) -> int:
        """The figure ``variance`` is against, "Kas seharusnya di laci": ``should_hold``, or
        ``expected`` in a Laporan Z sealed before the cash in doubt was in it."""
        return self.expected if self.should_hold is None else self.should_hold


@dataclass(frozen=True)
class Handover:
    """One Serah Terima Kas: the drawer passed from ``from_operator`` to ``to_operator``,
    who counted it blind (``services.dayclose.handover``).

    ``expected`` is the drawer's expected cash as the day close computes it at that moment,
    with the cash held for this day's rows then still in doubt (``held_in_open``; handovers
    recorded before that rule hold the expected cash alone; some recorded while it was
    expected beside the float hold an earlier day's too, ``Cash.held_carried``);
    ``carried`` the differences of the day's earlier handovers, already someone's; the
    drawer should then hold ``expected + carried``, and ``difference`` (counted minus that)
    is the outgoing agent's own, approved by ``approved_by`` (a supervisor) when not zero.
    It moves no cash: the day's expected cash and totals are the same with or without it."""

    at: str  # ISO time the handover was recorded
    from_operator: str
    to_operator: str
    counted: int
    expected: int
    carried: int
    difference: int
    note: str = ""
    approved_by: str = ""
    counts: int = 1  # how many counts the incoming agent entered for it (the last one is ``counted``)

    @property
    def should_hold(self) -> int:
        return self.expected + self.carried


@dataclass(frozen=True)
class Span:
    """Who held the drawer from ``start`` to ``end`` ("HH:MM"; "" while still holding it) and the
    cash difference found at the end of that span (None: not counted yet): their own."""

    operator: str
    start: str
    end: str
    difference: int | None


@dataclass(frozen=True)
class ApprovalLine:
    approver: str
    action: str
    reason: str
    at: str
    subject: str = ""


@dataclass(frozen=True)
class Seal:
    closed_at: str
    closed_by: str
    rows: int
    last_txn_hash: str
    last_event_hash: str


@dataclass(frozen=True)
class Totals:
    count: int
    amount: int
    fee: int
    total: int
    counter_fee: int = 0  # the agent's fee income of the day


@dataclass(frozen=True)
class Report:
    kind: str  # "X" mid-day, "Z" the close
    number: int  # Laporan Z number; 0 for X
    business_date: str  # "2026-11-21"
    agent: Agent
    generated_at: str  # ISO time in WIB
    operator: str
    sandbox: bool
    products: tuple[ProductLine, ...]
    groups: tuple[GroupLine, ...]
    totals: Totals
    failed: tuple[Listed, ...]
    open: tuple[Listed, ...]  # NEW / SENT / SUSPECT: unresolved
    reversed: tuple[Listed, ...]
    cash: Cash | None  # None while the blind count hides it
    bank_balance: int | None = None  # the agent's bank balance when the report was made
    bank_balance_note: str = ""  # why it is missing ("offline") or which host answered
    approvals: tuple[ApprovalLine, ...] = ()
    seal: Seal | None = None
    shift_opened_by: str = ""
    notes: tuple[str, ...] = field(default=())
    late: tuple[Late, ...] = ()  # settled today, belonging to an earlier sealed day
    # SUCCESS rows that took no money at the counter (a created VA, a balance check): not in
    # ``products``, ``groups`` or ``totals``
    documents: tuple[ProductLine, ...] = ()
    # The day's drawer handovers, oldest first (empty in a Laporan Z sealed before they existed)
    handovers: tuple[Handover, ...] = ()
    shift_opened_at: str = ""  # ISO time of Buka Shift ("" in a Laporan Z sealed before it was kept)

    @property
    def spans(self) -> tuple[Span, ...]:
        """The drawer's holders in turn, each with the difference of their own span. They add
        up to the day's variance. Empty on a day without handovers (one holder: the day's
        variance is theirs).

        Every count, a handover's and Tutup Hari's, is against what the drawer should hold
        then, the cash of rows in doubt included (``Cash.should_hold``): each difference is
        the holder's own, and the last holder's is the day's variance less the differences
        handed over (``carried``), what they counted against what they took over. The cash
        in doubt needs no holder: a drawer without it is short in the span it went missing.
        (A Laporan Z sealed before that rule has the cash in doubt in its variance, and so in
        its last holder's span, as it was printed.)"""
        if not self.handovers:
            return ()
        spans = []
        start = self.shift_opened_at[11:16]
        for handover in self.handovers:
            spans.append(Span(handover.from_operator, start, handover.at[11:16], handover.difference))
            start = handover.at[11:16]
        last = self.handovers[-1]
        counted = self.cash is not None and self.cash.counted is not None
        end = self.seal.closed_at[11:16] if self.seal else ""
        spans.append(Span(last.to_operator, start, end,
                          (self.cash.variance or 0) - last.carried - last.difference
                          if counted and self.cash is not None else None))
        return tuple(spans)

    @property
    def title(self) -> str:
        return f"LAPORAN Z No. {self.number:04d}" if self.kind == "Z" else "LAPORAN X (SEMENTARA)"

    @property
    def label(self) -> str:
        return f"Z-{self.number:04d}" if self.kind == "Z" else "X"

    # -- snapshot --------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def snapshot(self) -> str:
        """Canonical JSON: sorted keys, no whitespace, UTF-8 text. What Laporan Z stores."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def snapshot_hash(self) -> str:
        return snapshot_hash(self.snapshot())

    @classmethod
    def from_snapshot(cls, text: str) -> "Report":
        return _build(cls, json.loads(text))


def snapshot_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_NESTED: dict[str, type] = {
    "agent": Agent, "products": ProductLine, "groups": GroupLine, "totals": Totals, "failed": Listed,
    "open": Listed, "reversed": Listed, "cash": Cash, "approvals": ApprovalLine, "seal": Seal,
    "movement_lines": Movement, "late": Late, "documents": ProductLine, "earlier_counts": Count,
    "handovers": Handover,
}


def _build(cls: type, data: dict[str, Any]) -> Any:
    """A dataclass back from ``asdict`` output (lists become tuples again)."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        inner = _NESTED.get(f.name)
        if isinstance(value, list):
            value = tuple(_build(inner, v) if inner and isinstance(v, dict) else v for v in value)
        elif isinstance(value, dict) and inner:
            value = _build(inner, value)
        kwargs[f.name] = value
    return cls(**kwargs)
