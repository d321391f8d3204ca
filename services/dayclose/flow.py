"""Tutup Hari as a Qt-free state machine; ``DayCloseService.begin_close`` returns one and
the Tutup Hari screen renders it step by step::

    SUMMARY  --start_count()-->  COUNT  --enter_count(n)-->  VARIANCE
    VARIANCE --recount()-->      COUNT          (every count entered is kept and reported)
    VARIANCE --confirm(note, pin=)-->  SEALED, or APPROVAL when NEW/SENT/SUSPECT rows are open
    APPROVAL --approve(pin, reason)--> SEALED   (a wrong PIN leaves the flow in APPROVAL)

With open rows, a variance may go to APPROVAL unapproved (``confirm(note)``, no PIN): there the
one PIN approves both, the difference and closing with open rows (``joint_subject``).

A count that differs from the expected cash seals only with a supervisor's approval of that
very count (``confirm``'s ``pin``; action ``cash_variance``, the agent's note its reason, the
day, the count's number and its figures its subject, ``variance_subject``), written in the
seal's own journal transaction: a seal refused or failed leaves no approval, and the supervisor
approves the count again (there were two approvals of one difference on the Laporan Z). Decision: there is
no tolerance, every rupiah of difference needs it. A "small" variance allowed on the agent's
word is a daily amount a hired cashier can take unseen, a setting that must itself be guarded
and audited; a supervisor's PIN costs seconds. ``variance_needs_approval`` is the one place
to change should a partner ask for one. The approval covers the figures it names only: a
recount (even to the same figure) or a cash movement that changes the expected cash leaves it
behind, and the seal (``DayCloseService._seal``) checks it against the count it seals.

SUMMARY shows the day per product group and product, the failed and open lists, and the
agent's bank balance; the drawer's expected cash is *hidden* (``summary.cash`` is None,
``expected_cash`` raises ``BlindCount``) until a count is entered: the count is blind.
The journal reads and the seal itself are the service's (``services.dayclose.close``).
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING, Callable

from services.dayclose.errors import BlindCount, DayChanged, NeedsApproval, NeedsVarianceApproval, WrongStep
from services.dayclose.shift import rupiah
from services.dayclose.supervisor import CASH_VARIANCE, CLOSE_WITH_OPEN_ITEMS, Approval
from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.money import format_rupiah
from services.reports import Report
from services.reports.variance import variance_words

if TYPE_CHECKING:
    from services.dayclose.close import DayCloseService


# Writes a supervisor's approval and, in its journal transaction, calls the seal it is given
# (``DayCloseService._seal``'s ``approving``)
Approving = Callable[[Callable[[Approval | None], None]], None]

NOTE_MIN = 5  # the note on a variance is the supervisor's approval's reason (``Supervisors.approve``)


def variance_needs_approval(variance: int) -> bool:
    """Whether a count this far from the expected cash needs a supervisor: any difference."""
    return variance != 0


def variance_subject(business_date: str, count_number: int, expected: int, counted: int) -> str:
    """What a ``cash_variance`` approval approves, in words that also bind it: the day, which
    count of it, and the figures. ``2026-12-06 hitungan ke-2: seharusnya Rp 725.000, dihitung
    Rp 720.000, kas kurang Rp 5.000``."""
    word, amount = variance_words(counted - expected)
    return (f"{business_date} hitungan ke-{count_number}: seharusnya {format_rupiah(expected)}, "
            f"dihitung {format_rupiah(counted)}, {word.lower()} {amount}")


# Between a variance's subject and the open transactions' references in the subject of one PIN
# approving both (``joint_subject``); a variance subject never holds it.
JOINT = "; dan tutup dengan transaksi menggantung: "


def joint_subject(variance: str, open_refs: str) -> str:
    """What one supervisor PIN approves when a day with a cash difference also has open
    transactions: the count's difference (``variance_subject``, in full) and the open rows'
    references, ``2026-12-06 hitungan ke-1: seharusnya Rp 725.000, dihitung Rp 720.000, kas
    kurang Rp 5.000; dan tutup dengan transaksi menggantung: LKT-…, LKT-…``."""
    return f"{variance}{JOINT}{open_refs}"


def covers_variance(subject: str, variance: str) -> bool:
    """An approval's subject names this very variance: alone, or first in a joint approval."""
    return subject == variance or subject.startswith(variance + JOINT)


class Step(str, Enum):
    SUMMARY = "summary"
    COUNT = "count"
    VARIANCE = "variance"
    APPROVAL = "approval"
    SEALED = "sealed"


class DayCloseFlow:
    """One Tutup Hari, step by step. Methods block on the disk: the UI calls them in its worker."""

    def __init__(self, service: DayCloseService, business_date: str, operator: str, bank_balance: int | None,
                 bank_balance_note: str) -> None:
        self._service = service
        self.business_date = business_date
        self.operator = operator
        self.bank_balance = bank_balance
        self.bank_balance_note = bank_balance_note
        self.step = Step.SUMMARY
        self.counted: int | None = None
        # What the drawer should hold at the count (``Cash.should_hold``: the cash of rows in
        # doubt included), the figure the count is compared with
        self.expected_at_count: int | None = None
        self.count_number = 0  # which count of the day ``counted`` is (1 for the first)
        self.note = ""
        self.approval: Approval | None = None
        self.variance_approval: Approval | None = None  # the supervisor's, for this count's variance
        self.report: Report | None = None  # the Laporan Z, once SEALED
        self.report_hash = ""
        self.summary = self._blind_summary()

    def _blind_summary(self) -> Report:
        live = self._service._live(self.business_date, self.operator, cash_inputs=self._service._cash_inputs(
            self.business_date), bank_balance=self.bank_balance, bank_balance_note=self.bank_balance_note)
        return replace(live, cash=None)

    def _expect(self, *steps: Step) -> None:
        if self.step not in steps:
            raise WrongStep(templated(QT_TRANSLATE_NOOP("errors", "Tutup Hari: langkah {value}, bukan {value2}."),
                                      value=self.step.value, value2='/'.join(s.value for s in steps)))

    # -- what the screen shows -----------------------------------------------------------
    @property
    def open_items(self):
        return self.summary.open

    @property
    def needs_approval(self) -> bool:
        return bool(self.summary.open)

    @property
    def expected_cash(self) -> int:
        if self.expected_at_count is None:
            raise BlindCount()
        return self.expected_at_count

    @property
    def variance(self) -> int:
        if self.counted is None or self.expected_at_count is None:
            raise BlindCount()
        return self.counted - self.expected_at_count

    @property
    def needs_variance_approval(self) -> bool:
        """The count differs from what the drawer should hold: a supervisor approves it before the seal."""
        return variance_needs_approval(self.variance)

    @property
    def variance_subject(self) -> str:
        if self.counted is None or self.expected_at_count is None:
            raise BlindCount()
        return variance_subject(self.business_date, self.count_number, self.expected_at_count, self.counted)

    def variance_covered(self, note: str) -> bool:
        """A supervisor already approved this count's variance with this note as the reason
        (a seal refused afterwards for another cause need not ask again)."""
        approval = self.variance_approval
        return (not self.needs_variance_approval or approval is not None
                and covers_variance(approval.subject, self.variance_subject)
                and approval.reason == " ".join(note.split()))

    def refresh(self) -> Report:
        """Read the day again (a suspect row resolved while the summary was open)."""
        self._expect(Step.SUMMARY)
        self.summary = self._blind_summary()
        return self.summary

    # -- steps -----------------------------------------------------------------------------
    def start_count(self) -> None:
        self._expect(Step.SUMMARY)
        self.step = Step.COUNT

    def enter_count(self, counted: int | str) -> int:
        """The cash the agent counted; reveals and returns the variance: counted minus what the
        drawer should hold, the day's expected cash and the cash of rows still in doubt
        (``Cash.should_hold``), the figure recorded with the count and sealed."""
        self._expect(Step.COUNT)
        amount = rupiah("counted", counted, "Jumlah kas dihitung", allow_zero=True)
        live = self._service._live(self.business_date, self.operator,
                                   cash_inputs=self._service._cash_inputs(self.business_date))
        assert live.cash is not None
        self.count_number = self._service._record_count(self.business_date, amount, live.cash.against,
                                                        self.operator)
        self.summary = replace(live, cash=None, bank_balance=self.bank_balance,
                               bank_balance_note=self.bank_balance_note)
        self.counted, self.expected_at_count = amount, live.cash.against
        self.variance_approval = None  # an approval of another count covers nothing of this one
        self.step = Step.VARIANCE
        return self.variance

    def recount(self) -> None:
        self._expect(Step.VARIANCE)
        self.step = Step.COUNT

    def check_note(self, note: str) -> str:
        """The note as it will be sealed; refused while a variance has none (the screen asks
        before its "Tutup hari?" question, which would otherwise come for nothing)."""
        note = " ".join((note or "").split())
        if self.variance and len(note) < NOTE_MIN:
            raise UserInputError("note", templated(QT_TRANSLATE_NOOP("errors", "Ada selisih kas: tulis "
                                                                               "keterangannya (paling sedikit {n} "
                                                                               "huruf)."), n=NOTE_MIN))
        return note

    def confirm(self, note: str = "", *, pin: str | None = None) -> Step:
        """Accept the count. A variance needs a note, and a supervisor's ``pin`` approving it
        (``NeedsVarianceApproval`` without one; a wrong one raises and leaves the flow here).
        Seals, or asks for a supervisor for the open rows (APPROVAL). With open rows, the
        variance may wait for that step (no ``pin``): there one PIN approves both (``approve``),
        and the supervisor is not asked twice in a row."""
        self._expect(Step.VARIANCE)
        note = self.check_note(note)
        approving: Approving | None = None
        if not self.variance_covered(note):
            if pin is None:
                if not self.needs_approval:
                    raise NeedsVarianceApproval()
            elif self.needs_approval:  # approved now; the open rows' PIN at APPROVAL seals
                self.variance_approval = self._service.supervisors.approve(
                    pin, note, CASH_VARIANCE, subject=self.variance_subject, business_date=self.business_date)
            else:  # approved with the seal, in its transaction: both or neither
                subject, supervisors = self.variance_subject, self._service.supervisors

                def approve_and_seal(seal: Callable[[Approval | None], None]) -> None:
                    def then(made: Approval) -> None:
                        self.variance_approval = made
                        seal(None)

                    supervisors.approve(pin, note, CASH_VARIANCE, subject=subject, business_date=self.business_date,
                                        then=then)

                approving = approve_and_seal
        self.note = note
        if self.needs_approval:
            self.step = Step.APPROVAL
            return self.step
        return self._seal(approving)

    @property
    def approves_variance(self) -> bool:
        """At APPROVAL: the supervisor's PIN there approves the count's difference too."""
        return self.step is Step.APPROVAL and not self.variance_covered(self.note)

    def approve(self, pin: str, reason: str) -> Step:
        """A supervisor approves closing with open transactions; the approval is recorded in
        the seal's journal transaction (refused or failed, neither is, only the PIN's try).

        When the count's difference is not approved yet (``approves_variance``), the same PIN
        approves it: one check, two approval rows written together, as two PINs would have
        written them (``cash_variance``, the agent's note its reason; ``close_with_open_items``,
        ``reason``), each subject naming both (``joint_subject``)."""
        self._expect(Step.APPROVAL)
        refs = ", ".join(item.reference for item in self.summary.open)[:500]
        supervisors = self._service.supervisors
        covered = self.variance_covered(self.note)
        subject = refs if covered else joint_subject(self.variance_subject, refs)

        def approving(seal: Callable[[Approval | None], None]) -> None:
            """The approval(s) and the seal in one journal transaction: both or neither."""
            if covered:
                def alone(made: Approval) -> None:
                    self.approval = made
                    seal(made)

                supervisors.approve(pin, reason, CLOSE_WITH_OPEN_ITEMS, subject=subject,
                                    business_date=self.business_date, then=alone)
                return

            def both(made: list[Approval]) -> None:
                self.variance_approval, self.approval = made
                seal(self.approval)

            supervisors.approve_together(pin, ((CASH_VARIANCE, self.note), (CLOSE_WITH_OPEN_ITEMS, reason)),
                                         subject=subject, business_date=self.business_date, then=both)

        return self._seal(approving)

    def _seal(self, approving: Approving | None = None) -> Step:
        """Seal (``DayCloseService._seal``), with the supervisor's approval ``approving`` writes
        in the seal's transaction, if any. Refused or failed, that approval was rolled back with
        the seal: the flow holds what it held before, and the supervisor is asked again."""
        held = self.variance_approval, self.approval
        try:
            try:
                self.report, self.report_hash = self._service._seal(self, None, approving)
            except BaseException:
                self.variance_approval, self.approval = held  # an approval written with it is gone with it
                raise
        except DayChanged:
            self.step = Step.COUNT
            self.counted = self.expected_at_count = None
            self.variance_approval = None
            raise
        except NeedsVarianceApproval:
            # The approval does not cover the count being sealed: back to the count's result.
            self.step = Step.VARIANCE
            self.variance_approval = None
            raise
        except NeedsApproval:
            # A row turned suspect after the summary: show it and ask for a supervisor.
            self.summary = self._blind_summary()
            self.step = Step.APPROVAL
            raise
        self.step = Step.SEALED
        return self.step
