"""The product picker of a bill-payment menu (Tagihan, Pembelian).

A search box first ("Cari produk…"): the catalogue's ``search`` runs as the agent types
and Enter opens the first match (highlighted, the catalogue's best), so "pln", "bpjs",
"zakat" is all it takes. Down or Tab goes from the box into the buttons, the arrow keys
move between them (Up from the top row: back to the box), Enter opens the one with the
focus. Below the box, with nothing typed, the group's products by category as large buttons.

Sub-products of one provider (Prudential's six payments) are one button in the category
list, opening the first of them; the form then offers the others as a choice. A search
shows each sub-product on its own, because the agent typed what they meant.

The header line also says whether the BNI host answers (``set_connection``); the screen
runs the check, off the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from ui.models.catalogue_names import category_text, name_text, shown_words
from ui.page_scroll import own_scroll
from ui.screens.billpay_fields import family_title
from ui.widgets.restyle import mark
from ui.widgets.wrap_button import WrappingButton

if TYPE_CHECKING:
    from services.products import Catalogue, ProductSpec

COLUMNS = 3
ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


def equal_columns(grid: QGridLayout) -> None:
    """Columns of one width whatever the names in them: an empty first row holds every
    column open (a search with two results keeps them a third wide)."""
    for column in range(COLUMNS):
        grid.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum), 0, column)
        grid.setColumnStretch(column, 1)


class ProductPicker(QWidget):
    chosen = Signal(object)  # ProductSpec

    def __init__(self, catalogue: "Catalogue", group: str) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.group = group
        self.matches: list["ProductSpec"] = []
        self.result_buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        examples = list(dict.fromkeys(s.aliases[0] for s in catalogue.in_group(group) if s.aliases))[:4]
        self.search.setPlaceholderText(self.tr("Cari produk…") + (self.tr("  (contoh: {value})").format(
            value=', '.join(examples)) if examples else ""))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self.open_first)
        self.search.installEventFilter(self)
        top.addWidget(self.search, 1)
        self.connection = QLabel(self.tr("Koneksi BNI: memeriksa…"))
        self.connection.setObjectName("connection")
        top.addWidget(self.connection)
        layout.addLayout(top)

        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.hide()
        layout.addWidget(self.note)

        scroll = own_scroll()
        content = QWidget()
        content.setObjectName("plain")
        self.content = QVBoxLayout(content)
        self.content.setContentsMargins(0, 0, 8, 0)
        self.content.setSpacing(6)
        self.categories = self._categories()
        self.content.addWidget(self.categories)
        self.results = QWidget()
        self.results_grid = QGridLayout(self.results)
        self.results_grid.setContentsMargins(0, 0, 0, 0)
        self.results_grid.setSpacing(8)
        self.results.hide()
        self.content.addWidget(self.results)
        self.content.addStretch(1)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)

    # -- views -----------------------------------------------------------------------
    def _button(self, text: str, spec: "ProductSpec") -> QPushButton:
        button = WrappingButton(text)  # a long name takes a second line, not a cut
        button.setObjectName("productButton")
        button.setToolTip(name_text(spec))
        button.clicked.connect(lambda _=False, s=spec: self.chosen.emit(s))
        button.installEventFilter(self)
        return button

    def _categories(self) -> QWidget:
        """One grid for every category, so the columns line up from one category to the next."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        self.category_buttons: dict[str, QPushButton] = {}
        equal_columns(grid)
        row = 1
        for category in self.catalogue.categories(self.group):
            title = QLabel(category_text(category))
            title.setObjectName("categoryTitle")
            grid.addWidget(title, row, 0, 1, COLUMNS)
            row += 1
            families: set[str] = set()
            entries = []
            for spec in self.catalogue.in_group(self.group):
                if spec.category != category or spec.family in families:
                    continue
                if spec.family:
                    families.add(spec.family)
                entries.append((family_title(spec) if spec.family else name_text(spec), spec))
            for index, (text, spec) in enumerate(entries):
                button = self._button(text, spec)
                self.category_buttons[spec.family or spec.id] = button
                grid.addWidget(button, row + index // COLUMNS, index % COLUMNS)
            row += (len(entries) + COLUMNS - 1) // COLUMNS
        return box

    def filter(self, text: str) -> None:
        """Show what matches ``text`` (the whole catalogue: the agent may not know the menu)."""
        while self.results_grid.count():
            widget = self.results_grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.result_buttons = {}
        if not text.strip():
            self.matches = []
            self.results.hide()
            self.note.hide()
            self.categories.show()
            return
        self.matches = self.catalogue.search(text, shown_words(self.catalogue))
        self.categories.hide()
        for index, spec in enumerate(self.matches):
            button = self._button(name_text(spec), spec)
            button.setProperty("first", index == 0)  # what Enter in the box opens, marked
            self.result_buttons[spec.id] = button
            self.results_grid.addWidget(button, 1 + index // COLUMNS, index % COLUMNS)
        equal_columns(self.results_grid)
        self.results.setVisible(bool(self.matches))
        for button in self.result_buttons.values():
            button.show()  # now, not when the layout gets round to it: Down may come at once
        if not self.matches:
            self.note.setText(self.tr("Tidak ada produk yang cocok dengan “{value}”. Coba kata lain, "
                                      "misalnya nama perusahaan atau jenis tagihan.").format(value=text.strip()))
        elif len(self.matches) == 1:
            self.note.setText(self.tr("Satu produk cocok — tekan Enter untuk membukanya."))
        else:
            self.note.setText(self.tr("{value} produk cocok. Enter membuka yang pertama; ↓ untuk memilih yang "
                                      "lain.").format(value=len(self.matches)))
        self.note.show()

    def open_first(self) -> None:
        if self.matches:
            self.chosen.emit(self.matches[0])

    # -- the keyboard among the buttons ---------------------------------------------------
    def buttons(self) -> list[QPushButton]:
        """The buttons on show, in reading order."""
        if self.results.isVisible():
            found = list(self.result_buttons.values())
        else:
            found = [b for b in self.category_buttons.values() if b.isVisible()]
        return sorted(found, key=lambda b: (b.mapTo(self, b.rect().topLeft()).y(),
                                            b.mapTo(self, b.rect().topLeft()).x()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn and watched is self.search:
            self._mark_first(True)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if watched is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Tab):
                buttons = self.buttons()
                if buttons:
                    self._mark_first(False)  # the focus frame shows which one Enter opens now
                    buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
                    return True
            return False
        if isinstance(watched, QPushButton) and key in ARROWS:
            target = self._neighbour(watched, key)
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
            elif key == Qt.Key.Key_Up:
                self._mark_first(True)
                self.search.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return False

    def _mark_first(self, on: bool) -> None:
        first = next(iter(self.result_buttons.values()), None)
        if first is not None and bool(first.property("first")) != on:
            mark(first, "first", on)

    def _neighbour(self, button: QPushButton, key: int) -> QPushButton | None:
        """The nearest button on show in the arrow's direction."""
        here = button.mapTo(self, button.rect().center())
        best, best_cost = None, None
        for other in self.buttons():
            if other is button:
                continue
            there = other.mapTo(self, other.rect().center())
            dx, dy = there.x() - here.x(), there.y() - here.y()
            along, across = {Qt.Key.Key_Right: (dx, dy), Qt.Key.Key_Left: (-dx, dy),
                             Qt.Key.Key_Down: (dy, dx), Qt.Key.Key_Up: (-dy, dx)}[key]
            if along <= 4:
                continue
            cost = (abs(across) > button.height() // 2 if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) else 0,
                    along + 2 * abs(across))
            if best_cost is None or cost < best_cost:
                best, best_cost = other, cost
        if best is not None and key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and best_cost[0]:
            return None  # no button beside it on this row
        return best

    def set_connection(self, ok: bool, detail: str = "") -> None:
        self.connection.setText(self.tr("Koneksi BNI: OK") if ok else self.tr("Koneksi BNI: gagal"))
        self.connection.setToolTip(detail)
        mark(self.connection, "ok", ok)

    def clear(self) -> None:
        self.search.clear()
