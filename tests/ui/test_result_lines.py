"""The result screen shows the receipt's lines, resolved from the journal row.

The finishing screen hands over only the row and its title: the agent reads on screen what
the customer reads on paper: PLN's period, tariff and meter, the credit card's holder.
"""

from __future__ import annotations

from services.hosts.keagenan.service import BillPayFlow
from services.receipts import receipt_details
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
