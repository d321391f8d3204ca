"""Tutup Hari's variance counts the drawer against what it should hold, cash in doubt included.

The cash a customer paid for a bill still in doubt (NEW, SENT, SUSPECT) is in the drawer until the
row settles. Tutup Hari compared the count with the day's own cash alone: a real Laporan Z read
"Kas pas" with the customer's Rp 100.500 missing from the drawer, and "Kas lebih" (a note and a
supervisor's PIN for nothing) with the drawer right. Serah Terima Kas already counted it; now Tutup
Hari, its counts and every rendering of the Laporan Z do too. A Laporan Z sealed before reads as
it was sealed.

A PLN bill through ``BillPayService`` against the BNI Keagenan sandbox on a real loopback socket,
its answer lost (SUSPECT); the day closed through ``DayCloseService``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest

from services.dayclose import DayCloseService, Step
from services.errors import MaybeSent
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayService
from services.journal import Journal, State
from services.reports import Late, Report, render_csv, render_summary
from services.reports.pdf import render_pdf
from services.sandbox.base import Fault
from services.sandbox.server import SandboxServer
from services.transactions import TransactionRunner
from tests.integration.test_keagenan_products import make_client

SUPERVISOR_PIN = "482916"
KEAGENAN_PIN = "359569"
FLOAT = 500_000


@pytest.fixture
def bank(clock) -> KeagenanSandbox:
    return KeagenanSandbox(clock=clock)


@pytest.fixture
def bills(http, clock, journal: Journal, bank: KeagenanSandbox):
    with SandboxServer(bank) as server:
        yield BillPayService(make_client(http, server, bank, clock), journal,
                             TransactionRunner(journal, lambda: "kasir1"))


@pytest.fixture
def days(journal: Journal, clock):
    with DayCloseService(journal, clock=clock, sandbox=True) as service:
        service.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        yield service


def suspect_pln_bill(bills: BillPayService, bank: KeagenanSandbox, days: DayCloseService, clock) -> int:
    """Buka Shift with Rp 500.000; a PLN bill whose answer is lost: the customer's cash is in the
    drawer, the row SUSPECT. Returns the cash the customer paid."""
    days.shifts.open(FLOAT, "kasir1")
    clock.advance(600)
    inquiry = bills.inquire("pln_postpaid", {"customerId": "53111"}, KEAGENAN_PIN)
    bank.faults.queue(Fault.LOST_AFTER_PROCESSING, "/keagenan/transaction")
    with pytest.raises(MaybeSent) as lost:
        bills.pay(inquiry, KEAGENAN_PIN)
    assert lost.value.row is not None and lost.value.row.state is State.SUSPECT
    clock.advance(3600)
    held = days.x_report().cash.held_in_open
    assert held == lost.value.row.total > 0
    return held


def closed_even(bills, bank, days, clock) -> tuple[int, Report]:
    """The suspect bill's day closed with its cash in the drawer; (that cash, the Laporan Z)."""
    held = suspect_pln_bill(bills, bank, days, clock)
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(FLOAT + held)
    flow.confirm("")
    flow.approve(SUPERVISOR_PIN, "status PLN belum pasti")
    return held, flow.report


def cash_figures(report: Report) -> dict[str, str]:
    """The CSV's ``cash`` rows, by name."""
    rows = csv.DictReader(io.StringIO(render_csv(report).decode("utf-8-sig")))
    return {row["note"]: row["total"] for row in rows if row["section"] == "cash"}


def actions(days: DayCloseService, day: str) -> list[str]:
    """The day's approvals, besides the first supervisor's own setting up."""
    return sorted(a.action for a in days.supervisors.approvals(day) if a.action != "first_supervisor")


def test_a_suspect_bills_cash_missing_from_the_drawer_is_a_shortfall(bills, bank, days, clock):
    """The drawer counted at the float alone: the customer's PLN cash is missing. Tutup Hari says
    "Kas kurang" by the bill's cash and a supervisor approves that difference; before, it said
    "Kas pas" and nobody was asked."""
    held = suspect_pln_bill(bills, bank, days, clock)
    flow = days.begin_close("kasir1")
    flow.start_count()
    assert flow.enter_count(FLOAT) == -held
    assert flow.expected_cash == FLOAT + held and flow.needs_variance_approval
    assert flow.confirm("uang pelanggan PLN hilang") is Step.APPROVAL and flow.approves_variance
    assert flow.approve(SUPERVISOR_PIN, "status PLN belum pasti") is Step.SEALED
    z = flow.report
    assert (z.cash.expected, z.cash.held_in_open, z.cash.should_hold) == (FLOAT, held, FLOAT + held)
    assert (z.cash.counted, z.cash.variance, z.cash.variance_approved_by) == (FLOAT, -held, "Budi Santoso")
    assert actions(days, z.business_date) == ["cash_variance", "close_with_open_items"]
    printed = render_summary(z, columns=48).text
    assert "Kas kurang" in printed and "Kas pas" not in printed
    assert days.z_report(z.business_date)[0] == z


def test_the_same_day_with_the_cash_in_the_drawer_closes_even(bills, bank, days, clock):
    """The drawer holds the float and the customer's PLN cash: "Kas pas", no note and no
    supervisor for a difference; only closing with the open bill asks for one."""
    held = suspect_pln_bill(bills, bank, days, clock)
    flow = days.begin_close("kasir1")
    flow.start_count()
    assert flow.enter_count(FLOAT + held) == 0
    assert not flow.needs_variance_approval and flow.needs_approval
    assert flow.confirm("") is Step.APPROVAL and not flow.approves_variance
    assert flow.approve(SUPERVISOR_PIN, "status PLN belum pasti") is Step.SEALED
    z = flow.report
    assert (z.cash.variance, z.cash.variance_approved_by, z.cash.should_hold) == (0, "", FLOAT + held)
    assert actions(days, z.business_date) == ["close_with_open_items"]
    printed = render_summary(z, columns=48).text
    assert "Kas pas" in printed and "Kas lebih" not in printed
    figures = cash_figures(z)
    assert (figures["expected"], figures["held_in_open"], figures["should_hold"], figures["variance"]) == (
        str(FLOAT), str(held), str(FLOAT + held), "0")
    pdf = render_pdf(z)
    assert pdf.startswith(b"%PDF")
    (variance,) = days.journal.execute("SELECT variance FROM day_close WHERE business_date=?",
                                       (z.business_date,)).fetchone()
    assert variance == 0  # what the office receives


def test_a_recount_compares_with_the_same_figure(bills, bank, days, clock):
    """"Hitung ulang": the first count (the float alone) is listed short by the bill's cash, the
    second even."""
    held = suspect_pln_bill(bills, bank, days, clock)
    flow = days.begin_close("kasir1")
    flow.start_count()
    assert flow.enter_count(FLOAT) == -held
    flow.recount()
    clock.advance(60)
    assert flow.enter_count(FLOAT + held) == 0
    flow.confirm("")
    z = flow.report if flow.step is Step.SEALED else (flow.approve(SUPERVISOR_PIN, "status PLN belum pasti"),
                                                      flow.report)[1]
    [earlier] = z.cash.earlier_counts
    assert (earlier.counted, earlier.expected, earlier.variance) == (FLOAT, FLOAT + held, -held)
    assert z.cash.variance == 0


def test_a_bill_settled_between_count_and_seal_needs_no_recount(bills, bank, days, clock, journal):
    """SUCCESS moves the bill's cash from "in doubt" into the day's own cash: what the drawer
    should hold is the same, so the count still stands."""
    from services.resolution import SuspectResolver

    held = suspect_pln_bill(bills, bank, days, clock)
    flow = days.begin_close("kasir1")
    flow.start_count()
    assert flow.enter_count(FLOAT + held) == 0
    [row] = days.x_report().open
    SuspectResolver(journal).resolve_manually(row.reference, success=True, actor="kasir1",
                                              reason="laporan host: lunas", host_ref="JRN-123")
    assert journal.get(row.reference).state is State.SUCCESS
    assert flow.confirm("") is Step.APPROVAL  # asked while the bill was still open
    assert flow.approve(SUPERVISOR_PIN, "sudah cek status") is Step.SEALED
    z = flow.report
    assert (z.cash.expected, z.cash.held_in_open, z.cash.variance) == (FLOAT + held, 0, 0)


def old_seal(z: Report) -> str:
    """The Laporan Z's text as a Loket before this rule sealed it: no ``should_hold``, the variance
    against the day's own cash, each earlier count against it too."""
    data = json.loads(z.snapshot())
    cash = data["cash"]
    del cash["should_hold"]
    cash["variance"] = cash["counted"] - cash["expected"]
    for count in cash["earlier_counts"]:
        count["expected"] = cash["expected"]
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_a_laporan_z_sealed_before_reads_as_it_was_sealed(bills, bank, days, clock):
    """A Laporan Z sealed under the old rule (the drawer right, "Kas lebih" by the bill's cash)
    keeps its figures on screen, paper, PDF and CSV: its stored variance, its expected cash as
    "Seharusnya", the held cash beside it, not in it."""
    held, z = closed_even(bills, bank, days, clock)
    old = Report.from_snapshot(old_seal(z))
    assert old.cash.should_hold is None and old.cash.variance == held
    printed = render_summary(old, columns=48).text
    assert "Kas lebih" in printed and "Belum pasti, di laci" in printed
    seharusnya = next(line for line in printed.splitlines() if line.startswith("Seharusnya"))
    assert seharusnya.endswith("Rp 500.000")
    figures = cash_figures(old)
    assert "should_hold" not in figures and figures["variance"] == str(held)


def paper_lines(escpos: bytes) -> list[str]:
    """The lines as the thermal printer prints them: the text between the ESC/POS commands."""
    text = re.sub(rb"\x1b[@]|\x1b[!Ea-z]\S?|\x1d[!VL]\S?|\x1d\(\S*", b"", escpos)
    return [line.decode("cp437", errors="replace") for line in text.split(b"\n")]


def labelled(lines: list[str], at: int, label: str, amount: str, columns: int) -> int:
    """``label`` from line ``at`` on, wrapped or not, its ``amount`` flush right on the label's
    own last line (not on a line of its own, where it read as one more figure of the drawer);
    the index of the line after it."""
    words = []
    for end in range(at, len(lines)):
        line = lines[end]
        assert len(line) <= columns, f"{line!r} is wider than the paper"
        if line.endswith(amount) and line[:-len(amount)].strip():
            words += line[:-len(amount)].split()
            assert line[:-len(amount)].endswith(" ")
            assert " ".join(words) == label.strip(), f"{lines[at:end + 1]}"
            return end + 1
        assert line.strip() != amount, f"{amount} alone on its line under {label!r}"
        words += line.split()
    raise AssertionError(f"{label!r} with {amount} not found from line {at}")


@pytest.mark.parametrize("columns", [32, 48])
def test_the_cash_in_doubt_on_paper_is_indented_under_seharusnya(bills, bank, days, clock, columns):
    """On the printed Laporan Z "termasuk belum pasti" and the bill's reference read as part of
    "Seharusnya" above them: indented, as on the screen and the PDF (the printer dropped the
    indent, so they read as separate figures of the drawer). On 58 mm paper the amount stays on
    the label's line, the label wrapped (it stood alone under the label, above the reference's
    same amount: three figures in a row)."""
    held, z = closed_even(bills, bank, days, clock)
    printout = render_summary(z, columns=columns)
    (reference,) = [row.reference for row in days.journal.rows() if row.state is State.SUSPECT]
    for lines in (printout.text.splitlines(), paper_lines(printout.escpos)):
        at = next(i for i, line in enumerate(lines) if line.startswith("Seharusnya"))
        amount = f"Rp {held:,}".replace(",", ".")
        assert lines[at + 1].startswith(" termasuk belum")
        at = labelled(lines, at + 1, "termasuk belum pasti", amount, columns)
        assert lines[at].startswith(f"  {reference}") and lines[at].endswith(amount)
        assert lines[at + 1].startswith("Dihitung")


@pytest.mark.parametrize("columns", [32, 42, 48])
def test_each_late_and_in_doubt_line_keeps_its_amount_at_the_widest_figures(bills, bank, days, clock, columns):
    """Figures of tens of millions, an earlier day's cash in doubt and a late refund: each
    label's amount on the label's line, every line within the paper, on 58 and 80 mm paper
    (the earlier day's "termasuk belum pasti hari sebelumnya" broke mid-phrase on both, its
    amount alone below)."""
    held, z = closed_even(bills, bank, days, clock)
    late = Late(reference="2611201415000007", original_date="2026-11-20", settled_at="2026-11-21T09:00:00+07:00",
                host="keagenan", product="pln_postpaid", name="PLN", customer_ref="53111", customer_name="SITI",
                total=12_345_678, state="FAILED", paid_out=12_345_678)
    z = replace(z, late=(late,), cash=replace(z.cash, held_in_open=23_456_789, held_carried=34_567_890))
    old = Report.from_snapshot(old_seal(z))
    for report, labels in ((z, [(" 2611201415000007 (20/11/2026)", "-Rp 12.345.678"),
                                (" termasuk belum pasti", "Rp 23.456.789"),
                                (" termasuk belum pasti hari sebelumnya", "Rp 34.567.890")]),
                           (old, [("Belum pasti, di laci", "Rp 23.456.789"),
                                  ("Belum pasti hari sebelumnya", "Rp 34.567.890")])):
        printout = render_summary(report, columns=columns)
        for lines in (printout.text.splitlines(), paper_lines(printout.escpos)):
            assert all(len(line) <= columns for line in lines)
            at = 0
            for label, amount in labels:  # in the order they are printed
                start = label[:len(label) - len(label.lstrip())] + label.split()[0] + " "
                at = labelled(lines, next(i for i in range(at, len(lines)) if f"{lines[i]} ".startswith(start)),
                              label, amount, columns)
