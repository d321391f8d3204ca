"""Late outcomes belong to a day: a payment in flight during Tutup Hari that later becomes
SUCCESS, and a SUSPECT resolved after its day was sealed, count on the day they settled, as
a labelled late settlement with their own business date, in that day's X and Z and cash."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import datetime

import pytest

from services.clock import WIB, FixedClock
from services.dayclose import DayCloseService, Step
from services.journal import Journal, State
from services.reports import render_csv, render_pdf, render_summary

PIN = "482916"
DAY1, DAY2, DAY3 = "2026-11-21", "2026-11-22", "2026-11-23"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 21, 8, 0, tzinfo=WIB))


@pytest.fixture
def days(journal, clock):
    with DayCloseService(journal, clock=clock) as service:
        service.supervisors.set_pin("Budi Santoso", PIN)
        yield service


def deposit(journal: Journal, customer: str, amount: int, *, to: State | None = State.SUCCESS) -> str:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=amount,
                  fee=0, operator="kasir1", customer_ref=customer, customer_name="SITI RAHAYU", request={})
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
    if to is not None:
        journal.transition(ref, to, actor="system", reason="jawaban host")
    return ref


def close(days: DayCloseService, counted: int, *, approve: bool = False):
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(counted)
    # a difference (the cash of a payment still open is in the drawer) is the supervisor's to approve
    step = flow.confirm("selisih dicatat", pin=PIN) if flow.variance else flow.confirm("")
    if step is Step.APPROVAL:
        assert approve
        flow.approve(PIN, "pembayaran masih diproses host")
    assert flow.step is Step.SEALED
    return flow


def test_late_settlements_count_on_the_day_they_settled(days, journal, clock):
    # Day 1: a settled deposit, a Rp 300.000 deposit still in flight, and a SUSPECT one.
    days.shifts.open(100_000, "kasir1")
    deposit(journal, "5550001", 50_000)
    clock.advance(3600)
    in_flight = deposit(journal, "5550002", 300_000, to=None)
    suspect = deposit(journal, "5550003", 80_000, to=State.SUSPECT)
    clock.advance(3600)
    z1 = close(days, 150_000 + 380_000, approve=True).report  # the open payments' cash is in the drawer
    assert z1.cash.expected == 150_000 and z1.cash.variance == 0
    assert {i.reference for i in z1.open} == {in_flight, suspect}

    # Same evening, after the seal: the host's answer arrives. Business day 2 now.
    clock.advance(1800)
    journal.transition(in_flight, State.SUCCESS, actor="system", reason="jawaban host terlambat")
    # Its cash was in the drawer Laporan Z 1 counted, so in day 2's float: listed, no cash again.
    x2 = days.x_report(DAY2)
    assert [(i.reference, i.original_date, i.total, i.received) for i in x2.late] == [
        (in_flight, DAY1, 300_000, 0)]
    assert x2.cash.late == 0 and x2.cash.expected == 0
    assert x2.products == ()  # it is not day 2's sale: it is its own line
    assert days.x_report(DAY1).late == () and days.z_report(DAY1)[0] == z1  # the sealed day never changes

    # Day 2: a shift, a sale, and Tutup Hari: the Laporan Z carries the late settlement.
    clock.advance(12 * 3600)
    # the float is the whole drawer, the day-1 suspect's Rp 80.000 (still open) in it
    days.shifts.open(530_000, "kasir1")
    deposit(journal, "5550004", 25_000)
    z2 = close(days, 555_000).report
    assert z2.cash.expected == 530_000 + 25_000 and z2.cash.variance == 0
    assert (z2.cash.held_carried, z2.cash.should_hold) == (0, 555_000)
    assert [i.reference for i in z2.late] == [in_flight]
    stored, _digest = days.z_report(DAY2)
    assert stored.late == z2.late and stored.cash.late == 0

    # Day 3: the day-1 SUSPECT is resolved; it belongs to day 3, not day 2 (sealed) or day 1.
    clock.advance(24 * 3600)
    journal.transition(suspect, State.SUCCESS, actor="kasir1", reason="dicek ke host: berhasil")
    assert days.x_report(DAY2).late == z2.late
    x3 = days.x_report(DAY3)
    assert [(i.reference, i.original_date, i.state, i.received) for i in x3.late] == [(suspect, DAY1, "SUCCESS", 0)]
    assert x3.cash.expected == 0

    # Printed and exported with its label and its own business date.
    pdf = render_pdf(z2)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Penyelesaian Terlambat" in text and in_flight in text and "21/11/2026" in text
    assert "Penyelesaian terlambat" in text  # the cash line
    rows = list(csv.DictReader(io.StringIO(render_csv(z2).decode("utf-8-sig"))))
    assert [(r["reference"], r["total"], r["note"]) for r in rows if r["section"] == "late"] == [
        (in_flight, "300000", f"original_date={DAY1}")]
    assert [r["total"] for r in rows if r["section"] == "cash" and r["note"] == "late"] == ["0"]
    slip = render_summary(z2, 48).text
    assert "Selesai terlambat" in slip and in_flight in slip


def test_a_late_failure_is_listed_and_its_cash_handed_back(days, journal, clock):
    """Laporan Z 1 counted the payment's Rp 300.000 in the drawer, so day 2's float holds it; its
    failure the next day hands the customer's money back out of the drawer."""
    days.shifts.open(0, "kasir1")
    in_flight = deposit(journal, "5550002", 300_000, to=None)
    close(days, 300_000, approve=True)
    clock.advance(600)
    journal.transition(in_flight, State.FAILED, actor="system", reason="ditolak host", error_code="51")
    x2 = days.x_report(DAY2)
    assert [(i.reference, i.state, i.received, i.paid_out) for i in x2.late] == [(in_flight, "FAILED", 0, 300_000)]
    assert x2.cash.expected == -300_000
