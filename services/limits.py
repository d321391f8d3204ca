"""The amounts the counter accepts per kind of payment, parsed once from ``settings.json``
(``limits``) by the composition root; the services compare against these fields, never
against the settings' nested dictionaries.

A kind that is missing, or whose figures are not whole rupiah with ``0 <= min <= max``,
keeps its default: a hand-edited file never widens a limit into nonsense, nor stops the
counter. The defaults are the documents' own (Bank+ "Transaction", BCA SNAP transfer),
except ``bill``'s, which no document states (see there).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class AmountRange:
    """What an amount field may hold, in whole rupiah: the check and the screen's hint."""

    minimum: int
    maximum: int

    @classmethod
    def parse(cls, value: Any, default: "AmountRange") -> "AmountRange":
        if not isinstance(value, Mapping):
            return default
        low, high = value.get("min"), value.get("max")
        if not isinstance(low, int) or not isinstance(high, int) or isinstance(low, bool) or isinstance(high, bool):
            return default
        return cls(low, high) if 0 <= low <= high else default


@dataclass(frozen=True)
class Limits:
    deposit: AmountRange = AmountRange(10_000, 20_000_000)
    transfer: AmountRange = AmountRange(10_000, 25_000_000)
    # 0: an account may be opened without a first deposit
    open_account_deposit: AmountRange = AmountRange(0, 20_000_000)
    # A bill or purchase whose amount the agent types (BNI Keagenan: a credit card, charity,
    # a premium top-up, ...), on each side where the bank's inquiry states no bound. The BNI
    # document gives none for these: the counter decides. Rp 1.000: below it a typed amount
    # is a slip ("5" for 5.000), not a payment (the smallest in the document is Rp 5.000).
    # Rp 20.000.000: the most cash the counter takes for one transaction, as for a Setor
    # Tunai (``deposit``); a bigger bill is paid in parts or at the bank.
    bill: AmountRange = AmountRange(1_000, 20_000_000)

    @classmethod
    def parse(cls, settings: Any) -> "Limits":
        """``settings.json``'s ``limits`` object (``{"deposit": {"min": .., "max": ..}, ...}``)."""
        given = settings if isinstance(settings, Mapping) else {}
        default = cls()
        return cls(**{name: AmountRange.parse(given.get(name), getattr(default, name))
                      for name in ("deposit", "transfer", "open_account_deposit", "bill")})
