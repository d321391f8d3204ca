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
