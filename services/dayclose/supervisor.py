"""The supervisor PIN and the approvals it gives.

A supervisor PIN is set in Settings (the first one at the first start, as a deliberate step:
the supervisor, someone other than the agent, types it; ``ui/screens/supervisor.py``) and
stored only as a salted slow hash: scrypt
(n=2^14, r=8, p=1, 32 bytes; about 50 ms and 16 MB per try, so guessing the 10^6 six-digit
PINs from a stolen journal costs hours per supervisor instead of a second) with 16 random
bytes of salt per PIN, compared in constant time. The PIN itself is never written
anywhere, and neither is anything derived from it without its salt.

A PIN approves, by ``action``:

* ``close_with_open_items``  closing a day while NEW/SENT/SUSPECT rows are open
* ``reprint_after_close``    reprinting or re-exporting a closed day's Laporan Z
* ``cash_correction``        a cash correction in the drawer
* ``cash_variance``          closing a day whose count differs from the expected cash, the
                             agent's note on the difference as the reason and the count's
                             figures as the subject (``services.dayclose.flow.variance_subject``)
* ``handover_variance``      a drawer handover (Serah Terima Kas) whose blind count differs from
                             what the drawer should hold, the incoming agent's note as the
                             reason and the handover's figures as the subject
                             (``services.dayclose.handover.handover_subject``)
* ``reopen_day``             reopening a sealed day
* ``change_supervisor_pin``  setting a supervisor PIN once one exists
* ``show_expected_cash``     exporting a Laporan X with the drawer's expected cash before the
                             day's blind count (``services.dayclose.blind``)
* ``open_settings``          opening a settings screen (``ui/supervisor_gate.py``)
* ``reversal``               reversing a Switcher transfer (``services.hosts.switcher``), with the
                             transfer's reference as the approval's subject
* ``issue_recovery_code``    issuing a new recovery code (``services.dayclose.recovery``), which
                             supersedes the one on the owner's paper

The first supervisor needs no PIN to approve it (there is none yet), so its setting is
recorded as an approval by that supervisor (``first_supervisor``), naming the agent who was
logged in: a one-person counter that names itself its own supervisor leaves that on the
record and on Laporan Z. A supervisor registered while no recovery code is in force gets one
issued with it, under the registration's own approval; a new code issued on demand is the
approval ``issue_recovery_code`` (it makes the owner's paper void); a PIN set with the
owner's recovery code is the approval ``recovery_code_reset`` (``recover``), both naming the
agent who was logged in.

Every approval is a row (approver, action, reason, business date, subject, time) that is
never changed or deleted. Every attempt, right or wrong, is a row of ``supervisor_attempt``
(action, subject, ok, time); a wrong PIN raises ``InvalidSupervisorPin``. One PIN may approve
several actions at once (``approve_together``: Tutup Hari of a day with a cash difference and
open transactions): one attempt, whose action names them all ("cash_variance+close_with_open_
items"), and an approval row for each, each subject naming everything that PIN approved. After
``ATTEMPT_LIMIT`` wrong attempts in a row, no PIN is checked until a wait has passed (60 s,
doubling with each further wrong one, at most an hour: ``services.lockout.wait_after``); the
recovery code's tries have the same back-off, counted apart (``_check_attempts``).
The count lives in the journal file, so a command line run per guess meets it too.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Sequence

from services import heap
from services.approval_words import (
    FIRST_SUPERVISOR_SET,
    PIN_CHANGED,
    RECOVERY_ISSUED,
    RECOVERY_USED,
    UNKNOWN_AGENT,
)
from services.clock import Clock, iso
from services.dayclose import recovery
from services.dayclose.recovery import InvalidRecoveryCode, NoRecoveryCode
from services.errors import LoketError, UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal
from services.lockout import LockedOut, wait_after
from services.validation import is_digits

CLOSE_WITH_OPEN_ITEMS = "close_with_open_items"
REPRINT_AFTER_CLOSE = "reprint_after_close"
CASH_CORRECTION = "cash_correction"
CASH_VARIANCE = "cash_variance"
HANDOVER_VARIANCE = "handover_variance"
REOPEN_DAY = "reopen_day"
CHANGE_PIN = "change_supervisor_pin"
SHOW_EXPECTED_CASH = "show_expected_cash"
OPEN_SETTINGS = "open_settings"
REVERSAL = "reversal"
FIRST_SUPERVISOR = "first_supervisor"
ISSUE_RECOVERY_CODE = "issue_recovery_code"
RECOVERY_RESET = "recovery_code_reset"  # a PIN set with the owner's recovery code (no PIN approves it)
ACTIONS = frozenset({CLOSE_WITH_OPEN_ITEMS, REPRINT_AFTER_CLOSE, CASH_CORRECTION, CASH_VARIANCE, HANDOVER_VARIANCE,
                     REOPEN_DAY, CHANGE_PIN, SHOW_EXPECTED_CASH, OPEN_SETTINGS, REVERSAL, ISSUE_RECOVERY_CODE})

# What each action is called on a report or a screen: the report (paper, PDF, CSV, the sealed
# Laporan Z) keeps the Indonesian; a screen shows it in the agent's language ("approvals").
ACTION_LABELS = {
    CLOSE_WITH_OPEN_ITEMS: QT_TRANSLATE_NOOP("approvals", "Tutup hari dengan transaksi menggantung"),
    REPRINT_AFTER_CLOSE: QT_TRANSLATE_NOOP("approvals", "Cetak/ekspor ulang laporan"),
    CASH_CORRECTION: QT_TRANSLATE_NOOP("approvals", "Koreksi kas"),
    CASH_VARIANCE: QT_TRANSLATE_NOOP("approvals", "Tutup hari dengan selisih kas"),
    HANDOVER_VARIANCE: QT_TRANSLATE_NOOP("approvals", "Serah terima kas dengan selisih"),
    REOPEN_DAY: QT_TRANSLATE_NOOP("approvals", "Buka kembali hari"),
    CHANGE_PIN: QT_TRANSLATE_NOOP("approvals", "Ganti PIN supervisor"),
    SHOW_EXPECTED_CASH: QT_TRANSLATE_NOOP("approvals", "Ekspor Laporan X dengan kas seharusnya sebelum hitung"),
    OPEN_SETTINGS: QT_TRANSLATE_NOOP("approvals", "Buka pengaturan"),
    REVERSAL: QT_TRANSLATE_NOOP("approvals", "Reversal transfer"),
    FIRST_SUPERVISOR: QT_TRANSLATE_NOOP("approvals", "Supervisor pertama diatur"),
    ISSUE_RECOVERY_CODE: QT_TRANSLATE_NOOP("approvals", "Kode pemulihan baru dibuat"),
    RECOVERY_RESET: QT_TRANSLATE_NOOP("approvals", "PIN supervisor diatur dengan kode pemulihan"),
}

_N, _R, _P, _LEN = 2**14, 8, 1, 32
KDF = f"scrypt:n={_N},r={_R},p={_P}"
PIN_MIN, PIN_MAX = 6, 8


class InvalidSupervisorPin(LoketError):
    default_message = QT_TRANSLATE_NOOP("errors", "PIN supervisor salah. Minta supervisor memasukkan PIN-nya sendiri.")


class NoSupervisor(LoketError):
    default_message = QT_TRANSLATE_NOOP("errors",
                                        "Belum ada PIN supervisor. Minta supervisor mengaturnya di Pengaturan.")


@dataclass(frozen=True)
class Approval:
    id: int
    approver: str
    action: str
    reason: str
    business_date: str
    subject: str
    at: str


def _derive(pin: str, salt: bytes) -> bytes:
    heap.map_large_blocks()  # its 16 MiB of working memory go back when freed, not kept all day
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, maxmem=64 * 1024 * 1024, dklen=_LEN)


def _hashed(secret: str) -> tuple[str, str]:
    """(salt, hash), hex, of ``secret`` with a fresh salt: what the journal keeps of it."""
    salt = secrets.token_bytes(16)
    return salt.hex(), _derive(secret, salt).hex()


def _check_pin_shape(pin: str) -> str:
    if not is_digits(pin) or not PIN_MIN <= len(pin) <= PIN_MAX:
        raise UserInputError("pin", templated(QT_TRANSLATE_NOOP("errors", "PIN supervisor {PIN_MIN}-{PIN_MAX} "
                                                                          "angka."), PIN_MIN=PIN_MIN, PIN_MAX=PIN_MAX))
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        raise UserInputError("pin", QT_TRANSLATE_NOOP("errors", "PIN supervisor terlalu mudah ditebak (angka sama "
                                                                "atau berurutan)."))
    return pin


ATTEMPT_LIMIT = 5
SUPERVISOR_PINS = QT_TRANSLATE_NOOP("errors", "PIN supervisor")  # what the back-off counts (``LockedOut``)
RECOVERY_CODES = QT_TRANSLATE_NOOP("errors", "kode pemulihan")  # what the recovery's own back-off counts
RIGHT, WRONG, REFUSED = 1, 0, -1  # supervisor_attempt.ok


class Supervisors:
    """Supervisor PINs and approvals in the journal file.

    ``conn`` is the journal (its ``execute`` reads); ``write`` runs a function inside one
    journal transaction; ``business_day`` names today's business date.
    """

    def __init__(self, conn: "Journal", write: Callable, clock: Clock,
                 business_day: Callable[[], str]) -> None:
        self._conn = conn
        self._write = write
        self._clock = clock
        self._business_day = business_day

    def names(self) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT name FROM supervisor WHERE replaced_at IS NULL ORDER BY name")]

    def has_supervisor(self) -> bool:
        return bool(self.names())

    def set_pin(self, name: str, pin: str, *, current_pin: str | None = None, reason: str = "",
                set_by: str = "", agent_name: str = "") -> str | None:
        """Set ``name``'s PIN. Once any supervisor exists, a current supervisor PIN approves it;
        the first is recorded as its own approval naming ``set_by``, the agent logged in
        (username; ``agent_name`` is the agent's name), who cannot be that supervisor.

        A new supervisor registered while no recovery code is in force comes with one: the
        code (grouped, to be shown once and never again) is returned; None otherwise."""
        name = " ".join((name or "").split())
        set_by = " ".join((set_by or "").split())
        if not name:
            raise UserInputError("name", QT_TRANSLATE_NOOP("errors", "Nama supervisor wajib diisi."))
        if name.casefold() in {" ".join(n.split()).casefold() for n in (set_by, agent_name) if n and n.strip()}:
            raise UserInputError("name", QT_TRANSLATE_NOOP("errors", "Supervisor harus orang lain, bukan petugas "
                                                                     "yang sedang masuk."))
        _check_pin_shape(pin)
        first = not self.has_supervisor()
        if not first and current_pin is None:
            raise InvalidSupervisorPin(QT_TRANSLATE_NOOP("errors", "Masukkan PIN supervisor yang berlaku untuk "
                                                                   "mengganti PIN."))
        registered = name not in self.names()
        code = recovery.new_code() if registered and self.recovery_issued_at() is None else None
        code_record = _hashed(recovery.normalized(code)) if code else None
        salt = secrets.token_bytes(16)
        digest = _derive(pin, salt).hex()
        at = iso(self._clock.now())
        day = self._business_day()
        issued: list[str | None] = []

        def work(approved: Approval | None) -> None:
            supervisor_id = self._insert_pin(name, salt.hex(), digest, at)
            approval_id = approved.id if approved is not None else self._insert_approval(
                supervisor_id, name, FIRST_SUPERVISOR, FIRST_SUPERVISOR_SET.format(name=set_by or UNKNOWN_AGENT), day,
                name, at)
            if code_record is None or self._code_in_force() is not None:  # another process issued one meanwhile
                issued.append(None)
                return
            self._insert_code(code_record, approval_id, at)  # under the registration's own approval
            issued.append(code)

        if first:
            self._write(lambda: work(None))
        else:  # the new PIN in the approval's transaction: never a change on record that did not happen
            assert current_pin is not None
            self.approve(current_pin, reason or PIN_CHANGED.format(name=name), CHANGE_PIN, subject=name, then=work)
        return issued[0]

    def _insert_pin(self, name: str, salt: str, digest: str, at: str) -> int:
        """``name``'s new PIN row, replacing the one in force (inside the caller's transaction)."""
        self._conn.execute("UPDATE supervisor SET replaced_at=? WHERE name=? AND replaced_at IS NULL", (at, name))
        supervisor_id: int = self._conn.execute(
            "INSERT INTO supervisor(name, salt, pin_hash, kdf, created_at) VALUES (?, ?, ?, ?, ?)",
            (name, salt, digest, KDF, at)).lastrowid
        return supervisor_id

    # -- the owner's recovery code (services/dayclose/recovery.py) --------------------------
    def _code_in_force(self) -> tuple[int, str] | None:
        """(id, issued_at) of the latest recovery code when it is not spent."""
        row = self._conn.execute(
            "SELECT c.id, c.issued_at FROM recovery_code c WHERE c.id = (SELECT MAX(id) FROM recovery_code)"
            " AND NOT EXISTS (SELECT 1 FROM recovery_use u WHERE u.code_id = c.id)").fetchone()
        return (row[0], row[1]) if row else None

    def recovery_issued_at(self) -> str | None:
        """When the recovery code in force was issued; None: there is none (never issued, or spent)."""
        found = self._code_in_force()
        return found[1] if found else None

    def _insert_code(self, record: tuple[str, str], approval_id: int, at: str) -> None:
        self._conn.execute("INSERT INTO recovery_code(salt, code_hash, kdf, approval_id, issued_at)"
                           " VALUES (?, ?, ?, ?, ?)", (*record, KDF, approval_id, at))

    def issue_recovery_code(self, pin: str, *, set_by: str = "") -> str:
        """A new recovery code, approved by a supervisor ``pin``; it supersedes the one before.
        Returned grouped, to be shown once: only its salted hash is kept."""
        code = recovery.new_code()
        record = _hashed(recovery.normalized(code))
        # in the approval's transaction: a failure between them left "a new code exists" on the
        # record (the owner's paper void) while the paper's code was still the one in force
        self.approve(pin, RECOVERY_ISSUED.format(name=set_by or UNKNOWN_AGENT), ISSUE_RECOVERY_CODE,
                     then=lambda approval: self._insert_code(record, approval.id, approval.at))
        return code

    def recover(self, code: str, name: str, pin: str, *, set_by: str = "") -> None:
        """Set supervisor ``name``'s PIN with the owner's recovery code, which is then spent.

        The name must be a supervisor's and the PIN well formed, and the code must look like
        one, before anything is checked; then the try is a supervisor attempt (the back-off,
        recorded). The code in force sets the PIN and is spent; one spent or superseded says
        so (and counts as a wrong try: it opens nothing)."""
        canonical = {n.casefold(): n for n in self.names()}
        if not canonical:
            raise NoSupervisor()
        name = canonical.get(" ".join((name or "").split()).casefold(), "")
        if not name:
            raise UserInputError("name", QT_TRANSLATE_NOOP("errors", "Pilih nama supervisor yang terdaftar."))
        _check_pin_shape(pin)
        typed = recovery.normalized(code)
        codes = self._conn.execute(
            "SELECT c.id, c.salt, c.code_hash, EXISTS (SELECT 1 FROM recovery_use u WHERE u.code_id = c.id)"
            " FROM recovery_code c ORDER BY c.id DESC LIMIT 5").fetchall()
        if not codes:
            raise NoRecoveryCode()
        try:
            self._check_attempts(recovery=True)
        except LockedOut:
            self._record_attempt(RECOVERY_RESET, name, REFUSED)
            raise
        found = None
        for position, (code_id, salt, stored, spent) in enumerate(codes):  # every one tried: no early exit
            if hmac.compare_digest(_derive(typed, bytes.fromhex(salt)), bytes.fromhex(stored)) and found is None:
                found = (position, code_id, bool(spent))
        usable = found is not None and found[0] == 0 and not found[2]
        self._record_attempt(RECOVERY_RESET, name, RIGHT if usable else WRONG)
        if found is None:
            raise InvalidRecoveryCode()
        if not usable:
            raise InvalidRecoveryCode(recovery.SPENT if found[2] else recovery.SUPERSEDED)
        code_id = found[1]
        salt = secrets.token_bytes(16)
        digest = _derive(pin, salt).hex()
        at = iso(self._clock.now())
        day = self._business_day()

        def work() -> None:
            if self._code_in_force() != (code_id, self._issued_at(code_id)):  # spent or superseded meanwhile
                raise InvalidRecoveryCode(recovery.SPENT)
            supervisor_id = self._insert_pin(name, salt.hex(), digest, at)
            approval_id = self._insert_approval(supervisor_id, name, RECOVERY_RESET,
                                                RECOVERY_USED.format(name=set_by or UNKNOWN_AGENT), day, name, at)
            self._conn.execute("INSERT INTO recovery_use(code_id, approval_id, at) VALUES (?, ?, ?)",
                               (code_id, approval_id, at))

        self._write(work)

    def _issued_at(self, code_id: int) -> str:
        return str(self._conn.execute("SELECT issued_at FROM recovery_code WHERE id=?", (code_id,)).fetchone()[0])

    def approver(self, action: str) -> Callable[[str, str, str], str | None]:
        """``(pin, reason, subject) -> the approving supervisor's name, or None``, each
        approval recorded with the reason given and what it approves (the Switcher reversal:
        the transfer's reference), so the day's list of approvals says which transfer."""
        def check(pin: str, reason: str, subject: str) -> str | None:
            try:
                return self.approve(pin, reason, action, subject=subject).approver
            except InvalidSupervisorPin:
                return None

        return check

    def _check_attempts(self, *, recovery: bool = False) -> None:
        """Refuse while the back-off after repeated wrong PINs runs (``LockedOut``); with
        ``recovery``, the one after repeated wrong recovery codes.

        Decision: the two are counted apart (each after the last right try of either, which
        sets or proves a PIN). The code is the way back when the PIN is forgotten, which
        comes after wrong PINs: counted together, a supervisor who guessed eight times waited
        8 minutes for the owner's code too (up to an hour), at Tutup Hari. Apart, nothing is
        gained by an attacker: a code guess says nothing about the PIN and the code's ~90 bits
        need no help from the PINs' count (its own back-off stands against a code half seen),
        and a mistyped 20-letter code no longer shuts every PIN prompt.

        Decision: the wait is counted on the wall clock, as the count lives in the journal
        (a command line run per guess meets it too), and a clock that went back since the
        last wrong PIN ends it. Counted from a moment now in the future, the wait was as long
        as the clock went back plus the wait itself: a kiosk clock an hour fast, put right by
        Windows, kept the supervisor out of Tutup Hari for an hour. Whoever can move the
        clock back can move it forward, which ends the wait anyway."""
        rows = self._conn.execute(
            "SELECT at FROM supervisor_attempt WHERE ok=0 AND (action = ?) = ? AND id > COALESCE("
            "(SELECT MAX(id) FROM supervisor_attempt WHERE ok=1), 0) ORDER BY id",
            (RECOVERY_RESET, int(recovery))).fetchall()
        wait = wait_after(len(rows), limit=ATTEMPT_LIMIT)
        if not wait:
            return
        elapsed = (self._clock.now() - datetime.fromisoformat(rows[-1][0])).total_seconds()
        if 0 <= elapsed < wait:
            raise LockedOut(int(wait - elapsed + 0.999), RECOVERY_CODES if recovery else SUPERVISOR_PINS)

    def _record_attempt(self, action: str, subject: str, outcome: int) -> None:
        at = iso(self._clock.now())
        self._write(lambda: self._conn.execute(
            "INSERT INTO supervisor_attempt(action, subject, ok, at) VALUES (?, ?, ?, ?)",
            (action, subject[:200], outcome, at)))

    def _attempt(self, pin: object, action: str, subject: str) -> tuple[int, str] | None:
        """Check ``pin`` behind the back-off and record the attempt; the match or None.

        An attempt refused by the back-off is recorded too (``ok`` -1, the PIN unchecked);
        it does not lengthen the wait."""
        try:
            self._check_attempts()
        except LockedOut:
            self._record_attempt(action, subject, REFUSED)
            raise
        match = self._match(pin) if is_digits(pin) else None
        self._record_attempt(action, subject, RIGHT if match is not None else WRONG)
        return match

    def attempts(self) -> list[tuple[str, str, int, str]]:
        """Every attempt: (action, subject, outcome, time), oldest first; outcome is
        ``RIGHT`` (1), ``WRONG`` (0) or ``REFUSED`` (-1, during the back-off)."""
        return [tuple(r) for r in self._conn.execute(
            "SELECT action, subject, ok, at FROM supervisor_attempt ORDER BY id")]

    def _match(self, pin: str) -> tuple[int, str] | None:
        """The supervisor whose PIN this is. Every active hash is tried (no early exit)."""
        found = None
        rows = self._conn.execute(
            "SELECT id, name, salt, pin_hash FROM supervisor WHERE replaced_at IS NULL ORDER BY id").fetchall()
        if not rows:
            raise NoSupervisor()
        for sid, name, salt, stored in rows:
            if hmac.compare_digest(_derive(pin, bytes.fromhex(salt)), bytes.fromhex(stored)) and found is None:
                found = (sid, name)
        return found

    def approve(self, pin: str, reason: str, action: str, *, subject: str = "",
                business_date: str | None = None, then: Callable[[Approval], None] | None = None) -> Approval:
        """Check ``pin`` and record who approved ``action`` and why; raises on a wrong PIN.

        ``then``: what the approval is for, written in the approval's own journal transaction
        (reopening a day: the ``day_reopen`` row names the approval): both are recorded or
        neither, so a failure between them leaves no approval for something that did not happen."""
        done = (lambda made: then(made[0])) if then is not None else None
        return self.approve_together(pin, ((action, reason),), subject=subject, business_date=business_date,
                                     then=done)[0]

    def approve_together(self, pin: str, approvals: Sequence[tuple[str, str]], *, subject: str,
                         business_date: str | None = None,
                         then: Callable[[list[Approval]], None] | None = None) -> list[Approval]:
        """One PIN typed once approving several ``(action, reason)`` at once (Tutup Hari of a
        day with a cash difference and open transactions): one attempt, recorded with every
        action and ``subject``, and, when right, one approval row per action, each with its own
        reason and the same ``subject``, which names everything approved, all in one journal
        transaction: every action is on record as approved, by whom and why, as when each had
        its own PIN. A reason too short for any of them refuses before the PIN is checked."""
        actions = [action for action, _reason in approvals]
        if not actions or any(action not in ACTIONS for action in actions):
            raise ValueError(f"unknown approval action in {actions!r}")
        reasons = [" ".join((reason or "").split()) for _action, reason in approvals]
        if any(len(reason) < 5 for reason in reasons):
            raise UserInputError("reason", QT_TRANSLATE_NOOP("errors",
                                                             "Tulis alasan persetujuan (paling sedikit 5 huruf)."))
        match = self._attempt(pin, "+".join(actions), subject)
        if match is None:
            raise InvalidSupervisorPin()
        supervisor_id, approver = match
        at = iso(self._clock.now())
        day = business_date or self._business_day()

        def work() -> list[Approval]:
            made = [Approval(self._insert_approval(supervisor_id, approver, action, reason, day, subject, at),
                             approver, action, reason, day, subject, at) for action, reason in zip(actions, reasons)]
            if then is not None:
                then(made)
            return made

        made: list[Approval] = self._write(work)
        return made

    def _insert_approval(self, supervisor_id: int, approver: str, action: str, reason: str, day: str,
                         subject: str, at: str) -> int:
        """One approval row (inside the caller's journal transaction); its id."""
        return self._conn.execute(
            "INSERT INTO approval(supervisor_id, approver, action, reason, business_date, subject, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", (supervisor_id, approver, action, reason, day, subject, at)).lastrowid

    def approvals(self, business_date: str | None = None) -> list[Approval]:
        sql = "SELECT id, approver, action, reason, business_date, subject, at FROM approval"
        rows = (self._conn.execute(sql + " WHERE business_date=? ORDER BY id", (business_date,))
                if business_date else self._conn.execute(sql + " ORDER BY id"))
        return [Approval(*r) for r in rows]
