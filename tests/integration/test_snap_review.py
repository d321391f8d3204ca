"""Adversarial review of the SNAP hosts (BCA transfers and their status inquiry, DOKU's VA):
answers that are not provably about the request sent must leave the row SUSPECT, and a
status inquiry must settle nothing on them.

Each test lets the simulated bank process the request as it should and then changes the
answer on its way back (``AfterProcessing``), as a gateway, a proxy or a confused host could.
The DOKU document (doku-snap-bni-va-create.txt): "responseCode: HTTP status code + service
code + case code", so a code's first three digits name the HTTP status it comes under and
its middle two the service that answered.
"""

from __future__ import annotations

import json
from typing import Callable

import pytest

from services.errors import LoketError
from services.hosts.bca import client as bca
from services.hosts.doku import client as doku_va
from services.journal import State
from tests.integration import test_money_review as review

# The review's wires: the bank processes every request, a test rewrites what comes back.
keys, bca_wire, doku_wire = review.keys, review.bca_wire, review.doku_wire
Rewrite = Callable[[int, dict], tuple[int, bytes]]


def answered(status: int, code: str, **fields: object) -> Rewrite:
    """The bank's own answer with its responseCode (and fields) replaced, under ``status``."""
    def rewrite(_status: int, body: dict) -> tuple[int, bytes]:
        return status, json.dumps({**body, "responseCode": code, **fields}).encode()
    return rewrite


def booked_transfer(bca_wire, rewrite: Rewrite) -> tuple[str, State]:
    """A BCA intrabank transfer the bank books, answered by ``rewrite``: (reference, row state)."""
    service, host, wire = bca_wire
    beneficiary = service.account_inquiry("0611104625")
    wire.next_answer(bca.TRANSFER_PATH, rewrite)
    with pytest.raises(LoketError) as caught:
        service.transfer(beneficiary, 150_000, remark="uji")
    reference = caught.value.reference
    assert reference in host.transfers  # BCA booked it: the customer's money moved
    return reference, service.journal.get(reference).state


# -- a refusal that is not the transfer service's own ----------------------------------------
@pytest.mark.parametrize("status, code", [
    (403, "4031114"),  # "insufficient funds" of the balance inquiry (service 11), not of the transfer (17)
    (404, "4041101"),  # "not found" of another service
    (200, "4031714"),  # the transfer's refusal, but under HTTP 200: the code contradicts its answer
    (502, "4031714"),  # ... under a gateway's 502
])
def test_a_bca_transfer_refused_in_a_code_of_another_service_or_status_is_suspect(bca_wire, status, code):
    _reference, state = booked_transfer(bca_wire, answered(status, code, responseMessage="Insufficient Funds"))
    assert state is State.SUSPECT  # FAILED would tell the agent to hand the cash back and let it be sent again


def test_a_bca_transfer_success_that_names_no_transfer_is_suspect(bca_wire):
    """A bare "2001700 Successful" (a gateway's canned answer, a replay stripped of its body)
    is about no transfer in particular: the module's rule is that the answer echoes its
    partnerReferenceNo."""
    def bare(status: int, _body: dict) -> tuple[int, bytes]:
        return status, json.dumps({"responseCode": "2001700", "responseMessage": "Successful"}).encode()

    service, _host, wire = bca_wire
    beneficiary = service.account_inquiry("0611104625")
    wire.next_answer(bca.TRANSFER_PATH, bare)
    with pytest.raises(LoketError) as caught:
        service.transfer(beneficiary, 150_000, remark="uji")
    assert service.journal.get(caught.value.reference).state is State.SUSPECT


# -- the status inquiry must settle nothing on an answer that is not its own -------------------
def suspect_transfer(bca_wire) -> str:
    """A transfer BCA booked whose answer was lost in a gateway's 504: SUSPECT."""
    reference, state = booked_transfer(bca_wire, lambda _s, _b: (504, b"<html>Gateway Timeout</html>"))
    assert state is State.SUSPECT
    return reference


@pytest.mark.parametrize("status, code", [
    (404, "4041701"),  # "Transaction Not Found" of the transfer service (17), not of the status inquiry (36)
    (404, "4041101"),
    (200, "4043601"),  # the status inquiry's "not found", but under HTTP 200
])
def test_a_status_not_found_in_a_code_of_another_service_or_status_settles_nothing(bca_wire, status, code):
    service, _host, wire = bca_wire
    reference = suspect_transfer(bca_wire)
    wire.next_answer(bca.TRANSFER_STATUS_PATH,
                     lambda _s, _b: (status, json.dumps({"responseCode": code,
                                                         "responseMessage": "Transaction Not Found"}).encode()))
    with pytest.raises(LoketError):
        service.transfer_status(reference)
    assert service.journal.get(reference).state is State.SUSPECT  # not FAILED: BCA did book it
    assert service.transfer_status(reference).row.state is State.SUCCESS  # BCA's own answer settles it


def test_a_status_answer_about_another_external_id_settles_nothing(bca_wire):
    """The status answer echoes ``originalExternalId``; Loket sent the transfer's reference as
    its X-EXTERNAL-ID, so another one there names another request."""
    service, _host, wire = bca_wire
    reference = suspect_transfer(bca_wire)

    def other(status: int, body: dict) -> tuple[int, bytes]:
        return status, json.dumps({**body, "originalExternalId": "9" + reference[1:],
                                   "latestTransactionStatus": "06", "transactionStatusDesc": "Failed"}).encode()

    wire.next_answer(bca.TRANSFER_STATUS_PATH, other)
    with pytest.raises(LoketError):
        service.transfer_status(reference)
    assert service.journal.get(reference).state is State.SUSPECT


# -- DOKU: the number the customer is told ----------------------------------------------------
def test_a_doku_va_answered_zero_padded_tells_the_customer_the_number_its_receipt_prints(doku_wire):
    """The document pads partnerServiceId with spaces in its field table and examples, and
    with zeros in the virtualAccountNo rows. Whichever DOKU's answer uses, the screen must
    show the digits the journal and the receipt hold, not a longer number with padding."""
    service, wire = doku_wire

    def zero_padded(status: int, body: dict) -> tuple[int, bytes]:
        data = body["virtualAccountData"]
        data["virtualAccountNo"] = data["virtualAccountNo"].replace(" ", "0")
        return status, json.dumps(body).encode()

    wire.next_answer(doku_va.CREATE_VA_PATH, zero_padded)
    made = service.create_va(customer_no="000000000001", name="Jessica Tessalonika", amount=100_000)
    assert made.row.state is State.SUCCESS
    assert made.va.number == made.row.customer_ref == made.row.request["virtualAccountNo"].strip()
    assert made.row.host_ref == made.row.customer_ref


# -- pinned: what already held when this review tried it ---------------------------------------
def test_a_token_refusal_after_bca_booked_the_transfer_never_books_it_twice(bca_wire):
    """An "expired token" answer to a transfer BCA in fact booked: the client fetches a new
    token and sends the same bytes with the same X-EXTERNAL-ID and partnerReferenceNo; BCA
    refuses the repeat as a duplicate (409), so the row is SUSPECT and the money moved once."""
    service, host, _wire = bca_wire
    reference, state = booked_transfer(bca_wire, answered(401, "4011701", responseMessage="Invalid Token (B2B)"))
    assert state is State.SUSPECT
    assert [e["reference"] for e in host.ledger if e["op"] == "transfer"] == [reference]  # booked once
    assert service.transfer_status(reference).row.state is State.SUCCESS


@pytest.mark.parametrize("status", ["08", "99", "", "0"])
def test_a_status_the_standard_does_not_list_settles_nothing(bca_wire, status):
    service, _host, wire = bca_wire
    reference = suspect_transfer(bca_wire)
    wire.next_answer(bca.TRANSFER_STATUS_PATH, answered(200, "2003600", latestTransactionStatus=status))
    assert service.transfer_status(reference).row.state is State.SUSPECT


@pytest.mark.parametrize("field, value", [
    ("virtualAccountTrxType", "1"),  # the document's own success example answers "1" to a closed VA
    ("totalAmount", None),  # the amount left out of the answer
])
def test_a_closed_doku_va_is_shown_closed_with_its_amount_whatever_the_answer_echoes(doku_wire, field, value):
    """The screen shows ``va``: kind, amount and the how-to-pay steps. A closed VA shown as
    "Terbuka (nominal bebas)" tells the customer any amount will do, while the receipt
    (from the journal's request) says "Bayar tepat Rp 100.000"."""
    service, wire = doku_wire

    def echo(status: int, body: dict) -> tuple[int, bytes]:
        body["virtualAccountData"][field] = value
        return status, json.dumps(body).encode()

    wire.next_answer(doku_va.CREATE_VA_PATH, echo)
    made = service.create_va(customer_no="000000000001", name="Jessica Tessalonika", amount=100_000)
    assert made.row.state is State.SUCCESS
    assert (made.va.trx_type, made.va.amount) == (doku_va.CLOSED, 100_000)
