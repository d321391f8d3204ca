"""The agent's PIN, once proven, is checked without scrypt for the rest of the session
(services/flows/pin.py); the idle lock and logging out end that: the next check is scrypt's."""

from __future__ import annotations

import pytest

from services.flows import pin as pin_module
from tests.ui.uidrive import PIN, USERNAME, click


@pytest.fixture
def scrypts(monkeypatch) -> list[str]:
    computed: list[str] = []
    derive = pin_module.derive
    monkeypatch.setattr(pin_module, "derive", lambda pin, salt: computed.append(pin) or derive(pin, salt))
    return computed


def test_the_idle_lock_forgets_the_proven_pin(qtbot, shell, context, scrypts):
    context.pins.learn(USERNAME, PIN)
    context.pins.verify(USERNAME, PIN)
    assert scrypts == [PIN]
    shell.counter.idle.lock()
    shell.counter.idle.unlock()
    context.pins.verify(USERNAME, PIN)
    assert scrypts == [PIN, PIN]


def test_logging_out_forgets_the_proven_pin(qtbot, loket, shell, context, scrypts):
    context.pins.learn(USERNAME, PIN)
    shell.confirm = lambda parent, title, text: True
    click(qtbot, shell.logout_button)
    qtbot.waitUntil(lambda: loket.shell is None, timeout=10_000)
    context.pins.verify(USERNAME, PIN)
    assert scrypts == [PIN, PIN]
