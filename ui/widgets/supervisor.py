"""The supervisor's approval prompt: PIN (masked, 6-8 digits) and, when asked, a reason.

Screens receive it as an attribute (``screen.ask_supervisor``) so UI tests replace it with a
lambda (STYLE.md rule 8). ``None`` means cancelled: do nothing. The PIN is handed straight to
the closure that calls the service and is never stored or logged; the dialog clears it.
Whether the PIN is right is the service's answer (``InvalidSupervisorPin``), not the dialog's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ui.i18n import translate
from ui.widgets.dialog_keys import EnterMovesOn
from ui.widgets.pin import PromptDialog, ask
from ui.widgets.pin import pin_edit as masked_pin
from ui.widgets.supervisor_recovery import RecoveryOffer


@dataclass(frozen=True)
class SupervisorAnswer:
    pin: str
    reason: str = ""

    def __repr__(self) -> str:  # never show the PIN in a log or a traceback
        return f"SupervisorAnswer(pin=***, reason={self.reason!r})"


# (parent, title, detail, with_reason) -> answer or None
SupervisorPrompt = Callable[[QWidget, str, str, bool], Optional[SupervisorAnswer]]


def pin_edit(name: str = "supervisorPin") -> QLineEdit:
    return masked_pin(name, 8, translate("supervisor", "6–8 angka"))


class SupervisorDialog(PromptDialog):
    def __init__(self, parent: QWidget | None, title: str, detail: str, with_reason: bool) -> None:
        """Under the PIN, "Lupa PIN?" where the owner's recovery code is in force
        (``ui.widgets.supervisor_recovery``): recovered here, the prompt stays."""
        super().__init__(parent, title, detail, name="supervisorDialog", width=420)
        self.fields.addWidget(QLabel(self.tr("PIN supervisor"), objectName="fieldLabel"))
        self.pin = pin_edit()
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fields.addWidget(self.pin)
        self.recovery = RecoveryOffer(self.pin, self)
        self.fields.addWidget(self.recovery)
        self.reason: QLineEdit | None = None
        if with_reason:
            self.fields.addWidget(QLabel(self.tr("Alasan"), objectName="fieldLabel"))
            self.reason = QLineEdit(objectName="approvalReason")
            self.reason.setMaxLength(200)
            self.fields.addWidget(self.reason)
        self.finish(self.tr("Setujui"))
        self.pin.textChanged.connect(self._update)
        if self.reason is not None:
            EnterMovesOn(self.pin, self.reason)  # a typed PIN and Enter: on to the reason; empty, it waits
            self.reason.textChanged.connect(self._update)

    def _update(self) -> None:
        reason_ok = self.reason is None or len(self.reason.text().strip()) >= 5
        self.ok.setEnabled(len(self.pin.text()) >= 6 and reason_ok)

    def take(self) -> SupervisorAnswer:
        answer = SupervisorAnswer(self.pin.text(), self.reason.text() if self.reason is not None else "")
        self.pin.clear()
        return answer


def ask_supervisor(parent: QWidget, title: str, detail: str = "", with_reason: bool = True) -> SupervisorAnswer | None:
    """The production prompt: a modal dialog; ``None`` when cancelled."""
    dialog = SupervisorDialog(parent, title, detail, with_reason)
    return ask(dialog, dialog.take)
