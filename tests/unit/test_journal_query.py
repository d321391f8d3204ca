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


# -- the numbers the bank answered that a receipt prints (PLN: 5311112 answered to 53111) ----
def answered_numbers():
    import services.receipts  # noqa: F401  (the hosts' receipts registered)
    from services.receipts.products import number_locations

    return number_locations()


def pln(journal, *, typed="53111", answered="5311112", outcome=State.SUCCESS):
    """A PLN payment as the service journals it: the request carries the id the inquiry answered."""
    ref = journal.next_reference()
    journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="Tagihan", amount=125_000,
                  fee=2_500, operator="op", customer_ref=typed, customer_name="PEL POSTPAID 174193",
                  request={"fiturId": "FTR494", "data": {"customerId": answered, "systemId": "POSTPAID"}},
                  sent_by="op")
    if outcome is not None:
        journal.transition(ref, outcome, actor="system", reason="r", response={"rc": "00"})
    return ref


def test_a_bill_is_found_by_the_number_its_receipt_printed(tmp_path, clock):
    with Journal(tmp_path / "j.db", clock=clock, answered_numbers=answered_numbers()) as journal:
        fill(journal, clock)
        paid, unknown = pln(journal), pln(journal, outcome=State.SUSPECT)
        same = pln(journal, typed="5322222", answered="5322222")  # answered as typed: one number
        assert [r.reference for r in search(journal, JournalFilter(customer="5311112")).rows] == [unknown, paid]
        assert search(journal, JournalFilter(customer="531111")).total == 2
        assert search(journal, JournalFilter(customer="53")).total == 3  # typed and printed: each row once
        assert [r.reference for r in search(journal, JournalFilter(customer="532")).rows] == [same]
        assert search(journal, JournalFilter(customer="5311112", state=State.SUSPECT)).total == 1
        assert search(journal, JournalFilter(customer="5311112", date_from="2026-12-01")).total == 0
        assert [r.reference for p in range(2)
                for r in search(journal, JournalFilter(customer="5311112"), page=p, page_size=1).rows] == [unknown,
                                                                                                            paid]
        assert journal.verify().ok


def test_the_printed_number_is_written_with_the_outcome_or_not_at_all(tmp_path, clock):
    with Journal(tmp_path / "j.db", clock=clock, answered_numbers=answered_numbers()) as journal:
        sent = pln(journal, outcome=None)
        assert search(journal, JournalFilter(customer="5311112")).total == 0  # no outcome yet
        with pytest.raises(OSError):
            with journal.transaction():  # the outcome's transaction rolls back: no number either
                journal.transition(sent, State.SUCCESS, actor="system", reason="r")
                raise OSError("disk")
        assert journal.get(sent).state is State.SENT
        assert search(journal, JournalFilter(customer="5311112")).total == 0
        journal.transition(sent, State.SUCCESS, actor="system", reason="r")
        assert search(journal, JournalFilter(customer="5311112")).total == 1


def test_a_new_accounts_number_the_bank_answered_finds_its_opening(tmp_path, clock):
    with Journal(tmp_path / "j.db", clock=clock, answered_numbers=answered_numbers()) as journal:
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="open_account", product_group="Perbankan",
                      amount=50_000, fee=0, operator="op", customer_ref="3515012345670001", customer_name="SITI",
                      request={"ktp": "3515012345670001"}, sent_by="op")
        journal.transition(ref, State.SUCCESS, actor="system", reason="r",
                           response={"data": {"account_number_customer": "1000123456"}})
        assert [r.reference for r in search(journal, JournalFilter(customer="1000123456")).rows] == [ref]


def test_a_journal_written_before_the_printed_numbers_finds_them_after_the_update(tmp_path, clock, monkeypatch):
    path = tmp_path / "old.db"
    with schema_before(schema._ANSWERED_NUMBERS, monkeypatch):
        with Journal(path, clock=clock) as journal:
            fill(journal, clock)
            paid = pln(journal)
    with Journal(path, clock=clock) as journal:  # the command line first: it declares no numbers
        assert journal.schema_version == schema.SCHEMA_VERSION
    with Journal(path, clock=clock, answered_numbers=answered_numbers()) as journal:  # then Loket
        assert [r.reference for r in search(journal, JournalFilter(customer="5311112")).rows] == [paid]
        assert search(journal, JournalFilter(customer="1234")).total == 3
        assert journal.verify().ok


# -- the bank's reference ("Ref. Bank" on the receipt) ------------------------------------
def settled(journal, host_ref, *, customer="1234567890"):
    ref = journal.next_reference()
    journal.begin(reference=ref, host="switcher", product="switcher_transfer", product_group="Transfer",
                  amount=150_000, fee=0, operator="op", customer_ref=customer, customer_name="BRIAPI SANDBOX",
                  request={}, sent_by="op")
    journal.transition(ref, State.SUCCESS, actor="system", reason="r", host_ref=host_ref)
    return ref


def test_a_payment_is_found_by_the_banks_reference_on_its_receipt(journal, clock):
    fill(journal, clock)
    numbered, lettered = settled(journal, "778899001122"), settled(journal, "FT26112HXK9Q")
    assert [r.reference for r in search(journal, JournalFilter(reference="778899001122")).rows] == [numbered]
    assert [r.reference for r in search(journal, JournalFilter(reference="ft26112hxk9q")).rows] == [lettered]
    assert search(journal, JournalFilter(reference="7788990011")).total == 0  # the bank's whole, as printed
    assert search(journal, JournalFilter(reference="778899001122", date_from="2026-12-30")).total == 0
    assert search(journal, JournalFilter(reference=numbered[:6])).total == 2  # Loket's own prefix as before
    assert journal.verify().ok


def test_a_journal_written_before_the_bank_reference_index_finds_it_after_the_update(tmp_path, clock, monkeypatch):
    path = tmp_path / "old.db"
    with schema_before(schema._BANK_REFERENCE, monkeypatch):
        with Journal(path, clock=clock) as journal:
            fill(journal, clock)
            paid = settled(journal, "778899001122")
    with Journal(path, clock=clock) as journal:
        assert journal.schema_version == schema.SCHEMA_VERSION
        assert [r.reference for r in search(journal, JournalFilter(reference="778899001122")).rows] == [paid]
        assert journal.verify().ok


# -- a short number that starts most rows: counted up to the cap -----------------------------
@pytest.mark.parametrize("walk", [100, 1])  # the days walked newest first, or (too sparse) the matches sorted
def test_a_short_number_is_counted_up_to_the_cap_and_its_newest_rows_listed_in_order(journal, clock, monkeypatch,
                                                                                    walk):
    import services.journal_query as journal_query

    monkeypatch.setattr(journal_query, "COUNT_CAP", 6)
    monkeypatch.setattr(journal_query, "WALK", walk)
    refs = []
    for day in range(4):
        for customer in ("1200000001", "1300000002", "9900000003"):
            refs.append(settled(journal, f"9{day}{customer}", customer=customer))
        clock.advance(86_400)
    ones = [ref for ref, n in zip(refs, range(len(refs))) if n % 3 != 2][::-1]  # 8 rows start with 1, newest first
    page = search(journal, JournalFilter(customer="1"), page=0, page_size=4)
    assert (page.total, page.more, page.pages) == (6, True, 2)
    assert [r.reference for r in page.rows] == ones[:4]
    second = search(journal, JournalFilter(customer="1"), page=1, page_size=4)
    assert [r.reference for r in second.rows] == ones[4:8] and second.more
    assert search(journal, JournalFilter(customer="1"), page=2, page_size=4).rows == []  # past the cap
    exact = search(journal, JournalFilter(customer="12"))
    assert (exact.total, exact.more) == (4, False)
    assert search(journal, JournalFilter(customer="1", date_from=str(journal.get(refs[-1]).business_date))).total == 2



# The walk's reading: (rows per row needed, rows at most, rows probed first). Over the days
# below, a page is found in the probe, by the walk after it, by the sort after a walk that
# fell short, by the sort the probe chose, or always by the sort.
@pytest.mark.parametrize("walk,rows,probe", [(100, 20_000, 2_000), (100, 20_000, 3), (100, 20_000, 1),
                                             (100, 5, 3), (1, 20_000, 2_000)])
def test_every_page_of_a_number_past_the_cap_lists_its_newest_rows_in_order(journal, clock, monkeypatch,
                                                                             walk, rows, probe):
    import services.journal_query as journal_query

    monkeypatch.setattr(journal_query, "COUNT_CAP", 6)
    monkeypatch.setattr(journal_query, "WALK", walk)
    monkeypatch.setattr(journal_query, "WALK_ROWS", rows)
    monkeypatch.setattr(journal_query, "WALK_PROBE", probe)
    ones = []
    # The matches are dense on the newest day, absent the day before, then dense again.
    for day, firsts in enumerate(("199", "111", "999", "111")):
        for n, first in enumerate(firsts):
            ref = settled(journal, f"{day}{n}", customer=f"{first}00000000{n}")
            if first == "1":
                ones.append(ref)
        clock.advance(86_400)
    newest = ones[::-1][:6]  # 7 rows start with 1; the list offers the newest 6
    pages = [search(journal, JournalFilter(customer="1"), page=n, page_size=2) for n in range(4)]
    assert [(p.total, p.more) for p in pages] == [(6, True)] * 4
    assert [[r.reference for r in p.rows] for p in pages] == [newest[0:2], newest[2:4], newest[4:6], []]


@pytest.mark.parametrize("walk", [100, 1])
def test_a_letter_in_more_names_than_are_listed_is_counted_up_to_the_cap(journal, clock, monkeypatch, walk):
    import services.journal_query as journal_query

    monkeypatch.setattr(journal_query, "COUNT_CAP", 3)
    monkeypatch.setattr(journal_query, "ORDERED_NAMES", 1)
    monkeypatch.setattr(journal_query, "WALK", walk)
    refs = []
    for day, name in enumerate(("SITI RAHAYU", "BUDI SANTOSO", "DEWI LESTARI", "EKO PRASETYO", "NUR HIDAYAH")):
        ref = journal.next_reference()
        journal.begin(reference=ref, host="h", product="deposit", product_group="g", amount=1000, fee=0,
                      operator="op", customer_ref=f"55500{day}", customer_name=name, request={}, sent_by="op")
        refs.append(ref)
        clock.advance(86_400)
    page = search(journal, JournalFilter(customer="i"), page=0, page_size=2)  # in every name but one
    assert (page.total, page.more) == (3, True)
    newest = [ref for ref in refs[::-1] if ref != refs[3]]  # EKO PRASETYO has no i
    assert [r.reference for r in page.rows] == newest[:2]
    assert [r.reference for r in search(journal, JournalFilter(customer="i"), page=1, page_size=2).rows] == newest[2:]


@pytest.mark.parametrize("cap", [1000, 1])
def test_a_telkom_number_is_found_as_its_bill_and_receipt_print_it(journal, clock, monkeypatch, cap):
    """Telkom's area code goes to BNI padded (0021...) and the journal keeps that form, while
    the bill, the receipt and Riwayat's list print 021...: the customer's number as printed
    finds the row, as the padded one does; a number that only starts alike is found too."""
    import services.journal_query as journal_query

    monkeypatch.setattr(journal_query, "COUNT_CAP", cap)
    telkom = settled(journal, "T1", customer="0021998877441")
    account = settled(journal, "A1", customer="0215550001")  # an account number that starts with 021
    other_area = settled(journal, "T2", customer="0031555123456")

    def found(typed):
        return {r.reference for r in search(journal, JournalFilter(customer=typed)).rows}

    assert found("021998877441") == {telkom}
    assert found("0021998877441") == {telkom}
    assert found("021") == {telkom, account}
    assert found("0215") == {account}
    assert found("031555") == {other_area}
    page = search(journal, JournalFilter(customer="021"))
    assert (page.total, page.more) == ((2, False) if cap > 1 else (1, True))  # past the cap: the days walked
