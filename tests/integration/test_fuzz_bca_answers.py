"""Fuzzing BCA SNAP's answers (Hypothesis), as tests/integration/test_fuzz_answers.py does for
the other hosts: the BCA sandbox answers as it should and one field of the answer, or the
whole body, is tampered with on the way back.

* The intrabank and the interbank transfer: the row is SUCCESS only when the
  partnerReferenceNo, the accounts, the beneficiary bank and the amount the answer echoes
  are those sent; FAILED only when its responseCode or responseMessage was changed.
* The transfer status inquiry, asked about a transfer whose answer was lost (SUSPECT): it
  settles SUCCESS only when the answer names that transfer (reference, accounts, service,
  amount), FAILED only when its verdict (latestTransactionStatus, responseCode) was changed.
* The account inquiries (sesama BCA and antarbank): only Loket's errors, nothing journaled,
  and a name is shown only from an answer about the account (and bank) asked.
"""

from __future__ import annotations

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
from services.hosts.bca import client as bca
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT, BcaSandbox
from services.hosts.bca.service import BcaService
from services.hosts.snap.client import SnapClient, SnapCredentials
from services.hosts.snap.keys import PartnerKeys
from services.journal import Journal, State
from services.sandbox.transport import SandboxTransport
from services.secrets import SecretStore
from services.transactions import TransactionRunner
from tests.integration.answer_tampering import (
    MISSING,
    Client,
    Tamper,
    Tampering,
    absent,
    check,
    same,
    sample,
    tamperings,
)

BUDI = "0611104625"
BRI, BRI_ACCOUNT = "BRINIDJA", "888801000003301"
AMOUNT = 150_000
CLOCK = FixedClock(datetime(2026, 11, 21, 14, 5, tzinfo=WIB))
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_KEYS_DIR = Path(tempfile.mkdtemp(prefix="loket-fuzz-bca-keys-"))
_KEYS = PartnerKeys(_KEYS_DIR / "keys", SecretStore(_KEYS_DIR, use_keyring=False), "snap")
_KEYS.generate()
_CREDENTIALS = BcaSandbox(clock=CLOCK, public_key_pem=_KEYS.public_key_pem()).credentials()


class LoseTransferAnswers(httpx.BaseTransport):
    """BCA books every transfer, but its answer never comes back (read timeout): SUSPECT."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path in (bca.TRANSFER_PATH, bca.INTERBANK_TRANSFER_PATH):
            raise httpx.ReadTimeout("timed out", request=request)
        return response


def host() -> httpx.BaseTransport:
    return SandboxTransport(BcaSandbox(clock=CLOCK, public_key_pem=_KEYS.public_key_pem()))


def host_losing_transfer_answers() -> httpx.BaseTransport:
    return LoseTransferAnswers(host())


def service(tamper: Tamper, journal: Journal) -> BcaService:
    c = _CREDENTIALS
    snap = SnapClient.build(httpx.Client(transport=tamper), "http://sandbox.invalid", "bca", SnapCredentials(
        c["client_key"], c["client_secret"], c["partner_id"], c["channel_id"], c["token_path"]),
        _KEYS.private_key(), clock=CLOCK)
    return BcaService(bca.BcaClient(snap, BCA_AGENT_ACCOUNT), TransactionRunner(journal, lambda: "agen01"),
                      clock=CLOCK, not_found_grace_seconds=0)


def _intrabank(tamper: Tamper, folder: Path) -> Journal:
    journal = Journal(folder / "journal.db", clock=CLOCK)
    bcas = service(tamper, journal)
    beneficiary = bcas.account_inquiry(BUDI)
    try:
        bcas.transfer(beneficiary, AMOUNT, remark="uji fuzz")
    except LoketError:  # anything else is a failure of the test
        pass
    return journal


def _interbank(tamper: Tamper, folder: Path) -> Journal:
    journal = Journal(folder / "journal.db", clock=CLOCK)
    bcas = service(tamper, journal)
    beneficiary = bcas.interbank_inquiry(BRI, BRI_ACCOUNT)
    try:
        bcas.interbank_transfer(beneficiary, AMOUNT)
    except LoketError:  # anything else is a failure of the test
        pass
    return journal


def _status(transfer: Callable[[Tamper, Path], Journal]) -> Callable[[Tamper, Path], Journal]:
    """The transfer (its answer lost, so SUSPECT), then its status inquiry."""
    def pay(tamper: Tamper, folder: Path) -> Journal:
        journal = transfer(tamper, folder)
        [row] = list(journal.rows())
        assert row.state is State.SUSPECT
        try:
            service(tamper, journal).transfer_status(row.reference)
        except LoketError:  # anything else is a failure of the test
            pass
        return journal
    return pay


TRANSFER_IDENTITY = {("partnerReferenceNo",), ("amount",), ("amount", "value"), ("amount", "currency"),
                     ("beneficiaryAccountNo",), ("beneficiaryBankCode",), ("sourceAccountNo",)}
# SNAP marks these echoes optional; what was sent stands where the answer leaves one out.
TRANSFER_LEFT_OUT = TRANSFER_IDENTITY
TRANSFER_VERDICT = {("responseCode",), ("responseMessage",)}
STATUS_IDENTITY = {("originalPartnerReferenceNo",), ("amount",), ("amount", "value"), ("amount", "currency"),
                   ("beneficiaryAccountNo",), ("sourceAccountNo",), ("serviceCode",)}
STATUS_LEFT_OUT = STATUS_IDENTITY - {("originalPartnerReferenceNo",)}
STATUS_VERDICT = {("responseCode",), ("responseMessage",), ("latestTransactionStatus",),
                  ("transactionStatusDesc",)}


def client(name: str, transport: Callable[[], httpx.BaseTransport], path: str, pay: Callable[[Tamper, Path], Journal],
           identity: set, left_out: set, verdict: set) -> Client:
    return Client(name, transport, path, sample(transport, pay, path), frozenset(identity), frozenset(left_out),
                  frozenset(verdict), pay)


INTRABANK = client("intrabank", host, bca.TRANSFER_PATH, _intrabank, TRANSFER_IDENTITY, TRANSFER_LEFT_OUT,
                   TRANSFER_VERDICT)
INTERBANK = client("interbank", host, bca.INTERBANK_TRANSFER_PATH, _interbank, TRANSFER_IDENTITY, TRANSFER_LEFT_OUT,
                   TRANSFER_VERDICT)
STATUS_INTRABANK = client("status 17", host_losing_transfer_answers, bca.TRANSFER_STATUS_PATH, _status(_intrabank),
                          STATUS_IDENTITY, STATUS_LEFT_OUT, STATUS_VERDICT)
STATUS_INTERBANK = client("status 18", host_losing_transfer_answers, bca.TRANSFER_STATUS_PATH, _status(_interbank),
                          STATUS_IDENTITY, STATUS_LEFT_OUT, STATUS_VERDICT)


@FUZZ
@given(data=st.data())
def test_intrabank_transfer_answers(data):
    check(INTRABANK, data.draw(tamperings(INTRABANK.sample)))


@FUZZ
@given(data=st.data())
def test_interbank_transfer_answers(data):
    check(INTERBANK, data.draw(tamperings(INTERBANK.sample)))


@FUZZ
@given(data=st.data())
def test_status_answers_of_an_intrabank_transfer(data):
    check(STATUS_INTRABANK, data.draw(tamperings(STATUS_INTRABANK.sample)))


@FUZZ
@given(data=st.data())
def test_status_answers_of_an_interbank_transfer(data):
    check(STATUS_INTERBANK, data.draw(tamperings(STATUS_INTERBANK.sample)))


# -- account inquiries ----------------------------------------------------------------
def _ask_intrabank(bcas: BcaService) -> Any:
    return bcas.account_inquiry(BUDI)


def _ask_interbank(bcas: BcaService) -> Any:
    return bcas.interbank_inquiry(BRI, BRI_ACCOUNT)


def _asker(ask: Callable[[BcaService], Any]) -> Callable[[Tamper, Path], Journal]:
    def pay(tamper: Tamper, folder: Path) -> Journal:
        journal = Journal(folder / "journal.db", clock=CLOCK)
        try:
            ask(service(tamper, journal))
        except LoketError:  # the answer is only captured here
            pass
        return journal
    return pay


INQUIRIES = {
    # path, what is asked, the paths that name the account asked, the name the answer must carry
    "intrabank": (bca.ACCOUNT_INQUIRY_PATH, _ask_intrabank,
                  {("partnerReferenceNo",): None, ("beneficiaryAccountNo",): BUDI},
                  {("beneficiaryAccountName",)}),
    "interbank": (bca.ACCOUNT_INQUIRY_EXTERNAL_PATH, _ask_interbank,
                  {("partnerReferenceNo",): None, ("beneficiaryAccountNo",): BRI_ACCOUNT,
                   ("beneficiaryBankCode",): BRI},
                  {("beneficiaryAccountName",)}),
}
INQUIRY_SAMPLES = {name: sample(host, _asker(ask), path) for name, (path, ask, _, _) in INQUIRIES.items()}


def check_inquiry(name: str, tampering: Tampering) -> None:
    path, ask, names_account, required = INQUIRIES[name]
    tamper = Tamper(host(), path)
    tamper.tampering = tampering
    with tempfile.TemporaryDirectory() as folder, Journal(Path(folder) / "journal.db", clock=CLOCK) as journal:
        try:
            account = ask(service(tamper, journal))
        except LoketError:
            account = None
        assert journal.count() == 0, tampering  # an inquiry moves no money and journals nothing
    if account is None:
        return
    assert tampering.path is not None, tampering  # an unreadable answer names nobody
    assert account.name.strip(), (tampering, account)
    if tampering.path in required:  # the host's word, but it must be there, and text
        assert isinstance(tampering.value, str) and account.name == tampering.value.strip(), (tampering, account)
    if tampering.path in names_account:
        assert absent(tampering.value) or same(tampering.value, tampering.original_value(tamper.original)), \
            (tampering, account)


@FUZZ
@given(data=st.data())
def test_intrabank_account_inquiry_answers(data):
    check_inquiry("intrabank", data.draw(tamperings(INQUIRY_SAMPLES["intrabank"])))


@FUZZ
@given(data=st.data())
def test_interbank_account_inquiry_answers(data):
    check_inquiry("interbank", data.draw(tamperings(INQUIRY_SAMPLES["interbank"])))


# What the fuzz found, kept as fixed examples.
@pytest.mark.parametrize("client, tampering", [
    (INTERBANK, Tampering(("amount",), False)),  # a falsy amount was read as "not stated"
    (STATUS_INTRABANK, Tampering(("beneficiaryAccountNo",), "0613005827")),  # another transfer's status
    (STATUS_INTERBANK, Tampering(("amount", "value"), "1500000.00")),  # another amount
])
def test_found_answers(client, tampering):
    check(client, tampering)


@pytest.mark.parametrize("name, tampering", [
    ("intrabank", Tampering(("beneficiaryAccountName",), None)),  # shown as 'None'
    ("intrabank", Tampering(("beneficiaryAccountName",), MISSING)),  # shown as nobody
    ("interbank", Tampering(("partnerReferenceNo",), False)),  # a falsy echo was read as "not stated"
])
def test_found_inquiry_answers(name, tampering):
    check_inquiry(name, tampering)
