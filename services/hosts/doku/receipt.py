"""What a DOKU BNI virtual account adds to its receipt: its kind, its amount rule, its
expiry and how the customer pays it."""

from __future__ import annotations

from services.formats import format_moment, format_money
from services.hosts.doku.service import VirtualAccountService
from services.journal import JournalRow
from services.receipts.products import ProductReceipt, path_value, present, register_product

# The document's virtualAccountTrxType: "C : closed payment", "O : open payment".
VA_TYPES = {"C": "Tertutup (nominal tetap)", "O": "Terbuka (nominal bebas)"}
# What the customer does with the number, where (BNI's channels for a BNI VA; another bank
# reaches it as an interbank transfer to BNI, bank code 009).
VA_HOW_TO_PAY = (
    ("Bayar di", "ATM, m-banking, teller BNI"),
    ("Menu BNI", "Virtual Account Billing"),
    ("Dari bank lain", "transfer ke nomor VA, bank BNI (009)"),
)


def group_digits(number: str) -> str:
    """A long number in groups of four, as the customer copies it into an ATM."""
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4)) if number.isdigit() else number


def _va_lines(row: JournalRow) -> list[tuple[str, str]]:
    kind = path_value(row, "request.virtualAccountTrxType").upper()
    expiry = path_value(row, "payment.virtualAccountData.expiredDate") or path_value(row, "request.expiredDate")
    closed = kind != "O" and row.amount > 0
    return present(
        ("Jenis VA", VA_TYPES.get(kind, kind)),
        ("Bayar tepat", format_money(row.amount) if closed else ""),
        ("Nominal bayar", "" if closed else "Bebas"),
        ("Berlaku sampai", format_moment(expiry) if expiry else ""),
        *VA_HOW_TO_PAY,
        ("Petunjuk", path_value(row, "payment.virtualAccountData.howToPayInfo.howToPayPage")),
    )



def register() -> None:
    """A created virtual account: its number grouped as the customer copies it."""
    register_product(VirtualAccountService.HOST, VirtualAccountService.PRODUCT, ProductReceipt(
        title="Virtual Account BNI", customer_ref_label="No. VA", customer_name_label="Nama",
        amount_label="Nominal Tagihan", lines=_va_lines, ref_text=group_digits))
