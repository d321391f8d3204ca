"""The PIN prompt: masked, six digits, cleared as soon as it is read; never logged.

Screens receive a ``PinPrompt`` (a callable ``(parent, title, detail) -> str | None``)
through their constructor, so UI tests inject one that answers at once instead of a modal
dialog that would block.

Also the pieces every PIN prompt is made of (the supervisor's too, ui/widgets/supervisor.py):
``pin_edit`` (a masked digits-only box) and ``PromptDialog`` + ``ask`` (a modal dialog with
a heading, a detail, its inputs and OK/Batal, whose answer is taken, and the PIN cleared,
whether the agent accepted or cancelled).
"""

from __future__ import annotations

from typing import Callable, Optional, TypeVar

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.dialogs import run_modal

PinPrompt = Callable[[QWidget, str, str], Optional[str]]
T = TypeVar("T")


def pin_edit(name: str, length: int = 6, placeholder: str = "••••••") -> QLineEdit:
    """A masked box that takes up to ``length`` digits and nothing else."""
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(length)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{length}}}"), edit))
    edit.setPlaceholderText(placeholder)
    return edit


class TallEnough(QDialog):
    """A dialog whose height follows its width: a window does not grow for its wrapped text by
    itself, and where Qt opens the dialog narrower than its size hint (a small screen: 1024x768
    at 125 %) the transfer's amount, account and reference were cut off at the top and bottom
    (the reversal), and so were a cash difference's figures and note (the supervisor's prompt).
    A line that comes up while it is open (the printer's answer under the recovery code) makes
    it taller too: it squashed the owner's instructions above it."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():  # a line shown or rewrapped
            self._fit_height()
        return handled

    def _fit_height(self) -> None:
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.setMinimumHeight(needed)
            self.resize(self.width(), needed)


class PromptDialog(TallEnough):
    """A modal prompt: the title as its heading, ``detail`` under it, then the inputs a
    subclass adds to ``self.fields``, then ``finish(ok_text)`` puts OK/Batal below them. OK
    starts disabled: the subclass enables it once its inputs are complete."""

    def __init__(self, parent: QWidget | None, title: str, detail: str, *, name: str, width: int) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(width)
        self.fields = QVBoxLayout(self)
        self.fields.setContentsMargins(28, 22, 28, 22)
        self.fields.setSpacing(12)
        self.fields.addWidget(QLabel(title, objectName="dialogTitle"))
        if detail:
            text = QLabel(detail.replace("Rp ", "Rp\u00a0"))  # "Rp" never wraps away from its figure
            text.setWordWrap(True)
            self.fields.addWidget(text)

    def finish(self, ok_text: str) -> None:
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("primary")
        self.ok.setEnabled(False)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.fields.addWidget(buttons)


def ask(dialog: QDialog, take: Callable[[], T]) -> T | None:
    """Run ``dialog`` modally: ``take()``'s answer when accepted, ``None`` when cancelled.
    ``take`` runs either way (it clears the PIN), and the dialog is deleted afterwards."""
    try:
        accepted = run_modal(dialog) == QDialog.DialogCode.Accepted
        answer = take()
        return answer if accepted else None
    finally:
        dialog.deleteLater()


class PinDialog(PromptDialog):
    def __init__(self, parent: QWidget | None, title: str, detail: str) -> None:
        super().__init__(parent, title, detail, name="pinDialog", width=380)
        self.edit = pin_edit("pin")
        self.edit.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.fields.addWidget(self.edit)
        self.finish(self.tr("Lanjut"))
        self.edit.textChanged.connect(lambda text: self.ok.setEnabled(len(text) == 6))

    def take_pin(self) -> str:
        pin = self.edit.text()
        self.edit.clear()
        return pin


def ask_pin(parent: QWidget, title: str, detail: str = "") -> str | None:
    """The production prompt: a modal dialog; ``None`` when the agent cancels."""
    dialog = PinDialog(parent, title, detail)
    return ask(dialog, dialog.take_pin)
