"""Saldo Agen: the agent's own float balance, big, with a refresh button.

Not journaled (it moves nothing). The time of the last answer is shown so the agent knows
how fresh the figure is after serving a few customers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from services.clock import format_wib
from services.money import format_rupiah
from ui.registry import register
from ui.screens.base import Screen
from services.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from services.banking import AccountInfo, BankingService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Saldo Agen")


class AgentBalanceScreen(Screen):
    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter") -> None:
        super().__init__(TITLE, worker, errors)
        self.banking = banking
        panel = QFrame()
        panel.setObjectName("balanceCard")
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(24, 16, 24, 16)
        caption = QLabel(self.tr("Saldo rekening agen"))
        caption.setObjectName("balanceCaption")
        inner.addWidget(caption)
        self.balance = QLabel("—")
        self.balance.setObjectName("balanceAmount")
        inner.addWidget(self.balance)
        self.detail = QLabel(self.tr("Memuat…"))
        self.detail.setObjectName("balanceDetail")
        inner.addWidget(self.detail)
        self.body.addWidget(panel)
        row = QHBoxLayout()
        note = QLabel(self.tr("Saldo ini dipakai untuk setor tunai, transfer dan pembayaran. "
                      "Tekan Perbarui setelah melayani nasabah."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        row.addWidget(note, 1)
        self.refresh_button = QPushButton(self.tr("Perbarui"))
        self.refresh_button.setObjectName("secondary")
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        self.body.addLayout(row)

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.run(self.banking.agent_balance, self.show_balance, busy=self.refresh_button,
                 message=self.tr("Memuat saldo agen…"))

    def show_balance(self, info: "AccountInfo") -> None:
        self.balance.setText(format_rupiah(info.balance))
        self.detail.setText(self.tr("{account_name} · rekening {account_number} · per {wib}").format(
            account_name=info.account_name, account_number=info.account_number,
            wib=format_wib(self.banking.clock.now())))


@register("agent_balance", group="Perbankan", title=TITLE, order=60)
def _make(services: "ScreenServices") -> AgentBalanceScreen:
    return AgentBalanceScreen(services.banking, services.worker, services.errors)
