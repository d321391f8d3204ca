"""The Qt-free transfer flow and the NotSent reference reuse, without a window or a host."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from services.errors import HostRejected, NotSent, UserInputError
from services.flows.attempt import PaymentAttempt
from services.flows.transfer import Step, TransferFlow
from services.hosts.bankplus import TransferQuote

QUOTE = TransferQuote(kind="interbank", account_number="114451186", account_name="Ardha Herdianto",
                      bank_code="008", bank_name="MANDRI", admin_fee=6500, transaction_id="700000001")


class Banking:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def transfer_inquiry(self, kind, account, bank_code=""):
        self.calls.append(("inquiry", kind, account, bank_code))
        return QUOTE

    def transfer_pay(self, quote, amount, pin, *, reference=None):
        self.calls.append(("pay", quote.transaction_id, amount, pin, reference))
        return SimpleNamespace(row=None)


def quoted_flow(kind="interbank") -> tuple[TransferFlow, Banking]:
    flow, banking = TransferFlow(kind), Banking()
    flow.quoted(flow.inquiry(banking, "114451186", "008")())
    return flow, banking


def test_steps_destination_confirm_done():
    flow, banking = quoted_flow()
    assert flow.step is Step.CONFIRM and flow.quote is QUOTE and not flow.can_pay
    flow.confirm_name(True)
    executed = flow.payment(banking, 100_000, "359569")()
    flow.paid(executed)
    assert flow.step is Step.DONE
    assert banking.calls[-1] == ("pay", "700000001", 100_000, "359569", None)


def test_interbank_needs_a_bank():
    with pytest.raises(UserInputError) as caught:
        TransferFlow("interbank").inquiry(Banking(), "114451186", "")
    assert caught.value.field == "bank"


def test_intrabank_needs_no_bank():
    flow, banking = TransferFlow("intrabank"), Banking()
    flow.inquiry(banking, "14047")()
    assert banking.calls == [("inquiry", "intrabank", "14047", "")]


def test_paying_before_the_name_is_confirmed_is_refused():
    flow, banking = quoted_flow()
    with pytest.raises(UserInputError) as caught:
        flow.payment(banking, 100_000, "359569")
    assert caught.value.field == "confirm"


def test_change_destination_forgets_quote_and_confirmation():
    flow, _ = quoted_flow()
    flow.confirm_name(True)
    flow.change_destination()
    assert flow.step is Step.DESTINATION and flow.quote is None and not flow.name_confirmed


def test_not_sent_is_retried_with_the_same_reference_only_for_the_same_inputs():
    flow, banking = quoted_flow()
    flow.confirm_name(True)
    error = NotSent(detail="connection refused")
    error.reference = "2611211405000001"
    flow.failed(100_000, error)
    flow.payment(banking, 100_000, "359569")()
    assert banking.calls[-1][-1] == "2611211405000001"
    flow.payment(banking, 120_000, "359569")()  # a different amount is a new transaction
    assert banking.calls[-1][-1] is None


def test_a_rejection_forgets_the_reference():
    attempt = PaymentAttempt()
    sent = NotSent()
    sent.reference = "1"
    attempt.failed("k", sent)
    rejected = HostRejected("PIN salah", host="bankplus", code="INVALID_PIN")
    rejected.reference = "1"
    attempt.failed("k", rejected)
    assert attempt.reference_for("k") is None
