"""Cek Saldo Nasabah: account number + the customer's own PIN -> the balance.

The PIN here is the *customer's* (``pin_platform``), not the agent's: the prompt says so
and asks the agent to hand over the keyboard. The inquiry is journaled (the host logs it
as a transaction), so it ends on the shared result screen like every other transaction,
with the balance as its highlight, large, where it cannot be missed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QPushButton

from services.errors import InvalidPin, UserInputError
from services.flows.bankplus import CustomerBalanceFlow
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.i18n import translate
from ui.registry import register
from ui.screens.base import Screen, TransactionDone
from ui.widgets.digits import digits_only

if TYPE_CHECKING:
    from services.hosts.bankplus.service import BankingService
    from services.journal import Journal
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Cek Saldo Nasabah")
PIN_TITLE = QT_TRANSLATE_NOOP("customer_balance", "PIN nasabah")
PIN_DETAIL = (QT_TRANSLATE_NOOP("customer_balance", "Serahkan keyboard kepada nasabah: NASABAH sendiri yang mengetik "
              "PIN rekeningnya ({account}). Agen jangan melihat, menanyakan atau mencatat PIN nasabah."))


def customer_pin_error(exc: BaseException) -> BaseException:
    """The host's INVALID_PIN speaks of the agent's transaction PIN; here it was the customer's."""
    if not isinstance(exc, InvalidPin):
        return exc
    wrong = InvalidPin(translate("customer_balance", "PIN nasabah salah. Minta nasabah mengetik ulang PIN "
                                                     "rekeningnya, lalu tekan Cek saldo."),
                       host=exc.host, code=exc.code, host_message=exc.host_message, trace=exc.trace)
    wrong.row, wrong.reference = exc.row, exc.reference
    return wrong


class CustomerBalanceScreen(Screen):
    scan_target = "account"  # the field a barcode scan fills (ui/scan.py)

    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter",
                 ask_pin: "PinPrompt", journal: "Journal | None" = None) -> None:
        super().__init__(TITLE, worker, errors, journal=journal)
        self.banking = banking
        self.ask_pin = ask_pin
        self.flow: CustomerBalanceFlow = CustomerBalanceFlow(banking)
        self.account = digits_only(QLineEdit(objectName="account"), 20)
        self.account.setPlaceholderText(self.tr("contoh: 4447"))
        self.add_field("account", self.tr("Nomor rekening nasabah"), self.account,
                       hint=self.tr("Setelah menekan tombol, nasabah mengetik PIN rekeningnya sendiri."))
        self.submit = QPushButton(self.tr("Cek saldo"))
        self.submit.setObjectName("primary")
        self.submit.clicked.connect(self.check)
        self.account.returnPressed.connect(self.check)
        self.body.addWidget(self.submit)

    def check(self) -> None:
        if self.worker.is_busy(self.submit):
            return
        self.clear_errors()
        try:  # refuse a bad number before the customer is asked for a PIN
            account = self.flow.prepare({"account": self.account.text()}).customer_ref
        except UserInputError as exc:
            self.fail(exc)
            return
        pin = self.ask_pin(self, translate("customer_balance", PIN_TITLE),
                           translate("customer_balance", PIN_DETAIL).format(account=account))
        if pin is None:
            return
        flow = self.flow

        def done(executed: Any) -> None:
            balance = format_rupiah(executed.result.balance)
            self.completed.emit(TransactionDone(TITLE, executed.row, highlight=(self.tr("Saldo"), balance)))

        def failed(exc: BaseException) -> None:
            self.fail_transaction(customer_pin_error(exc), TITLE)

        self.pay_with(lambda confirm: flow.pay(pin, confirm_duplicate=confirm), done, busy=self.submit,
                      message=self.tr("Memeriksa saldo…"), on_failure=failed, deadline=flow.deadline)

    def reset(self) -> None:
        super().reset()
        self.account.clear()
        self.focus_if_shown(self.account)


@register("customer_balance", group="banking", title=TITLE, order=30)
def _make(services: "ScreenServices") -> CustomerBalanceScreen:
    return CustomerBalanceScreen(services.banking, services.worker, services.errors, services.ask_pin,
                                 services.journal)
