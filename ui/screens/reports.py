"""Laporan > Laporan X (the day so far, on demand, closing nothing) and Laporan Harian (the
closed days: open a Laporan Z, export it as PDF or CSV).

Both are read-only views of ``services.reports.Report`` through ``ReportView``. A Laporan Z
is always shown from its stored snapshot (``z_report_by_number``), never recomputed.
Re-exporting after the first export is a reprint: ``ReportActions`` asks a supervisor.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate
from ui.models.report import CLOSED_DAY_STATES, ClosedDay, ClosedDaysModel
from ui.registry import register
from ui.screen_fit import scroll_to_top
from ui.screens.base import Screen
from ui.screens.report_actions import FolderChooser, PrintHook, ReportActions, choose_folder
from ui.widgets.column_fit import title_width
from ui.widgets.report_view import ReportView, report_table
from ui.widgets.supervisor import SupervisorPrompt, ask_supervisor

EXPORTS_WIDTH = 300  # the export buttons and their note, beside the list
LIST_ROWS = 4  # days in view; the rest scroll

if TYPE_CHECKING:
    from services.dayclose import DayCloseService
    from services.reports import Report
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker


class XReportScreen(Screen):
    """The day so far; printed on the receipt printer or saved as PDF like every other report,
    both without the expected cash before the day's count (``DayCloseService.render``)."""

    def __init__(self, service: "DayCloseService", operator: Callable[[], str], worker: "Worker",
                 errors: "ErrorPresenter", *, choose_folder: FolderChooser = choose_folder,
                 print_printout: "PrintHook | None" = None) -> None:
        super().__init__(self.tr("Laporan X"), worker, errors, expand=True)
        self.service = service
        self.operator = operator
        self.actions = ReportActions(self, service, operator, choose_folder=choose_folder,
                                     ask_supervisor=ask_supervisor, print_printout=print_printout)
        self.loaded = False
        self.business_date = ""
        note = QLabel(self.tr("Ringkasan hari ini sejauh ini. Tidak menutup hari dan tidak diberi nomor."),
                      objectName="muted")
        note.setWordWrap(True)
        self.body.addWidget(note)
        row = QHBoxLayout()  # under the note, with short names: four buttons fit 1024 px at 125 % too
        self.balance_button = QPushButton(self.tr("Saldo bank"), objectName="secondary")
        self.balance_button.clicked.connect(lambda: self.load(with_balance=True))
        row.addWidget(self.balance_button)
        self.refresh_button = QPushButton(self.tr("Perbarui"), objectName="secondary")
        self.refresh_button.clicked.connect(lambda: self.load())
        row.addWidget(self.refresh_button)
        self.print_button = QPushButton(self.tr("Cetak"), objectName="secondary")
        self.print_button.clicked.connect(self.print_summary)
        row.addWidget(self.print_button)
        self.pdf_button = QPushButton(self.tr("Ekspor PDF…"), objectName="secondary")
        self.pdf_button.clicked.connect(self.export_pdf)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.view = ReportView()
        self.body.addWidget(self.view, 1)

    def activated(self) -> None:
        self.load()

    def load(self, *, with_balance: bool = False) -> None:
        service, operator = self.service, self.operator()
        busy = self.balance_button if with_balance else self.refresh_button
        self.run(lambda: service.x_report(operator=operator, with_balance=with_balance), self._show, busy=busy,
                 message=self.tr("Menghitung laporan…") if not with_balance else self.tr("Menanyakan saldo bank…"))

    def _show(self, report: "Report") -> None:
        # The drawer's expected cash stays hidden until Tutup Hari's blind count: a mid-day
        # Laporan X that showed it would let the count be made to match the system.
        self.loaded = True
        self.business_date = report.business_date
        self.view.show_report(replace(report, cash=None))

    def print_summary(self) -> None:
        if self.business_date:
            self.actions.print_summary(self.business_date, self.print_button, lambda _printout: None,
                                       recorded=False)

    def export_pdf(self) -> None:
        if self.business_date:
            self.actions.export(self.business_date, "pdf", self.pdf_button)


class DailyReportsScreen(Screen):
    """The closed days in a short list, their exports beside it, and the Laporan Z chosen
    under them, as wide as the page. (Beside the report, the list was squeezed to ~156px at
    1024x768 and 125 %, its status cut, and the page scrolled sideways; the report beside a
    list wide enough for its texts cut its product names even at 1366x768.)"""

    def __init__(self, service: "DayCloseService", operator: Callable[[], str], worker: "Worker",
                 errors: "ErrorPresenter", *, ask_supervisor: SupervisorPrompt = ask_supervisor,
                 choose_folder: FolderChooser = choose_folder) -> None:
        super().__init__(self.tr("Laporan Harian"), worker, errors, expand=True)
        self.service = service
        self.actions = ReportActions(self, service, operator, choose_folder=choose_folder,
                                     ask_supervisor=ask_supervisor)
        self.loaded = False
        self.selected: ClosedDay | None = None
        self.shown_hash = ""
        self.body.addWidget(QLabel(self.tr("Hari yang sudah ditutup"), objectName="sectionTitle"))
        self.days = ClosedDaysModel(parent=self)
        self.table = report_table(self.days, "reportTable", 2, fit=False)
        # Tab leaves the list for the export buttons (``report_table``: one Tab stop); the
        # arrows move between days.
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.clicked.connect(self.open_row)
        self.table.activated.connect(self.open_row)
        self.days.modelReset.connect(self._fit_list)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.table, 0, Qt.AlignmentFlag.AlignTop)
        self.exports = QWidget(objectName="plain")
        self.exports.setMaximumWidth(EXPORTS_WIDTH)
        exports = QVBoxLayout(self.exports)  # stacked: a column beside the list
        exports.setContentsMargins(0, 0, 0, 0)
        self.pdf_button = QPushButton(self.tr("Ekspor PDF…"), objectName="secondary")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button = QPushButton(self.tr("Ekspor CSV…"), objectName="secondary")
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        exports.addWidget(self.pdf_button)
        exports.addWidget(self.csv_button)
        self.export_note = QLabel(self.tr("Ekspor pertama bebas; ekspor berikutnya adalah cetak ulang dan perlu PIN "
                                  "supervisor serta alasan."), objectName="fieldHint")
        self.export_note.setWordWrap(True)
        exports.addWidget(self.export_note)
        row.addWidget(self.exports, 1, Qt.AlignmentFlag.AlignTop)
        row.addStretch(0)
        self.body.addLayout(row)
        self.empty = QLabel(self.tr("Belum ada hari yang ditutup. Laporan Z dibuat di Tutup Hari."), objectName="muted")
        self.empty.setWordWrap(True)
        self.body.addWidget(self.empty)
        # With no day closed yet, the one useful thing here is the way to Tutup Hari (which
        # starts at its summary: Enter on this button closes nothing).
        self.day_close_button = QPushButton(self.tr("Buka Tutup Hari"), objectName="primary")
        self.day_close_button.clicked.connect(lambda: self.navigate.emit("day_close"))
        self.body.addWidget(self.day_close_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.view = ReportView()
        self.view.hide()  # no empty report columns before a day is opened
        self.body.addWidget(self.view, 1)
        self.hash_label = QLabel(objectName="muted")
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label.setWordWrap(True)
        self.body.addWidget(self.hash_label)
        self.body.addStretch(0)  # under the way to Tutup Hari while there is no report
        self._show_list(False)
        self._enable()

    def activated(self) -> None:
        service = self.service
        self.run(lambda: [ClosedDay(d, n, live) for d, n, live in service.closed_days()], self._listed,
                 busy=self.table, message=self.tr("Memuat daftar laporan…"))

    def _listed(self, days: list[ClosedDay]) -> None:
        self.loaded = True
        self.days.set_rows(days)
        self._show_list(bool(days))
        if days:
            self.table.selectRow(0)
            self.open_row(self.days.index(0, 0))
        else:
            self.selected = None
            self._enable()
        # The page from its top, the keyboard on what is useful here: the list, or with no
        # day closed the way to Tutup Hari. Loading had taken the keyboard from the list (it
        # is disabled meanwhile), and the page scrolled to wherever Qt sent it.
        self.focus_if_shown(self.table if days else self.day_close_button)
        scroll_to_top(self)

    def _show_list(self, any_day: bool) -> None:
        """The list and its exports once a day is closed; before that, why it is empty and the
        way to Tutup Hari (the empty list, the page's tallest thing, had the keyboard)."""
        for widget in (self.table, self.exports):
            widget.setVisible(any_day)
        self.empty.setVisible(not any_day)
        self.day_close_button.setVisible(not any_day)
        self.body.setStretch(self.body.count() - 1, 0 if any_day else 1)

    def _fit_list(self) -> None:
        """The list as wide as its columns need, each text whole: a day's number, its date
        and the longest status any day can have ("Dibuka kembali"), beside its scroll bar;
        ``LIST_ROWS`` days tall (the rest scroll)."""
        table, model = self.table, self.days
        if not model.rowCount():
            return
        table.ensurePolished()  # the style sheet's font and padding
        metrics, header = table.fontMetrics(), table.horizontalHeader()
        grid = int(table.showGrid())
        around = table.sizeHintForIndex(model.index(0, 0)).width() - metrics.horizontalAdvance(model.text(0, 0)) + grid
        texts = [[model.text(0, column)] for column in range(model.columnCount() - 1)]
        texts.append([translate("report", status) for status in CLOSED_DAY_STATES])
        needed = sum(max(title_width(header, column), max(metrics.horizontalAdvance(text) for text in column_texts)
                         + around) for column, column_texts in enumerate(texts))
        frame = 2 * table.frameWidth()
        table.setFixedSize(needed + frame + table.verticalScrollBar().sizeHint().width(),
                           header.sizeHint().height() + LIST_ROWS * table.rowHeight(0) + frame)

    def open_row(self, index: QModelIndex) -> None:
        day = self.days.row_at(index.row())
        service = self.service
        self.run(lambda: service.z_report_by_number(day.number), lambda shown: self._opened(day, shown),
                 busy=self.view, message=self.tr("Membuka laporan…"))

    def _opened(self, day: ClosedDay, shown: tuple["Report", str]) -> None:
        report, digest = shown
        self.selected, self.shown_hash = day, digest
        self.view.show_report(report)
        self.view.show()
        superseded = "" if day.in_force else self.tr(" Hari ini dibuka kembali sesudahnya: laporan ini tidak berlaku "
                                                     "lagi.")
        # in two halves, as on Tutup Hari's sealed page: in one 64-character word it was as
        # wide as the report, and the page scrolled sideways
        self.hash_label.setText(self.tr("Kode pengaman laporan: {digest}.{superseded}").format(
            digest=f"{digest[:32]}\n{digest[32:]}", superseded=superseded))
        self._enable()

    def _enable(self) -> None:
        usable = self.selected is not None and self.selected.in_force
        self.pdf_button.setEnabled(usable)
        self.csv_button.setEnabled(usable)

    def export(self, fmt: str) -> None:
        if self.selected is None:
            return
        self.actions.export(self.selected.business_date, fmt, self.pdf_button if fmt == "pdf" else self.csv_button)


@register("x_report", group="reports", title=QT_TRANSLATE_NOOP("screens", "Laporan X"), order=20)
def _make_x(services: "ScreenServices") -> Any:
    return XReportScreen(services.dayclose, services.banking.operator, services.worker, services.errors,
                         print_printout=services.print_printout)


@register("daily_reports", group="reports", title=QT_TRANSLATE_NOOP("screens", "Laporan Harian"), order=40)
def _make_daily(services: "ScreenServices") -> Any:
    return DailyReportsScreen(services.dayclose, services.banking.operator, services.worker, services.errors)
