"""The idle lock and the secret store that seals the quick PIN (``services.pin_records``).

The lock screen asks, on the GUI thread, whether the agent has a quick PIN, and the answer
needs the seal's key from the secret store. Asked there, the first cover of a run called the
store (the Credential Manager through keyring; a Secret Service call can block) on the GUI
thread: the window froze while it was being covered. The key is now read in the worker when
the session's window is built, and the cover answers from memory.

A store that does not answer: the window is covered all the same, and the agent's password
opens it (a store that refused raised out of ``cover``: the window stayed uncovered and usable)."""

from __future__ import annotations

import threading

import pytest

from services.quick_pin import QuickPin
from tests.integration.test_pin_store_fails import LockableStore
from tests.ui.test_idle_lock import QUICK_PIN, attempt, lock_after_200_ms
from tests.ui.uidrive import PASSWORD, USERNAME, log_in, wait_idle


class WatchedStore(LockableStore):
    """The PC's credential store, which notes the thread of every call."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[threading.Thread] = []

    def get_password(self, service: str, name: str) -> str | None:
        self.threads.append(threading.current_thread())
        return super().get_password(service, name)

    def set_password(self, service: str, name: str, value: str) -> None:
        self.threads.append(threading.current_thread())
        super().set_password(service, name, value)


@pytest.fixture
def store(monkeypatch) -> WatchedStore:
    store = WatchedStore()
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: store)
    return store


def quick_pin_set_earlier(context) -> None:
    """The agent's quick PIN, set in an earlier run of Loket."""
    QuickPin(context.profile.folder, secrets_store=context.secrets, agent=lambda: USERNAME).set(QUICK_PIN, QUICK_PIN)


def test_the_cover_never_asks_the_secret_store_on_the_gui_thread(store, qtbot, loket, context):
    quick_pin_set_earlier(context)
    store.threads.clear()
    shell = log_in(qtbot, loket)
    wait_idle(qtbot, loket)
    lock = lock_after_200_ms(qtbot, shell)
    assert lock.pin_row.isVisible() and lock.window().focusWidget() is lock.pin  # the quick PIN is offered
    assert store.threads and threading.main_thread() not in store.threads  # the key was read, in the worker
    attempt(qtbot, lock, lock.pin, QUICK_PIN)
    assert not lock.isVisible()


def test_a_locked_secret_store_still_lets_the_idle_lock_cover_the_window(store, qtbot, loket, context):
    quick_pin_set_earlier(context)
    store.locked = True  # from the start of the session: the key is never read
    shell = log_in(qtbot, loket)
    wait_idle(qtbot, loket)
    lock = lock_after_200_ms(qtbot, shell)  # was: SealUnavailable out of ``cover``, the window left open
    assert not shell.centralWidget().isEnabled() and not lock.pin_row.isVisible()
    store.locked = False
    attempt(qtbot, lock, lock.password, PASSWORD)
    assert not lock.isVisible()
