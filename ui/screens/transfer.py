"""Transfer Sesama Bank and Transfer Antar Bank: the shared transfer steps
(``ui/screens/transfer_steps.py``) over the Qt-free ``TransferFlow``
(services/flows/bankplus.py), registered twice.

DESTINATION page: (bank,) account, "Cek tujuan" -> inquiry.
CONFIRM page: the beneficiary's name big, the admin fee, a tick box "the customer confirmed
the name" that unlocks "Bayar", the amount with a live total, then the PIN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter, QVBoxLayout

from services.flows.bankplus import TRANSFER_KINDS, TransferFlow
from services.validation import is_digits
from ui.registry import register
from ui.screens.transfer_steps import TransferStepsScreen

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
        self.bank = QComboBox(objectName="bank")
        self.bank.setEditable(True)
        self.bank.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bank.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.bank.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.bank.lineEdit().setPlaceholderText(self.tr("Ketik nama atau kode bank"))
        self.bank.lineEdit().editingFinished.connect(self._show_typed_bank)
        # a bank chosen (Enter on a typed code or in the list, a click in the list): on to the
        # account, else its digits would be typed onto the bank's name
        self.bank.lineEdit().returnPressed.connect(lambda: QTimer.singleShot(0, self._bank_chosen))
        self.bank.completer().activated.connect(lambda _text: QTimer.singleShot(0, self._bank_chosen))
        self.bank.activated.connect(lambda _index: QTimer.singleShot(0, self._bank_chosen))
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
            self.bank.addItem(f"{bank.code} — {bank.name}", bank.code)
        self.bank.setCurrentIndex(-1)
        self.bank.setFocus()

    def select_bank(self, code: str) -> None:
        self.bank.setCurrentIndex(self.bank.findData(code))

    def _show_typed_bank(self) -> None:
        """A typed "008" stays bare text; show "008 — BANK MANDIRI" so the agent sees which bank
        the code picked before reading it out to the customer."""
        code = self._bank_code()
        if code and self.bank.currentData() != code:
            self.select_bank(code)

    def _bank_chosen(self) -> None:
        self._show_typed_bank()
        if self._bank_code():
            self.bank.completer().popup().hide()  # closing later, it would take the focus back
            self.account.setFocus(Qt.FocusReason.TabFocusReason)
            self.account.selectAll()
            return
        typed = self.bank.currentText().strip()
        field = self.field("bank")
        if typed and field is not None:  # Enter on a name several banks share: say how to pick one
            field.show_error(self.tr("Beberapa bank cocok dengan \u201c{typed}\u201d, atau tidak ada: pilih "
                                     "dari daftar dengan panah \u2193 lalu Enter, atau ketik kode banknya.").format(
                typed=typed))

    def _bank_code(self) -> str:
        """The picked bank: the list's item, a typed three-digit code, or a typed name (part
        of one) that only one bank in the list has. Enter on "mandiri", with the one match
        "008 — BANK MANDIRI" in the list below it, chose nothing and said nothing: the list
        only takes Enter on a row the arrow keys have highlighted."""
        text = self.bank.currentText().strip()
        index = self.bank.findText(text)
        if index < 0 and is_digits(text):
            index = self.bank.findData(text)
        if index < 0 and text:
            named = [i for i in range(self.bank.count()) if text.casefold() in self.bank.itemText(i).casefold()]
            index = named[0] if len(named) == 1 else -1
        return self.bank.itemData(index) if index >= 0 else ""

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
