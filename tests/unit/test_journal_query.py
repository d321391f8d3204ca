"""The journal browser's filters, paging and counts."""

from __future__ import annotations

import pytest

from services.journal import Journal, State, schema
from services.journal_query import JournalFilter, search, suspects
from tests.old_journals import schema_before


def fill(journal, clock):
    rows = []
    for _day in range(3):
        for i, (product, name, customer) in enumerate([("deposit", "SITI RAHAYU", "1234567890"),
                                                       ("switcher_transfer", "BRIAPI SANDBOX", "888801000003301"),
                                                       ("deposit", "Budi_Santoso 100%", "5550001112")]):
            ref = journal.next_reference()
            journal.begin(reference=ref, host="h", product=product, product_group="g", amount=1000 * (i + 1), fee=0,
                          operator="op", customer_ref=customer, customer_name=name, request={})
            journal.transition(ref, State.SENT, actor="op", reason="r")
            journal.transition(ref, State.SUCCESS if i != 1 else State.SUSPECT, actor="op", reason="r")
            rows.append(journal.get(ref))
        clock.advance(86_400)
    return rows


def test_filters_combine_and_rows_come_newest_first(journal, clock):
    rows = fill(journal, clock)
    page = search(journal, JournalFilter(date_from="2026-11-22", date_to="2026-11-23", product="deposit"))
    assert page.total == 4 and [r.reference for r in page.rows] == [rows[8].reference, rows[6].reference,
                                                                    rows[5].reference, rows[3].reference]
    assert search(journal, JournalFilter(state=State.SUSPECT)).total == 3
    assert search(journal, JournalFilter(state="SUSPECT", date_from="2026-11-23")).total == 1


def test_customer_by_number_prefix_or_any_part_of_the_name(journal, clock):
    fill(journal, clock)
    assert search(journal, JournalFilter(customer="8888010")).total == 3
    assert search(journal, JournalFilter(customer="rahayu")).total == 3
    assert search(journal, JournalFilter(customer="100%")).total == 3  # LIKE wildcards are literal
    assert search(journal, JournalFilter(customer="_")).total == 3
    assert search(journal, JournalFilter(customer="nobody")).total == 0
    rahayu = [r.reference for r in search(journal, JournalFilter(customer="rahayu")).rows]
    pages = [search(journal, JournalFilter(customer="rahayu"), page=n, page_size=2) for n in range(2)]
    assert [r.reference for p in pages for r in p.rows] == rahayu and pages[1].pages == 2


def test_a_name_and_a_number_that_both_match_count_once(journal, clock):
    fill(journal, clock)
    ref = journal.next_reference()
    journal.begin(reference=ref, host="h", product="deposit", product_group="g", amount=1000, fee=0, operator="op",
                  customer_ref="5550009999", customer_name="WARUNG 5550", request={})
    page = search(journal, JournalFilter(customer="5550"))
    # By number: the three Budi rows and the warung; by name: the warung again.
    assert page.total == 4 and len(page.rows) == 4 and page.rows[0].reference == ref
    assert search(journal, JournalFilter(customer="warung")).total == 1


def test_the_name_index_follows_the_transaction_that_writes_the_row(journal, clock):
    fill(journal, clock)
    with pytest.raises(RuntimeError):
        with journal.transaction():
            journal.begin(reference=journal.next_reference(), host="h", product="deposit", product_group="g",
                          amount=1000, fee=0, operator="op", customer_ref="777", customer_name="ANI WIJAYA",
                          request={})
            assert search(journal, JournalFilter(customer="wijaya")).total == 1  # in step before the commit
            raise RuntimeError("the sale is called off")
    assert search(journal, JournalFilter(customer="wijaya")).total == 0
    assert search(journal, JournalFilter(customer="rahayu", date_from="2026-11-22")).total == 2


def test_a_journal_written_before_the_name_index_finds_its_names_after_the_migration(tmp_path, clock, monkeypatch):
    path = tmp_path / "old.db"
    with schema_before(schema._CUSTOMER_NAME_SEARCH, monkeypatch):
        with Journal(path, clock=clock) as journal:
            fill(journal, clock)
    with Journal(path, clock=clock) as journal:
        assert journal.schema_version == schema.SCHEMA_VERSION
        assert search(journal, JournalFilter(customer="Rahayu")).total == 3
        assert search(journal, JournalFilter(customer="yu")).total == 3
        assert journal.verify().ok


def test_reference_exact_or_prefix(journal, clock):
    rows = fill(journal, clock)
    assert [r.id for r in search(journal, JournalFilter(reference=rows[4].reference)).rows] == [rows[4].id]
    assert search(journal, JournalFilter(reference="261122")).total == 3
    assert search(journal, JournalFilter(reference="2611")).total == 9


def test_pages_and_their_total(journal, clock):
    rows = fill(journal, clock)
    first = search(journal, JournalFilter(), page=0, page_size=4)
    last = search(journal, JournalFilter(), page=2, page_size=4)
    assert (first.total, first.pages, len(first.rows), len(last.rows)) == (9, 3, 4, 1)
    assert last.rows[0].id == rows[0].id


def test_the_suspect_work_list_is_oldest_first(journal, clock):
    rows = fill(journal, clock)
    assert [r.id for r in suspects(journal)] == [rows[1].id, rows[4].id, rows[7].id]
