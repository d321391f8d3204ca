"""Amount entry: digits only, shown with Indonesian thousands dots as they are typed.

``value()`` is integer rupiah (``None`` when empty); validation of limits stays in the
service so the message is the same everywhere.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from services.money import format_digits, format_rupiah


class MoneyEdit(QLineEdit):
    """``keeps_zero``: "0" typed stays Rp 0 (``value()`` 0), for a figure where nought is an
    answer (the fee the bank names: a waived one); elsewhere leading zeros go and "0" alone
    is empty, as an amount of nought is no amount."""

    def __init__(self, parent=None, *, keeps_zero: bool = False) -> None:
        super().__init__(parent)
        self.keeps_zero = keeps_zero
        self.setObjectName("money")
        self.setPlaceholderText("0")
        self.setMaxLength(15)
        self.textChanged.connect(self._regroup)

    def digits(self) -> str:
        return "".join(ch for ch in self.text() if ch.isdigit())

    def value(self) -> int | None:
        digits = self.digits()
        return int(digits) if digits else None

    def set_value(self, amount: int | None) -> None:
        self.setText("" if amount is None else format_digits(amount))

    def _regroup(self, text: str) -> None:
        typed = "".join(ch for ch in text if ch.isdigit())
        digits = typed.lstrip("0") or ("0" if typed and self.keeps_zero else "")
        grouped = format_digits(int(digits)) if digits else ""
        if grouped == text:
            return
        # keep the caret after the same number of digits it was after
        cursor = self.cursorPosition()
        digits_before = sum(ch.isdigit() for ch in text[:cursor])
        modified = self.isModified()  # typed by the agent, whatever the grouping (ui.keyboard.arrival_input)
        self.blockSignals(True)
        self.setText(grouped)
        self.blockSignals(False)
        self.setModified(modified)
        position, seen = 0, 0
        while position < len(grouped) and seen < digits_before:
            seen += grouped[position].isdigit()
            position += 1
        self.setCursorPosition(position)


def rupiah_nowrap(amount: int) -> str:
    """``format_rupiah`` with a no-break space: in a wrapping label "Rp" never ends one line
    and its figure starts the next."""
    return format_rupiah(amount).replace(" ", "\u00a0")
