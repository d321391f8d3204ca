"""Adversarial review of the money path: answers that must leave a payment SUSPECT (or a
status check undecided), never FAILED or SUCCESS on a guess.

Each test lets the simulated host process the request as it should and then changes what
comes back on the way to Loket (``AfterProcessing``), the way a gateway, a proxy or a
confused host could; then it checks what the journal says about the customer's money.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import httpx
import pytest

from services.errors import LoketError
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.sandbox import BankPlusSandbox
from services.hosts.bankplus.service import BankingService
from services.hosts.bca import client as bca
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT, BcaSandbox
from services.hosts.bca.service import BcaService
from services.hosts.doku import client as doku_va
from services.hosts.doku.sandbox import DokuSandbox
from services.hosts.doku.service import VirtualAccountService
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayService
from services.hosts.snap.client import SnapClient, SnapCredentials
from services.hosts.snap.keys import PartnerKeys
from services.hosts.switcher.client import SwitcherClient
from services.hosts.switcher.sandbox import SOURCE_ACCOUNT, SwitcherSandbox
from services.hosts.switcher.service import SwitchingService
from services.journal import State
from services.limits import Limits
from services.resolution import SuspectResolver
from services.sandbox.base import SimulatedHost
from services.sandbox.transport import SandboxTransport
from services.secrets import SecretStore
from services.transactions import TransactionRunner
from tests.integration.test_banking_service import open_account_form
from tests.integration.test_keagenan_products import CASES as KEAGENAN_CASES

PIN = "359569"
LIMITS = {"deposit": {"min": 10_000, "max": 20_000_000}, "transfer": {"min": 10_000, "max": 25_000_000},
          "open_account_deposit": {"min": 0, "max": 20_000_000}}


class AfterProcessing(httpx.BaseTransport):
    """The host processes every request; the next answer on ``path`` is replaced by
    ``rewrite(status, body)`` -> (status, bytes) on its way back."""

    def __init__(self, host: SimulatedHost) -> None:
        self.inner = SandboxTransport(host)
        self.rewrites: list[tuple[str, Callable[[int, dict], tuple[int, bytes]]]] = []

    def next_answer(self, path: str, rewrite: Callable[[int, dict], tuple[int, bytes]]) -> None:
        self.rewrites.append((path, rewrite))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        for i, (path, rewrite) in enumerate(self.rewrites):
            if request.url.path == path:
                del self.rewrites[i]
                status, content = rewrite(response.status_code, json.loads(response.read()))
                return httpx.Response(status, content=content, headers={"content-type": "application/json"})
        return response


def gateway(status: int, body: dict) -> Callable[[int, dict], tuple[int, bytes]]:
    """A gateway's own answer in front of the bank: its status, JSON without the bank's code."""
    return lambda _status, _body: (status, json.dumps(body).encode())


# -- SNAP (BCA, DOKU) ------------------------------------------------------------------------
@pytest.fixture
def keys(tmp_path: Path) -> PartnerKeys:
    partner = PartnerKeys(tmp_path / "keys", SecretStore(tmp_path, use_keyring=False), "snap")
    partner.generate()
    return partner


def _snap(transport: httpx.BaseTransport, host: SimulatedHost, name: str, keys: PartnerKeys, clock) -> SnapClient:
    c = host.credentials()
    return SnapClient.build(httpx.Client(transport=transport), "http://sandbox.invalid", name, SnapCredentials(
        c["client_key"], c["client_secret"], c["partner_id"], c["channel_id"], c["token_path"]),
        keys.private_key(), clock=clock)


@pytest.fixture
def bca_wire(keys, clock, journal):
    host = BcaSandbox(clock=clock, public_key_pem=keys.public_key_pem())
    wire = AfterProcessing(host)
    service = BcaService(bca.BcaClient(_snap(wire, host, "bca", keys, clock), BCA_AGENT_ACCOUNT),
                         TransactionRunner(journal, lambda: "agen01"), clock=clock, not_found_grace_seconds=0)
    return service, host, wire


# 408 a gateway's timeout, 409 a duplicate its idempotency layer saw, 499 the proxy's "client
# closed": each may follow a request the bank went on to book.
@pytest.mark.parametrize("status, body", [
    (408, {"message": "Request Timeout"}),
    (409, {"error": "Conflict", "message": "Duplicate request"}),
    (499, {}),
])
def test_a_bca_transfer_answered_by_a_gateway_4xx_without_a_snap_code_is_suspect(bca_wire, journal, status, body):
    service, host, wire = bca_wire
    beneficiary = service.account_inquiry("0611104625")
    wire.next_answer(bca.TRANSFER_PATH, gateway(status, body))
    with pytest.raises(LoketError) as caught:
        service.transfer(beneficiary, 150_000, remark="uji")
    row = journal.get(caught.value.reference)
    assert row.reference in host.transfers  # BCA booked it: the customer's money moved
    assert row.state is State.SUSPECT  # FAILED would let the agent pay it again


def another_service(_status: int, body: dict) -> tuple[int, bytes]:
    """The bank's answer with a balance inquiry's success code: an answer to another request."""
    return 200, json.dumps({**body, "responseCode": "2001100"}).encode()


def test_a_bca_transfer_answered_with_another_services_success_code_is_suspect(bca_wire, journal):
    service, host, wire = bca_wire
    beneficiary = service.account_inquiry("0611104625")
    wire.next_answer(bca.TRANSFER_PATH, another_service)
    with pytest.raises(LoketError) as caught:
        service.transfer(beneficiary, 150_000, remark="uji")
    assert journal.get(caught.value.reference).state is State.SUSPECT  # not SUCCESS on another call's word


@pytest.fixture
def doku_wire(keys, clock, journal, tmp_path) -> tuple[VirtualAccountService, AfterProcessing]:
    """DOKU's VA service over a wire whose answers a test may rewrite."""
    public = keys.export_public_key(tmp_path / "public-key.pub")
    host = DokuSandbox(clock=clock, public_key_path=public)
    wire = AfterProcessing(host)
    c = host.credentials()
    service = VirtualAccountService(doku_va.DokuVaClient(_snap(wire, host, "doku", keys, clock),
                                                         c["partner_service_id"]),
                                    TransactionRunner(journal, lambda: "kasir1"), clock=clock)
    return service, wire


def test_a_doku_va_answered_by_a_gateway_4xx_without_a_snap_code_is_suspect(doku_wire, journal):
    service, wire = doku_wire
    wire.next_answer(doku_va.CREATE_VA_PATH, gateway(409, {"message": "Duplicate request"}))
    with pytest.raises(LoketError) as caught:
        service.create_va(customer_no="000000000001", name="Jessica Tessalonika", amount=100_000)
    assert journal.get(caught.value.reference).state is State.SUSPECT


# -- BNI Keagenan ---------------------------------------------------------------------------
@pytest.fixture
def billpay(journal, clock):
    host = KeagenanSandbox(clock=clock)
    wire = AfterProcessing(host)
    creds = host.credentials()
    client = KeagenanClient(httpx.Client(transport=wire), KeagenanConfig(
        base_url="http://sandbox.invalid", dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
        xauth_password=creds["x_auth_password"], client_id=creds["client_id"], client_secret=creds["client_secret"],
        agent_code=creds["agent_code"], account_num=creds["account_num"], token_path=creds["token_path"],
        transaction_path=creds["transaction_path"]), clock=clock)
    return BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1")), host, wire


def refusal(message: str, error_num: str = "") -> Callable[[int, dict], tuple[int, bytes]]:
    def rewrite(status: int, body: dict) -> tuple[int, bytes]:
        body["data"] = {"error": True, "errorNum": error_num, "message": message}
        return status, json.dumps(body).encode()
    return rewrite


@pytest.mark.parametrize("message", [
    "Tidak ada balasan dari biller BNILIFE_PINJAMAN_POLIS",  # "pin" inside "pinjaman" (a loan)
    "Timeout ke Pinalty server",
])
def test_a_payment_refused_without_errornum_is_suspect_unless_it_names_the_pin(billpay, journal, message):
    # the host booked it; FAILED would let it be paid again
    assert refused_pln_payment(billpay, journal, refusal(message)) is State.SUSPECT


def test_the_documents_wrong_pin_without_errornum_still_fails_the_payment(billpay, journal):
    assert refused_pln_payment(billpay, journal, refusal("TRANSAKSI GAGAL : Pin transaksi salah")) is State.FAILED


def refused_pln_payment(billpay, journal, answer: Callable[[int, dict], tuple[int, bytes]]) -> State:
    """A PLN bill checked, then paid with the host's answer rewritten by ``answer``: the
    payment is refused (``LoketError``); the state its journal row was left in."""
    service, _host, wire = billpay
    inquiry = service.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
    wire.next_answer("/keagenan/transaction", answer)
    with pytest.raises(LoketError) as caught:
        service.pay(inquiry, PIN)
    return journal.get(caught.value.reference).state


def status_said(status: str) -> Callable[[int, dict], tuple[int, bytes]]:
    def rewrite(code: int, body: dict) -> tuple[int, bytes]:
        body["data"]["status"] = status
        return code, json.dumps(body).encode()
    return rewrite


@pytest.mark.parametrize("status", ["TRANSAKSI  DALAM PROSES", "Transaksi sedang diproses", "PENDING", "SUSPEND"])
def test_a_payment_whose_status_is_not_a_known_success_is_suspect(billpay, journal, status):
    # the document: "suspend transaction"
    assert refused_pln_payment(billpay, journal, status_said(status)) is State.SUSPECT


@pytest.mark.parametrize("status", ["SUKSES", "success", ""])
def test_a_payment_whose_status_is_a_success_word_or_none_is_success(billpay, journal, status):
    service, _host, wire = billpay
    inquiry = service.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
    wire.next_answer("/keagenan/transaction", status_said(status))
    assert service.pay(inquiry, PIN).row.state is State.SUCCESS


# -- Switcher -------------------------------------------------------------------------------
@pytest.fixture
def switcher(journal):
    host = SwitcherSandbox()
    wire = AfterProcessing(host)
    service = SwitchingService(SwitcherClient(httpx.Client(transport=wire), "http://sandbox.invalid"), journal,
                               source_bank="BRINIDJA", source_account=SOURCE_ACCOUNT, approve=lambda *_: "spv")
    resolver = SuspectResolver(journal, not_found_grace_seconds=0)
    service.register_with(resolver)
    return service, host, wire, resolver


def lost(_status: int, _body: dict) -> tuple[int, bytes]:
    return 200, b"<html>502 Bad Gateway</html>"


def unsure_transfer(switcher, answer: Callable[[int, dict], tuple[int, bytes]] = lost) -> str:
    """A transfer of Rp 50.000 whose answer ``answer`` rewrote: refused, its reference."""
    service, _host, wire, _resolver = switcher
    quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
    wire.next_answer("/transfer", answer)
    with pytest.raises(LoketError) as caught:
        service.switcher_transfer(quote, 50_000, "x")
    return caught.value.reference


def test_a_status_check_that_does_not_say_the_transfer_succeeded_settles_nothing(switcher, journal):
    _service, _host, wire, resolver = switcher
    reference = unsure_transfer(switcher)

    def failed(status: int, body: dict) -> tuple[int, bytes]:
        body["data"]["info"] = "Transfer failed"
        return status, json.dumps(body).encode()

    wire.next_answer("/check", failed)
    outcome = resolver.check(reference)
    assert journal.get(reference).state is State.SUSPECT and not outcome.resolved
    assert resolver.check(reference).state is State.SUCCESS  # "Transfer success": booked


@pytest.mark.parametrize("data", [
    {"amount": 50_000, "journal": "1003"},  # names no reversal at all
    {"refnum": None, "amount": 50_000, "journal": "1003"},
    {"amount": 5_000, "journal": "1003"},  # another amount than the transfer's
])
def test_a_reversal_answer_that_is_not_about_this_reversal_is_suspect(switcher, journal, data):
    service, host, wire, _resolver = switcher
    transfer = service.switcher_transfer(service.switcher_inquiry("BRINIDJA", "888801000003301"), 50_000, "x").row

    def elsewhere(status: int, body: dict) -> tuple[int, bytes]:
        refnum = body["data"]["refnum"]
        answer = {"code": "00", "message": "Reversal success", "data": dict(data)}
        if "refnum" not in data and data.get("amount") != 50_000:
            answer["data"]["refnum"] = refnum  # this reversal's refnum, another amount
        return status, json.dumps(answer).encode()

    wire.next_answer("/reversal", elsewhere)
    with pytest.raises(LoketError) as caught:
        service.reversal(transfer.reference, "1234", "salah rekening")
    assert journal.get(caught.value.reference).state is State.SUSPECT  # settled by /check, not by this word
    assert journal.get(transfer.reference).state is State.SUCCESS


# -- Bank+ ------------------------------------------------------------------------------------
@pytest.fixture
def banking(journal, tmp_path):
    host = BankPlusSandbox()
    wire = AfterProcessing(host)
    service = BankingService(BankPlusClient(httpx.Client(transport=wire), "http://sandbox.invalid"), journal,
                             limits=Limits.parse(LIMITS), attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    return service, host, wire


def keeping(*keys: str) -> Callable[[int, dict], tuple[int, bytes]]:
    """The success answer with only ``keys`` of its ``data`` left: it names no account, amount
    or customer, so it is no proof that this payment was booked."""
    def rewrite(status: int, body: dict) -> tuple[int, bytes]:
        body["data"] = {k: v for k, v in body["data"].items() if k in keys}
        return status, json.dumps(body).encode()
    return rewrite


@pytest.mark.parametrize("kind, account, bank", [("intrabank", "1234567890", ""), ("interbank", "114451186", "008")])
def test_a_transfer_answer_that_names_no_account_or_amount_is_suspect(banking, journal, kind, account, bank):
    service, _host, wire = banking
    quote = service.transfer_inquiry(kind, account, bank)
    wire.next_answer(f"/bankplus/bsa/transfer/{kind}/payment", keeping("total", "admin_fee", "date_time"))
    with pytest.raises(LoketError) as caught:
        service.transfer_pay(quote, 50_000, PIN)
    assert journal.get(caught.value.reference).state is State.SUSPECT


def test_an_open_account_answer_that_names_no_customer_or_deposit_is_suspect(banking, journal, tmp_path):
    service, _host, wire = banking
    wire.next_answer("/bankplus/bsa/openAccount", keeping("referenceNumber", "date_time"))
    with pytest.raises(LoketError) as caught:
        service.open_account(open_account_form(tmp_path), PIN)
    assert journal.get(caught.value.reference).state is State.SUSPECT  # not SUCCESS with a deposit of Rp 0


# -- a success under another HTTP status than 200 (Bank+, Switcher, BNI Keagenan) -------------
def under(status: int) -> Callable[[int, dict], tuple[int, bytes]]:
    """The host's own answer, unchanged, under ``status``."""
    return lambda _status, body: (status, json.dumps(body).encode())


# 202: "accepted, not finished"; 400/409: the request was in error, or seen before: each
# contradicts the success code in the body, so the answer proves nothing either way.
@pytest.mark.parametrize("status", [202, 400, 409])
def test_a_bankplus_deposit_whose_success_comes_under_another_status_is_suspect(banking, journal, status):
    service, host, wire = banking
    wire.next_answer("/bankplus/bsa/depositAccount", under(status))
    with pytest.raises(LoketError) as caught:
        service.deposit(account="14047", name="ARDHA HERDIANTO", amount=25_000, narration="", pin=PIN)
    assert journal.get(caught.value.reference).state is State.SUSPECT


@pytest.mark.parametrize("status", [202, 400, 409])
def test_a_switcher_transfer_whose_success_comes_under_another_status_is_suspect(switcher, journal, status):
    _service, _host, wire, resolver = switcher
    reference = unsure_transfer(switcher, under(status))
    assert journal.get(reference).state is State.SUSPECT
    wire.next_answer("/check", under(status))  # nor does a status check's success under it settle it
    assert not resolver.check(reference).resolved and journal.get(reference).state is State.SUSPECT
    assert resolver.check(reference).state is State.SUCCESS  # the host's answer under 200: booked


@pytest.mark.parametrize("status", [202, 400, 409])
def test_a_keagenan_payment_whose_success_comes_under_another_status_is_suspect(billpay, journal, status):
    assert refused_pln_payment(billpay, journal, under(status)) is State.SUSPECT


# -- a Switcher answer with this refnum about another beneficiary -----------------------------
def beneficiary(account: str) -> Callable[[int, dict], tuple[int, bytes]]:
    def rewrite(status: int, body: dict) -> tuple[int, bytes]:
        body["data"]["beneficiaryAccount"] = account
        return status, json.dumps(body).encode()
    return rewrite


def test_a_switcher_transfer_answered_about_another_beneficiary_is_suspect(switcher, journal):
    """The refnum, source account and amount are this transfer's, the beneficiary is not the
    account the agent checked and read back to the customer: not proof that the customer's
    transfer was made (and the receipt would name the wrong account)."""
    _service, _host, _wire, resolver = switcher
    reference = unsure_transfer(switcher, beneficiary("888801000157508"))
    assert journal.get(reference).state is State.SUSPECT
    assert resolver.check(reference).state is State.SUCCESS  # the check names the checked account


def test_a_switcher_check_about_another_beneficiary_settles_nothing_and_goes_to_a_person(switcher, journal):
    _service, _host, wire, resolver = switcher
    reference = unsure_transfer(switcher)
    wire.next_answer("/check", beneficiary("888801000157508"))
    assert not resolver.check(reference).resolved and journal.get(reference).state is State.SUSPECT
    (item,) = resolver.worklist()
    assert "888801000157508" in item.host_said  # the host's words, for the call that settles it
    assert resolver.manual_allowed(journal.get(reference))


# -- a BNI Keagenan answer that echoes this payment's fields with other values ---------------
def echoed(where: str, key: str, value: str) -> Callable[[int, dict], tuple[int, bytes]]:
    def rewrite(status: int, body: dict) -> tuple[int, bytes]:
        body[where][key] = value
        return status, json.dumps(body).encode()
    return rewrite


# The document defines these answer fields "Same value as Payment request" (h_totalBills
# L945, totalTagihan L1268, h_billingNum L6764, h_totalBPJSTK L6773, c_totalPay L6786,
# total_Amount L6787, BPJS Kesehatan's c_fee L948), and CustomerData.no_tel as the area code + phone number paid (L211);
# CustomerData.cardNum echoes the card paid (L6044, L6177). An answer that says another
# amount or number, with no reffNum (BPJS Kesehatan, Telkom) or with this one, is not
# proof that this bill was paid.
@pytest.mark.parametrize("product, inputs, amount, where, key, value", [
    ("bpjs_kesehatan", {"billingId": "8888801260835323", "months": "3"}, None, "data", "h_totalBills", "25500"),
    ("bpjs_ketenagakerjaan", {"payment_type": "BPJS_TKBPU", "billingId1": "3314104809910008", "months": "1"}, None,
     "data", "h_billingNum", "3314104809910099"),
    ("bpjs_ketenagakerjaan", {"payment_type": "BPJS_TKBPU", "billingId1": "3314104809910008", "months": "1"}, None,
     "data", "h_totalBPJSTK", "745200"),
    ("bpjs_ketenagakerjaan", {"payment_type": "BPJS_TKBPU", "billingId1": "3314104809910008", "months": "1"}, None,
     "data", "c_totalPay", "745200"),
    ("pdam", {"provider": "AETRA", "customerNumber": "400"}, None, "data", "totalTagihan", "1000"),
    ("bpjs_kesehatan", {"billingId": "8888801260835323", "months": "3"}, None, "data", "c_fee", "2500"),
    ("telkom", {"areaCode": "0021", "phoneNum": "998877441"}, None, "CustomerData", "no_tel", "00214351603"),
    ("cc_other", {"bankCode": "BRI", "cardNum": "4365020922600613", "amount": "250000"}, None,
     "CustomerData", "cardNum", "4365020922600699"),
])
def test_a_keagenan_answer_echoing_other_figures_or_numbers_is_suspect(billpay, journal, product, inputs, amount,
                                                                       where, key, value):
    service, _host, wire = billpay
    inquiry = service.inquire(product, inputs, pin=PIN)
    wire.next_answer("/keagenan/transaction", echoed(where, key, value))
    with pytest.raises(LoketError) as caught:
        service.pay(inquiry, PIN, amount)
    assert journal.get(caught.value.reference).state is State.SUSPECT


def test_a_pln_answer_s_data_adminfee_is_not_the_bank_s_word_on_the_fee(billpay, journal):
    """PLN's answer defines data.adminFee as "Same value as Payment request" (L4249), whose
    request carries only adminFeeParam (a month's fee): another figure there (a bill of several
    months quoted 9.000, answered 3.000) settles nothing, or the agent would hand the customer
    back a fee the bank kept. The bank's word is CustomerData.biaya_adm (null in the example)."""
    service, _host, wire = billpay
    inquiry = service.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
    wire.next_answer("/keagenan/transaction", echoed("data", "adminFee", str(inquiry.fee + 6_000)))
    row = journal.get(service.pay(inquiry, PIN).reference)
    assert row.state is State.SUCCESS
    assert (row.settled_fee, row.settled_total) == (None, None) and row.fee == inquiry.fee


# -- a BNI Keagenan payment answer without the reffNum its document says it echoes -----------
def without_reff(status: int, body: dict) -> tuple[int, bytes]:
    body["data"].pop("reffNum", None)
    return status, json.dumps(body).encode()


# The payment sections whose Response Definition lists ``data.reffNum`` ("Same value as
# Payment request", bni-keagenan-api-v1.15.txt; the line of each definition's table): their
# host always names the reffNum it booked, so an answer without it names no payment. The
# others define no reffNum in their answer (Telkom L190, BPJS Kesehatan L919, KreditPlus
# L3221, Prudential initial premium L4591, BNI credit card L5921, airline L7041, KAI L7305):
# there the ids and figures they echo are what ties the answer to the payment.
REFF_DEFINED = {"indovision": 425, "firstmedia": 643, "pdam": 1241, "mf_adira": 1540, "mf_fif": 1872, "mf_oto": 2227,
                "mf_sms": 2559, "mf_nsc": 2890, "mf_acc": 3527, "bni_life": 3821, "pln_postpaid": 4227,
                "pln_nontaglis": 4424, "prudential_continuation": 4971, "prudential_topup": 5231,
                "prudential_reprint": 5381, "prudential_adjustment": 5533, "prudential_card": 5716,
                "cc_other": 5976, "personal_loan": 6108, "charity": 6238, "mobile_postpaid": 6472,
                "bpjs_ketenagakerjaan": 6747, "bumiputera": 7573, "internet_telkom": 7854}


@pytest.mark.parametrize("product", sorted(KEAGENAN_CASES))
def test_a_keagenan_answer_without_the_reffnum_its_document_defines_is_suspect(billpay, journal, product):
    service, _host, wire = billpay
    inputs, typed = KEAGENAN_CASES[product][:2]
    inquiry = service.inquire(product, inputs, pin=PIN)
    wire.next_answer("/keagenan/transaction", without_reff)
    if product in REFF_DEFINED:
        with pytest.raises(LoketError) as caught:
            service.pay(inquiry, PIN, typed)
        row = journal.get(caught.value.reference)
        assert row.state is State.SUSPECT and "reffNum tidak ada" in (row.error_message or "")
    else:
        assert service.pay(inquiry, PIN, typed).row.state is State.SUCCESS


def without(path: str) -> Callable[[int, dict], tuple[int, bytes]]:
    where, key = path.split(".")

    def rewrite(status: int, body: dict) -> tuple[int, bytes]:
        (body.get(where) or {}).pop(key, None)
        return status, json.dumps(body).encode()
    return rewrite


# The payment sections that define no reffNum in their answer define other fields "Same value
# as Payment request" (bni-keagenan-api-v1.15.txt, the line of each): the numbers and figures
# Loket compares are then all that ties the answer to this bill, so one left out is SUSPECT.
@pytest.mark.parametrize("product, path", [
    ("telkom", "data.amount"),  # L200
    ("telkom", "CustomerData.no_tel"),  # L211
    ("bpjs_kesehatan", "data.h_billingId"),  # L939
    ("bpjs_kesehatan", "data.h_totalBills"),  # L945
    ("mf_kreditplus", "data.billingId"),  # L3241
    ("mf_kreditplus", "data.amount"),  # L3240
    ("prudential_initial", "data.billingId"),  # L4606
    ("prudential_initial", "data.amount"),  # L4610
    ("cc_bni", "data.cardNum"),  # L5940
    ("cc_bni", "data.amount"),  # L5930
    ("airline", "data.billingId"),  # L7058
    ("kai", "data.billingId"),  # L7323
    ("kai", "data.bookingCode"),  # L7326
    ("kai", "data.amount"),  # L7311
    ("kai", "data.totalBilling"),  # L7332
])
def test_a_keagenan_answer_without_an_echo_its_document_defines_is_suspect(billpay, journal, product, path):
    service, _host, wire = billpay
    inputs, typed = KEAGENAN_CASES[product][:2]
    inquiry = service.inquire(product, inputs, pin=PIN)
    wire.next_answer("/keagenan/transaction", without(path))
    with pytest.raises(LoketError) as caught:
        service.pay(inquiry, PIN, typed)
    row = journal.get(caught.value.reference)
    assert row.state is State.SUSPECT and f"{path.split('.')[1]} tidak ada" in (row.error_message or "")
