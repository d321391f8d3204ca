"""The names of the bill and purchase catalogue's products and categories (``services.products``),
marked for translation as its labels are (``ui.models.catalogue_labels``): the catalogue
is plain Python and names them in Indonesian; the menus, the bill screens, the palette,
Riwayat and the reports show them through ``name_text`` / ``category_text`` (or
``ui.models.product_names``, which translates every product's name in context "products").

What a name describes is translated ("Tiket Pesawat" -> "Flight Ticket"); a brand or an
institution keeps its own name in English too (PLN, BPJS Kesehatan, Adira Finance, the
religious giving of "Zakat, Infaq, Qurban, Wakaf"), so the translation of such a name is
the name itself. Receipts keep the Indonesian name, like every printed line.
``tests/unit/test_catalogue_labels.py`` checks that every name and category is here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate

if TYPE_CHECKING:
    from services.products import Catalogue, ProductSpec

NAMES = (
    QT_TRANSLATE_NOOP("products", "PLN Pascabayar (Tagihan Listrik)"),
    QT_TRANSLATE_NOOP("products", "PLN Non-Taglis (Pasang Baru/Tambah Daya)"),
    QT_TRANSLATE_NOOP("products", "BPJS Kesehatan"),
    QT_TRANSLATE_NOOP("products", "BPJS Ketenagakerjaan (BPU/TKI)"),
    QT_TRANSLATE_NOOP("products", "PDAM (Air Minum)"),
    QT_TRANSLATE_NOOP("products", "Telkom (Telepon Rumah)"),
    QT_TRANSLATE_NOOP("products", "Internet Telkom (IndiHome/Speedy)"),
    QT_TRANSLATE_NOOP("products", "Ponsel Pascabayar"),
    QT_TRANSLATE_NOOP("products", "TV Berlangganan Indovision"),
    QT_TRANSLATE_NOOP("products", "TV Berlangganan First Media"),
    QT_TRANSLATE_NOOP("products", "Adira Finance"),
    QT_TRANSLATE_NOOP("products", "FIF (Federal International Finance)"),
    QT_TRANSLATE_NOOP("products", "OTO Kredit"),
    QT_TRANSLATE_NOOP("products", "SMS Finance"),
    QT_TRANSLATE_NOOP("products", "NSC Finance"),
    QT_TRANSLATE_NOOP("products", "KreditPlus (Finansia)"),
    QT_TRANSLATE_NOOP("products", "ACC (Astra Credit Companies)"),
    QT_TRANSLATE_NOOP("products", "Asuransi BNI Life"),
    QT_TRANSLATE_NOOP("products", "Prudential - Premi Pertama"),
    QT_TRANSLATE_NOOP("products", "Prudential - Premi Lanjutan"),
    QT_TRANSLATE_NOOP("products", "Prudential - Top Up Premi"),
    QT_TRANSLATE_NOOP("products", "Prudential - Cetak Ulang Polis"),
    QT_TRANSLATE_NOOP("products", "Prudential - Perubahan Polis"),
    QT_TRANSLATE_NOOP("products", "Prudential - Cetak Kartu"),
    QT_TRANSLATE_NOOP("products", "Asuransi Bumiputera"),
    QT_TRANSLATE_NOOP("products", "Kartu Kredit BNI"),
    QT_TRANSLATE_NOOP("products", "Kartu Kredit Bank Lain"),
    QT_TRANSLATE_NOOP("products", "Pinjaman Pribadi (KTA)"),
    QT_TRANSLATE_NOOP("products", "Zakat, Infaq, Qurban, Wakaf"),
    QT_TRANSLATE_NOOP("products", "Tiket Pesawat"),
    QT_TRANSLATE_NOOP("products", "Tiket Kereta Api (KAI)"),
)

CATEGORIES = (
    QT_TRANSLATE_NOOP("categories", "Listrik"),
    QT_TRANSLATE_NOOP("categories", "BPJS"),
    QT_TRANSLATE_NOOP("categories", "Air"),
    QT_TRANSLATE_NOOP("categories", "Telepon & Internet"),
    QT_TRANSLATE_NOOP("categories", "TV Berlangganan"),
    QT_TRANSLATE_NOOP("categories", "Angsuran Kredit"),
    QT_TRANSLATE_NOOP("categories", "Asuransi"),
    QT_TRANSLATE_NOOP("categories", "Kartu Kredit & Pinjaman"),
    QT_TRANSLATE_NOOP("categories", "Donasi"),
    QT_TRANSLATE_NOOP("categories", "Tiket"),
)


def name_text(spec: "ProductSpec") -> str:
    """The product's name in the agent's language."""
    return translate("products", spec.name)


def category_text(category: str) -> str:
    return translate("categories", category)


def shown_words(catalogue: "Catalogue") -> dict[str, str]:
    """Each product's name and category as the agent reads them, for ``Catalogue.search``:
    an English agent finds "Flight Ticket" by typing "flight", as the button says."""
    return {spec.id: f"{name_text(spec)} {category_text(spec.category)}" for spec in catalogue}
