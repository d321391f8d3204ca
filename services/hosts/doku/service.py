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
from datetime import datetime
from typing import Callable

from services.clock import Clock
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


@dataclass(frozen=True)
class VaCreated:
    row: JournalRow  # the journal row (reference, state SUCCESS) for the receipt
    va: VirtualAccount  # number, amount, expiry and how-to-pay links to show and print


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
        return VaCreated(executed.row, executed.result)

    def retry(self, reference: str) -> VaCreated:
        """Send again a VA creation that provably never left (journal state NEW): the very
        same body, trxId and X-EXTERNAL-ID."""
        row = own_row(self.runner.journal, reference, self.HOST, self.PRODUCT)
        executed = self.runner.retry(reference, self._sender(row.request))
        return VaCreated(executed.row, executed.result)

    def _sender(self, body: dict) -> Callable[[str], Outcome]:
        def send(reference: str) -> Outcome:
            va, answer = self.client.create_va(body)
            return Outcome(host_ref=va.number, response=answer, result=va)

        return send
