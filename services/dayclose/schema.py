"""The day-close tables, kept in the journal's own SQLite file.

Why the journal's file: sealing a day must be atomic with the rows it seals (one write
transaction reads the day's last hash and writes the seal), and the trigger that refuses
rows for a sealed day has to live beside ``txn``.

Versioning pattern (for any package that adds tables to the journal file): the journal
owns ``PRAGMA user_version`` for its own tables, so a package keeps *its own* version in
the journal's ``meta`` table under its own key (here ``dayclose_schema_version``) and its
own ordered list of migrations. ``MIGRATIONS[n]`` takes the package from version n to n+1;
``migrate`` runs the missing ones in order inside one journal transaction
(``Journal.transaction``: the journal is the file's only writer), after the journal's own
migrations. Never edit a migration that has shipped: append the next one.
Table, index and trigger names carry the package's prefix or its own table names, so they
never collide with the journal's.

Everything written here is append-only: shifts, cash movements, counts, approvals, closes
and reopenings are never updated or deleted (triggers refuse it). A day is *sealed* when
it has a ``day_close`` row without a ``day_reopen`` row pointing at it.

What the cash columns mean (no migration changed them): ``day_close.expected_cash`` is the
day's own cash (``Cash.expected``) and ``variance`` is ``counted_cash`` minus what the drawer
should hold, the cash of rows still in doubt included (``Cash.should_hold``, in the sealed
text); ``cash_count.expected`` is the figure the count was compared with, the same "should
hold". A close or count written before that rule compared with the expected cash alone: its
variance is ``counted_cash - expected_cash``, and its sealed text has no ``should_hold``, which
is how it is told apart and rendered as it was sealed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal.schema import (
    NewerJournal,
    _split,  # the journal's statement splitter (no commit inside)
)

if TYPE_CHECKING:
    from services.journal import Journal

VERSION_KEY = "dayclose_schema_version"

_V1 = """
CREATE TABLE supervisor (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    salt        TEXT NOT NULL,       -- 16 random bytes, hex; one per PIN
    pin_hash    TEXT NOT NULL,       -- scrypt(PIN, salt), hex
    kdf         TEXT NOT NULL,       -- 'scrypt:n=16384,r=8,p=1' so parameters can grow later
    created_at  TEXT NOT NULL,
    replaced_at TEXT                 -- set once when a new PIN replaces this one
);

CREATE TABLE approval (
    id            INTEGER PRIMARY KEY,
    supervisor_id INTEGER NOT NULL REFERENCES supervisor(id),
    approver      TEXT NOT NULL,
    action        TEXT NOT NULL,
    reason        TEXT NOT NULL,
    business_date TEXT NOT NULL,
    subject       TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL
);

CREATE TABLE shift (
    id             INTEGER PRIMARY KEY,
    business_date  TEXT NOT NULL UNIQUE,
    operator       TEXT NOT NULL,
    opening_float  INTEGER NOT NULL CHECK (opening_float >= 0),
    opened_at      TEXT NOT NULL
);

CREATE TABLE cash_movement (
    id            INTEGER PRIMARY KEY,
    shift_id      INTEGER NOT NULL REFERENCES shift(id),
    business_date TEXT NOT NULL,
    kind          TEXT NOT NULL,
    amount        INTEGER NOT NULL,  -- signed: what it did to the drawer
    reason        TEXT NOT NULL,
    operator      TEXT NOT NULL,
    at            TEXT NOT NULL,
    approval_id   INTEGER REFERENCES approval(id)
);
CREATE INDEX cash_movement_day ON cash_movement(business_date);

CREATE TABLE cash_count (
    id            INTEGER PRIMARY KEY,
    business_date TEXT NOT NULL,
    counted       INTEGER NOT NULL,
    expected      INTEGER NOT NULL,
    operator      TEXT NOT NULL,
    at            TEXT NOT NULL
);
CREATE INDEX cash_count_day ON cash_count(business_date);

CREATE TABLE day_close (
    id              INTEGER PRIMARY KEY,
    business_date   TEXT NOT NULL,
    report_no       INTEGER NOT NULL UNIQUE,
    closed_at       TEXT NOT NULL,
    closed_by       TEXT NOT NULL,
    expected_cash   INTEGER NOT NULL,
    counted_cash    INTEGER NOT NULL,
    variance        INTEGER NOT NULL,
    variance_note   TEXT NOT NULL DEFAULT '',
    rows            INTEGER NOT NULL,
    last_txn_hash   TEXT NOT NULL,   -- hash of the day's last journal row
    last_event_hash TEXT NOT NULL,   -- head of the event chain when the day was sealed
    approval_id     INTEGER REFERENCES approval(id),
    snapshot        TEXT NOT NULL,   -- the Laporan Z, canonical JSON
    snapshot_hash   TEXT NOT NULL    -- sha256 of snapshot
);
CREATE INDEX day_close_day ON day_close(business_date);

CREATE TABLE day_reopen (
    id          INTEGER PRIMARY KEY,
    close_id    INTEGER NOT NULL UNIQUE REFERENCES day_close(id),
    approval_id INTEGER NOT NULL REFERENCES approval(id),
    at          TEXT NOT NULL
);

CREATE TABLE report_export (
    id            INTEGER PRIMARY KEY,
    close_id      INTEGER NOT NULL REFERENCES day_close(id),
    format        TEXT NOT NULL,
    actor         TEXT NOT NULL,
    at            TEXT NOT NULL,
    approval_id   INTEGER REFERENCES approval(id)
);

-- The day report's index: covers the per-product GROUP BY (no row is read, SQLite may
-- reorder GROUP BY terms to follow it) and seeks the failed/open/reversed rows by state.
-- It costs each journal append one more index entry; a counter appends a few hundred a day.
CREATE INDEX dayclose_txn_report ON txn(business_date, state, product_group, host, product, amount, fee, total);

-- A sealed business day takes no new journal rows.
CREATE TRIGGER dayclose_txn_sealed_day BEFORE INSERT ON txn
WHEN EXISTS (
    SELECT 1 FROM day_close c
    WHERE c.business_date = NEW.business_date
      AND NOT EXISTS (SELECT 1 FROM day_reopen r WHERE r.close_id = c.id)
)
BEGIN SELECT RAISE(ABORT, 'business day is sealed'); END;

CREATE TRIGGER shift_no_update BEFORE UPDATE ON shift
BEGIN SELECT RAISE(ABORT, 'shifts are never changed'); END;
CREATE TRIGGER shift_no_delete BEFORE DELETE ON shift
BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;
CREATE TRIGGER cash_movement_no_update BEFORE UPDATE ON cash_movement
BEGIN SELECT RAISE(ABORT, 'cash movements are never changed'); END;
CREATE TRIGGER cash_movement_no_delete BEFORE DELETE ON cash_movement
BEGIN SELECT RAISE(ABORT, 'cash movements are never deleted'); END;
CREATE TRIGGER cash_count_no_update BEFORE UPDATE ON cash_count
BEGIN SELECT RAISE(ABORT, 'cash counts are never changed'); END;
CREATE TRIGGER cash_count_no_delete BEFORE DELETE ON cash_count
BEGIN SELECT RAISE(ABORT, 'cash counts are never deleted'); END;
CREATE TRIGGER approval_no_update BEFORE UPDATE ON approval
BEGIN SELECT RAISE(ABORT, 'approvals are never changed'); END;
CREATE TRIGGER approval_no_delete BEFORE DELETE ON approval
BEGIN SELECT RAISE(ABORT, 'approvals are never deleted'); END;
CREATE TRIGGER day_close_no_update BEFORE UPDATE ON day_close
BEGIN SELECT RAISE(ABORT, 'a closed day report is immutable'); END;
CREATE TRIGGER day_close_no_delete BEFORE DELETE ON day_close
BEGIN SELECT RAISE(ABORT, 'a closed day report is never deleted'); END;
CREATE TRIGGER day_reopen_no_change BEFORE UPDATE ON day_reopen
BEGIN SELECT RAISE(ABORT, 'a reopening is never changed'); END;
CREATE TRIGGER day_reopen_no_delete BEFORE DELETE ON day_reopen
BEGIN SELECT RAISE(ABORT, 'a reopening is never deleted'); END;
CREATE TRIGGER report_export_no_delete BEFORE DELETE ON report_export
BEGIN SELECT RAISE(ABORT, 'exports are never deleted'); END;
-- Only a superseded PIN may be touched, and only to mark it replaced.
CREATE TRIGGER supervisor_no_delete BEFORE DELETE ON supervisor
BEGIN SELECT RAISE(ABORT, 'supervisors are never deleted'); END;
CREATE TRIGGER supervisor_only_replace BEFORE UPDATE OF id, name, salt, pin_hash, kdf, created_at ON supervisor
BEGIN SELECT RAISE(ABORT, 'a supervisor PIN is replaced, never edited'); END;
"""

# Version 2: the day report sums the *final* fee and total, COALESCE(settled_fee, fee) and
# COALESCE(settled_total, total) (journal schema 3: what the host confirmed after the row
# was written). Without the two settled columns the index no longer covers the GROUP BY
# and every row of the day is read from the table; with them it covers it again. They
# are NULL on almost every row (one byte each in an index entry). Needs journal schema 3,
# which the journal's own migration has applied before any package migrates.
_V2 = """
DROP INDEX dayclose_txn_report;
CREATE INDEX dayclose_txn_report ON txn(business_date, state, product_group, host, product, amount, fee, total,
                                        settled_fee, settled_total);
"""

# Version 3: how far days are sealed is the journal's to know (``meta.sealed_through``, read
# by its business-day rule, written with every seal and reopening), so that any process
# opening the file stamps rows with the right business day. A journal sealed by an
# earlier Loket gets the mark from its day_close rows. No SQL: ``migrate`` sets the mark
# through ``Journal.mark_sealed_through`` so the open journal's memory follows.
_V3 = ""

# Version 4: every supervisor-PIN attempt, right or wrong, with what it was for. A wrong PIN
# used to record nothing, so guesses through the command line (one process per try) were
# neither limited nor visible; the attempts are the persistent count the back-off reads.
_V4 = """
CREATE TABLE supervisor_attempt (
    id          INTEGER PRIMARY KEY,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    ok          INTEGER NOT NULL,
    at          TEXT NOT NULL
);
CREATE TRIGGER supervisor_attempt_no_update BEFORE UPDATE ON supervisor_attempt
BEGIN SELECT RAISE(ABORT, 'supervisor attempts are never changed'); END;
CREATE TRIGGER supervisor_attempt_no_delete BEFORE DELETE ON supervisor_attempt
BEGIN SELECT RAISE(ABORT, 'supervisor attempts are never deleted'); END;
"""

# Version 5: the day report also sums ``counter_fee`` (journal schema 6: the counter's own
# fee, the agent's income and part of the drawer's cash); the index carries it so it still
# covers the GROUP BY. Zero on most rows.
_V5 = """
DROP INDEX dayclose_txn_report;
CREATE INDEX dayclose_txn_report ON txn(business_date, state, product_group, host, product, amount, fee, total,
                                        settled_fee, settled_total, counter_fee);
"""

# Version 6: where each seal and each reopening stands in the event chain, the journal's one
# order that no clock moves: ``last_event_id``, the id of the last event written before it (0:
# none yet). Whether a row settled or was reversed before or after a day's seal, and so which
# Laporan Z counts it (services/reports/aggregate.py), is decided by comparing event ids with
# it, never times: a kiosk clock put back after Tutup Hari stamps a settlement earlier than the
# seal that came before it. A seal of an earlier Loket gets the id of the event whose hash it
# recorded (one pass over the events, through SQLite's automatic index on the hash); 0 for one
# that sealed before any event, or whose head the chain no longer holds (``journal verify``
# reports that). An earlier reopening recorded only its time: it gets the last event written
# by then, no earlier than its seal and no later than the next seal (a reopening always comes
# between them). The two triggers that forbid changes are dropped for these updates only and
# made again as they were.
_V6 = """
ALTER TABLE day_close ADD COLUMN last_event_id INTEGER;
ALTER TABLE day_reopen ADD COLUMN last_event_id INTEGER;
DROP TRIGGER day_close_no_update;
DROP TRIGGER day_reopen_no_change;
UPDATE day_close SET last_event_id = head.id
  FROM (SELECT c.id AS close_id, e.id FROM day_close c, txn_event e WHERE e.hash = c.last_event_hash) AS head
 WHERE head.close_id = day_close.id;
UPDATE day_close SET last_event_id = 0 WHERE last_event_id IS NULL;
UPDATE day_reopen SET last_event_id = MAX(p.sealed, MIN(p.guess, COALESCE(p.next, p.guess)))
  FROM (SELECT r.id AS reopen_id, c.last_event_id AS sealed,
               COALESCE((SELECT MAX(e.id) FROM txn_event e WHERE e.at <= r.at), 0) AS guess,
               (SELECT MIN(n.last_event_id) FROM day_close n WHERE n.id > c.id) AS next
          FROM day_reopen r JOIN day_close c ON c.id = r.close_id) AS p
 WHERE p.reopen_id = day_reopen.id;
CREATE TRIGGER day_close_no_update BEFORE UPDATE ON day_close
BEGIN SELECT RAISE(ABORT, 'a closed day report is immutable'); END;
CREATE TRIGGER day_reopen_no_change BEFORE UPDATE ON day_reopen
BEGIN SELECT RAISE(ABORT, 'a reopening is never changed'); END;
"""

# Version 7: a sealed business day takes no drawer movement nor count either, from any writer,
# as it takes no journal row (``dayclose_txn_sealed_day``). ``Shifts`` reads the business day
# before it takes the journal's lock to write a movement: a movement begun as the day was
# being sealed would land in the sealed day, outside its Laporan Z and outside the next day's
# expected cash, gone from every count (found 06/12/2026, no route through the screens seen).
_SEALED_DAY_GUARD = """
CREATE TRIGGER {name} BEFORE INSERT ON {table}
WHEN EXISTS (
    SELECT 1 FROM day_close c
    WHERE c.business_date = NEW.business_date
      AND NOT EXISTS (SELECT 1 FROM day_reopen r WHERE r.close_id = c.id)
)
BEGIN SELECT RAISE(ABORT, 'business day is sealed'); END;
"""
_V7 = "".join(_SEALED_DAY_GUARD.format(name=name, table=table) for name, table in (
    ("dayclose_movement_sealed_day", "cash_movement"), ("dayclose_count_sealed_day", "cash_count")))

# Version 8: a day sealed with a cash variance names the supervisor's approval of that count
# (action ``cash_variance``), as ``approval_id`` names the one for closing with open rows.
# NULL for an even count and for every seal made before the approval was asked.
_V8 = """
ALTER TABLE day_close ADD COLUMN variance_approval_id INTEGER REFERENCES approval(id);
"""

# Version 9: Serah Terima Kas, the drawer passed from one agent to the next within the day's
# one shift (services/dayclose/handover.py). ``handover_count`` keeps every blind count the
# incoming agent entered, as ``cash_count`` keeps the day close's, the moment it is entered
# (before the expected figure is shown); ``drawer_handover`` the handover itself, naming its
# count and, for a difference, the supervisor's approval (action ``handover_variance``). Both
# append-only, and a sealed day takes neither. A journal of an earlier Loket has none: its
# days had one holder, the shift's opener.
_V9 = """
CREATE TABLE handover_count (
    id            INTEGER PRIMARY KEY,
    business_date TEXT NOT NULL,
    shift_id      INTEGER NOT NULL REFERENCES shift(id),
    from_operator TEXT NOT NULL,
    to_operator   TEXT NOT NULL,
    counted       INTEGER NOT NULL CHECK (counted >= 0),
    expected      INTEGER NOT NULL,   -- the drawer's expected cash as the day close computes it
    carried       INTEGER NOT NULL,   -- the differences of the day's earlier handovers
    at            TEXT NOT NULL
);
CREATE INDEX handover_count_day ON handover_count(business_date);

CREATE TABLE drawer_handover (
    id            INTEGER PRIMARY KEY,
    business_date TEXT NOT NULL,
    shift_id      INTEGER NOT NULL REFERENCES shift(id),
    from_operator TEXT NOT NULL,
    to_operator   TEXT NOT NULL,
    at            TEXT NOT NULL,
    counted       INTEGER NOT NULL,
    expected      INTEGER NOT NULL,
    carried       INTEGER NOT NULL,
    difference    INTEGER NOT NULL,   -- counted - (expected + carried): the outgoing agent's span
    note          TEXT NOT NULL DEFAULT '',
    count_id      INTEGER NOT NULL UNIQUE REFERENCES handover_count(id),
    approval_id   INTEGER REFERENCES approval(id)
);
CREATE INDEX drawer_handover_day ON drawer_handover(business_date);

CREATE TRIGGER handover_count_no_update BEFORE UPDATE ON handover_count
BEGIN SELECT RAISE(ABORT, 'handover counts are never changed'); END;
CREATE TRIGGER handover_count_no_delete BEFORE DELETE ON handover_count
BEGIN SELECT RAISE(ABORT, 'handover counts are never deleted'); END;
CREATE TRIGGER drawer_handover_no_update BEFORE UPDATE ON drawer_handover
BEGIN SELECT RAISE(ABORT, 'handovers are never changed'); END;
CREATE TRIGGER drawer_handover_no_delete BEFORE DELETE ON drawer_handover
BEGIN SELECT RAISE(ABORT, 'handovers are never deleted'); END;
""" + "".join(_SEALED_DAY_GUARD.format(name=name, table=table) for name, table in (
    ("dayclose_handover_count_sealed_day", "handover_count"), ("dayclose_handover_sealed_day", "drawer_handover")))

# Version 10: the owner's recovery code (kode pemulihan, services/dayclose/recovery.py). A code
# is kept only as a salted scrypt hash, as a supervisor PIN is; ``approval_id`` names the
# approval under which it was issued. The latest code is the one in force (issuing a new one
# supersedes the old); a use is a ``recovery_use`` row (one per code: a code is spent once),
# naming the approval that recorded it. Both append-only.
_V10 = """
CREATE TABLE recovery_code (
    id          INTEGER PRIMARY KEY,
    salt        TEXT NOT NULL,       -- 16 random bytes, hex
    code_hash   TEXT NOT NULL,       -- scrypt(code, salt), hex
    kdf         TEXT NOT NULL,
    approval_id INTEGER NOT NULL REFERENCES approval(id),
    issued_at   TEXT NOT NULL
);
CREATE TABLE recovery_use (
    id          INTEGER PRIMARY KEY,
    code_id     INTEGER NOT NULL UNIQUE REFERENCES recovery_code(id),
    approval_id INTEGER NOT NULL REFERENCES approval(id),
    at          TEXT NOT NULL
);
CREATE TRIGGER recovery_code_no_update BEFORE UPDATE ON recovery_code
BEGIN SELECT RAISE(ABORT, 'recovery codes are never changed'); END;
CREATE TRIGGER recovery_code_no_delete BEFORE DELETE ON recovery_code
BEGIN SELECT RAISE(ABORT, 'recovery codes are never deleted'); END;
CREATE TRIGGER recovery_use_no_update BEFORE UPDATE ON recovery_use
BEGIN SELECT RAISE(ABORT, 'recovery uses are never changed'); END;
CREATE TRIGGER recovery_use_no_delete BEFORE DELETE ON recovery_use
BEGIN SELECT RAISE(ABORT, 'recovery uses are never deleted'); END;
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10]

SCHEMA_VERSION = len(MIGRATIONS)


class NewerDayCloseSchema(NewerJournal):
    """The day-close tables were written by a newer Loket; refuse rather than corrupt them."""


def version(journal: "Journal") -> int:
    row = journal.execute("SELECT value FROM meta WHERE key=?", (VERSION_KEY,)).fetchone()
    return int(row[0]) if row else 0


def migrate(journal: "Journal") -> int:
    """Bring the day-close tables to ``SCHEMA_VERSION``; returns the version it started from."""
    start = version(journal)
    if start > SCHEMA_VERSION:
        raise NewerDayCloseSchema(templated(QT_TRANSLATE_NOOP("errors", "Data tutup hari di jurnal ditulis oleh Loket "
                                                                        "yang lebih baru (skema {version}; Loket ini "
                                                                        "{supported})."),
                                            version=start, supported=SCHEMA_VERSION))
    if start == SCHEMA_VERSION:
        return start
    with journal.transaction() as tx:
        current = version(journal)  # another process may have migrated while we waited
        for step in range(current, SCHEMA_VERSION):
            for statement in _split(MIGRATIONS[step]):
                tx.execute(statement)
        tx.execute(
            "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (VERSION_KEY, str(SCHEMA_VERSION)),
        )
        if current < 3:
            journal.mark_sealed_through(last_sealed(journal))
    return start


def last_sealed(journal: "Journal") -> str | None:
    """The latest business day with a Laporan Z that no reopening superseded."""
    row = journal.execute(
        "SELECT MAX(c.business_date) FROM day_close c"
        " WHERE NOT EXISTS (SELECT 1 FROM day_reopen r WHERE r.close_id = c.id)").fetchone()
    return row[0]
