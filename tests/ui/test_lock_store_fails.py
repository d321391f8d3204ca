"""The idle lock when the secret store that seals the quick PIN (``services.pin_records``)
does not answer: the window is covered all the same, and the agent's password opens it.

The lock screen asks, on the GUI thread, whether the agent has a quick PIN; the first time in
a run that question reads the seal's key from the secret store. A store that refused it (the
Secret Service locked) raised out of ``cover``: the window stayed uncovered and usable."""

from __future__ import annotations

import pytest

from services.quick_pin import QuickPin
from tests.integration.test_pin_store_fails import LockableStore
from tests.ui.test_idle_lock import QUICK_PIN, attempt, lock_after_200_ms
from tests.ui.uidrive import PASSWORD, USERNAME


@pytest.fixture
def store(monkeypatch) -> LockableStore:
    store = LockableStore()
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: store)
    return store


def test_a_locked_secret_store_still_lets_the_idle_lock_cover_the_window(store, qtbot, shell, context):
    # the agent's quick PIN, set in an earlier run of Loket
    QuickPin(context.profile.folder, secrets_store=context.secrets, agent=lambda: USERNAME).set(QUICK_PIN, QUICK_PIN)
    store.locked = True
    lock = lock_after_200_ms(qtbot, shell)  # was: SealUnavailable out of ``cover``, the window left open
    assert not shell.centralWidget().isEnabled() and not lock.pin_row.isVisible()
    store.locked = False
    attempt(qtbot, lock, lock.password, PASSWORD)
    assert not lock.isVisible()
