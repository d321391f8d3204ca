"""The agent's quick PIN: a local six-digit code that unlocks the idle lock screen.

It never leaves the kiosk and is not the bank's transaction PIN. Stored in the profile as
``quick_pin.json`` holding only a salted scrypt hash, with the same key-derivation function
and cost as the supervisor PINs (``services.dayclose.supervisor``): one place decides how
slow a guess is. The PIN itself is never written anywhere.

One quick PIN per agent (the file holds ``{username: record}``, as ``transaction_pin.json``
does), checked against whoever is logged in (``agent``): one for the whole profile let the
quick PIN a colleague set in their own session open the lock screen over another agent's
session, and that agent's customers' data, on a kiosk the agents share. A file of the
former shape (one record, no agent) opens nothing: the agent sets the quick PIN again. Each
record is sealed to the secret store (``services.pin_records``): one not sealed, or sealed
for another agent or file, opens nothing either.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from services import pin_records
from services.errors import LoketError, UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.validation import is_digits

if TYPE_CHECKING:
    from services.secrets import SecretStore

log = logging.getLogger(__name__)

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
    def __init__(self, folder: Path | str, *, secrets_store: SecretStore,
                 agent: Callable[[], str] = lambda: "") -> None:
        """``secrets_store`` keeps the key that seals the records (``pin_records``); ``agent``:
        the username logged in now (the quick PIN set and checked is theirs)."""
        self.path = Path(folder) / FILE
        self._file = pin_records.PinFile(self.path, secrets_store, FILE)
        self.agent = agent
        self._lock = threading.Lock()

    def read_key(self) -> None:
        """Read the seal's key from the secret store into memory, in the worker at the start
        of the session, for ``is_set(ask_store=False)``; a store that fails is logged (the lock
        then asks for the password)."""
        try:
            self._file.read_key()
        except LoketError as exc:
            log.warning("quick PIN seal's key not read: %s", type(exc).__name__)

    def is_set(self, *, ask_store: bool = True) -> bool:
        """Whether the logged-in agent has a quick PIN that can be checked now; False when the
        secret store does not answer (logged).

        Decision: the idle lock asks this as it covers the window, on the GUI thread, which
        must never wait on the secret store (the Credential Manager, a Secret Service that can
        block); it asks with ``ask_store`` False, and the seal's key comes from memory only:
        read by ``read_key`` in the worker when the session's window was built. Not there (the
        store failed then) the answer is False and the lock asks for the password, which the
        bank checks: a store that failed once raised out of the cover, and the window stayed
        open."""
        try:
            return self._file.get(self.agent(), ask_store=ask_store) is not None
        except LoketError as exc:
            log.warning("quick PIN not offered: %s", type(exc).__name__)
            return False

    def set(self, pin: str, confirm: str) -> None:
        check_shape(pin)
        if confirm != pin:
            raise UserInputError("quick_pin_confirm", QT_TRANSLATE_NOOP("errors", "Ulangi PIN cepat yang sama persis."))
        with self._lock:
            self._file.put(self.agent(), pin)

    def clear(self) -> None:
        with self._lock:
            self._file.remove(self.agent())

    def verify(self, pin: str) -> bool:
        """Whether ``pin`` is the logged-in agent's quick PIN (False when they set none, the
        file is unreadable, or their record's seal does not verify: ``pin_records``)."""
        return pin_records.matches(self._file.get(self.agent()), pin)
