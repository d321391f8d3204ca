"""The partner office's reading login: whoever makes the day's report and reads the chain
alerts (a supervisor, an accountant) logs in as a role of ``loket_office_reader``, made by
``python -m app office add-reader``. With it, ``office report`` and ``office verify`` work as
they do for the database's owner, and nothing can be written, changed or removed: the
office's copy of the counters' journals is evidence."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from services.office.outbox import Outbox
from services.office.source import JournalSource
from tests.office.counters import DAY, make_counter

ROOT = Path(__file__).resolve().parents[2]
READER, READER_PASSWORD = "laporan_kantor", "baca-saja-2026"


def office_cli(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "office", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def reader_env(office_db) -> dict[str, str]:
    """The environment of ``office`` run with a new reading login (``add-reader``)."""
    assert office_cli(office_db.env(), "add-reader", "--role", READER, stdin=READER_PASSWORD + "\n").returncode == 0
    return {**os.environ, "LOKET_OFFICE_DSN": office_db.server.tcp_conninfo(READER, READER_PASSWORD, office_db.name)}


@pytest.fixture
def pushed(office_db, tmp_path):
    """Two counters' sealed days at the office: K004 with a SUSPECT row its supervisor let
    through the close, K007 five thousand short in its drawer."""
    for n in (4, 7):
        counter = make_counter(tmp_path / f"k{n}", n)
        office_db.add_counter(counter.counter_id)
        outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id,
                        office_db.connector(counter.counter_id), counter.folder)
        assert outbox.push().pending == 0
        outbox.close()
    return office_db


def report_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_a_reader_login_makes_the_report_and_runs_verify_as_the_owner_does(pushed, tmp_path):
    made = office_cli(pushed.env(), "add-reader", "--role", READER, stdin=READER_PASSWORD + "\n")
    assert made.returncode == 0, made.stdout + made.stderr
    reader = {**os.environ, "LOKET_OFFICE_DSN": pushed.server.tcp_conninfo(READER, READER_PASSWORD, pushed.name)}

    by_owner = office_cli(pushed.env(), "report", "--date", DAY, "--format", "csv", "--out", str(tmp_path / "owner"))
    by_reader = office_cli(reader, "report", "--date", DAY, "--format", "csv", "--out", str(tmp_path / "reader"))
    assert by_owner.returncode == 0 and by_reader.returncode == 0, by_reader.stdout + by_reader.stderr
    owner_rows = report_rows(Path(by_owner.stdout.strip()))
    assert report_rows(Path(by_reader.stdout.strip())) == owner_rows
    assert {r["counter_id"] for r in owner_rows if r["section"] == "counter_product"} == {"K004", "K007"}
    assert any(r["section"] == "open" and r["counter_id"] == "K004" for r in owner_rows)

    checked = office_cli(reader, "verify")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK: 2 counters" in checked.stdout


@pytest.mark.parametrize("statement", [
    "UPDATE office.txn SET state = 'FAILED'",
    "DELETE FROM office.txn",
    "DELETE FROM office.alert",
    "TRUNCATE office.txn_event",
    "INSERT INTO office.alert (counter_id, kind, position, detail) VALUES ('K004', 'gap', 1, 'x')",
    "UPDATE office.day_seal SET counted_cash = expected_cash",
    "SELECT office.push_open(true)",
])
def test_a_reader_login_can_change_nothing(pushed, statement):
    assert office_cli(pushed.env(), "add-reader", "--role", READER, stdin=READER_PASSWORD + "\n").returncode == 0
    with psycopg.connect(pushed.server.tcp_conninfo(READER, READER_PASSWORD, pushed.name), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)


def test_a_reader_role_is_refused_when_it_is_a_counter_or_the_password_is_missing(pushed):
    assert office_cli(pushed.env(), "add-reader", "--role", READER, stdin="\n").returncode == 2
    refused = office_cli(pushed.env(), "add-reader", "--role", "loket_c_k004", stdin="pw\n")
    assert refused.returncode == 2 and "counter" in refused.stderr


@pytest.mark.parametrize("change, found", [
    ("UPDATE office.txn SET amount = amount + 1000000 WHERE counter_id = 'K004' AND id = 3",
     "K004 row 3: stored content does not match its hash"),
    ("UPDATE office.txn_event SET reason = 'disetujui' WHERE counter_id = 'K007' AND id = 5",
     "K007 event 5: stored content does not match its hash"),
    ("DELETE FROM office.txn_event WHERE counter_id = 'K007' AND id = 4",
     "K007 event 5: events before it are missing"),
    ("UPDATE office.day_seal SET counted_cash = expected_cash, variance = 0 WHERE counter_id = 'K007'",
     "K007 Laporan Z 1: stored figures differ from the report it seals"),
    ("UPDATE office.day_seal SET z_total = z_total - 5000 WHERE counter_id = 'K004'",
     "K004 Laporan Z 1: stored figures differ from the report it seals"),
    ("UPDATE office.day_seal SET snapshot = 'dihapus' WHERE counter_id = 'K004'",
     "K004 Laporan Z 1: stored text does not match its hash"),
])
def test_verify_finds_what_the_owner_changed_inside_the_office_database(pushed, change, found):
    """The triggers refuse every change, even the owner's; a superuser can still switch them
    off (``session_replication_role``). What was stored is then re-checked by ``verify``,
    rows, events and Laporan Z alike, with the reader's login."""
    with pushed.admin() as conn, conn.transaction():
        conn.execute("SET LOCAL session_replication_role = replica")
        conn.execute(change)
    reader = reader_env(pushed)
    checked = office_cli(reader, "verify")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert f"STORED {found}" in checked.stdout.splitlines()


def test_verify_finds_counter_fees_that_disagree_with_what_the_counter_sealed(pushed):
    """The counter's own fee (biaya loket, sql/013) is re-checked as the other figures are: each
    row's stored fee against the fee its events name (hashed in the counter's event chain), and
    each Laporan Z's stored fee total against the sealed text. A superuser who sets K004's
    paid PLN bill's fee to 0 leaves K004's rows short of the fee its Laporan Z counts."""
    with pushed.admin() as conn:
        row, fee, z_fee = conn.execute(
            "SELECT t.id, t.counter_fee, s.z_counter_fee FROM office.txn t JOIN office.day_seal s USING (counter_id)"
            " WHERE t.counter_id = 'K004' AND t.product = 'pln_postpaid' AND t.state = 'SUCCESS'").fetchone()
        assert fee > 0 and z_fee >= fee
        with conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")
            conn.execute("UPDATE office.txn SET counter_fee = 0 WHERE counter_id = 'K004' AND id = %s", (row,))
            # the Laporan Z's column, made writable and changed (the owner could: it owns the table)
            conn.execute("ALTER TABLE office.day_seal ALTER COLUMN z_counter_fee DROP EXPRESSION")
            conn.execute("UPDATE office.day_seal SET z_counter_fee = 0 WHERE counter_id = 'K007'")
    reader = reader_env(pushed)
    checked = office_cli(reader, "verify")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    said = checked.stdout.splitlines()
    assert said[:2] == [f"STORED K004 row {row}: stored counter fee 0 differs from the {fee} its events name",
                        "STORED K007 Laporan Z 1: stored figures differ from the report it seals"], said
    assert said[2].startswith("0 alerts not acknowledged (0 acknowledged), 2 stored chain breaks: 2 counters"), said


def test_verify_finds_folded_columns_that_are_not_what_the_rows_events_say(pushed):
    """A row's state, host reference and settled figures lie outside its hash: the office
    folds them from the row's events (hashed in the event chain). A superuser with the
    triggers off who turns K004's open SUSPECT row into a SUCCESS (the consolidated report
    then counts it), gives K004's first deposit a host reference no event names and adds to
    K007's settled telkom bill's total is named by verify, one line each: counter, row,
    column, stored and from the events."""
    with pushed.admin() as conn:
        (suspect,) = conn.execute("SELECT id FROM office.txn WHERE counter_id = 'K004' AND state = 'SUSPECT'"
                                  " ORDER BY id LIMIT 1").fetchone()
        settled, total = conn.execute("SELECT id, settled_total FROM office.txn WHERE counter_id = 'K007'"
                                      " AND settled_total IS NOT NULL ORDER BY id LIMIT 1").fetchone()
        assert suspect > 1 and total > 0
        with conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")
            conn.execute("UPDATE office.txn SET state = 'SUCCESS' WHERE counter_id = 'K004' AND id = %s", (suspect,))
            conn.execute("UPDATE office.txn SET host_ref = 'REF-PALSU' WHERE counter_id = 'K004' AND id = 1")
            conn.execute("UPDATE office.txn SET settled_total = settled_total + 5000 WHERE counter_id = 'K007'"
                         " AND id = %s", (settled,))
    checked = office_cli(reader_env(pushed), "verify")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    said = checked.stdout.splitlines()
    assert said[:3] == [
        "STORED K004 row 1: stored host ref 'REF-PALSU' differs from the '' its events name",
        f"STORED K004 row {suspect}: stored state 'SUCCESS' differs from the 'SUSPECT' its events name",
        f"STORED K007 row {settled}: stored settled total {total + 5000} differs from the {total} its events name",
    ], said
    assert said[3].startswith("0 alerts not acknowledged (0 acknowledged), 3 stored chain breaks: 2 counters"), said


def test_verify_of_counters_whose_events_were_folded_one_by_one_and_in_batches_is_clean(pushed, tmp_path):
    """The fold verify re-does is the arrival's own: K004 and K007 pushed in batches
    (``push_events``), K009 event by event through the arrival trigger (its rows and events
    inserted directly by its role, as a client other than the outbox would): all verify clean."""
    counter = make_counter(tmp_path / "k9", 9)
    pushed.add_counter(counter.counter_id)
    row_cols = ("id", "reference", "host", "product", "product_group", "customer_ref", "customer_name", "amount",
                "fee", "total", "operator", "business_date", "request", "created_at", "prev_hash", "hash", "inquiry")
    ev_cols = ("id", "txn_id", "reference", "from_state", "to_state", "actor", "reason", "at", "changes",
               "prev_hash", "hash")
    with sqlite3.connect(counter.journal_path) as local:
        rows = local.execute(f"SELECT {', '.join(row_cols)} FROM txn ORDER BY id").fetchall()
        events = local.execute(f"SELECT {', '.join(ev_cols)} FROM txn_event ORDER BY id").fetchall()
    with psycopg.connect(pushed.counter_dsn(counter.counter_id), autocommit=True) as conn:
        for cols, values in ((row_cols, rows), (ev_cols, events)):
            table = "office.txn" if cols is row_cols else "office.txn_event"
            for v in values:
                conn.execute(f"INSERT INTO {table} (counter_id, {', '.join(cols)})"
                             f" VALUES (%s, {', '.join(['%s'] * len(cols))})", [counter.counter_id, *v])
    with pushed.admin() as conn:
        assert conn.execute("SELECT count(*) FROM office.txn_event WHERE counter_id = 'K009'").fetchone() == (
            len(events),)
    checked = office_cli(reader_env(pushed), "verify")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK: 3 counters" in checked.stdout, checked.stdout


def test_a_fee_event_rewritten_into_no_json_is_a_changed_event_not_an_error(pushed):
    with pushed.admin() as conn, conn.transaction():
        (event,) = conn.execute("SELECT min(id) FROM office.txn_event WHERE counter_id = 'K004'"
                                " AND changes LIKE '%\"counter_fee\"%'").fetchone()
        conn.execute("SET LOCAL session_replication_role = replica")
        conn.execute("""UPDATE office.txn_event SET changes = '{"counter_fee": ' WHERE counter_id = 'K004'"""
                     " AND id = %s", (event,))
    checked = office_cli(reader_env(pushed), "verify")
    assert checked.returncode == 1 and not checked.stderr, checked.stdout + checked.stderr
    said = checked.stdout.splitlines()
    assert f"STORED K004 event {event}: stored content does not match its hash" in said
    # its rows' columns cannot be folded again from it; K007's still are
    assert [line for line in said if "folded" in line] == [
        "STORED K004: its rows' events can no longer be folded (invalid input syntax for type json);"
        " see its events above"], said


def test_the_counters_list_puts_the_silent_first_and_says_how_far_each_got(pushed, tmp_path):
    """K004 and K007 pushed their sealed days; K009 pushed only its first rows and sealed
    nothing; K010 was registered and never sent anything."""
    late = make_counter(tmp_path / "k9", 9, close=False)
    pushed.add_counter(late.counter_id)
    partial = Outbox(JournalSource(late.journal_path), late.counter_id, pushed.connector(late.counter_id),
                     late.folder, batch=3)
    with partial._connection() as conn:
        partial.send_rows(conn, 0)
    pushed.add_counter("K010")
    reader = reader_env(pushed)

    listed = office_cli(reader, "counters")

    assert listed.returncode == 0, listed.stdout + listed.stderr
    lines = listed.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["K010", "K004", "K007", "K009"]
    assert lines[0] == "K010: never heard from"
    assert "; 3 rows, the last written 2026-11-21 07:07 +07:00;" in lines[3] and "no Laporan Z yet" in lines[3]
    with pushed.admin() as conn:
        (k7_rows,) = conn.execute("SELECT count(*) FROM office.txn WHERE counter_id = 'K007'").fetchone()
    assert f"; {k7_rows} rows," in lines[2] and "last Laporan Z 2026-11-21" in lines[2]
