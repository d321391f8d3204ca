"""The Tutup Hari screen's pages, one widget each: it builds its widgets, connects its
buttons to the screen's actions and renders the flow's step (``render``). The screen
(``ui/screens/day_close.py``) keeps the steps' order, the worker calls and the actions.

Each page registers its input fields on the screen (``Screen.add_field``), so the error
presenter puts a refused value's message under the field that holds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from services.reports.variance import unsettled
from ui.i18n import translate
from ui.models.report import ListedModel, day_label, variance_text
from ui.screen_fit import StackPage
from ui.screens.base import FORM_WIDTH
from ui.screens.pages import action_row, push_button
from ui.widgets.banner import Banner
from ui.widgets.cash_edit import CashEdit
from ui.widgets.preview import monospace_preview, whole_height, whole_width
from ui.widgets.report_view import ReportView, report_table
from ui.widgets.restyle import mark
from ui.widgets.supervisor import pin_edit
from ui.widgets.supervisor_recovery import RecoveryOffer

if TYPE_CHECKING:
    from services.dayclose import DayCloseFlow
    from services.reports import Report
    from ui.screens.day_close import DayCloseScreen

NEXT_DAY_TEXT = QT_TRANSLATE_NOOP("day_close", "Hari ditutup; transaksi baru masuk hari kerja berikutnya ({day}).")


def unsettled_text(report: "Report") -> str:
    """The unsettled payments whose cash is in the drawer and in what it should hold, one a
    line (reference, amount, then the time, product and customer the agent remembers it by):
    a drawer short by one of them is missing that customer's cash; "" when none."""
    rows = unsettled(report)
    if not rows:
        return ""
    lines = [f"{row.reference}   {format_rupiah(row.total)}   {row.time} {translate('products', row.name)}, "
             f"{row.customer_name or row.customer}" for row in rows]
    return "\n".join([translate("day_close",
                                "Belum pasti, uangnya harus ada di laci (termasuk dalam kas seharusnya):"),
                      *lines])


def text_label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(wrap)
    return label


def reopen_button(screen: "DayCloseScreen") -> QPushButton:
    """"Buka kembali hari…": a supervisor's, with PIN and reason (``DayCloseScreen.reopen``);
    secondary, and never the default: an Enter by habit on a sealed day's page opens nothing."""
    button = QPushButton(translate("day_close", "Buka kembali hari…"), objectName="secondary")
    button.setAutoDefault(False)
    button.setDefault(False)
    button.clicked.connect(screen.reopen)
    return button


class CashFacts(QFrame):
    """The drawer's figures as captioned rows; the variance in words, red unless it is zero,
    and under the box the unsettled payments that may explain it."""

    def __init__(self, rows: list[tuple[str, QLabel]]) -> None:
        super().__init__(objectName="beneficiary")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(20, 12, 20, 12)
        self.grid.setHorizontalSpacing(24)
        self.grid.setColumnStretch(1, 1)
        self.captions: dict[QLabel, QLabel] = {}  # each value's caption, to hide a row with it
        for row, (caption, value) in enumerate(rows):
            self.captions[value] = text_label(caption, "resultLabel", wrap=False)
            self.grid.addWidget(self.captions[value], row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(value, row, 1)
        self.unsettled = text_label(name="suspectAdvice")

    @staticmethod
    def set_variance(label: QLabel, variance: int) -> None:
        label.setText(variance_text(variance))
        mark(label, "sign", "zero" if variance == 0 else "off")

    def set_row(self, value: QLabel, text: str) -> None:
        """A row shown only when it says something."""
        value.setText(text)
        value.setVisible(bool(text))
        self.captions[value].setVisible(bool(text))

    def set_unsettled(self, report: "Report") -> None:
        text = unsettled_text(report)
        self.unsettled.setText(text)
        self.unsettled.setVisible(bool(text))


class NarrowPage(StackPage):
    """A page whose content keeps the form width, top-left, like every other form."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, objectName="plain")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget(self, objectName="plain")
        inner.setMaximumWidth(FORM_WIDTH - 48)
        self.content = QVBoxLayout(inner)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.setSpacing(12)
        outer.addWidget(inner)
        outer.addStretch(1)


class SummaryPage(StackPage):
    """SUMMARY: the day per group and product, the lists; the drawer's figure hidden."""

    def __init__(self, screen: "DayCloseScreen") -> None:
        super().__init__(screen.pages, objectName="plain")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.report_view = ReportView(self)
        layout.addWidget(self.report_view, 1)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Muat ulang"), objectName="secondary")
        self.refresh_button.clicked.connect(screen.refresh)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(text_label(self.tr("Langkah berikutnya: hitung uang tunai di laci."), "muted", wrap=True))
        self.count_button = QPushButton(self.tr("Hitung kas di laci"), objectName="primary")
        self.count_button.clicked.connect(screen.start_count)
        row.addWidget(self.count_button)
        # Past midnight, before the new day has begun: the day sealed last may still be opened
        # again (``DayCloseScreen.reopenable``). Above the step's buttons, after them in the Tab
        # order (made last), never where Enter lands.
        self.reopen_button = reopen_button(screen)
        self.reopen_button.hide()
        layout.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)

    def render(self, flow: "DayCloseFlow", reopenable: str = "") -> None:
        self.report_view.show_report(flow.summary)
        if reopenable:
            self.reopen_button.setText(self.tr("Buka kembali hari {day}…").format(day=day_label(reopenable)))
        self.reopen_button.setVisible(bool(reopenable))


class CountPage(NarrowPage):
    """COUNT: blind, the agent types the cash counted."""

    def __init__(self, screen: "DayCloseScreen") -> None:
        super().__init__(screen.pages)
        self.content.addWidget(text_label(self.tr("Hitung kas di laci"), "cardTitle"))
        self.content.addWidget(text_label(
            self.tr("Hitung semua uang tunai di laci, lalu ketik jumlahnya. Jumlah yang seharusnya ada baru "
               "ditampilkan sesudah hasil hitungan disimpan (hitung buta), supaya hitungan tidak "
               "terpengaruh angka sistem.")))
        self.counted = CashEdit()
        self.counted.setObjectName("money")
        self.counted.returnPressed.connect(screen.enter_count)
        screen.add_field("counted", self.tr("Uang tunai di laci (Rp)"), self.counted, layout=self.content)
        self.enter_button = QPushButton(self.tr("Simpan hitungan"), objectName="primary")
        self.enter_button.clicked.connect(screen.enter_count)
        self.content.addWidget(self.enter_button, 0, Qt.AlignmentFlag.AlignLeft)

    def render(self, flow: "DayCloseFlow") -> None:
        self.counted.setFocus()


class VariancePage(NarrowPage):
    """VARIANCE: expected, counted and the variance; a note when there is one."""

    def __init__(self, screen: "DayCloseScreen") -> None:
        super().__init__(screen.pages)
        self.content.addWidget(text_label(self.tr("Hasil hitung kas"), "cardTitle"))
        self.expected_value = text_label(name="resultValue", wrap=False)
        self.counted_value = text_label(name="resultValue", wrap=False)
        self.variance_value = text_label(name="variance", wrap=False)
        self.facts = CashFacts([(self.tr("Kas seharusnya"), self.expected_value),
                                (self.tr("Kas dihitung"), self.counted_value),
                                (self.tr("Selisih"), self.variance_value)])
        self.content.addWidget(self.facts)
        self.content.addWidget(self.facts.unsettled)
        self.note = QLineEdit(objectName="note")
        self.note.setMaxLength(200)
        self.note_field = screen.add_field("note", self.tr("Keterangan selisih"), self.note, layout=self.content,
                                           hint=self.tr("Wajib diisi bila ada selisih, misalnya \"uang kembalian "
                                                        "kurang\". Selisih disetujui supervisor dengan PIN-nya; "
                                                        "keterangan ini alasannya."))
        self.content.addWidget(text_label(
            self.tr("Sesudah ditutup, transaksi hari ini tidak bisa ditambah lagi dan Laporan Z diberi "
               "nomor."), "muted"))
        self.recount_button = push_button(self.tr("Hitung ulang"), screen.recount, "secondary")
        self.confirm_button = push_button(self.tr("Tutup hari"), screen.confirm, "primary")
        self.content.addLayout(action_row(self.recount_button, self.confirm_button))

    def render(self, flow: "DayCloseFlow") -> None:
        self.expected_value.setText(format_rupiah(flow.expected_cash))
        self.counted_value.setText(format_rupiah(flow.counted or 0))
        self.facts.set_variance(self.variance_value, flow.variance)
        self.facts.set_unsettled(flow.summary)
        self.note_field.label.setText(self.tr("Keterangan selisih (wajib)") if flow.variance != 0
                                      else self.tr("Keterangan (boleh kosong)"))
        self.confirm_button.setText(self.tr("Lanjut: persetujuan supervisor")
                                    if flow.needs_approval or flow.needs_variance_approval
                                    else self.tr("Tutup hari sekarang"))
        self.note.setFocus()


class ApprovalPage(NarrowPage):
    """APPROVAL: open rows remain; a supervisor's PIN and reason close the day anyway."""

    def __init__(self, screen: "DayCloseScreen") -> None:
        super().__init__(screen.pages)
        self.content.addWidget(text_label(self.tr("Persetujuan supervisor"), "cardTitle"))
        self.approval_text = text_label()
        self.content.addWidget(self.approval_text)
        # The count's difference, when this one PIN approves it too (``DayCloseFlow.approves_variance``)
        self.variance_text = text_label(name="resultValue")
        self.content.addWidget(self.variance_text)
        self.open_items = ListedModel(parent=self)
        self.open_table = report_table(self.open_items, "reportTable", 5)
        self.content.addWidget(self.open_table)
        self.supervisor_pin = pin_edit()
        self.supervisor_pin.returnPressed.connect(screen.supervisor_pin_entered)
        screen.add_field("pin", self.tr("PIN supervisor"), self.supervisor_pin, layout=self.content,
                         hint=self.tr("Diketik oleh supervisor sendiri. Belum ada supervisor? Atur di Pengaturan › "
                                 "Supervisor."))
        self.content.addWidget(RecoveryOffer(self.supervisor_pin))  # forgot it: the owner's code, here
        self.approval_reason = QLineEdit(objectName="approvalReason")
        self.approval_reason.setMaxLength(200)
        self.approval_reason.returnPressed.connect(screen.approve)
        screen.add_field("reason", self.tr("Alasan menutup dengan transaksi menggantung"), self.approval_reason,
                         layout=self.content)
        self.supervisor_button = push_button(self.tr("Atur PIN supervisor"), lambda: screen.navigate.emit("supervisor"),
                                             "secondary")
        self.approve_button = push_button(self.tr("Setujui dan tutup hari"), screen.approve, "primary")
        self.content.addLayout(action_row(self.supervisor_button, self.approve_button))

    def render(self, flow: "DayCloseFlow") -> None:
        self.approval_text.setText(
            self.tr("Ada %n transaksi menggantung (statusnya belum pasti). Sebaiknya "
               "diselesaikan dulu di Beranda, daftar Transaksi Menggantung. Bila hari harus ditutup "
               "sekarang, supervisor menyetujui dengan PIN dan alasan; persetujuan "
               "ini tercatat di Laporan Z.", "", len(flow.open_items)))
        both = flow.approves_variance
        self.variance_text.setVisible(both)
        if both:
            # One PIN approves the difference too: the supervisor sees here what it approves.
            self.variance_text.setText(self.tr(
                "PIN ini juga menyetujui selisih kas: {variance} (seharusnya {expected}, dihitung {counted}), "
                "keterangan petugas \"{note}\".").format(variance=variance_text(flow.variance),
                                                  expected=format_rupiah(flow.expected_cash),
                                                  counted=format_rupiah(flow.counted or 0), note=flow.note))
        self.open_items.set_rows(flow.open_items)
        self.supervisor_pin.setFocus()


class SealedPage(StackPage):
    """SEALED: the Laporan Z's number, figures and hash; print and export it."""

    def __init__(self, screen: "DayCloseScreen") -> None:
        super().__init__(screen.pages, objectName="plain")
        # The figures and the printout side by side where the printout's lines fit beside them;
        # the printout under the buttons where they do not (``reflow``).
        self.columns = layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        # the page's minimum is ``minimumSizeHint``'s: side by side, it may still get narrower
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        self.left = left = QVBoxLayout()
        left.setSpacing(12)
        status = QFrame(objectName="resultStatus")
        status.setProperty("state", "success")
        box = QVBoxLayout(status)
        box.setContentsMargins(20, 14, 20, 14)
        self.sealed_title = text_label(self.tr("Hari ditutup"), "resultState")
        box.addWidget(self.sealed_title)
        self.sealed_text = text_label(name="resultAdvice")
        box.addWidget(self.sealed_text)
        left.addWidget(status)
        self.report_number = text_label(name="totalLine", wrap=False)
        self.sealed_expected = text_label(name="resultValue", wrap=False)
        self.sealed_counted = text_label(name="resultValue", wrap=False)
        self.sealed_variance = text_label(name="variance", wrap=False)
        self.sealed_approver = text_label(name="resultValue", wrap=False)
        self.sealed_hash = text_label(name="hash")
        self.sealed_hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = CashFacts([(self.tr("Laporan Z"), self.report_number),
                                (self.tr("Kas seharusnya"), self.sealed_expected),
                                (self.tr("Kas dihitung"), self.sealed_counted),
                                (self.tr("Selisih"), self.sealed_variance),
                                (self.tr("Selisih disetujui"), self.sealed_approver),
                                (self.tr("Kode segel"), self.sealed_hash)])
        left.addWidget(self.facts)
        left.addWidget(self.facts.unsettled)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Cetak ringkasan"), objectName="primary")
        self.print_button.clicked.connect(screen.print_summary)
        self.pdf_button = QPushButton(self.tr("Ekspor PDF…"), objectName="secondary")
        self.pdf_button.clicked.connect(lambda: screen.export("pdf"))
        self.csv_button = QPushButton(self.tr("Ekspor CSV…"), objectName="secondary")
        self.csv_button.clicked.connect(lambda: screen.export("csv"))
        for button in (self.print_button, self.pdf_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        # Sealed too early (a late deposit, a miscount): a supervisor opens the day again.
        # Its own row, last in the Tab order, never where Enter lands (``reopen_button``).
        self.reopen_button = reopen_button(screen)
        left.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignLeft)
        # The journal's copy after the seal (``DayCloseScreen.back_up``), under the buttons: it
        # comes a moment after them, and above them its words pushed the focused "Cetak
        # ringkasan" below the window's edge at 1024x768.
        self.backup_line = Banner()
        self.backup_line.setProperty("role", "backupAfterClose")
        left.addWidget(self.backup_line)
        left.addStretch(1)
        layout.addLayout(left, 3)
        self.right = right = QVBoxLayout()
        # wraps: on one line the English heading made the page 150px too wide at 1024x768
        right.addWidget(text_label(self.tr("Ringkasan untuk printer struk"), "fieldLabel"))
        self.summary_preview = monospace_preview("printPreview")
        self.summary_preview.setPlaceholderText(self.tr("Tekan \"Cetak ringkasan\" untuk melihat ringkasan di sini."))
        right.addWidget(self.summary_preview, 1)
        layout.addLayout(right, 2)
        self.summary_preview.textChanged.connect(self.reflow)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the figures or the printout, one above the other: side by side, a page
        held at its side-by-side minimum never got the narrower width that puts the printout
        under the figures (1366x768 at 125 % after 1366x768: the page scrolled sideways)."""
        hint = super().minimumSizeHint()
        stacked = max(self.left.minimumSize().width(), self.right.minimumSize().width())
        return QSize(min(hint.width(), stacked), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.reflow()

    def reflow(self) -> None:
        """The printout never scrolls sideways: each line whole beside the figures, or under
        them, as tall as its lines (the page scrolls), where there is not room beside them. Beside
        them at 1024x768 and 125 % a 32-column Laporan Z showed a dozen characters a line."""
        preview = self.summary_preview
        needed = whole_width(preview)
        beside = self.width() >= self.left.minimumSize().width() + self.columns.spacing() + needed
        preview.setMinimumWidth(min(needed, self.width()))
        preview.setMinimumHeight(0 if beside else whole_height(preview))
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def render(self, flow: "DayCloseFlow", next_day: str) -> None:
        report = flow.report
        assert report is not None and report.cash is not None
        self.sealed_title.setText(self.tr("Hari {value} ditutup").format(value=day_label(flow.business_date)))
        self.sealed_text.setText(translate("day_close", NEXT_DAY_TEXT).format(day=day_label(next_day))
                                 if next_day else "")
        self.report_number.setText(self.tr("No. {number:04d}").format(number=report.number))
        self.sealed_expected.setText(format_rupiah(report.cash.against))  # what it should hold, in doubt included
        self.sealed_counted.setText(format_rupiah(report.cash.counted or 0))
        self.facts.set_variance(self.sealed_variance, report.cash.variance or 0)
        self.facts.set_row(self.sealed_approver, report.cash.variance_approved_by)  # the supervisor, by name
        self.facts.set_unsettled(report)
        digest = flow.report_hash
        self.sealed_hash.setText(f"{digest[:32]}\n{digest[32:]}")


class ClosedPage(NarrowPage):
    """Today is already sealed: say so, and where its Laporan Z is."""

    def __init__(self, screen: "DayCloseScreen") -> None:
        super().__init__(screen.pages)
        status = QFrame(objectName="resultStatus")
        status.setProperty("state", "success")
        box = QVBoxLayout(status)
        box.setContentsMargins(20, 14, 20, 14)
        box.addWidget(text_label(self.tr("Hari ini sudah ditutup"), "resultState"))
        self.closed_text = text_label(name="resultAdvice")
        box.addWidget(self.closed_text)
        self.content.addWidget(status)
        self.reports_button = QPushButton(self.tr("Buka Laporan Harian"), objectName="primary")
        self.reports_button.clicked.connect(lambda: screen.navigate.emit("daily_reports"))
        self.reopen_button = reopen_button(screen)
        self.content.addLayout(action_row(self.reopen_button, self.reports_button))
