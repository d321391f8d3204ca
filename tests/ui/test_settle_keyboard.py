"""Settling an uncertain transaction from Beranda's Transaksi Menggantung, by the keyboard and
in the agent's language: the dialog's answer is chosen by the arrows as on every screen, and
the line that says what was recorded is in English when the counter speaks English."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app.gui import translations_dir
from services.clock import WIB, format_wib
from services.journal import State
from services.resolution_guide import ResolutionGuides
from tests.ui.test_history_screens import deposit, go_home
from tests.ui.uidrive import click, log_in
from ui import i18n
from ui.screens.resolution_dialogs import ManualDecision, ManualResolutionDialog


@pytest.fixture
def english():
    assert i18n.install("en", translations_dir())
    yield
    i18n.install("id", translations_dir())


def when(context, reference: str) -> str:
    """The time the list shows a transaction by (WIB)."""
    return format_wib(datetime.fromisoformat(context.journal.get(reference).created_at))


def test_a_manual_settlement_is_reported_in_english(qtbot, english, loket, context):
    context.dayclose.shifts.open(0, "BNIUS100294")
    shell = log_in(qtbot, loket)
    qtbot.waitUntil(lambda: shell.screen("home").loaded, timeout=10_000)
    reference = deposit(context, 60_000, lost=True)
    click(qtbot, shell._nav["history"])  # leave and come back: Beranda reads the list again
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    panel.ask_resolution = lambda parent, detail, guide: ManualDecision(False, "", "", officer="Ibu Rina",
                                                                        time="10:05")
    button = panel.items[0].button
    assert button.text() == "Settle"
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.FAILED, timeout=10_000)
    qtbot.waitUntil(lambda: reference in panel.banner.text(), timeout=10_000)
    assert panel.banner.text() == (f"Cash Deposit Rp 60.000 · 14047 — ARDHA HERDIANTO · {when(context, reference)} · "
                                   f"Reference no. {reference}: Recorded as FAILED by {context.banking.operator()}. "
                                   "Give the customer their cash back.")
    assert "Dicatat" not in panel.text()


def test_a_status_check_in_riwayat_is_reported_in_english(qtbot, english, loket, context):
    from tests.ui.test_history_screens import open_details, open_history, switcher_transfer

    context.dayclose.shifts.open(0, "BNIUS100294")
    shell = log_in(qtbot, loket)
    reference = switcher_transfer(context, lost=True)  # the Switcher has a status check
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    click(qtbot, details.check_button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=10_000)
    qtbot.waitUntil(lambda: "host" in screen.banner.text(), timeout=10_000)
    assert screen.banner.text() == ("Status check: the transaction SUCCEEDED at the host. "
                                    "Print its receipt and hand it to the customer.")


def test_an_arrow_chooses_the_banks_answer_in_the_manual_dialog(qtbot):
    """The dialog opens on BERHASIL with nothing chosen: Right chooses GAGAL (Qt alone only
    moved the focus there, and Save stayed off), Left chooses BERHASIL back."""
    dialog = ManualResolutionDialog(None, "Setor Tunai Rp 60.000",
                                    ResolutionGuides(None, sandbox=True).for_host("bankplus"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.success.setFocus()
    qtbot.keyClick(dialog.success, Qt.Key.Key_Right)
    assert dialog.focusWidget() is dialog.failed and dialog.failed.isChecked()
    assert not dialog.host_ref_field.isVisible()  # a failure: no journal number asked
    qtbot.keyClick(dialog.failed, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.officer, "Ibu Rina")
    assert dialog.ok.isEnabled()
    dialog.failed.setFocus()
    qtbot.keyClick(dialog.failed, Qt.Key.Key_Left)
    assert dialog.focusWidget() is dialog.success and dialog.success.isChecked()
    assert dialog.host_ref_field.isVisible()


def test_the_call_time_starts_at_now_in_wib_whatever_the_kiosks_zone(qtbot, monkeypatch):
    """"Jam telepon (WIB)" starts at the time in WIB, not the PC's local time (a kiosk in
    Makassar runs on WITA; this one on UTC showed 11:50 for a deposit made at 18:50 WIB)."""
    monkeypatch.setenv("TZ", "Asia/Makassar")
    time.tzset()
    try:
        dialog = ManualResolutionDialog(None, "Setor Tunai Rp 60.000",
                                        ResolutionGuides(None, sandbox=True).for_host("bankplus"))
        qtbot.addWidget(dialog)
        now = datetime.now(WIB)
    finally:
        monkeypatch.undo()
        time.tzset()
    shown = dialog.time.time()
    apart = abs((shown.hour() * 60 + shown.minute()) - (now.hour * 60 + now.minute))
    assert min(apart, 24 * 60 - apart) <= 1  # the minute may turn meanwhile
