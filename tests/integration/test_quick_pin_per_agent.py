"""The idle lock's quick PIN is the logged-in agent's own (services/quick_pin.py).

One quick PIN for the whole profile let a colleague who set one in their own session (no
password, no supervisor: Pengaturan > Keamanan) open the lock screen over any other
agent's session at the shared kiosk, with that agent's customers on screen, and take the
counter on as that agent. Through the services the screens are given (``screen_services``).
"""

from __future__ import annotations

from app.context import build_context
from app.screen_services import screen_services
from services.hosts.bankplus import sandbox
from services.hosts.bankplus.sandbox import Agent
from services.profile import Profile

A = ("BNIUS100294", "T6jkl4ss")
B = ("BNIUS100777", "Kolega-77")
B_QUICK_PIN = "246802"


def test_a_colleagues_quick_pin_does_not_open_another_agents_lock(tmp_path, monkeypatch):
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: None)
    context = build_context(Profile(tmp_path / "profile"))
    try:
        context.sandbox_hosts["bankplus"].agents[B[0]] = Agent(B[0], B[1], "135790", "4447")
        services = screen_services(context, worker=None, errors=None, ask_pin=None)  # type: ignore[arg-type]
        quick_pin = services.quick_pin

        def login(who: tuple[str, str]) -> None:
            # the sandbox answers every login with its document's example data: name the agent
            monkeypatch.setitem(sandbox.LOGIN_DATA, "username", who[0])
            assert context.banking.login(*who).username == who[0]

        login(B)
        quick_pin.set(B_QUICK_PIN, B_QUICK_PIN)  # B's own session, Pengaturan > Keamanan
        assert quick_pin.is_set() and quick_pin.verify(B_QUICK_PIN)
        context.banking.logout()

        login(A)  # A's shift; A steps away and the screen locks
        assert not quick_pin.is_set()  # A's lock screen offers no quick PIN
        assert not quick_pin.verify(B_QUICK_PIN)  # and B's does not open it
        quick_pin.set("975310", "975310")
        assert quick_pin.verify("975310") and not quick_pin.verify(B_QUICK_PIN)
        context.banking.logout()

        login(B)
        assert quick_pin.verify(B_QUICK_PIN) and not quick_pin.verify("975310")  # each keeps their own
    finally:
        context.close()
