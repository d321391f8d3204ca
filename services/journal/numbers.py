"""The numbers the bank answered that find a row in Riwayat besides the one typed (``txn_number``).

PLN answers the full customer id 5311112 to a typed 53111 and the receipt prints the
answer; Bank+ answers a new account's number. The customer comes back with the receipt,
so the journal browser must find the row by what is printed too (``journal_query``).

Which of a row's fields hold such a number is each product's receipt's to say
(``services.receipts.products.number_locations``): (host, product) -> its numbers, each
the places it may be kept in, (column, JSON path) pairs into the row's ``request``,
``response`` or ``inquiry``, the first that holds it read. The journal is handed them
(``Journal(answered_numbers=)``) and writes the entries with SQL alone, so the same
statement serves a payment's outcome (in its transaction, one statement, and only for the
products that declare a place) and the rows written before (``fill``, at an open whose
declarations differ from the ones the file was last filled by: an update's first start
among them). A row has an entry only for a number that differs from its ``customer_ref``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Mapping, Sequence

# (host, product) -> its numbers; a number is where it may be kept, the first place found
# holding it wins: [("request", "$.data.customerId"), ("request", "$.customerId")].
Place = tuple[str, str]
Locations = Mapping[tuple[str, str], Sequence[Sequence[Place]]]

COLUMNS = frozenset(("request", "response", "inquiry"))
_PATH = re.compile(r"^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$")
# What ``fill`` last filled the entries by (the declarations, as canonical JSON).
FILLED_BY = "numbers_filled_by"


def _at(alternatives: Sequence[Place]) -> str:
    """The SQL reading one number from the first of its places that holds it."""
    read = []
    for column, path in alternatives:
        if column not in COLUMNS or not _PATH.match(path):
            raise ValueError(f"not a place in a journal row: {column} {path}")
        # NULLIF: a row with no answer keeps '' in ``response``, which is not JSON.
        read.append(f"json_extract(NULLIF({column}, ''), '{path}')")
    return f"TRIM(CAST(COALESCE({', '.join(read)}) AS TEXT))" if len(read) > 1 else f"TRIM(CAST({read[0]} AS TEXT))"


def _values(places: Sequence[Sequence[Place]], where: str) -> str:
    """The numbers at ``places`` of the rows ``where`` selects, each with its row's id."""
    return " UNION ALL ".join(f"SELECT id, customer_ref, {_at(alternatives)} AS number FROM txn WHERE {where}"
                              for alternatives in places if alternatives)


def _insert(places: Sequence[Sequence[Place]], where: str) -> str:
    return ("INSERT OR IGNORE INTO txn_number (number, txn_id) SELECT number, id FROM ("
            + _values(places, where) + ") WHERE number <> '' AND number <> customer_ref")


def statements(locations: Locations) -> dict[tuple[str, str], str]:
    """(host, product) -> the statement that writes one row's entries (its id the one parameter)."""
    return {key: _insert(places, "id = ?1") for key, places in locations.items() if places}


def declared(locations: Locations) -> str:
    return json.dumps(sorted([host, product, [[list(place) for place in number] for number in places]]
                             for (host, product), places in locations.items() if places))


def fill(conn: sqlite3.Connection, locations: Locations) -> bool:
    """Write the entries of every row of the declared products, once per set of declarations
    (the file records which it was filled by). True when it wrote. The caller holds the
    connection: at open, before anything else writes. Each product's rows are read through
    ``txn_product_day``; the products without a place are not read at all."""
    if not locations:
        return False
    said = declared(locations)
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (FILLED_BY,)).fetchone()
    if row is not None and row[0] == said:
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        for (host, product), places in sorted(locations.items()):
            if places:
                conn.execute(_insert(places, "product = :product AND host = :host"),
                             {"host": host, "product": product})
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                     (FILLED_BY, said))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True
