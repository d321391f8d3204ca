"""BCA: interbank transfer (SNAP account-inquiry-external 16 + transfer-interbank 18) and
SUSPECT BCA transfers settled automatically by the suspect work-list through BCA's
Transfer Status Inquiry (36), against the BCA sandbox on a real loopback socket."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.context import build_context
from services.clock import FixedClock
from services.errors import AccountNotFound, AnswerMismatch, MaybeSent, UserInputError
from services.hosts.bca import client as bca
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT, BcaSandbox
from services.hosts.bca.service import BcaService
from services.hosts.bca.status import register_bca
from services.hosts.snap import codes
from services.hosts.snap.client import SnapClient, SnapCredentials
from services.hosts.snap.keys import PartnerKeys
from services.journal import Journal, State
from services.product_names import product_name
from services.profile import Profile
from services.receipts.model import Agent, build_receipt
from services.receipts.text import render_text
from services.resolution import SuspectResolver
from services.sandbox.base import Fault
from services.sandbox.server import SandboxServer
from services.secrets import SecretStore
from services.transactions import TransactionRunner

BRI, BRI_ACCOUNT, BRI_NAME = "BRINIDJA", "888801000003301", "BRIAPI SANDBOX"
BUDI = "0611104625"
START_SEN = 25_000_000_00


@pytest.fixture
def keys(tmp_path: Path) -> PartnerKeys:
    partner = PartnerKeys(tmp_path / "keys", SecretStore(tmp_path, use_keyring=False), "snap")
    partner.generate()
    return partner


@pytest.fixture
def host(clock: FixedClock, keys: PartnerKeys) -> BcaSandbox:
    return BcaSandbox(clock=clock, public_key_pem=keys.public_key_pem())


@pytest.fixture
def snap(host, http, keys, clock):
    with SandboxServer(host) as server:
        c = host.credentials()
        yield SnapClient.build(http, server.base_url, "bca", SnapCredentials(
            c["client_key"], c["client_secret"], c["partner_id"], c["channel_id"], c["token_path"]),
            keys.private_key(), clock=clock)


@pytest.fixture
def service(snap, journal: Journal, clock) -> BcaService:
    return BcaService(bca.BcaClient(snap, BCA_AGENT_ACCOUNT), TransactionRunner(journal, lambda: "agen01"),
                      clock=clock, not_found_grace_seconds=0)


@pytest.fixture
def resolver(service: BcaService, journal: Journal) -> SuspectResolver:
    resolver = SuspectResolver(journal, not_found_grace_seconds=0)
    register_bca(resolver, service.client, journal)
    return resolver


# -- interbank ------------------------------------------------------------------------
def test_interbank_transfer_confirms_the_name_then_pays_once(service, host, journal: Journal) -> None:
    beneficiary = service.interbank_inquiry(BRI.lower(), BRI_ACCOUNT)
    assert (beneficiary.name, beneficiary.bank_name, beneficiary.bank_code) == (BRI_NAME, "BANK BRI", BRI)
    done = service.interbank_transfer(beneficiary, 150_000)
    row = done.row
    assert (row.state, row.host, row.product, row.amount) == (State.SUCCESS, "bca", "bca_transfer_interbank", 150_000)
    assert (row.customer_ref, row.customer_name) == (BRI_ACCOUNT, BRI_NAME)
    sent = row.request
    assert sent["partnerReferenceNo"] == sent["customerReference"] == row.reference  # also the X-EXTERNAL-ID
    assert (sent["beneficiaryBankCode"], sent["beneficiaryAccountName"]) == (BRI, BRI_NAME)
    assert sent["amount"] == {"value": "150000.00", "currency": "IDR"}
    assert row.host_ref == host.transfers[row.reference]["referenceNo"] == done.transfer.reference_no
    assert [e["op"] for e in host.ledger] == ["transfer_interbank"]
    assert host.ledger[0]["external_id"] == row.reference
    assert host.accounts[BCA_AGENT_ACCOUNT].balance_sen == START_SEN - 150_000_00
    assert journal.verify().ok

    receipt = render_text(build_receipt(row, agent=Agent("Agen", "A1", "Jl. Contoh"), sandbox=True), columns=48)
    assert "TRANSFER ANTAR BANK VIA BCA" in receipt and "BANK BRI" in receipt and BRI_NAME in receipt
    assert product_name("bca_transfer_interbank") == "BCA: Transfer Antar Bank"


@pytest.mark.parametrize("bank, account, error, field_or_code", [
    ("BRINIDJA", "999999999", AccountNotFound, "4041611"),
    ("BMRIIDJA", "1370000000009", codes.SnapForbidden, "4031618"),
    ("CENAIDJA", BUDI, UserInputError, "bank_code"),  # BCA's own: the intrabank screen
    ("XXXXIDJA", BRI_ACCOUNT, UserInputError, "bank_code"),
    ("BRINIDJA", "12ab", UserInputError, "account_no"),
])
def test_interbank_inquiry_refusals(service, bank, account, error, field_or_code) -> None:
    with pytest.raises(error) as info:
        service.interbank_inquiry(bank, account)
    assert field_or_code in (getattr(info.value, "field", None), getattr(info.value, "code", None))


def test_the_sandbox_checks_the_interbank_fields_and_signature(service, snap: SnapClient, host, journal) -> None:
    beneficiary = service.interbank_inquiry(BRI, BRI_ACCOUNT)
    body = service.client.interbank_transfer_body(reference="2611210001", beneficiary=beneficiary, amount=50_000,
                                                  email="", transaction_date=service.clock.now())
    without_name = {k: v for k, v in body.items() if k != "beneficiaryAccountName"}
    with pytest.raises(codes.SnapBadRequest) as missing:
        snap.post(bca.INTERBANK_TRANSFER_PATH, without_name, external_id="2611210001", money=True)
    assert missing.value.code == "4001802" and "beneficiaryAccountName" in missing.value.host_message
    other_name = {**body, "partnerReferenceNo": "2611210002", "beneficiaryAccountName": "SIAPA SAJA"}
    with pytest.raises(codes.SnapBadRequest) as wrong:
        snap.post(bca.INTERBANK_TRANSFER_PATH, other_name, external_id="2611210002", money=True)
    assert wrong.value.code == "4001801"
    snap.credentials = SnapCredentials(snap.credentials.client_key, "another-secret", snap.credentials.partner_id,
                                       snap.credentials.channel_id, snap.credentials.token_path)
    with pytest.raises(codes.SnapUnauthorized) as unsigned:
        snap.post(bca.INTERBANK_TRANSFER_PATH, {**body, "partnerReferenceNo": "2611210003"},
                  external_id="2611210003", money=True)
    assert unsigned.value.code == "4011800"
    assert host.transfers == {} and host.accounts[BCA_AGENT_ACCOUNT].balance_sen == START_SEN


def test_an_interbank_answer_about_another_account_is_suspect(service, host, journal: Journal) -> None:
    beneficiary = service.interbank_inquiry(BRI, BRI_ACCOUNT)
    host.faults.queue(Fault.FOREIGN_ANSWER, bca.INTERBANK_TRANSFER_PATH)
    service.interbank_transfer(beneficiary, 20_000)  # the host's answer to this one is kept for replay
    other = service.interbank_inquiry("BMRIIDJA", "1370012345678")
    host.faults.queue(Fault.FOREIGN_ANSWER, bca.INTERBANK_TRANSFER_PATH)
    with pytest.raises((AnswerMismatch, MaybeSent)):
        service.interbank_transfer(other, 30_000)
    assert journal.get(next(journal.rows("customer_ref='1370012345678'")).reference).state is State.SUSPECT


# -- SUSPECT BCA transfers settle through the work-list ---------------------------------
def test_suspect_bca_transfers_are_resolved_by_resolve_all(service, host, resolver, journal: Journal) -> None:
    assert resolver.has_check("bca")
    budi = service.account_inquiry(BUDI)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, bca.TRANSFER_PATH)  # booked, answer lost
    with pytest.raises(MaybeSent):
        service.transfer(budi, 100_000)
    bri = service.interbank_inquiry(BRI, BRI_ACCOUNT)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, bca.INTERBANK_TRANSFER_PATH)
    with pytest.raises(MaybeSent):
        service.interbank_transfer(bri, 75_000)
    mandiri = service.interbank_inquiry("BMRIIDJA", "1370012345678")
    host.faults.queue(Fault.DROP_BEFORE_PROCESSING, bca.INTERBANK_TRANSFER_PATH)  # never arrived
    with pytest.raises(MaybeSent):
        service.interbank_transfer(mandiri, 60_000)
    suspects = {row.customer_ref: row for row in journal.rows("state='SUSPECT'")}
    assert set(suspects) == {BUDI, BRI_ACCOUNT, "1370012345678"}
    assert all(item.can_check for item in resolver.worklist())

    results = {r.reference: r for r in resolver.resolve_all()}

    assert journal.get(suspects[BUDI].reference).state is State.SUCCESS
    intra_ref = suspects[BUDI].reference
    assert journal.get(intra_ref).host_ref == host.transfers[intra_ref]["referenceNo"]
    assert journal.get(suspects[BRI_ACCOUNT].reference).state is State.SUCCESS
    failed = journal.get(suspects["1370012345678"].reference)
    assert (failed.state, failed.error_code) == (State.FAILED, "NOT_FOUND")
    assert all(r.resolved for r in results.values())
    # booked exactly once each: the two that arrived, never the one that did not
    assert host.accounts[BCA_AGENT_ACCOUNT].balance_sen == START_SEN - 100_000_00 - 75_000_00
    assert journal.verify().ok


def test_a_transfer_bca_still_processes_stays_suspect_and_is_asked_again(service, host, resolver,
                                                                        journal: Journal) -> None:
    bri = service.interbank_inquiry(BRI, BRI_ACCOUNT)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, bca.INTERBANK_TRANSFER_PATH)
    with pytest.raises(MaybeSent):
        service.interbank_transfer(bri, 75_000)
    row = next(journal.rows("state='SUSPECT'"))
    host.transfers[row.reference]["pending"] = True  # BCA answers 03 Pending for it
    first = resolver.resolve_all()
    assert [r.resolved for r in first] == [False] and "Pending" in first[0].message
    assert journal.get(row.reference).state is State.SUSPECT
    del host.transfers[row.reference]["pending"]
    assert [r.state for r in resolver.resolve_all()] == [State.SUCCESS]


def test_cek_status_settles_a_suspect_interbank_transfer(service, host, journal: Journal) -> None:
    bri = service.interbank_inquiry(BRI, BRI_ACCOUNT)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, bca.INTERBANK_TRANSFER_PATH)
    with pytest.raises(MaybeSent) as lost:
        service.interbank_transfer(bri, 75_000)
    check = service.transfer_status(lost.value.reference)  # asked as service 18, the transfer's own
    assert (check.row.state, check.status.status) == (State.SUCCESS, "00")


def test_the_status_inquiry_names_the_transfers_own_service_code(service, host, snap: SnapClient) -> None:
    done = service.interbank_transfer(service.interbank_inquiry(BRI, BRI_ACCOUNT), 10_000)
    with pytest.raises(codes.TransactionNotFound):  # asked as an intrabank one: not that transfer
        service.client.transfer_status(reference=done.row.reference,
                                       transaction_date=done.row.request["transactionDate"],
                                       external_id="2611219999", service_code=codes.SERVICE_TRANSFER_INTRABANK)


def test_the_sandbox_lists_its_interbank_accounts(host) -> None:
    listed = host.credentials()["interbank_accounts"]
    assert listed[f"{BRI} {BRI_ACCOUNT}"] == {"name": BRI_NAME, "status": "active"}


def test_the_app_registers_bcas_status_check_with_the_work_list(tmp_path: Path) -> None:
    context = build_context(Profile(tmp_path / "profile"))
    try:
        # a transfer takes cash: the day's shift is open, the drawer the paying agent's
        session = context.banking.login("BNIUS100294", "T6jkl4ss")
        context.dayclose.shifts.open(0, session.username)
        assert context.resolver.has_check("bca") and context.resolver.has_check("switcher")
        bank = context.sandbox_hosts["bca"]
        bca_service = context.bca
        budi = bca_service.account_inquiry(BUDI)
        bank.faults.queue(Fault.LOST_AFTER_PROCESSING, bca.TRANSFER_PATH)
        with pytest.raises(MaybeSent):
            bca_service.transfer(budi, 100_000)
        row = next(context.journal.rows("state='SUSPECT'"))
        [result] = context.resolver.resolve_all()
        assert (result.reference, result.state) == (row.reference, State.SUCCESS)
    finally:
        context.close()


# -- 04 Refunded: the money went out and came back ----------------------------------------
def test_a_refunded_transfer_says_the_money_came_back_not_that_it_never_moved(service, host, resolver, clock,
                                                                               journal: Journal) -> None:
    """BCA's status 04 "Refunded" settled the row FAILED with the words of a transfer that
    never moved ("Dana tidak berpindah"). The money left the agent's account and came back:
    the journal, the work-list's answer and the slip now say that, with the amount and when
    BCA reported it, and the sandbox's statement shows both movements."""
    bri = service.interbank_inquiry(BRI, BRI_ACCOUNT)
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, bca.INTERBANK_TRANSFER_PATH)
    with pytest.raises(MaybeSent):
        service.interbank_transfer(bri, 75_000)
    row = next(journal.rows("state='SUSPECT'"))
    assert host.accounts[BCA_AGENT_ACCOUNT].balance_sen == START_SEN - 75_000_00  # it left
    clock.advance(600)
    host.refund(row.reference)  # the beneficiary bank sent it back
    assert host.accounts[BCA_AGENT_ACCOUNT].balance_sen == START_SEN  # and came back

    status, answer = service.client.transfer_status(
        reference=row.reference, transaction_date=row.request["transactionDate"], external_id="2611219998",
        service_code=codes.SERVICE_TRANSFER_INTERBANK, sent=row.request)
    assert (answer["latestTransactionStatus"], answer["transactionStatusDesc"]) == ("04", "Refunded")
    assert status.refunded and status.amount == 75_000

    [result] = resolver.resolve_all()
    settled = journal.get(row.reference)
    assert (result.state, settled.state, settled.error_code) == (State.FAILED, State.FAILED, "04")
    assert "dikembalikan" in result.message.lower() and "tidak berpindah" not in result.message
    event = journal.events(row.reference)[-1]
    assert "dikembalikan" in event.reason and "Rp 75.000" in event.reason and BCA_AGENT_ACCOUNT in event.reason
    assert "dikembalikan" in settled.error_message.lower() and "Rp 75.000" in settled.error_message

    slip = render_text(build_receipt(settled, agent=Agent("Agen", "A1", "Jl. Contoh"), sandbox=True), columns=48)
    assert "DIKEMBALIKAN" in slip and "Dana kembali" in slip and "Rp 75.000" in slip
    assert "21/11/2026 14:15 WIB" in slip  # when BCA reported it: its answer names no time of its own
    assert "BUKAN bukti bayar" in slip

    statement = service.statement(clock.now().date(), clock.now().date())
    kinds = [(line.type, line.amount_sen) for line in statement.lines if line.amount_sen == 75_000_00]
    assert kinds == [("DEBIT", 75_000_00), ("CREDIT", 75_000_00)]
    assert journal.verify().ok


def test_a_transfer_that_never_moved_still_says_so(service, host, resolver, journal: Journal) -> None:
    """BCA does not know it (the request never arrived): the never-moved words stay for that."""
    budi = service.account_inquiry(BUDI)
    host.faults.queue(Fault.DROP_BEFORE_PROCESSING, bca.TRANSFER_PATH)
    with pytest.raises(MaybeSent):
        service.transfer(budi, 50_000)
    row = next(journal.rows("state='SUSPECT'"))
    [result] = resolver.resolve_all()
    assert result.state is State.FAILED and "tidak berpindah" in result.message.lower()
    assert "dikembalikan" not in (journal.get(row.reference).error_message or "").lower()
