"""The only supervisor forgot the PIN: the owner's recovery code, issued when the supervisor
was registered and shown once, sets a new PIN from Pengaturan > Supervisor, by keyboard, once.

Driven through the real dialogs: the code's display (Enter and Esc do not throw it away
before it is written down) and the recovery form (Enter from box to box, then OK)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from services.dayclose.supervisor import CASH_CORRECTION, RECOVERY_RESET, InvalidSupervisorPin
from tests.ui.test_dayclose_screens import open_screen
from tests.ui.uidrive import USERNAME
from ui.widgets.recovery import RecoveryCodeDialog, RecoveryDialog
from ui.widgets.supervisor import SupervisorAnswer

PIN, NEW_PIN = "246810", "975312"
TIMEOUT = 10_000


def key(qtbot, widget, *typed) -> None:
    for item in typed:
        target = widget.window().focusWidget() or widget
        if isinstance(item, str):
            qtbot.keyClicks(target, item)
        else:
            qtbot.keyClick(target, item)


def back_in_the_window(qtbot, screen) -> None:
    """The window under a closed dialog is active again (the offscreen platform has no window
    manager to give it back)."""
    screen.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen.window(), timeout=TIMEOUT)


def register_the_only_supervisor(qtbot, shell) -> tuple[object, str]:
    """The first supervisor, typed in: the code comes up once; Enter and Esc keep it until
    the supervisor ticks that it is written down."""
    screen = open_screen(qtbot, shell, "supervisor")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    assert not screen.recovery.isVisible()  # nothing to recover before a supervisor exists
    screen.name.setFocus()
    key(qtbot, screen.name, "Budi Santoso", Qt.Key.Key_Tab, PIN, Qt.Key.Key_Tab, PIN)
    screen.not_the_agent.setFocus()
    key(qtbot, screen, Qt.Key.Key_Space)
    screen.save_button.setFocus()
    key(qtbot, screen, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecoveryCodeDialog), timeout=TIMEOUT)
    dialog = QApplication.activeModalWidget()
    code = dialog.code.text().replace(" ", "")
    assert len(code) == 23 and code.count("-") == 3
    assert any("brankas" in label.text() and "bukan di loket" in label.text() for label in dialog.findChildren(QLabel))
    for habit in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
        key(qtbot, dialog, habit)
        assert dialog.isVisible(), habit  # not thrown away before it is written down
    assert not dialog.ok.isEnabled()
    assert dialog.focusWidget() is dialog.written
    key(qtbot, dialog, Qt.Key.Key_Space)  # "Kode sudah saya tulis atau cetak untuk pemilik"
    key(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    back_in_the_window(qtbot, screen)
    qtbot.waitUntil(lambda: screen.code_issued_at is not None, timeout=TIMEOUT)
    return screen, code


def when_open(kind: type, act) -> list[object]:
    """``act(dialog)`` once a modal ``kind`` is up (its loop blocks the test): True or what it
    raised in the list returned, the dialog closed if it raised."""
    done: list[object] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, check)
            return
        try:
            act(dialog)
            done.append(True)
        except BaseException as exc:  # noqa: BLE001 - raised again by the test, after the modal loop ends
            done.append(exc)
            dialog.done(0)

    QTimer.singleShot(0, check)
    return done


def recover_by_keyboard(qtbot, screen, code: str, pin: str) -> None:
    """Shift+Tab from the name up to "Lupa PIN supervisor? …", Space; in the form: the code,
    Enter, the PIN, Enter, again, Enter."""
    def fill(dialog) -> None:
        assert dialog.name.currentText() == "Budi Santoso" and dialog.focusWidget() is dialog.code
        key(qtbot, dialog, code.lower(), Qt.Key.Key_Return, pin, Qt.Key.Key_Return, pin)
        assert dialog.isVisible() and dialog.ok.isEnabled()
        key(qtbot, dialog, Qt.Key.Key_Return)

    screen.name.setFocus()
    key(qtbot, screen, Qt.Key.Key_Backtab, Qt.Key.Key_Backtab)  # up the page: "Buat kode…", "Lupa PIN…"
    assert screen.focusWidget() is screen.forgot_button
    done = when_open(RecoveryDialog, fill)
    key(qtbot, screen, Qt.Key.Key_Space)
    if done and isinstance(done[-1], BaseException):
        raise done[-1]
    assert done == [True]
    back_in_the_window(qtbot, screen)


def test_the_only_supervisor_who_forgot_the_pin_sets_a_new_one_with_the_owners_code(qtbot, shell, context):
    supervisors = context.dayclose.supervisors
    screen, code = register_the_only_supervisor(qtbot, shell)
    assert "Kode pemulihan pemilik dibuat" in screen.recovery_status.text()

    recover_by_keyboard(qtbot, screen, code, NEW_PIN)
    qtbot.waitUntil(lambda: "sudah terpakai" in screen.banner.text(), timeout=TIMEOUT)
    assert screen.banner.property("kind") == "success" and "kode pemulihan baru" in screen.banner.text()
    assert "Belum ada kode pemulihan" in screen.recovery_status.text()
    assert not screen.forgot_button.isEnabled()  # nothing left to use until a new code is issued
    assert screen.focusWidget() is screen.issue_button
    try:
        supervisors.approve(PIN, "koreksi kas receh", CASH_CORRECTION)
        raise AssertionError("the forgotten PIN still works")
    except InvalidSupervisorPin:
        pass
    assert supervisors.approve(NEW_PIN, "koreksi kas receh", CASH_CORRECTION).approver == "Budi Santoso"
    reset = [a for a in supervisors.approvals() if a.action == RECOVERY_RESET]
    assert [(a.approver, a.subject) for a in reset] == [("Budi Santoso", "Budi Santoso")]
    assert USERNAME in reset[0].reason


def test_a_spent_code_is_refused_and_a_new_one_is_issued_behind_the_pin(qtbot, shell, context):
    supervisors = context.dayclose.supervisors
    screen, code = register_the_only_supervisor(qtbot, shell)
    recover_by_keyboard(qtbot, screen, code, NEW_PIN)
    qtbot.waitUntil(lambda: "sudah terpakai" in screen.banner.text(), timeout=TIMEOUT)

    asked: list[str] = []
    screen.ask_supervisor = lambda _parent, title, _detail, _reason: asked.append(title) or SupervisorAnswer(NEW_PIN)
    shown: list[str] = []
    screen.show_code = lambda _parent, new, _print: shown.append(new)
    key(qtbot, screen, Qt.Key.Key_Space)  # on "Buat kode pemulihan baru"
    qtbot.waitUntil(lambda: shown != [], timeout=TIMEOUT)
    assert asked == ["Buat kode pemulihan baru"] and shown[0] != code
    assert screen.forgot_button.isEnabled() and "Kode pemulihan pemilik dibuat" in screen.recovery_status.text()

    recover_by_keyboard(qtbot, screen, code, "135792")  # the old paper
    qtbot.waitUntil(lambda: "sudah dipakai" in screen.banner.text(), timeout=TIMEOUT)
    assert screen.banner.property("kind") == "error"
    assert supervisors.approve(NEW_PIN, "koreksi kas receh", CASH_CORRECTION).approver == "Budi Santoso"


def test_the_code_goes_to_the_receipt_printer_and_never_to_a_file(qtbot, shell, context):
    """"Cetak kode" prints the slip; with no printer (PDF mode) nothing is saved in the
    receipts folder, where every printout's text is otherwise kept, and the dialog says to
    write the code by hand."""
    from tests.integration.test_receipt_printer import FakeEscposPrinter
    from tests.ui.test_printing import network, use_printer

    receipts = context.printer_settings.receipts_dir
    before = set(receipts.rglob("*")) if receipts.exists() else set()
    screen, code = register_the_only_supervisor(qtbot, shell)  # PDF mode: the profile's default
    with FakeEscposPrinter() as sink:
        use_printer(context, **network(sink.port))
        shown: list[RecoveryCodeDialog] = []
        screen.show_code = lambda parent, new, print_code: shown.append(RecoveryCodeDialog(parent, new, print_code))
        screen.ask_supervisor = lambda *_args: SupervisorAnswer(PIN)
        screen.issue_button.click()
        qtbot.waitUntil(lambda: shown != [], timeout=TIMEOUT)
        dialog = shown[0]
        qtbot.addWidget(dialog)
        new = dialog.code.text().replace(" ", "")
        assert new != code and dialog.print_button is not None
        dialog.print_button.click()
        qtbot.waitUntil(lambda: len(sink.jobs) == 1, timeout=TIMEOUT)
        groups = new.split("-")
        assert all(group.encode() in sink.jobs[0] for group in groups) and b"brankas" in sink.jobs[0]
        qtbot.waitUntil(lambda: "tercetak" in dialog.print_status.text(), timeout=TIMEOUT)
    use_printer(context, connection="pdf")
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "tulis dengan tangan" in dialog.print_status.text(), timeout=TIMEOUT)
    after = set(receipts.rglob("*")) if receipts.exists() else set()
    assert after == before
    for path in after:
        if path.is_file():
            assert groups[0].encode() not in path.read_bytes()


def test_the_print_answer_under_the_code_leaves_the_owners_instructions_whole(qtbot, shell):
    """After "Cetak kode" the printer's answer comes up under the code; the dialog grows for it
    (it kept its height and squashed "Tulis kode ini … bukan di loket" into half of it)."""
    from tests.ui.fit_check import findings

    def print_code(done) -> None:
        done("error", "Printer tidak menjawab. Tulis kode ini dengan tangan di kertas dan serahkan kepada pemilik.")

    dialog = RecoveryCodeDialog(shell, "acdef-ghjkm-npqrt-wxy34", print_code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # laid out
    assert findings(dialog) == []
    assert dialog.print_button is not None
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "tangan" in dialog.print_status.text(), timeout=TIMEOUT)
    qtbot.wait(50)
    assert findings(dialog) == []
