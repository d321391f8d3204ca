"""Beranda: the agent's balance, big, and the five dashboard graphs, with a refresh button
and shortcuts to the Perbankan screens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from services.clock import format_wib
from services.money import format_rupiah
from ui import registry
from services.i18n import QT_TRANSLATE_NOOP
from ui.registry import register
from ui.screens.base import Screen
from ui.widgets.balance_card import BalanceCard
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
# Page widths (logical px) where Beranda changes its layout: side by side with three charts
# a row from WIDE (1366x768 gives 1134), two shortcut columns and one chart a row below the
# others, and never narrower than NARROWEST (the window scrolls sideways only below that).
WIDE = 1000
SHORTCUTS_IN_THREE = 700
CHARTS_IN_TWO = 640
NARROWEST = 480


class HomeScreen(Screen):
    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter") -> None:
        super().__init__(self.tr("Beranda"), worker, errors, expand=True)
        self.banking = banking
        self.loaded = False
        self.card.setObjectName("plain")
        self.heading.hide()  # the balance card says where the agent is; the charts need the height
        self.body.setContentsMargins(0, 0, 0, 0)

        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top.setSpacing(16)
        self.balance_card = BalanceCard(self.tr("Saldo Agen"), detail=self.tr("Memuat…"))
        self.balance = self.balance_card.figure
        self.top.addWidget(self.balance_card, 2)

        actions = QFrame()
        actions.setObjectName("card")
        actions_layout = QVBoxLayout(actions)
        actions_layout.setContentsMargins(20, 14, 20, 14)
        label = QLabel(self.tr("Layani nasabah"))
        label.setObjectName("cardTitle")
        actions_layout.addWidget(label)
        self.shortcut_grid = QGridLayout()
        self.shortcut_grid.setSpacing(6)
        self.shortcuts: list[QPushButton] = []
        for entry in registry.entries():
            if entry.group == "Perbankan":
                button = QPushButton(translate("screens", entry.title))
                button.setObjectName("shortcut")
                button.clicked.connect(lambda _=False, target=entry.id: self.navigate.emit(target))
                self.shortcuts.append(button)
        actions_layout.addLayout(self.shortcut_grid)
        actions_layout.addStretch(1)
        self.top.addWidget(actions, 3)
        self.body.addLayout(self.top)

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

        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(12)
        self.charts: dict[str, BarChart] = {}
        self.chart_cards: list[QFrame] = []
        for key, title in GRAPHS:
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
            self.chart_cards.append(frame)
        self.body.addLayout(self.chart_grid, 1)
        # below its side-by-side width Beranda reflows (``reflow``) instead of scrolling sideways
        self.setMinimumWidth(NARROWEST)
        self.columns = (0, 0)  # (shortcuts, charts) a row, as laid out
        self.reflow(WIDE)

    # -- layout ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.reflow(event.size().width())

    def reflow(self, width: int) -> None:
        """At 1366x768 the balance card and the shortcuts sit side by side over three charts
        a row. Narrower (125 % scaling leaves about 850 px beside the menu) the card stacks
        over the shortcuts and the charts go two a row; narrower still, fewer columns again."""
        wide = width >= WIDE
        self.top.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
        columns = (3 if width >= SHORTCUTS_IN_THREE else 2, 3 if wide else 2 if width >= CHARTS_IN_TWO else 1)
        if columns != self.columns:
            self.columns = columns
            _arrange(self.shortcut_grid, self.shortcuts, columns[0])
            _arrange(self.chart_grid, self.chart_cards, columns[1])

    def watch_office(self, office: Any, every_ms: int = 5000) -> None:
        """One line on the partner office sync. ``office.status()`` is an in-memory read (the
        outbox thread does the work), so polling it on the GUI thread costs nothing."""
        self.office = office
        self.office_line = QLabel()
        self.office_line.setObjectName("muted")
        self.office_line.setProperty("role", "officeStatus")
        self.body.insertWidget(0, self.office_line)
        self.office_timer = QTimer(self)
        self.office_timer.timeout.connect(self.show_office)
        self.office_timer.start(every_ms)
        self.show_office()

    def show_office(self) -> None:
        state = self.office.status()
        if state.pending == 0 and state.last_sync:
            text = self.tr("Tersinkron {time}").format(time=state.last_sync[11:16])
        elif state.pending:
            text = self.tr("{count} transaksi belum terkirim ke kantor").format(count=state.pending)
        else:
            text = self.tr("Belum tersinkron dengan kantor")
        self.office_line.setText(text)

    def activated(self) -> None:
        """First visit: balance and graphs. Coming back (after serving a customer): the
        balance alone, so the card never shows a figure from before the last transaction
        and a poor connection is not asked for the five graphs again."""
        if not self.loaded:
            self.refresh()
        elif not self.worker.is_busy(self.refresh_button):
            self.run(self.banking.agent_balance, self.show_balance, busy=self.refresh_button,
                     message=self.tr("Memuat saldo…"))

    def refresh(self) -> None:
        self.run(self.banking.dashboard, self.show_dashboard, busy=self.refresh_button,
                 message=self.tr("Memuat saldo dan grafik…"))

    def show_dashboard(self, dashboard: Any) -> None:
        self.loaded = True
        if dashboard.balance is not None:
            self.show_balance(dashboard.balance)
        self.month.setText(self.tr("Grafik — {month}").format(month=dashboard.month))
        for key, _title in GRAPHS:
            self.charts[key].set_points([(p.title, p.count) for p in getattr(dashboard, key)])

    def show_balance(self, info: Any) -> None:
        self.balance_card.show_figure(format_rupiah(info.balance), self.tr(
            "Rekening {account_number} a.n. {account_name} · per {wib}").format(
                account_number=info.account_number, account_name=info.account_name,
                wib=format_wib(self.banking.clock.now())))


def _arrange(grid: QGridLayout, widgets: list[Any], columns: int) -> None:
    """Lay ``widgets`` out ``columns`` a row, in equal columns."""
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for column in range(max(grid.columnCount(), columns)):
        grid.setColumnStretch(column, 1 if column < columns else 0)


@register("home", group="Beranda", title=QT_TRANSLATE_NOOP("screens", "Beranda"), order=0)
def _make(services: "ScreenServices") -> HomeScreen:
    home = HomeScreen(services.banking, services.worker, services.errors)
    if getattr(services, "office", None) is not None:
        home.watch_office(services.office)
    from ui.screens.suspects import attach_worklist  # Transaksi Menggantung, above the balance

    attach_worklist(home, services)
    return home
