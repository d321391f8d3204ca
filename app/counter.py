"""The login window's back-off after wrong passwords, wired by ``app.gui`` in one line."""

from __future__ import annotations

from typing import Any, Callable

from services.errors import LoginFailed
from services.lockout import Lockout


def guarded_login(login: Callable[[str, str], Any]) -> Callable[[str, str], Any]:
    """The login window's login: after 5 wrong passwords in a row it refuses for 60 s,
    doubling while wrong passwords keep coming (``services.lockout``)."""
    return Lockout(what="percobaan masuk").guard(login, wrong=(LoginFailed,))
