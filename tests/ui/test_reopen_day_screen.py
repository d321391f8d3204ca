"""Tutup Hari's page for a sealed day offers to open it again: a supervisor who sealed too
early (a late deposit not yet recorded, a miscount) had ``DayClose.reopen`` and no screen
offering it. The supervisor dialog asks the PIN and a reason after saying what reopening
means; afterwards the day is open with the normal Tutup Hari flow, and it seals again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from services.dayclose import REOPEN_DAY
from tests.ui.test_dayclose_screens import SUPERVISOR_PIN, count_cash, deposit, start_close, wait_loaded
from tests.ui.uidrive import click, focused, key
from ui.widgets.supervisor import SupervisorAnswer, SupervisorDialog, ask_supervisor

REASON = "setoran terlambat belum dicatat"


def sealed(qtbot, shell, loket, context):
    """Today sealed with one deposit (Rp 250.000 in a drawer opened with Rp 0)."""
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    deposit(context)
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "250000")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    wait_loaded(qtbot, loket)
    return screen


def reopenings(context, day):
    return [(a.approver, a.reason) for a in context.dayclose.supervisors.approvals(day) if a.action == REOPEN_DAY]


def in_the_dialog(qtbot, then, seen) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, SupervisorDialog) or dialog.focusWidget() is None:
        QTimer.singleShot(20, lambda: in_the_dialog(qtbot, then, seen))
        return
    seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
    then(dialog)


def test_by_keyboard_a_supervisor_reopens_the_day_and_it_is_sealed_again(qtbot, shell, loket, context):
    screen = sealed(qtbot, shell, loket, context)
    day = screen.flow.business_date
    button = screen.sealed_page.reopen_button
    assert button.isVisible() and not button.isDefault() and not button.autoDefault()
    assert focused(shell) is not button  # never where the keyboard lands after the seal
    screen.ask_supervisor = ask_supervisor  # the real dialog
    seen: list[str] = []

    def cancel(dialog) -> None:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)

    for _ in range(8):  # Tab on to "Buka kembali hari…"
        if focused(shell) is button:
            break
        key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is button
    QTimer.singleShot(0, lambda: in_the_dialog(qtbot, cancel, seen))
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    wait_loaded(qtbot, loket)
    # said before asking: the sealed Laporan Z stays, the day is closed again, the office is told
    assert "Laporan Z No. 0001 tetap tersimpan" in seen[0] and "ditutup lagi" in seen[0]
    assert "kantor mitra" in seen[0]
    assert context.dayclose.is_sealed(day) and reopenings(context, day) == []  # Esc: nothing recorded
    assert screen.page == "sealed"

    def approve(dialog) -> None:
        assert dialog.reason is not None and not dialog.ok.isEnabled()
        qtbot.keyClicks(dialog.pin, SUPERVISOR_PIN)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # on to the reason
        assert dialog.focusWidget() is dialog.reason and dialog.isVisible()
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    button.setFocus()
    QTimer.singleShot(0, lambda: in_the_dialog(qtbot, approve, seen))
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.page == "summary", timeout=10_000)
    wait_loaded(qtbot, loket)
    assert not context.dayclose.is_sealed(day) and context.dayclose.business_day() == day
    assert reopenings(context, day) == [("Budi Santoso", REASON)]
    assert "dibuka kembali" in screen.banner.text() and "Budi Santoso" in screen.banner.text()
    # the day's own report names the reopening, by whom and why
    shown = screen.summary_page.report_view.text()
    assert "Buka kembali hari" in shown and REASON in shown

    # the day's shift and drawer serve customers again (the gate knew none for the next day)
    shell.counter.shift_gate.refresh()
    qtbot.waitUntil(lambda: shell.counter.shift_gate.is_open, timeout=10_000)
    deposit(context, 100_000)  # the late deposit, on the reopened day
    click(qtbot, screen.summary_page.refresh_button)
    wait_loaded(qtbot, loket)
    count_cash(qtbot, screen, loket, "350000")
    assert screen.variance_page.variance_value.text().startswith("Rp 0")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    assert screen.sealed_page.report_number.text() == "No. 0002"
    z2, _ = context.dayclose.z_report(day)
    assert z2.totals.total == 350_000
    assert [(a.action, a.reason) for a in z2.approvals if a.reason == REASON] == [("Buka kembali hari", REASON)]
    assert context.dayclose.closed_days() == [(day, 2, True), (day, 1, False)]


def test_a_wrong_pin_reopens_nothing(qtbot, shell, loket, context):
    screen = sealed(qtbot, shell, loket, context)
    day = screen.flow.business_date
    screen.ask_supervisor = lambda *args: SupervisorAnswer("111222", REASON)
    click(qtbot, screen.sealed_page.reopen_button)
    wait_loaded(qtbot, loket)
    assert "PIN supervisor salah" in screen.banner.text()
    assert screen.page == "sealed" and context.dayclose.is_sealed(day) and reopenings(context, day) == []


def test_the_closed_page_offers_it_too_and_a_day_whose_next_day_began_is_refused_unasked(
        qtbot, shell, loket, context):
    screen = sealed(qtbot, shell, loket, context)
    day = screen.flow.business_date
    click(qtbot, shell._nav["home"])
    screen = start_close(qtbot, shell, loket)  # Tutup Hari opened again: "Hari ini sudah ditutup"
    assert screen.page == "closed" and screen.closed_page.reopen_button.isVisible()
    assert not screen.closed_page.reopen_button.autoDefault()

    context.dayclose.shifts.open(250_000, "BNIUS100294")  # the next day's shift: the next day has begun
    asked = []
    screen.ask_supervisor = lambda *args: asked.append(args) or SupervisorAnswer(SUPERVISOR_PIN, REASON)
    click(qtbot, screen.closed_page.reopen_button)
    wait_loaded(qtbot, loket)
    assert asked == []  # refused before the supervisor is asked
    assert "sudah dimulai" in screen.banner.text()
    assert screen.page == "closed" and context.dayclose.is_sealed(day) and reopenings(context, day) == []
