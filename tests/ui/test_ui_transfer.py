"""The shared transfer flow through the screens: inquiry, name confirmation, amount, PIN,
pay; an expired session in the middle; a double click on Bayar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from services.journal import State
from tests.ui.uidrive import click, wait_idle, wait_result


def open_transfer(qtbot, shell, kind="interbank"):
    click(qtbot, shell._nav[f"transfer_{kind}"])
    screen = shell.screen(f"transfer_{kind}")
    if kind == "interbank":
        qtbot.waitUntil(lambda: screen.banks_loaded, timeout=10_000)
    return screen


def inquire(qtbot, screen, account="114451186", bank="008"):
    if screen.flow.needs_bank:
        screen.bank.lineEdit().clear()
        qtbot.keyClicks(screen.bank.lineEdit(), bank)
    qtbot.keyClicks(screen.account, account)
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)


def confirm_and_type(qtbot, screen, amount="100000"):
    assert not screen.pay_button.isEnabled()  # not before the name is confirmed
    screen.name_confirmed.setChecked(True)
    assert screen.pay_button.isEnabled()
    qtbot.keyClicks(screen.amount, amount)


def test_interbank_transfer_end_to_end(qtbot, shell, context, pin):
    host = context.sandbox_hosts["bankplus"]
    agent_before = host.accounts["4447"].balance
    screen = open_transfer(qtbot, shell)
    assert screen.bank.findData("008") >= 0  # the list came from banks()
    inquire(qtbot, screen)
    assert screen.destination.values["Nama penerima"].text() == "Ardha Herdianto"
    assert screen.destination.values["Biaya admin"].text() == "Rp 6.500"
    confirm_and_type(qtbot, screen)
    assert "Rp\u00a0106.500" in screen.total.text()  # no-break space: "Rp" never wraps alone
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Transfer Antar Bank" in text and "Transaksi berhasil" in text
    assert "Ardha Herdianto" in text and "114451186" in text
    assert "Rp 100.000" in text and "Rp 6.500" in text and "Rp 106.500" in text
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and row.fee == 6_500 and row.total == 106_500
    assert host.accounts["4447"].balance == agent_before - 106_500
    assert len(pin.asked) == 1


def test_intrabank_transfer_shares_the_flow(qtbot, shell, context):
    screen = open_transfer(qtbot, shell, "intrabank")
    assert screen.field("bank") is None  # no bank to pick within the own bank
    inquire(qtbot, screen, account="14047")
    assert screen.destination.values["Nama penerima"].text() == "ARDHA HERDIANTO"
    confirm_and_type(qtbot, screen, "50000")
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert "Transfer Sesama Bank" in result.text() and "Transaksi berhasil" in result.text()
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS


def test_unknown_destination_is_explained(qtbot, shell):
    screen = open_transfer(qtbot, shell)
    screen.bank.lineEdit().clear()
    qtbot.keyClicks(screen.bank.lineEdit(), "008")
    qtbot.keyClicks(screen.account, "123123")
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    assert screen.banner.property("kind") == "error"
    assert screen.pages.currentIndex() == 0


def test_missing_bank_is_refused_at_the_field(qtbot, shell):
    screen = open_transfer(qtbot, shell)
    qtbot.keyClicks(screen.account, "114451186")
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.field("bank").error.isVisible(), timeout=10_000)
    assert not screen.worker.running  # refused before any request


def test_session_expired_brings_login_back_and_keeps_the_fields(qtbot, loket, shell, context, pin):
    screen = open_transfer(qtbot, shell)
    inquire(qtbot, screen)
    confirm_and_type(qtbot, screen, "75000")
    context.sandbox_hosts["bankplus"].forget_sessions()
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: shell.relogin_dialog is not None and shell.relogin_dialog.isVisible(),
                    timeout=10_000)
    dialog = shell.relogin_dialog
    assert dialog.form.username.text() == "BNIUS100294"
    # the screen underneath is unchanged
    assert shell.current_screen() is screen
    assert screen.amount.text() == "75.000" and screen.name_confirmed.isChecked()
    assert screen.destination.values["Nama penerima"].text() == "Ardha Herdianto"
    qtbot.keyClicks(dialog.form.password, "T6jkl4ss")
    click(qtbot, dialog.form.submit)
    qtbot.waitUntil(lambda: shell.relogin_dialog is None, timeout=10_000)
    assert screen.banner.property("kind") == "success"
    assert screen.pay_button.isEnabled()
    click(qtbot, screen.pay_button)  # the agent presses again
    result = wait_result(qtbot, shell)
    assert "Transaksi berhasil" in result.text() and "Rp 75.000" in result.text()
    wait_idle(qtbot, loket)


def test_double_click_on_pay_sends_once(qtbot, shell, context, pin):
    host = context.sandbox_hosts["bankplus"]
    agent_before = host.accounts["4447"].balance
    screen = open_transfer(qtbot, shell)
    inquire(qtbot, screen)
    confirm_and_type(qtbot, screen)
    qtbot.mouseDClick(screen.pay_button, Qt.MouseButton.LeftButton)
    screen.pay()  # and once more straight through the code path, while the first is in flight
    wait_result(qtbot, shell)
    assert len(pin.asked) == 1
    payments = list(context.journal.rows("product=?", ("interbank_transfer",)))
    assert len(payments) == 1
    assert host.accounts["4447"].balance == agent_before - 106_500


def test_escape_goes_back_to_the_destination(qtbot, shell):
    screen = open_transfer(qtbot, shell)
    inquire(qtbot, screen)
    qtbot.keyClick(screen.amount, Qt.Key.Key_Escape)
    assert screen.pages.currentIndex() == 0 and screen.flow.quote is None


def test_the_sender_typed_at_the_counter_is_journaled_and_on_the_receipt(qtbot, shell, context, loket, pin):
    screen = open_transfer(qtbot, shell)
    inquire(qtbot, screen)
    assert screen.destination.values["Bank"].text() == "BANK MANDIRI"  # the host's inquiry says "MANDRI"
    confirm_and_type(qtbot, screen, "75000")
    qtbot.keyClicks(screen.sender_name, "Siti Rahayu")
    qtbot.keyClicks(screen.sender_phone, "0812345")  # too short: refused at its field, nothing sent
    click(qtbot, screen.pay_button)
    assert screen.field("sender_phone").error.isVisible() and not pin.asked
    assert screen.focusWidget() is screen.sender_phone and screen.sender_phone.hasSelectedText()
    qtbot.keyClicks(screen.sender_phone, "081234567890")  # typed over the refused number
    qtbot.keyClick(screen.sender_phone, Qt.Key.Key_Return)  # Enter in the last field pays
    result = wait_result(qtbot, shell)
    row = context.journal.get(result.done.row.reference)
    assert row.declared == {"sender_name": "Siti Rahayu", "sender_phone": "081234567890"}
    assert "sender" not in str(row.request)  # recorded with the row, never sent: the document has no field
    assert context.journal.events(row.reference)[0].changes == row.declared and context.journal.verify().ok
    text = result.text()
    assert "Pengirim\nSiti Rahayu" in text and "081234567890" in text and "BANK MANDIRI (008)" in text
    receipt = context.receipts.preview_text(row.reference)
    assert "Siti Rahayu" in receipt and "081234567890" in receipt


def test_a_transfer_without_a_sender_prints_no_sender_line(qtbot, shell, context, pin):
    screen = open_transfer(qtbot, shell, "intrabank")
    inquire(qtbot, screen, account="1234567890")
    confirm_and_type(qtbot, screen, "50000")
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    row = context.journal.get(result.done.row.reference)
    assert row.declared == {} and "Pengirim" not in result.text()


def test_the_switcher_names_the_bank_it_was_given_a_code_for(qtbot, shell):
    click(qtbot, shell._nav["switcher_transfer"])
    screen = shell.screen("switcher_transfer")
    screen.bank.setText("BRINIDJA")
    qtbot.keyClicks(screen.account, "888801000003301")
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    assert screen.destination.values["Bank"].text() == "BANK BRI (BRINIDJA)"  # the code typed, read back by name
