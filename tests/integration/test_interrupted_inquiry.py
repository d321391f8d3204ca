"""A crash in the middle of a customer's balance check (Bank+ Cek Saldo Nasabah) ends as a
balance check without an answer does while Loket runs: FAILED, since it moves no money,
not a SUSPECT row the agent must telephone the helpdesk about, that holds the customer's
next check and Tutup Hari. A payment the same crash cut off stays SUSPECT, never resent.

The crash is the state it leaves on disk: the row written SENT (``begin(sent_by=)``, the
commit the runner makes right before the request leaves) and nothing after it."""

from __future__ import annotations

from app.context import build_context
from services.journal import State
from services.profile import Profile

AGENT, PASSWORD, PIN = "BNIUS100294", "T6jkl4ss", "359569"


def left_sent(journal, product: str, customer: str, amount: int, request: dict) -> str:
    reference = journal.next_reference()
    journal.begin(reference=reference, host="bankplus", product=product, product_group="banking",
                  amount=amount, fee=0, operator=AGENT, request=request, customer_ref=customer, sent_by=AGENT)
    return reference


def test_a_balance_check_a_crash_left_sent_is_failed_at_the_next_start_and_a_deposit_stays_suspect(tmp_path):
    profile = Profile(tmp_path / "p")
    context = build_context(profile)
    try:
        balance = left_sent(context.journal, "customer_balance", "4447", 0,
                            {"accountNum": "4447", "pin_platform": PIN})
        deposit = left_sent(context.journal, "deposit", "14047", 250_000,
                            {"toAccount": "14047", "amount": "250000", "pin_transaksi": PIN})
    finally:
        context.close()

    context = build_context(profile)  # the next start
    try:
        journal = context.journal
        assert journal.get(balance).state is State.FAILED
        assert "tidak memindahkan uang" in journal.get(balance).error_message
        assert journal.get(deposit).state is State.SUSPECT  # money may have moved: never resent
        # The notice after login tells of the deposit only: the balance check asks nothing of the agent.
        assert [row.reference for row in context.recovered] == [deposit]
        assert [item.row.reference for item in context.resolver.worklist()] == [deposit]
        # The customer's next balance check goes through: nothing open holds it.
        context.banking.login(AGENT, PASSWORD)
        again = context.banking.customer_balance("4447", PIN)
        assert again.row.state is State.SUCCESS
        assert journal.verify().ok
    finally:
        context.close()
