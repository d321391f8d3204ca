"""The printer worker: the one thread that owns the printer.

Jobs come from any thread through ``submit`` / ``test_print`` / ``reconfigure`` and run
one after another, so two receipts never interleave on the device (the failure that
made Odoo drop python-escpos from its IoT box). The device is opened for each job and
closed after it: a network printer that dropped an idle connection, or a USB printer
switched off and on, is found again on the next receipt.

The result of each job goes to a plain callback, called on the worker thread; the UI
wraps it into a signal. On failure the receipt is saved as a PDF in the fallback folder
(the profile's receipts folder) and the error carries that path. The worker never
touches the journal: a printer problem cannot change a transaction's state.

``print_raw`` prints ESC/POS made elsewhere (a cash slip, the day summary: a
``RawPrint``) as a job on the same thread. Bytes cannot become a PDF, so its fallback (and
what PDF mode does with it) is the printout's text as a ``.txt`` in the same folder.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from services.files import write_atomically
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal.states import State
from services.receipts.layout import Center, Gap, Pair, Rule, set_rows
from services.receipts.model import Receipt
from services.receipts.pdf import render_pdf
from services.receipts.printer import PrinterConfig, PrinterError, PrintFailed, open_device, preflight
from services.receipts.thermal import render_escpos, render_rows

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintResult:
    reference: str  # "" for a test print; a RawPrint's name
    printed: bool  # the bytes reached the printer
    pdf_path: Path | None = None  # the PDF written (PDF mode, or the fallback)
    error: PrinterError | None = None
    text_path: Path | None = None  # a RawPrint's text written instead (PDF mode, or the fallback)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class RawPrint:
    """A printout laid out elsewhere: its ESC/POS bytes, and its text for the fallback file."""

    name: str  # the fallback file's name without ".txt", e.g. "KAS-20261121-00003"
    escpos: bytes
    text: str
    keep_text: bool = True  # False: a secret (the recovery code) is printed or nowhere, never kept in a file


Callback = Callable[[PrintResult], None]
_STOP = object()


def pdf_name(receipt: Receipt) -> str:
    return f"{receipt.reference}-cetak-ulang-{receipt.reprint}.pdf" if receipt.reprint else f"{receipt.reference}.pdf"


def opens_drawer(receipt: Receipt, config: PrinterConfig) -> bool:
    """Whether printing ``receipt`` kicks the cash drawer open (setting ``drawer_kick``).

    Only the first print of a transaction that succeeded and took or paid cash at the counter,
    by the same rule as the day's expected cash (``services.reports.cash``), and a reversal,
    whose receipt is printed as the agent hands the money back. Never a reprint ("CETAK ULANG"),
    a failed or open transaction, one that moves no cash (a created VA, a balance check) or
    the test page: an open drawer is cash within reach, and each needless opening is one
    nobody can account for.
    """
    if not config.drawer_kick or receipt.reprint or receipt.state is not State.SUCCESS:
        return False
    from services.reports import cash as cash_rules  # the package brings the report renderers

    return (cash_rules.is_reversal(receipt.product)
            or cash_rules.direction(receipt.host, receipt.product) != cash_rules.NO_CASH)


def test_page(config: PrinterConfig) -> bytes:
    """A test print: the paper width ruled out in digits, an amount, Indonesian text."""
    cols = config.columns
    ruler = "".join(str(i % 10) for i in range(1, cols + 1))
    rows = set_rows(
        [
            Center("TES PRINTER", bold=True, tall=True),
            Rule("="),
            Center(ruler),
            Pair("Kertas", f"{config.paper_mm} mm / {cols} karakter"),
            Pair("Sambungan", config.describe()),
            Pair("Nominal", "Rp 1.234.567"),
            Rule(),
            Center("Jika angka 1 sampai akhir baris tercetak utuh, lebar kertas sudah benar."),
            Gap(),
        ],
        cols,
    )
    return render_rows(rows, cols, drawer_kick=False, logo=config.logo)


def _job_name(payload: object) -> str:
    """What a job's answer names: a receipt's reference, a printout's name, "" otherwise."""
    if isinstance(payload, Receipt):
        return payload.reference
    return payload.name if isinstance(payload, RawPrint) else ""


class PrinterWorker:
    """Owns the printer device on its own thread. ``close()`` when done."""

    def __init__(
        self,
        config: PrinterConfig,
        fallback_dir: Path,
        *,
        device_factory: Callable[[PrinterConfig], object] = open_device,
    ) -> None:
        self._config = config
        self._fallback_dir = Path(fallback_dir)
        self._device_factory = device_factory
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="loket-printer", daemon=True)
        self._thread.start()

    @property
    def config(self) -> PrinterConfig:
        return self._config

    # -- from any thread ------------------------------------------------------------
    @property
    def receipts_dir(self) -> Path:
        """Where receipts and slips are saved when not printed (PDF mode, or the fallback)."""
        return self._fallback_dir

    def submit(self, receipt: Receipt, on_done: Callback | None = None) -> None:
        self._jobs.put((self._print_receipt, receipt, on_done))

    def print_raw(self, name: str, escpos: bytes, text: str, on_done: Callback | None = None, *,
                  keep_text: bool = True) -> None:
        """Print ``escpos`` after the queued jobs; ``text`` is kept in ``<name>.txt`` instead
        when there is no printer (PDF mode) or the printer fails, unless ``keep_text`` is
        False (a secret: nothing is written, the result has no ``text_path``)."""
        self._jobs.put((self._print_raw, RawPrint(name, escpos, text, keep_text), on_done))

    def test_print(self, on_done: Callback | None = None, *, config: PrinterConfig | None = None) -> None:
        """A test page; with ``config``, on that printer (settings not yet saved) instead."""
        self._jobs.put((self._print_test, config, on_done))

    def check(self, config: PrinterConfig, on_done: Callback) -> None:
        """Pre-flight ``config`` on this thread, the device's one owner, after the queued jobs.

        ``on_done`` gets a ``PrintResult`` with nothing printed and the error, if any.
        """
        self._jobs.put((self._check, config, on_done))

    def reconfigure(self, config: PrinterConfig) -> None:
        """Takes effect after the jobs already queued, which print with the old settings."""
        self._jobs.put((self._set_config, config, None))

    def close(self, timeout: float | None = 10) -> None:
        self._jobs.put(_STOP)
        self._thread.join(timeout)

    def __enter__(self) -> "PrinterWorker":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- on the worker thread ---------------------------------------------------------
    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            action, payload, on_done = job
            try:
                result = action(payload)
            except Exception as exc:  # a bug in a job must not kill the printer thread
                log.exception("printer job failed")
                # nor leave unanswered whoever waits for this print (the result screen,
                # Riwayat: they take the receipt's next press only after the answer)
                result = PrintResult(_job_name(payload), printed=False,
                                     error=PrinterError(detail=f"{type(exc).__name__}: {exc}"))
            if on_done is not None and result is not None:
                try:
                    on_done(result)
                except Exception:
                    log.exception("printer callback failed")

    def _set_config(self, config: PrinterConfig) -> None:
        self._config = config

    def _send(self, data: bytes, config: PrinterConfig | None = None) -> None:
        device = self._device_factory(config or self._config)  # PrinterUnreachable if it cannot open
        try:
            device._raw(data)
        except Exception as exc:
            raise PrintFailed(detail=f"{type(exc).__name__}: {exc}") from exc
        finally:
            try:
                device.close()
            except Exception:
                log.warning("closing the printer failed", exc_info=True)

    def _write_pdf(self, receipt: Receipt) -> Path:
        """The receipt as a PDF, whole or not at all (``services.files``): a disk that fills
        up or loses power part-way never leaves a cut-off file under the receipt's name. The
        folder is made again if it was deleted while Loket runs."""
        path = self._fallback_dir / pdf_name(receipt)
        data = render_pdf(receipt, self._config.paper_mm, logo=self._config.logo)
        self._fallback_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data, durable=False)  # the journal holds it: a reprint makes it again
        return path

    def _print_receipt(self, receipt: Receipt) -> PrintResult:
        config = self._config
        if config.connection == "pdf":
            try:
                return PrintResult(receipt.reference, printed=False, pdf_path=self._write_pdf(receipt))
            except OSError as exc:
                unsaved = QT_TRANSLATE_NOOP("errors", "Struk PDF tidak dapat disimpan di {folder}.")
                error = PrinterError(templated(unsaved, folder=str(self._fallback_dir)), detail=str(exc))
                return PrintResult(receipt.reference, printed=False, error=error)
        try:
            self._send(render_escpos(receipt, config.columns, drawer_kick=opens_drawer(receipt, config),
                                     logo=config.logo))
            return PrintResult(receipt.reference, printed=True)
        except PrinterError as error:
            log.warning("receipt %s not printed: %s", receipt.reference, error.detail)
            try:
                path: Path | None = self._write_pdf(receipt)
            except OSError:
                log.exception("fallback PDF for %s not written", receipt.reference)
                path = None
            return PrintResult(receipt.reference, printed=False, pdf_path=path, error=error.with_fallback(path))

    def _write_text(self, job: RawPrint) -> Path:
        """``<name>.txt``, or ``<name>-2.txt``… : a second copy never overwrites the first."""
        self._fallback_dir.mkdir(parents=True, exist_ok=True)
        path, copy = self._fallback_dir / f"{job.name}.txt", 1
        while path.exists():
            copy += 1
            path = self._fallback_dir / f"{job.name}-{copy}.txt"
        # whole or not at all, as a receipt's PDF; the system's line ends, as a text file has them
        write_atomically(path, job.text.replace("\n", os.linesep).encode("utf-8"), durable=False)
        return path

    def _print_raw(self, job: RawPrint) -> PrintResult:
        if self._config.connection == "pdf" and not job.keep_text:
            return PrintResult(job.name, printed=False)
        if self._config.connection == "pdf":
            try:
                return PrintResult(job.name, printed=False, text_path=self._write_text(job))
            except OSError as exc:
                unsaved = QT_TRANSLATE_NOOP("errors", "Teks cetakan tidak dapat disimpan di {folder}.")
                error = PrinterError(templated(unsaved, folder=str(self._fallback_dir)), detail=str(exc))
                return PrintResult(job.name, printed=False, error=error)
        try:
            self._send(job.escpos)
            return PrintResult(job.name, printed=True)
        except PrinterError as error:
            log.warning("printout %s not printed: %s", job.name, error.detail)
            if not job.keep_text:
                return PrintResult(job.name, printed=False, error=error)
            try:
                path: Path | None = self._write_text(job)
            except OSError:
                log.exception("fallback text for %s not written", job.name)
                path = None
            return PrintResult(job.name, printed=False, error=error, text_path=path)

    def _print_test(self, config: PrinterConfig | None) -> PrintResult:
        config = config or self._config
        if config.connection == "pdf":
            return PrintResult("", printed=False)
        try:
            self._send(test_page(config), config)
            return PrintResult("", printed=True)
        except PrinterError as error:
            return PrintResult("", printed=False, error=error)

    def _check(self, config: PrinterConfig) -> PrintResult:
        try:
            preflight(config, receipts_dir=self._fallback_dir, device_factory=self._device_factory)
            return PrintResult("", printed=False)
        except PrinterError as error:
            return PrintResult("", printed=False, error=error)
