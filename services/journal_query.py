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
* customer -> a prefix of the customer number (``txn_customer``, as typed), or of a number
  the bank answered that the receipt prints in its place (``txn_number``: PLN answers
  5311112 to a typed 53111; the few rows that have one are read by id), or any part of the
  name. The name part is looked up among the distinct names first, through the FTS5
  trigram index (``customer_name_fts``, three characters or more; shorter text scans the
  distinct names, which are few), and the matched names' rows come from ``txn_name_day``
  (name, date): a name over a whole year is counted from that index alone. The parts
  are counted and paged as index-served branches (typed number, answered number, and
  name; a row found by more than one counts once), never as one OR that SQLite would
  answer by reading every row.

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
    reference: str = ""  # Loket's full reference or its first digits, or the bank's ("Ref. Bank") whole


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
        # The bank's reference ("Ref. Bank" on the receipt), whole as printed, in any case;
        # the few rows it names are read by id (``txn_host_ref``).
        bank = ("SELECT id FROM txn INDEXED BY txn_host_ref"
                " WHERE host_ref = :bank_ref COLLATE NOCASE AND host_ref <> ''")
        params["bank_ref"] = reference
        if not reference.isdigit():
            parts.append(f"id IN ({bank})")
        elif len(reference) == 16:
            parts.append(f"id IN (SELECT id FROM txn WHERE reference = :reference UNION {bank})")
            params["reference"] = reference
        else:
            # ':' sorts right after '9': [prefix, prefix + ':') is every reference starting so.
            parts.append(f"id IN (SELECT id FROM txn WHERE reference >= :ref_lo AND reference < :ref_hi"
                         f" UNION {bank})")
            params["ref_lo"], params["ref_hi"] = reference, reference + ":"
    return " AND ".join(parts), params


# Up to this many names matched, each is read newest first from ``txn_name_day`` and only
# as far as the page: no sort of every matching row.
ORDERED_NAMES = 20


def _names(journal: Journal, customer: str) -> tuple[str, dict[str, Any]]:
    """The names ``customer`` is part of, as a condition on ``customer_name``."""
    if len(customer) >= 3:
        # A phrase of the text's trigrams: any part of the name, case-insensitive.
        names = "SELECT name FROM customer_name_fts WHERE customer_name_fts MATCH :cust_text"
        text = '"' + customer.replace('"', '""') + '"'
    else:
        names = "SELECT name FROM customer_name WHERE name LIKE :cust_text ESCAPE '\\'"
        text = "%" + _like_escape(customer) + "%"
    found = journal.execute(f"{names} LIMIT {ORDERED_NAMES + 1}", {"cust_text": text}).fetchall()
    if len(found) > ORDERED_NAMES:
        return f"customer_name IN ({names})", {"cust_text": text}
    params = {f"cust_name{n}": name for n, (name,) in enumerate(found)}
    return f"customer_name IN ({', '.join(':' + key for key in params)})", params


def search(journal: Journal, flt: JournalFilter, *, page: int = 0,
           page_size: int = DEFAULT_PAGE_SIZE) -> JournalPage:
    """One page of matching rows (newest first) and how many match in all."""
    if page < 0 or page_size < 1:
        raise ValueError("page must be >= 0 and page_size >= 1")
    where, params = where_clause(flt)
    customer = flt.customer.strip()
    if not customer:
        total = journal.count(where, params)
        ascending, limit, offset = _window(total, page, page_size)
        rows = list(journal.rows(where, params, order=_order(ascending), limit=limit, offset=offset))
        return JournalPage(rows[::-1] if ascending else rows, total, page, page_size)
    by_name, names = _names(journal, customer)
    params.update(names, cust_lo=customer, cust_hi=customer + "\U0010ffff")
    base = f"{where} AND " if where else ""
    # The number branch names its index: with a date range beside it, SQLite weighs the
    # two ranges alike and may read the whole range instead.
    typed = "customer_ref >= :cust_lo AND customer_ref < :cust_hi"
    by_number = f"txn INDEXED BY txn_customer WHERE {base}{typed} AND NOT {by_name}"
    # The numbers the bank answered that a receipt prints (``txn_number``): only rows where
    # it differs from the typed one have one, so the few found are read by id.
    by_answer = (f"txn WHERE id IN (SELECT txn_id FROM txn_number WHERE number >= :cust_lo AND number < :cust_hi)"
                 f" AND {base}NOT ({typed}) AND NOT {by_name}")
    (total,) = journal.execute(f"SELECT (SELECT COUNT(*) FROM txn WHERE {base}{by_name})"
                               f" + (SELECT COUNT(*) FROM {by_number}) + (SELECT COUNT(*) FROM {by_answer})",
                               params).fetchone() or (0,)
    ascending, limit, offset = _window(total, page, page_size)
    # Each branch gives its rows in order, only as many as the page needs; one name at a
    # time when they are few (``customer_name = x`` reads its index in order).
    branches = [f"txn WHERE {base}customer_name = :{key}" for key in names if key.startswith("cust_name")]
    if not branches and names:  # too many names to list: one branch, sorted
        branches = [f"txn WHERE {base}{by_name}"]
    branches += [by_number, by_answer]
    matching = " UNION ALL ".join(f"SELECT * FROM (SELECT business_date, id FROM {b} ORDER BY {_order(ascending)}"
                                  f" LIMIT {offset + limit})" for b in branches)
    ids = f"id IN (SELECT id FROM ({matching}) ORDER BY {_order(ascending)} LIMIT {limit} OFFSET {offset})"
    rows = list(journal.rows(ids, params, order=_order(False)))
    return JournalPage(rows, total, page, page_size)


def _order(ascending: bool) -> str:
    return "business_date, id" if ascending else "business_date DESC, id DESC"


def _window(total: int, page: int, page_size: int) -> tuple[bool, int, int]:
    """(ascending, limit, offset) that read ``page`` of the newest-first list.

    A page past the middle is read from the oldest end: both the index walk and the sort
    then keep only the rows up to the page, not the whole list before it."""
    start = page * page_size
    if start <= total // 2:
        return False, page_size, start
    end = min(total, start + page_size)
    return True, max(0, end - start), max(0, total - end)


def suspects(journal: Journal) -> list[JournalRow]:
    """Every SUSPECT row, oldest first: the work-list (served by the partial state index)."""
    return list(journal.rows("state = 'SUSPECT'", ()))
