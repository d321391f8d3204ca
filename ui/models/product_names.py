"""Product id -> the name the agent knows it by, for the journal's lists.

The journal stores a product id ("switcher_transfer", "pln_postpaid"); the agent knows the
menu's words. Each service module owns its names (``services.banking.PRODUCTS``,
``services.switching.PRODUCTS``, the bill-payment catalogue); the SNAP products take the
titles of their screens. This module only gathers them.
"""

from __future__ import annotations

from typing import Any

from services import banking, switching
from services.snap_services import BcaService, VirtualAccountService
from ui.i18n import translate


def product_names(billpay: Any = None) -> dict[str, str]:
    """Every known product's name; ``billpay`` (a ``BillPayService``) adds its catalogue."""
    ours = {**banking.PRODUCTS, **switching.PRODUCTS}  # marked for translation where defined
    names = {**{key: translate("products", name) for key, name in ours.items()},
             VirtualAccountService.PRODUCT: translate("product_names", "Virtual Account "
                                                                       "DOKU"), BcaService.PRODUCT: translate("product_names", "BCA: Transfer")}
    if billpay is not None:
        names.update({spec.id: spec.name for spec in billpay.catalogue})
    return names
