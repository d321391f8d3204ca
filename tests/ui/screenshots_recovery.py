"""Screenshots of the supervisor recovery code's dialogs (1024x768 at 125 % with qtcfg.json):

    QT_QPA_PLATFORM="offscreen:configfile=/tmp/qtcfg.json" PYTHONPATH=. .venv/bin/python \\
        tests/ui/screenshots_recovery.py OUT_DIR [en]

Not a test: it only writes PNGs (each window grabbed as it paints)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gui import load_style, translations_dir  # noqa: E402
from tests.ui.fit_check import findings  # noqa: E402
from tests.ui.screenshots import log_in, open_loket, settle  # noqa: E402
from ui import i18n  # noqa: E402
from ui.widgets.recovery import RecoveryCodeDialog, RecoveryDialog  # noqa: E402


def grab(app: QApplication, widget, out: Path, name: str) -> None:
    settle(app)
    widget.grab().save(str(out / name))
    print("wrote", out / name, widget.size().width(), widget.size().height())
    for finding in findings(widget):
        print(f"CUT {name}: {finding}")


def main(out: Path, language: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    with tempfile.TemporaryDirectory(prefix="loket-shots-") as folder:
        context, loket, creds = open_loket(folder)
        i18n.install(language, translations_dir())
        loket.login_window.show()
        shell = log_in(app, loket, creds)
        shell.move(0, 0)
        shell.showMaximized()
        shell._nav["supervisor"].click()
        screen = shell.screen("supervisor")
        settle(app, lambda: screen.loaded)
        screen.name.setText("Budi Santoso")
        screen.pin.setText("246810")
        screen.confirm_pin.setText("246810")
        screen.not_the_agent.setChecked(True)
        screen.save_button.click()
        settle(app, lambda: isinstance(QApplication.activeModalWidget(), RecoveryCodeDialog))
        dialog = QApplication.activeModalWidget()
        grab(app, dialog, out, f"recovery-code-{language}.png")
        dialog.written.setChecked(True)
        grab(app, dialog, out, f"recovery-code-ticked-{language}.png")
        dialog.accept()
        settle(app, lambda: screen.code_issued_at is not None)
        grab(app, shell, out, f"supervisor-screen-{language}.png")

        def fill() -> None:
            recovery = QApplication.activeModalWidget()
            assert isinstance(recovery, RecoveryDialog)
            recovery.code.setText("acdef-ghjkm-npqrt-wxy34")
            recovery.pin.setText("975312")
            recovery.confirm.setText("975312")
            settle(app)
            grab(app, recovery, out, f"recovery-form-{language}.png")
            recovery.reject()

        QTimer.singleShot(200, fill)
        screen.forgot_button.click()
        screen.ask_recovery = lambda *_a: None
        settle(app)
        shell.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "id"))
