"""The journal browser's queries (Riwayat Transaksi): filter, page, count.

Every filter maps to a condition an index can serve, so a page and its total stay fast
over a million rows (tests/bench/journal.py measures it):

* date range -> ``business_date`` range on ``txn_day``; rows come newest first by reading
  that index backwards (its entries are ordered by date, then id), so a page stops after
  its rows instead of sorting the range
* state (with product) -> ``txn_state_day`` (state, date, product): the count of a state
  over a whole year comes from the index alone; a product alone from ``txn_product_day``
  (product, date), which also yields that product's rows newest first
* reference -> the unique index; a partial reference is a prefix (references start with
  the date, so "261121" finds one day) served as a range on that index
* customer -> a prefix of the customer number (``txn_customer``) or any part of the name.
  The name part cannot use an index (it matches anywhere in the name); it is only
  evaluated on the rows the date range left, which is why the browser always sends one
  (a name searched over a whole year reads every row of that year: measured, not hidden).

Rows come newest first. ``search`` returns the page and the total count in one call so
the table model can size its scroll bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from services.journal import Journal, JournalRow, State

DEFAULT_PAGE_SIZE = 50


@dataclass(frozen=True)
class JournalFilter:
    """What the agent asked for; empty fields do not filter."""

    date_from: date | str | None = None  # business date, inclusive
    date_to: date | str | None = None  # business date, inclusive
    product: str = ""  # product id as journaled (e.g. "switcher_transfer")
    state: State | str | None = None
    customer: str = ""  # customer number (prefix) or name (any part, case-insensitive)
    reference: str = ""  # full reference, or its first digits


@dataclass(frozen=True)
class JournalPage:
    rows: list[JournalRow]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where_clause(flt: JournalFilter) -> tuple[str, dict[str, Any]]:
    """The SQL condition and parameters for ``flt`` (shared by the page and its count)."""
    parts: list[str] = []
    params: dict[str, Any] = {}
    if flt.date_from:
        parts.append("business_date >= :date_from")
        params["date_from"] = str(flt.date_from)
    if flt.date_to:
        parts.append("business_date <= :date_to")
        params["date_to"] = str(flt.date_to)
    if flt.product:
        parts.append("product = :product")
        params["product"] = flt.product
    if flt.state:
        parts.append("state = :state")
        params["state"] = State(flt.state).value
    reference = flt.reference.strip()
    if reference:
        if len(reference) == 16:
            parts.append("reference = :reference")
            params["reference"] = reference
        else:
            # ':' sorts right after '9': [prefix, prefix + ':') is every reference starting so.
            parts.append("reference >= :ref_lo AND reference < :ref_hi")
            params["ref_lo"], params["ref_hi"] = reference, reference + ":"
    customer = flt.customer.strip()
    if customer:
        parts.append(
            "(customer_ref LIKE :cust_prefix ESCAPE '\\' OR customer_name LIKE :cust_any ESCAPE '\\')"
        )
        params["cust_prefix"] = _like_escape(customer) + "%"
        params["cust_any"] = "%" + _like_escape(customer) + "%"
    return " AND ".join(parts), params


def search(journal: Journal, flt: JournalFilter, *, page: int = 0,
           page_size: int = DEFAULT_PAGE_SIZE) -> JournalPage:
    """One page of matching rows (newest first) and how many match in all."""
    if page < 0 or page_size < 1:
        raise ValueError("page must be >= 0 and page_size >= 1")
    where, params = where_clause(flt)
    total = journal.count(where, params)
    rows = list(journal.rows(where, params, order="business_date DESC, id DESC", limit=page_size, offset=page * page_size))
    return JournalPage(rows, total, page, page_size)


def suspects(journal: Journal) -> list[JournalRow]:
    """Every SUSPECT row, oldest first: the work-list (served by the partial state index)."""
    return list(journal.rows("state = 'SUSPECT'", ()))
