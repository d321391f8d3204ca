"""Saldo Agen: the agent's own float balance at Bank+ (ui/screens/balance.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.clock import format_wib
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.registry import register
from ui.screens.balance import BalanceScreen

if TYPE_CHECKING:
    from services.hosts.bankplus.service import AccountInfo, BankingService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Saldo Agen")


class AgentBalanceScreen(BalanceScreen):
    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter") -> None:
        self.banking = banking
        super().__init__(TITLE, self.tr("Saldo rekening agen"),
                         self.tr("Saldo ini dipakai untuk setor tunai, transfer dan pembayaran. "
                                 "Tekan Perbarui setelah melayani nasabah."),
                         banking.agent_balance, self.tr("Memuat saldo agen…"), worker, errors)

    def describe(self, info: "AccountInfo") -> tuple[str, str]:
        return format_rupiah(info.balance), self.tr("{account_name} · rekening {account_number} · per {wib}").format(
            account_name=info.account_name, account_number=info.account_number,
            wib=format_wib(self.banking.clock.now()))


@register("agent_balance", group="banking", title=TITLE, order=60)
def _make(services: "ScreenServices") -> AgentBalanceScreen:
    return AgentBalanceScreen(services.banking, services.worker, services.errors)
