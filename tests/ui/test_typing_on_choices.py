"""Keys typed on a stop that takes no text (``ui.keyboard``: "Typing on a stop that takes no
text"), and the keyboard on an uncertain result.

Walked at the counter: on Buat Virtual Account, Enter from "Nomor pelanggan" stops on "Jenis
VA" (a radio group, one stop), and the amount typed next vanished: nothing was typed
anywhere, Nominal stayed empty, nothing said so. Now the digits still go nowhere (they are
never carried to Nominal, nor do they change the choice), and a line under the radios says
why and what to do; the walk goes on by the arrows and Enter. The same for a tick box and a
button, on every screen.

An uncertain result ("Status belum pasti": do not repeat, do not refund, check the status)
had the keyboard on "Transaksi baru", which opens the same empty form; it is on "Ke
Beranda" now, whose Enter puts the cursor on Transaksi Menggantung's "Cek status"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QPushButton

from services.journal import State
from services.sandbox.base import Fault
from tests.ui.screenshots import settle
from tests.ui.test_dayclose_screens import open_screen
from tests.ui.test_english_at_1024 import cut, shell_en  # noqa: F401 - fixture
from tests.ui.test_result_walk import deposit_sent_by_enter
from tests.ui.test_transfer_enter import type_as_typed
from tests.ui.uidrive import TypingClock, click, focused, key, result_read
from ui.widgets import key_note
from ui.widgets.key_note import KeyNote

ENTER = Qt.Key.Key_Return
TIMEOUT = 10_000


def note(shell) -> KeyNote | None:
    """The line under a stop, if it is on show."""
    found = shell.findChild(KeyNote)
    return found if found is not None and found.isVisible() else None


def in_window(shell, widget) -> QRect:
    return QRect(widget.mapTo(shell, widget.rect().topLeft()), widget.size())


def va_on_jenis_va(qtbot, shell):
    """Buat Virtual Account walked by keyboard as at the counter, up to "Jenis VA"."""
    shell.counter.scan.now = TypingClock()  # a person, not a barcode scanner
    click(qtbot, shell._nav["virtual_account"])
    screen = shell.screen("virtual_account")
    for text in ("Siti Rahayu", "081234567890", ""):  # name, phone, no email
        type_as_typed(qtbot, shell, text)
        key(qtbot, shell, ENTER)
    assert focused(shell) is screen.customer_no and screen.customer_no.text() == "081234567890"
    key(qtbot, shell, ENTER)
    assert focused(shell) is screen.closed  # the radio group's one stop
    return screen


def test_the_amount_typed_on_jenis_va_goes_nowhere_and_says_so(qtbot, shell):
    screen = va_on_jenis_va(qtbot, shell)
    type_as_typed(qtbot, shell, "150000")
    assert screen.amount.text() == ""  # never carried into Nominal
    assert screen.closed.isChecked() and not screen.open.isChecked()  # nor a choice made
    assert focused(shell) is screen.closed
    said = note(shell)
    assert said is not None, "the digits vanished and nothing said so"
    assert said.text() == ("Ketikan tidak masuk: ini pilihan, bukan kotak isian. Pilih dengan tombol panah, "
                           "lalu Enter untuk lanjut.")
    group = in_window(shell, screen.closed).united(in_window(shell, screen.open))
    assert said.geometry().top() > group.bottom() and said.geometry().left() == group.left()  # under the radios
    assert shell.rect().contains(said.geometry())

    key(qtbot, shell, Qt.Key.Key_Down)  # the arrows choose: the note has been read
    assert screen.open.isChecked() and note(shell) is None
    key(qtbot, shell, Qt.Key.Key_Up)
    assert screen.closed.isChecked()
    key(qtbot, shell, ENTER)
    assert focused(shell) is screen.amount
    type_as_typed(qtbot, shell, "150000")
    assert screen.amount.value() == 150_000 and note(shell) is None


def test_letters_and_keypad_digits_on_a_radio_choose_nothing(qtbot, shell):
    """"t" and "T" begin both radios' words, "b" and "B" begin neither; the keypad's digits
    are the amount too. Qt reads none of them as a choice, and neither does the counter."""
    screen = va_on_jenis_va(qtbot, shell)
    key(qtbot, shell, Qt.Key.Key_Down)  # Terbuka chosen, deliberately
    assert screen.open.isChecked() and focused(shell) is screen.open
    type_as_typed(qtbot, shell, "tTbB")
    for digit in (Qt.Key.Key_1, Qt.Key.Key_5):
        key(qtbot, shell, digit, Qt.KeyboardModifier.KeypadModifier)
    assert screen.open.isChecked() and not screen.closed.isChecked() and focused(shell) is screen.open
    assert screen.amount.text() == ""
    assert note(shell) is not None
    key(qtbot, shell, Qt.Key.Key_Shift)  # another key: the note answered the last one
    assert note(shell) is None


def test_digits_on_a_button_press_nothing_and_say_what_presses_it(qtbot, shell):
    screen = va_on_jenis_va(qtbot, shell)
    screen.ask_confirm = lambda *_: pytest.fail("a digit pressed Buat Virtual Account")
    key(qtbot, shell, ENTER)
    type_as_typed(qtbot, shell, "150000")
    key(qtbot, shell, Qt.Key.Key_Tab)  # the expiry
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is screen.create_button
    type_as_typed(qtbot, shell, "5")
    assert focused(shell) is screen.create_button and screen.pages.currentIndex() == 0
    said = note(shell)
    assert said is not None and said.text() == ("Ketikan tidak masuk: ini tombol, bukan kotak isian. Enter "
                                                "menekannya, Tab untuk lanjut.")
    assert said.geometry().top() > in_window(shell, screen.create_button).bottom()


def test_digits_on_a_tick_box_tick_nothing(qtbot, shell):
    """The Supervisor screen's "Saya supervisor, bukan petugas…", its PIN typed on it: not
    ticked, and the line does not repeat what was typed."""
    screen = open_screen(qtbot, shell, "supervisor")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    screen.not_the_agent.setFocus()
    type_as_typed(qtbot, shell, "246810")
    assert not screen.not_the_agent.isChecked() and focused(shell) is screen.not_the_agent
    said = note(shell)
    assert said is not None and said.text() == ("Ketikan tidak masuk: ini kotak centang, bukan kotak isian. "
                                                "Spasi mencentangnya, Tab untuk lanjut.")
    assert "246810" not in said.text()
    key(qtbot, shell, Qt.Key.Key_Space)
    assert screen.not_the_agent.isChecked() and note(shell) is None


def test_in_english_at_1024_the_line_is_english_and_whole(qtbot, qapp, shell_en):  # noqa: F811
    screen = va_on_jenis_va(qtbot, shell_en)
    type_as_typed(qtbot, shell_en, "150000")
    said = note(shell_en)
    assert said is not None
    assert said.text() == ("Not typed: this is a choice, not a box to type in. Choose with the arrow keys, then "
                           "press Enter to go on.")
    assert shell_en.rect().contains(said.geometry())
    assert cut(qapp, shell_en) == []
    assert screen.amount.text() == ""


# -- an uncertain result ------------------------------------------------------------------------
def test_an_uncertain_result_puts_the_keyboard_where_its_status_is_checked(qtbot, shell, context):
    shell.counter.scan.now = TypingClock()
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    deposit, result = deposit_sent_by_enter(qtbot, shell)
    row = result.done.row
    assert row.state is State.SUSPECT and "JANGAN ulangi transaksi" in result.advice.text()
    assert focused(shell) is result.home_button
    # and drawn as the one to press: the filled blue look was still on "Transaksi baru"
    assert result.findChildren(QPushButton, "primary") == [result.home_button]
    result_read(qtbot, result)
    key(qtbot, shell, ENTER)  # the habitual Enter
    home = shell.screen("home")
    assert shell.current_screen() is home
    worklist = home.worklist
    qtbot.waitUntil(lambda: bool(worklist.items) and focused(shell) is worklist.items[0].button, timeout=TIMEOUT)
    assert row.reference in worklist.items[0].text()  # this deposit: Bank+ has no status check,
    assert worklist.items[0].button.text() == "Selesaikan"  # the call center's word is recorded here
    assert context.journal.get(row.reference).state is State.SUSPECT  # nothing sent again



def test_the_first_line_of_the_day_is_as_tall_as_its_words(qtbot, qapp, shell):
    """Walked at 1366x768: the first digit typed on Beranda's "Setor Tunai" showed the line
    one text line tall, its three lines cut at the top and the bottom, unreadable (it was
    measured before the style sheet's font and padding were on it); the second was whole."""
    shell.showNormal()
    shell.resize(1366, 768)
    settle(qapp)
    assert focused(shell) is shell.screen("home").shortcuts[0]
    type_as_typed(qtbot, shell, "1")
    said = note(shell)
    assert said is not None
    assert said.height() >= said.heightForWidth(said.width()) > 2 * said.fontMetrics().height()


def test_on_an_uncertain_result_the_line_leaves_its_reference_in_sight(qtbot, qapp, shell, context):
    """Walked at 1024x768 at 125 %: the agent, the next customer waiting, types the next
    account number on "Ke Beranda" of a "Status belum pasti". There is no room under the
    buttons, and the line opened above them, over the total and the "No. referensi" the
    words just said to give the customer. The line goes beside the button where it fits."""
    shell.counter.scan.now = TypingClock()
    shell.showNormal()
    shell.resize(819, 614)
    settle(qapp)
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    _deposit, result = deposit_sent_by_enter(qtbot, shell)
    result_read(qtbot, result)
    assert result.done.row.state is State.SUSPECT and focused(shell) is result.home_button
    type_as_typed(qtbot, shell, "14047")
    said = note(shell)
    assert said is not None and shell.rect().contains(said.geometry())
    details = result.details.viewport()
    for needed in (result.status, details):
        assert not said.geometry().intersects(in_window(shell, needed)), needed.objectName()
    assert shell.current_screen() is result and result.done.row.state is State.SUSPECT


def test_a_line_under_a_narrow_button_after_one_under_a_wide_one_is_whole(qtbot, qapp, shell):
    """The line keeps the width it had under the last stop; under Setor Tunai's wide "Lanjut"
    that was 770 pixels, and the words of the next line, under Cek Rekening's button, were
    measured at it: one text line tall, three lines cut."""
    shell.showNormal()
    shell.resize(1366, 768)
    settle(qapp)
    for screen_id, button in (("deposit", "next_button"), ("check_account", "submit")):
        stop = getattr(open_screen(qtbot, shell, screen_id), button)
        stop.setFocus()
        type_as_typed(qtbot, shell, "5")
        said = note(shell)
        assert said is not None
        assert said.height() >= said.heightForWidth(said.width()), screen_id


def test_a_second_enter_on_the_way_to_the_work_list_opens_no_new_transaction(qtbot, shell, context):
    """Enter on an uncertain result's "Ke Beranda", pressed twice by habit: Beranda's own
    cursor, on "Setor Tunai" until the work-list was read, took the second Enter and opened
    an empty Setor Tunai, the first step of the repeat the result forbids. Now the second
    Enter goes nowhere and the cursor lands on the item when the list is read."""
    shell.counter.scan.now = TypingClock()
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    _deposit, result = deposit_sent_by_enter(qtbot, shell)
    result_read(qtbot, result)
    key(qtbot, shell, ENTER)
    qtbot.keyClick(focused(shell) or shell, ENTER)  # the same Enter, twice: where the keyboard is now
    home = shell.screen("home")
    assert shell.current_screen() is home
    qtbot.waitUntil(lambda: bool(home.worklist.items) and focused(shell) is home.worklist.items[0].button,
                    timeout=TIMEOUT)
    assert shell.current_screen() is home
    assert [row.state for row in context.journal.rows()] == [State.SUSPECT]



def test_from_an_uncertain_result_the_cursor_lands_on_its_own_row_not_an_older_one(qtbot, shell, context):
    """The list is oldest first: with an older uncertain row still open, the first item's
    "Selesaikan" was another customer's, while the agent had just read this one's reference."""
    journal = context.journal
    older = journal.next_reference()
    journal.begin(reference=older, host="bankplus", product="deposit", product_group="Perbankan",
                  customer_ref="14048", customer_name="BUDI SANTOSO", amount=50_000, fee=0,
                  operator="BNIUS100294", request={"amount": 50_000}, sent_by="BNIUS100294")
    journal.transition(older, State.SUSPECT, actor="system", reason="tidak ada jawaban")
    shell.counter.scan.now = TypingClock()
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    _deposit, result = deposit_sent_by_enter(qtbot, shell)
    row = result.done.row
    assert row.state is State.SUSPECT and row.reference != older
    result_read(qtbot, result)
    key(qtbot, shell, ENTER)  # on "Ke Beranda"
    worklist = shell.screen("home").worklist
    qtbot.waitUntil(lambda: len(worklist.items) == 2 and focused(shell) is not None
                    and worklist.isAncestorOf(focused(shell)), timeout=TIMEOUT)
    first, second = worklist.items
    assert older in first.text() and row.reference in second.text()  # oldest first
    assert focused(shell) is second.button


def test_digits_on_a_drop_down_list_choose_nothing_and_say_so(qtbot, shell):
    """Qt's own search drops a digit no choice begins with, silently (Buka Shift's "Jenis
    mutasi", where the cursor is right after the shift opens): now it is said. A letter is
    still Qt's: it finds a choice by its first letter, visibly."""
    screen = open_screen(qtbot, shell, "history")
    box = screen.state
    box.setFocus()
    type_as_typed(qtbot, shell, "150000")
    assert box.currentIndex() == 0 and focused(shell) is box
    said = note(shell)
    assert said is not None and said.text() == ("Ketikan tidak masuk: ini daftar pilihan, bukan kotak isian. "
                                                "Pilih dengan tombol panah, lalu Enter untuk lanjut.")
    assert "150000" not in said.text()
    wanted = next(i for i in range(1, box.count()) if box.itemText(i)[:1].lower() != box.itemText(0)[:1].lower())
    type_as_typed(qtbot, shell, box.itemText(wanted)[:1].lower())
    assert box.currentIndex() == wanted and note(shell) is None


def test_a_digit_on_a_list_of_numbers_chooses_one(qtbot, shell):
    """Where a choice begins with a digit (a printer's baud rate), the digits are Qt's search."""
    screen = open_screen(qtbot, shell, "printer_settings")
    screen.connection.setCurrentIndex(screen.connection.findData("serial"))
    box = screen.serial_baudrate
    qtbot.waitUntil(box.isVisible, timeout=TIMEOUT)
    box.setFocus()
    wanted = next(i for i in range(box.count()) if box.itemText(i)[:1] != box.currentText()[:1])
    type_as_typed(qtbot, shell, box.itemText(wanted)[:1])
    assert box.currentText()[:1] == box.itemText(wanted)[:1] and note(shell) is None


@pytest.mark.parametrize("way_out", ["esc", "ctrl+h"])
def test_esc_and_ctrl_h_from_an_uncertain_result_land_where_its_button_does(qtbot, shell, context, way_out):
    """Before, "Ke Beranda" put the cursor on the row's item, while Esc and Ctrl+H from the
    same result left it on Beranda's "Setor Tunai": a new deposit one Enter away."""
    shell.counter.scan.now = TypingClock()
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    _deposit, result = deposit_sent_by_enter(qtbot, shell)
    row = result.done.row
    assert row.state is State.SUSPECT
    result_read(qtbot, result)
    if way_out == "esc":
        key(qtbot, shell, Qt.Key.Key_Escape)
    else:
        key(qtbot, shell, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    home = shell.screen("home")
    worklist = home.worklist
    qtbot.waitUntil(lambda: shell.current_screen() is home and bool(worklist.items)
                    and focused(shell) is worklist.items[0].button, timeout=TIMEOUT)
    assert row.reference in worklist.items[0].text()


def test_the_line_goes_by_itself_after_a_few_seconds(qtbot, shell, monkeypatch):
    """Left up until the next key it stayed over what the agent reads next (the work-list's
    call center number at 1024x768 at 125 %, Riwayat's first rows)."""
    monkeypatch.setattr(key_note, "SHOWN_SECONDS", 0.3)
    screen = va_on_jenis_va(qtbot, shell)
    type_as_typed(qtbot, shell, "5")
    assert note(shell) is not None and focused(shell) is screen.closed
    qtbot.waitUntil(lambda: note(shell) is None, timeout=TIMEOUT)
    assert focused(shell) is screen.closed and screen.closed.isChecked()
