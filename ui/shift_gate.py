"""Serving customers needs an open shift.

A screen whose transaction moves money (``Screen.needs_shift``: a flow that asks the PIN;
the bill screens) does not open while the business day has no shift: the agent lands on
Buka Shift & Kas instead, told why and what to do (count the drawer, type the opening
float, Enter), with the cursor in the float field; once the shift is open, the screen they
asked for opens by itself. Without a shift the day's expected cash has no start, so a
deposit taken before it would make the day close's count meaningless.

Whether today's shift is open is a journal read, so it never runs on the GUI thread: the
gate learns it in the background (at start and each time another screen is shown: a day
close starts a new business day) and, when it does not know a shift is open, asks the
worker before deciding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject

from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate

if TYPE_CHECKING:
    from services.dayclose.shift import Shifts
    from ui.screens.base import Screen
    from ui.worker import Worker

NEEDED = QT_TRANSLATE_NOOP("shift_gate", "Shift hari ini belum dibuka. Melayani nasabah perlu shift yang terbuka: "
                                         "hitung uang di laci, ketik modal awal kas, lalu tekan Enter. Sesudah itu "
                                         "{screen} langsung terbuka.")


class ShiftGate(QObject):
    def __init__(self, *, shifts: "Shifts | None", worker: "Worker", open_screen: Callable[[str], None],
                 shift_screen: Callable[[], Any], parent: QObject) -> None:
        super().__init__(parent)
        self.shifts = shifts
        self.worker = worker
        self.open_screen = open_screen
        self.shift_screen = shift_screen
        self.is_open: bool | None = None  # None: not known yet
        self._refreshing = QObject(self)  # the worker's busy token of the background check
        self.refresh()

    def _check(self) -> bool:
        assert self.shifts is not None
        return self.shifts.current() is not None

    def refresh(self) -> None:
        if self.shifts is not None:
            self.worker.run(self._check, busy=self._refreshing, on_success=self._learned, on_failure=lambda _exc: None)

    def _learned(self, is_open: bool) -> None:
        self.is_open = is_open

    def opened(self) -> None:
        """The shift screen opened today's shift."""
        self.is_open = True

    def allows(self, target: str, screen: "Screen") -> bool:
        """True: open now. False: the gate decides in the background (and opens ``target``
        itself if a shift is open after all), or sent the agent to open the shift."""
        if self.shifts is None or not screen.needs_shift or self.is_open:
            return True
        self.worker.run(self._check, busy=self, on_success=lambda is_open: self._decide(target, screen, is_open),
                        on_failure=lambda _exc: self._send_to_shift(target, screen))
        return False

    def _decide(self, target: str, screen: "Screen", is_open: bool) -> None:
        self.is_open = is_open
        if is_open:
            self.open_screen(target)
        else:
            self._send_to_shift(target, screen)

    def _send_to_shift(self, target: str, screen: "Screen") -> None:
        name = screen.heading.text() or target
        self.shift_screen().ask_to_open(target, translate("shift_gate", NEEDED).format(screen=name))
        self.open_screen("shift")
