"""Small modal questions the screens ask: yes/no, a file to save or open, a password,
"throw away the settings not saved?".

Each is a plain callable a screen takes as an attribute (``screen.confirm = …``), so UI tests
replace it with a lambda that answers at once instead of a modal dialog that would block
(STYLE.md rule 8). ``None`` / ``False`` always means the agent cancelled: do nothing.
"""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate

Confirm = Callable[[QWidget, str, str], bool]  # (parent, title, text) -> go ahead?
SaveFileChooser = Callable[[QWidget, str, str, str], Optional[str]]  # (parent, title, suggested, filter)
OpenFileChooser = Callable[[QWidget, str, str], Optional[str]]  # (parent, title, filter)
PasswordPrompt = Callable[[QWidget, str, str], Optional[str]]  # (parent, title, text)
ConfirmRepeat = Callable[[QWidget, str], bool]  # (parent, the service's question) -> a new transaction?


def confirm(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(translate("dialogs", "Ya, lanjutkan"), QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("primary")
    box.setDefaultButton(box.addButton(translate("dialogs", "Batal"), QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes


def confirm_leave(parent: QWidget, text: str) -> bool:
    """Leave a settings screen whose edits are not saved (``ui.unsaved``)? The safe answer,
    "Kembali ke isian", has the focus and is the default: Enter, Space, Esc and closing the
    box all keep the edits. True only for a deliberate "Buang perubahan" (Tab to it, or a
    click)."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("dialogs", "Perubahan belum disimpan"), text, parent=parent)
    box.setObjectName("leaveDialog")
    discard = box.addButton(translate("dialogs", "Buang perubahan"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discardButton")
    stay = box.addButton(translate("dialogs", "Kembali ke isian"), QMessageBox.ButtonRole.RejectRole)
    stay.setObjectName("primary")  # the safe answer looks like the one to press
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    stay.setFocus()
    box.exec()
    return box.clickedButton() is discard


def choose_save_file(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def choose_open_file(parent: QWidget, title: str, file_filter: str) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return path or None


def ask_password(parent: QWidget, title: str, text: str) -> str | None:
    password, accepted = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return password if accepted else None


class RepeatDialog(QDialog):
    """"Transaksi yang sama sudah BERHASIL pukul 14:05 (ref …). Ini transaksi baru?"

    The safe answer is the default: Enter, Esc or closing the window all mean "Batal". Going
    ahead takes two deliberate acts, ticking "the customer wants another one" and then
    pressing "Ya, transaksi baru" (a click, or Tab to it and Enter or Space), which stays
    disabled until the tick: a habitual Enter can never charge a customer twice.
    """

    def __init__(self, parent: QWidget | None, text: str) -> None:
        super().__init__(parent)
        self.setObjectName("repeatDialog")
        self.setWindowTitle(translate("dialogs", "Transaksi yang sama?"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        message = QLabel(text)
        message.setObjectName("repeatText")
        message.setWordWrap(True)
        layout.addWidget(message)
        self.sure = QCheckBox(translate("dialogs", "Sudah saya tanyakan: nasabah memang meminta transaksi baru lagi"))
        self.sure.setObjectName("repeatSure")
        layout.addWidget(self.sure)
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(translate("dialogs", "Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.go_button: QPushButton = buttons.addButton(translate("dialogs", "Ya, transaksi baru"),
                                                        QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_button.setEnabled(False)
        # Enter presses it only while it has the focus, reached by Tab after the tick (a second
        # deliberate act); anywhere else Enter is "Batal". Not auto-default, the agent's Enter on
        # the focused button did nothing at all: no button was the default any more.
        self.go_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        self.sure.toggled.connect(self.go_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.cancel_button.setFocus()

    def accept(self) -> None:
        if self.sure.isChecked():  # never through a default button or a stray key
            super().accept()


def confirm_repeat(parent: QWidget, text: str) -> bool:
    return RepeatDialog(parent, text).exec() == QDialog.DialogCode.Accepted
