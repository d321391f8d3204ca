"""Which transactions put cash into the agent's drawer and which take it out.

The documents do not say; this is Loket's decision, written here once:

* **Cash in** (the default for every product): the customer pays at the counter in cash
  and the agent's bank account pays the host. That is a cash deposit (Setor Tunai), the
  first deposit of a new account, intrabank and interbank transfers, every bill payment
  (Tagihan) and purchase (Pembelian), BCA transfers. The drawer receives the row's
  final total (amount + admin fee): ``settled_total`` where the host confirmed another
  figure than the one journaled before sending, else ``total``; and the counter's own
  fee (``counter_fee``), which the customer pays the agent besides.
* **Cash out**: the agent hands cash to the customer and the bank credits the agent: a
  cash withdrawal (Tarik Tunai). The drawer pays the row's ``amount``; the admin fee of a
  withdrawal is debited from the customer's account, not paid in cash.
* **No cash**: nothing changes hands at the counter: a balance check, and creating a DOKU
  virtual account (the customer pays into the VA later, through the bank's channels).
* **Reversals**: a REVERSED row was paid and then undone at the host, and the agent gave
  the money back: it counts once as received and once as paid out (and the other way
  round for a reversed withdrawal), so it nets to zero and both legs show on the report.
  A host that journals the reversal as a row of its own (the Switcher's
  ``switcher_reversal``, any product id ending in ``_reversal``) moves no cash by that
  row: the refund is already the paid-out leg of the original, counted once. Such rows
  are also left out of the per-product summary (they sell nothing; the reversed original
  is listed under "Dibatalkan"), so the day's totals are what the counter really sold.
  A row reversed after a Laporan Z sealed it as SUCCESS: that Z keeps the cash received,
  and the refund is paid from the drawer of the day of the reversal, a late line of that
  day (``services.reports.aggregate.late_settlements``).
* Rows still NEW, SENT or SUSPECT are *not* in the expected cash (the day's own): whether
  the money moved is unknown. The cash the agent took for them is in the drawer until they
  settle, so it is in what the drawer should hold (``Cash.should_hold``, "termasuk" under it),
  and the count is compared with that: a drawer without it is short. The next day's opening
  float is the whole drawer as counted, that cash in it: when the row settles, a late line of
  that day moves only what differs from what the count found for it (SUCCESS: nothing;
  FAILED: the cash handed back), so a missing customer's cash is charged once, by the
  Laporan Z that found it missing (``services.reports.aggregate.late_settlements``).

A host module whose product behaves otherwise registers it with ``register``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from services.reports.model import Listed

CASH_IN = "in"
CASH_OUT = "out"
NO_CASH = "none"

# The NO_CASH products that issue a document the customer pays elsewhere (a bill, not a
# service rendered): the result screen says what was issued instead of "money taken".
_DOCUMENTS = frozenset({("doku", "doku_bni_va")})

_RULES: dict[tuple[str, str], str] = {
    ("bankplus", "customer_balance"): NO_CASH,
    ("doku", "doku_bni_va"): NO_CASH,
}
# Product ids that pay cash out, whichever host carries them.
_CASH_OUT_PRODUCTS = frozenset({"cash_withdrawal", "tarik_tunai"})


def register(host: str, product: str, direction: str) -> None:
    if direction not in (CASH_IN, CASH_OUT, NO_CASH):
        raise ValueError(f"cash direction must be in/out/none, not {direction!r}")
    _RULES[(host, product)] = direction


def issues_document(host: str, product: str) -> bool:
    """A created virtual account: a bill issued at the counter, paid by the customer later
    through the bank's channels; no money changes hands here."""
    return (host, product) in _DOCUMENTS


def is_reversal(product: str) -> bool:
    """A row that undoes another row (the Switcher's ``switcher_reversal``)."""
    return product.endswith("_reversal")


def direction(host: str, product: str) -> str:
    rule = _RULES.get((host, product))
    if rule:
        return rule
    if is_reversal(product):
        return NO_CASH
    return CASH_OUT if product in _CASH_OUT_PRODUCTS else CASH_IN


def held(open_rows: Iterable[Listed]) -> tuple[Listed, ...]:
    """The unsettled rows whose cash the agent took: outside the expected cash, in the drawer."""
    return tuple(row for row in open_rows if direction(row.host, row.product) == CASH_IN)


def legs(host: str, product: str, state: str, amount: int, total: int) -> tuple[int, int]:
    """(received, paid out) in the drawer for an aggregate of rows in ``state``."""
    way = direction(host, product)
    if way == NO_CASH or state not in ("SUCCESS", "REVERSED"):
        return 0, 0
    received, paid = (total, 0) if way == CASH_IN else (0, amount)
    if state == "REVERSED":
        return received + paid, paid + received
    return received, paid
