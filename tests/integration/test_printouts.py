"""Raw printouts (cash slips, the day summary) on the printer worker's one thread: the bytes
reach a network printer as they are; without a printer, or when it fails, the text is kept
in the receipts folder, a second copy beside the first."""

from __future__ import annotations

from services.receipts import PrinterConfig, PrinterUnreachable, PrinterWorker
from tests.integration.test_receipt_printer import FakeEscposPrinter, closed_port, wait_result

ESCPOS = b"\x1b@SLIP KAS\nRp 25.000\n\x1dV\x00"
TEXT = "SLIP KAS\nRp 25.000\n"


def test_raw_bytes_reach_the_network_printer_unchanged(tmp_path):
    with FakeEscposPrinter() as printer:
        config = PrinterConfig(connection="network", network_host="127.0.0.1", network_port=printer.port)
        with PrinterWorker(config, tmp_path) as worker:
            result = wait_result(lambda cb: worker.print_raw("KAS-20261121-00001", ESCPOS, TEXT, cb))
            assert printer.job_done.acquire(timeout=5)
    assert result.ok and result.printed and result.reference == "KAS-20261121-00001"
    assert printer.jobs == [ESCPOS]
    assert list(tmp_path.iterdir()) == []  # nothing to fall back on


def test_a_dead_printer_keeps_the_text_and_never_overwrites_it(tmp_path):
    config = PrinterConfig(connection="network", network_host="127.0.0.1", network_port=closed_port(), timeout_s=2)
    with PrinterWorker(config, tmp_path) as worker:
        first = wait_result(lambda cb: worker.print_raw("ringkasan-2026-11-21", ESCPOS, TEXT, cb))
        second = wait_result(lambda cb: worker.print_raw("ringkasan-2026-11-21", ESCPOS, TEXT + "CETAK ULANG\n", cb))
    assert isinstance(first.error, PrinterUnreachable) and not first.printed and first.pdf_path is None
    assert first.text_path == tmp_path / "ringkasan-2026-11-21.txt"
    assert second.text_path == tmp_path / "ringkasan-2026-11-21-2.txt"
    assert first.text_path.read_text(encoding="utf-8") == TEXT
    assert second.text_path.read_text(encoding="utf-8").endswith("CETAK ULANG\n")


def test_pdf_mode_saves_the_text_without_an_error(tmp_path):
    with PrinterWorker(PrinterConfig(), tmp_path / "receipts") as worker:  # connection "pdf": no printer
        result = wait_result(lambda cb: worker.print_raw("KAS-20261121-00002", ESCPOS, TEXT, cb))
    assert result.ok and not result.printed
    assert result.text_path == tmp_path / "receipts" / "KAS-20261121-00002.txt"
    assert result.text_path.read_text(encoding="utf-8") == TEXT


def test_the_recovery_code_slip_is_printed_or_nowhere(tmp_path):
    """The owner's recovery code goes to paper only: with no printer (PDF mode) or a dead one
    it is not kept as a text file in the receipts folder, where anyone at the counter reads it."""
    from services.dayclose.recovery import new_code, render_code_slip
    from services.receipts.model import Agent

    code = new_code()
    slip = render_code_slip(code, at="2026-11-21T14:05:00.000+07:00", agent=Agent("Toko Maju", "AG001"),
                            sandbox=False)
    assert " ".join(code.split("-")[:2]) in slip.text and "brankas" in slip.text
    with FakeEscposPrinter() as printer:
        config = PrinterConfig(connection="network", network_host="127.0.0.1", network_port=printer.port)
        with PrinterWorker(config, tmp_path) as worker:
            printed = wait_result(lambda cb: worker.print_raw("kode-pemulihan", slip.escpos, slip.text, cb,
                                                              keep_text=False))
            assert printer.job_done.acquire(timeout=5)
    assert printed.printed and printer.jobs == [slip.escpos]
    dead = PrinterConfig(connection="network", network_host="127.0.0.1", network_port=closed_port(), timeout_s=2)
    with PrinterWorker(dead, tmp_path) as worker:
        failed = wait_result(lambda cb: worker.print_raw("kode-pemulihan", slip.escpos, slip.text, cb,
                                                         keep_text=False))
    with PrinterWorker(PrinterConfig(), tmp_path) as worker:
        pdf_mode = wait_result(lambda cb: worker.print_raw("kode-pemulihan", slip.escpos, slip.text, cb,
                                                           keep_text=False))
    assert isinstance(failed.error, PrinterUnreachable) and failed.text_path is None
    assert not pdf_mode.printed and pdf_mode.text_path is None
    assert list(tmp_path.iterdir()) == []
