"""The office side holds its ground: counters push through their own roles, re-sends count
once, a counter cannot touch another's rows nor change or delete anything, and a journal
edited with its chain recomputed is reported by ``office verify`` as a fork at the first
differing position, with both hashes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from services.clock import WIB, FixedClock
from services.journal import Journal, State, chain
from services.office import report
from services.office.outbox import NOT_STORED, Forked, NotStored, Outbox
from services.office.source import JournalSource
from tests.office.counters import DAY, make_counter, office_report, payment
from tests.unit.test_receipts import pdf_text

ROOT = Path(__file__).resolve().parents[2]


def outbox_for(office_db, counter, *, batch: int = 4) -> Outbox:
    return Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                  counter.folder, batch=batch)


def office_verify(office_db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "office", "verify"], cwd=ROOT, env=office_db.env(),
                          capture_output=True, text=True, timeout=60)


def test_a_counter_pushes_its_day_and_a_second_push_adds_nothing(office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 4)
    office_db.add_counter(counter.counter_id)
    outbox = outbox_for(office_db, counter)
    state = outbox.push()
    local = {r["reference"]: r for r in counter.export()}
    assert state.pending == 0 and state.rows_sent == len(local) and state.last_sync
    outbox.push()
    outbox.close()
    with office_db.admin() as conn:
        office = {ref: (h, s, fee) for ref, h, s, fee in conn.execute(
            "SELECT reference, hash, state, coalesce(settled_fee, fee) FROM office.txn")}
        seals = conn.execute("SELECT report_no, snapshot_hash FROM office.day_seal").fetchall()
        events = conn.execute("SELECT count(*) FROM office.txn_event").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM office.alert").fetchone()[0] == 0
    assert office == {ref: (r["hash"], r["state"], r["settled_fee"] if r["settled_fee"] is not None else r["fee"])
                      for ref, r in local.items()}
    assert seals == [(1, counter.z_hash)]
    with sqlite3.connect(counter.journal_path) as local_db:
        assert events == local_db.execute("SELECT count(*) FROM txn_event").fetchone()[0]
    # The outbox remembers how far it got, in the profile.
    assert '"rows_sent": %d' % len(local) in (counter.folder / "office_outbox.json").read_text()
    done = office_verify(office_db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK: 1 counters" in done.stdout


def test_a_counter_role_cannot_update_delete_or_write_for_another_counter(office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    office_db.add_counter("K999")
    outbox_for(office_db, counter).push()
    with psycopg.connect(office_db.counter_dsn(counter.counter_id), autocommit=True) as conn:
        for statement in ("UPDATE office.txn SET amount = 1 WHERE id = 1",
                          "UPDATE office.txn SET state = 'FAILED' WHERE id = 1",
                          "UPDATE office.txn SET counter_fee = 0 WHERE id = 1",
                          "DELETE FROM office.txn WHERE id = 1",
                          "DELETE FROM office.txn_event",
                          "UPDATE office.day_seal SET variance = 0",
                          "TRUNCATE office.txn",
                          "SELECT * FROM office.alert",
                          "INSERT INTO office.alert (counter_id, kind, position, office_hash, arriving_hash, detail)"
                          " VALUES ('K001', 'x', 1, '', '', '')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # Another counter's rows: refused before anything is recorded against that counter.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO office.txn SELECT 'K999', id, reference, host, product, product_group,"
                         " customer_ref, customer_name, amount, fee, total, operator, business_date, request,"
                         " created_at, prev_hash, hash FROM office.txn WHERE id = 1")
        # It sees only its own rows.
        with psycopg.connect(office_db.counter_dsn("K999"), autocommit=True) as other:
            assert other.execute("SELECT count(*) FROM office.txn").fetchone()[0] == 0
    with office_db.admin() as conn:
        assert conn.execute("SELECT count(*) FROM office.alert").fetchone()[0] == 0
        # Not even the owner changes or deletes what arrived.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE office.txn SET amount = 1 WHERE id = 1")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM office.txn")


def _rechain(journal_path: Path, table: str, guard: str, edit: str, position: int) -> None:
    """``edit`` one record of ``table`` and recompute the whole chain after it, as a forger would."""
    fields = chain.TXN_FIELDS if table == "txn" else chain.EVENT_FIELDS
    with sqlite3.connect(journal_path) as db:
        db.row_factory = sqlite3.Row
        db.execute(f"DROP TRIGGER {guard}")
        db.execute(f"UPDATE {table} SET {edit} WHERE id = ?", (position,))
        prev = chain.GENESIS
        for record in [dict(r) for r in db.execute(f"SELECT * FROM {table} ORDER BY id")]:
            digest = chain.link(prev, record, fields)
            db.execute(f"UPDATE {table} SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, record["id"]))
            prev = digest


def _tamper(journal_path: Path, row_id: int) -> None:
    """Edit one row's amount and recompute the whole row chain after it."""
    _rechain(journal_path, "txn", "txn_immutable", "amount = amount + 1000000", row_id)


def test_an_edited_journal_with_its_chain_recomputed_is_reported_as_a_fork(office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 8)
    office_db.add_counter(counter.counter_id)
    outbox_for(office_db, counter).push()
    with sqlite3.connect(counter.journal_path) as db:
        original = dict(db.execute("SELECT id, hash FROM txn").fetchall())
    _tamper(counter.journal_path, 3)
    with sqlite3.connect(counter.journal_path) as db:
        forged = dict(db.execute("SELECT id, hash FROM txn").fetchall())
    assert forged[2] == original[2] and forged[3] != original[3]

    outbox = outbox_for(office_db, counter)
    with pytest.raises(Forked) as raised:
        outbox.push()
    assert raised.value.position == 3 and outbox.state.fork_at == 3
    with office_db.admin() as conn:  # never merged: the office still holds the original
        assert conn.execute("SELECT hash FROM office.txn WHERE id = 3").fetchone()[0] == original[3]
    done = office_verify(office_db)
    assert done.returncode == 1
    first = done.stdout.splitlines()[0]
    assert first.startswith("K008 FORK") and "at position 3:" in first
    assert f"office {original[3]}" in first and f"counter {forged[3]}" in first


def test_a_row_the_office_does_not_store_is_not_counted_as_sent_and_its_day_is_not_sealed(office_db, tmp_path):
    """A row edited in the file without its chain recomputed reaches the office as a changed
    row: the office stores the rows before it and records an alert. The outbox must not take
    the rows after it as sent: Beranda keeps counting them, never says "Tersinkron", and the
    day's Laporan Z does not go before its rows."""
    counter = make_counter(tmp_path / "k1", 9)
    office_db.add_counter(counter.counter_id)
    with sqlite3.connect(counter.journal_path) as db:
        rows = db.execute("SELECT count(*) FROM txn").fetchone()[0]
        db.execute("DROP TRIGGER txn_immutable")
        db.execute("UPDATE txn SET amount = amount + 1000000 WHERE id = 3")  # its hash left as it was
    outbox = outbox_for(office_db, counter)
    for _ in range(2):  # and again at the next pass
        with pytest.raises(NotStored) as raised:
            outbox.push()
        assert (raised.value.what, raised.value.position) == ("row", 3)
        assert outbox.state.rows_sent <= 2 and outbox.state.last_sync is None
        assert outbox.state.pending >= rows - 2 and outbox.state.error == NOT_STORED
    assert outbox.state.rows_sent == 2  # the second pass began from what the office holds
    outbox.close()
    with office_db.admin() as conn:
        assert conn.execute("SELECT max(id) FROM office.txn").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM office.day_seal").fetchone()[0] == 0
        assert conn.execute("SELECT kind, position FROM office.alert").fetchall() == [("changed", 3)]
    assert '"rows_sent": 2,' in (counter.folder / "office_outbox.json").read_text()


def test_after_an_event_the_office_refused_beranda_counts_only_what_the_office_lacks(office_db, tmp_path):
    """The pass's rows went in whole, then the office stored its events up to one it refused:
    what it holds counts as sent at once (Beranda's "N transaksi belum terkirim ke kantor"), not
    only from the next pass, which begins from the office's heads."""
    counter = make_counter(tmp_path / "k1", 9)
    office_db.add_counter(counter.counter_id)
    with sqlite3.connect(counter.journal_path) as db:
        (last,) = db.execute("SELECT max(id) FROM txn_event").fetchone()
        db.execute("DROP TRIGGER txn_event_no_update")
        db.execute("UPDATE txn_event SET reason = 'diubah' WHERE id = ?", (last,))  # its hash left as it was
    outbox = outbox_for(office_db, counter, batch=1000)
    with pytest.raises(NotStored) as raised:
        outbox.push()
    assert (raised.value.what, raised.value.position) == ("event", last)
    with office_db.admin() as conn:
        rows, events = conn.execute("SELECT (SELECT max(id) FROM office.txn), (SELECT max(id) FROM office.txn_event)"
                                    ).fetchone()
    with sqlite3.connect(counter.journal_path) as db:  # rows the office lacks, or lacks an event of
        (lacking,) = db.execute("SELECT count(*) FROM txn t WHERE t.id > ? OR EXISTS (SELECT 1 FROM txn_event e"
                                " WHERE e.txn_id = t.id AND e.id > ?)", (rows, events)).fetchone()
    assert (events, lacking) == (last - 1, 1)
    assert outbox.state.pending == lacking and outbox.state.error == NOT_STORED
    outbox.close()


def test_a_gap_and_a_changed_row_are_alerts_not_rows(office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 2)
    office_db.add_counter(counter.counter_id)
    rows = counter.export()
    columns = ("id", "reference", "host", "product", "product_group", "customer_ref", "customer_name", "amount",
               "fee", "total", "operator", "business_date", "request", "created_at", "prev_hash", "hash")
    insert = (f"INSERT INTO office.txn (counter_id, {', '.join(columns)})"
              f" VALUES (%s, {', '.join(['%s'] * len(columns))})")
    with psycopg.connect(office_db.counter_dsn(counter.counter_id), autocommit=True) as conn:
        conn.execute(insert, [counter.counter_id, *(rows[0][c] for c in columns)])
        conn.execute(insert, [counter.counter_id, *(rows[2][c] for c in columns)])  # row 2 skipped: a gap
        changed = {**rows[1], "amount": rows[1]["amount"] + 1}
        conn.execute(insert, [counter.counter_id, *(changed[c] for c in columns)])
        conn.execute(insert, [counter.counter_id, *(rows[0][c] for c in columns)])  # a re-send: nothing
        assert conn.execute("SELECT array_agg(id) FROM office.txn").fetchone()[0] == [1]
    done = office_verify(office_db)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith("K002 GAP") and "at position 2:" in line for line in lines)
    assert any(line.startswith("K002 CHANGED") and "at position 2:" in line and rows[1]["hash"] in line
               for line in lines)
    assert DAY  # the rows above are that day's


def test_events_inserted_directly_are_checked_and_fold_into_the_row_state(office_db, tmp_path):
    """The per-row trigger path (a client other than the outbox): same checks, same state."""
    counter = make_counter(tmp_path / "k1", 5)
    office_db.add_counter(counter.counter_id)
    rows = counter.export()
    row_cols = ("id", "reference", "host", "product", "product_group", "customer_ref", "customer_name", "amount",
                "fee", "total", "operator", "business_date", "request", "created_at", "prev_hash", "hash",
                "inquiry")
    ev_cols = ("id", "txn_id", "reference", "from_state", "to_state", "actor", "reason", "at", "changes",
               "prev_hash", "hash")
    with sqlite3.connect(counter.journal_path) as local:
        events = local.execute(f"SELECT {', '.join(ev_cols)} FROM txn_event ORDER BY id").fetchall()
    with psycopg.connect(office_db.counter_dsn(counter.counter_id), autocommit=True) as conn:
        for r in rows:
            conn.execute(f"INSERT INTO office.txn (counter_id, {', '.join(row_cols)})"
                         f" VALUES (%s, {', '.join(['%s'] * len(row_cols))})",
                         [counter.counter_id, *(r[c] for c in row_cols)])
        insert = (f"INSERT INTO office.txn_event (counter_id, {', '.join(ev_cols)})"
                  f" VALUES (%s, {', '.join(['%s'] * len(ev_cols))})")
        changed = list(events[3])
        changed[6] = "alasan lain"  # reason: not what was hashed
        conn.execute(insert, [counter.counter_id, *changed])
        for e in events:
            conn.execute(insert, [counter.counter_id, *e])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the state is the office's to derive
            conn.execute("INSERT INTO office.txn (counter_id, id, reference, host, product, product_group,"
                         " customer_ref, customer_name, amount, fee, total, operator, business_date, request,"
                         " created_at, prev_hash, hash, state) SELECT counter_id, id + 100, reference || 'x', host,"
                         " product, product_group, customer_ref, customer_name, amount, fee, total, operator,"
                         " business_date, request, created_at, prev_hash, hash, 'SUCCESS' FROM office.txn WHERE id = 1")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # so is its own fee: its first event says it
            conn.execute("INSERT INTO office.txn (counter_id, id, reference, host, product, product_group,"
                         " customer_ref, customer_name, amount, fee, total, operator, business_date, request,"
                         " created_at, prev_hash, hash, counter_fee) SELECT counter_id, id + 100, reference || 'x',"
                         " host, product, product_group, customer_ref, customer_name, amount, fee, total, operator,"
                         " business_date, request, created_at, prev_hash, hash, 1 FROM office.txn WHERE id = 1")
    with office_db.admin() as conn:
        office = {ref: rest for ref, *rest in conn.execute("SELECT reference, state, counter_fee FROM office.txn")}
        alerts = conn.execute("SELECT kind, position FROM office.alert").fetchall()
    # the counter's own fee, as the row's first event recorded it
    assert office == {r["reference"]: [r["state"], r["counter_fee"]] for r in rows}
    assert any(r["counter_fee"] for r in rows)
    assert alerts == [("event_changed", 4)]  # refused, never folded; the true event 4 came later


def _close_again(days, day: str = DAY) -> None:
    """Tutup Hari of ``day`` (the reopened day), its drawer as expected."""
    from services.dayclose import Step

    flow = days.begin_close("kasir1", day)
    flow.start_count()
    flow.enter_count(0)
    flow.recount()
    flow.enter_count(flow.expected_cash)
    assert flow.confirm() is Step.SEALED


def test_a_reopened_day_is_unsealed_at_the_office_until_it_is_closed_again(office_db, tmp_path):
    from services.dayclose import DayCloseService
    from services.journal import Journal
    from tests.office.counters import SUPERVISOR_PIN

    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    outbox = outbox_for(office_db, counter)
    outbox.push()
    with office_db.admin() as conn:
        assert report.build(conn, DAY).unsealed == []
    with Journal(counter.journal_path, clock=None) as journal, DayCloseService(journal) as days:
        days.reopen(DAY, pin=SUPERVISOR_PIN, reason="setoran terlewat")
        outbox.push()
        with office_db.admin() as conn:
            reopened = report.build(conn, DAY)
        assert reopened.unsealed == [counter.counter_id]
        # said as what it is: the counter's Laporan Z set aside, not a day never closed
        (line,) = [row for row in report.render_csv(reopened).decode().splitlines() if row.startswith("unsealed,")]
        assert "reopened (Z-0001 set aside), not sealed again" in line
        _close_again(days)
    outbox.push()
    outbox.close()
    built = office_report(office_db)
    (day,) = built.counters
    assert built.unsealed == [] and day.seal.report_no == 2 and day.matches_z
    # The office export names the Laporan Z the reopening set aside: it said "Z-0002" and no
    # more, so the office read a day closed once, with a number missing from the counter's run.
    assert day.seal.replaces == (1,)
    (close,) = [row for row in report.render_csv(built).decode().splitlines() if row.startswith("counter_close,")]
    assert "Z-0002 replaces Z-0001 (reopened)" in close
    assert "Z-0002 (ganti Z-0001)" in pdf_text(report.render_pdf(built), tmp_path)


def test_a_batch_whose_connection_is_gone_before_its_commit_is_not_counted_as_sent(office_db, tmp_path):
    """psycopg ends a transaction block without a word when its connection is already gone
    (no COMMIT reaches the office): the outbox took such a batch, here the day's reopening, as
    delivered and showed "Tersinkron" while the office still counted the day's Laporan Z."""
    from services.dayclose import DayCloseService
    from services.journal import Journal
    from tests.office.counters import SUPERVISOR_PIN

    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    outbox_for(office_db, counter).push()
    with Journal(counter.journal_path, clock=None) as journal, DayCloseService(journal) as days:
        days.reopen(DAY, pin=SUPERVISOR_PIN, reason="setoran terlewat")

    def cut(point: str, conn: psycopg.Connection) -> None:
        if point == "reopens":
            conn.pgconn.finish()

    cut_off = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                     counter.folder, fault=cut)
    synced = cut_off.state.last_sync
    with pytest.raises(psycopg.OperationalError):
        cut_off.push()
    assert cut_off.state.last_sync == synced and cut_off.state.error
    with office_db.admin() as conn:
        assert report.build(conn, DAY).unsealed == []  # the office never heard of the reopening
    outbox_for(office_db, counter).push()
    with office_db.admin() as conn:
        assert report.build(conn, DAY).unsealed == [counter.counter_id]


# A function of the counter's own, run where the owner's rights are: it writes an alert
# against another counter, which the counter itself may not.
_FORGE = """CREATE FUNCTION {schema}.forge() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO office.alert (counter_id, kind, position, office_hash, arriving_hash, detail)
    VALUES ('K999', 'fork', 1, '', '', 'forged as ' || current_user) ON CONFLICT DO NOTHING;
    RETURN 1;
END $$"""


@pytest.mark.parametrize("staging, columns, push", [
    ("push_txn", "id, prev_hash, hash, reference, host, product, product_group, customer_ref, customer_name,"
                 " amount, fee, total, operator, business_date, request, created_at, inquiry", "push_rows"),
    ("push_event", "id, txn_id, prev_hash, hash, reference, from_state, to_state, actor, reason, at, changes",
     "push_events")])
def test_a_counter_cannot_plant_its_own_staging_table_to_run_code_as_the_owner(office_db, staging, columns, push):
    """The push functions run as the owner and read the session's staging tables: a counter
    that makes its own ``pg_temp.push_txn`` first (a view calling a function of its own) would
    have that function run with the owner's rights. Refused before anything is read."""
    office_db.add_counter("K001")
    office_db.add_counter("K999")
    with psycopg.connect(office_db.counter_dsn("K001"), autocommit=True) as conn:
        conn.execute(_FORGE.format(schema="pg_temp"))
        values = ", ".join("pg_temp.forge()" if c == "id" else f"NULL::{'date' if c == 'business_date' else 'text'}"
                           f" AS {c}" for c in columns.split(", "))
        conn.execute(f"CREATE TEMP VIEW {staging} AS SELECT {values}")
        conn.execute(f"GRANT SELECT ON pg_temp.{staging} TO PUBLIC")
        for call in ("SELECT office.push_open()", f"SELECT office.{push}('K001')", "SELECT office.push_widen()"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(call)
    with office_db.admin() as conn:
        assert conn.execute("SELECT count(*) FROM office.alert").fetchone()[0] == 0


def test_a_counter_cannot_run_its_own_operator_inside_the_office_functions(office_db, tmp_path):
    """Where a counter may create objects (the public schema of a database made before
    PostgreSQL 15 lets anyone), an operator of its own placed before pg_catalog in its
    search_path must not be what the office's SECURITY DEFINER functions call."""
    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    office_db.add_counter("K999")
    with office_db.admin() as conn:
        conn.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
    with psycopg.connect(office_db.counter_dsn(counter.counter_id), autocommit=True) as conn:
        conn.execute(_FORGE.format(schema="public"))
        conn.execute("CREATE FUNCTION public.same(a text, b text) RETURNS boolean LANGUAGE sql"
                     " AS 'SELECT public.forge() = 1 AND a OPERATOR(pg_catalog.=) b'")
        conn.execute("CREATE FUNCTION public.differ(a text, b text) RETURNS boolean LANGUAGE sql"
                     " AS 'SELECT public.forge() = 1 AND a OPERATOR(pg_catalog.<>) b'")
        conn.execute("CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.same)")
        conn.execute("CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.differ)")
        conn.execute("SET search_path = public, pg_catalog")
        assert conn.execute("SELECT office.my_counter()").fetchone()[0] == counter.counter_id
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id,
                    lambda: psycopg.connect(office_db.counter_dsn(counter.counter_id),
                                            options="-c search_path=public,pg_catalog"), counter.folder)
    outbox.push()
    outbox.close()
    with office_db.admin() as conn:
        assert conn.execute("SELECT count(*) FROM office.alert").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM office.txn").fetchone()[0] == len(counter.export())


def test_a_laporan_z_whose_columns_differ_from_the_report_it_seals_is_an_alert_not_a_seal(office_db, tmp_path):
    """The office reads a seal's cash figures from its columns; only the Laporan Z text is
    hashed. A journal edited so that the Z's columns say the drawer was right (while the Z
    itself says Rp 5.000 short) must not become the office's figure."""
    counter = make_counter(tmp_path / "k1", 7)  # 5,000 short at the close
    assert counter.z.cash.variance == -5_000
    with sqlite3.connect(counter.journal_path) as db:
        db.execute("DROP TRIGGER day_close_no_update")
        db.execute("UPDATE day_close SET counted_cash = expected_cash, variance = 0, variance_note = ''")
    office_db.add_counter(counter.counter_id)
    outbox_for(office_db, counter).push()
    with office_db.admin() as conn:
        assert conn.execute("SELECT count(*) FROM office.day_seal").fetchone()[0] == 0
        assert report.build(conn, DAY).unsealed == [counter.counter_id]
    done = office_verify(office_db)
    assert done.returncode == 1
    (line,) = [line for line in done.stdout.splitlines() if "LAPORAN Z" in line]
    assert line.startswith("K007 LAPORAN Z CHANGED at position 1:") and counter.z_hash in line


def test_a_day_whose_events_are_all_in_is_sealed_though_a_later_event_is_refused(office_db, tmp_path):
    """The next morning's payment has an event changed in the file: the office refuses it
    (an alert), and the pass stops there. Every row and event of the sealed day before it is
    in the office, so its Laporan Z goes too: the report does not list the counter as
    unsealed for a day it can vouch for (it was held back at every pass until the journal was
    mended)."""
    counter = make_counter(tmp_path / "k1", 9)
    office_db.add_counter(counter.counter_id)
    clock = FixedClock(datetime(2026, 11, 22, 8, 0, tzinfo=WIB))
    with Journal(counter.journal_path, clock=clock) as journal:
        payment(journal, clock, "keagenan", "pulsa_telkomsel", "Pembelian", 50_000, 1_500, State.SUCCESS)
    with sqlite3.connect(counter.journal_path) as db:
        (last,) = db.execute("SELECT max(id) FROM txn_event").fetchone()
        db.execute("DROP TRIGGER txn_event_no_update")
        db.execute("UPDATE txn_event SET reason = 'diubah' WHERE id = ?", (last,))  # its hash left as it was
    outbox = outbox_for(office_db, counter, batch=1000)
    for _ in range(2):  # and again at the next pass
        with pytest.raises(NotStored) as raised:
            outbox.push()
        assert (raised.value.what, raised.value.position) == ("event", last)
    outbox.close()
    with office_db.admin() as conn:
        assert conn.execute("SELECT kind, position FROM office.alert").fetchall() == [("event_changed", last)]
        found = report.build(conn, DAY)
    (day,) = [day for day in found.counters if day.counter_id == counter.counter_id]
    assert day.seal is not None and day.matches_z and found.unsealed == []


def _reopen_pay_and_close(counter) -> None:
    """At the counter: the sealed day reopened, a payment taken on it, and the day closed again."""
    from services.dayclose import DayCloseService
    from tests.office.counters import SUPERVISOR_PIN

    clock = FixedClock(datetime(2026, 11, 21, 18, 0, tzinfo=WIB))
    with Journal(counter.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        days.reopen(DAY, pin=SUPERVISOR_PIN, reason="setoran terlewat")
        payment(journal, clock, "keagenan", "pulsa_telkomsel", "Pembelian", 50_000, 1_500, State.SUCCESS)
        _close_again(days)


def test_a_day_reopened_and_closed_again_before_the_office_heard_of_it_raises_no_alert(office_db, tmp_path):
    """Offline that afternoon: the counter sends the day's rows, the reopened day's payment among
    them, then both Laporan Z. The first seals the rows up to its own last: the payment after it
    is the second's, not a "seals 10 rows; the office holds 11" alert for the operator to chase."""
    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    _reopen_pay_and_close(counter)
    outbox = outbox_for(office_db, counter)
    outbox.push()
    outbox.close()
    built = office_report(office_db)  # (it asserts the office holds no alert)
    (day,) = built.counters
    assert built.unsealed == [] and day.seal.report_no == 2 and day.seal.replaces == (1,) and day.matches_z


def test_a_laporan_z_that_seals_fewer_rows_than_the_office_holds_is_an_alert(office_db, tmp_path):
    """Its text and hash agree (a forger recomputed the hash), its rows do not: kept and flagged."""
    import hashlib
    import json

    from services.office.outbox import SEALS_SQL
    from services.office.source import SEAL_FIELDS

    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    source = JournalSource(counter.journal_path)
    (seal,) = source.seals()
    z = json.loads(seal["snapshot"])
    z["seal"]["rows"] -= 1
    snapshot = json.dumps(z, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    forged = {**seal, "rows": seal["rows"] - 1, "snapshot": snapshot,
              "snapshot_hash": hashlib.sha256(snapshot.encode("utf-8")).hexdigest()}
    outbox = Outbox(source, counter.counter_id, office_db.connector(counter.counter_id), counter.folder)
    with psycopg.connect(office_db.counter_dsn(counter.counter_id), autocommit=True) as conn:
        conn.execute("SELECT office.push_open(true)")
        rows = outbox.send_rows(conn, 0)
        outbox.send_events(conn, 0, up_to_row=rows)
        with conn.transaction():
            conn.execute(SEALS_SQL, [counter.counter_id, *([forged[f]] for f in SEAL_FIELDS)])
    outbox.close()
    with office_db.admin() as conn:
        assert conn.execute("SELECT kind, position FROM office.alert").fetchall() == [("seal_mismatch", 1)]
        assert conn.execute("SELECT rows FROM office.day_seal").fetchall() == [(seal["rows"] - 1,)]


@pytest.mark.parametrize("position", ["its head", "0, as an earlier Loket's upgrade left it"])
def test_a_laporan_z_whose_head_the_chain_no_longer_holds_is_an_alert_once_and_its_day_stays_unsealed(
        office_db, tmp_path, position):
    """The journal's events edited with their chain recomputed before they reached the office:
    the office takes the chain, and the Laporan Z names a head that is nowhere in it. It is not
    stored (sql/015), the counter sends it at every pass, and the operator hears of it once, with
    the chain's hash at the seal's position and the seal's own (sql/017). Position 0 is what the
    journal's upgrade to day-close schema 6 gave an earlier Loket's seal whose head was gone."""
    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    _rechain(counter.journal_path, "txn_event", "txn_event_no_update", "reason = 'diubah'", 2)
    with sqlite3.connect(counter.journal_path) as db:
        named, at = db.execute("SELECT last_event_hash, last_event_id FROM day_close").fetchone()
        if position.startswith("0"):
            db.execute("DROP TRIGGER day_close_no_update")
            db.execute("UPDATE day_close SET last_event_id = 0")
            at = 0
        there = db.execute("SELECT hash FROM txn_event WHERE id = ?", (at,)).fetchone()
    there = there[0] if there else chain.GENESIS
    assert there != named
    outbox = outbox_for(office_db, counter)
    for _ in range(3):  # at every pass
        outbox.push()
    outbox.close()
    done = office_verify(office_db)
    assert done.returncode == 1
    line, summary = done.stdout.splitlines()
    assert summary.startswith("1 alerts not acknowledged")  # once, for the three passes
    assert line.startswith(f"{counter.counter_id} LAPORAN Z HEAD NOT IN THE CHAIN ") and "at position 1:" in line, line
    assert f"office {there}" in line and f"counter {named}" in line, line
    with office_db.admin() as conn:
        assert conn.execute("SELECT count(*) FROM office.day_seal").fetchone()[0] == 0
        assert report.build(conn, DAY).unsealed == [counter.counter_id]


def test_a_day_closed_with_no_row_reopened_and_closed_again_offline_raises_no_alert(office_db, tmp_path):
    """Its first Laporan Z seals no row (the genesis as its last row); the payment of the
    reopened day is the second's. Both reach the office in one pass, after the rows."""
    from services.dayclose import DayCloseService
    from tests.office.counters import SUPERVISOR_PIN

    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    outbox = outbox_for(office_db, counter)
    outbox.push()
    empty = "2026-11-22"
    clock = FixedClock(datetime(2026, 11, 22, 17, 0, tzinfo=WIB))
    with Journal(counter.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        _close_again(days, empty)
        days.reopen(empty, pin=SUPERVISOR_PIN, reason="pelanggan datang")
        payment(journal, clock, "keagenan", "pulsa_telkomsel", "Pembelian", 50_000, 1_500, State.SUCCESS)
        _close_again(days, empty)
    outbox.push()
    outbox.close()
    built = office_report(office_db, empty)  # (it asserts the office holds no alert)
    (day,) = built.counters
    assert built.unsealed == [] and day.seal.report_no == 3 and day.seal.replaces == (2,) and day.matches_z


def test_a_forged_laporan_z_that_names_no_row_of_a_day_that_had_rows_is_still_an_alert(office_db, tmp_path):
    """The genesis as its last row and 0 rows, its text and hash agreeing: the rows written
    before its head are there, so the office flags it."""
    import hashlib
    import json

    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    (seal,) = JournalSource(counter.journal_path).seals()
    z = json.loads(seal["snapshot"])
    z["seal"].update(rows=0, last_txn_hash=chain.GENESIS)
    snapshot = json.dumps(z, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with sqlite3.connect(counter.journal_path) as db:
        db.execute("DROP TRIGGER day_close_no_update")
        db.execute("UPDATE day_close SET rows = 0, last_txn_hash = ?, snapshot = ?, snapshot_hash = ?",
                   (chain.GENESIS, snapshot, hashlib.sha256(snapshot.encode("utf-8")).hexdigest()))
    outbox = outbox_for(office_db, counter)
    outbox.push()
    outbox.close()
    with office_db.admin() as conn:
        assert conn.execute("SELECT kind, position FROM office.alert").fetchall() == [("seal_mismatch", 1)]
