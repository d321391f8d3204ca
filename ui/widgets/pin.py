"""The PIN prompt: masked, six digits, cleared as soon as it is read; never logged.

Screens receive a ``PinPrompt`` (a callable ``(parent, title, detail) -> str | None``)
through their constructor, so UI tests inject one that answers at once instead of a modal
dialog that would block.
"""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

PinPrompt = Callable[[QWidget, str, str], Optional[str]]


class PinDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, detail: str) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(12)
        heading = QLabel(title)
        heading.setObjectName("dialogTitle")
        layout.addWidget(heading)
        if detail:
            text = QLabel(detail)
            text.setWordWrap(True)
            layout.addWidget(text)
        self.edit = QLineEdit()
        self.edit.setObjectName("pin")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMaxLength(6)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.edit))
        self.edit.setPlaceholderText("••••••")
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Lanjut"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("primary")
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok.setEnabled(False)
        self.edit.textChanged.connect(lambda text: self.ok.setEnabled(len(text) == 6))

    def take_pin(self) -> str:
        pin = self.edit.text()
        self.edit.clear()
        return pin


def ask_pin(parent: QWidget, title: str, detail: str = "") -> str | None:
    """The production prompt: a modal dialog; ``None`` when the agent cancels."""
    dialog = PinDialog(parent, title, detail)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        pin = dialog.take_pin()
        return pin if accepted else None
    finally:
        dialog.deleteLater()
