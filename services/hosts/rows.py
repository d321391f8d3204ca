"""The journal row a service resends or checks, refused in the agent's words when the
reference is unknown or belongs to another host or product."""

from __future__ import annotations

from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from services.journal import Journal, JournalRow


def own_row(journal: Journal, reference: str, host: str, *products: str) -> JournalRow:
    try:
        row = journal.get(reference)
    except KeyError:
        raise UserInputError("reference", QT_TRANSLATE_NOOP("errors", "Nomor referensi tidak ada di jurnal.")) from None
    if row.host != host or row.product not in products:
        raise UserInputError("reference", QT_TRANSLATE_NOOP("errors",
                                                            "Nomor referensi ini milik transaksi jenis lain."))
    return row
