"""An uncertain BNI Keagenan payment is asked about by the reference BNI holds: its reffNum.

Every other host gets the journal's own reference on the wire (Bank+ ``sid``, the Switcher's
``refnum``, BCA's ``partnerReferenceNo``, DOKU's ``trxId``). BNI Keagenan gets a reffNum built
from it (the 19-digit date, a digit, the counter code: 26 characters), and a payment whose
answer never came has no BNI journal number either: the reffNum is the only number BNI's call
center can find it by. The work-list and the question the agent answers after the call name
it beside the journal reference. Driven through the app's own services and Beranda, against
the simulated Keagenan host with its answer lost after processing.
"""

from __future__ import annotations

import pytest

from services.errors import MaybeSent
from services.journal import State
from services.sandbox.base import Fault
from tests.ui.uidrive import PIN, click
from ui.screens.suspects import SuspectWorklist


@pytest.fixture
def lost_pln(context) -> str:
    """A PLN bill paid, processed by BNI, its answer lost: the row's reference."""
    host = context.sandbox_hosts["keagenan"]
    inquiry = context.billpay.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/keagenan/transaction")
    with pytest.raises(MaybeSent) as caught:
        context.billpay.pay(inquiry, PIN)
    return caught.value.reference


def test_the_worklist_names_the_reffnum_bni_booked(qtbot, shell, context, lost_pln):
    row = context.journal.get(lost_pln)
    assert row.state is State.SUSPECT
    booked = [entry["reffNum"] for entry in context.sandbox_hosts["keagenan"].ledger if entry.get("op") == "payment"]
    assert len(booked) == 1 and booked[0] != row.reference  # what BNI holds is not the journal's number

    click(qtbot, shell._nav["history"])
    click(qtbot, shell._nav["home"])
    panel = shell.screen("home").findChild(SuspectWorklist)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    assert booked[0] in panel.items[0].text() and row.reference in panel.items[0].text()

    asked = []
    panel.ask_resolution = lambda parent, detail, guide: asked.append(detail)  # the agent cancels
    click(qtbot, panel.items[0].button)
    assert booked[0] in asked[0]
    assert context.journal.get(lost_pln).state is State.SUSPECT


def test_a_host_that_holds_the_journal_reference_is_not_given_a_second_number(qtbot, shell, context):
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    with pytest.raises(MaybeSent) as caught:
        context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=40_000, narration="x", pin=PIN)
    click(qtbot, shell._nav["history"])
    click(qtbot, shell._nav["home"])
    panel = shell.screen("home").findChild(SuspectWorklist)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    assert caught.value.reference in panel.items[0].text() and "reffNum" not in panel.items[0].text()
