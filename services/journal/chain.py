"""The hash chain that makes the journal tamper-evident.

Two chains: transaction rows chain their *immutable* content (what was asked: reference,
product, amounts, redacted request, the inquiry answer it was quoted from, time), and events
chain every state change (who, when, why, and the fields it set). A row's mutable columns (state, host_ref, response...)
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

# Immutable content added after rows were first chained: hashed only when not empty, so a
# row written before it existed keeps the hash it was written with. ``inquiry`` (journal
# schema 5) is the host's redacted inquiry answer a payment was quoted from, which its
# receipt reads (a card holder's name, a PLN tariff).
OPTIONAL_FIELDS: dict[tuple[str, ...], tuple[str, ...]] = {TXN_FIELDS: ("inquiry",)}


_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
# ``JSONEncoder.encode`` builds its C encoder anew at every call, which is most of the time
# a small record takes; the journal encodes a dozen per payment. This is that same C
# encoder, built once: the same function writes the same bytes. Without the circular
# check, which JSON data (what the journal is given and reads back) never needs.
_MAKE = getattr(json.encoder, "c_make_encoder", None)  # json's C accelerator (not in its type stubs)
_KEPT = _MAKE and _MAKE(None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", True, False, True)


def canonical_json(value: Any) -> str:
    """``value`` as JSON with sorted keys, no whitespace, non-ASCII kept: the one encoding
    the chain hashes and the journal stores."""
    return "".join(_KEPT(value, 0)) if _KEPT else _ENCODER.encode(value)


def canonical(record: dict[str, Any], fields: tuple[str, ...]) -> bytes:
    """Stable bytes for hashing: the named fields (and the optional ones that are not
    empty), sorted keys, no whitespace, UTF-8."""
    content = {f: record[f] for f in fields}
    for f in OPTIONAL_FIELDS.get(fields, ()):
        if record.get(f):
            content[f] = record[f]
    return canonical_json(content).encode("utf-8")


def link(prev_hash: str, record: dict[str, Any], fields: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(canonical(record, fields))
    return digest.hexdigest()
