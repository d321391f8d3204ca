"""The Riwayat Transaksi table: a ``QAbstractTableModel`` over one ``JournalPage``
(STYLE.md rule 7), tested without a window.

The journal pages and counts in SQL (services/journal_query.py), so the model holds one
page only and never sorts: rows come newest first, as the agent looks for the last one.
``DisplayRole`` is what the agent reads; ``STATE_ROLE`` gives the row's ``State`` and
``ROW_ROLE`` its ``JournalRow``. The status cell carries its colour in ``ForegroundRole``
and ``BackgroundRole``: a style sheet cannot reach a single item of a view, so the palette
below repeats the result screen's colours from resources/style/loket.qss (green BERHASIL,
red GAGAL, amber BELUM PASTI).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from services.clock import WIB
from services.journal import JournalRow, State
from services.money import format_rupiah
from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate

COLUMNS = (QT_TRANSLATE_NOOP("journal_table", "Waktu (WIB)"), QT_TRANSLATE_NOOP("journal_table", "No. referensi"), QT_TRANSLATE_NOOP("journal_table", "Produk"), QT_TRANSLATE_NOOP("journal_table", "Pelanggan"), QT_TRANSLATE_NOOP("journal_table", "Nominal"), QT_TRANSLATE_NOOP("journal_table", "Biaya"), QT_TRANSLATE_NOOP("journal_table", "Total"), QT_TRANSLATE_NOOP("journal_table", "Status"))
TIME, REFERENCE, PRODUCT, CUSTOMER, AMOUNT, FEE, TOTAL, STATUS = range(len(COLUMNS))
_NUMBERS = (AMOUNT, FEE, TOTAL)

STATE_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

# What the agent reads for each state (the result screen's words).
STATE_LABELS = {
    State.NEW: QT_TRANSLATE_NOOP("journal_table", "BELUM TERKIRIM"),
    State.SENT: QT_TRANSLATE_NOOP("journal_table", "TERKIRIM"),
    State.SUCCESS: QT_TRANSLATE_NOOP("journal_table", "BERHASIL"),
    State.FAILED: QT_TRANSLATE_NOOP("journal_table", "GAGAL"),
    State.SUSPECT: QT_TRANSLATE_NOOP("journal_table", "BELUM PASTI"),
    State.REVERSED: QT_TRANSLATE_NOOP("journal_table", "DIBATALKAN"),
}
# (text, background) per state: loket.qss #resultStatus[state=...] and the banners.
_STATE_COLOURS = {
    State.SUCCESS: ("#1b5e20", "#e6f4ea"),
    State.FAILED: ("#b71c1c", "#fdecea"),
    State.SUSPECT: ("#8a5300", "#fff4e0"),
    State.NEW: ("#8a5300", "#fff4e0"),
    State.SENT: ("#8a5300", "#fff4e0"),
    State.REVERSED: ("#5e6b7a", "#eef2f7"),
}

Index = QModelIndex | QPersistentModelIndex


def state_label(state: State) -> str:
    return translate("journal_table", STATE_LABELS[state]) if state in STATE_LABELS else state.value


def wib_time(stamp: str, *, short: bool = False) -> str:
    """A journal timestamp as the agent reads it (WIB): ``21/11/2026 14:05:09``, or
    ``21/11/26 14:05`` where room is short (the list; the details say it in full)."""
    return datetime.fromisoformat(stamp).astimezone(WIB).strftime("%d/%m/%y %H:%M" if short else "%d/%m/%Y %H:%M:%S")


def customer_text(row: JournalRow) -> str:
    return " — ".join(part for part in (row.customer_ref, row.customer_name) if part) or "—"


def product_text(row: JournalRow, names: Mapping[str, str]) -> str:
    """The product's name as the menus call it; an unknown id reads as words, never blank."""
    return names.get(row.product) or row.product.replace("_", " ").title()


class JournalTableModel(QAbstractTableModel):
    def __init__(self, names: Mapping[str, str] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: Mapping[str, str] = names or {}
        self._rows: list[JournalRow] = []
        self.total = 0
        self.page = 0
        self.pages = 1

    def set_page(self, page: Any) -> None:
        """Show a ``JournalPage`` (its rows, and its place among the pages)."""
        self.beginResetModel()
        self._rows = list(page.rows)
        self.total, self.page, self.pages = page.total, page.page, page.pages
        self.endResetModel()

    def row_at(self, row: int) -> JournalRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("journal_table", COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == STATE_ROLE:
            return row.state
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in _NUMBERS else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if column == STATUS and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            text, background = _STATE_COLOURS[row.state]
            return QBrush(QColor(text if role == Qt.ItemDataRole.ForegroundRole else background))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS:
                return row.error_message or None
            if column == PRODUCT:  # a long name may be cut short
                return self.display(row, column)
        return None

    def display(self, row: JournalRow, column: int) -> str:
        if column == TIME:
            return wib_time(row.created_at, short=True)
        if column == REFERENCE:
            return row.reference
        if column == PRODUCT:
            return product_text(row, self.names)
        if column == CUSTOMER:  # number over name: both readable in a narrow column
            return "\n".join(part for part in (row.customer_ref, row.customer_name) if part) or "—"
        if column == AMOUNT:
            return format_rupiah(row.amount)
        if column == FEE:
            return format_rupiah(row.fee_final)
        if column == TOTAL:
            return format_rupiah(row.total_final)
        return state_label(row.state)


EVENT_COLUMNS = (QT_TRANSLATE_NOOP("journal_table", "Waktu (WIB)"), QT_TRANSLATE_NOOP("journal_table", "Dari"), QT_TRANSLATE_NOOP("journal_table", "Menjadi"), QT_TRANSLATE_NOOP("journal_table", "Oleh"), QT_TRANSLATE_NOOP("journal_table", "Alasan"))


class EventsModel(QAbstractTableModel):
    """A transaction's history (``Journal.events``): who moved it, when, and why."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[Any] = []

    def set_events(self, events: list[Any]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(EVENT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("journal_table", EVENT_COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        event = self._events[index.row()]
        return (wib_time(event.at),
                state_label(event.from_state) if event.from_state else "—",
                state_label(event.to_state),
                event.actor,
                event.reason)[index.column()]
