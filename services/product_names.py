"""Product id -> the name the agent knows it by (the menu's words), for lists and reports.

The journal stores ids ("switcher_transfer", "pln_postpaid"). Each host names its own
products (``Host.product_names`` in its ``services/hosts/<name>/host.py``: Bank+ and the
Switcher from their services' ``PRODUCTS``, BNI Keagenan from its catalogue, the SNAP
products after their screens). Receipts keep their own, bank-style titles
(``services.receipts.products``).
"""

from __future__ import annotations

from functools import lru_cache

# the hosts by the names an agent knows them by (the journal keeps the short id)
HOST_NAMES = {"bankplus": "Bank+", "switcher": "Bank+ Switcher", "keagenan": "BNI Keagenan", "doku": "DOKU (BNI VA)",
              "bca": "BCA"}


@lru_cache(maxsize=1)
def product_names() -> dict[str, str]:
    """Every known product's Indonesian name (marked for translation where it is defined;
    the bill catalogue's in ``ui/models/catalogue_names.py``, as its labels are)."""
    from services.hosts.registry import HOSTS  # on first use: the reports load without the hosts

    return {product: name for host in HOSTS for product, name in host.product_names().items()}


def product_name(product: str) -> str:
    """The name of ``product``, or the id made readable when nothing names it."""
    return product_names().get(product) or product.replace("_", " ").title()
