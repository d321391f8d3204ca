"""Table models for the end-of-day screens (STYLE.md rule 7): the day per product group and
product, the failed/open lists, the cash movements and the closed days.

Each is a ``QAbstractTableModel`` over the frozen dataclasses of ``services.reports`` /
``services.dayclose``; ``DisplayRole`` is what the agent reads (``Rp 250.000``), and the
models are tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from services.clock import format_business_date
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from services.product_groups import group_label
from ui.i18n import translate
from ui.models.rows import Column, RowsModel

STATE_LABELS = {"FAILED": QT_TRANSLATE_NOOP("report", "Gagal"),
                "SUSPECT": QT_TRANSLATE_NOOP("report", "Belum pasti"),
                "NEW": QT_TRANSLATE_NOOP("report", "Belum terkirim"),
                "SENT": QT_TRANSLATE_NOOP("report", "Menunggu jawaban"),
                "REVERSED": QT_TRANSLATE_NOOP("report", "Dibatalkan"),
                "SUCCESS": QT_TRANSLATE_NOOP("report", "Berhasil")}


def day_label(business_date: str) -> str:
    """``2026-11-21`` -> ``21/11/2026`` (how dates read on every screen, as on paper)."""
    return format_business_date(business_date)


def signed_rupiah(amount: int) -> str:
    """What a movement did to the drawer: ``+Rp 50.000`` / ``−Rp 50.000``."""
    return ("+" if amount > 0 else "−" if amount < 0 else "") + format_rupiah(abs(amount))


def variance_text(variance: int) -> str:
    """Which way the drawer is off, in words: a bare "Rp 65.000" leaves it to a guess."""
    if variance == 0:
        return translate("day_close", "Rp 0 — kas cocok")
    amount = format_rupiah(abs(variance))
    if variance > 0:
        return translate("day_close", "Kas lebih {amount}").format(amount=amount)
    return translate("day_close", "Kas kurang {amount}").format(amount=amount)


# -- the day per product group and product ------------------------------------------------
@dataclass(frozen=True)
class SummaryLine:
    """One line of the summary table: a group heading, a product under it, or the total."""

    kind: str  # "group" | "product" | "total"
    title: str
    count: int
    amount: int
    fee: int
    total: int
    counter_fee: int = 0  # the counter's own fees: the agent's income, not in ``total``


def summary_lines(report: Any) -> list[SummaryLine]:
    lines: list[SummaryLine] = []
    for group in report.groups:
        # Menu groups and Loket's own products read in the agent's language; catalogue names stay.
        lines.append(SummaryLine("group", translate("groups", group_label(group.group)), group.count, group.amount,
                                 group.fee, group.total, group.counter_fee))
        lines += [SummaryLine("product", translate("products", product.name), product.count, product.amount,
                              product.fee, product.total, product.counter_fee)
                  for product in report.products if product.group == group.group]
    totals = report.totals
    lines.append(SummaryLine("total", translate("report", "Total"), totals.count, totals.amount, totals.fee,
                             totals.total, totals.counter_fee))
    return lines


PRODUCT_INDENT = 14  # px, before a product's name under its group (the picture's own margins add a few)


class SummaryModel(RowsModel[SummaryLine]):
    context = "report"
    _indent: QPixmap | None = None
    columns = (
        Column(QT_TRANSLATE_NOOP("report", "Kelompok / produk"), lambda s: s.title),
        Column(QT_TRANSLATE_NOOP("report", "Jumlah trx"), lambda s: str(s.count), number=True),
        Column(QT_TRANSLATE_NOOP("report", "Nominal"), lambda s: format_rupiah(s.amount), number=True),
        Column(QT_TRANSLATE_NOOP("report", "Biaya admin"), lambda s: format_rupiah(s.fee), number=True),
        Column(QT_TRANSLATE_NOOP("report", "Total"), lambda s: format_rupiah(s.total), number=True),
        Column(QT_TRANSLATE_NOOP("report", "Biaya loket"), lambda s: format_rupiah(s.counter_fee),
               number=True),
    )

    def show_report(self, report: Any) -> None:
        self.set_rows(summary_lines(report))

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A product is set in under its group by an empty picture before its name, not by
        leading spaces: a name wrapped at 1024x768 (``PLN Pascabayar (Tagihan Listrik)``) kept
        the spaces on its first line only, and its second line stood out under the group."""
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 0 \
                and self.row_at(index.row()).kind == "product":
            if self._indent is None:
                self._indent = QPixmap(PRODUCT_INDENT, 1)
                self._indent.fill(Qt.GlobalColor.transparent)
            return self._indent
        return super().data(index, role)

    def bold(self, row: SummaryLine) -> bool:
        return row.kind != "product"


# -- failed and open transactions ------------------------------------------------------
def _listed_note(item: Any) -> str:
    state = translate("report", STATE_LABELS[item.state]) if item.state in STATE_LABELS else item.state
    detail = " ".join(part for part in (item.error_code and f"[{item.error_code}]", item.error_message) if part)
    return f"{state} — {detail}" if detail else state


class ListedModel(RowsModel[Any]):
    context = "report"
    columns = (
        Column(QT_TRANSLATE_NOOP("report", "Jam"), lambda i: i.time),
        Column(QT_TRANSLATE_NOOP("report", "No. referensi"), lambda i: i.reference),
        # in the agent's language, as the summary's product lines above it (catalogue names stay)
        Column(QT_TRANSLATE_NOOP("report", "Produk"), lambda i: translate("products", i.name)),
        Column(QT_TRANSLATE_NOOP("report", "Pelanggan"),
               lambda i: i.customer),
        Column(QT_TRANSLATE_NOOP("report", "Total"), lambda i: format_rupiah(i.total), number=True),
        Column(QT_TRANSLATE_NOOP("report", "Status"), _listed_note),
    )


# -- cash movements ---------------------------------------------------------------------
class MovementModel(RowsModel[Any]):
    """A day's cash movements; ``slip`` names each one's slip number."""

    context = "report"

    def __init__(self, slip: Callable[[Any], str], parent: Any = None) -> None:
        super().__init__((), parent)
        self.columns = (
            Column(QT_TRANSLATE_NOOP("report", "Jam"), lambda m: m.time),
            Column(QT_TRANSLATE_NOOP("report", "Jenis"), lambda m: translate("movements", m.label)),
            Column(QT_TRANSLATE_NOOP("report", "Laci kas"), lambda m: signed_rupiah(m.amount), number=True),
            Column(QT_TRANSLATE_NOOP("report", "Alasan"), lambda m: m.reason),
            Column(QT_TRANSLATE_NOOP("report", "Petugas"), lambda m: m.operator),
            Column(QT_TRANSLATE_NOOP("report", "No. slip"), slip),
        )


# -- closed days ------------------------------------------------------------------------
@dataclass(frozen=True)
class ClosedDay:
    business_date: str
    number: int
    in_force: bool  # False: reopened later, superseded by a newer Laporan Z


IN_FORCE = QT_TRANSLATE_NOOP("report", "Berlaku")
REOPENED = QT_TRANSLATE_NOOP("report", "Dibuka kembali")
CLOSED_DAY_STATES = (IN_FORCE, REOPENED)  # every status a closed day can have (the list is sized for each)


class ClosedDaysModel(RowsModel[ClosedDay]):
    context = "report"
    columns = (
        Column(QT_TRANSLATE_NOOP("report", "Laporan"), lambda d: f"Z-{d.number:04d}"),
        Column(QT_TRANSLATE_NOOP("report", "Hari kerja"), lambda d: day_label(d.business_date)),
        Column(QT_TRANSLATE_NOOP("report", "Status"), lambda d: translate("report", IN_FORCE if d.in_force
                                                                          else REOPENED)),
    )
