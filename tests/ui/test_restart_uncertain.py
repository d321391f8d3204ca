"""Loket stopped mid-payment (killed, the power cut) and started again: what the agent reads
after the login about the payment whose answer never came.

The row is found SENT and becomes SUSPECT (services.journal.store.recover_interrupted). The
notice over every screen said "(SUSPECT)", a word the counter shows nowhere else (Riwayat and
the result say BELUM PASTI), and sent the agent to "menu Riwayat", where a row cannot be
settled: the way to settle it, and the call to make, are in Beranda's Transaksi Menggantung
list right under the notice. It now says "belum pasti", names that list, and what to tell
the customer waiting, as the result of an uncertain payment does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.context import build_context
from services.journal import State
from services.profile import Profile
from tests.ui.uidrive import USERNAME, click
from ui.screens.resolution_dialogs import ManualDecision

TIMEOUT = 10_000


@pytest.fixture
def context(tmp_path: Path):
    """The profile of a Loket killed after "Setor sekarang": the deposit's row is SENT on disk
    (committed before the request left, as the runner does), no answer was ever recorded."""
    first = build_context(Profile(tmp_path / "profile"))
    ref = first.journal.next_reference()
    first.journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                        amount=200_000, fee=0, operator=USERNAME, customer_ref="14047",
                        customer_name="ARDHA HERDIANTO", request={}, sent_by=USERNAME)
    first.close()
    ctx = build_context(Profile(tmp_path / "profile"))  # the start after the kill
    assert [(row.reference, row.state) for row in ctx.recovered] == [(ref, State.SUSPECT)]
    yield ctx
    ctx.close()


def test_the_restart_notice_says_belum_pasti_and_where_to_settle_it(qtbot, shell, context):
    home = shell.screen("home")
    qtbot.waitUntil(lambda: shell.current_screen() is home and home.loaded, timeout=TIMEOUT)
    text = shell.notice.text()
    assert text.startswith("1 transaksi terputus saat Loket terakhir berhenti dan statusnya belum pasti.")
    assert "SUSPECT" not in text and "Riwayat" not in text
    assert "JANGAN ulangi transaksi tersebut dan JANGAN kembalikan uang dulu" in text
    assert "Selesaikan di Beranda, daftar Transaksi Menggantung" in text
    assert "Katakan kepada nasabah bahwa statusnya sedang dipastikan ke bank" in text


def test_the_restart_notice_goes_once_the_row_is_settled(qtbot, shell, context):
    """Settled GAGAL from the list, the row's line says "Kembalikan uang tunai nasabah.": the
    notice above it said "JANGAN kembalikan uang dulu" for the rest of the session."""
    home = shell.screen("home")
    panel = home.worklist
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=TIMEOUT)
    assert "terputus" in shell.notice.text()
    panel.ask_resolution = lambda parent, detail, guide: ManualDecision(False, "", "", officer="Ibu Rina",
                                                                        time="10:05")
    click(qtbot, panel.items[0].button)  # Selesaikan: the bank's call center says GAGAL
    qtbot.waitUntil(lambda: not panel.items, timeout=TIMEOUT)
    assert panel.banner.text().endswith("Kembalikan uang tunai nasabah.")
    assert "terputus" not in shell.notice.text() and "JANGAN kembalikan" not in shell.notice.text()
