"""How many times a receipt was printed, kept in the journal's database.

Each print or reprint is one row in ``receipt_prints`` (reference, kind, n, at), so the
count survives restarts and travels with the journal. The number is taken *before* the
receipt is rendered, so "CETAK ULANG ke-n" on the paper, on a fallback PDF, and in the
journal always agree, even when the printer then fails: the PDF is that copy.

The table is part of the journal schema (migration 2 in ``services/journal/schema.py``)
and is written through the journal's own transaction API: the count and the new row are
one transaction, so two prints at once can never get the same number.
"""

from __future__ import annotations

from typing import NamedTuple

from services.clock import iso
from services.journal import Journal, JournalRow

TABLE = "receipt_prints"
KINDS = ("original", "reprint")


class Numbered(NamedTuple):
    n: int  # the print's number among prints of its kind
    row: JournalRow  # the transaction's row, as it stood when the print was numbered


def record_print(journal: Journal, reference: str, kind: str) -> int:
    """Record one print of ``reference``; returns its number among prints of that kind.

    ``kind`` is "original" (the receipt printed after the transaction) or "reprint";
    the number a reprint returns is the n of "CETAK ULANG ke-n".
    """
    return number_print(journal, reference, kind).n


def number_print(journal: Journal, reference: str, kind: str) -> Numbered:
    """``record_print``, and the row the receipt is built from, read in the same transaction:
    the receipt desk read it again after the commit, a second read of the same row for
    every print."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    with journal.transaction() as tx:
        row = tx.get(reference)  # KeyError: a print of nothing the journal holds
        (n,) = tx.execute(
            f"SELECT COUNT(*) + 1 FROM {TABLE} WHERE reference=? AND kind=?", (reference, kind)
        ).fetchone()
        tx.execute(
            f"INSERT INTO {TABLE} (reference, kind, n, at) VALUES (?, ?, ?, ?)",
            (reference, kind, n, iso(journal.clock.now())),
        )
    return Numbered(n, row)


def print_count(journal: Journal, reference: str, kind: str | None = None) -> int:
    """Prints recorded for ``reference`` (of one ``kind``, or of both)."""
    where, params = "reference=?", [reference]
    if kind is not None:
        where, params = where + " AND kind=?", params + [kind]
    return journal.execute(f"SELECT COUNT(*) FROM {TABLE} WHERE {where}", params).fetchone()[0]
