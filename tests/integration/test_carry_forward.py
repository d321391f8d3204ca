"""A shortfall of cash in doubt is charged once: the drawer carries forward what is in it.

A PLN bill SUSPECT at Tutup Hari, its customer's cash missing from the drawer: that Laporan Z says
"Kas kurang" by it, approved. The next day's opening float is the whole drawer as counted, and the
next days' counts are against that day's own cash: Tutup Hari asked for the same missing cash again
(``held_carried``) on every day the bill stayed open, and once more on the day it settled (the
late line), so the agent was charged the one loss two, three times and the office summed them.
Now each day is even with the drawer it really has: SUCCESS later moves nothing (the cash was
already counted into the float), FAILED later is the cash handed back out of the drawer.

A PLN bill through ``BillPayService`` against the BNI Keagenan sandbox on a real loopback socket,
its answer lost; the days closed through ``DayCloseService``; the bill settled by a supervisor's
manual resolution (``SuspectResolver``) as the host's report says.
"""

from __future__ import annotations

import pytest

from services.dayclose import Step
from services.journal import Journal, State
from services.reports import render_csv
from services.resolution import SuspectResolver
from tests.integration.test_variance_held import FLOAT, SUPERVISOR_PIN, bank, bills, days, suspect_pln_bill  # noqa: F401


def close_day(days, count: int, note: str = "") -> int:  # noqa: F811
    """Tutup Hari with ``count`` in the drawer: the variance sealed on the Laporan Z."""
    flow = days.begin_close("kasir1")
    flow.start_count()
    variance = flow.enter_count(count)
    if flow.confirm(note) is Step.APPROVAL:
        assert flow.approve(SUPERVISOR_PIN, "status PLN belum pasti") is Step.SEALED
    assert flow.report.kind == "Z" and flow.report.cash.variance == variance
    return variance


def day_one(bills, bank, days, clock, drawer_has_it: bool) -> tuple[int, str]:  # noqa: F811
    """Day 1: the suspect bill; the drawer counted with its cash (even) or without it ("Kas kurang"
    by it, approved). (That cash, the bill's reference.)"""
    held = suspect_pln_bill(bills, bank, days, clock)
    [row] = days.x_report().open
    assert close_day(days, FLOAT + held if drawer_has_it else FLOAT,
                     "" if drawer_has_it else "uang pelanggan PLN hilang") == (0 if drawer_has_it else -held)
    return held, row.reference


def next_day(days, clock, drawer: int) -> None:  # noqa: F811
    """The next morning: Buka Shift with the whole drawer as counted."""
    clock.advance(20 * 3600)
    days.shifts.open(drawer, "kasir1")
    clock.advance(600)


def late_lines(report) -> list[str]:
    return [line for line in render_csv(report).decode("utf-8-sig").splitlines() if line.startswith("late,")]


def test_a_shortfall_recorded_on_day_1_is_not_charged_again_on_day_2(bills, bank, days, clock):  # noqa: F811
    held, _ = day_one(bills, bank, days, clock, drawer_has_it=False)
    next_day(days, clock, FLOAT)                     # day 2: the drawer holds the float only
    assert days.held_carried(days.business_day()) == held  # Buka Shift: still in doubt, in the float
    x = days.x_report()
    assert (x.cash.expected, x.cash.held_in_open, x.cash.should_hold) == (FLOAT, 0, FLOAT)
    assert close_day(days, FLOAT) == 0               # before: Kas kurang by the bill's cash again
    next_day(days, clock, FLOAT)
    assert close_day(days, FLOAT) == 0               # and again on every day it stayed open


@pytest.mark.parametrize("drawer_has_it", [False, True])
@pytest.mark.parametrize("success", [True, False])
def test_the_day_the_bill_settles_is_even_with_the_drawer_it_has(bills, bank, days, clock,  # noqa: F811
                                                                 journal: Journal, success, drawer_has_it):
    """Day 2 opens with the whole drawer (the customer's cash in it when it was there on day 1) and
    the bill settles. SUCCESS moves nothing: the cash there is already in the float, the cash
    missing was charged on day 1. FAILED: the agent hands the customer's money back out of the
    drawer, a late line paying it out."""
    held, reference = day_one(bills, bank, days, clock, drawer_has_it)
    drawer = (FLOAT + held if drawer_has_it else FLOAT) + 2_000_000  # the owner tops the drawer up
    next_day(days, clock, drawer)
    SuspectResolver(journal).resolve_manually(reference, success=success, actor="kasir1",
                                              reason="laporan host", host_ref="JRN-123" if success else "")
    assert journal.get(reference).state is (State.SUCCESS if success else State.FAILED)
    x = days.x_report()
    [late] = x.late
    assert (late.reference, late.state) == (reference, "SUCCESS" if success else "FAILED")
    assert (late.received, late.paid_out) == (0, 0 if success else held)
    assert x.cash.late == x.cash.expected - drawer == (0 if success else -held)
    assert len(late_lines(x)) == 1                   # still listed, for the office too
    if not success:
        drawer -= held                               # the customer's money handed back
    assert close_day(days, drawer) == 0              # before: the bill's cash expected once more
