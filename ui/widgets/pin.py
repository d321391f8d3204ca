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

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QRegularExpression, QSize, Qt
from PySide6.QtGui import QRegularExpressionValidator, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import run_modal
from ui.screen_fit import available_area

PinPrompt = Callable[[QWidget, str, str], Optional[str]]
T = TypeVar("T")
TITLE_BAR = 32  # Windows' title bar at 125 %, which the screen's available area does not leave out


def pin_edit(name: str, length: int = 6, placeholder: str = "••••••") -> QLineEdit:
    """A masked box that takes up to ``length`` digits and nothing else."""
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(length)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{length}}}"), edit))
    edit.setPlaceholderText(placeholder)
    return edit


class _FormArea(QScrollArea):
    """A dialog's scrolled form: never narrower than its widest line (it scrolls only down)."""

    def __init__(self) -> None:
        super().__init__(objectName="dialogForm")

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), body.minimumSizeHint().width() + bar), hint.height())


class TallEnough(QDialog):
    """A dialog whose height follows its width: a window does not grow for its wrapped text by
    itself, and where Qt opens the dialog narrower than its size hint (a small screen: 1024x768
    at 125 %) the transfer's amount, account and reference were cut off at the top and bottom
    (the reversal), and so were a cash difference's figures and note (the supervisor's prompt).
    A line that comes up while it is open (the printer's answer under the recovery code) makes
    it taller too: it squashed the owner's instructions above it.

    But never taller than the screen leaves it: its form (``form_layout``) is in a scroll area
    and its buttons (``button_layout``) below it, always in view. On 1024x768 at 125 % with
    Windows' taskbar (550 logical pixels) "Selesaikan manual" with BERHASIL chosen was 609 to
    631 pixels tall, "Simpan jawaban bank" under the taskbar: the bank's answer on a
    customer's money could not be recorded. The form scrolls to the field the keyboard is on."""

    _form: QScrollArea | None = None

    def form_layout(self) -> QVBoxLayout:
        """The layout the dialog's heading, text and inputs go in (scrolled when the screen is
        too short for them); ``button_layout`` takes its buttons."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._form = _FormArea()
        self._form.setWidgetResizable(True)
        self._form.setFrameShape(QFrame.Shape.NoFrame)
        self._form.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own
        self._form.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(objectName="dialogFormBody")
        self._form.setWidget(body)
        outer.addWidget(self._form)
        self.button_layout = QVBoxLayout()
        self.button_layout.setContentsMargins(28, 12, 28, 18)
        outer.addLayout(self.button_layout)
        form = QVBoxLayout(body)
        form.setContentsMargins(28, 18, 28, 0)
        form.setSpacing(12)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        return form

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Tab scrolls to the field by itself; Enter (EnterMovesOn) and a click do not
        if (self._form is not None and new is not None and shiboken6.isValid(self._form)
                and self._form.widget().isAncestorOf(new)):
            self._form.ensureWidgetVisible(new, 0, 12)

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

    def fit_height(self) -> None:
        """As tall as the form needs, or as the screen leaves: taller or shorter (fields shown
        or hidden while it is open)."""
        self._fit_height(shrink=True)

    def _fit_height(self, shrink: bool = False) -> None:
        needed = self._needed()
        available = available_area(self)
        frame, inside = self.frameGeometry(), self.geometry()
        above = max(inside.top() - frame.top(), TITLE_BAR)  # a title bar, drawn or still to come
        below = max(frame.bottom() - inside.bottom(), 0)
        if available is not None and self._form is not None:
            needed = min(needed, available.height() - above - below)
        if needed > self.height() or (shrink and needed != self.height()):
            self.setMinimumHeight(needed)
            self.resize(self.width(), needed)
        elif shrink:
            self.setMinimumHeight(needed)
        if available is not None and self.isVisible():  # grown down past the taskbar: up into the area
            top = max(min(inside.top(), available.bottom() - below - self.height() + 1), available.top() + above)
            if top != inside.top():
                self.move(self.x(), self.y() + top - inside.top())  # move(): the frame's position

    def _needed(self) -> int:
        if self._form is None:
            return self.heightForWidth(self.width())
        body = self._form.widget()
        form = body.heightForWidth(self.width())
        if form < 0:
            form = body.sizeHint().height()
        margins = self.layout().contentsMargins()
        return form + self.button_layout.sizeHint().height() + margins.top() + margins.bottom()


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
        self.fields = self.form_layout()
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
        self.button_layout.addWidget(buttons)


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
