"""Screenshots of the real app for the README and for looking at it as an agent would.

    Xvfb :99 -screen 0 1366x768x24 &  DISPLAY=:99 .venv/bin/python tests/ui/screenshots.py OUT_DIR

Drives the real windows (``app.gui.Loket``) over a temporary sandbox profile: the login
window, the home screen, an interbank transfer to the document's account (008/114451186)
from inquiry to result. Each picture is grabbed from the X server (``QScreen.grabWindow``),
so it shows what is really on the display. The PIN prompt is answered by the script.
Not a test (no ``test_`` prefix): it only writes PNGs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.context import AppContext, build_context  # noqa: E402
from app.gui import Loket, load_style  # noqa: E402
from services.profile import Profile  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.widgets.pin import PinDialog  # noqa: E402


def settle(app: QApplication, until=lambda: True, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if until():
            break
    else:
        raise SystemExit("the app did not reach the expected state")
    for _ in range(10):  # let painting finish
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def shot(app: QApplication, out: Path, name: str) -> None:
    settle(app)
    app.primaryScreen().grabWindow(0).save(str(out / name))
    print("wrote", out / name)


def open_loket(folder: str, *, shift: bool = True) -> tuple[AppContext, Loket, dict[str, str]]:
    """A Loket over a fresh sandbox profile in ``folder`` (not yet shown), its PIN prompt
    answering the sandbox agent's PIN; with the context and the sandbox credentials. The
    day's shift is open (serving customers needs one) unless ``shift`` is False."""
    context = build_context(Profile(folder))
    if shift:
        context.dayclose.shifts.open(0, "BNIUS100294")
    creds = context.sandbox_hosts["bankplus"].credentials()
    loket = Loket(sandbox=context.sandbox, ask_pin=lambda parent, title, detail="": creds["pin"])
    loket.attach(context)
    return context, loket, creds


def log_in(app: QApplication, loket: Loket, creds: dict[str, str]) -> Shell:
    """Logs in through the login window and waits for Beranda's dashboard."""
    form = loket.login_window.form
    form.username.setText(creds["username"])
    form.password.setText(creds["password"])
    form.submit.click()
    settle(app, lambda: loket.shell is not None and loket.shell.screen("home").loaded)
    return loket.shell


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    with tempfile.TemporaryDirectory(prefix="loket-shots-") as folder:
        context, loket, creds = open_loket(folder)
        loket.login_window.move(0, 0)
        loket.login_window.show()
        shot(app, out, "login.png")

        shell = log_in(app, loket, creds)
        shell.move(0, 0)
        shot(app, out, "home.png")

        shell._nav["transfer_interbank"].click()
        screen = shell.screen("transfer_interbank")
        settle(app, lambda: screen.banks_loaded)
        screen.select_bank("008")
        screen.account.setText("114451186")
        screen.inquiry_button.click()
        settle(app, lambda: screen.pages.currentIndex() == 1)
        screen.name_confirmed.setChecked(True)
        screen.amount.setText("250000")
        shot(app, out, "transfer-confirm.png")
        screen.pay_button.click()
        settle(app, lambda: shell.current_screen() is shell.result)
        shot(app, out, "transfer-result.png")

        settle(app, shell.result.takes_presses)  # the result read: its buttons take a press
        shell.result.new_button.click()
        screen.select_bank("008")
        screen.account.setText("114451186")
        screen.inquiry_button.click()
        settle(app, lambda: screen.pages.currentIndex() == 1)
        screen.name_confirmed.setChecked(True)
        screen.amount.setText("100000")
        context.sandbox_hosts["bankplus"].forget_sessions()
        screen.pay_button.click()
        settle(app, lambda: shell.relogin_dialog is not None and shell.relogin_dialog.isVisible())
        shot(app, out, "relogin.png")
        shell.relogin_dialog.form.password.setText(creds["password"])
        shell.relogin_dialog.form.submit.click()
        settle(app, lambda: shell.relogin_dialog is None)
        shot(app, out, "relogin-done.png")

        dialog = PinDialog(shell, "PIN transaksi agen", "Transfer ke Ardha Herdianto (114451186), total Rp 106.500.")
        dialog.show()
        dialog.edit.setText("359")
        shot(app, out, "pin.png")
        dialog.reject()

        shell._nav["deposit"].click()
        deposit = shell.screen("deposit")
        deposit.account.setText("14047")
        deposit.lookup_button.click()
        settle(app, lambda: deposit.name.text() != "")
        deposit.amount.setText("50")
        deposit.next_button.click()
        shot(app, out, "deposit-error.png")
        loket.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens")))
