"""Serah Terima Kas: the drawer passed from one agent to the next within the day's shift.

One shift per business day and one drawer (``services.dayclose.shift``), but several agents,
each with their own login, may work it in a day. Without a record of when the drawer changed
hands, a difference found at Tutup Hari is no one's, and the incoming agent takes over cash
nobody counted. So:

* The drawer's *holder* is the agent who opened the day's shift, then the incoming agent of
  each handover in turn (``Handovers.holder``).
* An agent who logs in while another agent holds the drawer hands it over before any cash
  transaction (the shift gate, ``ui.shift_gate``, sends them to the Serah Terima Kas screen).
* The incoming agent counts the drawer *blind*, as Tutup Hari's count is blind
  (``services.dayclose.blind``): the expected figure is shown only after the count is
  entered, and every count entered is recorded at once (``handover_count``), so a count made
  to match a figure already seen is on record beside the first one.
* The expected cash is the day close's figure at that moment (opening float, cash received and
  paid, movements, late settlements: ``DayCloseService._live``) and the cash taken for rows
  still in doubt (NEW/SENT/SUSPECT, ``Cash.held_in_open``: in the drawer, the customer's or the
  bank's once the row settles, never the outgoing agent's overage nor, once settled, the
  incoming agent's shortfall: ``DayCloseService._drawer_should_hold``; an earlier day's is in the
  opening float, the whole drawer as counted), plus the differences of
  the day's earlier handovers (``carried``): a shortfall the first handover found and a
  supervisor approved is the first agent's, and not the second's again at the next handover.
  A row in doubt that settles between the count and the confirmation changes that figure only
  when it FAILED (its cash is to go back to the customer): then the count is made again.
* A difference needs the incoming agent's note and a supervisor's PIN (action
  ``handover_variance``, the note its reason, the handover's figures its subject,
  ``handover_subject``), as Tutup Hari's variance does; there is no tolerance. The approval
  and the handover are written in one journal transaction (``Handovers._record``): a handover
  refused or failed leaves no approval of it on the Laporan Z, only the PIN's attempt.
* The handover is a row of ``drawer_handover`` (both agents, time, counted, expected,
  carried, difference, note, approval), never changed or deleted, and moves no cash: the
  day's expected cash and the Laporan Z's totals are the same with or without it. The
  Laporan Z lists the handovers and the difference of each holder's span (``Report.spans``),
  which add up to the day's variance. Tutup Hari counts against the same figure, the cash of
  rows still in doubt included (``Cash.should_hold``): each holder's difference is their own,
  and a customer's cash missing from the drawer is a shortfall in the span it went missing.

Decision (the outgoing agent's "Serah Terima"): there is one way to hand over, the incoming
agent's blind count, made with the outgoing agent beside them, and both sign the printed slip
(``render_handover_slip``). The outgoing agent's deliberate "Serah terima" on the screen ends
their session (as "Keluar"), saying that the next agent logs in and counts; it records
nothing itself. A count by the outgoing agent alone would prove nothing to the incoming one,
who is the one taking responsibility for the cash, and a second, different procedure is one
more thing for a non-expert to get wrong. An agent who left without it is handed over all the
same: the next login asks for it before serving.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Callable

from services.clock import Clock, format_business_date, format_wib, iso
from services.dayclose.errors import DayChanged, DayCloseError, WrongStep
from services.dayclose.shift import Shifts, rupiah, slip_head
from services.dayclose.supervisor import HANDOVER_VARIANCE, Approval, Supervisors
from services.errors import DrawerNotHeld, ShiftNotOpen, UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal
from services.money import format_rupiah
from services.receipts.layout import SANDBOX_MARK, Center, Gap, Pair, Rule
from services.reports import cash as cash_rules
from services.reports.model import Agent, Handover
from services.reports.thermal import Printout, render_blocks
from services.reports.variance import variance_words

NOTE_MIN = 5  # the note is the supervisor's approval's reason (``Supervisors.approve``)


class NeedsHandoverApproval(DayCloseError):
    """A handover count that differs from what the drawer should hold, and no supervisor's PIN."""
    default_message = QT_TRANSLATE_NOOP("errors", "Ada selisih kas. Serah terima dengan selisih perlu persetujuan "
                                                  "supervisor (PIN supervisor).")


class HandoverNeeded(DayCloseError):
    """A cash movement by an agent who has not taken the drawer over from its holder."""

    def __init__(self, holder: str) -> None:
        self.holder = holder
        super().__init__(templated(QT_TRANSLATE_NOOP("errors", "Laci kas masih dipegang {holder}. Lakukan Serah "
                                                               "Terima Kas dulu (hitung laci), baru catat mutasi "
                                                               "kas."), holder=holder))


class NoHandoverNeeded(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Laci kas sudah dipegang petugas ini: tidak ada yang "
                                                  "diserahterimakan.")


def same_agent(a: str, b: str) -> bool:
    """Usernames as the bank treats them: case and spaces around aside."""
    return a.strip().casefold() == b.strip().casefold()


def handover_subject(business_date: str, count_id: int, from_operator: str, to_operator: str, should_hold: int,
                     counted: int) -> str:
    """What a ``handover_variance`` approval approves, in words that also bind it: the day, the
    count (its row), both agents and the figures. ``2026-12-06 serah terima kasir1 ke kasir2,
    hitungan #3: seharusnya Rp 725.000, dihitung Rp 720.000, kas kurang Rp 5.000``."""
    word, amount = variance_words(counted - should_hold)
    return (f"{business_date} serah terima {from_operator} ke {to_operator}, hitungan #{count_id}: "
            f"seharusnya {format_rupiah(should_hold)}, dihitung {format_rupiah(counted)}, {word.lower()} {amount}")


@dataclass(frozen=True)
class HandoverRecord:
    """A recorded handover with its row id (for its slip number) and business date."""

    id: int
    business_date: str
    handover: Handover


class Step(str, Enum):
    COUNT = "count"
    DIFFERENCE = "difference"
    DONE = "done"


class HandoverFlow:
    """One Serah Terima Kas by the incoming agent, step by step::

        COUNT --enter_count(n)--> DIFFERENCE --confirm(note, pin=)--> DONE
        DIFFERENCE --recount()--> COUNT   (every count entered stays on record)

    Methods that read or write block on the disk: the UI calls them in its worker."""

    def __init__(self, handovers: "Handovers", business_date: str, shift_id: int, from_operator: str,
                 to_operator: str) -> None:
        self._handovers = handovers
        self.business_date = business_date
        self.shift_id = shift_id
        self.from_operator = from_operator
        self.to_operator = to_operator
        self.step = Step.COUNT
        self.counted: int | None = None
        self.expected: int | None = None
        self.carried = 0
        self.count_id = 0
        self.counts = 0
        self.record: HandoverRecord | None = None

    def _expect(self, step: Step) -> None:
        if self.step is not step:
            raise WrongStep(templated(QT_TRANSLATE_NOOP("errors", "Serah terima: langkah {value}, bukan {value2}."),
                                      value=self.step.value, value2=step.value))

    @property
    def should_hold(self) -> int:
        if self.expected is None:
            raise UserInputError("counted", QT_TRANSLATE_NOOP("errors", "Hitung kas di laci dan masukkan jumlahnya "
                                                                        "dulu."))
        return self.expected + self.carried

    @property
    def difference(self) -> int:
        assert self.counted is not None
        return self.counted - self.should_hold

    @property
    def subject(self) -> str:
        assert self.counted is not None
        return handover_subject(self.business_date, self.count_id, self.from_operator, self.to_operator,
                                self.should_hold, self.counted)

    def enter_count(self, counted: int | str) -> int:
        """The cash the incoming agent counted, recorded at once; reveals and returns the difference."""
        self._expect(Step.COUNT)
        amount = rupiah("counted", counted, "Jumlah kas dihitung", allow_zero=True)
        self.count_id, self.expected, self.carried = self._handovers._record_count(self, amount)
        self.counted = amount
        self.counts += 1
        self.step = Step.DIFFERENCE
        return self.difference

    def recount(self) -> None:
        self._expect(Step.DIFFERENCE)
        self.step = Step.COUNT

    def check_note(self, note: str) -> str:
        note = " ".join((note or "").split())
        if self.difference and len(note) < NOTE_MIN:
            raise UserInputError("note", templated(QT_TRANSLATE_NOOP("errors", "Ada selisih kas: tulis "
                                                                               "keterangannya (paling sedikit {n} "
                                                                               "huruf)."), n=NOTE_MIN))
        return note

    def confirm(self, note: str = "", *, pin: str | None = None) -> HandoverRecord:
        """The incoming agent takes the drawer. A difference needs a note and a supervisor's
        ``pin`` (``NeedsHandoverApproval`` without one; a wrong one raises and leaves the flow
        here). The expected cash is read again in the write: changed since the count
        (a suspect row resolved meanwhile), it is refused (``DayChanged``) and back to COUNT,
        the approval undone with it (the recount's difference is approved anew). Any other
        failure leaves the flow here, nothing but the PIN's attempt recorded, to confirm again."""
        self._expect(Step.DIFFERENCE)
        note = self.check_note(note)
        if self.difference and pin is None:
            raise NeedsHandoverApproval()
        try:
            self.record = self._handovers._record(self, note, pin if self.difference else None)
        except DayChanged:
            self.step = Step.COUNT
            self.counted = self.expected = None
            raise
        self.step = Step.DONE
        return self.record


class Handovers:
    """The day's drawer handovers in the journal file (``conn`` reads, ``write`` runs a function
    in one journal transaction); ``expected(day)`` is what the drawer should hold as the day
    close computes it: expected cash and cash held in rows in doubt (``DayCloseService``)."""

    def __init__(self, conn: Journal, write: Callable, clock: Clock, shifts: Shifts, supervisors: Supervisors,
                 expected: Callable[[str], int]) -> None:
        self._conn = conn
        self._write = write
        self._clock = clock
        self._shifts = shifts
        self._supervisors = supervisors
        self._expected = expected

    def holder(self, business_date: str) -> str | None:
        """Who holds the drawer: the last handover's incoming agent, else the shift's opener
        (None without a shift)."""
        shift = self._shifts.shift_for(business_date)
        if shift is None:
            return None
        row = self._conn.execute("SELECT to_operator FROM drawer_handover WHERE business_date=? ORDER BY id DESC"
                                 " LIMIT 1", (business_date,)).fetchone()
        return row[0] if row else shift.operator

    def held_since(self, business_date: str) -> str:
        """ISO time the holder took the drawer ("" without a shift)."""
        row = self._conn.execute("SELECT at FROM drawer_handover WHERE business_date=? ORDER BY id DESC LIMIT 1",
                                 (business_date,)).fetchone()
        if row:
            return str(row[0])
        shift = self._shifts.shift_for(business_date)
        return shift.opened_at if shift else ""

    def pending_for(self, operator: str, business_date: str | None = None) -> str | None:
        """The agent who holds today's drawer, when it is someone other than ``operator``: a
        handover is due before ``operator`` serves. None when there is no shift or it is theirs."""
        holder = self.holder(business_date or self._shifts.business_date())
        return holder if holder is not None and not same_agent(holder, operator) else None

    def require_holder(self, operator: str) -> None:
        """Refuse (``HandoverNeeded``) a cash movement by ``operator`` while another agent holds
        today's drawer: it would land in that agent's span, uncounted by ``operator``."""
        holder = self.pending_for(operator)
        if holder is not None:
            raise HandoverNeeded(holder)

    def require_drawer(self, host: str, product: str, operator: str) -> None:
        """The payment runner's own check (``TransactionRunner.drawer_check``, wired in
        app/context.py), the rule the screens' shift gate applies before a cash screen opens
        (``ui.shift_gate``): a payment of ``product`` that moves cash through the drawer needs
        today's shift open (``Shifts.require_open``: ``ShiftNotOpen``) and the drawer held by
        ``operator``, the agent it is journaled under (``DrawerNotHeld``). Its cash would
        otherwise land in another agent's span, in a drawer ``operator`` never counted.

        Which products move drawer cash is ``services.reports.cash.direction``, the same rule
        the day's expected cash is computed by: every payment and purchase (cash in) and a
        withdrawal (cash out). And a reversal (the Switcher's): its own row counts no cash, but
        its refund is handed out of the drawer (the paid-out leg of the reversed original), so
        it is the holder's to hand out, supervisor's PIN or not; done by another agent it came
        out of a span that agent never counted. A balance check and a DOKU VA creation (paid
        later, elsewhere) move none and are not held up; nor is a status check or a recorded
        resolution of an earlier row, which never goes through the runner's send."""
        if cash_rules.direction(host, product) == cash_rules.NO_CASH and not cash_rules.is_reversal(product):
            return
        self._shifts.require_open(host, product)
        holder = self.pending_for(operator)
        if holder is not None:
            raise DrawerNotHeld(holder)

    def begin(self, operator: str) -> HandoverFlow:
        """Start the handover of today's drawer to ``operator`` (the incoming agent)."""
        day = self._shifts.business_date()
        shift = self._shifts.shift_for(day)
        if shift is None:
            raise ShiftNotOpen()
        holder = self.holder(day)
        assert holder is not None
        if same_agent(holder, operator):
            raise NoHandoverNeeded()
        return HandoverFlow(self, day, shift.id, holder, operator)

    def _carried(self, business_date: str) -> int:
        row = self._conn.execute("SELECT COALESCE(SUM(difference), 0) FROM drawer_handover WHERE business_date=?",
                                 (business_date,)).fetchone()
        return int(row[0]) if row else 0

    def _record_count(self, flow: HandoverFlow, counted: int) -> tuple[int, int, int]:
        """Record a blind count; (its id, the expected cash, the carried differences)."""
        at = iso(self._clock.now())

        def work() -> tuple[int, int, int]:
            expected, carried = self._expected(flow.business_date), self._carried(flow.business_date)
            cursor = self._conn.execute(
                "INSERT INTO handover_count(business_date, shift_id, from_operator, to_operator, counted, expected,"
                " carried, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (flow.business_date, flow.shift_id, flow.from_operator, flow.to_operator, counted, expected, carried,
                 at))
            return int(cursor.lastrowid or 0), expected, carried

        found: tuple[int, int, int] = self._write(work)
        return found

    def _record(self, flow: HandoverFlow, note: str, pin: str | None) -> HandoverRecord:
        """The handover's row; with a difference, ``pin``'s approval in the same journal
        transaction (``Supervisors.approve then=``): both are recorded or neither. A failure
        between two transactions left the approval on the day's Laporan Z for a handover that
        never happened (the drawer still the outgoing agent's), and a retry approved it twice;
        a ``DayChanged`` refusal (back to the count) left the approval of a count never handed
        over beside the recount's. The PIN's attempt is recorded on its own first, as every
        attempt is, and stays (the back-off counts it)."""
        assert flow.counted is not None and flow.expected is not None
        at = iso(self._clock.now())
        found: list[int] = []

        def work(approval: Approval | None) -> None:
            holder = self.holder(flow.business_date)
            if (holder is None or not same_agent(holder, flow.from_operator)
                    or self._expected(flow.business_date) != flow.expected
                    or self._carried(flow.business_date) != flow.carried):
                raise DayChanged()
            cursor = self._conn.execute(
                "INSERT INTO drawer_handover(business_date, shift_id, from_operator, to_operator, at, counted,"
                " expected, carried, difference, note, count_id, approval_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?)",
                (flow.business_date, flow.shift_id, flow.from_operator, flow.to_operator, at, flow.counted,
                 flow.expected, flow.carried, flow.difference, note, flow.count_id,
                 approval.id if approval else None))
            found[:] = [int(cursor.lastrowid or 0)]

        approval: Approval | None = None
        if pin is None:
            self._write(lambda: work(None))
        else:
            approval = self._supervisors.approve(pin, note, HANDOVER_VARIANCE, subject=flow.subject,
                                                 business_date=flow.business_date, then=work)
        return HandoverRecord(found[0], flow.business_date, Handover(
            at, flow.from_operator, flow.to_operator, flow.counted, flow.expected, flow.carried, flow.difference,
            note, approval.approver if approval else "", flow.counts))

    _SELECT = (
        "SELECT h.id, h.business_date, h.at, h.from_operator, h.to_operator, h.counted, h.expected, h.carried,"
        " h.difference, h.note, COALESCE(a.approver, ''),"
        " (SELECT COUNT(*) FROM handover_count c WHERE c.business_date = h.business_date AND c.id <= h.count_id"
        "  AND c.id > COALESCE((SELECT MAX(p.count_id) FROM drawer_handover p WHERE p.business_date = h.business_date"
        "  AND p.id < h.id), 0))"
        " FROM drawer_handover h LEFT JOIN approval a ON a.id = h.approval_id")

    def _rows(self, where: str, params: tuple) -> list[HandoverRecord]:
        return [HandoverRecord(i, day, Handover(at, a, b, counted, expected, carried, diff, note, approver, counts))
                for i, day, at, a, b, counted, expected, carried, diff, note, approver, counts in self._conn.execute(
                    f"{self._SELECT} WHERE {where} ORDER BY h.id", params)]

    def records(self, business_date: str) -> list[HandoverRecord]:
        return self._rows("h.business_date=?", (business_date,))

    def lines(self, business_date: str) -> tuple[Handover, ...]:
        """The day's handovers, oldest first, as the reports list them."""
        return tuple(record.handover for record in self.records(business_date))

    def get(self, handover_id: int) -> HandoverRecord:
        found = self._rows("h.id=?", (handover_id,))
        if not found:
            raise KeyError(handover_id)
        return found[0]


def handover_number(business_date: str, handover_id: int) -> str:
    return f"STK-{business_date.replace('-', '')}-{handover_id:05d}"


def render_handover_slip(record: HandoverRecord, *, agent: Agent, sandbox: bool, columns: int = 32) -> Printout:
    """The slip of a handover: both agents, the figures, the difference and its approver, and a
    place for each agent (and the supervisor, for a difference) to sign."""
    handover = record.handover
    word, amount = variance_words(handover.difference)
    blocks = slip_head(agent, sandbox)
    blocks += [
        Center("SERAH TERIMA KAS", bold=True, tall=True),
        Rule(),
        Pair("No. Slip", handover_number(record.business_date, record.id)),
        Pair("Tanggal", format_wib(datetime.fromisoformat(handover.at))),
        Pair("Hari kerja", format_business_date(record.business_date)),
        Pair("Diserahkan oleh", handover.from_operator),
        Pair("Diterima oleh", handover.to_operator),
        Rule(),
        Pair("Kas seharusnya", format_rupiah(handover.expected)),
    ]
    if handover.carried:
        blocks.append(Pair("Selisih sebelumnya", format_rupiah(handover.carried)))
        blocks.append(Pair("Seharusnya di laci", format_rupiah(handover.should_hold)))
    blocks += [
        Pair("Dihitung", format_rupiah(handover.counted), bold=True),
        Pair(word, amount, bold=True),
    ]
    if handover.counts > 1:
        blocks.append(Pair("Hitungan", f"ke-{handover.counts}"))
    if handover.note:
        blocks.append(Pair("Keterangan", handover.note))
    if handover.approved_by:
        blocks.append(Pair("Disetujui", handover.approved_by))
    blocks += [
        Rule("="),
        Gap(),
        Pair("Yang menyerahkan", "(............)"),
        Pair("", handover.from_operator),
        Gap(),
        Pair("Yang menerima", "(............)"),
        Pair("", handover.to_operator),
    ]
    if handover.approved_by:
        blocks += [Gap(), Pair("Supervisor", "(............)"), Pair("", handover.approved_by)]
    if sandbox:
        blocks.append(Center(SANDBOX_MARK, bold=True))
    return render_blocks(blocks, columns)
