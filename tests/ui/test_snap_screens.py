"""The SNAP screens driven as an agent would, against the in-process DOKU and BCA
sandboxes: Buat Virtual Account, BCA: Saldo, BCA: Transfer (name first, then pay; a lost
answer settled by Cek status), BCA: Mutasi (table and CSV), Pengaturan > Kunci API."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from services.formats import format_moment
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT
from services.journal import State
from services.sandbox.base import Fault
from tests.ui.uidrive import PIN, USERNAME, click, wait_result
from tests.unit.test_pin_record_seals import made_from
from ui import registry
from ui.models.statement import BALANCE, REMARK, TYPE
from ui.screens.bca import REMARK_MIN
from ui.screens.snap_common import UnavailableScreen

BENEFICIARY = "0611104625"  # BUDI SANTOSO in the sandbox's BCA_ACCOUNTS


def open_screen(qtbot, shell, screen_id):
    click(qtbot, shell._nav[screen_id])
    assert shell.current_screen() is shell.screen(screen_id)
    return shell.screen(screen_id)


def all_label_text(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


# -- Buat Virtual Account ---------------------------------------------------------------
def fill_va(qtbot, screen, *, amount="150000"):
    screen.ask_confirm = lambda parent, title, text: True  # the read-back, agreed with the customer
    qtbot.keyClicks(screen.name, "Budi Santoso")
    qtbot.keyClicks(screen.phone, "0812-3456-7890")
    qtbot.keyClicks(screen.email, "budi@example.com")
    if amount:
        qtbot.keyClicks(screen.amount, amount)


def test_closed_va_shows_the_number_then_the_receipt(qtbot, shell, context):
    screen = open_screen(qtbot, shell, "virtual_account")
    fill_va(qtbot, screen)
    assert screen.customer_no.text() == "081234567890"  # follows the phone's digits
    click(qtbot, screen.create_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    assert screen.va_number.text() == "8412 0812 3456 7890"
    assert screen.details.values["Nominal"].text() == "Rp 150.000"
    assert screen.details.values["Jenis VA"].text() == "Tertutup (nominal tetap)"
    assert re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d WIB", screen.details.values["Berlaku sampai"].text())
    assert "how-to-pay-page/8412081234567890" in screen.details.values["Halaman cara bayar"].text()
    assert "ATM BNI" in screen.steps.text() and "Bayar tepat Rp 150.000" in screen.steps.text()

    click(qtbot, screen.receipt_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Buat Virtual Account" in text and "Virtual account dibuat" in text  # a bill issued, not cash taken
    assert "8412 0812 3456 7890" in text and "Budi Santoso" in text and "Berlaku sampai" in text
    assert "Jenis VA\nTertutup (nominal tetap)" in text and "+07:00" not in text  # words and WIB, never raw
    assert "Bayar tepat\nRp 150.000" in text and "Virtual Account Billing" in text
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and row.amount == 150_000
    assert row.customer_ref == "8412081234567890" and row.host_ref == "8412081234567890"
    created = [e for e in context.sandbox_hosts["doku"].ledger if e.get("op") == "create_va"]
    assert created[-1]["trx_id"] == row.reference and created[-1]["amount_sen"] == 150_000_00

    click(qtbot, result.new_button)  # Transaksi baru: an empty form again
    assert shell.current_screen() is screen and screen.pages.currentIndex() == 0 and screen.name.text() == ""


def test_a_va_doku_answers_with_another_expiry_shows_an_amber_note_naming_both(qtbot, shell, context):
    """DOKU answered another expiredDate than the one read back to the customer: the screen
    showed DOKU's as if it were the one asked. Now an amber note names both, and the receipt
    prints DOKU's, the one that holds."""
    context.sandbox_hosts["doku"].expiry_limit = timedelta(hours=2)  # DOKU's longest VA life here
    screen = open_screen(qtbot, shell, "virtual_account")
    fill_va(qtbot, screen)
    asked = format_moment(screen.expires_at())
    click(qtbot, screen.create_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    given = screen.details.values["Berlaku sampai"].text()
    assert given != asked
    note = screen.expiry_note
    assert note.isVisible() and note.property("kind") == "warning"
    assert asked in note.text() and given in note.text() and "DOKU" in note.text()
    click(qtbot, screen.receipt_button)
    text = wait_result(qtbot, shell).text()
    assert f"Berlaku sampai\n{given}" in text and asked not in text


def test_a_va_already_expired_when_doku_answers_is_a_red_note(qtbot, shell, context):
    context.sandbox_hosts["doku"].expiry_limit = timedelta(0)  # DOKU answers its own "now"
    screen = open_screen(qtbot, shell, "virtual_account")
    fill_va(qtbot, screen)
    click(qtbot, screen.create_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    note = screen.expiry_note
    assert note.isVisible() and note.property("kind") == "error"
    assert "sudah lewat" in note.text() and "buat VA baru" in note.text()
    click(qtbot, screen.another_button)  # the next VA starts without the last one's note
    assert not screen.expiry_note.isVisible()


def test_enter_in_the_amount_reads_the_va_back_and_makes_nothing_until_the_agent_says_yes(qtbot, shell, context):
    """Enter in the amount made the VA at once, past the expiry the Enter path never reaches:
    a typo became a bill the customer could pay. Now it reads name, amount and expiry back,
    and "Batal" (what Enter or Esc answers) makes nothing."""
    screen = open_screen(qtbot, shell, "virtual_account")
    fill_va(qtbot, screen, amount="1500000")
    asked = []
    screen.ask_confirm = lambda parent, title, text: asked.append((title, text)) or False
    qtbot.keyClick(screen.amount, Qt.Key.Key_Return)
    ((title, text),) = asked
    assert title == "Buat Virtual Account?"
    assert "Nama: Budi Santoso" in text and "Nominal: Rp 1.500.000" in text
    assert re.search(r"Berlaku sampai: \d\d/\d\d/20\d\d \d\d:\d\d WIB", text)
    # the optional boxes Enter walks past, which a form kept after "Batal" may hold from before
    assert f"Nomor HP: {screen.phone.text()}" in text and "Email: budi@example.com" in text
    assert screen.pages.currentIndex() == 0 and screen.amount.text() == "1.500.000"  # still there to mend
    assert not [e for e in context.sandbox_hosts["doku"].ledger if e.get("op") == "create_va"]
    assert context.journal.count() == 0
    screen.ask_confirm = lambda parent, title, text: True
    qtbot.keyClick(screen.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    assert context.journal.count() == 1


def test_open_va_needs_no_amount(qtbot, shell, context):
    screen = open_screen(qtbot, shell, "virtual_account")
    fill_va(qtbot, screen, amount="")
    click(qtbot, screen.open)
    click(qtbot, screen.create_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    assert screen.details.values["Nominal"].text() == "Bebas"
    assert screen.details.values["Jenis VA"].text() == "Terbuka (nominal bebas)"
    entry = context.sandbox_hosts["doku"].ledger[-1]
    assert entry["trx_type"] == "O" and entry["amount_sen"] is None
    click(qtbot, screen.receipt_button)
    text = wait_result(qtbot, shell).text()
    assert "Nominal bayar" in text and "Bebas" in text and "bank BNI (009)" in text


def test_closed_va_without_amount_is_refused_at_the_field(qtbot, shell, context):
    screen = open_screen(qtbot, shell, "virtual_account")
    fill_va(qtbot, screen, amount="")
    click(qtbot, screen.create_button)  # refused by the flow at once, before any request
    assert screen.field("amount").error.isVisible()
    assert "wajib" in screen.field("amount").error.text()
    assert not [e for e in context.sandbox_hosts["doku"].ledger if e.get("op") == "create_va"]


# -- BCA: Saldo -------------------------------------------------------------------------
def test_bca_balance(qtbot, shell):
    screen = open_screen(qtbot, shell, "bca_balance")
    qtbot.waitUntil(lambda: screen.balance.text() != "—", timeout=10_000)
    assert screen.balance.text() == "Rp 25.000.000"
    assert "LOKET SEJAHTERA ABADI" in screen.detail.text() and BCA_AGENT_ACCOUNT in screen.detail.text()


# -- BCA: Transfer ----------------------------------------------------------------------
def inquire(qtbot, screen, account=BENEFICIARY):
    qtbot.keyClicks(screen.account, account)
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.CONFIRM, timeout=10_000)


def confirm_and_type(qtbot, screen, amount):
    assert not screen.pay_button.isEnabled()  # not before the name is confirmed
    click(qtbot, screen.name_confirmed)
    assert screen.pay_button.isEnabled()
    qtbot.keyClicks(screen.amount, amount)
    qtbot.keyClicks(screen.remark, "bayar sewa")


def proven_pin(context) -> None:
    """The agent's PIN as a Bank+ success proves it (services/flows/pin.py)."""
    context.pins.learn(USERNAME, PIN)


def test_name_first_then_transfer_moves_the_money(qtbot, shell, context, pin):
    bank = context.sandbox_hosts["bca"]
    agent_before = bank.accounts[BCA_AGENT_ACCOUNT].balance_sen
    budi_before = bank.accounts[BENEFICIARY].balance_sen
    screen = open_screen(qtbot, shell, "bca_transfer")
    proven_pin(context)
    inquire(qtbot, screen)
    # the name is on screen before any amount can be typed or paid
    assert screen.destination.values["Nama penerima"].text() == "BUDI SANTOSO"
    assert screen.amount.text() == ""
    confirm_and_type(qtbot, screen, "250000")
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert pin.asked == ["Transfer Rp 250.000 dari rekening BCA agen ke BUDI SANTOSO (0611104625)?"]
    text = result.text()
    assert "BCA: Transfer" in text and "Transaksi berhasil" in text
    assert "BUDI SANTOSO" in text and BENEFICIARY in text and "Rp 250.000" in text and "bayar sewa" in text
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS
    assert bank.accounts[BCA_AGENT_ACCOUNT].balance_sen == agent_before - 250_000_00
    assert bank.accounts[BENEFICIARY].balance_sen == budi_before + 250_000_00


def test_declining_the_pin_sends_nothing(qtbot, shell, context, pin):
    screen = open_screen(qtbot, shell, "bca_transfer")
    proven_pin(context)
    pin.answer = None  # the agent cancels the PIN prompt
    inquire(qtbot, screen)
    confirm_and_type(qtbot, screen, "50000")
    click(qtbot, screen.pay_button)
    assert shell.current_screen() is screen
    assert not [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer"]


def lose_a_transfer(qtbot, shell, context):
    """A BCA transfer of Rp 100.000 whose answer is lost after BCA booked it: its STATUS page."""
    screen = open_screen(qtbot, shell, "bca_transfer")
    proven_pin(context)
    inquire(qtbot, screen)
    confirm_and_type(qtbot, screen, "100000")
    context.sandbox_hosts["bca"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/openapi/v1.0/transfer-intrabank")
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.STATUS, timeout=10_000)
    return screen, screen.suspect.reference


def test_lost_answer_is_settled_by_cek_status(qtbot, shell, context):
    bank = context.sandbox_hosts["bca"]
    screen, reference = lose_a_transfer(qtbot, shell, context)
    assert context.journal.get(reference).state is State.SUSPECT
    assert reference in screen.status_text.text() and "JANGAN ulangi" in screen.status_text.text()
    assert "Status belum pasti" in all_label_text(screen.pages.currentWidget())
    click(qtbot, screen.status_button)
    result = wait_result(qtbot, shell)
    assert "Transaksi berhasil" in result.text() and "Success" in result.text()
    assert context.journal.get(reference).state is State.SUCCESS
    assert len([e for e in bank.ledger if e.get("op") == "transfer"]) == 1  # paid once


def test_a_refunded_transfer_reads_as_money_back_on_the_result_and_in_riwayat(qtbot, shell, context):
    """BCA's 04 Refunded showed "Dana tidak berpindah": the agent read that the transfer never
    left, while the account statement showed it leave and come back. The result screen and
    Riwayat now say BCA sent it back, how much and when, so the customer's cash goes back
    knowingly."""
    from tests.ui.test_history_screens import open_details, open_history, search

    bank = context.sandbox_hosts["bca"]
    screen, reference = lose_a_transfer(qtbot, shell, context)
    bank.refund(reference)
    click(qtbot, screen.status_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Transaksi gagal" in text and "Dana tidak berpindah" not in text
    assert "dikembalikan" in result.advice.text() and "Rp 100.000" in result.advice.text()
    assert "Kembalikan uang tunai" in result.advice.text()
    assert "Dana kembali" in text  # the slip's line, on screen as on paper
    row = context.journal.get(reference)
    assert (row.state, row.error_code) == (State.FAILED, "04")

    history = open_history(qtbot, shell)
    assert search(qtbot, history, reference=reference) == [reference]
    cells = {history.model.headerData(c, Qt.Orientation.Horizontal): history.model.index(0, c).data()
             for c in range(history.model.columnCount())}
    assert cells["Status"] == "GAGAL (REFUND)"
    details = open_details(qtbot, history, reference)
    assert "GAGAL (REFUND)" in details.title.text()
    events = details.text()
    assert "dikembalikan bank" in events and "tidak diproses bank" not in events


# -- BCA: Mutasi ------------------------------------------------------------------------
def test_statement_lists_the_transfer_and_exports_csv(qtbot, shell, context, tmp_path):
    bca = context.bca
    bca.transfer(bca.account_inquiry("0613005827"), 123_000, remark="uji mutasi")
    screen = open_screen(qtbot, shell, "bca_statement")
    start, end = screen.dates()
    assert (end - start).days == 6  # the last 7 days by default
    click(qtbot, screen.show_button)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=10_000)
    shown = [[screen.proxy.index(r, c).data() for c in range(5)] for r in range(screen.proxy.rowCount())]
    transfer = [row for row in shown if "uji mutasi" in row[1]]
    assert transfer and transfer[0][2:4] == ["DB", "Rp 123.000"]
    assert transfer[0][4] == "Rp 24.877.000"
    assert "saldo akhir Rp 24.877.000" in screen.summary.text()

    screen.search.setText("uji mutasi")
    assert screen.proxy.rowCount() == 1

    target = tmp_path / "mutasi.csv"
    offered = []
    screen.choose_save_file = lambda parent, title, suggested, flt: offered.append(suggested) or str(target)
    click(qtbot, screen.export_button)
    qtbot.waitUntil(lambda: screen.banner.property("kind") == "success", timeout=10_000)
    assert offered[0].endswith(".csv") and BCA_AGENT_ACCOUNT in offered[0]
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1] == ["Tanggal", "Keterangan", "Jenis", "Jumlah", "Saldo", "ID Transaksi"]
    assert any("uji mutasi" in row[1] and row[2:4] == ["DB", "123000.00"] for row in rows[2:])
    assert len(rows) - 2 == screen.model.rowCount()


def test_statement_description_stays_readable_at_1024x768(qtbot, shell, context):
    """The running balance gives way before the bank's description is cut to a few letters
    (the summary under the table keeps the closing balance)."""
    shell.resize(1024, 768)
    screen = open_screen(qtbot, shell, "bca_statement")
    click(qtbot, screen.show_button)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: screen.table.columnWidth(REMARK) >= REMARK_MIN, timeout=5_000)
    assert screen.table.isColumnHidden(BALANCE) and not screen.table.isColumnHidden(TYPE)
    assert "saldo akhir" in screen.summary.text()
    shell.resize(1366, 768)
    qtbot.waitUntil(lambda: not screen.table.isColumnHidden(BALANCE), timeout=5_000)


def test_statement_range_over_31_days_is_refused_at_the_field(qtbot, shell, context):
    screen = open_screen(qtbot, shell, "bca_statement")
    screen.set_range(40)
    with qtbot.waitSignal(shell.services.worker.busy_changed, check_params_cb=lambda busy: not busy):
        click(qtbot, screen.show_button)
    assert screen.field("to_date").error.isVisible() and "31 hari" in screen.field("to_date").error.text()


# -- Kunci API --------------------------------------------------------------------------
def open_keys(qtbot, shell):
    screen = open_screen(qtbot, shell, "keys")
    qtbot.waitUntil(lambda: screen.loaded, timeout=10_000)
    return screen


def test_keys_generate_then_export_public_key(qtbot, shell, context, tmp_path):
    screen = open_keys(qtbot, shell)
    panel = screen.panels["bca"]
    assert panel.state.text() == "Kunci tersedia"  # the sandbox start made one
    before = panel.fingerprint.text()
    assert before.replace("\n", ":") == context.partner_keys["bca"].fingerprint()
    asked = []
    screen.confirm = lambda parent, title, text: asked.append(text) or True
    click(qtbot, panel.generate_button)
    qtbot.waitUntil(lambda: screen.loaded and panel.fingerprint.text() != before, timeout=20_000)
    assert asked and "diganti" in asked[0]  # replacing a key is asked first
    assert screen.banner.property("kind") == "success" and "dibuka ulang" in screen.banner.text()

    target = tmp_path / "loket-bca.pub"
    screen.choose_save_file = lambda parent, title, suggested, flt: str(target)
    click(qtbot, panel.export_button)
    qtbot.waitUntil(lambda: target.exists() and "Kirim berkas" in screen.banner.text(), timeout=10_000)
    pem = target.read_text()
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    assert pem == context.partner_keys["bca"].public_key_pem()
    assert "PRIVATE" not in all_label_text(screen)


def test_keys_import_a_password_protected_private_key(qtbot, shell, context, tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = tmp_path / "partner.pem"
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.BestAvailableEncryption(b"rahasia")))
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    digest = hashes.Hash(hashes.SHA256())
    digest.update(der)
    expected = ":".join(f"{b:02X}" for b in digest.finalize())

    screen = open_keys(qtbot, shell)
    panel = screen.panels["doku"]
    prompts = []
    screen.choose_open_file = lambda parent, title, flt: str(path)
    screen.confirm = lambda parent, title, text: True
    screen.ask_password = lambda parent, title, text: prompts.append(title) or "rahasia"
    click(qtbot, panel.import_button)
    qtbot.waitUntil(lambda: screen.loaded and panel.fingerprint.text().replace("\n", ":") == expected,
                    timeout=10_000)
    assert prompts == ["Kata sandi kunci privat"]
    assert "diimpor" in screen.banner.text()
    assert "PRIVATE" not in all_label_text(screen)


def test_a_key_file_this_pc_cannot_open_is_named_as_such_not_as_no_key(qtbot, shell, context):
    """The profile folder copied to a new PC: the key file came, its passphrase stayed in the old
    PC's Credential Manager. The screen said "Belum ada kunci" over a file the bank holds the
    .pub of; it says what happened and what to do."""
    keys = context.partner_keys["bca"]
    context.secrets.delete("snap.bca.key_passphrase")  # what the new PC's credential store lacks
    assert keys.path.exists() and not keys.has_key()
    screen = open_keys(qtbot, shell)
    text = screen.panels["bca"].state.text()
    assert "Belum ada kunci" not in text
    assert "tidak dapat dibuka di komputer ini" in text and "Impor kunci privat" in text
    assert screen.panels["doku"].state.text() == "Kunci tersedia"


def test_keys_import_of_a_wrong_file_is_explained(qtbot, shell, tmp_path):
    path = tmp_path / "notes.pem"
    path.write_text("bukan kunci")
    screen = open_keys(qtbot, shell)
    screen.choose_open_file = lambda parent, title, flt: str(path)
    screen.confirm = lambda parent, title, text: True
    with qtbot.waitSignal(shell.services.worker.busy_changed, check_params_cb=lambda busy: not busy):
        click(qtbot, screen.panels["bca"].import_button)
    assert screen.banner.property("kind") == "error" and "kunci privat PEM" in screen.banner.text()


# -- not configured ---------------------------------------------------------------------
def test_unconfigured_host_explains_itself(qtbot, shell):
    services = replace(shell.services, va=None, bca=None)
    for screen_id in ("virtual_account", "bca_balance", "bca_transfer", "bca_statement"):
        screen = registry.entry(screen_id).factory(services)
        qtbot.addWidget(screen)
        assert isinstance(screen, UnavailableScreen)
        assert "belum diatur" in screen.text.text()


def test_bca_transfer_needs_the_pin_a_bankplus_success_proved(qtbot, shell, context, pin):
    from services.flows.bankplus import DepositFlow

    screen = open_screen(qtbot, shell, "bca_transfer")
    inquire(qtbot, screen)
    confirm_and_type(qtbot, screen, "100000")
    click(qtbot, screen.pay_button)  # no PIN proven on this computer yet
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    assert "belum dikenal" in screen.banner.text() and len(pin.asked) == 1
    deposit = DepositFlow(context.banking, context.pins)  # what Setor Tunai does on success
    deposit.prepare({"account": "14047", "name": "ARDHA HERDIANTO", "amount": "20000", "narration": ""})
    deposit.pay(PIN)
    pin.answer = "918273"
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: "PIN transaksi salah" in screen.banner.text(), timeout=10_000)
    assert not [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer"]
    pin.answer = PIN
    click(qtbot, screen.pay_button)
    assert wait_result(qtbot, shell).done.row.state is State.SUCCESS


@pytest.mark.parametrize("screen_id", ["bca_transfer", "switcher_transfer"])
def test_a_transfer_whose_pin_is_checked_here_says_on_opening_that_none_was_proven_yet(qtbot, shell, context,
                                                                                          screen_id):
    """On a computer where no Bank+ transaction has proven the agent's PIN, BCA and the
    Switcher refuse every PIN: the agent learnt it after the inquiry, the customer's amount
    and the PIN, with the customer waiting. Now on opening; and not once a PIN is known."""
    screen = open_screen(qtbot, shell, screen_id)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    # its own sentence: "… lalu ulangi transfer ini" is the refusal's, after a try; nothing was tried yet
    assert screen.banner.text() == OPENING_WARNING and screen.pages.currentIndex() == 0
    context.pins.learn(USERNAME, PIN)  # a Bank+ payment meanwhile; the agent comes back
    click(qtbot, shell._nav["home"])
    open_screen(qtbot, shell, screen_id)
    qtbot.waitUntil(lambda: screen.worker.running == 0, timeout=10_000)
    assert not screen.banner.isVisible()


def test_a_pin_record_written_into_the_profile_proves_nothing_to_bca(qtbot, shell, context, pin):
    """Whoever can write the profile folder puts a record made from a PIN they know in place
    of the agent's proven one: BCA's transfer takes neither, as on a computer where no PIN was
    proven yet, and nothing goes to BCA."""
    proven_pin(context)
    records = json.loads(context.pins.path.read_text())
    records[USERNAME] = made_from("918273", like=records[USERNAME])
    context.pins.path.write_text(json.dumps(records))
    context.pins.forget()  # a new session: nothing of the old one in memory
    screen = open_screen(qtbot, shell, "bca_transfer")
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    assert screen.banner.text() == OPENING_WARNING
    inquire(qtbot, screen)
    confirm_and_type(qtbot, screen, "100000")
    for typed in ("918273", PIN):
        pin.answer = typed
        click(qtbot, screen.pay_button)
        qtbot.waitUntil(lambda: "ulangi transfer ini" in screen.banner.text(), timeout=10_000)
        screen.banner.clear_message()
    assert len(pin.asked) == 2 and not [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer"]


OPENING_WARNING = ("PIN transaksi agen belum dikenal di komputer ini, jadi transfer ini belum bisa dikirim. Lakukan "
                   "dulu satu transaksi Bank+ (mis. Setor Tunai) dengan PIN transaksi Anda, lalu kembali ke transfer "
                   "ini.")


def test_the_refusal_of_an_unproven_pin_goes_too_once_a_pin_is_proven(qtbot, shell, context, pin):
    """Refused at the PIN (none proven yet), the agent makes the Bank+ transaction the refusal
    asks for and comes back: "… lalu ulangi transfer ini" no longer holds, and is not left
    there to be read as if the transfer would be refused again."""
    screen = open_screen(qtbot, shell, "bca_transfer")
    inquire(qtbot, screen)
    confirm_and_type(qtbot, screen, "100000")
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: "ulangi transfer ini" in screen.banner.text(), timeout=10_000)
    proven_pin(context)
    click(qtbot, shell._nav["home"])
    open_screen(qtbot, shell, "bca_transfer")
    qtbot.waitUntil(lambda: screen.worker.running == 0, timeout=10_000)
    assert not screen.banner.isVisible()

