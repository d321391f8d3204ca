"""Fuzzing BNI Keagenan's answers (Hypothesis), as tests/integration/test_fuzz_answers.py
does for the other hosts: the sandbox answers as it should and one field of the answer, or
the whole body, is tampered with on the way back.

* A payment (PLN postpaid, whose fee the inquiry states, and Telkom, whose fee only the
  payment's ``CustomerData.biaya_adm`` states): its row is SUCCESS only when the reffNum,
  the customer id, the debited account and the amount it echoes are those sent, FAILED only
  when the verdict (``data.error``, ``data.status``, ``data.errorNum``) was changed.
* An inquiry: only Loket's errors, no journal row, an answer naming another reffNum is
  refused, and a quote it gives is sane (no negative or absurd figure; total = amount + fee).
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.clock import WIB, FixedClock
from services.errors import LoketError
from services.hosts.answers import MAX_RUPIAH
from services.hosts.keagenan.client import TRANSACTION_PATH, KeagenanClient, KeagenanConfig
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayFlow, BillPayService
from services.journal import Journal
from services.sandbox.transport import SandboxTransport
from services.transactions import TransactionRunner
from tests.integration.answer_tampering import Client, Tamper, Tampering, absent, check, sample, tamperings

PIN = "359569"
CLOCK = FixedClock(datetime(2026, 11, 21, 14, 5, tzinfo=WIB))
CREDENTIALS = KeagenanSandbox(clock=CLOCK).credentials()
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def host() -> SandboxTransport:
    return SandboxTransport(KeagenanSandbox(clock=CLOCK))


def fitur(fitur_id: str) -> Callable[[httpx.Request], bool]:
    """Tamper only with the answer to ``fitur_id`` (every product shares one path)."""
    return lambda request: json.loads(request.content).get("fiturId") == fitur_id


def service(tamper: Tamper, journal: Journal) -> BillPayService:
    creds = CREDENTIALS
    config = KeagenanConfig(
        base_url="http://sandbox.invalid", dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
        xauth_password=creds["x_auth_password"], client_id=creds["client_id"], client_secret=creds["client_secret"],
        agent_code=creds["agent_code"], account_num=creds["account_num"], token_path=creds["token_path"],
        transaction_path=creds["transaction_path"])
    client = KeagenanClient(httpx.Client(transport=tamper), config, clock=CLOCK)
    return BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"))


def payer(product: str, inputs: dict[str, str], amount: int | None = None) -> Callable[[Tamper, Path], Journal]:
    def pay(tamper: Tamper, folder: Path) -> Journal:
        journal = Journal(folder / "journal.db", clock=CLOCK)
        flow = BillPayFlow(service(tamper, journal), product)
        flow.prepare(inputs, pin=PIN)
        try:
            flow.pay(PIN, amount)
        except LoketError:  # anything else is a failure of the test
            pass
        return journal
    return pay


# The paths that name a payment, as the answers echo them (``check_payment_answer``).
IDENTITY = {("data", "reffNum"), ("data", "amount"), ("data", "customerId"), ("data", "accountNum"),
            ("data", "billingId"), ("CustomerData", "accountNum"), ("data",)}
# Which echoes a payment's answer carries differs by product in the document's examples; one
# left out is no claim about another payment (the reffNum sent is what the journal keeps).
LEFT_OUT = IDENTITY - {("data",)}
VERDICT = {("data", "error"), ("data", "status"), ("data", "errorNum"), ("data", "message")}


def payment_client(name: str, product: str, inputs: dict[str, str], payment_fitur: str,
                   amount: int | None = None) -> Client:
    pay = payer(product, inputs, amount)
    which = fitur(payment_fitur)
    return Client(name, host, TRANSACTION_PATH, sample(host, pay, TRANSACTION_PATH, which), frozenset(IDENTITY),
                  frozenset(LEFT_OUT), frozenset(VERDICT), pay, which)


PLN = payment_client("pln_postpaid", "pln_postpaid", {"customerId": "53111"}, "FTR494")
TELKOM = payment_client("telkom", "telkom", {"areaCode": "0021", "phoneNum": "998877441"}, "FTR440")


@FUZZ
@given(data=st.data())
def test_pln_payment_answers(data):
    check(PLN, data.draw(tamperings(PLN.sample)))


@FUZZ
@given(data=st.data())
def test_telkom_payment_answers(data):
    check(TELKOM, data.draw(tamperings(TELKOM.sample)))


# -- inquiries --------------------------------------------------------------------------
def _inquire(tamper: Tamper, folder: Path) -> Journal:
    journal = Journal(folder / "journal.db", clock=CLOCK)
    try:
        BillPayFlow(service(tamper, journal), "pln_postpaid").prepare({"customerId": "53111"}, pin=PIN)
    except LoketError:
        pass
    return journal


INQUIRY_SAMPLE = sample(host, _inquire, TRANSACTION_PATH, fitur("FTR493"))


def check_inquiry(tampering: Tampering) -> None:
    tamper = Tamper(host(), TRANSACTION_PATH, fitur("FTR493"))
    tamper.tampering = tampering
    with tempfile.TemporaryDirectory() as folder, Journal(Path(folder) / "journal.db", clock=CLOCK) as journal:
        try:
            quote: Any = BillPayFlow(service(tamper, journal), "pln_postpaid").prepare({"customerId": "53111"},
                                                                                     pin=PIN)
        except LoketError:
            quote = None
        assert journal.count() == 0, tampering  # an inquiry moves no money and journals nothing
    if quote is None:
        return
    assert tampering.path is not None, tampering  # an unreadable answer is no bill
    assert 0 <= quote.amount <= MAX_RUPIAH and 0 <= quote.fee <= MAX_RUPIAH, (tampering, quote)
    assert quote.total == quote.amount + quote.fee, (tampering, quote)
    if tampering.path == ("reffNum",):  # the sandbox's answer names none: any stated is another's
        assert absent(tampering.value), tampering


@FUZZ
@given(data=st.data())
def test_pln_inquiry_answers(data):
    check_inquiry(data.draw(tamperings({**INQUIRY_SAMPLE, "reffNum": ""})))


# What the fuzz found, kept as fixed examples.
@pytest.mark.parametrize("client, tampering", [
    (PLN, Tampering(("CustomerData", "accountNum"), False)),  # another debited account
    (TELKOM, Tampering(("data", "amount"), False)),  # a falsy amount was read as "not stated"
    (TELKOM, Tampering(("data", "amount"), 0)),
])
def test_found_payment_answers(client, tampering):
    check(client, tampering)


@pytest.mark.parametrize("tampering", [
    Tampering(("billAmount",), 0.5),  # MoneyError escaped the inquiry
    Tampering(("billAmount",), "99999999999999999999999999"),  # an absurd bill was quoted
    Tampering(("billPeriode1",), "0"),  # ValueError from the period
    Tampering(("reffNum",), "20261121140500000000100295"),  # another inquiry's answer
    Tampering(("reffNum",), 0),  # a falsy reffNum was read as "not stated"
])
def test_found_inquiry_answers(tampering):
    check_inquiry(tampering)
