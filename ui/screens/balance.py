"""A balance screen (Saldo Agen, BCA: Saldo): one balance, big, with a refresh button.

Not journaled (it moves nothing). The time of the last answer is shown so the agent knows
how fresh the figure is after serving a few customers. A subclass says what to ask
(``fetch``) and how the answer reads (``describe``); the layout and the refresh are here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from ui.screens.base import Screen
from ui.widgets.balance_card import BalanceCard

if TYPE_CHECKING:
    from ui.errors import ErrorPresenter
    from ui.worker import Worker


class BalanceScreen(Screen):
    def __init__(self, title: str, caption: str, note: str, fetch: Callable[[], Any], loading: str,
                 worker: "Worker", errors: "ErrorPresenter") -> None:
        super().__init__(title, worker, errors)
        self.fetch = fetch
        self.loading = loading
        self.balance_card = BalanceCard(caption, detail=self.tr("Memuat…"))
        self.balance, self.detail = self.balance_card.figure, self.balance_card.detail
        self.body.addWidget(self.balance_card)
        row = QHBoxLayout()
        hint = QLabel(note, objectName="muted")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.refresh_button = QPushButton(self.tr("Perbarui"), objectName="secondary")
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        self.body.addLayout(row)

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.run(self.fetch, self.show_balance, busy=self.refresh_button, message=self.loading)

    def show_balance(self, answer: Any) -> None:
        self.balance_card.show_figure(*self.describe(answer))

    def describe(self, answer: Any) -> tuple[str, str]:
        """(the balance, the line under it) for the host's answer."""
        raise NotImplementedError
