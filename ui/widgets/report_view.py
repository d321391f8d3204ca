"""A day report on screen, read-only: the figures per product group and product, the
drawer, the agent's bank balance, and the failed and open transactions.

Laporan X, the Tutup Hari summary and Laporan Harian all show a ``services.reports.Report``
the same way, so they share this view. While the blind count hides the drawer
(``report.cash is None``) the drawer box says so instead of showing a figure.
Tables are sized to their rows and the whole view scrolls as one page, so nothing is a
scroll area inside a scroll area.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.approval_words import CONTEXT, IN_SIMULATOR, UNKNOWN_AGENT, known_reason, simulator_note
from services.clock import format_wib
from services.money import format_rupiah
from ui.i18n import translate
from ui.models.report import ListedModel, SummaryModel, day_label, signed_rupiah, variance_text
from ui.page_scroll import OWN_SCROLL_HEIGHT
from ui.widgets.banner import Banner
from ui.widgets.column_fit import fit_columns

PREFERRED_LINES = 8  # the view's preferred height, in lines of text: it takes the room its page gives it
STRETCH_MIN = 160  # the stretched column (a status, a product) keeps room for two words a line
SUMMARY_OPTIONAL = (2, 3)  # the amount, then the bank's fee (the total and the counter's fee stay)
LISTED_OPTIONAL = (0, 3)  # a failed or open transaction without its time, then its customer


def approval_reason(reason: str) -> str:
    """An approval's reason in the agent's language where Loket wrote it (``services.approval_words``:
    the name it carries kept as written); a person's own words as written."""
    known = known_reason(reason)
    if known is None:
        text, simulated = simulator_note(reason)
    else:
        template, name, simulated = known
        if name == UNKNOWN_AGENT:
            name = translate(CONTEXT, UNKNOWN_AGENT)
        text = translate(CONTEXT, template).format(name=name)
    return text + translate(CONTEXT, IN_SIMULATOR) if simulated else text


class WholeText(QStyledItemDelegate):
    """A cell as tall as its text wraps where it is painted. Qt measures a wrapped cell at
    its column's whole width, then paints it inside the style sheet's padding: a product's
    name that needed one line more there got a row too short, its last line ending in "…"
    ("ACC (Astra Credit …" in Laporan X at 1366x768 and 125 %). The height counted here is
    the text's at the painted width, laid out as Qt lays it out to paint it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        if not cell.features & QStyleOptionViewItem.ViewItemFeature.WrapText or not cell.text \
                or cell.rect.width() <= 0:
            return hint
        widget = cell.widget
        style = widget.style() if widget is not None else QApplication.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1)
        painted = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, widget).width()
        missing = wrapped_height(cell, painted - margin) - wrapped_height(cell, cell.rect.width() - margin)
        return QSize(hint.width(), hint.height() + missing) if missing > 0 else hint


def wrapped_height(cell: QStyleOptionViewItem, width: int) -> int:
    """The height of ``cell``'s text wrapped at word boundaries in ``width``, laid out as Qt's
    style lays out the text it paints (``QCommonStylePrivate::viewItemTextLayout``)."""
    layout = QTextLayout(cell.text, cell.font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(1, width))
        height += line.height()
    layout.endLayout()
    return math.ceil(height)


def report_table(model: Any, name: str, stretch: int, *, fit: bool = True,
                 optional: tuple[int, ...] = (), parent: QWidget | None = None) -> QTableView:
    """A read-only table; ``fit``: as tall as its rows, for a page that scrolls as a whole.
    ``optional``: columns left out, in that order, while the table is too narrow for all."""
    table = QTableView(parent, objectName=name)
    table.setModel(model)
    table.setItemDelegate(WholeText(table))  # a wrapped name whole (``fit_rows``)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setTabKeyNavigation(False)  # should a screen make it focusable: one Tab stop, not a trap
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if fit:
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model.modelReset.connect(lambda: fit_rows(table))
        fit_rows(table)
    else:
        # A list that scrolls grows with the kiosk's age (Laporan Harian: a Laporan Z a day).
        # Its columns are sized from the rows in view: Qt's default reads up to 1,000 rows of
        # every column at each layout, ~100 ms on the GUI thread with a year's 300 days.
        header.setResizeContentsPrecision(0)
    if optional:
        fit_columns(table, optional, stretch=stretch, stretch_min=STRETCH_MIN,
                    fitted=(lambda: fit_rows(table)) if fit else None)
    return table


def fit_rows(table: QTableView) -> None:
    """Make the table exactly as tall as its rows (the page scrolls, not the table)."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.model().rowCount()))
    table.setFixedHeight(height)


class ReportView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # no Tab stop (nothing showed it had the keyboard): Page Up/Down on the report screen's
        # buttons scroll it (``Screen.keyPressEvent``)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(OWN_SCROLL_HEIGHT)
        # Each widget made in its place, its parent given (as ``setWidget`` below finds the page
        # in the viewport already): a subtree moved to another parent has its style sheet resolved
        # again, each of its widgets told, and every table header measured anew. Built bottom-up,
        # Tutup Hari's tables went through that up to five times, ~20 ms on the GUI thread.
        page = QWidget(self.viewport(), objectName="plain")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        self.title = QLabel(objectName="cardTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.open_warning = Banner(page)
        layout.addWidget(self.open_warning)

        self.summary = SummaryModel(parent=self)
        self.summary_table = report_table(self.summary, "reportTable", 0, optional=SUMMARY_OPTIONAL, parent=page)
        layout.addWidget(self.summary_table)
        self.documents_note = QLabel(objectName="muted")
        self.documents_note.setWordWrap(True)
        layout.addWidget(self.documents_note)

        self.cash_box = QFrame(objectName="beneficiary")
        self.cash_grid = QGridLayout(self.cash_box)
        self.cash_grid.setContentsMargins(16, 10, 16, 10)
        self.cash_grid.setHorizontalSpacing(24)
        self.cash_grid.setVerticalSpacing(2)
        self.cash_grid.setColumnStretch(2, 1)
        layout.addWidget(self.cash_box)
        # Serah Terima Kas: who handed the drawer to whom, and each holder's difference, under the drawer
        self.handovers = QLabel(objectName="reportApprovals")
        self.handovers.setWordWrap(True)
        layout.addWidget(self.handovers)

        self.failed_title = QLabel(objectName="sectionTitle")
        layout.addWidget(self.failed_title)
        self.failed = ListedModel(parent=self)
        self.failed_table = report_table(self.failed, "reportTable", 5, optional=LISTED_OPTIONAL, parent=page)
        layout.addWidget(self.failed_table)
        self.open_title = QLabel(objectName="sectionTitle")
        layout.addWidget(self.open_title)
        self.open = ListedModel(parent=self)
        self.open_table = report_table(self.open, "reportTable", 5, optional=LISTED_OPTIONAL, parent=page)
        layout.addWidget(self.open_table)
        # Transfers cancelled by a reversal: out of the totals, so without this list the day's
        # summary on screen showed no trace of them (the PDF, the CSV and the thermal do).
        self.reversed_title = QLabel(objectName="sectionTitle")
        layout.addWidget(self.reversed_title)
        self.reversed = ListedModel(parent=self)
        self.reversed_table = report_table(self.reversed, "reportTable", 5, optional=LISTED_OPTIONAL, parent=page)
        layout.addWidget(self.reversed_table)
        self.approvals = QLabel(objectName="reportApprovals")  # who approved what, by name
        self.approvals.setWordWrap(True)
        layout.addWidget(self.approvals)
        layout.addStretch(1)
        self.setWidget(page)
        self.report: Any = None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as its page wants, but only a few lines tall: the view stretches into the
        room its screen has and scrolls inside. Asking for its whole report's height made Tutup
        Hari's summary taller than a 1024x768 screen at 125 %, "Hitung kas di laci" below the
        window's edge under a report that scrolls on its own anyway."""
        wanted = super().sizeHint()
        return QSize(wanted.width(), min(wanted.height(), self.fontMetrics().height() * PREFERRED_LINES))

    def show_report(self, report: Any) -> None:
        self.report = report
        made = format_wib(datetime.fromisoformat(report.generated_at))
        # in the agent's language, as the sealed page's "Laporan Z" is; the printouts keep
        # ``report.title`` ("LAPORAN Z No. 0001"), in Indonesian like the rest of the paper
        heading = (self.tr("Laporan Z No. {number}").format(number=f"{report.number:04d}") if report.kind == "Z"
                   else self.tr("Laporan X (sementara, belum ditutup)"))
        self.title.setText(self.tr("{heading} · hari kerja {value} · dibuat {made}").format(
            heading=heading, value=day_label(report.business_date), made=made))
        if report.open and report.kind == "Z":
            self.open_warning.show_message(
                "warning", self.tr("%n transaksi masih menggantung saat hari ditutup (disetujui "
                                   "supervisor). Selesaikan di Beranda, daftar Transaksi Menggantung.", "",
                                   len(report.open)))
        elif report.open:
            self.open_warning.show_message(
                "warning", self.tr("%n transaksi menggantung (statusnya belum pasti). Selesaikan "
                                   "di Beranda, daftar Transaksi Menggantung, sebelum menutup hari; menutup "
                                   "tetap bisa dengan persetujuan supervisor.", "", len(report.open)))
        else:
            self.open_warning.clear_message()
        self.summary.show_report(report)
        documents = getattr(report, "documents", ())
        self.documents_note.setText(self.tr("Dokumen diterbitkan (tanpa uang di loket, tidak termasuk total): "
                                            "{value}").format(value=", ".join(
            f"{d.name} {d.count}× {format_rupiah(d.total)}" for d in documents)))
        self.documents_note.setVisible(bool(documents))
        self._show_cash(report)
        self.failed.set_rows(report.failed)
        self.failed_title.setText(self.tr("Transaksi gagal ({value})").format(
            value=len(report.failed)) if report.failed
                                  else self.tr("Transaksi gagal: tidak ada"))
        self.failed_table.setVisible(bool(report.failed))
        self.open.set_rows(report.open)
        self.open_title.setText(self.tr("Transaksi menggantung / belum pasti ({value})").format(
            value=len(report.open)) if report.open
                                else self.tr("Transaksi menggantung: tidak ada"))
        self.open_table.setVisible(bool(report.open))
        cancelled = getattr(report, "reversed", ())
        self.reversed.set_rows(cancelled)
        self.reversed_title.setText(self.tr("Transaksi dibatalkan (reversal) ({value})").format(value=len(cancelled)))
        self.reversed_title.setVisible(bool(cancelled))
        self.reversed_table.setVisible(bool(cancelled))
        self._show_handovers(report)
        approvals = getattr(report, "approvals", ())
        self.approvals.setText("\n".join([self.tr("Persetujuan supervisor:")] + [
            self.tr("{at} · {action} · disetujui {approver} · {reason}").format(
                at=format_wib(datetime.fromisoformat(a.at)), action=translate("approvals", a.action),
                approver=a.approver, reason=approval_reason(a.reason))
            for a in approvals]))
        self.approvals.setVisible(bool(approvals))

    def _show_cash(self, report: Any) -> None:
        while self.cash_grid.count():
            item = self.cash_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        rows: list[tuple[str, str, bool]] = []
        cash = report.cash
        # An earlier day's row settled today (a refund to give back): each is a transaction, listed
        # also while the drawer's figure waits for the count, as the printed Laporan X lists it.
        # Its reference and day each under the words: on one line the label was as wide as the box,
        # the hidden figure beside it squeezed into a column of words at 1024x768.
        late = [(self.tr("Penyelesaian terlambat:\n{reference}\n(hari kerja {day})").format(
            reference=item.reference, day=day_label(item.original_date)),
            signed_rupiah(item.received - item.paid_out), False) for item in getattr(report, "late", ())]
        if cash is None:
            rows += late
            rows.append((self.tr("Kas seharusnya di "
                                 "laci"), self.tr("disembunyikan sampai kas selesai dihitung"), False))
        else:
            rows += [(self.tr("Modal awal"), format_rupiah(cash.opening_float), False),
                     (self.tr("Tunai diterima"), format_rupiah(cash.received), False),
                     (self.tr("Tunai dibayarkan"), format_rupiah(cash.paid_out), False),
                     (self.tr("Mutasi kas"),
                      signed_rupiah(cash.movements) if cash.movements else self.tr("Rp 0"), False)]
            rows += late
            rows.append((self.tr("Kas seharusnya di laci"), format_rupiah(cash.against), True))
            rows += self._held_rows(cash)
            rows += self._count_rows(cash)
        if report.bank_balance is not None:
            rows.append((self.tr("Saldo rekening "
                                 "agen"), f"{format_rupiah(report.bank_balance)}  ({report.bank_balance_note})",
                         False))
        elif report.bank_balance_note:
            rows.append((self.tr("Saldo rekening agen"), report.bank_balance_note, False))
        for row, (label, value, strong) in enumerate(rows):
            caption = QLabel(label, objectName="resultLabel")
            shown = QLabel(value, objectName="totalLine" if strong else "resultValue")
            shown.setWordWrap(True)
            for label in (caption, shown):  # a figure beside its label's first line, not its middle
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.cash_grid.addWidget(caption, row, 0)
            self.cash_grid.addWidget(shown, row, 1, 1, 2)

    def _held_rows(self, cash: Any) -> list[tuple[str, str, bool]]:
        """The cash of rows still in doubt: in the drawer, part of what it should hold ("termasuk"),
        or, in a Laporan Z sealed before that rule, beside it as it was sealed."""
        if cash.includes_held:
            today = self.tr("termasuk uang transaksi menggantung (belum pasti)")
            earlier = self.tr("termasuk uang transaksi menggantung hari sebelumnya")
        else:
            today = self.tr("Tertahan di transaksi menggantung")
            earlier = self.tr("Tertahan di transaksi menggantung hari sebelumnya")
        return [(label, format_rupiah(amount), False)
                for label, amount in ((today, cash.held_in_open), (earlier, cash.held_carried)) if amount]

    def _show_handovers(self, report: Any) -> None:
        """The day's drawer handovers and the difference of each holder's span (a Laporan Z
        sealed before handovers has neither)."""
        handovers = getattr(report, "handovers", ())
        lines = [self.tr("Serah terima kas:")] + [
            self.tr("{time} · {giver} → {taker} · dihitung {counted}, seharusnya {should}: {difference}").format(
                time=h.at[11:16], giver=h.from_operator, taker=h.to_operator, counted=format_rupiah(h.counted),
                should=format_rupiah(h.should_hold), difference=variance_text(h.difference))
            + (self.tr(" · disetujui {approver}").format(approver=h.approved_by) if h.approved_by else "")
            for h in handovers]
        if handovers:
            lines.append(self.tr("Selisih per petugas (yang memegang laci):"))
            lines += [self.tr("{operator} ({start}–{end}): {difference}").format(
                operator=span.operator, start=span.start, end=span.end or self.tr("sekarang"),
                difference=self.tr("belum dihitung") if span.difference is None else variance_text(span.difference))
                for span in report.spans]
        self.handovers.setText("\n".join(lines))
        self.handovers.setVisible(bool(handovers))

    def _count_rows(self, cash: Any) -> list[tuple[str, str, bool]]:
        """The counts of the drawer, as the paper and the CSV say them: every count before
        the one sealed (a figure typed only to see the expected cash, a shortfall covered by a
        movement afterwards), then the count, its difference and the agent's note. A Laporan Z
        on the screen showed the expected cash alone: a day closed short read as an even one."""
        rows = [(self.tr("Hitungan ke-{number} ({time}, {operator})").format(
                    number=number, time=count.at[11:16], operator=count.operator),
                 self.tr("{counted}, seharusnya saat itu {expected}: {variance}").format(
                    counted=format_rupiah(count.counted), expected=format_rupiah(count.expected),
                    variance=variance_text(count.variance)), False)
                for number, count in enumerate(getattr(cash, "earlier_counts", ()), 1)]
        if cash.counted is not None:
            rows += [(self.tr("Kas dihitung"), format_rupiah(cash.counted), False),
                     (self.tr("Selisih"), variance_text(cash.variance or 0), True)]
            if cash.variance_note:
                rows.append((self.tr("Keterangan selisih"), cash.variance_note, False))
            if getattr(cash, "variance_approved_by", ""):
                rows.append((self.tr("Selisih disetujui"), cash.variance_approved_by, False))
        return rows

    def text(self) -> str:
        """Everything the view shows as plain text (what tests read)."""
        parts = [self.title.text(), self.open_warning.text()]
        for model in (self.summary, self.failed, self.open, self.reversed):
            parts += [" | ".join(model.text(r, c) for c in range(model.columnCount())) for r in range(model.rowCount())]
        for index in range(self.cash_grid.count()):
            widget = self.cash_grid.itemAt(index).widget()
            if isinstance(widget, QLabel):
                parts.append(widget.text())
        parts += [self.failed_title.text(), self.open_title.text()]
        if self.reversed_title.isVisibleTo(self):
            parts.append(self.reversed_title.text())
        if self.handovers.isVisibleTo(self):
            parts.append(self.handovers.text())
        if self.approvals.isVisibleTo(self):
            parts.append(self.approvals.text())
        return "\n".join(parts)
