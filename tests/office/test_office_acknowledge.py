"""An alert the office's operator has dealt with: ``python -m app office acknowledge --alert ID
--note "..."``. Alerts are evidence and stay (never deleted); the acknowledgement is a record
beside the alert (``sql/010_alert_acknowledged.sql``: who, when, why, and the alert's own
counter, kind, position and hashes), insert-only like the rest. ``office verify`` still lists
every alert, the acknowledged ones with who, when and the note, and exits 1 only while an alert
is not acknowledged or the re-check of what is stored finds something, so that a nightly job
running it sees a new alert again. ``office counters`` counts acknowledged alerts quietly. Only
the owner's (or an administrator's) login acknowledges: never a counter, nor the reading login."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from services.clock import WIB
from services.office import report
from services.office.outbox import Forked
from tests.office.test_office_replaced import office_cli, outbox, write_rows

READER, READER_PASSWORD = "laporan_kantor", "baca-saja-2026"


def forked(office_db, tmp_path: Path, name: str = "c") -> None:
    """K003's profile copied to other PCs: the office holds PC A's rows 1-3; the copy named
    ``name`` wrote its own row 3 and is refused as a fork there (one alert per copy)."""
    base = tmp_path / "base" / "journal.db"  # the profile as it was copied: rows 1-2
    if not base.exists():
        base.parent.mkdir()
        write_rows(base, ["SATU", "DUA"], datetime(2026, 11, 21, 8, 0, tzinfo=WIB))
        a_path = tmp_path / "a" / "journal.db"
        a_path.parent.mkdir()
        shutil.copy(base, a_path)
        write_rows(a_path, ["A TIGA"], datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
        office_db.add_counter("K003")
        a = outbox(office_db, a_path, "K003", a_path.parent)
        assert a.push().pending == 0
        a.close()
    copy = tmp_path / name / "journal.db"
    copy.parent.mkdir()
    shutil.copy(base, copy)
    write_rows(copy, [f"{name.upper()} TIGA"], datetime(2026, 11, 21, 9, 5, tzinfo=WIB))
    other = outbox(office_db, copy, "K003", copy.parent)
    with pytest.raises(Forked):
        other.push()
    other.close()


def alert_ids(office_db) -> list[int]:
    with office_db.admin() as conn:
        return [row[0] for row in conn.execute("SELECT id FROM office.alert ORDER BY id")]


def test_an_acknowledged_alert_stays_listed_with_who_when_why_and_only_a_new_one_fails_verify(office_db, tmp_path):
    forked(office_db, tmp_path)
    (first,) = alert_ids(office_db)
    before = office_cli(office_db, "verify")
    assert before.returncode == 1, before.stdout + before.stderr
    line = next(x for x in before.stdout.splitlines() if x.startswith("K003 FORK"))
    assert f"[alert {first}]" in line, line  # the operator reads the id off verify
    assert "FORK at row 3" in office_cli(office_db, "counters").stdout

    done = office_cli(office_db, "acknowledge", "--alert", str(first), "--note",
                      "profil disalin ke PC kedua; PC itu dimatikan, K003 tetap di PC A")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "K003 FORK" in done.stdout and "acknowledged by postgres" in done.stdout, done.stdout

    after = office_cli(office_db, "verify")
    assert after.returncode == 0, after.stdout + after.stderr
    line = next(x for x in after.stdout.splitlines() if x.startswith("K003 FORK"))  # still listed
    assert f"[alert {first}] ACKNOWLEDGED by postgres " in line, line
    assert line.endswith(": profil disalin ke PC kedua; PC itu dimatikan, K003 tetap di PC A"), line
    assert after.stdout.splitlines()[-1].startswith("OK (1 alerts acknowledged): 1 counters"), after.stdout
    listed = office_cli(office_db, "counters").stdout
    k003 = next(x for x in listed.splitlines() if x.startswith("K003"))
    assert "FORK" not in k003 and "alerts (office verify)" not in k003 and "1 alerts acknowledged" in k003, k003

    forked(office_db, tmp_path, "d")  # a third PC on the same profile: a new alert, red again
    first_again, second = alert_ids(office_db)
    assert first_again == first
    again = office_cli(office_db, "verify")
    assert again.returncode == 1, again.stdout
    lines = again.stdout.splitlines()
    assert any(f"[alert {first}] ACKNOWLEDGED by postgres" in x for x in lines), lines
    assert any(x.endswith(f"[alert {second}]") for x in lines), lines
    assert lines[-1].startswith("1 alerts not acknowledged (1 acknowledged), 0 stored chain breaks"), lines
    k003 = next(x for x in office_cli(office_db, "counters").stdout.splitlines() if x.startswith("K003"))
    assert "FORK at row 3" in k003 and "1 alerts (office verify)" in k003 and "1 alerts acknowledged" in k003, k003


def test_an_alert_is_acknowledged_once_with_a_note_and_the_record_cannot_change(office_db, tmp_path):
    forked(office_db, tmp_path)
    (alert,) = alert_ids(office_db)
    assert office_cli(office_db, "acknowledge", "--alert", str(alert), "--note", "  ").returncode == 2
    unknown = office_cli(office_db, "acknowledge", "--alert", str(alert + 1), "--note", "x")
    assert unknown.returncode == 2 and f"no alert {alert + 1}" in unknown.stderr, unknown.stdout + unknown.stderr
    assert office_cli(office_db, "acknowledge", "--alert", str(alert), "--note", "ditangani").returncode == 0
    twice = office_cli(office_db, "acknowledge", "--alert", str(alert), "--note", "lagi")
    assert twice.returncode == 2 and "already acknowledged by postgres" in twice.stderr, twice.stderr
    with office_db.admin() as conn:  # not even the owner changes or removes it
        for statement in ("UPDATE office.alert_ack SET note = 'lain'", "DELETE FROM office.alert_ack",
                          "TRUNCATE office.alert_ack"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        ack = conn.execute("SELECT a.counter_id, a.kind, a.position, a.office_hash, a.arriving_hash, k.note"
                           "  FROM office.alert_ack k JOIN office.alert a ON a.id = k.alert_id").fetchone()
        stored = conn.execute("SELECT counter_id, kind, position, office_hash, arriving_hash, note"
                              "  FROM office.alert_ack").fetchone()
    assert stored == ack and ack[5] == "ditangani"  # the alert's own hashes, named in the record


def test_an_acknowledgement_cannot_name_other_hashes_than_its_alerts(office_db, tmp_path):
    forked(office_db, tmp_path)
    forked(office_db, tmp_path, "d")
    first, second = alert_ids(office_db)
    with office_db.admin() as conn:
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute("INSERT INTO office.alert_ack (alert_id, counter_id, kind, position, office_hash,"
                         " arriving_hash, note) SELECT %s, counter_id, kind, position, office_hash, arriving_hash,"
                         " 'x' FROM office.alert WHERE id = %s", (first, second))
    assert office_cli(office_db, "verify").returncode == 1


def test_an_acknowledged_alert_does_not_hide_what_the_recheck_of_stored_rows_finds(office_db, tmp_path):
    forked(office_db, tmp_path)
    (alert,) = alert_ids(office_db)
    assert office_cli(office_db, "acknowledge", "--alert", str(alert), "--note", "ditangani").returncode == 0
    assert office_cli(office_db, "verify").returncode == 0
    with office_db.admin() as conn, conn.transaction():
        conn.execute("SET LOCAL session_replication_role = replica")
        conn.execute("UPDATE office.txn SET amount = amount + 1000 WHERE counter_id = 'K003' AND id = 2")
    checked = office_cli(office_db, "verify")
    assert checked.returncode == 1, checked.stdout
    assert "STORED K003 row 2: stored content does not match its hash" in checked.stdout.splitlines()


@pytest.mark.parametrize("login", ["counter", "reader"])
def test_neither_a_counter_nor_the_reading_login_can_acknowledge(office_db, tmp_path, login):
    forked(office_db, tmp_path)
    (alert,) = alert_ids(office_db)
    if login == "counter":  # the very counter the alert is about
        dsn = office_db.counter_dsn("K003")
    else:
        assert office_cli(office_db, "add-reader", "--role", READER, stdin=READER_PASSWORD + "\n").returncode == 0
        dsn = office_db.server.tcp_conninfo(READER, READER_PASSWORD, office_db.name)
    refused = office_cli(office_db, "acknowledge", "--alert", str(alert), "--note", "sudah", "--dsn", dsn)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "permission denied" in refused.stderr and "owner" in refused.stderr, refused.stderr
    with psycopg.connect(dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO office.alert_ack (alert_id, counter_id, kind, position, office_hash,"
                         " arriving_hash, note) VALUES (%s, 'K003', 'fork', 3, '', '', 'sudah')", (alert,))
    checked = office_cli(office_db, "verify")
    assert checked.returncode == 1 and "ACKNOWLEDGED" not in checked.stdout, checked.stdout
    if login == "reader":  # the reading login sees the owner's acknowledgement in verify and counters
        assert office_cli(office_db, "acknowledge", "--alert", str(alert), "--note", "sudah").returncode == 0
        read = office_cli(office_db, "verify", "--dsn", dsn)
        assert read.returncode == 0 and f"[alert {alert}] ACKNOWLEDGED by postgres" in read.stdout, read.stdout
        listed = office_cli(office_db, "counters", "--dsn", dsn)
        assert listed.returncode == 0 and "1 alerts acknowledged" in listed.stdout, listed.stdout + listed.stderr


def test_the_report_counts_the_alerts_still_open_and_says_how_many_were_dealt_with(office_db, tmp_path):
    """The consolidated report's chain alerts are the ones nobody has dealt with yet; the
    acknowledged ones are named apart, not folded in (the report had kept counting them)."""
    forked(office_db, tmp_path)
    (first,) = alert_ids(office_db)

    def total_line() -> tuple[int, int, str]:
        with office_db.admin() as conn:
            built = report.build(conn, "2026-11-21")
        last = list(csv.DictReader(io.StringIO(report.render_csv(built).decode("utf-8"), newline="")))[-1]
        return built.alerts, built.alerts_acknowledged, last["detail"]

    assert total_line() == (1, 0, "alerts 1")
    assert office_cli(office_db, "acknowledge", "--alert", str(first), "--note", "PC kedua dimatikan").returncode == 0
    assert total_line() == (0, 1, "alerts 0 (1 acknowledged)")
    forked(office_db, tmp_path, "d")
    assert total_line() == (1, 1, "alerts 1 (1 acknowledged)")
