"""Reference reuse for a payment that provably never left the machine.

When the runner raises ``NotSent`` the journal row goes back to NEW and the error carries
its reference. Pressing the button again with the *same* inputs must send that same
reference (so a retry can never pay twice); changing the inputs starts a new transaction.
Any other outcome forgets the reference: FAILED and SUSPECT rows are never re-sent.
"""

from __future__ import annotations

from typing import Hashable

from services.errors import NotSent


class PaymentAttempt:
    def __init__(self) -> None:
        self._key: Hashable | None = None
        self._reference: str | None = None

    def reference_for(self, key: Hashable) -> str | None:
        """The reference to send with ``key``'s inputs: the unsent one, or None for a fresh one."""
        return self._reference if key == self._key else None

    def failed(self, key: Hashable, exc: BaseException) -> None:
        reference = getattr(exc, "reference", None)
        if isinstance(exc, NotSent) and reference:
            self._key, self._reference = key, reference
        else:
            self.clear()

    def clear(self) -> None:
        self._key = self._reference = None
