"""``report --supervisor-reason``: one process per guess still meets the back-off, and every
attempt is on record in the journal file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from services.clock import WIB, FixedClock
from services.dayclose import DayCloseService
from services.journal import Journal, State
from services.profile import Profile

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-11-21"
SUPERVISOR_PIN = "482916"


def test_supervisor_pin_guesses_through_the_command_line_are_limited_and_recorded(tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    profile = Profile(tmp_path / "profile")
    with Journal(profile.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        days.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        days.shifts.open(0, "kasir1")
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                      amount=100_000, fee=0, operator="kasir1", request={})
        journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
        journal.transition(ref, State.SUCCESS, actor="system", reason="ok")
        flow = days.begin_close("kasir1")
        flow.start_count()
        flow.enter_count(100_000)
        flow.confirm()
    out = tmp_path / "out"

    def report(pin: str | None = None) -> subprocess.CompletedProcess:
        extra = ["--supervisor-reason", "arsip kantor pusat"] if pin is not None else []
        return subprocess.run([sys.executable, "-m", "app", "report", "--profile", str(profile.folder), "--date", DAY,
                               "--format", "csv", "--out", str(out), *extra], cwd=ROOT, capture_output=True,
                              text=True, input=(pin or "") + "\n", timeout=120)

    assert report().returncode == 0  # the first export is free
    for guess in ("000111", "123457", "999990", "555556", "121213"):
        wrong = report(guess)
        assert wrong.returncode == 4 and "PIN supervisor salah" in wrong.stderr
    locked = report(SUPERVISOR_PIN)
    assert locked.returncode != 0 and "Terlalu banyak PIN supervisor yang salah" in locked.stderr
    conn = sqlite3.connect(profile.journal_path)
    attempts = conn.execute("SELECT action, ok FROM supervisor_attempt ORDER BY id").fetchall()
    conn.close()
    assert attempts == [("reprint_after_close", 0)] * 5 + [("reprint_after_close", -1)]
