"""The counter's outbox: its journal pushed to the partner office's PostgreSQL, in order.

``Outbox.push()`` sends, in bounded batches, every journal row the office does not hold,
then the events of the rows it holds (state changes, in chain order), then every Laporan Z
whose day's rows, and the events up to the head of the chain it names, are all there, and the
reopenings (never one ahead of what it seals: ``sql/015_seal_after_its_events.sql``). Each
batch is one transaction: COPYed into the session's staging table, then checked as a set and
stored by one call of ``office.push_rows``/``push_events``. The connection is kept: its staging
tables are made, and the row push planned, once, when it opens (``office.push_open``). Nothing
here decides what the office keeps: the database checks every row against the chain
(``sql/001_schema.sql``) and records what does not fit as an alert; a batch it did not store
whole stops the pass there (``NotStored``), so the position never passes a row the office
does not hold (the Laporan Z of the days wholly before it still go).

Where it starts: at every connection the office is asked how far it holds this counter's
chains (its own rows only, by row-level security), and the local hash at that position must
be the office's. So a batch that was committed just before the connection dropped is not
sent again, and one that was not is; a re-sent row is skipped by the office anyway (same
position, same hash), so nothing can count twice. How far it got is also kept in a small
JSON file in the profile (written after each committed batch, atomically), which is what
Beranda shows while the office is out of reach.

If the local journal disagrees with what the office already holds (the file was edited
and its chain recomputed, or restored from an old copy), the outbox finds the first
position where the two chains differ (the chain makes the search binary: equal hashes at a
position mean equal history before it), sends its row for that position so the office
records the fork, and stops: it is never merged. Beranda keeps counting the unsent rows.

``OutboxRunner`` runs it on a thread of its own with a back-off, so neither the GUI thread
nor a payment ever waits for the office; the journal wakes it when it commits (a payment's row
or answer, a Laporan Z), so the office holds a payment a fraction of a second after it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import psycopg

from services.clock import Clock, iso
from services.files import write_atomically
from services.office.source import EVENT_FIELDS, ROW_FIELDS, SEAL_FIELDS, JournalSource

if TYPE_CHECKING:
    from services.journal import Journal

log = logging.getLogger(__name__)

BATCH = 2000  # rows or events a transaction: bounded, and few commits for a backlog
# ``OutboxState.error`` for the failures a person must fix (Beranda says whom to ask); any
# other is the exception's type name, a failure that passes (offline, office down).
REFUSED = "refused"  # the office refused this counter's login, database or writes
UNVERIFIED = "unverified"  # no TLS, or a certificate that cannot be verified
NOT_STORED = "not_stored"  # the office refused a row or event of this journal (``NotStored``): its operator looks
STATE_FILE = "office_outbox.json"

_SEAL_TYPES = {"report_no": "integer", "business_date": "date", "expected_cash": "bigint",
               "counted_cash": "bigint", "variance": "bigint", "rows": "integer", "last_event_id": "bigint"}


def _insert_sql(table: str, fields: tuple[str, ...], types: dict[str, str]) -> str:
    """One INSERT for a whole batch (seals): one array parameter per column, unnested server-side."""
    arrays = ", ".join(f"%s::{types.get(f, 'text')}[]" for f in fields)
    return f"INSERT INTO office.{table} (counter_id, {', '.join(fields)}) SELECT %s, * FROM unnest({arrays})"


ROWS_COPY = f"COPY pg_temp.push_txn ({', '.join(ROW_FIELDS)}) FROM STDIN"
EVENTS_COPY = f"COPY pg_temp.push_event ({', '.join(EVENT_FIELDS)}) FROM STDIN"
SEALS_SQL = _insert_sql("day_seal", SEAL_FIELDS, _SEAL_TYPES)
SEALS_BEFORE_017_SQL = _insert_sql("day_seal", SEAL_FIELDS[:-1], _SEAL_TYPES)


class NotStored(Exception):
    """The office stored a batch only up to ``position`` (exclusive): it found a row or an
    event there that does not fit its chain (its content changed, or a hash the office
    computes otherwise) and recorded an alert. Nothing after it is in the office, so the
    position does not pass it, the day it belongs to is not sealed there, and Beranda keeps
    counting the rows as not sent; what the office did store before it counts as sent at once.
    Decision: raised, so the pass ends as a failed one and is tried again with the back-off
    (the alert at the office is recorded once)."""

    def __init__(self, what: str, position: int) -> None:
        self.what, self.position = what, position
        super().__init__(f"the office did not store {what} {position}: it does not fit the office's chain")


class Forked(Exception):
    """The local journal is not the history the office holds; pushing stopped."""

    def __init__(self, what: str, position: int) -> None:
        self.what, self.position = what, position
        super().__init__(f"{what} {position}: the local journal differs from the office's copy")


@dataclass(frozen=True)
class OutboxState:
    """What the outbox knows, also when the office is out of reach."""

    rows_sent: int = 0
    events_sent: int = 0
    last_sync: str | None = None  # ISO time (WIB) when everything was in the office
    pending: int | None = None  # transactions not in the office in their current state
    fork_at: int | None = None
    error: str = ""


class Outbox:
    def __init__(self, source: JournalSource, counter_id: str, connect: Callable[[], psycopg.Connection[Any]],
                 state_folder: Path | str, *, batch: int = BATCH, clock: Clock | None = None,
                 fault: Callable[[str, psycopg.Connection[Any]], None] | None = None) -> None:
        self.source = source
        self.counter_id = counter_id
        self._connect = connect
        self.state_path = Path(state_folder) / STATE_FILE
        self.batch = batch
        self.clock = clock or Clock()
        self._fault = fault or (lambda point, conn: None)
        self._conn: psycopg.Connection[Any] | None = None
        self.state = self._load()

    # -- the state file --------------------------------------------------------------------
    def _load(self) -> OutboxState:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return OutboxState()
        if data.get("counter_id") != self.counter_id:  # another office identity: start over
            return OutboxState()
        known = {k: data[k] for k in OutboxState.__dataclass_fields__ if k in data}
        return OutboxState(**known)

    def _save(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)
        write_atomically(self.state_path,
                         json.dumps({"counter_id": self.counter_id, **asdict(self.state)}).encode("utf-8"))

    def refresh_pending(self) -> int | None:
        """Count what is not in the office from the local journal (works offline)."""
        if not self.source.exists():
            return None
        pending = self.source.pending(self.state.rows_sent, self.state.events_sent)
        if pending != self.state.pending:
            self._save(pending=pending)
        return pending

    # -- the connection ------------------------------------------------------------------
    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            conn = self._connect()
            conn.autocommit = True  # reads stand alone; each batch is its own transaction
            try:  # this session's staging tables, that cost nothing to empty (widened when needed)
                conn.execute("SELECT office.push_open(true)")
            except psycopg.errors.UndefinedFunction:  # an office from before sql/006_push_planned.sql
                conn.execute("SELECT office.push_open()")
            # A batch's commit does not wait for the office's disk: if the office crashes, it
            # loses at most its last moment of batches, all at the end of each chain, and the
            # next connection starts from what the office holds, so they are simply sent again.
            # The counter's journal, not the office, is the record that must survive.
            conn.execute("SET synchronous_commit = off")
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
        self.source.close()

    def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already broken
                pass

    # -- pushing -----------------------------------------------------------------------
    def push(self, stop: Callable[[], bool] = lambda: False) -> OutboxState:
        """Send everything pending. Raises on a lost connection (the next call resumes).

        ``stop`` is asked between batches: a backlog is left where it got to (every batch
        is whole and idempotent), so Loket's shutdown never waits for the rest of it."""
        try:
            complete = self._push(self._connection(), stop)
        except Forked as exc:
            self._save(fork_at=exc.position, error=str(exc))
            self.refresh_pending()
            raise
        except BaseException as exc:
            self._drop_connection()
            self._save(error=problem(exc))
            self.refresh_pending()
            raise
        if complete:
            self._save(last_sync=iso(self.clock.now()), error="", pending=0, fork_at=None)
        self.refresh_pending()
        return self.state

    def _office_head(self, conn: psycopg.Connection[Any], table: str) -> tuple[int, str | None]:
        found = conn.execute(f"SELECT id, hash FROM office.{table} WHERE counter_id = %s ORDER BY id DESC LIMIT 1",
                             (self.counter_id,)).fetchone()
        return (found[0], found[1]) if found else (0, None)

    def _office_hash(self, conn: psycopg.Connection[Any], table: str, position: int) -> str | None:
        found = conn.execute(f"SELECT hash FROM office.{table} WHERE counter_id = %s AND id = %s",
                             (self.counter_id, position)).fetchone()
        return found[0] if found else None

    def _check_history(self, conn: psycopg.Connection[Any], table: str, head: int, head_hash: str | None,
                       local_hash: Callable[[int], str | None]) -> None:
        """The office's last position must hold what the local journal holds there."""
        if head == 0 or local_hash(head) == head_hash:
            return
        low, high = 1, head  # the first differing position is in [low, high]
        while low < high:
            middle = (low + high) // 2
            if local_hash(middle) == self._office_hash(conn, table, middle):
                low = middle + 1
            else:
                high = middle
        what = "row" if table == "txn" else "event"
        # Show the office our version of that position: it records the fork (with both hashes)
        # and stores nothing of it.
        with contextlib.suppress(NotStored):
            if table == "txn":
                self.send_rows(conn, low - 1, limit=1)
            else:
                self.send_events(conn, low - 1, up_to_row=2**62, limit=1)
        raise Forked(what, low)

    def send_rows(self, conn: psycopg.Connection[Any], after: int, *, limit: int | None = None) -> int:
        """One batch of the rows after ``after`` through ``office.push_rows``; returns the last
        position sent (``after`` when there was nothing to send), which the office then holds:
        ``NotStored`` when it stored less."""
        rows = self.source.rows_after(after, limit or self.batch)
        if rows:
            _whole("row", rows, self._copy(conn, ROWS_COPY, rows, "push_rows", "rows"))
        return rows[-1][0] if rows else after

    def send_events(self, conn: psycopg.Connection[Any], after: int, *, up_to_row: int,
                    limit: int | None = None) -> int:
        """One batch of events after ``after`` (of rows up to ``up_to_row``), as ``send_rows``."""
        events = self.source.events_after(after, limit or self.batch, up_to_row=up_to_row)
        if events:
            _whole("event", events, self._copy(conn, EVENTS_COPY, events, "push_events", "events"))
        return events[-1][0] if events else after

    def _copy(self, conn: psycopg.Connection[Any], copy: str, batch: list[tuple[Any, ...]], push: str,
              point: str, *, widened: bool = False) -> int:
        """The batch COPYed into the session's staging table, then checked and stored by the
        office's push function, in one transaction (the staging table empties at its end).

        The staging tables hold values up to a page (so that emptying them costs nothing,
        sql/006_push_planned.sql): a row or event longer than that (a long inquiry answer or
        host message) is refused by the COPY, and then the session's staging tables are
        widened and the batch is sent again. Returns how many of the batch the office stored."""
        staged = False
        try:
            with conn.transaction():
                with conn.cursor().copy(copy) as staging:
                    for item in batch:
                        staging.write_row(item)
                staged = True
                found = conn.execute(f"SELECT office.{push}(%s)", (self.counter_id,)).fetchone()
                self._fault(point, conn)  # tests cut the connection here: mid-batch, before the commit
            _committed(conn)
        except psycopg.errors.ProgramLimitExceeded:
            if staged or widened:
                raise
            conn.execute("SELECT office.push_widen()")
            return self._copy(conn, copy, batch, push, point, widened=True)
        return int(found[0]) if found else 0

    def _insert_arrays(self, conn: psycopg.Connection[Any], statement: str, fields: tuple[str, ...],
                       batch: list[dict[str, Any]], point: str) -> None:
        """One array per column (seals, reopenings: a few a day)."""
        with conn.transaction():
            conn.execute(statement, [self.counter_id, *([item[f] for item in batch] for f in fields)])
            self._fault(point, conn)
        _committed(conn)

    def _push(self, conn: psycopg.Connection[Any], stop: Callable[[], bool]) -> bool:
        """True when everything was sent; False when ``stop`` said so first."""
        rows_sent, rows_hash = self._office_head(conn, "txn")
        events_sent, events_hash = self._office_head(conn, "txn_event")
        self._check_history(conn, "txn", rows_sent, rows_hash, self.source.row_hash)
        self._check_history(conn, "txn_event", events_sent, events_hash, self.source.event_hash)
        if (rows_sent, events_sent) != (self.state.rows_sent, self.state.events_sent):
            self._save(rows_sent=rows_sent, events_sent=events_sent)
        while True:
            if stop():
                return False
            rows_before, events_before = rows_sent, events_sent
            try:
                rows_sent = self.send_rows(conn, rows_sent)
                events_sent = self.send_events(conn, events_sent, up_to_row=rows_sent)
            except NotStored as exc:
                # The office holds everything before the refused item, this iteration's rows
                # batch too when its events were refused: counted as sent, so Beranda's count
                # is what the office lacks now, not what it lacked when the pass began.
                if exc.what == "row":
                    rows_sent = exc.position - 1
                else:
                    events_sent = exc.position - 1
                self._save(rows_sent=rows_sent, events_sent=events_sent)
                # The days sealed before the refused item are whole in the office: their
                # Laporan Z goes all the same (else a later day's refused event held the one
                # before it back at every pass, and the report listed that day as unsealed).
                self._send_seals(conn, rows_sent, events_sent)
                raise
            if (rows_sent, events_sent) == (rows_before, events_before):
                break
            self._save(rows_sent=rows_sent, events_sent=events_sent)
        self._send_seals(conn, rows_sent, events_sent)
        return True

    def _send_seals(self, conn: psycopg.Connection[Any], rows_sent: int, events_sent: int) -> None:
        """Laporan Z once every row of its day and every event up to the head its seal names are
        in the office (up to ``rows_sent``, ``events_sent``); then the reopenings, as far as the
        events before them are. Decision: by positions, not by what this pass sent: a day
        closed in the moment between the last batch and the read below names events this pass
        has not sent, and a Laporan Z ahead of them would be counted by the office against rows
        whose state at the seal it does not hold yet (report.py reads each row as it stood at
        the seal's head)."""
        have = {n for (n,) in conn.execute("SELECT report_no FROM office.day_seal WHERE counter_id = %s",
                                           (self.counter_id,))}
        seals = [s for s in self.source.seals()
                 if s["report_no"] not in have and s["last_row"] <= rows_sent and s["last_event_id"] <= events_sent]
        if seals:
            try:
                self._insert_arrays(conn, SEALS_SQL, SEAL_FIELDS, seals, "seals")
            except psycopg.errors.UndefinedColumn:  # an office before sql/017: it takes no head position
                self._insert_arrays(conn, SEALS_BEFORE_017_SQL, SEAL_FIELDS[:-1], seals, "seals")
        reopened = {n for (n,) in conn.execute("SELECT report_no FROM office.day_reopen WHERE counter_id = %s",
                                               (self.counter_id,))}
        have |= {s["report_no"] for s in seals}
        reopens = [r for r in self.source.reopens()
                   if r["report_no"] not in reopened and r["report_no"] in have and r["last_event"] <= events_sent]
        if reopens:
            self._insert_arrays(conn, "INSERT INTO office.day_reopen (counter_id, report_no, at)"
                         " SELECT %s, * FROM unnest(%s::integer[], %s::text[])",
                         ("report_no", "at"), reopens, "reopens")


def _whole(what: str, batch: list[tuple[Any, ...]], stored: int) -> None:
    """Every item of the batch stored (they follow the office's head, so none is a re-send);
    else ``NotStored`` names the first the office refused (items are id first, in order)."""
    if stored < len(batch):
        raise NotStored(what, batch[stored][0])


def _committed(conn: psycopg.Connection[Any]) -> None:
    """After a batch's transaction block: psycopg leaves the block without a word when the
    connection is already gone, having sent no COMMIT. Such a batch is not in the office."""
    if conn.closed:
        raise psycopg.OperationalError("the connection was lost before the batch's commit")


def problem(exc: BaseException) -> str:
    """``OutboxState.error`` for ``exc``: REFUSED and UNVERIFIED by what libpq and the office
    said, read as Koneksi Host's Cek koneksi reads them; NOT_STORED for ``NotStored``; else the
    exception's type name."""
    from services.connectivity import office_refusal
    from services.errors import HostRejected, NotSent, TransportError

    if isinstance(exc, NotStored):  # neither waiting nor Koneksi Host helps: the office's alert says why
        return NOT_STORED
    if isinstance(exc, psycopg.ProgrammingError):  # logged in, but the office refuses this counter's writes
        return REFUSED
    if isinstance(exc, psycopg.OperationalError):
        said = office_refusal(str(exc))
        if isinstance(said, HostRejected):
            return REFUSED
        if isinstance(said, TransportError) and not isinstance(said, NotSent):
            return UNVERIFIED
    return type(exc).__name__


class OutboxRunner:
    """The outbox on a thread of its own: a pass every ``interval`` seconds, or sooner when
    woken; after a failure it waits ``min_backoff`` doubling to ``max_backoff``.

    The journal wakes it (``written``, through ``follow``) when it commits a row, an
    event, a seal or a reopening, so the office sees a payment in a fraction of a second and
    Beranda's "Tersinkron 14:05" never stands for a row written since; the ``interval`` poll
    stays for what the journal cannot tell it (the office back, a journal written by another
    process). Decisions: the pass waits until the journal has been quiet ``settle`` seconds
    (at most ``settle_max`` after the first commit), so a burst of payments, and a payment's
    own commits (its row, then its answer), go in one pass, not one each. While it backs
    off (the office out of reach or refusing) or has stopped at a fork, a commit does not
    cut the wait short, which would try the network at every payment; it only counts the
    rows waiting again (a read of the local journal), so Beranda says "1 transaksi belum
    terkirim" at once instead of the last "Tersinkron". ``wake`` (a setting fixed) always
    goes at once."""

    def __init__(self, outbox: Outbox, *, interval: float = 30.0, min_backoff: float = 5.0,
                 max_backoff: float = 300.0, settle: float = 0.2, settle_max: float = 1.0) -> None:
        self.outbox = outbox
        self.interval, self.min_backoff, self.max_backoff = interval, min_backoff, max_backoff
        self.settle, self.settle_max = settle, settle_max
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._now = False  # ``wake``: go without waiting
        self._written = False  # ``written``: the journal committed what the office needs
        self._thread = threading.Thread(target=self._loop, name="office-outbox", daemon=True)
        self._unlisten: list[Callable[[], None]] = []  # ``follow``

    def start(self) -> "OutboxRunner":
        self._thread.start()
        return self

    def follow(self, journal: "Journal") -> "OutboxRunner":
        """Woken by ``journal``'s commits (``written``) until ``stop``."""
        self._unlisten.append(journal.listen(self.written))
        return self

    def wake(self) -> None:
        """A pass now, whatever the outbox waits for."""
        self._now = True
        self._wake.set()

    def written(self) -> None:
        """The journal committed a row, an event, a seal or a reopening (``Journal.listen``):
        on the committing thread, under the journal's lock, so two assignments and nothing
        that waits."""
        self._written = True
        self._wake.set()

    def stop(self, timeout: float = 3.0) -> None:
        """At shutdown, on the GUI thread: the push stops after its batch. One still on the
        wire past ``timeout`` (a slow link, a connection attempt) is left to end with the
        process, its connection open: the office rolls that batch back, the next start
        sends it again. The journal, which outlives it, stops waking it first."""
        for unlisten in self._unlisten:
            unlisten()
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)
        if not self._thread.is_alive():
            self.outbox.close()

    def status(self) -> OutboxState:
        """The last known state: a plain read, safe from the GUI thread."""
        return self.outbox.state

    def _loop(self) -> None:
        backoff = self.min_backoff
        self._refresh()
        while not self._stop.is_set():
            self._written = self._now = False  # this pass reads everything committed until now
            healthy = False
            try:
                self.outbox.push(self._stop.is_set)
                delay, backoff, healthy = self.interval, self.min_backoff, True
            except Forked:
                log.error("office outbox stopped: %s", self.outbox.state.error)
                delay = self.max_backoff
            except Exception as exc:  # offline, refused, office down: try again later
                log.warning("office outbox: %s; next try in %.0f s", type(exc).__name__, backoff)
                delay, backoff = backoff, min(backoff * 2, self.max_backoff)
            self._wait(delay, healthy)

    def _wait(self, delay: float, healthy: bool) -> None:
        """Until the next pass: ``delay`` seconds, or the journal settled after a commit
        (``healthy`` only), or ``wake``, or ``stop``."""
        deadline = time.monotonic() + delay
        while not self._stop.is_set():
            if not self._wake.wait(max(0.0, deadline - time.monotonic())):
                return  # the poll's time
            self._wake.clear()
            if self._now or self._stop.is_set():
                self._now = False
                return
            if self._written and healthy:
                self._settle()
                return
            if self._written:  # backing off or stopped: only the count of what waits
                self._written = False
                self._refresh()

    def _settle(self) -> None:
        """Wait for the journal to be quiet ``settle`` seconds, at most ``settle_max``."""
        until = time.monotonic() + self.settle_max
        while not self._stop.is_set() and self._wake.wait(min(self.settle, max(0.0, until - time.monotonic()))):
            self._wake.clear()
            if self._now or time.monotonic() >= until:
                return

    def _refresh(self) -> None:
        try:
            self.outbox.refresh_pending()
        except Exception:  # the journal file is unreadable: the next pass says why
            log.exception("office outbox: cannot read the journal")
