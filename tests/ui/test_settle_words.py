"""Words around an uncertain payment settled later, as the counter shows them.

A PLN bill whose payment answer wrote its admin fee unreadably is SUSPECT with the words
"pembayaran …: biaya tidak terbaca (…)". The bank's officer, on the phone, says it went
through: the agent settles it by hand as BERHASIL.

* "Selesaikan manual" showed only the total: the agent could not compare the admin fee on
  record with the one the officer names before typing the fee the bank took. It now shows
  the amount, the admin fee on record and the total.
* Riwayat's details of the settled row said "Pesan kesalahan: pembayaran …: biaya tidak
  terbaca" under "BERHASIL", and the list's status hovered the same words: an agent reading
  a successful row with an error message thinks it failed. The words are the earlier
  uncertainty's, and say so: "Sebelum dipastikan". (The journal keeps them as written; the
  export's contract says what they are on a SUCCESS row.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from services.journal import State
from tests.ui.test_billpay_answer_fee import confirm_pln
from tests.ui.test_history_screens import open_details, open_history, search
from tests.ui.test_supervisor_recovery import when_open
from tests.ui.uidrive import click, wait_result
from ui.models.journal_table import STATUS
from ui.screens.resolution_dialogs import ManualResolutionDialog

TIMEOUT = 10_000


def unreadable_fee_payment(qtbot, shell, context) -> str:
    """PLN Rp 1.200.000 quoted with an admin fee of Rp 3.000; the payment answer's fee unreadable."""
    screen = confirm_pln(qtbot, shell)
    context.sandbox_hosts["keagenan"].payment_fee = "5.5OO"
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUSPECT and "tidak terbaca" in row.error_message
    return row.reference


def settle_by_hand(qtbot, details, *, fee: str = "") -> list[str]:
    """"Selesaikan manual" in the real dialog: the officer says BERHASIL (with ``fee``, if
    one is named). Returns what the dialog said above its questions."""
    said: list[str] = []

    def on_the_phone(dialog: ManualResolutionDialog) -> None:
        said.append(dialog.detail.text())
        dialog.success.setChecked(True)
        qtbot.keyClicks(dialog.officer, "Ibu Rina")
        if fee:
            qtbot.keyClicks(dialog.settled_fee, fee)
        dialog.ok.setFocus()
        qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)

    done = when_open(ManualResolutionDialog, on_the_phone)
    click(qtbot, details.settle_button)  # returns when the dialog is answered
    assert done == [True]
    return said


def test_selesaikan_manual_shows_the_admin_fee_on_record_beside_the_total(qtbot, shell, context, pin):
    reference = unreadable_fee_payment(qtbot, shell, context)
    details = open_details(qtbot, open_history(qtbot, shell), reference)
    assert details.settle_button.isVisible()
    said = settle_by_hand(qtbot, details, fee="5500")
    assert len(said) == 1
    assert "\nTercatat: nominal Rp 1.200.000 · biaya admin Rp 3.000 · total Rp 1.203.000\n" in said[0]
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=TIMEOUT)
    assert context.journal.get(reference).fee_final == 5_500


def test_a_settled_success_shows_its_earlier_uncertainty_not_an_error(qtbot, shell, context, pin):
    reference = unreadable_fee_payment(qtbot, shell, context)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    assert "Pesan kesalahan: pembayaran" in details.info.text()  # uncertain: why, as before
    settle_by_hand(qtbot, details)
    qtbot.waitUntil(lambda: "BERHASIL" in details.title.text(), timeout=TIMEOUT)
    words = context.journal.get(reference).error_message
    assert "biaya tidak terbaca" in words  # the journal keeps them as written
    shown = details.info.text()
    assert "Pesan kesalahan" not in shown and "Kode kesalahan" not in shown
    assert f"Sebelum dipastikan: {words}" in shown
    # the list's status says the same when the pointer rests on BERHASIL
    click(qtbot, details.back_button)
    assert search(qtbot, screen, reference=reference) == [reference]
    tip = screen.model.data(screen.model.index(0, STATUS), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Sebelum dipastikan: {words}"
