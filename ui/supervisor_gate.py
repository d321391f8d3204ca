"""Settings behind the supervisor PIN.

A screen that changes hosts, credentials, the printer or fees says so with a class
attribute ``requires_supervisor = True``; the shell asks this gate before showing it. The
gate asks the supervisor PIN (``ui.widgets.supervisor``: masked, injectable), checks it in
the worker (``Supervisors.approve``: a slow salted hash and the journal database; the
approval names the supervisor and the screen) and only then lets the shell open the
screen. The approval lasts while the screen is on show: leaving it and coming back asks
again, and so does the idle lock (``locked``).

No supervisor set yet (a new kiosk): right after login the shell's notice strip asks for
the first supervisor to be set up, by someone other than the agent (it stays until one
is); a settings screen opens, and the notice says that anyone can change these settings
until a supervisor PIN is set. Whether a
supervisor exists is learned in the background (a journal read never runs on the GUI
thread): by the login's worker job for the first window, so its notice is there from the
first paint, then by the gate itself; when the answer is not known yet the gate asks the worker before deciding, and a
screen opened on a stale "none" is closed and asked for if the background check finds one.
Five wrong PINs in a row shut the gate for 60 s, doubling (``services.lockout``).

A sandbox run of a kiosk that has run live (a drill, or training on a kiosk switched to
sandbox) opens these screens with a live supervisor's PIN (``live_supervisors``,
``services/dayclose/live_supervisors.py``): the files they change are the live kiosk's too. The
sandbox journal's supervisors still approve the sandbox's own day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from services.approval_words import OPEN_MENU
from services.dayclose.supervisor import OPEN_SETTINGS, SUPERVISOR_PINS, InvalidSupervisorPin
from services.i18n import QT_TRANSLATE_NOOP
from services.lockout import Lockout
from ui.errors import localized
from ui.i18n import translate
from ui.keyboard import show_focus

if TYPE_CHECKING:
    from services.dayclose.live_supervisors import LiveSupervisors
    from services.dayclose.supervisor import Supervisors
    from ui.screens.base import Screen
    from ui.widgets.banner import Banner
    from ui.worker import Worker

NO_SUPERVISOR = (QT_TRANSLATE_NOOP("supervisor_gate", "PERHATIAN: belum ada PIN supervisor. Siapa pun dapat mengubah "
                 "pengaturan ini. Minta supervisor mengatur PIN-nya sekarang (menu Pengaturan)."))
FIRST_START = QT_TRANSLATE_NOOP("supervisor_gate", "Belum ada supervisor. Sebelum tutup hari, minta supervisor "
                                                   "(orang lain, bukan petugas loket) mengatur nama dan PIN-nya di "
                                                   "Pengaturan > Supervisor.")
WRONG_PIN = QT_TRANSLATE_NOOP("supervisor_gate",
                              "PIN supervisor salah. Pengaturan hanya dapat dibuka dengan PIN supervisor.")


class WrongSupervisorPin(Exception):
    pass


class SupervisorGate(QObject):
    def __init__(self, *, supervisors: "Supervisors | None", worker: "Worker", notice: "Banner",
                 open_screen: Callable[[str], None], go_home: Callable[[], None], parent: QObject,
                 live_supervisors: "LiveSupervisors | None" = None) -> None:
        """``supervisors``: the journal's own (the first-start notice, and the settings unless
        ``live_supervisors`` is given: a sandbox run of a kiosk that has run live)."""
        super().__init__(parent)
        self.supervisors = supervisors
        self.live_supervisors = live_supervisors
        self.worker = worker
        self.notice = notice
        self.open_screen = open_screen
        self.go_home = go_home
        self.lockout = Lockout(what=SUPERVISOR_PINS)
        self.approved: set[str] = set()
        self._shown: str = ""  # the notice text this gate put up, cleared when leaving
        self.ask: Callable[..., Any] = _ask_supervisor
        self.has_supervisor: bool | None = None  # None: not known yet (asked in the background)
        self._unguarded: str | None = None  # a settings screen on show, opened without a supervisor
        self._warn_after_open = False
        self._refreshing = QObject(self)  # the worker's busy token of the background check
        self.refresh()

    def refresh(self) -> None:
        """Learn in the background whether a supervisor PIN exists (asked once at start and
        after every gate decision), so that a kiosk without one opens settings at once."""
        if self.supervisors is not None:
            self.worker.run(self.supervisors.has_supervisor, busy=self._refreshing,
                            on_success=self.learned, on_failure=lambda _exc: None)

    def learned(self, has: bool) -> None:
        """Whether a supervisor is set, from the background check or, for the first window
        after a login, from the login's own worker job (before the window is shown)."""
        first_answer = self.has_supervisor is None
        self.has_supervisor = has
        first_start = translate("supervisor_gate", FIRST_START)
        if not has and first_answer and not self.notice.text():
            self.notice.show_message("warning", first_start)  # stays on every screen until one is set
        elif has and self.notice.text() == first_start:
            self.notice.clear_message()
        if has and self._unguarded is not None:  # a supervisor was set meanwhile: ask after all
            target, self._unguarded = self._unguarded, None
            if target in self.approved:
                self.approved.discard(target)
                self.go_home()
                self.open_screen(target)

    def allows(self, target: str, screen: "Screen") -> bool:
        """True: open now. False: the gate is asking (it opens ``target`` itself if approved)."""
        if not screen.requires_supervisor or target in self.approved:
            return True
        guard = self.live_supervisors or self.supervisors
        if guard is None or (guard is self.supervisors and self.has_supervisor is False):
            self.approved.add(target)
            self._unguarded = target
            self._warn_after_open = True
            self.refresh()  # checked again in the background: set meanwhile -> asked after all
            return True
        self.worker.run(guard.has_supervisor, busy=self,
                        on_success=lambda has: self._ask(target, screen) if has else self._let_in(target, warn=True),
                        on_failure=lambda exc: self._say("error", localized(exc)))
        return False

    def left(self, target: str | None) -> None:
        """The shell shows another screen: approvals end, the gate's notice goes (or, for a
        settings screen opened without a supervisor, the warning comes)."""
        self.approved = {t for t in self.approved if t == target}
        if self.has_supervisor is False:
            self.refresh()  # the first supervisor may just have been set: the first-start notice goes
        if self._unguarded != target:
            self._unguarded = None
        if self._shown and self.notice.text() == self._shown:
            self.notice.clear_message()
        self._shown = ""
        if self._warn_after_open and target in self.approved:
            self._say("warning", translate("supervisor_gate", NO_SUPERVISOR))
        self._warn_after_open = False

    def locked(self) -> None:
        """The idle lock: every approval ends (whoever unlocks is not the supervisor)."""
        self.approved.clear()

    def _ask(self, target: str, screen: "Screen") -> None:
        name = screen.heading.text() or target
        detail = self.tr("Menu {name} mengubah pengaturan Loket dan hanya boleh dibuka supervisor.").format(name=name)
        if self.live_supervisors is not None:
            detail += " " + self.tr("Ini simulator di kiosk yang sudah berjalan live: pengaturan ini juga dipakai "
                                    "Loket live. Masukkan PIN supervisor live.")
        answer = self.ask(self.parent(), self.tr("PIN supervisor"), detail, False)
        # The keyboard the dialog gives back, in sight: on Beranda at 1024x768 (125 %), with
        # pending transactions listed at the top, Esc here left the cursor on "Setor Tunai"
        # far below the page's visible part, where an Enter would open it unseen.
        window = self.parent()
        if isinstance(window, QWidget):
            QTimer.singleShot(0, lambda: show_focus(window))
        if answer is None:
            return
        pin = answer.pin
        supervisors = self.live_supervisors or self.supervisors
        assert supervisors is not None  # allows() asks only with one

        def check() -> str:
            self.lockout.check()
            try:
                approval = supervisors.approve(pin, OPEN_MENU.format(name=name), OPEN_SETTINGS, subject=target)
            except InvalidSupervisorPin:
                self.lockout.failed()
                raise WrongSupervisorPin() from None
            self.lockout.succeeded()
            return approval.approver

        def failed(exc: BaseException) -> None:
            self._say("error", translate("supervisor_gate", WRONG_PIN) if isinstance(exc, WrongSupervisorPin)
                      else localized(exc))

        self.worker.run(check, busy=self, on_success=lambda _name: self._let_in(target), on_failure=failed)
        self.refresh()

    def _let_in(self, target: str, *, warn: bool = False) -> None:
        if self.live_supervisors is None:  # else the answer was the live journal's
            self.has_supervisor = not warn
        self.approved.add(target)
        self._warn_after_open = warn
        self.open_screen(target)

    def _say(self, kind: str, text: str) -> None:
        self.notice.show_message(kind, text)
        self._shown = text


def _ask_supervisor(parent, title: str, detail: str, with_reason: bool):
    """The real prompt, with "Lupa PIN?" where the window's journal has a recovery code in
    force (``ui.widgets.supervisor_recovery``; none in a sandbox run of a live kiosk, whose
    live supervisor's forgotten PIN is recovered on the live kiosk)."""
    from ui.widgets.supervisor import ask_supervisor  # the dialog, only when a PIN is asked

    return ask_supervisor(parent, title, detail, with_reason)
