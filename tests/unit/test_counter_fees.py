"""The counter's own fee (journal schema 6): journaled with the payment as it was charged,
recorded in the row's first event and checked by ``verify``, in the drawer's cash and the
day's totals as the agent's income, in the export; the supervisor's setting, validated."""

from __future__ import annotations

import sqlite3

import pytest

from services.counter_fees import MAX_COUNTER_FEE, CounterFees
from services.dayclose import schema as dayclose_schema
from services.errors import UserInputError
from services.journal import State
from services.journal.export import record
from services.profile import Profile
from services.reports import CashInputs, build_report

BPJS = dict(host="keagenan", product="bpjs_kesehatan", product_group="bills", amount=25_500, fee=5_000,
            operator="kasir1", customer_ref="8888801260835323", request={"fiturId": "FTR443"})


def paid(journal, state=State.SUCCESS, **over):
    ref = journal.next_reference()
    journal.begin(reference=ref, **{**BPJS, **over})
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
    row = journal.transition(ref, State.FAILED if state is State.FAILED else State.SUCCESS, actor="system",
                             reason="jawaban host")
    if state is State.REVERSED:
        row = journal.transition(ref, State.REVERSED, actor="supv", reason="dibatalkan")
    return row


def test_the_fee_is_journaled_apart_from_the_banks_total_and_recorded_in_the_first_event(journal):
    row = paid(journal, counter_fee=2_500)
    assert (row.total, row.counter_fee, row.collected) == (30_500, 2_500, 33_000)
    assert journal.events(row.reference)[0].changes == {"counter_fee": 2_500}
    assert paid(journal).counter_fee == 0 and journal.events(paid(journal).reference)[0].changes == {}
    assert journal.verify().ok
    assert record(row, mode="live")["counter_fee"] == 2_500


def test_a_counter_fee_changed_behind_the_journals_back_is_found(journal):
    row = paid(journal, counter_fee=2_500)
    conn = sqlite3.connect(journal.path)
    with pytest.raises(sqlite3.IntegrityError, match="never changes"):
        conn.execute("UPDATE txn SET counter_fee=0 WHERE id=?", (row.id,))
    with conn:  # an outsider who drops the trigger first: the first event still says 2.500
        conn.execute("DROP TRIGGER txn_immutable")
        conn.execute("UPDATE txn SET counter_fee=0 WHERE id=?", (row.id,))
    conn.close()
    result = journal.verify()
    assert not result.ok and f"row {row.id} ({row.reference}): counter_fee differs" in result.broken


def test_the_drawer_counts_the_fee_and_the_report_names_it_as_income(journal):
    dayclose_schema.migrate(journal)  # the report reads the day close's covering index
    day = paid(journal, counter_fee=2_500).business_date
    paid(journal, counter_fee=2_500, customer_ref="1")
    paid(journal, State.REVERSED, counter_fee=2_500, customer_ref="2")  # paid back in full: nets to zero
    paid(journal, State.FAILED, counter_fee=2_500, customer_ref="3")
    report = build_report(journal, day, generated_at="2026-11-21T20:00:00+07:00", operator="kasir1",
                          cash_inputs=CashInputs(opening_float=100_000))
    assert (report.totals.total, report.totals.counter_fee) == (61_000, 5_000)
    (line,) = report.products
    assert (line.count, line.total, line.counter_fee) == (2, 61_000, 5_000)
    assert report.cash.received - report.cash.paid_out == 66_000
    assert report.cash.expected == 166_000


def test_an_open_payment_holds_the_fee_with_its_total(journal):
    dayclose_schema.migrate(journal)
    ref = journal.next_reference()
    row = journal.begin(reference=ref, counter_fee=2_500, **BPJS)
    report = build_report(journal, row.business_date, generated_at="2026-11-21T20:00:00+07:00", operator="kasir1")
    assert report.cash.held_in_open == 33_000 and report.cash.expected == 0


def test_the_supervisors_fees_are_checked_before_any_is_saved(tmp_path):
    profile = Profile(tmp_path / "profile")
    settings = profile.load_settings()
    fees = CounterFees(profile, settings)
    assert fees.fee("telkom") == 0  # nothing the supervisor did not decide
    assert fees.save({"telkom": "3.000", "pln_postpaid": "", "indovision": "0"}) == {"telkom": 3_000}
    assert CounterFees(profile, profile.load_settings()).fee("telkom") == 3_000
    for typed in ("-500", "abc", str(MAX_COUNTER_FEE + 1)):
        with pytest.raises(UserInputError) as refused:
            fees.save({"telkom": "1000", "indovision": typed})
        assert refused.value.field == "indovision"
        assert fees.fee("telkom") == 3_000  # all or nothing
    hand_edited = CounterFees(None, {"counter_fees": {"telkom": "lots"}})
    assert hand_edited.fee("telkom") == 0  # never a wrong fee on a receipt
