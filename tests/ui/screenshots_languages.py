"""Screenshots of every screen in Bahasa Indonesia and in English, for looking at them.

    .venv/bin/python tests/ui/screenshots_languages.py [OUT_DIR]     (default: .dev/screens)

Writes OUT_DIR/id/*.png and OUT_DIR/en/*.png at 1366x768: the login window; a few states
inside the flows (deposit confirmation and a refused field, interbank transfer confirmation
and its result, a PLN bill confirmation, the account-opening form refused; the command
palette and the idle lock); then every
screen in the registry, in sidebar order, after those transactions (so History, Laporan X
and Tutup Hari have rows). Each language gets a fresh temporary sandbox profile. Pictures
are the widgets' own rendering (``QWidget.grab``), so it runs offscreen, no X server needed.
Not a test (no ``test_`` prefix): it only writes PNGs.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    # Qt's offscreen screen is 800x800 unless told otherwise: give it the kiosk's 1366x768,
    # or the windows (sized to fit the screen) come out cramped.
    _SCREEN = Path(tempfile.gettempdir()) / "loket-offscreen-1366x768.json"
    _SCREEN.write_text(json.dumps({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1366, "height": 768,
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.gui import load_style, translations_dir  # noqa: E402
from tests.ui.screenshots import log_in, open_loket, settle  # noqa: E402
from ui import i18n, registry  # noqa: E402


class Camera:
    def __init__(self, app: QApplication, out: Path) -> None:
        self.app, self.out = app, out
        out.mkdir(parents=True, exist_ok=True)

    def __call__(self, widget: QWidget, name: str) -> None:
        settle(self.app)
        widget.grab().save(str(self.out / f"{name}.png"))
        print("wrote", self.out / f"{name}.png")


def shoot_language(app: QApplication, language: str, out: Path) -> None:
    i18n.install(language, translations_dir())
    camera = Camera(app, out)
    with tempfile.TemporaryDirectory(prefix="loket-shots-") as folder:
        _context, loket, creds = open_loket(folder)
        loket.login_window.resize(1366, 768)
        loket.login_window.show()
        camera(loket.login_window, "login")
        idle = lambda: loket.worker.running == 0  # noqa: E731

        shell = log_in(app, loket, creds)
        shell.resize(1366, 768)

        # -- inside the flows -------------------------------------------------------------
        shell.open("deposit")
        deposit = shell.screen("deposit")
        deposit.account.setText("12ab")
        deposit.next_button.click()
        camera(shell, "deposit-refused")
        deposit.account.setText("14047")
        deposit.lookup_button.click()
        settle(app, lambda: deposit.name.text() != "" and idle())
        deposit.amount.setText("50000")
        deposit.next_button.click()
        camera(shell, "deposit-confirm")
        deposit.reset()

        shell.open("transfer_interbank")
        transfer = shell.screen("transfer_interbank")
        settle(app, lambda: transfer.banks_loaded)
        transfer.select_bank("008")
        transfer.account.setText("114451186")
        transfer.inquiry_button.click()
        settle(app, lambda: transfer.pages.currentIndex() == 1 and idle())
        transfer.name_confirmed.setChecked(True)
        transfer.amount.setText("250000")
        camera(shell, "transfer-confirm")
        transfer.pay_button.click()
        settle(app, lambda: shell.current_screen() is shell.result and idle())
        camera(shell, "transfer-result")

        from ui.screens.billpay import CONFIRM

        shell.open("billpay_tagihan")
        bills = shell.screen("billpay_tagihan")
        settle(app, idle)
        bills.picker.search.setText("pln")
        settle(app, lambda: "pln_postpaid" in bills.picker.result_buttons)
        bills.picker.result_buttons["pln_postpaid"].click()
        bills.form.inputs["customerId"].editor.setText("53111")
        bills.check_button.click()
        settle(app, lambda: bills.pages.currentIndex() == CONFIRM and idle())
        camera(shell, "billpay-confirm")
        bills.pay_button.click()
        settle(app, lambda: shell.current_screen() is shell.result and idle())
        camera(shell, "billpay-result")

        shell.open("open_account")
        opening = shell.screen("open_account")
        settle(app, idle)
        opening.next_button.click()
        settle(app, idle)
        camera(shell, "open_account-refused")

        shell.open("home")
        palette = shell.counter.palette
        palette.popup("transfer")
        camera(palette, "palette")
        palette.hide()
        shell.counter.idle.lock()
        camera(shell, "idle-lock")
        shell.counter.idle.unlock()

        # -- every registered screen -----------------------------------------------------
        for entry in registry.entries():
            shell.open(entry.id)
            settle(app, idle)
            camera(shell, f"screen-{entry.id}")
        loket.shutdown()
        shell.close()


def main(out: Path) -> int:
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    for language in ("id", "en"):
        shoot_language(app, language, out / language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".dev" / "screens"))
