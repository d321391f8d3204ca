"""The shift gate's reads come back in any order (the worker's pool runs several at once):
what the agent did since a read began wins over what the read found, and a read that lets
the agent into the screen already on show does not arrive there again (an arrival puts the
cursor back in the first box with its text selected: under Wine the amount typed next went
into the account box)."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject

from ui.shift_gate import ShiftGate

DAY = "2026-12-07"


class HeldWorker:
    """The worker's pool, held: each read is made when it begins, and its answer waits until
    the test lets it come back, in any order."""

    def __init__(self) -> None:
        self.held: list[tuple[Any, Callable[[Any], None]]] = []

    def run(self, fn: Callable[[], Any], *, busy: Any = None, on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None]) -> object:
        self.held.append((fn(), on_success))
        return object()

    def finish(self, index: int) -> None:
        found, on_success = self.held.pop(index)
        on_success(found)


class Journal:
    """Today's shift, as the journal holds it."""

    def __init__(self) -> None:
        self.shift: object | None = None

    def business_date(self) -> str:
        return DAY

    def shift_for(self, day: str) -> object | None:
        return self.shift if day == DAY else None


class Screen:
    needs_shift = True


def make_gate(qtbot, on_show: list[str]):
    journal, worker, opened = Journal(), HeldWorker(), []
    parent = QObject()
    gate = ShiftGate(shifts=journal, worker=worker, open_screen=lambda s: (opened.append(s), on_show.append(s)),
                     shift_screen=lambda: None, parent=parent, on_show=lambda: on_show[-1])
    gate._keep = parent  # noqa: SLF001 - the test's own reference keeps the parent alive
    return gate, journal, worker, opened


def test_a_read_begun_before_the_shift_opened_does_not_undo_it(qtbot):
    on_show = ["home"]
    gate, journal, worker, _opened = make_gate(qtbot, on_show)  # the read at login is held
    journal.shift = object()  # the agent opened the shift meanwhile
    gate.opened()
    assert gate.is_open
    worker.finish(0)  # the login's read comes back now: "no shift", as it was when it began
    assert gate.is_open
    assert gate.allows("deposit", Screen())  # the deposit opens at once, no read, no second arrival
    assert worker.held == []


def test_a_read_that_lets_the_agent_in_where_they_already_are_is_no_new_arrival(qtbot):
    on_show = ["home"]
    gate, journal, worker, opened = make_gate(qtbot, on_show)
    worker.finish(0)  # at login: no shift yet
    journal.shift = object()  # opened at another window of this kiosk
    assert not gate.allows("deposit", Screen())  # asks the journal first, which finds it open
    on_show.append("deposit")  # the agent got there meanwhile (the sidebar, the palette)
    worker.finish(0)
    assert gate.is_open and opened == []  # not opened again: the cursor stays where the agent typed


class ShiftScreen:
    """Buka Shift: what the gate asked it to open afterwards."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def ask_to_open(self, target: str, why: str) -> None:
        self.asked.append(target)


class HeadedScreen(Screen):
    class heading:  # noqa: N801 - a QLabel's text(), as the gate reads it
        @staticmethod
        def text() -> str:
            return "Setor Tunai"


def test_a_read_begun_before_the_services_refused_for_want_of_a_shift_does_not_open_the_gate(qtbot):
    on_show = ["home"]
    shift_screen = ShiftScreen()
    journal, worker = Journal(), HeldWorker()
    parent = QObject()
    journal.shift = object()  # open when the login's read is made
    gate = ShiftGate(shifts=journal, worker=worker, open_screen=on_show.append, shift_screen=lambda: shift_screen,
                     parent=parent, on_show=lambda: on_show[-1])
    # The business day moved on under an open form: the payment is refused, the agent is sent to Buka Shift.
    journal.shift = None
    gate.send_to_shift("deposit", HeadedScreen())
    assert on_show[-1] == "shift" and shift_screen.asked == ["deposit"]
    worker.finish(0)  # the login's read comes back now: "open", as it was when it began
    assert not gate.is_open
    assert not gate.allows("deposit", HeadedScreen())  # asks the journal again, which finds no shift


def test_a_read_begun_before_the_services_refused_for_the_drawer_does_not_open_the_gate(qtbot):
    class HandoverScreen:
        def ask_to_hand_over(self, target: str) -> None:
            pass

    on_show = ["home"]
    journal, worker = Journal(), HeldWorker()
    parent = QObject()
    journal.shift = object()
    gate = ShiftGate(shifts=journal, worker=worker, open_screen=on_show.append, shift_screen=lambda: None,
                     parent=parent, on_show=lambda: on_show[-1], handover_screen=HandoverScreen)
    gate.send_to_handover("deposit")  # another agent took the drawer over since
    assert on_show[-1] == "handover"
    worker.finish(0)  # the login's read: "open and this agent's", as it was when it began
    assert not gate.is_open
