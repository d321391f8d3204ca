"""The host's confirmed fee and total (journal schema 3): recorded once on the way to SUCCESS,
chained through the event, folded by ``verify``; and a version 2 journal file migrated."""

from __future__ import annotations

import sqlite3

import pytest

from services.dayclose import DayCloseService
from services.dayclose import schema as dayclose_schema
from services.errors import AnswerMismatch
from services.journal import IllegalTransition, Journal, JournalRow, State, schema
from services.reports.aggregate import SUMMARY_SQL
from services.transactions import Outcome, Payment, TransactionRunner

TELKOM = dict(host="keagenan", product="telkom", product_group="bills", amount=65_000, fee=0,
              operator="kasir1", customer_ref="0021998877441", customer_name="EDWARD VAN DER KAAT",
              request={"fiturId": "FTR402", "data": {"pin_transaksi": "359569"}})


def sent(journal: Journal, **over) -> JournalRow:
    ref = journal.next_reference()
    journal.begin(reference=ref, **{**TELKOM, **over})
    return journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")


def test_the_confirmed_fee_is_recorded_in_the_success_event_and_the_row(journal):
    row = sent(journal)
    done = journal.transition(row.reference, State.SUCCESS, actor="system", reason="dikonfirmasi host",
                              host_ref="000123", settled_fee=2_500)
    assert (done.fee, done.total, done.settled_fee, done.settled_total) == (0, 65_000, 2_500, 67_500)
    assert (done.fee_final, done.total_final) == (2_500, 67_500)
    assert journal.get(row.reference) == done
    last = journal.events(row.reference)[-1]
    assert (last.to_state, last.changes["settled_fee"], last.changes["settled_total"]) == (State.SUCCESS, 2_500,
                                                                                          67_500)
    assert journal.verify().ok


def test_a_row_settled_as_asked_keeps_null_and_its_final_figures_are_the_asked_ones(journal):
    row = sent(journal, fee=2_500)
    done = journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok")
    assert (done.settled_fee, done.settled_total, done.fee_final, done.total_final) == (None, None, 2_500, 67_500)
    assert "settled_fee" not in journal.events(row.reference)[-1].changes


def test_a_confirmed_total_alone_settles_the_fee_too(journal):
    row = sent(journal)
    done = journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok", settled_total=67_500)
    assert (done.settled_fee, done.settled_total) == (2_500, 67_500)


def test_a_suspect_resolved_as_success_may_carry_the_confirmed_fee(journal):
    row = sent(journal)
    journal.transition(row.reference, State.SUSPECT, actor="system", reason="jawaban tidak diterima")
    done = journal.transition(row.reference, State.SUCCESS, actor="supervisor", reason="laporan host",
                              host_ref="000124", settled_fee=2_500)
    assert done.total_final == 67_500 and journal.verify().ok


@pytest.mark.parametrize("to_state", [State.FAILED, State.SUSPECT, State.NEW])
def test_settled_figures_are_refused_on_any_other_transition(journal, to_state):
    row = sent(journal)
    with pytest.raises(IllegalTransition):
        journal.transition(row.reference, to_state, actor="system", reason="x", settled_fee=2_500)
    assert journal.get(row.reference) == row and len(journal.events(row.reference)) == 2


def test_a_settled_row_reversed_keeps_its_final_figures(journal):
    row = sent(journal)
    journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok", settled_fee=2_500)
    with pytest.raises(IllegalTransition):
        journal.transition(row.reference, State.REVERSED, actor="spv", reason="x", settled_fee=0)
    reversed_ = journal.transition(row.reference, State.REVERSED, actor="spv", reason="dibatalkan")
    assert (reversed_.settled_fee, reversed_.total_final) == (2_500, 67_500) and journal.verify().ok


@pytest.mark.parametrize("figures, error", [({"settled_fee": "2500"}, TypeError), ({"settled_fee": -1}, ValueError),
                                            ({"settled_total": 60_000}, ValueError)])
def test_figures_that_are_not_rupiah_are_refused(journal, figures, error):
    row = sent(journal)
    with pytest.raises(error):
        journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok", **figures)
    assert journal.get(row.reference).state is State.SENT


@pytest.mark.parametrize("confirmed, tamper", [
    (2_500, "settled_fee=0, settled_total=65000"),  # the fee the host confirmed, hidden again
    (None, "settled_fee=5000, settled_total=70000"),  # a fee invented for a row settled as asked
])
def test_a_settled_fee_edited_behind_the_journals_back_is_found(journal, confirmed, tamper):
    row = sent(journal)
    journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok", settled_fee=confirmed)
    journal._conn.execute(f"UPDATE txn SET {tamper} WHERE id=?", (row.id,))
    result = journal.verify()
    assert not result.ok and f"row {row.id} ({row.reference}): settled_fee differs" in result.broken


# -- the runner ----------------------------------------------------------------------------------
def run(journal: Journal, outcome: Outcome, fee: int = 0) -> JournalRow:
    runner = TransactionRunner(journal, lambda: "kasir1")
    payment = Payment(host="keagenan", product="telkom", product_group="bills", amount=65_000, fee=fee,
                      request={"data": {}}, customer_ref=journal.next_reference())
    return runner.execute(payment, lambda ref: outcome).row


@pytest.mark.parametrize("fee, total, settled", [
    (None, None, (None, None)),  # the host said nothing
    (0, 65_000, (None, None)),  # the host confirmed what was asked
    (2_500, 67_500, (2_500, 67_500)),
    (2_500, None, (2_500, 67_500)),
    (None, 67_500, (2_500, 67_500)),
])
def test_the_runner_journals_what_the_host_confirmed_only_where_it_differs(journal, fee, total, settled):
    row = run(journal, Outcome("000123", {"ok": True}, fee=fee, total=total))
    assert row.state is State.SUCCESS and (row.settled_fee, row.settled_total) == settled
    assert journal.verify().ok


@pytest.mark.parametrize("fee, total", [
    (None, 60_000),  # a total below the amount: a negative fee
    (0, 650_000),  # total "650.000" for Rp 65.000 with admin 0: the figures do not add up
    (-2_500, None),
    (None, 10**20),  # absurd (and beyond a 64-bit column)
])
def test_figures_that_do_not_add_up_leave_the_row_suspect_with_the_reason(journal, fee, total):
    runner = TransactionRunner(journal, lambda: "kasir1")
    payment = Payment(host="keagenan", product="telkom", product_group="bills", amount=65_000, fee=0,
                      request={"data": {}}, customer_ref=journal.next_reference())
    answer = {"total": str(total), "fee": str(fee)}
    with pytest.raises(AnswerMismatch) as caught:
        runner.execute(payment, lambda ref: Outcome("000123", answer, fee=fee, total=total))
    row = journal.get(caught.value.reference)
    assert row.state is State.SUSPECT and row.settled_total is None and row.response == answer
    assert "tidak cocok" in journal.events(row.reference)[-1].reason
    assert journal.verify().ok


# -- migration from a version 2 file -------------------------------------------------------------
def write_v2_journal(path, clock, monkeypatch) -> list[str]:
    """A journal file as Loket with journal schema 2 (and day-close schema 1) wrote it."""
    refs = []
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        old.setattr(schema, "SCHEMA_VERSION", 2)
        old.setattr(dayclose_schema, "MIGRATIONS", dayclose_schema.MIGRATIONS[:1])
        old.setattr(dayclose_schema, "SCHEMA_VERSION", 1)
        # Rows of a version 2 file have no settled columns: read them as "as asked".
        from_db = JournalRow.from_db.__func__
        old.setattr(JournalRow, "from_db", classmethod(
            lambda cls, row, *declared: from_db(cls, {"settled_fee": None, "settled_total": None, **row}, *declared)))
        with Journal(path, clock=clock) as journal, DayCloseService(journal, clock=clock):
            for final in (State.SUCCESS, State.FAILED, State.SUCCESS):
                row = sent(journal, fee=2_500)
                journal.transition(row.reference, final, actor="system", reason="jawaban host")
                refs.append(row.reference)
            assert journal.schema_version == 2
    return refs


def test_a_version_2_journal_keeps_its_rows_and_verifies_after_the_migration(tmp_path, clock, monkeypatch):
    path = tmp_path / "v2.db"
    refs = write_v2_journal(path, clock, monkeypatch)
    conn = sqlite3.connect(path)
    assert "settled_fee" not in {r[1] for r in conn.execute("PRAGMA table_info(txn)")}
    conn.close()
    with Journal(path, clock=clock) as journal:
        assert journal.schema_version == schema.SCHEMA_VERSION == len(schema.MIGRATIONS)
        assert [r.reference for r in journal.rows()] == refs
        assert all(r.settled_fee is None and r.total_final == 67_500 for r in journal.rows())
        assert str(journal.verify()) == "OK 3 rows"
        # The migrated file takes a settled payment like a new one.
        row = sent(journal)
        journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok", settled_fee=2_500)
        assert str(journal.verify()) == "OK 4 rows"


def test_the_day_close_index_is_rebuilt_to_cover_the_final_figures(tmp_path, clock, monkeypatch):
    path = tmp_path / "v2.db"
    write_v2_journal(path, clock, monkeypatch)
    with Journal(path, clock=clock) as journal, DayCloseService(journal, clock=clock):
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='dayclose_schema_version'").fetchone() == (
        str(dayclose_schema.SCHEMA_VERSION),)
    columns = [r[2] for r in conn.execute("PRAGMA index_info(dayclose_txn_report)")]
    assert columns[-3:] == ["settled_fee", "settled_total", "counter_fee"]
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + SUMMARY_SQL, ("2026-11-21",)))
    assert "USING COVERING INDEX dayclose_txn_report" in plan
    conn.close()
