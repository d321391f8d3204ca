"""What BCA's transfers add to their receipts: BCA's own reference and status, the
beneficiary bank of an interbank transfer, and the money BCA sent back (04 Refunded)."""

from __future__ import annotations

from services.formats import bank_text, format_moment, format_money
from services.hosts.bca.client import REFUNDED_STATUS
from services.hosts.bca.service import BcaService
from services.hosts.snap.amounts import amount_rupiah
from services.journal import JournalRow, State
from services.money import MoneyError
from services.receipts.products import (
    ProductReceipt,
    Returned,
    path_lines,
    path_value,
    present,
    register_product,
)

_STATUS = path_lines((("Status BCA", "payment.transactionStatusDesc"),))
_INTRABANK = path_lines((("Berita", "request.remark"), ("No. Ref. BCA", "payment.referenceNo"),
                         ("Status BCA", "payment.transactionStatusDesc")))


def returned(row: JournalRow) -> Returned | None:
    """A transfer settled FAILED on BCA's status 04 "Refunded" (the answer the row keeps):
    booked, then sent back. The amount is the answer's, where it states one (the client held
    it to the amount sent); BCA names no refund time, so the time is when the status check
    heard it, the moment the row was settled (a FAILED row changes no more)."""
    answer = row.response or {}
    if row.state is not State.FAILED or str(answer.get("latestTransactionStatus", "")) != REFUNDED_STATUS:
        return None
    try:
        amount: int | None = amount_rupiah(answer["amount"]) if answer.get("amount") else None
    except (MoneyError, ValueError, TypeError, ArithmeticError):
        amount = None
    return Returned(amount=amount, reported_at=row.updated_at)


def _returned_lines(row: JournalRow) -> list[tuple[str, str]]:
    back = returned(row)
    if back is None:
        return []
    # Short enough for 58 mm paper; the footer says where it went (RETURNED_FOOTER).
    amount = format_money(back.amount) if back.amount is not None else "tidak disebut"
    return [("Dana kembali", amount), ("Dilaporkan", format_moment(back.reported_at))]


def _intrabank_lines(row: JournalRow) -> list[tuple[str, str]]:
    return _INTRABANK(row) + _returned_lines(row)


def _interbank_lines(row: JournalRow) -> list[tuple[str, str]]:
    """The beneficiary's bank in one line, name and code ("BANK BRI (BRINIDJA)"), as the
    Bank+ and Switcher transfers print it, not as two lines a customer reads as two banks."""
    bank = bank_text(path_value(row, "request.beneficiaryBankCode"), path_value(row, "request.beneficiaryBankName"))
    return present(("Bank Tujuan", bank)) + _STATUS(row) + _returned_lines(row)


def register() -> None:
    """BCA's intrabank and interbank transfers."""
    register_product(BcaService.HOST, BcaService.PRODUCT, ProductReceipt(
        title="Transfer BCA", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer",
        # A transfer settled by a status check keeps that answer: BCA's own word on it.
        lines=_intrabank_lines, returned=returned))
    register_product(BcaService.HOST, BcaService.PRODUCT_INTERBANK, ProductReceipt(
        title="Transfer Antar Bank via BCA", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer",
        lines=_interbank_lines, returned=returned))
