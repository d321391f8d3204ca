"""Two or three agents share one kiosk PC in a day: what one agent's session leaves, the
next one must not be able to use, and what one does must never be put on another's name.

The sandbox answers every login with its document's example data, so a test that logs in a
second agent names that agent in the answer (``as_agent``), as the real host would."""

from __future__ import annotations

import pytest

from services.hosts.bankplus import sandbox
from services.hosts.bankplus.sandbox import Agent
from tests.ui.test_dayclose_screens import SUPERVISOR_PIN as CLOSE_PIN
from tests.ui.test_dayclose_screens import at_approval
from tests.ui.uidrive import PASSWORD, USERNAME, click, try_login

TIMEOUT = 10_000
COLLEAGUE, COLLEAGUE_PASSWORD = "BNIUS100777", "Kolega-77"
SUPERVISOR_PIN = "918273"


@pytest.fixture
def colleague(context):
    """A second agent of the same counter, known to the sandbox host."""
    context.sandbox_hosts["bankplus"].agents[COLLEAGUE] = Agent(COLLEAGUE, COLLEAGUE_PASSWORD, "135790", "4447")
    return COLLEAGUE


def as_agent(monkeypatch, username: str) -> None:
    """The host's login answer names ``username`` (the sandbox names its example agent)."""
    monkeypatch.setitem(sandbox.LOGIN_DATA, "username", username)


def test_the_session_expired_login_takes_back_only_the_same_agent(qtbot, monkeypatch, shell, context, colleague):
    """A's window asks for the password again; B, at the counter, types B's own username and
    password. The window (A's name in the header, A's lock screen, A's half-filled form)
    must not go on under B's session: every row would be B's under A's name on screen, and
    A's password on the lock screen would silently turn it back into A's."""
    shell.relogin()
    dialog = shell.relogin_dialog
    assert dialog is not None and dialog.form.username.text() == USERNAME
    dialog.form.username.clear()
    qtbot.keyClicks(dialog.form.username, colleague)
    as_agent(monkeypatch, colleague)
    qtbot.keyClicks(dialog.form.password, COLLEAGUE_PASSWORD)
    click(qtbot, dialog.form.submit)
    qtbot.waitUntil(lambda: shell.services.worker.running == 0, timeout=TIMEOUT)
    assert context.banking.operator() == USERNAME
    assert shell.relogin_dialog is dialog and dialog.isVisible()  # still asking A's password

    as_agent(monkeypatch, USERNAME)
    qtbot.keyClicks(dialog.form.password, PASSWORD)
    click(qtbot, dialog.form.submit)
    qtbot.waitUntil(lambda: shell.relogin_dialog is None, timeout=TIMEOUT)
    assert context.banking.operator() == USERNAME


def test_a_colleagues_wrong_passwords_do_not_shut_the_login_for_the_next_agent(qtbot, loket, colleague):
    """B mistypes B's password five times at the login window and must wait; A, who comes
    to the counter meanwhile, logs in at once. B's own wait stands, whatever way B's
    username is typed."""
    form = loket.login_window.form
    for _ in range(5):
        try_login(qtbot, loket, colleague, "salah")
        assert "password salah" in form.banner.text()
    try_login(qtbot, loket, f" {colleague.lower()} ", COLLEAGUE_PASSWORD)
    assert "Terlalu banyak percobaan masuk" in form.banner.text() and loket.shell is None
    try_login(qtbot, loket, USERNAME, PASSWORD)
    qtbot.waitUntil(lambda: loket.shell is not None, timeout=TIMEOUT)


def test_the_agents_password_is_guessed_five_times_at_most_wherever_it_is_asked(qtbot, shell, context):
    """A colleague at A's counter, left unlocked for a moment, tries passwords in Keamanan
    (setting a quick PIN asks for A's password): the lock screen stops a guesser after five,
    so Keamanan must too, or it is the way around the lock screen's wait."""
    click(qtbot, shell._nav["security"])
    security = shell.screen("security")
    qtbot.waitUntil(lambda: shell.current_screen() is security and security.worker.running == 0, timeout=TIMEOUT)

    def try_password(password: str) -> None:
        qtbot.keyClicks(security.password, password)
        qtbot.keyClicks(security.pin, "246802")
        qtbot.keyClicks(security.confirm, "246802")
        click(qtbot, security.save_button)
        qtbot.waitUntil(lambda: security.worker.running == 0, timeout=TIMEOUT)

    for guess in ("tebak-1", "tebak-2", "tebak-3", "tebak-4", "tebak-5"):
        try_password(guess)
        assert "Password agen salah" in security.field("password").error.text()
    try_password(PASSWORD)
    assert "Terlalu banyak percobaan" in security.banner.text()
    assert not shell.services.quick_pin.is_set()

    shell.counter.idle.lock()  # and the lock screen does not start a count of its own
    lock = shell.counter.lock_screen
    qtbot.keyClicks(lock.password, PASSWORD)
    click(qtbot, lock.password_button)
    qtbot.waitUntil(lambda: lock.worker.running == 0, timeout=TIMEOUT)
    assert lock.isVisible() and "Terlalu banyak percobaan" in lock.banner.text()


def test_the_idle_lock_ends_the_supervisors_approval_of_a_settings_screen(qtbot, shell, context):
    """The supervisor opens Biaya Loket with the PIN, types a fee, and walks away; the counter
    locks. Whoever unlocks it next with their own password or quick PIN is the agent, not the
    supervisor: the fee customers pay must not be theirs to set, unsaved figures included."""
    from ui.widgets.supervisor import SupervisorAnswer

    context.dayclose.supervisors.set_pin("Sri Supervisor", SUPERVISOR_PIN)
    gate = shell.counter.gate
    gate.refresh()
    qtbot.waitUntil(lambda: gate.has_supervisor is True, timeout=TIMEOUT)
    gate.ask = lambda *args: SupervisorAnswer(SUPERVISOR_PIN)
    click(qtbot, shell._nav["counter_fees"])
    fees = shell.screen("counter_fees")
    qtbot.waitUntil(lambda: shell.current_screen() is fees, timeout=TIMEOUT)
    product, edit = next(iter(fees.edits.items()))
    edit.setFocus()
    qtbot.keyClicks(edit, "7500")

    shell.counter.idle.lock()
    lock = shell.counter.lock_screen
    qtbot.keyClicks(lock.password, PASSWORD)
    click(qtbot, lock.password_button)
    qtbot.waitUntil(lambda: not lock.isVisible(), timeout=TIMEOUT)

    assert shell.current_screen() is not fees
    assert not gate.approved
    asked = []
    gate.ask = lambda *args: asked.append(args) and None  # the agent has no supervisor PIN
    click(qtbot, shell._nav["counter_fees"])
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=TIMEOUT)
    assert shell.current_screen() is not fees
    assert context.counter_fees.fee(product) == 0


def unlock_with_password(qtbot, shell) -> None:
    """The idle lock comes, and the agent opens it with their own password."""
    shell.counter.idle.lock()
    lock = shell.counter.lock_screen
    qtbot.keyClicks(lock.password, PASSWORD)
    click(qtbot, lock.password_button)
    qtbot.waitUntil(lambda: not lock.isVisible(), timeout=TIMEOUT)


def test_a_supervisor_pin_left_typed_at_tutup_hari_does_not_outlive_the_idle_lock(qtbot, shell, loket, context):
    """The supervisor types the PIN to close the day with an uncertain payment, then is
    called away; the counter locks. The agent who unlocks must not close the day on the
    supervisor's PIN still in its box, with a reason of the agent's own."""
    screen = at_approval(qtbot, shell, loket, context)
    qtbot.keyClicks(screen.approval_page.supervisor_pin, CLOSE_PIN)
    unlock_with_password(qtbot, shell)
    assert shell.current_screen() is screen and screen.page == "approval"
    qtbot.keyClicks(screen.approval_page.approval_reason, "ditutup saja, besok dicek")
    click(qtbot, screen.approval_page.approve_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0, timeout=TIMEOUT)
    assert screen.page == "approval" and not context.dayclose.is_sealed(screen.flow.business_date)
    assert "PIN supervisor wajib diisi" in screen.field("pin").error.text()


def test_a_supervisor_pin_left_typed_on_pengaturan_supervisor_does_not_outlive_the_idle_lock(qtbot, shell, context):
    """The supervisor starts to add a colleague on Pengaturan > Supervisor, types the PIN in
    force first, and walks away; the counter locks. The agent who unlocks must not make
    themselves a supervisor with it."""
    context.dayclose.supervisors.set_pin("Sri Supervisor", SUPERVISOR_PIN)
    click(qtbot, shell._nav["supervisor"])
    screen = shell.screen("supervisor")
    qtbot.waitUntil(lambda: screen.loaded and screen.current_field.isVisible(), timeout=TIMEOUT)
    qtbot.keyClicks(screen.current_pin, SUPERVISOR_PIN)
    unlock_with_password(qtbot, shell)
    qtbot.keyClicks(screen.name, "Agen Nakal")
    qtbot.keyClicks(screen.pin, "461357")
    qtbot.keyClicks(screen.confirm_pin, "461357")
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0, timeout=TIMEOUT)
    assert context.dayclose.supervisors.names() == ["Sri Supervisor"]


def test_the_wait_after_wrong_answers_is_said_in_english_on_an_english_counter(qtbot, loket):
    """The lockouts' message was built in Indonesian only, whatever the counter's language."""
    from app.gui import translations_dir
    from services.dayclose.supervisor import SUPERVISOR_PINS
    from services.lockout import LockedOut
    from ui import i18n
    from ui.errors import localized

    assert i18n.install("en", translations_dir())
    try:
        banner = loket.login_window.form.banner
        for _ in range(6):
            try_login(qtbot, loket, USERNAME, "salah")
        assert "Too many wrong login attempts" in banner.text() and "Terlalu" not in banner.text()
        said = localized(LockedOut(120, SUPERVISOR_PINS))
        assert said == "Too many wrong supervisor PINs. Try again in 120 seconds."
    finally:
        i18n.install("id", translations_dir())
