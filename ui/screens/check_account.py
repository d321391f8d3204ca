"""Cek Rekening: an account number -> whose account it is (name, number, bank, phone).

No PIN and no journal row: it is an inquiry the agent makes before taking cash, so the
customer can hear the name read back. The phone number is shown masked — the host already
masks it; a number that arrives unmasked is masked here so the screen never shows it whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from services.i18n import QT_TRANSLATE_NOOP
from ui.registry import register
from ui.screens.base import Screen
from ui.screens.details import DetailsPanel
from ui.widgets.digits import digits_only

if TYPE_CHECKING:
    from services.hosts.bankplus.service import AccountInfo, BankingService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Cek Rekening")


def masked_phone(phone: str) -> str:
    """The last four digits hidden, unless the host already hid some."""
    phone = phone.strip()
    if not phone or "x" in phone.lower() or len(phone) <= 4:
        return phone or "—"
    return phone[:-4] + "xxxx"


class CheckAccountScreen(Screen):
    scan_target = "account"  # the field a barcode scan fills (ui/scan.py)

    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter") -> None:
        super().__init__(TITLE, worker, errors)
        self.banking = banking
        row = QHBoxLayout()
        box = QVBoxLayout()
        self.account = digits_only(QLineEdit(objectName="account"), 20)
        self.account.setPlaceholderText(self.tr("contoh: 4447"))
        self.add_field("account", self.tr("Nomor rekening"), self.account, layout=box,
                       hint=self.tr("Nasabah tidak perlu PIN untuk cek rekening."))
        row.addLayout(box, 1)
        self.submit = QPushButton(self.tr("Cek rekening"))
        self.submit.setObjectName("primary")
        self.submit.clicked.connect(self.check)
        self.account.returnPressed.connect(self.check)
        row.addWidget(self.submit)
        self.body.addLayout(row)
        self.details = DetailsPanel()
        self.details.hide()
        self.body.addWidget(self.details)
        self.account.textEdited.connect(lambda _text: self.details.hide())

    def check(self) -> None:
        account = self.account.text()
        banking = self.banking
        self.run(lambda: banking.check_account(account), self.show_info, busy=self.submit,
                 message=self.tr("Memeriksa rekening…"))

    def show_info(self, info: "AccountInfo") -> None:
        self.details.set_rows([
            (self.tr("Nama pemilik"), info.account_name),
            (self.tr("Nomor rekening"), info.account_number),
            (self.tr("Bank"), info.bank_code or "—"),
            (self.tr("Nomor HP"), masked_phone(info.phone)),
        ], emphasise=self.tr("Nama pemilik"))
        self.details.show()

    def reset(self) -> None:
        super().reset()
        self.account.clear()
        self.details.hide()
        self.focus_if_shown(self.account)


@register("check_account", group="banking", title=TITLE, order=20)
def _make(services: "ScreenServices") -> CheckAccountScreen:
    return CheckAccountScreen(services.banking, services.worker, services.errors)
