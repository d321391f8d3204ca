"""``journal verify`` holds the journal against the day seals, and ``export`` never writes
into the profile: the attacks of a support person with a SQLite shell, run as the CLI is."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from services.clock import WIB, FixedClock
from services.dayclose import DayCloseService
from services.journal import Journal, State, chain, integrity
from services.profile import Profile

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-11-21"


def app(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "journal", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


@pytest.fixture
def profile(tmp_path) -> Profile:
    """Three deposits on 21/11, the day sealed by Tutup Hari, one deposit on 22/11."""
    clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    profile = Profile(tmp_path / "profile")
    with Journal(profile.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        days.shifts.open(0, "kasir1")
        for i, amount in enumerate((100_000, 250_000, 75_000)):
            deposit(journal, f"555000{i}", amount)
            clock.advance(600)
        flow = days.begin_close("kasir1")
        flow.start_count()
        flow.enter_count(425_000)
        flow.confirm()
        clock.advance(24 * 3600)
        deposit(journal, "5550009", 40_000)
    return profile


def deposit(journal: Journal, customer: str, amount: int) -> None:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=amount,
                  fee=0, operator="kasir1", customer_ref=customer, request={"toAccount": customer})
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
    journal.transition(ref, State.SUCCESS, actor="system", reason="jawaban host")


def tamper(profile: Profile, *statements: str, rechain: bool = False) -> None:
    """Run ``statements`` with the guarding triggers lifted, put the triggers back exactly,
    optionally re-chain every row after, and rewrite the mark: only the seals can tell."""
    conn = sqlite3.connect(profile.journal_path, isolation_level=None)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        conn.execute(statement)
    if rechain:
        conn.row_factory = sqlite3.Row
        prev = chain.GENESIS
        for row in conn.execute("SELECT * FROM txn ORDER BY id").fetchall():
            digest = chain.link(prev, dict(row), chain.TXN_FIELDS)
            conn.execute("UPDATE txn SET prev_hash=?, hash=? WHERE id=?", (prev, digest, row["id"]))
            prev = digest
        conn.row_factory = None
    for _name, sql in triggers:
        conn.execute(sql)
    mark = integrity.MarkFile(profile.journal_path)
    mark.write(integrity.current_mark(conn))
    mark.close()
    conn.close()


def forge_row(profile: Profile, business_date: str) -> str:
    """An INSERT of a well-chained SUCCESS row (with its NEW event) into ``business_date``."""
    conn = sqlite3.connect(profile.journal_path)
    conn.row_factory = sqlite3.Row
    last = dict(conn.execute("SELECT * FROM txn ORDER BY id DESC LIMIT 1").fetchone())
    event = dict(conn.execute("SELECT * FROM txn_event ORDER BY id DESC LIMIT 1").fetchone())
    conn.close()
    row = {**last, "id": last["id"] + 1, "reference": "2611211800000001", "amount": 900_000, "total": 900_000,
           "business_date": business_date, "customer_ref": "5559999"}
    row["prev_hash"] = last["hash"]
    row["hash"] = chain.link(last["hash"], row, chain.TXN_FIELDS)
    ev = {"id": event["id"] + 1, "txn_id": row["id"], "reference": row["reference"], "from_state": None,
          "to_state": "SUCCESS", "actor": "kasir1", "reason": "x", "at": row["created_at"], "changes": "{}",
          "prev_hash": event["hash"]}
    ev["hash"] = chain.link(event["hash"], ev, chain.EVENT_FIELDS)
    values = lambda d: ", ".join(repr(v) if v is not None else "NULL" for v in d.values())  # noqa: E731
    row.update(state="SUCCESS", host_ref="", response="", error_code="", error_message="",
               updated_at=row["created_at"], settled_fee=None, settled_total=None, last_event_hash=ev["hash"])
    return (f"INSERT INTO txn ({', '.join(row)}) VALUES ({values(row)})",
            f"INSERT INTO txn_event ({', '.join(ev)}) VALUES ({values(ev)})")


def test_a_sealed_journal_verifies(profile):
    done = app("verify", "--profile", str(profile.folder))
    assert (done.returncode, done.stdout.strip()) == (0, "OK 4 rows"), done.stderr


def test_deleting_the_sealed_days_last_row_is_named(profile):
    tamper(profile, "DELETE FROM txn_event WHERE txn_id=3", "DELETE FROM txn WHERE id=3",
           "UPDATE txn SET id=3 WHERE id=4", "UPDATE txn_event SET txn_id=3 WHERE txn_id=4", rechain=True)
    done = app("verify", "--profile", str(profile.folder))
    assert done.returncode == 1
    assert f"BROKEN seal: Laporan Z 0001 ({DAY}): sealed 3 rows, the journal holds 2" in done.stdout


def test_rewriting_a_sealed_amount_and_rechaining_is_named(profile):
    tamper(profile, "UPDATE txn SET amount=25000, total=25000 WHERE id=2", rechain=True)
    done = app("verify", "--profile", str(profile.folder))
    assert done.returncode == 1
    assert "the day's last row is not the one sealed" in done.stdout
    assert "content does not match" not in done.stdout  # the chain itself is whole again


def test_a_forged_row_appended_to_a_sealed_day_is_named(profile):
    tamper(profile, *forge_row(profile, DAY))
    done = app("verify", "--profile", str(profile.folder))
    assert done.returncode == 1
    assert "sealed 3 rows, the journal holds 4" in done.stdout


def test_moving_a_seals_place_in_the_event_chain_is_named(profile):
    """Which day counts a late settlement follows the seal's ``last_event_id``: moved back to
    an earlier event, a settlement of the sealed day would read as a late one of the next."""
    tamper(profile, "UPDATE day_close SET last_event_id = last_event_id - 1")
    done = app("verify", "--profile", str(profile.folder))
    assert done.returncode == 1
    assert f"Laporan Z 0001 ({DAY}): the seal's place in the event chain (8) is not its head" in done.stdout


def test_export_refuses_to_write_into_the_profile(profile):
    before = profile.journal_path.read_bytes()
    done = app("export", "--date", DAY, "--format", "csv", "--out", str(profile.journal_path), "--profile",
               str(profile.folder))
    assert done.returncode == 2 and "folder profil" in done.stderr
    assert profile.journal_path.read_bytes() == before
    sub = app("export", "--date", DAY, "--format", "jsonl", "--out", str(profile.folder / "receipts" / "x.jsonl"),
              "--profile", str(profile.folder))
    assert sub.returncode == 2
    assert app("verify", "--profile", str(profile.folder)).returncode == 0


def test_deleting_the_journals_last_row_is_named_by_the_mark(profile):
    conn = sqlite3.connect(profile.journal_path, isolation_level=None)
    triggers = conn.execute("SELECT sql FROM sqlite_master WHERE type='trigger' AND name LIKE 'txn%'").fetchall()
    conn.execute("DROP TRIGGER txn_no_delete")
    conn.execute("DROP TRIGGER txn_event_no_delete")
    conn.execute("DELETE FROM txn_event WHERE txn_id=4")
    conn.execute("DELETE FROM txn WHERE id=4")
    for (sql,) in triggers:
        if "no_delete" in sql:
            conn.execute(sql)
    conn.close()
    done = app("verify", "--profile", str(profile.folder))
    assert done.returncode == 1
    assert "BROKEN Jurnal berisi 3 transaksi, padahal tercatat 4" in done.stdout


def test_the_other_commands_say_what_is_wrong_with_a_damaged_journal(profile):
    profile.journal_path.write_bytes(b"not a journal" * 100)
    for command in (["report", "--date", DAY, "--format", "csv", "--out", str(profile.folder.parent / "out")],
                    ["receipt", "2611210900000000", "--format", "text", "--out", str(profile.folder.parent / "r")]):
        done = subprocess.run([sys.executable, "-m", "app", *command, "--profile", str(profile.folder)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 1, done.stderr
        assert "File jurnal rusak" in done.stderr and "helpdesk" in done.stderr and "Traceback" not in done.stderr
