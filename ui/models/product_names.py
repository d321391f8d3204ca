"""Product id -> the name the agent knows it by, for the journal's lists.

The journal stores a product id ("switcher_transfer", "pln_postpaid"); the agent knows the
menu's words. Each service module owns its names (``services.hosts.bankplus.service.PRODUCTS``,
``services.hosts.switcher.service.PRODUCTS``, the bill-payment catalogue); the SNAP products take the
titles of their screens. This module only gathers them.
"""

from __future__ import annotations

from typing import Any

from services.product_names import HOST_NAMES as HOST_NAMES  # what the screens import from here
from services.product_names import product_names as known_names
from ui.i18n import translate


def product_names(billpay: Any = None) -> dict[str, str]:
    """Every known product's name in the agent's language (a brand keeps its own name:
    ``ui/models/catalogue_names.py``). ``billpay`` is accepted for callers that pass it; the
    catalogue is always included."""
    del billpay
    return {key: translate("products", name) for key, name in known_names().items()}
