"""A double Enter on "Cetak ulang" prints one copy, in Riwayat and on the result screen
(walked at the counter).

With the PDF printer (no printer set up), whose answer comes within a moment, two Enters
0.6 s apart saved two copies, cetak-ulang-1 and -2: the second press came after the first
print's answer. "Cetak ulang" now takes no press for that receipt until the answer has been
on show for ``READ_SECONDS`` (``ui.reprint_guard``).

The agent pressed Enter twice out of habit on "Cetak ulang" in a row's details. The button
was busy only while the print was numbered and queued, not while the printer worked on it:
the second press queued a second copy, "CETAK ULANG ke-2", a second paper for one payment.
The result screen's "Cetak ulang" already waits for the printer's answer; Riwayat now does
too, as long as that print of that row is in the printer's hands."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt

from services.receipts import PrinterConfig, print_count
from services.receipts.settings import PrinterPreferences
from tests.manual_clock import ManualClock
from tests.ui.test_history_screens import deposit, open_details, open_history
from tests.ui.test_printing import pay_deposit
from tests.ui.uidrive import focused, key, wait_idle
from ui.reprint_guard import READ_SECONDS

TIMEOUT = 15_000


def busy_printer(context):
    """A network printer that takes its time: its queue is full, so a connection waits
    (up to the printer's timeout) before the job goes, or fails over to a PDF."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    waiting = []
    for _ in range(3):  # fill the queue of connections nobody accepts
        client = socket.socket()
        client.setblocking(False)
        client.connect_ex(server.getsockname())
        waiting.append(client)
    config = PrinterConfig(connection="network", network_host="127.0.0.1", network_port=server.getsockname()[1],
                           timeout_s=3.0)
    context.printer_settings.save(PrinterPreferences(config, False))
    return server, waiting


def test_a_double_enter_on_cetak_ulang_prints_one_copy(qtbot, shell, loket, context):
    reference = deposit(context, 40_000)
    context.receipts.issue(reference)  # the original, handed over at the counter
    server, waiting = busy_printer(context)
    try:
        screen = open_history(qtbot, shell)
        screen.reprints.now = clock = ManualClock()
        details = open_details(qtbot, screen, reference)
        wait_idle(qtbot, loket)
        assert focused(shell) is details.reprint_button
        before = print_count(context.journal, reference, "reprint")
        key(qtbot, shell, Qt.Key.Key_Return)
        wait_idle(qtbot, loket)  # numbered and queued: the printer is at work on it
        qtbot.waitUntil(lambda: focused(shell) is details.reprint_button and details.reprint_button.isEnabled(),
                        timeout=TIMEOUT)
        key(qtbot, shell, Qt.Key.Key_Return)  # the habit's second press
        wait_idle(qtbot, loket)
        qtbot.waitUntil(lambda: "PDF" in screen.banner.text() or "gagal" in screen.banner.text(), timeout=TIMEOUT)
        qtbot.wait(500)
        assert print_count(context.journal, reference, "reprint") == before + 1
        # the printer answered and the agent has read it: the next press is a deliberate one, and prints
        clock.t += READ_SECONDS
        key(qtbot, shell, Qt.Key.Key_Return)
        wait_idle(qtbot, loket)
        assert print_count(context.journal, reference, "reprint") == before + 2
    finally:
        for client in waiting:
            client.close()
        server.close()


def saved_as_pdf(qtbot, screen, copy: int) -> None:
    qtbot.waitUntil(lambda: f"cetak-ulang-{copy}.pdf" in screen.banner.text(), timeout=TIMEOUT)


def test_a_double_enter_with_the_pdf_printer_saves_one_copy(qtbot, shell, loket, context):
    reference = deposit(context, 40_000)
    context.receipts.issue(reference)  # the original, handed over at the counter
    screen = open_history(qtbot, shell)
    screen.reprints.now = clock = ManualClock()
    details = open_details(qtbot, screen, reference)
    wait_idle(qtbot, loket)
    assert focused(shell) is details.reprint_button
    key(qtbot, shell, Qt.Key.Key_Return)
    saved_as_pdf(qtbot, screen, 1)  # the answer is back, on show
    wait_idle(qtbot, loket)
    clock.t += 0.6  # the habit's second press, as walked
    assert focused(shell) is details.reprint_button and details.reprint_button.isEnabled()
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_idle(qtbot, loket)
    qtbot.wait(300)
    assert print_count(context.journal, reference, "reprint") == 1
    assert "cetak-ulang-1.pdf" in screen.banner.text()  # still the answer of the one copy
    # read, and pressed again on purpose: a second copy
    clock.t += READ_SECONDS
    key(qtbot, shell, Qt.Key.Key_Return)
    saved_as_pdf(qtbot, screen, 2)
    assert print_count(context.journal, reference, "reprint") == 2


def test_a_double_enter_on_the_results_cetak_ulang_with_the_pdf_printer_saves_one_copy(qtbot, shell, loket,
                                                                                      context):
    printing = loket.printing
    printing.reprints.now = clock = ManualClock()
    result = pay_deposit(qtbot, shell)
    reference = result.done.row.reference
    qtbot.waitUntil(lambda: "PDF" in result.banner.text() and printing.print_button.isEnabled(), timeout=TIMEOUT)
    clock.t += READ_SECONDS  # the original's answer read
    printing.print_button.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "cetak-ulang-1.pdf" in result.banner.text(), timeout=TIMEOUT)
    clock.t += 0.6  # the habit's second press
    assert focused(shell) is printing.print_button and printing.print_button.isEnabled()
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_idle(qtbot, loket)
    qtbot.wait(300)
    assert print_count(context.journal, reference, "reprint") == 1
    clock.t += READ_SECONDS
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "cetak-ulang-2.pdf" in result.banner.text(), timeout=TIMEOUT)
