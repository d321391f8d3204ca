"""A counter's batch through the office's way in (the session's staging table, then
``office.push_rows``), as its role sends it: a batch that fits its chain is stored whole;
one that does not (a re-send, a gap, a changed row, rows out of order) stores what fits up
to the first misfit and records that one as an alert with both hashes, never more."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

import psycopg
import pytest
from psycopg import sql

from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.office import db, verify
from services.office.outbox import ROWS_COPY, Outbox
from services.office.source import EVENT_FIELDS, ROW_FIELDS, JournalSource

COUNTER = "K100"
# Text JSON escapes (quote, backslash, control characters), text it does not (non-ASCII,
# DEL, an apostrophe): the office's hash of every row must be the counter's.
NAMES = ["SITI AMINAH", 'TOKO "MAJU"', "C:\\KASIR", "BARIS\nDUA", "TAB\tDI SINI", "BEL\x07", "ÉLODIE 😀",
         "DEL\x7f", "O'NEIL", "SITI AMINAH"]


def journal_rows(tmp_path, names=NAMES, *, inquiry_every: int = 4,
                 tariff: Callable[[int], str] = lambda n: "R1/1300 VA") -> list[tuple]:
    clock = FixedClock(datetime(2026, 11, 21, 8, 0, tzinfo=WIB))
    with Journal(tmp_path / "journal.db", clock=clock) as journal:
        for n, name in enumerate(names):
            clock.advance(30)
            ref = journal.next_reference()
            journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="Tagihan",
                          amount=100_000 + n, fee=2_500, operator="kasir\\1" if n == 5 else "kasir1",
                          request={"customer": "5391000123", "note": f"bayar {name}"}, customer_ref="5391000123",
                          customer_name=name,
                          inquiry={"nama": name, "tarif": tariff(n)} if n % inquiry_every == 1 else None)
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


def function_calls(office_db) -> dict[str, int]:
    """The office functions run so far in the test's database (a session's statistics are
    there once it asked for them to be flushed: ``pg_stat_force_next_flush``)."""
    with office_db.admin() as conn:
        return dict(conn.execute("SELECT funcname, sum(calls)::int FROM pg_stat_user_functions"
                                 " WHERE schemaname = 'office' GROUP BY funcname").fetchall())


def test_a_batch_that_fits_is_stored_by_the_check_that_fits_whatever_the_lengths_of_its_rows(office_db, tmp_path):
    """A counter's rows differ in length (a bill payment carries its inquiry answer, a few
    hundred bytes to a few kB; a deposit none). In the session's staging table a shorter row
    then lands on an earlier page that still has room, before rows COPYed ahead of it. Such
    a batch fits its chain: it must be stored by the check that fits, not sent to the exact
    check (``push_rows_exact``), which stores the same rows at ~1.6 times the office's CPU
    (sql/007_push_in_chain_order.sql). A re-send still takes the exact check."""
    rows = journal_rows(tmp_path, ["SITI AMINAH"] * 120, inquiry_every=2,
                        tariff=lambda n: "rincian tagihan " * (n * 37 % 100))
    office_db.add_counter(COUNTER)
    with office_db.admin() as admin:
        admin.execute(sql.SQL("ALTER ROLE {} IN DATABASE {} SET track_functions = 'pl'").format(
            sql.Identifier(db.role_name(COUNTER)), sql.Identifier(office_db.name)))
    with psycopg.connect(office_db.counter_dsn(COUNTER), autocommit=True) as conn:
        conn.execute("SELECT office.push_open(true)")
        assert push(conn, rows) == len(rows)
        conn.execute("SELECT pg_stat_force_next_flush()")
        calls = function_calls(office_db)
        assert calls["push_rows"] == 2 and "push_rows_exact" not in calls  # push_open's run, the batch
        assert push(conn, rows) == 0
        conn.execute("SELECT pg_stat_force_next_flush()")
        assert function_calls(office_db)["push_rows_exact"] == 1
    stored, alerts = office_state(office_db)
    assert alerts == [] and stored == [(r[0], r[ROW_FIELDS.index("hash")]) for r in rows]


def test_opening_the_push_plans_it_and_stores_nothing(office_db, counter, tmp_path):
    """``push_open`` runs the push once over the empty staging table, so that a connection's
    first batch finds it compiled and planned: that run stores and records nothing, and a
    second ``push_open`` on the same connection (as after a reconnect) neither."""
    counter.execute("SELECT office.push_open()")
    assert office_state(office_db) == ([], [])
    rows = journal_rows(tmp_path)
    assert push(counter, rows) == len(rows)
    counter.execute("SELECT office.push_open()")
    stored, alerts = office_state(office_db)
    assert alerts == [] and [i for i, _ in stored] == list(range(1, len(rows) + 1))


def test_a_connection_planned_once_checks_its_twentieth_batch_as_its_first(office_db, counter, tmp_path):
    """The push's plan is made when the connection opens and kept for every batch after it:
    a batch that fits, a re-send, a changed row, a gap and a second history, met late on one
    connection, are each stored or recorded exactly as on a fresh one."""
    rows = journal_rows(tmp_path, NAMES * 3)
    for n in range(12):  # one row a batch: well past the first batches' plans
        assert push(counter, [rows[n]]) == 1
    assert push(counter, rows[10:14]) == 2  # rows 11 and 12 again, then 13 and 14
    changed = list(rows[15])
    changed[ROW_FIELDS.index("amount")] += 1
    assert push(counter, [rows[14], tuple(changed), rows[16]]) == 1  # 15 stored, 16 changed
    assert push(counter, rows[17:19]) == 0  # 16 and 17 missing: a gap
    other = journal_rows(tmp_path / "other", [*(NAMES * 3)[:15], "ORANG LAIN", *(NAMES * 3)[16:]])
    assert other[14] == rows[14] and other[15] != rows[15]
    assert push(counter, rows[15:17]) == 2  # the true 16 and 17
    assert push(counter, other[16:18]) == 0  # a second history from 17 on (it links to another 16)
    assert push(counter, rows[17:]) == len(rows) - 17
    stored, alerts = office_state(office_db)
    assert stored == [(r[0], r[ROW_FIELDS.index("hash")]) for r in rows]
    h = ROW_FIELDS.index("hash")
    assert alerts == [("changed", 16, alerts[0][2], rows[15][h]),
                      ("gap", 16, rows[14][h], rows[17][h]),
                      ("fork", 17, rows[16][h], other[16][h])]


def test_a_batch_cut_before_its_commit_is_stored_once_when_sent_again(office_db, counter, tmp_path):
    """The link drops after ``push_rows`` ran and before the commit: nothing of the batch
    stays, and the same batch sent again on a new connection (planned anew) is stored once."""
    rows = journal_rows(tmp_path)
    assert push(counter, rows[:3]) == 3
    with counter.transaction():
        with counter.cursor().copy(ROWS_COPY) as staging:
            for row in rows[3:]:
                staging.write_row(row)
        assert counter.execute("SELECT office.push_rows(%s)", (COUNTER,)).fetchone()[0] == len(rows) - 3
        counter.pgconn.finish()  # the link drops: the office never sees the COMMIT
    assert [i for i, _ in office_state(office_db)[0]] == [1, 2, 3]
    with psycopg.connect(office_db.counter_dsn(COUNTER), autocommit=True) as again:
        again.execute("SELECT office.push_open()")
        assert push(again, rows[3:]) == len(rows) - 3
        assert push(again, rows) == 0
    stored, alerts = office_state(office_db)
    assert alerts == [] and stored == [(r[0], r[ROW_FIELDS.index("hash")]) for r in rows]


def test_a_row_and_an_event_longer_than_a_page_reach_the_office_with_their_batches(office_db, tmp_path):
    """The session's staging tables hold values up to a page, so that emptying them at each
    commit costs nothing (sql/006_push_planned.sql). A payment quoted from a long inquiry
    answer and answered with a long host message goes through the outbox as any other: its
    batch is sent again once the staging tables take long values, and the batches after it
    on the same connection too."""
    clock = FixedClock(datetime(2026, 11, 21, 8, 0, tzinfo=WIB))
    long_text = "periode 2026-%02d denda 0 " * 700  # ~16 kB, two pages
    with Journal(tmp_path / "journal.db", clock=clock) as journal:
        for n in range(9):
            clock.advance(30)
            ref = journal.next_reference()
            journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="Tagihan",
                          amount=100_000 + n, fee=2_500, operator="kasir1", request={"customer": "5391000123"},
                          customer_ref="5391000123", customer_name="SITI AMINAH",
                          inquiry={"nama": "SITI AMINAH", "rincian": long_text} if n == 2 else None)
            journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")
            journal.transition(ref, State.SUCCESS, actor="system", reason="jawaban host", host_ref=f"H{n}",
                               response={"pesan": long_text} if n == 5 else None)
    office_db.add_counter(COUNTER)
    outbox = Outbox(JournalSource(tmp_path / "journal.db"), COUNTER, office_db.connector(COUNTER), tmp_path, batch=4)
    state = outbox.push()
    outbox.close()
    assert state.pending == 0 and state.rows_sent == 9 and state.events_sent == 27
    source = JournalSource(tmp_path / "journal.db")
    try:
        rows, events = source.rows_after(0, 100), source.events_after(0, 100, up_to_row=100)
    finally:
        source.close()
    stored, alerts = office_state(office_db)
    assert alerts == [] and stored == [(r[0], r[ROW_FIELDS.index("hash")]) for r in rows]
    with office_db.admin() as conn:
        assert conn.execute("SELECT array_agg(hash ORDER BY id) FROM office.txn_event").fetchone()[0] == [
            e[EVENT_FIELDS.index("hash")] for e in events]
        assert conn.execute("SELECT inquiry FROM office.txn WHERE id = 3").fetchone()[0] == rows[2][-1]


@contextmanager
def office_before(office_pg, tmp_path, monkeypatch) -> Iterator[tuple[psycopg.Connection, str, list]]:
    """A database of the office as it was before the newest migration, with the counter
    registered: (the owner's connection, the counter's DSN, every migration)."""
    name = f"office_before_{tmp_path.name}"[:63]
    with psycopg.connect(office_pg.admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    every = db.migrations()
    try:
        with psycopg.connect(office_pg.admin_conninfo(name), autocommit=True) as admin:
            monkeypatch.setattr(db, "migrations", lambda: every[:-1])  # the office as it was
            db.migrate(admin)
            db.add_counter(admin, COUNTER, "pw")
            yield admin, office_pg.tcp_conninfo(db.role_name(COUNTER), "pw", name), every
    finally:
        with psycopg.connect(office_pg.admin_conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_an_office_database_of_the_schema_before_takes_the_new_migration_and_its_chains_carry_on(
        office_pg, tmp_path, monkeypatch):
    rows = journal_rows(tmp_path)  # quotes, backslashes, control characters, inquiry answers
    with office_before(office_pg, tmp_path, monkeypatch) as (admin, dsn, every):
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


def test_this_outbox_pushes_to_an_office_not_yet_migrated(office_pg, tmp_path, monkeypatch):
    """An office before sql/006_push_planned.sql has no ``push_open(narrow)``: the outbox opens
    its connection as it did before, and its rows and events go through."""
    rows = journal_rows(tmp_path)
    with office_before(office_pg, tmp_path, monkeypatch) as (admin, dsn, _every):
        outbox = Outbox(JournalSource(tmp_path / "journal.db"), COUNTER, lambda: psycopg.connect(dsn), tmp_path)
        state = outbox.push()
        outbox.close()
        assert state.pending == 0 and state.rows_sent == len(rows) and state.events_sent == 2 * len(rows)
        stored = admin.execute("SELECT id, hash FROM office.txn ORDER BY id").fetchall()
        assert stored == [(r[0], r[ROW_FIELDS.index("hash")]) for r in rows]
        assert verify.alerts(admin) == []


def test_a_loket_from_before_keeps_staging_tables_that_take_a_long_row(office_db, counter, tmp_path):
    """``push_open()``, as a Loket from before the outbox widened its staging tables calls it,
    keeps staging tables that take a row longer than a page; ``push_open(true)`` makes them
    narrow, and such a row is refused until they are widened."""
    rows = journal_rows(tmp_path, ["SITI AMINAH " * 1500], inquiry_every=1)  # an 18 kB row
    assert push(counter, rows) == 1
    with psycopg.connect(office_db.counter_dsn(COUNTER), autocommit=True) as narrow:
        narrow.execute("SELECT office.push_open(true)")
        with pytest.raises(psycopg.errors.ProgramLimitExceeded):
            push(narrow, rows)
        narrow.execute("SELECT office.push_widen()")
        assert push(narrow, rows) == 0  # taken, and already there
    assert office_state(office_db) == ([(1, rows[0][ROW_FIELDS.index("hash")])], [])


def test_an_office_that_held_counter_fees_before_it_read_them_reports_them_once_migrated(
        office_pg, tmp_path, monkeypatch):
    """The counter's own fee always travelled, in its row's first event; an office that stored
    such a day before it read them reports them after ``office migrate``, as the Laporan Z does."""
    from services.office import report
    from tests.office.counters import DAY, make_counter

    counter = make_counter(tmp_path / "k1", 4)
    assert counter.z is not None and counter.z.totals.counter_fee > 0
    with office_before(office_pg, tmp_path, monkeypatch) as (admin, dsn, every):
        outbox = Outbox(JournalSource(counter.journal_path), COUNTER, lambda: psycopg.connect(dsn), counter.folder)
        outbox.push()
        outbox.close()
        monkeypatch.setattr(db, "migrations", lambda: every)
        db.migrate(admin)
        built = report.build(admin, DAY)
        (day,) = built.counters
        assert day.seal is not None and day.matches_z
        assert day.totals.counter_fee == day.seal.z.counter_fee == counter.z.totals.counter_fee
        assert {line.product: line.figures.counter_fee for line in day.products} == {
            line.product: line.counter_fee for line in counter.z.products}
        assert verify.alerts(admin) == [] and verify.stored_chain_breaks(admin) == []
