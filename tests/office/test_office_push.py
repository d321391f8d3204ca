"""A counter's batch through the office's way in (the session's staging table, then
``office.push_rows``), as its role sends it: a batch that fits its chain is stored whole;
one that does not (a re-send, a gap, a changed row, rows out of order) stores what fits up
to the first misfit and records that one as an alert with both hashes, never more."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest

from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.office import db, verify
from services.office.outbox import ROWS_COPY
from services.office.source import ROW_FIELDS, JournalSource

COUNTER = "K100"
# Text JSON escapes (quote, backslash, control characters), text it does not (non-ASCII,
# DEL, an apostrophe): the office's hash of every row must be the counter's.
NAMES = ["SITI AMINAH", 'TOKO "MAJU"', "C:\\KASIR", "BARIS\nDUA", "TAB\tDI SINI", "BEL\x07", "ÉLODIE 😀",
         "DEL\x7f", "O'NEIL", "SITI AMINAH"]


def journal_rows(tmp_path, names=NAMES, *, inquiry_every: int = 4) -> list[tuple]:
    clock = FixedClock(datetime(2026, 11, 21, 8, 0, tzinfo=WIB))
    with Journal(tmp_path / "journal.db", clock=clock) as journal:
        for n, name in enumerate(names):
            clock.advance(30)
            ref = journal.next_reference()
            journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="Tagihan",
                          amount=100_000 + n, fee=2_500, operator="kasir\\1" if n == 5 else "kasir1",
                          request={"customer": "5391000123", "note": f"bayar {name}"}, customer_ref="5391000123",
                          customer_name=name,
                          inquiry={"nama": name, "tarif": "R1/1300 VA"} if n % inquiry_every == 1 else None)
            journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")
    source = JournalSource(tmp_path / "journal.db")
    try:
        return source.rows_after(0, 1000)
    finally:
        source.close()


@pytest.fixture
def counter(office_db):
    office_db.add_counter(COUNTER)
    with psycopg.connect(office_db.counter_dsn(COUNTER), autocommit=True) as conn:
        conn.execute("SELECT office.push_open()")
        yield conn


def push(conn, rows) -> int:
    with conn.transaction():
        with conn.cursor().copy(ROWS_COPY) as staging:
            for row in rows:
                staging.write_row(row)
        return conn.execute("SELECT office.push_rows(%s)", (COUNTER,)).fetchone()[0]


def office_state(office_db) -> tuple[list[tuple], list[tuple]]:
    with office_db.admin() as conn:
        stored = conn.execute("SELECT id, hash FROM office.txn ORDER BY id").fetchall()
        alerts = conn.execute("SELECT kind, position, office_hash, arriving_hash FROM office.alert"
                              " ORDER BY id").fetchall()
    return stored, alerts


def test_a_batch_that_fits_is_stored_whole_with_every_hash_the_counters(office_db, counter, tmp_path):
    rows = journal_rows(tmp_path)
    assert push(counter, rows[:3]) == 3
    assert push(counter, rows[3:]) == len(rows) - 3
    stored, alerts = office_state(office_db)
    assert alerts == []
    assert stored == [(r[0], r[ROW_FIELDS.index("hash")]) for r in rows]
    with office_db.admin() as conn:  # what is stored is what the counter journaled
        names = [n for (n,) in conn.execute("SELECT customer_name FROM office.txn ORDER BY id")]
        inquiries = conn.execute("SELECT count(*) FROM office.txn WHERE inquiry <> ''").fetchone()[0]
    assert names == NAMES and inquiries == 3


def test_a_re_sent_batch_adds_only_its_new_rows(office_db, counter, tmp_path):
    rows = journal_rows(tmp_path)
    push(counter, rows[:6])
    assert push(counter, rows[2:]) == len(rows) - 6  # rows 3-6 again, then the new ones
    assert push(counter, rows) == 0
    stored, alerts = office_state(office_db)
    assert alerts == [] and [i for i, _ in stored] == list(range(1, len(rows) + 1))


def test_rows_sent_out_of_order_are_stored_in_chain_order(office_db, counter, tmp_path):
    rows = journal_rows(tmp_path)
    assert push(counter, [rows[1], rows[0], *reversed(rows[2:])]) == len(rows)
    stored, alerts = office_state(office_db)
    assert alerts == [] and [i for i, _ in stored] == list(range(1, len(rows) + 1))


def test_a_changed_row_in_a_batch_stops_it_there_with_an_alert(office_db, counter, tmp_path):
    rows = journal_rows(tmp_path)
    changed = list(rows[4])
    changed[ROW_FIELDS.index("amount")] += 1_000_000  # its hash left as it was
    assert push(counter, [*rows[:4], tuple(changed), *rows[5:]]) == 4
    stored, alerts = office_state(office_db)
    assert [i for i, _ in stored] == [1, 2, 3, 4]
    ((kind, position, office_hash, arriving_hash),) = alerts
    assert (kind, position, arriving_hash) == ("changed", 5, rows[4][ROW_FIELDS.index("hash")])
    assert office_hash != arriving_hash  # recomputed from the content that arrived


def test_a_batch_after_a_gap_is_an_alert_and_nothing_is_stored(office_db, counter, tmp_path):
    rows = journal_rows(tmp_path)
    push(counter, rows[:3])
    assert push(counter, rows[5:]) == 0  # rows 4 and 5 never sent
    stored, alerts = office_state(office_db)
    assert [i for i, _ in stored] == [1, 2, 3]
    assert alerts == [("gap", 4, rows[2][ROW_FIELDS.index("hash")], rows[5][ROW_FIELDS.index("hash")])]


def test_a_second_history_is_a_fork_with_both_hashes(office_db, counter, tmp_path):
    rows = journal_rows(tmp_path)
    push(counter, rows[:5])
    other = journal_rows(tmp_path / "other", [*NAMES[:2], "ORANG LAIN", *NAMES[3:]])
    assert other[1] == rows[1] and other[2] != rows[2]
    assert push(counter, other[2:]) == 0  # a different row 3, and everything after it
    stored, alerts = office_state(office_db)
    assert [h for _, h in stored] == [r[ROW_FIELDS.index("hash")] for r in rows[:5]]
    assert alerts == [("fork", 3, rows[2][ROW_FIELDS.index("hash")], other[2][ROW_FIELDS.index("hash")])]


def test_an_office_database_of_the_schema_before_takes_the_new_migration_and_its_chains_carry_on(
        office_pg, tmp_path, monkeypatch):
    rows = journal_rows(tmp_path)  # quotes, backslashes, control characters, inquiry answers
    name = f"office_before_{tmp_path.name}"[:63]
    with psycopg.connect(office_pg.admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    every = db.migrations()
    try:
        with psycopg.connect(office_pg.admin_conninfo(name), autocommit=True) as admin:
            monkeypatch.setattr(db, "migrations", lambda: every[:-1])  # the office as it was
            db.migrate(admin)
            db.add_counter(admin, COUNTER, "pw")
            dsn = office_pg.tcp_conninfo(db.role_name(COUNTER), "pw", name)
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute("SELECT office.push_open()")
                assert push(conn, rows[:5]) == 5
            monkeypatch.setattr(db, "migrations", lambda: every)
            assert db.migrate(admin) == [every[-1][1]]
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute("SELECT office.push_open()")
                assert push(conn, rows[3:]) == len(rows) - 5  # a re-send, then rows of every kind
                assert push(conn, rows) == 0
            stored = admin.execute("SELECT id, hash FROM office.txn ORDER BY id").fetchall()
            assert stored == [(r[0], r[ROW_FIELDS.index("hash")]) for r in rows]
            assert verify.alerts(admin) == [] and verify.stored_chain_breaks(admin) == []
    finally:
        with psycopg.connect(office_pg.admin_conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
