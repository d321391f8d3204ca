"""Riwayat's search over a year's journal: what the agent types, and what it costs.

    .venv/bin/python tests/bench/riwayat.py [--rows N] [--runs N]

The year of ``tests/bench/journal.py`` (1,000,000 rows over 365 days, written with
executemany; the rows the bank settled carry its reference, ``host_ref``), searched the way
Riwayat does (``journal_query.search``: a page of 50 and its count, the whole year's dates):

1. The customer box as the agent types a number digit by digit ("1", "12", "123", "1234"),
   a 9 (the other end of the digits), a letter and a name, the first page and the last
   page the list offers (the 20th when the count is capped at 1,000).
2. The reference box: the bank's reference ("Ref. Bank" on the receipt, the newest settled
   row's), and the first six digits of Loket's own (one day).
3. Schema 10's index of the bank's references, built as at the first start after the
   update: the journal is taken back to schema 9 (index dropped, ``user_version`` 9) and
   opened; beside it the same open with nothing to migrate.

Figures are medians of ``--runs`` in milliseconds; no target is asserted here (README:
under 100 ms for a year's search). On code without the cap or the index the same script
measures the before (the columns it cannot fill say so).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from journal import fill  # noqa: E402  (tests/bench/journal.py: the year)

from services.journal import Journal, schema  # noqa: E402
from services.journal_query import JournalFilter, search  # noqa: E402


def timed(journal: Journal, flt: JournalFilter, page: int, runs: int) -> tuple[float, int, bool, int]:
    times, found = [], None
    for _ in range(runs):
        start = time.perf_counter()
        found = search(journal, flt, page=page)
        times.append((time.perf_counter() - start) * 1000)
    assert found is not None
    return statistics.median(times), found.total, bool(getattr(found, "more", False)), len(found.rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    first = date(2025, 11, 22)
    last = first + timedelta(days=364)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        path = Path(tmp) / "year.db"
        started = time.perf_counter()
        fill(path, args.rows, 365, first)
        print(f"{args.rows:,} rows written in {time.perf_counter() - started:.1f} s (schema {schema.SCHEMA_VERSION})")
        if hasattr(schema, "_BANK_REFERENCE"):
            conn = sqlite3.connect(str(path))
            conn.execute("DROP INDEX txn_host_ref")
            conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
            conn.close()
            started = time.perf_counter()
            Journal(path).close()
            migrated = time.perf_counter() - started
            started = time.perf_counter()
            Journal(path).close()
            print(f"open with schema 9 -> 10 (the bank's references indexed): {migrated:.2f} s;"
                  f" the same open, nothing to migrate: {time.perf_counter() - started:.2f} s")
        else:
            print("no schema step for the bank's references in this code")
        with Journal(path) as journal:
            (bank, ref) = journal.execute("SELECT host_ref, reference FROM txn WHERE host_ref <> ''"
                                          " ORDER BY id DESC LIMIT 1").fetchone()
            (settled,) = journal.execute("SELECT COUNT(*) FROM txn WHERE host_ref <> ''").fetchone()
            print(f"{settled:,} rows carry the bank's reference")
            year = {"date_from": first, "date_to": last}
            cases = [(f"customer {text!r}", JournalFilter(**year, customer=text))
                     for text in ("1", "12", "123", "1234", "9", "a", "rahayu")]
            cases += [("reference: the bank's (Ref. Bank)", JournalFilter(**year, reference=bank)),
                      ("reference: Loket's, 6 digits", JournalFilter(**year, reference=ref[:6]))]
            worst = worst_last = 0.0
            print(f"{'whole year':36s} {'page 1':>9s} {'last page':>10s}  total shown")
            for label, flt in cases:
                first_ms, total, more, rows = timed(journal, flt, 0, args.runs)
                pages = search(journal, flt).pages
                last_ms, _, _, _ = timed(journal, flt, pages - 1, args.runs) if pages > 1 else (first_ms, 0, 0, 0)
                worst, worst_last = max(worst, first_ms), max(worst_last, last_ms)
                shown = f"{total:,}+" if more else f"{total:,}"
                print(f"  {label:34s} {first_ms:7.1f} ms {last_ms:7.1f} ms  {shown} ({pages} pages, {rows} rows)")
            print(f"slowest first page: {worst:.1f} ms, slowest last page: {worst_last:.1f} ms (target < 100 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
