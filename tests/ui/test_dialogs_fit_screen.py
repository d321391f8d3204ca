"""The settling and supervisor dialogs on a 1024x768 screen at 125 % with Windows' taskbar
(819x550 logical pixels of work area; ``availableGeometry``): the whole dialog, a title bar
above it included, stays inside that area, its buttons always in view, and Tab walks the
form, each field scrolled into sight, to the save button.

"Selesaikan manual" with BERHASIL chosen was 609 to 631 pixels tall: on the counter's
screen its "Simpan jawaban bank" was below the taskbar, and the agent could not record the
bank's answer on a customer's money. A long receipt's preview was 696 pixels tall, "Cetak"
off the screen; the PIN recovery was 6 pixels too tall.

Qt's screen cannot be changed once the application runs, so the dialogs are opened in a
child process on an offscreen screen of that size (``QT_QPA_PLATFORM``'s configfile)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TITLE_BAR = 32  # Windows' title bar at 125 %: availableGeometry does not leave it out
DETAIL = ("Transfer BNI Keagenan · Rp 1.250.000 ke 0123456789 (BUDI SANTOSO WIBOWO)\n"
          "Tercatat: nominal Rp 1.250.000 · biaya admin Rp 6.500 · total Rp 1.256.500\n"
          "Keputusan ini dicatat atas nama Anda.")


def test_every_settling_dialog_keeps_its_buttons_on_a_small_screen_with_a_taskbar():
    config = Path(tempfile.mkdtemp(prefix="loket-550-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1024, "height": 688,
                                               "logicalDpi": 120, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, __file__], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["available"] == [0, 0, 819, 550]
    assert report["checked"] == 12  # 4 hosts x BERHASIL/GAGAL; the reversal, two supervisor prompts, a receipt
    assert report["wrong"] == [], "\n".join(report["wrong"])


def _probe() -> None:  # pragma: no cover - runs in the child process
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from app.gui import load_style
    from services.resolution_guide import ResolutionGuides
    from ui.printing import PreviewDialog
    from ui.screen_fit import scroll_areas
    from ui.screens.resolution_dialogs import ManualResolutionDialog, ReversalDialog
    from ui.widgets.recovery import RecoveryDialog
    from ui.widgets.supervisor import SupervisorDialog

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    available = app.primaryScreen().availableGeometry()
    wrong: list[str] = []
    checked = 0

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def global_rect(widget: QWidget) -> QRect:
        return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())

    def in_sight(widget: QWidget) -> bool:
        for area in scroll_areas(widget):
            shown = QRect(widget.mapTo(area.viewport(), QPoint(0, 0)), widget.size())
            if not area.viewport().rect().contains(shown):
                return False
        return True

    def fits(name: str, dialog: QWidget, ok: QWidget) -> None:
        nonlocal checked
        checked += 1
        if not available.contains(dialog.frameGeometry()):
            wrong.append(f"{name}: the dialog {dialog.frameGeometry().getRect()} is outside {available.getRect()}")
        frame, inside = dialog.frameGeometry(), dialog.geometry()
        tall = max(inside.top() - frame.top(), TITLE_BAR) + inside.height() + frame.bottom() - inside.bottom()
        if tall > available.height():
            wrong.append(f"{name}: {tall} pixels tall with a title bar, the screen's area {available.height()}")
        button = global_rect(ok)
        if not (ok.isVisible() and global_rect(dialog).contains(button) and available.contains(button)):
            wrong.append(f"{name}: its {ok.text()!r} at {global_rect(ok).getRect()} is not in view")

    guides = ResolutionGuides({}, sandbox=False)  # no call-center number set: the guide's longest words
    for host in ("keagenan", "switcher", "bankplus", "bca"):
        for success in (True, False):
            name = f"Selesaikan manual {host} {'BERHASIL' if success else 'GAGAL'}"
            dialog = ManualResolutionDialog(None, DETAIL, guides.for_host(host))
            dialog.show()
            settle()
            (dialog.success if success else dialog.failed).setChecked(True)
            settle()
            fits(name, dialog, dialog.ok)
            if success:  # the keyboard: Tab by Tab from the answer to "Simpan", each stop in sight
                dialog.officer.setFocus()
                QTest.keyClicks(dialog.officer, "Ibu Rina")
                dialog.success.setFocus()
                settle()
                stops = 0
                while app.focusWidget() is not dialog.ok and stops < 12:
                    QTest.keyClick(app.focusWidget(), Qt.Key.Key_Tab)
                    settle()
                    stops += 1
                    if not in_sight(app.focusWidget()):
                        wrong.append(f"{name}: Tab to {app.focusWidget().objectName()!r} left it out of sight")
                if app.focusWidget() is not dialog.ok:
                    wrong.append(f"{name}: Tab never reached 'Simpan jawaban bank'")
                dialog.host_ref.setFocus()  # Enter moves on to the fee, the note: in sight
                for _ in range(2):
                    QTest.keyClick(app.focusWidget(), Qt.Key.Key_Return)
                    settle()
                    if not in_sight(app.focusWidget()):
                        wrong.append(f"{name}: Enter to {app.focusWidget().objectName()!r} left it out of sight")
                if dialog.result() != 0 or not dialog.isVisible():
                    wrong.append(f"{name}: Enter in the fields saved")
            dialog.close()
            dialog.deleteLater()
    reversal = ReversalDialog(None, DETAIL)
    supervisor = SupervisorDialog(None, "Persetujuan supervisor: selisih kas", DETAIL + "\n" + DETAIL, True)
    recovery = RecoveryDialog(None, ["Ibu Rina", "Pak Dedi"])
    for name, dialog in (("reversal", reversal), ("supervisor", supervisor), ("recovery", recovery)):
        dialog.show()
        settle()
        fits(name, dialog, dialog.ok)
        dialog.close()
    receipt = "\n".join(f"{line:02d} Setor Tunai ........ Rp 1.250.000" for line in range(45))  # a long one
    preview = PreviewDialog("Preview struk", receipt)
    preview.show()
    settle()
    fits("receipt preview", preview, preview.print_button)
    print(json.dumps({"available": list(available.getRect()), "checked": checked, "wrong": wrong}))


if __name__ == "__main__":
    _probe()
