"""Idle lock: no input for the configured time covers the window; the agent's password
(checked by the bank) or the quick PIN opens it; five wrong answers shut it for a while.
The login window backs off after five wrong passwords too."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.manual_clock import ManualClock
from tests.ui.uidrive import PASSWORD, USERNAME, click, try_login

TIMEOUT = 10_000
QUICK_PIN = "246802"



def lock_after_200_ms(qtbot, shell):
    shell.counter.idle.set_timeout(200)
    lock = shell.counter.lock_screen
    qtbot.waitUntil(lock.isVisible, timeout=TIMEOUT)
    return lock


def attempt(qtbot, lock, edit, text):
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.worker.running == 0, timeout=TIMEOUT)


def test_idle_covers_the_window_and_takes_all_input(qtbot, shell):
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    lock = lock_after_200_ms(qtbot, shell)
    assert lock.geometry() == shell.rect() and lock.isVisible()
    assert not shell.centralWidget().isEnabled()  # nothing under the cover takes the focus
    assert not lock.pin_row.isVisible()  # no quick PIN set: the password only
    qtbot.keyClicks(deposit.account, "123")  # input for what is underneath is swallowed
    assert deposit.account.text() == ""
    qtbot.keyClick(lock.password, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert not shell.counter.palette.isVisible()


def test_wrong_password_is_refused_then_the_right_one_unlocks(qtbot, shell):
    lock = lock_after_200_ms(qtbot, shell)
    attempt(qtbot, lock, lock.password, "salah-sekali")
    assert lock.isVisible()
    # only the password is typed here (day walk: "Username atau password salah" had the
    # agent wondering which username; the lock names it and whose it is)
    assert lock.banner.text() == "Password salah. Ketik ulang password agen Ardha Herdianto (BNIUS100294)."
    assert lock.password.text() == ""  # never kept
    attempt(qtbot, lock, lock.password, PASSWORD)
    assert not lock.isVisible() and shell.centralWidget().isEnabled()
    assert shell.services.banking.session.username == USERNAME


def test_quick_pin_unlocks(qtbot, shell):
    shell.services.quick_pin.set(QUICK_PIN, QUICK_PIN)
    lock = lock_after_200_ms(qtbot, shell)
    assert lock.pin_row.isVisible()
    assert lock.window().focusWidget() is lock.pin
    attempt(qtbot, lock, lock.pin, "135790")
    assert lock.isVisible() and "PIN cepat salah" in lock.field("quick_pin").error.text()
    attempt(qtbot, lock, lock.pin, QUICK_PIN)
    assert not lock.isVisible()
    # the timer runs again: idle once more locks again
    qtbot.waitUntil(lock.isVisible, timeout=TIMEOUT)


def test_five_wrong_answers_shut_the_lock_for_a_while(qtbot, shell):
    shell.services.quick_pin.set(QUICK_PIN, QUICK_PIN)
    lock = lock_after_200_ms(qtbot, shell)
    clock = ManualClock()
    lock.lockout.now = clock
    for wrong in ("111112", "111113", "111114", "111115"):
        attempt(qtbot, lock, lock.pin, wrong)
    attempt(qtbot, lock, lock.password, "bukan-password")  # wrong passwords count as well
    assert not lock.pin.isEnabled() and not lock.password.isEnabled()
    assert "60 detik" in lock.countdown.text()

    lock.unlock_with_pin()  # even the right PIN is refused while shut (pressed by code: inputs are off)
    qtbot.waitUntil(lambda: lock.worker.running == 0, timeout=TIMEOUT)
    assert lock.isVisible()

    clock.t += 61
    lock._update_countdown()
    assert lock.pin.isEnabled() and not lock.countdown.isVisible()
    attempt(qtbot, lock, lock.pin, "999990")  # a sixth wrong answer: shut again, twice as long
    assert "120 detik" in lock.countdown.text()
    clock.t += 121
    lock._update_countdown()
    attempt(qtbot, lock, lock.pin, QUICK_PIN)
    assert not lock.isVisible()


def test_a_pin_prompt_left_open_is_cancelled_when_locking(qtbot, shell):
    from ui.widgets.pin import PinDialog

    dialog = PinDialog(shell.screen("home"), "PIN transaksi agen", "")
    dialog.open()
    assert dialog.isVisible()
    lock = lock_after_200_ms(qtbot, shell)
    assert not dialog.isVisible() and dialog.result() == 0 and lock.isVisible()


def test_login_window_backs_off_after_five_wrong_passwords(qtbot, loket):
    form = loket.login_window.form
    for _ in range(5):
        try_login(qtbot, loket, USERNAME, "salah")
        assert "password salah" in form.banner.text()
    try_login(qtbot, loket, USERNAME, PASSWORD)  # the right password, but too soon
    assert "Terlalu banyak percobaan masuk" in form.banner.text()
    assert loket.shell is None


def test_every_kind_of_input_keeps_the_counter_awake(qtbot, shell):
    """The counter's filter turns events away by their class before reading their type; a
    key, a click, a double click, a mouse move, a wheel turn and a shortcut all still count
    as the agent being there (each restarts the idle timer)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    click(qtbot, shell._nav["deposit"])
    field = shell.screen("deposit").account
    idle = shell.counter.idle
    idle.set_timeout(60_000)
    wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    inputs = {
        "key": lambda: qtbot.keyClick(field, Qt.Key.Key_1),
        "click": lambda: qtbot.mouseClick(field, Qt.MouseButton.LeftButton),
        "double click": lambda: qtbot.mouseDClick(field, Qt.MouseButton.LeftButton),
        "mouse move": lambda: qtbot.mouseMove(field, QPoint(7, 7)),
        "wheel": lambda: QApplication.sendEvent(field, wheel),
        "shortcut": lambda: qtbot.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier),
    }
    for kind, send in inputs.items():
        idle.timer.stop()
        send()
        assert idle.timer.isActive(), kind
        shell.counter.palette.hide()
