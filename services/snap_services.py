"""What the screens call for DOKU virtual accounts and BCA (issue 6). Qt-free.

``VirtualAccountService.create_va``  Buat Virtual Account (DOKU, BNI VA)
``BcaService.balance``               saldo rekening BCA agen
``BcaService.account_inquiry``       nama pemilik rekening tujuan, shown BEFORE a transfer
``BcaService.transfer``              transfer sesama BCA; takes the ``Account`` that inquiry
                                     returned, so a transfer cannot skip the name check the
                                     BCA guide asks for
``BcaService.interbank_inquiry``     nama pemilik rekening di bank lain, shown BEFORE paying
``BcaService.interbank_transfer``    transfer antarbank; takes the ``ExternalAccount`` that
                                     inquiry returned, like the intrabank transfer
``BcaService.transfer_status``       cek status (intra- or interbank); settles a SUSPECT
                                     transfer in the journal
``BcaService.statement``             mutasi rekening for a date range (at most 31 days)
``statement_rows`` / ``export_statement_csv``  the table and its CSV file

Every method blocks on the network: the UI runs them in its worker. Bad input is refused
with ``UserInputError(field, message)`` before anything is sent; host refusals arrive as
the typed errors of ``services.hosts.snap.codes``; transport trouble as NotSent/MaybeSent.

Money-moving calls (a transfer, and a VA creation, which is an order to collect money)
go through ``TransactionRunner``: journaled NEW before they leave, the journal reference
is the SNAP X-EXTERNAL-ID and the trxId / partnerReferenceNo, so a retry of the same
transaction carries the same numbers. Inquiries take a fresh ``Journal.next_reference()``
as their X-EXTERNAL-ID: unique within the day, across restarts.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Callable

from services.clock import WIB, Clock, format_wib
from services.errors import UserInputError
from services.hosts.bca import (
    BCA_BIC,
    INTERBANK_BANKS,
    REMARK_MAX,
    Account,
    Balance,
    BcaClient,
    ExternalAccount,
    Statement,
    Transfer,
    TransferStatus,
)
from services.hosts.doku_va import CLOSED, OPEN, DokuVaClient, VaRequest, VirtualAccount, va_name
from services.hosts.snap.amounts import format_sen
from services.hosts.snap.codes import SERVICE_TRANSFER_INTERBANK, SERVICE_TRANSFER_INTRABANK, TransactionNotFound
from services.journal import Journal, JournalRow, State
from services.money import format_rupiah
from services.transactions import Outcome, Payment, TransactionRunner
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.validation import is_digits

STATEMENT_MAX_DAYS = 31  # BCA / SNAP Bank Statement: "Rentang Waktu Maksimal 1 bulan"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# -- DOKU virtual accounts ------------------------------------------------------------
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
    PRODUCT_GROUP = "Perbankan"  # the group the counter and the reports show it under

    def __init__(self, client: DokuVaClient, runner: TransactionRunner, *, clock: Clock) -> None:
        self.client = client
        self.runner = runner
        self.clock = clock

    def validate(self, *, customer_no: str, name: str, amount: int | None, phone: str = "", email: str = "",
                 trx_type: str = CLOSED, expires_at: datetime | None = None) -> VaRequest:
        """The request ``create_va`` would send, or the first field that is wrong. The name is
        the one DOKU will take (``doku_va.va_name``: accents dropped, quotes made ASCII); the
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
        if trx_type == CLOSED and amount is None:
            raise UserInputError("amount", QT_TRANSLATE_NOOP("errors", "Nominal wajib diisi untuk VA tertutup."))
        email = email.strip()
        if email and (len(email) > 255 or not _EMAIL.match(email)):
            raise UserInputError("email", QT_TRANSLATE_NOOP("errors", "Alamat email tidak valid."))
        if expires_at is not None and expires_at <= self.clock.now():
            raise UserInputError("expires_at", QT_TRANSLATE_NOOP("errors", "Batas waktu bayar harus setelah "
                                                                           "sekarang."))
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
        row = _own_row(self.runner.journal, reference, self.HOST, self.PRODUCT)
        executed = self.runner.retry(reference, self._sender(row.request))
        return VaCreated(executed.row, executed.result)

    def _sender(self, body: dict) -> Callable[[str], Outcome]:
        def send(reference: str) -> Outcome:
            va, answer = self.client.create_va(body)
            return Outcome(host_ref=va.number, response=answer, result=va)

        return send


def _own_row(journal: Journal, reference: str, host: str, *products: str) -> JournalRow:
    try:
        row = journal.get(reference)
    except KeyError:
        raise UserInputError("reference", QT_TRANSLATE_NOOP("errors", "Nomor referensi tidak ada di "
                                                                      "jurnal.")) from None
    if row.host != host or row.product not in products:
        raise UserInputError("reference", QT_TRANSLATE_NOOP("errors", "Nomor referensi ini milik transaksi jenis "
                                                                      "lain."))
    return row


# -- BCA ------------------------------------------------------------------------------
@dataclass(frozen=True)
class TransferDone:
    row: JournalRow
    transfer: Transfer


@dataclass(frozen=True)
class StatusCheck:
    row: JournalRow  # after any resolution this check made
    status: TransferStatus


@dataclass(frozen=True)
class StatementRow:
    """One line of the mutasi table and of its CSV export."""

    when: str  # "21/11/2026 14:05 WIB"
    remark: str
    type: str  # "CR" | "DB"
    amount_sen: int
    balance_sen: int | None  # running balance when BCA gave the starting balance
    transaction_id: str


def _account_no(value: str, field: str) -> str:
    digits = value.replace(" ", "").replace("-", "")
    if not is_digits(digits) or len(digits) != 10:
        raise UserInputError(field, QT_TRANSLATE_NOOP("errors", "Nomor rekening BCA terdiri dari 10 angka."))
    return digits


class BcaService:
    HOST = "bca"
    PRODUCT = "bca_transfer_intrabank"
    PRODUCT_GROUP = "Perbankan"

    def __init__(self, client: BcaClient, runner: TransactionRunner, *, clock: Clock,
                 transfer_limits: tuple[int, int] = (10_000, 25_000_000),
                 not_found_grace_seconds: float = 120.0) -> None:
        self.client = client
        self.runner = runner
        self.clock = clock
        self.transfer_limits = transfer_limits
        # As in services.resolution: "not found" right after a lost answer may be a transfer
        # still on its way; calling it FAILED then would let the agent pay it again.
        self.not_found_grace_seconds = not_found_grace_seconds

    @property
    def journal(self) -> Journal:
        return self.runner.journal

    def balance(self) -> Balance:
        return self.client.balance(external_id=self.journal.next_reference())

    def account_inquiry(self, account_no: str) -> Account:
        number = _account_no(account_no, "account_no")
        if number == self.client.account_no:
            raise UserInputError("account_no", QT_TRANSLATE_NOOP("errors", "Itu rekening agen sendiri. Masukkan "
                                                                           "rekening tujuan."))
        return self.client.account_inquiry(number, external_id=self.journal.next_reference())

    def transfer(self, beneficiary: Account, amount: int, *, remark: str = "", email: str = "",
                 confirm_duplicate: str | None = None, sender: dict[str, str] | None = None) -> TransferDone:
        """Transfer ``amount`` rupiah to the account ``account_inquiry`` confirmed; ``sender``:
        who handed over the cash (``services.sender``), journaled with the row."""
        low, high = self.transfer_limits
        if isinstance(amount, bool) or not isinstance(amount, int) or not low <= amount <= high:
            raise UserInputError("amount", templated(QT_TRANSLATE_NOOP("errors", "Nominal transfer antara {low} dan "
                                                                                 "{high}."), low=format_rupiah(low), high=format_rupiah(high)))
        remark = " ".join(remark.split())
        if len(remark) > REMARK_MAX:
            raise UserInputError("remark", templated(QT_TRANSLATE_NOOP("errors", "Berita transfer paling banyak "
                                                                                 "{REMARK_MAX} huruf."), REMARK_MAX=REMARK_MAX))
        if email and not _EMAIL.match(email.strip()):
            raise UserInputError("email", QT_TRANSLATE_NOOP("errors", "Alamat email tidak valid."))
        reference = self.journal.next_reference()
        body = self.client.transfer_body(reference=reference, beneficiary=beneficiary, amount=amount,
                                         remark=remark, email=email.strip(), transaction_date=self.clock.now())
        executed = self.runner.execute(
            Payment(
                host=self.HOST, product=self.PRODUCT, product_group=self.PRODUCT_GROUP, amount=amount, fee=0,
                request=body, reference=reference, customer_ref=beneficiary.account_no,
                customer_name=beneficiary.name, confirmed_duplicate=confirm_duplicate, approval=sender,
            ),
            self._sender(self.client.transfer, body, beneficiary),
        )
        return TransferDone(executed.row, executed.result)

    def retry_transfer(self, reference: str) -> TransferDone:
        """Send again a transfer that provably never left (journal state NEW): the same body,
        partnerReferenceNo and X-EXTERNAL-ID, so BCA can never book it twice."""
        row = _own_row(self.journal, reference, self.HOST, self.PRODUCT)
        beneficiary = Account(row.customer_ref, row.customer_name, "", "")
        executed = self.runner.retry(reference, self._sender(self.client.transfer, row.request, beneficiary))
        return TransferDone(executed.row, executed.result)

    @staticmethod
    def _sender(call: Callable[[dict, Any], tuple[Any, dict]], body: dict,
                beneficiary: Account | ExternalAccount) -> Callable[[str], Outcome]:
        """Send ``body`` through ``call`` (the client's intrabank or interbank transfer): the
        body journaled is the body sent, on a retry too."""
        def send(reference: str) -> Outcome:
            transfer, answer = call(body, beneficiary)
            return Outcome(host_ref=transfer.reference_no, response=answer, result=transfer)

        return send

    # -- interbank (BCA SNAP services 16 and 18; wire format in services/hosts/bca.py) ----
    PRODUCT_INTERBANK = "bca_transfer_interbank"

    def interbank_inquiry(self, bank_code: str, account_no: str) -> ExternalAccount:
        """Who holds ``account_no`` at ``bank_code`` (a BIC of ``INTERBANK_BANKS``)."""
        bank_code = (bank_code or "").strip().upper()
        if bank_code == BCA_BIC:
            raise UserInputError("bank_code", QT_TRANSLATE_NOOP("errors", "Rekening BCA: pakai transfer sesama BCA."))
        if bank_code not in INTERBANK_BANKS:
            raise UserInputError("bank_code", QT_TRANSLATE_NOOP("errors", "Pilih bank tujuan dari daftar."))
        number = (account_no or "").replace(" ", "").replace("-", "")
        if not is_digits(number) or not 6 <= len(number) <= 20:
            raise UserInputError("account_no", QT_TRANSLATE_NOOP("errors", "Nomor rekening tujuan 6-20 angka."))
        return self.client.account_inquiry_external(bank_code, number, external_id=self.journal.next_reference())

    def interbank_transfer(self, beneficiary: ExternalAccount, amount: int, *, email: str = "",
                           reference: str | None = None, confirm_duplicate: str | None = None,
                           sender: dict[str, str] | None = None) -> TransferDone:
        """Transfer ``amount`` rupiah to the account ``interbank_inquiry`` confirmed; journaled
        before it leaves, the journal reference is partnerReferenceNo and X-EXTERNAL-ID.

        ``reference`` only to send again a transfer that provably never left (its row is NEW,
        ``services.flows.others.BcaInterbankFlow`` hands it back after a NotSent): the row's
        own body goes out unchanged (the same partnerReferenceNo and transactionDate), so BCA
        can never book it twice."""
        low, high = self.transfer_limits
        if isinstance(amount, bool) or not isinstance(amount, int) or not low <= amount <= high:
            raise UserInputError("amount", templated(QT_TRANSLATE_NOOP("errors", "Nominal transfer antara {low} dan "
                                                                                 "{high}."), low=format_rupiah(low), high=format_rupiah(high)))
        if email and not _EMAIL.match(email.strip()):
            raise UserInputError("email", QT_TRANSLATE_NOOP("errors", "Alamat email tidak valid."))
        if reference:
            row = _own_row(self.journal, reference, self.HOST, self.PRODUCT_INTERBANK)
            if (row.customer_ref, row.amount) != (beneficiary.account_no, amount):
                raise ValueError(f"{reference} is a transfer of {row.amount} to {row.customer_ref}, not this one")
            executed = self.runner.retry(reference, self._sender(self.client.interbank_transfer, row.request,
                                                                         beneficiary))
            return TransferDone(executed.row, executed.result)
        reference = self.journal.next_reference()
        body = self.client.interbank_transfer_body(reference=reference, beneficiary=beneficiary, amount=amount,
                                                   email=email.strip(), transaction_date=self.clock.now())
        executed = self.runner.execute(
            Payment(
                host=self.HOST, product=self.PRODUCT_INTERBANK, product_group=self.PRODUCT_GROUP, amount=amount,
                fee=0, request=body, reference=reference, customer_ref=beneficiary.account_no,
                customer_name=beneficiary.name, confirmed_duplicate=confirm_duplicate, approval=sender,
            ),
            self._sender(self.client.interbank_transfer, body, beneficiary),
        )
        return TransferDone(executed.row, executed.result)

    def transfer_status(self, reference: str) -> StatusCheck:
        """Ask BCA about transfer ``reference``, intrabank or interbank (the inquiry names the
        original's service code, 17 or 18); a SUSPECT row becomes SUCCESS or FAILED when
        BCA's answer is final (still pending: it stays SUSPECT). "Not found" is final once
        the row has been SUSPECT for ``not_found_grace_seconds``; before that it stays
        SUSPECT (a transfer still travelling could be booked after we called it failed)."""
        row = _own_row(self.journal, reference, self.HOST, self.PRODUCT, self.PRODUCT_INTERBANK)
        interbank = row.product == self.PRODUCT_INTERBANK
        service_code = SERVICE_TRANSFER_INTERBANK if interbank else SERVICE_TRANSFER_INTRABANK
        try:
            status, answer = self.client.transfer_status(
                reference=reference, transaction_date=row.request["transactionDate"], reference_no=row.host_ref,
                external_id=self.journal.next_reference(), service_code=service_code,
            )
        except TransactionNotFound as exc:
            status, answer = TransferStatus(reference, row.host_ref, "07", exc.host_message or "Not Found", None), {}
        too_early = (status.status == "07" and (self.journal.clock.now() - datetime.fromisoformat(row.updated_at))
                     .total_seconds() < self.not_found_grace_seconds)
        settle = row.state is State.SUSPECT and not too_early
        if settle and status.succeeded:
            row = self.journal.transition(reference, State.SUCCESS, actor="system", reason="dikonfirmasi cek status BCA",
                                          host_ref=status.reference_no or row.host_ref, response=answer)
        elif settle and status.failed:
            row = self.journal.transition(reference, State.FAILED, actor="system", reason="cek status BCA: gagal",
                                          error_code=status.status, error_message=status.description)
        return StatusCheck(row, status)

    def statement(self, from_date: date, to_date: date) -> Statement:
        today = self.clock.now().date()
        if from_date > to_date:
            raise UserInputError("from_date", QT_TRANSLATE_NOOP("errors", "Tanggal awal harus sebelum tanggal "
                                                                          "akhir."))
        if to_date > today:
            raise UserInputError("to_date", QT_TRANSLATE_NOOP("errors", "Tanggal akhir tidak boleh setelah hari "
                                                                        "ini."))
        if (to_date - from_date).days + 1 > STATEMENT_MAX_DAYS:
            raise UserInputError("to_date", templated(QT_TRANSLATE_NOOP("errors", "Rentang mutasi paling lama "
                                                                                  "{STATEMENT_MAX_DAYS} hari."), STATEMENT_MAX_DAYS=STATEMENT_MAX_DAYS))
        start = datetime.combine(from_date, time(0, 0, 0), WIB)
        end = min(datetime.combine(to_date, time(23, 59, 59), WIB), self.clock.now())
        return self.client.statement(start, end, external_id=self.journal.next_reference())


def statement_rows(statement: Statement) -> list[StatementRow]:
    balance = statement.starting_balance_sen
    rows = []
    for line in statement.lines:
        if balance is not None:
            balance += line.signed_sen
        try:
            when = format_wib(datetime.fromisoformat(line.transaction_date))
        except ValueError:
            when = line.transaction_date
        rows.append(StatementRow(when, line.remark, "CR" if line.type == "CREDIT" else "DB", line.amount_sen,
                                 balance, line.transaction_id))
    return rows


def export_statement_csv(statement: Statement, path: Path | str) -> Path:
    """Write the mutasi as CSV: UTF-8 with a BOM (so Excel on Windows reads it as UTF-8),
    comma-separated, amounts as plain decimals ("150000.00") that any spreadsheet parses."""
    target = Path(path)
    with target.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Rekening", statement.account_no, "Dari", statement.from_datetime, "Sampai", statement.to_datetime])
        out.writerow(["Tanggal", "Keterangan", "Jenis", "Jumlah", "Saldo", "ID Transaksi"])
        for row in statement_rows(statement):
            out.writerow([row.when, row.remark, row.type, format_sen(row.amount_sen),
                          "" if row.balance_sen is None else format_sen(row.balance_sen), row.transaction_id])
    return target

