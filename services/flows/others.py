"""Flows for the hosts whose API has no PIN field (Switcher, BCA intrabank and interbank)
and for DOKU VA creation.

Switcher and BCA transfers move the agent's money, so they ask for the agent's transaction
PIN like every other transfer; it is checked locally against the PIN the Bank+ host last
proved (``services.flows.pin``) and then forgotten, never sent.

Decision: creating a DOKU virtual account asks for no PIN. It moves no money: nothing is
debited from the agent and no cash is taken at the counter; the customer pays the bank
later, elsewhere. It is still journaled before it is sent (an order to collect money), is
resent under the same trxId after a NotSent, and a repeat of one created minutes ago for
the same customer and amount needs the agent's confirmation like any payment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from services import validation as v
from services.errors import UserInputError
from services.flows.base import Flow, Quote
from services.flows.destination import ACCOUNT, BANK, FEE, NAME, STATUS, DestinationFlow
from services.formats import bank_text
from services.i18n import QT_TRANSLATE_NOOP
from services.limits import AmountRange
from services.money import format_rupiah

if TYPE_CHECKING:
    from services.flows.pin import TransactionPins
    from services.hosts.bca.service import BcaService, TransferDone
    from services.hosts.doku.service import VaCreated, VirtualAccountService
    from services.hosts.switcher.service import SwitchingService
    from services.transactions import Executed, TransactionRunner

ACTIVE = "rekening aktif"


class _LocalPinTransfer(DestinationFlow):
    """A transfer whose host takes no PIN: the agent's PIN is checked here, locally, before
    anything is journaled or sent, and then forgotten."""

    def __init__(self, runner: "TransactionRunner", pins: "TransactionPins | None",
                 operator: Callable[[], str]) -> None:
        super().__init__()
        self.runner = runner
        self.pins = pins
        self._operator = operator

    local_pin = True

    def _runner(self) -> "TransactionRunner":
        return self.runner

    def pin_proven(self) -> bool:
        """Whether the agent's PIN can be checked yet: the screen says so before the customer
        waits through the inquiry and the amount to be refused at the PIN (``PinNotProven``).
        Reads the PIN file: off the GUI thread."""
        return self.pins is not None and self.pins.proven(self._operator())

    def pay(self, pin: str | None = None, *, confirm_duplicate: str | None = None) -> Any:
        if self.pins is None:
            raise UserInputError("pin", QT_TRANSLATE_NOOP("errors", "PIN transaksi tidak dapat diperiksa di "
                                                                    "komputer ini. Hubungi helpdesk."))
        self.pins.verify(self._operator(), pin or "")
        return super().pay(pin, confirm_duplicate=confirm_duplicate)


class SwitcherFlow(_LocalPinTransfer):
    title = QT_TRANSLATE_NOOP("screens", "Transfer Switcher")

    def __init__(self, switching: "SwitchingService", pins: "TransactionPins | None",
                 operator: Callable[[], str] = lambda: "system") -> None:
        super().__init__(switching.runner, pins, operator)
        self.switching = switching
        self.deadline = switching.client.deadline

    @property
    def amount_range(self) -> AmountRange:
        return self.switching.limits

    def _inquire(self, inputs: dict[str, Any]) -> Any:
        return self.switching.switcher_inquiry(inputs.get("bank", ""), inputs.get("account", ""))

    @property
    def payable(self) -> bool:
        """An account the switcher reports as not active would be refused ("Account not active")."""
        return self.destination is not None and self.destination.status.strip().lower() == ACTIVE

    @property
    def destination_name(self) -> str:
        return self.destination.name if self.destination is not None else ""

    def destination_rows(self) -> list[tuple[str, str]]:
        d = self.destination
        return [(NAME, d.name), (BANK, bank_text(d.bank)), (ACCOUNT, d.account), (STATUS, d.status or "—")]

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        d = self.destination
        limits = self.amount_range
        amount = v.amount("amount", inputs.get("amount", ""), minimum=limits.minimum, maximum=limits.maximum)
        remark = (inputs.get("remark") or "").strip()
        if len(remark) > 100:
            raise UserInputError("remark", QT_TRANSLATE_NOOP("errors", "Berita transfer paling panjang 100 huruf."))
        return Quote(amount, 0, amount, d.account, d.name, detail=remark, key=(d.payment_code, amount, remark))

    def _pay(self, quote: Quote, pin: str | None, reference: str | None, confirm_duplicate: str | None) -> "Executed":
        return self.switching.switcher_transfer(self.destination, quote.amount, quote.detail, reference=reference,
                                                confirm_duplicate=confirm_duplicate, sender=self.sender.recorded())


class _BcaTransfer(_LocalPinTransfer):
    """BCA's transfers: the agent's BCA account, BCA's limits, the SNAP call's deadline."""

    def __init__(self, bca: "BcaService", pins: "TransactionPins | None",
                 operator: Callable[[], str] = lambda: "system") -> None:
        super().__init__(bca.runner, pins, operator)
        self.bca = bca
        self.deadline = bca.client.snap.deadline

    @property
    def amount_range(self) -> AmountRange:
        return self.bca.transfer_limits

    @property
    def destination_name(self) -> str:
        return self.destination.name if self.destination is not None else ""


class BcaTransferFlow(_BcaTransfer):
    title = QT_TRANSLATE_NOOP("screens", "BCA: Transfer")

    def _inquire(self, inputs: dict[str, Any]) -> Any:
        return self.bca.account_inquiry(inputs.get("account", ""))

    def destination_rows(self) -> list[tuple[str, str]]:
        d = self.destination
        return [(NAME, d.name), (BANK, "BCA"), (ACCOUNT, d.account_no), (STATUS, d.status or "—")]

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        d = self.destination
        limits = self.amount_range
        amount = v.amount("amount", inputs.get("amount", ""), minimum=limits.minimum, maximum=limits.maximum)
        remark = " ".join((inputs.get("remark") or "").split())
        return Quote(amount, 0, amount, d.account_no, d.name, detail=remark, key=(d.account_no, amount, remark))

    def _pay(self, quote: Quote, pin: str | None, reference: str | None,
             confirm_duplicate: str | None) -> "TransferDone":
        if reference:  # the same transfer after a NotSent: the same partnerReferenceNo
            return self.bca.retry_transfer(reference)
        return self.bca.transfer(self.destination, quote.amount, remark=quote.detail,
                                 confirm_duplicate=confirm_duplicate, sender=self.sender.recorded())


class BcaInterbankFlow(_BcaTransfer):
    """Transfer to another bank through BCA (SNAP services 16 and 18): bank and account ->
    the external inquiry names the holder -> confirmed -> amount -> the agent's PIN (local).
    Loket adds no admin fee to it (journaled fee 0, as the intrabank transfer), and the panel
    says Rp 0 so the agent can tell the customer. The SNAP transfer-interbank has no remark
    field (services/hosts/bca/client.py), so the screen offers none."""

    title = QT_TRANSLATE_NOOP("screens", "BCA: Antar Bank")

    def _inquire(self, inputs: dict[str, Any]) -> Any:
        return self.bca.interbank_inquiry(inputs.get("bank", ""), inputs.get("account", ""))

    def destination_rows(self) -> list[tuple[str, str]]:
        d = self.destination
        return [(NAME, d.name), (BANK, d.bank_name), (ACCOUNT, d.account_no), (FEE, format_rupiah(0))]

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        d = self.destination
        limits = self.amount_range
        amount = v.amount("amount", inputs.get("amount", ""), minimum=limits.minimum, maximum=limits.maximum)
        return Quote(amount, 0, amount, d.account_no, d.name, detail=d, key=(d.bank_code, d.account_no, amount))

    def _pay(self, quote: Quote, pin: str | None, reference: str | None,
             confirm_duplicate: str | None) -> "TransferDone":
        # after a NotSent, ``reference`` is that row's: the service resends its very body
        return self.bca.interbank_transfer(quote.detail, quote.amount, reference=reference,
                                           confirm_duplicate=confirm_duplicate, sender=self.sender.recorded())


class VirtualAccountFlow(Flow):
    title = QT_TRANSLATE_NOOP("screens", "Buat Virtual Account")
    needs_pin = False  # moves no money: see the module's docstring
    moves_cash = False

    def __init__(self, va: "VirtualAccountService") -> None:
        super().__init__()
        self.va = va
        self.deadline = va.client.snap.deadline

    def _runner(self) -> "TransactionRunner":
        return self.va.runner

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        request = self.va.validate(**inputs)
        amount = request.amount or 0
        key = tuple(sorted((k, str(value)) for k, value in inputs.items()))
        return Quote(amount, 0, amount, request.customer_no, request.name, detail=dict(inputs), key=key)

    def _pay(self, quote: Quote, pin: str | None, reference: str | None,
             confirm_duplicate: str | None) -> "VaCreated":
        if reference:  # the very row again: same trxId and X-EXTERNAL-ID
            return self.va.retry(reference)
        return self.va.create_va(**quote.detail, confirm_duplicate=confirm_duplicate)

