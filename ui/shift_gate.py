"""Serving customers needs an open shift.

A screen whose transaction moves cash at the counter (``Screen.needs_shift``: its flow's
``moves_cash``, the rule the payment runner applies too; the bill screens) does not open
while the business day has no shift: the agent lands on Buka Shift & Kas instead, told why
and what to do (count the drawer, type the opening float, Enter), with the cursor in the
float field; once the shift is open, the screen they
asked for opens by itself. Without a shift the day's expected cash has no start, so a
deposit taken before it would make the day close's count meaningless.

Whether today's shift is open is a journal read, so it never runs on the GUI thread: the
gate learns it in the background (at start, and each time another screen is shown until it
knows a shift is open) and, when it does not know a shift is open, asks the worker before
deciding. What it learns holds for one business date: a shift ends only when the business
date moves on (Tutup Hari seals the day, a reopened day goes back to it, midnight passes),
and today's business date is known without the disk (the clock and the journal's last
sealed day, in memory). So once a shift is known open the gate reads nothing more until
that date changes: a payment's screens no longer each queue a read that waits behind the
payment's own commits for the journal's lock.

The drawer must also be this agent's: when today's drawer is held by another agent (who
opened the shift, or took it over last: ``services.dayclose.handover``), the agent is sent to
Serah Terima Kas first, to count it, and the screen they asked for opens once it is theirs.
At login the gate's first read finds that and opens Serah Terima Kas by itself. The holder
changes only by a handover, made in this session by this agent, so "open" still holds for
the rest of the business date once learned.

The reads run on the worker's pool, several at once, and come back in any order: a read begun
before this agent opened the shift or took the drawer over can come back after it, saying
"no shift". What the agent did since wins (``_since``): such a read is dropped. So does a
refusal by the services since (no shift, or the drawer another agent's): a read begun before
it saying "open" would let the agent back to a form that is refused again. And a read
that lets the agent into the screen already on show leaves it as it is: opening it again is
an arrival, which puts the cursor back in its first box with the text selected (under Wine,
where a first login's reads queue behind the start's, the amount an agent typed next went
into the account box).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject

from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate
from ui.models.report import day_label

if TYPE_CHECKING:
    from services.dayclose.handover import Handovers
    from services.dayclose.shift import Shifts
    from ui.screens.base import Screen
    from ui.worker import Worker

# The business date, not "today": after Tutup Hari serving goes on under the next day's date.
NEEDED = QT_TRANSLATE_NOOP("shift_gate", "Shift hari kerja {day} belum dibuka. Melayani nasabah perlu shift yang "
                                         "terbuka: hitung uang di laci, ketik modal awal kas dan tekan Enter, lalu "
                                         "Enter lagi untuk membenarkan angkanya. Sesudah itu {screen} langsung "
                                         "terbuka.")


Checked = tuple["str | None", "str | None"]  # (business date with a shift open, the other agent holding it)


class ShiftGate(QObject):
    def __init__(self, *, shifts: "Shifts | None", worker: "Worker", open_screen: Callable[[str], None],
                 shift_screen: Callable[[], Any], parent: QObject, handovers: "Handovers | None" = None,
                 operator: Callable[[], str] = lambda: "", handover_screen: Callable[[], Any] | None = None,
                 on_show: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self.shifts = shifts
        self.handovers = handovers
        self.operator = operator
        self.worker = worker
        self.open_screen = open_screen
        self.on_show = on_show  # the id of the screen on show
        # Bumped when the agent opens the shift or takes the drawer, and when the services refuse
        # a payment for want of either: older reads are stale.
        self._since = 0
        self.shift_screen = shift_screen
        self.handover_screen = handover_screen
        self.open_on: str | None = None  # the business date a shift is known open, and the drawer this agent's
        self.holder: str | None = None  # another agent holding today's drawer, as last learned
        self._asked = False  # Serah Terima Kas opened by itself once (at login)
        self._refreshing = QObject(self)  # the worker's busy token of the background check
        self.refresh()

    @property
    def is_open(self) -> bool:
        """A shift is known open on today's business date (learned for an earlier date: not)."""
        return self.shifts is not None and self.open_on is not None and self.open_on == self.shifts.business_date()

    def _check(self) -> Checked:
        """On the worker: today's business date if its shift is open, else None; and the other
        agent who holds its drawer (None: it is this agent's, or there is no shift)."""
        assert self.shifts is not None
        day = self.shifts.business_date()
        if self.shifts.shift_for(day) is None:
            return None, None
        holder = self.handovers.pending_for(self.operator(), day) if self.handovers is not None else None
        return day, holder

    def refresh(self) -> None:
        """Learn in the background whether today's shift is open, unless it is known open today."""
        if self.shifts is not None and not self.is_open:
            since = self._since
            self.worker.run(self._check, busy=self._refreshing,
                            on_success=lambda checked: self._learned(checked) if since == self._since else None,
                            on_failure=lambda _exc: None)

    def _learned(self, checked: Checked) -> None:
        day, self.holder = checked
        self.open_on = day if self.holder is None else None
        if self.holder is not None and not self._asked and self.handover_screen is not None:
            self._asked = True  # at login: the drawer is counted before anything else
            self.handover_screen().ask_to_hand_over("")
            self.open_screen("handover")

    def opened(self) -> None:
        """The shift screen opened today's shift."""
        assert self.shifts is not None
        self._since += 1
        self.open_on = self.shifts.business_date()

    def handed_over(self) -> None:
        """Serah Terima Kas handed today's drawer to this agent."""
        assert self.shifts is not None
        self._since += 1
        self.open_on, self.holder = self.shifts.business_date(), None

    def allows(self, target: str, screen: "Screen") -> bool:
        """True: open now. False: the gate decides in the background (and opens ``target``
        itself if a shift is open after all), or sent the agent to open the shift."""
        if self.shifts is None or not screen.needs_shift or self.is_open:
            return True
        since = self._since
        self.worker.run(self._check, busy=self,
                        on_success=lambda checked: self._decide(target, screen, checked) if since == self._since
                        else None,
                        on_failure=lambda _exc: self.send_to_shift(target, screen) if since == self._since else None)
        return False

    def _decide(self, target: str, screen: "Screen", checked: Checked) -> None:
        day, self.holder = checked
        self.open_on = day if self.holder is None else None
        if self.open_on is not None:
            if self.on_show() != target:  # already there: not an arrival again (see the module's note)
                self.open_screen(target)
        elif day is not None and self.handover_screen is not None:
            self.handover_screen().ask_to_hand_over(target)  # the drawer is counted first, then ``target``
            self.open_screen("handover")
        else:
            self.send_to_shift(target, screen)

    def send_to_shift(self, target: str, screen: "Screen") -> None:
        """Buka Shift, saying why, and ``target`` opens by itself once the shift is open.

        Also for a payment the services refused for want of a shift (the business day moved
        on under an open form): whatever the gate knew no longer holds, nor what a read begun
        before says."""
        self._since += 1
        self.open_on = None
        name = screen.heading.text() or target
        assert self.shifts is not None
        self.shift_screen().ask_to_open(target, translate("shift_gate", NEEDED).format(
            screen=name, day=day_label(self.shifts.business_date())))
        self.open_screen("shift")

    def send_to_handover(self, target: str) -> None:
        """Serah Terima Kas, and ``target`` opens by itself once the drawer is this agent's:
        for a payment the services refused because another agent holds the drawer (it changed
        hands since the gate learned it was this agent's). A read begun before is stale."""
        self._since += 1
        self.open_on = None
        if self.handover_screen is not None:
            self._asked = True  # the background check this starts must not send it on to "" (as at login)
            self.handover_screen().ask_to_hand_over(target)
            self.open_screen("handover")
