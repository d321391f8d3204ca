"""The agent's quick PIN: a local six-digit code that unlocks the idle lock screen.

It never leaves the kiosk and is not the bank's transaction PIN. Stored in the profile as
``quick_pin.json`` holding only a salted scrypt hash, with the same key-derivation function
and cost as the supervisor PINs (``services.dayclose.supervisor``): one place decides how
slow a guess is. The PIN itself is never written anywhere.

One quick PIN per agent (the file holds ``{username: record}``, as ``transaction_pin.json``
does), checked against whoever is logged in (``agent``): one for the whole profile let the
quick PIN a colleague set in their own session open the lock screen over another agent's
session, and that agent's customers' data, on a kiosk the agents share. A file of the
former shape (one record, no agent) opens nothing: the agent sets the quick PIN again.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from services import pin_records
from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.validation import is_digits

LENGTH = 6
FILE = "quick_pin.json"


class WrongQuickPin(UserInputError):
    """Shown at the quick PIN field; counts as a wrong try (``services.lockout``)."""

    def __init__(self) -> None:
        super().__init__("quick_pin", QT_TRANSLATE_NOOP("errors", "PIN cepat salah."))


def check_shape(pin: str, field: str = "quick_pin") -> str:
    if not isinstance(pin, str) or not is_digits(pin) or len(pin) != LENGTH:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "PIN cepat harus {LENGTH} angka."), LENGTH=LENGTH))
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        raise UserInputError(field, QT_TRANSLATE_NOOP("errors",
                                                      "PIN cepat terlalu mudah ditebak (angka sama atau berurutan)."))
    return pin


class QuickPin:
    def __init__(self, folder: Path | str, *, agent: Callable[[], str] = lambda: "") -> None:
        """``agent``: the username logged in now (the quick PIN set and checked is theirs)."""
        self.path = Path(folder) / FILE
        self.agent = agent
        self._lock = threading.Lock()

    def is_set(self) -> bool:
        return isinstance(pin_records.read(self.path).get(self.agent()), dict)

    def set(self, pin: str, confirm: str) -> None:
        check_shape(pin)
        if confirm != pin:
            raise UserInputError("quick_pin_confirm", QT_TRANSLATE_NOOP("errors", "Ulangi PIN cepat yang sama persis."))
        record = pin_records.record(pin)
        with self._lock:
            records = {k: v for k, v in pin_records.read(self.path).items() if isinstance(v, dict)}
            records[self.agent()] = record
            pin_records.write(self.path, records)

    def clear(self) -> None:
        with self._lock:
            records = pin_records.read(self.path)
            records.pop(self.agent(), None)
            pin_records.write(self.path, records)

    def verify(self, pin: str) -> bool:
        """Whether ``pin`` is the logged-in agent's quick PIN (False when they set none or
        the file is unreadable)."""
        return pin_records.matches(pin_records.read(self.path).get(self.agent()), pin)
