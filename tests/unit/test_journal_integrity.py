"""The journal is checked when it is opened: a lost WAL, a 0-byte, truncated, garbage or
newer file, a flipped index byte, a dropped trigger are refused with ``JournalDamaged``
(never an empty journal in silence); a full disk says so in plain words."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time

import pytest

from services.journal import Journal, State, checkpoints, integrity
from services.journal.integrity import DiskFull, JournalDamaged, JournalUnwritable
from services.journal.schema import NewerJournal
from services.profile import ProfileDamaged


def pay(journal: Journal, customer: str = "5550001", amount: int = 50_000) -> str:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=amount,
                  fee=0, operator="kasir1", customer_ref=customer, request={"toAccount": customer})
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
    journal.transition(ref, State.SUCCESS, actor="system", reason="jawaban host")
    return ref


@pytest.fixture
def folder(tmp_path, clock):
    """A profile folder whose journal holds three paid deposits, closed cleanly."""
    with Journal(tmp_path / "journal.db", clock=clock) as journal:
        for i in range(3):
            pay(journal, f"555000{i}")
            clock.advance(30)
    return tmp_path


def test_the_mark_follows_every_row_and_event(folder, clock):
    mark = json.loads((folder / "journal.mark.json").read_text())
    assert (mark["rows"], mark["events"]) == (3, 9)
    with Journal(folder / "journal.db", clock=clock) as journal:
        pay(journal)
        assert integrity.read_mark(journal.path) == integrity.current_mark(journal._conn)
    assert integrity.read_mark(folder / "journal.db").rows == 4


def test_the_mark_is_written_where_there_is_no_pwrite_too(folder, clock, monkeypatch):
    monkeypatch.setattr(integrity, "_pwrite", None)  # Windows: a seek and a write
    with Journal(folder / "journal.db", clock=clock) as journal:
        pay(journal)
        pay(journal)
        assert integrity.read_mark(journal.path) == integrity.current_mark(journal._conn)
    assert integrity.read_mark(folder / "journal.db").rows == 5


def test_the_mark_is_the_journal_after_writes_nested_and_undone(folder, clock):
    """The mark of the journal's own writes is taken from what they wrote, not read back:
    a row written in a part that was undone must not be in it."""
    with Journal(folder / "journal.db", clock=clock) as journal:
        with journal.transaction():
            ref = pay(journal, "5550009")  # inside one outer transaction: savepoints
            with pytest.raises(RuntimeError):
                with journal.transaction():
                    journal.begin(reference=journal.next_reference(), host="bankplus", product="deposit",
                                  product_group="banking", amount=10_000, fee=0, operator="kasir1",
                                  customer_ref="5550010", request={})
                    raise RuntimeError("undone")
        assert integrity.read_mark(journal.path) == integrity.current_mark(journal._conn)
        journal.transition(ref, State.REVERSED, actor="spv", reason="dibatalkan")
        assert integrity.read_mark(journal.path) == integrity.current_mark(journal._conn)
        assert (integrity.read_mark(journal.path).rows, integrity.read_mark(journal.path).events) == (4, 13)


def test_a_lost_write_ahead_log_is_refused_not_started_empty(tmp_path, clock):
    live = tmp_path / "live"
    with Journal(live / "journal.db", clock=clock) as journal:
        for i in range(3):
            pay(journal, f"555000{i}")
        # What is left when journal.db-wal is deleted under a running Loket and it is killed:
        # the main file as it was at the last checkpoint (none yet), beside the mark.
        lost = tmp_path / "lost"
        lost.mkdir()
        shutil.copy(live / "journal.db", lost / "journal.db")
        shutil.copy(live / "journal.mark.json", lost / "journal.mark.json")
    with pytest.raises(JournalDamaged, match="Jurnal berisi 0 transaksi, padahal tercatat 3"):
        Journal(lost / "journal.db", clock=clock)


@pytest.mark.parametrize("damage", ["empty", "deleted", "garbage", "truncated"])
def test_a_damaged_journal_file_is_refused(folder, clock, damage):
    path = folder / "journal.db"
    data = path.read_bytes()
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "deleted":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"this is not a journal\n" * 500)
    else:
        path.write_bytes(data[:len(data) // 2])
    with pytest.raises(JournalDamaged) as caught:
        Journal(path, clock=clock)
    assert isinstance(caught.value, ProfileDamaged) and "helpdesk" in caught.value.todo
    if damage == "deleted":
        assert not path.exists()  # connect() never ran: no new empty journal in its place
    if damage == "empty":
        assert path.stat().st_size == 0


def test_the_last_rows_cut_off_are_found(folder, clock):
    conn = sqlite3.connect(folder / "journal.db")
    conn.executescript("DROP TRIGGER txn_no_delete; DROP TRIGGER txn_event_no_delete;"
                       "DELETE FROM txn_event WHERE txn_id=3; DELETE FROM txn WHERE id=3;")
    conn.close()
    with pytest.raises(JournalDamaged):  # the dropped triggers, or the rows: either way refused
        Journal(folder / "journal.db", clock=clock)


def test_a_dropped_trigger_is_a_damaged_schema(folder, clock):
    conn = sqlite3.connect(folder / "journal.db")
    conn.execute("DROP TRIGGER txn_immutable")
    conn.close()
    with pytest.raises(JournalDamaged, match="trigger txn_immutable"):
        Journal(folder / "journal.db", clock=clock)


def test_a_row_rewritten_under_the_mark_is_found(folder, clock):
    """Rewritten and re-chained, triggers put back exactly: the mark still holds the old hash."""
    conn = sqlite3.connect(folder / "journal.db")
    (trigger,) = conn.execute("SELECT sql FROM sqlite_master WHERE name='txn_immutable'").fetchone()
    conn.execute("DROP TRIGGER txn_immutable")
    conn.execute("UPDATE txn SET amount=5000000, hash='f' || substr(hash, 2) WHERE id=3")
    conn.execute(trigger)
    conn.commit()
    conn.close()
    with pytest.raises(JournalDamaged, match="Transaksi ke-3 di jurnal berbeda"):
        Journal(folder / "journal.db", clock=clock)


def test_one_flipped_byte_in_the_customer_index_stops_the_start(tmp_path, clock):
    path = tmp_path / "journal.db"
    with Journal(path, clock=clock) as journal:
        for i in range(20):
            ref = journal.next_reference()
            journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                          amount=500_000, fee=0, operator="kasir1", customer_ref=f"55500{i:05d}", request={})
            journal.transition(ref, State.SUSPECT, actor="system", reason="tidak ada jawaban")
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='txn_customer'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    at = data.find(b"5550000003", (root - 1) * size, root * size)
    assert at > 0
    data[at + 9] ^= 0x01  # the index now says 5550000002: the SUSPECT row of ...03 is hidden
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM txn WHERE customer_ref='5550000003'").fetchone() == (0,)
    conn.close()
    with pytest.raises(JournalDamaged, match="missing from index txn_customer"):
        Journal(path, clock=clock)


def test_a_journal_from_a_newer_loket_says_so(folder, clock):
    conn = sqlite3.connect(folder / "journal.db")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerJournal, match="lebih baru") as caught:
        Journal(folder / "journal.db", clock=clock)
    assert "versi Loket terbaru" in caught.value.todo


def test_a_mark_one_write_behind_is_a_crash_not_damage(folder, clock):
    """A crash between the journal's commit and the mark's rename leaves the old mark."""
    before = (folder / "journal.mark.json").read_bytes()
    with Journal(folder / "journal.db", clock=clock) as journal:
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=10_000,
                      fee=0, operator="kasir1", request={})
    (folder / "journal.mark.json").write_bytes(before)
    with Journal(folder / "journal.db", clock=clock) as journal:
        assert journal.count() == 4
    assert integrity.read_mark(folder / "journal.db").rows == 4


def test_an_old_profile_without_a_mark_gets_one(folder, clock):
    (folder / "journal.mark.json").unlink()
    with Journal(folder / "journal.db", clock=clock):
        pass
    assert integrity.read_mark(folder / "journal.db").rows == 3


def main_file_rows(journal, copy) -> int:
    """The rows in the journal's main file alone, as a lost WAL file would leave it."""
    shutil.copy(journal.path, copy)
    conn = sqlite3.connect(copy)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'txn'").fetchone() is None:
            return 0  # the new journal's tables themselves are still in the log
        return conn.execute("SELECT COUNT(*) FROM txn").fetchone()[0]
    finally:
        conn.close()


def test_a_moment_after_the_last_commit_the_log_is_checkpointed_into_the_file(tmp_path, clock, monkeypatch):
    monkeypatch.setattr(checkpoints, "IDLE_SECONDS", 0.5)
    with Journal(tmp_path / "journal.db", clock=clock) as journal:
        for i in range(5):
            pay(journal, f"555{i:04d}")
        assert main_file_rows(journal, tmp_path / "at-once.db") == 0  # still in the log, not on the payment's path
        deadline = time.monotonic() + 10
        while main_file_rows(journal, tmp_path / "later.db") < 5:
            assert time.monotonic() < deadline, "the idle journal's log never reached its file"
            time.sleep(0.05)
        pay(journal, "5559999")  # the next customer: again into the file once the counter is idle
        while main_file_rows(journal, tmp_path / "later.db") < 6:
            assert time.monotonic() < deadline, "the second idle moment was missed"
            time.sleep(0.05)


def test_a_full_disk_is_said_plainly_and_the_journal_stays_usable(journal):
    pay(journal)
    (pages,) = journal._conn.execute("PRAGMA page_count").fetchone()
    journal._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL, like ENOSPC
    with pytest.raises(DiskFull) as caught:
        for _ in range(50):
            ref = journal.next_reference()
            journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                          amount=10_000, fee=0, operator="kasir1", request={"note": "x" * 4000})
    assert caught.value.message.startswith("Disk penuh: transaksi tidak dapat dicatat")
    assert "rollback" not in str(caught.value)
    journal._conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    pay(journal)
    assert journal.verify().ok


def test_a_read_only_journal_is_said_plainly_and_nothing_is_written(journal):
    ref = pay(journal)
    journal.execute("PRAGMA query_only = 1")  # SQLITE_READONLY, as a disk remounted read-only gives
    with pytest.raises(JournalUnwritable) as caught:
        journal.transition(ref, State.REVERSED, actor="kasir1", reason="batal")
    assert caught.value.message.startswith("Jurnal tidak dapat ditulis")
    journal.execute("PRAGMA query_only = 0")
    assert journal.get(ref).state is State.SUCCESS and journal.verify().ok


def test_a_reference_is_handed_out_only_once_its_reservation_is_on_disk(tmp_path, clock):
    """References run a second ahead of a reservation kept in the journal; one that could
    not be written must not count as made, or a restart hands out the same numbers again."""
    with Journal(tmp_path / "journal.db", clock=clock) as journal:
        journal.next_reference()
        clock.advance(5)
        journal.execute("PRAGMA query_only = 1")
        with pytest.raises(JournalUnwritable):
            journal.next_reference()
        journal.execute("PRAGMA query_only = 0")
        handed = journal.next_reference()
    with Journal(tmp_path / "journal.db", clock=clock) as again:
        assert again.next_reference() > handed
