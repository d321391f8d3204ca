"""A reprint from Riwayat that the printer refuses: what the agent reads.

Walked at the counter: the network printer was off; the agent opened a BELUM PASTI PLN
payment in Riwayat and pressed Enter (the focus was on "Cetak ulang"; it now starts on the
way back for a row that did not succeed, test_history_screens). The banner said
"Struk gagal dicetak: … Transaksi tetap BERHASIL, jangan diulang. Struk disimpan sebagai
PDF: <path>. Cetak ulang dari Riwayat Transaksi.. Struk disimpan sebagai PDF <name> di
folder struk." A transaction whose status is not known was called successful, the PDF was
named twice after "..", and in English the printer's words stayed Indonesian.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.gui import translations_dir
from services.receipts import PrinterConfig
from services.receipts.settings import PrinterPreferences
from tests.integration.test_receipt_printer import closed_port
from tests.ui.test_history_screens import deposit, open_details, open_history
from tests.ui.test_language import log_in_open
from tests.ui.uidrive import focused, key
from ui import i18n

TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    i18n.install("id", translations_dir())


def dead_printer(context) -> None:
    config = PrinterConfig(connection="network", network_host="127.0.0.1", network_port=closed_port(), timeout_s=2.0)
    context.printer_settings.save(PrinterPreferences(config, False))


def reprint_by_enter(qtbot, shell, context, reference) -> str:
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    details.reprint_button.setFocus()  # where a successful row starts; an uncertain one's is a Tab away
    assert focused(shell) is details.reprint_button
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.banner.property("kind") == "error", timeout=TIMEOUT)
    return screen.banner.text()


def test_a_failed_reprint_of_an_uncertain_deposit_never_calls_it_successful(qtbot, shell, context):
    reference = deposit(context, 90_000, lost=True)  # BELUM PASTI: the bank's answer never came
    dead_printer(context)
    text = reprint_by_enter(qtbot, shell, context, reference)
    assert "BERHASIL" not in text and "BELUM PASTI" in text
    assert "tidak dapat dihubungi" in text  # the printer's own reason
    assert text.count(f"{reference}-cetak-ulang-1.pdf") == 1 and ".." not in text
    assert "Cetak ulang dari Riwayat" not in text  # the agent is in Riwayat already


def test_a_failed_reprint_of_a_successful_deposit_says_it_stands(qtbot, shell, context):
    reference = deposit(context, 30_000)
    dead_printer(context)
    text = reprint_by_enter(qtbot, shell, context, reference)
    assert "Transaksi tetap BERHASIL" in text and ".." not in text


@pytest.fixture
def loket_en(request):
    """The conftest ``loket``, built after English was installed (as run_gui does)."""
    assert i18n.install("en", translations_dir())
    request.getfixturevalue("context").dayclose.shifts.open(0, "BNIUS100294")
    return request.getfixturevalue("loket")


def test_a_failed_reprint_reads_in_english(qtbot, loket_en, context):
    shell = log_in_open(qtbot, loket_en)
    reference = deposit(context, 90_000, lost=True)
    dead_printer(context)
    text = reprint_by_enter(qtbot, shell, context, reference)
    assert "could not be reached" in text and "UNKNOWN" in text
    assert "tidak" not in text and "BERHASIL" not in text
