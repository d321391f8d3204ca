"""Screenshots of the counter features: the command palette, the idle lock screen, Koneksi
Host, and Beranda plus a form as they look at 125 % scaling.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 .venv/bin/python tests/ui/screenshots_counter.py OUT_DIR
    DISPLAY=:99 QT_SCALE_FACTOR=1.25 .venv/bin/python tests/ui/screenshots_counter.py OUT_DIR --suffix -125

Drives the real windows over a temporary sandbox profile and grabs the X server's screen.
Not a test: it only writes PNGs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gui import load_style  # noqa: E402
from tests.ui.screenshots import log_in, open_loket, settle, shot  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    with tempfile.TemporaryDirectory(prefix="loket-shots-") as folder:
        _context, loket, creds = open_loket(folder)
        loket.login_window.show()
        shell = log_in(app, loket, creds)
        if not shell.isMaximized():
            shell.move(0, 0)
        name = lambda base: f"{base}{args.suffix}.png"  # noqa: E731

        if args.suffix:  # the scaled run: Beranda and a filled form
            shot(app, out, name("home"))
            shell.open("deposit")
            deposit = shell.screen("deposit")
            deposit.account.setText("14047")
            deposit.lookup()
            settle(app, lambda: bool(deposit.name.text()))
            deposit.amount.setText("1500000")
            shot(app, out, name("deposit"))
            shell.open("billpay_tagihan")
            screen = shell.screen("billpay_tagihan")
            settle(app, lambda: screen.picker.isVisible())
            shot(app, out, name("billpay-picker"))
            shell.open("host_settings")
            hosts = shell.screen("host_settings")
            settle(app, lambda: hosts.loaded)
            hosts.tabs.setCurrentIndex(hosts._tab_of["keagenan"])
            shot(app, out, name("host-settings"))
            return 0

        shell.counter.palette.popup("pln")
        shot(app, out, name("palette"))
        shell.counter.palette.close()

        shell.open("host_settings")
        hosts = shell.screen("host_settings")
        settle(app, lambda: hosts.loaded)
        hosts.tabs.setCurrentIndex(hosts._tab_of["keagenan"])
        hosts.edits["keagenan"]["base_url"].setText("https://api.bni-keagenan.example")
        hosts.edits["keagenan"]["dealer_id"].setText("2114534465611173")
        shot(app, out, name("host-settings"))

        shell.services.quick_pin.set("246802", "246802")
        shell.open("home")
        shell.counter.idle.lock()
        lock = shell.counter.lock_screen
        lock.pin.setText("1111")
        shot(app, out, name("lock"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
