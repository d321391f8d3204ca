"""Settings typed and not saved are never dropped without a question (ui/unsaved.py).

The supervisor types a counter fee or a receipt footer and then, by habit, presses Esc (or
a menu button, or the palette) instead of Tab to "Simpan". Before: Loket went to Beranda
without a word, the edits were never in force, and Biaya Loket showed the unsaved fee
again when reopened as if it were saved. Now the real question comes up; Enter, Space and
Esc keep the agent on the edits, and only a deliberate "Buang perubahan" leaves (the form
then shows what is saved).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.uidrive import ModalKeys, click, focused, key, type_text, wait_idle

TIMEOUT = 10_000


def open_settings(qtbot, shell, loket, screen_id):
    click(qtbot, shell._nav[screen_id])  # no supervisor set yet: opens with a warning
    screen = shell.screen(screen_id)
    assert shell.current_screen() is screen
    wait_idle(qtbot, loket)
    return screen


def test_a_fee_typed_and_not_saved_is_kept_on_esc_until_buang_perubahan(qtbot, shell, loket, context):
    screen = open_settings(qtbot, shell, loket, "counter_fees")
    first = focused(shell)
    product = next(p for p, e in screen.edits.items() if e is first)
    type_text(qtbot, shell, "2500")
    for answer in (Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Space):  # habits on the question
        modal = ModalKeys(qtbot, answer)
        key(qtbot, shell, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda asked=modal: asked.seen == ["leaveDialog"], timeout=TIMEOUT)
        assert shell.current_screen() is screen and first.text() == "2.500"
        assert screen.fees.fee(product) == 0
    modal = ModalKeys(qtbot, Qt.Key.Key_Backtab, Qt.Key.Key_Return)  # to "Buang perubahan", on purpose
    key(qtbot, shell, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shell.current_screen() is shell.screen("home"), timeout=TIMEOUT)
    assert modal.seen == ["leaveDialog"] and screen.fees.fee(product) == 0
    screen = open_settings(qtbot, shell, loket, "counter_fees")
    assert first.text() == ""  # reopened: the fee in force, not the figure thrown away


def test_a_saved_fee_leaves_without_a_question(qtbot, shell, loket, context):
    screen = open_settings(qtbot, shell, loket, "counter_fees")
    first = focused(shell)
    type_text(qtbot, shell, "2500")
    screen.save_button.setFocus()  # the agent's own press of Simpan
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "disimpan" in screen.banner.text(), timeout=TIMEOUT)
    key(qtbot, shell, Qt.Key.Key_Escape)
    assert shell.current_screen() is shell.screen("home") and QApplication.activeModalWidget() is None
    assert screen.fees.fee(next(p for p, e in screen.edits.items() if e is first)) == 2500


def test_a_printer_footer_not_saved_is_kept_when_a_menu_button_is_pressed(qtbot, shell, loket, context):
    screen = open_settings(qtbot, shell, loket, "printer_settings")
    screen.footer.setFocus()
    screen.footer.selectAll()
    type_text(qtbot, shell, "Datang lagi")
    modal = ModalKeys(qtbot, Qt.Key.Key_Return)
    click(qtbot, shell._nav["deposit"])
    qtbot.waitUntil(lambda: modal.seen == ["leaveDialog"], timeout=TIMEOUT)
    assert shell.current_screen() is screen and screen.footer.toPlainText() == "Datang lagi"
    assert shell._nav["printer_settings"].isChecked()  # the menu still says where the agent is
    assert context.profile.load_settings().get("printer", {}).get("footer", "") != "Datang lagi"
