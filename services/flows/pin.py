"""The agent's transaction PIN for hosts whose API carries no PIN (BCA SNAP, the Switcher).

Every money-moving transaction asks for the agent's transaction PIN, so an unlocked counter
cannot send money with one click. Bank+ and BNI Keagenan check it themselves (it travels in
the request). BCA SNAP's transfer and the Bank+ Switcher's transfer have no PIN field, and
Bank+ has no call that only checks a PIN (every PIN-bearing call moves money or reads a
customer's balance with the *customer's* PIN). So the PIN is checked here, locally.

Decision: the local check knows only what the Bank+ host has proven. When a Bank+
transaction carrying the agent's PIN SUCCEEDS, ``learn`` keeps a salted scrypt hash of that
PIN for that agent (the same KDF and cost as the supervisor and quick PINs,
``services.dayclose.supervisor``: ~50 ms and 16 MB per guess). ``verify`` compares against
it. The PIN itself is never written anywhere. A copied file can still be guessed offline
(a million six-digit PINs at ~50 ms is about 14 CPU-hours): the defence is that a PIN alone
moves nothing, as no host takes one without the agent's password and session. A changed PIN
is learned again from the next Bank+ success. Until a PIN has been proven on this computer BCA and Switcher
transfers are refused with what to do ("do one Bank+ transaction first"). Wrong PINs go
through ``services.lockout`` (5 in a row: locked 60 s, doubling).
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
import threading
from pathlib import Path

from services.dayclose.supervisor import KDF
from services.dayclose.supervisor import _derive as derive
from services.errors import LoketError, UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from services.lockout import Lockout
from services.validation import is_digits

FILE = "transaction_pin.json"


class WrongTransactionPin(UserInputError):
    def __init__(self) -> None:
        super().__init__("pin", QT_TRANSLATE_NOOP("errors", "PIN transaksi salah. Ketik ulang PIN transaksi agen."))


class PinNotProven(LoketError):
    default_message = QT_TRANSLATE_NOOP(
        "errors", "PIN transaksi agen belum dikenal di komputer ini. Lakukan dulu satu transaksi Bank+ "
                  "(mis. Setor Tunai atau Transfer) dengan PIN transaksi Anda, lalu ulangi transfer ini.")


class TransactionPins:
    """Salted slow hashes of transaction PINs the Bank+ host accepted, one per agent."""

    def __init__(self, folder: Path | str) -> None:
        self.path = Path(folder) / FILE
        self._lock = threading.Lock()
        self._check = Lockout(what="percobaan PIN transaksi").guard(self._verify, wrong=(WrongTransactionPin,))

    def _records(self) -> dict:
        try:
            records = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return records if isinstance(records, dict) else {}

    def learn(self, agent: str, pin: str) -> None:
        """``pin`` was just accepted by the Bank+ host for ``agent``: remember its hash."""
        with self._lock:
            records = self._records()
            known = records.get(agent)
            if isinstance(known, dict) and self._matches(known, pin):
                return  # already known: no write, no new salt
            salt = secrets.token_bytes(16)
            records[agent] = {"kdf": KDF, "salt": salt.hex(), "hash": derive(pin, salt).hex()}
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(records), encoding="utf-8")
            os.replace(tmp, self.path)

    def verify(self, agent: str, pin: str) -> None:
        """Raises ``PinNotProven`` or ``WrongTransactionPin`` (counted by the lockout)."""
        self._check(agent, pin)

    def _verify(self, agent: str, pin: str) -> None:
        record = self._records().get(agent)
        if not isinstance(record, dict):
            raise PinNotProven()
        if not self._matches(record, pin):
            raise WrongTransactionPin()

    @staticmethod
    def _matches(record: dict, pin: str) -> bool:
        try:
            salt, stored = bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])
        except (KeyError, TypeError, ValueError):
            return False
        if record.get("kdf") != KDF or not isinstance(pin, str) or not is_digits(pin):
            return False
        return hmac.compare_digest(derive(pin, salt), stored)
