"""Small modal questions the SNAP screens ask: yes/no, a file to save or open, a password.

Each is a plain callable a screen takes as an attribute (``screen.confirm = …``), so UI tests
replace it with a lambda that answers at once instead of a modal dialog that would block
(STYLE.md rule 8). ``None`` / ``False`` always means the agent cancelled: do nothing.
"""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget
from ui.i18n import translate

Confirm = Callable[[QWidget, str, str], bool]  # (parent, title, text) -> go ahead?
SaveFileChooser = Callable[[QWidget, str, str, str], Optional[str]]  # (parent, title, suggested, filter)
OpenFileChooser = Callable[[QWidget, str, str], Optional[str]]  # (parent, title, filter)
PasswordPrompt = Callable[[QWidget, str, str], Optional[str]]  # (parent, title, text)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(translate("dialogs", "Ya, lanjutkan"), QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("primary")
    box.setDefaultButton(box.addButton(translate("dialogs", "Batal"), QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes


def choose_save_file(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def choose_open_file(parent: QWidget, title: str, file_filter: str) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return path or None


def ask_password(parent: QWidget, title: str, text: str) -> str | None:
    password, accepted = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return password if accepted else None
