"""Money-path review: answers that do not prove a payment was refused never make it FAILED.

A FAILED row tells the agent the money did not move, frees the customer for a new payment
(under a new reference) and leaves the day's cash out of it. So a "this reference is
already used" refusal, an answer without a verdict, or a "not found" asked too early after
a lost answer must leave the row SUSPECT. Hosts are reached through ``httpx.MockTransport``
(no sockets) or a stand-in client; the journal is real.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from services.errors import MaybeSent
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.service import BankingService
from services.hosts.bca.service import BcaService
from services.hosts.keagenan.errors import DuplicateReference as KeagenanDuplicate
from services.hosts.snap import codes
from services.hosts.switcher.client import SwitcherAccount, SwitcherClient
from services.hosts.switcher.service import SwitchingService
from services.journal import State
from services.limits import Limits
from services.transactions import Payment, TransactionRunner

PIN = "123456"


def answering(body: dict) -> httpx.Client:
    """A client whose every request is answered 200 with ``body``; requests are recorded."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=json.dumps(body).encode())

    client = httpx.Client(transport=httpx.MockTransport(handler))
    client.seen = seen  # type: ignore[attr-defined]
    return client


def payment(journal, customer="1234567890") -> Payment:
    return Payment("keagenan", "telkom", "Tagihan", 65_000, 2_500, {"reffNum": "x", "pin_transaksi": PIN},
                   customer_ref=customer)


@pytest.mark.parametrize("refusal", [
    KeagenanDuplicate("Nomor referensi sudah pernah dipakai.", host="keagenan", code="9990",
                      host_message="Duplicate Refference Number"),
    codes.error_for("bca", "4091701", "Duplicate partnerReferenceNo"),
    codes.error_for("doku", "4092700", "Conflict"),
])
def test_a_duplicate_reference_refusal_leaves_the_payment_suspect(journal, refusal):
    runner = TransactionRunner(journal, lambda: "agen01")

    def send(reference: str):
        raise refusal

    with pytest.raises(type(refusal)):
        runner.execute(payment(journal), send)
    [row] = journal.rows()
    assert row.state is State.SUSPECT and row.error_code == refusal.code
    # still open: a new payment for the same customer waits until it is settled
    with pytest.raises(Exception, match="belum pasti"):
        runner.execute(payment(journal), send)


def test_an_ordinary_refusal_still_fails_the_payment(journal):
    runner = TransactionRunner(journal, lambda: "agen01")

    def send(reference: str):
        raise codes.error_for("bca", "4031714", "Insufficient Funds")

    with pytest.raises(codes.InsufficientFunds):
        runner.execute(payment(journal), send)
    assert next(journal.rows()).state is State.FAILED


def banking(journal, tmp_path: Path, http: httpx.Client) -> BankingService:
    limits = {"deposit": {"min": 10_000, "max": 10_000_000}, "transfer": {"min": 10_000, "max": 10_000_000},
              "open_account_deposit": {"min": 0, "max": 10_000_000}}
    return BankingService(BankPlusClient(http, "http://127.0.0.1:9"), journal, limits=Limits.parse(limits),
                          attachments_dir=tmp_path / "att")


def test_a_bankplus_answer_without_code_leaves_the_deposit_suspect(journal, tmp_path):
    http = answering({"message": "sedang diproses", "data": {}})
    service = banking(journal, tmp_path, http)
    with pytest.raises(MaybeSent):
        service.deposit(account="1234567890", name="BUDI", amount=50_000, narration="", pin=PIN)
    [row] = journal.rows()
    assert row.state is State.SUSPECT
    assert len(http.seen) == 1  # sent once, never again


def switching(journal, http: httpx.Client) -> SwitchingService:
    return SwitchingService(SwitcherClient(http, "http://127.0.0.1:9"), journal, source_bank="BRINIDJA",
                            source_account="888801000157508", approve=lambda *_: None)


QUOTE = SwitcherAccount("2611211405000001", "BRINIDJA", "114451186", "ARDHA HERDIANTO", 0, "AKTIF", "PC123",
                        "2026-11-21 14:05:00")


@pytest.mark.parametrize("answer", [
    {"code": "-1", "message": "Duplicate refnum", "debug": {"from": "branchless_switcher"}},
    {"message": "Transfer diproses"},
])
def test_a_switcher_answer_that_proves_no_refusal_leaves_the_transfer_suspect(journal, answer):
    http = answering(answer)
    with pytest.raises((MaybeSent, codes.HostRejected)) as caught:
        switching(journal, http).switcher_transfer(QUOTE, 100_000, "")
    [row] = journal.rows()
    assert row.state is State.SUSPECT
    assert "Ulangi transaksi" not in caught.value.message  # never tells the agent to pay again


class LateBca:
    """A BCA client whose status inquiry does not (yet) know the transfer."""

    account_no = "0611101146"

    def transfer_status(self, **_kw):
        raise codes.error_for("bca", "4043601", "Transaction Not Found")


def suspect_transfer(journal) -> str:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bca", product=BcaService.PRODUCT, product_group="banking", amount=100_000,
                  fee=0, operator="agen01", customer_ref="0611104625", customer_name="BUDI SANTOSO",
                  request={"partnerReferenceNo": ref, "transactionDate": "2026-11-21T14:05:00+07:00"})
    journal.transition(ref, State.SENT, actor="agen01", reason="dikirim")
    journal.transition(ref, State.SUSPECT, actor="system", reason="jawaban tidak diterima: ReadTimeout")
    return ref


def test_bca_not_found_right_after_a_lost_answer_keeps_the_transfer_suspect(journal, clock):
    service = BcaService(LateBca(), TransactionRunner(journal, lambda: "agen01"), clock=clock)  # type: ignore[arg-type]
    ref = suspect_transfer(journal)
    clock.advance(5)
    assert service.transfer_status(ref).row.state is State.SUSPECT
    clock.advance(300)  # long after any request could still be travelling
    check = service.transfer_status(ref)
    assert (check.row.state, check.row.error_code) == (State.FAILED, "NOT_FOUND")


class RacedBca:
    """A BCA client whose answer arrives after the work-list's timer settled the same row."""

    account_no = "0611101146"

    def __init__(self, journal) -> None:
        self.journal = journal

    def transfer_status(self, *, reference: str, **_kw):
        from services.hosts.bca.client import TransferStatus

        self.journal.transition(reference, State.SUCCESS, actor="system", reason="dikonfirmasi cek status BCA")
        return TransferStatus(reference, "BCA123", "00", "Success", None), {"responseCode": "2003600"}


def test_bca_cek_status_on_a_row_the_work_list_settled_meanwhile_shows_it_settled(journal, clock):
    """The screen's "Cek status" and the work-list's timer asked BCA at the same time; the
    timer settled the row first, and the button's answer ended in an internal error."""
    ref = suspect_transfer(journal)
    service = BcaService(RacedBca(journal), TransactionRunner(journal, lambda: "agen01"), clock=clock)  # type: ignore[arg-type]
    check = service.transfer_status(ref)
    assert check.row.state is State.SUCCESS and check.row.reference == ref
    assert [e.to_state for e in journal.events(ref)].count(State.SUCCESS) == 1
