"""Product groups: stable identifiers in the journal, the reports and the exports; the
Indonesian label is looked up for display (and translated, context "groups").

The journal's ``product_group`` is part of each row's chained hash, which the day seals
and the partner office verify, so the labels written before the identifiers existed
("Perbankan", "Tagihan", "Pembelian") stay as they were hashed: ``group_id`` reads them
as the identifiers they stand for, and every row written since stores the identifier.
"""

from __future__ import annotations

from services.i18n import QT_TRANSLATE_NOOP

BANKING = "banking"
BILLS = "bills"
PURCHASES = "purchases"

LABELS = {
    BANKING: QT_TRANSLATE_NOOP("groups", "Perbankan"),
    BILLS: QT_TRANSLATE_NOOP("groups", "Tagihan"),
    PURCHASES: QT_TRANSLATE_NOOP("groups", "Pembelian"),
}
# What rows journaled before the identifiers hold (contract v5 and earlier).
LEGACY = {label: group for group, label in LABELS.items()}


def group_id(stored: str) -> str:
    """The identifier of a stored group, whichever way its row was written."""
    return LEGACY.get(stored, stored)


def group_label(group: str) -> str:
    """The Indonesian label of a group (stored either way); an unknown one as it is, made
    readable (``virtual_account`` -> ``Virtual Account``)."""
    group = group_id(group)
    if group in LABELS:
        return LABELS[group]
    return group.replace("_", " ").title() if group.islower() else group
