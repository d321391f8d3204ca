"""Fifty counters push one day each, all at once, while the office cuts their connections
mid-batch and one counter's process dies and starts again. At the end the office holds
every row once and unchanged, and its consolidated report is the sum of the counters' own
Laporan Z (and of their exports)."""

from __future__ import annotations

import csv
import io
import random
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from services.office import report as office_report
from services.office.outbox import Outbox
from services.office.source import JournalSource
from services.reports import cash as cash_rules
from tests.office.counters import DAY, make_counter

ROOT = Path(__file__).resolve().parents[2]
COUNTERS = 50
UNSEALED = {9, 29}  # these two do not close the day


class Crash(BaseException):
    """The counter's process dies (not an Exception: nothing in the outbox may swallow it)."""


@pytest.fixture
def shm_folder(tmp_path):
    # The 50 journals on tmpfs where there is one: a day is 50 x ~40 fsyncs otherwise.
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else tmp_path
    folder = Path(tempfile.mkdtemp(prefix="loket-office-", dir=base))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_fifty_counters_push_through_cuts_and_a_restart_and_the_report_adds_up(office_db, shm_folder):
    counters = [make_counter(shm_folder / f"k{n}", n, close=n not in UNSEALED) for n in range(COUNTERS)]
    for counter in counters:
        office_db.add_counter(counter.counter_id)

    rng = random.Random(20)
    rng_lock = threading.Lock()
    cuts = {"injected": 0, "retries": 0}

    def fault(point: str, conn: psycopg.Connection) -> None:
        with rng_lock:
            cut = rng.random() < 0.25
            if cut:
                cuts["injected"] += 1
        if cut:  # the link drops after the batch's INSERT ran, before its COMMIT
            conn.pgconn.finish()

    restarted = counters[7]
    dying: list[Outbox] = []

    def crash_once_something_is_remembered(point: str, conn: psycopg.Connection) -> None:
        # Dies mid-batch once a batch is committed and remembered; counting fault points
        # instead made the test depend on whether the office's own cuts hit the first batch.
        if dying and dying[0].state.rows_sent > 0:
            raise Crash()

    def push(counter) -> int:
        if counter is restarted:
            first = Outbox(JournalSource(counter.journal_path), counter.counter_id,
                           office_db.connector(counter.counter_id), counter.folder, batch=5,
                           fault=crash_once_something_is_remembered)
            dying.append(first)
            while True:  # the office may cut this one too before it dies
                try:
                    first.push()
                except Crash:
                    break
                except psycopg.Error:
                    continue
                raise AssertionError("the counter was to die mid-push")
            first._drop_connection()  # the process is gone: so is its connection
            assert first.state.rows_sent > 0  # remembered before it died
        outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id,
                        office_db.connector(counter.counter_id), counter.folder, batch=5, fault=fault)
        if counter is restarted:
            assert outbox.state.rows_sent > 0  # read back from the profile
        tries = 0
        while True:
            tries += 1
            try:
                outbox.push()
                break
            except psycopg.Error:
                with rng_lock:
                    cuts["retries"] += 1
            assert tries < 200
        outbox.close()
        return tries

    stop = threading.Event()

    def office_kills_connections() -> None:  # and the office side drops some links itself
        with office_db.admin() as admin:
            while not stop.wait(0.05):
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                              " WHERE usename LIKE 'loket_c_%%' AND random() < 0.1")

    killer = threading.Thread(target=office_kills_connections)
    killer.start()
    try:
        with ThreadPoolExecutor(max_workers=12) as pool:
            list(pool.map(push, counters))
    finally:
        stop.set()
        killer.join()
    assert cuts["injected"] > 20 and cuts["retries"] >= cuts["injected"]

    with office_db.admin() as conn:
        office_rows = conn.execute(
            "SELECT counter_id, reference, hash, state, coalesce(settled_fee, fee), coalesce(settled_total, total),"
            " counter_fee FROM office.txn").fetchall()
        assert conn.execute("SELECT count(*) FROM office.alert").fetchone()[0] == 0
        built = office_report.build(conn, DAY)

    # 0 missing, 0 duplicated, 0 changed.
    local = {}
    sums = [0, 0, 0, 0, 0]
    for counter in counters:
        for r in counter.export():
            fee = r["fee"] if r["settled_fee"] is None else r["settled_fee"]
            total = r["total"] if r["settled_total"] is None else r["settled_total"]
            local[(counter.counter_id, r["reference"])] = (r["hash"], r["state"], fee, total, r["counter_fee"])
            # turnover as EXPORT.md (version 5) says: SUCCESS rows that moved money at the counter
            if r["state"] == "SUCCESS" and not cash_rules.is_reversal(r["product"]) and r["cash_direction"] != "none":
                for i, value in enumerate((1, r["amount"], fee, total, r["counter_fee"])):
                    sums[i] += value
    office = {(c, ref): rest for c, ref, *rest in office_rows}
    assert len(office_rows) == len(office) == len(local)  # nothing twice
    assert set(office) == set(local)  # nothing missing
    assert {k: tuple(v) for k, v in office.items()} == local  # nothing changed, states as at the counter

    # The report: the counters' exports, and each sealed counter's own Laporan Z.
    t = built.totals
    assert [t.count, t.amount, t.fee, t.total, t.counter_fee] == sums
    assert t.counter_fee > 0  # the agents' own fee income reaches the partner
    assert sorted(built.unsealed) == sorted(f"K{n:03d}" for n in UNSEALED)
    sealed = [c for c in counters if c.z is not None]
    z = [sum(getattr(c.z.totals, f) for c in sealed) for f in ("count", "amount", "fee", "total", "counter_fee")]
    bz = built.z_totals
    assert [bz.count, bz.amount, bz.fee, bz.total, bz.counter_fee] == z
    by_counter = {day.counter_id: day for day in built.counters}
    for counter in sealed:
        day = by_counter[counter.counter_id]
        assert day.matches_z
        assert [(p.product, p.figures.count, p.figures.amount, p.figures.fee, p.figures.total, p.figures.counter_fee)
                for p in sorted(day.products, key=lambda p: p.product)] == \
            [(p.product, p.count, p.amount, p.fee, p.total, p.counter_fee)
             for p in sorted(counter.z.products, key=lambda p: p.product)]
        assert day.seal.z.counter_fee == counter.z.totals.counter_fee > 0
        assert day.seal.variance == counter.z.cash.variance
        # the supervisor who approved a variance, as the sealed Laporan Z names them
        assert day.seal.variance_approved_by == counter.z.cash.variance_approved_by == (
            "Budi Santoso" if counter.z.cash.variance else "")
        assert len(day.open) == len(counter.z.open)
    assert len(built.open) == sum(1 for n in range(COUNTERS) if n % 4 == 0)


def test_office_report_command_writes_csv_and_pdf(office_db, tmp_path):
    counters = [make_counter(tmp_path / f"k{n}", n, close=n != 2) for n in range(3)]
    for counter in counters:
        office_db.add_counter(counter.counter_id)
        Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
               counter.folder).push()
    out = tmp_path / "out"
    for fmt in ("csv", "pdf"):
        done = subprocess.run([sys.executable, "-m", "app", "office", "report", "--date", DAY, "--format", fmt,
                               "--out", str(out)], cwd=ROOT, env=office_db.env(), capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO((out / f"laporan-kantor-{DAY}.csv").read_text(encoding="utf-8"))))
    total = next(r for r in rows if r["section"] == "office_total")
    z_total = sum(c.z.totals.total for c in counters if c.z is not None)
    unsealed_total = sum(int(r["total"]) for r in rows if r["section"] == "counter_total" and r["counter_id"] == "K002")
    assert int(total["total"]) == z_total + unsealed_total
    assert [r["counter_id"] for r in rows if r["section"] == "unsealed"] == ["K002"]
    assert [r["counter_id"] for r in rows if r["section"] == "open"] == ["K000"]
    closes = {r["counter_id"]: r for r in rows if r["section"] == "counter_close"}
    assert set(closes) == {"K000", "K001"} and "variance 0" in closes["K001"]["detail"]
    assert closes["K000"]["detail"].endswith("variance -5000 (kurang lima ribu) approved by Budi Santoso")
    assert "approved by" not in closes["K001"]["detail"]
    pdf = (out / f"laporan-kantor-{DAY}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(out / f"laporan-kantor-{DAY}.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "LAPORAN KONSOLIDASI KANTOR" in text and "K002" in text and "BELUM" in text
