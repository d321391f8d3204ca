"""Transaction states and the transitions allowed between them (DESIGN.md, journal rule).

NEW      committed before the request leaves the machine (with SENT, in the same commit,
         when it is sent at once)
SENT     handed to the network: from here on it may have reached the host
SUCCESS  the host confirmed it
FAILED   the host refused it, or it was abandoned before it was ever sent
SUSPECT  it may have been processed but we do not know: settled only by a status check
         or a recorded manual resolution, never by sending it again
REVERSED a successful transfer later reversed at the host

SENT -> NEW is the one step back: taken only when the transport proves the request never
left (connection refused before any byte was written), so the same reference may be sent
again.
"""

from __future__ import annotations

from enum import Enum


class State(str, Enum):
    NEW = "NEW"
    SENT = "SENT"
    SUCCESS = "SUCCESS"
    FAILED = "FAILED"
    SUSPECT = "SUSPECT"
    REVERSED = "REVERSED"


ALLOWED: dict[State | None, frozenset[State]] = {
    None: frozenset({State.NEW}),
    State.NEW: frozenset({State.SENT, State.FAILED, State.SUSPECT}),
    State.SENT: frozenset({State.SUCCESS, State.FAILED, State.SUSPECT, State.NEW}),
    State.SUSPECT: frozenset({State.SUCCESS, State.FAILED}),
    State.SUCCESS: frozenset({State.REVERSED}),
    State.FAILED: frozenset(),
    State.REVERSED: frozenset(),
}

OPEN_STATES = frozenset({State.NEW, State.SENT, State.SUSPECT})


class IllegalTransition(Exception):
    """A state change the journal rules do not allow (a bug, never a user error)."""


def check(from_state: State | None, to_state: State) -> None:
    if to_state not in ALLOWED[from_state]:
        raise IllegalTransition(f"{from_state} -> {to_state} is not allowed")
