"""Bench: the partner office database (services/office) against raw PostgreSQL, same run.

    .venv/bin/python tests/bench/office.py [--counters 10] [--rows 1000] [--report-counters 1000]
                                           [--days 30] [--per-day 20]

1. Ingest: ``--counters`` real journals of ``--rows`` rows each (written through the
   Journal API, each row NEW -> SENT -> SUCCESS, so 3 events a row; a bill payment, a third
   of them, with the inquiry answer it was quoted from, so that rows differ in length as a
   counter's do: rows of one length hid that the office's check took a fitting batch
   to its slower exact check, sql/007_push_in_chain_order.sql) are pushed by their
   outboxes, one counter role each, on the connection each keeps open: reading the SQLite
   journal, a batch (``outbox.BATCH`` rows) COPYed into the session's staging table, then
   ``office.push_rows`` checking the writer, recomputing every hash, checking every link and
   inserting, one transaction a batch (``Outbox.send_rows``; the outbox commits
   with ``synchronous_commit = off``, as it always does: an office crash loses only batches
   it sends again).
   Printed beside a raw ``COPY`` of the same rows into the same table by the superuser
   with triggers off, one transaction, committed synchronously (target: ingest/COPY ratio 0.5 or more).
   The raw COPY starts from rows already in memory, so the ingest is timed from there too:
   the counters' reads of their own SQLite journals (each on its own machine, not the
   office's work) are timed apart and printed, with the ratio they would give if counted.
   Three rounds, each into a database of its own, the ingest and then its raw COPY; the
   median ratio is printed with the other two. What each counter's connection does once
   before its first batch (``office.push_open``: the staging tables made, the push planned)
   is timed apart from the batches, and printed with the ratio it would give if counted.
   The full push (rows, their events folded into the rows' state, and the seals) is printed
   too, from the first round.
2. The consolidated report (``services.office.report.build``: the GROUP BY, the open rows,
   the seals, the Python totals), and with its CSV written, for one day over ``--report-counters`` x ``--days`` x
   ``--per-day`` generated rows, beside one raw ``GROUP BY counter_id, product`` over the
   same day's SUCCESS rows (target: ratio 2 or less). The three are timed in turn, fifteen
   rounds after a warm-up, so a change of load on the shared machine falls on all three alike;
   the medians are compared.
3. The database size per 1,000,000 rows (table + indexes; with the events, as ingested).

The PostgreSQL is a throwaway one (services/office/localpg.py) with fsync on.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg  # noqa: E402

from services.clock import WIB, FixedClock  # noqa: E402
from services.journal import Journal, State  # noqa: E402
from services.office import db, report  # noqa: E402
from services.office.localpg import LocalPostgres  # noqa: E402
from services.office.outbox import BATCH, Outbox  # noqa: E402
from services.office.source import ROW_FIELDS, JournalSource  # noqa: E402

PRODUCTS = [("bankplus", "deposit", "Perbankan"), ("bankplus", "intrabank_transfer", "Perbankan"),
            ("keagenan", "pln_postpaid", "Tagihan"), ("keagenan", "pulsa_telkomsel", "Pembelian"),
            ("keagenan", "bpjs_kesehatan", "Tagihan"), ("switcher", "switcher_transfer", "Perbankan")]


def bill_answer(rng: random.Random, customer: str) -> dict[str, Any]:
    """The inquiry answer a bill payment is quoted from and journaled with: one to four
    months, so that rows differ in length as a counter's do."""
    months = rng.randrange(1, 5)
    return {"idpel": customer, "nama": "SITI AMINAH", "tarif": "R1", "daya": "1300", "lembar": months,
            "rincian": [{"periode": f"2026{m + 1:02d}", "tagihan": rng.randrange(50, 900) * 1000,
                         "denda": rng.choice((0, 3000))} for m in range(months)]}


def make_journal(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    clock = FixedClock(datetime(2026, 11, 21, 7, 0, tzinfo=WIB))
    with Journal(path, clock=clock) as journal:
        for _ in range(rows):
            clock.advance(2)
            host, product, group = rng.choice(PRODUCTS)
            ref = journal.next_reference()
            customer = str(rng.randrange(10**9))
            journal.begin(reference=ref, host=host, product=product, product_group=group,
                          amount=rng.randrange(10, 5000) * 1000, fee=2500, operator="kasir1",
                          request={"customer": customer, "pin": "***"}, customer_ref=customer,
                          customer_name="SITI AMINAH",
                          inquiry=bill_answer(rng, customer) if group == "Tagihan" else None)
            journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")
            journal.transition(ref, State.SUCCESS, actor="system", reason="jawaban host", host_ref="H" + ref[-6:])


def size(conn, *tables: str) -> int:
    return sum(conn.execute("SELECT pg_total_relation_size(%s)", (t,)).fetchone()[0] for t in tables)


class TimedSource(JournalSource):
    """The counter's journal, with the time its reads take kept apart: the raw COPY starts
    from rows already in memory, so the office's ingest is compared from there too."""

    reading = 0.0

    def rows_after(self, after: int, limit: int) -> list[tuple[Any, ...]]:
        t0 = time.perf_counter()
        try:
            return super().rows_after(after, limit)
        finally:
            TimedSource.reading += time.perf_counter() - t0


def ingest_round(pg: LocalPostgres, sources: list[tuple[str, Path]], records: list[tuple], name: str,
                 *, with_events: bool, batch: int = BATCH) -> tuple[float, float, float, float, float]:
    """One database: the counters' rows pushed by their outboxes, then (for the events and
    size figures) the rest of their push, then the raw COPY of the same rows into the same
    table, emptied. Returns (ingest, journal reading, raw, push_open, batches after each
    connection's first) seconds; the last without the journal reads."""
    with psycopg.connect(pg.admin_conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    admin = psycopg.connect(pg.admin_conninfo(name), autocommit=True)
    db.migrate(admin)
    for counter_id, _ in sources:
        db.add_counter(admin, counter_id, "pw")

    logging_in = [0.0]  # TCP and SCRAM, apart from what the outbox does on a new connection

    def connector(counter_id: str):
        def connect():
            t0 = time.perf_counter()
            try:
                return psycopg.connect(pg.tcp_conninfo(db.role_name(counter_id), "pw", name))
            finally:
                logging_in[0] += time.perf_counter() - t0
        return connect

    # Rows only: the outbox's row path (read the journal, COPY a batch to staging, push_rows),
    # each counter on the connection it keeps open (connecting is timed apart).
    t0 = time.perf_counter()
    outboxes = []
    for counter_id, path in sources:
        outbox = Outbox(TimedSource(path), counter_id, connector(counter_id), path.parent, batch=batch)
        outbox._connection()
        outboxes.append(outbox)
    connecting = time.perf_counter() - t0
    opening = connecting - logging_in[0]  # push_open (staging tables, the push planned), SET
    TimedSource.reading = 0.0
    later = 0.0
    t0 = time.perf_counter()
    for outbox in outboxes:
        conn = outbox._connection()
        after = 0
        while True:
            began, read_before = time.perf_counter(), TimedSource.reading
            if (last := outbox.send_rows(conn, after)) == after:
                break
            if after:
                later += time.perf_counter() - began - (TimedSource.reading - read_before)
            after = last
    ingest = time.perf_counter() - t0
    reading = TimedSource.reading
    for outbox in outboxes:
        outbox.close()
    total_rows = len(records)
    if with_events:
        print(f"connecting {len(sources)} counters: {connecting * 1000 / len(sources):.1f} ms each, of which"
              f" push_open {opening * 1000 / len(sources):.1f} ms (the rest TCP and SCRAM)")
        # The rest of the push: events (state folded into each row) and seals.
        t0 = time.perf_counter()
        for counter_id, path in sources:
            outbox = Outbox(JournalSource(path), counter_id, connector(counter_id), path.parent)
            outbox.push()
            outbox.close()
        events = time.perf_counter() - t0
        (alerts,) = admin.execute("SELECT count(*) FROM office.alert").fetchone()
        assert alerts == 0, "the bench rows must fit their chains"
        with_sizes = size(admin, "office.txn", "office.txn_event")
        (n_events,) = admin.execute("SELECT count(*) FROM office.txn_event").fetchone()
        print(f"events and seals after the rows: {n_events / events:,.0f} events/s ({n_events} events)")
        print(f"office size with events (txn + txn_event, indexes): {with_sizes / total_rows * 1e6 / 2**20:,.0f} MiB"
              f" per 1,000,000 rows ({with_sizes / total_rows:,.0f} bytes a row with its {n_events // total_rows}"
              " events)")
    (stored,) = admin.execute("SELECT count(*) FROM office.txn").fetchone()
    assert stored == total_rows, "every row must have been stored"

    # Raw COPY of the same rows into the same table: superuser, triggers off.
    admin.execute("TRUNCATE office.txn")
    t0 = time.perf_counter()
    with admin.transaction():
        admin.execute("SET LOCAL session_replication_role = replica")
        with admin.cursor().copy(f"COPY office.txn (counter_id, {', '.join(ROW_FIELDS)}) FROM STDIN") as copy:
            for rec in records:
                copy.write_row(rec)
    raw = time.perf_counter() - t0
    admin.close()
    return ingest - reading, reading, raw, opening, later


def bench_ingest(pg: LocalPostgres, folder: Path, counters: int, rows: int) -> None:
    t0 = time.perf_counter()
    sources = []
    for n in range(counters):
        path = folder / f"k{n}" / "journal.db"
        make_journal(path, rows, n)
        sources.append((f"K{n:04d}", path))
    print(f"generated {counters} journals x {rows} rows (3 events a row) in {time.perf_counter() - t0:.1f} s")
    records = []
    for counter_id, path in sources:
        source = JournalSource(path)
        records += [(counter_id, *r) for r in source.rows_after(0, rows)]
        source.close()
    # Three rounds, each into a database of its own, the ingest and its raw COPY in turn.
    rounds = [ingest_round(pg, sources, records, f"ingest{n}", with_events=n == 0) for n in range(3)]
    ratios = sorted(raw / ingest for ingest, _reading, raw, _opening, _later in rounds)
    whole = sorted(raw / (ingest + reading) for ingest, reading, raw, _opening, _later in rounds)
    opened = sorted(raw / (ingest + opening) for ingest, _reading, raw, opening, _later in rounds)
    ingest = statistics.median(ingest for ingest, _reading, _raw, _opening, _later in rounds)
    reading = statistics.median(reading for _ingest, reading, _raw, _opening, _later in rounds)
    raw = statistics.median(raw for _ingest, _reading, raw, _opening, _later in rounds)
    # Three more rounds, each counter's rows in two batches on the one connection it keeps (as
    # the outbox does): its second batch beside its first, each beside the raw COPY's time for
    # as many rows (half of it).
    halves = [ingest_round(pg, sources, records, f"halves{n}", with_events=False, batch=rows // 2)
              for n in range(3)]
    first = sorted(raw / 2 / (ingest - later) for ingest, _reading, raw, _opening, later in halves)
    second = sorted(raw / 2 / later for _ingest, _reading, raw, _opening, later in halves)
    print(f"ingest (staging COPY, office.push_rows checks, commit per batch):"
          f" {len(records) / ingest:,.0f} rows/s   raw COPY: {len(records) / raw:,.0f} rows/s"
          f"   ratio {ratios[1]:.2f} (rounds {ratios[0]:.2f}-{ratios[2]:.2f}; target >= 0.5)")
    print(f"  with each connection's push_open counted too (its staging tables made, the push planned):"
          f" ratio {opened[1]:.2f} (rounds {opened[0]:.2f}-{opened[2]:.2f})")
    print(f"  in batches of {rows // 2:,}: a connection's first batch ratio {first[1]:.2f}"
          f" (rounds {first[0]:.2f}-{first[2]:.2f}), its second {second[1]:.2f}"
          f" (rounds {second[0]:.2f}-{second[2]:.2f})")
    print(f"  with the counters' own journal reads before it ({reading * 1000 / len(records) * 1000:,.0f} ms per"
          f" 1,000 rows, on each counter): ratio {whole[1]:.2f} (rounds {whole[0]:.2f}-{whole[2]:.2f})")


def copy_counters(admin: psycopg.Connection[Any], counters: int) -> None:
    """``counters`` counters K0000... registered without logins, and the triggers off for the
    rest of the transaction (generated rows copied in as they are)."""
    admin.execute("SET LOCAL session_replication_role = replica")
    with admin.cursor().copy("COPY office.counter (counter_id, role_name) FROM STDIN") as copy:
        for c in range(counters):
            copy.write_row((f"K{c:04d}", f"loket_c_k{c:04d}"))


def bench_report(pg: LocalPostgres, counters: int, days: int, per_day: int) -> None:
    with psycopg.connect(pg.admin_conninfo(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE report")
    admin = psycopg.connect(pg.admin_conninfo("report"), autocommit=True)
    db.migrate(admin)
    rng = random.Random(1)
    first = date(2026, 11, 1)
    t0 = time.perf_counter()
    with admin.transaction():
        copy_counters(admin, counters)
        cols = ("counter_id", "id", "reference", "host", "product", "product_group", "customer_ref", "customer_name",
                "amount", "fee", "total", "operator", "business_date", "request", "created_at", "prev_hash", "hash",
                "state", "host_ref", "error_code", "error_message", "updated_at")
        with admin.cursor().copy(f"COPY office.txn ({', '.join(cols)}) FROM STDIN") as copy:
            for c in range(counters):
                n = 0
                for d in range(days):
                    day = first + timedelta(days=d)
                    for _ in range(per_day):
                        n += 1
                        host, product, group = rng.choice(PRODUCTS)
                        amount = rng.randrange(10, 5000) * 1000
                        state = "SUCCESS" if rng.random() < 0.93 else rng.choice(("FAILED", "SUSPECT"))
                        ts = f"{day.isoformat()}T10:00:00.000+07:00"
                        copy.write_row((f"K{c:04d}", n, f"{c:04d}{n:012d}", host, product, group, "5391000123",
                                        "SITI AMINAH", amount, 2500, amount + 2500, "kasir1", day,
                                        '{"customer":"5391000123"}', ts, "0" * 64, "f" * 64, state, "", "", "", ts))
    admin.execute("ANALYZE office.txn")
    total = counters * days * per_day
    print(f"generated {counters} counters x {days} days x {per_day} rows = {total:,} rows"
          f" in {time.perf_counter() - t0:.1f} s")
    day = (first + timedelta(days=days // 2)).isoformat()
    raw_sql = ("SELECT counter_id, product, count(*), sum(amount), sum(fee), sum(total) FROM office.txn"
               " WHERE business_date = %s AND state = 'SUCCESS' GROUP BY counter_id, product")

    def report_only() -> None:
        report.build(admin, day)

    def report_csv() -> None:
        report.render_csv(report.build(admin, day))

    def raw_group_by() -> None:
        admin.execute(raw_sql, (day,)).fetchall()

    # Taken in turn, fifteen times after a warm-up, so that a change of load on the machine
    # falls on the report and its baseline alike; the medians are compared.
    times: dict = {work: [] for work in (report_only, report_csv, raw_group_by)}
    for round_no in range(16):
        for work, spent in times.items():
            t0 = time.perf_counter()
            work()
            if round_no:
                spent.append(time.perf_counter() - t0)
    built, full, raw = (statistics.median(spent) for spent in times.values())
    print(f"consolidated report of one day ({counters * per_day:,} rows): build {built * 1000:.0f} ms,"
          f" build + CSV {full * 1000:.0f} ms   raw GROUP BY: {raw * 1000:.0f} ms"
          f"   ratios {built / raw:.2f} / {full / raw:.2f} (target <= 2)")
    table = size(admin, "office.txn")
    print(f"office size, rows only (txn + indexes): {table / total * 1e6 / 2**20:,.0f} MiB per 1,000,000 rows"
          f" ({table / total:,.0f} bytes a row)")
    admin.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counters", type=int, default=10)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--report-counters", type=int, default=1000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--per-day", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="loket-office-bench-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    try:
        with LocalPostgres() as pg:
            bench_ingest(pg, folder, args.counters, args.rows)
            bench_report(pg, args.report_counters, args.days, args.per_day)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
