"""The transfer flow shared by intrabank (sesama bank) and interbank (antar bank).

Steps::

    DESTINATION --inquiry ok--> CONFIRM --paid--> DONE
         ^                         |
         +--- change_destination --+

In DESTINATION the agent enters the account (and for interbank picks the bank). The inquiry
answers with the beneficiary's name and the admin fee; in CONFIRM the agent reads the name
to the customer and ticks that the customer confirmed it — paying is impossible before
that — then enters the amount and the PIN. The flow hands the screen plain callables to run
in the background; it never talks to Qt and never keeps the PIN.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Callable

from services.errors import UserInputError
from services.flows.attempt import PaymentAttempt
from services.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from services.banking import BankingService, TransferQuote
    from services.transactions import Executed

KINDS = {"intrabank": QT_TRANSLATE_NOOP("screens", "Transfer Sesama "
                                                   "Bank"), "interbank": QT_TRANSLATE_NOOP("screens", "Transfer Antar Bank")}


class Step(str, Enum):
    DESTINATION = "destination"
    CONFIRM = "confirm"
    DONE = "done"


@dataclass
class TransferFlow:
    kind: str
    step: Step = Step.DESTINATION
    quote: "TransferQuote | None" = None
    name_confirmed: bool = False
    executed: "Executed | None" = None
    attempt: PaymentAttempt = field(default_factory=PaymentAttempt)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown transfer kind {self.kind!r}")

    @property
    def title(self) -> str:
        return KINDS[self.kind]

    @property
    def needs_bank(self) -> bool:
        return self.kind == "interbank"

    # -- DESTINATION -----------------------------------------------------------------
    def inquiry(self, banking: "BankingService", account: str, bank_code: str = "") -> Callable[[], "TransferQuote"]:
        if self.step is not Step.DESTINATION:
            raise RuntimeError("inquiry only from the destination step")
        if self.needs_bank and not bank_code:
            raise UserInputError("bank", QT_TRANSLATE_NOOP("errors", "Pilih bank tujuan."))
        return lambda: banking.transfer_inquiry(self.kind, account, bank_code)

    def quoted(self, quote: "TransferQuote") -> None:
        self.quote = quote
        self.name_confirmed = False
        self.step = Step.CONFIRM

    # -- CONFIRM ---------------------------------------------------------------------
    def confirm_name(self, confirmed: bool) -> None:
        if self.step is Step.CONFIRM:
            self.name_confirmed = confirmed

    @property
    def can_pay(self) -> bool:
        return self.step is Step.CONFIRM and self.quote is not None and self.name_confirmed

    def _key(self, amount: int | None) -> tuple:
        quote = self.quote
        return (quote.kind, quote.bank_code, quote.account_number, quote.transaction_id, amount) if quote else ()

    def require_confirmed(self) -> None:
        if not self.can_pay:
            raise UserInputError("confirm", QT_TRANSLATE_NOOP("errors", "Bacakan nama penerima kepada nasabah dan "
                                                                        "centang konfirmasinya dulu."))

    def payment(self, banking: "BankingService", amount: int | None, pin: str) -> Callable[[], "Executed"]:
        self.require_confirmed()
        quote = self.quote
        reference = self.attempt.reference_for(self._key(amount))
        value = "" if amount is None else amount
        return lambda: banking.transfer_pay(quote, value, pin, reference=reference)

    def paid(self, executed: "Executed") -> None:
        self.executed = executed
        self.attempt.clear()
        self.step = Step.DONE

    def failed(self, amount: int | None, exc: BaseException) -> None:
        self.attempt.failed(self._key(amount), exc)

    def change_destination(self) -> None:
        self.quote = None
        self.name_confirmed = False
        self.attempt.clear()
        self.step = Step.DESTINATION

    def restart(self) -> None:
        self.change_destination()
        self.executed = None
