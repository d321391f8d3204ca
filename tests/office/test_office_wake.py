"""The office sees a payment as it is journaled, and a Laporan Z never ahead of what it seals.

The journal wakes the outbox when it commits (``Journal.listen`` -> ``OutboxRunner.written``):
a payment reaches the office in a moment, not at the next 30-second poll; a burst of them goes
in one pass; while the office refuses, a payment is counted on Beranda at once and the office is
not tried again for it. A Laporan Z goes out only once the office holds every row of its day
and every event up to the head it names: the counter holds it back (a day closed in the moment
between the outbox's last batch and its read of the seals), and so does the office
(``sql/015_seal_after_its_events.sql``) for a Loket from before that sends it anyway.
"""

from __future__ import annotations

import time
from datetime import datetime
from types import SimpleNamespace
from typing import Any, Callable

import psycopg
import pytest

from app.office import start_office
from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.office.outbox import REFUSED, SEALS_SQL, Outbox, OutboxRunner
from services.office.source import SEAL_FIELDS, JournalSource
from services.profile import Profile
from services.secrets import SecretStore
from tests.office.conftest import fresh_office
from tests.office.counters import Counter, close_day, make_counter, office_report, payment


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


def test_a_stopped_outbox_is_no_longer_woken_by_the_journal_that_outlives_it(tmp_path):
    """``OutboxRunner.follow`` until ``stop``: the journal held the stopped runner (its outbox,
    its connection factory) and called it at every commit for the rest of the process."""
    woken: list[str] = []

    class Runner(OutboxRunner):
        def written(self) -> None:
            woken.append("written")
            super().written()

    def unreachable() -> psycopg.Connection[Any]:
        raise psycopg.OperationalError("the office is out of reach")

    counter = make_counter(tmp_path / "k1", 4)
    clock = _next_morning()
    with Journal(counter.journal_path, clock=clock) as journal:
        runner = Runner(Outbox(JournalSource(counter.journal_path), counter.counter_id, unreachable, counter.folder),
                        interval=3600, min_backoff=3600)
        runner.follow(journal).start()
        _pay(journal, clock)
        assert woken
        runner.stop()
        woken.clear()
        _pay(journal, clock)
        assert woken == []


def test_a_burst_of_payments_goes_to_the_office_in_one_pass(office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 2)
    office_db.add_counter(counter.counter_id)
    batches: list[str] = []
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder, fault=lambda point, conn: batches.append(point))
    runner = OutboxRunner(outbox, interval=3600, settle=1.0, settle_max=30)
    clock = _next_morning()
    with Journal(counter.journal_path, clock=clock) as journal:
        runner.follow(journal).start()
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
        runner.follow(journal).start()
        try:
            assert _until(lambda: runner.status().error == REFUSED)
            waiting, tried = runner.status().pending, len(attempts)
            _pay(journal, clock)
            # Beranda: "N+1 transaksi belum terkirim ke kantor: kantor menolak loket ini ..."
            assert _until(lambda: runner.status().pending == waiting + 1)
            assert len(attempts) == tried  # the back-off stands: no login at every payment
        finally:
            runner.stop()


class _ClosedMeanwhile(JournalSource):
    """The journal as the outbox reads it, with ``meanwhile`` done (through the app's own
    journal) just before its first read of the seals: the moment after its last batch."""

    def __init__(self, path, meanwhile: Callable[[], None]) -> None:
        super().__init__(path)
        self.meanwhile: Callable[[], None] | None = meanwhile

    def seals(self) -> list[dict[str, Any]]:
        if self.meanwhile is not None:
            then, self.meanwhile = self.meanwhile, None
            then()
        return super().seals()


def _settle_and_close(counter: Counter, n: int) -> dict[str, Any]:
    """The counter's SUSPECT row settled by a status check, then Tutup Hari, at the counter;
    the Laporan Z's hash and totals (it counts the settled row)."""
    clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    with Journal(counter.journal_path, clock=clock) as journal:
        (suspect,) = [r.reference for r in journal.rows("state = 'SUSPECT'")]
        journal.transition(suspect, State.SUCCESS, actor="kasir1", reason="cek status: berhasil")
        z, digest = close_day(journal, n, clock)
    return {"hash": digest, "totals": z.totals}


def _counter_day(office_db, counter_id: str):
    found = office_report(office_db)
    return next(day for day in found.counters if day.counter_id == counter_id), found


@pytest.fixture
def office_at_014(office_pg):
    yield from fresh_office(office_pg, upto=14)


def test_a_day_closed_just_after_the_last_batch_reaches_the_office_after_its_events(office_at_014, tmp_path):
    """Against an office not yet migrated to sql/015 (which would hold the Laporan Z back
    itself): the counter does not send it before the event it names as the chain's head."""
    office_db = office_at_014
    counter = make_counter(tmp_path / "k4", 4, close=False)  # a BPJS payment left SUSPECT
    office_db.add_counter(counter.counter_id)
    sealed: dict[str, Any] = {}
    source = _ClosedMeanwhile(counter.journal_path, lambda: sealed.update(_settle_and_close(counter, 4)))
    outbox = Outbox(source, counter.counter_id, office_db.connector(counter.counter_id), counter.folder)
    outbox.push()
    assert sealed  # the day was closed during that pass
    day, found = _counter_day(office_db, counter.counter_id)
    # Not sealed at the office yet, and said so; never a Laporan Z its rows contradict.
    assert day.seal is None and counter.counter_id in found.unsealed, (day.seal, day.totals)
    assert outbox.state.pending == 1  # the settled row's new state is not there yet
    outbox.push()
    day, found = _counter_day(office_db, counter.counter_id)
    assert day.seal is not None and day.matches_z and found.unsealed == []
    assert (day.totals.count, day.totals.amount, day.totals.total) == (
        sealed["totals"].count, sealed["totals"].amount, sealed["totals"].total)
    outbox.close()


def test_the_office_holds_back_a_laporan_z_sent_ahead_of_its_events(office_db, tmp_path):
    """A Loket from before may send the Laporan Z before the events it seals: the office does
    not store it (no alert: it is sent again at every pass), and takes it once they are in."""
    counter = make_counter(tmp_path / "k4", 4, close=False)
    sealed = _settle_and_close(counter, 4)
    office_db.add_counter(counter.counter_id)
    source = JournalSource(counter.journal_path)
    (seal,) = source.seals()
    outbox = Outbox(source, counter.counter_id, office_db.connector(counter.counter_id), counter.folder)
    with psycopg.connect(office_db.counter_dsn(counter.counter_id), autocommit=True) as conn:
        conn.execute("SELECT office.push_open(true)")
        rows = outbox.send_rows(conn, 0)
        events = outbox.send_events(conn, 0, up_to_row=rows, limit=seal["last_event_id"] - 1)
        assert events == seal["last_event_id"] - 1

        def send_seal() -> None:  # as the outbox before this one did, with no look at the events
            with conn.transaction():
                conn.execute(SEALS_SQL, [counter.counter_id, *([seal[f]] for f in SEAL_FIELDS)])

        send_seal()
        day, found = _counter_day(office_db, counter.counter_id)  # (and no alert)
        assert day.seal is None and counter.counter_id in found.unsealed
        outbox.send_events(conn, events, up_to_row=rows)
        send_seal()
    day, found = _counter_day(office_db, counter.counter_id)
    assert day.seal is not None and day.matches_z and found.unsealed == []
    with office_db.admin() as conn:
        assert conn.execute("SELECT snapshot_hash FROM office.day_seal").fetchall() == [(sealed["hash"],)]
    outbox.close()
