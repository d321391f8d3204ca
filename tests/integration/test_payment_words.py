"""Every way money leaves the counter speaks of the money when its answer is lost.

A transport error is worded for a read ("tidak ada yang berubah", "boleh dicoba lagi") until
the transaction runner says it ended a payment (``TransportError.ended_payment``). A payment
that told the agent a read's words after its answer was lost would have the agent take the
customer's money again, or hand the cash back, for money the bank may have moved. So each
payment of every host (deposit, transfers, account opening, bill payment, VA, the Switcher's
reversal), and its resend under the same reference, is made to meet each failure: not sent
(the connection refused), answer lost, a code that is not final, figures that do not add up.
What the agent reads (``ui.errors.describe``) must be a payment's words, never a read's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from app.context import AppContext, build_context
from services.errors import AnswerMismatch, LoketError, MaybeSent, NotSent, OutcomeUnknown, TransportError
from services.hosts.bca import client as bca
from services.hosts.doku import client as doku
from services.hosts.keagenan.sandbox import TRANSACTION_PATH
from services.journal import State
from services.profile import Profile
from services.sandbox.base import Fault
from tests.integration.test_banking_service import open_account_form
from tests.ui.uidrive import PASSWORD, PIN, USERNAME
from ui.errors import describe

SUPERVISOR_PIN = "246810"
READ_WORDS = ("tidak ada yang berubah", "boleh dicoba lagi", "Pemeriksaan ini")
NOT_SENT_WORDS = "Transaksi belum terkirim, tidak ada uang yang berpindah"
UNSURE_WORDS = "JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu"


@pytest.fixture
def context(tmp_path: Path):
    ctx = build_context(Profile(tmp_path / "profile"))
    ctx.banking.login(USERNAME, PASSWORD)
    ctx.dayclose.shifts.open(0, USERNAME)
    yield ctx
    ctx.close()


def _reversal(ctx: AppContext, tmp_path: Path) -> Callable[[str | None], Any]:
    ctx.dayclose.supervisors.set_pin("Supervisor", SUPERVISOR_PIN)
    quote = ctx.switching.switcher_inquiry("BRINIDJA", "888801000003301")
    done = ctx.switching.switcher_transfer(quote, 150_000, "bayar")
    return lambda again: ctx.switching.reversal(done.row.reference, SUPERVISOR_PIN, "Salah nomor rekening")


def _bankplus_transfer(kind: str, *where: str) -> Callable[[AppContext, Path], Callable[[str | None], Any]]:
    def quoted(ctx: AppContext, tmp_path: Path) -> Callable[[str | None], Any]:
        quote = ctx.banking.transfer_inquiry(kind, *where)
        return lambda again: ctx.banking.transfer_pay(quote, 50_000, PIN, reference=again)
    return quoted


def _billpay(ctx: AppContext, tmp_path: Path) -> Callable[[str | None], Any]:
    inquiry = ctx.billpay.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
    return lambda again: ctx.billpay.pay(inquiry, PIN, reference=again)


def _charity(ctx: AppContext, tmp_path: Path) -> Callable[[str | None], Any]:
    inquiry = ctx.billpay.inquire("charity", {"providerId": "ZAKAT_BAZNAS", "amount": "150000"})
    return lambda again: ctx.billpay.pay(inquiry, PIN, reference=again)


def _bca(ctx: AppContext, tmp_path: Path) -> Callable[[str | None], Any]:
    beneficiary = ctx.bca.account_inquiry("0611104625")
    return lambda again: (ctx.bca.retry_transfer(again) if again else
                          ctx.bca.transfer(beneficiary, 150_000, remark="uji"))


def _bca_interbank(ctx: AppContext, tmp_path: Path) -> Callable[[str | None], Any]:
    beneficiary = ctx.bca.interbank_inquiry("BRINIDJA", "888801000003301")
    return lambda again: ctx.bca.interbank_transfer(beneficiary, 150_000, reference=again)


# name -> (host, the payment's path, quote: returns the payment to make)
PAYMENTS: dict[str, tuple[str, str, Callable[[AppContext, Path], Callable[[str | None], Any]]]] = {
    "bankplus_deposit": ("bankplus", "/bankplus/bsa/depositAccount", lambda ctx, _: lambda again: ctx.banking.deposit(
        account="14047", name="ARDHA HERDIANTO", amount=25_000, narration="", pin=PIN, reference=again)),
    "bankplus_intrabank": ("bankplus", "/bankplus/bsa/transfer/intrabank/payment",
                           _bankplus_transfer("intrabank", "1234567890")),
    "bankplus_interbank": ("bankplus", "/bankplus/bsa/transfer/interbank/payment",
                           _bankplus_transfer("interbank", "114451186", "008")),
    "bankplus_open_account": ("bankplus", "/bankplus/bsa/openAccount", lambda ctx, folder: lambda again: (
        ctx.banking.open_account(open_account_form(folder), PIN, reference=again))),
    "switcher_transfer": ("switcher", "/transfer", lambda ctx, _: (lambda quote: lambda again: (
        ctx.switching.switcher_transfer(quote, 150_000, "bayar", reference=again)))(
            ctx.switching.switcher_inquiry("BRINIDJA", "888801000003301"))),
    "switcher_reversal": ("switcher", "/reversal", _reversal),
    "keagenan_pln": ("keagenan", TRANSACTION_PATH, _billpay),
    "keagenan_charity": ("keagenan", TRANSACTION_PATH, _charity),
    "bca_intrabank": ("bca", bca.TRANSFER_PATH, _bca),
    "bca_interbank": ("bca", bca.INTERBANK_TRANSFER_PATH, _bca_interbank),
    "doku_va": ("doku", doku.CREATE_VA_PATH, lambda ctx, _: lambda again: (
        ctx.va.retry(again) if again else
        ctx.va.create_va(customer_no="000000000001", name="Jessica Tessalonika", amount=100_000))),
}
FAULTS = {Fault.REFUSE_CONNECTION: NotSent, Fault.LOST_AFTER_PROCESSING: MaybeSent,
          Fault.MALFUNCTION: OutcomeUnknown}


def told(pay: Callable[[str | None], Any], again: str | None = None) -> tuple[LoketError, str]:
    """The error ``pay`` (``again``: a resend of that reference) ended with, and what the agent reads of it."""
    with pytest.raises(LoketError) as caught:
        pay(again)
    kind, text = describe(caught.value)
    assert kind == "warning", text
    return caught.value, text


def spoken_as_payment(exc: LoketError, text: str) -> None:
    assert isinstance(exc, TransportError), f"{type(exc).__name__}: {text}"
    assert exc.reference and exc.reference in text, text
    assert not any(words in text for words in READ_WORDS), text
    assert (NOT_SENT_WORDS if isinstance(exc, NotSent) else UNSURE_WORDS) in text, text


@pytest.mark.parametrize("fault", list(FAULTS), ids=lambda fault: fault.value)
@pytest.mark.parametrize("name", list(PAYMENTS))
def test_a_payment_that_meets_a_failure_speaks_of_its_money(context, tmp_path, name, fault):
    host, path, quote = PAYMENTS[name]
    pay = quote(context, tmp_path)
    context.sandbox_hosts[host].faults.queue(fault, path)
    exc, text = told(pay)
    assert isinstance(exc, FAULTS[fault]), f"{type(exc).__name__}: {text}"
    spoken_as_payment(exc, text)
    if isinstance(exc, NotSent):  # pressed again: the same reference, and its own failure
        assert context.journal.get(exc.reference).state is State.NEW
        if name == "switcher_reversal":
            return  # not resent: Transaksi Menggantung offers only to give it up (and a new reversal waits)
        context.sandbox_hosts[host].faults.queue(Fault.LOST_AFTER_PROCESSING, path)
        resent, text = told(pay, exc.reference)
        assert resent.reference == exc.reference
        spoken_as_payment(resent, text)


@pytest.mark.parametrize("fault", [Fault.NEGATIVE_NUMBERS, Fault.INCONSISTENT_TOTAL], ids=lambda fault: fault.value)
@pytest.mark.parametrize("name", list(PAYMENTS))
def test_figures_that_cannot_be_right_speak_of_the_money(context, tmp_path, name, fault):
    """A negative amount, or a total ten times what was sent (the answer's total, or the
    figure that stands for it where it states none: SNAP's amount value, the Switcher's
    amount, an account opening's first deposit, BNI Keagenan's "Total of amount payment"),
    is no confirmation of this payment: SUSPECT, in a payment's words, never SUCCESS."""
    host, path, quote = PAYMENTS[name]
    pay = quote(context, tmp_path)
    context.sandbox_hosts[host].faults.queue(fault, path)
    exc, text = told(pay)
    assert isinstance(exc, AnswerMismatch), f"{type(exc).__name__}: {text}"
    spoken_as_payment(exc, text)
    row = context.journal.get(exc.reference)
    assert row.state is State.SUSPECT and row.settled_total is None


def test_a_payment_that_fails_after_sending_for_no_named_reason_speaks_of_its_money(context, tmp_path):
    """A fault no host error names, after the request left (a client that cannot read an
    answer, an amount Python refuses): the runner makes the row SUSPECT, but it passed the
    fault itself on, and the agent read "Terjadi kesalahan yang tidak terduga ... lalu coba
    lagi" with no reference, of a payment the bank may have booked."""
    client = context.banking.client
    real = client.deposit

    def deposit_then_fault(**kwargs: Any) -> Any:
        real(**kwargs)  # booked at the bank
        raise ValueError("unreadable answer")

    client.deposit = deposit_then_fault  # type: ignore[method-assign]
    exc, text = told(PAYMENTS["bankplus_deposit"][2](context, tmp_path))
    assert isinstance(exc, MaybeSent), f"{type(exc).__name__}: {text}"
    spoken_as_payment(exc, text)
    assert context.journal.get(exc.reference).state is State.SUSPECT
