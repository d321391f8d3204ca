"""The login window's back-off after wrong passwords, wired by ``app.gui`` in one line."""

from __future__ import annotations

import threading
from typing import Any, Callable

from services.errors import LoginFailed
from services.i18n import QT_TRANSLATE_NOOP
from services.lockout import Lockout


def guarded_login(login: Callable[[str, str], Any]) -> Callable[[str, str], Any]:
    """The login window's login: after 5 wrong passwords in a row for one username it
    refuses that username for 60 s, doubling while wrong passwords keep coming
    (``services.lockout``).

    One count per username (as the host would spell it: case and spaces aside), for the
    whole run: agents share the kiosk, and a colleague's mistyped password must not shut
    the login for the next agent. Guessing one agent's password still meets that agent's
    wait, and the host's own lockout."""
    lock = threading.Lock()
    lockouts: dict[str, Lockout] = {}

    def guarded(username: str, password: str) -> Any:
        key = " ".join((username or "").split()).casefold()
        with lock:
            lockout = lockouts.setdefault(key, Lockout(what=QT_TRANSLATE_NOOP("errors", "percobaan masuk")))
        return lockout.guard(login, wrong=(LoginFailed,))(username, password)

    return guarded
