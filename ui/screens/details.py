"""A read-only panel of (label, value) rows: what the bank answered, or what is about to be
sent. Every such card uses it: an answer on its own page (Cek Rekening, the created virtual
account), the beneficiary read back before a transfer (Transfer Sesama/Antar Bank, Transfer
Switcher, BCA: Transfer), a summary before the PIN (Setor Tunai, Buka Rekening) and a
journal row's details (Riwayat). ``values`` maps each label to its value's label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget


class DetailsPanel(QFrame):
    def __init__(self, *, columns: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("beneficiary")
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(20, 14, 20, 14)
        self.grid.setHorizontalSpacing(28)
        self.grid.setVerticalSpacing(8)
        for column in range(columns):
            # One column: the labels as wide as they need, the values take the rest. Side by
            # side: each pair gets the same share (labels 2, values 3), or a column of short
            # values (Buka Rekening's names) kept its width while the long ones beside it
            # ("AKUNTING / KEUANGAN") wrapped to three lines.
            self.grid.setColumnStretch(column * 2, 2 if columns > 1 else 0)
            self.grid.setColumnStretch(column * 2 + 1, 3 if columns > 1 else 1)
        self.values: dict[str, QLabel] = {}

    def set_rows(self, rows: list[tuple[str, str]], *, emphasise: str = "") -> None:
        """Replace the rows; the row labelled ``emphasise`` is shown big (name, balance)."""
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.values = {}
        per_column = -(-len(rows) // self.columns)
        for index, (label, value) in enumerate(rows):
            row, column = index % per_column, (index // per_column) * 2
            caption = QLabel(label)
            caption.setObjectName("resultLabel")
            caption.setWordWrap(True)  # a long caption wraps rather than widen a narrow page
            text = QLabel(value)
            text.setObjectName("beneficiaryName" if label == emphasise else "resultValue")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(text, row, column + 1, Qt.AlignmentFlag.AlignTop)  # on its label's line
            self.values[label] = text

    def text(self) -> str:
        """Everything the panel says, for tests and support."""
        return "\n".join(f"{label}: {value.text()}" for label, value in self.values.items())
