"""The Qt-free transfer flow over a spec'd fake BankingService: the destination step, the
name confirmation, the resend rule and "over is over", without a window or a host."""

from __future__ import annotations

from unittest.mock import MagicMock

import pytest

from services.errors import HostRejected, NotSent, UserInputError
from services.flows.bankplus import TransferFlow
from services.flows.base import FlowOver
from services.hosts.bankplus.client import TransferQuote
from services.hosts.bankplus.service import BankingService
from services.journal import State
from services.limits import AmountRange, Limits
from services.transactions import Executed

QUOTE = TransferQuote(kind="interbank", account_number="114451186", account_name="Ardha Herdianto",
                      bank_code="008", bank_name="MANDRI", admin_fee=6500, transaction_id="700000001")
LIMITS = Limits(transfer=AmountRange(10_000, 25_000_000))


def row(reference: str, state: State) -> MagicMock:
    fake = MagicMock(reference=reference, state=state)
    return fake


def banking() -> MagicMock:
    fake = MagicMock(spec=BankingService)
    fake.limits = LIMITS
    fake.transfer_inquiry.return_value = QUOTE
    fake.transfer_pay.return_value = Executed(row("2611211405000009", State.SUCCESS))
    fake.operator.return_value = "BNIUS100294"
    fake.runner = MagicMock()  # its journal: no day sealed while the flow runs
    fake.runner.journal.sealed_through = None
    return fake


def inquired(kind="interbank") -> tuple[TransferFlow, MagicMock]:
    service = banking()
    flow = TransferFlow(kind, service)
    flow.inquire({"account": "114451186", "bank": "008"})
    return flow, service


def not_sent(reference: str) -> NotSent:
    error = NotSent(detail="connection refused")
    error.row, error.reference = row(reference, State.NEW), reference
    return error


def test_destination_then_confirm_then_pay():
    flow, service = inquired()
    assert flow.destination is QUOTE and not flow.can_pay
    flow.confirm_name(True)
    quote = flow.prepare({"amount": "100.000"})
    assert (quote.amount, quote.fee, quote.total) == (100_000, 6_500, 106_500)
    flow.pay("359569")
    assert service.transfer_pay.call_args.kwargs["reference"] is None
    assert flow.over and flow.row.state is State.SUCCESS


def test_interbank_needs_a_bank():
    with pytest.raises(UserInputError) as caught:
        TransferFlow("interbank", banking()).inquire({"account": "114451186", "bank": ""})
    assert caught.value.field == "bank"


def test_intrabank_needs_no_bank():
    service = banking()
    TransferFlow("intrabank", service).inquire({"account": "14047"})
    service.transfer_inquiry.assert_called_once_with("intrabank", "14047", "")


def test_nothing_is_priced_before_the_name_is_confirmed():
    flow, _ = inquired()
    with pytest.raises(UserInputError) as caught:
        flow.prepare({"amount": "100000"})
    assert caught.value.field == "confirm"


def test_the_flow_states_the_limits_and_refuses_beyond_them():
    flow, _ = inquired()
    flow.confirm_name(True)
    assert (flow.amount_range.minimum, flow.amount_range.maximum) == (10_000, 25_000_000)
    with pytest.raises(UserInputError) as caught:
        flow.prepare({"amount": "5000"})
    assert caught.value.field == "amount"


def test_change_destination_forgets_the_destination_and_the_confirmation():
    flow, _ = inquired()
    flow.confirm_name(True)
    flow.change_destination()
    assert flow.destination is None and flow.quote is None and not flow.name_confirmed


def test_not_sent_is_resent_with_the_same_reference_only_for_the_same_inputs():
    flow, service = inquired()
    flow.confirm_name(True)
    flow.prepare({"amount": "100000"})
    service.transfer_pay.side_effect = [not_sent("2611211405000001"), Executed(row("x", State.SUCCESS))]
    with pytest.raises(NotSent):
        flow.pay("359569")
    assert flow.unsent_reference == "2611211405000001" and not flow.over
    flow.prepare({"amount": "120000"})  # a different amount is a new transaction
    assert flow.unsent_reference is None
    flow.prepare({"amount": "100000"})
    assert flow.unsent_reference is None  # the NotSent row is not resent for inputs that changed in between


def test_a_rejection_forgets_the_reference_and_a_success_is_never_paid_again():
    flow, service = inquired()
    flow.confirm_name(True)
    flow.prepare({"amount": "100000"})
    rejected = HostRejected("PIN salah", host="bankplus", code="INVALID_PIN")
    rejected.row, rejected.reference = row("2611211405000002", State.FAILED), "2611211405000002"
    service.transfer_pay.side_effect = [not_sent("2611211405000001"), rejected,
                                        Executed(row("2611211405000003", State.SUCCESS))]
    with pytest.raises(NotSent):
        flow.pay("359569")
    with pytest.raises(HostRejected):
        flow.pay("111111")
    assert flow.unsent_reference is None and flow.over  # FAILED: over, but may be paid again here
    flow.pay("359569")
    assert service.transfer_pay.call_args.kwargs["reference"] is None
    with pytest.raises(FlowOver):
        flow.pay("359569")
    with pytest.raises(FlowOver):
        flow.prepare({"amount": "100000"})
    flow.reset()
    assert flow.destination is None and not flow.over
