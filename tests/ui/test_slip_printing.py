"""Cash slips (Buka Shift & Kas) and the Laporan Z summary (Tutup Hari) on the receipt
printer: a fake network printer on 127.0.0.1 receives the ESC/POS; a dead printer or PDF mode
keeps the text in the receipts folder and the banner says where — the movement and the
seal stand either way."""

from __future__ import annotations

import pytest

from tests.integration.test_receipt_printer import FakeEscposPrinter, closed_port
from tests.ui.test_dayclose_screens import count_cash, open_shift, record, start_close
from tests.ui.test_printing import network, use_printer
from tests.ui.uidrive import click

SHIFT_OPEN = False  # these tests open the day's shift through its screen

TIMEOUT = 10_000
CUT = b"\x1dV\x00"


@pytest.fixture
def sink():
    with FakeEscposPrinter() as server:
        yield server


def banner_settles(qtbot, screen, kind: str) -> str:
    qtbot.waitUntil(lambda: screen.banner.property("kind") == kind and "Mencetak" not in screen.banner.text(),
                    timeout=TIMEOUT)
    return screen.banner.text()


def test_cash_slip_prints_on_the_receipt_printer(qtbot, shell, loket, context, sink):
    use_printer(context, **network(sink.port))
    screen = open_shift(qtbot, shell, loket)
    record(qtbot, screen, loket, "pay_out", "25000", "beli kertas struk")
    qtbot.waitUntil(lambda: len(sink.jobs) == 1, timeout=TIMEOUT)
    job = sink.jobs[0]
    assert b"SLIP KAS" in job and b"Rp 25.000" in job and b"beli kertas struk" in job and job.endswith(CUT)
    text = banner_settles(qtbot, screen, "success")
    assert "tercatat (slip KAS-" in text and "tercetak" in text
    assert list(context.printer_settings.receipts_dir.glob("*.txt")) == []


def test_dead_printer_keeps_the_slip_text_and_the_movement(qtbot, shell, loket, context):
    use_printer(context, **network(closed_port()))
    screen = open_shift(qtbot, shell, loket)
    record(qtbot, screen, loket, "pay_out", "30000", "beli air minum")
    text = banner_settles(qtbot, screen, "error").replace("\u200b", "")  # the path breaks at a window's edge
    [saved] = context.printer_settings.receipts_dir.glob("KAS-*.txt")
    assert saved.read_text(encoding="utf-8") == screen.slip.toPlainText()  # what the screen shows
    assert "tidak tercetak" in text and "tidak dapat dihubungi" in text and str(saved) in text
    assert "tercatat" in text and "jangan diulang" not in text.lower()  # not a receipt's advice
    assert [m.amount for m in context.dayclose.shifts.movements(context.dayclose.business_day())] == [-30_000]


def test_day_summary_prints_laid_out_to_80_mm_paper(qtbot, shell, loket, context, sink):
    use_printer(context, paper_mm=80, **network(sink.port))
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "0")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    click(qtbot, screen.sealed_page.print_button)
    qtbot.waitUntil(lambda: len(sink.jobs) == 1, timeout=TIMEOUT)
    assert b"LAPORAN Z No. 0001" in sink.jobs[0]
    preview = screen.sealed_page.summary_preview.toPlainText()
    assert "LAPORAN Z No. 0001" in preview and max(len(line) for line in preview.splitlines()) == 48
    assert "tercetak" in banner_settles(qtbot, screen, "success")


def test_day_summary_in_pdf_mode_is_saved_as_text(qtbot, shell, loket, context):
    screen = start_close(qtbot, shell, loket)  # a fresh profile prints to PDF: no printer
    count_cash(qtbot, screen, loket, "0")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    click(qtbot, screen.sealed_page.print_button)
    text = banner_settles(qtbot, screen, "info").replace("\u200b", "")
    [saved] = context.printer_settings.receipts_dir.glob("ringkasan-*.txt")
    assert "LAPORAN Z No. 0001" in saved.read_text(encoding="utf-8")
    assert "mode PDF" in text and str(saved) in text
