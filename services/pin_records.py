"""Salted slow hashes of PINs, one record per agent, in a JSON file of the profile: the
transaction PINs the Bank+ host proved (``services.flows.pin``) and the idle lock's quick
PINs (``services.quick_pin``). A record is ``{kdf, salt, hash}`` with the supervisor PINs'
key derivation and cost (``services.dayclose.supervisor``); the PIN itself is never written.
"""

from __future__ import annotations

import hmac
import json
import secrets
from pathlib import Path
from typing import Any

from services.dayclose.supervisor import KDF
from services.dayclose.supervisor import _derive as derive
from services.files import write_atomically
from services.validation import is_digits


def read(path: Path) -> dict[str, Any]:
    """The records by agent; empty when the file is missing, unreadable or not a mapping."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return records if isinstance(records, dict) else {}


def write(path: Path, records: dict[str, Any]) -> None:
    """Atomic: a power cut leaves the old file or the new one (``services.files``)."""
    write_atomically(path, json.dumps(records).encode("utf-8"))


def record(pin: str) -> dict[str, str]:
    """A new record of ``pin`` (a fresh salt)."""
    salt = secrets.token_bytes(16)
    return {"kdf": KDF, "salt": salt.hex(), "hash": derive(pin, salt).hex()}


def matches(stored: Any, pin: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` was made of (False for a damaged record)."""
    try:
        salt, digest = bytes.fromhex(stored["salt"]), bytes.fromhex(stored["hash"])
    except (KeyError, TypeError, ValueError):
        return False
    if stored.get("kdf") != KDF or not isinstance(pin, str) or not is_digits(pin):
        return False
    return hmac.compare_digest(derive(pin, salt), digest)
