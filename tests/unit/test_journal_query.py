"""The journal browser's filters, paging and counts."""

from __future__ import annotations

from services.journal import State
from services.journal_query import JournalFilter, search, suspects


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
