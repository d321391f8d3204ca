"""Bench: how long after a payment is journaled the partner office holds it (issue 20).

    .venv/bin/python tests/bench/office_lag.py [--payments 8] [--seed 1]

A counter's Loket wired as the app wires it (``app.office.start_office``: its outbox's thread,
polling every 30 s) against a throwaway PostgreSQL office (services/office/localpg.py, fsync
on). ``--payments`` payments are journaled as the transaction runner writes them (the row NEW,
SENT, then SUCCESS 0.3 s later, the host's answer), spaced 1-3 s apart at random after the
previous one has arrived. For each, from the commit of its row: when the office holds the row
(``row``), when it holds it SUCCESS (``final``), and when the outbox's state, which Beranda
shows, first tells the truth about it (``beranda``: some transactions not sent, or synced
since the row's commit; until then Beranda's "Tersinkron 14:05" stands although the office lacks
the row). Polled every 10 ms (Beranda itself reads that state every 5 s). Before the journal
woke the outbox all three were spread over the poll's 30 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg  # noqa: E402

from app.office import start_office  # noqa: E402
from services.clock import WIB  # noqa: E402
from services.journal import Journal, State  # noqa: E402
from services.office import db  # noqa: E402
from services.office.localpg import LocalPostgres  # noqa: E402
from services.profile import Profile  # noqa: E402
from services.secrets import SecretStore  # noqa: E402

COUNTER = "K001"


def _until(condition: Callable[[], Any], seconds: float = 120.0) -> None:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            raise TimeoutError("the office never got it")
        time.sleep(0.01)


class Watcher(threading.Thread):
    """Every 10 ms: when each reference first appeared at the office, and SUCCESS there; and
    when the outbox's state (Beranda's line) first told the truth about the payment being
    written (``payment``): some not sent, or synced since it was committed."""

    def __init__(self, conninfo: str) -> None:
        super().__init__(daemon=True)
        self.conn = psycopg.connect(conninfo, autocommit=True)
        self.seen: dict[tuple[str, bool], float] = {}
        self.runner: Any = None
        self.payment: tuple[str, datetime] | None = None
        self.truthful: dict[str, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            now = time.monotonic()
            for reference, state in self.conn.execute("SELECT reference, state FROM office.txn"):
                self.seen.setdefault((reference, False), now)
                if state == "SUCCESS":
                    self.seen.setdefault((reference, True), now)
            if self.payment is not None and self.payment[0] not in self.truthful:
                status = self.runner.status()
                if status.pending or (status.last_sync and datetime.fromisoformat(status.last_sync) >= self.payment[1]):
                    self.truthful[self.payment[0]] = now
            time.sleep(0.01)
        self.conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--payments", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="loket-lag-") as tmp:
        server = LocalPostgres()
        server.start()
        try:
            with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
                conn.execute('CREATE DATABASE "office"')
            with psycopg.connect(server.admin_conninfo("office"), autocommit=True) as conn:
                db.migrate(conn)
                db.add_counter(conn, COUNTER, "pw-lag")
            lags = run(server, Path(tmp), args.payments, rng)
        finally:
            server.stop()
    for name in ("row", "final", "beranda"):
        values = [lag[name] for lag in lags]
        print(f"{name:7s} median {statistics.median(values):6.2f} s, max {max(values):6.2f} s:"
              f" {' '.join(f'{v:.2f}' for v in values)}")


def _pay(journal: Journal, watcher: Watcher) -> tuple[str, float]:
    """A payment as the transaction runner writes it, its answer 0.3 s after the request; its
    reference and when its row was committed (monotonic)."""
    reference = journal.next_reference()
    journal.begin(reference=reference, host="keagenan", product="pulsa_telkomsel", product_group="Pembelian",
                  amount=50_000, fee=1_500, operator="kasir1", request={"customer": "081234567890"},
                  customer_ref="081234567890", customer_name="")
    written = time.monotonic()
    watcher.payment = (reference, datetime.now(WIB))
    journal.transition(reference, State.SENT, actor="kasir1", reason="dikirim ke host")
    time.sleep(0.3)
    journal.transition(reference, State.SUCCESS, actor="system", reason="jawaban host")
    return reference, written


def run(server: LocalPostgres, folder: Path, payments: int, rng: random.Random) -> list[dict[str, float]]:
    profile = Profile(folder / "profile")
    secrets = SecretStore(profile.folder, use_keyring=False)
    secrets.set("office.password", "pw-lag")
    settings = profile.load_settings()
    settings["hosts"]["office"] = {"address": f"127.0.0.1:{server.port}/office", "counter_id": COUNTER}
    watcher = Watcher(server.admin_conninfo("office"))
    watcher.start()
    lags = []
    with Journal(profile.folder / "journal.db") as journal:
        runner = start_office(SimpleNamespace(settings=settings, secrets=secrets, journal=journal, profile=profile,
                                              sandbox=True))
        assert runner is not None
        watcher.runner = runner
        try:
            _until(lambda: runner.status().last_sync is not None)
            for n in range(payments):
                time.sleep(rng.uniform(1, 3))
                reference, written = _pay(journal, watcher)
                done = (reference, True)
                _until(lambda: done in watcher.seen and reference in watcher.truthful)  # noqa: B023 - called here
                lag = {"row": watcher.seen[reference, False] - written, "final": watcher.seen[done] - written,
                       "beranda": watcher.truthful[reference] - written}
                print(f"payment {n + 1}: row {lag['row']:.2f} s, final {lag['final']:.2f} s,"
                      f" beranda {lag['beranda']:.2f} s", flush=True)
                lags.append(lag)
        finally:
            runner.stop()
            watcher.done.set()
    return lags


if __name__ == "__main__":
    main()
