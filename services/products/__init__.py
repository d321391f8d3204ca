"""The product catalogue: one declarative spec per bill-payment product.

``Catalogue`` is what the bill-payment screen asks: which products exist (by group,
``bills`` or ``purchases`` (``services.product_groups``), and category), which one the agent
means by typing part of a name (``search``), and the spec of one (``get``). ``default_catalogue()`` builds it with the
packaged PDAM list, or with an operator's own file (``pdam_file``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from services.products.catalogue import build
from services.products.pdam import load_providers
from services.products.spec import (
    AMOUNT,
    CHOICE,
    DIGITS,
    MONTHS,
    PEMBELIAN,
    TAGIHAN,
    TEXT,
    Choice,
    Echo,
    InputField,
    ProductSpec,
)

__all__ = [
    "AMOUNT", "CHOICE", "DIGITS", "MONTHS", "TEXT", "TAGIHAN", "PEMBELIAN",
    "Catalogue", "Choice", "Echo", "InputField", "ProductSpec", "default_catalogue",
]


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


class Catalogue:
    def __init__(self, products: tuple[ProductSpec, ...]) -> None:
        ids = [p.id for p in products]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate product id")
        self.products = products
        self._by_id = {p.id: p for p in products}
        self._words = {p.id: self._vocabulary(p) for p in products}

    @staticmethod
    def _vocabulary(p: ProductSpec) -> tuple[set[str], set[str]]:
        """(words of the name and aliases, words of the choice labels) of one product."""
        primary = set(_words(p.name)) | set(_words(p.category)) | {w for a in p.aliases for w in _words(a)}
        secondary = {w for f in p.fields for c in f.choices for w in _words(c.label)}
        return primary, secondary

    def get(self, product_id: str) -> ProductSpec:
        try:
            return self._by_id[product_id]
        except KeyError:
            raise KeyError(f"unknown product {product_id!r}") from None

    def __iter__(self):
        return iter(self.products)

    def __len__(self) -> int:
        return len(self.products)

    def in_group(self, group: str) -> list[ProductSpec]:
        return [p for p in self.products if p.group == group]

    def categories(self, group: str) -> list[str]:
        return list(dict.fromkeys(p.category for p in self.in_group(group)))

    def with_fiturs(self, overrides: Mapping[str, tuple[str | None, str]]) -> "Catalogue":
        """This catalogue with some products' fiturIds replaced: ``{product id: (inquiry or
        None to keep it, payment)}``. The document's appendix 2.5.1 (the fiturId table) is
        absent, so a bank whose real table differs is configured per deployment
        (Koneksi Host) instead of waiting for a new Loket."""
        if not overrides:
            return self
        products = []
        for p in self.products:
            if p.id in overrides:
                inquiry, payment = overrides[p.id]
                p = replace(p, payment_fitur=payment or p.payment_fitur,
                            inquiry_fitur=inquiry if inquiry and p.inquiry_fitur else p.inquiry_fitur)
            products.append(p)
        return Catalogue(tuple(products))

    def family(self, family: str) -> list[ProductSpec]:
        """Sub-products shown under one entry (Prudential)."""
        return [p for p in self.products if p.family == family]

    def search(self, text: str, shown: Mapping[str, str] | None = None) -> list[ProductSpec]:
        """Products whose name, category, aliases or provider names match every typed word.

        Case and accents do not matter; a typed word matches a word that starts with it
        ("list" finds "listrik"). Exact word matches in the name or aliases rank first,
        then prefix matches, then matches only through a provider name ("air" finds PDAM
        before "Tiket Pesawat", which has AirAsia). Ties keep the menu order. ``shown``
        (product id -> words) adds what a screen shows for a product, as its name: the name
        and category in the agent's language.
        """
        typed = _words(text)
        if not typed:
            return list(self.products)
        scored = []
        for order, p in enumerate(self.products):
            primary, secondary = self._words[p.id]
            if shown and p.id in shown:
                primary = primary | set(_words(shown[p.id]))
            score = 0
            for word in typed:
                if word in primary:
                    score += 3
                elif any(w.startswith(word) for w in primary):
                    score += 2
                elif any(w.startswith(word) for w in secondary):
                    score += 1
                else:
                    break
            else:
                scored.append((-score, order, p))
        return [p for _, _, p in sorted(scored, key=lambda t: (t[0], t[1]))]


@lru_cache(maxsize=8)
def _cached(pdam_file: str | None) -> Catalogue:
    return Catalogue(build(load_providers(pdam_file)))


def kept_numbers(typed: str) -> tuple[str, ...]:
    """The forms, besides ``typed`` itself, in which the journal may keep a customer number
    typed as the bill or the receipt prints it: Telkom's 021998877441 is kept as
    0021998877441 (the area code padded for the wire, ``ProductSpec.kept_number``). Riwayat
    looks for each."""
    forms = {kept for spec in default_catalogue().products if (kept := spec.kept_number(typed))}
    forms.discard(typed)
    return tuple(sorted(forms))


def default_catalogue(pdam_file: Path | str | None = None) -> Catalogue:
    """The catalogue with the packaged PDAM list plus ``pdam_file`` if given."""
    return _cached(str(pdam_file) if pdam_file else None)
