"""The BCA mutasi table: a ``QAbstractTableModel`` over ``StatementRow``s (STYLE.md rule 7).

``DisplayRole`` is what the agent reads (``Rp 150.000``, ``CR``); ``SORT_ROLE`` is what the
``QSortFilterProxyModel`` in front of it sorts on, so amounts sort as numbers and dates in
the order BCA listed them (oldest first), not as text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.models.rows import Column, Index, RowsModel

COLUMNS = (QT_TRANSLATE_NOOP("statement", "Tanggal"), QT_TRANSLATE_NOOP("statement", "Keterangan"),
           QT_TRANSLATE_NOOP("statement", "CR/DB"), QT_TRANSLATE_NOOP("statement", "Nominal"),
           QT_TRANSLATE_NOOP("statement", "Saldo"))
DATE, REMARK, TYPE, AMOUNT, BALANCE = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def format_sen(sen: int) -> str:
    """``15000000`` sen -> ``Rp 150.000``; ``123456`` -> ``Rp 1.234,56`` (sen only when there are any)."""
    whole, cents = divmod(abs(sen), 100)
    text = format_rupiah(whole) + (f",{cents:02d}" if cents else "")
    return ("-" + text) if sen < 0 else text


class StatementModel(RowsModel[Any]):
    context = "statement"
    columns = (
        Column(COLUMNS[DATE], lambda line: line.when),
        Column(COLUMNS[REMARK], lambda line: line.remark),
        Column(COLUMNS[TYPE], lambda line: line.type),
        Column(COLUMNS[AMOUNT], lambda line: format_sen(line.amount_sen), number=True),
        Column(COLUMNS[BALANCE], lambda line: "—" if line.balance_sen is None else format_sen(line.balance_sen),
               number=True),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == SORT_ROLE:
            return self._sort_key(self.row_at(index.row()), index.row(), index.column())
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole and index.column() == REMARK:
            line = self.row_at(index.row())
            return self.tr("{remark}\nID transaksi: {transaction_id}").format(
                remark=line.remark, transaction_id=line.transaction_id)
        return super().data(index, role)

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
