"""Beranda's "Hari ini" card: the agent's own day before the bank's graphs.

What an agent glances at between customers: how many transactions went through today and
for how much, the counter fees taken (the agent's income; the bank's admin fee is not),
whether any transaction is still uncertain (those come first), and the cash in the
drawer. The drawer's expected cash keeps the blind count
(``services.dayclose.blind``): until Tutup Hari's count it is not shown, here either; the
card says when it will be. The figures are the day's Laporan X, read in the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from services.dayclose.blind import counted_only
from services.money import format_rupiah
from ui.models.report import day_label

if TYPE_CHECKING:
    from services.dayclose import DayCloseService
    from services.reports import Report
    from ui.worker import Worker


class AgentDay(QFrame):
    def __init__(self, service: "DayCloseService", operator: Callable[[], str], worker: "Worker") -> None:
        super().__init__()
        self.setObjectName("card")
        self.service, self.operator, self.worker = service, operator, worker
        self.report: "Report | None" = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        self.title = QLabel(self.tr("Hari ini"), objectName="cardTitle")
        layout.addWidget(self.title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate((("done", self.tr("Transaksi berhasil")),
                                              ("fees", self.tr("Biaya loket")),
                                              ("open", self.tr("Menggantung")),
                                              ("cash", self.tr("Kas di laci")))):
            grid.addWidget(QLabel(caption, objectName="resultLabel"), row, 0)
            value = QLabel("…", objectName="resultValue")
            value.setWordWrap(True)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        layout.addLayout(grid)
        layout.addStretch(1)

    def load(self) -> None:
        service, operator = self.service, self.operator()
        self.worker.run(lambda: counted_only(service.x_report(operator=operator)), on_success=self.show_day,
                        on_failure=self._failed)

    def show_day(self, report: "Report") -> None:
        self.report = report
        self.title.setText(self.tr("Hari ini · hari kerja {day}").format(day=day_label(report.business_date)))
        totals = report.totals
        self.values["done"].setText(self.tr("%n transaksi · {total}", "", totals.count).format(
            total=format_rupiah(totals.total)))
        self.values["fees"].setText(format_rupiah(totals.counter_fee))  # the agent's own income
        pending = len(report.open)
        self.values["open"].setText(self.tr("%n transaksi: selesaikan di daftar Transaksi Menggantung", "", pending)
                                    if pending else self.tr("tidak ada"))
        self.values["cash"].setText(format_rupiah(report.cash.expected) if report.cash is not None else self.tr(
            "ditampilkan sesudah kas dihitung di Tutup Hari"))

    def _failed(self, _exc: BaseException) -> None:
        for value in self.values.values():
            value.setText(self.tr("belum dapat dibaca"))

    def text(self) -> str:
        return "\n".join([self.title.text()] + [value.text() for value in self.values.values()])
