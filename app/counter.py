"""The services at the counter handed to the screens: the quick PIN of the
idle lock, Koneksi Host, the idle time; and the login window's back-off after wrong
passwords. Composed here so ``app.gui`` wires them in one line each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from services.errors import LoginFailed
from services.lockout import Lockout

if TYPE_CHECKING:
    from app.context import AppContext
    from ui.services import ScreenServices


def with_counter_services(services: "ScreenServices", context: "AppContext") -> "ScreenServices":
    import dataclasses  # after login: start-up imports stay lean (tests/bench/startup.py)

    from services.host_settings import HostSettings
    from services.quick_pin import QuickPin

    minutes = context.settings.get("idle_lock_minutes", 5)
    return dataclasses.replace(
        services, quick_pin=QuickPin(context.profile.folder), pins=context.pins,
        host_settings=HostSettings(context.profile, context.secrets),
        idle_lock_minutes=float(minutes) if isinstance(minutes, (int, float)) else 5.0)


def guarded_login(login: Callable[[str, str], Any]) -> Callable[[str, str], Any]:
    """The login window's login: after 5 wrong passwords in a row it refuses for 60 s,
    doubling while wrong passwords keep coming (``services.lockout``)."""
    return Lockout(what="percobaan masuk").guard(login, wrong=(LoginFailed,))
