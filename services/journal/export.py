"""The journal export: one record per transaction, the contract for central consolidation.

The format is described for partners in ``services/journal/EXPORT.md``; change it only
by adding fields (and the contract version there).
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterator

from services.csv_cells import safe_row
from services.journal.rows import JournalRow
from services.journal.store import Journal

# 2: ``settled_fee`` and ``settled_total`` added (the host's confirmed figures; money is
#    counted from them where present).
# 3: a CSV text field that would start a spreadsheet formula carries a leading ``'``.
# 4: ``inquiry`` added (the inquiry answer a payment was quoted from); it is chained
#    content when not empty, so the hash recipe changed.
# 5: ``cash_direction`` added: whether the row takes money at the counter, pays it out, or
#    neither (a created VA is a document issued, not money taken).
# 6: ``product_group`` an identifier (banking, bills, purchases) on new rows; older rows
#    keep the label they were hashed with (services/product_groups.py).
# 7: ``counter_fee`` added: the counter's own fee the customer paid the agent besides the
#    bank's total (the agent's income), as journaled with the payment.
# 8: ``mode`` added: ``live`` or ``sandbox``. A sandbox journal holds drills against the
#    simulated hosts; its export looked exactly like a live one, and a partner who collects
#    files from many kiosks could count a drill as money.
# 9: no field changed, a meaning did: a BCA transfer refunded (04) after SUCCESS is REVERSED
#    in place, also days later, with no reversal record (the day of the refund's export
#    holds nothing of it); ``error_code`` is set on such a REVERSED row.
# 10: ``contract_version`` added, last: every record names the version of this contract it
#     follows (a file carried no version, so a partner's importer could not tell).
CONTRACT_VERSION = 10

# Which journal a record came from (``Profile.journal_for``): only ``live`` is money.
MODES = ("live", "sandbox")

# Order of the CSV columns and of the JSON keys. The first 14 and ``inquiry`` (when not
# empty) are the chained content: with prev_hash they recompute ``hash`` (see EXPORT.md).
FIELDS = (
    "id", "reference", "host", "product", "product_group", "customer_ref", "customer_name",
    "amount", "fee", "total", "operator", "business_date", "request", "created_at",
    "prev_hash", "hash",
    "state", "host_ref", "error_code", "error_message", "updated_at",
    "settled_fee", "settled_total", "inquiry", "cash_direction", "counter_fee", "mode", "contract_version",
)


def record(row: JournalRow, *, mode: str) -> dict[str, Any]:
    """The export record of one row of the ``mode`` journal; ``request`` and ``inquiry`` stay
    the exact (redacted) JSON text hashed. ``mode`` has no default: a caller that forgot it
    must not label a drill as live."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    # Imported here: ``services.reports`` brings reportlab, which the office outbox (that
    # imports this module for its field list) never needs.
    from services.reports import cash as cash_rules

    return {
        "id": row.id, "reference": row.reference, "host": row.host, "product": row.product,
        "product_group": row.product_group, "customer_ref": row.customer_ref,
        "customer_name": row.customer_name, "amount": row.amount, "fee": row.fee, "total": row.total,
        "operator": row.operator, "business_date": row.business_date, "request": row.request_text,
        "created_at": row.created_at, "prev_hash": row.prev_hash, "hash": row.hash,
        "state": row.state.value, "host_ref": row.host_ref, "error_code": row.error_code,
        "error_message": row.error_message, "updated_at": row.updated_at,
        "settled_fee": row.settled_fee, "settled_total": row.settled_total, "inquiry": row.inquiry_text,
        "cash_direction": cash_rules.direction(row.host, row.product), "counter_fee": row.counter_fee,
        "mode": mode, "contract_version": CONTRACT_VERSION,
    }


def records_for_day(journal: Journal, business_date: str, *, mode: str) -> Iterator[dict[str, Any]]:
    for row in journal.iter_rows("business_date = :day", {"day": business_date}):
        yield record(row, mode=mode)


def write(records: Iterator[dict[str, Any]], out: IO[str], fmt: str) -> int:
    """Write ``records`` as ``jsonl`` or ``csv``; returns how many."""
    n = 0
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
        writer.writeheader()
        for rec in records:
            writer.writerow(safe_row(rec))
            n += 1
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return n
