"""The journal: hash chain, transitions, migrations, references, redaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import pytest

from services.clock import WIB, FixedClock
from services.journal import IllegalTransition, Journal, State, schema
from services.journal.chain import GENESIS, TXN_FIELDS, canonical_json, link
from services.journal.references import parse_reference


def begin(journal: Journal, **over):
    fields = dict(reference=journal.next_reference(), host="bankplus", product="deposit", product_group="banking",
                  amount=150_000, fee=0, operator="BNIUS100294", customer_ref="1234567890",
                  customer_name="SITI RAHAYU",
                  request={"toAccount": "1234567890", "amount": "150000", "pin_transaksi": "359569"})
    fields.update(over)
    return journal.begin(**fields)


def test_rows_chain_their_content_to_the_row_before(journal):
    first, second = begin(journal), begin(journal)
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash
    stored = dict(journal._conn.execute("SELECT * FROM txn WHERE id=?", (second.id,)).fetchone())
    assert link(first.hash, stored, TXN_FIELDS) == second.hash
    assert str(journal.verify()) == "OK 2 rows"


def test_a_row_moves_only_through_allowed_transitions_each_one_an_event(journal):
    row = begin(journal)
    journal.transition(row.reference, State.SENT, actor="BNIUS100294", reason="dikirim")
    done = journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok", host_ref="BLB1",
                              response={"code": "00"})
    assert done.state is State.SUCCESS and done.host_ref == "BLB1" and done.response == {"code": "00"}
    assert journal.get(row.reference) == done
    events = journal.events(row.reference)
    assert [(e.from_state, e.to_state, e.actor) for e in events] == [
        (None, State.NEW, "BNIUS100294"), (State.NEW, State.SENT, "BNIUS100294"), (State.SENT, State.SUCCESS, "system")]
    assert journal.verify().ok


@pytest.mark.parametrize("path, illegal", [
    ((), State.SUCCESS),  # NEW -> SUCCESS skips the send
    ((State.SENT, State.SUCCESS), State.FAILED),
    ((State.SENT, State.FAILED), State.SUCCESS),
    ((State.SENT, State.SUSPECT), State.NEW),  # a suspect is never sent again
    ((State.SENT, State.SUSPECT, State.FAILED), State.REVERSED),
])
def test_illegal_transitions_raise_and_change_nothing(journal, path, illegal):
    row = begin(journal)
    for state in path:
        journal.transition(row.reference, state, actor="t", reason="t")
    before = journal.get(row.reference)
    with pytest.raises(IllegalTransition):
        journal.transition(row.reference, illegal, actor="t", reason="t")
    assert journal.get(row.reference) == before
    assert len(journal.events(row.reference)) == len(path) + 1


def test_rows_are_never_deleted_and_what_was_asked_never_changes(journal):
    row = begin(journal)
    with pytest.raises(sqlite3.IntegrityError):
        journal._conn.execute("DELETE FROM txn WHERE id=?", (row.id,))
    with pytest.raises(sqlite3.IntegrityError):
        journal._conn.execute("UPDATE txn SET amount=1 WHERE id=?", (row.id,))
    with pytest.raises(sqlite3.IntegrityError):
        journal._conn.execute("DELETE FROM txn_event")


def test_a_state_edited_behind_the_journals_back_is_found(journal):
    row = begin(journal)
    journal._conn.execute("UPDATE txn SET state='SUCCESS' WHERE id=?", (row.id,))
    result = journal.verify()
    assert not result.ok and f"row {row.id} ({row.reference})" in result.broken and "state" in result.broken


def test_rows_another_writer_appended_meanwhile_are_chained_after_never_forked(tmp_path, clock):
    """The journal keeps the chain heads in memory between its own writes. Another process
    writing the same file (there should be none) makes them stale: the next write then
    collides on an id and is written again after what the file holds."""
    path = tmp_path / "journal.db"
    with Journal(path, clock=clock) as ours, Journal(path, clock=clock) as other:
        first = begin(ours)
        clock.advance(1)
        theirs = begin(other)
        sent = ours.transition(first.reference, State.SENT, actor="t", reason="t")
        clock.advance(1)
        second = begin(ours)
        assert sent.state is State.SENT and second.prev_hash == theirs.hash
        assert [e.to_state for e in ours.events(first.reference)] == [State.NEW, State.SENT]
        assert str(ours.verify()) == "OK 3 rows"


def test_a_row_changed_behind_the_journals_back_is_read_again_before_it_moves(journal):
    """The journal holds the rows it last wrote for the transition that follows; one the
    file says otherwise about is read again, and moves (or not) from what the file says."""
    row = begin(journal)
    journal.transition(row.reference, State.SENT, actor="t", reason="t")
    journal._conn.execute("UPDATE txn SET state='SUCCESS' WHERE id=?", (row.id,))
    with pytest.raises(IllegalTransition):
        journal.transition(row.reference, State.SUCCESS, actor="t", reason="t")
    assert len(journal.events(row.reference)) == 2


def test_migrations_run_from_an_empty_database_to_the_current_version(tmp_path, clock):
    path = tmp_path / "fresh.db"
    with Journal(path, clock=clock) as journal:
        assert journal.schema_version == schema.SCHEMA_VERSION == len(schema.MIGRATIONS)
        begin(journal)
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"txn", "txn_event", "meta", "txn_day", "txn_state_day", "txn_product_day",
            "receipt_prints"} <= names
    assert not {"txn_created", "txn_state"} & names
    conn.close()


def test_a_version_1_journal_is_migrated_in_place_and_keeps_its_rows(tmp_path, clock):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in schema._split(schema.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Journal(path, clock=clock) as journal:
        begin(journal)
    with Journal(path, clock=clock) as journal:
        assert journal.schema_version == schema.SCHEMA_VERSION and journal.count() == 1 and journal.verify().ok


def test_a_journal_from_a_newer_loket_is_refused(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(schema.NewerJournal):
        Journal(path)


def test_references_are_unique_within_one_millisecond(journal):
    refs = [journal.next_reference() for _ in range(25_000)]  # a FixedClock: all "at once"
    assert len(set(refs)) == len(refs) and refs == sorted(refs)
    assert all(len(r) == 16 and r.isdigit() and parse_reference(r) for r in refs)  # always a real time
    assert refs[0] == "2611211405000000"


def test_references_stay_unique_across_a_reopen_even_if_the_clock_went_back(tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 14, 5, 0, tzinfo=WIB))
    with Journal(tmp_path / "j.db", clock=clock) as journal:
        first = [journal.next_reference() for _ in range(3)]
        begin(journal, reference=journal.next_reference())
    clock.advance(-3600)  # the kiosk's clock was corrected backwards
    with Journal(tmp_path / "j.db", clock=clock) as journal:
        after = journal.next_reference()
    assert after > max(first)


def test_a_callers_own_reference_is_never_issued_again(journal):
    own = "2611211405009999"
    begin(journal, reference=own)
    assert journal.next_reference() > own


def test_the_request_copy_never_holds_a_pin(journal):
    row = begin(journal, request={"toAccount": "1", "pin_transaksi": "359569", "nested": {"pin": "123456"},
                                  "password": "T6jkl4ss"})
    stored = journal._conn.execute("SELECT request FROM txn WHERE id=?", (row.id,)).fetchone()[0]
    assert "359569" not in stored and "123456" not in stored and "T6jkl4ss" not in stored
    assert row.request["pin_transaksi"] == "***" and row.request["nested"]["pin"] == "***"
    done = journal.transition(row.reference, State.SENT, actor="a", reason="r")
    done = journal.transition(done.reference, State.SUCCESS, actor="a", reason="r",
                              response={"data": {"pin": "359569"}})
    assert "359569" not in journal._conn.execute("SELECT response FROM txn").fetchone()[0]


def test_recovery_turns_sent_rows_suspect_new_ones_not_sent_and_leaves_settled_ones(journal):
    new, sent, done = begin(journal), begin(journal), begin(journal)
    journal.transition(sent.reference, State.SENT, actor="a", reason="r")
    journal.transition(done.reference, State.SENT, actor="a", reason="r")
    journal.transition(done.reference, State.SUCCESS, actor="a", reason="r")
    assert journal.recover_stranded() == []  # SENT by this journal: its sender has not said it is done
    with Journal(journal.path, clock=journal.clock) as restarted:  # the next start: nothing is in flight
        recovered = {r.reference: r for r in restarted.recover_interrupted()}
        assert set(recovered) == {new.reference, sent.reference}
        assert recovered[sent.reference].state is State.SUSPECT
        assert recovered[new.reference].state is State.FAILED
        assert recovered[new.reference].error_message.startswith("tidak terkirim")
        assert restarted.events(new.reference)[-1].reason.startswith("tidak terkirim")
        assert restarted.get(done.reference).state is State.SUCCESS


def test_every_state_change_waits_for_the_disk_sent_included(journal):
    """Recovery takes a row still NEW for one that never left: that holds through a power
    cut only if NEW -> SENT is on disk (synchronous=FULL) before the request is sent."""
    row = begin(journal)
    assert journal._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    statements: list[str] = []
    journal._conn.set_trace_callback(statements.append)
    try:
        journal.transition(row.reference, State.SENT, actor="a", reason="r")
    finally:
        journal._conn.set_trace_callback(None)
    assert "COMMIT" in statements
    assert not [s for s in statements if "synchronous" in s.lower()], statements
    assert journal._conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert journal._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_row_sent_at_once_is_new_and_sent_in_one_durable_commit(tmp_path, clock):
    """``begin(sent_by=)``: nothing can fail between journaling a payment and marking it
    SENT, so both are one commit. The row reads as if SENT had been its own commit: both
    events, the chain whole, SUSPECT after a crash, and the journal reopens as written."""
    path = tmp_path / "journal.db"
    with Journal(path, clock=clock) as journal:
        reference = journal.next_reference()  # its reservation, a commit once a second, goes first
        statements: list[str] = []
        journal._conn.set_trace_callback(statements.append)
        try:
            row = begin(journal, reference=reference, sent_by="BNIUS100295")
        finally:
            journal._conn.set_trace_callback(None)
        assert [s for s in statements if s in ("BEGIN IMMEDIATE", "COMMIT")] == ["BEGIN IMMEDIATE", "COMMIT"]
        assert not [s for s in statements if "synchronous" in s.lower()], statements
        assert row.state is State.SENT and journal.get(row.reference) == row
        assert [(e.from_state, e.to_state, e.actor, e.reason) for e in journal.events(row.reference)] == [
            (None, State.NEW, "BNIUS100294", "dicatat sebelum dikirim"),
            (State.NEW, State.SENT, "BNIUS100295", "dikirim ke host")]
        # A NotSent answer still sends it back to NEW, and "Kirim ulang" sends it again.
        journal.transition(row.reference, State.NEW, actor="system", reason="tidak terkirim")
        journal.transition(row.reference, State.SENT, actor="BNIUS100295", reason="dikirim ke host")
        second = begin(journal, customer_ref="999", sent_by="BNIUS100294")
        assert str(journal.verify()) == "OK 2 rows"
    with Journal(path, clock=clock) as journal:  # the integrity mark followed both commits
        recovered = {r.reference: r.state for r in journal.recover_interrupted()}
        assert recovered == {row.reference: State.SUSPECT, second.reference: State.SUSPECT}
        assert journal.verify().ok


@pytest.mark.parametrize("value", [
    {"reference": "2611211405000000", "amount": 150_000, "fee": 0, "from_state": None, "ok": True, "no": False},
    {"nama": "SITI RAHAYU — Śląsk 日本 😀", "quote": 'a"b\\c', "control": "\x00\x1f\n\t\u2028", "big": 10**30},
    {"nested": {"z": [1, 2.5, {"b": None, "a": "x"}], "a": []}, "float": 0.1, "neg": -7, "empty": {}},
    ["a list", 1, None], "a string", 12, None,
])
def test_the_chains_encoding_is_json_with_sorted_keys_byte_for_byte(value):
    """Every hash in every journal was taken over these bytes: the kept encoder must write
    exactly what ``json.dumps`` with the same options writes."""
    expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical_json(value) == expected


def _heads_read(statements: list[str]) -> list[str]:
    return [s for s in statements if "ORDER BY id DESC LIMIT 1" in s]


def test_a_transaction_that_writes_no_row_keeps_the_chain_heads_it_found(journal):
    """A receipt's print number (``record_print``) is a transaction of its own between one
    payment and the next. It names no chained table, so the payment after it chains after
    the heads in memory: neither that commit's mark nor the next append reads them."""
    from services.receipts.prints import record_print

    row = begin(journal, sent_by="BNIUS100294")
    journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok", host_ref="BLB1")
    statements: list[str] = []
    journal._conn.set_trace_callback(statements.append)
    try:
        assert record_print(journal, row.reference, "original") == 1
        second = begin(journal, sent_by="BNIUS100294")
        done = journal.transition(second.reference, State.SUCCESS, actor="system", reason="ok", host_ref="BLB2")
    finally:
        journal._conn.set_trace_callback(None)
    assert _heads_read(statements) == []
    assert second.prev_hash == row.hash and done.host_ref == "BLB2"
    assert str(journal.verify()) == "OK 2 rows"


def test_a_transaction_that_may_have_written_a_row_makes_the_next_write_read_the_file(journal):
    """What a ``transaction`` wrote to ``txn`` or ``txn_event`` the memory does not follow:
    the next transition reads the row as the file has it, and the next append reads the
    heads, as after any write the journal did not make itself."""
    row = begin(journal, sent_by="BNIUS100294")
    with journal.transaction() as tx:
        tx.execute("UPDATE txn SET host_ref='BLB-BESIDE' WHERE reference=?", (row.reference,))
    statements: list[str] = []
    journal._conn.set_trace_callback(statements.append)
    try:
        done = journal.transition(row.reference, State.SUCCESS, actor="system", reason="ok")
        second = begin(journal)
    finally:
        journal._conn.set_trace_callback(None)
    assert done.host_ref == "BLB-BESIDE"  # the row as the file has it, not as memory held it
    assert _heads_read(statements)
    assert second.prev_hash == row.hash


def test_a_listener_stopped_is_not_called_at_the_next_commit_and_the_others_still_are(journal):
    """``Journal.listen`` returns what stops the listener (the office outbox's, at its stop):
    a stopped one is no longer called, nor kept alive, by a journal that outlives it."""
    heard: list[str] = []
    stop_first = journal.listen(lambda: heard.append("first"))
    journal.listen(lambda: heard.append("second"))
    begin(journal)
    assert heard == ["first", "second"]
    stop_first()
    stop_first()  # twice: harmless
    heard.clear()
    begin(journal)
    assert heard == ["second"]
