"""Another program holds the journal file: a backup tool copying it, a database browser the
helpdesk left open, a second Loket started on the same file by hand.

The journal is not damaged, so Loket must not say so (the advice for a damaged journal is to
restore it from a backup, which loses the rows written since); at a payment it says the
journal is in use and sends nothing, and the start waits seconds, not the half minute a
write may wait. The lock is held by a real second process with SQLite's own locks.
"""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

from services.journal import Journal, State, store
from services.journal.integrity import JournalBusy, JournalDamaged, JournalInaccessible
from services.transactions import Outcome, Payment, TransactionRunner

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":  # a program that keeps the whole file to itself
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN IMMEDIATE")  # the write lock
conn.execute("CREATE TABLE IF NOT EXISTS other_program (x)")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@contextmanager
def held_by_another_program(path, how: str):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), how], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.stdin.close()  # let go
        holder.wait(10)


@pytest.fixture(autouse=True)
def short_waits(monkeypatch):
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.3)
    monkeypatch.setattr(store, "OPEN_BUSY_TIMEOUT_S", 0.3)


def payment(customer: str = "5550001") -> Payment:
    return Payment("bankplus", "deposit", "banking", 50_000, 0, {"toAccount": customer}, customer_ref=customer)


def paid_journal(path, clock) -> None:
    with Journal(path, clock=clock) as journal:
        TransactionRunner(journal, lambda: "kasir1").execute(payment("5550002"), lambda ref: Outcome(ref, {}))


def test_a_journal_another_program_keeps_to_itself_is_in_use_not_damaged(tmp_path, clock, monkeypatch):
    path = tmp_path / "journal.db"
    paid_journal(path, clock)
    monkeypatch.setattr(store, "OPEN_BUSY_TIMEOUT_S", 1.0)
    with held_by_another_program(path, "exclusive"):
        began = time.monotonic()
        with pytest.raises(JournalInaccessible) as caught:
            Journal(path, clock=clock)
        assert time.monotonic() - began < 10  # the start's wait, not a payment's
    error = caught.value
    assert not isinstance(error, JournalDamaged)
    assert "dipakai program lain" in error.message and "rusak" not in error.message
    assert "Tutup program lain" in error.todo and "bukan kerusakan" in error.todo
    assert "memulihkan" not in error.todo  # never "restore it from a backup"
    with Journal(path, clock=clock) as journal:  # let go: the same journal, every row
        assert [row.state for row in journal.rows()] == [State.SUCCESS] and journal.verify().ok


def test_a_payment_while_another_program_holds_the_write_lock_is_not_sent(tmp_path, clock):
    path = tmp_path / "journal.db"
    paid_journal(path, clock)
    with Journal(path, clock=clock) as journal:
        runner = TransactionRunner(journal, lambda: "kasir1")
        sent: list[str] = []
        with held_by_another_program(path, "write"):
            with pytest.raises(JournalBusy) as caught:
                runner.execute(payment(), lambda ref: sent.append(ref) or Outcome(ref, {}))
        assert sent == []
        assert "dipakai program lain" in caught.value.message and "tidak dikirim" in caught.value.message
        assert "coba lagi" in caught.value.message
        runner.execute(payment(), lambda ref: sent.append(ref) or Outcome(ref, {}))  # let go: it goes through
        assert len(sent) == 1 and journal.count("state='SUCCESS'") == 2 and journal.verify().ok
