"""The agent's PIN, once proven, is checked without scrypt for the rest of the session
(services/flows/pin.py). The idle lock is a screen state inside the session: it keeps that
verifier, and the PIN is still asked and checked after it. Logging out and opening a shift
end it: the next check is scrypt's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from services import pin_records
from services.journal import State
from tests.ui.uidrive import PASSWORD, PIN, USERNAME, click, wait_idle, wait_result

BRI_ACCOUNT = "888801000003301"


@pytest.fixture
def scrypts(monkeypatch) -> list[str]:
    computed: list[str] = []
    derive = pin_records.derive  # the one place a PIN record's scrypt runs
    monkeypatch.setattr(pin_records, "derive", lambda pin, salt: computed.append(pin) or derive(pin, salt))
    return computed


def bca_confirmed(qtbot, shell):
    """A BCA transfer to BRI up to its pay button: BCA's API takes no PIN, it is checked here."""
    click(qtbot, shell._nav["bca_interbank"])
    screen = shell.screen("bca_interbank")
    qtbot.keyClicks(screen.bank.lineEdit(), "bri")
    qtbot.keyClicks(screen.account, BRI_ACCOUNT)
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.CONFIRM, timeout=10_000)
    click(qtbot, screen.name_confirmed)
    qtbot.keyClicks(screen.amount, "150000")
    return screen


def lock_and_unlock(qtbot, shell) -> None:
    """The idle lock, undone as the agent does: the password on the lock screen."""
    shell.counter.idle.lock()
    lock = shell.counter.lock_screen
    assert lock.isVisible()
    qtbot.keyClicks(lock.password, PASSWORD)
    click(qtbot, lock.password_button)
    qtbot.waitUntil(lambda: not lock.isVisible(), timeout=10_000)


def test_after_the_idle_lock_the_right_pin_pays_without_scrypt(qtbot, shell, context, pin, scrypts):
    context.pins.learn(USERNAME, PIN)
    assert scrypts == [PIN]
    lock_and_unlock(qtbot, shell)
    screen = bca_confirmed(qtbot, shell)
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert len(pin.asked) == 1  # the lock did not spare the PIN
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS
    assert scrypts == [PIN]


def test_after_the_idle_lock_a_wrong_pin_is_refused_and_counted(qtbot, loket, shell, context, pin, scrypts):
    context.pins.learn(USERNAME, PIN)
    lock_and_unlock(qtbot, shell)
    screen = bca_confirmed(qtbot, shell)
    pin.answer = "111111"
    for _ in range(5):
        click(qtbot, screen.pay_button)
        wait_idle(qtbot, loket)
        assert "PIN transaksi salah" in screen.banner.text()
    pin.answer = PIN
    click(qtbot, screen.pay_button)  # five wrong in a row: even the right one waits
    wait_idle(qtbot, loket)
    assert "Terlalu banyak percobaan PIN transaksi" in screen.banner.text()
    assert not [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer"]
    assert scrypts == [PIN]  # every wrong one was refused by the verifier


def test_logging_out_forgets_the_proven_pin(qtbot, loket, shell, context, scrypts):
    context.pins.learn(USERNAME, PIN)
    shell.confirm = lambda parent, title, text: True
    click(qtbot, shell.logout_button)
    qtbot.waitUntil(lambda: loket.shell is None, timeout=10_000)
    context.pins.verify(USERNAME, PIN)
    assert scrypts == [PIN, PIN]


def test_opening_a_shift_forgets_the_proven_pin(qtbot, shift_closed, shell, context, scrypts):
    context.pins.learn(USERNAME, PIN)
    click(qtbot, shell._nav["shift"])
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=10_000)
    qtbot.keyClicks(shift.opening_float, "500000")
    qtbot.keyClick(shift.opening_float, Qt.Key.Key_Return)
    assert shift.readback.isVisible()
    click(qtbot, shift.confirm_button)
    qtbot.waitUntil(lambda: context.dayclose.shifts.current() is not None, timeout=10_000)
    qtbot.waitUntil(lambda: shell.counter.shift_gate.is_open, timeout=10_000)
    context.pins.verify(USERNAME, PIN)
    assert scrypts == [PIN, PIN]
