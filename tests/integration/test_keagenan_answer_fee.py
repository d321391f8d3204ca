"""A BNI Keagenan payment whose answer states another admin fee than the inquiry quoted.

For a product whose inquiry states the bank's admin fee (PLN's adminFee, stated again as biaya_adm; Bumiputera's fee,
Internet Telkom's biaya_adm), the agent collected the quoted total. The payment's answer
states the fee the bank took, in the field its section defines for it: where that fee is
another one, the journal settles the bank's figures (the receipt prints them, the day counts
them) and the SUCCESS event names both, as for Telkom's biaya_adm and Bank+'s admin_fee;
where it cannot be read, or the total the answer states does not add up with it, the row is
SUSPECT, never SUCCESS on the quote. The simulated host charges its fee of the moment
(``KeagenanSandbox.payment_fee``), as a real one may after a tariff change. Driven through
``BillPayService`` against the sandbox on a loopback socket.
"""

from __future__ import annotations

import pytest

from services.errors import AnswerMismatch
from services.event_words import plain_reason
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayService
from services.journal import State
from services.receipts import Agent, build_receipt
from services.sandbox.server import SandboxServer
from services.transactions import TransactionRunner
from tests.integration.test_keagenan_products import PIN, make_client

PLN = ("pln_postpaid", {"customerId": "53111"}, 1_200_000, 3_000)
BUMIPUTERA = ("bumiputera", {"providerId": "BUMIPUTERA_PERTAMA", "billingId": "457894"}, 123_400, 0)
INTERNET = ("internet_telkom", {"billNo": "02145456312"}, 65_000, 2_500)


@pytest.fixture
def host(clock) -> KeagenanSandbox:
    return KeagenanSandbox(clock=clock)


@pytest.fixture
def service(http, host, clock, journal):
    with SandboxServer(host) as server:
        yield BillPayService(make_client(http, server, host, clock), journal,
                             TransactionRunner(journal, lambda: "kasir1"))


def inquire(service, product_id, inputs):
    spec = service.catalogue.get(product_id)
    return service.inquire(product_id, inputs, pin=PIN if spec.pin_at_inquiry else None)


@pytest.mark.parametrize("case, booked", [(PLN, 5_500), (PLN, 1_000), (BUMIPUTERA, 2_500), (INTERNET, 5_000),
                                          (INTERNET, 0)], ids=lambda c: c[0] if isinstance(c, tuple) else str(c))
def test_a_fee_the_bank_changed_is_journaled_printed_and_said(service, host, journal, case, booked):
    product_id, inputs, amount, quoted = case
    inquiry = inquire(service, product_id, inputs)
    assert (inquiry.amount, inquiry.fee, inquiry.total) == (amount, quoted, amount + quoted)
    host.payment_fee = booked
    result = service.pay(inquiry, PIN)

    row = journal.get(result.reference)
    assert row.state is State.SUCCESS
    assert (row.fee, row.total) == (quoted, amount + quoted)  # as confirmed and journaled before sending
    assert (row.fee_final, row.total_final) == (booked, amount + booked)  # what the bank took
    assert (result.fee, result.total) == (booked, amount + booked)
    assert host.ledger[-1]["fee"] == booked
    success = journal.events(row.reference)[-1]
    assert plain_reason(success.reason, State.SUCCESS)[0] == \
        "Berhasil, dengan biaya admin bank yang berbeda dari konfirmasi"
    receipt = build_receipt(row, agent=Agent(), sandbox=True)
    assert receipt.total == amount + booked


def test_a_fee_as_quoted_settles_nothing(service, host, journal):
    inquiry = inquire(service, *PLN[:2])
    host.payment_fee = PLN[3]
    row = journal.get(service.pay(inquiry, PIN).reference)
    assert row.state is State.SUCCESS
    assert (row.settled_fee, row.settled_total) == (None, None)
    assert journal.events(row.reference)[-1].reason == "dikonfirmasi host"


@pytest.mark.parametrize("case", [PLN, BUMIPUTERA, INTERNET], ids=lambda c: c[0])
@pytest.mark.parametrize("written", ["3.OOO", "-500", "tiga ribu"])
def test_an_unreadable_fee_is_suspect_not_a_guess(service, host, journal, case, written):
    product_id, inputs, _amount, _quoted = case
    inquiry = inquire(service, product_id, inputs)
    host.payment_fee = written
    with pytest.raises(AnswerMismatch) as raised:
        service.pay(inquiry, PIN)
    row = journal.get(raised.value.row.reference)
    assert row.state is State.SUSPECT
    assert "biaya" in journal.events(row.reference)[-1].reason


def test_a_fee_the_answers_total_contradicts_is_suspect(service, host, journal):
    """Bumiputera's answer states the total too (CustomerData.total_amount, "including
    billAmount and fee"): a fee of 5.000 beside a total of 123.400 says two things."""
    inquiry = inquire(service, *BUMIPUTERA[:2])
    host.payment_fee = 5_000
    host.payment_total = 123_400
    with pytest.raises(AnswerMismatch) as raised:
        service.pay(inquiry, PIN)
    assert journal.get(raised.value.row.reference).state is State.SUSPECT


def test_telkoms_unreadable_biaya_adm_is_suspect_not_a_fee_of_zero(service, host, journal):
    """Telkom's inquiry states no fee; an answer whose biaya_adm cannot be read left the
    fee at Rp 0 and the row SUCCESS: the bank took a fee nobody knows."""
    inquiry = inquire(service, "telkom", {"areaCode": "021", "phoneNum": "998877441"})
    host.payment_fee = "2.5OO"
    with pytest.raises(AnswerMismatch) as raised:
        service.pay(inquiry, PIN)
    assert journal.get(raised.value.row.reference).state is State.SUSPECT
