""""Kirim ulang" after a NotSent resends the row the journal holds, under its reference: the
runner refuses it when the payment handed over with that reference is another one (another
customer, amount or fee), whatever screen or service asked. The journal would otherwise keep
the first payment's figures while the host received the second's."""

from __future__ import annotations

import pytest

from services.errors import LoketError, NotSent
from services.journal import State
from services.transactions import Outcome, Payment, TransactionRunner


def payment(amount: int = 150_000, customer: str = "14047", fee: int = 0, **kw) -> Payment:
    return Payment("bankplus", "intrabank_transfer", "Perbankan", amount, fee, {"amount": amount, "to": customer},
                   customer_ref=customer, customer_name="ARDHA HERDIANTO", **kw)


@pytest.fixture
def runner(journal) -> TransactionRunner:
    return TransactionRunner(journal, lambda: "kasir1")


@pytest.fixture
def unsent(runner, journal) -> str:
    def refused(reference: str) -> Outcome:
        raise NotSent()

    with pytest.raises(NotSent) as caught:
        runner.execute(payment(), refused)
    reference = caught.value.reference
    assert journal.get(reference).state is State.NEW
    return reference


@pytest.mark.parametrize("other", [payment(amount=1_500_000), payment(customer="4447"), payment(fee=6_500)],
                         ids=["amount", "customer", "fee"])
def test_another_payment_under_an_unsent_reference_is_refused_and_nothing_is_sent(runner, journal, unsent, other):
    sends: list[str] = []

    def send(reference: str) -> Outcome:
        sends.append(reference)
        return Outcome("x", {})

    with pytest.raises(LoketError) as refused:
        runner.execute(Payment(**{**other.__dict__, "reference": unsent}), send)
    assert sends == [] and journal.get(unsent).state is State.NEW and journal.count() == 1
    assert refused.value.message.startswith(f"Transaksi {unsent} tercatat dengan isian lain")


def test_the_same_payment_is_resent_under_its_reference(runner, journal, unsent):
    row = runner.execute(payment(reference=unsent), lambda ref: Outcome(f"host-{ref}", {"status": "ok"})).row
    assert row.reference == unsent and row.state is State.SUCCESS and journal.count() == 1
