"""The base every screen derives from: a heading, a banner, fields that can show their own
error, a busy overlay, and ``run`` — the only way a screen calls a service. A money-moving
screen renders its ``flow`` (services/flows) and pays through ``pay_with``, which asks
"Ini transaksi baru?" when the flow reports a repeat of a recent success.

A screen never navigates by reaching up the widget tree: it emits ``completed`` with a
``TransactionDone`` (the shell shows the result screen) or ``navigate`` with a screen id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from services.errors import LoketError
from services.flows.base import DayClosedSinceQuote, Flow
from services.journal import State
from services.transactions import RecentSuccessExists
from ui import dialogs
from ui.errors import localized
from ui.i18n import translate
from ui.keyboard import first_input, primary_button
from ui.page_scroll import SCROLL_KEYS, scroll_by_key
from ui.screen_fit import StackPage, top_on_turn
from ui.widgets.banner import Banner
from ui.widgets.field import Field
from ui.widgets.overlay import BusyOverlay

if TYPE_CHECKING:
    from services.journal import Journal, JournalRow
    from services.products import ProductSpec
    from ui.errors import ErrorPresenter
    from ui.unsaved import SavedForm
    from ui.worker import Operation, Worker


FORM_WIDTH = 820
# the keys a list moves its rows by (``Screen.keyPressEvent``: the list keeps them)
LIST_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp,
             Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)


@dataclass(frozen=True)
class TransactionDone:
    """What the result screen shows: the journal row (its lines are the receipt's, resolved
    from the row by services/receipts), under the screen's title.

    ``highlight`` (label, value): the one figure the agent reads out to the customer — the
    new account number, the balance — shown large under the status instead of in the title.
    ``note``: what happens next to an uncertain (SUSPECT) transaction, for the agent's eyes
    only (never on the receipt), e.g. that the bank is asked about it automatically.
    """

    title: str
    row: "JournalRow"
    highlight: tuple[str, str] | None = None
    note: str = ""


class Screen(StackPage):
    completed = Signal(object)  # TransactionDone
    navigate = Signal(str)  # a registered screen id
    # What the shell and the counter read (ui/counter.py and its gates), declared once:
    scan_target: str | None = None  # the field a barcode scan fills (ui/scan.py)
    requires_supervisor = False  # opened only after the supervisor PIN (ui/supervisor_gate.py)
    enter_only_moves = False  # Enter never ticks a box nor presses the primary button (ui/keyboard.py)
    saved_form: "SavedForm | None" = None  # a settings form: leaving it unsaved asks first (ui/unsaved.py)

    def __init__(self, title: str, worker: "Worker", errors: "ErrorPresenter", *,
                 journal: "Journal | None" = None, expand: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.worker = worker
        self.errors = errors
        self.journal = journal
        # the screen's transaction (a services.flows Flow): the shell resets a screen whose flow
        # is over (a screen may keep another kind of state machine here, the day close's)
        self.flow: Any = None
        self.confirm_repeat: dialogs.ConfirmRepeat = dialogs.confirm_repeat
        self._fields: dict[str, Field] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 18, 28, 18)
        outer.setSpacing(12)
        self.heading = QLabel(translate("screens", title))  # titles are marked in the registry
        self.heading.setObjectName("screenTitle")
        # a product's name is the title of its bill screen: "PLN Non-Taglis (New Connection/Power
        # Upgrade)" on one line was wider than the page at 1024x768, and the form scrolled sideways
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.card = QFrame()
        self.card.setObjectName("card")
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(12)
        outer.addWidget(self.card, 1 if expand else 0)
        if not expand:
            # a form a little wider than its content reads better than one across the screen
            self.card.setMaximumWidth(FORM_WIDTH)
            self.banner.setMaximumWidth(FORM_WIDTH)
            outer.addStretch(1)
        self.overlay = BusyOverlay(self)
        self.calls = 0  # this screen's calls running now (a payment on its way to the bank among them)
        # while the veil holds the keyboard: (where it goes back when the last call ends, where it was)
        self._held: tuple[QObject | None, QWidget] | None = None

    # -- fields ----------------------------------------------------------------------
    def add_field(self, name: str, label: str, editor: QWidget, *, hint: str = "",
                  layout: Any = None) -> Field:
        """Make ``editor`` addressable by ``name`` (the ``UserInputError.field`` of the service)."""
        widget = Field(label, editor, hint=hint)
        self._fields[name] = widget
        (layout or self.body).addWidget(widget)
        return widget

    def field(self, name: str) -> Field | None:
        return self._fields.get(name)

    def add_pages(self, *pages: QWidget) -> QStackedWidget:
        """A multi-step screen's pages, one shown at a time, in the card."""
        stack = QStackedWidget()
        for page in pages:
            stack.addWidget(page)
        self.body.addWidget(stack)
        top_on_turn(stack)
        return stack

    def clear_errors(self) -> None:
        self.banner.clear_message()
        for widget in self._fields.values():
            widget.clear_error()

    # -- calls -----------------------------------------------------------------------
    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None], *, busy: QObject,
            message: str = "", on_failure: Callable[[BaseException], None] | None = None,
            deadline: float | None = None, stay: bool = False, hold_keys: bool = True) -> "Operation | None":
        """Run ``fn`` off the GUI thread. Failures go to ``on_failure`` or the presenter.
        ``deadline``: the host call's overall deadline in seconds, counted down on the veil.

        The keyboard: disabling ``busy`` sends the focus on to the next widget of the chain,
        the header's (the sandbox drill switch, the side menu's button), where a habitual
        Enter or Space opened a list or the menu while the bank answered, and an Esc in the
        box whose Enter looked an account up went to Beranda. So while the call runs, a
        keyboard that was on this screen is held by the veil, as the mouse is
        (``BusyOverlay.hold_keys``: every key does nothing); ``hold_keys`` False leaves it
        free for a load the agent does not wait for (Beranda's balance). When the screen's
        last call ends (the veil stays while another runs) the keyboard goes, with ``stay``,
        back to ``busy`` if it had it, else to where Qt's own move would have left it if that
        is on this screen; then ``keep_focus`` places it (a field the error named, the button
        pressed, the first input), and a result screen places its own. ``stay`` is only for
        buttons a second press of which is harmless or guarded (a report's print and export:
        again is a reprint, approved by a supervisor): Tutup Hari's "Cetak ringkasan" once
        left Enter on "Ekspor PDF…", which the agent never chose. A confirmation page's pay
        button is left to the way back Qt gives it."""
        if self.worker.is_busy(busy):
            return None
        self.clear_errors()
        self.overlay.start(message or self.tr("Memproses…"), deadline)
        focus = self.window().focusWidget()  # disabling ``busy`` sends the focus out of the screen

        def settle() -> QWidget | None:
            """The veil goes with the screen's last call, and the keyboard it held goes back;
            what ``keep_focus`` then starts from (where the keyboard was before it was held)."""
            self.calls -= 1
            if self.calls > 0:
                return focus  # another call of this screen still runs: the veil and the keyboard stay
            back, before = self._held or (None, focus)
            self._held = None
            if self.window().focusWidget() is self.overlay:
                if isinstance(back, QWidget) and back is not self.overlay and self._usable(back):
                    back.setFocus(Qt.FocusReason.OtherFocusReason)
                else:
                    self.overlay.clearFocus()  # hidden with the keyboard, the veil would pass it down the chain
            self.overlay.stop()
            return before

        def succeeded(result: Any) -> None:
            before = settle()
            on_success(result)
            self.keep_focus(before)

        def failed(exc: BaseException) -> None:
            before = settle()
            (on_failure or self.fail)(exc)
            self.keep_focus(before)

        operation = self.worker.run(fn, on_success=succeeded, on_failure=failed, busy=busy)
        moved_to = self.window().focusWidget()  # where Qt sent the focus from the disabled ``busy``
        if operation is not None:
            self.calls += 1
            if (hold_keys and self._held is None and focus is not None and focus is not self.overlay
                    and self.isVisible() and self.isAncestorOf(focus)):
                self._held = (busy if stay and focus is busy else moved_to, focus)
                self.overlay.hold_keys()
        return operation

    def _usable(self, widget: QWidget) -> bool:
        """A widget of this screen, still there, that can take the keyboard."""
        return (shiboken6.isValid(widget) and self.isAncestorOf(widget) and widget.isVisible()
                and widget.isEnabled())

    def keep_focus(self, before: QWidget | None) -> None:
        """After a call, the keyboard stays on this screen: a field the error named already
        took the focus; else it goes back where it was (the button, so Enter asks the PIN
        again), else to the first input. A focus left on the header or nowhere would make
        Enter and the digits typed next go nowhere."""
        if not self.isVisible():
            return  # another screen (the result) is on show and places its own focus
        now = self.window().focusWidget()
        if now is not None and self._usable(now):
            return
        if before is not None and self._usable(before):
            before.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        target = first_input(self) or primary_button(self)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def fail(self, exc: BaseException) -> None:
        if isinstance(exc, DayClosedSinceQuote):
            self.reset()  # a form filled before Tutup Hari: an empty one, and the message says why
        self.errors.present(exc, self)

    def pay_with(self, pay: Callable[[str | None], Any], on_success: Callable[[Any], None], *, busy: QObject,
                 message: str, on_failure: Callable[[BaseException], None] | None = None,
                 deadline: float | None = None) -> None:
        """Run ``pay(confirm_duplicate)`` (a flow's ``pay`` with its PIN bound) off the GUI thread.

        A payment that repeats a recent SUCCESS comes back as ``RecentSuccessExists``: the
        agent is asked "Ini transaksi baru?" (``confirm_repeat``: the safe answer is the
        default) and only a deliberate yes pays, naming the earlier reference.
        """
        def failed(exc: BaseException) -> None:
            if isinstance(exc, RecentSuccessExists):
                if self.confirm_repeat(self, localized(exc)):
                    attempt(exc.earlier.reference)
                return
            (on_failure or self.fail)(exc)

        def attempt(confirm: str | None) -> None:
            self.run(lambda: pay(confirm), on_success, busy=busy, message=message, on_failure=failed,
                     deadline=deadline)

        attempt(None)

    def fail_transaction(self, exc: BaseException, title: str, *, note: str = "") -> None:
        """A payment failed. If its status is unknown (its row is SUSPECT) the agent must see
        the result screen with the reference, not a form inviting a retry."""
        row = exc.row if isinstance(exc, LoketError) else None
        if row is not None and row.state is State.SUSPECT:
            self.completed.emit(TransactionDone(title, row, note=note))
            return
        self.fail(exc)

    @property
    def needs_shift(self) -> bool:
        """Serving with this screen needs today's shift open (ui/shift_gate.py): its flow
        moves cash at the counter (``Flow.moves_cash``: not a balance check, not a VA)."""
        return isinstance(self.flow, Flow) and self.flow.moves_cash

    @property
    def finished(self) -> bool:
        """The screen's transaction reached SUCCESS, FAILED or SUSPECT: shown again, it starts
        with an empty form (the shell calls ``reset``)."""
        return isinstance(self.flow, Flow) and self.flow.over

    # -- lifecycle hooks the shell calls ----------------------------------------------
    def activated(self) -> None:
        """Shown in the stack; load what the screen needs (off the GUI thread)."""

    def back(self) -> None:
        """Esc: one step back in a multi-step screen (nothing on a single-step one)."""

    def sells(self, spec: "ProductSpec") -> bool:
        """Whether ``set_product`` can show bill product ``spec`` (the palette's product search)."""
        return False

    def set_product(self, spec: "ProductSpec", keep: dict[str, str] | None = None) -> None:
        """Show bill product ``spec``'s form; ``keep`` refills what was typed. Only a screen
        that ``sells`` it is asked."""
        raise NotImplementedError(f"{type(self).__name__} sells no bill product")

    def locked(self) -> None:
        """The counter locked: forget what must not wait for whoever unlocks (a bill's PIN)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.back()
            event.accept()
            return
        focus = self.window().focusWidget()
        if event.key() in LIST_KEYS and isinstance(focus, QAbstractItemView) and self.isAncestorOf(focus):
            # A list leaves the arrow it has no use for (Down on its last row) to its parents,
            # and the page's scroll area took it: the page moved under the agent's eyes while
            # the cursor stayed on the last row. A list keeps its keys, used or not.
            event.accept()
            return
        if event.key() in SCROLL_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
                and scroll_by_key(self, event.key()):
            event.accept()
            return
        super().keyPressEvent(event)  # ignored: the page's scroll area, around the screen, scrolls

    def reset(self) -> None:
        """Start a new transaction: clear the inputs and the flow (after a result, or when a
        screen whose transaction is over is opened again)."""
        self.clear_errors()
        if isinstance(self.flow, Flow):
            self.flow.reset()

    def focus_if_shown(self, widget: QWidget) -> None:
        """The cursor to ``widget`` (a ``reset``'s first input) while this screen is on show.
        Qt gives the keyboard to a hidden widget too: a screen emptied behind the result of
        its payment, or after Tutup Hari, would take it from the screen on show, and the
        agent's Enter and digits would go into an invisible form. A screen shown later gets
        its cursor from the counter (``Counter._shown``)."""
        if self.isVisible():
            widget.setFocus()
