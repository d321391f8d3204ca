"""Screenshots of every screen in Bahasa Indonesia and in English at the kiosk's four sizes.

    .venv/bin/python tests/ui/screenshots_languages.py [OUT_DIR]     (default: .dev/screens)

Writes OUT_DIR/<language>/<size>/<state>.png for the languages id and en and the sizes
1024x768, 1366x768, 1366x768-125 and 1024x768-125 (the walk in ``tests/ui/every_screen.py``:
the login window, states inside the flows, then every registered screen), and prints what
``tests/ui/fit_check.py`` finds cut in each. Each size runs in its own process on an
offscreen screen of that size; 125 % is a screen at 120 dpi, which Qt turns into a device
pixel ratio of 1.25 and a 1093x614 (or 819x614) logical screen, as on Windows at 125 %: the
pictures are 1366x768 (1024x768) pixels, laid out as the agent sees them. Each language gets a
fresh temporary sandbox profile. Pictures are the widgets' own rendering (``QWidget.grab``), so it
runs offscreen, no X server needed. Not a test (no ``test_`` prefix): it only writes PNGs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {"1024x768": (1024, 768, 96), "1366x768": (1366, 768, 96), "1366x768-125": (1366, 768, 120),
           "1024x768-125": (1024, 768, 120)}


def offscreen_screen(size: str) -> str:
    width, height, dpi = SCREENS[size]
    config = Path(tempfile.gettempdir()) / f"loket-offscreen-{size}.json"
    config.write_text(json.dumps({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": dpi, "logicalBaseDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def shoot(out: Path, size: str) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication, QScrollArea

    from app.gui import load_style, translations_dir
    from tests.ui.every_screen import walk
    from tests.ui.fit_check import findings
    from tests.ui.screenshots import open_loket, settle
    from ui import i18n

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    available = app.primaryScreen().availableGeometry()
    cut = 0
    for language in ("id", "en"):
        i18n.install(language, translations_dir())
        folder_out = out / language / size
        folder_out.mkdir(parents=True, exist_ok=True)

        def visit(widget, name: str, folder_out=folder_out, language=language) -> None:
            nonlocal cut
            if widget.isWindow() and widget.objectName() != "palette":
                widget.showNormal()
                widget.resize(available.width(), available.height())
            settle(app)
            widget.grab().save(str(folder_out / f"{name}.png"))
            for finding in findings(widget, widget.findChild(QScrollArea, "stackScroll")):
                cut += 1
                print(f"CUT {language} {size} {name}: {finding}")

        with tempfile.TemporaryDirectory(prefix="loket-shots-") as folder:
            _context, loket, creds = open_loket(folder)
            walk(app, loket, creds, visit)
            loket.shutdown()
        print("wrote", folder_out)
    print(f"{size}: {cut} cut")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / ".dev" / "screens")
    parser.add_argument("--size", choices=sorted(SCREENS))
    args = parser.parse_args()
    if args.size:
        return shoot(args.out, args.size)
    failed = 0
    for size in SCREENS:
        env = dict(os.environ, QT_QPA_PLATFORM=offscreen_screen(size))
        failed |= subprocess.call([sys.executable, __file__, str(args.out), "--size", size], env=env)
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
