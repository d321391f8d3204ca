"""Counter speed: a deposit, an interbank transfer and a PLN postpaid bill, from Beranda to
the printed receipt, by keyboard only; each started by typing on Beranda and by Ctrl+K.

    .venv/bin/python tests/bench/counter_speed.py [--runs N]

Drives the real windows (``app.gui.Loket``) over a temporary sandbox profile with QTest key
events sent to whatever has the focus, as an agent's keyboard would: the search word typed
on Beranda (or Ctrl+K first), Enter, then the form as an agent fills it, the PIN in the real
PIN dialog (6 digits + Enter), and then waits for the receipt (a PDF in the profile, no
printer being set up). What the customer dictates (account number, amount, customer number)
is typed but not counted: the count is every other keystroke, the search word and the PIN
included (PLN's target: at most 16). The time runs from the first key to the receipt
written; keys are sent without delay, so it is Loket's and the sandbox's time, not the
agent's typing. A PIN dialog that comes up again is answered (and counted).

    deposit       "setor" Enter · 14047 Enter (look the account up) · 250000 Enter · Enter
                  (no note) · Enter (Setor on the confirmation) · PIN
    interbank     "antar" Enter · 008 Enter (the bank) · 114451186 Enter (check the name) ·
                  Space (the name read aloud) · Tab · 250000 · Enter · Enter (no sender's name
                  nor phone: Enter walks every field) · Enter (pay) · PIN
    PLN postpaid  "pln" Enter · 53111 Enter (check the bill: PIN) · Enter (Bayar sekarang, once
                  the bill has been on screen a second: that reading is not counted)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.context import build_context  # noqa: E402
from app.gui import Loket, load_style  # noqa: E402
from services.profile import Profile  # noqa: E402
from tests.ui.screenshots import log_in  # noqa: E402
from tests.ui.uidrive import TypingClock  # noqa: E402
from ui.screens.billpay import SETTLE_SECONDS  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.widgets.pin import PinDialog  # noqa: E402

PLN_TARGET = 16
Return, Space, Tab = Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Tab


class Keyboard:
    """Sends keys to the focus widget and counts them (the customer's data is not counted)."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        self.app, self.window = app, window
        self.count = 0

    def target(self) -> QWidget:
        """Where the keyboard types: the open popup (the palette) or modal dialog (the PIN),
        else the window; its focus widget (offscreen, no window is reliably the active one)."""
        top = QApplication.activePopupWidget() or QApplication.activeModalWidget() or self.window
        return top.focusWidget() or top

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.target(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        for ch in text:
            QTest.keyClicks(self.target(), ch)
        self.count += len(text)

    def dictate(self, text: str) -> None:
        """What the customer says (an account, an amount): typed, not counted."""
        for ch in text:
            QTest.keyClicks(self.target(), ch)


def settle(app: QApplication, until, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise SystemExit("the app did not reach the expected state")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


@dataclass(frozen=True)
class Errand:
    name: str
    search: str  # typed on Beranda or into Ctrl+K
    screen: str  # the screen the search's first match opens
    fill: Callable[[QApplication, Shell, Keyboard], None]  # from the open screen to the last Enter
    customer: str  # the journal row's customer reference


def deposit(app: QApplication, shell: Shell, keys: Keyboard) -> None:
    screen = shell.screen("deposit")
    keys.dictate("14047")
    keys.key(Return)  # looks the account up
    settle(app, lambda: screen.name.text() != "" and screen.worker.running == 0)
    keys.dictate("250000")
    keys.key(Return)  # to the note
    keys.key(Return)  # no note: the confirmation
    settle(app, lambda: screen.pages.currentIndex() == 1)
    keys.key(Return)  # Setor (the PIN dialog comes up)


def interbank(app: QApplication, shell: Shell, keys: Keyboard) -> None:
    screen = shell.screen("transfer_interbank")
    settle(app, lambda: screen.banks_loaded)
    keys.dictate("008")
    QTest.qWait(20)  # the bank list is up, offering "008 — BANK MANDIRI"
    keys.key(Return)  # the bank; the cursor moves on to the account
    QTest.qWait(20)
    keys.dictate("114451186")
    keys.key(Return)  # Cek tujuan
    settle(app, lambda: screen.pages.currentIndex() == screen.CONFIRM and screen.worker.running == 0)
    keys.key(Space)  # the name, read aloud to the customer, is ticked
    keys.key(Tab)
    keys.dictate("250000")
    keys.key(Return)  # on to the sender's name (optional: printed on the receipt)
    keys.key(Return)  # no name: on to the sender's phone
    keys.key(Return)  # no phone either: pay (the PIN dialog comes up)


def pln(app: QApplication, shell: Shell, keys: Keyboard) -> None:
    screen = shell.screen("billpay_tagihan")
    settle(app, lambda: screen.spec is not None and screen.spec.id == "pln_postpaid")
    keys.dictate("53111")
    keys.key(Return)  # check the bill (PLN asks the PIN here)
    settle(app, lambda: screen.pay_button.isVisible() and screen.worker.running == 0)
    screen.bill_shown_at -= SETTLE_SECONDS  # the bill read with the customer: the agent's time, not counted
    keys.key(Return)  # "Bayar sekarang" has the focus; the bill check's PIN pays


ERRANDS = (Errand("deposit", "setor", "deposit", deposit, "14047"),
           Errand("interbank transfer", "antar", "transfer_interbank", interbank, "114451186"),
           Errand("PLN postpaid", "pln", "billpay_tagihan", pln, "53111"))


def run_once(app: QApplication, errand: Errand, *, ctrl_k: bool) -> tuple[int, float]:
    with tempfile.TemporaryDirectory(prefix="loket-speed-") as folder:
        context = build_context(Profile(folder))
        creds = context.sandbox_hosts["bankplus"].credentials()
        context.dayclose.shifts.open(0, creds["username"])  # the day's shift is open, by this agent
        loket = Loket(sandbox=True)  # the production PIN prompt: a modal dialog
        loket.attach(context)
        loket.login_window.show()
        shell = log_in(app, loket, creds)
        # the scanner detector sees an agent's pace (keys are still sent without delay): typed
        # this fast, an account number and Enter would otherwise count as a barcode scan
        shell.counter.scan.now = TypingClock()
        keys = Keyboard(app, shell)
        receipts = context.printer_settings.receipts_dir
        paid = lambda: any(receipts.glob("*.pdf"))  # noqa: E731
        over = [False]

        def answer_pin() -> None:
            """Types into the real, modal PIN dialog whenever one is up, until the receipt."""
            if over[0]:
                return
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, PinDialog) and dialog.isVisible() and not dialog.edit.text():
                dialog.edit.setFocus()
                keys.type(creds["pin"])
                keys.key(Return)
            QTimer.singleShot(5, answer_pin)

        start = time.perf_counter()
        if ctrl_k:
            keys.key(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        keys.type(errand.search)  # on Beranda, typing starts the search
        palette = shell.counter.palette
        settle(app, palette.isVisible)
        keys.key(Return)
        settle(app, lambda: shell.current_screen() is shell.screen(errand.screen))
        QTimer.singleShot(0, answer_pin)
        errand.fill(app, shell, keys)
        settle(app, paid)
        elapsed = time.perf_counter() - start
        over[0] = True
        row = shell.result.done.row
        assert row.state.name == "SUCCESS" and row.customer_ref == errand.customer, row
        loket.shutdown()
        shell.close()
        loket.login_window.close()
        shell.deleteLater()  # its timers (the uncertain-transaction checks) end with it
        settle(app, lambda: loket.worker.running == 0)
        context.close()
        return keys.count, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    for errand in ERRANDS:
        for ctrl_k in (False, True):
            results = [run_once(app, errand, ctrl_k=ctrl_k) for _ in range(args.runs)]
            keys = results[0][0]
            times = [t for _k, t in results]
            route = f"Ctrl+K '{errand.search}'" if ctrl_k else f"'{errand.search}' on Beranda"
            target = (f" (target <= {PLN_TARGET}: {'met' if keys <= PLN_TARGET else 'NOT met'})"
                      if errand.name == "PLN postpaid" else "")
            print(f"{errand.name:18} {route:20} -> receipt: {keys:2} keystrokes besides the customer's data"
                  f"{target}; {statistics.median(times) * 1000:.0f} ms median {[round(t * 1000) for t in times]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
