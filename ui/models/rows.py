"""The table-model base of Loket's lists (STYLE.md rule 7): rows of one record type shown
through a fixed list of ``Column``s. A subclass names its columns and its translation
context, and adds only the roles its list needs (a sort key, a status colour, a tooltip).

``DisplayRole`` is what the agent reads; numbers are right-aligned; the model never sorts
(a ``QSortFilterProxyModel`` in front does, where a list sorts at all)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ui.i18n import translate

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str  # marked with QT_TRANSLATE_NOOP in the model's ``context``
    text: Callable[[T], str]
    number: bool = False


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of one record type, shown through a fixed list of ``Column``s."""

    columns: Sequence[Column[Any]] = ()
    context = ""  # the translation context of the column titles

    def __init__(self, rows: Sequence[T] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = list(rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(self.context, self.columns[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self.columns[section].number else LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.number else LEFT
        if role == Qt.ItemDataRole.FontRole and self.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def bold(self, row: T) -> bool:
        return False

    def text(self, row: int, column: int) -> str:
        """The displayed text of one cell (what tests read)."""
        return self.columns[column].text(self._rows[row])
