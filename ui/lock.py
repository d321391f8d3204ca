"""The idle lock: after ``idle_lock_minutes`` without a key press or a mouse movement the
main window is covered by a lock screen that hides the customer's data and takes all input.

It opens with the agent's password (checked by the bank: ``BankingService.relogin``, a new
login for the window's own agent only, in the worker; its wrong passwords count for that agent
for the whole run) or with the local quick PIN (``services.quick_pin``) when one is set. Five
wrong answers in a row shut both for 60 s, doubling while they keep failing
(``services.lockout``, one count per window); the screen counts down. Locking ends a
supervisor's approval and forgets a bill's inquiry PIN (``ui.counter.Counter._locked``).

Another agent who comes to a locked counter (the next shift, a break covered) has neither
secret: "Ganti petugas" (``change_agent``) ends the locked agent's session the way the
header's "Keluar" does (``ui.shell.Shell.change_agent``: asked first, "Batal" the default,
never while a payment is on its way), and the login window waits for the colleague. It is
no default button: an Enter in the password box only ever tries to unlock.

``IdleLock`` owns the timer and the cover. It is fed by the shell's counter filter: every
input event restarts the timer (``activity``) and, while locked, every input event outside
the lock screen is swallowed (``blocks``). Modal dialogs open at the moment of locking (a
PIN prompt left open) are cancelled first: a cancelled PIN prompt sends nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputEvent, QShortcutEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.errors import LoginFailed
from services.lockout import Lockout
from services.quick_pin import LENGTH as PIN_LENGTH
from services.quick_pin import WrongQuickPin
from ui.widgets.banner import Banner
from ui.widgets.field import Field
from ui.widgets.pin import pin_edit

if TYPE_CHECKING:
    from services.quick_pin import QuickPin
    from ui.errors import ErrorPresenter
    from ui.worker import Worker

log = logging.getLogger(__name__)

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
})
ACTIVITY_EVENTS = INPUT_EVENTS | {QEvent.Type.MouseMove}
# The classes PySide hands those events as (a key, a mouse or wheel event, a shortcut):
# a check of class turns every other event away without making an enum of its type.
ACTIVITY_CLASSES = (QInputEvent, QShortcutEvent)


class LockScreen(QFrame):
    """The cover: who is logged in, the password field, the quick PIN field, a countdown."""

    unlocked = Signal()
    change_agent = Signal()  # another agent wants the counter: end this session (the shell asks first)

    def __init__(self, *, agent: str, username: str, relogin: Callable[[str], Any],
                 quick_pin: "QuickPin | None", worker: "Worker", errors: "ErrorPresenter",
                 lockout: Lockout, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.agent = agent
        self.username = username
        self.quick_pin = quick_pin
        self.worker = worker
        self.errors = errors
        self.lockout = lockout
        self._verify_password = lockout.guard(relogin, wrong=(LoginFailed,))
        self._verify_pin = lockout.guard(self._check_pin, wrong=(WrongQuickPin,))
        self._read_key()  # the session's start: ready before the first cover

        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(460)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(36, 30, 36, 30)
        layout.setSpacing(12)
        title = QLabel(self.tr("Loket terkunci"))  # no emoji: kiosk fonts lack it
        title.setObjectName("lockTitle")
        layout.addWidget(title)
        who = QLabel(self.tr("Dipakai oleh <b>{agent}</b> ({username}). Layar dikunci karena tidak "
                             "ada aktivitas. Buka dengan password agen atau PIN cepat.").format(
                                 agent=agent, username=username))
        who.setObjectName("muted")
        who.setWordWrap(True)
        layout.addWidget(who)
        self.banner = Banner(self)
        layout.addWidget(self.banner)

        self.password = QLineEdit(objectName="lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password agen"))
        self.password_button = QPushButton(self.tr("Buka"), objectName="primary")
        self.password_button.clicked.connect(self.unlock_with_password)
        self.password.returnPressed.connect(self.unlock_with_password)
        self._fields = {"password": self._row(layout, self.tr("Password agen"), self.password, self.password_button)}

        self.pin = pin_edit("lockPin", PIN_LENGTH)
        self.pin_button = QPushButton(self.tr("Buka dengan PIN"), objectName="secondary")
        self.pin_button.clicked.connect(self.unlock_with_pin)
        self.pin.returnPressed.connect(self.unlock_with_pin)
        self.pin_row = self._row(layout, self.tr("atau PIN cepat"), self.pin, self.pin_button)
        self._fields["quick_pin"] = self.pin_row

        self.countdown = QLabel()
        self.countdown.setObjectName("lockCountdown")
        self.countdown.setWordWrap(True)
        self.countdown.hide()
        layout.addWidget(self.countdown)

        rule = QFrame(objectName="lockRule")
        rule.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(rule)
        other = QLabel(self.tr("Bukan {agent}? Akhiri sesi ini, lalu masuk dengan akun Anda sendiri.").format(
            agent=agent))
        other.setObjectName("muted")
        other.setWordWrap(True)
        layout.addWidget(other)
        self.change_agent_button = QPushButton(self.tr("Ganti petugas"), objectName="lockChangeAgent")
        self.change_agent_button.clicked.connect(self._change_agent)
        layout.addWidget(self.change_agent_button, 0, Qt.AlignmentFlag.AlignLeft)
        for button in (self.password_button, self.pin_button, self.change_agent_button):
            # Enter presses the button that has the focus (reached by Tab), as in a dialog: on a
            # plain frame Qt's buttons take only Space. None is the default: the Enter typed in
            # a box stays that box's own.
            button.setAutoDefault(True)
        outer.addWidget(card)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        self.hide()

    def _row(self, layout: QVBoxLayout, label: str, edit: QLineEdit, button: QPushButton) -> Field:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        line.addWidget(button)
        field = Field(label, row)
        field.label.setBuddy(edit)
        edit.textEdited.connect(field.clear_error)
        layout.addWidget(field)
        return field

    def field(self, name: str) -> Field | None:
        return self._fields.get(name)

    def _check_pin(self, pin: str) -> None:
        if self.quick_pin is None or not self.quick_pin.verify(pin):
            raise WrongQuickPin()

    # -- showing ---------------------------------------------------------------------
    def cover(self) -> None:
        self.banner.clear_message()
        self.password.clear()
        self.pin.clear()
        has_pin = self.quick_pin is not None and self.quick_pin.is_set(ask_store=False)
        self.pin_row.setVisible(has_pin)
        if not has_pin:
            self._read_key()  # a store that failed at the start may answer by the next cover
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self._update_countdown()
        self._focus_secret()

    def _read_key(self) -> None:
        """The quick PIN seal's key into memory, in the worker: the cover, on the GUI thread,
        never asks the secret store (``QuickPin.is_set``)."""
        if self.quick_pin is not None:
            self.worker.run(self.quick_pin.read_key, on_success=lambda _none: None,
                            on_failure=lambda exc: log.warning("quick PIN key not read: %r", exc))

    def checking(self) -> bool:
        """An unlock attempt is with the bank (or the quick PIN check) now."""
        return self.worker.is_busy(self.password_button) or self.worker.is_busy(self.pin_button)

    def _change_agent(self) -> None:
        """Not while an unlock attempt is being checked: its answer would open the window
        of the session being ended. Still locked after it (the question answered "Batal",
        or refused while a payment is on its way) and not ending: the keyboard goes back to
        the secret box, so the agent who comes back types into it, and a habitual Enter
        does not ask to end the session again."""
        if not self.checking():
            self.change_agent.emit()
        if self.isVisible() and self.isEnabled():
            self._focus_secret()

    def _focus_secret(self) -> None:
        """The box the agent unlocks with: the quick PIN's when one is set."""
        (self.pin if self.pin_row.isVisible() else self.password).setFocus()

    # -- unlocking -------------------------------------------------------------------
    def unlock_with_password(self) -> None:
        password = self.password.text()
        self.password.clear()
        self._try(lambda: self._verify_password(password), self.password_button)

    def unlock_with_pin(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        self._try(lambda: self._verify_pin(pin), self.pin_button)

    def _try(self, fn: Callable[[], Any], busy: QPushButton) -> None:
        self.banner.clear_message()
        for field in self._fields.values():
            field.clear_error()
        self.worker.run(fn, on_success=lambda _r: self.unlocked.emit(), on_failure=self._failed, busy=busy)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, LoginFailed):  # the bank's "username or password": only the password is typed here
            self.banner.show_message("error", self.tr("Password salah. Ketik ulang password agen {agent} "
                                                      "({username}).").format(agent=self.agent, username=self.username))
        else:
            self.errors.present(exc, self)
        self._update_countdown()

    def _update_countdown(self) -> None:
        seconds = self.lockout.remaining()
        shut = seconds > 0
        for widget in (self.password, self.pin, self.password_button, self.pin_button):
            widget.setEnabled(not shut)
        self.countdown.setVisible(shut)
        if shut:
            self.countdown.setText(self.tr("Terlalu banyak percobaan yang salah. Coba lagi dalam {seconds} "
                                           "detik.").format(
                seconds=seconds))
            if not self._tick.isActive():
                self._tick.start()
        else:
            self._tick.stop()
            if self.isVisible() and not self.password.hasFocus() and not self.pin.hasFocus():
                self._focus_secret()


class IdleLock(QObject):
    """The idle timer and the cover over ``window``; fed input events by the counter."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, screen: LockScreen, *, minutes: float) -> None:
        super().__init__(window)
        self.window = window
        self.screen = screen
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._focus: QWidget | None = None  # where the keyboard was when the lock came
        self.set_timeout(minutes * 60_000)
        screen.unlocked.connect(self.unlock)
        window.installEventFilter(self)  # the cover follows the window's size

    def set_timeout(self, milliseconds: float) -> None:
        """0 or less: never lock."""
        self.timer.setInterval(max(1, int(milliseconds)))
        self._enabled = milliseconds > 0
        self.timer.stop()
        if self._enabled and not self.is_locked():
            self.timer.start()

    def is_locked(self) -> bool:
        return self.screen.isVisible()

    def activity(self) -> None:
        if self._enabled and not self.is_locked():
            self.timer.start()

    def blocks(self, receiver: QObject) -> bool:
        """While locked: whether an input event for ``receiver`` must be swallowed."""
        if not self.is_locked():
            return False
        if isinstance(receiver, QWidget):
            return receiver is not self.screen and not self.screen.isAncestorOf(receiver)
        return True  # a QShortcut or a QWindow of the covered window

    def lock(self) -> None:
        if self.is_locked() or not self.window.isVisible():
            return
        for widget in QApplication.topLevelWidgets():
            parent = widget.parentWidget()
            if (isinstance(widget, QDialog) and widget.isVisible()
                    and parent is not None and parent.window() is self.window):
                widget.reject()  # a PIN prompt left open sends nothing when cancelled
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self._focus = self.window.focusWidget()  # the window's, so also while another window is active
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(False)  # nothing underneath can take the focus
        self.screen.cover()
        self.locked.emit()

    def unlock(self) -> None:
        """The cover goes, and the keyboard goes back where the agent left it (the amount
        half typed): left on the hidden lock screen, the next Enter would try to unlock
        again and the digits typed next would go nowhere."""
        self.screen.hide()
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(True)
        before, self._focus = self._focus, None
        if (before is not None and shiboken6.isValid(before) and before.window() is self.window
                and before.isVisible() and before.isEnabled()):
            before.setFocus(Qt.FocusReason.OtherFocusReason)
        self.activity()
        self.unlocked.emit()  # the counter places the cursor if the widget above is gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize and self.is_locked():
            self.screen.setGeometry(self.window.rect())
        return False
