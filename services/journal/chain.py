"""The hash chain that makes the journal tamper-evident.

Two chains: transaction rows chain their *immutable* content (what was asked: reference,
product, amounts, redacted request, time), and events chain every state change (who,
when, why, and the fields it set). A row's mutable columns (state, host_ref, response...)
must equal what its events say, so editing any byte of an old row breaks one of the three
checks in ``Journal.verify``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64

TXN_FIELDS = (
    "id",
    "reference",
    "host",
    "product",
    "product_group",
    "customer_ref",
    "customer_name",
    "amount",
    "fee",
    "total",
    "operator",
    "business_date",
    "request",
    "created_at",
)

EVENT_FIELDS = ("id", "txn_id", "reference", "from_state", "to_state", "actor", "reason", "at", "changes")


def canonical(record: dict[str, Any], fields: tuple[str, ...]) -> bytes:
    """Stable bytes for hashing: the named fields, sorted keys, no whitespace, UTF-8."""
    return json.dumps(
        {f: record[f] for f in fields}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def link(prev_hash: str, record: dict[str, Any], fields: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(canonical(record, fields))
    return digest.hexdigest()
