"""The inquiry answer a payment was quoted from is kept with its journal row (schema 5):
redacted, immutable, and part of the row hash when there is one, so rows without it
(every row written before) keep the hash EXPORT.md version 2 describes."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from services.journal import State

FIELDS = ("id", "reference", "host", "product", "product_group", "customer_ref", "customer_name", "amount", "fee",
          "total", "operator", "business_date", "request", "created_at")


def begin(journal, **kw):
    return journal.begin(reference=journal.next_reference(), host="keagenan", product="cc_bni",
                         product_group="bills", amount=500_000, fee=0, operator="kasir1",
                         request={"data": {"cardNum": "4665730000000117", "pin_transaksi": "359569"}}, **kw)


def recipe(prev: str, record: dict, *extra: str) -> str:
    """EXPORT.md's hash recipe, written out here."""
    content = {f: record[f] for f in (*FIELDS, *extra)}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(prev.encode("ascii") + text.encode("utf-8")).hexdigest()


def test_the_inquiry_is_kept_redacted_and_hashed_with_the_row(journal):
    row = begin(journal, inquiry={"cardHolder": "GA SIGN 2", "pin_transaksi": "359569"})
    stored = journal.get(row.reference)
    assert stored.inquiry == {"cardHolder": "GA SIGN 2", "pin_transaksi": "***"}
    record = {**stored.__dict__, "request": stored.request_text, "inquiry": stored.inquiry_text}
    assert stored.hash == recipe(stored.prev_hash, record, "inquiry") != recipe(stored.prev_hash, record)


def test_a_row_without_an_inquiry_hashes_as_before(journal):
    row = journal.get(begin(journal).reference)
    assert row.inquiry is None and row.inquiry_text == ""
    assert row.hash == recipe(row.prev_hash, {**row.__dict__, "request": row.request_text})


def test_the_inquiry_never_changes_and_a_changed_byte_is_found(journal):
    row = begin(journal, inquiry={"cardHolder": "GA SIGN 2"})
    journal.transition(row.reference, State.SENT, actor="kasir1", reason="dikirim")
    conn = sqlite3.connect(journal.path)
    with pytest.raises(sqlite3.IntegrityError, match="never changes"):
        conn.execute("UPDATE txn SET inquiry='{}' WHERE reference=?", (row.reference,))
    assert journal.verify().ok
    with conn:  # an outsider who drops the trigger first
        conn.execute("DROP TRIGGER txn_immutable")
        conn.execute("UPDATE txn SET inquiry=? WHERE reference=?", ('{"cardHolder":"SOMEONE ELSE"}', row.reference))
    conn.close()
    result = journal.verify()
    assert not result.ok and "content does not match its hash" in result.broken
