"""Handing a value from a worker or the printer thread to the GUI thread, without a signal.

Decision: a thread that is not the GUI thread hands its news over by posting an event to an
object that lives on the GUI thread (``QCoreApplication.postEvent``), not by emitting a
queued signal. PySide's ``emit`` from another thread lets go of the GIL while Qt queues the
call, and the GUI thread, woken by that very call, takes the GIL to answer it (the result
screen built, the form emptied): the emitting thread then waits to take it back behind that
work. Measured in tests/bench/day.py, a pool thread's last ``emit`` took 0.02 ms at the median
but 0.4 ms on average, 1.6 ms at p90 and tens of milliseconds at worst (a busy GUI thread:
24 ms), each time inside a payment's or a receipt's own time; ``postEvent`` queues while
holding the GIL (0.02 ms on average, 0.2 ms at worst, the same GUI thread busy). The
values arrive in the order they were handed over, each in its own event; the GUI thread
never waits for the sender either way.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject

HANDED_OVER = QEvent.Type(QEvent.registerEventType())


class Handoff(QObject):
    """``handoff(value)`` from any thread; ``receive(value)`` runs on the thread this object
    lives on (the one it was made on: the GUI thread), in the order handed over. A value
    handed over once the object is deleted is not taken: the call raises ``RuntimeError``
    in the sending thread, as a deleted sender's signal's ``emit`` did (each sender logs it).

    Decision: a subclass that answers with a method of its own overrides ``receive`` rather
    than passing that bound method (``ui.worker.Operation``): an object holding a bound method
    of itself is a reference cycle, freed only by Python's collector, which runs on whatever
    thread allocates when it is due (a pool thread's payment), deleting a QObject of the GUI
    thread there."""

    def __init__(self, receive: Callable[[Any], None] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._receive = receive
        self._values: deque[Any] = deque()  # append and popleft are atomic: no lock

    def __call__(self, value: Any) -> None:  # any thread
        self._values.append(value)
        QCoreApplication.postEvent(self, QEvent(HANDED_OVER))

    def receive(self, value: Any) -> None:  # this object's thread
        if self._receive is not None:
            self._receive(value)

    def event(self, event: QEvent) -> bool:  # this object's thread
        if event.type() == HANDED_OVER:
            self.receive(self._values.popleft())
            return True
        return super().event(event)
