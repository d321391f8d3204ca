"""Redaction of anything that is written down: journal copies of requests, logs.

A PIN or a password is typed, sent, and forgotten. Before a request or a response is
stored, every value under a key that names a secret is replaced by ``***``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

MASK = "***"

_SECRET_KEY = re.compile(
    r"(pin|passw|secret|token|x-auth|authorization|signature|^old$|^new$|private)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # the same few hundred keys, on every journaled request and answer
def is_secret_key(key: str) -> bool:
    return bool(_SECRET_KEY.search(key))


def redact(value: Any) -> Any:
    """A deep copy of ``value`` with every secret-named field masked."""
    if isinstance(value, dict):
        # On every journaled request and answer: a plain value is copied here, not by a call.
        return {
            k: (MASK if isinstance(k, str) and is_secret_key(k) and v not in (None, "")
                else v if type(v) in _PLAIN else redact(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


_PLAIN = frozenset((str, int, float, bool, type(None)))  # what ``redact`` returns as it is
