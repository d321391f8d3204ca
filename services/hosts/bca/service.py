"""What the screens call for BCA. Qt-free.

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

Money-moving calls (a transfer) go through ``TransactionRunner``: journaled NEW before they leave, the journal reference
is the SNAP X-EXTERNAL-ID and the partnerReferenceNo, so a retry of the same
transaction carries the same numbers. Inquiries take a fresh ``Journal.next_reference()``
as their X-EXTERNAL-ID: unique within the day, across restarts.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Callable

from services.clock import WIB, Clock
from services.errors import TransportError, UserInputError
from services.formats import format_moment
from services.hosts.bca.client import (
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
from services.hosts.bca.status import ask_bca, status_answer
from services.hosts.rows import own_row
from services.hosts.snap.amounts import format_sen
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal, JournalRow, State
from services.limits import AmountRange
from services.money import format_rupiah
from services.product_groups import BANKING
from services.resolution import CheckUnanswered, SuspectResolver
from services.transactions import Outcome, Payment, TransactionRunner
from services.validation import EMAIL, is_digits

TRANSFER_LIMITS = AmountRange(10_000, 25_000_000)  # rupiah, intrabank and interbank
STATEMENT_MAX_DAYS = 31  # BCA / SNAP Bank Statement: "Rentang Waktu Maksimal 1 bulan"


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
    PRODUCT_GROUP = BANKING

    def __init__(self, client: BcaClient, runner: TransactionRunner, *, clock: Clock,
                 transfer_limits: AmountRange = TRANSFER_LIMITS,
                 resolver: SuspectResolver | None = None, not_found_grace_seconds: float = 120.0) -> None:
        """``resolver``: the counter's, whose lock the work-list's timer holds while it asks
        BCA too. Without one (a service on its own) its own, with ``not_found_grace_seconds``."""
        self.client = client
        self.runner = runner
        self.clock = clock
        self.transfer_limits = transfer_limits
        self._resolver = resolver
        self._grace = not_found_grace_seconds

    @property
    def resolver(self) -> SuspectResolver:
        if self._resolver is None:
            self._resolver = SuspectResolver(self.journal, not_found_grace_seconds=self._grace)
        return self._resolver

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
        low, high = self.transfer_limits.minimum, self.transfer_limits.maximum
        if isinstance(amount, bool) or not isinstance(amount, int) or not low <= amount <= high:
            raise UserInputError("amount", templated(QT_TRANSLATE_NOOP("errors",
                                                                       "Nominal transfer antara {low} dan {high}."),
                                                     low=format_rupiah(low), high=format_rupiah(high)))
        remark = " ".join(remark.split())
        if len(remark) > REMARK_MAX:
            raise UserInputError("remark", templated(QT_TRANSLATE_NOOP("errors", "Berita transfer paling banyak "
                                                                                 "{REMARK_MAX} huruf."),
                                                     REMARK_MAX=REMARK_MAX))
        if email and not EMAIL.match(email.strip()):
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
        row = own_row(self.journal, reference, self.HOST, self.PRODUCT)
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

    # -- interbank (BCA SNAP services 16 and 18; wire format in services/hosts/bca/client.py) ----
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
        low, high = self.transfer_limits.minimum, self.transfer_limits.maximum
        if isinstance(amount, bool) or not isinstance(amount, int) or not low <= amount <= high:
            raise UserInputError("amount", templated(QT_TRANSLATE_NOOP("errors",
                                                                       "Nominal transfer antara {low} dan {high}."),
                                                     low=format_rupiah(low), high=format_rupiah(high)))
        if email and not EMAIL.match(email.strip()):
            raise UserInputError("email", QT_TRANSLATE_NOOP("errors", "Alamat email tidak valid."))
        if reference:
            row = own_row(self.journal, reference, self.HOST, self.PRODUCT_INTERBANK)
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
        """Ask BCA about transfer ``reference``, intrabank or interbank, and show what it
        says; a SUCCESS row BCA reports sent back (04) becomes REVERSED
        (``SuspectResolver.settle_refund``); a SUSPECT row is settled on the answer by the resolver's rules
        (``SuspectResolver.settle_answer``: "not found" only past its grace period, nothing
        while BCA is still processing, nothing twice when the work-list's timer asked too)."""
        row = own_row(self.journal, reference, self.HOST, self.PRODUCT, self.PRODUCT_INTERBANK)
        try:
            status, answer = ask_bca(self.client, self.journal, row)
        except TransportError as exc:
            if row.state in (State.SUSPECT, State.SUCCESS):  # its state and the check's words, not a read's
                raise CheckUnanswered(row, exc) from exc
            raise
        if row.state is State.SUSPECT:
            heard = status_answer(row, status, answer)
            if heard is not None:
                self.resolver.settle_answer(reference, heard)
                row = self.journal.get(reference)
        elif row.state is State.SUCCESS and status.refunded:
            # booked, then sent back: no report may keep counting it as collected
            heard = status_answer(row, status, answer)
            if heard is not None:
                self.resolver.settle_refund(reference, heard)
                row = self.journal.get(reference)
        return StatusCheck(row, status)

    def statement(self, from_date: date, to_date: date) -> Statement:
        today = self.clock.now().date()
        if from_date > to_date:
            raise UserInputError("from_date", QT_TRANSLATE_NOOP("errors", "Tanggal awal harus sebelum tanggal akhir."))
        if to_date > today:
            raise UserInputError("to_date", QT_TRANSLATE_NOOP("errors", "Tanggal akhir tidak boleh setelah hari ini."))
        if (to_date - from_date).days + 1 > STATEMENT_MAX_DAYS:
            raise UserInputError("to_date", templated(QT_TRANSLATE_NOOP("errors", "Rentang mutasi paling lama "
                                                                                  "{STATEMENT_MAX_DAYS} hari."),
                                                      STATEMENT_MAX_DAYS=STATEMENT_MAX_DAYS))
        start = datetime.combine(from_date, time(0, 0, 0), WIB)
        end = min(datetime.combine(to_date, time(23, 59, 59), WIB), self.clock.now())
        return self.client.statement(start, end, external_id=self.journal.next_reference())


def statement_rows(statement: Statement) -> list[StatementRow]:
    balance = statement.starting_balance_sen
    rows = []
    for line in statement.lines:
        if balance is not None:
            balance += line.signed_sen
        kind = "CR" if line.type == "CREDIT" else "DB"
        rows.append(StatementRow(format_moment(line.transaction_date), line.remark, kind, line.amount_sen, balance,
                                 line.transaction_id))
    return rows


def export_statement_csv(statement: Statement, path: Path | str) -> Path:
    """Write the mutasi as CSV: UTF-8 with a BOM (so Excel on Windows reads it as UTF-8),
    comma-separated, amounts as plain decimals ("150000.00") that any spreadsheet parses."""
    target = Path(path)
    with target.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Rekening", statement.account_no, "Dari", statement.from_datetime,
                      "Sampai", statement.to_datetime])
        out.writerow(["Tanggal", "Keterangan", "Jenis", "Jumlah", "Saldo", "ID Transaksi"])
        for row in statement_rows(statement):
            out.writerow([row.when, row.remark, row.type, format_sen(row.amount_sen),
                          "" if row.balance_sen is None else format_sen(row.balance_sen), row.transaction_id])
    return target

