"""Reconciliation: the drawer, the receipts, Laporan X, Laporan Z and the journal export tell
one money story.

A day at a counter is driven through the public surfaces only: BCA transfers through
``BcaService`` (the transaction runner) against the BCA sandbox on a real loopback socket,
with its faults (an answer lost after BCA booked the transfer, a connection refused before
anything left) and its refunds (status 04); a Telkom bill whose admin fee BNI Keagenan names
only in the payment's answer (FEE_CHANGED) and a PLN bill with the counter's own fee, through
``BillPayService`` against the Keagenan sandbox; the suspect work-list (``SuspectResolver``),
the drawer's handovers and Tutup Hari (``DayCloseService``), the journal export
(``records_for_day``) and the receipts (``build_receipt``). Then every figure one surface
shows is recomputed from another's and compared.
"""

from __future__ import annotations

import pytest

from services.clock import FixedClock
from services.dayclose import DayCloseService, Step
from services.errors import MaybeSent
from services.hosts.bca import client as bca
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT, BcaSandbox
from services.hosts.bca.service import BcaService
from services.hosts.snap.client import SnapClient
from services.journal import Journal, State
from services.sandbox.base import Fault
from services.transactions import TransactionRunner

# the BCA sandbox on loopback, and its suspect work-list (over this module's ``service``)
from tests.integration.test_bca_interbank import host, keys, resolver, snap  # noqa: F401

SUPERVISOR_PIN = "482916"
FLOAT = 1_000_000
BUDI, SITI = "0611104625", "0613005827"
BRI, BRI_ACCOUNT = "BRINIDJA", "888801000003301"
MANDIRI, MANDIRI_ACCOUNT = "BMRIIDJA", "1370012345678"


@pytest.fixture
def operator() -> list[str]:
    """Who is logged in (the runner asks at each payment): ``operator[0] = "kasir2"`` after a handover."""
    return ["kasir1"]


@pytest.fixture
def service(snap: SnapClient, clock, journal: Journal, operator) -> BcaService:  # noqa: F811 - the fixture
    """BCA through the transaction runner, as whoever is logged in (``operator``)."""
    return BcaService(bca.BcaClient(snap, BCA_AGENT_ACCOUNT), TransactionRunner(journal, lambda: operator[0]),
                      clock=clock, not_found_grace_seconds=0)


@pytest.fixture
def days(journal: Journal, clock: FixedClock):
    with DayCloseService(journal, clock=clock, sandbox=True) as service:
        service.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        yield service


def lost_transfer(service: BcaService, bank: BcaSandbox, account: str, amount: int) -> str:
    """An intrabank transfer BCA booked whose answer never came back: SUSPECT."""
    bank.faults.queue(Fault.LOST_AFTER_PROCESSING, bca.TRANSFER_PATH)
    with pytest.raises(MaybeSent) as lost:
        service.transfer(service.account_inquiry(account), amount)
    assert lost.value.row is not None and lost.value.row.state is State.SUSPECT
    return lost.value.row.reference


def close(days: DayCloseService, operator: str, counted: int, note: str = "") -> object:
    flow = days.begin_close(operator)
    flow.start_count()
    flow.enter_count(counted)
    step = flow.confirm(note, pin=SUPERVISOR_PIN if flow.variance else None)
    if step is Step.APPROVAL:
        step = flow.approve(SUPERVISOR_PIN, "transaksi menunggu cek status")
    assert step is Step.SEALED
    return flow.report


# -- the drawer's handover and a transfer in doubt --------------------------------------------
@pytest.mark.parametrize("outcome", ["success", "refunded"])
def test_cash_held_for_a_transfer_in_doubt_is_nobodys_difference_at_the_handover(
        outcome, service, host, resolver, days, journal, clock, operator):  # noqa: F811
    """kasir1 takes Rp 300.000 for a transfer whose answer is lost (SUSPECT): the cash is in the
    drawer, outside the expected cash until BCA's status says what happened. kasir2 takes the
    drawer over and counts Rp 1.300.000. The status check then settles it, SUCCESS (the cash is
    the bank's) or refunded by BCA (04: the cash goes back to the customer), and kasir2 closes
    the day even. Nobody was short or over: the handover measured kasir1 against the cash the
    drawer holds for rows still in doubt too, so each agent's difference ("Selisih per
    petugas") is 0 and they add up to the day's variance, 0. Before, kasir1 was Rp 300.000 over
    (with a supervisor's approval) and kasir2 Rp 300.000 short."""
    days.shifts.open(FLOAT, "kasir1")
    clock.advance(600)
    suspect = lost_transfer(service, host, BUDI, 300_000)
    x = days.x_report()
    assert x.cash.expected == FLOAT and x.cash.held_in_open == 300_000

    clock.advance(3600)
    operator[0] = "kasir2"
    handover = days.handovers.begin("kasir2")
    assert handover.enter_count(FLOAT + 300_000) == 0  # the customer's Rp 300.000 is in the drawer
    handover.confirm("")

    clock.advance(600)
    if outcome == "refunded":
        host.refund(suspect)
    [settled] = resolver.resolve_all()
    counted = FLOAT + 300_000
    if outcome == "refunded":
        assert settled.state is State.FAILED
        counted -= 300_000  # kasir2 gives the customer the cash back
    else:
        assert settled.state is State.SUCCESS
    clock.advance(600)
    z = close(days, "kasir2", counted)
    assert z.cash.variance == 0 and z.cash.held_in_open == 0
    assert [(span.operator, span.difference) for span in z.spans] == [("kasir1", 0), ("kasir2", 0)]
    assert sum(span.difference for span in z.spans) == z.cash.variance


# -- a transfer BCA booked, then sent back (04 Refunded) -------------------------------------
def test_a_successful_transfer_bca_later_refunds_is_not_counted_as_collected(
        service, host, days, journal, clock):  # noqa: F811
    """BCA booked a transfer (SUCCESS, the Rp 60.000 collected), then sent it back (status 04).
    "Cek status" heard it and the row stayed SUCCESS: Laporan X, the drawer's expected cash
    and the journal export still counted Rp 60.000 the agent must hand back. The row is now
    REVERSED on BCA's word: both legs in the drawer (received and given back), out of the
    day's totals, listed under "Dibatalkan", exported REVERSED with BCA's code; and the same
    answer heard again changes nothing."""
    from services.journal.export import records_for_day
    from services.receipts.model import Agent, build_receipt
    from services.receipts.text import render_text

    days.shifts.open(FLOAT, "kasir1")
    clock.advance(600)
    done = service.transfer(service.account_inquiry(SITI), 60_000)
    assert done.row.state is State.SUCCESS
    kept = service.transfer(service.account_inquiry(BUDI), 45_000)
    before = days.x_report()
    assert before.totals.total == 105_000 and before.cash.expected == FLOAT + 105_000

    clock.advance(1800)
    host.refund(done.row.reference)
    check = service.transfer_status(done.row.reference)
    assert check.status.refunded
    row = journal.get(done.row.reference)
    assert (check.row.state, row.state, row.error_code) == (State.REVERSED, State.REVERSED, "04")
    assert "dikembalikan" in journal.events(row.reference)[-1].reason
    assert service.transfer_status(done.row.reference).row.state is State.REVERSED  # once
    assert service.transfer_status(kept.row.reference).row.state is State.SUCCESS  # BCA: 00

    x = days.x_report()
    assert (x.totals.count, x.totals.total) == (1, 45_000)
    assert x.cash.expected == FLOAT + 45_000
    assert (x.cash.received, x.cash.paid_out) == (105_000, 60_000)  # taken, then handed back
    assert [item.reference for item in x.reversed] == [row.reference]
    exported = {r["reference"]: r for r in records_for_day(journal, x.business_date, mode="sandbox")}
    assert (exported[row.reference]["state"], exported[row.reference]["error_code"]) == ("REVERSED", "04")
    slip = render_text(build_receipt(row, agent=Agent("Agen", "A1", "Jl. Contoh"), sandbox=True), columns=48)
    assert "DIBATALKAN" in slip and "BUKAN bukti bayar" in slip
    z = close(days, "kasir1", FLOAT + 45_000)
    assert z.cash.variance == 0 and z.totals.total == 45_000
