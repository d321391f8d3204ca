"""Transfer Sesama Bank and Transfer Antar Bank: one screen class rendering the Qt-free
``TransferFlow`` (services/flows/transfer.py), registered twice.

DESTINATION page: (bank,) account, "Cek tujuan" -> inquiry.
CONFIRM page: the beneficiary's name big, the admin fee, a tick box "the customer confirmed
the name" that unlocks "Bayar", the amount with a live total, then the PIN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from services import validation
from services.errors import UserInputError
from services.flows.transfer import KINDS, Step, TransferFlow
from services.money import format_rupiah
from ui.registry import register
from ui.screens.base import Screen, TransactionDone
from ui.screens.deposit import digits_only
from ui.screens.details import DetailsPanel
from ui.screens.pages import action_row, push_button, step_page
from ui.widgets.money import MoneyEdit, rupiah_nowrap

if TYPE_CHECKING:
    from services.banking import BankingService, TransferQuote
    from services.journal import Journal
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker


class TransferScreen(Screen):
    scan_target = "account"  # the field a barcode scan fills (ui/scan.py)

    def __init__(self, kind: str, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter",
                 ask_pin: "PinPrompt", journal: "Journal | None" = None) -> None:
        self.flow = TransferFlow(kind)
        super().__init__(self.flow.title, worker, errors, journal=journal)
        self.banking = banking
        self.ask_pin = ask_pin
        self.banks_loaded = False
        self.bank_names: dict[str, str] = {}
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages)
        self.pages.addWidget(self._destination_page())
        self.pages.addWidget(self._confirm_page())
        self.render()

    # -- pages -----------------------------------------------------------------------
    def _destination_page(self) -> QWidget:
        page, layout = step_page()
        self.bank = QComboBox(objectName="bank")
        self.bank.setEditable(True)
        self.bank.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bank.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.bank.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.bank.lineEdit().setPlaceholderText(self.tr("Ketik nama atau kode bank"))
        self.bank.lineEdit().editingFinished.connect(self._show_typed_bank)
        if self.flow.needs_bank:
            self.add_field("bank", self.tr("Bank tujuan"), self.bank, layout=layout)
        self.account = digits_only(QLineEdit(objectName="account"), 20)
        self.account.setPlaceholderText(self.tr("Nomor rekening penerima"))
        self.add_field("account", self.tr("Nomor rekening tujuan"), self.account, layout=layout)
        self.inquiry_button = push_button(self.tr("Cek tujuan"), self.inquire, "primary")
        self.account.returnPressed.connect(self.inquire)
        layout.addWidget(self.inquiry_button)
        return page

    def _confirm_page(self) -> QWidget:
        page, layout = step_page()
        self.destination = DetailsPanel()
        layout.addWidget(self.destination)
        self.confirm = QCheckBox(self.tr("Nama penerima sudah saya bacakan dan dibenarkan oleh nasabah"))
        self.confirm.setObjectName("confirmName")
        self.confirm.toggled.connect(self._confirmed)
        self.add_field("confirm", "", self.confirm, layout=layout).label.hide()
        self.amount = MoneyEdit()
        limits = self.banking.limits["transfer"]
        self.add_field("amount", self.tr("Nominal transfer (Rp)"), self.amount, layout=layout,
                       hint=self.tr("Minimal {rupiah}, maksimal {rupiah2}.").format(
                           rupiah=format_rupiah(limits['min']), rupiah2=format_rupiah(limits['max'])))
        self.total = QLabel()
        self.total.setObjectName("totalLine")
        self.total.setWordWrap(True)  # the English line is longer than the form is wide
        layout.addWidget(self.total)
        self.amount.textChanged.connect(self._update_total)
        self.back_button = push_button(self.tr("Ubah tujuan"), self.change_destination)
        self.pay_button = push_button(self.tr("Bayar"), self.pay, "primary")
        self.amount.returnPressed.connect(self.pay)
        layout.addLayout(action_row(self.back_button, self.pay_button))
        return page

    # -- rendering the flow -----------------------------------------------------------
    def render(self) -> None:
        flow = self.flow
        if flow.step is Step.DESTINATION:
            self.pages.setCurrentIndex(0)
        elif flow.step is Step.CONFIRM and flow.quote is not None:
            quote = flow.quote
            name = self.tr("Nama penerima")
            self.destination.set_rows([(name, quote.account_name), (self.tr("Bank"), self.bank_label(quote)),
                                       (self.tr("Nomor rekening"), quote.account_number),
                                       (self.tr("Biaya admin"), format_rupiah(quote.admin_fee))], emphasise=name)
            self.confirm.setChecked(flow.name_confirmed)
            self.pages.setCurrentIndex(1)
        self.pay_button.setEnabled(flow.can_pay and not self.worker.is_busy(self.pay_button))
        self._update_total()

    def _update_total(self) -> None:
        quote = self.flow.quote
        amount = self.amount.value()
        if quote is None or not amount:
            self.total.setText("")
            return
        self.total.setText(self.tr("Total didebit dari saldo agen: {rupiah}  (nominal {amount} + admin "
                                   "{admin_fee})").format(
                                       rupiah=rupiah_nowrap(amount + quote.admin_fee), amount=rupiah_nowrap(amount),
                                       admin_fee=rupiah_nowrap(quote.admin_fee)))

    # -- steps -----------------------------------------------------------------------
    def activated(self) -> None:
        if self.flow.needs_bank and not self.banks_loaded:
            self.run(self.banking.banks, self._banks, busy=self.inquiry_button, message=self.tr("Memuat daftar "
                                                                                                "bank…"))

    def _banks(self, banks: list[Any]) -> None:
        self.banks_loaded = True
        self.bank.clear()
        self.bank_names = {bank.code: bank.name for bank in banks}
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

    def _bank_code(self) -> str:
        """The picked bank; a typed three-digit code is accepted too."""
        text = self.bank.currentText().strip()
        index = self.bank.findText(text)
        if index < 0 and text.isdigit():
            index = self.bank.findData(text)
        return self.bank.itemData(index) if index >= 0 else ""

    def inquire(self) -> None:
        try:
            call = self.flow.inquiry(self.banking, self.account.text(), self._bank_code())
        except UserInputError as exc:
            self.fail(exc)
            return
        self.run(call, self._quoted, busy=self.inquiry_button, message=self.tr("Mencari rekening tujuan…"))

    def _quoted(self, quote: "TransferQuote") -> None:
        self.flow.quoted(quote)
        self.render()
        self.confirm.setFocus()

    def _confirmed(self, checked: bool) -> None:
        self.flow.confirm_name(checked)
        self.render()
        if checked:
            self.amount.setFocus()

    def back(self) -> None:
        if self.flow.step is Step.CONFIRM and not self.worker.is_busy(self.pay_button):
            self.change_destination()

    def change_destination(self) -> None:
        self.flow.change_destination()
        self.render()
        self.account.setFocus()

    def bank_label(self, quote: "TransferQuote") -> str:
        """The bank list's name ("BANK MANDIRI") over the switch's short one ("MANDRI") the
        inquiry answers with: it is the name the agent picked and the customer knows."""
        return self.bank_names.get(quote.bank_code) or quote.bank_name or quote.bank_code

    def lines(self) -> list[tuple[str, str]]:
        quote = self.flow.quote
        if quote is None:
            return []
        return [(self.tr("Bank tujuan"), self.bank_label(quote)), (self.tr("Rekening tujuan"), quote.account_number),
                (self.tr("Nama penerima"), quote.account_name)]

    def pay(self) -> None:
        if self.worker.is_busy(self.pay_button):
            return
        amount = self.amount.value()
        limits = self.banking.limits["transfer"]
        try:  # refuse at the field before the PIN is asked
            self.flow.require_confirmed()
            validation.amount("amount", self.amount.digits(), minimum=limits["min"], maximum=limits["max"])
        except UserInputError as exc:
            self.fail(exc)
            return
        quote = self.flow.quote
        total = format_rupiah((amount or 0) + quote.admin_fee)
        pin = self.ask_pin(self, self.tr("PIN transaksi agen"),
                           self.tr("Transfer ke {account_name} ({account_number}), total {total}.").format(
                               account_name=quote.account_name, account_number=quote.account_number, total=total))
        if pin is None:
            return
        call = self.flow.payment(self.banking, amount, pin)
        lines = self.lines()

        def done(executed: Any) -> None:
            self.flow.paid(executed)
            self.render()
            self.completed.emit(TransactionDone(self.flow.title, executed.row, lines))

        def failed(exc: BaseException) -> None:
            self.flow.failed(amount, exc)
            self.render()
            self.fail_transaction(exc, self.flow.title, lines)

        self.run(call, done, busy=self.pay_button, message=self.tr("Mengirim transfer…"), on_failure=failed,
                 deadline=self.banking.client.deadline)
        self.pay_button.setEnabled(False)

    def reset(self) -> None:
        super().reset()
        self.flow.restart()
        self.account.clear()
        self.amount.clear()
        self.confirm.setChecked(False)
        self.bank.setCurrentIndex(-1)
        self.render()
        (self.bank if self.flow.needs_bank else self.account).setFocus()


@register("transfer_intrabank", group="Perbankan", title=KINDS["intrabank"], order=40)
def _make_intrabank(services: "ScreenServices") -> TransferScreen:
    return TransferScreen("intrabank", services.banking, services.worker, services.errors, services.ask_pin,
                          services.journal)


@register("transfer_interbank", group="Perbankan", title=KINDS["interbank"], order=41)
def _make_interbank(services: "ScreenServices") -> TransferScreen:
    return TransferScreen("interbank", services.banking, services.worker, services.errors, services.ask_pin,
                          services.journal)
