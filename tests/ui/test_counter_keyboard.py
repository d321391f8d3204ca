"""Keyboard first: Ctrl+K and typing on Beranda open the palette; Enter moves on through a
form and presses its main button; Esc goes back a step, then to Beranda; amounts show
their thousands dots as they are typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from services.journal import State
from tests.ui.uidrive import TypingClock, click, focused, key, type_text, wait_idle, wait_result
from ui.screens.billpay import INPUT

TIMEOUT = 10_000


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def has_focus(widget) -> bool:
    """The window's focus widget (the offscreen window is not always the active one)."""
    return widget.window().focusWidget() is widget


def test_ctrl_k_setor_enter_opens_setor_tunai(qtbot, shell):
    home = shell.screen("home")
    press(qtbot, home, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = shell.counter.palette
    assert palette.isVisible() and palette.search.text() == ""
    qtbot.keyClicks(palette.search, "setor")
    assert palette.current().value == "deposit"
    press(qtbot, palette.search, Qt.Key.Key_Return)
    deposit = shell.screen("deposit")
    assert not palette.isVisible() and shell.current_screen() is deposit
    assert has_focus(deposit.account)  # ready for the customer's account number


def test_ctrl_k_works_inside_a_line_edit_and_esc_closes(qtbot, shell):
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    qtbot.keyClicks(deposit.account, "14047")
    press(qtbot, deposit.account, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = shell.counter.palette
    assert palette.isVisible()
    assert deposit.account.text() == "14047"  # not read as "delete to end of line"
    qtbot.keyClicks(palette.search, "trans")
    titles = [entry.title for entry in palette.entries]
    assert titles[:2] == ["Transfer Sesama Bank", "Transfer Antar Bank"]
    press(qtbot, palette.search, Qt.Key.Key_Down)
    assert palette.current().value == "transfer_interbank"
    press(qtbot, palette.search, Qt.Key.Key_Escape)
    assert not palette.isVisible() and shell.current_screen() is deposit


def test_typing_on_home_finds_a_bill_product(qtbot, shell):
    home = shell.screen("home")
    press(qtbot, home, Qt.Key.Key_P)
    palette = shell.counter.palette
    assert palette.isVisible() and palette.search.text() == "p"
    qtbot.keyClicks(palette.search, "ln")
    assert palette.current().kind == "product" and palette.current().value.id == "pln_postpaid"
    press(qtbot, palette.search, Qt.Key.Key_Return)
    screen = shell.screen("billpay_tagihan")
    assert shell.current_screen() is screen
    assert screen.spec.id == "pln_postpaid" and screen.pages.currentIndex() == INPUT
    assert has_focus(screen.form.inputs["customerId"].editor)


def test_enter_moves_through_the_deposit_form_and_esc_goes_back(qtbot, shell, context, pin):
    shell.counter.scan.now = TypingClock()
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    qtbot.keyClicks(deposit.account, "14047")
    press(qtbot, deposit.account, Qt.Key.Key_Return)  # looks the account up
    qtbot.waitUntil(lambda: deposit.name.text() == "ARDHA HERDIANTO", timeout=TIMEOUT)
    assert has_focus(deposit.amount)
    qtbot.keyClicks(deposit.amount, "1500000")
    assert deposit.amount.text() == "1.500.000"  # thousands dots as typed
    press(qtbot, deposit.amount, Qt.Key.Key_Return)
    assert has_focus(deposit.narration)
    press(qtbot, deposit.narration, Qt.Key.Key_Return)
    assert deposit.pages.currentIndex() == 1 and has_focus(deposit.pay_button)

    press(qtbot, deposit.pay_button, Qt.Key.Key_Escape)  # one step back: the form, as typed
    assert deposit.pages.currentIndex() == 0 and deposit.amount.text() == "1.500.000"
    press(qtbot, deposit.narration, Qt.Key.Key_Return)
    assert deposit.pages.currentIndex() == 1
    press(qtbot, deposit.pay_button, Qt.Key.Key_Return)  # Enter presses the focused button
    result = wait_result(qtbot, shell)
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS
    assert len(pin.asked) == 1

    press(qtbot, result, Qt.Key.Key_Escape)  # from the result: Beranda
    assert shell.current_screen() is shell.screen("home")


def test_esc_on_a_first_step_goes_home(qtbot, shell):
    click(qtbot, shell._nav["check_account"])
    screen = shell.screen("check_account")
    assert shell.current_screen() is screen
    press(qtbot, screen.account, Qt.Key.Key_Escape)
    assert shell.current_screen() is shell.screen("home")
    assert shell._nav["home"].isChecked()


def test_enter_on_a_settings_screen_goes_to_the_next_input_and_never_saves(qtbot, shell, loket, context):
    click(qtbot, shell._nav["host_settings"])  # no supervisor set yet: opens with a warning
    screen = shell.screen("host_settings")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    edits = screen.edits["switcher"]
    screen.tabs.setCurrentIndex(screen._tab_of["switcher"])
    edits["base_url"].setFocus()
    press(qtbot, edits["base_url"], Qt.Key.Key_Return)
    assert has_focus(edits["source_bank"])
    press(qtbot, edits["source_bank"], Qt.Key.Key_Return)
    assert has_focus(edits["source_account"])
    qtbot.keyClicks(edits["source_account"], "888801000157508")
    press(qtbot, edits["source_account"], Qt.Key.Key_Return)
    assert has_focus(edits["call_center"])
    press(qtbot, edits["call_center"], Qt.Key.Key_Return)
    assert has_focus(edits["ca_file"])  # past its "Pilih…": a habitual Enter opens no file dialog
    press(qtbot, edits["ca_file"], Qt.Key.Key_Return)  # the last input: Enter saves nothing
    wait_idle(qtbot, loket)
    assert has_focus(edits["ca_file"]) and "tersimpan" not in screen.banner.text()
    assert context.profile.load_settings().get("hosts", {}).get("switcher", {}).get("source_account") \
        != "888801000157508"
    screen.save_button.setFocus()  # the agent's own choice (Tab to it, a click): Enter presses it
    press(qtbot, screen.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "tersimpan" in screen.banner.text(), timeout=TIMEOUT)
    assert context.profile.load_settings()["hosts"]["switcher"]["source_account"] == "888801000157508"


# -- settings: Enter moves, never ticks, never saves -----------------------------------------
def open_settings(qtbot, shell, screen_id):
    click(qtbot, shell._nav[screen_id])  # no supervisor set yet: opens with a warning
    screen = shell.screen(screen_id)
    assert shell.current_screen() is screen
    return screen


def test_enter_through_printer_settings_ticks_nothing_and_saves_nothing(qtbot, shell, loket, context):
    screen = open_settings(qtbot, shell, "printer_settings")
    wait_idle(qtbot, loket)
    assert focused(shell) is screen.connection and not screen.preview_first.isChecked()
    settings = context.profile.load_settings()
    visited = []
    for _ in range(8):  # a habitual Enter, again and again
        key(qtbot, shell, Qt.Key.Key_Return)
        wait_idle(qtbot, loket)
        visited.append(focused(shell))
    assert screen.paper_58 in visited or screen.paper_80 in visited  # the paper width is on the way
    assert screen.preview_first in visited
    assert not screen.preview_first.isChecked() and screen.paper_58.isChecked()
    assert "disimpan" not in screen.banner.text()
    assert context.profile.load_settings() == settings
    screen.footer.setFocus()
    type_text(qtbot, shell, "Terima kasih")
    key(qtbot, shell, Qt.Key.Key_Return)  # in the footer's box: a new line, not Simpan
    assert screen.footer.toPlainText().startswith("Terima kasih\n") and "disimpan" not in screen.banner.text()
    screen.save_button.setFocus()  # the agent's own choice (Tab, a click): Enter presses it
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "disimpan" in screen.banner.text(), timeout=TIMEOUT)


def test_enter_in_a_counter_fee_moves_to_the_next_and_saves_nothing(qtbot, shell, loket, context):
    screen = open_settings(qtbot, shell, "counter_fees")
    edits = list(screen.edits.values())
    first = focused(shell)
    assert first in edits
    type_text(qtbot, shell, "2500")
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_idle(qtbot, loket)
    assert focused(shell) in edits and focused(shell) is not first
    assert "disimpan" not in screen.banner.text()
    assert screen.fees.fee(next(p for p, e in screen.edits.items() if e is first)) in (None, 0)
    edits[-1].setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)  # the last fee: still nothing saved
    wait_idle(qtbot, loket)
    assert focused(shell) is edits[-1] and "disimpan" not in screen.banner.text()


# -- radio groups: one stop on the Enter path, the arrows choose ------------------------------
def test_enter_passes_jenis_kelamin_without_choosing_and_reaches_lanjut(qtbot, shell, loket, tmp_path):
    screen = open_settings(qtbot, shell, "open_account")
    qtbot.waitUntil(lambda: screen.master_loaded, timeout=TIMEOUT)
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3366aa"))
    assert picture.save(str(tmp_path / "ktp.png"))
    screen.choose_file = lambda parent, title: str(tmp_path / "ktp.png")  # Enter on a picture chooses it
    assert focused(shell) is screen.name
    for text in ("Gabymars Yofie", "3515010108970001", "Surabaya"):
        type_text(qtbot, shell, text)
        key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.dob
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.gender_buttons["l"]  # the group's stop: none chosen, the first
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.status_nikah  # moved on, nothing chosen for the customer
    assert screen.gender.checkedButton() is None
    for _ in range(40):  # Enter on, through every input, to Lanjut
        if screen.field("gender").error.isVisible():
            break
        key(qtbot, shell, Qt.Key.Key_Return)
        wait_idle(qtbot, loket)  # a chosen picture's thumbnail
    assert screen.field("gender").error.isVisible()  # refused by the form, with its message
    assert screen.gender.checkedButton() is None and screen.pages.currentIndex() == 0
    screen.gender_buttons["l"].setFocus()  # where a refusal of the gender alone puts the cursor
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.gender.checkedButton() is None and focused(shell) is screen.status_nikah
    male, female = screen.gender_buttons["l"], screen.gender_buttons["p"]
    male.setFocus()
    key(qtbot, shell, Qt.Key.Key_Right)  # the arrow chooses (Qt alone would only move the focus)
    assert focused(shell) is female and screen.gender.checkedButton() is female
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.status_nikah and screen.gender.checkedButton() is female
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is female
    key(qtbot, shell, Qt.Key.Key_Left)
    assert focused(shell) is male and screen.gender.checkedButton() is male


def test_enter_on_a_language_reaches_pakai_bahasa_ini(qtbot, shell):
    screen = open_settings(qtbot, shell, "language")
    assert focused(shell) is screen.choices["id"]
    key(qtbot, shell, Qt.Key.Key_Down)
    assert focused(shell) is screen.choices["en"] and screen.chosen() == "en"
    key(qtbot, shell, Qt.Key.Key_Up)
    assert focused(shell) is screen.choices["id"] and screen.chosen() == "id"
    key(qtbot, shell, Qt.Key.Key_Return)
    assert "sudah dipakai" in screen.banner.text()  # Enter reached "Pakai bahasa ini"


# -- Ctrl+K to the screen on show ---------------------------------------------------------------
def test_ctrl_k_to_the_screen_on_show_puts_the_cursor_on_its_form(qtbot, shell):
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    shell.logout_button.setFocus()  # the header's "Keluar"
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "setor tunai")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert shell.current_screen() is deposit
    assert focused(shell) is deposit.account
    shell.logout_button.setFocus()
    click(qtbot, shell._nav["deposit"])  # the sidebar, to the screen on show: the same
    assert focused(shell) is deposit.account


# -- an empty secret box keeps the cursor -----------------------------------------------------
SUPERVISOR_PIN = "582931"


def test_an_empty_pin_keeps_the_cursor_so_the_pins_land_in_their_own_boxes(qtbot, shell, loket, context):
    """The first supervisor, typed by the keyboard with a habitual Enter before each PIN: each
    PIN still goes into its own box (moved on, each landed one box down and the setup failed)."""
    screen = open_settings(qtbot, shell, "supervisor")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    screen.name.setFocus()
    type_text(qtbot, shell, "Budi Santoso")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.pin
    key(qtbot, shell, Qt.Key.Key_Return)  # by habit, on the empty PIN
    assert focused(shell) is screen.pin and screen.field("pin").error.isVisible()
    assert "masih kosong" in screen.field("pin").error.text()
    type_text(qtbot, shell, SUPERVISOR_PIN)
    assert not screen.field("pin").error.isVisible()  # typing clears the message
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.confirm_pin
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.confirm_pin
    type_text(qtbot, shell, SUPERVISOR_PIN)
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.not_the_agent  # the current PIN is hidden for the first one
    screen.not_the_agent.setChecked(True)
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.names == ["Budi Santoso"], timeout=TIMEOUT)
    assert context.dayclose.supervisors.approve(SUPERVISOR_PIN, "PIN baru dicoba", "cash_correction").approver == \
        "Budi Santoso"


def test_the_first_supervisor_is_set_by_enter_alone_the_tick_included(qtbot, shell, loket, context):
    """Enter on "Saya supervisor, bukan petugas…", pressed as soon as the cursor reached it,
    did nothing: taken for the echo of the Enter that brought the cursor there, as a tick
    that appears with a new page is ("Nama penerima sudah saya bacakan"). This tick was on
    show all along: Enter gives it, and the next Enter saves (the form's primary button)."""
    screen = open_settings(qtbot, shell, "supervisor")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    screen.name.setFocus()
    for text in ("Budi Santoso", SUPERVISOR_PIN, SUPERVISOR_PIN):
        type_text(qtbot, shell, text)
        key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.not_the_agent and not screen.not_the_agent.isChecked()
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.not_the_agent.isChecked() and focused(shell) is screen.not_the_agent
    assert screen.names == []  # ticked, not saved yet
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.names == ["Budi Santoso"], timeout=TIMEOUT)


def test_an_empty_password_box_keeps_the_cursor_on_ganti_password(qtbot, shell):
    screen = open_settings(qtbot, shell, "change_password")
    screen.old.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.old and screen.field("old").error.isVisible()
    type_text(qtbot, shell, "Agen1234")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.new
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is screen.new


def test_a_key_left_empty_to_keep_the_saved_one_lets_enter_move_on(qtbot, shell, loket):
    screen = open_settings(qtbot, shell, "host_settings")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    screen.tabs.setCurrentIndex(screen._tab_of["keagenan"])
    secrets = [edit for name, edit in screen.secret_edits.items() if name.startswith("keagenan.")]
    assert len(secrets) >= 2 and all(not edit.text() for edit in secrets)
    secrets[0].setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)  # empty = keep the saved one: on to the next box
    assert focused(shell) is secrets[1]
    assert not screen.field(secrets[0].objectName()).error.isVisible()
