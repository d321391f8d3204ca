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

import hmac
import json
import os
import secrets
import threading
from pathlib import Path
from typing import Callable

from services.dayclose.supervisor import KDF
from services.dayclose.supervisor import _derive as derive
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

    def _records(self) -> dict:
        try:
            records = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return records if isinstance(records, dict) else {}

    def is_set(self) -> bool:
        return isinstance(self._records().get(self.agent()), dict)

    def set(self, pin: str, confirm: str) -> None:
        check_shape(pin)
        if confirm != pin:
            raise UserInputError("quick_pin_confirm", QT_TRANSLATE_NOOP("errors", "Ulangi PIN cepat yang sama persis."))
        salt = secrets.token_bytes(16)
        record = {"kdf": KDF, "salt": salt.hex(), "hash": derive(pin, salt).hex()}
        with self._lock:
            records = {k: v for k, v in self._records().items() if isinstance(v, dict)}
            records[self.agent()] = record
            self._write(records)

    def clear(self) -> None:
        with self._lock:
            records = self._records()
            records.pop(self.agent(), None)
            self._write(records)

    def _write(self, records: dict) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(records), encoding="utf-8")
        os.replace(tmp, self.path)

    def verify(self, pin: str) -> bool:
        """Whether ``pin`` is the logged-in agent's quick PIN (False when they set none or
        the file is unreadable)."""
        try:
            record = self._records()[self.agent()]
            salt, stored = bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])
        except (OSError, ValueError, KeyError, TypeError):
            return False
        if record.get("kdf") != KDF or not is_digits(pin):
            return False
        return hmac.compare_digest(derive(pin, salt), stored)
