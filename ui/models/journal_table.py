"""The Riwayat Transaksi table: a ``QAbstractTableModel`` over one ``JournalPage``
(STYLE.md rule 7), tested without a window.

The journal pages and counts in SQL (services/journal_query.py), so the model holds one
page only and never sorts: rows come newest first, as the agent looks for the last one.
``DisplayRole`` is what the agent reads; ``STATE_ROLE`` gives the row's ``State`` and
``ROW_ROLE`` its ``JournalRow``. The status cell carries its colour in ``ForegroundRole``
and ``BackgroundRole``: a style sheet cannot reach a single item of a view, so the palette
below repeats the result screen's colours from resources/style/loket.qss (green BERHASIL,
red GAGAL, amber BELUM PASTI).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from services.clock import WIB
from services.event_words import plain_reason, reversal_of
from services.i18n import QT_TRANSLATE_NOOP
from services.journal import JournalRow, State
from services.money import format_rupiah
from services.receipts.model import printed_reference
from services.receipts.products import money_returned
from services.reports.cash import issues_document
from ui.i18n import translate
from ui.models.rows import Column, Index, RowsModel

COLUMNS = (QT_TRANSLATE_NOOP("journal_table", "Waktu (WIB)"), QT_TRANSLATE_NOOP("journal_table", "No. referensi"),
           QT_TRANSLATE_NOOP("journal_table", "Produk"), QT_TRANSLATE_NOOP("journal_table", "Pelanggan"),
           QT_TRANSLATE_NOOP("journal_table", "Nominal"), QT_TRANSLATE_NOOP("journal_table", "Biaya"),
           QT_TRANSLATE_NOOP("journal_table", "Total"), QT_TRANSLATE_NOOP("journal_table", "Status"))
TIME, REFERENCE, PRODUCT, CUSTOMER, AMOUNT, FEE, TOTAL, STATUS = range(len(COLUMNS))

STATE_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

# What the agent reads for each state (the result screen's words).
STATE_LABELS = {
    State.NEW: QT_TRANSLATE_NOOP("journal_table", "BELUM TERKIRIM"),
    State.SENT: QT_TRANSLATE_NOOP("journal_table", "TERKIRIM"),
    State.SUCCESS: QT_TRANSLATE_NOOP("journal_table", "BERHASIL"),
    State.FAILED: QT_TRANSLATE_NOOP("journal_table", "GAGAL"),
    State.SUSPECT: QT_TRANSLATE_NOOP("journal_table", "BELUM PASTI"),
    State.REVERSED: QT_TRANSLATE_NOOP("journal_table", "DIBATALKAN"),
}
# (text, background) per state: loket.qss #resultStatus[state=...] and the banners.
_STATE_COLOURS = {
    State.SUCCESS: ("#1b5e20", "#e6f4ea"),
    State.FAILED: ("#b71c1c", "#fdecea"),
    State.SUSPECT: ("#8a5300", "#fff4e0"),
    State.NEW: ("#8a5300", "#fff4e0"),
    State.SENT: ("#8a5300", "#fff4e0"),
    State.REVERSED: ("#5e6b7a", "#eef2f7"),
}

def state_label(state: State) -> str:
    return translate("journal_table", STATE_LABELS[state]) if state in STATE_LABELS else state.value


# A FAILED transfer the bank sent back: the money went out and came back, not "never moved".
RETURNED_LABEL = QT_TRANSLATE_NOOP("journal_table", "GAGAL (REFUND)")  # no wider than BELUM TERKIRIM


def row_state_label(row: JournalRow) -> str:
    """A row's state as Riwayat lists it: ``state_label``, or RETURNED_LABEL for a FAILED row
    whose money came back (``services.receipts.products.money_returned``)."""
    if money_returned(row) is not None:
        return translate("journal_table", RETURNED_LABEL)
    return state_label(row.state)


def earlier_words(row: JournalRow) -> str:
    """What a SUCCESS row still says of the time before it was settled: the error code and
    words written when it became uncertain (SUSPECT: "biaya tidak terbaca", a lost answer),
    which its settling leaves in the journal as they were. Read under "BERHASIL" as "Pesan
    kesalahan", they looked like a failure; they are shown as "Sebelum dipastikan" instead.
    "" for any other row, or a success that never had any."""
    if row.state is not State.SUCCESS:
        return ""
    return " ".join(part for part in (row.error_code and f"[{row.error_code}]", row.error_message) if part)


def _words(code: str, message: str) -> str:
    return " ".join(part for part in (code and f"[{code}]", message) if part)


def _written(event: Any) -> tuple[str, str] | None:
    """The error code and words ``event`` wrote to its row (a key it left alone: ""), None
    when it wrote neither."""
    changes = event.changes or {}
    if "error_code" not in changes and "error_message" not in changes:
        return None
    return changes.get("error_code") or "", changes.get("error_message") or ""


def _last_into(events: list[Any], state: State) -> Any:
    return next((event for event in reversed(events) if event.to_state is state), None)


@dataclass(frozen=True)
class ProblemWords:
    """What a row's details say of its trouble, each part under its own name: ``doubt``,
    the words written when it became uncertain, once it is no longer ("Sebelum
    dipastikan"); ``failure``, the code and words of an open or failed row as they stand
    ("Kode kesalahan", "Pesan kesalahan"); ``cancelled``, why a REVERSED row was
    cancelled ("Alasan pembatalan"). A state has only its own parts: a SUCCESS neither
    failure nor cancellation, a REVERSED row no failure."""

    doubt: str = ""
    failure: tuple[str, str] | None = None
    cancelled: str = ""


def problem_words(row: JournalRow, events: list[Any]) -> ProblemWords:
    """``ProblemWords`` of ``row`` from its history (``Journal.events``, oldest first).

    The row keeps only the last code and words written to it, and a later state may leave
    them: a transfer uncertain with "SYSTEM MALFUNCTION", found booked, then reversed, still
    holds the malfunction under DIBATALKAN. Each event's changes say which state wrote which
    words. Without the event (a history not read), the row's own words, as before."""
    if row.state in (State.NEW, State.SENT, State.SUSPECT):
        return ProblemWords(failure=(row.error_code, row.error_message))
    uncertain = _last_into(events, State.SUSPECT)
    written = _written(uncertain) if uncertain is not None else None
    doubt = _words(*written) if written else earlier_words(row) if uncertain is None else ""
    last = _last_into(events, row.state)
    if row.state is State.SUCCESS:
        return ProblemWords(doubt=doubt)
    if row.state is State.FAILED:
        own = (row.error_code, row.error_message) if last is None else _written(last) or ("", "")
        return ProblemWords(doubt=doubt, failure=own)
    if last is None:  # REVERSED, its history not read
        return ProblemWords(cancelled=_words(row.error_code, row.error_message))
    reversal = reversal_of(last.reason)
    if reversal is not None:  # the supervisor's reversal: its record and their reason
        said = (translate("journal_table", "Reversal {reference}: {reason}") if reversal[1]
                else translate("journal_table", "Reversal {reference}"))
        return ProblemWords(doubt=doubt, cancelled=said.format(reference=reversal[0], reason=reversal[1]))
    written = _written(last)  # the bank's own (BCA's refund: 04 and how much came back where)
    return ProblemWords(doubt=doubt, cancelled=_words(*written) if written and any(written) else event_reason(last))


def wib_time(stamp: str, *, short: bool = False) -> str:
    """A journal timestamp as the agent reads it (WIB): ``21/11/2026 14:05:09``, or
    ``21/11/26 14:05`` where room is short (the list; the details say it in full)."""
    return datetime.fromisoformat(stamp).astimezone(WIB).strftime("%d/%m/%y %H:%M" if short else "%d/%m/%Y %H:%M:%S")


def customer_parts(row: JournalRow) -> tuple[str, ...]:
    """The customer's reference as the receipt prints it (charity's provider by name, a NIK
    masked, PLN's id as the bank answered it) and their name, those there are: the customer
    holding the receipt reads the same number (Riwayat finds it by either)."""
    ref = printed_reference(row)
    return tuple(part for part in (ref, row.customer_name) if part)


def customer_text(row: JournalRow) -> str:
    return " — ".join(customer_parts(row)) or "—"


def collected_text(row: JournalRow) -> str:
    """What the customer handed over at the counter. A created virtual account is a bill the
    customer pays later at the bank: nothing was taken here, as its result screen, Beranda and
    Laporan X say; its amount under "Total" read as Rp 250.000 received."""
    return "—" if issues_document(row.host, row.product) else format_rupiah(row.collected)


def product_text(row: JournalRow, names: Mapping[str, str]) -> str:
    """The product's name as the menus call it; an unknown id reads as words, never blank."""
    return names.get(row.product) or row.product.replace("_", " ").title()


class JournalTableModel(RowsModel[JournalRow]):
    context = "journal_table"

    def __init__(self, names: Mapping[str, str] | None = None, parent: Any = None) -> None:
        super().__init__((), parent)
        self.names: Mapping[str, str] = names or {}
        self.total = 0
        self.page = 0
        self.pages = 1
        self.columns = (
            Column(COLUMNS[TIME], lambda row: wib_time(row.created_at, short=True)),
            Column(COLUMNS[REFERENCE], lambda row: row.reference),
            Column(COLUMNS[PRODUCT], lambda row: product_text(row, self.names)),
            # number over name: both readable in a narrow column
            Column(COLUMNS[CUSTOMER],
                   lambda row: "\n".join(customer_parts(row)) or "—"),
            Column(COLUMNS[AMOUNT], lambda row: format_rupiah(row.amount), number=True),
            Column(COLUMNS[FEE], lambda row: format_rupiah(row.fee_final), number=True),
            # all the customer paid: the bank's total and the counter's own fee
            Column(COLUMNS[TOTAL], collected_text, number=True),
            Column(COLUMNS[STATUS], row_state_label),
        )

    def set_page(self, page: Any) -> None:
        """Show a ``JournalPage`` (its rows, and its place among the pages)."""
        self.total, self.page, self.pages = page.total, page.page, page.pages
        self.set_rows(page.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        column = index.column()
        if role == STATE_ROLE:
            return row.state
        if role == ROW_ROLE:
            return row
        if column == STATUS and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            text, background = _STATE_COLOURS[row.state]
            return QBrush(QColor(text if role == Qt.ItemDataRole.ForegroundRole else background))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS:
                earlier = earlier_words(row)
                if earlier:
                    return translate("journal_table", "Sebelum dipastikan: {value}").format(value=earlier)
                if row.state is State.REVERSED:  # they may be its earlier doubt's: the details say which
                    return None
                return row.error_message or None
            if column == PRODUCT:  # a long name may be cut short
                return self.text(index.row(), column)
            if column == CUSTOMER:  # a long number or name is cut short in its fixed-height row
                return customer_text(row)
        return super().data(index, role)


EVENT_COLUMNS = (QT_TRANSLATE_NOOP("journal_table", "Waktu (WIB)"), QT_TRANSLATE_NOOP("journal_table", "Dari"),
                 QT_TRANSLATE_NOOP("journal_table", "Menjadi"), QT_TRANSLATE_NOOP("journal_table", "Oleh"),
                 QT_TRANSLATE_NOOP("journal_table", "Alasan"))


def event_reason(event: Any) -> str:
    """The event's reason in the agent's words (``services.event_words``)."""
    words, evidence = plain_reason(event.reason, event.to_state)
    return translate("event_words", words).format(evidence=evidence)


class EventsModel(RowsModel[Any]):
    """A transaction's history (``Journal.events``): who moved it, when, and why, in the
    agent's words; the reason's tooltip is the journal's own text, for support."""

    context = "journal_table"
    columns = (
        Column(EVENT_COLUMNS[0], lambda event: wib_time(event.at)),
        Column(EVENT_COLUMNS[1], lambda event: state_label(event.from_state) if event.from_state else "—"),
        Column(EVENT_COLUMNS[2], lambda event: state_label(event.to_state)),
        Column(EVENT_COLUMNS[3], lambda event: event.actor),
        Column(EVENT_COLUMNS[4], event_reason),
    )

    def set_events(self, events: list[Any]) -> None:
        self.set_rows(events)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.isValid() and index.column() == len(EVENT_COLUMNS) - 1:
                return self.row_at(index.row()).reason or None
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)
