"""Beranda: the agent's balance, big, and the agent's day beside it (``home_day``: today's
transactions, fees, uncertain ones, the drawer), the shortcuts to the Perbankan screens,
and, behind a button, the five Bank+ dashboard graphs with a refresh button. The BSA graph
takes a month (bankplus-api.txt L172): the agent picks this month or one of the eleven
before it. Above them, while there
is any: Transaksi Menggantung (ui/screens/suspects.py) and the successes whose receipt was
never printed (``UnprintedReceipts``: a crash between SUCCESS and the print leaves nothing
else on screen after a restart)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from services.clock import WIB, format_wib
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from services.product_groups import BANKING
from services.reports.unprinted import unprinted
from ui import registry
from ui.i18n import translate
from ui.keyboard import ARRIVAL
from ui.registry import register
from ui.screens.base import Screen
from ui.screens.home_day import AgentDay
from ui.widgets.balance_card import BalanceCard
from ui.widgets.banner import Banner
from ui.widgets.barchart import BarChart
from ui.widgets.restyle import mark
from ui.widgets.wrapping_label import breakable_path

if TYPE_CHECKING:
    from services.backup import BackupStatus, JournalBackup
    from services.bank_time import BankTime
    from services.dayclose import DayCloseService
    from services.hosts.bankplus.service import BankingService
    from services.journal import Journal, JournalRow
    from services.receipts import ReceiptDesk
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

GRAPHS = (
    ("bsa", QT_TRANSLATE_NOOP("home", "Transaksi Laku Pandai")),
    ("bill", QT_TRANSLATE_NOOP("home", "Pembayaran tagihan")),
    ("purchase", QT_TRANSLATE_NOOP("home", "Pembelian")),
    ("agent_growth", QT_TRANSLATE_NOOP("home", "Pertumbuhan agen")),
    ("agent_spread", QT_TRANSLATE_NOOP("home", "Sebaran agen per provinsi")),
)
# Page widths (logical px) where Beranda changes its layout: side by side with three charts
# a row from WIDE (1366x768 gives 1134), two shortcut columns and one chart a row below the
# others, and never narrower than NARROWEST (the window scrolls sideways only below that).
MONTH_NAMES = (
    QT_TRANSLATE_NOOP("home", "Januari"), QT_TRANSLATE_NOOP("home", "Februari"), QT_TRANSLATE_NOOP("home", "Maret"),
    QT_TRANSLATE_NOOP("home", "April"), QT_TRANSLATE_NOOP("home", "Mei"), QT_TRANSLATE_NOOP("home", "Juni"),
    QT_TRANSLATE_NOOP("home", "Juli"), QT_TRANSLATE_NOOP("home", "Agustus"), QT_TRANSLATE_NOOP("home", "September"),
    QT_TRANSLATE_NOOP("home", "Oktober"), QT_TRANSLATE_NOOP("home", "November"), QT_TRANSLATE_NOOP("home", "Desember"),
)
# names the Bank+ dashboard gives in English (bankplus-api.txt, the graphs' "title"s)
DASHBOARD_NAMES = {
    "Customer Balance": QT_TRANSLATE_NOOP("home", "Cek Saldo Nasabah"),
    "Mobile Postpaid": QT_TRANSLATE_NOOP("home", "Pascabayar Seluler"),
    "Train Ticketing": QT_TRANSLATE_NOOP("home", "Tiket Kereta"),
    "Railink": QT_TRANSLATE_NOOP("home", "Kereta Bandara"),
}
MONTHS_BACK = 12  # this month and the eleven before it
WIDE = 1000
SHORTCUTS_IN_THREE = 700
CHARTS_IN_TWO = 640
NARROWEST = 480


class HomeScreen(Screen):
    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter",
                 dayclose: "DayCloseService | None" = None) -> None:
        super().__init__(self.tr("Beranda"), worker, errors, expand=True)
        self.banking = banking
        self.loaded = False
        self.bank_time: "BankTime | None" = None  # ``watch_clock``
        self.backup: "JournalBackup | None" = None  # ``watch_backup``
        self.card.setObjectName("plain")
        self.heading.hide()  # the balance card says where the agent is; the charts need the height
        self.body.setContentsMargins(0, 0, 0, 0)

        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top.setSpacing(16)
        self.balance_card = BalanceCard(self.tr("Saldo Agen"), detail=self.tr("Memuat…"))
        self.balance = self.balance_card.figure
        self.top.addWidget(self.balance_card, 2)
        self.day = AgentDay(dayclose, banking.operator, worker) if dayclose is not None else None
        if self.day is not None:
            self.top.addWidget(self.day, 3)

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
            if entry.group == BANKING:
                button = QPushButton(translate("screens", entry.title))
                button.setObjectName("shortcut")
                button.clicked.connect(lambda _=False, target=entry.id: self.navigate.emit(target))
                self.shortcuts.append(button)
        if self.shortcuts:  # where every arrival puts the cursor, Beranda on show already too
            self.shortcuts[0].setProperty(ARRIVAL, True)
        actions_layout.addLayout(self.shortcut_grid)
        actions_layout.addStretch(1)
        self.body.addLayout(self.top)
        self.body.addWidget(actions)

        head = QHBoxLayout()
        # the bank's graphs are the bank's view of the agent: behind a button, under the day
        self.charts_button = QPushButton(self.tr("Tampilkan grafik Bank+"), objectName="secondary")
        self.charts_button.setCheckable(True)
        self.charts_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.charts_button.toggled.connect(self.show_charts)
        head.addWidget(self.charts_button)
        head.addStretch(1)
        month_label = QLabel(self.tr("Bulan"))
        self.month_picker = QComboBox(objectName="monthPicker")
        self.month_picker.setToolTip(self.tr("Bulan grafik Transaksi Laku Pandai"))
        month_label.setBuddy(self.month_picker)
        self._fill_months()
        self.month_picker.activated.connect(lambda _index: self.refresh())
        head.addWidget(month_label)
        head.addWidget(self.month_picker)
        self.chart_controls = (month_label, self.month_picker)
        self.refresh_button = QPushButton(self.tr("Perbarui"))
        self.refresh_button.setObjectName("secondary")
        self.refresh_button.setToolTip(self.tr("Muat ulang saldo dan grafik (F5)"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(lambda: self.refresh())
        head.addWidget(self.refresh_button)
        self.body.addLayout(head)

        self.charts_area = QWidget()
        self.chart_grid = QGridLayout(self.charts_area)
        self.chart_grid.setContentsMargins(0, 0, 0, 0)
        self.chart_grid.setSpacing(12)
        self.charts: dict[str, BarChart] = {}
        self.chart_titles: dict[str, QLabel] = {}
        self.chart_cards: list[QFrame] = []
        for key, title in GRAPHS:
            frame = QFrame()
            frame.setObjectName("chartCard")
            layout = QVBoxLayout(frame)
            layout.setContentsMargins(14, 10, 14, 10)
            heading = QLabel(translate("home", title))
            heading.setObjectName("chartTitle")
            self.chart_titles[key] = heading
            layout.addWidget(heading)
            chart = BarChart()
            chart.setObjectName(f"chart_{key}")
            layout.addWidget(chart, 1)
            self.charts[key] = chart
            self.chart_cards.append(frame)
        self.body.addWidget(self.charts_area, 1)
        self.body.addStretch(1)  # the room the hidden charts leave stays empty, under the cards
        self._filler = self.body.count() - 1
        self.show_charts(False)
        # below its side-by-side width Beranda reflows (``reflow``) instead of scrolling sideways
        self.setMinimumWidth(NARROWEST)
        self.columns = (0, 0)  # (shortcuts, charts) a row, as laid out
        self.reflow(WIDE)

    def show_charts(self, shown: bool) -> None:
        self.charts_area.setVisible(shown)
        self.body.setStretch(self._filler, 0 if shown else 1)
        for widget in self.chart_controls:
            widget.setVisible(shown)
        self.charts_button.setText(self.tr("Sembunyikan grafik Bank+") if shown else self.tr("Tampilkan grafik Bank+"))

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
            for before, after in zip(self.shortcuts, self.shortcuts[1:] + [self.charts_button]):
                QWidget.setTabOrder(before, after)
            _arrange(self.chart_grid, self.chart_cards, columns[1])

    def watch_office(self, office: Any, every_ms: int = 5000) -> None:
        """One line on the partner office sync. ``office.status()`` is an in-memory read (the
        outbox thread does the work), so polling it on the GUI thread costs nothing."""
        self.office = office
        self.office_line = QLabel()
        self.office_line.setObjectName("muted")
        self.office_line.setWordWrap(True)  # the fork's message ends with who to call: never cut off
        self.office_line.setProperty("role", "officeStatus")
        self.office_timer = self._on_top(self.office_line, self.show_office, every_ms)

    def _on_top(self, line: QWidget, show: Callable[[], None], every_ms: int) -> QTimer:
        """``line`` above everything on Beranda, brought up to date by ``show`` now and every ``every_ms``."""
        self.body.insertWidget(0, line)
        timer = QTimer(self)
        timer.timeout.connect(show)
        timer.start(every_ms)
        show()
        return timer

    def show_office(self) -> None:
        """One line: when everything reached the office, or what waits and why. A journal
        that differs from the office's copy stops the sending until someone looks
        (services/office/outbox.py): it must not read like a slow connection, and it says
        what to ask the office's operator for."""
        from services.office.outbox import NOT_STORED, REFUSED, UNVERIFIED  # the office's module, only when configured

        state = self.office.status()
        when = self._sync_time(state.last_sync)
        why = {REFUSED: self.tr("kantor menolak loket ini; minta supervisor memeriksa Koneksi Host"),
               UNVERIFIED: self.tr("koneksi ke kantor tidak aman; minta supervisor memeriksa Koneksi Host"),
               NOT_STORED: self.tr("kantor menolak sebagian catatan loket ini; hubungi operator kantor"),
               }.get(state.error, self.tr("kantor belum terjangkau"))
        if state.fork_at is not None:
            # The office never takes a second history under one counter id (a new PC, a profile
            # restored from a backup or copied): the way on is a new id for this PC (README,
            # Partner office), which only the office's operator can give.
            where = (self.tr("mulai catatan status ke-{position}") if state.error.startswith("event ")
                     else self.tr("mulai transaksi ke-{position}")).format(position=state.fork_at)
            text = self.tr("Riwayat di loket ini berbeda dengan yang disimpan kantor untuk ID loket ini ({where}); "
                           "tidak ada lagi yang dikirim ke kantor. Minta operator kantor mendaftarkan PC ini dengan "
                           "ID loket baru, lalu supervisor mengisi ID dan kata sandinya di Pengaturan > Koneksi Host "
                           "> Kantor mitra dan membuka ulang Loket.").format(where=where)
        elif state.pending and state.error:
            text = self.tr("%n transaksi belum terkirim ke kantor: {reason}", "", state.pending).format(reason=why)
        elif state.pending:
            text = self.tr("%n transaksi belum terkirim ke kantor", "", state.pending)
        elif state.pending == 0 and when:
            text = self.tr("Tersinkron {time}").format(time=when)
        elif when:
            text = self.tr("Terakhir tersinkron {time}").format(time=when)
        elif state.error:
            text = self.tr("Belum tersinkron: {reason}").format(reason=why)
        else:
            text = self.tr("Belum tersinkron dengan kantor")
        self.office_line.setText(text)
        # The fork is an alarm for the supervisor, drawn as the app's other warnings (the amber
        # strip); every other state is the muted line beside Beranda's figures.
        name = "banner" if state.fork_at is not None else "muted"
        if self.office_line.objectName() != name:
            self.office_line.setObjectName(name)
            mark(self.office_line, "kind", "warning" if name == "banner" else None)

    def watch_backup(self, backup: "JournalBackup", every_ms: int = 300_000) -> None:
        """One line on the journal's last verified copy (services/backup.py): muted while all
        is well, an amber banner while a sealed day has no verified copy (a Tutup Hari whose copy
        failed) or the backup folder cannot be reached. Its status reads files and the journal: in the
        worker, at each visit of Beranda and every ``every_ms``."""
        self.backup = backup
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.backup_line = QLabel(objectName="muted")
        self.backup_line.setWordWrap(True)
        self.backup_line.setProperty("role", "backupStatus")
        self.backup_warning = Banner()
        self.backup_warning.setProperty("role", "backupWarning")
        layout.addWidget(self.backup_line)
        layout.addWidget(self.backup_warning)
        self.backup_timer = self._on_top(box, self.load_backup, every_ms)

    def load_backup(self) -> None:
        self.worker.run(self.backup.status, on_success=self.show_backup, on_failure=lambda _exc: None)

    def backup_text(self) -> tuple[str, bool]:
        """What the backup line says, and whether it warns."""
        warning = not self.backup_warning.isHidden()
        return (self.backup_warning if warning else self.backup_line).text(), warning

    def show_backup(self, status: "BackupStatus") -> None:
        last = status.last_at.astimezone(WIB).strftime("%d/%m %H:%M") if status.last_at is not None else ""
        if not status.reachable:
            text = self.tr("Folder cadangan jurnal tidak dapat dijangkau ({folder}): pasang flashdisk atau disk "
                           "cadangannya.").format(folder=breakable_path(status.folder))
            if last:
                text += " " + self.tr("Cadangan terakhir {time}.").format(time=last)
        elif status.other_journal_at is not None:
            # After a restore: the copy recorded is of the history that was lost, not of this journal.
            text = self.tr("Cadangan yang tercatat ({time}) bukan salinan jurnal ini: jurnal dipulihkan dari "
                           "cadangan yang lebih lama? Belum ada cadangan jurnal ini. Minta supervisor membuatnya di "
                           "Pengaturan > Cadangan Jurnal.").format(
                time=status.other_journal_at.astimezone(WIB).strftime("%d/%m %H:%M"))
        elif status.stale:
            text = (self.tr("Cadangan jurnal terakhir {time}: Tutup Hari sesudahnya belum dicadangkan. Minta "
                            "supervisor membuatnya di Pengaturan > Cadangan Jurnal.").format(time=last) if last else
                    self.tr("Belum ada cadangan jurnal. Minta supervisor membuatnya di Pengaturan > Cadangan Jurnal."))
        else:
            text = (self.tr("Cadangan terakhir {time}").format(time=last) if last
                    else self.tr("Belum ada cadangan jurnal: dibuat otomatis sesudah Tutup Hari"))
        if status.warning:
            self.backup_line.hide()
            if self.backup_warning.isHidden() or self.backup_warning.text() != text:
                self.backup_warning.show_message("warning", text)
        else:
            self.backup_warning.clear_message()
            self.backup_line.setText(text)
            self.backup_line.show()

    def watch_clock(self, bank_time: "BankTime", every_ms: int = 5000) -> None:
        """A warning above everything while the PC's clock is more than a few minutes off the
        bank's (services/bank_time.py: Buka Shift and Tutup Hari refuse while it is far off).
        ``warning()`` is an in-memory read, so polling it on the GUI thread costs nothing; the
        agent who puts the Windows clock right sees the warning go within ``every_ms``."""
        self.bank_time = bank_time
        self.clock_warning = Banner()
        self.clock_warning.setProperty("role", "clockWarning")
        self.clock_timer = self._on_top(self.clock_warning, self.show_clock, every_ms)

    def show_clock(self) -> None:
        from ui.errors import localized_message

        warning = self.bank_time.warning() if self.bank_time is not None else None
        if warning is None:
            self.clock_warning.clear_message()
        elif self.clock_warning.isHidden():
            self.clock_warning.show_message("warning", localized_message(warning))
        else:  # the times in it move on: the text only, without scrolling the page back to it
            self.clock_warning.setText(localized_message(warning))

    def _sync_time(self, last_sync: str | None) -> str:
        """"14:05" today, "04/12/2026 20:41 WIB" on an earlier day ("" when never)."""
        if not last_sync:
            return ""
        moment = datetime.fromisoformat(last_sync)
        same_day = moment.astimezone(WIB).date() == self.banking.clock.now().astimezone(WIB).date()
        return moment.astimezone(WIB).strftime("%H:%M") if same_day else format_wib(moment)

    def activated(self) -> None:
        """First visit: balance and graphs. Coming back (after serving a customer): the
        balance alone, so the card never shows a figure from before the last transaction
        and a poor connection is not asked for the five graphs again.

        The focus goes to the first "Layani nasabah" shortcut: Enter there opens the form of
        the next customer, Tab walks the shortcuts in the order they are shown. (Left to
        Qt it went to the graphs' button, the one control an agent never needs at once.)
        These loads leave the keyboard free (``hold_keys``): the agent does not wait for
        them, and the Enter on "Layani nasabah" or the letter that opens the palette is the
        next customer's, never held while the bank tells the balance. Opened again while on
        show (a second Ctrl+H, the sidebar's Beranda), the counter's arrival keeps it there
        too (``ARRIVAL``); it took the graphs' toggle for the first input."""
        if self.shortcuts:
            self.shortcuts[0].setFocus(Qt.FocusReason.OtherFocusReason)
        if self.bank_time is not None:
            self.show_clock()
        if self.backup is not None:
            self.load_backup()
        if self.day is not None:
            self.day.load()
        if not self.loaded:
            self.refresh(hold_keys=False)
        elif not self.worker.is_busy(self.refresh_button):
            self.run(self.banking.agent_balance, self.show_balance, busy=self.refresh_button,
                     message=self.tr("Memuat saldo…"), hold_keys=False)

    def _fill_months(self) -> None:
        """This month first, then the eleven before it, as "November 2026" (data: 2026-11)."""
        now = self.banking.clock.now()
        year, month = now.year, now.month
        picked = self.month_picker.currentData()
        self.month_picker.clear()
        for _ in range(MONTHS_BACK):
            self.month_picker.addItem(self.month_name(f"{year:04d}-{month:02d}"), f"{year:04d}-{month:02d}")
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        self.month_picker.setCurrentIndex(max(0, self.month_picker.findData(picked)))

    @staticmethod
    def month_name(month: str) -> str:
        year, number = month.split("-")
        return f"{translate('home', MONTH_NAMES[int(number) - 1])} {year}"

    def refresh(self, *, hold_keys: bool = True) -> None:
        if self.month_picker.itemData(0) != self.banking.clock.now().strftime("%Y-%m"):
            self._fill_months()  # Loket left open across the turn of a month
        month = self.month_picker.currentData()
        self.run(lambda: self.banking.dashboard(month), self.show_dashboard, busy=self.refresh_button,
                 message=self.tr("Memuat saldo dan grafik…"), hold_keys=hold_keys)

    def show_dashboard(self, dashboard: Any) -> None:
        self.loaded = True
        if dashboard.balance is not None:
            self.show_balance(dashboard.balance)
        self.month_picker.setCurrentIndex(max(0, self.month_picker.findData(dashboard.month)))
        self.chart_titles["bsa"].setText(self.tr("Transaksi Laku Pandai — {month}").format(
            month=self.month_name(dashboard.month)))
        for key, _title in GRAPHS:
            self.charts[key].set_points([(point_name(p.title), p.count) for p in getattr(dashboard, key)])

    def show_balance(self, info: Any) -> None:
        self.balance_card.show_figure(format_rupiah(info.balance), self.tr(
            "Rekening {account_number} a.n. {account_name} · per {wib}").format(
                account_number=info.account_number, account_name=info.account_name,
                wib=format_wib(self.banking.clock.now())))


def point_name(title: str) -> str:
    """A graph bar's name in the agent's language: Bank+ names some products in English."""
    return translate("home", DASHBOARD_NAMES[title]) if title in DASHBOARD_NAMES else title


def _arrange(grid: QGridLayout, widgets: list[Any], columns: int) -> None:
    """Lay ``widgets`` out ``columns`` a row, in equal columns."""
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for column in range(max(grid.columnCount(), columns)):
        grid.setColumnStretch(column, 1 if column < columns else 0)


class UnprintedReceipts(QFrame):
    """"n transaksi berhasil belum dicetak struknya", one line and one "Cetak struk" each.

    Read when Beranda is built (after login), and again when Transaksi Menggantung settles a
    row (an uncertain payment found BERHASIL: its customer is owed the receipt); the journal
    and the printer in the worker."""

    def __init__(self, journal: "Journal", desk: "ReceiptDesk", worker: "Worker", errors: "ErrorPresenter") -> None:
        super().__init__()
        self.setObjectName("unprintedReceipts")
        self.journal, self.desk, self.worker, self.errors = journal, desk, worker, errors
        self.rows: dict[str, "JournalRow"] = {}
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.intro = QLabel(self.tr("Transaksi ini berhasil, tetapi struknya belum pernah dicetak (mis. statusnya baru "
                                    "pasti sesudah dicek, atau Loket tertutup sebelum mencetak). Cetak dan serahkan "
                                    "kepada nasabahnya; jangan ulangi transaksinya."))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QVBoxLayout()
        layout.addLayout(self.list)
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.hide()

    def load(self, *, focus_on: str = "", when: Callable[[], bool] = lambda: False) -> None:
        """Read the list again; the cursor then goes to ``focus_on``'s "Cetak struk" if it is
        listed and ``when()`` says the cursor may be taken (asked once the list is on show)."""
        def shown(rows: list["JournalRow"]) -> None:
            self.show_rows(rows)
            button = self.buttons.get(focus_on)
            if button is not None and when():
                button.setFocus(Qt.FocusReason.OtherFocusReason)

        self.worker.run(lambda: unprinted(self.journal), on_success=shown, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import localized

        self.message.setText(localized(exc))
        self.show()

    def show_rows(self, rows: list["JournalRow"]) -> None:
        from ui.models.journal_table import customer_text, product_text
        from ui.models.product_names import product_names

        while self.list.count():  # a list read again replaces the last one
            line = self.list.takeAt(0).layout()
            while line.count():
                line.takeAt(0).widget().deleteLater()
            line.deleteLater()
        self.rows, self.buttons = {}, {}
        names = product_names()
        for row in rows:
            line = QHBoxLayout()
            label = QLabel(self.tr("{product} {total} · {customer} · {wib} · No. referensi {reference}").format(
                product=product_text(row, names), total=format_rupiah(row.total_final), customer=customer_text(row),
                wib=format_wib(datetime.fromisoformat(row.updated_at)), reference=row.reference))
            label.setWordWrap(True)
            line.addWidget(label, 1)
            button = QPushButton(self.tr("Cetak struk"))
            button.setObjectName("primary")
            button.clicked.connect(lambda _=False, ref=row.reference: self.print_one(ref))
            line.addWidget(button)
            self.list.addLayout(line)
            self.rows[row.reference] = row
            self.buttons[row.reference] = button
        self._count()

    def _count(self) -> None:
        waiting = [ref for ref, button in self.buttons.items() if button.isEnabled()]
        self.title.setText(self.tr("%n transaksi berhasil belum dicetak struknya", "", len(waiting)))
        self.setVisible(bool(self.buttons))

    def print_one(self, reference: str) -> None:
        button = self.buttons[reference]
        desk = self.desk

        def done(_receipt: object) -> None:
            if self.buttons.get(reference) is not button:  # the list was read again meanwhile
                self.load()
                return
            button.setText(self.tr("Dicetak"))
            button.setEnabled(False)
            self.message.setText(self.tr("Struk No. referensi {reference} dikirim ke printer.").format(
                reference=reference))
            self._count()

        self.worker.run(lambda: desk.issue(reference), on_success=done, on_failure=self._failed, busy=button)

    def text(self) -> str:
        lines = [self.title.text()]
        for index in range(self.list.count()):
            item = self.list.itemAt(index).layout()
            lines.append(" ".join(item.itemAt(i).widget().text() for i in range(item.count())))
        return "\n".join(lines)


def attach_unprinted(home: HomeScreen, services: "ScreenServices") -> UnprintedReceipts | None:
    desk = services.receipts
    if desk is None or services.journal is None:
        return None
    panel = UnprintedReceipts(services.journal, desk, services.worker, services.errors)
    home.body.insertWidget(0, panel)
    home.unprinted = panel
    panel.load()
    return panel


@register("home", group="home", title=QT_TRANSLATE_NOOP("screens", "Beranda"), order=0)
def _make(services: "ScreenServices") -> HomeScreen:
    home = HomeScreen(services.banking, services.worker, services.errors, services.dayclose)
    if services.office is not None:
        home.watch_office(services.office)
    if services.backup is not None:
        home.watch_backup(services.backup)
    from ui.screens.suspects import attach_worklist  # Transaksi Menggantung, above the balance

    receipts = attach_unprinted(home, services)
    worklist = attach_worklist(home, services)
    if receipts is not None and worklist is not None:
        def settled(reference: str) -> None:
            # the last row settled here as BERHASIL: its receipt is the next step ("Cetak struknya
            # dan serahkan kepada nasabah"), not the emptied list's "Tutup"
            receipts.load(focus_on=reference, when=lambda: QApplication.focusWidget() is worklist.close_button)

        worklist.settled.connect(settled)
    if services.bank_time is not None:
        home.watch_clock(services.bank_time)  # last: above everything else
    return home
