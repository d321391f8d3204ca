"""What the Switcher's transfer and reversal add to their receipts: the numbers of the
document's answer, the link of a reversal to its transfer."""

from __future__ import annotations

from services.hosts.switcher.service import HOST as SWITCHER
from services.hosts.switcher.service import PRODUCTS as SWITCHER_PRODUCTS
from services.hosts.switcher.service import REVERSAL, TRANSFER
from services.receipts.products import ProductReceipt, bank_line, path_lines, register_product


def register() -> None:
    """The transfer and the reversal, named as the Switcher's service names them."""
    register_product(SWITCHER, TRANSFER, ProductReceipt(
        title=SWITCHER_PRODUCTS[TRANSFER], customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer", shown=bank_line,
        lines=path_lines((("Bank Tujuan", "payment.data.beneficiaryBank"), ("No. Jurnal", "payment.data.journal"),
                          ("Berita", "request.remark")))))
    register_product(SWITCHER, REVERSAL, ProductReceipt(
        title=SWITCHER_PRODUCTS[REVERSAL], customer_ref_label="Rek. Tujuan", amount_label="Jumlah Dikembalikan",
        total_label="TOTAL DIKEMBALIKAN",
        lines=path_lines((("Ref. Asal", "request.refnumTarget"), ("No. Jurnal Asal", "request.journal"),
                          ("No. Jurnal", "payment.data.journal")))))
