"""Bank+ flows: Setor Tunai, Cek Saldo Nasabah, Buka Rekening, Transfer Sesama/Antar Bank.

Each is a ``Flow`` (services/flows/base.py) over ``BankingService``: ``prepare`` checks
what was typed against the limits in settings, ``pay`` journals and sends. A Bank+ host
that accepted the agent's PIN (a SUCCESS) has proven it: the flow tells the local verifier
(``services.flows.pin``) that BCA and Switcher transfers check against.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from services import validation as v
from services.errors import UserInputError
from services.flows.base import Flow, Quote, transaction_pin
from services.flows.destination import ACCOUNT, BANK, FEE, NAME, DestinationFlow
from services.formats import bank_name
from services.i18n import QT_TRANSLATE_NOOP
from services.journal import State
from services.limits import AmountRange
from services.money import format_rupiah

if TYPE_CHECKING:
    from services.flows.pin import TransactionPins
    from services.hosts.bankplus.service import BankingService, OpenAccountForm, TransferQuote
    from services.transactions import Executed, TransactionRunner

DEFAULT_NARRATION = "Setor tunai"  # goes to the bank with the deposit: Indonesian in every language
TRANSFER_KINDS = {"intrabank": QT_TRANSLATE_NOOP("screens", "Transfer Sesama Bank"),
                  "interbank": QT_TRANSLATE_NOOP("screens", "Transfer Antar Bank")}


class _BankPlusFlow(Flow):
    def __init__(self, banking: "BankingService", pins: "TransactionPins | None" = None) -> None:
        super().__init__()
        self.banking = banking
        self.pins = pins
        self.deadline = banking.client.deadline

    def _runner(self) -> "TransactionRunner":
        return self.banking.runner

    def _proven(self, executed: "Executed", pin: str | None) -> "Executed":
        if self.pins is not None and pin and executed.row.state is State.SUCCESS:
            self.pins.learn(self.banking.operator(), pin)
        return executed


class DepositFlow(_BankPlusFlow):
    title = QT_TRANSLATE_NOOP("screens", "Setor Tunai")

    @property
    def amount_range(self) -> AmountRange:
        return self.banking.limits.deposit

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        account = v.account_number("account", inputs.get("account", ""))
        name = (inputs.get("name") or "").strip()
        if not name:
            raise UserInputError("account", QT_TRANSLATE_NOOP("errors", "Tekan \"Cek rekening\" dulu agar nama "
                                                                        "pemilik rekening tampil."))
        limits = self.amount_range
        amount = v.amount("amount", inputs.get("amount", ""), minimum=limits.minimum, maximum=limits.maximum)
        narration = (inputs.get("narration") or "").strip() or DEFAULT_NARRATION
        detail = {"account": account, "name": name, "amount": amount, "narration": narration}
        return Quote(amount, 0, amount, account, name, detail=detail, key=tuple(detail.items()))

    def _pay(self, quote: Quote, pin: str | None, reference: str | None, confirm_duplicate: str | None) -> "Executed":
        executed = self.banking.deposit(**quote.detail, pin=pin or "", reference=reference,
                                        confirm_duplicate=confirm_duplicate)
        return self._proven(executed, pin)


class CustomerBalanceFlow(_BankPlusFlow):
    """The PIN here is the customer's own (``pin_platform``), typed by the customer."""

    title = QT_TRANSLATE_NOOP("screens", "Cek Saldo Nasabah")
    moves_cash = False

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        account = v.account_number("account", inputs.get("account", ""))
        return Quote(0, 0, 0, account, "", detail=account, key=account)

    def pay(self, pin: str | None = None, *, confirm_duplicate: str | None = None) -> "Executed":
        transaction_pin(pin, QT_TRANSLATE_NOOP("errors", "PIN nasabah"))
        return super().pay(pin, confirm_duplicate=confirm_duplicate)

    def _pay(self, quote: Quote, pin: str | None, reference: str | None, confirm_duplicate: str | None) -> "Executed":
        return self.banking.customer_balance(quote.detail, pin or "", reference=reference,
                                             confirm_duplicate=confirm_duplicate)


class OpenAccountFlow(_BankPlusFlow):
    title = QT_TRANSLATE_NOOP("screens", "Buka Rekening")

    @property
    def amount_range(self) -> AmountRange:
        return self.banking.limits.open_account_deposit

    def validate(self, form: "OpenAccountForm") -> dict[str, Any]:
        """The body the form would send (``FormInvalid`` lists every refused field)."""
        return self.banking.validate_open_account(form)

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        form = inputs["form"]
        body = self.validate(form)
        deposit = int(body["deposit"])
        key = tuple(sorted((k, str(value)) for k, value in asdict(form).items()))
        return Quote(deposit, 0, deposit, body["ktp"], body["name"], detail=form, key=key)

    def _pay(self, quote: Quote, pin: str | None, reference: str | None, confirm_duplicate: str | None) -> "Executed":
        executed = self.banking.open_account(quote.detail, pin or "", reference=reference,
                                             confirm_duplicate=confirm_duplicate)
        return self._proven(executed, pin)


class TransferFlow(DestinationFlow):
    """Intrabank (sesama bank) and interbank (antar bank): the inquiry names the account
    holder and the admin fee; the amount comes after the name is confirmed."""

    def __init__(self, kind: str, banking: "BankingService", pins: "TransactionPins | None" = None) -> None:
        if kind not in TRANSFER_KINDS:
            raise ValueError(f"unknown transfer kind {kind!r}")
        super().__init__()
        self.kind = kind
        self.banking = banking
        self.pins = pins
        self.title = TRANSFER_KINDS[kind]
        self.bank_names: dict[str, str] = {}  # code -> the bank list's name, for the panel

    def _runner(self) -> "TransactionRunner":
        return self.banking.runner

    @property
    def needs_bank(self) -> bool:
        return self.kind == "interbank"

    @property
    def amount_range(self) -> AmountRange:
        return self.banking.limits.transfer

    def _inquire(self, inputs: dict[str, Any]) -> "TransferQuote":
        bank_code = inputs.get("bank", "") or ""
        if self.needs_bank and not bank_code:
            raise UserInputError("bank", QT_TRANSLATE_NOOP("errors", "Pilih bank tujuan."))
        return self.banking.transfer_inquiry(self.kind, inputs.get("account", ""), bank_code)

    def bank_label(self) -> str:
        """The bank list's name ("BANK MANDIRI") over the switch's short one ("MANDRI"): the
        name the agent picked and the customer knows."""
        quote = self.destination
        if quote is None:
            return ""
        return bank_name(quote.bank_code, self.bank_names.get(quote.bank_code) or quote.bank_name)

    @property
    def destination_name(self) -> str:
        return self.destination.account_name if self.destination is not None else ""

    @property
    def fee(self) -> int:
        return self.destination.admin_fee if self.destination is not None else 0

    def destination_rows(self) -> list[tuple[str, str]]:
        quote = self.destination
        return [(NAME, quote.account_name), (BANK, self.bank_label()), (ACCOUNT, quote.account_number),
                (FEE, format_rupiah(quote.admin_fee))]

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        quote = self.destination
        limits = self.amount_range
        amount = v.amount("amount", inputs.get("amount", ""), minimum=limits.minimum, maximum=limits.maximum)
        key = (quote.kind, quote.bank_code, quote.account_number, quote.transaction_id, amount)
        return Quote(amount, quote.admin_fee, amount + quote.admin_fee, quote.account_number, quote.account_name,
                     detail=quote, key=key)

    def _pay(self, quote: Quote, pin: str | None, reference: str | None, confirm_duplicate: str | None) -> "Executed":
        executed = self.banking.transfer_pay(quote.detail, quote.amount, pin or "", reference=reference,
                                             confirm_duplicate=confirm_duplicate, sender=self.sender.recorded())
        if self.pins is not None and pin and executed.row.state is State.SUCCESS:
            self.pins.learn(self.banking.operator(), pin)
        return executed
