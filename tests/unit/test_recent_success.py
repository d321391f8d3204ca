"""The transaction runner's repeat guard: the same host, product, customer and amount as a
SUCCESS within the window needs the caller to name that row; anything else goes ahead."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.errors import HostRejected
from services.journal import Journal, State, schema
from services.transactions import Outcome, Payment, RecentSuccessExists, TransactionRunner
from tests.old_journals import schema_before


def payment(amount: int = 50_000, customer: str = "14047", product: str = "deposit", **kw) -> Payment:
    return Payment("bankplus", product, "Perbankan", amount, 0, {"amount": amount}, customer_ref=customer,
                   customer_name="ARDHA HERDIANTO", **kw)


def sent(reference: str) -> Outcome:
    return Outcome(f"host-{reference}", {"status": "ok"})


@pytest.fixture
def runner(journal) -> TransactionRunner:
    return TransactionRunner(journal, lambda: "kasir1")


def test_a_repeat_within_fifteen_minutes_is_held_until_the_agent_names_the_earlier_row(runner, journal, clock):
    first = runner.execute(payment(), sent).row
    clock.advance(14 * 60 + 59)
    with pytest.raises(RecentSuccessExists) as held:
        runner.execute(payment(), sent)
    assert held.value.earlier.reference == first.reference and held.value.row is None
    assert held.value.message == (f"Transaksi yang sama sudah BERHASIL pukul 14:05 (ref {first.reference}). "
                                  "Ini transaksi baru?")
    assert journal.count() == 1  # nothing journaled, nothing sent
    again = runner.execute(payment(confirmed_duplicate=first.reference), sent).row
    assert again.state is State.SUCCESS and again.reference != first.reference


def test_after_the_window_and_for_anything_else_it_goes_ahead(runner, clock):
    runner.execute(payment(), sent)
    for other in (payment(amount=60_000), payment(customer="4447"), payment(product="intrabank_transfer")):
        assert runner.execute(other, sent).row.state is State.SUCCESS
    clock.advance(15 * 60 + 1)
    assert runner.execute(payment(), sent).row.state is State.SUCCESS


def test_only_a_success_counts_and_a_balance_check_is_never_held(runner, journal):
    def refused(reference: str) -> Outcome:
        raise HostRejected("PIN salah", host="bankplus", code="INVALID_PIN")

    with pytest.raises(HostRejected):
        runner.execute(payment(), refused)
    assert runner.execute(payment(), sent).row.state is State.SUCCESS  # the earlier one FAILED
    balance = payment(amount=0, product="customer_balance")
    runner.execute(balance, sent)
    assert runner.execute(balance, sent).row.state is State.SUCCESS  # moves no money


def test_the_window_is_configurable_and_zero_turns_it_off(journal):
    runner = TransactionRunner(journal, lambda: "kasir1", duplicate_window=timedelta(0))
    runner.execute(payment(), sent)
    assert runner.execute(payment(), sent).row.state is State.SUCCESS


def test_a_clock_put_forward_right_after_a_payment_does_not_let_it_through_again(runner, journal, clock):
    """Windows putting a slow clock right (an hour, a zone) between two identical payments:
    the first is still minutes old, whatever the wall clock now says."""
    first = runner.execute(payment(), sent).row
    clock.advance(60)
    clock.jump(2 * 3600)  # the wall clock two hours on; one minute really passed
    with pytest.raises(RecentSuccessExists) as held:
        runner.execute(payment(), sent)
    assert held.value.earlier.reference == first.reference and journal.count() == 1
    clock.advance(15 * 60)  # and once the window has really passed, it goes ahead
    assert runner.execute(payment(), sent).row.state is State.SUCCESS


def test_a_clock_put_forward_is_seen_among_the_day_s_other_payments(runner, journal, clock):
    """The guard reads this run's rows newest first, up to its window: older payments before the
    one repeated, and others after it, neither hide it nor are held themselves."""
    older = [runner.execute(payment(customer=f"9{n}"), sent).row for n in range(3)]
    clock.advance(20 * 60)  # those three are now out of the window
    repeated = runner.execute(payment(customer="14047"), sent).row
    clock.advance(30)
    runner.execute(payment(customer="555"), sent)
    clock.advance(30)
    clock.jump(2 * 3600)
    with pytest.raises(RecentSuccessExists) as held:
        runner.execute(payment(customer="14047"), sent)
    assert held.value.earlier.reference == repeated.reference
    assert runner.execute(payment(customer=older[0].customer_ref), sent).row.state is State.SUCCESS


def test_a_payment_made_after_the_clock_moved_does_not_hide_one_made_before(runner, journal, clock):
    """The clock put forward between two payments, then a third: the guard still sees that
    the first is minutes old, though the payments since the move all agree with the clock."""
    first = runner.execute(payment(customer="14047"), sent).row
    clock.advance(60)
    clock.jump(2 * 3600)
    for n in range(3):  # others served at the new time
        runner.execute(payment(customer=f"8{n}"), sent)
        clock.advance(20)
    with pytest.raises(RecentSuccessExists) as held:
        runner.execute(payment(customer="14047"), sent)
    assert held.value.earlier.reference == first.reference
    clock.advance(15 * 60)  # the window really passed for all of them
    assert journal.redated_within(15 * 60) == []
    assert runner.execute(payment(customer="14047"), sent).row.state is State.SUCCESS


def test_a_customer_with_a_long_history_is_held_only_for_the_window_s_payment(runner, journal, clock):
    """A deposit account filled every day: the guard reads the customer's rows of the window
    (``txn_customer`` by customer and time), and still finds the repeat among them, the
    payment moved into the window by a clock put forward included."""
    for _ in range(30):
        runner.execute(payment(), sent)
        clock.advance(16 * 60)  # each out of the window before the next
    last = runner.execute(payment(), sent).row
    clock.advance(60)
    with pytest.raises(RecentSuccessExists) as held:
        runner.execute(payment(), sent)
    assert held.value.earlier.reference == last.reference
    clock.advance(60)
    clock.jump(3 * 3600)
    with pytest.raises(RecentSuccessExists) as held:
        runner.execute(payment(), sent)
    assert held.value.earlier.reference == last.reference


def test_a_journal_written_before_the_customer_index_had_its_time_keeps_the_guard(tmp_path, clock, monkeypatch):
    path = tmp_path / "old.db"
    with schema_before(schema._CUSTOMER_BY_TIME, monkeypatch):
        with Journal(path, clock=clock) as journal:
            first = TransactionRunner(journal, lambda: "kasir1").execute(payment(), sent).row
    clock.advance(60)
    with Journal(path, clock=clock) as journal:
        assert journal.schema_version == schema.SCHEMA_VERSION
        assert [r["name"] for r in journal.execute("PRAGMA index_info(txn_customer)")] == ["customer_ref",
                                                                                          "created_at"]
        with pytest.raises(RecentSuccessExists) as held:
            TransactionRunner(journal, lambda: "kasir1").execute(payment(), sent)
        assert held.value.earlier.reference == first.reference and journal.verify().ok
