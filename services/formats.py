"""How a value the hosts send is shown to the agent and the customer, one formatter per kind.

Money is ``services.money.format_rupiah`` and a moment ``services.clock.format_wib``; an ID
(a participant, customer or reference number) is shown exactly as sent, never through a
number formatter (leading zeros are part of it). This module adds the billing period: the
hosts write months as ``MEI16`` or ``NOV12, DEC12`` (Indonesian or English abbreviations,
two-digit years); the counter reads ``Mei 2016`` / ``Nov 2012, Des 2012``. Anything that
is not such a month is left as it came (a period in another shape is still the host's).
"""

from __future__ import annotations

import re

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_ABBREVIATIONS = {
    **{name.upper(): number for number, name in enumerate(MONTHS, 1)},
    # English and other spellings the hosts use
    "MAY": 5, "AUG": 8, "AGT": 8, "OCT": 10, "DEC": 12, "AGS": 8,
}
_MONTH = re.compile(r"^([A-Za-z]{3})\s*'?(\d{2}|\d{4})$")


def _month(text: str) -> str | None:
    match = _MONTH.match(text.strip())
    if not match:
        return None
    number = _ABBREVIATIONS.get(match.group(1).upper())
    if number is None:
        return None
    year = match.group(2)
    return f"{MONTHS[number - 1]} {year if len(year) == 4 else '20' + year}"


def format_period(text: str) -> str:
    """``MEI16`` -> ``Mei 2016``; ``NOV12, DEC12`` -> ``Nov 2012, Des 2012``; else as sent."""
    parts = [part.strip() for part in text.split(",")]
    shown = [_month(part) for part in parts]
    if not text.strip() or any(month is None for month in shown):
        return text
    return ", ".join(month for month in shown if month)
