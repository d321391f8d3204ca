"""Manual resolution with the host's figures: the dialog offers "Biaya admin dari host" for a
success only, and what the agent typed there is what the journal settles the row with."""

from __future__ import annotations

from services.journal import State
from tests.ui.test_history_screens import deposit, go_home, switcher_transfer
from tests.ui.uidrive import click
from ui.screens.resolution_dialogs import ManualResolutionDialog


def test_the_hosts_fee_from_the_dialog_settles_the_row(qtbot, shell, context):
    reference = deposit(context, 60_000, lost=True)
    dialog = ManualResolutionDialog(None, "Setor Tunai Rp 60.000", context.resolver.guides.for_host("bankplus"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.fee_field.isVisible()  # nothing chosen yet
    dialog.failed.setChecked(True)
    assert not dialog.fee_field.isVisible()  # a failure moved no money
    dialog.success.setChecked(True)
    assert dialog.fee_field.isVisible()
    qtbot.keyClicks(dialog.officer, "Ibu Rina")
    qtbot.keyClicks(dialog.host_ref, "JRN-990")
    qtbot.keyClicks(dialog.settled_fee, "1500")
    assert dialog.settled_fee.text() == "1.500" and dialog.ok.isEnabled()

    click(qtbot, shell._nav["history"])  # leave and come back: Beranda reads the list again
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    panel.ask_resolution = lambda parent, detail, guide: dialog.decision()
    click(qtbot, panel.items[0].button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=10_000)
    row = context.journal.get(reference)
    assert (row.host_ref, row.fee, row.fee_final, row.total_final) == ("JRN-990", 0, 1_500, 61_500)
    qtbot.waitUntil(lambda: panel.items == [], timeout=10_000)


def test_a_transfer_the_switcher_calls_reversed_is_settled_by_hand_from_the_list(qtbot, shell, context):
    """The Switcher's check answers "Transfer reversed": the work-list shows the host's
    words and "Selesaikan" (no longer "Cek status", which would say the same for ever), and
    the decision recorded there settles the row."""
    reference = switcher_transfer(context, 45_000, lost=True)
    host = context.sandbox_hosts["switcher"]
    host.bookings[reference].reversed_by = "operator"
    context.resolver.check(reference)  # the timer's check, heard at once

    click(qtbot, shell._nav["history"])  # leave and come back: Beranda reads the list again
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    view = panel.items[0]
    assert view.button.text() == "Selesaikan"
    assert "Jawaban host: Switcher: Transfer reversed" in view.text()
    dialog = ManualResolutionDialog(None, "Transfer", context.resolver.guides.for_host("switcher"))
    qtbot.addWidget(dialog)
    dialog.failed.setChecked(True)
    qtbot.keyClicks(dialog.officer, "Pak Dedi")
    panel.ask_resolution = lambda parent, detail, guide: dialog.decision()
    click(qtbot, view.button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.FAILED, timeout=10_000)
    assert "Transfer reversed" in context.journal.events(reference)[-1].reason
