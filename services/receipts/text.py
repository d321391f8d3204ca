"""Plain-text receipt: the preview and what tests read."""

from __future__ import annotations

from services.receipts.layout import layout
from services.receipts.model import Receipt


def render_text(receipt: Receipt, columns: int = 32) -> str:
    """The receipt as lines of at most ``columns`` characters (trailing spaces trimmed)."""
    return "\n".join(row.text.rstrip() for row in layout(receipt, columns)) + "\n"
