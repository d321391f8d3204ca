"""The BCA mutasi table: a ``QAbstractTableModel`` over ``StatementRow``s (STYLE.md rule 7).

``DisplayRole`` is what the agent reads (``Rp 150.000``, ``CR``); ``SORT_ROLE`` is what the
``QSortFilterProxyModel`` in front of it sorts on, so amounts sort as numbers and dates in
the order BCA listed them (oldest first), not as text.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from services.money import format_rupiah
from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate

COLUMNS = (QT_TRANSLATE_NOOP("statement", "Tanggal"), QT_TRANSLATE_NOOP("statement", "Keterangan"), QT_TRANSLATE_NOOP("statement", "CR/DB"), QT_TRANSLATE_NOOP("statement", "Nominal"), QT_TRANSLATE_NOOP("statement", "Saldo"))
DATE, REMARK, TYPE, AMOUNT, BALANCE = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMBERS = (AMOUNT, BALANCE)

Index = QModelIndex | QPersistentModelIndex


def format_sen(sen: int) -> str:
    """``15000000`` sen -> ``Rp 150.000``; ``123456`` -> ``Rp 1.234,56`` (sen only when there are any)."""
    whole, cents = divmod(abs(sen), 100)
    text = format_rupiah(whole) + (f",{cents:02d}" if cents else "")
    return ("-" + text) if sen < 0 else text


class StatementModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[Any] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = list(rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("statement", COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == SORT_ROLE:
            return self._sort_key(line, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in _NUMBERS else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == REMARK:
            return self.tr("{remark}\nID transaksi: {transaction_id}").format(
                remark=line.remark, transaction_id=line.transaction_id)
        return None

    @staticmethod
    def _display(line: Any, column: int) -> str:
        if column == DATE:
            return line.when
        if column == REMARK:
            return line.remark
        if column == TYPE:
            return line.type
        if column == AMOUNT:
            return format_sen(line.amount_sen)
        return "—" if line.balance_sen is None else format_sen(line.balance_sen)

    @staticmethod
    def _sort_key(line: Any, row: int, column: int) -> Any:
        if column == DATE:
            return row  # BCA lists oldest first; the formatted date does not sort as text
        # Sen exceed 32 bits (Rp 25.000.000 = 2.5e9 sen) and some PySide6 builds pass an int
        # role value to Qt as a 32-bit int; a float is exact up to 2^53 sen and sorts right.
        if column == AMOUNT:
            return float(line.amount_sen)
        if column == BALANCE:
            return -1.0 if line.balance_sen is None else float(line.balance_sen)
        return (line.remark if column == REMARK else line.type).lower()


def statement_proxy(model: StatementModel, parent: Any = None) -> QSortFilterProxyModel:
    """Sorting on ``SORT_ROLE``; the search box filters on the remark, case-insensitive."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(REMARK)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
