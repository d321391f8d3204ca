"""An uncertain payment settled: the agent reads which customer it was and what to do now.

The customer's cash was taken and the agent told "JANGAN kembalikan uang dulu". When the
bank's answer settles the row, the line that replaced it on Beranda's Transaksi Menggantung
said "{ref}: Cek status: transaksi TIDAK diproses host (GAGAL). Dana tidak berpindah.": a
number to match against a customer by hand, and nothing about the cash still in the drawer
(the row had gone from the list with its name and amount). A success said only "BERHASIL di
host", the receipt not mentioned. Riwayat's Cek status and Selesaikan said the same. Now the
line names the row as the list did, and says what the customer is owed: the cash back, or
the receipt (found by a bad-network walk at 1024x768).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from services.journal import State
from services.sandbox.base import Fault
from tests.ui.test_bca_interbank_screen import lose_the_answer
from tests.ui.test_history_screens import deposit, go_home, open_details, open_history
from tests.ui.uidrive import click, key
from ui.screens.resolution_dialogs import ManualDecision

TIMEOUT = 10_000
NAMED = "BCA: Transfer Antar Bank Rp 75.000 · 888801000003301 — BRIAPI SANDBOX"


def dropped_bca_transfer(qtbot, shell, context) -> str:
    """A BCA transfer of Rp 75.000 whose connection broke before BCA read it: SUSPECT."""
    _bank, _screen, result = lose_the_answer(qtbot, shell, context, Fault.DROP_BEFORE_PROCESSING)
    assert result.done.row.state is State.SUSPECT
    return result.done.row.reference


def test_the_minutes_check_finding_it_failed_names_the_customer_and_says_to_give_the_cash_back(
        qtbot, shell, context):
    reference = dropped_bca_transfer(qtbot, shell, context)
    context.resolver.not_found_grace_seconds = 0  # BCA's "not found" is final at once
    key(qtbot, shell, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # Beranda
    panel = go_home(qtbot, shell)
    sweeps = panel.sweeps
    panel.sweep()  # what its timer does every minute
    qtbot.waitUntil(lambda: panel.sweeps > sweeps, timeout=TIMEOUT)
    assert context.journal.get(reference).state is State.FAILED
    said = panel.banner.text()
    assert said.startswith(NAMED) and reference in said
    assert "TIDAK diproses host (GAGAL)" in said and said.endswith("Kembalikan uang tunai nasabah.")


def test_cek_status_on_beranda_finding_it_booked_says_to_hand_over_the_receipt(qtbot, shell, context):
    _bank, _screen, result = lose_the_answer(qtbot, shell, context)
    reference = result.done.row.reference
    key(qtbot, shell, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=TIMEOUT)
    click(qtbot, panel.items[0].button)  # Cek status
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: reference in panel.banner.text(), timeout=TIMEOUT)
    said = panel.banner.text()
    assert said.startswith(NAMED) and said.endswith("Cetak struknya dan serahkan kepada nasabah.")


def test_selesaikan_gagal_in_riwayat_says_to_give_the_cash_back(qtbot, shell, context):
    reference = deposit(context, 60_000, lost=True)  # Bank+: no status check, a call to the bank
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    screen.ask_resolution = lambda parent, detail, guide: ManualDecision(False, "", "", officer="Ibu Rina",
                                                                         time="10:05")
    click(qtbot, details.settle_button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.FAILED, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "GAGAL" in screen.banner.text(), timeout=TIMEOUT)
    assert screen.banner.text().endswith("Kembalikan uang tunai nasabah.")
