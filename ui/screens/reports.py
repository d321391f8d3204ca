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
from ui.models.report import ClosedDay, ClosedDaysModel
from ui.registry import register
from ui.screens.base import Screen
from ui.screens.report_actions import FolderChooser, PrintHook, ReportActions, choose_folder
from ui.widgets.report_view import ReportView, report_table
from ui.widgets.supervisor import SupervisorPrompt, ask_supervisor

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
        columns = QHBoxLayout()
        columns.setSpacing(20)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Hari yang sudah ditutup"), objectName="sectionTitle"))
        self.days = ClosedDaysModel(parent=self)
        self.table = report_table(self.days, "reportTable", 2, fit=False)
        # Tab leaves the list for the export buttons (``report_table``: one Tab stop); the
        # arrows move between days.
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.clicked.connect(self.open_row)
        self.table.activated.connect(self.open_row)
        left.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Belum ada hari yang ditutup. Laporan Z dibuat di Tutup Hari."), objectName="muted")
        self.empty.setWordWrap(True)
        left.addWidget(self.empty)
        buttons = QVBoxLayout()  # stacked: the list column is narrow
        self.pdf_button = QPushButton(self.tr("Ekspor PDF…"), objectName="secondary")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button = QPushButton(self.tr("Ekspor CSV…"), objectName="secondary")
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        left.addLayout(buttons)
        self.export_note = QLabel(self.tr("Ekspor pertama bebas; ekspor berikutnya adalah cetak ulang dan perlu PIN "
                                  "supervisor serta alasan."), objectName="fieldHint")
        self.export_note.setWordWrap(True)
        left.addWidget(self.export_note)
        holder = QWidget(objectName="plain")
        holder.setLayout(left)
        holder.setMaximumWidth(300)
        left.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(holder)
        right = QVBoxLayout()
        self.view = ReportView()
        self.view.hide()  # no empty report columns before a day is opened
        right.addWidget(self.view, 1)
        self.hash_label = QLabel(objectName="muted")
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label.setWordWrap(True)
        right.addWidget(self.hash_label)
        columns.addLayout(right, 1)
        self.body.addLayout(columns, 1)
        self._enable()

    def activated(self) -> None:
        service = self.service
        self.run(lambda: [ClosedDay(d, n, live) for d, n, live in service.closed_days()], self._listed,
                 busy=self.table, message=self.tr("Memuat daftar laporan…"))

    def _listed(self, days: list[ClosedDay]) -> None:
        self.loaded = True
        self.days.set_rows(days)
        self.empty.setVisible(not days)
        if days:
            self.table.selectRow(0)
            self.open_row(self.days.index(0, 0))
        else:
            self.selected = None
            self._enable()

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
        self.hash_label.setText(self.tr("Kode pengaman laporan: {digest}.{superseded}").format(
            digest=digest, superseded=superseded))
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
