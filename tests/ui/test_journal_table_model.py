"""The Riwayat table model over a real journal page, without a window (STYLE.md rule 7)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush

from services.clock import WIB, FixedClock
from services.journal import Journal, JournalEvent, State
from services.journal_query import JournalFilter, search
from ui.models.journal_table import (
    AMOUNT,
    COLUMNS,
    CUSTOMER,
    PRODUCT,
    REFERENCE,
    ROW_ROLE,
    STATE_ROLE,
    STATUS,
    TIME,
    TOTAL,
    EventsModel,
    JournalTableModel,
)

NAMES = {"deposit": "Setor Tunai", "switcher_transfer": "Transfer Switching"}


@pytest.fixture
def journal(tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 14, 5, 9, tzinfo=WIB))
    with Journal(tmp_path / "journal.db", clock=clock) as journal:
        yield journal


def add(journal, product, state, *, amount=250_000, fee=0, customer=("14047", "ARDHA HERDIANTO")):
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product=product, product_group="banking", amount=amount,
                  fee=fee, operator="BNIUS100294", request={"amount": amount}, customer_ref=customer[0],
                  customer_name=customer[1])
    journal.transition(ref, State.SENT, actor="BNIUS100294", reason="dikirim")
    if state is not State.SENT:
        journal.transition(ref, state, actor="BNIUS100294", reason="jawaban host", error_message="ditolak"
                           if state is State.FAILED else None)
    journal.clock.advance(61)
    return ref


def test_columns_show_what_the_agent_reads(journal):
    ok = add(journal, "deposit", State.SUCCESS, fee=2_500)
    add(journal, "switcher_transfer", State.SUSPECT, amount=1_000_000, customer=("888801000003301", ""))
    model = JournalTableModel(NAMES)
    model.set_page(search(journal, JournalFilter()))
    assert model.rowCount() == 2 and model.columnCount() == len(COLUMNS)
    assert model.headerData(TIME, Qt.Orientation.Horizontal) == "Waktu (WIB)"
    newest, oldest = model.index(0, 0), model.index(1, 0)
    assert model.data(newest.siblingAtColumn(PRODUCT)) == "Transfer Switching"  # newest first
    assert model.data(newest.siblingAtColumn(CUSTOMER)) == "888801000003301"  # no dangling dash
    assert model.data(newest.siblingAtColumn(STATUS)) == "BELUM PASTI"
    assert model.data(oldest.siblingAtColumn(TIME)) == "21/11/26 14:05"
    assert model.data(oldest.siblingAtColumn(REFERENCE)) == ok
    assert model.data(oldest.siblingAtColumn(CUSTOMER)) == "14047\nARDHA HERDIANTO"  # number over name
    assert model.data(oldest.siblingAtColumn(AMOUNT)) == "Rp 250.000"
    assert model.data(oldest.siblingAtColumn(TOTAL)) == "Rp 252.500"
    assert model.data(oldest.siblingAtColumn(STATUS)) == "BERHASIL"
    assert model.data(oldest, STATE_ROLE) is State.SUCCESS
    assert model.data(oldest, ROW_ROLE).reference == ok == model.row_at(1).reference
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(oldest.siblingAtColumn(AMOUNT), Qt.ItemDataRole.TextAlignmentRole) == right


def test_the_customer_reads_as_on_the_receipt_while_the_journal_keeps_what_was_sent(journal):
    """Charity's provider by its name, not its wire code; a new account's NIK and a credit
    card's number masked as the receipt masks them."""
    for host, product, ref in (("keagenan", "charity", "ZAKAT_DOMPET_DHUAFA"),
                               ("bankplus", "open_account", "3515012345670001"),
                               ("keagenan", "cc_bni", "4665730000000117")):
        reference = journal.next_reference()
        journal.begin(reference=reference, host=host, product=product, product_group="x", amount=150_000, fee=0,
                      operator="kasir1", request={}, customer_ref=ref)
        journal.clock.advance(61)
    model = JournalTableModel(NAMES)
    model.set_page(search(journal, JournalFilter()))
    customers = [model.data(model.index(row, CUSTOMER)) for row in range(3)]
    assert customers == ["466573******0117", "351501******0001", "Zakat - Dompet Dhuafa"]  # newest first
    assert {row.customer_ref for row in journal.rows()} == {"ZAKAT_DOMPET_DHUAFA", "3515012345670001",
                                                            "4665730000000117"}


def test_status_colour_follows_the_state(journal):
    for state in (State.SUCCESS, State.FAILED, State.SUSPECT):
        add(journal, "deposit", state)
    model = JournalTableModel(NAMES)
    model.set_page(search(journal, JournalFilter()))
    colours = {model.data(model.index(r, STATUS), STATE_ROLE):
               model.data(model.index(r, STATUS), Qt.ItemDataRole.ForegroundRole) for r in range(3)}
    assert all(isinstance(brush, QBrush) for brush in colours.values())
    assert len({brush.color().name() for brush in colours.values()}) == 3  # green, red, amber
    assert model.data(model.index(0, AMOUNT), Qt.ItemDataRole.ForegroundRole) is None  # only the status cell
    failed = next(r for r in range(3) if model.data(model.index(r, 0), STATE_ROLE) is State.FAILED)
    assert model.data(model.index(failed, STATUS), Qt.ItemDataRole.ToolTipRole) == "ditolak"


def test_paging_figures_and_unknown_products(journal):
    for _ in range(5):
        add(journal, "pln_postpaid", State.SUCCESS)
    model = JournalTableModel(NAMES)
    model.set_page(search(journal, JournalFilter(), page=1, page_size=2))
    assert (model.rowCount(), model.total, model.page, model.pages) == (2, 5, 1, 3)
    assert model.data(model.index(0, PRODUCT)) == "Pln Postpaid"  # never blank
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    assert model.data(QModelIndex()) is None


def test_events_model_says_who_when_why(journal):
    ref = add(journal, "deposit", State.SUSPECT)
    model = EventsModel()
    model.set_events(journal.events(ref))
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows[0][1:4] == ["—", "BELUM TERKIRIM", "BNIUS100294"]
    # the agent's words for the journal's own ("jawaban host"), which the tooltip keeps
    assert rows[-1][1:] == ["TERKIRIM", "BELUM PASTI", "BNIUS100294", "Status belum pasti"]
    assert model.data(model.index(model.rowCount() - 1, 4), Qt.ItemDataRole.ToolTipRole) == "jawaban host"
    assert isinstance(journal.events(ref)[0], JournalEvent)


def test_the_customer_cell_tells_its_whole_text(journal):
    """A long number cannot wrap in a narrow column: cut with "…", the tooltip still says it."""
    add(journal, "deposit", State.SUCCESS, customer=("88080123456789012345", "ALOYSIUS AGUS WARI ZULKARNAEN"))
    add(journal, "deposit", State.SUCCESS, customer=("14047", ""))
    model = JournalTableModel(NAMES)
    model.set_page(search(journal, JournalFilter()))
    tips = [model.data(model.index(r, CUSTOMER), Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert tips == ["14047", "88080123456789012345 — ALOYSIUS AGUS WARI ZULKARNAEN"]  # newest first
