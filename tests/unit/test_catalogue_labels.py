"""Every label the bill-payment catalogue shows (an input, a bill detail, a receipt line), and
every product's and category's name, is marked for translation, so English mode says
"Customer ID", not "ID pelanggan", and "Flight Ticket", not "Tiket Pesawat"."""

from __future__ import annotations

from services.formats import MONTHS
from services.products import default_catalogue
from ui.models.catalogue_labels import LABELS, MONTH_NAMES
from ui.models.catalogue_names import CATEGORIES, NAMES


def catalogue_labels() -> set[str]:
    labels: set[str] = set()
    for spec in default_catalogue():
        labels |= {field.label for field in spec.fields}
        labels |= {label for label, _value in spec.details}
        labels |= {label for label, _value in spec.receipt}
    return labels


def test_every_catalogue_label_is_marked_for_translation():
    assert catalogue_labels() - set(LABELS) == set()


def test_no_label_is_marked_that_the_catalogue_does_not_use():
    assert set(LABELS) - catalogue_labels() == set()


def test_the_months_marked_for_translation_are_the_ones_periods_are_written_with():
    assert MONTH_NAMES == MONTHS


def test_every_product_and_category_name_is_marked_for_translation_and_nothing_else():
    assert sorted(NAMES) == sorted(spec.name for spec in default_catalogue())
    assert sorted(CATEGORIES) == sorted({spec.category for spec in default_catalogue()})
