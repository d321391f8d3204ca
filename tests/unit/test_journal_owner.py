"""The journal is the one owner of its file: one connection, one transaction API.

The day close and the receipt print counter keep tables in the journal's file; they write
through ``Journal.transaction()`` and read through ``Journal.execute``. The business-day
rule is the journal's, given when it is built, and how far days are sealed is in the
file, so every process that opens it agrees on the business day.
"""

from __future__ import annotations

import ast
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest

from services.clock import WIB, FixedClock
from services.dayclose import DayCloseService
from services.dayclose import schema as dayclose_schema
from services.journal import Journal
from services.receipts import print_count, record_print

ROOT = Path(__file__).resolve().parents[2]


def _row(journal: Journal) -> str:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=10_000,
                  fee=0, operator="kasir1", request={"toAccount": "14047"})
    return ref


def test_a_transaction_commits_at_the_end_and_rolls_back_on_an_error(journal):
    with journal.transaction() as tx:
        tx.execute("INSERT INTO meta(key, value) VALUES ('probe', 'one')")
    with pytest.raises(ZeroDivisionError):
        with journal.transaction() as tx:
            tx.execute("UPDATE meta SET value='two' WHERE key='probe'")
            _ = 1 / 0
    assert journal.execute("SELECT value FROM meta WHERE key='probe'").fetchone()[0] == "one"


def test_a_nested_transaction_is_a_savepoint_of_the_outer_one(journal):
    with journal.transaction() as outer:
        outer.execute("INSERT INTO meta(key, value) VALUES ('outer', '1')")
        with pytest.raises(ValueError):
            with journal.transaction() as inner:
                inner.execute("INSERT INTO meta(key, value) VALUES ('inner', '1')")
                raise ValueError("only the inner part is undone")
        ref = _row(journal)  # the journal's own writes join the open transaction
    keys = {r[0] for r in journal.execute("SELECT key FROM meta")}
    assert "outer" in keys and "inner" not in keys
    assert journal.get(ref).reference == ref
    assert journal.verify().ok


def test_writes_outside_a_transaction_are_refused(journal):
    with pytest.raises(RuntimeError, match="outside Journal.transaction"):
        journal.execute("INSERT INTO meta(key, value) VALUES ('stray', '1')")
    assert journal.execute("SELECT COUNT(*) FROM meta WHERE key='stray'").fetchone()[0] == 0


def test_a_transaction_holds_every_other_writer_off_until_it_ends(journal):
    """While the day close's transaction is open, a payment's NEW row waits: nothing can slip
    in between what a seal reads and what it writes."""
    entered, release = threading.Event(), threading.Event()
    written: list[str] = []

    def payment() -> None:
        entered.wait(5)
        written.append(_row(journal))

    thread = threading.Thread(target=payment)
    thread.start()
    with journal.transaction() as tx:
        entered.set()
        release.wait(0.3)  # the payment thread is now blocked on the journal's lock
        assert written == []
        assert tx.execute("SELECT COUNT(*) FROM txn").fetchone()[0] == 0
    thread.join(5)
    assert len(written) == 1 and journal.count() == 1


def test_the_print_counter_numbers_through_the_journal(journal):
    ref = _row(journal)
    assert [record_print(journal, ref, "reprint") for _ in range(3)] == [1, 2, 3]
    assert print_count(journal, ref) == 3


def test_the_business_day_rule_is_given_when_the_journal_is_built(tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 23, 30, tzinfo=WIB))
    with Journal(tmp_path / "j.db", clock=clock) as journal:
        assert journal.business_day(clock.now()) == "2026-11-21"  # WIB, whatever the kiosk's zone
    with Journal(tmp_path / "j.db", clock=clock, business_day=lambda moment, sealed: "2030-01-01") as journal:
        assert journal.get(_row(journal)).business_date == "2030-01-01"


def test_a_journal_sealed_by_an_earlier_loket_learns_its_sealed_day_at_the_migration(tmp_path):
    """Day-close schema 2 kept no ``sealed_through`` mark: migration 3 sets it from day_close."""
    path = tmp_path / "old.db"
    clock = FixedClock(datetime(2026, 11, 21, 20, 0, tzinfo=WIB))
    with Journal(path, clock=clock) as journal:
        with journal.transaction() as tx:
            for statement in dayclose_schema._split(dayclose_schema._V1 + dayclose_schema._V2):
                tx.execute(statement)
            tx.execute("INSERT INTO meta(key, value) VALUES ('dayclose_schema_version', '2')")
            tx.execute("INSERT INTO day_close(business_date, report_no, closed_at, closed_by, expected_cash,"
                       " counted_cash, variance, rows, last_txn_hash, last_event_hash, snapshot, snapshot_hash)"
                       " VALUES ('2026-11-21', 1, '', 'kasir1', 0, 0, 0, 0, '', '', '{}', '')")
        assert journal.sealed_through is None
        DayCloseService(journal, clock=clock)
        assert journal.sealed_through == "2026-11-21"
        assert journal.business_day(clock.now()) == "2026-11-22"
    with Journal(path, clock=clock) as reopened:  # a support script, no day-close service
        assert reopened.get(_row(reopened)).business_date == "2026-11-22"


def test_nothing_outside_the_journal_and_the_sandbox_opens_a_database_connection():
    """One owner of the journal file: services, app and ui never call ``sqlite3.connect``
    except inside ``services/journal`` (the journal's own connection and its read-only
    verify snapshot) and the sandbox."""
    offenders = []
    for folder in ("services", "app", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith(("services/journal/", "services/sandbox/")):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute) and node.attr == "connect" and \
                        isinstance(node.value, ast.Name) and node.value.id == "sqlite3":
                    offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []


def test_sqlite_utils_is_no_dependency_and_nothing_imports_it():
    assert "sqlite-utils" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for folder in ("services", "app", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = {alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                     for alias in node.names} | {node.module for node in ast.walk(tree)
                                                 if isinstance(node, ast.ImportFrom) and node.module}
            assert not any(name.split(".")[0] == "sqlite_utils" for name in names), path


def test_the_sealed_mark_is_written_only_inside_a_transaction(tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 20, 0, tzinfo=WIB))
    with Journal(tmp_path / "j.db", clock=clock) as journal:
        with pytest.raises(RuntimeError, match="sealing transaction"):
            journal.mark_sealed_through("2026-11-20")
        with journal.transaction():
            journal.mark_sealed_through("2026-11-21")
        assert journal.business_day(clock.now()) == "2026-11-22"
    conn = sqlite3.connect(tmp_path / "j.db")
    assert conn.execute("SELECT value FROM meta WHERE key='sealed_through'").fetchone() == ("2026-11-21",)
    conn.close()
