"""Receipts on the result screen: print after a success, reprint, preview.

The printer worker (``services.receipts.PrinterWorker``) reports each job on its own
thread. Each caller's ``bridge`` (a ``ui.handoff.Handoff``) is the one place that crosses to
the GUI thread: the worker calls it like a plain callback and the result is delivered on
the GUI thread. Screens never see a thread.

``ReceiptPrinting`` hangs off the shared result screen:

* a SUCCESS shown -> the receipt is issued at once (the desk numbers it in the journal and
  queues it), or, with "Preview dulu sebelum cetak", the preview opens first;
* "Cetak ulang" -> a reprint ("CETAK ULANG ke-n", counted in the journal; not just after
  this receipt's print was answered: ``ui.reprint_guard``); before any
  print of this transaction (the agent closed the preview) the button reads "Cetak struk"
  and prints the original;
* "Lihat struk" -> the receipt as printed, never marked "CETAK ULANG" (viewing is not
  reprinting), with "Cetak" and "Tutup" ("Tutup" for Enter once the original is out:
  "Cetak" is then a counted reprint);
* the outcome lands in the result screen's banner. A failed print never opens a modal:
  the agent keeps serving, the message says the transaction stands and where the PDF is.

The preview is an injectable callable (``ask_preview``) so tests never block on a modal.

``PrintoutPrinter`` is the ``print_printout`` hook of Buka Shift & Kas and Tutup Hari: a
cash slip or the day summary (``services.reports.Printout``) goes to the same printer
thread as a raw ESC/POS job, and the outcome comes back, worded, on the GUI thread.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ui.dialogs import run_modal
from ui.errors import localized, localized_message
from ui.handoff import Handoff
from ui.reprint_guard import ReprintGuard
from ui.screen_fit import available_area
from ui.widgets.wrapping_label import breakable_path

if TYPE_CHECKING:
    from services.journal import JournalRow
    from services.receipts import PrinterWorker, PrintResult, ReceiptDesk
    from services.receipts.settings import PrinterSettings
    from services.reports import Printout
    from ui.screens.result import ResultScreen
    from ui.worker import Worker

log = logging.getLogger(__name__)

ReceiptPreview = Callable[[QWidget, str, str, bool], bool]  # (parent, title, receipt text, print default) -> print it?


# the preview's heading, buttons and margins and a title bar above: the screen's height the box leaves
CHROME = 180


class PreviewDialog(QDialog):
    """The receipt as it will print: the text rendering, paper-wide, in a monospace box."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None, *, print_default: bool = True) -> None:
        """``print_default``: Enter prints, as the "Preview dulu sebelum cetak" step is for;
        else Enter closes, where looking is the purpose ("Lihat struk" once the original is
        out: "Cetak" there is a reprint, counted, and a habitual Enter must not make one)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("receiptPreview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        heading = QLabel(title)
        heading.setObjectName("dialogTitle")
        layout.addWidget(heading)
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("receiptText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # Monospace from the style sheet (#receiptText), or the system's when there is none.
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.ensurePolished()
        columns = max((len(line) for line in text.splitlines()), default=32)
        metrics = self.text.fontMetrics()
        # the paper's width exactly (plus frame and scroll bar): what fits here fits there
        self.text.setFixedWidth(metrics.horizontalAdvance("0" * columns) + 56)
        # the whole receipt where the screen has room, else as much as leaves "Cetak" on it (the
        # box scrolls): a long receipt's preview was 696 pixels tall at 1024x768 and 125 % with
        # the taskbar (550), "Cetak" under it
        available = available_area(self)
        room = 560 if available is None else max(available.height() - CHROME, metrics.lineSpacing() * 6)
        self.text.setMinimumHeight(min(metrics.lineSpacing() * (text.count("\n") + 2), 560, room))
        layout.addWidget(self.text, 1, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("Cetak"))
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.accept)
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        default = self.print_button if print_default else self.close_button
        default.setDefault(True)
        default.setFocus()


def show_preview(parent: QWidget, title: str, text: str, print_default: bool = True) -> bool:
    """The production preview: modal; True when the agent presses "Cetak"."""
    dialog = PreviewDialog(title, text, parent, print_default=print_default)
    try:
        return run_modal(dialog) == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class ReceiptPrinting(QObject):
    def __init__(self, result: "ResultScreen", desk: "ReceiptDesk", printer: "PrinterSettings",
                 worker: "Worker", *, ask_preview: ReceiptPreview = show_preview) -> None:
        super().__init__(result)
        self.result = result
        self.desk = desk
        self.printer = printer
        self.worker = worker
        self.ask_preview = ask_preview
        self.row: "JournalRow | None" = None
        self.issued = False  # the original of ``row`` was handed to the printer
        self.printing = False  # a job of ours is in the printer's queue
        self.reprints = ReprintGuard()  # a double Enter on "Cetak ulang", one copy
        self._printed_focus: Callable[[], None] = lambda: None  # "Cetak ulang" back on, the keyboard too
        self.bridge = Handoff(self._printed, self)  # the printer thread's answer, to the GUI thread
        self.print_button = QPushButton(self.tr("Cetak ulang"))
        self.print_button.setObjectName("secondary")
        self.print_button.clicked.connect(self.print_again)
        self.view_button = QPushButton(self.tr("Lihat struk"))
        self.view_button.setObjectName("secondary")
        self.view_button.clicked.connect(self.view)
        result.add_action(self.print_button)
        result.add_action(self.view_button)
        result.print_requested.connect(self.shown)

    # -- what the result screen shows ---------------------------------------------------
    def shown(self, row: "JournalRow") -> None:
        self.row, self.issued = row, False
        success = row.state.value == "SUCCESS"
        self.print_button.setVisible(success)
        self.view_button.setVisible(success)
        self._label()
        if not success:
            return  # a failed or unsure transaction gets no receipt handed out from here
        if self.printer.preview_first:
            self.view()
        else:
            self.issue(reprint=False)

    def print_again(self) -> None:
        """"Cetak ulang" (or "Cetak struk"): not just after the answer to this receipt's
        print came (``ui.reprint_guard``); "Cetak" in the preview is pressed after reading it."""
        if self.row is not None and not self.reprints.too_soon(self.row.reference):
            self.issue(reprint=self.issued)

    def view(self) -> None:
        """The receipt as the customer holds it; "Cetak" prints it (a reprint, once the
        original was printed: only that print says "CETAK ULANG" and is counted)."""
        if self.row is None:
            return
        reference, reprint = self.row.reference, self.issued
        title = self.tr("Pratinjau struk — cetak ulang") if reprint else self.tr("Pratinjau struk")

        def ask(text: str) -> None:
            give_back()  # before the preview: its closing returns the keyboard where it is then
            if (self.row is not None and self.row.reference == reference
                    and self.ask_preview(self.result, title, text, not reprint)):
                self.issue(reprint=reprint)

        def failed(exc: BaseException) -> None:
            give_back()
            self._failed(exc)

        give_back = self._keyboard_stays(self.view_button, lambda: self.worker.run(
            lambda: self.desk.preview_text(reference), on_success=ask, on_failure=failed, busy=self.view_button))

    def _keyboard_stays(self, button: QPushButton, disable: Callable[[], object]) -> Callable[[], None]:
        """``disable()`` turns ``button`` off while its work runs, and Qt sends the keyboard
        on to the next widget: from "Lihat struk" out of the result screen to the header (in
        the sandbox its drill switch, whose Enter opened the drill menu after Esc on the
        preview), from "Cetak ulang" to "Lihat struk". The call returned gives it back to
        ``button``, once on again, if it had it and nothing moved it since."""
        window = self.result.window()
        had = window.focusWidget() is button
        disable()
        moved_to = window.focusWidget()

        def give_back() -> None:
            if (had and shiboken6.isValid(button) and window.focusWidget() is moved_to and button.isVisible()
                    and button.isEnabled()):
                button.setFocus(Qt.FocusReason.OtherFocusReason)

        return give_back

    def issue(self, *, reprint: bool) -> None:
        """Number the print in the journal (off the GUI thread) and queue it."""
        if self.row is None or self.printing:
            return
        reference, desk, bridge = self.row.reference, self.desk, self.bridge
        self.printing = True
        self.issued = True
        self._printed_focus = self._keyboard_stays(self.print_button, self._label)
        self.result.banner.show_message("info", self.tr("Mencetak struk…"))
        # ``printing`` holds the button until the printer answers, not just until it is queued.
        self.worker.run(lambda: desk.issue(reference, reprint=reprint, on_done=bridge),
                        on_success=lambda _receipt: None, on_failure=self._failed)

    # -- answers ----------------------------------------------------------------------
    def _printed(self, outcome: "PrintResult") -> None:
        self.reprints.answered(outcome.reference)
        current = self.row is not None and outcome.reference == self.row.reference
        if current:
            self.printing = False
            self._label()
            self._give_back_print()
        # A late answer for an earlier transaction still tells the agent, naming the receipt.
        prefix = "" if current else self.tr("Struk No. ref {reference}: ").format(reference=outcome.reference)
        if outcome.error is not None:
            self.result.banner.show_message("error", prefix + localized(outcome.error))
        elif outcome.printed:
            self.result.banner.show_message("success", prefix + self.tr("Struk tercetak. Serahkan kepada nasabah."))
        elif outcome.pdf_path is not None:
            self.result.banner.show_message("success", self.tr("{prefix}Struk disimpan sebagai PDF {pdf_name} "
                                                               "di folder struk (lihat Pengaturan > Printer).").format(
                prefix=prefix, pdf_name=outcome.pdf_path.name))

    def _failed(self, exc: BaseException) -> None:
        """The journal could not be read or written for the receipt (not the printer)."""
        log.error("receipt not issued", exc_info=(type(exc), exc, exc.__traceback__))
        self.printing = False
        self._label()
        self._give_back_print()
        self.result.banner.show_message(
            "error", self.tr("Struk tidak dapat disiapkan. Transaksi tetap tercatat; coba Cetak ulang, "
                     "atau cetak dari Riwayat Transaksi."))

    def _give_back_print(self) -> None:
        give_back, self._printed_focus = self._printed_focus, lambda: None
        give_back()

    def _label(self) -> None:
        self.print_button.setText(self.tr("Cetak ulang") if self.issued else self.tr("Cetak struk"))
        self.print_button.setEnabled(not self.printing)


PrintDone = Callable[[str, str], None]  # (banner kind, message), on the GUI thread


class PrintoutPrinter(QObject):
    """Prints a ``Printout`` on the receipt printer: one job on the printer worker's thread,
    the one owner of the device. Without a printer (PDF mode), or when the printer fails, the
    printout's text is saved as a ``.txt`` in the receipts folder and the message says where."""

    def __init__(self, printer: "PrinterWorker", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self._waiting: dict[int, tuple[str, PrintDone, bool]] = {}
        self._next = 0
        self.bridge = Handoff(lambda answer: self._printed(*answer), self)  # (job, result), to the GUI thread

    @property
    def columns(self) -> int:
        """The paper's width in characters: screens lay printouts out to it."""
        return self.printer.config.columns

    def __call__(self, printout: "Printout", name: str, what: str, done: PrintDone, *, keep_text: bool = True) -> None:
        """Queue ``printout``; ``what`` names it in the message ("Slip KAS-…", "Ringkasan").
        ``keep_text=False``: a secret, printed or nowhere (no text file when it is not)."""
        self._next += 1
        job, bridge = self._next, self.bridge
        self._waiting[job] = (what, done, keep_text)
        self.printer.print_raw(name, printout.escpos, printout.text, lambda result: bridge((job, result)),
                               keep_text=keep_text)

    def _printed(self, job: int, outcome: "PrintResult") -> None:
        what, done, keep_text = self._waiting.pop(job)
        if outcome.printed:
            done("success", self.tr("{what} tercetak.").format(what=what))
        elif not keep_text:
            reason = (localized_message(outcome.error.reason) if outcome.error is not None
                      else self.tr("Tidak ada printer struk (mode PDF)."))
            done("error", self.tr("{what} tidak tercetak. {reason} Teksnya tidak disimpan di mana pun: tulis dengan "
                                  "tangan.").format(what=what, reason=reason))
        elif outcome.error is not None:
            reason = localized_message(outcome.error.reason)
            kept = (self.tr("Teksnya disimpan: {path}").format(path=breakable_path(outcome.text_path))
                    if outcome.text_path
                    else self.tr("Teksnya juga tidak dapat disimpan."))
            done("error", self.tr("{what} tidak tercetak. {reason} {kept}").format(what=what, reason=reason,
                                                                                   kept=kept))
        else:
            done("info", self.tr("Tidak ada printer struk (mode PDF): {what} disimpan sebagai teks: "
                                 "{path}").format(what=what, path=breakable_path(outcome.text_path)))
