"""A partner office that an older Loket migrated holds real data when it upgrades: rows,
events (payments settled by hand, fees changed by the bank), Laporan Z, copied profiles,
alerts. Here an office is filled at sql/013 through the counters' own outbox, then migrated
to the newest schema (sql/014 replaced the event fold): what it holds, its report and its
alerts stay as they were, verify finds no column its own fold would fold otherwise, the
counters keep pushing, and a second migrate changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.office import verify
from services.office.outbox import Forked
from services.resolution import SuspectResolver
from tests.office.conftest import fresh_office
from tests.office.counters import DAY, make_counter
from tests.office.test_office_integrity import _tamper
from tests.office.test_office_replaced import copied_to_a_second_pc, office_cli, outbox, write_rows

BEFORE_ONE_FOLD = 13  # sql/013_counter_fee.sql: the last schema with the fold written per arrival path
NEXT_DAY = "2026-11-22"
TABLES = ("counter", "txn", "txn_event", "day_seal", "alert", "alert_ack")
FOLDED = ("state", "host_ref", "error_code", "error_message", "updated_at", "settled_fee", "settled_total",
          "counter_fee")


@pytest.fixture
def office_at_013(office_pg):
    yield from fresh_office(office_pg, upto=BEFORE_ONE_FOLD)


@pytest.fixture
def office_at_012(office_pg):
    yield from fresh_office(office_pg, upto=12)


def held(office_db) -> dict[str, str]:
    """A digest of every table the counters and the operator filled, row by row (but for the
    columns a later migration adds, empty in what was sent before it: sql/017's ``last_event_id``)."""
    row = "(to_jsonb(t) - 'last_event_id')::text"
    with office_db.admin() as conn:
        return {table: conn.execute(f"SELECT count(*) || ' ' || coalesce(md5(string_agg({row}, '|' ORDER BY"
                                    f" {row})), '') FROM office.{table} t").fetchone()[0] for table in TABLES}


def reports(office_db, out: Path) -> dict[str, bytes]:
    found = {}
    for day in (DAY, NEXT_DAY):
        done = office_cli(office_db, "report", "--date", day, "--format", "csv", "--out", str(out / day))
        assert done.returncode == 0, done.stdout + done.stderr
        found[day] = Path(done.stdout.strip()).read_bytes()
    return found


def as_the_counter_holds_them(office_db, counter_id: str, journal_path: Path) -> None:
    """The office's rows and events of ``counter_id`` are the journal's, once each, and each
    row's folded columns (state, fees, host reference...) what the counter itself holds."""
    columns = ", ".join(FOLDED)
    with sqlite3.connect(journal_path) as local:
        rows = local.execute(f"SELECT id, {columns} FROM txn ORDER BY id").fetchall()
        events = local.execute("SELECT id, hash FROM txn_event ORDER BY id").fetchall()
    with office_db.admin() as conn:
        office_rows = conn.execute(f"SELECT id, {columns} FROM office.txn WHERE counter_id = %s ORDER BY id",
                                   (counter_id,)).fetchall()
        office_events = conn.execute("SELECT id, hash FROM office.txn_event WHERE counter_id = %s ORDER BY id",
                                     (counter_id,)).fetchall()
    assert [tuple(r) for r in office_rows] == rows, counter_id
    assert [tuple(e) for e in office_events] == events, counter_id


def push(office_db, counter_id: str, journal_path: Path, folder: Path) -> None:
    sending = outbox(office_db, journal_path, counter_id, folder)
    assert sending.push().pending == 0
    sending.close()


def settled_by_hand(office_db, counter) -> None:
    """The counter's supervisor settles its SUSPECT by hand the next morning, at the bank's own
    fee (not the one the row was sent with), and the outbox sends it."""
    with Journal(counter.journal_path, clock=FixedClock(datetime(2026, 11, 22, 7, 30, tzinfo=WIB))) as journal:
        (suspect,) = journal.open_rows()
        SuspectResolver(journal).resolve_manually(suspect.reference, success=True, actor="Budi Santoso",
                                                  reason="laporan host 22/11", host_ref="JRN-8812",
                                                  settled_fee=3_500)
    push(office_db, counter.counter_id, counter.journal_path, counter.folder)


def test_an_office_filled_at_013_upgrades_with_its_figures_alerts_and_pushes_unchanged(office_at_013, tmp_path):
    office_db = office_at_013
    k1, k4 = make_counter(tmp_path / "k1", 1), make_counter(tmp_path / "k4", 4)  # K004: a SUSPECT open at its seal
    k5 = make_counter(tmp_path / "k5", 5, close=False)  # a transfer reversed; its day not sealed
    k8 = make_counter(tmp_path / "k8", 8)
    for counter in (k1, k4, k5, k8):
        office_db.add_counter(counter.counter_id)
        push(office_db, counter.counter_id, counter.journal_path, counter.folder)
    settled_by_hand(office_db, k4)
    # K008's journal edited with its chain recomputed: a fork alert, the office keeps the original
    _tamper(k8.journal_path, 3)
    with pytest.raises(Forked):
        outbox(office_db, k8.journal_path, "K008", k8.folder).push()
    # K002's profile copied to a second PC: a fork alert, the copy sends under K002B
    k2 = make_counter(tmp_path / "k2", 2)
    copied_to_a_second_pc(office_db, k2, tmp_path / "k2b", "K002", ["A SATU", "A DUA"])
    with office_db.admin() as conn:
        (k2_fork,) = conn.execute("SELECT id FROM office.alert WHERE counter_id = 'K002'").fetchone()
    acked = office_cli(office_db, "acknowledge", "--alert", str(k2_fork), "--note", "profil disalin, K002B dibuat")
    assert acked.returncode == 0, acked.stderr

    before, figures = held(office_db), reports(office_db, tmp_path / "before")
    with office_db.admin() as conn:
        alerts = [alert.line() for alert in verify.alerts(conn)]
    assert len(alerts) == 2 and "ACKNOWLEDGED" in alerts[0] and alerts[1].startswith("K008 FORK"), alerts
    not_yet = office_cli(office_db, "verify")  # this Loket's verify on the office not yet migrated
    assert not_yet.returncode == 2 and not not_yet.stdout, not_yet.stdout
    assert ("This office's schema is at 013_counter_fee.sql, older than this Loket's" in not_yet.stderr
            and "run python -m app office migrate with the owner's login" in not_yet.stderr), not_yet.stderr

    upgraded = office_cli(office_db, "migrate")
    assert upgraded.returncode == 0 and "014_one_fold.sql" in upgraded.stdout, upgraded.stdout + upgraded.stderr
    assert held(office_db) == before  # nothing the counters sent, no alert, no acknowledgement changed
    again = office_cli(office_db, "migrate")
    assert (again.returncode, again.stdout.strip()) == (0, "up to date"), again.stdout + again.stderr
    assert held(office_db) == before

    checked = office_cli(office_db, "verify")
    assert checked.returncode == 1, checked.stdout + checked.stderr  # K008's fork is still open
    *listed, status = checked.stdout.splitlines()
    assert listed == alerts  # the alerts that were there, and no stored column the new fold folds otherwise
    assert status == "1 alerts not acknowledged (1 acknowledged), 0 stored chain breaks: 6 counters, " \
        f"{int(before['txn'].split()[0])} rows", status
    assert reports(office_db, tmp_path / "after") == figures  # the report, figure for figure

    # The same counters push on: new rows, events of rows already held, and a whole re-send
    write_rows(k1.journal_path, ["SATU", "DUA"], datetime(2026, 11, 22, 8, 0, tzinfo=WIB), paid=True)
    push(office_db, "K001", k1.journal_path, k1.folder)
    write_rows(k5.journal_path, ["LIMA"], datetime(2026, 11, 22, 8, 30, tzinfo=WIB))  # sent: not yet answered
    push(office_db, "K005", k5.journal_path, k5.folder)
    with Journal(k5.journal_path, clock=FixedClock(datetime(2026, 11, 22, 8, 45, tzinfo=WIB))) as journal:
        (sent,) = journal.open_rows()
        journal.transition(sent.reference, State.SUCCESS, actor="system", reason="jawaban host",
                           host_ref="H-5501", settled_fee=2_000)
    push(office_db, "K005", k5.journal_path, k5.folder)
    shutil.rmtree(tmp_path / "k4-again", ignore_errors=True)
    (tmp_path / "k4-again").mkdir()  # an outbox that remembers nothing: sends K004's whole journal again
    push(office_db, "K004", k4.journal_path, tmp_path / "k4-again")
    for counter_id, journal_path in (("K001", k1.journal_path), ("K002", k2.journal_path),
                                     ("K002B", tmp_path / "k2b" / "journal.db"), ("K004", k4.journal_path),
                                     ("K005", k5.journal_path)):
        as_the_counter_holds_them(office_db, counter_id, journal_path)

    after = office_cli(office_db, "verify")
    *listed, status = after.stdout.splitlines()
    assert after.returncode == 1 and listed == alerts, after.stdout  # no new alert, no stored break
    assert status.startswith("1 alerts not acknowledged (1 acknowledged), 0 stored chain breaks"), status
    assert reports(office_db, tmp_path / "later")[DAY] == figures[DAY]  # the 21st as it was


def test_a_migrate_waiting_behind_a_long_read_gives_up_rather_than_hold_every_counters_push(office_at_013, tmp_path):
    """A migration that changes a table waits for every session reading it (014 drops a trigger
    of the events' table), and every counter's push waits behind the migration: a long verify or
    a nightly pg_dump held them all for as long as it ran. The migrate gives up after a few
    seconds instead, applies nothing, and names who holds the tables."""
    office_db = office_at_013
    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter("K001")
    push(office_db, "K001", counter.journal_path, counter.folder)
    with psycopg.connect(office_db.admin_dsn, application_name="pg_dump") as reading:  # a transaction left open
        reading.execute("SELECT count(*) FROM office.txn_event").fetchone()
        holder = reading.info.backend_pid
        waited = office_cli(office_db, "migrate", timeout=30)
        assert waited.returncode == 2, waited.stdout + waited.stderr
        assert "014_one_fold.sql is not applied, the office is as it was" in waited.stderr, waited.stderr
        assert f"pid {holder} (postgres, pg_dump, since " in waited.stderr, waited.stderr
        write_rows(counter.journal_path, ["SATU"], datetime(2026, 11, 22, 8, 0, tzinfo=WIB), paid=True)
        push(office_db, "K001", counter.journal_path, counter.folder)  # the counters push on meanwhile
    with office_db.admin() as conn:
        assert conn.execute("SELECT max(version) FROM office.migration").fetchone()[0] == BEFORE_ONE_FOLD
    done = office_cli(office_db, "migrate")
    assert done.returncode == 0 and "014_one_fold.sql" in done.stdout, done.stdout + done.stderr
    as_the_counter_holds_them(office_db, "K001", counter.journal_path)


def test_an_office_at_012_takes_013_and_014_in_one_migrate_and_its_counter_fees_fold_as_the_counters_did(
        office_at_012, tmp_path):
    """An office still before sql/013: the counters' fees are in their events, which it stores,
    but in no column. One migrate adds the column, fills it from the events (013) and changes
    the fold (014): each row then holds what the counter holds, and verify finds nothing."""
    office_db = office_at_012
    k1, k4 = make_counter(tmp_path / "k1", 1), make_counter(tmp_path / "k4", 4)
    for counter in (k1, k4):
        office_db.add_counter(counter.counter_id)
        push(office_db, counter.counter_id, counter.journal_path, counter.folder)
    settled_by_hand(office_db, k4)
    upgraded = office_cli(office_db, "migrate")
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    assert "013_counter_fee.sql, 014_one_fold.sql" in upgraded.stdout, upgraded.stdout
    checked = office_cli(office_db, "verify")
    assert checked.returncode == 0 and checked.stdout.startswith("OK: 2 counters, "), checked.stdout
    for counter in (k1, k4):
        as_the_counter_holds_them(office_db, counter.counter_id, counter.journal_path)
