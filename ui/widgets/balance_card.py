"""The big blue figure card: a caption, one figure the agent reads out (a balance, a virtual
account number) and a line under it saying whose it is and how fresh. Beranda, Saldo Agen,
BCA: Saldo and the created virtual account all show one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class BalanceCard(QFrame):
    def __init__(self, caption: str, *, figure: str = "—", detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balanceCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.caption = QLabel(caption, objectName="balanceCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.figure = QLabel(figure, objectName="balanceAmount")
        self.figure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.figure)
        self.detail = QLabel(detail, objectName="balanceDetail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)

    def show_figure(self, figure: str, detail: str) -> None:
        self.figure.setText(figure)
        self.detail.setText(detail)
