"""Fields the client computes from an inquiry answer, by the document's own notes.

PLN Postpaid payment (section 29, "Notes"): ``bl_th``, ``daya`` and ``stand_meter``.
PLN Non-taglis payment (section 30): ``tgl_reg``, whose "format below" never follows; the
example turns registrationDate ``20111208`` into ``08DES11``, so it is ``ddMMMyy`` with the
same Indonesian month abbreviations as ``bl_th`` (MISS-05).
"""

from __future__ import annotations

from typing import Any, Mapping

from services.products.spec import Derivation, lookup, wire_text
from services.validation import is_digits

# The document's list: 'JAN', 'PEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'.
MONTHS_ID = ("JAN", "PEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")


def _text(inquiry: Mapping[str, Any], key: str) -> str:
    return wire_text(lookup(inquiry, key)).strip()


def filled_bill(prefix: str, amounts: str, position: int, slots: int = 3) -> "Derivation":
    """The ``position``-th (from 0) of the bills an answer carries in numbered slots
    (``billAmount1..3`` with ``billRef1..3``), counted over the filled slots only: the
    document's Telkom example leaves slot 1 empty and fills 2 and 3, and "Tagihan 2, Tagihan
    3" under "Jumlah tagihan 2" read to the customer as a bill gone missing. ``prefix`` picks
    the field shown (the amount or its reference); a slot is filled when its amount is."""
    def derive(inquiry: Mapping[str, Any], _inputs: Mapping[str, str]) -> str:
        filled = [n for n in range(1, slots + 1) if _text(inquiry, f"{amounts}{n}").strip("0")]
        return _text(inquiry, f"{prefix}{filled[position]}") if position < len(filled) else ""

    return derive


def bill_count(inquiry: Mapping[str, Any]) -> int:
    """``billStatus``: how many monthly bills the PLN answer carries (1..5)."""
    text = _text(inquiry, "billStatus")
    return max(1, min(5, int(text))) if is_digits(text) else 1


def month_label(yyyymm: str) -> str:
    """``"201705"`` -> ``"MEI17"``."""
    if len(yyyymm) != 6 or not is_digits(yyyymm) or not 1 <= int(yyyymm[4:]) <= 12:
        raise ValueError(f"not a yyyymm period: {yyyymm!r}")
    return MONTHS_ID[int(yyyymm[4:]) - 1] + yyyymm[2:4]


def pln_bl_th(inquiry: Mapping[str, Any], _inputs: Mapping[str, str] | None = None) -> str:
    """billPeriode1..billPeriode{billStatus} as ``"MEI17, JUN17"``.

    The definition spells it billPeriod{n}, the example and the note billPeriode{n}
    (INC-09); ``lookup`` is given the example's spelling and the definition's as fallback.
    """
    labels = []
    for i in range(1, bill_count(inquiry) + 1):
        period = _text(inquiry, f"billPeriode{i}") or _text(inquiry, f"billPeriod{i}")
        labels.append(month_label(period))
    return ", ".join(labels)


def pln_daya(inquiry: Mapping[str, Any], _inputs: Mapping[str, str] | None = None) -> str:
    """customGroup1 + customGroup2 + "/" + categoryUsed + "VA"; "-" for an empty categoryUsed."""
    category = _text(inquiry, "categoryUsed") or "-"
    return f"{_text(inquiry, 'customGroup1')}{_text(inquiry, 'customGroup2')}/{category}VA"


def pln_stand_meter(inquiry: Mapping[str, Any], _inputs: Mapping[str, str] | None = None) -> str:
    """SLALWBP1 + "-" + SAHLWBP{billStatus}.

    The example payment sends ``00000100?00000100``: the "?" is the PDF's mangled hyphen
    (INC-34), and the note itself writes ``00000100-00000100``.
    """
    return f"{_text(inquiry, 'SLALWBP1')}-{_text(inquiry, f'SAHLWBP{bill_count(inquiry)}')}"


def pln_tgl_reg(inquiry: Mapping[str, Any], _inputs: Mapping[str, str] | None = None) -> str:
    """registrationDate ``yyyymmdd`` -> ``ddMMMyy`` (``20111208`` -> ``08DES11``)."""
    date = _text(inquiry, "registrationDate")
    if len(date) != 8 or not is_digits(date):
        return ""
    return date[6:8] + month_label(date[:6])[:3] + date[2:4]
