"""Transfer Sesama Bank and Transfer Antar Bank: the shared transfer steps
(``ui/screens/transfer_steps.py``) over the Qt-free ``TransferFlow``
(services/flows/bankplus.py), registered twice.

DESTINATION page: (bank,) account, "Cek tujuan" -> inquiry.
CONFIRM page: the beneficiary's name big, the admin fee, a tick box "the customer confirmed
the name" that unlocks "Bayar", the amount with a live total, then the PIN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QVBoxLayout

from services.flows.bankplus import TRANSFER_KINDS, TransferFlow
from ui.registry import register
from ui.screens.transfer_steps import TransferStepsScreen
from ui.widgets.bank_box import BankBox

if TYPE_CHECKING:
    from services.flows.pin import TransactionPins
    from services.hosts.bankplus.service import BankingService
    from services.journal import Journal
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker

KINDS = TRANSFER_KINDS


class TransferScreen(TransferStepsScreen):
    def __init__(self, kind: str, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter",
                 ask_pin: "PinPrompt", journal: "Journal | None" = None,
                 pins: "TransactionPins | None" = None) -> None:
        self.banking = banking
        self.banks_loaded = False
        super().__init__(TransferFlow(kind, banking, pins), worker, errors, ask_pin, journal)

    @property
    def bank_names(self) -> dict[str, str]:
        return self.flow.bank_names

    def destination_fields(self, layout: QVBoxLayout) -> None:
        self.bank = BankBox()  # one Enter picks a bank and moves on; several banks: none guessed
        self.bank.lineEdit().setPlaceholderText(self.tr("Ketik nama atau kode bank"))
        self.bank.chosen.connect(self.bank_chosen)
        if self.flow.needs_bank:
            self.add_field("bank", self.tr("Bank tujuan"), self.bank, layout=layout)

    def destination_inputs(self) -> dict[str, Any]:
        return {"account": self.account.text(), "bank": self._bank_code()}

    # -- the bank list -----------------------------------------------------------------
    def activated(self) -> None:
        super().activated()
        if self.flow.needs_bank and not self.banks_loaded:
            self.run(self.banking.banks, self._banks, busy=self.inquiry_button, message=self.tr("Memuat daftar bank…"))

    def _banks(self, banks: list[Any]) -> None:
        self.banks_loaded = True
        self.bank.clear()
        self.bank_names.clear()
        self.bank_names.update({bank.code: bank.name for bank in banks})
        for bank in banks:
            self.bank.add_bank(bank.code, bank.name, f"{bank.code} — {bank.name}")
        self.bank.setCurrentIndex(-1)
        self.bank.setFocus()

    def select_bank(self, code: str) -> None:
        self.bank.select_bank(code)

    def _bank_code(self) -> str:
        return self.bank.code()

    def reset(self) -> None:
        super().reset()
        self.bank.setCurrentIndex(-1)
        self.focus_if_shown(self.bank if self.flow.needs_bank else self.account)


@register("transfer_intrabank", group="banking", title=KINDS["intrabank"], order=40)
def _make_intrabank(services: "ScreenServices") -> TransferScreen:
    return TransferScreen("intrabank", services.banking, services.worker, services.errors, services.ask_pin,
                          services.journal, services.pins)


@register("transfer_interbank", group="banking", title=KINDS["interbank"], order=41)
def _make_interbank(services: "ScreenServices") -> TransferScreen:
    return TransferScreen("interbank", services.banking, services.worker, services.errors, services.ask_pin,
                          services.journal, services.pins)
