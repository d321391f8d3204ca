"""A day whose count differs from the expected cash seals only with a supervisor's approval of
that very count: Rp 5.000.000 short sealed on the agent's note alone, as Rp 500 short did.

The approval (action ``cash_variance``) has the agent's note as its reason and the day, the
count and its figures as its subject; a recount or a cash movement after it leaves it behind.
The Laporan Z names the supervisor beside the variance on every output (stored report, PDF,
thermal print, CSV), and the journal's ``day_close`` row names the approval.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
from datetime import datetime

import pytest

from services.clock import WIB, FixedClock
from services.dayclose import (
    CASH_VARIANCE,
    DayChanged,
    DayCloseService,
    InvalidSupervisorPin,
    NeedsVarianceApproval,
    Step,
)
from services.dayclose.flow import joint_subject
from services.errors import UserInputError
from services.journal import Journal, State

DAY = "2026-11-21"
SUPERVISOR_PIN = "482916"
FLOAT = 500_000
EXPECTED = FLOAT + 250_000  # opening float + one cash deposit


@pytest.fixture
def days(tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    with Journal(tmp_path / "journal.db", clock=clock) as journal, \
            DayCloseService(journal, clock=clock) as service:
        service.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        service.shifts.open(FLOAT, "kasir1")
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                      amount=250_000, fee=0, operator="kasir1", customer_ref="5550001100", request={})
        journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
        journal.transition(ref, State.SUCCESS, actor="system", reason="ok")
        clock.advance(8 * 3600)
        yield service


def counted(days: DayCloseService, amount: int):
    flow = days.begin_close("kasir1", DAY)
    flow.start_count()
    flow.enter_count(amount)
    return flow


def variance_approvals(days: DayCloseService) -> list[tuple[str, str, str]]:
    return [(a.approver, a.reason, a.subject) for a in days.supervisors.approvals(DAY) if a.action == CASH_VARIANCE]


def test_a_shortfall_without_the_supervisor_is_refused(days):
    days.shifts.record("pay_in", 5_000_000, "uang kecil dari kantor", "kasir1")
    flow = counted(days, EXPECTED)  # Rp 5.000.000 short
    assert flow.variance == -5_000_000
    with pytest.raises(NeedsVarianceApproval):
        flow.confirm("uang hilang dari laci")
    assert flow.step is Step.VARIANCE and not days.is_sealed(DAY)
    with pytest.raises(InvalidSupervisorPin):
        flow.confirm("uang hilang dari laci", pin="000000")
    assert flow.step is Step.VARIANCE and not days.is_sealed(DAY) and variance_approvals(days) == []


def test_even_rp_500_over_needs_the_supervisor(days):
    flow = counted(days, EXPECTED + 500)
    with pytest.raises(NeedsVarianceApproval):
        flow.confirm("kembalian lebih")
    assert not days.is_sealed(DAY)


def test_an_even_count_seals_without_the_supervisor(days):
    flow = counted(days, EXPECTED)
    assert flow.confirm("") is Step.SEALED
    assert flow.report.cash.variance_approved_by == "" and variance_approvals(days) == []


def test_the_approval_is_recorded_sealed_and_printed(days):
    flow = counted(days, EXPECTED - 15_000)
    assert flow.confirm("kembalian  salah ke pelanggan", pin=SUPERVISOR_PIN) is Step.SEALED
    assert variance_approvals(days) == [("Budi Santoso", "kembalian salah ke pelanggan",
                                         f"{DAY} hitungan ke-1: seharusnya Rp 750.000, dihitung Rp 735.000, "
                                         "kas kurang Rp 15.000")]
    z, digest = days.z_report(DAY)
    assert (z.cash.variance, z.cash.variance_note, z.cash.variance_approved_by) == (
        -15_000, "kembalian salah ke pelanggan", "Budi Santoso")
    [line] = [a for a in z.approvals if a.action == "Tutup hari dengan selisih kas"]
    assert (line.approver, line.reason) == ("Budi Santoso", "kembalian salah ke pelanggan")
    con = sqlite3.connect(days.journal.path)
    (approval_id,) = con.execute("SELECT variance_approval_id FROM day_close").fetchone()
    assert con.execute("SELECT action, approver FROM approval WHERE id=?", (approval_id,)).fetchone() == (
        CASH_VARIANCE, "Budi Santoso")
    con.close()

    printed = days.render(DAY, "thermal", actor="kasir1").text.splitlines()
    assert any(line.startswith("Disetujui") and line.endswith("Budi Santoso") for line in printed)
    pdf = subprocess.run(["pdftotext", "-layout", "-", "-"], input=days.render(DAY, "pdf", actor="kasir1"),
                         capture_output=True, check=True).stdout.decode()
    assert "Selisih disetujui supervisor: Budi Santoso" in pdf
    rows = list(csv.DictReader(io.StringIO(days.render(DAY, "csv", actor="kasir1").decode("utf-8-sig"))))
    [variance] = [r for r in rows if r["section"] == "cash" and r["note"] == "variance"]
    assert (variance["total"], variance["product_name"], variance["reference"]) == (
        "-15000", "kembalian salah ke pelanggan", "Budi Santoso")
    assert digest == z.snapshot_hash()


def test_an_approval_of_another_count_does_not_cover_a_recount(days):
    flow = counted(days, EXPECTED - 15_000)
    approval = days.supervisors.approve(SUPERVISOR_PIN, "kembalian salah", CASH_VARIANCE,
                                        subject=flow.variance_subject, business_date=DAY)
    flow.recount()
    flow.enter_count(EXPECTED - 15_000)  # the same figure, counted again: another count
    flow.variance_approval = approval  # offered anyway: the seal reads it back and refuses
    with pytest.raises(NeedsVarianceApproval):
        flow.confirm("kembalian salah")
    assert not days.is_sealed(DAY)

    flow = counted(days, EXPECTED - 20_000)
    with pytest.raises(NeedsVarianceApproval):  # approved for Rp 15.000 short, counted Rp 20.000 short
        flow.confirm("kembalian salah")
    assert not days.is_sealed(DAY)


def test_an_approval_for_another_reason_or_day_is_refused_at_the_seal(days):
    flow = counted(days, EXPECTED - 15_000)
    flow.variance_approval = days.supervisors.approve(SUPERVISOR_PIN, "uang hilang", CASH_VARIANCE,
                                                      subject=flow.variance_subject, business_date=DAY)
    with pytest.raises(NeedsVarianceApproval):
        flow.confirm("kembalian salah")  # the approval's reason is not the note sealed
    flow.variance_approval = days.supervisors.approve(SUPERVISOR_PIN, "kembalian salah", "cash_correction",
                                                      subject=flow.variance_subject, business_date=DAY)
    with pytest.raises(NeedsVarianceApproval):
        flow.confirm("kembalian salah")  # approved something else
    assert not days.is_sealed(DAY)


def test_a_cash_movement_after_the_approval_leaves_it_behind(days):
    flow = counted(days, EXPECTED - 50_000)
    flow.variance_approval = days.supervisors.approve(SUPERVISOR_PIN, "kembalian salah", CASH_VARIANCE,
                                                      subject=flow.variance_subject, business_date=DAY)
    days.shifts.record("bank_deposit", 50_000, "setor ke bank", "kasir1")  # now the count is "even"
    with pytest.raises(DayChanged):
        flow.confirm("kembalian salah")
    assert flow.step is Step.COUNT and flow.variance_approval is None and not days.is_sealed(DAY)
    flow.enter_count(EXPECTED - 60_000)
    with pytest.raises(NeedsVarianceApproval):
        flow.confirm("kembalian salah")
    assert flow.confirm("kembalian salah", pin=SUPERVISOR_PIN) is Step.SEALED
    assert "hitungan ke-2: seharusnya Rp 700.000, dihitung Rp 690.000, kas kurang Rp 10.000" in (
        variance_approvals(days)[-1][2])


def test_a_note_too_short_for_the_approval_is_refused_at_the_note(days):
    flow = counted(days, EXPECTED - 1_000)
    with pytest.raises(UserInputError) as refused:
        flow.confirm("abc", pin=SUPERVISOR_PIN)
    assert refused.value.field == "note" and variance_approvals(days) == []


# -- a difference and open rows: one supervisor PIN ---------------------------------------
def open_row(days: DayCloseService) -> str:
    """A payment sent whose answer never came: open at Tutup Hari."""
    journal = days.journal
    ref = journal.next_reference()
    journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="bills", amount=98_000,
                  fee=2_500, operator="kasir1", customer_ref="5391000123", request={})
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
    journal.transition(ref, State.SUSPECT, actor="system", reason="waktu habis")
    return ref


def given(days: DayCloseService) -> list[tuple[str, str, str, str]]:
    """The day's approvals but the first supervisor's setting."""
    return [(a.action, a.approver, a.reason, a.subject) for a in days.supervisors.approvals(DAY)
            if a.action != "first_supervisor"]


def test_a_difference_and_open_rows_are_approved_by_one_supervisor_pin(days):
    """The supervisor was asked twice in a row (the difference, then the open rows); now the
    one PIN at the approval step approves both, on record as two approvals (each action, its
    reason, who, when) whose subject names both, from one PIN attempt."""
    reference = open_row(days)
    flow = counted(days, EXPECTED + 100_500 - 15_000)  # the open bill's Rp 100.500 is in the drawer
    assert flow.confirm("kembalian salah ke pelanggan") is Step.APPROVAL  # no PIN asked yet
    assert flow.approves_variance and given(days) == []

    with pytest.raises(InvalidSupervisorPin):
        flow.approve("111222", "host tidak menjawab, dicek besok")
    assert flow.step is Step.APPROVAL and given(days) == []
    assert flow.approve(SUPERVISOR_PIN, "host  tidak menjawab, dicek besok") is Step.SEALED

    subject = (f"{DAY} hitungan ke-1: seharusnya Rp 850.500, dihitung Rp 835.500, kas kurang Rp 15.000; "
               f"dan tutup dengan transaksi menggantung: {reference}")
    assert given(days) == [(CASH_VARIANCE, "Budi Santoso", "kembalian salah ke pelanggan", subject),
                         ("close_with_open_items", "Budi Santoso", "host tidak menjawab, dicek besok", subject)]
    pins = [(action, ok) for action, _subject, ok, _at in days.supervisors.attempts()]
    assert pins[-2:] == [("cash_variance+close_with_open_items", 0), ("cash_variance+close_with_open_items", 1)]
    con = sqlite3.connect(days.journal.path)
    assert con.execute("SELECT a.action, v.action FROM day_close d JOIN approval a ON a.id = d.approval_id"
                       " JOIN approval v ON v.id = d.variance_approval_id").fetchall() == [
        ("close_with_open_items", CASH_VARIANCE)]
    con.close()
    z, _digest = days.z_report(DAY)
    assert (z.cash.variance, z.cash.variance_approved_by) == (-15_000, "Budi Santoso")
    assert sorted(line.action for line in z.approvals) == ["Supervisor pertama diatur",
                                                           "Tutup hari dengan selisih kas",
                                                           "Tutup hari dengan transaksi menggantung"]


def test_a_joint_approval_seals_only_with_the_approval_of_the_open_rows_given_by_the_same_pin(days):
    reference = open_row(days)
    flow = counted(days, EXPECTED - 15_000)
    assert flow.confirm("kembalian salah") is Step.APPROVAL
    # a joint approval of this very difference, but with other open rows than the ones sealed
    flow.variance_approval = days.supervisors.approve_together(
        SUPERVISOR_PIN, ((CASH_VARIANCE, "kembalian salah"), ("close_with_open_items", "transaksi lain")),
        subject=joint_subject(flow.variance_subject, "LKT-LAIN"), business_date=DAY)[0]
    assert not flow.approves_variance
    with pytest.raises(NeedsVarianceApproval):
        flow.approve(SUPERVISOR_PIN, "host tidak menjawab")  # the open rows' approval is another PIN's
    assert flow.step is Step.VARIANCE and not days.is_sealed(DAY)
    assert flow.confirm("kembalian salah") is Step.APPROVAL
    assert flow.approve(SUPERVISOR_PIN, "host tidak menjawab") is Step.SEALED
    assert days.supervisors.approvals(DAY)[-1].subject.endswith(f"menggantung: {reference}")


# -- the approval and the seal: one journal transaction -----------------------------------
def disk_refusing_the_seal(days: DayCloseService) -> sqlite3.Connection:
    """A failure between the approval and the seal: the disk refuses the Laporan Z's row."""
    fault = sqlite3.connect(days.journal.path)
    fault.execute("CREATE TRIGGER fault BEFORE INSERT ON day_close BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    fault.commit()
    return fault


def disk_back(fault: sqlite3.Connection) -> None:
    fault.execute("DROP TRIGGER fault")
    fault.commit()
    fault.close()


def test_a_seal_that_fails_after_the_supervisors_pin_leaves_no_approval_and_seals_once_on_the_retry(days):
    """The variance's approval and the seal are one journal transaction. A failure between the
    two (here the disk refusing the day_close row) left 'Tutup hari dengan selisih kas' approved
    for a day never sealed; the agent confirmed again, the supervisor approved again, and the
    Laporan Z listed the day's difference approved twice."""
    flow = counted(days, EXPECTED - 15_000)
    fault = disk_refusing_the_seal(days)
    with pytest.raises(sqlite3.DatabaseError):
        flow.confirm("kembalian salah ke pelanggan", pin=SUPERVISOR_PIN)
    assert variance_approvals(days) == [] and not days.is_sealed(DAY)
    # the PIN's attempt is on record all the same (the back-off counts it), and right
    assert days.supervisors.attempts()[-1][::2] == (CASH_VARIANCE, 1)
    assert flow.step is Step.VARIANCE and flow.variance_approval is None  # the same count, to confirm again
    with pytest.raises(NeedsVarianceApproval):  # the supervisor is asked again: nothing approved stands
        flow.confirm("kembalian salah ke pelanggan")

    disk_back(fault)
    assert flow.confirm("kembalian salah ke pelanggan", pin=SUPERVISOR_PIN) is Step.SEALED
    [(approver, reason, _subject)] = variance_approvals(days)
    assert (approver, reason) == ("Budi Santoso", "kembalian salah ke pelanggan")
    z, _digest = days.z_report(DAY)
    assert z.number == 1 and z.cash.variance_approved_by == "Budi Santoso"
    assert [line.action for line in z.approvals] == ["Supervisor pertama diatur", "Tutup hari dengan selisih kas"]
    con = sqlite3.connect(days.journal.path)
    assert con.execute("SELECT report_no, variance_approval_id FROM day_close").fetchall() == [
        (1, days.supervisors.approvals(DAY)[-1].id)]
    con.close()


def test_a_seal_with_open_rows_that_fails_after_the_pin_leaves_no_approval_and_seals_once(days):
    """At the approval step the one PIN approves the difference and the open rows: a failure
    before the seal left both approvals on record, and the retry wrote both again."""
    open_row(days)
    flow = counted(days, EXPECTED + 100_500 - 15_000)
    assert flow.confirm("kembalian salah ke pelanggan") is Step.APPROVAL
    fault = disk_refusing_the_seal(days)
    with pytest.raises(sqlite3.DatabaseError):
        flow.approve(SUPERVISOR_PIN, "host tidak menjawab, dicek besok")
    assert given(days) == [] and not days.is_sealed(DAY)
    assert flow.step is Step.APPROVAL and flow.approves_variance and flow.approval is None

    disk_back(fault)
    assert flow.approve(SUPERVISOR_PIN, "host tidak menjawab, dicek besok") is Step.SEALED
    assert [action for action, *_rest in given(days)] == [CASH_VARIANCE, "close_with_open_items"]
    z, _digest = days.z_report(DAY)
    assert z.number == 1 and sorted(line.action for line in z.approvals) == [
        "Supervisor pertama diatur", "Tutup hari dengan selisih kas", "Tutup hari dengan transaksi menggantung"]


def test_a_day_changed_under_the_pin_leaves_no_approval_of_the_old_count(days):
    """The supervisor approved a count a cash movement has made wrong meanwhile: the seal
    refuses (back to the count), and the approval of figures never sealed went with it."""
    flow = counted(days, EXPECTED - 50_000)
    days.shifts.record("bank_deposit", 50_000, "setor ke bank", "kasir1")
    with pytest.raises(DayChanged):
        flow.confirm("kembalian salah", pin=SUPERVISOR_PIN)
    assert flow.step is Step.COUNT and variance_approvals(days) == []
    flow.enter_count(EXPECTED - 60_000)
    assert flow.confirm("kembalian salah", pin=SUPERVISOR_PIN) is Step.SEALED
    [(_approver, _reason, subject)] = variance_approvals(days)
    assert "hitungan ke-2" in subject
