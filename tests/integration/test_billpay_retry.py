"""A bill payment that provably never left is resent with the same reference (so the same
reffNum), never as a second payment."""

from __future__ import annotations

import json

import httpx
import pytest

from services.errors import NotSent
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayFlow, BillPayService, Step
from services.journal import State
from services.sandbox.transport import SandboxTransport
from services.transactions import TransactionRunner

PIN = "359569"


class RefuseFirstPayment(httpx.BaseTransport):
    """A dead network for the first payment request only (connection refused: nothing sent)."""

    def __init__(self, inner: httpx.BaseTransport, fitur: str) -> None:
        self.inner, self.fitur, self.refused = inner, fitur, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        is_payment = request.url.path.endswith("/transaction") and json.loads(body).get("fiturId") == self.fitur
        if is_payment and not self.refused:
            self.refused += 1
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return self.inner.handle_request(request)


@pytest.fixture
def host(clock) -> KeagenanSandbox:
    return KeagenanSandbox(clock=clock)


def pln_service(host, journal, clock) -> tuple[BillPayService, RefuseFirstPayment]:
    creds = host.credentials()
    transport = RefuseFirstPayment(SandboxTransport(host), fitur="")
    config = KeagenanConfig(
        base_url="http://sandbox.invalid", dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
        xauth_password=creds["x_auth_password"], client_id=creds["client_id"], client_secret=creds["client_secret"],
        agent_code=creds["agent_code"], account_num=creds["account_num"], token_path=creds["token_path"],
        transaction_path=creds["transaction_path"])
    client = KeagenanClient(httpx.Client(transport=transport), config, clock=clock)
    service = BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"))
    transport.fitur = service.catalogue.get("pln_postpaid").payment_fitur
    return service, transport


def test_pressing_pay_again_after_not_sent_resends_the_same_reference(host, journal, clock):
    service, transport = pln_service(host, journal, clock)
    flow = BillPayFlow(service, "pln_postpaid")
    flow.prepare({"customerId": "53111"}, pin=PIN)
    with pytest.raises(NotSent) as err:
        flow.pay(PIN)
    first = err.value.reference
    assert transport.refused == 1
    assert flow.step is Step.CONFIRM and journal.get(first).state is State.NEW
    assert flow.unsent_reference == first and err.value.row.reference == first
    result = flow.pay(PIN)
    assert result.reference == first and result.row.state is State.SUCCESS
    assert journal.count() == 1
    payments = [e for e in host.ledger if e["op"] == "payment"]
    assert [p["reffNum"] for p in payments] == [result.reff_num]
