"""SNAP money objects: ``{"value": "10000.00", "currency": "IDR"}`` (ISO 4217, 2 decimals).

Decision: a value is read only in SNAP's own form, digits with a point and two decimals (the
decimals may be left out: "10000" is as plain), never through the counter's general parser,
which also takes the Indonesian "10.000" for ten thousand. In SNAP that same text can only be
a malformed amount (a point is the decimal mark, and there are two decimals), and "1.500" read
as Rp 1.500 where a host meant 1.5 is a thousandfold error: such a value is refused, so an
answer carrying it is not read as a success (``services.hosts.bca.client._snap_amount``).
"""

from __future__ import annotations

import re
from typing import Any

from services.money import MoneyError, parse_rupiah, parse_rupiah_sen

CURRENCY = "IDR"
_VALUE = re.compile(r"-?[0-9]{1,16}(\.[0-9]{2})?")


def snap_amount(rupiah: int) -> dict[str, str]:
    if isinstance(rupiah, bool) or not isinstance(rupiah, int):
        raise TypeError("money is integer rupiah")
    return {"value": f"{rupiah}.00", "currency": CURRENCY}


def _value(amount: Any) -> object:
    if not isinstance(amount, dict) or amount.get("currency", CURRENCY) != CURRENCY:
        raise MoneyError(f"not an IDR SNAP amount: {amount!r}")
    value = amount.get("value")
    if not isinstance(value, str) or not _VALUE.fullmatch(value):
        raise MoneyError(f"not a SNAP amount value (digits, a point and two decimals): {value!r}")
    return value


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
