"""What the journal hands out: its rows, their events, a verification's result, and what a
sender meant to record when the journal refused (``store.Journal`` makes and keeps them).

A row is built from its stored columns without the dataclass's ``__init__``
(``JournalRow.from_db``) and parses its JSON columns at their first read (``_Parsed``):
most rows the journal hands out are read for their figures and state only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Callable

from services.journal import chain
from services.journal.states import State


@dataclass(frozen=True)
class Unrecorded:
    """What a sender meant to record and the journal refused (``Journal.sent_back``).

    ``sent``: the request may have reached the host (the row becomes SUSPECT, with
    ``response``, the host's answer, where there was one); False: it provably never left
    (FAILED "tidak terkirim")."""

    reason: str
    response: dict[str, Any] | None = None
    sent: bool = True


@dataclass(frozen=True)
class JournalRow:
    id: int
    reference: str
    host: str
    product: str
    product_group: str
    customer_ref: str
    customer_name: str
    amount: int
    fee: int
    total: int
    operator: str
    business_date: str
    request: dict[str, Any]
    created_at: str
    prev_hash: str
    hash: str
    state: State
    host_ref: str
    response: dict[str, Any] | None
    error_code: str
    error_message: str
    updated_at: str
    # What the host confirmed, when it differs from what was asked (``fee``/``total``, which
    # never change): set once, on the way to SUCCESS. None means "as asked".
    settled_fee: int | None = None
    settled_total: int | None = None
    # The request exactly as stored and hashed (the export carries it so a partner can
    # recompute ``hash``); ``request`` is the same, parsed.
    request_text: str = field(default="", repr=False, compare=False)
    # The host's inquiry answer the payment was quoted from (redacted, hashed with the
    # row when not empty): what its receipt reads besides the request and the answer.
    # None for a transaction with no inquiry, or one written before journal schema 5.
    inquiry: dict[str, Any] | None = None
    inquiry_text: str = field(default="", repr=False, compare=False)
    # The counter's own fee the agent collected besides the bank's admin fee (``biaya
    # loket``), as it was when the payment was made; never part of ``total`` (what the bank
    # debits), always part of what the customer handed over (``collected``).
    counter_fee: int = 0
    # What the counter recorded with the transaction that the request does not carry (a
    # reversal's approver and reason, a transfer's sender): the changes of its first event,
    # chained with it. Empty when there was none.
    declared: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_db(cls, row: dict[str, Any], declared: str | None = None) -> "JournalRow":
        """The row from its columns as stored (``_ROW_SELECT``'s, or the journal's own copy
        of what it just wrote); ``declared``, when given, stands for ``row["declared"]``.

        Its JSON columns (``request``, ``response``, ``inquiry``, ``declared``) are parsed at
        their first read (``_Parsed``): most rows the journal hands out (an append's, the
        work-list's, a report's) are read for their figures and state only."""
        # All the fields, set at once: the frozen dataclass's ``__init__`` sets its 28 one
        # ``object.__setattr__`` at a time, 7 µs, on every row the journal writes or reads.
        made = object.__new__(cls)
        values = made.__dict__
        values.update(zip(_AS_STORED, _stored(row)))
        state = row["state"]
        values["state"] = STATES.get(state) or State(state)
        values["request_text"] = row["request"]
        values["inquiry_text"] = row.get("inquiry") or ""
        values["counter_fee"] = row.get("counter_fee") or 0
        values[_RESPONSE_TEXT] = row["response"] or ""
        values[_DECLARED_TEXT] = (row.get("declared") if declared is None else declared) or ""
        return made

    @property
    def fee_final(self) -> int:
        """The fee the customer paid: the host's confirmed figure, else the one asked."""
        return self.fee if self.settled_fee is None else self.settled_fee

    @property
    def total_final(self) -> int:
        """What the customer paid: the host's confirmed total, else the one asked."""
        return self.total if self.settled_total is None else self.settled_total

    @property
    def collected(self) -> int:
        """What the customer handed over: the final total and the counter's own fee."""
        return self.total_final + self.counter_fee


_parse = chain.parse
STATES = {state.value: state for state in State}  # ``State(text)`` without the enum's call, for the known ones
# The columns ``JournalRow.from_db`` takes as they are stored.
_AS_STORED = ("id", "reference", "host", "product", "product_group", "customer_ref", "customer_name", "amount", "fee",
              "total", "operator", "business_date", "created_at", "prev_hash", "hash", "host_ref", "error_code",
              "error_message", "updated_at", "settled_fee", "settled_total")
_stored = itemgetter(*_AS_STORED)
# Where a row read from the file keeps the JSON text of its columns that have no ``*_text`` field.
_RESPONSE_TEXT, _DECLARED_TEXT = "_response_text", "_declared_text"


class _Parsed:
    """A JSON column of ``JournalRow``, parsed from its stored text at its first read and
    kept. A row made by ``JournalRow(...)`` holds the value itself, which wins: this is a
    non-data descriptor, looked up only when the instance has no such attribute."""

    def __init__(self, text: str, empty: Callable[[], Any]) -> None:
        self._text, self._empty = text, empty

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, row: JournalRow | None, owner: type | None = None) -> Any:
        if row is None:
            return self
        text = row.__dict__[self._text]
        value = _parse(text) if text else self._empty()
        row.__dict__[self._name] = value  # a frozen dataclass: set beside its __setattr__
        return value


for _name, _text, _empty in (("request", "request_text", dict), ("response", _RESPONSE_TEXT, lambda: None),
                             ("inquiry", "inquiry_text", lambda: None), ("declared", _DECLARED_TEXT, dict)):
    _column = _Parsed(_text, _empty)
    _column.__set_name__(JournalRow, _name)
    setattr(JournalRow, _name, _column)


@dataclass(frozen=True)
class JournalEvent:
    id: int
    reference: str
    from_state: State | None
    to_state: State
    actor: str
    reason: str
    at: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    rows: int
    events: int
    broken: str = ""

    def __str__(self) -> str:
        return f"OK {self.rows} rows" if self.ok else f"BROKEN {self.broken}"
