"""Serah Terima Kas: several agents work one drawer in a day. Nothing recorded when it passed
from one to the next, so a difference found at Tutup Hari was no one's and the incoming agent
took over cash nobody counted.

Now the incoming agent counts it blind, a difference needs a supervisor (action
``handover_variance``), the handover is an append-only row naming both agents, and the
Laporan Z (stored, PDF, thermal, CSV) lists the handovers and each holder's difference,
its totals and expected cash unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
from datetime import datetime

import pytest

from services.clock import WIB, FixedClock
from services.dayclose import (
    HANDOVER_VARIANCE,
    DayChanged,
    DayCloseService,
    InvalidSupervisorPin,
    NeedsHandoverApproval,
    NoHandoverNeeded,
    render_handover_slip,
)
from services.dayclose import schema as dayclose_schema
from services.errors import UserInputError
from services.journal import Journal, State
from services.reports import Span, build_report, snapshot_hash

DAY = "2026-11-21"
SUPERVISOR_PIN = "482916"
FLOAT = 500_000
EXPECTED = FLOAT + 250_000  # opening float + one cash deposit


def deposit(journal: Journal, amount: int, operator: str, state: State = State.SUCCESS) -> str:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=amount, fee=0,
                  operator=operator, customer_ref="5550001100", request={})
    journal.transition(ref, State.SENT, actor=operator, reason="dikirim")
    if state is not State.SENT:
        journal.transition(ref, state, actor="system", reason="ok")
    return ref


@pytest.fixture
def clock():
    return FixedClock(datetime(2026, 11, 21, 8, 0, tzinfo=WIB))


@pytest.fixture
def days(tmp_path, clock):
    with Journal(tmp_path / "journal.db", clock=clock) as journal, \
            DayCloseService(journal, clock=clock) as service:
        service.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        service.shifts.open(FLOAT, "kasir1")
        deposit(journal, 250_000, "kasir1")
        clock.advance(4 * 3600)  # 12:00
        yield service


def close_day(days: DayCloseService, operator: str, counted: int, note: str = "", pin: str | None = None):
    flow = days.begin_close(operator, DAY)
    flow.start_count()
    flow.enter_count(counted)
    flow.confirm(note, pin=pin)
    return days.z_report(DAY)[0]


def test_the_drawer_is_held_by_the_shifts_opener_until_it_is_handed_over(days):
    handovers = days.handovers
    assert handovers.holder(DAY) == "kasir1"
    assert handovers.pending_for("kasir1") is None
    assert handovers.pending_for(" KASIR1 ") is None  # the same agent, however the username was typed
    assert handovers.pending_for("kasir2") == "kasir1"
    with pytest.raises(NoHandoverNeeded):
        handovers.begin("kasir1")


def test_an_even_handover_is_counted_blind_and_recorded_with_both_agents(days):
    flow = days.handovers.begin("kasir2")
    assert (flow.from_operator, flow.to_operator) == ("kasir1", "kasir2")
    with pytest.raises(UserInputError):  # nothing of the expected cash before the count
        _ = flow.should_hold
    con = sqlite3.connect(days.journal.path)
    assert flow.enter_count(EXPECTED) == 0
    # the count is on record as soon as it is entered, before the figure was shown
    assert con.execute("SELECT from_operator, to_operator, counted, expected FROM handover_count").fetchall() == [
        ("kasir1", "kasir2", EXPECTED, EXPECTED)]
    assert con.execute("SELECT COUNT(*) FROM drawer_handover").fetchone() == (0,)
    record = flow.confirm("")
    assert con.execute("SELECT from_operator, to_operator, at, counted, expected, difference, approval_id"
                       " FROM drawer_handover").fetchall() == [
        ("kasir1", "kasir2", "2026-11-21T12:00:00.000+07:00", EXPECTED, EXPECTED, 0, None)]
    con.close()
    assert record.handover.difference == 0 and record.handover.approved_by == ""
    assert days.handovers.holder(DAY) == "kasir2"
    assert days.handovers.pending_for("kasir2") is None
    assert days.handovers.pending_for("kasir1") == "kasir2"  # back at the counter later: handed back


def test_a_handover_difference_needs_a_note_and_the_supervisors_pin(days):
    flow = days.handovers.begin("kasir2")
    assert flow.enter_count(EXPECTED - 20_000) == -20_000
    with pytest.raises(UserInputError) as refused:
        flow.confirm("")
    assert refused.value.field == "note"
    with pytest.raises(NeedsHandoverApproval):
        flow.confirm("uang kurang di laci")
    with pytest.raises(InvalidSupervisorPin):
        flow.confirm("uang kurang di laci", pin="000000")
    assert days.handovers.holder(DAY) == "kasir1"  # nothing handed over yet
    record = flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
    assert record.handover.approved_by == "Budi Santoso"
    [approval] = [a for a in days.supervisors.approvals(DAY) if a.action == HANDOVER_VARIANCE]
    assert (approval.reason, approval.subject) == (
        "uang kurang di laci", f"{DAY} serah terima kasir1 ke kasir2, hitungan #1: seharusnya Rp 750.000, "
                               "dihitung Rp 730.000, kas kurang Rp 20.000")
    con = sqlite3.connect(days.journal.path)
    assert con.execute("SELECT difference, note, approval_id FROM drawer_handover").fetchall() == [
        (-20_000, "uang kurang di laci", approval.id)]
    con.close()


def test_a_recount_keeps_the_first_count_on_record(days):
    flow = days.handovers.begin("kasir2")
    flow.enter_count(EXPECTED - 50_000)
    flow.recount()
    flow.enter_count(EXPECTED)
    record = flow.confirm("")
    assert record.handover.counts == 2
    con = sqlite3.connect(days.journal.path)
    assert [r[0] for r in con.execute("SELECT counted FROM handover_count ORDER BY id")] == [
        EXPECTED - 50_000, EXPECTED]
    con.close()
    assert days.handovers.records(DAY)[0].handover.counts == 2


def test_handovers_and_their_counts_are_never_changed_or_deleted(days):
    flow = days.handovers.begin("kasir2")
    flow.enter_count(EXPECTED)
    flow.confirm("")
    con = sqlite3.connect(days.journal.path)
    for sql in ("UPDATE drawer_handover SET difference=0", "DELETE FROM drawer_handover",
                "UPDATE handover_count SET counted=1", "DELETE FROM handover_count"):
        with pytest.raises(sqlite3.DatabaseError):
            con.execute(sql)
    con.close()


def test_a_payment_settled_between_the_count_and_the_handover_asks_for_a_recount(days):
    """A payment in doubt's cash is in the drawer and in what it should hold (held in open
    rows): settled SUCCESS it stays there, now expected, and the handover stands; settled
    FAILED its cash goes back to the customer, and the count is made again."""
    paid = deposit(days.journal, 100_000, "kasir1", State.SENT)  # uncertain: held, outside the expected cash
    refused = deposit(days.journal, 40_000, "kasir1", State.SENT)
    flow = days.handovers.begin("kasir2")
    assert flow.enter_count(EXPECTED + 140_000) == 0
    days.journal.transition(paid, State.SUCCESS, actor="system", reason="cek status")
    days.journal.transition(refused, State.FAILED, actor="system", reason="cek status")
    with pytest.raises(DayChanged):
        flow.confirm("")
    assert flow.step.value == "count" and days.handovers.records(DAY) == []
    assert flow.enter_count(EXPECTED + 100_000) == 0  # the Rp 40.000 handed back
    flow.confirm("")
    assert [(h.expected, h.difference) for h in days.handovers.lines(DAY)] == [(EXPECTED + 100_000, 0)]


def test_the_laporan_z_lists_the_handovers_and_each_holders_difference(days, clock):
    before = days.x_report(DAY)
    flow = days.handovers.begin("kasir2")
    flow.enter_count(EXPECTED - 20_000)  # kasir1's span: Rp 20.000 short
    flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
    after = days.x_report(DAY)
    assert (after.totals, after.cash.expected) == (before.totals, before.cash.expected)  # moves no cash
    clock.advance(3600)  # 13:00
    deposit(days.journal, 100_000, "kasir2")
    flow = days.handovers.begin("kasir3")
    # the drawer should hold what the day says less kasir1's shortfall, already kasir1's
    assert flow.enter_count(EXPECTED + 100_000 - 20_000 - 5_000) == -5_000  # kasir2's span: Rp 5.000 short
    assert flow.carried == -20_000
    flow.confirm("kembalian salah", pin=SUPERVISOR_PIN)
    clock.advance(3600)  # 14:00
    z = close_day(days, "kasir3", EXPECTED + 100_000 - 25_000 + 2_000, "uang lebih sedikit", SUPERVISOR_PIN)

    assert z.cash.expected == EXPECTED + 100_000 and z.cash.variance == -23_000  # the day's figures, as ever
    assert z.totals.total == 350_000 and z.totals.count == 2
    assert [(h.from_operator, h.to_operator, h.counted, h.should_hold, h.difference, h.approved_by)
            for h in z.handovers] == [
        ("kasir1", "kasir2", 730_000, 750_000, -20_000, "Budi Santoso"),
        ("kasir2", "kasir3", 825_000, 830_000, -5_000, "Budi Santoso")]
    assert z.spans == (Span("kasir1", "08:00", "12:00", -20_000), Span("kasir2", "12:00", "13:00", -5_000),
                       Span("kasir3", "13:00", "14:00", 2_000))
    assert sum(span.difference for span in z.spans) == z.cash.variance

    printed = days.render(DAY, "thermal", actor="kasir3").text
    assert "SERAH TERIMA KAS" in printed and "kasir1 > kasir2" in printed
    assert "SELISIH PER PETUGAS" in printed
    pdf = subprocess.run(["pdftotext", "-layout", "-", "-"], input=days.render(DAY, "pdf", actor="kasir3"),
                         capture_output=True, check=True).stdout.decode()
    assert "Serah Terima Kas" in pdf and "Selisih per Petugas" in pdf
    assert "kasir2 (12:00-13:00)" in pdf
    rows = list(csv.DictReader(io.StringIO(days.render(DAY, "csv", actor="kasir3").decode("utf-8-sig"))))
    handed = [r for r in rows if r["section"] == "handover"]
    assert [(r["product"], r["product_name"], r["total"], r["amount"], r["note"], r["reference"]) for r in handed] == [
        ("kasir1", "kasir2", "730000", "750000", "difference=-20000", "Budi Santoso"),
        ("kasir2", "kasir3", "825000", "830000", "difference=-5000", "Budi Santoso")]
    spans = [(r["product_name"], r["total"]) for r in rows if r["section"] == "span"]
    assert spans == [("kasir1", "-20000"), ("kasir2", "-5000"), ("kasir3", "2000")]


def test_a_day_without_handover_reports_as_before(days):
    z = close_day(days, "kasir1", EXPECTED)
    assert z.handovers == () and z.spans == ()
    assert "SERAH TERIMA" not in days.render(DAY, "thermal", actor="kasir1").text


def test_the_slip_names_both_agents_and_has_room_to_sign(days):
    flow = days.handovers.begin("kasir2")
    flow.enter_count(EXPECTED - 20_000)
    record = flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
    slip = render_handover_slip(record, agent=days.agent, sandbox=True, columns=32).text
    lines = slip.splitlines()
    assert all(len(line) <= 32 for line in lines)
    assert "SERAH TERIMA KAS" in slip and "STK-20261121-00001" in slip
    assert any(line.startswith("Diserahkan oleh") and line.endswith("kasir1") for line in lines)
    assert any(line.startswith("Diterima oleh") and line.endswith("kasir2") for line in lines)
    assert any(line.startswith("Kas kurang") and line.endswith("Rp 20.000") for line in lines)
    assert sum("(............)" in line for line in lines) == 3  # both agents and the supervisor sign


def test_a_sealed_day_takes_no_handover(days):
    flow = days.handovers.begin("kasir2")
    close_day(days, "kasir1", EXPECTED)
    with pytest.raises(sqlite3.IntegrityError, match="business day is sealed"):
        flow.enter_count(EXPECTED)


def test_a_journal_of_an_earlier_loket_gets_the_handover_tables_and_keeps_its_days(tmp_path, clock):
    """Day-close schema 8, as the Loket before handovers left it: a Laporan Z of the day before
    (its snapshot without handovers) and today's shift with a deposit. The migration adds the
    tables; the old Z reads back unchanged under its hash; the day's holder is the opener."""
    path = tmp_path / "old.db"
    with Journal(path, clock=clock) as journal:
        with journal.transaction() as tx:
            for statement in dayclose_schema._split("".join(dayclose_schema.MIGRATIONS[:8])):
                tx.execute(statement)
            tx.execute("INSERT INTO meta(key, value) VALUES ('dayclose_schema_version', '8')")
            old = build_report(journal, "2026-11-20", generated_at="2026-11-20T21:00:00+07:00", operator="kasir1",
                               kind="Z", number=1)
            data = json.loads(old.snapshot())
            del data["handovers"], data["shift_opened_at"]  # what the earlier Loket stored
            snapshot = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            tx.execute("INSERT INTO day_close(business_date, report_no, closed_at, closed_by, expected_cash,"
                       " counted_cash, variance, rows, last_txn_hash, last_event_hash, snapshot, snapshot_hash,"
                       " last_event_id) VALUES ('2026-11-20', 1, '2026-11-20T21:00:00+07:00', 'kasir1', 0, 0, 0, 0,"
                       " '', '', ?, ?, 0)", (snapshot, snapshot_hash(snapshot)))
            journal.mark_sealed_through("2026-11-20")
            tx.execute("INSERT INTO shift(business_date, operator, opening_float, opened_at)"
                       " VALUES (?, 'kasir1', ?, '2026-11-21T08:00:00+07:00')", (DAY, FLOAT))
        deposit(journal, 250_000, "kasir1")
    con = sqlite3.connect(path)
    assert con.execute("SELECT name FROM sqlite_master WHERE name='drawer_handover'").fetchone() is None
    con.close()

    with Journal(path, clock=clock) as journal, DayCloseService(journal, clock=clock) as service:
        assert dayclose_schema.version(journal) == dayclose_schema.SCHEMA_VERSION == 10
        z, digest = service.z_report("2026-11-20")
        assert digest == snapshot_hash(snapshot) and z.handovers == () and z.spans == ()
        assert service.handovers.holder(DAY) == "kasir1" and service.handovers.pending_for("kasir2") == "kasir1"
        service.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        flow = service.handovers.begin("kasir2")
        assert flow.enter_count(EXPECTED) == 0
        flow.confirm("")
        assert service.handovers.holder(DAY) == "kasir2"
        z = close_day(service, "kasir2", EXPECTED)
        assert [(h.from_operator, h.to_operator) for h in z.handovers] == [("kasir1", "kasir2")]


def test_before_the_days_count_a_laporan_x_shows_no_handover_figures(days):
    """The handover says what the drawer should have held then: on a Laporan X before Tutup
    Hari's blind count it would give the expected cash away, so it goes with the cash section."""
    flow = days.handovers.begin("kasir2")
    flow.enter_count(EXPECTED - 20_000)
    flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
    printed = days.render(DAY, "thermal", actor="kasir2").text
    assert "SERAH TERIMA" not in printed and "750.000" not in printed
    rows = list(csv.DictReader(io.StringIO(days.render(DAY, "csv", actor="kasir2").decode("utf-8-sig"))))
    assert not [r for r in rows if r["section"] in ("handover", "span")]
    x = days.x_report(DAY)  # the service's own report (Tutup Hari's count compares with it) keeps them
    assert len(x.handovers) == 1 and x.spans[-1] == Span("kasir2", "12:00", "", None)


def handover_approvals(days: DayCloseService) -> list[tuple[str, str]]:
    return [(a.reason, a.subject) for a in days.supervisors.approvals(DAY) if a.action == HANDOVER_VARIANCE]


def test_a_handover_that_fails_to_be_recorded_leaves_no_approval_behind(days):
    """A difference's approval and the handover are one journal transaction. A failure between
    the two (here the disk refusing the handover's row) left 'Serah terima kas dengan selisih'
    approved on the day's Laporan Z for a handover that never happened, kasir1 still holding
    the drawer, and the retry was approved a second time: two approvals, one handover."""
    flow = days.handovers.begin("kasir2")
    flow.enter_count(EXPECTED - 20_000)
    fault = sqlite3.connect(days.journal.path)
    fault.execute("CREATE TRIGGER fault BEFORE INSERT ON drawer_handover BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    fault.commit()
    with pytest.raises(sqlite3.DatabaseError):
        flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
    assert handover_approvals(days) == []
    x = days.x_report(DAY)
    assert x.handovers == () and [a.action for a in x.approvals] == ["Supervisor pertama diatur"]
    assert days.handovers.holder(DAY) == "kasir1" and days.handovers.pending_for("kasir2") == "kasir1"
    # the PIN's attempt is on record all the same (the back-off counts it), and right
    assert days.supervisors.attempts()[-1][:3] == (HANDOVER_VARIANCE, flow.subject, 1)
    assert flow.step.value == "difference"  # the same count, to confirm again

    fault.execute("DROP TRIGGER fault")
    fault.commit()
    fault.close()
    record = flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
    [(reason, subject)] = handover_approvals(days)
    assert reason == "uang kurang di laci" and "hitungan #1" in subject
    assert [(h.to_operator, h.difference, h.approved_by) for h in days.handovers.lines(DAY)] == [
        ("kasir2", -20_000, "Budi Santoso")]
    assert record.handover.approved_by == "Budi Santoso" and days.handovers.holder(DAY) == "kasir2"
    z = close_day(days, "kasir2", EXPECTED - 20_000, "kurang dari serah terima", SUPERVISOR_PIN)
    assert [a.action for a in z.approvals] == [
        "Supervisor pertama diatur", "Serah terima kas dengan selisih", "Tutup hari dengan selisih kas"]
    assert [(h.difference, h.approved_by) for h in z.handovers] == [(-20_000, "Budi Santoso")]
    assert z.spans[0] == Span("kasir1", "08:00", "12:00", -20_000) and z.cash.variance == -20_000


def test_a_handover_refused_for_a_changed_day_after_the_pin_leaves_no_approval_behind(days):
    """The supervisor approved the difference of a count that a payment settled FAILED
    meanwhile made wrong: the handover is refused and counted again (the recount flow). The
    approval of that first count went with it: it was left on the Laporan Z beside the second
    count's, two approvals of one handover, one of figures never handed over."""
    refused = deposit(days.journal, 40_000, "kasir1", State.SENT)
    flow = days.handovers.begin("kasir2")
    assert flow.enter_count(EXPECTED + 40_000 - 20_000) == -20_000
    days.journal.transition(refused, State.FAILED, actor="system", reason="cek status")  # Rp 40.000 handed back
    with pytest.raises(DayChanged):
        flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
    assert flow.step.value == "count" and handover_approvals(days) == []
    assert days.supervisors.attempts()[-1][2] == 1  # the PIN was right, and that stays on record
    assert flow.enter_count(EXPECTED - 20_000) == -20_000
    flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
    [(_reason, subject)] = handover_approvals(days)
    assert "hitungan #2" in subject and "dihitung Rp 730.000" in subject
    [record] = days.handovers.records(DAY)
    assert record.handover.counts == 2 and record.handover.approved_by == "Budi Santoso"
