"""PLN and the other products whose inquiry needs the PIN: the PIN the host accepted at the
bill check pays that bill without being typed again, and is held for that one transaction
only: forgotten when the payment is sent, on back, on reset or a new inquiry, when the
counter locks (``forget_pin``) and two minutes after the bill check."""

from __future__ import annotations

import pytest

from services.errors import NotSent, UserInputError
from services.hosts.keagenan.service import PIN_KEPT_SECONDS, BillPayFlow, Step
from services.journal import State
from tests.integration.test_billpay_retry import PIN, host, pln_service  # noqa: F401 - the host fixture

CUSTOMER = {"customerId": "53111"}


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def flow(host, journal, clock, ticks) -> BillPayFlow:  # noqa: F811
    service, transport = pln_service(host, journal, clock)
    transport.refused = 1  # the network works
    return BillPayFlow(service, "pln_postpaid", monotonic=ticks)


def payments(host) -> list[dict]:  # noqa: F811
    return [entry for entry in host.ledger if entry["op"] == "payment"]


def test_the_inquiry_pin_pays_the_bill_it_checked(flow, host, journal):  # noqa: F811
    flow.prepare(CUSTOMER, pin=PIN)
    assert flow.pin_kept
    result = flow.pay()  # no PIN typed again
    assert result.row.state is State.SUCCESS and len(payments(host)) == 1
    assert not flow.pin_kept  # cleared on pay
    assert PIN not in str(journal.get(result.reference).request)


def test_a_product_without_a_pin_at_the_inquiry_keeps_nothing(host, journal, clock, ticks):  # noqa: F811
    service, transport = pln_service(host, journal, clock)
    transport.refused = 1
    flow = BillPayFlow(service, "telkom", monotonic=ticks)
    flow.prepare({"areaCode": "0021", "phoneNum": "998877441"})
    assert not flow.pin_kept
    with pytest.raises(UserInputError):
        flow.pay()


def test_cleared_on_back(flow):
    flow.prepare(CUSTOMER, pin=PIN)
    flow.back()
    assert not flow.pin_kept and flow.step is Step.INPUT


def test_cleared_on_reset_and_on_a_new_inquiry_without_a_pin(flow):
    flow.prepare(CUSTOMER, pin=PIN)
    flow.reset()
    assert not flow.pin_kept
    flow.prepare(CUSTOMER, pin=PIN)
    with pytest.raises(UserInputError):
        flow.prepare(CUSTOMER)  # the next inquiry needs its own PIN: nothing carried over
    assert not flow.pin_kept


def test_cleared_when_the_counter_locks(flow, host):  # noqa: F811
    flow.prepare(CUSTOMER, pin=PIN)
    flow.forget_pin()
    assert not flow.pin_kept
    with pytest.raises(UserInputError) as err:
        flow.pay()
    assert err.value.field == "pin" and payments(host) == []
    assert flow.step is Step.CONFIRM  # the bill is still on screen: the PIN is asked instead


def test_cleared_two_minutes_after_the_bill_check(flow, host, ticks):  # noqa: F811
    flow.prepare(CUSTOMER, pin=PIN)
    ticks.now += PIN_KEPT_SECONDS - 1
    assert flow.pin_kept
    ticks.now += 2
    assert not flow.pin_kept
    with pytest.raises(UserInputError):
        flow.pay()
    assert payments(host) == []
    result = flow.pay(PIN)  # typed again: paid
    assert result.row.state is State.SUCCESS


def test_cleared_when_the_payment_was_sent_and_failed(host, journal, clock, ticks):  # noqa: F811
    service, transport = pln_service(host, journal, clock)  # the first payment never leaves
    flow = BillPayFlow(service, "pln_postpaid", monotonic=ticks)
    flow.prepare(CUSTOMER, pin=PIN)
    with pytest.raises(NotSent):
        flow.pay()
    assert not flow.pin_kept  # pressing again asks the PIN (the same reference is resent)
    assert flow.pay(PIN).row.state is State.SUCCESS


def test_details_go_through_the_formatter_their_spec_declares(host, journal, clock, ticks):  # noqa: F811
    service, transport = pln_service(host, journal, clock)
    transport.refused = 1
    bpjs = service.inquire("bpjs_kesehatan", {"billingId": "8888801260835323", "months": "3"}, PIN)
    assert ("No. peserta", "0001260835323") in bpjs.details  # an ID, never "Rp 1.260.835.323"
    pln = service.inquire("pln_postpaid", CUSTOMER, PIN)
    assert pln.period == "Mei 2016" and ("Periode", "Mei 2016") in pln.details
    telkom = service.inquire("telkom", {"areaCode": "0021", "phoneNum": "998877441"})
    # the host's slots 2 and 3 (slot 1 empty), numbered as the customer counts two bills
    assert [line for line in telkom.details if "agihan" in line[0]] == [
        ("Jumlah tagihan", "2"), ("Tagihan 1", "Rp 30.000"), ("Ref. tagihan 1", "209A238010"),
        ("Tagihan 2", "Rp 35.000"), ("Ref. tagihan 2", "208A837050")]
