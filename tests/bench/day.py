"""A day at the counter: memory, journal size and Loket's own time per payment.

    .venv/bin/python tests/bench/day.py [--transactions N]

Drives the real windows (``app.gui.Loket``, offscreen, the application set up as
``app.gui.run_gui`` sets it: the style sheet, Python's cycle collector on the GUI thread) over
a temporary sandbox profile (a supervisor set and the day's shift open, as at a kiosk past its
first day) through N mixed
transactions (default 500), one after another as an agent serves a queue:
Setor Tunai, Bank+ interbank transfer, a bill payment (BNI Keagenan charity, which needs
no bill number), Buat Virtual Account (DOKU) and BCA: Transfer, in turn, each from its
screen to the result screen and its receipt. Receipts alternate every 25 transactions
between PDF files and ESC/POS bytes sent to a raw-TCP printer on 127.0.0.1. Every 50
transactions Riwayat is opened and searched; every 100 Laporan X is opened, and the idle
lock covers the window and is unlocked with the password.

Prints, beside a bare PySide6 window started in the same run:

* peak RSS (VmHWM) of this process and of the bare window (target: peak < 150 MiB), and the
  highest RSS read after each transaction; the peak at log-in, where the day's one scrypt of
  the PIN runs, and the peak a scrypt would reach at the end of the day (the day has no
  logout: the agent's PIN is checked again after one, or after a new shift, and once more
  when the day's figures are taken here);
* RSS after transaction 250 and after the last (target: within 5 %: no growth);
* the journal's size on disk per 1,000 transactions (file and write-ahead log);
* Loket's own time per payment: the worker tasks and printer jobs that the pay button sets
  off (validation, signing, the journal's three durable commits, parsing the answer, the
  receipt's numbering, rendering and sending), less the time spent inside the in-process
  host; median and p90, and their CPU time (target: median < 5 ms), and the median by where
  the receipt went (ESC/POS bytes or a PDF: the overall median sits where the two meet);
  how much of it is the salted scrypt of the agent's PIN (~50 ms by design,
  services/flows/pin.py: once a session, and again after a logout or a new shift, when a BCA
  transfer checks the PIN or a Bank+ success learns it; the idle lock keeps its verifier);
  and how much is the journal's calls (its commits and reads, measured apart because the
  journal is tuned on its own, tests/bench/journal.py). Also the round trip from the pay
  button to the receipt as the agent waits, Qt's events included;
* the time from the login button to a usable Beranda, and the longest GUI-thread stall in it
  and in the day, by kind of step (``heartbeat.Heartbeat``: a 10 ms timer on the GUI thread,
  its largest gap; target < 100 ms). tests/bench/aged.py sets these beside a kiosk a year old.
"""

from __future__ import annotations

import argparse
import gc
import os
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# Before httpx, as app/ imports it: httpx without its command-line tool (click and pygments,
# ~5 MiB the app never loads; services/__init__.py).
import services  # noqa: E402,F401

# python-escpos parses its printer database at import unless it finds its pickle there: the
# app keeps it in the profile's cache (app/__main__.py), so a counter's day starts from it.
ESCPOS_CACHE = Path(tempfile.gettempdir()) / f"loket-escpos-{zlib.crc32(str(ROOT).encode()):08x}"
ESCPOS_CACHE.mkdir(exist_ok=True)
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(ESCPOS_CACHE))

import httpx  # noqa: E402
from heartbeat import Heartbeat  # noqa: E402 - tests/bench/heartbeat.py
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.context import build_context  # noqa: E402
from app.gui import Loket, load_style  # noqa: E402
from services import pin_records  # noqa: E402
from services.journal import Journal  # noqa: E402
from services.profile import Profile  # noqa: E402
from services.receipts import desk as receipt_desk  # noqa: E402
from services.receipts.printer import PrinterConfig  # noqa: E402
from services.receipts.settings import PrinterPreferences  # noqa: E402
from services.receipts.worker import PrinterWorker  # noqa: E402
from ui.collector import GuiThreadCollector  # noqa: E402
from ui.worker import _Task  # noqa: E402

MIB = 1024 * 1024
BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1366, 768)
window.show()
def done():
    status = open("/proc/self/status").read()
    print([line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")][0], flush=True)
    app.quit()
QTimer.singleShot(200, done)
app.exec()
"""


def memory(field: str) -> int:
    """VmRSS or VmHWM of this process, in bytes (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise SystemExit(f"no {field} in /proc/self/status (this bench reads Linux's figures)")


def bare_peak() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]}
    out = subprocess.run([sys.executable, "-c", BARE], env=env, capture_output=True, text=True, timeout=60)
    return int(out.stdout.split()[-1]) * 1024


class HostTime:
    """The time spent inside the hosts, added up by every ``HostClock``."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.lock = threading.Lock()


class HostClock(httpx.BaseTransport):
    """Between the clients and the sandbox (each client that has a transport of its own)."""

    def __init__(self, inner: httpx.BaseTransport, total: HostTime) -> None:
        self.inner = inner
        self.total = total

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        start = time.perf_counter()
        try:
            response = self.inner.handle_request(request)
            response.read()
            return response
        finally:
            with self.total.lock:
                self.total.seconds += time.perf_counter() - start


class Spent:
    """Wall and CPU time of Loket's own work off the GUI thread: every worker task (the
    payment call, the receipt's numbering) and every job of the printer thread (render,
    send or write the PDF). Wrapped here, in the bench, around the two places that run it.
    A call made inside another call the same ``Spent`` times is counted once, in the outer."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self.lock = threading.Lock()
        self.inside = threading.local()

    def wrap(self, owner: object, name: str) -> None:
        inner = getattr(owner, name)
        spent = self

        def timed(*args, **kwargs):
            if getattr(spent.inside, "depth", 0):
                return inner(*args, **kwargs)
            spent.inside.depth = 1
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent.inside.depth = 0
                with spent.lock:
                    spent.wall += time.perf_counter() - wall
                    spent.cpu += time.thread_time() - cpu

        setattr(owner, name, timed)


class EscposPrinter(socketserver.ThreadingTCPServer):
    """A raw-TCP receipt printer on 127.0.0.1 that counts the jobs it was sent."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.jobs = 0
        self.bytes = 0

        class Handler(socketserver.BaseRequestHandler):
            def handle(handler) -> None:
                size = 0
                while chunk := handler.request.recv(65536):
                    size += len(chunk)
                self.jobs, self.bytes = self.jobs + 1, self.bytes + size

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return self.server_address[1]


class Counter:
    """The app, its context and the drivers for each kind of transaction."""

    def __init__(self, app: QApplication, folder: str) -> None:
        self.app = app
        self.host = HostTime()
        self.spent = Spent()
        self.spent.wrap(_Task, "run")
        self.spent.wrap(PrinterWorker, "_print_receipt")
        self.kdf = Spent()  # of it: the local PIN check's scrypt (services/pin_records.py)
        self.kdf.wrap(pin_records, "derive")
        self.journal_time = Spent()  # of it: the journal's calls (its writes, commits and reads)
        for name in ("begin", "transition", "get", "execute", "next_reference"):
            self.journal_time.wrap(Journal, name)
        # the receipt's print number: a commit, and the read of the row the receipt is built from
        self.journal_time.wrap(receipt_desk, "number_print")
        self.context = build_context(Profile(folder), wrap_transport=self._wrap)
        # A kiosk past its first start: a supervisor is set (until one is, every screen shows
        # the first-start notice and Loket asks at each change of screen whether one was set
        # meanwhile), and the day's shift is open.
        if not self.context.dayclose.supervisors.has_supervisor():  # a profile made by tests/bench/aged.py has one
            self.context.dayclose.supervisors.set_pin("Budi Santoso", "482916", set_by="kasir1")
        self.creds = self.context.sandbox_hosts["bankplus"].credentials()
        if self.context.dayclose.shifts.current() is None:  # opened by the agent who logs in: no handover
            self.context.dayclose.shifts.open(0, self.creds["username"])
        self.loket = Loket(sandbox=True, ask_pin=lambda parent, title, detail="": self.creds["pin"])
        self.loket.attach(self.context)
        self.loket.login_window.show()
        self.heartbeat = Heartbeat()
        self.heartbeat.start()
        # The agent types while the login window imports the main window's modules
        # (app.gui.MainWindowPreload, on the GUI thread, a module a turn): its longest stall.
        self.settle(lambda: self.loket.preload.done)
        self.preload_stall_ms = self.heartbeat.take()
        form = self.loket.login_window.form
        form.username.setText(self.creds["username"])
        form.password.setText(self.creds["password"])
        self.heartbeat.take()
        start = time.perf_counter()
        form.submit.click()
        # Beranda usable: the balance and graphs, the day's card, and every read it started
        # (the unprinted receipts, the work-list's first sweep, the host's PING) answered.
        self.settle(lambda: self.loket.shell is not None and self.loket.shell.screen("home").loaded
                    and self.loket.shell.screen("home").day.report is not None and self.loket.worker.running == 0)
        self.login_ms, self.login_stall_ms = (time.perf_counter() - start) * 1000, self.heartbeat.take()
        self.shell = self.loket.shell
        self.context.pins.learn(self.creds["username"], self.creds["pin"])  # BCA checks it locally
        self.peak_at_login = memory("VmHWM")  # the session's one scrypt of the PIN is in it
        self.printer = EscposPrinter()
        self.round_trip_ms: list[float] = []  # pay button to receipt, as the agent waits, host excluded
        self.own_ms: list[float] = []  # the worker's and the printer's time, host excluded
        self.escpos = False  # where this payment's receipt goes (printer_mode)
        self.own_by_receipt: dict[str, list[float]] = {"ESC/POS": [], "PDF": []}
        self.own_cpu_ms: list[float] = []  # their CPU time, host excluded
        self.kdf_ms: list[float] = []  # of it, hashing the PIN (scrypt) to check it locally or learn it
        self.kdf_cpu_ms: list[float] = []
        self.journal_ms: list[float] = []
        self.journal_cpu_ms: list[float] = []

    def _wrap(self, transport: httpx.BaseTransport) -> httpx.BaseTransport:
        return HostClock(transport, self.host)

    def settle(self, until: Callable[[], bool], timeout: float = 30.0) -> None:
        """Run Qt's events until ``until()``; wakes on each event (a timer wakes it too)."""
        deadline = time.monotonic() + timeout
        wake = QTimer()
        wake.start(5)
        try:
            while not until():
                if time.monotonic() > deadline:
                    raise SystemExit(f"the app did not reach the expected state on {self.shell_screen()}: "
                                     f"{self.shell.current_screen().banner.text() if self.shell else ''}")
                self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
                # What the event loop does when control returns to it (processEvents alone
                # never runs a deleteLater): as QTest.qWait does.
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        finally:
            wake.stop()

    def shell_screen(self) -> str:
        shell = getattr(self, "shell", None)
        return type(shell.current_screen()).__name__ if shell else "login"

    def open(self, screen_id: str):
        self.shell._nav[screen_id].click()
        screen = self.shell.screen(screen_id)
        self.settle(lambda: self.shell.current_screen() is screen)
        return screen

    def printer_mode(self, escpos: bool) -> None:
        self.escpos = escpos
        config = (PrinterConfig(connection="network", network_host="127.0.0.1", network_port=self.printer.port)
                  if escpos else PrinterConfig())
        self.context.printer_settings.save(PrinterPreferences(config))

    def pay(self, button) -> None:
        """Press pay; wait for the result screen and the receipt; keep Loket's own time."""
        printing = self.loket.printing
        host_before, start = self.host.seconds, time.perf_counter()
        wall_before, cpu_before = self.spent.wall, self.spent.cpu
        kdf_before, kdf_cpu_before = self.kdf.wall, self.kdf.cpu
        journal_before, journal_cpu_before = self.journal_time.wall, self.journal_time.cpu
        button.click()
        self.settle(lambda: self.shell.current_screen() is self.shell.result and printing.row is not None
                    and printing.issued and not printing.printing)
        elapsed = time.perf_counter() - start
        self.settle(lambda: self.loket.worker.running == 0)  # the receipt's numbering is a task too
        row = self.shell.result.done.row
        if row.state.value != "SUCCESS":
            raise SystemExit(f"{row.product} {row.reference} ended {row.state.value}: {row.error_message}")
        host = self.host.seconds - host_before
        self.round_trip_ms.append((elapsed - host) * 1000)
        self.own_ms.append((self.spent.wall - wall_before - host) * 1000)
        self.own_by_receipt["ESC/POS" if self.escpos else "PDF"].append(self.own_ms[-1])
        self.own_cpu_ms.append((self.spent.cpu - cpu_before - host) * 1000)
        self.kdf_ms.append((self.kdf.wall - kdf_before) * 1000)
        self.kdf_cpu_ms.append((self.kdf.cpu - kdf_cpu_before) * 1000)
        self.journal_ms.append((self.journal_time.wall - journal_before) * 1000)
        self.journal_cpu_ms.append((self.journal_time.cpu - journal_cpu_before) * 1000)
        # "Transaksi baru", the result read: the agent's time (``ui.screens.result.SETTLE_SECONDS``) not counted
        self.shell.result.new_transaction.emit()

    # -- the kinds of transaction ----------------------------------------------------------
    def deposit(self, n: int) -> None:
        screen = self.open("deposit")
        screen.account.setText("14047")
        screen.lookup_button.click()
        self.settle(lambda: screen.name.text() != "")
        screen.amount.setText(str(10_000 + n * 100))
        screen.narration.setText("setoran")
        screen.next_button.click()
        self.settle(lambda: screen.pages.currentIndex() == 1)
        self.pay(screen.pay_button)

    def transfer(self, n: int) -> None:
        screen = self.open("transfer_interbank")
        self.settle(lambda: screen.banks_loaded)
        screen.bank.lineEdit().setText("008")
        screen.account.setText("114451186")
        screen.inquiry_button.click()
        self.settle(lambda: screen.pages.currentIndex() == 1)
        screen.name_confirmed.setChecked(True)
        screen.amount.setText(str(20_000 + n * 100))
        self.pay(screen.pay_button)

    def bill(self, n: int) -> None:
        from ui.screens.billpay import CONFIRM

        screen = self.open("billpay_pembelian")
        screen.picker.category_buttons["charity"].click()
        screen.form.inputs["providerId"].editor.lineEdit().setText("Zakat - Dompet Dhuafa")
        screen.form.inputs["amount"].editor.setText(str(30_000 + n * 100))
        screen.check_button.click()
        self.settle(lambda: screen.pages.currentIndex() == CONFIRM)
        self.pay(screen.pay_button)

    def virtual_account(self, n: int) -> None:
        screen = self.open("virtual_account")
        screen.name.setText("Budi Santoso")
        screen.phone.setText(f"0812{n:08d}")
        screen.customer_no.setText(f"0812{n:08d}")  # typing the phone fills it; setText does not
        screen.email.setText("budi@example.com")
        screen.amount.setText(str(40_000 + n * 100))
        screen.ask_confirm = lambda parent, title, text: True  # the read-back, agreed
        screen.create_button.click()
        self.settle(lambda: screen.pages.currentIndex() == 1)
        self.pay(screen.receipt_button)

    def bca(self, n: int) -> None:
        screen = self.open("bca_transfer")
        screen.account.setText("0611104625")
        screen.inquiry_button.click()
        self.settle(lambda: screen.pages.currentIndex() == screen.CONFIRM)
        screen.name_confirmed.click()
        screen.amount.setText(str(50_000 + n * 100))
        screen.remark.setText("bayar sewa")
        self.pay(screen.pay_button)

    # -- the rest of the day ---------------------------------------------------------------
    def riwayat(self) -> None:
        screen = self.open("history")
        self.settle(lambda: screen.loaded and not screen.worker.is_busy(screen.search_button))
        screen.customer.setText("budi")
        screen.search_button.click()
        self.settle(lambda: not screen.worker.is_busy(screen.search_button))
        screen.customer.clear()

    def laporan_x(self) -> None:
        screen = self.open("x_report")
        self.settle(lambda: screen.loaded)

    def idle_lock(self) -> None:
        idle = self.shell.counter.idle
        idle.lock()
        lock = idle.screen
        self.settle(lock.isVisible)
        lock.password.setText(self.creds["password"])
        lock.unlock_with_password()
        self.settle(lambda: not lock.isVisible())
        self.open("home")

    def journal_bytes(self) -> int:
        path = self.context.journal.path
        return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=500)
    args = parser.parse_args()
    n_total = args.transactions
    bare = bare_peak()
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    # As app.gui.run_gui sets the application up: Python's cycle collector on the GUI thread's
    # timer only (ui/collector.py). Without it the bench's collections ran on whichever thread
    # allocated past the threshold, often a payment's worker, where the app never runs one.
    GuiThreadCollector(app)
    with tempfile.TemporaryDirectory(prefix="loket-day-") as folder:
        counter = Counter(app, folder)
        kinds = [counter.deposit, counter.transfer, counter.bill, counter.virtual_account, counter.bca]
        rss: dict[int, int] = {}
        between = 0  # the highest RSS after a transaction, outside the moments of a PIN's scrypt
        size_at: dict[int, int] = {}
        started = time.perf_counter()
        stalls: dict[str, float] = {}  # the longest GUI-thread stall of each kind of step in the day
        beat = counter.heartbeat

        def step(name: str, action: Callable[[], None]) -> None:
            beat.take()  # what the bench did on the GUI thread before it is not the app's
            action()
            stalls[name] = max(stalls.get(name, 0.0), beat.take())

        for n in range(1, n_total + 1):
            if n % 25 == 1:
                counter.printer_mode(escpos=(n // 25) % 2 == 1)
            kind = kinds[n % len(kinds)]
            step(kind.__name__, lambda kind=kind, n=n: kind(n))
            between = max(between, memory("VmRSS"))
            if n % 50 == 0:
                step("riwayat", counter.riwayat)
            if n % 100 == 0:
                step("laporan_x", counter.laporan_x)
                step("idle_lock", counter.idle_lock)
            if n in (n_total // 2, n_total):
                gc.collect()
                counter.settle(lambda: counter.loket.worker.running == 0)
                rss[n], size_at[n] = memory("VmRSS"), counter.journal_bytes()
        wall = time.perf_counter() - started
        rows = counter.context.journal.count()
        half, own = n_total // 2, counter.own_ms
        peak = memory("VmHWM")
        counter.context.pins.forget()  # as a logout or a new shift would: the next check is scrypt's
        counter.context.pins.verify(counter.creds["username"], counter.creds["pin"])
        late_scrypt = memory("VmHWM")
        growth = (rss[n_total] - rss[half]) / rss[half]
        per_1000 = (size_at[n_total] - size_at[half]) / (n_total - half) * 1000
        print(f"{n_total} transactions ({rows} journal rows) in {wall:.0f} s; "
              f"ESC/POS jobs {counter.printer.jobs}, "
              f"PDFs {len(list(counter.context.printer_settings.receipts_dir.glob('*.pdf')))}")
        print(f"peak RSS: Loket {peak / MIB:6.1f} MiB, bare PySide6 window {bare / MIB:6.1f} MiB "
              f"(target < 150 MiB: {'met' if peak < 150 * MIB else 'NOT met'})")
        print(f"  highest RSS after a transaction: {between / MIB:6.1f} MiB; peak at log-in, the PIN's one scrypt "
              f"of the session included (16 MiB for ~50 ms by design): {counter.peak_at_login / MIB:6.1f} MiB; "
              f"the same check after a logout or a new shift at the end of the day: {late_scrypt / MIB:6.1f} MiB")
        print(f"RSS after {half}: {rss[half] / MIB:6.1f} MiB, after {n_total}: {rss[n_total] / MIB:6.1f} MiB, "
              f"growth {growth * 100:+.1f} % (target within 5 %: {'met' if abs(growth) <= 0.05 else 'NOT met'})")
        print(f"journal on disk: {size_at[n_total] / MIB:.2f} MiB after {n_total}; "
              f"{per_1000 / MIB:.2f} MiB per 1,000 transactions (from {half} to {n_total})")
        print(f"Loket's own time per payment off the GUI thread (host excluded): median "
              f"{statistics.median(own):.1f} ms, p90 {statistics.quantiles(own, n=10)[-1]:.1f} ms "
              f"(target median < 5 ms: {'met' if statistics.median(own) < 5 else 'NOT met'}); of it CPU: median "
              f"{statistics.median(counter.own_cpu_ms):.1f} ms")
        # The median sits where two groups meet: a receipt rendered to PDF costs more than
        # ESC/POS bytes, and the day alternates them every 25 payments.
        print("  by receipt: " + ", ".join(f"{kind} median {statistics.median(spent):.1f} ms"
                                           for kind, spent in counter.own_by_receipt.items()))
        rest = [own - kdf for own, kdf in zip(counter.own_ms, counter.kdf_ms)]
        rest_cpu = [own - kdf for own, kdf in zip(counter.own_cpu_ms, counter.kdf_cpu_ms)]
        print(f"  of it the PIN's scrypt (BCA's local check, learning it from a Bank+ success): median "
              f"{statistics.median(counter.kdf_ms):.1f} ms, {sum(1 for k in counter.kdf_ms if k)} of {len(own)} "
              f"payments; the rest: median {statistics.median(rest):.1f} ms, of it CPU "
              f"{statistics.median(rest_cpu):.1f} ms")
        journal, journal_cpu = counter.journal_ms, counter.journal_cpu_ms
        print(f"  of it the journal (begin, transitions, reads, the receipt's print number): median "
              f"{statistics.median(journal):.1f} ms, of it CPU {statistics.median(journal_cpu):.1f} ms; "
              f"the rest without the journal and the scrypt: median "
              f"{statistics.median([r - j for r, j in zip(rest, journal)]):.1f} ms, of it CPU "
              f"{statistics.median([r - j for r, j in zip(rest_cpu, journal_cpu)]):.1f} ms")
        print(f"pay button to receipt as the agent waits (host excluded, Qt's events included): median "
              f"{statistics.median(counter.round_trip_ms):.0f} ms")
        print(f"login window importing the main window's modules: longest GUI-thread stall "
              f"{counter.preload_stall_ms:.0f} ms")
        print(f"login to a usable Beranda: {counter.login_ms:.0f} ms, longest GUI-thread stall in it "
              f"{counter.login_stall_ms:.0f} ms; longest GUI-thread stall in the day: "
              f"{max(stalls.values()):.0f} ms (target < 100 ms; by step: "
              + ", ".join(f"{name} {ms:.0f}" for name, ms in sorted(stalls.items(), key=lambda s: -s[1])) + ")")
        counter.loket.shutdown()
        counter.printer.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
