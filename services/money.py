"""Money is integer rupiah.

The hosts send amounts in many shapes: ``25000``, ``"25000"``, ``"25.000"`` (Indonesian
thousands dots), ``"202.696.682"``, ``"25500.0"``, ``"100000.00"``, ``"Rp.25.000"``, and the
Switcher even sends a balance with sen as a JSON float (``602577171334.84``). Every one of
them is parsed *exactly* (through ``Decimal``, never ``float``) and anything that does not
parse, or that carries sen where whole rupiah are required, is refused with ``MoneyError``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["MoneyError", "parse_rupiah", "parse_rupiah_sen", "format_rupiah", "format_digits"]


class MoneyError(ValueError):
    """An amount that cannot be read as whole rupiah."""


_PREFIX = re.compile(r"^\s*(?:rp\.?\s*)?", re.IGNORECASE)
# "25.000", "202.696.682", "25.000,00" : dots group thousands, an optional comma starts sen.
_ID_GROUPED = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")
# "25500", "25500.0", "100000.00" : a plain number with an optional decimal point.
_PLAIN = re.compile(r"^-?\d+(?:\.\d{1,2})?$")
# "25000,00": a plain number with a decimal comma.
_PLAIN_COMMA = re.compile(r"^-?\d+,\d{1,2}$")
# "25,000" / "1,250,000": English thousands commas.
_EN_GROUPED = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$")


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise MoneyError(f"not an amount: {value!r}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise MoneyError(f"not an amount: {value!r}")
        # repr() gives the shortest decimal that round-trips: 602577171334.84 -> "602577171334.84"
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, str):
        raise MoneyError(f"not an amount: {value!r}")
    text = _PREFIX.sub("", value).strip().replace(" ", "")
    try:
        if _ID_GROUPED.match(text):
            return Decimal(text.replace(".", "").replace(",", "."))
        if _PLAIN.match(text):
            return Decimal(text)
        if _PLAIN_COMMA.match(text):
            return Decimal(text.replace(",", "."))
        if _EN_GROUPED.match(text):
            return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the patterns only admit digits
        raise MoneyError(f"not an amount: {value!r}") from exc
    raise MoneyError(f"not an amount: {value!r}")


def parse_rupiah(value: object) -> int:
    """Whole rupiah from any of the hosts' shapes; sen other than zero are refused."""
    amount = _to_decimal(value)
    if amount != amount.to_integral_value():
        raise MoneyError(f"amount has sen where whole rupiah are required: {value!r}")
    return int(amount)


def parse_rupiah_sen(value: object) -> int:
    """Amount in sen (1/100 rupiah), for the few fields (balances) that carry them."""
    amount = _to_decimal(value) * 100
    if amount != amount.to_integral_value():
        raise MoneyError(f"amount finer than one sen: {value!r}")
    return int(amount)


def format_digits(amount: int) -> str:
    """``1250000`` -> ``"1.250.000"`` (Indonesian thousands dots, no prefix)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("money is integer rupiah")
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(amount):,}".replace(",", ".")


def format_rupiah(amount: int) -> str:
    """``25000`` -> ``"Rp 25.000"``, the form every screen and receipt shows."""
    text = format_digits(amount)
    if text.startswith("-"):
        return "-Rp " + text[1:]
    return "Rp " + text
