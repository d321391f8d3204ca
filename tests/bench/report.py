"""Bench: building the day report over a 1,000,000-row journal vs one raw SQL GROUP BY.

    .venv/bin/python tests/bench/report.py [--rows 1000000] [--days 1,100]

For each layout (all rows on one business day; the same rows spread over N days) it
prints the time of ``DayCloseService.x_report`` (the whole Laporan X: the GROUP BY, the
failed/open/reversed lists, shift and movements, approvals, the model) beside a single
raw ``SELECT ... GROUP BY product_group, product`` over the same day's SUCCESS rows, in
the same run on the same file, and their ratio (target: 2 or less). Each is timed
``REPEAT`` times after a warm-up and the median is reported.

The rows are generated straight into ``txn`` with ``executemany``: they bypass the hash
chain (``prev_hash``/``hash`` are placeholders, no events), because the bench measures
reading and a chained write of a million rows would take minutes and measure the
journal instead. ``Journal.verify`` would (rightly) call this file broken.
"""

from __future__ import annotations

import argparse
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
from services.dayclose import DayCloseService  # noqa: E402
from services.journal import Journal  # noqa: E402

REPEAT = 7
FIRST_DAY = date(2026, 1, 1)
PRODUCTS = [  # host, product, group, amount range, fee
    ("bankplus", "deposit", "Perbankan", (10_000, 5_000_000), 0),
    ("bankplus", "intrabank_transfer", "Perbankan", (10_000, 5_000_000), 1_000),
    ("bankplus", "interbank_transfer", "Perbankan", (10_000, 5_000_000), 6_500),
    ("bankplus", "customer_balance", "Perbankan", (0, 0), 0),
    ("keagenan", "pln_postpaid", "Tagihan", (20_000, 2_000_000), 2_500),
    ("keagenan", "bpjs_kesehatan", "Tagihan", (35_000, 600_000), 2_500),
    ("keagenan", "telkom", "Tagihan", (50_000, 900_000), 2_500),
    ("keagenan", "pdam", "Tagihan", (20_000, 700_000), 2_500),
    ("switcher", "pulsa_telkomsel", "Pembelian", (5_000, 200_000), 1_500),
    ("switcher", "token_pln", "Pembelian", (20_000, 1_000_000), 1_500),
    ("doku", "doku_bni_va", "virtual_account", (10_000, 3_000_000), 0),
    ("bca", "bca_transfer", "transfer", (10_000, 5_000_000), 0),
]
STATES = ["SUCCESS"] * 960 + ["FAILED"] * 30 + ["REVERSED"] * 8 + ["SUSPECT"] * 2

RAW_SQL = """
SELECT product_group, product, COUNT(*), SUM(amount), SUM(fee), SUM(total)
FROM txn {index} WHERE business_date = ? AND state = 'SUCCESS'
GROUP BY product_group, product
"""
# The raw query as the planner runs it, and pinned to the report's covering index (the
# fastest it can go), so the ratio is not flattered by a slow baseline.
RAW = {"planner's choice": RAW_SQL.format(index=""),
       "on dayclose_txn_report": RAW_SQL.format(index="INDEXED BY dayclose_txn_report")}


def generate(path: Path, rows: int, days: int) -> None:
    rng = random.Random(7)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous=OFF")
    per_day = rows // days
    start = datetime(2026, 1, 1, 7, 0, tzinfo=WIB)

    def batch():
        for i in range(rows):
            host, product, group, (low, high), fee = rng.choice(PRODUCTS)
            amount = rng.randrange(low, high + 1, 1_000) if high else 0
            day = min(i // per_day, days - 1)
            moment = start + timedelta(days=day, seconds=(i % per_day) * 50_000 / per_day)
            created = moment.isoformat(timespec="milliseconds")
            ref = f"{i:016d}"
            state = rng.choice(STATES)
            yield (i + 1, ref, host, product, group, f"{rng.randrange(10**9, 10**10)}", "PELANGGAN", amount, fee,
                   amount + fee, "kasir1", moment.date().isoformat(), "{}", created, "-", "-", state, created,
                   "14" if state == "FAILED" else "", "Ditolak host" if state == "FAILED" else "", "-")

    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO txn (id, reference, host, product, product_group, customer_ref, customer_name, amount, fee,"
        " total, operator, business_date, request, created_at, prev_hash, hash, state, updated_at, error_code,"
        " error_message, last_event_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch())
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()


def median_time(work, repeat: int = REPEAT) -> float:
    work()  # warm-up: pages in the cache for both contenders alike
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(rows: int, days: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.db"
        clock = FixedClock(datetime(2026, 1, 1, 23, 0, tzinfo=WIB) + timedelta(days=days - 1))
        with Journal(path, clock=clock) as journal:
            DayCloseService(journal, clock=clock)  # migrate the day-close tables
        t0 = time.perf_counter()
        generate(path, rows, days)
        gen = time.perf_counter() - t0
        day = (FIRST_DAY + timedelta(days=days - 1)).isoformat()
        with Journal(path, clock=clock) as journal, DayCloseService(journal, clock=clock) as service:
            service.shifts.open(1_000_000, "kasir1")
            service.shifts.record("bank_deposit", 500_000, "setor", "kasir1")
            raw_con = sqlite3.connect(path)
            (day_rows,) = raw_con.execute("SELECT COUNT(*) FROM txn WHERE business_date=?", (day,)).fetchone()
            raws = {name: median_time(lambda sql=sql: raw_con.execute(sql, (day,)).fetchall())
                    for name, sql in RAW.items()}
            report = median_time(lambda: service.x_report(day, operator="bench"))
            sample = service.x_report(day, operator="bench")
            raw_con.close()
        print(f"journal {rows:,} rows over {days} day(s); report day {day} has {day_rows:,} rows "
              f"(generated in {gen:.1f} s)")
        for name, raw in raws.items():
            print(f"  raw SQL GROUP BY, {name:<24} {raw * 1000:9.2f} ms")
        print(f"  day report (Laporan X){'':<20} {report * 1000:9.2f} ms   "
              f"[{len(sample.products)} products, {len(sample.failed):,} failed, {len(sample.open):,} open, "
              f"{len(sample.reversed):,} reversed listed]")
        ratio = report / min(raws.values())
        print(f"  ratio report / fastest raw{'':<16} {ratio:9.2f}   (target <= 2) {'OK' if ratio <= 2 else 'OVER'}")
        return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--days", default="1,100", help="comma-separated day counts to spread the rows over")
    args = parser.parse_args()
    ratios = [run(args.rows, int(d)) for d in args.days.split(",")]
    return 0 if all(r <= 2 for r in ratios) else 1


if __name__ == "__main__":
    raise SystemExit(main())
