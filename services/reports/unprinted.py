"""Transactions that succeeded but never had a receipt printed.

A crash (or a power cut, or a closed window) after SUCCESS and before the receipt leaves
the customer with nothing in hand and the agent with nothing on screen: the result screen
is gone after a restart. The print counter (``receipt_prints``, written *before* each
print is rendered) says which successes never had one, so Beranda lists them with a
button to print each.

Decisions: only the last ``WINDOW`` hours count (a customer from last week is not
waiting at the counter); only rows that move cash at the counter (a balance check has no
receipt to hand over); newest first, at most ``LIMIT``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from services.journal import Journal, JournalRow
from services.reports import cash as cash_rules

WINDOW = timedelta(hours=48)
LIMIT = 20


def unprinted(journal: Journal, *, now: datetime | None = None, limit: int = LIMIT) -> list[JournalRow]:
    """SUCCESS rows settled in the last ``WINDOW`` whose original was never printed (a copy
    printed from Riwayat while the row was uncertain is no receipt of the success)."""
    moment = now or journal.clock.now()
    since = moment - WINDOW
    # The business-date bound lets the (state, business_date) index find the few recent
    # successes instead of reading every SUCCESS row of the journal.
    rows = journal.rows(
        "state = 'SUCCESS' AND business_date >= :day AND updated_at >= :since"
        " AND NOT EXISTS (SELECT 1 FROM receipt_prints p WHERE p.reference = txn.reference"
        " AND p.kind = 'original')",
        {"day": (since - timedelta(days=1)).date().isoformat(), "since": since.isoformat(timespec="milliseconds")},
        order="id DESC", limit=limit * 2)
    found = [r for r in rows if cash_rules.direction(r.host, r.product) != cash_rules.NO_CASH]
    return found[:limit]
