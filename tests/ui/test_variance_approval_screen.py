"""Tutup Hari with a difference in the drawer: the supervisor approves it in the supervisor
dialog every approval uses (PIN; the agent's note is the reason), or the day is not sealed.
Rp 5.000 short used to seal on the agent's note alone, one button and "Tutup hari?"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from services.dayclose import CASH_VARIANCE
from tests.ui.test_dayclose_screens import SUPERVISOR_PIN, count_cash, deposit, open_shift, start_close, wait_loaded
from tests.ui.uidrive import click, focused, key
from ui.widgets.report_view import ReportView
from ui.widgets.supervisor import SupervisorAnswer, SupervisorDialog, ask_supervisor

SHIFT_OPEN = False  # the day's shift is opened through its screen, with a float of Rp 500.000

NOTE = "uang kembalian kurang"


def short_by_5000(qtbot, shell, loket, context):
    """Rp 750.000 expected (float and one deposit), Rp 745.000 counted, the note typed."""
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    open_shift(qtbot, shell, loket)
    deposit(context)
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "745000")
    assert screen.variance_page.variance_value.text() == "Kas kurang Rp 5.000"
    assert screen.variance_page.confirm_button.text() == "Lanjut: persetujuan supervisor"
    qtbot.keyClicks(screen.variance_page.note, NOTE)
    return screen


def variance_approvals(context, screen):
    day = screen.flow.business_date
    return [(a.approver, a.reason) for a in context.dayclose.supervisors.approvals(day) if a.action == CASH_VARIANCE]


def test_a_wrong_pin_refuses_and_the_right_one_seals_naming_the_supervisor(qtbot, shell, loket, context):
    screen = short_by_5000(qtbot, shell, loket, context)
    asked = []

    def wrong(parent, title, detail, with_reason):
        asked.append((title, detail, with_reason))
        return SupervisorAnswer("111222")

    screen.ask_supervisor = wrong
    screen.ask_confirm = lambda *args: asked.append("Tutup hari?") or True
    click(qtbot, screen.variance_page.confirm_button)
    wait_loaded(qtbot, loket)
    [(title, detail, with_reason)] = asked  # the dialog, and no other question besides
    assert title == "Setujui selisih kas" and not with_reason  # the note is the reason
    assert "Kas kurang Rp 5.000" in detail and "Rp 750.000" in detail and "Rp 745.000" in detail
    assert f'"{NOTE}"' in detail
    assert "PIN supervisor salah" in screen.banner.text()
    assert screen.page == "variance" and not context.dayclose.is_sealed(screen.flow.business_date)
    assert variance_approvals(context, screen) == []

    screen.ask_supervisor = lambda *args: None  # Batal: nothing happens
    click(qtbot, screen.variance_page.confirm_button)
    wait_loaded(qtbot, loket)
    assert screen.page == "variance" and not context.dayclose.is_sealed(screen.flow.business_date)

    screen.ask_supervisor = lambda *args: SupervisorAnswer(SUPERVISOR_PIN)
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    assert screen.sealed_page.sealed_variance.text() == "Kas kurang Rp 5.000"
    assert screen.sealed_page.sealed_approver.isVisible()
    assert screen.sealed_page.sealed_approver.text() == "Budi Santoso"
    assert variance_approvals(context, screen) == [("Budi Santoso", NOTE)]
    report, _digest = context.dayclose.z_report(screen.flow.business_date)
    assert report.cash.variance_approved_by == "Budi Santoso"

    click(qtbot, screen.sealed_page.print_button)  # the paper the supervisor signs names them
    wait_loaded(qtbot, loket)
    printed = screen.sealed_page.summary_preview.toPlainText().splitlines()
    assert any(line.startswith("Disetujui") and line.endswith("Budi Santoso") for line in printed)


def test_the_real_dialog_by_keyboard_an_enter_alone_approves_nothing(qtbot, shell, loket, context):
    """The note's Enter opens the supervisor dialog; the habitual second Enter, on the empty
    PIN, does nothing; Esc cancels; the supervisor's PIN and Enter seal."""
    screen = short_by_5000(qtbot, shell, loket, context)
    screen.ask_supervisor = ask_supervisor  # the real dialog
    seen = []

    def in_the_dialog(then) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SupervisorDialog) or dialog.focusWidget() is None:
            QTimer.singleShot(20, lambda: in_the_dialog(then))
            return
        seen.append(dialog.focusWidget() is dialog.pin and dialog.reason is None)  # the PIN only
        details = [label for label in dialog.findChildren(QLabel) if label.text().startswith("Kas kurang")]
        seen.append(len(details) == 1 and "Rp\u00a0745.000" in details[0].text() and NOTE in details[0].text()
                    # the figures and the note whole, not cut off at the top and bottom (1024x768 at 125 %)
                    and details[0].height() >= details[0].heightForWidth(details[0].width()))
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter by habit, the PIN empty
        seen.append(dialog.isVisible() and not dialog.ok.isEnabled())
        then(dialog)

    QTimer.singleShot(0, lambda: in_the_dialog(lambda dialog: qtbot.keyClick(dialog.focusWidget(),
                                                                              Qt.Key.Key_Escape)))
    assert focused(shell) is screen.variance_page.note
    key(qtbot, shell, Qt.Key.Key_Return)  # the note's Enter: on to the supervisor
    wait_loaded(qtbot, loket)
    assert seen == [True, True, True]
    assert screen.page == "variance" and not context.dayclose.is_sealed(screen.flow.business_date)
    assert variance_approvals(context, screen) == []

    def approve(dialog) -> None:
        qtbot.keyClicks(dialog.pin, SUPERVISOR_PIN)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    QTimer.singleShot(0, lambda: in_the_dialog(approve))
    screen.variance_page.note.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    assert seen == [True] * 6
    assert variance_approvals(context, screen) == [("Budi Santoso", NOTE)]


def test_an_even_count_still_only_asks_tutup_hari(qtbot, shell, loket, context):
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    open_shift(qtbot, shell, loket)
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "500000")
    screen.ask_supervisor = lambda *args: (_ for _ in ()).throw(AssertionError("no supervisor for an even count"))
    asked = []
    screen.ask_confirm = lambda parent, title, text: asked.append(title) or True
    assert screen.variance_page.confirm_button.text() == "Tutup hari sekarang"
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    assert asked == ["Tutup hari?"] and variance_approvals(context, screen) == []
    assert not screen.sealed_page.sealed_approver.isVisible()  # nobody to name


def test_the_laporan_z_on_the_screen_names_who_approved_the_difference(qtbot, shell, loket, context):
    screen = short_by_5000(qtbot, shell, loket, context)
    screen.ask_supervisor = lambda *args: SupervisorAnswer(SUPERVISOR_PIN)
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    view = ReportView()
    qtbot.addWidget(view)
    view.show_report(context.dayclose.z_report(screen.flow.business_date)[0])
    shown = view.text()
    assert "Selisih disetujui" in shown and "Budi Santoso" in shown
    assert "Tutup hari dengan selisih kas · disetujui Budi Santoso" in shown
