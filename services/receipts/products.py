"""What each product adds to its receipt: a title, the customer labels, extra lines.

A host's products register a ``ProductReceipt`` under ``(host, product)``; a product that
registers nothing still prints, titled after its name. The Bank+ products are registered
here because their answers (``bankplus-api.txt``) are the first the app handles; a new host
registers its own from its product module with ``register_product``.

Extra lines read the journal row's redacted request and response, by the documents' field
names, and leave a line out when the field is absent: a receipt never shows an empty value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from services.journal import JournalRow
from services.money import MoneyError, format_rupiah, parse_rupiah

Lines = Callable[[JournalRow], list[tuple[str, str]]]


def no_lines(row: JournalRow) -> list[tuple[str, str]]:
    return []


@dataclass(frozen=True)
class ProductReceipt:
    title: str
    customer_ref_label: str = "No. Pelanggan"
    customer_name_label: str = "Nama"
    amount_label: str = "Nominal"
    # False for inquiries that move no money (a balance check): only the fee is shown.
    shows_amount: bool = True
    lines: Lines = field(default=no_lines)


_REGISTRY: dict[tuple[str, str], ProductReceipt] = {}


def register_product(host: str, product: str, spec: ProductReceipt) -> None:
    _REGISTRY[(host, product)] = spec


def product_receipt(host: str, product: str) -> ProductReceipt:
    """The registered spec, or a plain one titled after the product's name."""
    return _REGISTRY.get((host, product)) or ProductReceipt(title=product.replace("_", " ").title())


# -- reading the row ------------------------------------------------------------------
def response_data(row: JournalRow) -> dict[str, Any]:
    data = (row.response or {}).get("data")
    return data if isinstance(data, dict) else {}


def first(row: JournalRow, *keys: str) -> str:
    """The first non-empty value under ``keys``, looked up in the answer, then the request."""
    for source in (response_data(row), row.request or {}):
        for key in keys:
            value = source.get(key)
            if value not in (None, ""):
                return str(value)
    return ""


def present(*pairs: tuple[str, str]) -> list[tuple[str, str]]:
    return [(label, value) for label, value in pairs if value]


def mask_id(number: str) -> str:
    """A national ID (NIK) on paper shows its first six and last four digits only.

    Decision: the documents print the KTP number in the open-account answer, but a receipt
    leaves the counter with the customer and may be lost; a partial number still lets the
    customer recognise it.
    """
    if len(number) <= 10:
        return number
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def rupiah_text(value: str) -> str:
    """A host amount as ``Rp 1.234``; shown as sent when it carries sen or does not parse."""
    try:
        return format_rupiah(parse_rupiah(value))
    except MoneyError:
        return value


def path_lines(pairs: tuple[tuple[str, str], ...]) -> Lines:
    """Lines from (label, dotted path) pairs, the form product specs declare them in.

    A path starts with ``request`` (what was sent) or ``payment`` (the host's answer), the
    two parts of a transaction the journal keeps: ``("Nama", "payment.data.customerName")``.
    A path into anything else, or to nothing, gives no line.
    """

    def lines(row: JournalRow) -> list[tuple[str, str]]:
        roots: dict[str, Any] = {"request": row.request or {}, "payment": row.response or {}}
        out = []
        for label, path in pairs:
            value: Any = roots
            for key in path.split("."):
                value = value.get(key) if isinstance(value, dict) else None
            if value not in (None, "") and not isinstance(value, (dict, list)):
                out.append((label, str(value)))
        return out

    return lines


# -- Bank+ (bankplus-api.txt, "Transaction") ---------------------------------------------
def _deposit_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(("Bank", first(row, "bank_code")), ("Berita", first(row, "narration")))


def _intrabank_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(("Bank Tujuan", first(row, "bank_code")))


def _interbank_lines(row: JournalRow) -> list[tuple[str, str]]:
    name, code = first(row, "bank_name"), first(row, "bank_code")
    bank = f"{name} ({code})" if name and code else name or code
    return present(("Bank Tujuan", bank), ("ID Transaksi", first(row, "transaction_id")))


def _open_account_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(
        ("No. Rek. Baru", first(row, "account_number_customer")),
        ("NIK", mask_id(first(row, "national_id", "ktp"))),
        ("No. HP", first(row, "phone_mobile", "hp")),
        ("Bank", first(row, "bank_code")),
    )


def _balance_lines(row: JournalRow) -> list[tuple[str, str]]:
    balance = first(row, "account_balance")
    return present(("Bank", first(row, "bank_code")), ("Saldo", rupiah_text(balance) if balance else ""))


register_product("bankplus", "deposit", ProductReceipt(
    title="Setor Tunai", customer_ref_label="No. Rekening", amount_label="Jumlah Setor", lines=_deposit_lines))
register_product("bankplus", "intrabank_transfer", ProductReceipt(
    title="Transfer Sesama Bank", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
    amount_label="Jumlah Transfer", lines=_intrabank_lines))
register_product("bankplus", "interbank_transfer", ProductReceipt(
    title="Transfer Antar Bank", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
    amount_label="Jumlah Transfer", lines=_interbank_lines))
register_product("bankplus", "open_account", ProductReceipt(
    title="Pembukaan Rekening", customer_ref_label="No. Rekening", customer_name_label="Nama Nasabah",
    amount_label="Setoran Awal", lines=_open_account_lines))
register_product("bankplus", "customer_balance", ProductReceipt(
    title="Informasi Saldo", customer_ref_label="No. Rekening", shows_amount=False, lines=_balance_lines))


# -- the other hosts: their product modules name them; their lines read their wire fields ----
def _register_other_hosts() -> None:
    """BNI Keagenan products print their catalogue spec's name and receipt lines; the
    Switcher, DOKU VA and BCA transfer their own names and numbers (the journal keeps the
    request and answer under the documents' field names)."""
    from services.products import default_catalogue
    from services.snap_services import BcaService, VirtualAccountService
    from services.switching import HOST as SWITCHER, PRODUCTS as SWITCHER_PRODUCTS, REVERSAL, TRANSFER

    for spec in default_catalogue():
        register_product("keagenan", spec.id, ProductReceipt(
            title=spec.name, customer_ref_label="No. Pelanggan", amount_label="Tagihan",
            lines=path_lines(spec.receipt)))
    register_product(SWITCHER, TRANSFER, ProductReceipt(
        title=SWITCHER_PRODUCTS[TRANSFER], customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer",
        lines=path_lines((("Bank Tujuan", "request.bank"), ("No. Jurnal", "payment.data.journal"),
                          ("Berita", "request.remark")))))
    register_product(SWITCHER, REVERSAL, ProductReceipt(
        title=SWITCHER_PRODUCTS[REVERSAL], customer_ref_label="Rek. Tujuan", amount_label="Jumlah Dikembalikan",
        lines=path_lines((("Ref. Asal", "request.refnumTarget"), ("No. Jurnal Asal", "request.journal"),
                          ("No. Jurnal", "payment.data.journal")))))
    register_product(VirtualAccountService.HOST, VirtualAccountService.PRODUCT, ProductReceipt(
        title="Virtual Account BNI", customer_ref_label="No. VA", customer_name_label="Nama",
        amount_label="Nominal Tagihan",
        lines=path_lines((("Berlaku s/d", "request.expiredDate"), ("Jenis", "request.virtualAccountTrxType")))))
    register_product(BcaService.HOST, BcaService.PRODUCT, ProductReceipt(
        title="Transfer BCA", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer",
        lines=path_lines((("Berita", "request.remark"), ("No. Ref. BCA", "payment.referenceNo")))))
    register_product(BcaService.HOST, BcaService.PRODUCT_INTERBANK, ProductReceipt(
        title="Transfer Antar Bank via BCA", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer",
        lines=path_lines((("Bank Tujuan", "request.beneficiaryBankName"),
                          ("Kode Bank", "request.beneficiaryBankCode")))))


_register_other_hosts()
