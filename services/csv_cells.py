"""CSV cells that a spreadsheet will not run as formulas.

Exports are opened in Excel or LibreOffice at the partner's office. A text cell that
begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read there as a
formula (``=HYPERLINK(...)`` in a customer name the host sent, or one typed at the
counter), so such a text is written with a leading apostrophe, which spreadsheets show as
plain text (OWASP's rule for CSV injection). Integers stay numbers: a negative cash
movement is a figure, not a formula.
"""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV writer should receive it: text that would start a formula gets ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}
