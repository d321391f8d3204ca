"""What BCA's transfers add to their receipts: BCA's own reference and status, the
beneficiary bank of an interbank transfer."""

from __future__ import annotations

from services.formats import bank_text
from services.hosts.bca.service import BcaService
from services.journal import JournalRow
from services.receipts.products import ProductReceipt, path_lines, path_value, present, register_product

_STATUS = path_lines((("Status BCA", "payment.transactionStatusDesc"),))


def _interbank_lines(row: JournalRow) -> list[tuple[str, str]]:
    """The beneficiary's bank in one line, name and code ("BANK BRI (BRINIDJA)"), as the
    Bank+ and Switcher transfers print it, not as two lines a customer reads as two banks."""
    bank = bank_text(path_value(row, "request.beneficiaryBankCode"), path_value(row, "request.beneficiaryBankName"))
    return present(("Bank Tujuan", bank)) + _STATUS(row)


def register() -> None:
    """BCA's intrabank and interbank transfers."""
    register_product(BcaService.HOST, BcaService.PRODUCT, ProductReceipt(
        title="Transfer BCA", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer",
        # A transfer settled by a status check keeps that answer: BCA's own word on it.
        lines=path_lines((("Berita", "request.remark"), ("No. Ref. BCA", "payment.referenceNo"),
                          ("Status BCA", "payment.transactionStatusDesc")))))
    register_product(BcaService.HOST, BcaService.PRODUCT_INTERBANK, ProductReceipt(
        title="Transfer Antar Bank via BCA", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer",
        lines=_interbank_lines))
