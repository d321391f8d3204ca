"""What each BNI Keagenan product adds to its receipt: the lines its catalogue spec declares,
then what every bill payment adds where the host states it."""

from __future__ import annotations

from typing import Callable

from services.journal import JournalRow
from services.products.spec import CHOICE, ProductSpec
from services.receipts.products import Lines, ProductReceipt, path_value, register_product, same_label

# Fields the host answers both whole and in the lines it is printed in: PLN Non-Taglis's
# receiptNote runs its parts together ("CALL CENTER 111ATAUHUB. PLN", section 30's example),
# receiptNote1..3 keep them apart ("CALL CENTER 111", "ATAU", "HUB. PLN ..."). The parts are
# read, a space between them; the whole where the host sends no parts.
_IN_PARTS = ("receiptNote",)


def _value(row: JournalRow, path: str) -> str:
    if path.rsplit(".", 1)[-1] in _IN_PARTS:
        parts = " ".join(part for n in (1, 2, 3) if (part := path_value(row, f"{path}{n}")))
        if parts:
            return parts
    return path_value(row, path)


def _keagenan_lines(pairs: tuple[tuple[str, str], ...]) -> Lines:
    """The spec's declared lines, then what every bill payment adds where the host states
    it: the bank's financial journal number. (The counter's fee is among the amounts: the
    journal row's ``counter_fee``.)"""

    def lines(row: JournalRow) -> list[tuple[str, str]]:
        out = [(label, value) for label, path in pairs if (value := _value(row, path))]
        journal = path_value(row, "payment.data.financialJournal") or path_value(row, "payment.data.financialJurnal")
        if journal:
            out.append(("Jurnal keuangan", journal))
        return out

    return lines


def _ref_label(spec: ProductSpec) -> str:
    """The customer reference named as the agent typed it ("Kode bayar", "Nomor HP",
    "Nomor kontrak") when one typed field names the bill; else the spec's own name for it."""
    typed = [f for f in spec.fields if f.identifies and f.kind != CHOICE]
    return typed[0].label if len(typed) == 1 else spec.ref_label


def _answered(spec: ProductSpec) -> tuple[str, ...]:
    """The receipt line printed in the customer reference's place whose number the payment
    repeats from the inquiry's answer (PLN's ID pelanggan: 5311112 answered to 53111): the
    number on the customer's paper, which Riwayat must find besides the one typed."""
    echoed = {e.payment for e in spec.echo}
    ref_label = _ref_label(spec)
    return tuple(path for label, path in spec.receipt
                 if same_label(label, ref_label) and path.startswith("request.") and path[8:] in echoed)


def _shown(spec: ProductSpec) -> Callable[[str, str], str]:
    """The spec's formatting, and a code picked from one of its lists (an operator, a bank, a
    kind of premium, which the host also echoes back in ``ket``) as the words the agent picked
    it by: "Telkomsel Halo", not "HALO"; "Premi pertama", not "BNILIFE_PREMI_PERTAMA"."""
    words = {c.value: c.label for f in spec.fields if f.kind == CHOICE for c in f.choices}

    def shown(label: str, value: str) -> str:
        return words.get(value.strip()) or spec.shown(label, value)

    return shown


def register() -> None:
    """Each catalogue product prints its spec's name and receipt lines."""
    from services.products import default_catalogue

    for spec in default_catalogue():
        register_product("keagenan", spec.id, ProductReceipt(
            title=spec.name, customer_ref_label=_ref_label(spec), ref_text=spec.ref_text, amount_label="Tagihan",
            lines=_keagenan_lines(spec.receipt), shown=_shown(spec), names_months=spec.names_months,
            numbers=_answered(spec)))
