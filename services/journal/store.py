"""The journal store: append a transaction before it is sent, move it through its states.

One ``Journal`` per profile owns the journal file: one SQLite connection in WAL mode with
``synchronous=FULL`` (a committed row survives a power cut), and the only writer on it.
Everything else that keeps tables in the file (the day close, the receipt print counter)
writes through ``Journal.transaction`` and reads through ``Journal.execute``, under the
same lock, so the UI's worker threads may call any of them concurrently. Rows change only
through ``transition``; every change is an event with who, when and why; nothing is
deleted.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Collection, Iterator

from services.clock import Clock, iso
from services.journal import chain, integrity, numbers, schema
from services.journal.checkpoints import IdleCheckpointer
from services.journal.days import SEALED_THROUGH, BusinessDayRule, after_sealed
from services.journal.references import RESERVE_AHEAD, ReferenceGenerator, format_reference, parse_reference
from services.journal.rows import STATES, JournalEvent, JournalRow, Unrecorded, VerifyResult
from services.journal.states import OPEN_STATES, IllegalTransition, State, check
from services.redact import redact

log = logging.getLogger(__name__)

# The reason and message of a row a restart found NEW (``recover_interrupted``).
NOT_SENT_AT_START = "tidak terkirim: Loket terhenti sebelum mengirim; tidak ada uang yang berpindah di bank"
# The reason of every move to SENT.
SENT_REASON = "dikirim ke host"
# The reason of a SENT row found with no request in flight for it (``recover_stranded``).
FOUND_AT_START = "ditemukan terputus saat aplikasi dimulai"
UNRECORDED = "hasil tidak tercatat (jurnal menolak menulis); dicatat saat jurnal dapat ditulis lagi"
# The reason and message of an inquiry (``Journal.inquiries``) closed so.
INQUIRY_CLOSED = "hanya menanyakan, tidak memindahkan uang: ditutup tanpa jawaban tercatat; boleh diulang"
# How long a write waits for another program's lock on the journal (a backup tool copying the
# file) before it gives up with ``JournalBusy``; on a worker thread, behind the busy veil.
BUSY_TIMEOUT_S = 30.0
# The same wait while the journal is opened, which the start-up does on the GUI thread: a
# journal another program keeps to itself is reported in seconds (``JournalInaccessible``).
OPEN_BUSY_TIMEOUT_S = 5.0

# A row with what its first event recorded (``JournalRow.declared``); txn_event is indexed
# by txn_id, so this is one lookup per row.
_ROW_SELECT = ("SELECT txn.*, (SELECT changes FROM txn_event WHERE txn_event.txn_id = txn.id"
               " ORDER BY txn_event.id LIMIT 1) AS declared FROM txn")

# The journal's own appends, their parameters in this order (``Journal.begin``, ``_event``).
# A row names ``inquiry`` and ``counter_fee`` only when it has one, like its hash and its first
# event (so the tests can still write a journal of the schema before them): by whether it has
# an inquiry, then a counter fee.
_INSERT_ROW = {(inquiry, counter_fee): (
    "INSERT INTO txn (id, reference, host, product, product_group, customer_ref, customer_name, amount, fee, total,"
    " operator, business_date, request, created_at, prev_hash, hash, state, updated_at, last_event_hash"
    + ", inquiry" * inquiry + ", counter_fee" * counter_fee
    + ") VALUES (" + "?, " * (18 + inquiry + counter_fee) + "?)")
    for inquiry in (False, True) for counter_fee in (False, True)}
_INSERT_EVENT = ("INSERT INTO txn_event (id, txn_id, reference, from_state, to_state, actor, reason, at, changes,"
                 " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
# How many of the rows it wrote last the journal keeps, as stored, for the transition that
# follows (``Journal._held``): a payment's outcome comes right after its send.
HELD_ROWS = 8
# How far the wall clock's lead on the monotonic clock may wander between rows (the two
# clocks' rates differ by parts per million) and still be read as "not moved".
LEAD_JITTER = 0.5

_MUTABLE = ("state", "host_ref", "response", "error_code", "error_message", "updated_at", "settled_fee",
            "settled_total")
# Immutable columns outside the row hash that the row's first event records (``verify``
# folds them like the mutable ones).
_RECORDED = ("counter_fee",)


class Fetched:
    """A statement's result, read in full while the journal's lock was held."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.description = cursor.description
        self.rows: list[sqlite3.Row] = cursor.fetchall()
        self.lastrowid = cursor.lastrowid
        self.rowcount = cursor.rowcount

    def fetchone(self) -> sqlite3.Row | None:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[sqlite3.Row]:
        return list(self.rows)

    def __iter__(self) -> Iterator[sqlite3.Row]:
        return iter(self.rows)


class Transaction:
    """The open write transaction ``Journal.transaction`` hands out."""

    def __init__(self, journal: "Journal") -> None:
        self._journal = journal

    def execute(self, sql: str, params: dict[str, Any] | tuple | list = ()) -> Fetched:
        self._journal._note(sql)
        return Fetched(self._journal._conn.execute(sql, params))

    def get(self, reference: str) -> JournalRow:
        """The row of ``reference`` as this transaction sees it (``Journal.get``'s read, in
        here): a write that needs the row, as a receipt's numbering does, reads it once."""
        row = self._journal._conn.execute(f"{_ROW_SELECT} WHERE reference=?", (reference,)).fetchone()
        if row is None:
            raise KeyError(reference)
        return JournalRow.from_db(dict(row))


class _Moved(Exception):
    """A row the journal held changed in the file behind it (``Journal.transition``)."""


_UPDATES: dict[tuple[str, ...], str] = {}


def _update(names: tuple[str, ...]) -> str:
    """The UPDATE a transition setting ``names`` runs (built once per set of names, a handful).

    Only if the row is still in the state, with the last event, the journal knew it in: a row
    it held from its own write that changed behind it updates nothing (``_Moved``)."""
    sql = _UPDATES.get(names)
    if sql is None:
        sets = "".join(f"{name}=?, " for name in names)
        sql = _UPDATES[names] = f"UPDATE txn SET {sets}last_event_hash=? WHERE id=? AND state=? AND last_event_hash=?"
    return sql


def _event(after: tuple[Any, ...] | integrity.Mark, txn_id: int, reference: str, from_state: str | None,
           to_state: str, actor: str, reason: str, changes: str, at: str) -> tuple[Any, ...]:
    """The ``_INSERT_EVENT`` parameters (its hash last) of the event chained after the chain
    heads, or after ``after``, the parameters of an event chained but not written yet."""
    if isinstance(after, integrity.Mark):
        event_id, prev_hash = after.events + 1, after.event_hash or chain.GENESIS
    else:
        event_id, prev_hash = after[0] + 1, after[-1]
    return (event_id, txn_id, reference, from_state, to_state, actor, reason, at, changes, prev_hash,
            chain.seal_event(prev_hash, event_id, txn_id, reference, from_state, to_state, actor, reason, at, changes))


def _reads(sql: str) -> bool:
    return sql.lstrip().split(None, 1)[0].upper() in ("SELECT", "WITH", "PRAGMA", "EXPLAIN")


def _may_write_chain(sql: str) -> bool:
    """Whether ``sql`` may write the chained tables (``txn``, ``txn_event``): any statement
    that names them and is not a read. A false yes costs only a read of the heads."""
    return "txn" in sql.lower() and not _reads(sql)


_dumps = chain.canonical_json
_NEW, _SENT = State.NEW.value, State.SENT.value  # an enum member's ``value`` is a property: read once


class Journal:
    """The transaction journal of one profile."""

    def __init__(self, path: Path | str, *, clock: Clock | None = None,
                 business_day: BusinessDayRule = after_sealed,
                 inquiries: Collection[tuple[str, str]] = (),
                 answered_numbers: numbers.Locations | None = None) -> None:
        """``business_day``: which business day a row written at a moment belongs to, given
        the last day Tutup Hari sealed (``services/journal/days.py``). ``inquiries``: the
        (host, product) pairs whose journaled request only asks and moves no money
        (``Host.inquiries``): one left without a recorded answer is FAILED, never SUSPECT.
        ``answered_numbers``: where a product's rows hold the numbers the bank answered
        that its receipt prints (``services/journal/numbers.py``): the journal browser finds
        a row by them. Written with each outcome, and for the rows before at the first open
        that declares them."""
        self.path = Path(path)
        self.inquiries = frozenset(inquiries)
        self._numbers = numbers.statements(answered_numbers or {})
        # References this process is sending (SENT written, the outcome not recorded yet),
        # and what a sender could not record (``sent_back``): ``recover_stranded`` leaves the
        # first alone and writes the second when the journal writes again.
        self._sending: set[str] = set()
        self._unrecorded: dict[str, Unrecorded] = {}
        self.clock = clock or Clock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        integrity.check_file(self.path)  # before connect() creates an empty file in its place
        try:
            self._conn = sqlite3.connect(
                str(self.path), isolation_level=None, check_same_thread=False, timeout=OPEN_BUSY_TIMEOUT_S
            )
        except sqlite3.Error as exc:
            raise integrity.unopened(exc, self.path) from exc
        try:
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            schema.migrate(self._conn)
            self._mark = integrity.check_open(self._conn, self.path)
            numbers.fill(self._conn, answered_numbers or {})  # after the check: a damaged journal is told first
            self._mark_file = integrity.MarkFile(self.path)
            self._mark_file.write(self._mark)
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.DatabaseError):
                raise integrity.unopened(exc, self.path) from exc
            raise
        self._checkpointer = IdleCheckpointer(self.checkpoint)
        self._reserved = self._last_reference()
        self._references = ReferenceGenerator(self.clock, self._reserved)
        self._business_day = business_day
        self._tx_depth = 0
        self._written: integrity.Mark | None = None  # what a journal write leaves for ``_marked``
        self._chain_touched = False  # whether the open ``transaction`` may have written a chained table
        self._sealed_changed = False
        self._sealed_through = self._read_sealed_through()
        # reference -> (began, last written) on the monotonic clock, and the wall clock's lead
        # on it when the row began, for the rows this run wrote: how long ago they were
        # written, whatever the wall clock did since.
        self._written_at: dict[str, tuple[float, float, float]] = {}
        # The wall clock's lead on the monotonic clock as the rows began, since it last moved:
        # (lowest, highest), and when the last row before that began (``redated_within``).
        self._leads: tuple[float, float] | None = None
        self._before_leads = self._last_began = float("-inf")
        # The chain heads (the last row's and the last event's id and hash) as this journal's
        # last outermost commit left them, and the last rows it wrote, as stored: an append
        # and a payment's outcome read no SQL for them (``_chain_heads``, ``_held_row``).
        self._heads: integrity.Mark | None = None
        self._held: dict[str, dict[str, Any]] = {}
        # ``listen``: a tuple replaced whole, never changed in place, so ``_tell`` walks the one
        # it read while another thread adds or removes a listener; that lock only orders those.
        self._listeners: tuple[Callable[[], None], ...] = ()
        self._listeners_lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        self._checkpointer.close()  # before the lock: its thread may be waiting for it
        with self._lock:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass  # another connection still reads; its close or the next start checkpoints
            self._conn.close()
            self._mark_file.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the journal file (passive: never waits for readers).

        Run when the journal has been idle a moment (``checkpoints.IdleCheckpointer``) and
        after each day close, so a lost WAL file takes few rows with it, and the mark shows
        that it did."""
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _marked(self) -> bool:
        """After each outermost commit: the profile's mark follows the journal.

        Only after COMMIT, never inside a transaction that may still roll back: a mark ahead
        of the journal reads as lost rows at the next start. A mark that cannot be written
        stays one step behind, which the next start accepts and corrects. ``begin`` and
        ``transition`` leave the figures they wrote in ``_written``, so the journal's own
        commits need no query for them, nor one that wrote no row or event (``transaction``);
        any other transaction reads them back. True when the chains moved (or it cannot tell)."""
        # Nothing here may raise: the commit is done, and a caller told otherwise would
        # treat a written row as unwritten.
        moved = True
        try:
            mark = self._written or integrity.current_mark(self._conn)
            self._heads = mark
            moved = mark != self._mark
            if moved:
                self._mark = mark
                self._mark_file.write(mark)
            self._checkpointer.committed()
        except (OSError, RuntimeError, sqlite3.Error):  # RuntimeError: no thread for the checkpoint
            self._forget()
            log.exception("journal mark or checkpoint not written (the mark stays behind the journal)")
        return moved

    def listen(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` after each outermost commit that wrote a row, an event, or a
        seal or reopening (``mark_sealed_through``): what the partner office's outbox sends,
        which it then sends at once instead of at its next poll (``OutboxRunner.written``).

        Decision: called on the committing thread (a payment's), still under the journal's
        lock, so a listener only notes it (a flag, an event set) and returns: it never reads
        the journal nor waits for anything. One that raises is logged, never the caller's
        failure: the commit is done.

        Returns what stops it (``OutboxRunner.stop``): the journal outlives what listens to it,
        and a stopped listener it still held would be called, and kept alive, at every commit.
        Stopping it twice is harmless.

        Decision: not under the journal's lock, which a payment's commit holds through its disk
        flush: the GUI thread stops the outbox at shutdown and must not wait for one."""
        with self._listeners_lock:
            self._listeners += (listener,)

        def unlisten() -> None:
            with self._listeners_lock:
                self._listeners = tuple(each for each in self._listeners if each is not listener)

        return unlisten

    def _tell(self) -> None:
        for listener in self._listeners:
            try:
                listener()
            except Exception:
                log.exception("journal commit listener failed")

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    # -- the transaction API: every write to the journal file goes through here ---------
    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator["Transaction"]:
        """One write transaction on the journal file::

            with journal.transaction() as tx:
                (n,) = tx.execute("SELECT COUNT(*) FROM receipt_prints WHERE ...").fetchone()
                tx.execute("INSERT INTO receipt_prints ...", (...))

        Takes the journal's lock for the whole block, opens ``BEGIN IMMEDIATE`` (the write
        lock is taken up front, so a reader's snapshot never has to be upgraded), commits
        when the block ends and rolls back when it raises. ``durable`` commits wait for
        the disk (``synchronous=FULL``); the journal's own rows always do (see ``_write``).
        A ``transaction`` opened inside another on the same thread is a savepoint of it: its
        own failure undoes only its part, and nothing is committed before the outermost
        block ends. So the day close can seal a day, read the journal and mark the day
        sealed in one commit, and nothing else can write a row in between: the lock is
        held throughout.
        """
        with self._lock:
            token = self._open(durable)
            try:
                yield Transaction(self)
            except BaseException as exc:
                self._abort(token, exc)
                raise
            if token[0]:
                self._close(token)
            elif self._chain_touched or self._heads is None:
                self._close(token)
                self._forget()  # it may have written a row or an event: the next append reads the heads
            else:
                # No statement named the chained tables (a receipt's print number, the day
                # close's own tables): the heads and the rows held are what the file still
                # says, so neither this commit's mark nor the next append reads them again.
                self._written = self._heads
                self._close(token)

    def _note(self, sql: str) -> None:
        """A statement run inside ``transaction``: one that may write a chained table makes
        the heads and the rows held be read from the file again."""
        if not self._chain_touched and _may_write_chain(sql):
            self._chain_touched = True

    def _forget(self) -> None:
        """Read the chain heads and the rows from the file at the next write: after any
        rollback (what was held may be gone), a ``transaction`` that may have written a row or
        an event, a mark not written."""
        self._heads = None
        self._held.clear()

    def _chain_heads(self) -> integrity.Mark:
        """The last row's and the last event's id and hash, which the next links chain after.

        From memory when the write is this journal's own outermost transaction and the one
        before it was too, or a ``transaction`` that wrote no row or event (``_marked``); read
        from the file otherwise: inside a transaction
        another one encloses, whose other statements or savepoints the memory does not
        follow, and after ``_forget``. The journal is the only writer of its rows (one Loket
        per profile, ui/single_instance.py; the command line writes none), but if another
        process did append, stale heads cannot fork the chain: ids are dense and explicit, so
        the insert after a stale head collides on the primary key and ``_write`` runs the work
        again with the heads read from the file."""
        if self._tx_depth == 1 and self._heads is not None:
            return self._heads
        return integrity.current_mark(self._conn)

    def _held_row(self, reference: str) -> dict[str, Any] | None:
        """The row as this journal's own last write of it left it (the payment's outcome comes
        right after its send), under the same conditions as the heads in memory. Its
        ``transition`` updates only if the file still says the same (``_update``)."""
        if self._tx_depth == 1 and self._heads is not None:
            return self._held.get(reference)
        return None

    def _hold(self, row: dict[str, Any]) -> None:
        self._held.pop(row["reference"], None)  # moved to the newest end, or dropped when nested
        if self._tx_depth != 1:
            return
        self._held[row["reference"]] = row
        if len(self._held) > HELD_ROWS:
            del self._held[next(iter(self._held))]

    def _open(self, durable: bool) -> tuple[int, bool]:
        """Open the outermost transaction, or a savepoint inside it; the token closes it."""
        depth = self._tx_depth
        if depth:
            self._conn.execute(f"SAVEPOINT journal_tx_{depth}")
        else:
            self._written = None
            self._chain_touched = False
            if not durable:
                self._conn.execute("PRAGMA synchronous=NORMAL")
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except BaseException as exc:
                self._restore_sync(durable)
                refused = integrity.write_refused(exc)
                if refused is not None:
                    raise refused from exc
                raise
        self._tx_depth = depth + 1
        return depth, durable

    def _close(self, token: tuple[int, bool]) -> None:
        depth, durable = token
        if depth:
            self._tx_depth = depth
            self._conn.execute(f"RELEASE journal_tx_{depth}")
            return
        try:
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._abort(token, exc)
            raise
        self._tx_depth = 0
        sealed = self._sealed_changed
        if self._marked() or sealed:
            self._tell()
        self._after_outermost(durable)

    def _abort(self, token: tuple[int, bool], exc: BaseException) -> None:
        """Roll back what ``token`` opened; a full or read-only disk raises ``DiskFull`` or
        ``JournalUnwritable`` instead."""
        depth, durable = token
        self._tx_depth = depth
        self._written = None  # what was written may be gone: the mark is read back
        self._forget()
        if depth:
            self._conn.execute(f"ROLLBACK TO journal_tx_{depth}")
            self._conn.execute(f"RELEASE journal_tx_{depth}")
            return
        try:
            # SQLite has already rolled back after some errors (a full disk): a second
            # ROLLBACK would raise "no transaction is active" and hide the real cause.
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        finally:
            self._after_outermost(durable)
        refused = integrity.write_refused(exc)
        if refused is not None:
            raise refused from exc

    def _after_outermost(self, durable: bool) -> None:
        if self._sealed_changed:  # committed or rolled back, memory follows the file
            self._sealed_changed = False
            self._sealed_through = self._read_sealed_through()
        self._restore_sync(durable)

    def _restore_sync(self, durable: bool) -> None:
        if not durable:
            self._conn.execute("PRAGMA synchronous=FULL")

    def execute(self, sql: str, params: dict[str, Any] | tuple | list = ()) -> "Fetched":
        """Run one statement under the lock and fetch its rows in full.

        For reading the tables other modules keep in the journal file (the day close's,
        the print counter). Writes belong inside ``transaction``: outside one a write would
        commit on its own, so it is refused here.
        """
        with self._lock:
            if not self._tx_depth and not _reads(sql):
                raise RuntimeError("write to the journal file outside Journal.transaction()")
            if self._tx_depth:
                self._note(sql)
            return Fetched(self._conn.execute(sql, params))

    # -- business days -----------------------------------------------------------------
    def _read_sealed_through(self) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key=?", (SEALED_THROUGH,)).fetchone()
        return row[0] if row and row[0] else None

    def business_day(self, moment: datetime) -> str:
        """The business day a row written at ``moment`` belongs to (memory only: no disk)."""
        return self._business_day(moment, self._sealed_through)

    @property
    def sealed_through(self) -> str | None:
        """The last business day Tutup Hari sealed, None when none is."""
        return self._sealed_through

    def mark_sealed_through(self, business_date: str | None) -> None:
        """Record how far days are sealed; only inside the ``transaction`` that seals or
        reopens, so the mark and the seal are committed together or not at all."""
        if not self._tx_depth:
            raise RuntimeError("mark_sealed_through belongs inside the sealing transaction")
        self._conn.execute(
            "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (SEALED_THROUGH, business_date or ""),
        )
        self._sealed_changed = True

    # -- references ------------------------------------------------------------------
    def _last_reference(self) -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key='last_reference'").fetchone()
        top = self._conn.execute("SELECT MAX(reference) FROM txn WHERE length(reference)=16").fetchone()[0]
        return max(row[0] if row else "", top or "")

    def next_reference(self) -> str:
        """A fresh 16-digit refnum (YYMMDDHHiissSSSS), unique across restarts.

        Even a reference used only for an inquiry is never handed out twice: the journal
        durably reserves references a second ahead (``meta.last_reference`` is that
        high-water mark) and a reopened journal starts above it. So only about one call
        in a busy second writes to disk, and after a restart references may run up to a
        second ahead of the clock, which the format tolerates.
        """
        with self._lock:
            ref = self._references.next()
            if ref > self._reserved:
                moment = parse_reference(ref)
                reserved = format_reference(moment + RESERVE_AHEAD) if moment else ref
                self._write(lambda: self._reserve(reserved))
                self._reserved = reserved  # only once it is on disk: a restart starts above it
            return ref

    def _reserve(self, reserved: str) -> None:
        self._conn.execute("INSERT INTO meta(key, value) VALUES('last_reference', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value=max(value, excluded.value)", (reserved,))
        if self._tx_depth == 1 and self._heads is not None:
            self._written = self._heads  # chains nothing: the mark and the heads stay as they were

    # -- writing ---------------------------------------------------------------------
    def _write(self, work: Callable[[], Any], *, durable: bool = True) -> Any:
        """Run ``work`` in one write transaction; ``durable`` commits wait for the disk.

        Every state change waits for ``synchronous=FULL``, NEW -> SENT included: start-up
        recovery takes a row still NEW for one that never left (``recover_interrupted``),
        which holds only if SENT is on disk before the request is sent. The steps of
        ``transaction`` without its generator: this is the path of every payment.
        """
        with self._lock:
            token = self._open(durable)
            if token[0]:
                self._chain_touched = True  # a row or an event inside another transaction
            remembered = not token[0] and self._heads is not None
            try:
                result = work()
            except BaseException as exc:
                self._abort(token, exc)  # forgets the heads and the rows held
                if remembered and isinstance(exc, (sqlite3.IntegrityError, _Moved)):
                    # Maybe another writer moved what memory said (``_chain_heads``): once
                    # more, from the file. A real conflict (a reference used twice) raises again.
                    return self._write(work, durable=durable)
                raise
            self._close(token)
            return result

    def begin(
        self,
        *,
        reference: str,
        host: str,
        product: str,
        product_group: str,
        amount: int,
        fee: int,
        operator: str,
        request: dict[str, Any],
        customer_ref: str = "",
        customer_name: str = "",
        total: int | None = None,
        inquiry: dict[str, Any] | None = None,
        approval: dict[str, str] | None = None,
        counter_fee: int = 0,
        sent_by: str | None = None,
    ) -> JournalRow:
        """Write a NEW row and commit it: call this before the request leaves the machine.

        ``sent_by``: who sends it now. The row is then written SENT, its NEW and SENT events
        both, in the same durable commit: for a request that leaves right after, with
        nothing in between that could fail, one commit instead of two. A crash after that
        commit finds the row SENT at restart (SUSPECT, never resent), as it would after a
        separate SENT commit; a row NEW on disk is then only one a NotSent answer sent back.

        ``inquiry``: the host's answer to the inquiry this payment was quoted from, kept
        (redacted) with the row because the receipt reads it. ``approval``: why and on whose
        word the transaction was made, where that is not in the request (a reversal's
        reason and approver, the sender who handed over a transfer's cash), recorded as the
        ``changes`` of the row's first event (``JournalRow.declared``): the request stays
        exactly what went on the wire. ``counter_fee``: the counter's own fee collected with
        it (the first event's ``changes`` record it too)."""
        for name, value in (("amount", amount), ("fee", fee), ("counter_fee", counter_fee)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be integer rupiah")
        if counter_fee < 0:
            raise ValueError("counter_fee must not be negative")
        total = amount + fee if total is None else total
        now = self.clock.now()
        created_at = iso(now)
        request_text = _dumps(redact(request))
        inquiry_text = _dumps(redact(inquiry)) if inquiry else ""
        declared = {**(approval or {}), **({"counter_fee": counter_fee} if counter_fee else {})}

        def work() -> dict[str, Any]:
            heads = self._chain_heads()
            row_id = heads.rows + 1
            prev_hash = heads.row_hash or chain.GENESIS
            business_date = self.business_day(now)
            row_hash = chain.seal_row(prev_hash, row_id, reference, host, product, product_group, customer_ref,
                                      customer_name, amount, fee, total, operator, business_date, request_text,
                                      created_at, inquiry_text)
            events = [_event(heads, row_id, reference, None, _NEW, operator, "dicatat sebelum dikirim",
                             _dumps(declared), created_at)]
            state = _NEW
            if sent_by is not None:
                state = _SENT
                events.append(_event(events[0], row_id, reference, _NEW, state, sent_by, SENT_REASON,
                                     _dumps({"state": state, "updated_at": created_at}), created_at))
            last_event_id, last_event_hash = events[-1][0], events[-1][-1]
            named = (*((inquiry_text,) if inquiry_text else ()), *((counter_fee,) if counter_fee else ()))
            self._conn.execute(_INSERT_ROW[bool(inquiry_text), bool(counter_fee)], (
                row_id, reference, host, product, product_group, customer_ref, customer_name, amount, fee, total,
                operator, business_date, request_text, created_at, prev_hash, row_hash, state, created_at,
                last_event_hash, *named))
            self._conn.executemany(_INSERT_EVENT, events)
            self._written = integrity.Mark(row_id, row_hash, last_event_id, last_event_hash)
            # The row as ``_ROW_SELECT`` reads it back, held for the transition that follows.
            row = {"id": row_id, "reference": reference, "host": host, "product": product,
                   "product_group": product_group, "customer_ref": customer_ref, "customer_name": customer_name,
                   "amount": amount, "fee": fee, "total": total, "operator": operator,
                   "business_date": business_date, "request": request_text, "created_at": created_at,
                   "inquiry": inquiry_text, "counter_fee": counter_fee, "prev_hash": prev_hash, "hash": row_hash,
                   "state": state, "host_ref": "", "response": "", "error_code": "", "error_message": "",
                   "updated_at": created_at, "settled_fee": None, "settled_total": None,
                   "last_event_hash": last_event_hash, "declared": events[0][8]}
            self._hold(row)
            return row

        with self._lock:
            record = self._write(work)
            self._references.observe(reference)
            if sent_by is not None:
                self._sending.add(reference)
            began = self.clock.monotonic()
            lead = self._wall_lead(began)
            self._written_at[reference] = (began, began, lead)
            leads = self._leads
            if leads is not None and max(leads[1], lead) - min(leads[0], lead) <= LEAD_JITTER:
                self._leads = (min(leads[0], lead), max(leads[1], lead))
            else:  # the first row, or the wall clock moved: the rows from here on
                self._before_leads, self._leads = self._last_began, (lead, lead)
            self._last_began = began
        return JournalRow.from_db(record, _dumps(approval) if approval else "")

    def transition(
        self,
        reference: str,
        to_state: State,
        *,
        actor: str,
        reason: str,
        host_ref: str | None = None,
        response: dict[str, Any] | None = None,
        error_code: str | None = None,
        error_message: str | None = None,
        settled_fee: int | None = None,
        settled_total: int | None = None,
    ) -> JournalRow:
        """Move a row to ``to_state``, recording the event; illegal moves raise.

        ``settled_fee``/``settled_total``: what the host confirmed, when it differs from the
        row's ``fee``/``total`` (a fee first stated in the payment's answer). Only on the way
        to SUCCESS; both columns are always set together, the one not given derived from
        the row's ``amount`` (total = amount + fee, fee = total - amount).
        """
        settling = settled_fee is not None or settled_total is not None
        if settling and to_state is not State.SUCCESS:
            raise IllegalTransition(f"settled amounts are recorded only on the way to SUCCESS, not {to_state.value}")
        for name, value in (("settled_fee", settled_fee), ("settled_total", settled_total)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise TypeError(f"{name} must be integer rupiah")
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")
        changes: dict[str, Any] = {"state": to_state.value}
        if host_ref is not None:
            changes["host_ref"] = host_ref
        if response is not None:
            changes["response"] = _dumps(redact(response))
        if error_code is not None:
            changes["error_code"] = error_code
        if error_message is not None:
            changes["error_message"] = error_message

        def work() -> dict[str, Any]:
            held = self._held_row(reference)
            row = held or self._read_row(reference)
            from_state = STATES.get(row["state"]) or State(row["state"])
            check(from_state, to_state)
            if settling:
                fee = settled_total - row["amount"] if settled_fee is None else settled_fee
                if fee < 0:
                    raise ValueError(f"confirmed total {settled_total} is below the amount {row['amount']}")
                changes["settled_fee"] = fee
                changes["settled_total"] = row["amount"] + fee if settled_total is None else settled_total
            at = iso(self.clock.now())
            changes["updated_at"] = at
            heads = self._chain_heads()
            event = _event(heads, row["id"], reference, row["state"], changes["state"], actor, reason,
                           _dumps(changes), at)
            self._conn.execute(_INSERT_EVENT, event)
            self._written = integrity.Mark(heads.rows, heads.row_hash, event[0], event[-1])
            updated = self._conn.execute(_update(tuple(changes)), (
                *changes.values(), event[-1], row["id"], row["state"], row["last_event_hash"]))
            if updated.rowcount != 1:
                raise _Moved(reference)  # only a held row can: the one read is what the file says
            answered = self._numbers.get((row["host"], row["product"])) if to_state is not State.SENT else None
            if answered is not None:  # the numbers the bank answered, with the outcome that holds them
                self._conn.execute(answered, (row["id"],))
            row = {**row, **changes, "last_event_hash": event[-1]}
            self._hold(row)
            return row

        with self._lock:
            updated = self._write(work)
            if to_state is State.SENT:
                self._sending.add(reference)
            else:
                self._sending.discard(reference)
            written = self._written_at.get(reference)
            if written is not None:
                self._written_at[reference] = (written[0], self.clock.monotonic(), written[2])
        return JournalRow.from_db(updated)

    # -- elapsed time, by a clock the wall clock's jumps do not move ---------------------
    def _wall_lead(self, monotonic: float) -> float:
        return self.clock.now().timestamp() - monotonic

    def redated_within(self, seconds: float) -> list[str]:
        """References of the rows this run began less than ``seconds`` ago (monotonic clock)
        under which the wall clock has moved since (by more than a second).

        ``created_at`` is the wall clock, which Windows' time sync or a hand may move by hours
        between two payments; a guard measured in minutes reads ``created_at`` and these
        (``TransactionRunner``). Only these: while the clock stays put ``created_at`` says the
        same, and the guard's query stays the plain one."""
        now = self.clock.monotonic()
        since, lead = now - seconds, self._wall_lead(now)
        redated: list[str] = []
        with self._lock:
            leads = self._leads
            if leads is None or (self._before_leads <= since and leads[1] - 1.0 <= lead <= leads[0] + 1.0):
                # Every row of the window began since the wall clock last moved, and it has
                # not moved from then by a second: none is redated. A payment's guard asks
                # this each time; at a busy counter the window holds a hundred rows.
                return redated
            # Newest first, up to the window: ``_written_at`` is in the order the rows began
            # (a transition updates its row's entry in place), and it holds every row this run
            # wrote, which a payment's guard must not read through (0.15 ms at 300 rows).
            for ref in reversed(self._written_at):
                began, _, then = self._written_at[ref]
                if began <= since:
                    break
                if abs(lead - then) > 1.0:
                    redated.append(ref)
        return redated

    def seconds_since_written(self, reference: str) -> float | None:
        """Seconds since this run last wrote the row (monotonic clock); None for a row it never wrote."""
        with self._lock:
            written = self._written_at.get(reference)
        return None if written is None else self.clock.monotonic() - written[1]

    def _read_row(self, reference: str) -> dict[str, Any]:
        row = self._conn.execute(f"{_ROW_SELECT} WHERE reference=?", (reference,)).fetchone()
        if row is None:
            raise KeyError(reference)
        return dict(row)

    def recover_interrupted(self, actor: str = "system") -> list[JournalRow]:
        """At start-up: rows a crash left SENT become SUSPECT (they may have reached the
        host; never resent), but an inquiry's FAILED (``recover_stranded``). Rows left NEW
        never left the machine, because SENT is committed durably before any request is
        sent (with the row itself, ``begin(sent_by=)``, or before a resend,
        ``TransactionRunner.retry``): they become FAILED "tidak terkirim", which settles them
        (nothing moved at the bank) and frees the customer for a new payment. Not NEW again
        for a resend: the screen that held the reference is gone, and a row left open would
        only block the customer.

        Returns the rows the agent is told about after login: the SUSPECT ones and the ones
        not sent; a closed inquiry asks nothing of anyone."""
        with self._lock:
            unsent = [ref for (ref,) in self._conn.execute("SELECT reference FROM txn WHERE state='NEW'")]
            failed = [self.transition(ref, State.FAILED, actor=actor, reason=NOT_SENT_AT_START,
                                      error_message=NOT_SENT_AT_START) for ref in unsent]
            stranded = self.recover_stranded(actor, reason=FOUND_AT_START)
        told = failed + [row for row in stranded if row.state is State.SUSPECT]
        return sorted(told, key=lambda row: row.id)

    def sent_back(self, reference: str, unrecorded: Unrecorded | None = None) -> None:
        """The sender of ``reference`` is done with it. ``unrecorded``: the outcome it could
        not write (the row is still SENT), for ``recover_stranded`` to write later."""
        with self._lock:
            self._sending.discard(reference)
            if unrecorded is not None:
                self._unrecorded[reference] = unrecorded

    def recover_stranded(self, actor: str = "system", *, reason: str = UNRECORDED) -> list[JournalRow]:
        """Rows SENT with no request of this process in flight for them (the outcome could not
        be written, or a crash): SUSPECT, with what the sender could not record; FAILED for a
        request that provably never left or an inquiry. At start-up nothing is in flight;
        while Loket runs, the work-list's reads call this, so a row the disk refused to settle
        reaches it once the journal writes again, without a restart. Raises what the journal
        raises when it still cannot write (the rows stay SENT for the next try)."""
        with self._lock:  # nothing starts or finishes sending meanwhile
            found = self._conn.execute("SELECT reference, host, product FROM txn WHERE state='SENT'").fetchall()
            rows = []
            for ref, host, product in found:
                if ref in self._sending:
                    continue
                note = self._unrecorded.get(ref)
                said = note or Unrecorded(reason)
                if (host, product) in self.inquiries:
                    row = self.transition(ref, State.FAILED, actor=actor, response=said.response,
                                          reason=f"{INQUIRY_CLOSED}; {said.reason}"[:500], error_message=INQUIRY_CLOSED)
                elif not said.sent:
                    row = self.transition(ref, State.FAILED, actor=actor, reason=said.reason[:500],
                                          error_code="NOT_SENT", error_message=said.reason[:500])
                else:
                    row = self.transition(ref, State.SUSPECT, actor=actor, reason=said.reason[:500],
                                          response=said.response, error_message=note and note.reason[:500])
                self._unrecorded.pop(ref, None)
                rows.append(row)
        return rows

    # -- reading ---------------------------------------------------------------------
    @property
    def lock(self) -> threading.RLock:
        """Held by every read and write of the shared connection. Callers that must check
        and then write as one step (no two open payments for one customer, a reprint count)
        hold it around both; it is re-entrant."""
        return self._lock

    def get(self, reference: str) -> JournalRow:
        with self._lock:
            row = self._conn.execute(f"{_ROW_SELECT} WHERE reference=?", (reference,)).fetchone()
        if row is None:
            raise KeyError(reference)
        return JournalRow.from_db(dict(row))

    def events(self, reference: str) -> list[JournalEvent]:
        # By txn_id (indexed), not by reference (which txn_event does not index).
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM txn_event WHERE txn_id = (SELECT id FROM txn WHERE reference=?) ORDER BY id",
                (reference,),
            ).fetchall()
        return [
            JournalEvent(
                id=r["id"],
                reference=r["reference"],
                from_state=State(r["from_state"]) if r["from_state"] else None,
                to_state=State(r["to_state"]),
                actor=r["actor"],
                reason=r["reason"],
                at=r["at"],
                changes=json.loads(r["changes"]),
            )
            for r in rows
        ]

    def rows(self, where: str = "", params: dict[str, Any] | tuple = (), *, order: str = "id",
             limit: int | None = None, offset: int = 0) -> Iterator[JournalRow]:
        """Rows matching ``where`` (SQL over the ``txn`` columns), fetched under the lock.

        The connection is shared with writers on other threads, so the rows are read in
        one go rather than while another thread's transaction is open.
        """
        sql = _ROW_SELECT + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        with self._lock:
            fetched = self._conn.execute(sql, params).fetchall()
        return (JournalRow.from_db(dict(row)) for row in fetched)

    def iter_rows(self, where: str = "", params: dict[str, Any] | None = None, *,
                  batch: int = 1000) -> Iterator[JournalRow]:
        """Every matching row in id order, ``batch`` at a time: for exports of any size."""
        after = 0
        while True:
            clause = "id > :_after" + (f" AND ({where})" if where else "")
            chunk = list(self.rows(clause, {**(params or {}), "_after": after}, limit=batch))
            yield from chunk
            if len(chunk) < batch:
                return
            after = chunk[-1].id

    def open_rows(self, *, host: str | None = None, product: str | None = None,
                  customer_ref: str | None = None) -> list[JournalRow]:
        """Rows still NEW, SENT or SUSPECT, oldest first; of one host, product or customer
        when named. Read from the open rows (``txn_state_day``), which stay few at any kiosk,
        never from a customer's or a product's rows, which grow for good: the ``+`` keeps
        SQLite from choosing those indexes (a payment's guard asks this every time)."""
        states = ",".join(f"'{s.value}'" for s in OPEN_STATES)
        named = {"host": host, "product": product, "customer_ref": customer_ref}
        where = "".join(f" AND +{column}=:{column}" for column, value in named.items() if value is not None)
        return list(self.rows(f"state IN ({states}){where}",
                              {column: value for column, value in named.items() if value is not None}))

    def count(self, where: str = "", params: dict[str, Any] | tuple = ()) -> int:
        sql = "SELECT COUNT(*) FROM txn" + (f" WHERE {where}" if where else "")
        with self._lock:
            return self._conn.execute(sql, params).fetchone()[0]

    # -- verification ----------------------------------------------------------------
    def verify(self) -> VerifyResult:
        """Check both chains and that every row's state is what its events say.

        Reads one consistent snapshot through its own read-only connection, so the app may
        keep writing meanwhile, and streams: memory stays flat however long the journal.
        """
        return verify_file(self.path)


def verify_file(path: Path | str) -> VerifyResult:
    """``Journal.verify`` of a journal file that need not be open (a backup's copy)."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("BEGIN")  # one snapshot for all three passes (WAL)
        return _verify(conn)
    finally:
        conn.close()


def _verify(conn: sqlite3.Connection) -> VerifyResult:
    # 1. The row chain, in id order.
    prev = chain.GENESIS
    n_rows = 0
    for r in conn.execute("SELECT * FROM txn ORDER BY id"):
        n_rows += 1
        row = dict(r)
        where = f"row {row['id']} ({row['reference']})"
        if row["prev_hash"] != prev:
            return VerifyResult(False, n_rows, 0, f"{where}: link to the row before is broken")
        if chain.link(prev, row, chain.TXN_FIELDS) != row["hash"]:
            return VerifyResult(False, n_rows, 0, f"{where}: content does not match its hash")
        prev = row["hash"]
    # 2. The event chain, in id order.
    prev = chain.GENESIS
    n_events = 0
    for e in conn.execute("SELECT * FROM txn_event ORDER BY id"):
        n_events += 1
        ev = dict(e)
        if ev["prev_hash"] != prev or chain.link(prev, ev, chain.EVENT_FIELDS) != ev["hash"]:
            return VerifyResult(False, n_rows, n_events,
                                f"row {ev['txn_id']} ({ev['reference']}): event {ev['id']} does not match its hash")
        prev = ev["hash"]
    # 3. Each row's mutable columns against its events folded in order (a merge of both
    #    tables sorted by row id; txn_event_txn serves the event side).
    events = conn.execute("SELECT id, txn_id, from_state, to_state, changes, hash FROM txn_event ORDER BY txn_id, id")
    ev = events.fetchone()
    columns = ", ".join(("id", "reference", "created_at", *_MUTABLE, *_RECORDED, "last_event_hash"))
    for r in conn.execute(f"SELECT {columns} FROM txn ORDER BY id"):
        where = f"row {r['id']} ({r['reference']})"
        if ev is not None and ev["txn_id"] < r["id"]:
            return VerifyResult(False, n_rows, n_events, f"event {ev['id']} belongs to no row")
        expected: dict[str, Any] | None = None
        while ev is not None and ev["txn_id"] == r["id"]:
            if expected is None:
                expected = {"state": None, "host_ref": "", "response": "", "error_code": "", "error_message": "",
                            "updated_at": r["created_at"], "settled_fee": None, "settled_total": None,
                            "counter_fee": 0}
            expected.update(json.loads(ev["changes"]))
            if ev["from_state"] is None:
                expected["state"] = ev["to_state"]
            expected["last_event_hash"] = ev["hash"]
            ev = events.fetchone()
        if expected is None:
            return VerifyResult(False, n_rows, n_events, f"{where}: has no events")
        for col in (*_MUTABLE, *_RECORDED, "last_event_hash"):
            if r[col] != expected[col]:
                return VerifyResult(False, n_rows, n_events, f"{where}: {col} differs from its recorded events")
    if ev is not None:
        return VerifyResult(False, n_rows, n_events, f"event {ev['id']} belongs to no row")
    return VerifyResult(True, n_rows, n_events)
