"""A kiosk after a year beside a fresh one: start-up, login to Beranda, the screens, and the
longest stall of the GUI thread in each.

    .venv/bin/python tests/bench/aged.py [--rows N] [--days N] [--receipts N] [--transactions N] [--runs N]

Two sandbox profiles are made in the same run, both past their first start with a
supervisor set: a fresh one, and a year-old one whose journal holds ``--rows`` transactions
(default 200,000: up to 200,000 the start-up runs SQLite's full ``integrity_check``,
services/journal/integrity.py) over ``--days`` business days (default 300) each sealed by the
real Tutup Hari (its Laporan Z, counted cash, a supervisor's approval where a day kept an
uncertain row), with each row's three events, its receipt's print record and a realistic
answer body, a shift a day, a dozen rows still SUSPECT on the work-list, and ``--receipts``
receipt PDFs in the profile's folder (default 10,000). The rows are written as
tests/bench/journal.py writes its year (``fill``: executemany, no chain), the rest through
SQL of the same shape, the seals through ``DayCloseService``.

Each profile is then measured in fresh processes (a cold start each, as a kiosk's morning):

* start-up (``python -m app`` as a kiosk starts it, ``--runs`` times, median): the login window
  on screen, the login button ready (the services built), and the longest GUI-thread stall
  between the two (the window is on screen but frozen meanwhile);
* a session through the real windows (tests/bench/day.py's ``Counter``): login to a usable
  Beranda (balance and graphs, the day's card, the unprinted receipts, the work-list's first
  sweep), Riwayat (opened and a name searched), Laporan X, Laporan Harian (the list of Laporan
  Z and the newest opened), Tutup Hari's summary, ``--transactions`` payments, and Beranda
  again; for each its time and the longest GUI-thread stall (``day.Heartbeat``: a 10 ms timer on
  the GUI thread, its largest gap).

Target: no GUI-thread stall over 100 ms at the year-old kiosk.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from heartbeat import Heartbeat  # noqa: E402 - tests/bench/heartbeat.py, beside this file

# tests/bench/day.py (the Counter) and journal.py (``fill``) are imported where they are used:
# the start-up child must import no more than ``python -m app`` does before its window.
MIB = 1024 * 1024
SUPERVISOR_PIN = "482916"
STILL_SUSPECT = 12  # rows a year-old kiosk still has on its work-list (hosts without a status check)


def build_profile(folder: Path, *, rows: int, days: int, receipts: int) -> None:
    """A sandbox profile past its first start; with ``rows``, a year old (see the module)."""
    import sqlite3

    import journal as journal_bench  # tests/bench/journal.py: the year's rows, as its browser bench writes them

    from app.context import build_context
    from services.clock import WIB
    from services.dayclose.flow import Step
    from services.profile import Profile

    profile = Profile(str(folder))
    context = build_context(profile)
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN, set_by="kasir1")
    path = context.journal.path
    context.close()
    if not rows:
        return
    today = datetime.now(WIB).date()
    journal_bench.fill(path, rows, days, today - timedelta(days=days))
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    answer = json.dumps({**journal_bench.RESPONSE, "data": {**journal_bench.RESPONSE["data"],
                        "customerName": "SITI RAHAYU", "note": "x" * 300}})
    conn.execute("UPDATE txn SET response=?", (answer,))
    # Uncertain rows get settled over a year: a dozen are left, spread over it.
    suspect = [r for (r,) in conn.execute("SELECT id FROM txn WHERE state='SUSPECT' ORDER BY id")]
    keep = set(suspect[:: max(1, len(suspect) // STILL_SUSPECT)][:STILL_SUSPECT])
    conn.executemany("UPDATE txn SET state='SUCCESS' WHERE id=?", [(i,) for i in suspect if i not in keep])
    # Each row's events: NEW and SENT with the row, then its outcome.
    changes = json.dumps({"counter_fee": 0})
    conn.executemany(
        "INSERT INTO txn_event (txn_id, reference, from_state, to_state, actor, reason, at, changes, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, 'BNIUS100294', 'bench', ?, ?, '', ?)",
        ((i, ref, before, after, at, changes, f"{i:032x}{n:032x}")
         for i, ref, state, at in conn.execute("SELECT id, reference, state, created_at FROM txn ORDER BY id")
         .fetchall()
         for n, (before, after) in enumerate(((None, "NEW"), ("NEW", "SENT"), ("SENT", state)))))
    conn.execute("INSERT INTO receipt_prints (reference, kind, n, at) SELECT reference, 'original', 1, updated_at"
                 " FROM txn WHERE state='SUCCESS'")
    conn.execute("INSERT INTO shift (business_date, operator, opening_float, opened_at)"
                 " SELECT DISTINCT business_date, 'kasir1', 500000, business_date || 'T06:55:00.000+07:00' FROM txn")
    conn.execute("COMMIT")
    conn.close()
    context = build_context(profile)
    service = context.dayclose
    for (business_date,) in context.journal.execute("SELECT DISTINCT business_date FROM txn ORDER BY 1").fetchall():
        flow = service.begin_close("kasir1", business_date)
        flow.start_count()
        variance = flow.enter_count(0)
        if variance:
            flow.recount()
            flow.enter_count(-variance)
        if flow.confirm() is Step.APPROVAL:
            flow.approve(SUPERVISOR_PIN, "ditutup dengan transaksi menggantung")
    context.close()
    pdf = (ROOT / "tests" / "data").glob("*.pdf")
    body = next(pdf, None)
    data = body.read_bytes() if body is not None else b"%PDF-1.4\n" + b"0" * 2000 + b"\n%%EOF\n"
    for n in range(receipts):
        (profile.receipts_for(sandbox=True) / f"struk-{n:06d}.pdf").write_bytes(data)


# -- the children: each measures one profile in a process of its own --------------------
def startup_child(folder: str) -> None:
    """``python -m app`` as a kiosk starts it, with the heartbeat running from the moment the
    login window is on screen until the login button is ready (the app quits there:
    ``LOKET_EXIT_WHEN_SHOWN``, which prints both moments)."""
    from PySide6.QtWidgets import QApplication

    os.environ["LOKET_EXIT_WHEN_SHOWN"] = "1"
    qt = QApplication(sys.argv[:1])  # noqa: F841 - run_gui takes the running one
    beat = Heartbeat()
    import app.gui as gui
    from app.__main__ import main

    shown = gui.show_fitted

    def show_fitted(window, size) -> None:  # the login window's first: the heartbeat starts
        shown(window, size)
        if not beat.timer.isActive():
            beat.start()

    gui.show_fitted = show_fitted
    main(["--profile", folder])
    print(json.dumps({"stall_ms": beat.take()}), flush=True)


def session_child(folder: str, transactions: int) -> None:
    import day  # tests/bench/day.py: the Counter that drives the real windows
    from PySide6.QtWidgets import QApplication

    from app.gui import load_style

    qt = QApplication(sys.argv[:1])
    qt.setStyleSheet(load_style())
    counter = day.Counter(qt, folder)
    beat = counter.heartbeat
    figures: dict[str, tuple[float, float]] = {"login → Beranda": (counter.login_ms, counter.login_stall_ms)}

    def measure(label: str, action: Callable[[], None]) -> None:
        beat.take()
        start = time.perf_counter()
        action()
        figures[label] = ((time.perf_counter() - start) * 1000, beat.take())

    def daily_reports() -> None:
        screen = counter.open("daily_reports")
        counter.settle(lambda: screen.loaded and counter.loket.worker.running == 0)

    def day_close() -> None:
        screen = counter.open("day_close")
        counter.settle(lambda: not screen.loading and counter.loket.worker.running == 0)
        if screen.page != "summary":
            raise SystemExit(f"Tutup Hari did not reach its summary: {screen.page} {screen.banner.text()}")

    def payments() -> None:
        kinds = [counter.deposit, counter.transfer, counter.bill, counter.virtual_account, counter.bca]
        for n in range(1, transactions + 1):
            kinds[n % len(kinds)](n)

    def home() -> None:
        counter.open("home")
        counter.settle(lambda: counter.loket.worker.running == 0)

    measure("Riwayat (open, search a name)", counter.riwayat)
    measure("Laporan X", counter.laporan_x)
    measure("Laporan Harian (Z list)", daily_reports)
    measure("Tutup Hari (summary)", day_close)
    measure(f"{transactions} payments", payments)
    measure("back to Beranda", home)
    counter.loket.shutdown()
    counter.printer.shutdown()
    print(json.dumps({label: list(values) for label, values in figures.items()}), flush=True)


def child(args: list[str]) -> dict:
    """Run this file as a child with ``args``; its last line, parsed (and the app's lines)."""
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=1800,
                         env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})
    if out.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{out.stdout}\n{out.stderr}")
    lines = out.stdout.splitlines()
    result = json.loads(lines[-1])
    for line in lines:
        for key in ("login window shown after", "login ready after"):
            if line.startswith(key):
                result[key] = float(line[len(key):].split()[0]) * 1000
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=300)
    parser.add_argument("--receipts", type=int, default=10_000)
    parser.add_argument("--transactions", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--startup-child")
    parser.add_argument("--session-child")
    args = parser.parse_args()
    if args.startup_child:
        startup_child(args.startup_child)
        return 0
    if args.session_child:
        session_child(args.session_child, args.transactions)
        return 0
    # Every module compiled first, as in the frozen build: a process that may not write
    # .pyc files (PYTHONDONTWRITEBYTECODE) would otherwise compile each from source again.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "app", "ui", "services"], cwd=ROOT, check=True,
                   env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    with tempfile.TemporaryDirectory(prefix="loket-aged-", dir=os.environ.get("BENCH_DIR")) as tmp:
        profiles = {"fresh": Path(tmp) / "fresh", "aged": Path(tmp) / "aged"}
        started = time.perf_counter()
        build_profile(profiles["fresh"], rows=0, days=0, receipts=0)
        build_profile(profiles["aged"], rows=args.rows, days=args.days, receipts=args.receipts)
        journal_mib = sum(p.stat().st_size for p in (profiles["aged"] / "sandbox").glob("journal.db*")) / MIB
        print(f"year-old profile: {args.rows:,} rows over {args.days} sealed days, {args.receipts:,} receipt PDFs, "
              f"journal {journal_mib:.0f} MiB; both profiles made in {time.perf_counter() - started:.0f} s")
        starts: dict[str, list[dict]] = {"fresh": [], "aged": []}
        for _ in range(args.runs):  # alternately, so both see the same machine
            for name, folder in profiles.items():
                starts[name].append(child(["--startup-child", str(folder)]))
        sessions = {name: child(["--session-child", str(folder), "--transactions", str(args.transactions)])
                    for name, folder in profiles.items()}
    print(f"{'':34s} {'fresh':>22s} {'year-old':>22s}")
    print(f"{'(ms; longest GUI-thread stall)':34s} {'time   stall':>22s} {'time   stall':>22s}")

    def median(name: str, key: str) -> float:
        return statistics.median(run[key] for run in starts[name])

    print(f"{'login window on screen':34s} {median('fresh', 'login window shown after'):14.0f} {'':7s} "
          f"{median('aged', 'login window shown after'):14.0f}")
    print(f"{'login button ready (services)':34s} "
          + " ".join(f"{median(name, 'login ready after'):14.0f} {median(name, 'stall_ms'):7.0f}" for name in starts))
    worst = 0.0
    for label in sessions["fresh"]:
        fresh, aged = sessions["fresh"][label], sessions["aged"][label]
        worst = max(worst, aged[1])
        print(f"{label:34s} {fresh[0]:14.0f} {fresh[1]:7.0f} {aged[0]:14.0f} {aged[1]:7.0f}")
    worst = max(worst, median("aged", "stall_ms"))
    print(f"longest GUI-thread stall at the year-old kiosk: {worst:.0f} ms "
          f"(target < 100 ms: {'met' if worst < 100 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
