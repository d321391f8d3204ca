"""Receipts as a person reads them: the text preview, the printer's bytes, the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from services.clock import WIB, FixedClock
from services.errors import UserInputError
from services.journal import Journal, JournalRow, State
from services.money import format_rupiah
from services.profile import Profile
from services.receipts import (
    Agent,
    PrinterConfig,
    PrinterUnreachable,
    PrinterWorker,
    PrintFailed,
    PrintResult,
    ReceiptDesk,
    agent_for,
    build_receipt,
    preflight,
    print_count,
    record_print,
    render_escpos,
    render_pdf,
    render_text,
)
from services.receipts.layout import Pair, printable, set_rows

ROOT = Path(__file__).resolve().parents[2]

AGENT_ANSWER = {
    "kode_agen": "BNI014100294",
    "nama": "Ardha Herdianto",
    "alamat": "Perumahan Gateway 02/02 Jatikalang Kab_Sidoarjo, Jawa Timur",
}
LONG_NAME = "Muhammad Rizky Abdurrahman Syahputra Wijayakusuma Nugroho"

# One Bank+ transaction of each product, shaped like the document's requests and answers.
PRODUCTS = {
    "deposit": dict(
        product_group="cash", amount=25_000, fee=0, customer_ref="14047", customer_name="Ardha Herdianto",
        request={"toAccount": "14047", "name": "ardha", "amount": "25000", "narration": "setoran toko",
                 "pin_transaksi": "359569"},
        response={"code": "00", "data": {"amount": "25.000", "admin": "0", "total": "25.000",
                                          "account_number_customer": "14047", "account_name": "Ardha Herdianto",
                                          "deposit_amount": 25000, "bank_code": "BNI"}},
    ),
    "intrabank_transfer": dict(
        product_group="transfer", amount=50_000, fee=1_000, customer_ref="4447", customer_name="ARDHA HERDIANTO",
        request={"account_number": "4447", "account_name": "ARDHA HERDIANTO", "amount": 50000, "admin_fee": 1000,
                 "pin": "359569"},
        response={"code": "00", "data": {"admin_fee": 1000, "total": 51000, "bank_code": "BNI", "amount": 50000,
                                          "account_number": "4447", "account_name": "ARDHA HERDIANTO"}},
    ),
    "interbank_transfer": dict(
        product_group="transfer", amount=1_500_000, fee=6_500, customer_ref="114451186", customer_name=LONG_NAME,
        request={"transaction_id": "781262992", "bank_code": "008", "bank_name": "MANDRI",
                 "account_number": "114451186", "account_name": LONG_NAME, "amount": 1500000,
                 "admin_fee": 6500, "pin": "359569"},
        response={"code": "00", "data": {"admin_fee": 6500, "total": 1506500, "bank_code": "008", "amount": 1500000,
                                          "bank_name": "MANDRI", "account_number": "114451186",
                                          "account_name": LONG_NAME}},
    ),
    "open_account": dict(
        # the customer reference of an account opening is the NIK (BankingService.open_account)
        product_group="account", amount=100_000, fee=0, customer_ref="12345678900876", customer_name="gabymars yofie",
        request={"name": "gabymars yofie", "ktp": "12345678900876", "hp": "08998321234", "deposit": "100000",
                 "pin_transaksi": "1"},
        response={"code": "00", "data": {"account_number_customer": "123456789", "account_name": "gabymars yofie",
                                          "national_id": "12345678900876", "phone_mobile": "08998321234",
                                          "first_deposit": 100000, "bank_code": "BNI",
                                          "referenceNumber": "BLB20041711343318780"}},
    ),
    "customer_balance": dict(
        product_group="inquiry", amount=0, fee=0, customer_ref="4447", customer_name="ARDHA HERDIANTO",
        request={"pin_platform": "359569", "accountNum": "4447"},
        response={"code": "00", "data": {"account_number": "4447", "account_name": "ARDHA HERDIANTO",
                                          "account_balance": 202696682, "bank_code": "BNI"}},
    ),
}


@pytest.fixture
def journal(tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 14, 5, 12, tzinfo=WIB))
    with Journal(tmp_path / "journal.db", clock=clock) as j:
        yield j


def settle(journal: Journal, product: str, *, host: str = "bankplus",
           host_ref: str = "BLB20041711343318780") -> JournalRow:
    spec = PRODUCTS.get(product, PRODUCTS["deposit"])
    ref = journal.next_reference()
    journal.begin(reference=ref, host=host, product=product, operator="ardha", product_group=spec["product_group"],
                  amount=spec["amount"], fee=spec["fee"], request=spec["request"],
                  customer_ref=spec["customer_ref"], customer_name=spec["customer_name"])
    journal.transition(ref, State.SENT, actor="ardha", reason="dikirim")
    return journal.transition(ref, State.SUCCESS, actor="ardha", reason="berhasil", host_ref=host_ref,
                              response={**spec["response"], "agent": AGENT_ANSWER})


def receipt_of(row: JournalRow, **kw):
    return build_receipt(row, agent=agent_for(row), sandbox=kw.pop("sandbox", False), **kw)


# -- text layout ------------------------------------------------------------------------
@pytest.mark.parametrize("columns", [32, 42, 48])
@pytest.mark.parametrize("product", sorted(PRODUCTS))
def test_text_fits_the_paper_and_keeps_every_word(journal, product, columns):
    row = settle(journal, product)
    text = render_text(receipt_of(row), columns)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= columns
    flat = " ".join(text.split())
    for word in [*row.customer_name.split(), *AGENT_ANSWER["nama"].split(), "BNI014100294", row.reference]:
        assert word in flat  # wrapped, never cut
    assert "21/11/2026 14:05 WIB" in text


@pytest.mark.parametrize("columns", [32, 42, 48])
def test_amounts_are_right_aligned(journal, columns):
    row = settle(journal, "interbank_transfer")
    lines = render_text(receipt_of(row), columns).splitlines()
    for label, amount in (("Jumlah Transfer", 1_500_000), ("Biaya Admin", 6_500), ("TOTAL", 1_506_500)):
        (line,) = [l for l in lines if l.startswith(label)]
        assert line.endswith(format_rupiah(amount)) and len(line) == columns


def test_long_name_wraps_under_its_label_flush_right(journal):
    row = settle(journal, "interbank_transfer")
    lines = render_text(receipt_of(row), 32).splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("Nama Penerima"))
    block = [lines[start]] + [l for l in lines[start + 1:start + 4] if l.startswith(" ")]
    assert all(len(l) == 32 for l in block)
    assert " ".join(" ".join(block)[len("Nama Penerima"):].split()) == LONG_NAME


def test_a_word_longer_than_the_paper_is_split_not_dropped(journal):
    row = settle(journal, "deposit", host_ref="X" * 70)
    lines = render_text(receipt_of(row), 32).splitlines()
    assert max(map(len, lines)) <= 32
    assert "".join(l.strip() for l in lines).count("X" * 70) == 1


def test_product_lines(journal):
    interbank = render_text(receipt_of(settle(journal, "interbank_transfer")), 48)
    assert re.search(r"Bank Tujuan +BANK MANDIRI \(008\)", interbank)  # the bank list's name, not the switch's "MANDRI"
    assert re.search(r"ID Transaksi +781262992", interbank)
    assert "TRANSFER ANTAR BANK" in interbank

    opened = render_text(receipt_of(settle(journal, "open_account")), 48)
    assert "PEMBUKAAN REKENING" in opened and re.search(r"NIK +123456\*\*\*\*0876", opened)
    assert re.search(r"No\. Rek\. Baru +123456789", opened)
    assert "12345678900876" not in opened and "No. Rekening" not in opened  # one account number, the new one
    assert re.search(r"Setoran Awal +Rp 100\.000", opened)

    balance = render_text(receipt_of(settle(journal, "customer_balance")), 48)
    assert re.search(r"Saldo +Rp 202\.696\.682", balance)
    assert "TOTAL" not in balance and "INFORMASI SALDO" in balance

    deposit = render_text(receipt_of(settle(journal, "deposit")), 32)
    assert "SETOR TUNAI" in deposit and re.search(r"Berita +setoran toko", deposit)
    assert re.search(r"Jumlah Setor +Rp 25\.000", deposit)


def test_a_product_nobody_registered_still_prints(journal):
    row = settle(journal, "pln_postpaid", host="bni")
    text = render_text(receipt_of(row), 32)
    assert "PLN POSTPAID" in text and re.search(r"TOTAL +Rp 25\.000", text)


def test_sandbox_receipt_says_so(journal):
    row = settle(journal, "deposit")
    assert "SANDBOX / TRAINING" in render_text(receipt_of(row, sandbox=True), 32)
    assert "SANDBOX" not in render_text(receipt_of(row, sandbox=False), 32)


def test_status_never_claims_more_than_the_journal(journal):
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="cash", amount=25_000, fee=0,
                  operator="ardha", request={}, customer_ref="14047")
    journal.transition(ref, State.SENT, actor="ardha", reason="dikirim")
    row = journal.transition(ref, State.SUSPECT, actor="ardha", reason="timeout")
    text = render_text(receipt_of(row), 32)
    assert re.search(r"Status +DALAM PROSES", text)
    # not the customer's proof of a payment nobody knows went through
    assert "Struk ini BUKAN bukti bayar." in text.splitlines()[-2].strip() and "bukti transaksi yang sah" not in text
    assert "BUKAN bukti" not in render_text(receipt_of(settle(journal, "deposit")), 32)  # a success is proof


@pytest.mark.parametrize("state", [State.FAILED, State.REVERSED])
def test_a_failed_or_reversed_transactions_reprint_is_no_proof_of_payment(journal, state):
    row = settle(journal, "deposit")
    if state is State.FAILED:
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="deposit", product_group="cash", amount=25_000,
                      fee=0, operator="ardha", request={}, customer_ref="14047", sent_by="ardha")
        row = journal.transition(ref, State.FAILED, actor="system", reason="ditolak bank")
    else:
        row = journal.transition(row.reference, State.REVERSED, actor="ardha", reason="dibatalkan")
    text = render_text(receipt_of(row, reprint=1), 32)
    assert text.splitlines()[-1].strip() == "Struk ini BUKAN bukti bayar." and "bukti transaksi yang sah" not in text


def test_agent_comes_from_settings_then_the_answer_then_blank(journal):
    row = settle(journal, "deposit")
    assert (agent_for(row, {"name": "Toko Berkah", "code": "MTR01", "address": "Jl. Raya 1"})
            == Agent("Toko Berkah", "MTR01", "Jl. Raya 1"))
    assert agent_for(row) == Agent("Ardha Herdianto", "BNI014100294",
                                   "Perumahan Gateway 02/02 Jatikalang Kab Sidoarjo, Jawa Timur")
    bare = journal.get(row.reference)
    assert agent_for(replace(bare, response={})) == Agent()


def test_printable_keeps_indonesian_text_and_plain_letters():
    assert printable("José Sitompul — Toko “Maju”") == 'José Sitompul - Toko "Maju"'
    assert printable("Ğazali\tAli") == "Gazali Ali"


# -- ESC/POS ----------------------------------------------------------------------------
def decode_escpos(data: bytes) -> dict:
    """Read ESC/POS bytes the way a printer does: commands apart, text lines with style."""
    lines, line, i = [], bytearray(), 0
    state = {"bold": False, "tall": False, "codepage": None}
    seen = {"cut": False, "drawer": False, "init": False}
    styles = []
    while i < len(data):
        b = data[i]
        two = data[i:i + 2]
        if two == b"\x1b@":
            seen["init"], i = True, i + 2
        elif two == b"\x1bt":
            state["codepage"], i = data[i + 2], i + 3
        elif two == b"\x1bE":
            state["bold"], i = bool(data[i + 2]), i + 3
        elif two == b"\x1b!":
            mode = data[i + 2]
            state["bold"], state["tall"], i = bool(mode & 0x08), bool(mode & 0x10), i + 3
        elif two == b"\x1bd":
            i += 3
        elif two == b"\x1dV":
            seen["cut"], i = True, i + (4 if data[i + 2] in (65, 66) else 3)
        elif two == b"\x1bp":
            seen["drawer"], i = True, i + 5
        elif b == 0x0A:
            lines.append(line.decode("cp850"))
            styles.append(dict(state))
            line = bytearray()
            i += 1
        elif b < 0x20:
            raise AssertionError(f"unknown command at {i}: {data[i:i + 4]!r}")
        else:
            if state["codepage"] is None:
                raise AssertionError("text before a code page was chosen")
            line.append(b)
            i += 1
    return {"lines": lines, "styles": styles, **seen, "codepage": state["codepage"], "tail": bytes(line)}


@pytest.mark.parametrize("columns", [32, 42, 48])
def test_escpos_bytes_read_right(journal, columns):
    row = settle(journal, "interbank_transfer")
    printed = decode_escpos(render_escpos(receipt_of(row, sandbox=True), columns))
    assert printed["init"] and printed["cut"] and not printed["drawer"]
    assert printed["codepage"] == 2  # PC850
    assert max(len(l) for l in printed["lines"]) <= columns
    total = next(l for l in printed["lines"] if l.startswith("TOTAL"))
    assert total.endswith("Rp 1.506.500") and len(total) == columns
    title_at = next(i for i, l in enumerate(printed["lines"]) if "TRANSFER ANTAR BANK" in l)
    assert printed["styles"][title_at]["bold"] and printed["styles"][title_at]["tall"]
    assert any("SANDBOX / TRAINING" in l for l in printed["lines"])
    assert printed["lines"] == [l.rstrip() for l in render_text(receipt_of(row, sandbox=True), columns).splitlines()]


def test_escpos_prints_accented_names_and_kicks_the_drawer_when_asked(journal):
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="cash", amount=25_000, fee=0,
                  operator="ardha", request={}, customer_ref="14047", customer_name="José Sitompul")
    data = render_escpos(receipt_of(journal.get(ref)), 32, drawer_kick=True)
    printed = decode_escpos(data)
    assert any(l.endswith("José Sitompul") for l in printed["lines"])
    assert printed["drawer"] and data.index(b"\x1bp") > data.index(b"\x1dV")  # cut first, then open the drawer


def test_escpos_logo(journal, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("L", (800, 200), 0).save(logo)
    data = render_escpos(receipt_of(settle(journal, "deposit")), 32, logo=logo)
    assert b"\x1dv0" in data  # a raster image before the text


# -- PDF ----------------------------------------------------------------------------------
def test_a_pdf_receipt_never_loads_python_escpos(tmp_path):
    """python-escpos (with yaml, qrcode, barcode and PIL: ~7 MiB held all day) is loaded by
    the first ESC/POS receipt, never by a counter that prints to PDF."""
    probe = (
        "import sys\n"
        "from tests.unit.test_receipts import FixedClock, Journal, State, datetime, WIB, receipt_of, settle\n"
        "from services.receipts import render_escpos, render_pdf\n"
        "with Journal(sys.argv[1], clock=FixedClock(datetime(2026, 11, 21, 14, 5, tzinfo=WIB))) as journal:\n"
        "    receipt = receipt_of(settle(journal, 'deposit'))\n"
        "    assert render_pdf(receipt, 58).startswith(b'%PDF')\n"
        "    print('escpos' in sys.modules)\n"
        "    assert render_escpos(receipt, 32).startswith(b'\\x1b@')\n"
        "    print('escpos' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "journal.db")], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True)
    assert out.stdout.split() == ["False", "True"]


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_page_mm(data: bytes, tmp_path: Path) -> tuple[float, float]:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return float(w) * 25.4 / 72, float(h) * 25.4 / 72


@pytest.mark.parametrize("paper", [58, 80])
def test_roll_pdf_reads_like_the_slip(journal, tmp_path, paper):
    row = settle(journal, "deposit")
    data = render_pdf(receipt_of(row, sandbox=True, reprint=3), paper)
    text = pdf_text(data, tmp_path)
    for expected in ("Ardha Herdianto", "BNI014100294", "SETOR TUNAI", "CETAK ULANG ke-3", "SANDBOX / TRAINING",
                     row.reference, "21/11/2026 14:05 WIB", "BLB20041711343318780"):
        assert expected in text
    assert re.search(r"TOTAL +Rp 25\.000", text)
    width, height = pdf_page_mm(data, tmp_path)
    assert width == pytest.approx(paper, abs=0.1)
    assert 100 < height < 250  # fitted to the content, not a page


def pdf_words(data: bytes, tmp_path: Path) -> list[tuple[str, float, float, float]]:
    """Each word drawn, with its left and right edge and its height (its font size), in pt."""
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [(word, float(x0), float(x1), float(y1) - float(y0)) for x0, y0, x1, y1, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


@pytest.mark.parametrize("paper", [58, 80])
def test_a_long_roll_title_wraps_at_the_fonts_own_width(journal, tmp_path, paper):
    """PLN Non-taglis's title, 40 letters, is set on two lines in the bold font's own
    proportions, inside the printable width: never squeezed sideways to fit the columns."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from services import pdf_fonts
    from services.receipts.pdf import ROLL_PRINTABLE_MM

    data = render_pdf(receipt_of(settle(journal, "pln_nontaglis", host="keagenan")), paper)
    title = "PLN NON-TAGLIS (PASANG BARU/TAMBAH DAYA)"
    assert title in " ".join(pdf_text(data, tmp_path).split())
    words = pdf_words(data, tmp_path)
    start = [w[0] for w in words].index("PLN")
    drawn = words[start:start + len(title.split())]
    assert [w[0] for w in drawn] == title.split()
    advance = stringWidth("0", pdf_fonts.MONO_BOLD, 1)  # the font's own width per point of size
    margin = (paper - ROLL_PRINTABLE_MM[paper]) / 2 * 72 / 25.4
    for word, left, right, size in drawn:
        assert (right - left) / len(word) == pytest.approx(advance * size, rel=0.02), word
        assert size >= 9 and margin - 0.5 <= left and right <= paper * 72 / 25.4 - margin + 0.5
    assert len({size for *_, size in drawn}) == 1  # one size for the whole title


@pytest.mark.parametrize(("page", "size"), [("A4", (210, 297)), ("A6", (105, 148))])
def test_page_pdf_for_the_customer(journal, tmp_path, page, size):
    row = settle(journal, "interbank_transfer")
    data = render_pdf(receipt_of(row), page)
    assert pdf_page_mm(data, tmp_path) == pytest.approx(size, abs=0.5)
    text = pdf_text(data, tmp_path)
    assert re.search(r"TOTAL +Rp 1\.506\.500", text) and "TRANSFER ANTAR BANK" in text
    assert " ".join(LONG_NAME.split()[:2]) in " ".join(text.split())


def test_pdfs_made_from_kept_font_subsets_are_the_bytes_reportlab_makes_afresh(journal, tmp_path, monkeypatch):
    """Each face keeps the font subsets it embedded, and each font its subsets' widths,
    ToUnicode maps and formatted objects; a receipt made from them is byte for byte the one
    reportlab makes when it cuts, formats and compresses them anew, with a logo's objects
    numbered before the fonts' or not."""
    from PIL import Image
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from services import pdf_fonts

    names = {"José Ñandú Łukasz": "interbank_transfer", "Ardha Herdianto": "deposit"}
    receipts = [receipt_of(replace(settle(journal, product), customer_name=name)) for name, product in names.items()]
    papers = (58, 80, "A6", "A4")
    # A logo adds objects before the fonts': the same subsets, other object numbers.
    logo = tmp_path / "logo.png"
    Image.new("L", (400, 100), 0).save(logo)
    logos = (None, logo, None)
    kept = [render_pdf(receipt, paper, logo=each) for each in logos for receipt in receipts for paper in papers]
    for name, file in (("LoketMono", "DejaVuSansMono.ttf"), ("LoketMono-Bold", "DejaVuSansMono-Bold.ttf"),
                       ("LoketSans", "DejaVuSans.ttf"), ("LoketSans-Bold", "DejaVuSans-Bold.ttf")):
        monkeypatch.setitem(pdfmetrics._fonts, name, TTFont(name, str(pdf_fonts.font_dir() / file)))
    afresh = [render_pdf(receipt, paper, logo=each) for each in logos for receipt in receipts for paper in papers]
    assert kept == afresh
    second_a4 = kept[2 * len(papers) + papers.index("A4")]  # the second round's, from kept subsets
    assert "José Ñandú" in pdf_text(second_a4, tmp_path)


# -- reprints -----------------------------------------------------------------------------
class RecordingWorker:
    """Stands in for the printer worker where only what was submitted matters."""

    def __init__(self, config=PrinterConfig()):
        self.config = config
        self.submitted = []

    def submit(self, receipt, on_done=None):
        self.submitted.append(receipt)


def test_reprints_are_counted_in_the_journal(journal):
    row = settle(journal, "deposit")
    assert print_count(journal, row.reference) == 0
    assert record_print(journal, row.reference, "original") == 1
    assert record_print(journal, row.reference, "reprint") == 1
    assert record_print(journal, row.reference, "reprint") == 2
    assert print_count(journal, row.reference) == 3
    assert print_count(journal, row.reference, "reprint") == 2
    with pytest.raises(KeyError):
        record_print(journal, "0000000000000000", "reprint")
    with pytest.raises(ValueError):
        record_print(journal, row.reference, "copy")
    assert journal.verify().ok


def test_desk_marks_reprints_and_preview_records_nothing(journal):
    row = settle(journal, "deposit")
    worker = RecordingWorker()
    desk = ReceiptDesk(journal, worker, sandbox=True)
    first = desk.issue(row.reference)
    assert first.reprint == 0 and "CETAK ULANG" not in render_text(first, 32)
    viewed = desk.preview(row.reference)  # "Lihat struk": viewing is not reprinting
    assert viewed.reprint == 0 and "CETAK ULANG" not in desk.preview_text(row.reference)
    assert print_count(journal, row.reference, "reprint") == 0
    assert desk.issue(row.reference, reprint=True).reprint == 1
    second = desk.issue(row.reference, reprint=True)
    assert "CETAK ULANG ke-2" in render_text(second, 32) and "SANDBOX / TRAINING" in render_text(second, 32)
    assert [r.reprint for r in worker.submitted] == [0, 1, 2]
    assert print_count(journal, row.reference) == 3
    assert journal.get(row.reference).state is State.SUCCESS


# -- the printer --------------------------------------------------------------------------
def test_a_print_reads_its_transactions_row_once(journal):
    """Numbering a print and building its receipt read the row once, in the numbering's own
    transaction: the receipt carries the row as it stood when its print was numbered."""
    row = settle(journal, "deposit")
    desk = ReceiptDesk(journal, RecordingWorker(), sandbox=True)
    statements: list[str] = []
    journal._conn.set_trace_callback(statements.append)
    try:
        receipt = desk.issue(row.reference, reprint=True)
    finally:
        journal._conn.set_trace_callback(None)
    reads = [s for s in statements if re.search(r"\bFROM txn WHERE reference=", s)]
    assert len(reads) == 1, reads
    began, committed = statements.index("BEGIN IMMEDIATE"), statements.index("COMMIT")
    assert began < statements.index(reads[0]) < committed
    assert receipt.reference == row.reference and receipt.reprint == 1
    assert render_text(receipt, 32) == render_text(receipt_of(journal.get(row.reference), sandbox=True, reprint=1), 32)
    with pytest.raises(KeyError):
        desk.issue("0000000000000000")
    assert print_count(journal, "0000000000000000") == 0


def run_job(worker: PrinterWorker, submit) -> PrintResult:
    done = threading.Event()
    results: list[PrintResult] = []

    def on_done(result: PrintResult) -> None:
        results.append(result)
        done.set()

    submit(on_done)
    assert done.wait(10), "the printer worker did not report"
    return results[0]


def test_printer_failure_saves_a_pdf_and_leaves_the_transaction_successful(journal, tmp_path):
    profile = Profile(tmp_path / "profile")
    row = settle(journal, "deposit")
    # No Windows print queue by this name exists (and on Linux no win32print at all).
    config = PrinterConfig(connection="windows", windows_queue="EPSON TM-T82 Loket-tes")
    with pytest.raises(PrinterUnreachable):
        preflight(config)
    with PrinterWorker(config, profile.receipts_for(sandbox=True)) as worker:
        desk = ReceiptDesk(journal, worker, sandbox=False)
        result = run_job(worker, lambda cb: desk.issue(row.reference, on_done=cb))
    assert not result.ok and not result.printed
    assert isinstance(result.error, PrinterUnreachable)
    assert "tidak tersedia" in result.error.message and "Transaksi tetap BERHASIL" in result.error.message
    assert result.pdf_path == profile.receipts_for(sandbox=True) / f"{row.reference}.pdf" and result.pdf_path.exists()
    assert str(result.pdf_path) in result.error.message
    assert row.reference in pdf_text(result.pdf_path.read_bytes(), tmp_path)
    assert journal.get(row.reference).state is State.SUCCESS
    assert journal.verify().ok


class BrokenDevice:
    def _raw(self, data: bytes) -> None:
        raise OSError("paper out")

    def close(self) -> None:
        pass


def test_a_printer_failing_mid_job_is_reported_and_the_reprint_pdf_kept(journal, tmp_path):
    row = settle(journal, "deposit")
    with PrinterWorker(PrinterConfig(connection="usb", usb_vendor_id=0x0416, usb_product_id=0x5011), tmp_path,
                       device_factory=lambda config: BrokenDevice()) as worker:
        desk = ReceiptDesk(journal, worker, sandbox=False)
        result = run_job(worker, lambda cb: desk.issue(row.reference, reprint=True, on_done=cb))
    assert isinstance(result.error, PrintFailed)
    assert result.pdf_path.name == f"{row.reference}-cetak-ulang-1.pdf"
    assert "CETAK ULANG ke-1" in pdf_text(result.pdf_path.read_bytes(), tmp_path)
    assert journal.get(row.reference).state is State.SUCCESS


def test_pdf_mode_saves_the_receipt(journal, tmp_path):
    row = settle(journal, "customer_balance")
    preflight(PrinterConfig(), receipts_dir=tmp_path)
    with PrinterWorker(PrinterConfig(paper_mm=80), tmp_path) as worker:
        result = run_job(worker, lambda cb: ReceiptDesk(journal, worker, sandbox=True).issue(row.reference, on_done=cb))
    assert result.ok and not result.printed
    assert "INFORMASI SALDO" in pdf_text(result.pdf_path.read_bytes(), tmp_path)


def test_reconfigure_applies_to_later_jobs(journal, tmp_path):
    row = settle(journal, "deposit")
    sent = []

    class Device:
        def _raw(self, data):
            sent.append(data)

        def close(self):
            pass

    with PrinterWorker(PrinterConfig(), tmp_path, device_factory=lambda c: Device()) as worker:
        worker.reconfigure(PrinterConfig(connection="network", network_host="127.0.0.1", paper_mm=80, drawer_kick=True))
        result = run_job(worker,
                         lambda cb: ReceiptDesk(journal, worker, sandbox=False).issue(row.reference, on_done=cb))
    assert result.printed and result.pdf_path is None
    printed = decode_escpos(sent[0])
    assert printed["drawer"] and max(map(len, printed["lines"])) == 48


def test_printer_settings_round_trip_and_validation(tmp_path):
    config = PrinterConfig.from_settings({"connection": "network", "network_host": "192.168.1.50", "paper_mm": 80,
                                          "something_old": 1})
    assert PrinterConfig.from_settings(config.to_settings()) == config and config.columns == 48
    config.validate()
    for bad, field in (
        ({"connection": "bluetooth"}, "connection"),
        ({"paper_mm": 76}, "paper_mm"),
        ({"connection": "network"}, "network_host"),
        ({"connection": "serial"}, "serial_port"),
        ({"logo_path": str(tmp_path / "none.png")}, "logo_path"),
    ):
        with pytest.raises(UserInputError) as err:
            PrinterConfig(**bad).validate()
        assert err.value.field == field


def test_pdftotext_is_available():
    """The PDF checks above read PDFs with poppler's pdftotext (apt: poppler-utils)."""
    assert shutil.which("pdftotext") and shutil.which("pdfinfo")


def test_a_host_registers_its_own_lines_by_path(journal):
    from services.receipts import ProductReceipt, register_product
    from services.receipts.products import path_lines

    register_product("tes", "telkom", ProductReceipt(
        title="Telkom", customer_ref_label="No. Telepon",
        lines=path_lines((("Periode", "payment.data.periode"), ("Kode Area", "request.areaCode"),
                          ("Tak Ada", "inquiry.x"))),
    ))
    ref = journal.next_reference()
    journal.begin(reference=ref, host="tes", product="telkom", product_group="tagihan", amount=120_000, fee=2_500,
                  operator="ardha", request={"areaCode": "031"}, customer_ref="0318765432")
    journal.transition(ref, State.SENT, actor="ardha", reason="dikirim")
    row = journal.transition(ref, State.SUCCESS, actor="ardha", reason="ok", response={"data": {"periode": "NOV 2026"}})
    text = render_text(receipt_of(row), 32)
    assert "TELKOM" in text and re.search(r"Periode +NOV 2026", text) and re.search(r"Kode Area +031", text)
    assert "Tak Ada" not in text and re.search(r"TOTAL +Rp 122\.500", text)


def test_the_header_recorded_at_login_names_the_agent_who_wrote_the_row(journal, tmp_path):
    from services.receipts.agents import agent_header, remember_agent

    row = settle(journal, "deposit")  # written by "ardha"; the answer names an agent too
    bare = replace(journal.get(row.reference), response={})
    assert agent_header(journal, bare) == Agent()  # nothing recorded, nothing answered: blank
    remember_agent(journal, "ardha", Agent("Ardha Herdianto", "BNI014100294", "Sidoarjo"))
    remember_agent(journal, "budi", Agent("Budi Santoso", "BNI014100777", "Krian"))
    assert agent_header(journal, bare) == Agent("Ardha Herdianto", "BNI014100294", "Sidoarjo")
    assert agent_header(journal, bare, {"name": "Toko Berkah", "code": "MTR01"}) == Agent("Toko Berkah", "MTR01")
    journal.close()
    with Journal(tmp_path / "journal.db") as reopened:  # another process: the header is in the file
        assert agent_header(reopened, bare).code == "BNI014100294"


def test_the_drawer_opens_only_on_the_first_print_of_a_cash_transaction(journal, tmp_path):
    sent: list[bytes] = []

    class Device:
        def _raw(self, data):
            sent.append(data)

        def close(self):
            pass

    config = PrinterConfig(connection="network", network_host="127.0.0.1", drawer_kick=True)

    def kicks(submit) -> bool:
        sent.clear()
        result = run_job(worker, submit)
        assert result.printed, result.error
        return decode_escpos(sent[0])["drawer"]

    deposit, withdrawal = settle(journal, "deposit"), settle(journal, "tarik_tunai", host="keagenan")
    balance = settle(journal, "customer_balance")
    va = settle(journal, "doku_bni_va", host="doku")
    failed = journal.begin(reference=journal.next_reference(), host="bankplus", product="deposit", operator="ardha",
                           product_group="banking", amount=50_000, fee=0, request={})
    journal.transition(failed.reference, State.FAILED, actor="system", reason="ditolak host")
    with PrinterWorker(config, tmp_path, device_factory=lambda c: Device()) as worker:
        desk = ReceiptDesk(journal, worker, sandbox=False)
        assert kicks(lambda cb: desk.issue(deposit.reference, on_done=cb))  # cash taken
        assert not kicks(lambda cb: desk.issue(deposit.reference, reprint=True, on_done=cb))  # CETAK ULANG
        assert kicks(lambda cb: desk.issue(withdrawal.reference, on_done=cb))  # cash paid out
        assert not kicks(lambda cb: desk.issue(balance.reference, on_done=cb))  # no money at the counter
        assert not kicks(lambda cb: desk.issue(va.reference, on_done=cb))  # a bill paid elsewhere
        assert not kicks(lambda cb: desk.issue(failed.reference, on_done=cb))  # nothing taken
        assert not kicks(lambda cb: worker.test_print(on_done=cb))  # the printer test page
    # The setting off: never.
    with PrinterWorker(replace(config, drawer_kick=False), tmp_path, device_factory=lambda c: Device()) as worker:
        assert not kicks(lambda cb: ReceiptDesk(journal, worker, sandbox=False).issue(withdrawal.reference,
                                                                                       on_done=cb))


def test_a_value_that_wraps_reads_as_one_value():
    """A reference a full line holds is never cut in two (its tail, flush right on the next
    line, read as a second value), and a wrapped value keeps two spaces from its label."""
    token = "XVW1V0XYWZY4Z456789AX3VWW23W1WY3"
    assert [row.text for row in set_rows([Pair("Ref. PLN", token)], 32)] == ["Ref. PLN".ljust(32), token]
    info = [row.text for row in set_rows([Pair("Info", "Informasi Hubungi Call Center 789 etau Hub. PLN")], 48)]
    assert info[0].startswith("Info  ") and info[0].rstrip().endswith("etau") and len(info) == 2
    assert [row.text for row in set_rows([Pair("No. Ref", "2612051002030001")], 32)] == [
        "No. Ref         2612051002030001"]  # a value that fits stays beside its label


def row_in(journal: Journal, state: State) -> JournalRow:
    """A deposit left in ``state`` the way the runner leaves one."""
    if state is State.SUCCESS:
        return settle(journal, "deposit")
    if state is State.REVERSED:
        return journal.transition(settle(journal, "deposit").reference, State.REVERSED, actor="ardha",
                                  reason="dibatalkan")
    ref = journal.next_reference()
    row = journal.begin(reference=ref, host="bankplus", product="deposit", product_group="cash", amount=25_000,
                        fee=0, operator="ardha", request={}, customer_ref="14047", customer_name="Ardha Herdianto")
    if state is State.NEW:
        return row
    sent = journal.transition(ref, State.SENT, actor="ardha", reason="dikirim")
    return sent if state is State.SENT else journal.transition(ref, state, actor="system", reason="batas waktu")


@pytest.mark.parametrize(("state", "headline"), [
    (State.SUSPECT, "TRANSAKSI DALAM PROSES"), (State.SENT, "TRANSAKSI DALAM PROSES"),
    (State.NEW, "TRANSAKSI BELUM TERKIRIM"), (State.FAILED, "TRANSAKSI GAGAL"),
    (State.REVERSED, "TRANSAKSI DIBATALKAN"),
])
def test_a_receipt_that_is_no_proof_says_so_in_large_letters_under_its_title(journal, tmp_path, state, headline):
    """A customer reads the title and the bold TOTAL first: a pending or failed payment's paper
    said what it was only in its status line and footer, at the bottom of a slip that otherwise
    read like a paid one."""
    receipt = receipt_of(row_in(journal, state), reprint=1)
    for columns in (32, 48):
        printed = decode_escpos(render_escpos(receipt, columns))
        lines = [line.strip() for line in printed["lines"]]
        title, dated = lines.index("SETOR TUNAI"), next(i for i, l in enumerate(lines) if l.startswith("Tanggal"))
        at = lines.index(headline)
        assert title < at < dated and printed["styles"][at]["tall"] and printed["styles"][at]["bold"]
        assert "BUKAN BUKTI BAYAR" in lines[at + 1:dated]
    for paper in (58, 80, "A6"):
        text = " ".join(pdf_text(render_pdf(receipt, paper), tmp_path).split())
        assert text.index("SETOR TUNAI") < text.index(headline) < text.index("BUKAN BUKTI BAYAR") < text.index(
            "Tanggal")


def test_a_successful_receipt_carries_no_warning(journal):
    text = render_text(receipt_of(row_in(journal, State.SUCCESS)), 32)
    assert "TRANSAKSI" not in text and "BUKAN" not in text.upper()


def test_a_receipt_longer_than_its_page_names_its_transaction_on_the_next(journal, tmp_path):
    """An A6 page holds ~30 lines: a long receipt goes on to a second page, which says whose
    it is (title, reference, the reprint's number) and that it continues one."""
    row = settle(journal, "interbank_transfer")
    many = replace(receipt_of(row, reprint=2), details=tuple((f"Baris {n}", "x") for n in range(40)))
    data = render_pdf(many, "A6")
    path = tmp_path / "long.pdf"
    path.write_bytes(data)

    def page(n: int) -> str:
        return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"],
                              capture_output=True, text=True, check=True).stdout

    assert "bersambung ke halaman berikutnya" in page(1)
    second = " ".join(page(2).split())
    assert f"TRANSFER ANTAR BANK - No. Ref {row.reference}" in second and "(lanjutan, CETAK ULANG ke-2)" in second
    assert re.search(r"TOTAL Rp 1\.506\.500", second)
