"""Tutup Hari as a Qt-free state machine; ``DayCloseService.begin_close`` returns one and
the Tutup Hari screen renders it step by step::

    SUMMARY  --start_count()-->  COUNT  --enter_count(n)-->  VARIANCE
    VARIANCE --recount()-->      COUNT          (every count entered is kept and reported)
    VARIANCE --confirm(note)-->  SEALED, or APPROVAL when NEW/SENT/SUSPECT rows are open
    APPROVAL --approve(pin, reason)--> SEALED   (a wrong PIN leaves the flow in APPROVAL)

SUMMARY shows the day per product group and product, the failed and open lists, and the
agent's bank balance; the drawer's expected cash is *hidden* (``summary.cash`` is None,
``expected_cash`` raises ``BlindCount``) until a count is entered: the count is blind.
The journal reads and the seal itself are the service's (``services.dayclose.close``).
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING

from services.dayclose.errors import BlindCount, DayChanged, NeedsApproval, WrongStep
from services.dayclose.shift import rupiah
from services.dayclose.supervisor import CLOSE_WITH_OPEN_ITEMS, Approval
from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.reports import Report

if TYPE_CHECKING:
    from services.dayclose.close import DayCloseService


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
        self.expected_at_count: int | None = None
        self.note = ""
        self.approval: Approval | None = None
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
        """The cash the agent counted; reveals and returns the variance (counted - expected)."""
        self._expect(Step.COUNT)
        amount = rupiah("counted", counted, "Jumlah kas dihitung", allow_zero=True)
        live = self._service._live(self.business_date, self.operator,
                                   cash_inputs=self._service._cash_inputs(self.business_date))
        assert live.cash is not None
        self._service._record_count(self.business_date, amount, live.cash.expected, self.operator)
        self.summary = replace(live, cash=None, bank_balance=self.bank_balance,
                               bank_balance_note=self.bank_balance_note)
        self.counted, self.expected_at_count = amount, live.cash.expected
        self.step = Step.VARIANCE
        return self.variance

    def recount(self) -> None:
        self._expect(Step.VARIANCE)
        self.step = Step.COUNT

    def check_note(self, note: str) -> str:
        """The note as it will be sealed; refused while a variance has none (the screen asks
        before its "Tutup hari?" question, which would otherwise come for nothing)."""
        note = " ".join((note or "").split())
        if self.variance and len(note) < 3:
            raise UserInputError("note", QT_TRANSLATE_NOOP("errors", "Ada selisih kas: tulis keterangannya."))
        return note

    def confirm(self, note: str = "") -> Step:
        """Accept the count. A variance needs a note. Seals, or asks for a supervisor."""
        self._expect(Step.VARIANCE)
        self.note = self.check_note(note)
        if self.needs_approval:
            self.step = Step.APPROVAL
            return self.step
        return self._seal(None)

    def approve(self, pin: str, reason: str) -> Step:
        """A supervisor approves closing with open transactions; recorded, then sealed."""
        self._expect(Step.APPROVAL)
        refs = ", ".join(item.reference for item in self.summary.open)
        self.approval = self._service.supervisors.approve(pin, reason, CLOSE_WITH_OPEN_ITEMS,
                                                          subject=refs[:500], business_date=self.business_date)
        return self._seal(self.approval)

    def _seal(self, approval: Approval | None) -> Step:
        try:
            self.report, self.report_hash = self._service._seal(self, approval)
        except DayChanged:
            self.step = Step.COUNT
            self.counted = self.expected_at_count = None
            raise
        except NeedsApproval:
            # A row turned suspect after the summary: show it and ask for a supervisor.
            self.summary = self._blind_summary()
            self.step = Step.APPROVAL
            raise
        self.step = Step.SEALED
        return self.step
