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
import json.scanner
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


# ``json.loads`` of a text starts with a whitespace match and ends with another, around its
# C scanner; a text the journal stored has none around it. Anything else (a text with
# whitespace around it, or not JSON at all) goes to ``json.loads``, which gives its own answer.
_C_SCANNER = getattr(json.scanner, "c_make_scanner", None)  # json's C accelerator (not in its type stubs)
_SCAN = _C_SCANNER(json.JSONDecoder()) if _C_SCANNER else None


def parse(text: str) -> Any:
    """``json.loads(text)``, in about half its time for what ``canonical_json`` wrote."""
    if _SCAN is not None:
        try:
            value, end = _SCAN(text, 0)
        except (StopIteration, ValueError):
            return json.loads(text)
        if end == len(text):
            return value
    return json.loads(text)


def canonical(record: dict[str, Any], fields: tuple[str, ...]) -> bytes:
    """Stable bytes for hashing: the named fields (and the optional ones that are not
    empty), sorted keys, no whitespace, UTF-8."""
    content = {f: record[f] for f in fields}
    for f in OPTIONAL_FIELDS.get(fields, ()):
        if record.get(f):
            content[f] = record[f]
    return canonical_json(content).encode("utf-8")


def link(prev_hash: str, record: dict[str, Any], fields: tuple[str, ...]) -> str:
    """The hash chaining ``record`` (its ``fields`` and optional fields) after ``prev_hash``."""
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(canonical(record, fields))
    return digest.hexdigest()


# The journal's append path chains four links a payment. ``link`` picks the fields out of a
# record into a dict that ``canonical_json`` sorts and encodes, half the time of a link; these
# write the same text from the fields given in their sorted order, each value as
# ``canonical_json`` writes it. tests/unit/test_journal_same_bytes.py holds them to ``link``
# over random values of every JSON type.
_string = json.encoder.encode_basestring  # the C function the encoder calls for a str


def _value(value: Any) -> str:
    """One value as ``canonical_json`` writes it: the types a link holds directly, the rest through it."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return canonical_json(value)


def _seal(prev_hash: str, text: str) -> str:
    return hashlib.sha256((prev_hash + text).encode("utf-8")).hexdigest()


def seal_row(prev_hash: str, id: int, reference: str, host: str, product: str, product_group: str,
             customer_ref: str, customer_name: str, amount: int, fee: int, total: int, operator: str,
             business_date: str, request: str, created_at: str, inquiry: str) -> str:
    """``link(prev_hash, row, TXN_FIELDS)`` of a row with these fields (``inquiry`` chained only when not empty)."""
    return _seal(prev_hash, "".join((
        '{"amount":', _value(amount), ',"business_date":', _value(business_date), ',"created_at":',
        _value(created_at), ',"customer_name":', _value(customer_name), ',"customer_ref":', _value(customer_ref),
        ',"fee":', _value(fee), ',"host":', _value(host), ',"id":', _value(id),
        ',"inquiry":' + _value(inquiry) if inquiry else "", ',"operator":', _value(operator), ',"product":',
        _value(product), ',"product_group":', _value(product_group), ',"reference":', _value(reference),
        ',"request":', _value(request), ',"total":', _value(total), "}")))


def seal_event(prev_hash: str, id: int, txn_id: int, reference: str, from_state: str | None, to_state: str,
               actor: str, reason: str, at: str, changes: str) -> str:
    """``link(prev_hash, event, EVENT_FIELDS)`` of an event with these fields."""
    return _seal(prev_hash, "".join((
        '{"actor":', _value(actor), ',"at":', _value(at), ',"changes":', _value(changes), ',"from_state":',
        _value(from_state), ',"id":', _value(id), ',"reason":', _value(reason), ',"reference":', _value(reference),
        ',"to_state":', _value(to_state), ',"txn_id":', _value(txn_id), "}")))
