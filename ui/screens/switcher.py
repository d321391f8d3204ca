"""Transfer Switcher (Bank+ switching): bank code + account -> inquiry (name and status)
-> the shared transfer steps (``ui/screens/transfer_steps.py``) over ``SwitcherFlow``.

The Switcher's API takes no PIN (bankplus-api.txt, Switcher section), but the transfer
moves the agent's money: the agent's transaction PIN is asked like for every transfer and
checked locally (services/flows/pin.py). The transfer pays the ``paymentCode`` of this
inquiry; changing the destination starts again.

Decisions: an inquiry that answers a status other than "Rekening Aktif" is shown, and the
transfer button stays off (the switcher would refuse it: "Account not active"); the agent
does not find that out only after typing the PIN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from services.flows.others import SwitcherFlow
from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate
from ui.registry import register
from ui.screens.base import Screen
from ui.screens.snap_common import UnavailableScreen
from ui.screens.transfer_steps import TransferStepsScreen

if TYPE_CHECKING:
    from services.flows.pin import TransactionPins
    from services.hosts.switcher.service import SwitchingService
    from services.journal import Journal
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Transfer Switcher")
DEFAULT_BANK = "BRINIDJA"


class SwitcherScreen(TransferStepsScreen):
    remark_max = 100
    TEXT = {
        **TransferStepsScreen.TEXT,
        "amount_hint": QT_TRANSLATE_NOOP("transfer_steps", "Minimal {low}, maksimal {high}. Tanpa biaya admin."),
        "pay": QT_TRANSLATE_NOOP("transfer_steps", "Kirim transfer"),
        "pin": QT_TRANSLATE_NOOP("transfer_steps", "Transfer {amount} ke {name}, {bank} {account}. Transfer yang "
                                                   "terkirim hanya dapat dibatalkan dengan persetujuan supervisor."),
    }

    def __init__(self, switching: "SwitchingService", worker: "Worker", errors: "ErrorPresenter",
                 ask_pin: "PinPrompt", journal: "Journal | None" = None, *, pins: "TransactionPins | None" = None,
                 operator: Callable[[], str] = lambda: "system") -> None:
        self.switching = switching
        super().__init__(SwitcherFlow(switching, pins, operator), worker, errors, ask_pin, journal)

    def destination_fields(self, layout: QVBoxLayout) -> None:
        self.bank = QLineEdit(DEFAULT_BANK, objectName="bank")
        self.bank.setMaxLength(11)
        self.bank.setValidator(QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9]{0,11}"), self.bank))
        self.add_field("bank", self.tr("Kode bank switching"), self.bank, layout=layout,
                       hint=self.tr("Kode bank tujuan di switcher, mis. BRINIDJA."))

    def destination_inputs(self) -> dict[str, Any]:
        return {"bank": self.bank.text(), "account": self.account.text()}

    def _quoted(self, destination: Any) -> None:
        super()._quoted(destination)
        if not self.flow.payable:
            self.banner.show_message("warning", self.tr('Rekening tujuan berstatus "{status}": transfer tidak dapat '
                                                        "dikirim. Minta nasabah memeriksa rekeningnya.").format(
                                                            status=destination.status))

    def reset(self) -> None:
        super().reset()
        self.bank.setText(DEFAULT_BANK)


@register("switcher_transfer", group="banking", title=TITLE, order=45)
def _make(services: "ScreenServices") -> Screen:
    if services.switching is None:  # live mode without hosts.switcher (base_url, source_account)
        screen = UnavailableScreen(TITLE, translate("switcher", "Switcher"), services.worker, services.errors)
        screen.text.setText(translate("switcher", "Transfer Switcher belum diatur di komputer ini. Minta supervisor "
                                      "mengisi alamat switcher dan rekening sumber agen di tab Bank+ Switcher, "
                                      "Pengaturan > Koneksi Host, lalu buka ulang Loket."))
        return screen
    return SwitcherScreen(services.switching, services.worker, services.errors, services.ask_pin, services.journal,
                          pins=services.pins, operator=services.banking.operator)
