"""SNAP money objects: ``{"value": "10000.00", "currency": "IDR"}`` (ISO 4217, 2 decimals)."""

from __future__ import annotations

from typing import Any

from services.money import MoneyError, parse_rupiah, parse_rupiah_sen

CURRENCY = "IDR"


def snap_amount(rupiah: int) -> dict[str, str]:
    if isinstance(rupiah, bool) or not isinstance(rupiah, int):
        raise TypeError("money is integer rupiah")
    return {"value": f"{rupiah}.00", "currency": CURRENCY}


def _value(amount: Any) -> object:
    if not isinstance(amount, dict) or amount.get("currency", CURRENCY) != CURRENCY:
        raise MoneyError(f"not an IDR SNAP amount: {amount!r}")
    return amount.get("value")


def amount_rupiah(amount: Any) -> int:
    """Whole rupiah from a SNAP amount (sen other than .00 refused)."""
    return parse_rupiah(_value(amount))


def amount_sen(amount: Any) -> int:
    """Sen from a SNAP amount, for balances and statement lines, which may carry sen."""
    return parse_rupiah_sen(_value(amount))


def format_sen(sen: int) -> str:
    """``1234567`` sen -> ``"12345.67"`` (the CSV export's plain decimal form)."""
    sign = "-" if sen < 0 else ""
    whole, cents = divmod(abs(sen), 100)
    return f"{sign}{whole}.{cents:02d}"
