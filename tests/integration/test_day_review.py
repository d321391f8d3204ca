"""Day-close review: the drawer's expected cash across business days, through the real
services, the sandbox hosts on loopback and a real journal."""

from __future__ import annotations

import csv
import io

import pytest

from services.dayclose import DayCloseService, EarlierDayOpen, Step
from services.journal import State
from services.reports import render_csv, render_summary
from tests.integration import test_dayclose
from tests.integration import test_late_settlement as settlement

# The fixtures and helpers of the day-close tests: the clock at 08:00 on DAY1, the day-close
# service with a supervisor, the Switcher on loopback, a Bank+ deposit row.
clock, days, deposit, switching = settlement.clock, settlement.days, settlement.deposit, test_dayclose.switching
DAY1, DAY2, SUPERVISOR_PIN, BRIAPI = settlement.DAY1, settlement.DAY2, settlement.PIN, test_dayclose.BRIAPI


def close(days: DayCloseService, counted: int):
    """Tutup Hari with the count, a note for a difference, the supervisor for open rows."""
    return settlement.close(days, counted, approve=True)


def test_a_transfer_reversed_the_day_after_its_day_was_sealed_pays_the_refund_from_that_days_drawer(
        days, switching, journal, clock):
    # Day 1: the customer hands over Rp 150.000 for a transfer; the day closes even.
    days.shifts.open(100_000, "kasir1")
    transfer = switching.switcher_transfer(switching.switcher_inquiry("BRINIDJA", BRIAPI), 150_000, "kiriman").row
    clock.advance(3600)
    z1 = close(days, 250_000).report
    assert z1.cash.expected == 250_000 and z1.cash.variance == 0

    # Day 2: the transfer was to the wrong account; a supervisor reverses it and the agent
    # gives the customer the Rp 150.000 back from today's drawer.
    clock.advance(24 * 3600)
    days.shifts.open(300_000, "kasir1")
    switching.reversal(transfer.reference, SUPERVISOR_PIN, "Salah nomor rekening tujuan")
    assert journal.get(transfer.reference).state is State.REVERSED
    x2 = days.x_report(DAY2)
    # the drawer holds 300.000 - 150.000: that is what must be expected, not a shortfall
    assert x2.cash.expected == 150_000 and x2.cash.late == -150_000
    assert [(i.reference, i.original_date, i.state, i.received, i.paid_out) for i in x2.late] == [
        (transfer.reference, DAY1, "REVERSED", 0, 150_000)]
    assert days.z_report(DAY1)[0] == z1  # the sealed day never changes

    clock.advance(8 * 3600)
    z2 = close(days, 150_000).report
    assert z2.cash.variance == 0 and z2.late == x2.late
    thermal = render_summary(z2, 48).text
    assert "Selesai terlambat" in thermal and transfer.reference in thermal
    # the refund's line reads as money out of the drawer, as the cash line under it does
    [line] = [line for line in thermal.splitlines() if transfer.reference in line]
    assert line.rstrip().endswith("-Rp 150.000")
    rows = list(csv.DictReader(io.StringIO(render_csv(z2).decode("utf-8-sig"))))
    assert [(r["reference"], r["state"]) for r in rows if r["section"] == "late"] == [(transfer.reference, "REVERSED")]
    assert [r["total"] for r in rows if r["section"] == "cash" and r["note"] == "late"] == ["-150000"]
    # Day 3 pays no refund again.
    clock.advance(24 * 3600)
    assert days.x_report("2026-11-23").late == ()


def test_a_day_whose_only_event_is_a_late_settlement_is_closed_before_the_next(days, journal, clock):
    # Day 1 closes with a Rp 80.000 deposit still SUSPECT (its cash is in the drawer).
    days.shifts.open(0, "kasir1")
    suspect = deposit(journal, "5550003", 80_000, to=State.SUSPECT)
    close(days, 80_000)
    # Day 2 (a Sunday): Loket runs, the status check settles the deposit; nothing is sold.
    clock.advance(24 * 3600)
    journal.transition(suspect, State.SUCCESS, actor="system", reason="dicek ke host: berhasil")
    # listed on day 2, no cash of day 2's: Laporan Z 1 counted it in the drawer (day 3's float)
    assert [(i.reference, i.received) for i in days.x_report(DAY2).late] == [(suspect, 0)]
    # Day 3: a sale. Day 2's cash (the late settlement) is in no Laporan Z unless day 2 is
    # closed first: closing day 3 must wait for it, as for any earlier day with money.
    clock.advance(24 * 3600)
    days.shifts.open(80_000, "kasir1")
    deposit(journal, "5550004", 25_000)
    assert days.x_report("2026-11-23").late == ()
    with pytest.raises(EarlierDayOpen):
        days.begin_close("kasir1")
    flow = days.begin_close("kasir1", DAY2)
    flow.start_count()
    flow.enter_count(0)  # no float typed on day 2: none of the drawer is day 2's own
    assert flow.confirm("") is Step.SEALED and [i.reference for i in flow.report.late] == [suspect]
    assert close(days, 105_000).report.cash.variance == 0


def test_a_day_with_only_cash_movements_is_closed_before_the_next(days, journal, clock):
    """Day 1: the shift opened and Rp 25.000 went out for receipt paper, nothing was sold.
    The next day did not ask for day 1's close: the pay-out was in no Laporan Z."""
    days.shifts.open(100_000, "kasir1")
    days.shifts.record("pay_out", 25_000, "beli kertas struk", "kasir1")
    clock.advance(24 * 3600)
    with pytest.raises(EarlierDayOpen):
        days.begin_close("kasir1")
    flow = days.begin_close("kasir1", DAY1)  # Tutup Hari closes the earlier day first
    flow.start_count()
    flow.enter_count(75_000)
    flow.confirm("")
    assert flow.step is Step.SEALED
    assert flow.report.cash.movements == -25_000 and flow.report.cash.variance == 0


def test_a_late_success_carries_its_counter_fee_into_the_report_that_counts_it(days, journal, clock):
    """A PLN bill paid with Rp 2.500 counter fee was uncertain at Tutup Hari, then settled
    BERHASIL the next day: its Rp 2.500 (the agent's income) was in no Laporan Z's figures."""
    days.shifts.open(0, "kasir1")
    ref = journal.next_reference()
    journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="bills", amount=200_000,
                  fee=3_000, operator="kasir1", customer_ref="53111", customer_name="PEL POSTPAID", request={},
                  counter_fee=2_500)
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
    journal.transition(ref, State.SUSPECT, actor="system", reason="jawaban tidak diterima")
    close(days, 205_500)  # the customer's cash is in the drawer, held for the open bill
    clock.advance(24 * 3600)
    days.shifts.open(205_500, "kasir1")
    journal.transition(ref, State.SUCCESS, actor="system", reason="dikonfirmasi host")
    report = days.x_report(DAY2)
    [late] = report.late
    assert (late.reference, late.total, late.counter_fee) == (ref, 205_500, 2_500)
    rows = list(csv.DictReader(io.StringIO(render_csv(report).decode("utf-8-sig"))))
    assert [(r["reference"], r["counter_fee"]) for r in rows if r["section"] == "late"] == [(ref, "2500")]
