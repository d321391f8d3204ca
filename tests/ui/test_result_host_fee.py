"""A payment the host booked with another admin fee than the one the agent confirmed.

The Bank+ intrabank inquiry quotes Rp 1.000; between the inquiry and the payment the host's
fee becomes Rp 2.500 (the simulated host charges its fee of the moment, as a real one may
after a tariff change). The host's figures are the truth: the journal settles them, the
receipt prints them and the day's cash counts them. But the agent took the quoted total from
the customer: the result must say, in words, that the fee differs and by how much, and the
SUCCESS event must say so in Riwayat; otherwise the receipt shows the customer a total
nobody asked them for, and the drawer is short at Tutup Hari with no one knowing why.
Driven through ``BankingService`` against the simulated Bank+ host on a loopback socket.
"""

from __future__ import annotations

import pytest

from services.event_words import plain_reason
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.service import BankingService
from services.journal import State
from services.limits import Limits
from ui.screens.base import TransactionDone
from ui.screens.result import ResultScreen

PIN = "359569"
LIMITS = {"deposit": {"min": 10_000, "max": 20_000_000}, "transfer": {"min": 10_000, "max": 25_000_000},
          "open_account_deposit": {"min": 0, "max": 20_000_000}}
AMOUNT = 50_000


@pytest.fixture
def banking(bankplus_server, http, journal, tmp_path) -> BankingService:
    service = BankingService(BankPlusClient(http, bankplus_server.base_url), journal, limits=Limits.parse(LIMITS),
                             attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    return service


@pytest.mark.parametrize("booked_fee, words", [
    (2_500, "Tagih nasabah Rp 1.500 lagi"),
    (0, "Kembalikan Rp 1.000 kepada nasabah"),
])
def test_a_fee_the_host_changed_is_recorded_and_told_to_the_agent(qtbot, banking, bankplus_host, journal,
                                                                  booked_fee, words):
    quote = banking.transfer_inquiry("intrabank", "1234567890")
    assert quote.admin_fee == 1_000  # what the confirmation shows and the agent collects
    bankplus_host.intrabank_fee = booked_fee
    row = banking.transfer_pay(quote, AMOUNT, PIN).row

    assert row.state is State.SUCCESS
    assert (row.fee, row.total) == (1_000, AMOUNT + 1_000)  # as confirmed and journaled before sending
    assert (row.fee_final, row.total_final) == (booked_fee, AMOUNT + booked_fee)  # what the bank booked
    success = journal.events(row.reference)[-1]
    assert "Rp 1.000" in success.reason and f"Rp {booked_fee:,}".replace(",", ".") in success.reason
    assert plain_reason(success.reason, State.SUCCESS)[0] == \
        "Berhasil, dengan biaya admin bank yang berbeda dari konfirmasi"  # what Riwayat shows the agent

    screen = ResultScreen()
    qtbot.addWidget(screen)
    screen.show_done(TransactionDone("Transfer Sesama Bank", row))
    text = screen.text()
    assert words in text
    assert "Rp 1.000" in text and f"Rp {AMOUNT + booked_fee:,}".replace(",", ".") in text


def test_a_fee_the_confirmation_did_not_hold_is_not_called_a_change_from_rp_0(qtbot, banking, bankplus_host):
    """A confirmation without an admin fee (quoted Rp 0, or a bill whose fee "the bank sets",
    as Telkom's says): "not Rp 0 as at the confirmation" contradicted what the agent read. The
    result says the fee was not in the confirmation, and what to collect."""
    bankplus_host.intrabank_fee = 0
    quote = banking.transfer_inquiry("intrabank", "1234567890")
    assert quote.admin_fee == 0
    bankplus_host.intrabank_fee = 2_500
    row = banking.transfer_pay(quote, AMOUNT, PIN).row
    screen = ResultScreen()
    qtbot.addWidget(screen)
    screen.show_done(TransactionDone("Transfer Sesama Bank", row))
    assert ("Biaya admin dari bank Rp 2.500 belum termasuk dalam konfirmasi. Tagih nasabah Rp 2.500 lagi: totalnya "
            "Rp 52.500, seperti tercetak di bukti.") in screen.text()
    assert "bukan Rp 0" not in screen.text()


def test_a_fee_as_confirmed_says_nothing_more(qtbot, banking, journal):
    quote = banking.transfer_inquiry("intrabank", "1234567890")
    row = banking.transfer_pay(quote, AMOUNT, PIN).row
    assert (row.settled_fee, row.settled_total) == (None, None)
    assert journal.events(row.reference)[-1].reason == "dikonfirmasi host"
    screen = ResultScreen()
    qtbot.addWidget(screen)
    screen.show_done(TransactionDone("Transfer Sesama Bank", row))
    assert "Tagih nasabah" not in screen.text() and "Kembalikan" not in screen.text()
