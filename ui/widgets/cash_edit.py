"""A ``MoneyEdit`` that accepts zero: a counted drawer or an opening float can be empty.

``MoneyEdit`` drops leading zeros as they are typed, so a lone "0" vanishes and the field
reads as not filled in; for cash counts "0" is a real answer ("the drawer is empty").
"""

from __future__ import annotations

from ui.widgets.money import MoneyEdit


class CashEdit(MoneyEdit):
    def _regroup(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        if digits and not digits.strip("0"):
            if text != "0":
                self.blockSignals(True)
                self.setText("0")
                self.blockSignals(False)
            return
        super()._regroup(text)
