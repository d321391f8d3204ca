"""Bench: an office that an older Loket migrated to sql/013, upgraded by ``office migrate``.

    .venv/bin/python tests/bench/office_upgrade.py [--rows 400000] [--counters 400] [--hold 8]

1. ``--rows`` rows over ``--counters`` counters, generated as tests/bench/office.py's report
   bench generates them, each with its three events (NEW, SENT, SUCCESS; the first naming a
   counter fee) and its columns folded, copied into an office at sql/013 with the triggers
   off. Then ``db.migrate`` to the newest schema, timed, while a real counter pushes its
   journal (rows and events, small batches, through its outbox): its longest batch while the
   migrate ran, beside its median batch.
2. The same on a small office (lock waits do not depend on its size) while another session
   holds a read of ``office.txn_event`` open for ``--hold`` seconds (a long ``office verify``,
   a ``pg_dump``): how long the migrate and the counter's batches waited (a migrate gives up
   after ``db.LOCK_WAIT_S``, and is run again once the read has ended).

The PostgreSQL is a throwaway one (services/office/localpg.py) with fsync on.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg  # noqa: E402

from services.office import db  # noqa: E402
from services.office.localpg import LocalPostgres  # noqa: E402
from services.office.outbox import Outbox  # noqa: E402
from services.office.source import JournalSource  # noqa: E402
from tests.bench.office import PRODUCTS, copy_counters, make_journal  # noqa: E402

BEFORE_ONE_FOLD = 13
ROW_COLUMNS = ("counter_id", "id", "reference", "host", "product", "product_group", "customer_ref", "customer_name",
               "amount", "fee", "total", "operator", "business_date", "request", "created_at", "prev_hash", "hash",
               "state", "host_ref", "updated_at", "last_event_id", "counter_fee")
EVENT_COLUMNS = ("counter_id", "id", "txn_id", "reference", "from_state", "to_state", "actor", "reason", "at",
                 "changes", "prev_hash", "hash")


def office_at_013(pg: LocalPostgres, name: str, rows: int, counters: int) -> psycopg.Connection[Any]:
    with psycopg.connect(pg.admin_conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    admin = psycopg.connect(pg.admin_conninfo(name), autocommit=True)
    db.migrate(admin, upto=BEFORE_ONE_FOLD)
    rng = random.Random(1)
    t0 = time.perf_counter()
    with admin.transaction():
        copy_counters(admin, counters)
        per_counter = rows // counters
        generated = []
        for c in range(counters):
            for n in range(1, per_counter + 1):
                host, product, group = rng.choice(PRODUCTS)
                generated.append((f"K{c:04d}", n, f"{c:04d}{n:012d}", host, product, group,
                                  rng.randrange(10, 5000) * 1000, 3000 if group == "Tagihan" else 0))
        ts = "2026-11-21T10:00:00.000+07:00"
        with admin.cursor().copy(f"COPY office.txn ({', '.join(ROW_COLUMNS)}) FROM STDIN") as txn:
            for counter, n, ref, host, product, group, amount, fee in generated:
                txn.write_row((counter, n, ref, host, product, group, "5391000123", "SITI AMINAH", amount, 2500,
                               amount + 2500, "kasir1", "2026-11-21", '{"customer":"5391000123"}', ts, "0" * 64,
                               "f" * 64, "SUCCESS", "H" + ref[-6:], ts, 3 * n, fee))
        with admin.cursor().copy(f"COPY office.txn_event ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as events:
            for counter, n, ref, _host, _product, _group, _amount, fee in generated:
                begun = f'{{"counter_fee": {fee}, "updated_at": "{ts}"}}' if fee else f'{{"updated_at": "{ts}"}}'
                for k, (was, state, changes) in enumerate(
                        ((None, "NEW", begun), ("NEW", "SENT", f'{{"updated_at": "{ts}"}}'),
                         ("SENT", "SUCCESS", f'{{"host_ref": "H{ref[-6:]}", "updated_at": "{ts}"}}'))):
                    events.write_row((counter, 3 * n - 2 + k, n, ref, was, state, "kasir1", "jawaban host", ts,
                                      changes, "0" * 64, f"{3 * n - 2 + k:064x}"))
    admin.execute("ANALYZE")
    print(f"{name}: {counters} counters, {per_counter * counters:,} rows and {3 * per_counter * counters:,} events"
          f" at sql/013 in {time.perf_counter() - t0:.1f} s")
    return admin


class Pusher(threading.Thread):
    """A real counter pushing its journal through its outbox, each batch's end timed."""

    def __init__(self, pg: LocalPostgres, name: str, journal: Path, counter_id: str) -> None:
        super().__init__()
        self.marks: list[float] = []
        self.outbox = Outbox(JournalSource(journal), counter_id,
                             lambda: psycopg.connect(pg.tcp_conninfo(db.role_name(counter_id), "pw", name)),
                             journal.parent, batch=20, fault=lambda point, conn: self.marks.append(time.perf_counter()))

    def run(self) -> None:
        self.outbox.push()
        self.outbox.close()

    def longest_between(self, start: float, end: float) -> float:
        gaps = [b - a for a, b in zip(self.marks, self.marks[1:], strict=False) if b >= start and a <= end]
        return max(gaps, default=0.0)

    def median(self) -> float:
        return statistics.median(b - a for a, b in zip(self.marks, self.marks[1:], strict=False))


def upgrade_while_pushing(pg: LocalPostgres, admin: psycopg.Connection[Any], name: str, journal: Path,
                          counter_id: str, hold: float = 0.0) -> None:
    db.add_counter(admin, counter_id, "pw")
    pusher = Pusher(pg, name, journal, counter_id)
    pusher.start()
    while len(pusher.marks) < 20:  # the counter well into its push
        time.sleep(0.002)
    reader, gave_up = None, None
    if hold:  # a long read of the events open when the migrate starts
        reader = psycopg.connect(pg.admin_conninfo(name))
        reader.execute("SELECT count(*) FROM office.txn_event").fetchone()
        threading.Timer(hold, reader.commit).start()
    t0 = time.perf_counter()
    try:
        applied = db.migrate(admin)
    except db.MigrationBlocked as exc:  # waited db.LOCK_WAIT_S and gave up, as the operator is told
        t1 = time.perf_counter()
        gave_up = (t0, t1)
        print(f"  office migrate gave up after {t1 - t0:.2f} s ({exc}, a read of the events held open {hold:.0f} s)")
        time.sleep(hold + 0.5)
        t0 = time.perf_counter()
        applied = db.migrate(admin)
        hold = 0.0
    t1 = time.perf_counter()
    pusher.join()
    if reader is not None:
        reader.close()
    assert applied, "the office was to be at sql/013"
    (alerts,) = admin.execute("SELECT count(*) FROM office.alert").fetchone()
    assert alerts == 0 and pusher.outbox.state.pending == 0
    if gave_up:
        print(f"  the counter's longest batch while it waited {pusher.longest_between(*gave_up) * 1000:.0f} ms")
    print(f"  office migrate ({', '.join(applied)}): {t1 - t0:.2f} s"
          + (f" (a read of the events held open {hold:.0f} s when it began)" if hold else ""))
    print(f"  the counter's push: longest batch while migrating {pusher.longest_between(t0, t1) * 1000:.0f} ms,"
          f" median batch {pusher.median() * 1000:.1f} ms, {len(pusher.marks)} batches")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=400_000)
    parser.add_argument("--counters", type=int, default=400)
    parser.add_argument("--hold", type=float, default=8.0)
    args = parser.parse_args()
    shm = "/dev/shm" if Path("/dev/shm").is_dir() else None
    folder = Path(tempfile.mkdtemp(prefix="loket-upgrade-bench-", dir=shm))
    try:
        for n in (1, 2):
            (folder / f"p{n}").mkdir()
            make_journal(folder / f"p{n}" / "journal.db", 1500, n)
        with LocalPostgres() as pg:
            big = office_at_013(pg, "big", args.rows, args.counters)
            upgrade_while_pushing(pg, big, "big", folder / "p1" / "journal.db", "P001")
            big.close()
            small = office_at_013(pg, "small", 10_000, 10)
            upgrade_while_pushing(pg, small, "small", folder / "p2" / "journal.db", "P002", hold=args.hold)
            small.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
