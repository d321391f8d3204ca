"""The change of agent at a shared kiosk: agent A's window locked while idle, agent B at the
counter. The lock opens only with A's password or quick PIN, so the lock screen offers
"Ganti petugas": A's session ends as "Keluar" ends it (the bank's logout, the proven PIN
forgotten, every form dropped, the shift and the day left open), after a question whose
safe answer is the default, and never while a payment is on its way to the bank. Then the
login window waits for B, with nothing of A's customers on it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from app.gui import translations_dir
from services.hosts.bankplus import sandbox
from tests.ui.test_language import back_to_indonesian  # noqa: F401 - a fixture
from tests.ui.test_never_twice import context, deposit_50000, refuser  # noqa: F401 - fixtures: a slow bank
from tests.ui.test_shared_kiosk import COLLEAGUE, COLLEAGUE_PASSWORD, colleague  # noqa: F401 - a fixture
from tests.ui.uidrive import PASSWORD, USERNAME, click, focused, key, log_in, type_text, wait_result
from ui import i18n

TIMEOUT = 10_000


def locked(qtbot, shell):
    shell.counter.idle.lock()
    lock = shell.counter.lock_screen
    assert lock.isVisible()
    return lock


def tab_to(qtbot, shell, widget, presses: int = 6) -> None:
    """Tab, as the agent does, until ``widget`` has the keyboard."""
    for _ in range(presses):
        if focused(shell) is widget:
            return
        key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is widget, f"Tab never reached {widget.objectName()}"


def test_the_next_agent_ends_the_locked_session_by_keyboard_and_logs_in(qtbot, monkeypatch, loket, shell,
                                                                        context, colleague):  # noqa: F811
    bank = context.sandbox_hosts["bankplus"]
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    qtbot.keyClicks(deposit.account, "14047")  # A's customer, half served
    asked: list[tuple[str, str]] = []
    shell.confirm = lambda parent, title, text: asked.append((title, text)) or True
    lock = locked(qtbot, shell)
    assert bank.sessions  # A's session at the bank

    tab_to(qtbot, shell, lock.change_agent_button)
    key(qtbot, shell, Qt.Key.Key_Return)
    assert asked == [("Ganti petugas", f"Akhiri sesi {shell.session.name}? Shift dan hari tetap terbuka; "
                                       "petugas berikutnya masuk dengan username dan password sendiri.")]
    qtbot.waitUntil(lambda: loket.shell is None and loket.login_window.isVisible(), timeout=TIMEOUT)
    assert not bank.sessions and context.banking.session is None  # logged out at the bank too
    assert not shiboken6.isValid(shell) or shell.isHidden()  # A's window, A's customer with it, is gone
    assert context.dayclose.shifts.current() is not None  # the shift stays open for B

    form = loket.login_window.form
    assert loket.login_window.focusWidget() is form.username
    qtbot.keyClicks(form.username, COLLEAGUE)  # B types over A's username
    assert form.username.text() == COLLEAGUE
    monkeypatch.setitem(sandbox.LOGIN_DATA, "username", COLLEAGUE)
    qtbot.keyClicks(form.password, COLLEAGUE_PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: loket.shell is not None and loket.shell.isVisible(), timeout=TIMEOUT)
    assert context.banking.operator() == COLLEAGUE
    assert loket.shell.screen("deposit").account.text() == ""


def test_enter_on_the_lock_screen_never_ends_the_session(qtbot, shell, context):  # noqa: F811
    """Enter in the password box (empty, wrong) tries to unlock; it never asks to end the
    session, and "Ganti petugas" is nobody's default."""
    asked: list[str] = []
    shell.confirm = lambda parent, title, text: asked.append(text) or True
    lock = locked(qtbot, shell)
    assert not lock.change_agent_button.isDefault()
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.keyClicks(lock.password, "salah-sekali")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.worker.running == 0, timeout=TIMEOUT)
    assert asked == [] and lock.isVisible() and context.banking.session is not None


def test_batal_keeps_the_session_locked(qtbot, loket, shell, context):  # noqa: F811
    asked: list[str] = []
    shell.confirm = lambda parent, title, text: asked.append(text) or False  # "Batal", the default
    lock = locked(qtbot, shell)
    tab_to(qtbot, shell, lock.change_agent_button)
    key(qtbot, shell, Qt.Key.Key_Return)
    assert len(asked) == 1 and loket.shell is shell and lock.isVisible()
    assert context.banking.session is not None and lock.change_agent_button.isEnabled()
    # A comes back and types the password: the keyboard is in its box again, not left on
    # "Ganti petugas" (the typing went nowhere, and the Enter asked to end the session again)
    type_text(qtbot, shell, PASSWORD)
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.isVisible(), timeout=TIMEOUT)
    assert len(asked) == 1
    assert context.banking.operator() == USERNAME


def test_a_payment_on_its_way_to_the_bank_is_never_abandoned(qtbot, loket, shell, context, refuser):  # noqa: F811
    """The lock came while the bank was still answering A's payment: B is told to wait, on
    the lock screen (the header's notice is under the cover), and is not even asked."""
    screen = deposit_50000(qtbot, shell)
    asked: list[str] = []
    shell.confirm = lambda parent, title, text: asked.append(text) or True
    refuser.held = "depositAccount"  # the bank takes its time
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.overlay.isVisible(), timeout=TIMEOUT)
    lock = locked(qtbot, shell)
    click(qtbot, lock.change_agent_button)
    assert asked == [] and loket.shell is shell and lock.isVisible()
    assert "Tunggu sampai proses" in lock.banner.text()
    refuser.release.set()
    qtbot.waitUntil(lambda: screen.calls == 0, timeout=TIMEOUT)
    click(qtbot, lock.change_agent_button)  # answered: now it may
    qtbot.waitUntil(lambda: loket.shell is None, timeout=TIMEOUT)
    assert asked and context.journal.count() == 1


def test_the_lock_screen_offers_the_change_in_english(qtbot, loket, context):  # noqa: F811
    assert i18n.install("en", translations_dir())
    from app.gui import Loket

    english = Loket(sandbox=context.sandbox, ask_pin=lambda *a: None)
    english.attach(context)
    qtbot.addWidget(english.login_window)
    english.login_window.show()
    shell = log_in(qtbot, english)
    qtbot.waitUntil(lambda: shell.screen("home").loaded, timeout=TIMEOUT)  # Beranda's call answered
    try:
        asked: list[tuple[str, str]] = []
        shell.confirm = lambda parent, title, text: asked.append((title, text)) or False
        lock = locked(qtbot, shell)
        assert lock.change_agent_button.text() == "Change agent"
        click(qtbot, lock.change_agent_button)

        assert asked == [("Change agent", f"End {shell.session.name}'s session? The shift and the day stay "
                                          "open; the next agent logs in with their own username and password.")]
    finally:
        english.worker.wait_idle()
        shell.close()
        shell.deleteLater()


def test_keluar_after_a_result_still_asks_and_logs_out(qtbot, loket, shell, context):  # noqa: F811
    """The header's Keluar is the same path: asked, then logged out at the bank."""
    screen = deposit_50000(qtbot, shell)
    click(qtbot, screen.pay_button)
    wait_result(qtbot, shell)
    asked: list[str] = []
    shell.confirm = lambda parent, title, text: asked.append(text) or True
    click(qtbot, shell.logout_button)
    qtbot.waitUntil(lambda: loket.shell is None, timeout=TIMEOUT)
    assert asked == ["Keluar dari Loket?"] and not context.sandbox_hosts["bankplus"].sessions


def test_closing_the_locked_window_says_why_it_waits(qtbot, loket, shell, context, refuser):  # noqa: F811
    """The window's X while the counter is locked and a payment is on its way: the close is
    refused (tests/ui/test_never_twice.py), and the reason must be where it can be read: the
    window's notice is under the lock screen."""
    screen = deposit_50000(qtbot, shell)
    refuser.held = "depositAccount"  # the bank takes its time
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.overlay.isVisible(), timeout=TIMEOUT)
    lock = locked(qtbot, shell)
    assert not shell.close() and shell.isVisible()
    assert "Tunggu sampai proses" in lock.banner.text()
    refuser.release.set()
    qtbot.waitUntil(lambda: screen.calls == 0, timeout=TIMEOUT)
    assert context.journal.count() == 1
    assert shell.close() and not shell.isVisible()  # answered: now it may


def test_nothing_starts_while_the_bank_logs_the_agent_out(qtbot, loket, shell, context, refuser):  # noqa: F811
    """Keluar said yes, the bank slow to answer the logout: the window must not take a new
    customer meanwhile. A payment started then was cut off by the window closing under it
    (its result never shown)."""
    shell.confirm = lambda parent, title, text: True
    refuser.held = "users/logout"  # the bank takes its time
    click(qtbot, shell.logout_button)
    qtbot.waitUntil(lambda: shell.services.worker.running > 0, timeout=TIMEOUT)
    click(qtbot, shell._nav["deposit"])
    assert shell.current_screen() is not shell.screen("deposit")
    refuser.release.set()
    qtbot.waitUntil(lambda: loket.shell is None and loket.login_window.isVisible(), timeout=TIMEOUT)
    assert context.journal.count() == 0
