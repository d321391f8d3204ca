"""Journal figures: durable appends per second beside raw sqlite3, and browser query time.

    .venv/bin/python tests/bench/journal.py [--appends N] [--rows N]

1. Appends. One journaled payment is what ``TransactionRunner.execute`` does:
   ``next_reference`` (whose reservation is a commit once a second of references, not once
   a payment), ``begin(sent_by=)`` (the row NEW and SENT, one durable commit before the
   request leaves), ``transition`` SUCCESS (the outcome, a second durable commit).
   Journal-before-send needs those two durable commits per payment whatever the store. The
   raw baseline therefore is two plain sqlite3 INSERT commits per payment into a table of
   the same width, with the same pragmas (WAL, synchronous=FULL), on the same disk, in the
   same run. Also printed: raw sqlite3 doing the journal's own writes (the same table,
   indexes, triggers, event rows and two commits: the row inserted SENT with its NEW and SENT
   events, then updated SUCCESS with its event) without the chain and the row objects,
   which isolates what the journal adds (and, stricter, the same without the event rows);
   and, for
   scale, raw with three and with one INSERT commit. Targets: journal / raw (two commits)
   >= 0.6; journal / the same writes without the chain >= 0.8.
2. Browser. ``journal_query.search`` (page of 50 + total count) over 1,000,000 rows spread
   over a year, written fast with executemany into a temp journal (the customer-name index
   kept by its triggers as in use; PLN's rows carry the longer id the bank answered, which
   the first open declaring it files in ``txn_number``, timed as at an update). Target
   < 100 ms for every case, a customer name that matches a twelfth of a year's rows, and
   the last page of it, included.
3. The repeat guard. What ``TransactionRunner`` reads before every payment (the customer's
   row still open, the same payment's SUCCESS within 15 minutes; its private methods, timed
   on their own) for a customer with ``--history`` earlier payments, one every 10 minutes
   (a deposit account filled daily, a zakat institution every donation goes to), beside a
   customer with none, in the same journal. No growth is the target: ratio near 1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from services.clock import WIB, FixedClock  # noqa: E402
from services.journal import Journal, State, schema  # noqa: E402
from services.journal.references import format_reference  # noqa: E402
from services.journal_query import JournalFilter, search  # noqa: E402
from services.receipts.products import number_locations  # noqa: E402
from services.transactions import Payment, TransactionRunner  # noqa: E402

REQUEST = {"refnum": "", "paymentCode": "ab9f2b37db210c6f04f43ca229cbceb6", "sourceBank": "BRINIDJA",
           "sourceAccount": "888801000157508", "amount": 150000, "remark": "Transfer bulanan keluarga"}
RESPONSE = {"code": "00", "message": "Transfer success", "data": {"journal": "1012", "amount": 150000}}


def pay(journal: Journal) -> None:
    """One journaled payment, as ``TransactionRunner.execute`` writes it."""
    ref = journal.next_reference()
    journal.begin(reference=ref, host="switcher", product="switcher_transfer", product_group="Transfer",
                  customer_ref="888801000003301", customer_name="BRIAPI SANDBOX", amount=150_000, fee=0,
                  operator="BNIUS100294", request=REQUEST, sent_by="BNIUS100294")
    journal.transition(ref, State.SUCCESS, actor="system", reason="dikonfirmasi host", host_ref="1012",
                       response=RESPONSE)


# The journal as Loket opens it (app/context.py): with where the products' rows keep the
# numbers the bank answered that their receipts print (``Journal(answered_numbers=)``).
ANSWERED = number_locations()


class Writer:
    """One kind of append, its database open for the whole round: ``run(k)`` appends ``k``
    payments and adds their wall and CPU time to the writer's totals."""

    label = ""

    def __init__(self) -> None:
        self.done = 0
        self.wall = self.cpu = 0.0

    def run(self, k: int) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        self.append(k)
        self.wall += time.perf_counter() - start
        self.cpu += time.process_time() - cpu
        self.done += k

    def append(self, k: int) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    @property
    def rate(self) -> float:
        """Payments per second."""
        return self.done / self.wall

    @property
    def cpu_ms(self) -> float:
        """CPU ms per payment."""
        return self.cpu * 1000 / self.done


class JournalWriter(Writer):
    """The journal, as Loket opens it."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.journal = Journal(folder / "journal.db", answered_numbers=ANSWERED)

    def append(self, k: int) -> None:
        for _ in range(k):
            pay(self.journal)

    def close(self) -> None:
        self.journal.close()


class _Recorder:
    """The journal's connection, recording every statement it runs and its parameters."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.statements: list[tuple[str, object]] = []

    def execute(self, sql: str, params: object = ()) -> sqlite3.Cursor:
        self.statements.append((sql, dict(params) if isinstance(params, dict) else params))
        return self._conn.execute(sql, params)  # type: ignore[arg-type]

    def executemany(self, sql: str, seq: object) -> sqlite3.Cursor:
        params = list(seq)  # type: ignore[call-overload]
        self.statements.append((sql, _Many(params)))
        return self._conn.executemany(sql, params)


class _Many(list):
    """The parameter sets of one recorded ``executemany``, replayed as one."""

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


class ReplayWriter(Writer):
    """The journal's own SQL without the journal's Python.

    The statements ``n`` journaled payments ran (the chain's SELECTs, the rows with their
    hashes, the events, BEGIN/COMMIT) are recorded with their parameters first, untimed, then
    run again, one ``execute`` each, into a fresh file with the same schema and pragmas. No
    checkpoint is among them: the journal's waits for an idle moment
    (``services/journal/checkpoints.py``), and a burst meets SQLite's own every 1,000 pages of
    log, in every store here alike. Journal / this is what the journal's Python costs
    (canonical JSON, hashing, redaction, row objects, the mark); this / raw is the most any
    store writing the same rows, indexes, events and hashes could reach."""

    def __init__(self, folder: Path, n: int) -> None:
        super().__init__()
        self.payments: list[list[tuple[str, object]]] = []
        with Journal(folder / "recorded.db") as journal:
            recorder = _Recorder(journal._conn)  # the bench reads the private connection on purpose
            journal._conn = recorder  # type: ignore[assignment]
            for _ in range(n):
                before = len(recorder.statements)
                pay(journal)
                self.payments.append(recorder.statements[before:])
            journal._conn = recorder._conn
        self.conn = _connect(folder / "replayed.db")
        self.conn.execute("PRAGMA foreign_keys=ON")
        schema.migrate(self.conn)

    def append(self, k: int) -> None:
        conn = self.conn
        for statements in self.payments[self.done:self.done + k]:
            for sql, params in statements:
                if isinstance(params, _Many):
                    conn.executemany(sql, params)
                else:
                    conn.execute(sql, params).fetchall()  # type: ignore[arg-type]

    def close(self) -> None:
        self.conn.close()


class RawWriter(Writer):
    """Plain sqlite3: ``commits`` INSERT commits per payment into a table of the same width."""

    def __init__(self, folder: Path, commits: int) -> None:
        super().__init__()
        self.commits = commits
        self.conn = _connect(folder / f"raw{commits}.db")
        self.conn.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, reference TEXT, state TEXT, body TEXT)")
        self.body = repr(REQUEST) + repr(RESPONSE)

    def append(self, k: int) -> None:
        conn, body, states = self.conn, self.body, ("NEW", "SENT", "SUCCESS")[:self.commits]
        for i in range(self.done, self.done + k):
            for state in states:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO log (reference, state, body) VALUES (?, ?, ?)", (str(i), state, body))
                conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


EVENT = ("INSERT INTO txn_event (txn_id, reference, from_state, to_state, actor, reason, at, changes, prev_hash,"
         " hash) VALUES (?, ?, ?, ?, 'BNIUS100294', 'dikirim ke host', '2026-11-21T14:05:00.000+07:00', '{}', '', '')")


class SameWorkWriter(Writer):
    """The journal's own writes without the journal: the same table, indexes and triggers
    (schema.migrate), the same two durable commits (the row written SENT, then SUCCESS), but
    no hash chain and no Python row objects. Journal / this = the journal's own overhead.

    ``events``: also the three event rows a payment writes (NEW and SENT with the row, SUCCESS
    with the outcome), unchained. That is the issue's "the same rows, indexes and commits
    without the hash chain", the target's baseline. Without them (printed too) the journal's
    audit trail counts as overhead as well: the stricter figure."""

    def __init__(self, folder: Path, *, events: bool) -> None:
        super().__init__()
        self.events = events
        self.conn = _connect(folder / f"same{int(events)}.db")
        schema.migrate(self.conn)
        self.request, self.response = json.dumps(REQUEST), json.dumps(RESPONSE)

    def append(self, k: int) -> None:
        conn, events = self.conn, self.events
        for i in range(self.done + 1, self.done + k + 1):
            ref = f"{2611211405000000 + i}"
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO txn (id, reference, host, product, product_group, customer_ref, customer_name, amount,"
                " fee, total, operator, business_date, request, created_at, prev_hash, hash, state, updated_at,"
                " last_event_hash) VALUES (?, ?, 'switcher', 'switcher_transfer', 'Transfer', '888801000003301',"
                " 'BRIAPI SANDBOX', 150000, 0, 150000, 'BNIUS100294', '2026-11-21', ?,"
                " '2026-11-21T14:05:00.000+07:00', '', '', 'SENT', '2026-11-21T14:05:00.000+07:00', '')",
                (i, ref, self.request))
            if events:
                conn.execute(EVENT, (i, ref, None, "NEW"))
                conn.execute(EVENT, (i, ref, "NEW", "SENT"))
            conn.execute("COMMIT")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE txn SET state='SUCCESS', host_ref='1012', response=? WHERE id=?",
                         (self.response, i))
            if events:
                conn.execute(EVENT, (i, ref, "SENT", "SUCCESS"))
            conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


CHUNK = 100  # payments a writer appends before the next one takes its turn


def interleaved(writers: list[Writer], n: int) -> None:
    """Each writer appends ``n`` payments, ``CHUNK`` at a time, the writers taking turns (the
    order turned by one at each turn), so every ratio is taken under the same disk: this
    shared virtual disk's flush time drifts by a third within a minute, and blocks of a few
    seconds each, one kind after another, put that drift into the ratios (the raw baseline
    read 291 to 419 µs a payment from one run to the next while the journal read 561-593).
    A turn round all the writers takes ~0.4 s, under the journal's idle checkpoint's second
    (``services/journal/checkpoints.IDLE_SECONDS``): its checkpoints do not fall into the
    other writers' time."""
    for turn in range(0, n, CHUNK):
        shift = (turn // CHUNK) % len(writers)
        for writer in writers[shift:] + writers[:shift]:
            writer.run(min(CHUNK, n - turn))


PRODUCTS = [("switcher", "switcher_transfer", "Transfer"), ("bankplus", "deposit", "Perbankan"),
            ("bankplus", "intrabank_transfer", "Perbankan"), ("bankplus", "interbank_transfer", "Perbankan"),
            ("bankplus", "open_account", "Perbankan"), ("keagenan", "pln_postpaid", "Tagihan"),
            ("keagenan", "bpjs_kesehatan", "Tagihan"), ("keagenan", "pdam", "Tagihan")]
NAMES = ["SITI RAHAYU", "BUDI SANTOSO", "DEWI LESTARI", "RUDI HARTONO", "ARDHA HERDIANTO", "BRIAPI SANDBOX",
         "ALOYSIUS AGUS WARI Z", "NUR HIDAYAH", "AGUS SALIM", "WAYAN SUDIRTA", "MARIA SIHOMBING", "EKO PRASETYO"]
STATES = ["SUCCESS"] * 90 + ["FAILED"] * 7 + ["SUSPECT", "REVERSED", "SUCCESS"]


def fill(path: Path, rows: int, days: int, first_day: date) -> None:
    """``rows`` journal rows over ``days`` days, written with executemany (no chain)."""
    Journal(path).close()  # schema and migrations
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    rnd = random.Random(7)
    per_day = -(-rows // days)
    # Every 20 s from 07:00, closer when a day holds more than 15 hours of that: each row
    # its own moment, so each its own reference.
    spacing = min(20.0, 15 * 3600 / per_day)
    start = datetime.combine(first_day, datetime.min.time(), WIB) + timedelta(hours=7)

    def generate():
        for i in range(rows):
            day, within = divmod(i, per_day)
            moment = start + timedelta(days=day, seconds=within * spacing)
            host, product, group = PRODUCTS[rnd.randrange(len(PRODUCTS))]
            name = NAMES[rnd.randrange(len(NAMES))]
            amount = rnd.randrange(10, 2000) * 1000
            created = moment.isoformat(timespec="milliseconds")
            customer = f"{rnd.randrange(10**9, 10**10)}"
            # PLN answers a longer id than the one typed, and the request carries it (the
            # receipt prints it): the journal keeps it in ``txn_number`` (filled at the
            # first open that declares it, as at an update).
            request = ('{"data":{"customerId":"%s12"},"amount":%d}' % (customer, amount) if product == "pln_postpaid"
                       else '{"amount":%d}' % amount)
            state = STATES[rnd.randrange(len(STATES))]
            # The bank's reference ("Ref. Bank" on the receipt) on the rows the bank settled.
            host_ref = f"{rnd.randrange(10**11, 10**12)}" if state in ("SUCCESS", "REVERSED") else ""
            yield (i + 1, format_reference(moment), host, product, group,
                   customer, name, amount, 0, amount, "BNIUS100294",
                   moment.date().isoformat(), request, created, "0" * 64, "%064x" % i,
                   state, host_ref, "", "", "", created, "")

    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO txn (id, reference, host, product, product_group, customer_ref, customer_name, amount, fee,"
        " total, operator, business_date, request, created_at, prev_hash, hash, state, host_ref, response,"
        " error_code, error_message, updated_at, last_event_hash)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        generate(),
    )
    conn.execute("COMMIT")
    # No ANALYZE: a kiosk's journal never gathers statistics (nothing in Loket runs ANALYZE or
    # PRAGMA optimize), and with them SQLite plans otherwise: the late settlements' join
    # (services/reports/aggregate.py) built a Bloom filter over every row, ~35 ms at 60,000
    # rows against ~3 ms without; the browser's whole-year count ran faster. The benches
    # measure the journal a kiosk has.
    conn.close()


def timed(journal: Journal, flt: JournalFilter, runs: int = 7, last_page: bool = False) -> tuple[float, str]:
    times = []
    number = search(journal, flt, page=0, page_size=50).pages - 1 if last_page else 0
    for _ in range(runs):
        start = time.perf_counter()
        page = search(journal, flt, page=number, page_size=50)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), f"{page.total:,}" + ("+" if page.more else "")  # counted up to the cap


def guard_ms(folder: Path, history: int) -> tuple[float, float]:
    """The repeat guard's median time (ms) for a customer with ``history`` earlier payments,
    and for one with none."""
    clock = FixedClock(datetime(2025, 11, 22, 7, 0, tzinfo=WIB))
    with Journal(folder / "guard.db", clock=clock) as journal:
        for _ in range(history):
            clock.advance(600)
            pay(journal)  # customer 888801000003301, each out of the window before the next
        clock.advance(16 * 60)  # the last one too: the window holds none of them
        runner = TransactionRunner(journal, lambda: "BNIUS100294")

        def median(customer: str) -> float:
            payment = Payment("switcher", "switcher_transfer", "Transfer", 150_000, 0, {}, customer_ref=customer)
            times = []
            for _ in range(200):
                start = time.perf_counter()
                runner._blocking_row(payment)
                runner._recent_success(payment)
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        return median("888801000003301"), median("888801000009999")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--appends", type=int, default=3000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--history", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        # Interleave the runs so both sides see the same disk conditions (``interleaved``).
        journal_rates, raw3_rates, raw2_rates, raw1_rates, same_rates, bare_rates = [], [], [], [], [], []
        replay_rates = []
        journal_cpu, same_cpu, bare_cpu = [], [], []
        for round_ in range(3):
            sub = folder / f"round{round_}"
            sub.mkdir()
            journal_w, raw3, raw2, raw1 = JournalWriter(sub), RawWriter(sub, 3), RawWriter(sub, 2), RawWriter(sub, 1)
            same_w, bare_w = SameWorkWriter(sub, events=True), SameWorkWriter(sub, events=False)
            replay = ReplayWriter(sub, args.appends)
            writers: list[Writer] = [journal_w, raw2, same_w, raw3, raw1, bare_w, replay]
            try:
                interleaved(writers, args.appends)
            finally:
                for writer in writers:
                    writer.close()
            journal_rates.append(journal_w.rate)
            journal_cpu.append(journal_w.cpu_ms)
            raw3_rates.append(raw3.rate)
            raw2_rates.append(raw2.rate)
            raw1_rates.append(raw1.rate)
            same_rates.append(same_w.rate)
            same_cpu.append(same_w.cpu_ms)
            bare_rates.append(bare_w.rate)
            bare_cpu.append(bare_w.cpu_ms)
            replay_rates.append(replay.rate)
        j, r3, r2, r1, same, bare = (statistics.median(x) for x in (journal_rates, raw3_rates, raw2_rates,
                                                                    raw1_rates, same_rates, bare_rates))
        print(f"journaled payments/s (ref + NEW/SENT + SUCCESS):   {j:8.0f}")
        print(f"raw sqlite3, 2 INSERT commits per payment /s:      {r2:8.0f}")
        print(f"raw sqlite3, 3 INSERT commits per payment /s:      {r3:8.0f}  (scale only)")
        print(f"raw sqlite3, 1 INSERT commit /s (scale only):      {r1:8.0f}")
        print(f"raw sqlite3, same rows/indexes/commits, no chain /s:{same:8.0f}")
        print(f"  the same without the event rows /s:              {bare:8.0f}  (stricter)")
        replayed = statistics.median(replay_rates)
        print(f"the journal's own statements replayed, no Python /s:{replayed:8.0f}")
        print(f"ratio journal / raw (2 INSERT commits):    {j / r2:.2f}  (target >= 0.60)")
        print(f"ratio journal / raw (3 INSERT commits):    {j / r3:.2f}")
        print(f"ratio journal / raw (1 INSERT commit):     {j / r1:.2f}")
        print(f"ratio journal / raw (same writes, no chain): {j / same:.2f}  "
              "(the journal's own overhead; target >= 0.80)")
        print(f"ratio journal / raw (same, no events either): {j / bare:.2f}  "
              "(the audit trail counted as overhead too)")
        print(f"ratio journal / its statements replayed:   {j / replayed:.2f}  (what the journal's Python costs)")
        print(f"ratio replayed / raw (2 INSERT commits):   {replayed / r2:.2f}  (the ceiling of the first ratio "
              "for these writes)")
        print(f"ratio replayed / raw (same writes, no chain): {replayed / same:.2f}  (the ceiling of the "
              "overhead ratio: hashes, chain reads, checkpoints)")
        # Each round's own ratios (its runs follow one another): the spread the medians hide.
        print("per round, journal / raw (2 commits): " + ", ".join(f"{a / b:.2f}" for a, b in
                                                               zip(journal_rates, raw2_rates)) +
              "; / same writes: " + ", ".join(f"{a / b:.2f}" for a, b in zip(journal_rates, same_rates)))
        print(f"per payment: journal {1e6 / j:.0f} µs, raw (2 commits) {1e6 / r2:.0f} µs, same writes "
              f"{1e6 / same:.0f} µs, the journal's statements replayed {1e6 / replayed:.0f} µs")
        # CPU time is what a loaded machine does not blur: the journal's own work beside the
        # same writes'.
        print(f"CPU per payment: journal {statistics.median(journal_cpu):.3f} ms, same writes without the chain "
              f"{statistics.median(same_cpu):.3f} ms, without the events either {statistics.median(bare_cpu):.3f} ms")

        path = folder / "browse.db"
        started = time.perf_counter()
        first = date(2025, 11, 22)
        fill(path, args.rows, 365, first)
        print(f"\n{args.rows:,} rows written in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        with Journal(path, answered_numbers=ANSWERED) as journal:
            elapsed = time.perf_counter() - started
            (entries,) = journal.execute("SELECT COUNT(*) FROM txn_number").fetchone()
            # the newest PLN payment's printed id, as a customer would bring it back
            (printed,) = journal.execute("SELECT number FROM txn_number WHERE txn_id ="
                                         " (SELECT MAX(txn_id) FROM txn_number)").fetchone()
        print(f"{entries:,} numbers the bank answered filled at the first start after the update in {elapsed:.1f} s")
        last = first + timedelta(days=364)
        week = last - timedelta(days=6)
        month = last - timedelta(days=29)
        cases = [
            ("today, all", JournalFilter(date_from=last, date_to=last)),
            ("7 days, product + state",
             JournalFilter(date_from=week, date_to=last, product="deposit", state="SUCCESS")),
            ("7 days, customer name", JournalFilter(date_from=week, date_to=last, customer="rahayu")),
            ("30 days, product + state", JournalFilter(date_from=month, date_to=last, product="pdam", state="FAILED")),
            ("30 days, all", JournalFilter(date_from=month, date_to=last)),
            ("reference prefix (one day)", JournalFilter(reference=format_reference(
                datetime.combine(last, datetime.min.time()))[:6])),
            ("whole year, state SUSPECT", JournalFilter(date_from=first, date_to=last, state="SUSPECT")),
            ("whole year, all", JournalFilter(date_from=first, date_to=last)),
            ("whole year, product", JournalFilter(date_from=first, date_to=last, product="pdam")),
            ("whole year, customer name", JournalFilter(date_from=first, date_to=last, customer="rahayu")),
            ("whole year, name, 2 letters", JournalFilter(date_from=first, date_to=last, customer="yu")),
            ("whole year, customer number", JournalFilter(date_from=first, date_to=last, customer="12345")),
            ("whole year, printed number", JournalFilter(date_from=first, date_to=last, customer=printed)),
            ("whole year, printed, 3 digits", JournalFilter(date_from=first, date_to=last, customer=printed[:3])),
            ("whole year, name, last page", JournalFilter(date_from=first, date_to=last, customer="rahayu")),
        ]
        worst = 0.0
        with Journal(path, answered_numbers=ANSWERED) as journal:
            for label, flt in cases:
                ms, total = timed(journal, flt, last_page="last page" in label)
                worst = max(worst, ms)
                print(f"  {label:32s} {ms:7.1f} ms  ({total} matches)")
            print(f"browser query, slowest case: {worst:.1f} ms (target < 100 ms)")
        long, fresh = guard_ms(folder, args.history)
        print(f"\nrepeat guard before a payment: a customer with {args.history:,} earlier payments {long:.3f} ms,"
              f" one with none {fresh:.3f} ms; ratio {long / fresh:.2f} (target: near 1, no growth)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
