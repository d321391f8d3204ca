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
transfers are refused with what to do ("do one Bank+ transaction first"). Each record is sealed
to the secret store (``services.pin_records``): one written into the profile by someone else,
moved from another agent, the quick PIN's file or the sandbox's, or kept from before the seals
counts as none, so the same refusal stands until the agent's next Bank+ success. Wrong PINs go
through ``services.lockout`` (5 in a row: locked 60 s, doubling), one count per agent for the
whole run: a colleague's wrong PINs at the shared kiosk do not shut the next agent out, and
logging out and in does not reset one's own.

Decision: scrypt once per session, not on every payment. Its cost is the point of the file
(each offline guess ~50 ms), but at the counter it was most of Loket's own time per payment.
After a PIN was proven against the stored record (by ``verify``'s scrypt or by ``learn``),
this object keeps, in memory only, an HMAC-SHA256 of that PIN under a random key made at
start (``secrets``), bound to the stored hash it was proven against. Later checks in the
same session compare HMACs in microseconds: the same PIN passes, any other is refused (the
lockout counts it), and ``learn`` derives again only when the PIN differs from the one
known. Nothing of it is ever written: the file still holds only the salted scrypt hash.
Whoever can read this process's memory can recover the PIN from the HMAC and its key (10^6
HMACs take a second), but such a reader already sees the PIN as it is typed and carried
to the Bank+ host, so the verifier adds nothing it could not read anyway; a swap or crash
file may hold it, as it may hold the typed PIN. Guessing at the counter is bounded by the
lockout, never by scrypt's 50 ms, so a fast refusal gives a guesser nothing. A changed or
deleted record (another start of Loket, a copied profile) no longer matches the hash the
verifier is bound to, so scrypt decides again. ``forget`` drops every verifier: logout
and the opening of a shift call it, and so does the wrong PIN that shuts the lockout's door
(someone is guessing: the right PIN, once the wait is over, is scrypt's to judge again); a
new process starts without any. The first payment after them pays the scrypt again.

Decision: ``learn`` never fails. It runs after the Bank+ host confirmed a payment, and an
error out of it was the agent's only news of that payment: a deposit that went through read
as one that failed, and the customer's cash was taken again. A PIN that cannot be kept (the
secret store locked or refusing, the profile's disk full) is logged, never the PIN, and is
simply not known: the next Bank+ success tries again, and meanwhile BCA and the Switcher say
why they cannot check it (``verify``'s own refusal).

Decision: the idle lock keeps the verifier. The lock is a state of the screen inside the
same session, not the end of it: whoever could read this process's memory while the screen
is locked could read it just as well while it is unlocked, so forgetting at the lock hides
nothing from such a reader. What the lock stops is a person at the counter, and after it
every payment still asks for the PIN, checked here, a wrong one counted by the lockout.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from services import pin_records
from services.errors import LoketError, UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from services.lockout import Lockout

if TYPE_CHECKING:
    from services.secrets import SecretStore

log = logging.getLogger(__name__)

FILE = "transaction_pin.json"
PIN_ATTEMPTS = QT_TRANSLATE_NOOP("errors", "percobaan PIN transaksi")  # what the lockout counts


class WrongTransactionPin(UserInputError):
    def __init__(self) -> None:
        super().__init__("pin", QT_TRANSLATE_NOOP("errors", "PIN transaksi salah. Ketik ulang PIN transaksi agen."))


class PinNotProven(LoketError):
    default_message = QT_TRANSLATE_NOOP(
        "errors", "PIN transaksi agen belum dikenal di komputer ini. Lakukan dulu satu transaksi Bank+ "
                  "(mis. Setor Tunai atau Transfer) dengan PIN transaksi Anda, lalu ulangi transfer ini.")


class TransactionPins:
    """Salted slow hashes of transaction PINs the Bank+ host accepted, one per agent; and,
    for this session only, a fast verifier of each PIN already proven against its hash."""

    def __init__(self, folder: Path | str, *, secrets_store: SecretStore, sandbox: bool = False,
                 now: Callable[[], float] = time.monotonic) -> None:
        """``secrets_store`` keeps the key that seals the records (``pin_records``);
        ``sandbox``: the file is the sandbox's, whose records do not verify in the live one's
        (a PIN the simulated Bank+ accepts proves nothing to BCA); ``now``: the lockout's clock."""
        self.path = Path(folder) / FILE
        self._file = pin_records.PinFile(self.path, secrets_store, f"sandbox/{FILE}" if sandbox else FILE)
        self._lock = threading.Lock()
        self._now = now
        self._lockouts: dict[str, Lockout] = {}  # agent: their wrong PINs in a row and the wait
        self._key = secrets.token_bytes(32)  # in memory only, a new one each start
        self._proven: dict[str, tuple[str, bytes]] = {}  # agent: (stored hash it matched, HMAC of the PIN)
        self._forgotten = 0  # how many times ``forget`` ran: a check begun before one keeps nothing

    def learn(self, agent: str, pin: str) -> None:
        """``pin`` was just accepted by the Bank+ host for ``agent``: remember its hash. Never
        raises for a PIN it cannot keep (logged): the payment's outcome is the host's."""
        try:
            self._learn(agent, pin)
        except (LoketError, OSError) as exc:
            log.warning("transaction PIN of agent %r not kept on this computer (%s%s): BCA and Switcher "
                        "transfers cannot check it yet", agent, type(exc).__name__,
                        f" from {type(exc.__cause__).__name__}" if exc.__cause__ else "")

    def _learn(self, agent: str, pin: str) -> None:
        forgotten = self._forgotten
        with self._lock:
            known = self._file.get(agent)
            if known is not None:
                same = self._known(agent, known, pin)
                if same or (same is None and pin_records.matches(known, pin)):
                    self._remember(agent, known, pin, forgotten)
                    return  # already known: no write, no new salt
            self._remember(agent, self._file.put(agent, pin), pin, forgotten)

    def proven(self, agent: str) -> bool:
        """Whether a PIN of ``agent`` was proven on this computer (a sealed record to check
        against): without one, ``verify`` refuses every PIN (``PinNotProven``). Reads the file."""
        return self._file.get(agent) is not None

    def verify(self, agent: str, pin: str) -> None:
        """Raises ``PinNotProven`` or ``WrongTransactionPin`` (counted by ``agent``'s lockout)."""
        lockout = self._lockout(agent)
        try:
            lockout.guard(self._verify, wrong=(WrongTransactionPin,))(agent, pin)
        except WrongTransactionPin:
            if lockout.remaining():
                self.forget()
            raise

    def _lockout(self, agent: str) -> Lockout:
        """``agent``'s own back-off: a PIN is checked against the logged-in agent's record
        only, so wrong PINs are guesses at that agent's PIN, and at a kiosk the agents share
        a colleague's mistakes must not shut the next agent out. Kept for the whole run, so
        logging out and in again does not reset it."""
        with self._lock:
            lockout = self._lockouts.get(agent)
            if lockout is None:
                lockout = self._lockouts[agent] = Lockout(what=PIN_ATTEMPTS, now=self._now)
            return lockout

    def forget(self) -> None:
        """Drop every in-memory verifier (logout, a new shift, the lockout): the next check
        pays the scrypt."""
        with self._lock:
            self._proven.clear()
            self._forgotten += 1

    def _verify(self, agent: str, pin: str) -> None:
        forgotten = self._forgotten
        record = self._file.get(agent)
        if record is None:  # none, or one whose seal does not verify (``pin_records``)
            raise PinNotProven()
        same = self._known(agent, record, pin)
        if same is None:
            same = pin_records.matches(record, pin)
            if same:
                with self._lock:
                    self._remember(agent, record, pin, forgotten)
        if not same:
            raise WrongTransactionPin()

    def _tag(self, pin: str) -> bytes:
        return hmac.new(self._key, pin.encode("utf-8"), hashlib.sha256).digest()

    def _known(self, agent: str, record: dict, pin: str) -> bool | None:
        """Whether ``pin`` is the PIN proven against this very ``record`` in this session;
        None when no PIN was (then only scrypt can tell)."""
        proven = self._proven.get(agent)
        if proven is None or proven[0] != record.get("hash"):
            return None
        return isinstance(pin, str) and hmac.compare_digest(proven[1], self._tag(pin))

    def _remember(self, agent: str, record: dict, pin: str, forgotten: int) -> None:
        """Under ``_lock``: ``pin`` matched ``record``; unless ``forget`` ran meanwhile."""
        if forgotten == self._forgotten:
            self._proven[agent] = (record["hash"], self._tag(pin))
