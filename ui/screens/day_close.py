"""Laporan > Tutup Hari: renders ``services.dayclose.DayCloseFlow`` step by step.

    SUMMARY   the day per product group and product, bank balance, failed/open lists
    COUNT     blind: the agent types the cash counted; the expected figure is not shown
    VARIANCE  expected, counted and the variance (green when none, red otherwise); a note
              is required when there is a variance; "Hitung ulang" goes back to COUNT
    APPROVAL  only with open (NEW/SENT/SUSPECT) rows: supervisor PIN + reason
    SEALED    Laporan Z number, sealed hash, print/export, and what happens to new work

Every flow call that reads or writes the journal runs in the worker; ``start_count`` and
``recount`` only move the state machine and run on the GUI thread.

Decision (which day this screen closes): the current business day, except that
* when today (WIB) is already sealed the business day has moved on to tomorrow; the screen
  does not offer to close a day that has not begun and says today is closed instead
  (``DayAlreadyClosed``): this is how "a second close of the same day" is refused;
* when an earlier day with transactions was never closed, that day is closed first
  (the service refuses to close days out of order) and the screen says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from services.clock import WIB
from services.dayclose import DayAlreadyClosed, DayChanged, EarlierDayOpen, NeedsApproval, Step
from services.money import format_rupiah
from ui.dialogs import Confirm, confirm
from ui.models.report import ListedModel, day_label
from ui.registry import register
from ui.screen_fit import sized_to_current
from ui.screens.base import FORM_WIDTH, Screen
from ui.screens.report_actions import FolderChooser, PrintHook, ReportActions, choose_folder
from ui.widgets.cash_edit import CashEdit
from ui.widgets.report_view import ReportView, report_table
from ui.widgets.supervisor import SupervisorPrompt, ask_supervisor, pin_edit
from ui.i18n import translate
from services.i18n import QT_TRANSLATE_NOOP
from ui.errors import localized

if TYPE_CHECKING:
    from services.dayclose import DayCloseFlow, DayCloseService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Tutup Hari")
CLOSED = "closed"  # the page shown when today is already sealed
NEXT_DAY_TEXT = QT_TRANSLATE_NOOP("day_close", "Hari ditutup; transaksi baru masuk hari kerja berikutnya ({day}).")


def start_close(service: "DayCloseService", operator: str) -> tuple["DayCloseFlow", str]:
    """Begin Tutup Hari for the right day (see the module's decision); (flow, note for the agent)."""
    today = service.clock.now().astimezone(WIB).date().isoformat()
    if service.business_day() > today:
        return service.begin_close(operator, today), ""  # raises DayAlreadyClosed
    try:
        return service.begin_close(operator), ""
    except EarlierDayOpen as exc:
        note = (translate("day_close", "Hari {value} belum ditutup. Hari itu ditutup lebih dulu; sesudahnya "
                        "buka Tutup Hari lagi untuk hari ini.").format(value=day_label(exc.earlier)))
        return service.begin_close(operator, exc.earlier), note


def variance_text(variance: int) -> str:
    if variance == 0:
        return translate("day_close", "Rp 0 — kas cocok")
    return f"{'Lebih' if variance > 0 else 'Kurang'} {format_rupiah(abs(variance))}"


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(wrap)
    return label


def monospace_preview(name: str) -> QPlainTextEdit:
    preview = QPlainTextEdit(objectName=name)
    preview.setReadOnly(True)
    preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return preview


class DayCloseScreen(Screen):
    def __init__(self, service: "DayCloseService", operator: Callable[[], str], worker: "Worker",
                 errors: "ErrorPresenter", *, ask_supervisor: SupervisorPrompt = ask_supervisor,
                 choose_folder: FolderChooser = choose_folder, print_printout: PrintHook | None = None) -> None:
        super().__init__(TITLE, worker, errors, expand=True)
        self.service = service
        self.ask_confirm: Confirm = confirm  # sealing cannot be undone; tests answer with a lambda
        self.operator = operator
        self.actions = ReportActions(self, service, operator, choose_folder=choose_folder,
                                     ask_supervisor=ask_supervisor, print_printout=print_printout)
        self.flow: "DayCloseFlow | None" = None
        self.next_day = ""
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        sized_to_current(self.pages)  # the page on show sets the width, not the widest
        self.step_label = _label(name="muted")
        self.body.insertWidget(0, self.step_label)
        self._pages: dict[str, QWidget] = {}
        self._add_page(Step.SUMMARY.value, self._summary_page())
        self._add_page(Step.COUNT.value, self._count_page())
        self._add_page(Step.VARIANCE.value, self._variance_page())
        self._add_page(Step.APPROVAL.value, self._approval_page())
        self._add_page(Step.SEALED.value, self._sealed_page())
        self._add_page(CLOSED, self._closed_page())
        self.loading = False

    def _add_page(self, name: str, page: QWidget) -> None:
        self._pages[name] = page
        self.pages.addWidget(page)

    @property
    def page(self) -> str:
        current = self.pages.currentWidget()
        return next(name for name, page in self._pages.items() if page is current)

    # -- pages -----------------------------------------------------------------------------
    def _summary_page(self) -> QWidget:
        page = QWidget(objectName="plain")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.report_view = ReportView()
        layout.addWidget(self.report_view, 1)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Muat ulang"), objectName="secondary")
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        hint = _label(self.tr("Langkah berikutnya: hitung uang tunai di laci."), "muted", wrap=True)
        row.addWidget(hint)
        self.count_button = QPushButton(self.tr("Hitung kas di laci"), objectName="primary")
        self.count_button.clicked.connect(self.start_count)
        row.addWidget(self.count_button)
        layout.addLayout(row)
        return page

    def _narrow(self) -> tuple[QWidget, QVBoxLayout]:
        """A page whose content keeps the form width, top-left, like every other form."""
        page = QWidget(objectName="plain")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget(objectName="plain")
        inner.setMaximumWidth(FORM_WIDTH - 48)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        outer.addWidget(inner)
        outer.addStretch(1)
        return page, layout

    def _count_page(self) -> QWidget:
        page, layout = self._narrow()
        layout.addWidget(_label(self.tr("Hitung kas di laci"), "cardTitle"))
        layout.addWidget(_label(
            self.tr("Hitung semua uang tunai di laci, lalu ketik jumlahnya. Jumlah yang seharusnya ada baru "
            "ditampilkan sesudah hasil hitungan disimpan (hitung buta), supaya hitungan tidak "
            "terpengaruh angka sistem.")))
        self.counted = CashEdit()
        self.counted.setObjectName("money")
        self.counted.returnPressed.connect(self.enter_count)
        self.add_field("counted", self.tr("Uang tunai di laci (Rp)"), self.counted, layout=layout)
        self.enter_button = QPushButton(self.tr("Simpan hitungan"), objectName="primary")
        self.enter_button.clicked.connect(self.enter_count)
        layout.addWidget(self.enter_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _variance_page(self) -> QWidget:
        page, layout = self._narrow()
        layout.addWidget(_label(self.tr("Hasil hitung kas"), "cardTitle"))
        box = QFrame(objectName="beneficiary")
        grid = QGridLayout(box)
        grid.setContentsMargins(20, 12, 20, 12)
        grid.setHorizontalSpacing(24)
        grid.setColumnStretch(1, 1)
        self.expected_value = _label(name="resultValue", wrap=False)
        self.counted_value = _label(name="resultValue", wrap=False)
        self.variance_value = _label(name="variance", wrap=False)
        for row, (caption, value) in enumerate(((self.tr("Kas seharusnya"), self.expected_value),
                                                (self.tr("Kas dihitung"), self.counted_value),
                                                (self.tr("Selisih"), self.variance_value))):
            grid.addWidget(_label(caption, "resultLabel", wrap=False), row, 0)
            grid.addWidget(value, row, 1)
        layout.addWidget(box)
        self.note = QLineEdit(objectName="note")
        self.note.setMaxLength(200)
        self.note_field = self.add_field("note", self.tr("Keterangan selisih"), self.note, layout=layout,
                                         hint=self.tr("Wajib diisi bila ada selisih, misalnya \"uang kembalian "
                                                      "kurang\"."))
        self.final_warning = _label(
            self.tr("Sesudah ditutup, transaksi hari ini tidak bisa ditambah lagi dan Laporan Z diberi "
                    "nomor."), "muted")
        layout.addWidget(self.final_warning)
        row = QHBoxLayout()
        self.recount_button = QPushButton(self.tr("Hitung ulang"), objectName="secondary")
        self.recount_button.clicked.connect(self.recount)
        row.addWidget(self.recount_button)
        row.addStretch(1)
        self.confirm_button = QPushButton(self.tr("Tutup hari"), objectName="primary")
        self.confirm_button.clicked.connect(self.confirm)
        row.addWidget(self.confirm_button)
        layout.addLayout(row)
        return page

    def _approval_page(self) -> QWidget:
        page, layout = self._narrow()
        layout.addWidget(_label(self.tr("Persetujuan supervisor"), "cardTitle"))
        self.approval_text = _label()
        layout.addWidget(self.approval_text)
        self.open_items = ListedModel(parent=self)
        self.open_table = report_table(self.open_items, "reportTable", 5)
        layout.addWidget(self.open_table)
        self.supervisor_pin = pin_edit()
        self.add_field("pin", self.tr("PIN supervisor"), self.supervisor_pin, layout=layout,
                       hint=self.tr("Diketik oleh supervisor sendiri. Belum ada supervisor? Atur di Pengaturan › "
                                    "Supervisor."))
        self.approval_reason = QLineEdit(objectName="approvalReason")
        self.approval_reason.setMaxLength(200)
        self.approval_reason.returnPressed.connect(self.approve)
        self.add_field("reason", self.tr("Alasan menutup dengan transaksi "
                                         "menggantung"), self.approval_reason, layout=layout)
        row = QHBoxLayout()
        self.supervisor_button = QPushButton(self.tr("Atur PIN supervisor"), objectName="secondary")
        self.supervisor_button.clicked.connect(lambda: self.navigate.emit("supervisor"))
        row.addWidget(self.supervisor_button)
        row.addStretch(1)
        self.approve_button = QPushButton(self.tr("Setujui dan tutup hari"), objectName="primary")
        self.approve_button.clicked.connect(self.approve)
        row.addWidget(self.approve_button)
        layout.addLayout(row)
        return page

    def _sealed_page(self) -> QWidget:
        page = QWidget(objectName="plain")
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(12)
        status = QFrame(objectName="resultStatus")
        status.setProperty("state", "success")
        box = QVBoxLayout(status)
        box.setContentsMargins(20, 14, 20, 14)
        self.sealed_title = _label(self.tr("Hari ditutup"), "resultState")
        box.addWidget(self.sealed_title)
        self.sealed_text = _label(name="resultAdvice")
        box.addWidget(self.sealed_text)
        left.addWidget(status)
        facts = QFrame(objectName="beneficiary")
        self.sealed_grid = QGridLayout(facts)
        self.sealed_grid.setContentsMargins(20, 12, 20, 12)
        self.sealed_grid.setHorizontalSpacing(24)
        self.sealed_grid.setColumnStretch(1, 1)
        self.report_number = _label(name="totalLine", wrap=False)
        self.sealed_expected = _label(name="resultValue", wrap=False)
        self.sealed_counted = _label(name="resultValue", wrap=False)
        self.sealed_variance = _label(name="variance", wrap=False)
        self.sealed_hash = _label(name="hash")
        self.sealed_hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for row, (caption, value) in enumerate(((self.tr("Laporan Z"), self.report_number),
                                                (self.tr("Kas seharusnya"), self.sealed_expected),
                                                (self.tr("Kas dihitung"), self.sealed_counted),
                                                (self.tr("Selisih"), self.sealed_variance),
                                                (self.tr("Kode segel"), self.sealed_hash))):
            grid_caption = _label(caption, "resultLabel", wrap=False)
            self.sealed_grid.addWidget(grid_caption, row, 0, Qt.AlignmentFlag.AlignTop)
            self.sealed_grid.addWidget(value, row, 1)
        left.addWidget(facts)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Cetak ringkasan"), objectName="primary")
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button = QPushButton(self.tr("Ekspor PDF…"), objectName="secondary")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button = QPushButton(self.tr("Ekspor CSV…"), objectName="secondary")
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        for button in (self.print_button, self.pdf_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addStretch(1)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(_label(self.tr("Ringkasan untuk printer struk"), "fieldLabel", wrap=False))
        self.summary_preview = monospace_preview("printPreview")
        self.summary_preview.setPlaceholderText(self.tr("Tekan \"Cetak ringkasan\" untuk melihat ringkasan di sini."))
        right.addWidget(self.summary_preview, 1)
        layout.addLayout(right, 2)
        return page

    def _closed_page(self) -> QWidget:
        page, layout = self._narrow()
        status = QFrame(objectName="resultStatus")
        status.setProperty("state", "success")
        box = QVBoxLayout(status)
        box.setContentsMargins(20, 14, 20, 14)
        box.addWidget(_label(self.tr("Hari ini sudah ditutup"), "resultState"))
        self.closed_text = _label(name="resultAdvice")
        box.addWidget(self.closed_text)
        layout.addWidget(status)
        self.reports_button = QPushButton(self.tr("Buka Laporan Harian"), objectName="primary")
        self.reports_button.clicked.connect(lambda: self.navigate.emit("daily_reports"))
        layout.addWidget(self.reports_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    # -- lifecycle ---------------------------------------------------------------------------
    def activated(self) -> None:
        flow = self.flow
        if flow is not None and flow.step == Step.SUMMARY:
            self.refresh()
        elif flow is None or flow.step == Step.SEALED or self.page == CLOSED:
            self.begin()

    def begin(self) -> None:
        service, operator = self.service, self.operator()
        self.loading = True
        self.run(lambda: start_close(service, operator), self._started, busy=self.pages,
                 message=self.tr("Menyiapkan ringkasan hari…"), on_failure=self._not_started)

    def _started(self, started: tuple["DayCloseFlow", str]) -> None:
        self.loading = False
        self.flow, note = started
        self.counted.clear()
        self.note.clear()
        self.supervisor_pin.clear()
        self.approval_reason.clear()
        self.summary_preview.clear()
        if note:
            self.banner.show_message("warning", note)
        self.show_step()

    def _not_started(self, exc: BaseException) -> None:
        self.loading = False
        self.flow = None
        if isinstance(exc, DayAlreadyClosed):
            tomorrow = self.service.business_day()  # no disk: the last sealed day is cached
            self.closed_text.setText(self.tr("{message}\n\nTransaksi baru masuk hari kerja berikutnya ({value}). "
                                             "Laporan Z dapat dibuka, dicetak ulang dan diekspor lagi di Laporan "
                                             "Harian.").format(message=localized(exc), value=day_label(tomorrow)))
            self.step_label.setText("")
            self.pages.setCurrentWidget(self._pages[CLOSED])
            return
        self.fail(exc)

    def refresh(self) -> None:
        flow = self.flow
        if flow is None:
            return
        self.run(flow.refresh, lambda _report: self.show_step(), busy=self.refresh_button,
                 message=self.tr("Memuat ulang…"))

    # -- steps ---------------------------------------------------------------------------
    def show_step(self) -> None:
        flow = self.flow
        assert flow is not None
        step = flow.step
        numbers = {Step.SUMMARY: 1, Step.COUNT: 2, Step.VARIANCE: 3, Step.APPROVAL: 4, Step.SEALED: 4}
        total = 4 if flow.needs_approval or step == Step.APPROVAL else 3
        shown = min(numbers[step], total) if step != Step.SEALED else total
        names = {Step.SUMMARY: self.tr("Ringkasan hari"), Step.COUNT: self.tr("Hitung kas"), Step.VARIANCE: self.tr("Selisih kas"),
                 Step.APPROVAL: self.tr("Persetujuan supervisor"), Step.SEALED: self.tr("Selesai")}
        self.step_label.setText(self.tr("Hari kerja {value} · langkah {shown} dari {total}: {value2}").format(
            value=day_label(flow.business_date), shown=shown, total=total, value2=names[step]))
        if step == Step.SUMMARY:
            self.report_view.show_report(flow.summary)
        elif step == Step.COUNT:
            self.counted.setFocus()
        elif step == Step.VARIANCE:
            self._show_variance(flow)
        elif step == Step.APPROVAL:
            self._show_approval(flow)
        else:
            self._show_sealed(flow)
        self.pages.setCurrentWidget(self._pages[step.value])

    def _show_variance(self, flow: "DayCloseFlow") -> None:
        self.expected_value.setText(format_rupiah(flow.expected_cash))
        self.counted_value.setText(format_rupiah(flow.counted or 0))
        self._set_variance(self.variance_value, flow.variance)
        needs_note = flow.variance != 0
        self.note_field.label.setText(self.tr("Keterangan selisih "
                                              "(wajib)") if needs_note else self.tr("Keterangan (boleh kosong)"))
        self.confirm_button.setText(self.tr("Lanjut: persetujuan "
                                            "supervisor") if flow.needs_approval else self.tr("Tutup hari sekarang"))
        self.note.setFocus()

    @staticmethod
    def _set_variance(label: QLabel, variance: int) -> None:
        label.setText(variance_text(variance))
        label.setProperty("sign", "zero" if variance == 0 else "off")
        _restyle(label)

    def _show_approval(self, flow: "DayCloseFlow") -> None:
        count = len(flow.open_items)
        self.approval_text.setText(
            self.tr("Ada {count} transaksi menggantung (statusnya belum pasti). Sebaiknya "
                    "statusnya diperiksa dulu di Riwayat. Bila hari harus ditutup "
                    "sekarang, supervisor menyetujui dengan PIN dan alasan; persetujuan "
                    "ini tercatat di Laporan Z.").format(count=count))
        self.open_items.set_rows(flow.open_items)
        self.supervisor_pin.setFocus()

    def _show_sealed(self, flow: "DayCloseFlow") -> None:
        report = flow.report
        assert report is not None and report.cash is not None
        self.sealed_title.setText(self.tr("Hari {value} ditutup").format(value=day_label(flow.business_date)))
        self.sealed_text.setText(translate("day_close", NEXT_DAY_TEXT).format(
            day=day_label(self.next_day)) if self.next_day else "")
        self.report_number.setText(self.tr("No. {number:04d}").format(number=report.number))
        self.sealed_expected.setText(format_rupiah(report.cash.expected))
        self.sealed_counted.setText(format_rupiah(report.cash.counted or 0))
        self._set_variance(self.sealed_variance, report.cash.variance or 0)
        digest = flow.report_hash
        self.sealed_hash.setText(f"{digest[:32]}\n{digest[32:]}")

    def start_count(self) -> None:
        assert self.flow is not None
        self.flow.start_count()
        self.show_step()

    def enter_count(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.COUNT:
            return
        counted = self.counted.digits()  # "" -> the service's "wajib diisi" at the field
        self.run(lambda: flow.enter_count(counted), lambda _variance: self.show_step(), busy=self.enter_button,
                 message=self.tr("Menyimpan hitungan…"))

    def recount(self) -> None:
        assert self.flow is not None
        self.flow.recount()
        self.counted.clear()
        self.show_step()

    def confirm(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.VARIANCE:
            return
        note = self.note.text()
        if not flow.needs_approval and not self.ask_confirm(
                self, self.tr("Tutup hari?"),
                self.tr("Hari ini akan disegel: setelah ditutup, transaksinya tidak bisa ditambah dan "
                        "laporannya tidak bisa diubah. Transaksi baru masuk hari kerja berikutnya.")):
            return
        service = self.service
        self.run(lambda: (flow.confirm(note), service.business_day()), self._moved, busy=self.confirm_button,
                 message=self.tr("Menutup hari…"), on_failure=self._step_failed)

    def approve(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.APPROVAL:
            return
        pin, reason = self.supervisor_pin.text(), self.approval_reason.text()
        self.supervisor_pin.clear()
        service = self.service
        self.run(lambda: (flow.approve(pin, reason), service.business_day()), self._moved, busy=self.approve_button,
                 message=self.tr("Memeriksa PIN supervisor…"), on_failure=self._step_failed)

    def _moved(self, moved: tuple[Step, str]) -> None:
        _step, self.next_day = moved
        self.show_step()

    def _step_failed(self, exc: BaseException) -> None:
        """A refused step: the flow may have moved (DayChanged -> COUNT, NeedsApproval -> APPROVAL)."""
        if isinstance(exc, (DayChanged, NeedsApproval)):
            self.show_step()
        self.fail(exc)

    # -- after the seal ----------------------------------------------------------------------
    def print_summary(self) -> None:
        assert self.flow is not None
        self.actions.print_summary(self.flow.business_date, self.print_button,
                                   lambda printout: self.summary_preview.setPlainText(printout.text))

    def export(self, fmt: str) -> None:
        assert self.flow is not None
        self.actions.export(self.flow.business_date, fmt, self.pdf_button if fmt == "pdf" else self.csv_button)


@register("day_close", group="Laporan", title=TITLE, order=30)
def _make(services: "ScreenServices") -> Any:
    return DayCloseScreen(services.dayclose, services.banking.operator, services.worker, services.errors,
                          print_printout=services.print_printout)
