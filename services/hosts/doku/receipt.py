"""What a DOKU BNI virtual account adds to its receipt: its kind, its amount rule, its
expiry and how the customer pays it."""

from __future__ import annotations

from datetime import datetime

from services.clock import format_wib
from services.hosts.doku.service import VirtualAccountService
from services.journal import JournalRow
from services.receipts.products import ProductReceipt, path_value, present, register_product

VA_TYPES = {"C": "Tertutup (nominal tetap)", "O": "Terbuka (nominal bebas)"}
VA_HOW_TO_PAY = "ATM, mobile banking atau teller BNI; bank lain: kode 009"


def group_digits(number: str) -> str:
    """A long number in groups of four, as the customer copies it into an ATM."""
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4)) if number.isdigit() else number


def _va_lines(row: JournalRow) -> list[tuple[str, str]]:
    kind = path_value(row, "request.virtualAccountTrxType").upper()
    expiry = path_value(row, "payment.virtualAccountData.expiredDate") or path_value(row, "request.expiredDate")
    try:
        expiry = format_wib(datetime.fromisoformat(expiry)) if expiry else ""
    except ValueError:
        pass  # shown as the host wrote it
    return present(
        ("Jenis VA", VA_TYPES.get(kind, kind)),
        ("Nominal bayar", "Bebas" if kind == "O" or not row.amount else ""),
        ("Berlaku sampai", expiry),
        ("Cara bayar", VA_HOW_TO_PAY),
    )



def register() -> None:
    """A created virtual account: its number grouped as the customer copies it."""
    register_product(VirtualAccountService.HOST, VirtualAccountService.PRODUCT, ProductReceipt(
        title="Virtual Account BNI", customer_ref_label="No. VA", customer_name_label="Nama",
        amount_label="Nominal Tagihan", lines=_va_lines, ref_text=group_digits))
