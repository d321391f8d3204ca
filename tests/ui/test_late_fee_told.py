"""A payment SUSPECT at the counter, settled later by hand ("Selesaikan") with the admin fee
the bank's officer names, another than the one the agent confirmed and collected.

The customer paid the confirmed total in cash; the bank debited the agent its own fee. The
journal settles the bank's figures, so the receipt, Riwayat, Laporan X, Tutup Hari's "Kas
seharusnya di laci", the Laporan Z, the export and the office all count the bank's total:
the drawer is right only if the agent collects the difference or hands it back. At the
counter's own result the agent is told so; settled later by hand, the agent was told only
"Dicatat BERHASIL", and the drawer came up short (or over) by the difference at Tutup Hari
with nobody knowing why. The decision's message now says what to collect or hand back, on
the work-list and in Riwayat, and the decision's event names both fees, as the counter's own
success event does."""

from __future__ import annotations

import pytest

from services.journal import State
from services.money import format_rupiah as rupiah
from tests.ui.test_billpay_answer_fee import confirm_pln
from tests.ui.test_history_screens import deposit, go_home, open_history
from tests.ui.uidrive import click, wait_result
from ui.screens.resolution_dialogs import ManualResolutionDialog


def settled_by_hand(qtbot, context, where, button, fee: int) -> None:
    """The agent phoned the bank: BERHASIL, the officer's name and the fee the bank names."""
    dialog = ManualResolutionDialog(None, "transaksi", context.resolver.guides.for_host("keagenan"))
    qtbot.addWidget(dialog)
    dialog.success.setChecked(True)
    qtbot.keyClicks(dialog.officer, "Ibu Rina")
    qtbot.keyClicks(dialog.host_ref, "JRN-990")
    qtbot.keyClicks(dialog.settled_fee, str(fee))
    where.ask_resolution = lambda parent, detail, guide: dialog.decision()
    click(qtbot, button)


@pytest.mark.parametrize("fee, told", [
    (5_500, "Tagih nasabah Rp 2.500 lagi: totalnya Rp 1.205.500"),
    (1_000, "Kembalikan Rp 2.000 kepada nasabah: totalnya Rp 1.201.000"),
    (0, "Kembalikan Rp 3.000 kepada nasabah: totalnya Rp 1.200.000"),  # waived: "0" typed is Rp 0, not empty
])
def test_a_pln_bill_settled_by_hand_at_another_fee_tells_the_agent_the_difference(qtbot, shell, context, pin,
                                                                                   fee, told):
    screen = confirm_pln(qtbot, shell)  # Rp 1.203.000: the bill and the Rp 3.000 quoted
    context.sandbox_hosts["keagenan"].payment_fee = "5.5OO"  # an answer whose fee cannot be read
    click(qtbot, screen.pay_button)
    reference = wait_result(qtbot, shell).done.row.reference
    assert context.journal.get(reference).state is State.SUSPECT
    before = context.dayclose.x_report().cash

    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    settled_by_hand(qtbot, context, panel, panel.items[0].button, fee)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=10_000)
    qtbot.waitUntil(lambda: panel.banner.isVisible(), timeout=10_000)
    said = panel.banner.text()
    assert f"Biaya admin dari bank {rupiah(fee)}, bukan Rp 3.000 seperti saat konfirmasi. {told}" in said
    # what the drawer should hold is what the agent was told to have: the quote plus the difference
    after = context.dayclose.x_report().cash
    assert after.should_hold - before.should_hold == fee - 3_000
    decision = context.journal.events(reference)[-1]
    assert rupiah(fee) in decision.reason and "Rp 3.000" in decision.reason  # Riwayat names both


def test_a_deposit_settled_by_hand_from_riwayat_with_a_fee_says_what_to_collect(qtbot, shell, context):
    """Bank+: a deposit confirmed without a fee, settled from Riwayat's details with the fee
    the bank's officer names."""
    reference = deposit(context, 60_000, lost=True)
    row = context.journal.get(reference)
    assert row.fee == 0
    history = open_history(qtbot, shell)
    history.load_details(reference)
    qtbot.waitUntil(lambda: history.details.row is not None and history.details.row.reference == reference,
                    timeout=10_000)
    settled_by_hand(qtbot, context, history, history.details.settle_button, 1_500)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=10_000)
    qtbot.waitUntil(lambda: history.banner.isVisible(), timeout=10_000)
    assert ("Biaya admin dari bank Rp 1.500 belum termasuk dalam konfirmasi. Tagih nasabah Rp 1.500 lagi: "
            "totalnya Rp 61.500, seperti tercetak di bukti.") in history.banner.text()
