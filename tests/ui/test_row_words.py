"""What Riwayat's details say of a row's problem, by the way it came to its state.

The row keeps the last error code and words written to it; a later state may leave them as
they were. A Switcher transfer answered "SYSTEM MALFUNCTION" (code -1) became uncertain (SUSPECT),
a status check found it booked (BERHASIL), and the supervisor reversed it (DIBATALKAN): its
details said "Kode kesalahan: -1", "Pesan kesalahan: SYSTEM MALFUNCTION" under DIBATALKAN,
as if the malfunction were why it was cancelled, and nothing of the supervisor's reason.
Each line now says what it is: the uncertainty under "Sebelum dipastikan", the reason of a
cancellation under "Alasan pembatalan", a failure's own code and words under "Kode/Pesan
kesalahan" (never the uncertain code left over beside a check's words).

And "Ref. Bank" of a product whose bank gives none (Bank+'s deposit) says so, not "—".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from services.errors import AnswerMismatch, NotSent, OutcomeUnknown
from services.journal import State
from services.sandbox.base import Fault
from tests.ui.test_history_screens import (
    BRIAPI,
    SUPERVISOR_PIN,
    deposit,
    open_details,
    open_history,
    search,
    switcher_transfer,
)
from tests.ui.uidrive import click
from ui.models.journal_table import STATUS
from ui.screens.resolution_dialogs import ManualDecision, ReversalRequest

TIMEOUT = 10_000


def lines(details) -> dict[str, str]:
    """The details' fields, label to value."""
    shown = {}
    for line in details.info.text().splitlines():
        label, _, value = line.partition(": ")
        shown[label] = value
    return shown


def back_to_list(qtbot, screen) -> None:
    """"← Kembali ke daftar", and the list's own reload over before the next search."""
    click(qtbot, screen.details.back_button)
    qtbot.waitUntil(lambda: not screen.worker.is_busy(screen.search_button), timeout=TIMEOUT)


def malfunctioning_transfer(context, amount: int = 150_000) -> str:
    """A Switcher transfer booked, answered code -1 "SYSTEM MALFUNCTION": SUSPECT with those words."""
    context.sandbox_hosts["switcher"].faults.queue(Fault.MALFUNCTION, "/transfer")
    quote = context.switching.switcher_inquiry("BRINIDJA", BRIAPI)
    try:
        context.switching.switcher_transfer(quote, amount, "bayar")
    except OutcomeUnknown as exc:
        row = context.journal.get(exc.reference)
        assert row.state is State.SUSPECT and row.error_code == "-1", row
        return exc.reference
    raise AssertionError("the malfunction was not answered")


def check_status(qtbot, screen, details, context, reference: str, to: State) -> None:
    click(qtbot, details.check_button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is to, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: details.row is not None and details.row.state is to, timeout=TIMEOUT)


def test_a_reversed_transfer_that_was_uncertain_says_why_it_was_cancelled(qtbot, shell, context):
    context.dayclose.supervisors.set_pin("Supervisor", SUPERVISOR_PIN)
    reference = malfunctioning_transfer(context)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    shown = lines(details)
    assert shown["Kode kesalahan"] == "-1" and "SYSTEM MALFUNCTION" in shown["Pesan kesalahan"]  # uncertain: why
    check_status(qtbot, screen, details, context, reference, State.SUCCESS)
    shown = lines(details)
    assert "Kode kesalahan" not in shown and "Pesan kesalahan" not in shown
    assert shown["Sebelum dipastikan"].startswith("[-1] ") and "SYSTEM MALFUNCTION" in shown["Sebelum dipastikan"]
    uncertain = shown["Sebelum dipastikan"]

    screen.ask_reversal = lambda parent, detail: ReversalRequest("Salah nomor rekening", SUPERVISOR_PIN)
    click(qtbot, details.reverse_button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.REVERSED, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "DIBATALKAN" in details.title.text(), timeout=TIMEOUT)
    reversal = next(context.journal.rows("product = 'switcher_reversal'")).reference
    shown = lines(details)
    assert "Kode kesalahan" not in shown and "Pesan kesalahan" not in shown, shown
    assert shown["Sebelum dipastikan"] == uncertain
    assert shown["Alasan pembatalan"] == f"Reversal {reversal}: Salah nomor rekening"
    # the list's status, hovered, no longer offers the doubt as the cancellation's words
    back_to_list(qtbot, screen)
    assert search(qtbot, screen, reference=reference) == [reference]
    assert screen.model.data(screen.model.index(0, STATUS), Qt.ItemDataRole.ToolTipRole) is None


def test_an_uncertain_transfer_the_bank_never_booked_shows_the_check_s_words_and_the_doubt_before(
        qtbot, shell, context):
    """SUSPECT (an answer about another transfer) -> FAILED by a status check ("not found"):
    the failure's code and words are the check's; the doubt before it is named as such."""
    switcher_transfer(context, 70_000)  # an earlier answer for the proxy to replay
    context.sandbox_hosts["switcher"].faults.queue(Fault.REPLAYED_ANSWER, "/transfer")
    quote = context.switching.switcher_inquiry("BRINIDJA", BRIAPI)
    with pytest.raises(AnswerMismatch) as caught:
        context.switching.switcher_transfer(quote, 90_000, "bayar")
    reference = caught.value.reference
    doubt = context.journal.get(reference).error_message
    assert context.journal.get(reference).state is State.SUSPECT and doubt
    screen = open_history(qtbot, shell)
    screen.resolver.not_found_grace_seconds = 0
    details = open_details(qtbot, screen, reference)
    assert lines(details)["Pesan kesalahan"] == doubt
    check_status(qtbot, screen, details, context, reference, State.FAILED)
    shown = lines(details)
    row = context.journal.get(reference)
    assert shown["Kode kesalahan"] == "NOT_FOUND" and shown["Pesan kesalahan"] == row.error_message != doubt
    assert shown["Sebelum dipastikan"] == doubt and "Alasan pembatalan" not in shown


def test_a_bca_transfer_sent_back_says_so_as_the_reason_it_was_cancelled(qtbot, shell, context):
    """SUCCESS -> REVERSED by BCA's refund: the bank's code and words are why it was cancelled."""
    bca = context.bca
    done = bca.transfer(bca.account_inquiry("0613005827"), 60_000).row.reference
    context.sandbox_hosts["bca"].refund(done)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, done)
    check_status(qtbot, screen, details, context, done, State.REVERSED)
    row = context.journal.get(done)
    shown = lines(details)
    assert "Kode kesalahan" not in shown and "Pesan kesalahan" not in shown and "Sebelum dipastikan" not in shown
    assert shown["Alasan pembatalan"] == f"[{row.error_code}] {row.error_message}" and row.error_code == "04"


def test_a_deposit_given_up_by_hand_as_failed_keeps_its_failure_words(qtbot, shell, context):
    """SUSPECT (answer lost, no words) -> FAILED by a person: the person's words are the failure's."""
    reference = deposit(context, 40_000, lost=True)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    screen.ask_resolution = lambda parent, detail, guide: ManualDecision(False, "", "Tidak ada di laporan host")
    click(qtbot, details.settle_button)
    qtbot.waitUntil(lambda: details.row is not None and details.row.state is State.FAILED, timeout=TIMEOUT)
    shown = lines(details)
    assert shown["Kode kesalahan"] == "MANUAL" and "Tidak ada di laporan host" in shown["Pesan kesalahan"]
    assert "Sebelum dipastikan" not in shown and "Alasan pembatalan" not in shown



def test_a_payment_that_never_left_given_up_shows_why_and_no_doubt(qtbot, shell, context):
    """NEW (the connection refused) -> FAILED by giving it up: the giving up's own code and
    words, nothing "before it was confirmed" (it never was in doubt)."""
    context.sandbox_hosts["bankplus"].faults.queue(Fault.REFUSE_CONNECTION, "/bankplus/bsa/depositAccount")
    with pytest.raises(NotSent) as caught:
        deposit(context, 25_000)
    reference = caught.value.reference
    assert context.journal.get(reference).state is State.NEW
    context.resolver.abandon(reference, actor="BNIUS100294", reason="nasabah pulang")
    shown = lines(open_details(qtbot, open_history(qtbot, shell), reference))
    assert shown["Kode kesalahan"] == "NOT_SENT" and shown["Pesan kesalahan"] == "nasabah pulang"
    assert "Sebelum dipastikan" not in shown and "Alasan pembatalan" not in shown


# -- "Ref. Bank" of a product whose bank gives none ----------------------------------------------
NONE_GIVEN = "Tidak diberikan bank untuk produk ini"


def test_a_deposit_s_details_say_the_bank_gives_no_reference_for_it(qtbot, shell, context):
    """Bank+'s deposit answer carries no bank reference (by the document): the details said
    "Ref. Bank: —", which support read as a number lost. They say the bank gives none for
    product, whatever became of the row; a product whose bank gave one shows it, and a row of
    such a product not answered yet still shows "—"."""
    paid, transfer = deposit(context), switcher_transfer(context)
    assert context.journal.get(paid).host_ref == ""
    screen = open_history(qtbot, shell)
    shown = lines(open_details(qtbot, screen, paid))
    assert shown["Ref. Bank"] == NONE_GIVEN
    back_to_list(qtbot, screen)
    assert lines(open_details(qtbot, screen, transfer))["Ref. Bank"] == context.journal.get(transfer).host_ref != ""
    back_to_list(qtbot, screen)
    lost = deposit(context, 30_000, lost=True)
    assert lines(open_details(qtbot, screen, lost))["Ref. Bank"] == NONE_GIVEN
    back_to_list(qtbot, screen)
    unanswered = switcher_transfer(context, 80_000, lost=True)
    assert lines(open_details(qtbot, screen, unanswered))["Ref. Bank"] == "—"


# -- the day's report lists a reversed transfer by why it was cancelled ------------------------
def test_laporan_x_lists_a_reversed_transfer_with_its_reason_not_its_earlier_doubt(qtbot, shell, context):
    """Laporan X/Z's "Dibatalkan" list (screen, PDF, CSV) wrote the row's leftover words:
    "-1 [96] SYSTEM MALFUNCTION" beside a transfer the supervisor reversed for a wrong
    account number. It lists the reversal and its reason; a refund keeps the bank's words."""
    context.dayclose.supervisors.set_pin("Supervisor", SUPERVISOR_PIN)
    reference = malfunctioning_transfer(context)
    context.resolver.check(reference, actor="BNIUS100294")
    assert context.journal.get(reference).state is State.SUCCESS
    context.switching.reversal(reference, SUPERVISOR_PIN, "Salah nomor rekening")
    reversal = next(context.journal.rows("product = 'switcher_reversal'")).reference
    bca = context.bca
    refunded = bca.transfer(bca.account_inquiry("0613005827"), 60_000).row.reference
    context.sandbox_hosts["bca"].refund(refunded)
    context.resolver.check(refunded, actor="BNIUS100294")
    row = context.journal.get(refunded)
    assert row.state is State.REVERSED
    listed = {item.reference: item for item in context.dayclose.x_report().reversed}
    item = listed[reference]
    assert (item.error_code, item.error_message) == ("", f"Reversal {reversal}: Salah nomor rekening")
    assert (listed[refunded].error_code, listed[refunded].error_message) == (row.error_code, row.error_message)
