"""The questions settling a transaction asks: a manual resolution and a reversal approval.

Each is a plain callable a screen holds as an attribute (``screen.ask_resolution = …``), as
``ui/dialogs.py`` does, so UI tests answer with a lambda instead of a modal dialog that
would block (STYLE.md rule 8). ``None`` always means the agent cancelled: do nothing.

The dialogs only collect; the service checks (reason long enough, host journal number
present for a success, the supervisor PIN) and its ``UserInputError`` is shown on the
screen. The supervisor PIN is typed masked, handed to the caller, and cleared here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.field import Field
from ui.widgets.money import MoneyEdit


@dataclass(frozen=True)
class ManualDecision:
    success: bool
    host_ref: str
    reason: str
    settled_fee: int | None = None  # the admin fee the host's report shows; None: as sent


@dataclass(frozen=True)
class ReversalRequest:
    reason: str
    supervisor_pin: str


ResolutionPrompt = Callable[[QWidget, str], Optional[ManualDecision]]  # (parent, what) -> decision
ReversalPrompt = Callable[[QWidget, str], Optional[ReversalRequest]]  # (parent, what) -> request


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, detail: str, accept_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(28, 22, 28, 22)
        self.layout_.setSpacing(12)
        heading = QLabel(title)
        heading.setObjectName("dialogTitle")
        self.layout_.addWidget(heading)
        text = QLabel(detail)
        text.setWordWrap(True)
        self.layout_.addWidget(text)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("primary")
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)


class ManualResolutionDialog(_Dialog):
    def __init__(self, parent: QWidget | None, detail: str) -> None:
        super().__init__(parent, self.tr("Selesaikan manual"), detail, self.tr("Simpan keputusan"))
        self.success = QRadioButton(self.tr("BERHASIL di host (dana sudah berpindah)"))
        self.failed = QRadioButton(self.tr("GAGAL di host (dana tidak berpindah)"))
        group = QButtonGroup(self)
        for button in (self.success, self.failed):
            group.addButton(button)
            self.layout_.addWidget(button)
        self.host_ref = QLineEdit(objectName="host_ref")
        self.host_ref.setPlaceholderText(self.tr("Nomor jurnal dari laporan host"))
        self.layout_.addWidget(Field(self.tr("Nomor jurnal host (untuk BERHASIL)"), self.host_ref))
        self.settled_fee = MoneyEdit()
        self.settled_fee.setObjectName("settled_fee")
        self.fee_field = Field(self.tr("Biaya admin dari host (Rp)"), self.settled_fee,
                               hint=self.tr("Isi bila laporan host menyebut biaya admin lain dari yang tercatat; "
                                            "kosongkan bila sama."))
        self.layout_.addWidget(self.fee_field)
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("mis. Laporan host 21/11 menunjukkan transaksi ini"))
        self.layout_.addWidget(Field(self.tr("Dasar keputusan"), self.reason))
        self.success.toggled.connect(self._update)
        self.failed.toggled.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.host_ref.textChanged.connect(self._update)
        self.finish()
        self._update()

    def _update(self) -> None:
        self.host_ref.setEnabled(self.success.isChecked())
        self.fee_field.setVisible(self.success.isChecked())  # a failure moved no money: no fee
        chosen = self.failed.isChecked() or (self.success.isChecked() and self.host_ref.text().strip() != "")
        self.ok.setEnabled(chosen and self.reason.text().strip() != "")

    def decision(self) -> ManualDecision:
        success = self.success.isChecked()
        return ManualDecision(success, self.host_ref.text().strip() if success else "", self.reason.text().strip(),
                              self.settled_fee.value() if success else None)


class ReversalDialog(_Dialog):
    def __init__(self, parent: QWidget | None, detail: str) -> None:
        super().__init__(parent, self.tr("Batalkan transfer (reversal)"), detail, self.tr("Batalkan transfer"))
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("mis. Salah nomor rekening tujuan"))
        self.layout_.addWidget(Field(self.tr("Alasan pembatalan"), self.reason))
        self.pin = QLineEdit(objectName="supervisor_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self.pin))
        self.layout_.addWidget(Field(self.tr("PIN supervisor"), self.pin, hint=self.tr("Diketik sendiri oleh "
                                                                                       "supervisor.")))
        self.reason.textChanged.connect(self._update)
        self.pin.textChanged.connect(self._update)
        self.finish()
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(self.reason.text().strip() != "" and len(self.pin.text()) >= 6)

    def take(self) -> ReversalRequest:
        request = ReversalRequest(self.reason.text().strip(), self.pin.text())
        self.pin.clear()
        return request


def ask_manual_resolution(parent: QWidget, detail: str) -> ManualDecision | None:
    dialog = ManualResolutionDialog(parent, detail)
    try:
        return dialog.decision() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_reversal(parent: QWidget, detail: str) -> ReversalRequest | None:
    dialog = ReversalDialog(parent, detail)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        request = dialog.take()
        return request if accepted else None
    finally:
        dialog.deleteLater()
