"""The office sees a payment as it is journaled.

The journal wakes the outbox when it commits (``Journal.listen`` -> ``OutboxRunner.written``):
a payment reaches the office in a moment, not at the next 30-second poll; a burst of them goes
in one pass; while the office refuses, a payment is counted on Beranda at once and the office is
not tried again for it.
"""

from __future__ import annotations

import time
from datetime import datetime
from types import SimpleNamespace
from typing import Any, Callable

import psycopg

from app.office import start_office
from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.office.outbox import REFUSED, Outbox, OutboxRunner
from services.office.source import JournalSource
from services.profile import Profile
from services.secrets import SecretStore
from tests.office.counters import make_counter, payment


def _until(condition: Callable[[], Any], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _pay(journal: Journal, clock: FixedClock) -> str:
    return payment(journal, clock, "keagenan", "pulsa_telkomsel", "Pembelian", 50_000, 1_500, State.SUCCESS,
                           customer="081234567890")


def _office_state(office_db, reference: str) -> str | None:
    with office_db.admin() as conn:
        found = conn.execute("SELECT state FROM office.txn WHERE reference = %s", (reference,)).fetchone()
    return found[0] if found else None


def _next_morning() -> FixedClock:
    return FixedClock(datetime(2026, 11, 22, 8, 0, tzinfo=WIB))


def test_a_payment_reaches_the_office_as_it_is_journaled_not_at_the_next_poll(office_db, tmp_path):
    """Loket's own wiring (app.office.start_office): the outbox polls every 30 s, and the
    payment is at the office, in its final state, well before that."""
    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    profile = Profile(counter.folder)
    secrets = SecretStore(profile.folder, use_keyring=False)
    secrets.set("office.password", f"pw-{counter.counter_id}")
    settings = profile.load_settings()
    settings["hosts"]["office"] = {"address": f"127.0.0.1:{office_db.server.port}/{office_db.name}",
                                   "counter_id": counter.counter_id}
    clock = _next_morning()
    with Journal(counter.journal_path, clock=clock) as journal:
        context = SimpleNamespace(settings=settings, secrets=secrets, journal=journal, profile=profile, sandbox=True)
        runner = start_office(context)
        try:
            assert runner.interval >= 30
            assert _until(lambda: runner.status().pending == 0 and runner.status().last_sync)  # the day's backlog
            reference = _pay(journal, clock)
            assert _until(lambda: _office_state(office_db, reference) == "SUCCESS", seconds=10)
            assert _until(lambda: runner.status().pending == 0)  # Beranda: "Tersinkron", and true
        finally:
            runner.stop()


def test_a_burst_of_payments_goes_to_the_office_in_one_pass(office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 2)
    office_db.add_counter(counter.counter_id)
    batches: list[str] = []
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder, fault=lambda point, conn: batches.append(point))
    runner = OutboxRunner(outbox, interval=3600, settle=1.0, settle_max=30)
    clock = _next_morning()
    with Journal(counter.journal_path, clock=clock) as journal:
        journal.listen(runner.written)
        runner.start()
        try:
            assert _until(lambda: runner.status().pending == 0)
            batches.clear()
            references = [_pay(journal, clock) for _ in range(5)]  # each: its row, SENT, SUCCESS
            assert _until(lambda: all(_office_state(office_db, ref) == "SUCCESS" for ref in references))
            assert batches.count("rows") == 1 and batches.count("events") == 1, batches
        finally:
            runner.stop()


def test_while_the_office_refuses_a_payment_is_counted_at_once_and_the_office_is_not_tried_for_it(
        office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 3)
    office_db.add_counter(counter.counter_id)
    attempts = []
    wrong = office_db.counter_dsn(counter.counter_id, "wrong password")

    def connect() -> psycopg.Connection[Any]:
        attempts.append(1)
        return psycopg.connect(wrong, connect_timeout=10)

    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, connect, counter.folder)
    runner = OutboxRunner(outbox, interval=3600, min_backoff=3600)
    clock = _next_morning()
    with Journal(counter.journal_path, clock=clock) as journal:
        journal.listen(runner.written)
        runner.start()
        try:
            assert _until(lambda: runner.status().error == REFUSED)
            waiting, tried = runner.status().pending, len(attempts)
            _pay(journal, clock)
            # Beranda: "N+1 transaksi belum terkirim ke kantor: kantor menolak loket ini ..."
            assert _until(lambda: runner.status().pending == waiting + 1)
            assert len(attempts) == tried  # the back-off stands: no login at every payment
        finally:
            runner.stop()
