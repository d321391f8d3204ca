"""Receipts end to end: a network printer on a real loopback socket, and the CLI."""

from __future__ import annotations

import socket
import socketserver
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.profile import Profile
from services.receipts import (
    PrinterConfig,
    PrinterUnreachable,
    PrinterWorker,
    PrintResult,
    ReceiptDesk,
    agent_for,
    build_receipt,
    preflight,
    print_count,
    render_escpos,
)

ROOT = Path(__file__).resolve().parents[2]
AGENT = {"kode_agen": "BNI014100294", "nama": "Ardha Herdianto", "alamat": "Perumahan Gateway 02/02 Jatikalang"}


class FakeEscposPrinter(socketserver.ThreadingTCPServer):
    """A raw-TCP (port 9100 style) printer on 127.0.0.1 that records every job's bytes."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.jobs: list[bytes] = []
        self.job_done = threading.Semaphore(0)

        class Handler(socketserver.BaseRequestHandler):
            def handle(handler) -> None:
                chunks = []
                while chunk := handler.request.recv(65536):
                    chunks.append(chunk)
                self.jobs.append(b"".join(chunks))
                self.job_done.release()

        super().__init__(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def __enter__(self) -> "FakeEscposPrinter":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


@pytest.fixture
def printer():
    with FakeEscposPrinter() as server:
        yield server


def closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settled_deposit(journal: Journal) -> str:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="cash", amount=25_000, fee=0,
                  operator="ardha", customer_ref="14047", customer_name="Ardha Herdianto",
                  request={"toAccount": "14047", "name": "ardha", "amount": "25000", "narration": "tes",
                           "pin_transaksi": "359569"})
    journal.transition(ref, State.SENT, actor="ardha", reason="dikirim")
    journal.transition(ref, State.SUCCESS, actor="ardha", reason="berhasil", host_ref="BLB20041711343318780",
                       response={"code": "00", "data": {"bank_code": "BNI", "total": "25.000"}, "agent": AGENT})
    return ref


def wait_result(submit) -> PrintResult:
    done, results = threading.Event(), []
    submit(lambda result: (results.append(result), done.set()))
    assert done.wait(10), "the printer worker did not report"
    return results[0]


def test_receipt_reaches_a_network_printer_byte_for_byte(journal, printer, tmp_path):
    ref = settled_deposit(journal)
    config = PrinterConfig(connection="network", network_host="127.0.0.1", network_port=printer.port, paper_mm=80)
    preflight(config)
    assert printer.job_done.acquire(timeout=5)  # the pre-flight connection, with nothing sent
    assert printer.jobs.pop() == b""
    with PrinterWorker(config, tmp_path) as worker:
        desk = ReceiptDesk(journal, worker, sandbox=True)
        result = wait_result(lambda cb: desk.issue(ref, on_done=cb))
        assert result.ok and result.printed and result.pdf_path is None
        assert printer.job_done.acquire(timeout=5)
        expected = render_escpos(build_receipt(journal.get(ref), agent=agent_for(journal.get(ref)), sandbox=True,
                                               footer=config.footer), 48)
        assert printer.jobs == [expected]
        assert b"\x1dV\x00" in expected and b"SANDBOX / TRAINING" in expected and b"Rp 25.000\n" in expected

        test = wait_result(worker.test_print)
        assert test.ok and test.printed
        assert printer.job_done.acquire(timeout=5)
        assert (b"TES PRINTER" in printer.jobs[-1]
                and b"123456789012345678901234567890123456789012345678" in printer.jobs[-1])
    assert list(tmp_path.glob("*.pdf")) == []


def test_unreachable_network_printer_falls_back_to_pdf(journal, tmp_path):
    profile = Profile(tmp_path / "profile")
    ref = settled_deposit(journal)
    config = PrinterConfig(connection="network", network_host="127.0.0.1", network_port=closed_port(), timeout_s=2)
    with pytest.raises(PrinterUnreachable) as err:
        preflight(config)
    assert "tidak dapat dihubungi" in err.value.message
    with PrinterWorker(config, profile.receipts_for(sandbox=True)) as worker:
        result = wait_result(lambda cb: ReceiptDesk(journal, worker, sandbox=True).issue(ref, reprint=True, on_done=cb))
        test = wait_result(worker.test_print)
    assert isinstance(result.error, PrinterUnreachable) and not result.printed
    assert result.pdf_path == profile.receipts_for(sandbox=True) / f"{ref}-cetak-ulang-1.pdf"
    assert result.pdf_path.exists()
    assert isinstance(test.error, PrinterUnreachable) and test.pdf_path is None
    assert journal.get(ref).state is State.SUCCESS and journal.verify().ok
    assert print_count(journal, ref, "reprint") == 1


@pytest.fixture
def profile_with_row(tmp_path):
    profile = Profile(tmp_path / "profile")
    profile.save_settings({"agent": {"name": "Toko Berkah Jaya", "code": "BNI014100294", "address": "Jl. Raya Waru 12"},
                           "printer": {"paper_mm": 58, "footer": "Terima kasih telah bertransaksi"}})
    with Journal(profile.journal_path, clock=FixedClock(datetime(2026, 11, 21, 14, 5, tzinfo=WIB))) as journal:
        ref = settled_deposit(journal)
    return profile, ref


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "receipt", *args], cwd=ROOT, capture_output=True, timeout=60)


@pytest.mark.parametrize("fmt", ["text", "escpos", "pdf"])
def test_cli_renders_a_receipt_from_the_journal(profile_with_row, tmp_path, fmt):
    profile, ref = profile_with_row
    out = tmp_path / f"struk.{fmt}"
    done = cli(ref, "--format", fmt, "--out", str(out), "--profile", str(profile.folder))
    assert done.returncode == 0, done.stderr.decode()
    data = out.read_bytes()
    if fmt == "pdf":
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
    else:
        text = data.decode("cp850" if fmt == "escpos" else "utf-8")
    for expected in ("Toko Berkah Jaya", "BNI014100294", "SETOR TUNAI", ref, "21/11/2026 14:05 WIB",
                     "Terima kasih telah bertransaksi", "SANDBOX / TRAINING"):
        assert expected in text
    if fmt == "text":
        assert max(len(line) for line in text.splitlines()) <= 32
    with Journal(profile.journal_path) as journal:
        assert print_count(journal, ref) == 0  # rendering for support is not a print


def test_cli_width_and_unknown_reference(profile_with_row, tmp_path):
    profile, ref = profile_with_row
    out = tmp_path / "struk.txt"
    assert cli(ref, "--format", "text", "--width", "80", "--out", str(out),
               "--profile", str(profile.folder)).returncode == 0
    assert max(len(line) for line in out.read_text().splitlines()) == 48
    missing = cli("9999999999999999", "--format", "text", "--out", str(out), "--profile", str(profile.folder))
    assert missing.returncode == 1 and "tidak ada di jurnal" in missing.stderr.decode()


def test_cli_lays_the_receipt_out_as_the_profiles_printer_prints(profile_with_row, tmp_path):
    """An 80 mm printer set to 42 characters a line: the command's copy is 42 wide, as the
    counter's is (it was 48, the paper's usual); another paper asked for is that paper's."""
    profile, ref = profile_with_row
    settings = profile.load_settings()
    settings["printer"].update(paper_mm=80, chars_per_line=42)
    profile.save_settings(settings)
    out = tmp_path / "struk.txt"
    for width, columns in ((None, 42), ("58", 32)):
        assert cli(ref, "--format", "text", *(("--width", width) if width else ()), "--out", str(out),
                   "--profile", str(profile.folder)).returncode == 0
        assert max(len(line) for line in out.read_text().splitlines()) == columns
