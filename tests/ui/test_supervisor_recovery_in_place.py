"""The only supervisor forgot the PIN at a counter prompt (Tutup Hari's approval of a
difference, a cash correction, a settings screen): the prompt itself offers the owner's
recovery code, the code sets a new PIN over the prompt, and the same prompt then takes the
new PIN, with the count or the form typed so far untouched.

It used to be offered only at the settings prompt, and led away to Pengaturan > Supervisor:
at 21:00 in Tutup Hari the supervisor who forgot the PIN was stuck, or dropped the count.

Driven through the real dialogs (``SupervisorDialog``, ``RecoveryDialog``), by keyboard
where the counter would use it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from services.dayclose import InvalidSupervisorPin
from services.dayclose.supervisor import OPEN_SETTINGS, RECOVERY_RESET
from services.lockout import LockedOut
from tests.ui.test_dayclose_screens import count_cash, open_screen, start_close, suspect_row, wait_loaded
from tests.ui.test_supervisor_recovery import back_in_the_window, key, when_open
from tests.ui.uidrive import USERNAME, click, focused, type_text
from ui.widgets.recovery import RecoveryDialog
from ui.widgets.supervisor import SupervisorDialog, ask_supervisor

PIN, NEW_PIN = "246810", "975312"
NAME = "Budi Santoso"
TIMEOUT = 10_000


def the_only_supervisor(context) -> str:
    """Registered with its recovery code (the owner's paper): the code."""
    code = context.dayclose.supervisors.set_pin(NAME, PIN)
    assert code is not None
    return code


def forgot_button(dialog) -> QPushButton:
    button = dialog.findChild(QPushButton, "forgotPin")
    assert button is not None
    return button


def notice(dialog) -> QLabel:
    label = dialog.findChild(QLabel, "recoveryNotice")
    assert label is not None
    return label


def recover_in_place(qtbot, dialog, code: str) -> None:
    """At the open prompt: "Lupa PIN?" (never the default), the code and the new PIN twice in
    the form over it, then back to this prompt, its PIN box empty and the keyboard in it."""
    button = forgot_button(dialog)
    qtbot.waitUntil(button.isVisible, timeout=TIMEOUT)  # a code is in force (learned in the background)
    assert "kode pemulihan pemilik" in button.text()
    assert not button.autoDefault() and not button.isDefault() and dialog.ok.isDefault()

    def fill(form) -> None:
        assert form.name.currentText() == NAME and form.focusWidget() is form.code
        key(qtbot, form, code.lower(), Qt.Key.Key_Return, NEW_PIN, Qt.Key.Key_Return, NEW_PIN, Qt.Key.Key_Return)

    done = when_open(RecoveryDialog, fill)
    button.setFocus()
    key(qtbot, dialog, Qt.Key.Key_Space)
    if done and isinstance(done[-1], BaseException):
        raise done[-1]
    assert done == [True]
    qtbot.waitUntil(lambda: "sudah diatur" in notice(dialog).text(), timeout=TIMEOUT)
    assert NAME in notice(dialog).text() and notice(dialog).property("kind") == "success"
    assert dialog.isVisible() and dialog.pin.text() == "" and dialog.focusWidget() is dialog.pin
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=TIMEOUT)  # the keys go there
    assert not button.isVisible()  # the code is spent: nothing left to use here


def at_the_prompt(qtbot, act, open_it) -> None:
    """``open_it()`` brings up the supervisor's prompt; ``act(dialog)`` runs in it."""
    seen = when_open(SupervisorDialog, act)
    open_it()
    qtbot.waitUntil(lambda: seen != [], timeout=TIMEOUT)
    if isinstance(seen[-1], BaseException):
        raise seen[-1]


def recovered_then_approved(qtbot, code: str, title: str | None = None):
    """At the prompt: the PIN recovered, then the new PIN typed and Enter (still approves)."""
    def approve(dialog) -> None:
        if title is not None:
            assert dialog.windowTitle() == title
        recover_in_place(qtbot, dialog, code)
        type_text(qtbot, dialog, NEW_PIN)
        key(qtbot, dialog, Qt.Key.Key_Return)

    return approve


def recorded_as_today(context) -> None:
    """The use is an approval naming the supervisor and the agent (Laporan Z), like the
    settings' own, and the forgotten PIN is void."""
    reset = [a for a in context.dayclose.supervisors.approvals() if a.action == RECOVERY_RESET]
    assert [(a.approver, a.subject) for a in reset] == [(NAME, NAME)] and USERNAME in reset[0].reason
    assert context.dayclose.supervisors.recovery_issued_at() is None


def test_tutup_hari_s_difference_is_approved_after_the_pin_is_recovered_at_its_prompt(qtbot, shell, loket, context):
    code = the_only_supervisor(context)
    screen = start_close(qtbot, shell, loket)  # the drawer should hold Rp 0
    screen.ask_supervisor = ask_supervisor  # the real prompt
    key(qtbot, shell, Qt.Key.Key_Return)  # "Hitung kas di laci"
    qtbot.waitUntil(lambda: screen.page == "count", timeout=TIMEOUT)
    type_text(qtbot, shell, "10000")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=TIMEOUT)
    type_text(qtbot, shell, "lebih 10 ribu, uang kembalian")

    at_the_prompt(qtbot, recovered_then_approved(qtbot, code, "Setujui selisih kas"),
                  lambda: key(qtbot, shell, Qt.Key.Key_Return))  # on from the note: the supervisor's approval
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)  # the count typed before was kept
    recorded_as_today(context)
    [approval] = [a for a in context.dayclose.supervisors.approvals() if a.action != RECOVERY_RESET
                  and "10 ribu" in a.reason]
    assert approval.approver == NAME


def test_a_cash_correction_is_approved_after_the_pin_is_recovered_at_its_prompt(qtbot, shell, loket, context):
    code = the_only_supervisor(context)
    screen = open_screen(qtbot, shell, "shift")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    screen.direction.setCurrentIndex(screen.direction.findData(-1))
    screen.kind.setCurrentIndex(screen.kind.findData("correction"))
    qtbot.keyClicks(screen.amount, "5000")
    qtbot.keyClicks(screen.reason, "uang palsu ditemukan")

    at_the_prompt(qtbot, recovered_then_approved(qtbot, code, "Koreksi kas"),
                  lambda: click(qtbot, screen.record_button))
    wait_loaded(qtbot, loket)
    assert screen.movements.rowCount() == 1 and screen.movements.text(0, 2) == "−Rp 5.000"
    recorded_as_today(context)


def recovered_at_the_settings_prompt(qtbot, shell, context, code: str) -> None:
    """Pengaturan's prompt: the PIN recovered in place, the new PIN opens the screen."""
    gate = shell.counter.gate
    gate.refresh()
    qtbot.waitUntil(lambda: gate.has_supervisor is True, timeout=TIMEOUT)

    at_the_prompt(qtbot, recovered_then_approved(qtbot, code), lambda: click(qtbot, shell._nav["host_settings"]))
    qtbot.waitUntil(lambda: shell.current_screen() is shell.screen("host_settings"), timeout=TIMEOUT)
    recorded_as_today(context)


def test_the_settings_prompt_recovers_in_place_and_opens_the_screen_with_the_new_pin(qtbot, shell, context):
    code = the_only_supervisor(context)
    recovered_at_the_settings_prompt(qtbot, shell, context, code)


def test_no_code_in_force_no_offer_and_esc_still_cancels(qtbot, shell, loket, context):
    """A spent code (or a kiosk whose code was never issued): nothing to offer."""
    code = the_only_supervisor(context)
    context.dayclose.supervisors.recover(code, NAME, NEW_PIN)
    screen = open_screen(qtbot, shell, "shift")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    screen.kind.setCurrentIndex(screen.kind.findData("correction"))
    qtbot.keyClicks(screen.amount, "5000")
    qtbot.keyClicks(screen.reason, "uang palsu ditemukan")

    def look(dialog) -> None:
        from ui.widgets.supervisor_recovery import SupervisorRecovery

        recovery = SupervisorRecovery.of(dialog.parentWidget())
        assert recovery is not None
        qtbot.waitUntil(lambda: recovery.names == [NAME], timeout=TIMEOUT)  # asked, and answered
        wait_loaded(qtbot, loket)
        assert recovery.issued_at is None and not forgot_button(dialog).isVisible()
        key(qtbot, dialog, Qt.Key.Key_Escape)

    at_the_prompt(qtbot, look, lambda: click(qtbot, screen.record_button))
    back_in_the_window(qtbot, screen)
    assert QApplication.activeModalWidget() is None and screen.movements.rowCount() == 0
    assert focused(shell) is not None


def test_tutup_hari_s_sealing_with_an_open_row_is_approved_after_the_pin_is_recovered_on_its_page(
        qtbot, shell, loket, context):
    """The approval page's own PIN box (a pending row stays open): the same offer under it."""
    code = the_only_supervisor(context)
    suspect_row(context)
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "100500")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "approval", timeout=TIMEOUT)
    page = screen.approval_page
    qtbot.keyClicks(page.approval_reason, "host tidak menjawab, dicek besok")
    page.supervisor_pin.setFocus()
    button = forgot_button(page)
    qtbot.waitUntil(button.isVisible, timeout=TIMEOUT)
    assert not button.autoDefault()

    def fill(form) -> None:
        key(qtbot, form, code, Qt.Key.Key_Return, NEW_PIN, Qt.Key.Key_Return, NEW_PIN, Qt.Key.Key_Return)

    done = when_open(RecoveryDialog, fill)
    click(qtbot, button)
    assert done == [True]
    back_in_the_window(qtbot, screen)
    qtbot.waitUntil(lambda: "sudah diatur" in notice(page).text(), timeout=TIMEOUT)
    assert screen.page == "approval" and page.approval_reason.text() == "host tidak menjawab, dicek besok"
    assert focused(shell) is page.supervisor_pin and not button.isVisible()
    type_text(qtbot, shell, NEW_PIN)
    click(qtbot, page.approve_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    recorded_as_today(context)
    report, _ = context.dayclose.z_report(screen.flow.business_date)
    on_z = [(a.action, a.approver) for a in report.approvals]
    assert ("PIN supervisor diatur dengan kode pemulihan", NAME) in on_z  # the use, on Laporan Z
    assert on_z[-1] == ("Tutup hari dengan transaksi menggantung", NAME)


def test_the_reversal_s_pin_box_offers_the_code_too(qtbot, shell, context):
    """Riwayat's reversal takes the supervisor PIN in its own dialog: the same offer under it."""
    from ui.screens.resolution_dialogs import ReversalDialog

    code = the_only_supervisor(context)
    dialog = ReversalDialog(shell.screen("history"), "Transfer Switching Rp 250.000")
    dialog.show()
    qtbot.keyClicks(dialog.reason, "Salah nomor rekening")
    recover_in_place(qtbot, dialog, code)
    qtbot.keyClicks(dialog.pin, NEW_PIN)
    assert dialog.ok.isEnabled()
    request = dialog.take()
    assert request.reason == "Salah nomor rekening" and request.supervisor_pin == NEW_PIN
    dialog.close()
    recorded_as_today(context)


def test_the_code_is_taken_at_once_after_the_forgotten_pin_was_guessed_until_the_prompts_wait(qtbot, shell, context):
    """The supervisor guessed the forgotten PIN five times: the PIN prompts wait a minute (and
    twice as long after each further guess, up to an hour). The owner's code, fetched from
    the safe, sets the new PIN at the prompt at once (it used to be refused with the PINs'
    "Terlalu banyak PIN supervisor yang salah", at the only way back), and the new PIN approves."""
    code = the_only_supervisor(context)
    supervisors = context.dayclose.supervisors
    for _ in range(5):
        with pytest.raises(InvalidSupervisorPin):
            supervisors.approve("111111", "buka pengaturan", OPEN_SETTINGS)
    with pytest.raises(LockedOut):
        supervisors.approve(PIN, "buka pengaturan", OPEN_SETTINGS)
    recovered_at_the_settings_prompt(qtbot, shell, context, code)
