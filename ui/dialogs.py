"""Small modal questions the screens ask: yes/no, a file to save or open, a password,
"throw away the settings not saved?".

Each is a plain callable a screen takes as an attribute (``screen.confirm = …``), so UI tests
replace it with a lambda that answers at once instead of a modal dialog that would block
(STYLE.md rule 8). ``None`` / ``False`` always means the agent cancelled: do nothing.

Every modal dialog of Loket runs through ``run_modal`` (or ``open_modal``, or inside
``focus_returns`` for Qt's own file and text prompts; tests/unit/test_dialogs_return_focus.py
holds ui/ to it). When the dialog closes, by Esc, Enter or a button, the window it was opened
over is made the active window again, the keyboard on the widget that had it before (or where
the screen put it meanwhile). Handing the activation
back is left to the window system otherwise, and not every one does it: on X without a window
manager (and on Qt's offscreen platform) the main window stayed inactive, no widget had the
keyboard, and the agent's next keys went nowhere until a click.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator, Optional

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
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


def _keyboard_of(parent: QWidget | None) -> tuple[QWidget | None, QWidget | None]:
    """The window a dialog over ``parent`` covers, and its widget with the keyboard."""
    window = parent.window() if parent is not None else None
    return window, (window.focusWidget() if window is not None else None)


def _takes_keys(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled()


def give_back(window: QWidget | None, before: QWidget | None) -> None:
    """A dialog over ``window`` has closed: ``window`` is the active window again, and the
    keyboard on the widget that has it there. That is the one that had it when the dialog
    opened, or the one a screen chose while the dialog was up (the idle lock's password box,
    the pay button a failed call gives back); ``before`` again only when that one is gone,
    hidden or disabled meanwhile. Nothing while another dialog is up: that one has the
    keyboard. A dialog over a dialog (the recovery form over a supervisor PIN prompt) gives
    it back to the one underneath, which is then the dialog that is up."""
    if window is None or not shiboken6.isValid(window) or not window.isVisible():
        return
    if QApplication.activeModalWidget() not in (None, window):
        return
    if not _takes_keys(window.focusWidget()) and _takes_keys(before) and before is not None \
            and before.window() is window:
        before.setFocus(Qt.FocusReason.OtherFocusReason)
    window.activateWindow()


@contextmanager
def focus_returns(parent: QWidget | None) -> Iterator[None]:
    """Around a modal dialog opened over ``parent`` (Qt's static file and text prompts):
    the keyboard comes back when it closes (``give_back``)."""
    window, before = _keyboard_of(parent)
    try:
        yield
    finally:
        give_back(window, before)


def run_modal(dialog: QDialog) -> int:
    """``dialog.exec()``, then the keyboard back in the window underneath (``give_back``)."""
    with focus_returns(dialog.parentWidget()):
        return dialog.exec()


def open_modal(dialog: QDialog) -> None:
    """``dialog.open()`` (modal, not blocking): when it finishes, the keyboard comes back
    as after ``run_modal``."""
    window, before = _keyboard_of(dialog.parentWidget())
    dialog.finished.connect(lambda _result: give_back(window, before))
    dialog.open()


def confirm(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(translate("dialogs", "Ya, lanjutkan"), QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("primary")
    box.setDefaultButton(box.addButton(translate("dialogs", "Batal"), QMessageBox.ButtonRole.RejectRole))
    run_modal(box)
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
    run_modal(box)
    return box.clickedButton() is discard


def choose_save_file(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    with focus_returns(parent):
        path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def choose_open_file(parent: QWidget, title: str, file_filter: str) -> str | None:
    with focus_returns(parent):
        path, _filter = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return path or None


def ask_password(parent: QWidget, title: str, text: str) -> str | None:
    with focus_returns(parent):
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
    return run_modal(RepeatDialog(parent, text)) == QDialog.DialogCode.Accepted
