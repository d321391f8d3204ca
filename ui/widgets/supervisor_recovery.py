"""The owner's recovery code at every supervisor PIN prompt, recovered in place.

The only supervisor who forgot the PIN at 21:00, in the middle of Tutup Hari, a reprint or a
cash correction, used to be stuck: only the settings prompt offered the owner's code, and it
led away to Pengaturan > Supervisor, dropping whatever the agent had typed. Now every prompt
that takes a supervisor PIN (``SupervisorDialog``, Tutup Hari's approval page, the reversal)
puts a ``RecoveryOffer`` under its PIN box: "Lupa PIN? Pakai kode pemulihan pemilik" opens
the recovery form (``ui.widgets.recovery.RecoveryDialog``) over the prompt, the code sets the
new PIN (``Supervisors.recover``: the approval on Laporan Z, the same back-off as wrong PINs),
and the prompt stays where it was, its PIN box cleared and focused, with a line saying the
PIN was set. The button is never the default one (Enter still approves, Esc cancels).

One ``SupervisorRecovery`` per window (``install``, by the counter), found by the offers
through their parents: none is installed without a journal, nor in a sandbox run of a kiosk
that has run live (its settings take a live supervisor's PIN, recovered on the live kiosk).
It knows, from the worker (a journal read never runs on the GUI thread), the supervisors'
names and whether a recovery code is in force; an offer shows its button only then, and asks
again each time it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from services.errors import UserInputError
from ui.errors import localized
from ui.i18n import translate

if TYPE_CHECKING:
    from services.dayclose.supervisor import Supervisors
    from ui.widgets.recovery import RecoveryAnswer
    from ui.worker import Worker

State = tuple[list[str], "str | None"]  # (the supervisors' names, when the code in force was issued)


class SupervisorRecovery(QObject):
    """What the offers need: the journal's supervisors, the worker, who is logged in."""

    changed = Signal()  # learned anew whether a code is in force

    def __init__(self, supervisors: "Supervisors", worker: "Worker", username: Callable[[], str],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorRecovery")
        self.supervisors = supervisors
        self.worker = worker
        self.username = username
        self.names: list[str] = []
        self.issued_at: str | None = None
        self.refresh()

    @staticmethod
    def of(widget: QWidget | None) -> "SupervisorRecovery | None":
        """The one installed on ``widget``'s window (through a dialog's parent), if any."""
        while widget is not None:
            found = widget.findChild(SupervisorRecovery, "supervisorRecovery",
                                     Qt.FindChildOption.FindDirectChildrenOnly)
            if found is not None:
                return found
            widget = widget.parentWidget()
        return None

    @property
    def in_force(self) -> bool:
        return bool(self.names) and self.issued_at is not None

    def state(self) -> State:
        """On the worker."""
        return self.supervisors.names(), self.supervisors.recovery_issued_at()

    def refresh(self) -> None:
        self.worker.run(self.state, on_success=self.learned, on_failure=lambda _exc: None)

    def learned(self, state: State) -> None:
        self.names, self.issued_at = list(state[0]), state[1]
        self.changed.emit()


class RecoveryOffer(QWidget):
    """Under a supervisor PIN box: "Lupa PIN? Pakai kode pemulihan pemilik" and, once used,
    the line that says the new PIN is set (or why not). Empty where no code is in force."""

    def __init__(self, pin: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="recoveryOffer")
        self.pin = pin
        self.recovery: SupervisorRecovery | None = None
        self._name = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.button = QPushButton(translate("supervisor", "Lupa PIN? Pakai kode pemulihan pemilik"),
                                  objectName="forgotPin")
        self.button.setAutoDefault(False)  # Enter after the PIN approves, never this
        self.button.setDefault(False)
        self.button.clicked.connect(self.recover)
        self.button.hide()
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.notice = QLabel(objectName="recoveryNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.recovery is None:
            self.recovery = SupervisorRecovery.of(self.parentWidget())
            if self.recovery is not None:
                self.recovery.changed.connect(self._update)
        if self.recovery is not None:
            self._update()
            self.recovery.refresh()  # a code issued or spent since: the button follows

    def _update(self) -> None:
        self.button.setVisible(self.recovery is not None and self.recovery.in_force)

    def _say(self, kind: str, text: str) -> None:
        self.notice.setProperty("kind", kind)
        self.notice.setText(text)
        self.notice.show()
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)

    def recover(self) -> None:
        """The code, the supervisor and the new PIN twice, over the prompt; then back to it."""
        recovery = self.recovery
        if recovery is None or not recovery.in_force:
            return
        from ui.widgets.recovery import ask_recovery  # the form, only when it is asked for

        answer: "RecoveryAnswer | None" = ask_recovery(self.window(), list(recovery.names))
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        if answer is None:
            return
        supervisors, set_by = recovery.supervisors, recovery.username()

        def work() -> State:
            if answer.pin != answer.confirm:
                raise UserInputError("recovery", translate("SupervisorScreen", "PIN yang diulang tidak sama. Ketik "
                                                                               "kode dan kedua PIN lagi."))
            supervisors.recover(answer.code, answer.name, answer.pin, set_by=set_by)
            return recovery.state()

        self._say("info", translate("SupervisorScreen", "Memeriksa kode…"))
        self._name = answer.name
        # bound methods: a prompt closed meanwhile is not called back (the PIN is set either way)
        recovery.worker.run(work, busy=self.button, on_success=self._recovered, on_failure=self._refused)

    def _recovered(self, state: State) -> None:
        assert self.recovery is not None
        name = self._name
        self.recovery.learned(state)
        self.pin.clear()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say("success", translate("supervisor", "PIN baru supervisor {name} sudah diatur. Ketik PIN baru itu "
                                                     "di atas untuk menyetujui. Kode pemulihan itu sudah terpakai: "
                                                     "sesudah ini buat kode baru di Pengaturan > Supervisor.").format(
            name=name))

    def _refused(self, exc: BaseException) -> None:
        """A wrong code, a back-off: said here; the button again for another try."""
        self._say("error", localized(exc))
        if self.button.isVisible():
            self.button.setFocus(Qt.FocusReason.OtherFocusReason)


def install(window: QWidget, supervisors: "Supervisors", worker: "Worker",
            username: Callable[[], str]) -> SupervisorRecovery:
    """The window's recovery: every supervisor PIN prompt over it offers the owner's code."""
    return SupervisorRecovery(supervisors, worker, username, window)
