"""Every receipt is resolved from its journal row alone, and shows what its spec declares.

Each product of the BNI Keagenan catalogue, and every Bank+, Switcher, VA and BCA kind, is
paid through the app's own services against the sandbox; then the receipt is built from
the journal row (what the print, a reprint, the PDF and ``python -m app receipt`` render)
and every line the product declares and the sandbox's answer fills must be on it, with
the value the test reads out of the row's request, inquiry answer and host answer itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.context import build_context
from services.clock import WIB, FixedClock
from services.formats import format_moment
from services.hosts.keagenan.service import BillPayFlow
from services.journal import JournalRow, State
from services.products import default_catalogue
from services.profile import Profile
from services.receipts import Agent, build_receipt, product_lines, receipt_details, render_text
from services.receipts.agents import agent_header
from services.receipts.pdf import render_pdf
from services.receipts.products import product_receipt
from services.receipts.thermal import render_escpos
from tests.integration.test_banking_service import open_account_form
from tests.integration.test_keagenan_products import CASES
from tests.unit.test_receipts import decode_escpos

ROOT = Path(__file__).resolve().parents[2]
PIN = "359569"
SUPERVISOR_PIN = "482916"


def read(row: JournalRow, path: str) -> str:
    """The test's own reading of a path: request fields (a Keagenan body's ``data``), the
    inquiry answer, or the host's answer; exact keys, then the same key in any case."""
    request = row.request or {}
    roots: dict[str, Any] = {"request": request.get("data", request) if isinstance(request.get("data"), dict)
                             else request, "inquiry": row.inquiry or {}, "payment": row.response or {}}
    value: Any = roots
    for key in path.split("."):
        if not isinstance(value, dict):
            return ""
        value = value.get(key, next((v for k, v in value.items() if k.lower() == key.lower()), None))
    if value is None or isinstance(value, (dict, list)):
        return ""
    return ("true" if value else "false") if isinstance(value, bool) else str(value).strip()


# Bank+, Switcher, VA and BCA: the lines each kind's receipt declares, as (label, path).
OTHER_KINDS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("bankplus", "deposit"): (("Berita", "request.narration"), ("Bank", "payment.data.bank_code")),
    ("bankplus", "intrabank_transfer"): (("Bank Tujuan", "payment.data.bank_code"),),
    ("bankplus", "interbank_transfer"): (("ID Transaksi", "request.transaction_id"),),
    ("bankplus", "open_account"): (("No. Rek. Baru", "payment.data.account_number_customer"),
                                   ("No. HP", "request.hp")),
    ("bankplus", "customer_balance"): (("Nama", "payment.data.account_name"), ("Bank", "payment.data.bank_code")),
    ("switcher", "switcher_transfer"): (("Bank Tujuan", "payment.data.beneficiaryBank"),
                                        ("No. Jurnal", "payment.data.journal"),
                                        ("Berita", "request.remark")),
    ("switcher", "switcher_reversal"): (("Ref. Asal", "request.refnumTarget"), ("No. Jurnal Asal", "request.journal"),
                                        ("No. Jurnal", "payment.data.journal")),
    ("doku", "doku_bni_va"): (),  # its lines are words, checked below
    ("bca", "bca_transfer"): (("Berita", "request.remark"), ("No. Ref. BCA", "payment.referenceNo")),
}


@pytest.fixture(scope="module")
def paid(tmp_path_factory) -> dict[str, Any]:
    """One sandbox counter that pays every product once; the rows by (host, product)."""
    folder = tmp_path_factory.mktemp("receipts")
    context = build_context(Profile(folder / "profile"), clock=FixedClock(datetime(2026, 11, 21, 10, 2, 3,
                                                                                    tzinfo=WIB)))
    session = context.banking.login("BNIUS100294", "T6jkl4ss")
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    context.dayclose.shifts.open(0, session.username)
    rows: dict[tuple[str, str], str] = {}
    for spec in default_catalogue():
        inputs, typed, *_ = CASES[spec.id]
        flow = BillPayFlow(context.billpay, spec.id)
        flow.prepare(inputs, PIN if spec.pin_at_inquiry else None)
        rows[("keagenan", spec.id)] = flow.pay(PIN, typed).reference
    banking = context.banking
    rows[("bankplus", "deposit")] = banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="50.000",
                                                    narration="Titipan arisan", pin=PIN).row.reference
    quote = banking.transfer_inquiry("intrabank", "1234567890")
    rows[("bankplus", "intrabank_transfer")] = banking.transfer_pay(quote, 50_000, PIN).row.reference
    quote = banking.transfer_inquiry("interbank", "114451186", "008")
    rows[("bankplus", "interbank_transfer")] = banking.transfer_pay(quote, 75_000, PIN).row.reference
    rows[("bankplus", "customer_balance")] = banking.customer_balance("4447", PIN).row.reference
    rows[("bankplus", "open_account")] = banking.open_account(open_account_form(folder), PIN).row.reference
    switching = context.switching
    target = switching.switcher_inquiry("BRINIDJA", "888801000003301")
    sent = switching.switcher_transfer(target, 60_000, "Bayar kos").row.reference
    rows[("switcher", "switcher_transfer")] = sent
    rows[("switcher", "switcher_reversal")] = switching.reversal(sent, SUPERVISOR_PIN,
                                                                 "Salah nomor rekening").row.reference
    rows[("doku", "doku_bni_va")] = context.va.create_va(customer_no="081234567890", name="Budi Santoso",
                                                         amount=150_000).row.reference
    beneficiary = context.bca.account_inquiry("0611104625")
    rows[("bca", "bca_transfer")] = context.bca.transfer(beneficiary, 100_000, remark="Uang sekolah").row.reference
    other_bank = context.bca.interbank_inquiry("BRINIDJA", "888801000003301")
    rows[("bca", "bca_transfer_interbank")] = context.bca.interbank_transfer(other_bank, 80_000).row.reference
    context.banking.logout()  # what follows reads the journal alone
    yield {"context": context, "rows": rows, "agent": Agent(session.name, session.agent_code, session.address)}
    context.close()


def receipt_of(paid: dict[str, Any], key: tuple[str, str]):
    journal = paid["context"].journal
    row = journal.get(paid["rows"][key])
    return row, build_receipt(row, agent=agent_header(journal, row), sandbox=True)


def assert_declared_lines_present(row: JournalRow, receipt, declared) -> int:
    """Each declared line the row fills is on the receipt (or is the customer field it repeats),
    through the formatter of its label's kind (a period as "Mei 2016", a bank code as its name)."""
    spec = product_receipt(row.host, row.product)
    # as kept, as printed, and the host's answer printed in the reference's place (the policy
    # number the host paid, where another was typed); the bank's reference, printed as "Ref. Bank"
    shown = {row.customer_ref, spec.ref_text(row.customer_ref), row.customer_name, receipt.details[0][1],
             row.host_ref}
    kind = spec.shown
    printed = {(label, "".join(value.split())) for label, value in receipt.details}
    checked = 0
    for label, path in declared:
        value = read(row, path)
        if not value:
            continue  # the sandbox's answer leaves it empty: a receipt never prints an empty line
        value = kind(label, value)
        checked += 1
        # spacing aside: a note the host also answers in parts is printed from its parts
        assert (label, "".join(value.split())) in printed or value in shown, (row.product, label, value,
                                                                              receipt.details)
    return checked


@pytest.mark.parametrize("product_id", sorted(spec.id for spec in default_catalogue()))
def test_every_catalogue_product_prints_its_declared_lines_from_the_journal(paid, product_id):
    spec = next(s for s in default_catalogue() if s.id == product_id)
    row, receipt = receipt_of(paid, ("keagenan", product_id))
    assert row.state is State.SUCCESS
    filled = assert_declared_lines_present(row, receipt, spec.receipt)
    assert filled, f"{product_id}: the sandbox filled none of its declared receipt lines"
    assert receipt.agent == paid["agent"]  # the header of the agent who wrote the row, from the journal


@pytest.mark.parametrize("key", sorted(OTHER_KINDS))
def test_every_bankplus_switcher_va_and_bca_kind_prints_its_lines_from_the_journal(paid, key):
    row, receipt = receipt_of(paid, key)
    assert row.state in (State.SUCCESS, State.REVERSED)  # the Switcher transfer was reversed since
    declared = OTHER_KINDS[key]
    assert assert_declared_lines_present(row, receipt, declared) == len(declared)
    assert receipt.details[0][1] and receipt.agent == paid["agent"]


def test_pln_postpaid_prints_period_tariff_and_meter_on_paper(paid):
    row, receipt = receipt_of(paid, ("keagenan", "pln_postpaid"))
    details = dict(receipt.details)
    assert read(row, "request.bl_th") == "MEI16" and details["Bl/Th"] == "Mei 2016"  # as the screen shows it
    assert details["Tarif/daya"] == read(row, "request.daya") and details["Tarif/daya"]
    # the meter's readings from-to as the bank sends them and PLN prints them, zeros and all
    assert read(row, "request.stand_meter") == "00000100-00000100" and details["Stand meter"] == "00000100-00000100"
    text = render_text(receipt, 48)
    assert all(label in text for label in ("Bl/Th", "Tarif/daya", "Stand meter"))


def test_cc_bni_prints_the_card_holder_from_the_inquiry_kept_with_the_row(paid):
    row, receipt = receipt_of(paid, ("keagenan", "cc_bni"))
    holder = row.inquiry["cardHolder"]
    assert holder == "GA SIGN 2"
    assert ("Nama", holder) in product_lines(row)  # the spec's ("Nama", "inquiry.cardHolder") has its source


def test_charity_prints_the_providers_name_where_its_code_went_out(paid):
    row, receipt = receipt_of(paid, ("keagenan", "charity"))
    assert row.customer_ref == read(row, "request.providerId") == "ZAKAT_DOMPET_DHUAFA"  # journal, wire
    assert ("Lembaga", "Zakat - Dompet Dhuafa") in receipt.details
    assert "ZAKAT_DOMPET_DHUAFA" not in render_text(receipt, 48)


def test_the_va_receipt_says_how_and_until_when_to_pay(paid):
    row, receipt = receipt_of(paid, ("doku", "doku_bni_va"))
    details = dict(receipt.details)
    assert details["No. VA"] == " ".join(row.customer_ref[i:i + 4] for i in range(0, len(row.customer_ref), 4))
    assert details["Jenis VA"] == "Tertutup (nominal tetap)"
    expiry = read(row, "payment.virtualAccountData.expiredDate")
    assert "T" in expiry and details["Berlaku sampai"] == format_moment(expiry)  # "22/11/2026 10:02 WIB"
    assert details["Bayar tepat"] == "Rp 150.000"
    assert details["Bayar di"] and details["Menu BNI"] == "Virtual Account Billing"
    assert "(009)" in details["Dari bank lain"]
    assert details["Petunjuk"] == read(row, "payment.virtualAccountData.howToPayInfo.howToPayPage")


def test_a_reversal_receipt_totals_what_went_back(paid):
    """A Switcher reversal hands money back: its bold total says so, not a bare TOTAL read
    as what the customer paid."""
    _row, receipt = receipt_of(paid, ("switcher", "switcher_reversal"))
    lines = [" ".join(line.split()) for line in render_text(receipt, 32).splitlines()]
    assert any(line.startswith("TOTAL DIKEMBALIKAN Rp") for line in lines)
    assert not any(line.startswith("TOTAL Rp") for line in lines)


def test_billpay_result_lines_are_the_receipts(paid):
    """The service's ``PaymentResult.receipt_lines`` come from the same resolver as paper."""
    context = paid["context"]
    context.banking.login("BNIUS100294", "T6jkl4ss")  # the agent who holds the drawer pays (the fixture logged out)
    try:
        flow = BillPayFlow(context.billpay, "telkom")
        flow.prepare({"areaCode": "0021", "phoneNum": "998877441"})
        earlier = paid["rows"][("keagenan", "telkom")]  # the fixture paid this bill minutes ago
        result = flow.pay(PIN, confirm_duplicate=earlier)
    finally:
        context.banking.logout()
    assert list(result.receipt_lines) == product_lines(context.journal.get(result.reference))
    assert result.receipt_lines


def test_the_command_line_receipt_carries_the_lines_and_the_agent_header(paid):
    context = paid["context"]
    for key, wanted in ((("keagenan", "pln_postpaid"), ("Bl/Th", "Tarif/daya", "Stand meter")),
                        (("keagenan", "cc_bni"), ("GA SIGN 2",))):
        row = context.journal.get(paid["rows"][key])
        done = subprocess.run([sys.executable, "-m", "app", "receipt", row.reference, "--format", "text", "--width",
                               "80", "--out", "-", "--profile", str(context.profile.folder)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        agent = paid["agent"]
        assert agent.name and agent.name in done.stdout and agent.code in done.stdout  # recorded at login
        paper = "".join(done.stdout.split())  # long values wrap over lines
        for label, value in receipt_details(row):
            assert "".join(label.split()) in paper and "".join(value.split()) in paper, (label, value)
        assert all(word in done.stdout for word in wanted)
        # not a print, not counted: it says on its face that it is a copy, never the original
        assert "SALINAN DARI JURNAL" in done.stdout and "CETAK ULANG" not in done.stdout


def paper(receipt, tmp_path: Path) -> tuple[str, str]:
    """What the customer reads: the 58 mm ESC/POS bytes as a printer decodes them, and the PDF."""
    escpos = "\n".join(decode_escpos(render_escpos(receipt, 32))["lines"])
    pdf = tmp_path / f"{receipt.reference}.pdf"
    pdf.write_bytes(render_pdf(receipt, 58))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return escpos, text


def test_paper_shows_each_value_by_its_kind(paid, tmp_path):
    """The issue's examples, on both papers: a period as a month, a bank by its name, a VA's
    expiry in WIB and its type in words, a BPJS participant number as an ID."""
    expectations = {
        ("keagenan", "pln_postpaid"): (r"Bl/Th +Mei 2016", "MEI16"),
        ("keagenan", "pdam"): (r"Periode +Nov 2012, Des", "NOV12"),
        ("bankplus", "interbank_transfer"): (r"Bank Tujuan +BANK MANDIRI", "MANDRI "),
        ("doku", "doku_bni_va"): (r"Berlaku sampai +\d\d/\d\d/20\d\d \d\d:\d\d", "+07:00"),
        ("keagenan", "bpjs_kesehatan"): (r"No\. peserta +0001260835323", "Rp 1.260.835"),
    }
    for key, (shown, raw) in expectations.items():
        _, receipt = receipt_of(paid, key)
        for text in paper(receipt, tmp_path):
            assert re.search(shown, text) and raw not in text, (key, text)
    _, va = receipt_of(paid, ("doku", "doku_bni_va"))
    for text in paper(va, tmp_path):
        assert re.search(r"Jenis VA +Tertutup \(nominal", text)  # words, never "Jenis C"
        assert re.search(r"Bayar tepat +Rp 150\.000", text) and "Virtual Account Billing" in text and "(009)" in text


def test_bpjs_receipt_prints_the_months_paid_and_its_status_once(paid, tmp_path):
    row, receipt = receipt_of(paid, ("keagenan", "bpjs_kesehatan"))
    months = read(row, "request.h_numberOfMonthsOfBills")
    assert months == "3"
    for text in paper(receipt, tmp_path):
        assert re.search(rf"Jumlah bulan dibayar +{months}\b", text)
        assert len(re.findall(r"^ *Status", text, re.MULTILINE)) == 1 and "SUKSES" not in text


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_a_created_va_receipt_is_no_proof_of_payment(paid, tmp_path):
    """The customer has paid nothing yet: the paper says so instead of "keep this as proof"."""
    _, receipt = receipt_of(paid, ("doku", "doku_bni_va"))
    for text in paper(receipt, tmp_path):
        flat = one_line(text)
        assert "Tagihan ini BELUM DIBAYAR." in flat and "Struk ini BUKAN bukti bayar." in flat
        assert "bukti transaksi yang sah" not in flat


def test_pln_nontaglis_prints_its_receipt_note_as_the_host_split_it(paid, tmp_path):
    """Section 30 answers the note whole, its parts run together ("111ATAUHUB."), and in its
    three printed lines: the paper reads the lines."""
    row, receipt = receipt_of(paid, ("keagenan", "pln_nontaglis"))
    assert read(row, "payment.data.receiptNote") == "SILAHKAN HUBUNGI CALL CENTER 111ATAUHUB. PLN TERDEKAT :115"
    for text in paper(receipt, tmp_path):
        assert "CALL CENTER 111 ATAU HUB. PLN TERDEKAT :115" in one_line(text) and "111ATAUHUB" not in text


@pytest.mark.parametrize(("product_id", "code", "words"), [
    ("bni_life", "BNILIFE_PREMI_PERTAMA", r"Jenis +Premi pertama"),
    ("mobile_postpaid", "HALO", r"Operator +Telkomsel Halo"),
    ("personal_loan", "ANZ_PL", r"Bank +ANZ\n"),
])
def test_a_picked_code_is_printed_as_the_words_it_was_picked_by(paid, tmp_path, product_id, code, words):
    row, receipt = receipt_of(paid, ("keagenan", product_id))
    assert code in row.request_text  # the wire keeps the code
    for text in paper(receipt, tmp_path):
        assert re.search(words, text + "\n") and code not in text, text


@pytest.mark.parametrize(("product_id", "wanted"), [
    ("bpjs_kesehatan", r"No\. VA +8888801260835323"),
    ("airline", r"Kode bayar +2222\n(.*\n)*Penumpang +CONAN AIR ASIA"),
    ("kai", r"Kode bayar +0812457451"),
    ("mobile_postpaid", r"No\. HP +0811252222"),
    ("mf_adira", r"No\. kontrak +0754589745"),
    ("pln_postpaid", r"ID pelanggan +5311112\n"),  # the id PLN answered and was paid, not the one typed
    ("bumiputera", r"Nomor polis +1234567890123456789"),
])
def test_the_customer_number_is_named_as_what_it_is_and_printed_once(paid, tmp_path, product_id, wanted):
    """Not "No. Pelanggan" for a BPJS VA, a booking code or a contract; and never two numbers
    of one field (the one typed, the one the host answered) under two names for it."""
    _, receipt = receipt_of(paid, ("keagenan", product_id))
    for text in paper(receipt, tmp_path):
        assert re.search(wanted, text), text
        assert "No. Pelanggan" not in text


@pytest.mark.parametrize("product_id", sorted(spec.id for spec in default_catalogue()))
def test_no_receipt_names_one_field_twice(paid, product_id):
    _, receipt = receipt_of(paid, ("keagenan", product_id))
    names = [label.casefold().replace("nomor ", "no. ") for label, _ in receipt.details]
    assert len(names) == len(set(names)), receipt.details


@pytest.mark.parametrize("key", [*sorted(OTHER_KINDS), ("bca", "bca_transfer_interbank"),
                                 *(("keagenan", s.id) for s in default_catalogue())])
def test_no_number_is_printed_twice_under_two_names(paid, key):
    """The bank's reference is printed once, as "Ref. Bank": a product line that repeats it
    (the Switcher's "No. Jurnal", Bank+'s "ID Transaksi") reads as a second number to check."""
    row, receipt = receipt_of(paid, key)
    printed = [value for _label, value in (*receipt.references, *receipt.details)]
    assert len(printed) == len(set(printed)), (receipt.references, receipt.details)


def test_a_transfer_to_another_bank_names_its_bank_in_one_line_whichever_host_sent_it(paid):
    """Bank+, the Switcher and BCA: "Bank Tujuan" with the bank's name and the code the money
    went to, once; never a second line a customer could read as another bank."""
    expected = {("bankplus", "interbank_transfer"): "BANK MANDIRI (008)",
                ("switcher", "switcher_transfer"): "BANK BRI (BRINIDJA)",
                ("bca", "bca_transfer_interbank"): "BANK BRI (BRINIDJA)"}
    for key, bank in expected.items():
        _, receipt = receipt_of(paid, key)
        banks = [(label, value) for label, value in receipt.details if "Bank" in label]
        assert banks == [("Bank Tujuan", bank)], (key, receipt.details)
