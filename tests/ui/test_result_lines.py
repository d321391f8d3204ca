"""The result screen shows the receipt's lines, resolved from the journal row.

The finishing screen hands over only the row and its title: the agent reads on screen what
the customer reads on paper: PLN's period, tariff and meter, the credit card's holder.
"""

from __future__ import annotations

from services.hosts.keagenan.service import BillPayFlow
from services.receipts import build_receipt, receipt_details, render_text
from services.receipts.agents import agent_header
from ui.screens.base import TransactionDone
from ui.screens.result import ResultScreen

PIN = "359569"


def test_the_result_screen_lists_the_receipt_lines_of_the_row(qtbot, context):
    context.banking.login("BNIUS100294", "T6jkl4ss")
    context.dayclose.shifts.open(0, "BNIUS100294")
    flow = BillPayFlow(context.billpay, "pln_postpaid")
    flow.prepare({"customerId": "53111"}, PIN)
    row = flow.pay(PIN).row
    screen = ResultScreen()
    qtbot.addWidget(screen)
    screen.show_done(TransactionDone("PLN Pascabayar", row))
    text = screen.text()
    details = receipt_details(row)
    assert {"Bl/Th", "Tarif/daya", "Stand meter"} <= {label for label, _ in details}
    for label, value in details:
        assert label in text and value in text


def test_a_result_after_another_shows_only_its_own_lines_at_their_own_height(qtbot, loket, context):
    """The screen keeps its line labels from one result to the next: the deposit's Total
    line, set large, is one of the bill's plain lines next time, and the bill's lines must
    not linger under a shorter result after it. (``loket``: the application's style sheet,
    which sets Total large.)"""
    context.banking.login("BNIUS100294", "T6jkl4ss")
    context.dayclose.shifts.open(0, "BNIUS100294")
    bill = BillPayFlow(context.billpay, "pln_postpaid")
    bill.prepare({"customerId": "53111"}, PIN)
    results = [TransactionDone("Setor Tunai", context.banking.deposit(
                   account="14047", name="ARDHA HERDIANTO", amount=10_200, narration="setoran", pin=PIN).row),
               TransactionDone("PLN Pascabayar", bill.pay(PIN).row)]
    screen = ResultScreen()
    qtbot.addWidget(screen)
    screen.resize(1000, 900)
    screen.show()
    for done in [*results, results[0]]:  # the deposit, the bill, the deposit again
        screen.show_done(done)
        qtbot.wait(20)
        fresh = ResultScreen()
        qtbot.addWidget(fresh)
        fresh.resize(1000, 900)
        fresh.show()
        fresh.show_done(done)
        qtbot.wait(20)
        assert screen.text() == fresh.text()
        assert [(label.text(), value.height()) for label, value in screen._lines if value.isVisible()] == \
            [(label.text(), value.height()) for label, value in fresh._lines if value.isVisible()]


def test_a_bank_reference_is_shown_where_the_bank_gave_one_and_left_out_where_it_gave_none(qtbot, context):
    """Bank+'s deposit and same-bank transfer answers carry no reference of the bank
    (bankplus-api.txt, "Deposit Account" and "Intrabank Transfer (Payment)": account, amounts,
    time, bank code only), so the row has none: the paper leaves "Ref. Bank" out, and the
    result screen did not, printing "Ref. bank —" as if the bank's number had gone missing.
    The transfer to another bank has one (the inquiry's transaction_id): both show it."""
    context.banking.login("BNIUS100294", "T6jkl4ss")
    context.dayclose.shifts.open(0, "BNIUS100294")
    deposit = context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=25_000, narration="setoran",
                                      pin=PIN).row
    intrabank = context.banking.transfer_pay(context.banking.transfer_inquiry("intrabank", "4447"), 50_000, PIN).row
    interbank = context.banking.transfer_pay(context.banking.transfer_inquiry("interbank", "114451186", "008"),
                                             10_000, PIN).row
    assert (deposit.host_ref, intrabank.host_ref) == ("", "") and interbank.host_ref
    screen = ResultScreen()
    qtbot.addWidget(screen)
    for title, row in [("Setor Tunai", deposit), ("Transfer Sesama Bank", intrabank),
                       ("Transfer Antar Bank", interbank)]:
        screen.show_done(TransactionDone(title, row))
        paper = render_text(build_receipt(row, agent=agent_header(context.journal, row), sandbox=True))
        if row.host_ref:
            assert "Ref. bank" in screen.text() and row.host_ref in screen.text()
            assert "Ref. Bank" in paper and row.host_ref in paper
        else:
            assert "Ref. bank" not in screen.text() and "—" not in screen.text(), title
            assert "Ref. Bank" not in paper, title
        assert "No. referensi" in screen.text() and row.reference in screen.text()
