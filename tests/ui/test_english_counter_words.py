"""Words an English counter showed in Indonesian, walked by keyboard in English at 125 %:
the lock screen's wrong quick PIN, the cash movement's type (its banner and the day's list),
Buka Rekening's marital status (the drop-down and the summary read to the customer), and
what a supervisor approved, on the day's report. The slip, the report files and what is sent
to the bank keep the Indonesian words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.gui import translations_dir
from tests.ui.test_history_screens import switcher_transfer
from tests.ui.test_idle_lock import QUICK_PIN, attempt, lock_after_200_ms
from tests.ui.test_language import log_in_open
from tests.ui.uidrive import focused, key, type_text, wait_idle
from ui import i18n

TIMEOUT = 10_000


@pytest.fixture
def loket_en(request):
    """The conftest ``loket`` built in English (as run_gui does), the day's shift open."""
    assert i18n.install("en", translations_dir())
    request.getfixturevalue("context").dayclose.shifts.open(0, "BNIUS100294")
    yield request.getfixturevalue("loket")
    i18n.install("id", translations_dir())


def palette(qtbot, shell, words: str):
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, words)
    key(qtbot, shell, Qt.Key.Key_Return)


def test_wrong_quick_pin_in_english(qtbot, loket_en):
    shell = log_in_open(qtbot, loket_en)
    shell.services.quick_pin.set(QUICK_PIN, QUICK_PIN)
    lock = lock_after_200_ms(qtbot, shell)
    attempt(qtbot, lock, lock.pin, "135790")
    assert lock.field("quick_pin").error.text() == "Wrong quick PIN."


def test_pay_in_and_pay_out_named_in_english(qtbot, loket_en, context):
    shell = log_in_open(qtbot, loket_en)
    palette(qtbot, shell, "shift")
    screen = shell.screen("shift")
    assert shell.current_screen() is screen
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    screen.ask_confirm = lambda parent, title, text: True  # "… — correct?": yes
    screen.kind.setFocus()
    key(qtbot, shell, Qt.Key.Key_Down)  # pay-in
    key(qtbot, shell, Qt.Key.Key_Return)
    type_text(qtbot, shell, "200000")
    key(qtbot, shell, Qt.Key.Key_Return)
    type_text(qtbot, shell, "Top-up from the owner")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.movements.rowCount() == 1, timeout=TIMEOUT)
    wait_idle(qtbot, loket_en)
    assert screen.banner.text().startswith("Add cash (pay-in) Rp 200.000 recorded")
    assert screen.movements.text(0, 1) == "Add cash (pay-in)"
    assert context.dayclose.shifts.movements(screen.business_date)[0].label == "Tambah Kas (Pay-in)"


def test_marital_status_in_english(qtbot, loket_en):
    shell = log_in_open(qtbot, loket_en)
    palette(qtbot, shell, "open account")
    screen = shell.screen("open_account")
    assert shell.current_screen() is screen
    status = screen.status_nikah
    assert [status.itemText(i) for i in range(status.count())] == ["Single", "Married", "Divorced", "Widowed"]
    assert [status.itemData(i) for i in range(status.count())] == ["Lajang", "Menikah", "Cerai Hidup", "Cerai Mati"]
    assert focused(shell) is not None


def test_supervisor_approval_named_in_english_on_the_report(qtbot, loket_en, context):
    shell = log_in_open(qtbot, loket_en)
    context.dayclose.supervisors.set_pin("Bu Sari", "246810")
    palette(qtbot, shell, "x report")
    screen = shell.screen("x_report")
    assert shell.current_screen() is screen
    qtbot.waitUntil(lambda: screen.view.report is not None, timeout=TIMEOUT)
    wait_idle(qtbot, loket_en)
    assert "First supervisor set · approved by Bu Sari" in screen.view.approvals.text()


def test_reversed_transfer_named_in_english_on_the_report(qtbot, loket_en, context):
    shell = log_in_open(qtbot, loket_en)
    context.dayclose.supervisors.set_pin("Bu Sari", "246810")
    reference = switcher_transfer(context, 250_000)
    context.switching.reversal(reference, "246810", "Wrong account")
    palette(qtbot, shell, "x report")
    screen = shell.screen("x_report")
    qtbot.waitUntil(lambda: screen.view.report is not None, timeout=TIMEOUT)
    wait_idle(qtbot, loket_en)
    view = screen.view
    assert view.reversed_title.text() == "Cancelled transactions (reversal) (1)"
    reversal = next(context.journal.rows("product = 'switcher_reversal'")).reference
    # with why: the reversal and the supervisor's reason (tests/ui/test_row_words.py)
    assert [view.reversed.text(0, c) for c in (1, 2, 5)] == [
        reference, "Switcher Transfer", f"Cancelled — Reversal {reversal}: Wrong account"]
