"""Every PDF Loket writes embeds its fonts (``pdffonts``: emb yes), so an archived receipt or
report prints the same anywhere, and a report shows the names customers really have."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from services.dayclose import DayCloseService
from services.journal import Journal, State
from services.receipts import agent_for, build_receipt
from services.receipts import render_pdf as receipt_pdf

NAMES = ["Nguyễn Văn Thành", "Łukasz Żółć", "Ölçü Şahin", "Ğülşen Çağrı"]


def fonts(pdf: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """(name, emb) of every font ``pdffonts`` lists."""
    path = tmp_path / "check.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]  # header and rule
    listed = []
    for line in rows:
        parts = line.split()
        # name type encoding emb sub uni object ID: emb is the fourth field from the right
        # after the type words, so read it from the end: ... emb sub uni obj gen
        listed.append((parts[0], parts[-5]))
    return listed


def text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "text.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def day(journal: Journal) -> Journal:
    for i, name in enumerate(NAMES):
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                      amount=100_000 + i, fee=0, operator="kasir1", customer_ref=f"55500{i}", customer_name=name,
                      request={})
        journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
        journal.transition(ref, State.FAILED if i % 2 else State.SUCCESS, actor="system", reason="jawaban",
                           error_message=f"ditolak: {name}" if i % 2 else None)
    return journal


def test_receipts_embed_their_fonts(day: Journal, tmp_path):
    row = next(day.rows("state='SUCCESS'"))
    receipt = build_receipt(row, agent=agent_for(row), sandbox=True)
    for paper in (58, 80, "A4", "A6"):
        listed = fonts(receipt_pdf(receipt, paper), tmp_path)
        assert listed, paper
        assert all(emb == "yes" for _, emb in listed), (paper, listed)
        assert not any(base in name for name, _ in listed for base in ("Helvetica", "Courier", "ZapfDingbats"))


def test_reports_embed_their_fonts_and_show_every_name(day: Journal, clock, tmp_path):
    with DayCloseService(day, clock=clock) as days:
        pdf = days.render("2026-11-21", "pdf", actor="kasir1")
    listed = fonts(pdf, tmp_path)
    assert listed and all(emb == "yes" for _, emb in listed), listed
    assert not any(base in name for name, _ in listed for base in ("Helvetica", "Courier", "ZapfDingbats"))
    shown = text(pdf, tmp_path)
    for name in (NAMES[1], NAMES[3]):  # the failed ones are listed by name
        assert name in shown, name
    assert "■" not in shown
