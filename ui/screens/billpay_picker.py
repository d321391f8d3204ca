"""The product picker of a bill-payment menu (Tagihan, Pembelian).

A search box first ("Cari produk…"): the catalogue's ``search`` runs as the agent types
and Enter opens the product when only one matches, so "pln", "bpjs", "zakat" is all it
takes. Below it, with nothing typed, the group's products by category as large buttons.

Sub-products of one provider (Prudential's six payments) are one button in the category
list, opening the first of them; the form then offers the others as a choice. A search
shows each sub-product on its own, because the agent typed what they meant.

The header line also says whether the BNI host answers (``set_connection``); the screen
runs the check, off the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from ui.screens.billpay_fields import family_title

if TYPE_CHECKING:
    from services.products import Catalogue, ProductSpec

COLUMNS = 3
LONG_NAME = 36  # characters that fit on one line of a button a third of the page wide


def equal_columns(grid: QGridLayout) -> None:
    """Columns of one width whatever the names in them: an empty first row holds every
    column open (a search with two results keeps them a third wide)."""
    for column in range(COLUMNS):
        grid.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum), 0, column)
        grid.setColumnStretch(column, 1)


def button_text(name: str) -> str:
    """A long name breaks before its explanation: "PLN Non-Taglis\\n(Pasang Baru/Tambah Daya)"."""
    return name.replace(" (", "\n(", 1) if len(name) > LONG_NAME else name


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
        self.search.returnPressed.connect(self.open_single)
        top.addWidget(self.search, 1)
        self.connection = QLabel(self.tr("Koneksi BNI: memeriksa…"))
        self.connection.setObjectName("connection")
        top.addWidget(self.connection)
        layout.addLayout(top)

        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.hide()
        layout.addWidget(self.note)

        scroll = QScrollArea()
        scroll.setObjectName("plain")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        button = QPushButton(button_text(text))
        button.setObjectName("productButton")
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        button.setToolTip(spec.name)
        button.clicked.connect(lambda _=False, s=spec: self.chosen.emit(s))
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
            title = QLabel(category)
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
                entries.append((family_title(spec) if spec.family else spec.name, spec))
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
        self.matches = self.catalogue.search(text)
        self.categories.hide()
        for index, spec in enumerate(self.matches):
            button = self._button(spec.name, spec)
            self.result_buttons[spec.id] = button
            self.results_grid.addWidget(button, 1 + index // COLUMNS, index % COLUMNS)
        equal_columns(self.results_grid)
        self.results.setVisible(bool(self.matches))
        if not self.matches:
            self.note.setText(self.tr("Tidak ada produk yang cocok dengan “{value}”. Coba kata lain, "
                                      "misalnya nama perusahaan atau jenis tagihan.").format(value=text.strip()))
        elif len(self.matches) == 1:
            self.note.setText(self.tr("Satu produk cocok — tekan Enter untuk membukanya."))
        else:
            self.note.setText(self.tr("{value} produk cocok. Ketik lebih lengkap atau pilih di bawah.").format(
                value=len(self.matches)))
        self.note.show()

    def open_single(self) -> None:
        if len(self.matches) == 1:
            self.chosen.emit(self.matches[0])

    def set_connection(self, ok: bool, detail: str = "") -> None:
        self.connection.setText(self.tr("Koneksi BNI: OK") if ok else self.tr("Koneksi BNI: gagal"))
        self.connection.setToolTip(detail)
        self.connection.setProperty("ok", ok)
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)

    def clear(self) -> None:
        self.search.clear()
