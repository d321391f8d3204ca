"""Journal tables and their migrations.

The schema version lives in SQLite's ``PRAGMA user_version``. ``MIGRATIONS[n]`` takes a
journal from version n to n+1; they run in order inside one transaction at open, so a
journal written by any earlier Loket opens in a newer one. Never edit a migration that has
shipped: add the next one.
"""

from __future__ import annotations

import sqlite3

from services.i18n import QT_TRANSLATE_NOOP, templated
from services.profile import ProfileDamaged

_V1 = """
CREATE TABLE txn (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    host            TEXT NOT NULL,
    product         TEXT NOT NULL,
    product_group   TEXT NOT NULL,
    customer_ref    TEXT NOT NULL DEFAULT '',
    customer_name   TEXT NOT NULL DEFAULT '',
    amount          INTEGER NOT NULL,
    fee             INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    operator        TEXT NOT NULL,
    business_date   TEXT NOT NULL,
    request         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    state           TEXT NOT NULL,
    host_ref        TEXT NOT NULL DEFAULT '',
    response        TEXT NOT NULL DEFAULT '',
    error_code      TEXT NOT NULL DEFAULT '',
    error_message   TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    last_event_hash TEXT NOT NULL
);
CREATE INDEX txn_business_date ON txn(business_date, product_group, product);
CREATE INDEX txn_state ON txn(state) WHERE state IN ('NEW', 'SENT', 'SUSPECT');
CREATE INDEX txn_created ON txn(created_at);
CREATE INDEX txn_customer ON txn(customer_ref);

CREATE TABLE txn_event (
    id          INTEGER PRIMARY KEY,
    txn_id      INTEGER NOT NULL REFERENCES txn(id),
    reference   TEXT NOT NULL,
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    actor       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL,
    changes     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX txn_event_txn ON txn_event(txn_id);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Nothing is ever deleted, and what was asked never changes after it is written.
CREATE TRIGGER txn_no_delete BEFORE DELETE ON txn
BEGIN SELECT RAISE(ABORT, 'journal rows are never deleted'); END;
CREATE TRIGGER txn_event_no_delete BEFORE DELETE ON txn_event
BEGIN SELECT RAISE(ABORT, 'journal events are never deleted'); END;
CREATE TRIGGER txn_event_no_update BEFORE UPDATE ON txn_event
BEGIN SELECT RAISE(ABORT, 'journal events are never changed'); END;
CREATE TRIGGER txn_immutable BEFORE UPDATE OF
    id, reference, host, product, product_group, customer_ref, customer_name, amount, fee,
    total, operator, business_date, request, created_at, prev_hash, hash ON txn
BEGIN SELECT RAISE(ABORT, 'what a transaction asked for never changes'); END;
"""

# Version 2: what the journal browser (services/journal_query.py) needs to stay fast over a
# million rows, and the receipt print counter (services/receipts/prints.py) as a table of
# its own. ``txn_day`` lets "newest first" read the date index backwards (its entries are
# ordered by date, then rowid); ``txn_state_day`` counts a state over any range from the
# index alone (with the product, for both filters), ``txn_product_day`` a product.
# ``txn_created`` served no query and ``txn_state`` (open states) is covered by
# ``txn_state_day``'s leading column; each cost every append a write, so they go.
_V2 = """
DROP INDEX IF EXISTS txn_created;
DROP INDEX IF EXISTS txn_state;
CREATE INDEX txn_day ON txn(business_date);
CREATE INDEX txn_state_day ON txn(state, business_date, product);
CREATE INDEX txn_product_day ON txn(product, business_date);
CREATE TABLE IF NOT EXISTS [receipt_prints] (
   [id] INTEGER PRIMARY KEY,
   [reference] TEXT NOT NULL,
   [kind] TEXT NOT NULL,
   [n] INTEGER NOT NULL,
   [at] TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS [idx_receipt_prints_reference_kind] ON [receipt_prints] ([reference], [kind]);
"""

# Version 3: what the host confirmed when it differs from what was asked. Several BNI
# Keagenan products (Telkom, Indovision, mobile postpaid, ...) state no admin fee in the
# inquiry; the fee (``CustomerData.biaya_adm``) first appears in the payment's answer,
# after the NEW row with ``fee``/``total`` was written and sealed by the row hash.
# ``settled_fee``/``settled_total`` are set once, on the transition to SUCCESS, through an
# event whose ``changes`` carry them (so the event chain covers them and ``verify`` folds
# them like ``state``); NULL means "as asked". ``txn_immutable`` names its columns, so
# these two stay updatable without touching the trigger.
_V3 = """
ALTER TABLE txn ADD COLUMN settled_fee INTEGER;
ALTER TABLE txn ADD COLUMN settled_total INTEGER;
"""

# Version 4: ``txn_business_date`` (v1) serves no query any more: the browser and the
# export read ``txn_day``, the day report reads the day-close module's covering index.
# Every append paid a write into it.
_V4 = """
DROP INDEX IF EXISTS txn_business_date;
"""

# Version 5: the inquiry answer a payment was quoted from, kept with the row. A receipt is
# resolved from the journal row alone (the print, a reprint, the PDF, ``python -m app
# receipt`` and the result screen all read the same row), and some of its lines exist
# only in the inquiry's answer (BNI Keagenan credit card: the card holder's name). It is
# what was asked, so it is immutable content: redacted like the request, chained into the
# row hash when not empty (rows written before version 5 keep their hash), and named in
# ``txn_immutable``, which is recreated with it.
_V5 = """
ALTER TABLE txn ADD COLUMN inquiry TEXT NOT NULL DEFAULT '';
DROP TRIGGER txn_immutable;
CREATE TRIGGER txn_immutable BEFORE UPDATE OF
    id, reference, host, product, product_group, customer_ref, customer_name, amount, fee,
    total, operator, business_date, request, created_at, prev_hash, hash, inquiry ON txn
BEGIN SELECT RAISE(ABORT, 'what a transaction asked for never changes'); END;
"""

# Version 6: the counter's own fee (``biaya loket``) the agent collected with a payment,
# besides the bank's admin fee: what it was at the moment of payment, never recomputed from
# today's settings. It is what was asked, so it never changes (``txn_immutable``, recreated
# with it). It is not in the row hash (the partner office recomputes that hash from the 14
# chained fields): the row's first event carries it in its ``changes``, which the event
# chain covers and ``verify`` folds, like ``settled_fee``.
_V6 = """
ALTER TABLE txn ADD COLUMN counter_fee INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER txn_immutable;
CREATE TRIGGER txn_immutable BEFORE UPDATE OF
    id, reference, host, product, product_group, customer_ref, customer_name, amount, fee,
    total, operator, business_date, request, created_at, prev_hash, hash, inquiry, counter_fee ON txn
BEGIN SELECT RAISE(ABORT, 'what a transaction asked for never changes'); END;
"""


# Customer-name search that "contains" (journal browser): SQLite FTS5 with the trigram
# tokenizer, over the distinct names rather than over every row. Names repeat (the same
# customers come back), so the index stays small and a row whose name is already known
# adds no write to it; ``txn_name_day`` then gives a matched name's rows by date, and its
# count over a year, from the index alone (services/journal_query.py). Both are kept in
# step by triggers, inside the transaction that writes the row; the last statement
# fills them for a journal written before this step. A self-contained step: it names
# nothing another migration adds.
_CUSTOMER_NAME_SEARCH = """
CREATE TABLE customer_name (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE customer_name_fts USING fts5(
    name, content='customer_name', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER customer_name_indexed AFTER INSERT ON customer_name
BEGIN INSERT INTO customer_name_fts(rowid, name) VALUES (NEW.id, NEW.name); END;
CREATE TRIGGER txn_customer_name AFTER INSERT ON txn WHEN NEW.customer_name <> ''
BEGIN INSERT OR IGNORE INTO customer_name(name) VALUES (NEW.customer_name); END;
CREATE INDEX txn_name_day ON txn(customer_name, business_date);
INSERT OR IGNORE INTO customer_name(name) SELECT customer_name FROM txn WHERE customer_name <> '' ORDER BY id;
"""

# The repeat guard (services/transactions.py) asks, before every payment, for the customer's
# SUCCESS rows of the last 15 minutes. ``txn_customer`` (customer_ref) gave it every row the
# customer ever had, read one by one: a deposit account filled daily, a zakat institution
# every donation goes to, grow by hundreds or thousands a year (1,000 rows: 0.4 ms a
# payment, 5,000: 4 ms, and on). With ``created_at`` beside the customer it reads only
# the window's rows. The browser's customer-number range reads it as before (same name,
# same leading column). Rebuilt once at the first start after the update: 1.3 s for a
# journal of 1,000,000 rows (tests/bench/journal.py's year), measured 06/12/2026.
_CUSTOMER_BY_TIME = """
DROP INDEX txn_customer;
CREATE INDEX txn_customer ON txn(customer_ref, created_at);
"""

# The numbers the bank answered that a receipt prints in the customer's place (PLN answers
# the full id 5311112 to a typed 53111; Bank+ a new account's number), so Riwayat finds a
# transaction by what the customer holds on paper, beside ``customer_ref`` (as typed). Only
# the rows where such a number differs from ``customer_ref`` have an entry. Which of a
# row's fields hold one is each product's receipt's to say (``Journal(numbers=)``): the
# journal writes the entries in the transaction that records an outcome, and fills them
# for the rows written before, by those declarations, at the next start (``Journal``).
# Derived, like ``customer_name``: outside the row and event chains.
_ANSWERED_NUMBERS = """
CREATE TABLE txn_number (
    number TEXT NOT NULL,
    txn_id INTEGER NOT NULL REFERENCES txn(id),
    PRIMARY KEY (number, txn_id)
) WITHOUT ROWID;
"""

# The bank's own reference ("Ref. Bank" on the receipt, what a customer's SMS or statement
# shows), so Riwayat finds a disputed payment by it (services/journal_query.py) as
# ``python -m app receipt REF`` does. Unlike ``txn_number``'s numbers, which sit inside the
# request's or the answer's JSON and need each product's declared places to read, the
# reference is a column of its own (``host_ref``), set by the outcome: an index on it is
# kept by SQLite in the very transaction that records the outcome, written by no code of
# Loket's, and leaves the chained rows and their hashes as they were. Partial: rows without
# one (NEW, SENT, most FAILED) take no entry. Case-insensitive: a reference with letters is
# found however the agent types it. Built once, by this migration at the first start after
# the update (the open on the start-up worker): 0.9-1.7 s more than a plain open for a
# journal of 1,000,000 rows, 920,000 of them settled (tests/bench/riwayat.py, 06/12/2026).
_BANK_REFERENCE = """
CREATE INDEX txn_host_ref ON txn(host_ref COLLATE NOCASE) WHERE host_ref <> '';
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6, _CUSTOMER_NAME_SEARCH, _CUSTOMER_BY_TIME, _ANSWERED_NUMBERS,
                         _BANK_REFERENCE]

SCHEMA_VERSION = len(MIGRATIONS)


class NewerJournal(ProfileDamaged):
    """The journal was written by a newer Loket; refuse rather than corrupt it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, todo=QT_TRANSLATE_NOOP(
            "errors", "Loket yang terpasang lebih lama daripada yang menulis jurnal ini. Pasang lagi versi Loket "
                      "terbaru (jangan versi lama); data tetap aman selama tidak ada file yang dihapus."))


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` to ``SCHEMA_VERSION``; returns the version it started from."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise NewerJournal(templated(QT_TRANSLATE_NOOP("errors", "Jurnal ini ditulis oleh Loket yang lebih baru "
                                                                 "(skema {version}; Loket ini {supported})."),
                                     version=version, supported=SCHEMA_VERSION))
    if version == SCHEMA_VERSION:
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version, SCHEMA_VERSION):
            for statement in _split(MIGRATIONS[step]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return version


def _split(script: str) -> list[str]:
    """Split a migration into statements (``executescript`` would commit on its own)."""
    statements, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf)
        if sqlite3.complete_statement(joined):
            statements.append(joined)
            buf = []
    return statements
