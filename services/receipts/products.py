"""What each product adds to its receipt: a title, the customer labels, extra lines.

A host's products register a ``ProductReceipt`` under ``(host, product)``; a product that
registers nothing still prints, titled after its name. The Bank+ products are registered
here because their answers (``bankplus-api.txt``) are the first the app handles; a new host
registers its own from its product module with ``register_product``.

Lines are resolved once, from the journal row alone, by ``product_lines``: the print, a
reprint, the PDF, ``python -m app receipt`` and the result screen all call it (through
``model.receipt_details``), so what the customer reads on paper is what the agent read on
screen. A line reads the row's redacted request (the fields of what went on the wire),
the inquiry answer kept with the row, and the host's answer, by the documents' field
names, and is left out when the field is absent: a receipt never shows an empty value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from services.formats import bank_text, format_moment, format_money, money_text
from services.journal import JournalRow
from services.products.spec import lookup, wire_text

Lines = Callable[[JournalRow], list[tuple[str, str]]]


def no_lines(row: JournalRow) -> list[tuple[str, str]]:
    return []


def as_sent(label: str, value: str) -> str:
    return value


@dataclass(frozen=True)
class ProductReceipt:
    title: str
    customer_ref_label: str = "No. Pelanggan"
    customer_name_label: str = "Nama"
    amount_label: str = "Nominal"
    # False for inquiries that move no money (a balance check): only the fee is shown.
    shows_amount: bool = True
    lines: Lines = field(default=no_lines)
    # How the customer reference reads on paper (a VA number in groups of four).
    ref_text: Callable[[str], str] = str
    # How a line's value reads, by its label's kind (a bill's "Bl/Th" as "Mei 2016"):
    # the formatter the product's screen uses for the same label (``services.formats``).
    shown: Callable[[str, str], str] = as_sent


_REGISTRY: dict[tuple[str, str], ProductReceipt] = {}


def register_product(host: str, product: str, spec: ProductReceipt) -> None:
    _REGISTRY[(host, product)] = spec


def product_receipt(host: str, product: str) -> ProductReceipt:
    """The registered spec, or a plain one titled after the product's name."""
    return _REGISTRY.get((host, product)) or ProductReceipt(title=product.replace("_", " ").title())


def product_lines(row: JournalRow) -> list[tuple[str, str]]:
    """The product's own receipt lines for this journal row: the one resolver."""
    spec = product_receipt(row.host, row.product)
    return [(label, spec.shown(label, value)) for label, value in spec.lines(row)]


# -- reading the row ------------------------------------------------------------------
def response_data(row: JournalRow) -> dict[str, Any]:
    data = (row.response or {}).get("data")
    return data if isinstance(data, dict) else {}


def request_fields(row: JournalRow) -> dict[str, Any]:
    """The fields of what was sent: the body's ``data`` object where the wire format wraps
    them in one (the BNI Keagenan envelope ``{typereq, dealerId, fiturId, data}``), else
    the body itself."""
    request = row.request or {}
    data = request.get("data")
    return data if isinstance(data, dict) else request


def sources(row: JournalRow) -> dict[str, Any]:
    """What a line's path starts with: ``request`` (the fields sent), ``inquiry`` (the
    inquiry answer the payment was quoted from) and ``payment`` (the host's answer)."""
    return {"request": request_fields(row), "inquiry": row.inquiry or {}, "payment": row.response or {}}


def first(row: JournalRow, *keys: str) -> str:
    """The first non-empty value under ``keys``: in the answer, the request, the inquiry."""
    for source in (response_data(row), request_fields(row), row.inquiry or {}):
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


def path_value(row: JournalRow, path: str) -> str:
    """The text at a dotted path into ``sources(row)``; "" for nothing, a dict or a list.

    Names match case-insensitively, as the BNI Keagenan document spells one field two ways
    (``products.spec.lookup``); values read as the wire carries them (``wire_text``)."""
    value = lookup(sources(row), path)
    return "" if isinstance(value, (dict, list)) else wire_text(value).strip()


def path_lines(pairs: tuple[tuple[str, str], ...]) -> Lines:
    """Lines from (label, dotted path) pairs, the form product specs declare them in.

    A path starts with ``request`` (what was sent), ``inquiry`` (the inquiry's answer) or
    ``payment`` (the host's answer), the parts of a transaction the journal row keeps:
    ``("Nama", "payment.data.customerName")``. A path into anything else, or to nothing,
    gives no line.
    """

    def lines(row: JournalRow) -> list[tuple[str, str]]:
        return [(label, value) for label, path in pairs if (value := path_value(row, path))]

    return lines


# -- Bank+ (bankplus-api.txt, "Transaction") ---------------------------------------------
def _deposit_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(("Bank", first(row, "bank_code")), ("Berita", first(row, "narration")))


def _intrabank_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(("Bank Tujuan", first(row, "bank_code")))


def bank_line(label: str, value: str) -> str:
    """A "Bank Tujuan" line that carries a bank's code reads as its name and code."""
    return bank_text(value) if label == "Bank Tujuan" else value


def _interbank_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(("Bank Tujuan", bank_text(first(row, "bank_code"), first(row, "bank_name"))),
                   ("ID Transaksi", first(row, "transaction_id")))


def _open_account_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(
        ("No. Rek. Baru", first(row, "account_number_customer")),
        ("NIK", mask_id(first(row, "national_id", "ktp"))),
        ("No. HP", first(row, "phone_mobile", "hp")),
        ("Bank", first(row, "bank_code")),
    )


def _balance_lines(row: JournalRow) -> list[tuple[str, str]]:
    balance = first(row, "account_balance")
    return present(("Nama", first(row, "account_name")), ("Bank", first(row, "bank_code")),
                   ("Saldo", money_text(balance) if balance else ""))


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


# -- BNI Keagenan: each product's catalogue spec declares its lines ----------------------
def _keagenan_lines(pairs: tuple[tuple[str, str], ...], counter_fee_path: str | None) -> Lines:
    """The spec's declared lines, then what every bill payment adds where the host states
    it: the bank's financial journal number and the counter fee (``biaya_loket``, which
    the inquiry names and the total does not include)."""
    declared = path_lines(pairs)

    def lines(row: JournalRow) -> list[tuple[str, str]]:
        out = declared(row)
        journal = path_value(row, "payment.data.financialJournal") or path_value(row, "payment.data.financialJurnal")
        if journal:
            out.append(("Jurnal keuangan", journal))
        counter_fee = path_value(row, f"inquiry.{counter_fee_path}") if counter_fee_path else ""
        if counter_fee and money_text(counter_fee) != format_money(0):
            out.append(("Biaya loket (di luar total)", money_text(counter_fee)))
        return out

    return lines


# -- DOKU BNI virtual account ---------------------------------------------------------------
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
            lines=_keagenan_lines(spec.receipt, spec.counter_fee_path), shown=spec.shown))
    register_product(SWITCHER, TRANSFER, ProductReceipt(
        title=SWITCHER_PRODUCTS[TRANSFER], customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer", shown=bank_line,
        lines=path_lines((("Bank Tujuan", "payment.data.beneficiaryBank"), ("No. Jurnal", "payment.data.journal"),
                          ("Berita", "request.remark")))))
    register_product(SWITCHER, REVERSAL, ProductReceipt(
        title=SWITCHER_PRODUCTS[REVERSAL], customer_ref_label="Rek. Tujuan", amount_label="Jumlah Dikembalikan",
        lines=path_lines((("Ref. Asal", "request.refnumTarget"), ("No. Jurnal Asal", "request.journal"),
                          ("No. Jurnal", "payment.data.journal")))))
    register_product(VirtualAccountService.HOST, VirtualAccountService.PRODUCT, ProductReceipt(
        title="Virtual Account BNI", customer_ref_label="No. VA", customer_name_label="Nama",
        amount_label="Nominal Tagihan", lines=_va_lines, ref_text=group_digits))
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


_register_other_hosts()
