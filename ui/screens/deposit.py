"""Setor Tunai (cash deposit): account -> name looked up -> amount and narration ->
confirmation -> PIN -> result.

The name is never typed: it comes from a check-account lookup, so the agent reads back to
the customer whose account the cash goes into. Changing the account clears the name, and the
amount and Berita typed for it: the next customer never starts with the last one's amount.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from services.errors import UserInputError
from services.flows.bankplus import DEFAULT_NARRATION, DepositFlow
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.registry import register
from ui.screens.base import Screen, TransactionDone
from ui.screens.details import DetailsPanel
from ui.screens.pages import action_row, push_button, step_page

if TYPE_CHECKING:
    from services.flows.pin import TransactionPins
    from services.hosts.bankplus.service import BankingService
    from services.journal import Journal
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker

from ui.widgets.digits import digits_only
from ui.widgets.money import MoneyEdit

TITLE = QT_TRANSLATE_NOOP("screens", "Setor Tunai")
FORM_FIELDS = ("account", "name", "amount", "narration")


class DepositScreen(Screen):
    scan_target = "account"  # the field a barcode scan fills (ui/scan.py)

    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter",
                 ask_pin: "PinPrompt", journal: "Journal | None" = None,
                 pins: "TransactionPins | None" = None) -> None:
        super().__init__(TITLE, worker, errors, journal=journal)
        self.banking = banking
        self.ask_pin = ask_pin
        self.flow: DepositFlow = DepositFlow(banking, pins)  # a success proves the PIN for BCA/Switcher
        self.pages = self.add_pages(self._form_page(), self._confirm_page())

    # -- pages -----------------------------------------------------------------------
    def _form_page(self) -> QWidget:
        page, layout = step_page()
        row = QHBoxLayout()
        self.account = digits_only(QLineEdit(objectName="account"), 20)
        self.account.setPlaceholderText(self.tr("contoh: 14047"))
        account_box = QVBoxLayout()
        account_field = self.add_field("account", self.tr("Nomor rekening tujuan"), self.account, layout=account_box)
        row.addLayout(account_box, 1)
        self.lookup_button = push_button(self.tr("Cek rekening"), self.lookup, "secondary")
        button_box = QVBoxLayout()  # lines the button up with the input, under the field's label
        button_box.addSpacing(account_field.label.sizeHint().height() + 4)
        button_box.addWidget(self.lookup_button)
        button_box.addStretch(1)
        row.addLayout(button_box)
        layout.addLayout(row)
        self.name = QLineEdit(objectName="name")
        self.name.setReadOnly(True)
        self.name.setPlaceholderText(self.tr("Terisi otomatis setelah rekening dicek"))
        self.add_field("name", self.tr("Nama pemilik rekening"), self.name, layout=layout,
                       hint=self.tr("Bacakan nama ini kepada nasabah sebelum menerima uang."))
        self.amount = MoneyEdit()
        limits = self.flow.amount_range
        self.add_field("amount", self.tr("Nominal setoran (Rp)"), self.amount, layout=layout,
                       hint=self.tr("Minimal {rupiah}, maksimal {rupiah2}.").format(
                           rupiah=format_rupiah(limits.minimum), rupiah2=format_rupiah(limits.maximum)))
        self.narration = QLineEdit(objectName="narration")
        self.narration.setMaxLength(50)
        self.narration.setPlaceholderText(DEFAULT_NARRATION)
        self.add_field("narration", self.tr("Berita (boleh kosong)"), self.narration, layout=layout)
        self.next_button = push_button(self.tr("Lanjut"), self.review, "primary")
        layout.addWidget(self.next_button)
        self.account.returnPressed.connect(self.lookup)
        self.account.textEdited.connect(self._account_changed)
        self.amount.returnPressed.connect(self.narration.setFocus)
        self.narration.returnPressed.connect(self.review)
        return page

    def _confirm_page(self) -> QWidget:
        page, layout = step_page()
        intro = QLabel(self.tr("Periksa kembali bersama nasabah sebelum menyetor:"))
        intro.setObjectName("muted")
        layout.addWidget(intro)
        self.summary = DetailsPanel()
        layout.addWidget(self.summary)
        self.back_button = push_button(self.tr("Ubah"), self.edit)
        self.pay_button = push_button(self.tr("Setor sekarang"), self.pay, "primary")
        layout.addSpacing(12)
        layout.addLayout(action_row(self.back_button, self.pay_button))
        layout.addStretch(1)  # the page is as tall as the form page: the room goes below, not around the intro
        return page

    # -- steps -----------------------------------------------------------------------
    def _account_changed(self) -> None:
        """Another account than the one looked up: its owner's name goes, and with it what was
        typed for that owner (amount, Berita). A form left at its confirmation (Esc, Esc) gave
        the next customer's account the last customer's amount and Berita, three Enters from
        the PIN prompt; before a lookup nothing was typed for anyone, and nothing else goes."""
        if self.name.text():
            self.amount.clear()
            self.narration.clear()
        self.name.clear()

    def lookup(self) -> None:
        account = self.account.text()
        self.run(lambda: self.banking.check_account(account), self._found, busy=self.lookup_button,
                 message=self.tr("Memeriksa rekening…"))

    def _found(self, info: Any) -> None:
        self.name.setText(info.account_name)
        self.amount.setFocus()
        self.amount.selectAll()  # an amount left from before is typed over, not appended to

    def _inputs(self) -> dict[str, Any]:
        return {"account": self.account.text(), "name": self.name.text(), "amount": self.amount.digits(),
                "narration": self.narration.text()}

    def review(self) -> None:
        self.clear_errors()
        try:
            inputs = self.flow.prepare(self._inputs()).detail
        except UserInputError as exc:
            self.fail(exc)
            return
        amount = self.tr("Nominal setoran")
        self.summary.set_rows([(self.tr("Rekening tujuan"), inputs["account"]), (self.tr("Nama"), inputs["name"]),
                               (amount, format_rupiah(inputs["amount"])),
                                                         (self.tr("Berita"), inputs["narration"])], emphasise=amount)
        self.pages.setCurrentIndex(1)
        self.pay_button.setFocus()

    def edit(self) -> None:
        self.pages.setCurrentIndex(0)

    def back(self) -> None:
        if not self.worker.is_busy(self.pay_button):
            self.edit()

    def pay(self) -> None:
        if self.worker.is_busy(self.pay_button):
            return
        try:
            inputs = self.flow.prepare(self._inputs()).detail
        except UserInputError as exc:
            self.edit()
            self.fail(exc)
            return
        pin = self.ask_pin(self, self.tr("PIN transaksi agen"),
                           self.tr("Setor {rupiah} ke {value} a.n. {value2}.").format(
                               rupiah=format_rupiah(inputs['amount']), value=inputs['account'], value2=inputs['name']))
        if pin is None:
            return
        flow = self.flow

        def done(executed: Any) -> None:
            self.completed.emit(TransactionDone(TITLE, executed.row))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserInputError) and exc.field in FORM_FIELDS:
                self.edit()
            self.fail_transaction(exc, TITLE)

        self.pay_with(lambda confirm: flow.pay(pin, confirm_duplicate=confirm), done, busy=self.pay_button,
                      message=self.tr("Mengirim setoran…"), on_failure=failed, deadline=flow.deadline)

    def reset(self) -> None:
        super().reset()
        for edit in (self.account, self.name, self.amount, self.narration):
            edit.clear()
        self.edit()
        self.focus_if_shown(self.account)


@register("deposit", group="banking", title=TITLE, order=10)
def _make(services: "ScreenServices") -> DepositScreen:
    return DepositScreen(services.banking, services.worker, services.errors, services.ask_pin, services.journal,
                         services.pins)
