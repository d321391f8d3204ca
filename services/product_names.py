"""Product id -> the name the agent knows it by (the menu's words), for lists and reports.

The journal stores ids ("switcher_transfer", "pln_postpaid"). Each service module owns its
names (``services.hosts.bankplus.service.PRODUCTS``, ``services.hosts.switcher.service.PRODUCTS``, the bill-payment
catalogue); the SNAP products are named here after their screens. Receipts keep their own,
bank-style titles (``services.receipts.products``).
"""

from __future__ import annotations

from functools import lru_cache

from services.i18n import QT_TRANSLATE_NOOP


@lru_cache(maxsize=1)
def product_names() -> dict[str, str]:
    """Every known product's Indonesian name (marked for translation where it is defined)."""
    from services.hosts.bankplus import service as banking
    from services.hosts.switcher import service as switching
    from services.products import default_catalogue
    from services.hosts.bca.service import BcaService
    from services.hosts.doku.service import VirtualAccountService

    return {
        **banking.PRODUCTS,
        **switching.PRODUCTS,
        VirtualAccountService.PRODUCT: QT_TRANSLATE_NOOP("products", "Virtual Account DOKU"),
        BcaService.PRODUCT: QT_TRANSLATE_NOOP("products", "BCA: Transfer"),
        BcaService.PRODUCT_INTERBANK: QT_TRANSLATE_NOOP("products", "BCA: Transfer Antar Bank"),
        **{spec.id: spec.name for spec in default_catalogue()},
    }


def product_name(product: str) -> str:
    """The name of ``product``, or the id made readable when nothing names it."""
    return product_names().get(product) or product.replace("_", " ").title()
