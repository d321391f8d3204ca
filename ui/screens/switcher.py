"""Transfer Switcher (Bank+ switching): bank code + account -> inquiry (name and status)
-> amount and remark -> confirmation -> result.

The Switcher takes no PIN (bankplus-api.txt, Switcher section), so the agent confirms in a
dialog instead: whom, how much, and that the customer heard the name read out. The
transfer pays the ``paymentCode`` of this inquiry; changing the destination starts again.

Decisions: an inquiry that answers a status other than "Rekening Aktif" is shown, and the
transfer button stays off (the switcher would refuse it: "Account not active"); the agent
does not find that out only after confirming.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QStackedWidget, QWidget

from services import validation
from services.errors import UserInputError
from services.flows.attempt import PaymentAttempt
from services.money import format_rupiah
from ui import dialogs
from ui.registry import register
from ui.screens.base import Screen, TransactionDone
from ui.screens.deposit import digits_only
from ui.screens.details import DetailsPanel
from ui.screens.pages import action_row, push_button, step_page
from ui.screens.snap_common import UnavailableScreen
from ui.widgets.money import MoneyEdit
from ui.i18n import translate
from services.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from services.hosts.switcher import SwitcherAccount
    from services.journal import Journal
    from services.switching import SwitchingService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Transfer Switcher")
DEFAULT_BANK = "BRINIDJA"
ACTIVE = "rekening aktif"


class SwitcherScreen(Screen):
    scan_target = "account"  # the field a barcode scan fills (ui/scan.py)

    def __init__(self, switching: "SwitchingService", worker: "Worker", errors: "ErrorPresenter",
                 journal: "Journal | None" = None) -> None:
        super().__init__(TITLE, worker, errors, journal=journal)
        self.switching = switching
        self.confirm: dialogs.Confirm = dialogs.confirm
        self.attempt = PaymentAttempt()
        self.quote: "SwitcherAccount | None" = None
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages)
        self.pages.addWidget(self._destination_page())
        self.pages.addWidget(self._transfer_page())

    # -- pages -----------------------------------------------------------------------
    def _destination_page(self) -> QWidget:
        page, layout = step_page()
        self.bank = QLineEdit(DEFAULT_BANK, objectName="bank")
        self.bank.setMaxLength(11)
        self.bank.setValidator(QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9]{0,11}"), self.bank))
        self.add_field("bank", self.tr("Kode bank switching"), self.bank, layout=layout,
                       hint=self.tr("Kode bank tujuan di switcher, mis. BRINIDJA."))
        self.account = digits_only(QLineEdit(objectName="account"), 20)
        self.account.setPlaceholderText(self.tr("Nomor rekening penerima"))
        self.add_field("account", self.tr("Nomor rekening tujuan"), self.account, layout=layout)
        self.inquiry_button = push_button(self.tr("Cek rekening tujuan"), self.inquire, "primary")
        self.account.returnPressed.connect(self.inquire)
        layout.addWidget(self.inquiry_button)
        return page

    def _transfer_page(self) -> QWidget:
        page, layout = step_page()
        self.destination = DetailsPanel()
        layout.addWidget(self.destination)
        self.amount = MoneyEdit()
        limits = self.switching.limits
        self.add_field("amount", self.tr("Nominal transfer (Rp)"), self.amount, layout=layout,
                       hint=self.tr("Minimal {rupiah}, maksimal {rupiah2}. Tanpa biaya admin.").format(
                           rupiah=format_rupiah(limits['min']), rupiah2=format_rupiah(limits['max'])))
        self.remark = QLineEdit(objectName="remark")
        self.remark.setMaxLength(100)
        self.remark.setPlaceholderText(self.tr("Boleh kosong"))
        self.add_field("remark", self.tr("Berita transfer"), self.remark, layout=layout)
        self.back_button = push_button(self.tr("Ubah tujuan"), self.change_destination)
        self.pay_button = push_button(self.tr("Kirim transfer"), self.pay, "primary")
        self.amount.returnPressed.connect(self.remark.setFocus)
        self.remark.returnPressed.connect(self.pay)
        layout.addLayout(action_row(self.back_button, self.pay_button))
        return page

    # -- steps -----------------------------------------------------------------------
    def inquire(self) -> None:
        bank, account, switching = self.bank.text(), self.account.text(), self.switching
        self.run(lambda: switching.switcher_inquiry(bank, account), self._quoted, busy=self.inquiry_button,
                 message=self.tr("Mencari rekening tujuan…"))

    def _quoted(self, quote: "SwitcherAccount") -> None:
        self.quote = quote
        self.attempt.clear()
        active = quote.status.strip().lower() == ACTIVE
        self.destination.set_rows([(self.tr("Nama penerima"), quote.name), (self.tr("Bank"), quote.bank),
                                   (self.tr("Nomor rekening"), quote.account), (self.tr("Status rekening"), quote.status or "—")],
                                  emphasise=self.tr("Nama penerima"))
        self.pay_button.setEnabled(active)
        if not active:
            self.banner.show_message("warning", self.tr('Rekening tujuan berstatus "{status}": transfer tidak dapat dikirim. '
                                                        "Minta nasabah memeriksa rekeningnya.").format(
                                                            status=quote.status))
        self.pages.setCurrentIndex(1)
        self.amount.setFocus()

    def lines(self) -> list[tuple[str, str]]:
        quote = self.quote
        return [(self.tr("Bank tujuan"), quote.bank), (self.tr("Rekening tujuan"), quote.account), (self.tr("Nama penerima"), quote.name)]

    def pay(self) -> None:
        if self.worker.is_busy(self.pay_button) or self.quote is None or not self.pay_button.isEnabled():
            return
        self.clear_errors()
        limits = self.switching.limits
        try:  # refuse at the field before asking anything
            amount = validation.amount("amount", self.amount.digits(), minimum=limits["min"], maximum=limits["max"])
        except UserInputError as exc:
            self.fail(exc)
            return
        quote, remark = self.quote, self.remark.text().strip()
        if not self.confirm(self, self.tr("Kirim transfer?"),
                            self.tr("Transfer {amount} ke {name}, {bank} {account}.\n\nPastikan nama "
                                    "penerima sudah dibacakan dan dibenarkan nasabah. Transfer yang "
                                    "terkirim hanya dapat dibatalkan dengan persetujuan supervisor.").format(
                                        amount=format_rupiah(amount), name=quote.name, bank=quote.bank,
                                        account=quote.account)):
            return
        key = (quote.payment_code, amount, remark)
        reference = self.attempt.reference_for(key)
        switching, lines = self.switching, self.lines()

        def done(executed: Any) -> None:
            self.attempt.clear()
            self.completed.emit(TransactionDone(TITLE, executed.row, lines))

        def failed(exc: BaseException) -> None:
            self.attempt.failed(key, exc)
            self.fail_transaction(exc, TITLE, lines)

        self.run(lambda: switching.switcher_transfer(quote, amount, remark, reference=reference), done,
                 busy=self.pay_button, message=self.tr("Mengirim transfer…"), on_failure=failed)

    def change_destination(self) -> None:
        self.quote = None
        self.attempt.clear()
        self.clear_errors()
        self.pages.setCurrentIndex(0)
        self.account.setFocus()

    def back(self) -> None:
        if self.pages.currentIndex() == 1 and not self.worker.is_busy(self.pay_button):
            self.change_destination()

    def reset(self) -> None:
        super().reset()
        self.account.clear()
        self.amount.clear()
        self.remark.clear()
        self.bank.setText(DEFAULT_BANK)
        self.change_destination()


@register("switcher_transfer", group="Perbankan", title=TITLE, order=45)
def _make(services: "ScreenServices") -> Screen:
    if services.switching is None:  # live mode without hosts.switcher (base_url, source_account)
        screen = UnavailableScreen(TITLE, translate("switcher", "Switcher"), services.worker, services.errors)
        screen.text.setText(translate("switcher", "Transfer Switcher belum diatur di komputer ini. Minta supervisor mengisi alamat "
                            "switcher dan rekening sumber agen (hosts.switcher di settings profil), lalu buka "
                            "ulang Loket."))
        return screen
    return SwitcherScreen(services.switching, services.worker, services.errors, services.journal)
