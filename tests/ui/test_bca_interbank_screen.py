"""BCA: Transfer Antar Bank driven as an agent would, against the in-process BCA sandbox:
the bank typed and picked, the name BCA's external inquiry returns shown before anything
can be paid, the PIN, the result and its receipt, the journal row with the body that went
out; refusals at the account field, a refused transfer FAILED, a lost answer SUSPECT."""

from __future__ import annotations

from datetime import datetime

from services.clock import WIB
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT
from services.journal import State
from services.sandbox.base import Fault
from tests.ui.uidrive import PIN, USERNAME, click, wait_result

BRI, BRI_ACCOUNT, BRI_NAME = "BRINIDJA", "888801000003301", "BRIAPI SANDBOX"
INTERBANK_PATH = "/openapi/v1.0/transfer-interbank"


def open_screen(qtbot, shell, context):
    context.pins.learn(USERNAME, PIN)  # as a Bank+ success would: BCA checks the PIN locally
    click(qtbot, shell._nav["bca_interbank"])
    screen = shell.screen("bca_interbank")
    assert shell.current_screen() is screen
    return screen


def check(qtbot, screen, bank_typed: str, account: str) -> None:
    qtbot.keyClicks(screen.bank.lineEdit(), bank_typed)
    qtbot.keyClicks(screen.account, account)  # leaving the bank box shows the bank picked
    click(qtbot, screen.inquiry_button)


def checked(qtbot, screen, bank_typed="bri", account=BRI_ACCOUNT) -> None:
    check(qtbot, screen, bank_typed, account)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.CONFIRM, timeout=10_000)


def test_the_name_first_then_the_transfer_its_receipt_and_its_journal_row(qtbot, loket, shell, context, pin):
    bank = context.sandbox_hosts["bca"]
    before = bank.accounts[BCA_AGENT_ACCOUNT].balance_sen
    screen = open_screen(qtbot, shell, context)
    checked(qtbot, screen, "bri")
    assert screen.bank.currentText() == "BANK BRI (BRINIDJA)"
    shown = {label: value.text() for label, value in screen.destination.values.items()}
    assert shown == {"Nama penerima": BRI_NAME, "Bank": "BANK BRI", "Nomor rekening": BRI_ACCOUNT,
                     "Biaya admin": "Rp 0"}
    assert not screen.pay_button.isEnabled()  # not before the customer confirmed the name
    click(qtbot, screen.name_confirmed)
    assert screen.pay_button.isEnabled()
    qtbot.keyClicks(screen.amount, "150000")
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)

    assert pin.asked == [f"Transfer Rp 150.000 dari rekening BCA agen ke {BRI_NAME}, BANK BRI {BRI_ACCOUNT}?"]
    text = result.text()
    assert "BCA: Antar Bank" in text and "Transaksi berhasil" in text
    for value in ("BANK BRI", BRI_ACCOUNT, BRI_NAME, "Rp 150.000"):
        assert value in text
    row = context.journal.get(result.done.row.reference)
    assert (row.state, row.host, row.product, row.amount, row.fee) == (
        State.SUCCESS, "bca", "bca_transfer_interbank", 150_000, 0)
    sent = bank.transfers[row.reference]
    assert row.request == {
        "partnerReferenceNo": row.reference,
        "amount": {"value": "150000.00", "currency": "IDR"},
        "beneficiaryAccountName": BRI_NAME,
        "beneficiaryAccountNo": BRI_ACCOUNT,
        "beneficiaryBankCode": BRI,
        "beneficiaryBankName": "BANK BRI",
        "customerReference": row.reference,
        "sourceAccountNo": BCA_AGENT_ACCOUNT,
        "transactionDate": row.request["transactionDate"],
    }
    assert datetime.fromisoformat(row.request["transactionDate"]).utcoffset() == WIB.utcoffset(None)
    assert {k: v for k, v in sent.items() if k in row.request} == row.request  # what BCA received
    assert row.host_ref == sent["referenceNo"]
    assert bank.accounts[BCA_AGENT_ACCOUNT].balance_sen == before - 150_000_00

    seen: list[str] = []
    loket.printing.ask_preview = lambda parent, title, receipt, print_default: seen.append(receipt) or False
    click(qtbot, loket.printing.view_button)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    receipt = seen[0]
    for line in ("TRANSFER ANTAR BANK VIA BCA", "BANK BRI", BRI_ACCOUNT, BRI_NAME, row.reference, "150.000"):
        assert line in receipt, line


def test_changing_the_account_after_the_check_takes_the_confirmation_back(qtbot, shell, context):
    screen = open_screen(qtbot, shell, context)
    checked(qtbot, screen)
    click(qtbot, screen.name_confirmed)
    screen.account.setText("1370012345678")  # a scan while the name is up
    assert screen.pages.currentIndex() == screen.DESTINATION
    assert screen.flow.destination is None and not screen.flow.name_confirmed
    screen.select_bank("BMRIIDJA")
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.CONFIRM, timeout=10_000)
    assert screen.destination.values["Nama penerima"].text() == "RINA WIJAYANTI"
    assert not screen.name_confirmed.isChecked() and not screen.pay_button.isEnabled()
    screen.select_bank("BNINIDJA")  # another bank: the name shown is no longer the one checked
    assert screen.flow.destination is None and screen.pages.currentIndex() == screen.DESTINATION


def test_an_unknown_and_a_blocked_account_are_said_at_the_account_field(qtbot, shell, context):
    screen = open_screen(qtbot, shell, context)
    check(qtbot, screen, "bri", "999999999")
    field = screen.field("account_no")
    qtbot.waitUntil(lambda: field.error.isVisible(), timeout=10_000)
    assert "tidak ditemukan" in field.error.text() and screen.pages.currentIndex() == screen.DESTINATION
    screen.account.clear()
    screen.bank.clearEditText()
    check(qtbot, screen, "mandiri", "1370000000009")
    qtbot.waitUntil(lambda: field.error.isVisible(), timeout=10_000)
    assert "diblokir" in field.error.text() and screen.flow.destination is None
    screen.account.clear()
    screen.bank.clearEditText()
    check(qtbot, screen, "bank", BRI_ACCOUNT)  # names no single bank
    bank_field = screen.field("bank_code")
    qtbot.waitUntil(lambda: bank_field.error.isVisible(), timeout=10_000)
    assert "Pilih bank tujuan" in bank_field.error.text()
    assert not [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer_interbank"]


def test_a_refused_transfer_is_failed_and_says_why(qtbot, shell, context):
    context.sandbox_hosts["bca"].accounts[BCA_AGENT_ACCOUNT].balance_sen = 20_000_00
    screen = open_screen(qtbot, shell, context)
    checked(qtbot, screen)
    click(qtbot, screen.name_confirmed)
    qtbot.keyClicks(screen.amount, "50000")
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    row = screen.flow.row
    assert row.state is State.FAILED and screen.banner.property("kind") == "error"
    assert row.reference in screen.banner.text() and "4031814" in screen.banner.text()


def lose_the_answer(qtbot, shell, context, fault=Fault.LOST_AFTER_PROCESSING):
    """A transfer of Rp 75.000 to BRI that BCA booked but whose answer never came back (or,
    with another ``fault``, what that fault makes of it)."""
    bank = context.sandbox_hosts["bca"]
    screen = open_screen(qtbot, shell, context)
    checked(qtbot, screen)
    click(qtbot, screen.name_confirmed)
    qtbot.keyClicks(screen.amount, "75000")
    bank.faults.queue(fault, INTERBANK_PATH)
    click(qtbot, screen.pay_button)
    return bank, screen, wait_result(qtbot, shell)


def test_a_lost_answer_is_suspect_and_checked_automatically(qtbot, shell, context):
    bank, screen, result = lose_the_answer(qtbot, shell, context)
    row = result.done.row
    assert row.state is State.SUSPECT and "Status belum pasti" in result.text()
    assert "dicek otomatis ke BCA" in result.text() and row.reference in result.text()
    [settled] = context.resolver.resolve_all()  # what the work-list's timer does every minute
    assert (settled.reference, settled.state) == (row.reference, State.SUCCESS)
    assert len([e for e in bank.ledger if e.get("op") == "transfer_interbank"]) == 1


def test_a_new_transfer_beside_a_suspect_one_leads_to_its_cek_status(qtbot, shell, context):
    bank, screen, result = lose_the_answer(qtbot, shell, context)
    suspect = result.done.row
    click(qtbot, shell.result.new_button)
    assert shell.current_screen() is screen and screen.pages.currentIndex() == screen.DESTINATION
    checked(qtbot, screen)
    click(qtbot, screen.name_confirmed)
    qtbot.keyClicks(screen.amount, "80000")
    click(qtbot, screen.pay_button)  # the same account again: not before the first one is known
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.STATUS, timeout=10_000)
    assert screen.suspect.reference == suspect.reference and suspect.reference in screen.status_text.text()
    click(qtbot, screen.status_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "BCA: Antar Bank" in text and "Transaksi berhasil" in text and "BANK BRI" in text
    assert result.done.row.reference == suspect.reference
    assert context.journal.get(suspect.reference).state is State.SUCCESS
    assert len([e for e in bank.ledger if e.get("op") == "transfer_interbank"]) == 1  # the second never left


def test_a_refused_connection_then_transfer_again_sends_the_same_reference(qtbot, shell, context, pin):
    screen = open_screen(qtbot, shell, context)
    checked(qtbot, screen)
    click(qtbot, screen.name_confirmed)
    qtbot.keyClicks(screen.amount, "60000")
    context.sandbox_hosts["bca"].faults.queue(Fault.REFUSE_CONNECTION, INTERBANK_PATH)
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    unsent = screen.flow.unsent_reference
    assert unsent and screen.banner.property("kind") == "warning" and unsent in screen.banner.text()
    body = context.journal.get(unsent).request
    click(qtbot, screen.pay_button)
    row = wait_result(qtbot, shell).done.row
    assert (row.reference, row.state, row.request) == (unsent, State.SUCCESS, body)
    sent = [e for e in context.sandbox_hosts["bca"].ledger if e.get("op") == "transfer_interbank"]
    assert [e["external_id"] for e in sent] == [unsent] and context.journal.count() == 1
