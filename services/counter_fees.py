"""The counter's own fee per bill-payment product (*biaya loket*), as the supervisor sets it.

An agent charges the customer a fee of its own for serving a bill, besides the bank's admin
fee: the bank never sees it and never debits it; it is the agent's income, and it is cash
in the drawer. So it must be on the confirmation before paying, on the receipt, in the
day's expected cash and in the day report, and the journal row keeps the fee as it was at
the moment of payment (``JournalRow.counter_fee``), never recomputed from these settings.

Decisions (the documents are silent on an agent's own fee):

* Set per product by the supervisor (Pengaturan > Biaya Loket, behind the supervisor PIN),
  kept in the profile's settings as ``counter_fees: {product_id: rupiah}``. Default 0: Loket
  charges nothing the supervisor did not decide.
* A product whose inquiry answer states the counter's fee itself (BNI Keagenan BPJS
  Kesehatan and Ketenagakerjaan: ``biaya_loket``, echoed in the payment) charges that one:
  the bank's word is what the payment tells the bank, and the counter does not charge
  another figure behind it. The settings screen lists those products as "set by BNI".
* A fee is whole rupiah, 0 to ``MAX_COUNTER_FEE``: more is a typo, not a fee.
"""

from __future__ import annotations

from typing import Any, Mapping

from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.money import MoneyError, format_rupiah, parse_rupiah
from services.profile import Profile

SETTINGS_KEY = "counter_fees"
MAX_COUNTER_FEE = 50_000


def parse_fee(product_id: str, value: Any) -> int:
    """Whole rupiah between 0 and ``MAX_COUNTER_FEE``; blank is 0. ``UserInputError`` names
    the product's field."""
    text = "" if value is None else str(value).strip()
    if not text:
        return 0
    try:
        fee = parse_rupiah(text)
    except MoneyError:
        raise UserInputError(product_id, QT_TRANSLATE_NOOP("errors", "Biaya loket bukan jumlah rupiah yang sah.")) \
            from None
    if not 0 <= fee <= MAX_COUNTER_FEE:
        raise UserInputError(product_id, templated(QT_TRANSLATE_NOOP(
            "errors", "Biaya loket antara Rp 0 dan {maximum}."), maximum=format_rupiah(MAX_COUNTER_FEE)))
    return fee


class CounterFees:
    """Read by the bill payment at each inquiry; written by the settings screen."""

    def __init__(self, profile: Profile | None, settings: dict[str, Any]) -> None:
        self._profile = profile
        self._settings = settings

    def fee(self, product_id: str) -> int:
        """The fee set for ``product_id`` (0 when none, or when the stored value is not one)."""
        try:
            return parse_fee(product_id, (self._settings.get(SETTINGS_KEY) or {}).get(product_id))
        except UserInputError:
            return 0  # a hand-edited settings file never puts a wrong fee on a receipt

    def all(self) -> dict[str, int]:
        return {product: self.fee(product) for product in (self._settings.get(SETTINGS_KEY) or {})}

    def save(self, fees: Mapping[str, Any]) -> dict[str, int]:
        """Validate every fee as typed, then store the ones that are not 0 (all or nothing)."""
        parsed = {product: parse_fee(product, value) for product, value in fees.items()}
        kept = {product: fee for product, fee in sorted(parsed.items()) if fee}
        if self._profile is not None:
            stored = self._profile.load_settings()
            stored[SETTINGS_KEY] = kept
            self._profile.save_settings(stored)
        self._settings[SETTINGS_KEY] = kept
        return kept
