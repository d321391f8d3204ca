"""Beranda: the agent's balance, big, and the five dashboard graphs, with a refresh button
and shortcuts to the Perbankan screens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from services.clock import format_wib
from services.money import format_rupiah
from ui import registry
from services.i18n import QT_TRANSLATE_NOOP
from ui.registry import register
from ui.screens.base import Screen
from ui.widgets.barchart import BarChart
from ui.i18n import translate

if TYPE_CHECKING:
    from services.banking import BankingService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

GRAPHS = (
    ("bsa", QT_TRANSLATE_NOOP("home", "Transaksi Laku Pandai bulan ini")),
    ("bill", QT_TRANSLATE_NOOP("home", "Pembayaran tagihan")),
    ("purchase", QT_TRANSLATE_NOOP("home", "Pembelian")),
    ("agent_growth", QT_TRANSLATE_NOOP("home", "Pertumbuhan agen")),
    ("agent_spread", QT_TRANSLATE_NOOP("home", "Sebaran agen per provinsi")),
)


class HomeScreen(Screen):
    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter") -> None:
        super().__init__(self.tr("Beranda"), worker, errors, expand=True)
        self.banking = banking
        self.loaded = False
        self.card.setObjectName("plain")
        self.heading.hide()  # the balance card says where the agent is; the charts need the height
        self.body.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        top.setSpacing(16)
        balance_card = QFrame()
        balance_card.setObjectName("balanceCard")
        balance = QVBoxLayout(balance_card)
        balance.setContentsMargins(24, 16, 24, 16)
        caption = QLabel(self.tr("Saldo Agen"))
        caption.setObjectName("balanceCaption")
        balance.addWidget(caption)
        self.balance = QLabel("—")
        self.balance.setObjectName("balanceAmount")
        balance.addWidget(self.balance)
        self.balance_detail = QLabel(self.tr("Memuat…"))
        self.balance_detail.setObjectName("balanceDetail")
        self.balance_detail.setWordWrap(True)
        balance.addWidget(self.balance_detail)
        top.addWidget(balance_card, 2)

        actions = QFrame()
        actions.setObjectName("card")
        actions_layout = QVBoxLayout(actions)
        actions_layout.setContentsMargins(20, 14, 20, 14)
        label = QLabel(self.tr("Layani nasabah"))
        label.setObjectName("cardTitle")
        actions_layout.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(6)
        shortcuts = [e for e in registry.entries() if e.group == "Perbankan"]
        for index, entry in enumerate(shortcuts):
            button = QPushButton(translate("screens", entry.title))
            button.setObjectName("shortcut")
            button.clicked.connect(lambda _=False, target=entry.id: self.navigate.emit(target))
            grid.addWidget(button, index // 3, index % 3)
        actions_layout.addLayout(grid)
        actions_layout.addStretch(1)
        top.addWidget(actions, 3)
        self.body.addLayout(top)

        head = QHBoxLayout()
        self.month = QLabel(self.tr("Grafik"))
        self.month.setObjectName("cardTitle")
        head.addWidget(self.month)
        head.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Perbarui"))
        self.refresh_button.setObjectName("secondary")
        self.refresh_button.setToolTip(self.tr("Muat ulang saldo dan grafik (F5)"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        head.addWidget(self.refresh_button)
        self.body.addLayout(head)

        charts = QGridLayout()
        charts.setSpacing(12)
        self.charts: dict[str, BarChart] = {}
        for index, (key, title) in enumerate(GRAPHS):
            frame = QFrame()
            frame.setObjectName("chartCard")
            layout = QVBoxLayout(frame)
            layout.setContentsMargins(14, 10, 14, 10)
            heading = QLabel(translate("home", title))
            heading.setObjectName("chartTitle")
            layout.addWidget(heading)
            chart = BarChart()
            chart.setObjectName(f"chart_{key}")
            layout.addWidget(chart, 1)
            self.charts[key] = chart
            charts.addWidget(frame, index // 3, index % 3)
        self.body.addLayout(charts, 1)

    def activated(self) -> None:
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        self.run(self.banking.dashboard, self.show_dashboard, busy=self.refresh_button,
                 message=self.tr("Memuat saldo dan grafik…"))

    def show_dashboard(self, dashboard: Any) -> None:
        self.loaded = True
        info = dashboard.balance
        if info is not None:
            self.balance.setText(format_rupiah(info.balance))
            self.balance_detail.setText(
                self.tr("Rekening {account_number} a.n. {account_name} · per {wib}").format(
                    account_number=info.account_number, account_name=info.account_name,
                    wib=format_wib(self.banking.clock.now())))
        self.month.setText(self.tr("Grafik — {month}").format(month=dashboard.month))
        for key, _title in GRAPHS:
            self.charts[key].set_points([(p.title, p.count) for p in getattr(dashboard, key)])


@register("home", group="Beranda", title=QT_TRANSLATE_NOOP("screens", "Beranda"), order=0)
def _make(services: "ScreenServices") -> HomeScreen:
    home = HomeScreen(services.banking, services.worker, services.errors)
    from ui.screens.suspects import attach_worklist  # Transaksi Menggantung, above the balance

    attach_worklist(home, services)
    return home
