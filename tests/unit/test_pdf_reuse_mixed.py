"""The PDF font objects kept across documents (``services.pdf_fonts``) never put one PDF's
bytes or object numbers into another's: receipts of every paper, with and without a logo,
names that make a font's subsets grow past one, and day reports drawn with the same faces,
rendered in a shuffled order from two threads at once (the printer thread's receipts beside
a report rendered elsewhere), are each byte for byte the PDF reportlab makes afresh."""

from __future__ import annotations

import random
import threading
from dataclasses import replace

from PIL import Image

from services import pdf_fonts
from services.dayclose import DayCloseService
from services.journal import Journal, State
from services.receipts import render_pdf as receipt_pdf
from services.reports.pdf import render_pdf as report_pdf
from tests.unit.test_receipts import journal, receipt_of, settle  # noqa: F401 - journal: the fixture

# Over 224 characters besides ASCII: a report draws them with a face's second subset ("AAAAAB+"); a receipt
# prints what its thermal paper can (services.receipts.layout.printable).
MANY = "".join(chr(c) for c in range(0x0410, 0x0450)) + "".join(chr(c) for c in range(0x0100, 0x0180)) + \
    "".join(chr(c) for c in range(0x03B1, 0x03CA)) + "".join(chr(c) for c in range(0x1EA0, 0x1EF9))
NAMES = ["ARDHA HERDIANTO", "José Ñandú Łukasz", "Nguyễn Văn Thành", MANY, MANY[:60], "Ölçü Şahin " + MANY[200:]]


def _documents(day: Journal, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("L", (400, 100), 0).save(logo)
    made = []
    for product in ("deposit", "interbank_transfer", "open_account"):
        row = settle(day, product)
        for n, name in enumerate(NAMES):
            receipt = receipt_of(replace(row, customer_name=name))
            for paper in (58, 80, "A6", "A4"):
                for each in (None, logo):
                    made.append((f"{product} {n} {paper} {bool(each)}",
                                 lambda r=receipt, p=paper, e=each: receipt_pdf(r, p, logo=e)))
    for i, name in enumerate(NAMES):
        ref = day.next_reference()
        day.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=100_000 + i,
                      fee=0, operator="kasir1", customer_ref=f"55500{i}", customer_name=name, request={})
        day.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
        day.transition(ref, State.FAILED if i % 2 else State.SUCCESS, actor="system", reason="jawaban",
                           error_message=f"ditolak: {name}" if i % 2 else None)
        with DayCloseService(day, clock=day.clock) as days:
            report, _ = days.report("2026-11-21", operator="kasir1")
        for copy in (0, 2):
            made.append((f"report {i} {copy}", lambda r=report, c=copy: report_pdf(r, snapshot_hash="ab" * 32, copy=c)))
    return made


def test_kept_font_objects_never_cross_documents(journal,  # noqa: F811
                                                 tmp_path, monkeypatch):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdf_fonts.register()
    documents = _documents(journal, tmp_path)
    kept: dict[str, list[bytes]] = {name: [] for name, _ in documents}
    errors: list[BaseException] = []

    def render(seed: int) -> None:
        order = list(documents) * 2
        random.Random(seed).shuffle(order)
        try:
            for name, make in order:
                kept[name].append(make())
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=render, args=(seed,)) for seed in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    for name, file in (("LoketMono", "DejaVuSansMono.ttf"), ("LoketMono-Bold", "DejaVuSansMono-Bold.ttf"),
                       ("LoketSans", "DejaVuSans.ttf"), ("LoketSans-Bold", "DejaVuSans-Bold.ttf")):
        monkeypatch.setitem(pdfmetrics._fonts, name, TTFont(name, str(pdf_fonts.font_dir() / file)))
    wrong = [name for name, make in documents if set(kept[name]) != {make()}]
    assert not wrong, wrong
