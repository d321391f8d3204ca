"""The kiosk's wall clock goes back (a flat CMOS battery boots it at 2000-01-01, Windows' time
sync pulls a fast clock back an hour, someone sets it by hand): which day's Laporan Z counts a
settlement or a refund is decided by the journal's order (the event chain, whose position
each seal records), never by comparing the event's time with the seal's. A SUSPECT settled
or a payment reversed after Tutup Hari counts once, on the next day; one settled before the
seal is its own day's, whatever the clock said."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from services.clock import WIB
from services.journal import State
from services.reports import render_csv, render_summary
from tests.integration import test_late_settlement as settlement

clock, days, deposit, close = settlement.clock, settlement.days, settlement.deposit, settlement.close
DAY1, DAY2, DAY3 = settlement.DAY1, settlement.DAY2, settlement.DAY3

# Tutup Hari of DAY1 runs at 21:00; then the wall clock goes back by this many seconds.
SEALED_AT = datetime(2026, 11, 21, 21, 0, tzinfo=WIB)
BACK = {
    "time sync, an hour back": -3600,
    "CMOS battery, 2000-01-01": (datetime(2000, 1, 1, 0, 0, tzinfo=WIB) - SEALED_AT).total_seconds(),
    "set by hand to the morning": -12 * 3600,
}


def seal_day1(days, clock, float_: int, counted: int):
    clock.advance((SEALED_AT - clock.now()).total_seconds())
    return close(days, counted, approve=True).report


@pytest.mark.parametrize("back", BACK.values(), ids=BACK.keys())
def test_a_suspect_settled_after_the_seal_with_the_clock_put_back_counts_once_on_the_next_day(
        days, journal, clock, back):
    days.shifts.open(100_000, "kasir1")
    deposit(journal, "5550001", 50_000)
    suspect = deposit(journal, "5550003", 80_000, to=State.SUSPECT)
    z1 = seal_day1(days, clock, 100_000, 230_000)
    assert [i.reference for i in z1.open] == [suspect]

    clock.jump(back)
    assert journal.business_day(clock.now()) == DAY2  # rows written now belong to the next day
    journal.transition(suspect, State.SUCCESS, actor="kasir1", reason="dicek ke host: berhasil")
    x2 = days.x_report(DAY2)
    # listed once, on DAY2; its cash was in the drawer Laporan Z 1 counted, so in DAY2's float
    assert [(i.reference, i.original_date, i.state, i.received) for i in x2.late] == [
        (suspect, DAY1, "SUCCESS", 0)]
    assert x2.cash.expected == 0
    assert days.is_sealed(DAY1) and days.z_report(DAY1)[0] == z1  # the sealed day still reads as sealed

    # DAY2 under the wrong clock: a shift, a sale, Tutup Hari; its Z counts the settlement.
    days.shifts.open(230_000, "kasir1")  # the whole drawer as counted at Laporan Z 1
    deposit(journal, "5550004", 25_000)
    clock.advance(600)
    z2 = close(days, 255_000).report
    assert [i.reference for i in z2.late] == [suspect] and z2.cash.late == 0 and z2.cash.variance == 0
    rows = list(csv.DictReader(io.StringIO(render_csv(days.z_report(DAY2)[0]).decode("utf-8-sig"))))
    assert [(r["reference"], r["total"]) for r in rows if r["section"] == "late"] == [(suspect, "80000")]
    assert suspect in render_summary(z2, 32).text

    # The clock is set right the next morning: DAY3 does not count it again.
    clock.jump((datetime(2026, 11, 23, 8, 0, tzinfo=WIB) - clock.now()).total_seconds())
    assert journal.business_day(clock.now()) == DAY3
    assert days.x_report(DAY3).late == () and days.x_report(DAY3).cash.expected == 0


@pytest.mark.parametrize("back", BACK.values(), ids=BACK.keys())
def test_a_refund_after_the_seal_with_the_clock_put_back_is_paid_from_the_next_days_drawer(
        days, journal, clock, back):
    days.shifts.open(100_000, "kasir1")
    paid_in = deposit(journal, "5550001", 150_000)
    seal_day1(days, clock, 100_000, 250_000)
    clock.jump(back)
    journal.transition(paid_in, State.REVERSED, actor="spv", reason="salah rekening")
    x2 = days.x_report(DAY2)
    assert [(i.reference, i.original_date, i.state, i.received, i.paid_out) for i in x2.late] == [
        (paid_in, DAY1, "REVERSED", 0, 150_000)]
    assert x2.cash.late == -150_000
    clock.jump((datetime(2026, 11, 23, 8, 0, tzinfo=WIB) - clock.now()).total_seconds())
    assert days.x_report(DAY3).late == ()


def test_a_refund_before_the_seal_is_its_own_days_even_when_its_time_reads_after_the_seal(days, journal, clock):
    """A fast clock: the refund is stamped 21:40, then Windows pulls the clock back an hour
    and Tutup Hari seals at 20:45. The Laporan Z already holds the REVERSED row (received and
    paid back); the next day must not pay the refund out of its drawer a second time."""
    days.shifts.open(100_000, "kasir1")
    paid_in = deposit(journal, "5550001", 150_000)
    clock.advance((datetime(2026, 11, 21, 21, 40, tzinfo=WIB) - clock.now()).total_seconds())
    journal.transition(paid_in, State.REVERSED, actor="spv", reason="salah rekening")
    clock.jump(-3300)
    z1 = close(days, 100_000).report
    assert [i.reference for i in z1.reversed] == [paid_in] and z1.cash.variance == 0
    clock.advance(3600)
    assert days.x_report(DAY2).late == () and days.x_report(DAY2).cash.expected == 0


def test_a_settlement_while_a_day_is_reopened_counts_on_that_day_whatever_the_clock_says(days, journal, clock):
    """DAY2 is sealed at 21:00 and reopened at 21:10; the clock goes back five minutes and a
    SUSPECT of DAY1 settles: DAY2 was open again when it did, so the re-sealed Laporan Z of
    DAY2 counts it, and DAY3 does not."""
    days.shifts.open(0, "kasir1")
    suspect = deposit(journal, "5550003", 80_000, to=State.SUSPECT)
    seal_day1(days, clock, 0, 80_000)
    clock.advance(12 * 3600)
    days.shifts.open(80_000, "kasir1")  # the whole drawer, the suspect's cash in it
    deposit(journal, "5550004", 25_000)
    clock.advance(12 * 3600)
    close(days, 105_000)
    clock.advance(600)
    days.reopen(DAY2, pin=settlement.PIN, reason="cek status dulu")
    clock.jump(-300)
    journal.transition(suspect, State.SUCCESS, actor="kasir1", reason="dicek ke host: berhasil")
    assert [i.reference for i in days.x_report(DAY2).late] == [suspect]
    z2 = close(days, 105_000).report
    assert [i.reference for i in z2.late] == [suspect] and z2.cash.variance == 0
    clock.advance(24 * 3600)
    assert days.x_report(DAY3).late == ()


def test_seals_and_reopenings_of_an_earlier_loket_get_their_place_in_the_chain_at_the_migration(journal, clock):
    """Day-close schema 5 recorded a seal's head by its hash and a reopening by its time: the
    migration finds the head's event id, and places the reopening (its time unusable here,
    the clock was at 2000-01-01) no earlier than its seal and no later than the next."""
    from services.dayclose import schema as dayclose_schema

    with journal.transaction() as tx:
        for statement in dayclose_schema._split("".join(dayclose_schema.MIGRATIONS[:5])):
            tx.execute(statement)
        tx.execute("INSERT INTO meta(key, value) VALUES ('dayclose_schema_version', '5')")
    deposit(journal, "5550001", 50_000)
    suspect = deposit(journal, "5550003", 80_000, to=State.SUSPECT)
    (head_id, head), = journal.execute("SELECT id, hash FROM txn_event ORDER BY id DESC LIMIT 1")
    with journal.transaction() as tx:
        tx.execute("INSERT INTO supervisor(name, salt, pin_hash, kdf, created_at) VALUES ('Budi', '', '', '', '')")
        tx.execute("INSERT INTO approval(supervisor_id, approver, action, reason, business_date, at)"
                   " VALUES (1, 'Budi', 'reopen_day', 'x', ?, '')", (DAY1,))
        for number, closed_at in ((1, "2026-11-21T21:00:00.000+07:00"), (2, "2026-11-21T21:20:00.000+07:00")):
            tx.execute("INSERT INTO day_close(business_date, report_no, closed_at, closed_by, expected_cash,"
                       " counted_cash, variance, rows, last_txn_hash, last_event_hash, snapshot, snapshot_hash)"
                       " VALUES (?, ?, ?, 'kasir1', 0, 0, 0, 2, '', ?, ?, '')",
                       (DAY1, number, closed_at, head, f'{{"open": [{{"reference": "{suspect}"}}]}}'))
            if number == 1:
                tx.execute("INSERT INTO day_reopen(close_id, approval_id, at) VALUES (1, 1, ?)",
                           ("2000-01-01T00:05:00.000+07:00",))
        journal.mark_sealed_through(DAY1)
    with settlement.DayCloseService(journal, clock=clock) as service:
        assert [tuple(r) for r in journal.execute("SELECT last_event_id FROM day_close ORDER BY id")] == [
            (head_id,), (head_id,)]
        assert [tuple(r) for r in journal.execute("SELECT last_event_id FROM day_reopen")] == [(head_id,)]
        clock.jump(-3600)
        journal.transition(suspect, State.SUCCESS, actor="kasir1", reason="dicek ke host: berhasil")
        assert [i.reference for i in service.x_report(DAY2).late] == [suspect]


def test_a_settlement_two_days_after_the_seal_counts_on_its_calendar_day(days, journal, clock):
    """Nothing was sold or sealed on DAY2; the status check runs on DAY3's morning: DAY3's
    (the calendar day, no seal in between), not DAY2's."""
    days.shifts.open(0, "kasir1")
    suspect = deposit(journal, "5550003", 80_000, to=State.SUSPECT)
    seal_day1(days, clock, 0, 80_000)
    clock.advance(36 * 3600)
    journal.transition(suspect, State.SUCCESS, actor="kasir1", reason="dicek ke host: berhasil")
    assert days.x_report(DAY2).late == ()
    assert [i.reference for i in days.x_report(DAY3).late] == [suspect]
