"""Tutup Hari's service: the day close's journal reads, the seal, reopening, and the reports
of open and closed days. ``DayCloseService`` is what the screens and the CLI call;
``begin_close`` returns a ``DayCloseFlow`` (``services.dayclose.flow``), the state machine
the Tutup Hari screen renders; what refuses a step is in ``services.dayclose.errors``.

* Sealing runs in one journal transaction: the Laporan Z is built from the journal inside
  it, numbered, stored with its SHA-256 and the day's last journal hash, and the journal's
  ``sealed_through`` mark moves to the day; from then on the ``dayclose_txn_sealed_day``
  trigger refuses new rows for that business date, and the journal's business-day rule
  names the next day, so new transactions belong to it.
* A second close of a sealed day is refused (``DayAlreadyClosed``); reopening needs a
  supervisor PIN and is only allowed for the most recently sealed day (so the business day
  goes back to it); the old Laporan Z stays on record and the re-close gets a new number.
* A day cannot be closed while an earlier business day with transactions is still open:
  days are closed in order.

The count is against what the drawer should hold (``Cash.should_hold``): the day's own cash
and the cash taken for its rows still in doubt, which is in the drawer until they settle, as a
handover counts it (``_drawer_should_hold``). The next day's float is the whole drawer as
counted, that cash in it: a row settling later moves only what differs from what this count
found for it (``late_settlements``), so a missing customer's cash is charged once, here.
Measured against the day's own cash alone, a drawer missing a suspect bill's cash read "Kas
pas", and a right one "Kas lebih" with a supervisor's PIN for nothing at every close with a
row in doubt.

Decision: if what the drawer should hold changed between the count and the seal (a suspect
row failed meanwhile: its cash goes back to the customer), the seal is refused with
``DayChanged`` and the flow goes back to COUNT: the variance on the Laporan Z is always
against the figure it prints. A row that succeeded meanwhile changes nothing the count is
against (its cash moves from "in doubt" into the day's own cash) and needs no recount.
A variance seals only with a supervisor's ``cash_variance`` approval read back from the
journal in the seal's transaction and naming the very count sealed (``NeedsVarianceApproval``
otherwise), or, given with one PIN together with the approval to close with open rows, naming
it and them (``services.dayclose.flow.joint_subject``); its supervisor is sealed beside the
variance (``Cash.variance_approved_by``) and its id in ``day_close.variance_approval_id``.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from services.bank_time import BankTime
from services.clock import Clock, iso
from services.dayclose import schema
from services.dayclose.blind import keep_blind
from services.dayclose.errors import (
    DayAlreadyClosed,
    DayChanged,
    DayCloseError,
    DayNotClosed,
    EarlierDayOpen,
    NeedsApproval,
    NeedsReprintApproval,
    NeedsVarianceApproval,
    ReportTampered,
    day_text,
)
from services.dayclose.flow import DayCloseFlow, covers_variance, variance_needs_approval, variance_subject
from services.dayclose.handover import Handovers
from services.dayclose.shift import Shifts
from services.dayclose.supervisor import (
    ACTION_LABELS,
    CASH_VARIANCE,
    REOPEN_DAY,
    REPRINT_AFTER_CLOSE,
    Approval,
    Supervisors,
)
from services.errors import LoketError
from services.files import write_atomically
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal
from services.journal.chain import GENESIS
from services.reports import (
    Agent,
    ApprovalLine,
    Cash,
    CashInputs,
    Count,
    Printout,
    Report,
    Seal,
    build_report,
    render_csv,
    render_summary,
    snapshot_hash,
)
from services.reports.aggregate import held_carried, late_settlements

FORMATS = ("pdf", "csv", "thermal")

log = logging.getLogger(__name__)


class DayCloseService:
    """Shifts, cash movements, supervisor approvals, the day close and its reports.

    Its tables live in the journal's file and it reads and writes them only through the
    journal (``Journal.execute``, ``Journal.transaction``): one connection, one writer.
    Sealing is one journal transaction, which holds the journal's lock and SQLite's write
    lock for the whole close, so no row can slip into the day between its last hash and
    its seal. The business day is the journal's (``Journal.business_day``, the rule the
    journal was built with); the seal moves the journal's ``sealed_through`` mark in the
    same commit, so any process that opens the file afterwards stamps new rows with the
    next day.

    Its methods block on the disk; the UI calls them through its worker, like every other
    service call (the journal's lock serialises them with the payments' writes).
    """

    def __init__(
        self,
        journal: Journal,
        *,
        clock: Clock | None = None,
        agent: Agent = Agent(),
        sandbox: bool = True,
        bank_balance: Callable[[], int] | None = None,
        bank_name: str = "Bank+",
        bank_time: BankTime | None = None,
    ) -> None:
        """``bank_time``: the hosts' clock beside the PC's; while they disagree on the day Buka
        Shift and Tutup Hari are refused (``check_clock``)."""
        self.journal = journal
        self.clock = clock or journal.clock
        self.agent = agent
        self.sandbox = sandbox
        self._bank_balance = bank_balance
        self._bank_name = bank_name
        self.bank_time = bank_time
        schema.migrate(journal)
        self.supervisors = Supervisors(journal, self._write, self.clock, self.business_day)
        self.shifts = Shifts(journal, self._write, self.clock, self.business_day, self.supervisors,
                             check_clock=self.check_clock)
        self.handovers = Handovers(journal, self._write, self.clock, self.shifts, self.supervisors,
                                   expected=self._drawer_should_hold)

    def __enter__(self) -> "DayCloseService":
        """A scope for scripts and tests; leaving it closes nothing: the journal owns the file."""
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    # -- writing -----------------------------------------------------------------------
    def _write(self, work: Callable[[], Any]) -> Any:
        with self.journal.transaction():
            return work()

    # -- business days -----------------------------------------------------------------
    def business_day_of(self, moment: datetime) -> str:
        """The journal's business day for ``moment`` (the day after the last sealed one at the earliest)."""
        return self.journal.business_day(moment)

    def business_day(self) -> str:
        return self.business_day_of(self.clock.now())

    def check_clock(self) -> None:
        """Refuse (``ClockWrong``) to open a shift or close a day while the PC's clock puts it
        on another business day than the bank's, or is far from it (services/bank_time.py): a
        shift or a seal on the wrong day is what breaks the reports. Silent before any host answered."""
        if self.bank_time is not None:
            self.bank_time.check_day(self.business_day_of)

    def _close_row(self, where: str, params: tuple) -> dict[str, Any] | None:
        cursor = self.journal.execute(f"SELECT * FROM day_close c WHERE {where} ORDER BY id DESC LIMIT 1", params)
        row = cursor.fetchone()
        return dict(zip((d[0] for d in cursor.description), row)) if row else None

    def _sealed_close(self, business_date: str) -> dict[str, Any] | None:
        return self._close_row(
            "c.business_date=? AND NOT EXISTS (SELECT 1 FROM day_reopen r WHERE r.close_id = c.id)",
            (business_date,))

    def is_sealed(self, business_date: str) -> bool:
        return self._sealed_close(business_date) is not None

    def closed_days(self) -> list[tuple[str, int, bool]]:
        """Every Laporan Z ever made: (business date, number, still in force), newest first."""
        return [(d, n, not reopened) for d, n, reopened in self.journal.execute(
            "SELECT c.business_date, c.report_no, EXISTS (SELECT 1 FROM day_reopen r WHERE r.close_id=c.id)"
            " FROM day_close c ORDER BY c.report_no DESC")]

    def earlier_open_day(self, business_date: str | None = None) -> str | None:
        """A day before ``business_date`` (today's) that has money and no Laporan Z: Tutup
        Hari closes it first; Buka Shift says so before a new float goes into the drawer."""
        return self._earlier_open_day(business_date or self.business_day())

    def _earlier_open_day(self, business_date: str) -> str | None:
        """The first earlier business day that has money and no Laporan Z: one with journal
        rows, or with a shift (its opening float counted and its pay-ins and pay-outs, on a
        day nothing was sold, were in no Laporan Z), or one without rows of its own on which
        a row of a sealed day settled (a status check on a day nothing was sold): that late
        settlement is counted on that day only (``late_settlements``), so unless the day is
        closed it is in no Laporan Z. A day reopened and not sealed again is one too, rows
        or none: reopened after the calendar moved on, an empty day was found by nothing
        else, and after a restart Tutup Hari offered the next day and left it without a
        Laporan Z in force."""
        sealed = {d for d, _, live in self.closed_days() if live}
        for (day,) in self.journal.execute(
                "SELECT business_date FROM txn WHERE business_date < :day"
                " UNION SELECT business_date FROM shift WHERE business_date < :day"
                " UNION SELECT business_date FROM day_close WHERE business_date < :day ORDER BY 1",
                {"day": business_date}):
            if day not in sealed:
                return day
        last = max((d for d in sealed if d < business_date), default=None)
        if last is not None:
            day = date.fromisoformat(last) + timedelta(days=1)
            while day.isoformat() < business_date:
                if late_settlements(self.journal, day.isoformat()):
                    return day.isoformat()
                day += timedelta(days=1)
        return None

    # -- reports -----------------------------------------------------------------------
    def _cash_inputs(self, business_date: str, counted: int | None = None, note: str = "") -> CashInputs:
        """The drawer's inputs; with ``counted`` (the seal), the day's last recorded count is
        that one (``DayCloseFlow.enter_count`` records it) and the ones before it are listed
        as earlier counts; without it (a Laporan X) every count so far is."""
        shift = self.shifts.shift_for(business_date)
        counts = [Count(*row) for row in self.journal.execute(
            "SELECT at, operator, counted, expected FROM cash_count WHERE business_date=? ORDER BY id",
            (business_date,))]
        earlier = counts[:-1] if counted is not None else counts
        return CashInputs(shift.opening_float if shift else 0, self.shifts.movements(business_date), counted, note,
                          len(counts), tuple(earlier))

    def _approval_lines(self, business_date: str) -> tuple[ApprovalLine, ...]:
        return tuple(ApprovalLine(a.approver, ACTION_LABELS.get(a.action, a.action), a.reason, a.at, a.subject)
                     for a in self.supervisors.approvals(business_date))

    def _live(self, business_date: str, operator: str, **kw: Any) -> Report:
        shift = self.shifts.shift_for(business_date)
        return build_report(
            self.journal, business_date, generated_at=iso(self.clock.now()), operator=operator, agent=self.agent,
            sandbox=self.sandbox, approvals=self._approval_lines(business_date),
            shift_opened_by=shift.operator if shift else "", shift_opened_at=shift.opened_at if shift else "",
            handovers=self.handovers.lines(business_date), **kw)

    def _drawer_should_hold(self, business_date: str) -> int:
        """What the drawer should hold now, a handover's figure: the expected cash as Tutup Hari
        computes it, plus the cash taken for this day's rows still in doubt
        (``Cash.held_in_open``): ``Cash.should_hold``, Tutup Hari's figure too.

        Decision (reconciliation): the cash of a transfer in doubt is in the drawer, and it is
        the customer's or the bank's, nobody's surplus. Measured against the expected cash
        alone, a handover made while a row was SUSPECT booked that cash as the outgoing
        agent's overage, and once the row settled (SUCCESS: now expected; FAILED: given back)
        the incoming agent's span showed the same sum short: a shortfall nobody made, with
        the day's total even. Counted against expected plus held, each agent answers for
        their own span; what is still in doubt at Tutup Hari is in what the drawer should
        hold then too. An earlier day's row still in doubt is in this day's opening float (the
        whole drawer as counted, ``late_settlements``), nothing beside it."""
        report = self._live(business_date, "", cash_inputs=self._cash_inputs(business_date))
        assert report.cash is not None and report.cash.should_hold is not None
        return report.cash.should_hold

    def held_carried(self, business_date: str) -> int:
        """The cash of earlier days' rows still in doubt, counted at their Laporan Z in the drawer
        and so in ``business_date``'s opening float: Buka Shift says so before the float is
        counted. Reads the journal: the UI calls it in its worker."""
        return held_carried(self.journal, business_date)

    def bank_balance(self) -> tuple[int | None, str]:
        """The agent's bank balance now, or None with the reason (offline, no session)."""
        if self._bank_balance is None:
            return None, "tidak ditanyakan"
        try:
            return self._bank_balance(), f"{self._bank_name}, {self.clock.now().strftime('%H:%M')} WIB"
        except LoketError as exc:
            return None, f"tidak tersedia: {exc.message}"

    def x_report(self, business_date: str | None = None, *, operator: str = "", with_balance: bool = False) -> Report:
        """Laporan X: the day so far. Closes nothing, numbers nothing, stores nothing."""
        day = business_date or self.business_day()
        balance, note = self.bank_balance() if with_balance else (None, "")
        return self._live(day, operator, cash_inputs=self._cash_inputs(day), bank_balance=balance,
                          bank_balance_note=note)

    def z_report(self, business_date: str) -> tuple[Report, str]:
        """The stored Laporan Z of a sealed day and its hash, checked against the stored hash."""
        row = self._sealed_close(business_date)
        if row is None:
            raise DayNotClosed(business_date)
        return self._stored(row)

    def z_report_by_number(self, number: int) -> tuple[Report, str]:
        """Any Laporan Z ever made, also one superseded by a reopening."""
        row = self._close_row("c.report_no=?", (number,))
        if row is None:
            raise KeyError(number)
        return self._stored(row)

    @staticmethod
    def _stored(row: dict[str, Any]) -> tuple[Report, str]:
        if snapshot_hash(row["snapshot"]) != row["snapshot_hash"]:
            raise ReportTampered()
        return Report.from_snapshot(row["snapshot"]), row["snapshot_hash"]

    def report(self, business_date: str, *, operator: str = "") -> tuple[Report, str]:
        """The Laporan Z of a sealed day, else a Laporan X of it (hash "" for an X)."""
        if self.is_sealed(business_date):
            return self.z_report(business_date)
        return self.x_report(business_date, operator=operator), ""

    # -- export and print ----------------------------------------------------------------
    def render(self, business_date: str, fmt: str, *, actor: str, pin: str | None = None, reason: str = "",
               columns: int = 32) -> bytes | Printout:
        """A day's report as PDF bytes, CSV bytes or a thermal ``Printout``.

        For a sealed day the first PDF, first CSV and first thermal print of its Laporan Z
        are free (the close itself, the scheduled export); every later one is a reprint
        that needs a supervisor PIN and reason, and says "CETAK ULANG ke-n". Each is
        recorded. A Laporan X is rendered freely and recorded nowhere, without the expected
        cash before the day's count unless ``pin`` approves it (``blind.keep_blind``).
        """
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}")
        close = self._sealed_close(business_date)
        if close is None:
            report, digest, copy = self.x_report(business_date, operator=actor), "", 0
            report = keep_blind(report, self.supervisors, fmt, pin=pin, reason=reason)
        else:
            report, digest = self._stored(close)
            copy = self._record_export(close, fmt, actor, pin, reason)
        if fmt == "pdf":
            from services.reports.pdf import render_pdf  # reportlab's platypus: only for a PDF

            return render_pdf(report, snapshot_hash=digest, copy=copy)
        if fmt == "csv":
            return render_csv(report, snapshot_hash=digest)
        return render_summary(report, columns, copy=copy)

    def export(self, business_date: str, fmt: str, out_dir: Path | str, *, actor: str, pin: str | None = None,
               reason: str = "") -> Path:
        """Write the PDF or CSV of a day into ``out_dir``; returns the file's path. A sandbox
        report's name ends in ``-SANDBOX``: both journals number their Laporan Z from 1."""
        if fmt not in ("pdf", "csv"):
            raise ValueError("export format is pdf or csv")
        data = self.render(business_date, fmt, actor=actor, pin=pin, reason=reason)
        assert isinstance(data, bytes)
        close = self._sealed_close(business_date)
        day = f"{business_date}-SANDBOX" if self.sandbox else business_date
        if close is None:
            name = f"laporan-X-{day}-{self.clock.now().strftime('%H%M%S')}.{fmt}"
        else:
            (made,) = self.journal.execute("SELECT COUNT(*) FROM report_export WHERE close_id=? AND format=?",
                                         (close["id"], fmt)).fetchone()
            copy = f"-cetak-ulang-{made - 1}" if made > 1 else ""
            name = f"laporan-Z{close['report_no']:04d}-{day}{copy}.{fmt}"
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        write_atomically(out / name, data, mode=0o644)  # whole or not at all, as a receipt's PDF
        return out / name

    def _record_export(self, close: dict[str, Any], fmt: str, actor: str, pin: str | None, reason: str) -> int:
        """Record one export of a Laporan Z; returns its reprint number (0 for the first)."""
        (done,) = self.journal.execute("SELECT COUNT(*) FROM report_export WHERE close_id=? AND format=?",
                                     (close["id"], fmt)).fetchone()

        def record(approval: Approval | None) -> None:
            self.journal.execute(
                "INSERT INTO report_export(close_id, format, actor, at, approval_id) VALUES (?, ?, ?, ?, ?)",
                (close["id"], fmt, actor, iso(self.clock.now()), approval.id if approval else None))

        if not done:
            self._write(lambda: record(None))
            return done
        if pin is None:
            raise NeedsReprintApproval()
        # in the approval's transaction: a failure between them left an approval for a copy never made
        self.supervisors.approve(pin, reason, REPRINT_AFTER_CLOSE, subject=f"Z-{close['report_no']:04d} {fmt}",
                                 business_date=close["business_date"], then=record)
        return done

    # -- close and reopen ------------------------------------------------------------------
    def begin_close(self, operator: str, business_date: str | None = None) -> "DayCloseFlow":
        """Start Tutup Hari for ``business_date`` (default: the current business day)."""
        self.check_clock()
        day = business_date or self.business_day()
        if day > self.business_day():
            raise DayCloseError(templated(QT_TRANSLATE_NOOP("errors", "Hari {day} belum dimulai."), day=day))
        sealed = self._sealed_close(day)
        if sealed is not None:
            raise DayAlreadyClosed(day, sealed["report_no"])
        earlier = self._earlier_open_day(day)
        if earlier:
            raise EarlierDayOpen(earlier)
        balance, note = self.bank_balance()
        return DayCloseFlow(self, day, operator, balance, note)

    def _record_count(self, business_date: str, counted: int, expected: int, operator: str) -> int:
        """Record a count of the drawer; returns which count of the day it is (1 for the first)."""
        at = iso(self.clock.now())

        def work() -> int:
            self.journal.execute(
                "INSERT INTO cash_count(business_date, counted, expected, operator, at) VALUES (?, ?, ?, ?, ?)",
                (business_date, counted, expected, operator, at))
            (number,) = self.journal.execute("SELECT COUNT(*) FROM cash_count WHERE business_date=?",
                                             (business_date,)).fetchone()
            return int(number)

        return int(self._write(work))

    def _variance_approver(self, flow: "DayCloseFlow", cash: Cash) -> tuple[int | None, str]:
        """(approval id, supervisor) of the approval that covers sealing ``cash``'s variance, read
        back from the journal inside the seal's transaction; (None, "") for an even count.
        Raises ``NeedsVarianceApproval`` unless a ``cash_variance`` approval of this day names
        this very count and its figures (``variance_subject``) and the note sealed as its reason."""
        if cash.counted is None or not variance_needs_approval(cash.counted - cash.against):
            return None, ""
        offered = flow.variance_approval
        row = (self.journal.execute("SELECT action, business_date, subject, reason, approver FROM approval"
                                    " WHERE id=?", (offered.id,)).fetchone() if offered is not None else None)
        wanted = variance_subject(flow.business_date, cash.counts, cash.against, cash.counted)
        # A joint approval (one PIN for the difference and the open rows, ``joint_subject``)
        # covers this count only sealed with the open rows' approval given by that same PIN.
        joint = flow.approval is not None and row is not None and row[2] == flow.approval.subject \
            and covers_variance(row[2], wanted)
        if row is None or (row[0], row[1], row[3]) != (CASH_VARIANCE, flow.business_date, flow.note) \
                or not (row[2] == wanted or joint):
            raise NeedsVarianceApproval()
        assert offered is not None
        return offered.id, row[4]

    def _seal(self, flow: "DayCloseFlow", approval: Approval | None = None,
              approving: Callable[[Callable[[Approval | None], None]], object] | None = None) -> tuple[Report, str]:
        """Seal the flow's day: its Laporan Z, with ``approval`` of the open rows (if any).

        ``approving``: the supervisor's approval this seal waits for, not yet written. Called
        with the seal, it checks the PIN and writes the approval (``Supervisors.approve``
        ``then=``), sets it on the flow and calls the seal with the open rows' approval (or
        None) inside the approval's own journal transaction: both are recorded or neither. A
        failure between two transactions left an approval of the day's difference for a day
        never sealed, and the supervisor, asked again, approved it a second time on the Z."""
        self.check_clock()  # the clock may have gone wrong since the flow began: the seal is for good
        day = flow.business_date

        def work(approval: Approval | None) -> tuple[Report, str]:
            sealed = self._sealed_close(day)
            if sealed is not None:
                raise DayAlreadyClosed(day, sealed["report_no"])
            (open_rows,) = self.journal.execute(
                "SELECT COUNT(*) FROM txn WHERE business_date=? AND state IN ('NEW','SENT','SUSPECT')",
                (day,)).fetchone()
            if open_rows and approval is None:
                raise NeedsApproval()
            (number,) = self.journal.execute("SELECT COALESCE(MAX(report_no), 0) + 1 FROM day_close").fetchone()
            (rows,) = self.journal.execute("SELECT COUNT(*) FROM txn WHERE business_date=?", (day,)).fetchone()
            last_txn = self.journal.execute("SELECT hash FROM txn WHERE business_date=? ORDER BY id DESC LIMIT 1",
                                          (day,)).fetchone()
            head_id, head_hash = self._event_head()
            closed_at = iso(self.clock.now())
            seal = Seal(closed_at, flow.operator, rows, last_txn[0] if last_txn else GENESIS, head_hash)
            report = self._live(day, flow.operator, kind="Z", number=number,
                                cash_inputs=self._cash_inputs(day, flow.counted, flow.note),
                                bank_balance=flow.bank_balance, bank_balance_note=flow.bank_balance_note, seal=seal)
            assert report.cash is not None
            if report.cash.against != flow.expected_at_count:
                raise DayChanged()
            variance_approval_id, approver = self._variance_approver(flow, report.cash)
            report = replace(report, generated_at=closed_at, cash=replace(report.cash, variance_approved_by=approver))
            text = report.snapshot()
            digest = snapshot_hash(text)
            self.journal.execute(
                "INSERT INTO day_close(business_date, report_no, closed_at, closed_by, expected_cash, counted_cash,"
                " variance, variance_note, rows, last_txn_hash, last_event_hash, last_event_id, approval_id,"
                " variance_approval_id, snapshot, snapshot_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?)",
                (day, number, closed_at, flow.operator, report.cash.expected, report.cash.counted,
                 report.cash.variance, flow.note, rows, seal.last_txn_hash, head_hash, head_id,
                 approval.id if approval else None, variance_approval_id, text, digest))
            self.journal.mark_sealed_through(schema.last_sealed(self.journal))
            return report, digest

        if approving is None:
            result = self._write(lambda: work(approval))
        else:
            sealed: list[tuple[Report, str]] = []
            approving(lambda made: sealed.append(work(made)))
            result = sealed[0]
        try:
            self.journal.checkpoint()  # the sealed day into the journal file itself, out of the WAL
        except sqlite3.Error:
            # The seal is committed: a failed checkpoint must not read as a failed seal (the
            # flow would put its approvals back and ask again). The idle checkpointer and the
            # next start copy the WAL later.
            log.warning("journal checkpoint after sealing %s failed", day, exc_info=True)
        return result

    def _event_head(self) -> tuple[int, str]:
        """The last event's id and hash, (0, GENESIS) before the first: where a seal or a
        reopening stands in the event chain (``schema._V6``), read in its transaction."""
        head = self.journal.execute("SELECT id, hash FROM txn_event ORDER BY id DESC LIMIT 1").fetchone()
        return (head[0], head[1]) if head else (0, GENESIS)

    def check_reopen(self, business_date: str) -> dict[str, Any]:
        """Refuse (``DayNotClosed``, ``DayCloseError``) what may not be reopened; the seal's row
        when it may. Only the most recently sealed day, and only while no later business day
        has begun: no shift opened for it (its float is counted from the same drawer), no cash
        movement or count, no row written for it. Reopened then, the day's drawer would be
        counted again with the next day's float and cash in it; the day's Laporan Z stands, a
        correction goes on the next day (Koreksi kas, with a supervisor). Reads the journal:
        the UI calls it in its worker, before asking the supervisor's PIN. Refused too while the
        PC's clock is wrong (``check_clock``): the business day it moves back to is the clock's."""
        self.check_clock()
        close = self._sealed_close(business_date)
        if close is None:
            raise DayNotClosed(business_date)
        last_sealed = self.journal.sealed_through
        if business_date != last_sealed:
            raise DayCloseError(templated(QT_TRANSLATE_NOOP("errors", "Hanya hari terakhir yang ditutup "
                                                                      "({last_sealed}) yang dapat dibuka kembali."),
                                          last_sealed=day_text(last_sealed or "")))
        (later,) = self.journal.execute(
            "SELECT MIN(business_date) FROM (SELECT business_date FROM txn WHERE business_date > :day"
            " UNION SELECT business_date FROM shift WHERE business_date > :day"
            " UNION SELECT business_date FROM cash_movement WHERE business_date > :day"
            " UNION SELECT business_date FROM cash_count WHERE business_date > :day)",
            {"day": business_date}).fetchone()
        if later is not None:
            raise DayCloseError(templated(QT_TRANSLATE_NOOP(
                "errors", "Hari {later} sudah dimulai (shift dibuka atau ada transaksi), jadi hari {day} tidak "
                          "dapat dibuka kembali. Laporan Z-nya tetap berlaku; selisih dicatat di hari {later} "
                          "dengan koreksi kas."), later=day_text(later), day=day_text(business_date)))
        return close

    def reopen(self, business_date: str, *, pin: str, reason: str) -> Approval:
        """Unseal the most recently sealed day with a supervisor's PIN, while no later day has
        begun (``check_reopen``, before the PIN is tried); its Laporan Z stays on record. The
        day's shift is its own again (the same float and drawer): new rows belong to it while
        the clock is on that day, and Tutup Hari counts and seals it again."""
        close = self.check_reopen(business_date)

        def reopened(approval: Approval) -> None:
            """In the approval's transaction: the supervisor's approval and the reopening are
            recorded together or not at all (a failure between two transactions left an
            approval on the day's record for a reopening that never happened). The rule is
            checked again here, where nothing can be written between the check and the
            reopening; the check before the PIN spares the supervisor a PIN for nothing."""
            self.check_reopen(business_date)
            self.journal.execute("INSERT INTO day_reopen(close_id, approval_id, at, last_event_id) VALUES (?, ?, ?, ?)",
                                 (close["id"], approval.id, approval.at, self._event_head()[0]))
            self.journal.mark_sealed_through(schema.last_sealed(self.journal))

        return self.supervisors.approve(pin, reason, REOPEN_DAY, subject=f"Z-{close['report_no']:04d}",
                                        business_date=business_date, then=reopened)
