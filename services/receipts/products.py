"""What each product adds to its receipt: a title, the customer labels, extra lines.

A host's products register a ``ProductReceipt`` under ``(host, product)``; a product that
registers nothing still prints, titled after its name. Each host registers its own, in
``services/hosts/<name>/receipt.py`` (its registry entry's ``receipts``), with the helpers
below; this module keeps what every host shares.

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

from services.formats import bank_text
from services.journal import JournalRow, State
from services.products.spec import lookup, wire_text

Lines = Callable[[JournalRow], list[tuple[str, str]]]


def no_lines(row: JournalRow) -> list[tuple[str, str]]:
    return []


def as_sent(label: str, value: str) -> str:
    return value


def no_months(label: str) -> bool:
    return False


@dataclass(frozen=True)
class Returned:
    """A FAILED transaction whose money had left and was sent back by the host (BCA's
    transfer status 04 "Refunded"): not one that never moved. The agent hands the
    customer's cash back knowing the account statement shows the debit and its return."""

    amount: int | None  # rupiah, where the host's answer states it
    reported_at: str  # ISO time the host's answer said so (the answer names no time of its own)


def nothing_returned(row: JournalRow) -> Returned | None:
    return None


@dataclass(frozen=True)
class ProductReceipt:
    title: str
    customer_ref_label: str = "No. Pelanggan"
    customer_name_label: str = "Nama"
    amount_label: str = "Nominal"
    # What the bold total is: what the customer handed over, or (a reversal) what went back.
    total_label: str = "TOTAL"
    # False for inquiries that move no money (a balance check): only the fee is shown.
    shows_amount: bool = True
    lines: Lines = field(default=no_lines)
    # How the customer reference reads on paper (a VA number in groups of four).
    ref_text: Callable[[str], str] = str
    # How a line's value reads, by its label's kind (a bill's "Bl/Th" as "Mei 2016"):
    # the formatter the product's screen uses for the same label (``services.formats``).
    shown: Callable[[str, str], str] = as_sent
    # Which lines ``shown`` writes with a month's name ("Mei 2016", "08 Des 2011"): the paper
    # keeps Indonesian; a screen (the result) names the month in the agent's language.
    names_months: Callable[[str], bool] = no_months
    # A FAILED row whose money went out and came back, read from the host's answer the row
    # keeps (``Returned``); None for one that never moved. The host package knows its codes.
    returned: Callable[[JournalRow], Returned | None] = nothing_returned
    # Where the row holds a number the bank answered that this receipt prints for the
    # customer (PLN's ID pelanggan, answered longer than typed; a new account's number), as
    # ``path_lines`` paths: Riwayat finds the transaction by it too (``number_locations``).
    numbers: tuple[str, ...] = ()
    # False where the bank's answer names no reference of its own for this product (by its
    # document: Bank+'s deposit and same-bank transfer): a row without "Ref. Bank" is then
    # as it should be, and Riwayat says so rather than showing a number gone missing.
    bank_reference: bool = True


_REGISTRY: dict[tuple[str, str], ProductReceipt] = {}


def register_product(host: str, product: str, spec: ProductReceipt) -> None:
    _REGISTRY[(host, product)] = spec


def product_receipt(host: str, product: str) -> ProductReceipt:
    """The registered spec, or a plain one titled after the product's name."""
    return _REGISTRY.get((host, product)) or ProductReceipt(title=product.replace("_", " ").title())


def money_returned(row: JournalRow) -> Returned | None:
    """What came back of a FAILED row's money (``ProductReceipt.returned``), else None: the
    one reading the result screen, the receipt and Riwayat share."""
    if row.state is not State.FAILED:
        return None
    return product_receipt(row.host, row.product).returned(row)


def customer_ref_text(host: str, product: str, ref: str) -> str:
    """A customer reference as the product's receipt prints it (charity's provider by its
    name, a NIK masked, a VA number in groups): what every screen and report shows the
    agent beside that receipt. The journal and the exports keep it as sent."""
    return product_receipt(host, product).ref_text(ref) if ref else ref


def same_label(one: str, other: str) -> bool:
    """Whether two labels name one field: "Nomor polis" and "No. polis"."""
    return one.casefold().replace("nomor ", "no. ") == other.casefold().replace("nomor ", "no. ")


# Where a ``path_lines`` path's source is kept in the journal row, as JSON paths into its
# columns: ``request`` is the fields sent, in the body's ``data`` where the wire wraps them
# (``request_fields``).
_PLACES = {"request": (("request", "$.data."), ("request", "$.")), "payment": (("response", "$."),),
           "inquiry": (("inquiry", "$."),)}


def number_locations() -> dict[tuple[str, str], tuple[tuple[tuple[str, str], ...], ...]]:
    """(host, product) -> where its rows keep the numbers its receipt prints for the
    customer besides the one typed (``ProductReceipt.numbers``), as the journal's
    ``answered_numbers`` takes them: each number's places (column, JSON path), the first
    that holds it read, as ``path_value`` reads it. The products that print none are left
    out, and the journal does nothing for their rows."""
    found = {}
    for key, spec in _REGISTRY.items():
        places = []
        for path in spec.numbers:
            source, rest = path.split(".", 1)
            places.append(tuple((column, prefix + rest) for column, prefix in _PLACES[source]))
        if places:
            found[key] = tuple(places)
    return found


def product_lines(row: JournalRow) -> list[tuple[str, str]]:
    """The product's own receipt lines for this journal row: the one resolver."""
    spec = product_receipt(row.host, row.product)
    return [(label, spec.shown(label, value)) for label, value in spec.lines(row)]


def bank_line(label: str, value: str) -> str:
    """A "Bank Tujuan" line that carries a bank's code reads as its name and code."""
    return bank_text(value) if label == "Bank Tujuan" else value


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


# -- each host registers its own products' lines (services/hosts/<name>/receipt.py) ----------
def _register_hosts() -> None:
    from services.hosts.registry import HOSTS

    for host in HOSTS:
        host.receipts()


_register_hosts()
