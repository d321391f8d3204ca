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
  the date, so "261121" finds one day) served as a range on that index; or the bank's
  reference ("Ref. Bank" on the receipt) whole, in any case (``txn_host_ref``)
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

A customer search counts each branch only up to ``COUNT_CAP`` (1,000): a short number
("1", "08") is the start of most of a year's rows, and counting them, then sorting them by
date for the page, took 1.3-1.5 s for one digit. Past the cap the page says "more than
1,000" (``JournalPage.more``), offers the newest 1,000, and is read by walking the days
newest first when the matches are dense enough to meet the page soon (``_walk``); sparser
ones are few enough to sort.

Rows come newest first. ``search`` returns the page and the total count in one call so
the table model can size its scroll bar.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from services.journal import Journal, JournalRow, State
from services.products import kept_numbers

DEFAULT_PAGE_SIZE = 50
# A customer search's rows are counted up to this many; past it the list says "more than
# 1000" and pages through the newest of them (a short number is the start of most of a
# year's rows, a letter part of most names).
COUNT_CAP = 1000


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
    # More rows match than were counted (``COUNT_CAP``): ``total`` is the cap, and only
    # that many are paged through; the agent is told to type more, or narrow the dates.
    more: bool = False

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
    # A number typed as the bill prints it that the journal keeps in another form (Telkom's
    # 021... kept as 0021...): each form's range, on the same index.
    for n, kept in enumerate(kept_numbers(customer)):
        params.update({f"kept_lo{n}": kept, f"kept_hi{n}": kept + "\U0010ffff"})
        typed += f" OR customer_ref >= :kept_lo{n} AND customer_ref < :kept_hi{n}"
    typed = f"({typed})"
    by_number = f"txn INDEXED BY txn_customer WHERE {base}{typed} AND NOT {by_name}"
    # The numbers the bank answered that a receipt prints (``txn_number``): only rows where
    # it differs from the typed one have one, so the few found are read by id.
    answered = "SELECT txn_id FROM txn_number WHERE number >= :cust_lo AND number < :cust_hi"
    by_answer = f"txn WHERE id IN ({answered}) AND {base}NOT ({typed}) AND NOT {by_name}"
    # Each branch is counted only up to the cap: a short number ("1", "08") is the start of
    # a large part of the year's rows, and each of them was read to count it and read
    # again to sort them by date (1.3-1.5 s for "1" on a year's journal); a letter is part
    # of nearly every name.
    name_count = _capped(journal, f"txn WHERE {base}{by_name}", params)
    number_count = _capped(journal, by_number, params)
    # Past the cap by the typed number, the answered numbers' rows need no count (each
    # found would be read to tell it from the typed number's).
    answer_count = 0 if number_count > COUNT_CAP else _capped(journal, by_answer, params)
    more = max(name_count, number_count, answer_count) > COUNT_CAP
    total = name_count + number_count + answer_count
    # Past the cap the list is read from its newest end only (its whole length is not known).
    if more:
        total = COUNT_CAP
        ascending, limit, offset = False, page_size, page * page_size
        if offset >= COUNT_CAP:
            return JournalPage([], total, page, page_size, more=True)
    else:
        ascending, limit, offset = _window(total, page, page_size)
    # Each branch gives its rows in order, only as many as the page needs; one name at a
    # time when they are few (``customer_name = x`` reads its index in order).
    branches = [f"txn WHERE {base}customer_name = :{key}" for key in names if key.startswith("cust_name")]
    if more and (number_count > COUNT_CAP or (name_count > COUNT_CAP and not branches)):
        # A branch past the cap that no index gives in date order (the typed numbers', or too
        # many names to list) would sort every row it matches: the days are walked instead.
        walked = _walk(journal, where, f"({by_name} OR {typed} OR id IN ({answered}))", params, offset + limit)
        if walked is not None:
            ids = json.dumps(walked[offset:offset + limit])
            rows = list(journal.rows("id IN (SELECT value FROM json_each(:walked))", {"walked": ids},
                                     order=_order(False)))
            return JournalPage(rows, total, page, page_size, more=True)
    if not branches and names:  # too many names to list: one branch, sorted
        branches = [f"txn WHERE {base}{by_name}"]
    branches += [by_number, by_answer]
    matching = " UNION ALL ".join(f"SELECT * FROM (SELECT business_date, id FROM {b} ORDER BY {_order(ascending)}"
                                  f" LIMIT {offset + limit})" for b in branches)
    ids = f"id IN (SELECT id FROM ({matching}) ORDER BY {_order(ascending)} LIMIT {limit} OFFSET {offset})"
    rows = list(journal.rows(ids, params, order=_order(False)))
    return JournalPage(rows, total, page, page_size, more=more)


# How many of the range's newest rows a walk reads for each row of the list it needs, and
# at most in all: a row walked costs about a third of a match sorted (0.6-1 against 3-3.5 µs
# on a year's journal), so past 20,000 rows the sort of a branch past the cap is the
# cheaper ("12", 11,122 matches: 37 ms sorted, 69 ms to walk to its 20th page).
WALK = 100
WALK_ROWS = 20_000
# How many of the newest rows the walk reads first, to tell from the matches among them
# whether the rest of the walk can find the page.
WALK_PROBE = 2_000


def _walk(journal: Journal, where: str, condition: str, params: dict[str, Any], needed: int) -> list[int] | None:
    """The ids of the first ``needed`` rows ``condition`` selects, newest first, when the
    days' newest-first walk finds them among the range's newest ``WALK * needed`` rows (at
    most ``WALK_ROWS``); else None (the matches are sparse enough to sort).

    A number that is the start of most rows ("1") finds its page in the first few hundred
    rows walked, where sorting its hundred thousand matches by date took half a second; one
    just past the cap ("123", a thousand in a year) is sparse, and its matches are few
    enough to sort. Which it is shows in the newest ``WALK_PROBE`` rows: a deep page of a
    sparse number ("123"'s 20th) walked 100,000 rows to find it could not (60-100 ms)
    before it was sorted."""
    limit = min(WALK * needed, WALK_ROWS)
    probe = min(limit, WALK_PROBE)
    found = _walked(journal, where, condition, params, probe, needed)
    if len(found) >= needed:
        return found
    # At the probe's density the walk's rows would hold fewer than the page needs.
    if probe == limit or len(found) * limit < needed * probe:
        return None
    found = _walked(journal, where, condition, params, limit, needed)
    return found if len(found) >= needed else None


def _walked(journal: Journal, where: str, condition: str, params: dict[str, Any], rows: int,
            needed: int) -> list[int]:
    """The ids ``condition`` selects among the range's newest ``rows``, up to ``needed``."""
    return [row_id for (row_id,) in journal.execute(
        f"SELECT id FROM (SELECT id, customer_ref, customer_name FROM txn INDEXED BY txn_day"
        f" WHERE {where or '1'} ORDER BY {_order(False)} LIMIT {rows}) WHERE {condition} LIMIT {needed}",
        params).fetchall()]


def _capped(journal: Journal, branch: str, params: dict[str, Any]) -> int:
    """How many rows ``branch`` gives, counted up to one past ``COUNT_CAP``."""
    (count,) = journal.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM {branch} LIMIT {COUNT_CAP + 1})",
                               params).fetchone() or (0,)
    return int(count)


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
