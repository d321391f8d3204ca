"""A crash after SUCCESS and before the receipt: after the restart Beranda says so and prints it."""

from __future__ import annotations

from services.receipts.prints import print_count
from tests.ui.uidrive import PIN, click, log_in


def test_a_success_without_a_receipt_is_listed_on_beranda_with_a_print_button(qtbot, loket, context):
    # The previous run: the deposit succeeded, then Loket died before the receipt was printed.
    context.banking.login("BNIUS100294", "T6jkl4ss")
    context.dayclose.shifts.open(0, "BNIUS100294")
    done = context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="125.000", narration="", pin=PIN)
    reference = done.row.reference
    printed = context.banking.deposit(account="4447", name="ARDHA HERDIANTO", amount="50.000", narration="", pin=PIN)
    printed_ref = printed.row.reference
    context.receipts.issue(printed_ref)  # this one was printed
    assert print_count(context.journal, reference) == 0

    shell = log_in(qtbot, loket)
    home = shell.current_screen()
    panel = home.unprinted
    qtbot.waitUntil(panel.isVisible, timeout=10_000)
    text = panel.text()
    assert "1 transaksi berhasil belum dicetak struknya" in text
    assert reference in text and "125.000" in text and printed_ref not in text

    click(qtbot, panel.buttons[reference])
    qtbot.waitUntil(lambda: not panel.buttons[reference].isEnabled() and panel.buttons[reference].text() == "Dicetak",
                    timeout=10_000)
    assert print_count(context.journal, reference, "original") == 1
    assert "0 transaksi berhasil belum dicetak struknya" in panel.text()


def test_a_success_whose_only_paper_is_a_copy_from_its_uncertain_hours_is_listed(qtbot, loket, context):
    """A copy printed while the transfer was BELUM PASTI says it is no proof of payment; once
    "Cek status" settles it BERHASIL the customer still has no receipt, so Beranda lists it."""
    from services.journal import State
    from tests.ui.test_history_screens import switcher_transfer

    context.banking.login("BNIUS100294", "T6jkl4ss")
    context.dayclose.shifts.open(0, "BNIUS100294")
    reference = switcher_transfer(context, lost=True)
    context.receipts.issue(reference, reprint=True)  # support's copy, to chase it
    assert context.resolver.check(reference).state is State.SUCCESS

    shell = log_in(qtbot, loket)
    panel = shell.current_screen().unprinted
    qtbot.waitUntil(panel.isVisible, timeout=10_000)
    assert reference in panel.text()
    click(qtbot, panel.buttons[reference])
    qtbot.waitUntil(lambda: panel.buttons[reference].text() == "Dicetak", timeout=10_000)
    assert (print_count(context.journal, reference, "original"), print_count(context.journal, reference, "reprint")) \
        == (1, 1)
