"""Salted slow hashes of PINs, one record per agent, in a JSON file of the profile: the
transaction PINs the Bank+ host proved (``services.flows.pin``) and the idle lock's quick
PINs (``services.quick_pin``). A record is ``{kdf, salt, hash, mac}`` with the supervisor PINs'
key derivation and cost (``services.dayclose.supervisor``); the PIN itself is never written.

Decision: each record is sealed to this computer's secret store (``services.secrets``: the
Windows Credential Manager on the kiosks). ``mac`` is an HMAC-SHA256, under a random key kept
in the store (``KEY_NAME``), over what the file is for, the agent's username and the record.
Without it, whoever could write the profile folder replaced an agent's record with one made
from a PIN they know and passed BCA's local PIN check as that agent, or moved a record to
another agent, or a quick PIN (a local code, set at the kiosk) into ``transaction_pin.json``.
A record whose seal does not verify is no record: the transaction PIN is "not yet proven on
this computer" (BCA and Switcher transfers ask for one Bank+ transaction first, which proves
and seals it again), the quick PIN is not set (the lock screen opens with the password; the
agent sets it again in Keamanan). It is logged as tampering, naming the agent and the file,
never the PIN or the hash.

Decision: records written before the seal (no ``mac``) are treated the same way, and never
sealed where they lie. Any rule that seals an unsealed record (at the first start of the new
version, or while the key is missing) is a rule an attacker follows too: strip the seal, or
delete the key, and a forged record is sealed as the agent's. The upgrade costs each agent
what a new kiosk costs: one Bank+ transaction before their next BCA or Switcher transfer, and
setting the quick PIN again; nobody is locked out. A lost key (the Windows profile reset,
the secret store restored without it) unseals every record the same way, and is logged so.

The seal is as strong as the store keeps its key: in the Credential Manager it is out of the
profile folder, so a file edited, copied in or restored from elsewhere is caught; but the
Credential Manager answers any program the kiosk's own Windows user runs, so someone who can
run code as that user can read the key and seal a forged record. Stopping them needs the
profile out of that user's write access (a separate Windows account for Loket's data), which
is the kiosk's set-up, not Loket's. With the encrypted-file store (no keyring: CI, bare
Linux), the key sits in ``secrets.bin`` under ``secrets.key`` in the same folder, so the seal
still stops a record moved between agents or files, but not a forger who reads that folder.

Decision: a secret store that does not answer (the Secret Service locked, the Credential
Manager refusing, keyring's or Windows' own errors) is ``SealUnavailable``, a refusal in
Loket's words: no record can be checked or sealed then. The key is kept in memory only once
the store holds it: one made while the store refused it sealed the records of the rest of the
session with a key no later start has, and each was refused as tampered.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from services.dayclose.supervisor import KDF
from services.dayclose.supervisor import _derive as derive
from services.errors import LoketError
from services.files import write_atomically
from services.i18n import QT_TRANSLATE_NOOP
from services.validation import is_digits

if TYPE_CHECKING:
    from services.secrets import SecretStore

log = logging.getLogger(__name__)

KEY_NAME = "pin_records_mac_key"
_KEY_LOCK = threading.Lock()  # one key made, even when two files ask for it at once


class SealUnavailable(LoketError):
    """The secret store that keeps the seal's key did not answer."""

    default_message = QT_TRANSLATE_NOOP(
        "errors", "Penyimpanan rahasia komputer ini (Windows Credential Manager) tidak dapat dibuka, sehingga "
                  "PIN tidak dapat diperiksa atau disimpan sekarang. Coba lagi; bila tetap, hubungi helpdesk.")


def _read(path: Path) -> dict[str, Any]:
    """The records by agent as the file holds them, unchecked; empty when the file is
    missing, unreadable or not a mapping."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return records if isinstance(records, dict) else {}


class PinFile:
    """One file of sealed PIN records (``{username: record}``)."""

    def __init__(self, path: Path, store: SecretStore, purpose: str) -> None:
        """``purpose``: what the file is for, sealed into each record (a record of one file
        does not verify in another)."""
        self.path = path
        self._store = store
        self._purpose = purpose
        self._key: bytes | None = None
        self._reported: set[str] = set()  # the refused records already logged (one line each)

    def get(self, agent: str, *, ask_store: bool = True) -> dict[str, Any] | None:
        """``agent``'s record when its seal verifies; None when there is none or it does not
        (then logged as tampering, once per record). ``ask_store`` False: the seal's key only
        from memory (``read_key``), for the GUI thread, which must never wait on the store;
        ``SealUnavailable`` when it is not there."""
        stored = _read(self.path).get(agent)
        if stored is None:
            return None
        if not ask_store and self._key is None:
            raise SealUnavailable()
        problem = self._problem(agent, stored)
        if problem is None:
            return stored
        seen = json.dumps([agent, stored], sort_keys=True)
        if seen not in self._reported:
            self._reported.add(seen)
            log.warning("PIN record of agent %r in %s refused as tampered: %s; treated as none",
                        agent, self.path.name, problem)
        return None

    def _problem(self, agent: str, stored: Any) -> str | None:
        """Why ``stored`` is not ``agent``'s sealed record; None when it is."""
        if not isinstance(stored, dict) or not isinstance(stored.get("mac"), str):
            return "unsealed (written before seals, or its seal removed)"
        key = self._stored_key()
        if key is None:
            return "no key in the secret store to check its seal"
        mac = stored["mac"]
        if not mac.isascii() or not hmac.compare_digest(mac, self._mac(key, agent, stored)):
            return "its seal does not match (changed, or moved from another agent or file)"
        return None

    def put(self, agent: str, pin: str) -> dict[str, Any]:
        """A new record of ``pin`` (a fresh salt), sealed for ``agent`` and written in place of
        theirs; the other agents' records stay (what is no record at all is dropped)."""
        salt = secrets.token_bytes(16)
        record = {"kdf": KDF, "salt": salt.hex(), "hash": derive(pin, salt).hex()}
        record["mac"] = self._mac(self._sealing_key(), agent, record)
        records = {name: value for name, value in _read(self.path).items() if isinstance(value, dict)}
        records[agent] = record
        self._write(records)
        return record

    def remove(self, agent: str) -> None:
        records = _read(self.path)
        if records.pop(agent, None) is not None:
            self._write(records)

    def _write(self, records: dict[str, Any]) -> None:
        """Atomic: a power cut leaves the old file or the new one (``services.files``)."""
        write_atomically(self.path, json.dumps(records).encode("utf-8"))

    def _mac(self, key: bytes, agent: str, record: dict[str, Any]) -> str:
        sealed = json.dumps([self._purpose, agent, record.get("kdf"), record.get("salt"), record.get("hash")])
        return hmac.new(key, sealed.encode("utf-8"), hashlib.sha256).hexdigest()

    def read_key(self) -> None:
        """Read the seal's key into memory now (off the GUI thread), so that a later
        ``get(ask_store=False)`` can check a record; ``SealUnavailable`` when the store fails."""
        self._stored_key()

    def _stored_key(self) -> bytes | None:
        """The seal's key from the secret store, kept in memory once read."""
        if self._key is None:
            self._key = _key_of(self._asked(self._store.get, KEY_NAME))
        return self._key

    def _sealing_key(self) -> bytes:
        """The seal's key, made when the store has none. Only to seal a record the agent just
        proved, never to check one: a key made when a check found none would vouch for
        whatever the file holds, a rule an attacker can follow by deleting the key."""
        with _KEY_LOCK:
            key = self._stored_key()
            if key is None:
                key = secrets.token_bytes(32)
                self._asked(self._store.set, KEY_NAME, key.hex())
                self._key = key
        return key

    @staticmethod
    def _asked(call: Callable[..., Any], *args: str) -> Any:
        """``call`` of the secret store; whatever failure of its own it raises (a LoketError
        is Loket's already, e.g. the encrypted file's ``SecretsDamaged``) is ``SealUnavailable``."""
        try:
            return call(*args)
        except LoketError:
            raise
        except Exception as exc:  # noqa: BLE001 - keyring's errors, pywintypes.error from the Credential Manager
            raise SealUnavailable() from exc


def _key_of(value: str | None) -> bytes | None:
    """The key a stored value holds; None for none, or a value that is no key of Loket's."""
    try:
        key = bytes.fromhex(value or "")
    except ValueError:
        return None
    return key if len(key) == 32 else None


def matches(stored: dict[str, str] | None, pin: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` (a record ``PinFile.get`` verified) was made of
    (False for none, or a damaged record)."""
    if stored is None or stored.get("kdf") != KDF or not isinstance(pin, str) or not is_digits(pin):
        return False
    try:
        salt, digest = bytes.fromhex(stored["salt"]), bytes.fromhex(stored["hash"])
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(derive(pin, salt), digest)
