"""What each BNI Keagenan product adds to its receipt: the lines its catalogue spec declares,
then what every bill payment adds where the host states it."""

from __future__ import annotations

from services.journal import JournalRow
from services.products.spec import CHOICE, ProductSpec
from services.receipts.products import Lines, ProductReceipt, path_lines, path_value, register_product


def _keagenan_lines(pairs: tuple[tuple[str, str], ...]) -> Lines:
    """The spec's declared lines, then what every bill payment adds where the host states
    it: the bank's financial journal number. (The counter's fee is among the amounts: the
    journal row's ``counter_fee``.)"""
    declared = path_lines(pairs)

    def lines(row: JournalRow) -> list[tuple[str, str]]:
        out = declared(row)
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


def register() -> None:
    """Each catalogue product prints its spec's name and receipt lines."""
    from services.products import default_catalogue

    for spec in default_catalogue():
        register_product("keagenan", spec.id, ProductReceipt(
            title=spec.name, customer_ref_label=_ref_label(spec), ref_text=spec.ref_text, amount_label="Tagihan",
            lines=_keagenan_lines(spec.receipt), shown=spec.shown, names_months=spec.names_months))
