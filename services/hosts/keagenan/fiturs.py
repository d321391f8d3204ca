"""BNI Keagenan fiturIds a deployment overrides (Koneksi Host ``fitur_overrides``).

Text such as ``bni_life=FTR437/FTR463, charity=FTR426``: product id = inquiry/payment, or
the payment alone. The document's fiturId table (appendix 2.5.1) is absent and it prints
FTR463 for two products, so the bank's real table may differ from what Loket reads in the
document. Only live mode uses them: the sandbox speaks the document's numbers.
"""

from __future__ import annotations

import re

from services.i18n import QT_TRANSLATE_NOOP, templated

FITUR = re.compile(r"FTR\d{3,4}")
MAX_OVERRIDES = 1000  # characters of the setting: a list of products


def parse_fitur_overrides(text: str) -> dict[str, tuple[str | None, str]]:
    """``"bni_life=FTR437/FTR463, charity=FTR426"`` -> ``{"bni_life": ("FTR437", "FTR463"),
    "charity": (None, "FTR426")}``; ``ValueError`` (in the agent's words) for anything else:
    an unknown product, a fiturId not shaped FTRnnn, an inquiry for a one-step product."""
    from services.products import default_catalogue

    catalogue = default_catalogue()
    out: dict[str, tuple[str | None, str]] = {}
    for entry in (e.strip() for e in re.split(r"[,;\n]", text)):
        if not entry:
            continue
        product, _, value = (part.strip() for part in entry.partition("="))
        try:
            spec = catalogue.get(product)
        except KeyError:
            raise ValueError(templated(QT_TRANSLATE_NOOP("errors", "Produk tidak dikenal di fiturId khusus: "
                                                                   "{product}."), product=product or "?")) from None
        inquiry, slash, payment = (part.strip().upper() for part in value.rpartition("/"))
        codes = [c for c in (inquiry, payment) if c]
        if not payment or any(not FITUR.fullmatch(c) for c in codes) or (slash and not inquiry):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "Tulis fiturId khusus sebagai produk=FTRinquiry/FTRpayment, "
                                                         "contoh bni_life=FTR437/FTR463."))
        if inquiry and spec.single_step:
            raise ValueError(templated(QT_TRANSLATE_NOOP("errors", "Produk {product} tidak punya inquiry: tulis "
                                                                   "fiturId payment saja."), product=product))
        out[product] = (inquiry or None, payment)
    return out


def check_fitur_overrides(text: str) -> str | None:
    """Koneksi Host's check of the setting: None when it parses, else the agent's words."""
    try:
        parse_fitur_overrides(text)
    except ValueError as exc:
        return exc.args[0]
    return None
