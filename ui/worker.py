"""The one background-operation helper (after Anki's ``QueryOp`` and Electrum's TaskThread).

Screens never create threads and never call a service on the GUI thread. They call::

    ops.run(lambda: banking.deposit(...), on_success=self._done, on_failure=self._failed,
            busy=self.pay_button)

``fn`` runs on a ``QThreadPool`` thread; ``on_success(result)`` or ``on_failure(exc)`` is then
called on the GUI thread (the operation lives there, and the pool thread hands its answer
over as a posted event: ``ui.handoff``). While an operation holding ``busy`` is running,
``busy`` is disabled and a second ``run`` with the same ``busy`` is refused (returns
``None``): a double click sends once.

Bank calls may run in parallel; the journal serialises its own writes behind a lock.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ui.handoff import Handoff

log = logging.getLogger(__name__)


class Operation(Handoff):
    """One running call. The pool thread hands its answer over (``ui.handoff``: an event,
    not a queued signal, so the pool thread never waits for the GIL behind the GUI thread's
    answer to it); the object was created on the GUI thread, so the callback runs there.

    ``finished`` fires on the GUI thread after the callback ran (tests wait on it).
    """

    finished = Signal()

    def __init__(self, worker: "Worker", busy: QObject | None,
                 on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]) -> None:
        # No Qt parent: the worker keeps it alive while it runs, the caller may keep it after
        # (waiting on ``finished``); Python frees it, on the GUI thread, when both let go.
        super().__init__()  # its answer comes to ``receive``
        self._worker = worker
        self._busy = busy
        self._on_success = on_success
        self._on_failure = on_failure
        self.done = False

    def receive(self, answer: tuple[bool, Any]) -> None:  # GUI thread
        succeeded, value = answer
        self._settle(self._on_success if succeeded else self._on_failure, value)

    def _settle(self, callback: Callable[[Any], None], value: Any) -> None:
        self.done = True
        self._worker._release(self)
        try:
            if _owner_alive(callback):
                callback(value)
            else:  # its screen was closed meanwhile (a logout while Beranda read its figures)
                log.info("an answer for a closed screen was dropped: %s", getattr(callback, "__qualname__", callback))
        finally:
            self._on_success = self._on_failure = None
            self.finished.emit()


def _owner_alive(callback: Callable[[Any], None]) -> bool:
    """Whether ``callback`` can still be called: a method of a Qt object whose C++ side was
    deleted (its page or window closed before the call answered) has nothing left to show the
    answer on, and calling it raises. The call's own work (a journal write) is done either way:
    it ran on the pool thread; only what the screen would have shown is dropped."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], operation: Operation) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._operation = operation

    def run(self) -> None:  # pool thread
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, never lost
            self._operation((False, exc))
        else:
            self._operation((True, result))
        finally:
            self._fn = None  # drop the closure (and any PIN it holds) as soon as it is done
            self._operation = None  # the worker holds it until it settles on the GUI thread


class Worker(QObject):
    """Runs service calls off the GUI thread and reports back on it.

    ``busy_changed(bool)`` tells whoever cares (the shell's overlay, tests) whether any
    operation is running.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
        self._busy: set[int] = set()
        self._operations: set[Operation] = set()
        self._settled: set[Operation] = set()

    @property
    def running(self) -> int:
        return len(self._operations)

    def is_busy(self, widget: QObject | None) -> bool:
        return widget is not None and id(widget) in self._busy

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        busy: QObject | None = None,
    ) -> Operation | None:
        if self.is_busy(busy):
            log.info("refused a second submit while busy")
            return None
        operation = Operation(self, busy, on_success, on_failure)
        if busy is not None:
            self._busy.add(id(busy))
            if hasattr(busy, "setEnabled"):
                busy.setEnabled(False)
        self._operations.add(operation)
        if len(self._operations) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Task(fn, operation))
        return operation

    def _release(self, operation: Operation) -> None:
        busy = operation._busy
        if busy is not None:
            self._busy.discard(id(busy))
            if hasattr(busy, "setEnabled") and shiboken6.isValid(busy):
                busy.setEnabled(True)  # a widget gone since (its window closed) has nothing to enable
        self._operations.discard(operation)
        # Keep our reference until the event loop has left the operation's own slot: freeing a
        # QObject inside its queued slot call crashes PySide.
        self._settled.add(operation)
        QTimer.singleShot(0, self, lambda: self._settled.discard(operation))
        if not self._operations:
            self.busy_changed.emit(False)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """For shutdown: let running calls finish so no journal write is cut in half."""
        return self._pool.waitForDone(msecs)
