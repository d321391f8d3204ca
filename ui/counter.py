"""What makes the main window fast and safe at the counter, installed by the shell in one
line: the command palette, keyboard flow (``ui.keyboard``), barcode scans (``ui.scan``), the
idle lock (``ui.lock``), the supervisor gate on settings (``ui.supervisor_gate``) and the
shift gate on serving customers (``ui.shift_gate``).

One application-wide event filter feeds them all, so every event costs one Python call:
input anywhere restarts the idle timer; while locked, input outside the lock screen is
swallowed; in a result's first half second the keys that leave it do nothing
(``Counter._holds_way_out``); key presses that reach the main window's focus widget go to
the scan detector first and then to the keyboard rules. (An event filter on the application
is the only way to see the keys a focused line edit would otherwise consume; it is not used
to find dependencies, which all arrive through ``shell.services``.) The counter knows the
shell only through ``CounterShell``, the part of it it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QStackedWidget, QWidget

from services.flows.base import Flow
from services.i18n import QT_TRANSLATE_NOOP
from services.lockout import Lockout
from ui import dialogs, registry
from ui.i18n import translate
from ui.keyboard import ENTER, CounterKeys, arrival_input, first_stop, way_back
from ui.lock import ACTIVITY_CLASSES, ACTIVITY_EVENTS, INPUT_EVENTS, IdleLock, LockScreen
from ui.palette import CommandPalette
from ui.scan import ScanDetector
from ui.screens.base import Screen
from ui.shift_gate import ShiftGate
from ui.supervisor_gate import SupervisorGate
from ui.unsaved import AskLeave, may_leave
from ui.widgets.overlay import BusyOverlay
from ui.widgets.supervisor_recovery import install as install_recovery

if TYPE_CHECKING:
    from services.products import ProductSpec
    from ui.screens.handover import HandoverScreen
    from ui.screens.result import ResultScreen
    from ui.screens.shift import ShiftScreen
    from ui.services import ScreenServices
    from ui.widgets.banner import Banner

HOME = "home"
SHIFT = "shift"
HANDOVER = "handover"


class CounterShell(Protocol):
    """What the counter uses of the main window (``ui.shell.Shell``)."""

    services: "ScreenServices"
    session: Any
    notice: "Banner"
    stack: QStackedWidget
    result: "ResultScreen"

    def screen(self, screen_id: str) -> "Screen": ...
    def open(self, target: str) -> None: ...
    def go_home(self) -> None: ...
    def hand_over(self) -> None: ...
    def current_screen(self) -> QWidget: ...
    def screen_id(self, widget: QWidget | None) -> str | None: ...
    def built_screens(self) -> "list[Screen]": ...
    def mark_nav(self, screen_id: str | None) -> None: ...
    def logout(self) -> None: ...


class Counter(QObject):
    def __init__(self, shell: "CounterShell", window: QWidget) -> None:
        """``window``: the shell itself, as the widget its parts belong to."""
        super().__init__(window)
        self.shell = shell
        self.window = window
        services = shell.services
        billpay = services.billpay
        self.palette = CommandPalette(registry.entries(), billpay.catalogue if billpay else None, window)
        self.palette.screen_chosen.connect(self.open_screen)
        self.palette.product_chosen.connect(self.open_product)
        training = getattr(shell, "training", None)
        if training is not None:  # sandbox: the header's drill switch, by its words
            self.palette.add_action(translate("counter", "Latihan"),
                                    translate("counter", "Pilih gangguan untuk transaksi berikutnya"),
                                    "latihan training drill gangguan simulasi",
                                    lambda: training.choose(then=self.back_to_page))
        # the header's "Keluar", out of the Tab ring (``ui.keyboard``: Tab goes round the screen)
        self.palette.add_action(translate("counter", "Keluar"),
                                translate("counter", "Akhiri sesi dan kembali ke layar masuk"),
                                "keluar logout log out sign out akhiri sesi", shell.logout)
        if services.resolver is not None:  # the result of an uncertain payment names this list
            self.palette.add_action(translate("counter", "Transaksi Menggantung"),
                                    translate("counter", "Transaksi yang statusnya belum pasti, di Beranda"),
                                    "menggantung pending suspect belum pasti cek status selesaikan",
                                    self.open_pending)
        self.keys = CounterKeys(current_screen=shell.current_screen, is_home=self._is_home,
                                go_home=shell.go_home, open_palette=self.palette.popup,
                                back=_back)
        self.scan = ScanDetector(shell.current_screen, parent=self)
        lock_screen = LockScreen(
            agent=shell.session.name, username=shell.session.username,
            relogin=services.banking.relogin,
            quick_pin=services.quick_pin, worker=services.worker, errors=services.errors,
            lockout=Lockout(what=QT_TRANSLATE_NOOP("errors", "percobaan membuka kunci")), parent=window)
        self.idle = IdleLock(window, lock_screen, minutes=services.idle_lock_minutes)
        self.idle.locked.connect(self._locked)
        self.idle.unlocked.connect(self._place_cursor)
        self.idle.unlocked.connect(self._result_seen_again)
        dayclose = services.dayclose
        self.gate = SupervisorGate(supervisors=dayclose.supervisors if dayclose else None, worker=services.worker,
                                   live_supervisors=services.live_supervisors, notice=shell.notice,
                                   open_screen=shell.open, go_home=lambda: shell.open(HOME), parent=window)
        if dayclose is not None and services.live_supervisors is None:  # a drill's settings take a live PIN
            banking = services.banking
            install_recovery(window, dayclose.supervisors, services.worker,
                             lambda: banking.session.username if banking.session is not None else "")
        self.shift_gate = ShiftGate(shifts=dayclose.shifts if dayclose else None, worker=services.worker,
                                    open_screen=shell.open, shift_screen=self._shift_screen, parent=window,
                                    handovers=dayclose.handovers if dayclose else None,
                                    operator=services.banking.operator, handover_screen=self._handover_screen,
                                    on_show=self._current_id)
        self.ask_leave: AskLeave = dialogs.confirm_leave  # settings not saved: leave them? (ui/unsaved.py)
        self._last_key: tuple | None = None
        self._shift_connected = False
        self._handover_connected = False
        # The journal's last sealed day (memory): when Tutup Hari moves it, or a reopening moves
        # it back, the forms left filled in are another day's (``_forms_of_a_closed_day``).
        self._journal = dayclose.journal if dayclose else None
        self._sealed = self._journal.sealed_through if self._journal else None
        shell.stack.currentChanged.connect(self._shown)
        QCoreApplication.instance().installEventFilter(self)

    @property
    def lock_screen(self) -> LockScreen:
        return self.idle.screen

    # -- navigation --------------------------------------------------------------------
    def _is_home(self, widget: QWidget) -> bool:
        return self.shell.screen_id(widget) == HOME

    def allows(self, target: str) -> bool:
        """Shell.open asks first: the screen on show may hold settings not saved yet (the
        agent is asked before they are dropped), and a screen behind the supervisor PIN may
        not open yet."""
        current = self.shell.current_screen()
        if target != self._current_id() and isinstance(current, Screen) \
                and not may_leave(current, current.heading.text(), self.ask_leave):
            self._restore_nav(self._current_id())  # the clicked menu button was checked: undo
            return False
        screen = self.shell.screen(target)
        if self.gate.allows(target, screen) and self.shift_gate.allows(target, screen):
            return True
        self._restore_nav(self._current_id())  # the clicked menu button was checked: undo
        return False

    def _forms_of_a_closed_day(self) -> None:
        """After Tutup Hari (or a reopening) every screen that serves a customer starts empty
        when the agent next changes screen, the one being opened too: a form left filled in
        before the day close is no customer's any more, and its confirmation must not wait
        for a habitual Enter. (A flow that moves money refuses it anyway:
        ``DayClosedSinceQuote``.) That is every screen with a flow, not only those that move
        cash, whose first screen after the close is Buka Shift: Buat Virtual Account, opened
        straight away, kept the last customer's name, phone, email and amount for the next
        morning. Midnight alone clears nothing: that customer is still here."""
        if self._journal is None or self._journal.sealed_through == self._sealed:
            return
        self._sealed = self._journal.sealed_through
        for screen in self.shell.built_screens():
            if screen.needs_shift or isinstance(screen.flow, Flow):
                screen.reset()

    def shift_needed(self) -> None:
        """A payment was refused because today's shift is not open: to Buka Shift, and back
        to this screen (its form as the agent left it) once the shift is open."""
        screen_id = self._current_id()
        if screen_id is not None and screen_id != SHIFT:
            screen = self.shell.screen(screen_id)
            screen.clear_errors()  # Buka Shift says why; back here, the form waits without an old error
            self.shift_gate.send_to_shift(screen_id, screen)

    def drawer_needed(self) -> None:
        """A payment was refused because another agent holds the drawer (it changed hands
        under an open form): to Serah Terima Kas, and back to this screen (its form as the
        agent left it) once the drawer is theirs."""
        screen_id = self._current_id()
        if screen_id is not None and screen_id not in (SHIFT, HANDOVER):
            self.shell.screen(screen_id).clear_errors()  # Serah Terima Kas shows whose drawer it is
            self.shift_gate.send_to_handover(screen_id)

    def _shift_screen(self) -> "ShiftScreen":
        screen: Any = self.shell.screen(SHIFT)
        if not self._shift_connected:
            screen.shift_opened.connect(self.shift_gate.opened)
            screen.shift_opened.connect(self._new_shift)
            self._shift_connected = True
        return screen

    def _handover_screen(self) -> "HandoverScreen":
        screen: Any = self.shell.screen(HANDOVER)
        if not self._handover_connected:
            screen.handed_over.connect(self.shift_gate.handed_over)
            screen.hand_over.connect(self.shell.hand_over)
            self._handover_connected = True
        return screen

    def _current_id(self) -> str | None:
        return self.shell.screen_id(self.shell.current_screen())

    def open_screen(self, screen_id: str) -> None:
        self.shell.open(screen_id)

    def open_pending(self, reference: str | None = None) -> None:
        """Beranda with the cursor on the first pending transaction's button (``reference``'s,
        where it is pending; after Beranda placed its own), or, with none pending, Beranda
        saying so."""
        self.shell.open(HOME)
        worklist = getattr(self.shell.screen(HOME), "worklist", None)
        if worklist is not None:
            worklist.focus_list(reference)

    def open_product(self, spec: "ProductSpec") -> None:
        """A bill product from the palette: its group's bill screen, on that product's form."""
        for entry in registry.entries():
            if entry.group != spec.group:
                continue
            screen = self.shell.screen(entry.id)
            if screen.sells(spec):
                self.shell.open(entry.id)
                screen.set_product(spec)
                return

    def _shown(self, _index: int) -> None:
        screen_id = self._current_id()
        self.gate.left(screen_id)
        self._forms_of_a_closed_day()
        self.shift_gate.refresh()  # reads only until today's shift is known open (Tutup Hari moves the date)
        if screen_id == SHIFT:
            self._shift_screen()  # its "shift opened" reaches the gate however it was reached
        elif self._shift_connected:
            self._shift_screen().left()
        if screen_id == HANDOVER:
            self._handover_screen()  # its "handed over" reaches the gate however it was reached
        elif self._handover_connected:
            self._handover_screen().left()
        self._restore_nav(screen_id)
        self._place_cursor(arriving=True)

    def arrived(self) -> None:
        """The sidebar or the palette opened the screen already on show: as an arrival."""
        self._place_cursor(arriving=True)

    def back_to_page(self) -> None:
        """From the header (the palette's "Latihan", its drill picked) back to the screen on
        show: where an arrival from the menu puts the keyboard, or on a screen with no input
        (Beranda, a result) where the screen last had it (its first shortcut, "Transaksi baru")."""
        self._place_cursor(arriving=True)
        current = self.shell.current_screen()
        focus = self.window.focusWidget()
        if current is not None and (focus is None or not current.isAncestorOf(focus)):
            last = current.focusWidget()
            if last is not None:
                last.setFocus()

    def _place_cursor(self, *, arriving: bool = False) -> None:
        """The keyboard on the screen on show: its first input (``arrival_input``), or on a
        money screen's confirmation its way back, never the pay button, nor the header. A
        screen with no input gets it on its first control: opened from the folded sidebar
        at 819x614, Laporan X and Saldo Agen left it on the header's "Menu", where Enter
        opened the menu again and Tab went on in the header.

        ``arriving`` (from the sidebar, the palette, a detour to Buka Shift): always. Qt's
        own choice there is the widget that last had the focus on that screen (the stack
        gives it back), which for a form left filled in is a box far down it, below the
        last customer's account and amount. Else (after the lock) only when the keyboard
        is not on the screen already."""
        current = self.shell.current_screen()
        focus = self.window.focusWidget()
        if current is None or (not arriving and focus is not None and current.isAncestorOf(focus)):
            return
        first = arrival_input(current) or way_back(current)
        if first is None and (focus is None or not current.isAncestorOf(focus)):
            first = first_stop(current)  # no input (Laporan X, Saldo Agen): its first control, not "Menu"
        if first is not None:
            first.setFocus()

    def _result_seen_again(self) -> None:
        """The lock lifted off a result: it is read from now (``ResultScreen.hold_for_reading``)."""
        result = self.shell.result
        if self.shell.current_screen() is result:
            result.hold_for_reading()

    def _locked(self) -> None:
        """Locked: no flow keeps a PIN for whoever unlocks (a bill's inquiry PIN). The agent's
        PIN verifier stays: the lock is a screen state of the same session
        (``services.flows.pin``), and every payment after it still asks for the PIN.

        A supervisor's approval ends: whoever unlocks with the agent's password or quick PIN
        is the agent, not the supervisor who walked away from a settings screen. That screen
        gives way to Beranda, its unsaved edits thrown away (they were the supervisor's)."""
        for screen in self.shell.built_screens():
            screen.locked()
        self.gate.locked()
        current = self.shell.current_screen()
        if isinstance(current, Screen) and current.requires_supervisor:
            form = getattr(current, "saved_form", None)
            if form is not None and form.changed():
                form.revert()
                form.mark()
            self.shell.open(HOME)

    def _new_shift(self) -> None:
        """A shift opened: its agent proves the transaction PIN against its stored hash again."""
        if self.shell.services.pins is not None:
            self.shell.services.pins.forget()

    def _restore_nav(self, screen_id: str | None) -> None:
        self.shell.mark_nav(screen_id)

    # -- the one filter ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt calls this for every event of every object (~1,250 a payment, mostly paint,
        # layout and timers). PySide hands each its own class, so a class check, in C, turns
        # those away before ``type()`` makes a Python enum of each (~2 ms of GUI time a
        # payment). Every activity event is an input event or a shortcut (ui/lock.py).
        if not isinstance(event, ACTIVITY_CLASSES):
            return False
        kind = event.type()
        if kind not in ACTIVITY_EVENTS:
            return False
        self.idle.activity()
        if kind not in INPUT_EVENTS:
            return False
        if self.idle.blocks(watched) and _in_window(watched, self.window):
            return True
        if self._holds_way_out(watched, event, kind):
            return True
        if kind != QEvent.Type.KeyPress or not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if self.idle.is_locked():
            return False
        if isinstance(watched, BusyOverlay):
            return True  # a call runs and the veil holds the keyboard: no key means anything now
        if event.key() in ENTER and event.isAutoRepeat():
            # An Enter held down (the one that closed the PIN dialog, say) would press
            # whatever takes the focus next: the pay button of the bill it just opened.
            # Every Enter at the counter is one deliberate press.
            return True
        if self._propagated(watched, event):
            return False
        return self.scan.key_press(watched, event) or self.keys.key_press(watched, event)

    def _holds_way_out(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        """In the result's first moments (``ResultScreen.takes_presses``, half a second) no
        key leaves it: not Esc (the counter's way back, from a result to Beranda) nor any
        shortcut of the window (Ctrl+H, Beranda). Its own buttons take no press then, but an
        Esc pressed by habit right after the PIN still took a failed or uncertain result away
        unread. Every other key (Tab, Ctrl+K), the mouse (Keluar in the header) and the idle
        lock (its screen takes its keys: ``is_locked``) work as ever; after the half second
        Esc and Ctrl+H leave as before."""
        if kind == QEvent.Type.Shortcut:
            ours = _in_window(watched, self.window)
        else:
            ours = (kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                    and isinstance(watched, QWidget) and watched.window() is self.window)
        result = self.shell.result
        return (ours and self.shell.current_screen() is result and not result.takes_presses()
                and not self.idle.is_locked())

    def _propagated(self, watched: QWidget, event: QEvent) -> bool:
        """A key the focus widget ignored comes back here for each of its parents: count it once."""
        stamp = (event.key(), event.text(), event.timestamp(), int(event.modifiers().value))
        last, self._last_key = self._last_key, (stamp, watched)
        # the widget the last key went to may be gone since (a settled item's button): asking
        # about it raised, and an exception in an application event filter ends the process
        return (last is not None and last[0] == stamp and last[1] is not watched and shiboken6.isValid(last[1])
                and watched.isAncestorOf(last[1]))


def _in_window(watched: QObject, window: QWidget) -> bool:
    if isinstance(watched, QWidget):
        return watched.window() is window
    parent = watched.parent()
    return isinstance(parent, QWidget) and parent.window() is window  # QShortcut of the window


def _back(widget: QWidget) -> None:
    """Esc inside a screen: its own step back (the result screen has none)."""
    if isinstance(widget, Screen):
        widget.back()
