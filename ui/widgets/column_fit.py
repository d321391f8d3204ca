"""A table that fits its width by leaving columns out, never by scrolling sideways.

At 1024x768, or 1366x768 at 125 % scaling, a table with every column at its contents' width
is wider than the room it has; a sideways scroll bar then hides the columns the agent looks
for (Status, Total) and the stretched column shrinks to a few letters. ``fit_columns`` hides
the columns named as optional, in the order given, until the rest fit with the stretched
column at least ``stretch_min`` wide; a wider window shows them again. What a hidden column
held is still on the row's details.
"""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView


def title_width(header: QHeaderView, column: int) -> int:
    """The width ``column``'s title needs, shown or hidden.

    ``sectionSizeHint`` says 0 for a hidden section: a fitting that read it judged a hidden
    column free to show, showed it, found the row too wide and hid it again, a turn of the
    event loop each, for as long as the list stayed empty, with whatever it showed at the
    moment (the customer's column cut to a few letters). This is the hint without that test
    (the model gives no size hint of its own to any header here)."""
    wanted = header.sectionSizeFromContents(column).width()
    return max(header.minimumSectionSize(), min(wanted, header.maximumSectionSize()))


class ColumnFit(QObject):
    def __init__(self, table: QTableView, optional: Sequence[int], stretch: int, stretch_min: int,
                 fitted: Callable[[], None] | None = None, measure: Callable[[int], int] | None = None) -> None:
        super().__init__(table)
        self.table, self.optional, self.stretch, self.stretch_min = table, tuple(optional), stretch, stretch_min
        self.fitted, self.measure = fitted, measure
        self._due = False
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.soon)

    def soon(self) -> None:
        """Fit once the event loop is back: measuring columns inside the view's own resize or
        reset (where these signals come from) re-enters its layout."""
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self, self._when_due)

    def _when_due(self) -> None:
        self._due = False
        if self.table.isVisible():
            self.fit()

    def needed(self, column: int) -> int:
        if column == self.stretch:
            return self.stretch_min
        header = self.table.horizontalHeader()
        if (header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
                and not header.isSectionHidden(column)):
            return header.sectionSize(column)  # the width it was given (the agent may widen it)
        if self.measure is not None:
            return self.measure(column)
        return max(self.table.sizeHintForColumn(column), title_width(header, column))

    def fit(self) -> None:
        columns = range(self.table.model().columnCount())
        room = self.table.viewport().width()
        hidden: set[int] = set()
        for column in self.optional:
            if sum(self.needed(c) for c in columns if c not in hidden) <= room:
                break
            hidden.add(column)
        for column in columns:
            if self.table.isColumnHidden(column) != (column in hidden):
                self.table.setColumnHidden(column, column in hidden)
        if self.fitted is not None:
            self.fitted()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.soon()
        return False


def fit_columns(table: QTableView, optional: Sequence[int], *, stretch: int, stretch_min: int,
                fitted: Callable[[], None] | None = None, measure: Callable[[int], int] | None = None) -> ColumnFit:
    """Keep ``table`` within its width by hiding ``optional`` columns (first named, first
    hidden) while it is too narrow; ``stretch`` is the column that takes what is left.
    ``fitted`` runs after each fitting (a table as tall as its rows measures them again).
    ``measure`` gives a column's width where the table already knows it (``sizeHintForColumn``
    otherwise: it asks the model for every cell of the column, each time)."""
    fit = ColumnFit(table, optional, stretch, stretch_min, fitted, measure)
    fit.fit()
    return fit
