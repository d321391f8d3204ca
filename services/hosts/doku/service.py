"""What the screens call for DOKU virtual accounts (BNI VA). Qt-free.

``VirtualAccountService.create_va``  Buat Virtual Account; ``retry`` sends again one that
provably never left. A VA creation is an order to collect money, so it goes through
``TransactionRunner``: journaled NEW before it leaves, the journal reference is the SNAP
X-EXTERNAL-ID and the trxId, so a retry carries the same numbers. Bad input is refused with
``UserInputError(field, message)`` before anything is sent; host refusals arrive as the
typed errors of ``services.hosts.snap.codes``; transport trouble as NotSent/MaybeSent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from services.clock import Clock, format_wib, host_moment
from services.errors import UserInputError
from services.hosts.doku.client import CLOSED, OPEN, DokuVaClient, VaRequest, VirtualAccount, va_name
from services.hosts.rows import own_row
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import JournalRow
from services.money import format_rupiah
from services.product_groups import BANKING
from services.transactions import Outcome, Payment, TransactionRunner
from services.validation import EMAIL, is_digits

# A VA's totalAmount.value: the DOKU page says string(8) but its own example "100000.00" is
# longer; the SNAP standard's amounts are String(16,2), so 13 digits of rupiah at most.
VA_MAX_AMOUNT = 10**13 - 1


# DOKU's expiry differs from the one asked when the two are a minute or more apart: the screen
# and the slip show minutes, and a host that drops the seconds has changed nothing anyone reads.
SAME_EXPIRY = timedelta(minutes=1)
# Earlier than asked and less than this left when DOKU answered: too little for a customer to
# reach an ATM or a teller, so the note is red, not amber.
SHORT_NOTICE = timedelta(hours=1)


@dataclass(frozen=True)
class ExpiryChange:
    """DOKU answered another expiredDate than the one sent. The document gives expiredDate in
    both the request and the answer and says nothing of their differing; Loket decides:
    DOKU's holds (it is the host's VA; a customer paying after it is refused at BNI), so the
    screen, the receipt and the how-to-pay steps show DOKU's, and the agent is told it differs
    from what was read back to the customer, naming both.

    The VA stays SUCCESS even when DOKU's expiry had already passed when it answered
    (``expired``): DOKU did make it, the journal records what the host did, and no money can
    move into a VA that cannot be paid. The journal's SUCCESS event records the difference
    (``journal_note``), and the screen turns the note red and says not to hand the number
    out but to make a new VA. Earlier than asked with under ``SHORT_NOTICE`` left is red too
    (``urgent``): the customer must pay by then or get a new VA. An expiry DOKU answered
    without an offset or unreadable is shown as sent (``format_moment``) and not compared."""

    asked: datetime
    given: datetime
    answered_at: datetime  # when DOKU's answer came (the service's clock)

    @property
    def earlier(self) -> bool:
        return self.given < self.asked

    @property
    def expired(self) -> bool:
        """Not after the moment DOKU answered: nothing can be paid into it."""
        return self.given <= self.answered_at

    @property
    def urgent(self) -> bool:
        return self.expired or (self.earlier and self.given - self.answered_at < SHORT_NOTICE)

    def journal_note(self) -> str:
        """For the SUCCESS event's reason (the journal keeps it, hash-chained)."""
        gap = abs(self.given - self.asked)
        hours, minutes = divmod(int(gap.total_seconds()) // 60, 60)
        way = "lebih awal" if self.earlier else "lebih lama"
        note = (f"batas waktu VA dari DOKU berbeda: diminta {format_wib(self.asked)}, DOKU "
                f"{format_wib(self.given)} ({way} {hours} jam {minutes} menit)")
        return f"{note}; SUDAH LEWAT saat DOKU menjawab" if self.expired else note


def expiry_change(va: VirtualAccount, answered_at: datetime) -> ExpiryChange | None:
    """The difference between the expiry sent and DOKU's, or None: none sent, DOKU's left
    out (the one sent holds), unreadable, or less than ``SAME_EXPIRY`` apart."""
    asked, given = host_moment(va.asked_expiry), host_moment(va.expired_date)
    if asked is None or given is None or abs(given - asked) < SAME_EXPIRY:
        return None
    return ExpiryChange(asked, given, answered_at)


@dataclass(frozen=True)
class VaCreated:
    row: JournalRow  # the journal row (reference, state SUCCESS) for the receipt
    va: VirtualAccount  # number, amount, expiry and how-to-pay links to show and print
    expiry: ExpiryChange | None = None  # DOKU's expiry is not the one asked


def normalise_phone(phone: str) -> str:
    """``0812-3456-7890`` / ``+62 812...`` -> ``6281234567890`` (the seed's 62xxxxxxxxx form)."""
    digits = re.sub(r"[\s\-().]", "", phone).lstrip("+")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    if not is_digits(digits) or not digits.startswith("62") or not 10 <= len(digits) <= 15:
        raise UserInputError("phone", QT_TRANSLATE_NOOP("errors", "Nomor HP diawali 08 atau 62, 10-15 angka."))
    return digits


class VirtualAccountService:
    HOST = "doku"
    PRODUCT = "doku_bni_va"
    PRODUCT_GROUP = BANKING  # the group the counter and the reports show it under

    def __init__(self, client: DokuVaClient, runner: TransactionRunner, *, clock: Clock) -> None:
        self.client = client
        self.runner = runner
        self.clock = clock

    def validate(self, *, customer_no: str, name: str, amount: int | None, phone: str = "", email: str = "",
                 trx_type: str = CLOSED, expires_at: datetime | None = None) -> VaRequest:
        """The request ``create_va`` would send, or the first field that is wrong. The name is
        the one DOKU will take (``services.hosts.doku.client.va_name``: accents dropped, quotes made ASCII); the
        flow's quote shows it to the agent before anything is sent."""
        name, bad = va_name(name)
        if not name:
            raise UserInputError("name", QT_TRANSLATE_NOOP("errors", "Nama pelanggan wajib diisi."))
        if bad:
            raise UserInputError("name", templated(QT_TRANSLATE_NOOP(
                "errors", "Nama VA hanya boleh berisi huruf A-Z, angka, spasi dan . - / + , = _ : ' @ %. "
                          "Ganti atau hapus: {value}"), value=" ".join(bad)))
        if len(name) > 255:
            raise UserInputError("name", QT_TRANSLATE_NOOP("errors", "Nama pelanggan paling banyak 255 huruf."))
        customer_no = customer_no.strip()
        if not is_digits(customer_no) or len(customer_no) > 20:
            raise UserInputError("customer_no", QT_TRANSLATE_NOOP("errors", "Nomor pelanggan berupa angka, paling "
                                                                            "banyak 20 digit."))
        trx_type = trx_type.upper()
        if trx_type not in (CLOSED, OPEN):
            raise UserInputError("trx_type", QT_TRANSLATE_NOOP("errors", "Pilih jenis VA: tertutup (nominal tetap) "
                                                                         "atau terbuka."))
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0):
            raise UserInputError("amount", QT_TRANSLATE_NOOP("errors", "Nominal harus lebih dari nol."))
        if amount is not None and amount > VA_MAX_AMOUNT:
            raise UserInputError("amount", templated(QT_TRANSLATE_NOOP("errors", "Nominal paling banyak {maximum}."),
                                                     maximum=format_rupiah(VA_MAX_AMOUNT)))
        if trx_type == CLOSED and amount is None:
            raise UserInputError("amount", QT_TRANSLATE_NOOP("errors", "Nominal wajib diisi untuk VA tertutup."))
        email = email.strip()
        if email and (len(email) > 255 or not EMAIL.match(email)):
            raise UserInputError("email", QT_TRANSLATE_NOOP("errors", "Alamat email tidak valid."))
        if expires_at is not None and expires_at <= self.clock.now():
            raise UserInputError("expires_at", QT_TRANSLATE_NOOP("errors", "Batas waktu bayar harus setelah sekarang."))
        return VaRequest(
            customer_no=customer_no, name=name, trx_type=trx_type, amount=amount,
            expires_at=expires_at, phone=normalise_phone(phone) if phone.strip() else "", email=email,
        )

    def create_va(self, *, customer_no: str, name: str, amount: int | None, phone: str = "", email: str = "",
                  trx_type: str = CLOSED, expires_at: datetime | None = None,
                  confirm_duplicate: str | None = None) -> VaCreated:
        request = self.validate(customer_no=customer_no, name=name, amount=amount, phone=phone, email=email,
                                trx_type=trx_type, expires_at=expires_at)
        reference = self.runner.journal.next_reference()
        body = self.client.request_body(request, reference)
        executed = self.runner.execute(
            Payment(
                host=self.HOST, product=self.PRODUCT, product_group=self.PRODUCT_GROUP,
                amount=request.amount or 0, fee=0, request=body, reference=reference,
                customer_ref=body["virtualAccountNo"].replace(" ", ""), customer_name=request.name,
                confirmed_duplicate=confirm_duplicate,
            ),
            self._sender(body),
        )
        return VaCreated(executed.row, *executed.result)

    def retry(self, reference: str) -> VaCreated:
        """Send again a VA creation that provably never left (journal state NEW): the very
        same body, trxId and X-EXTERNAL-ID."""
        row = own_row(self.runner.journal, reference, self.HOST, self.PRODUCT)
        executed = self.runner.retry(reference, self._sender(row.request))
        return VaCreated(executed.row, *executed.result)

    def _sender(self, body: dict) -> Callable[[str], Outcome]:
        """Send ``body``; the result is (the VA, how DOKU's expiry differs from the one sent),
        the difference journaled with the SUCCESS."""
        def send(reference: str) -> Outcome:
            va, answer = self.client.create_va(body)
            change = expiry_change(va, self.clock.now())
            return Outcome(host_ref=va.number, response=answer, result=(va, change),
                           note=change.journal_note() if change else "")

        return send
