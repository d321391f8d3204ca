"""What BCA's transfers add to their receipts: BCA's own reference and status, the
beneficiary bank of an interbank transfer."""

from __future__ import annotations

from services.hosts.bca.service import BcaService
from services.receipts.products import ProductReceipt, path_lines, register_product


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
        lines=path_lines((("Bank Tujuan", "request.beneficiaryBankName"),
                          ("Kode Bank", "request.beneficiaryBankCode"),
                          ("Status BCA", "payment.transactionStatusDesc")))))
