"""Screenshots of the end-of-day screens, for looking at them as an agent would.

    Xvfb :99 -screen 0 1366x768x24 &  DISPLAY=:99 .venv/bin/python tests/ui/screenshots_dayclose.py OUT_DIR

A temporary sandbox profile: log in, open the shift with Rp 500.000, a pay-out, a deposit,
a suspect bill payment, then Tutup Hari step by step (summary, a blind count Rp 2.000 short,
"Hitung ulang" to the even count the drawer should hold, the suspect bill's cash included, the
supervisor's approval of closing with the open row, sealed),
Laporan X before the close and Laporan Harian after it.
Not a test (no ``test_`` prefix): it only writes PNGs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gui import load_style  # noqa: E402
from services.journal import State  # noqa: E402
from tests.ui.screenshots import log_in, open_loket, settle, shot  # noqa: E402

SUPERVISOR_PIN = "482916"


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    with tempfile.TemporaryDirectory(prefix="loket-shots-") as folder:
        context, loket, creds = open_loket(folder, shift=False)
        loket.login_window.show()
        shell = log_in(app, loket, creds)
        shell.move(0, 0)
        idle = lambda: loket.worker.running == 0  # noqa: E731

        shell._nav["shift"].click()
        shift = shell.screen("shift")
        settle(app, lambda: shift.loaded and idle())
        shot(app, out, "shift-open.png")
        shift.opening_float.setText("500000")
        shift.open_button.click()
        shot(app, out, "shift-readback.png")
        shift.confirm_button.click()
        settle(app, lambda: shift.pages.currentWidget() is shift.shift_page and idle())
        shift.kind.setCurrentIndex(shift.kind.findData("pay_out"))
        shift.amount.setText("25000")
        shift.reason.setText("beli kertas struk")
        shift.ask_confirm = lambda parent, title, text: True
        shift.record_button.click()
        settle(app, idle)
        shot(app, out, "shift.png")

        banking = context.banking
        banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=250_000, narration="tabungan",
                        pin=creds["pin"])
        banking.transfer_pay(banking.transfer_inquiry("interbank", "114451186", "008"), "300.000", creds["pin"])
        journal = context.journal
        ref = journal.next_reference()
        journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="bills", amount=98_000,
                      fee=2_500, operator=creds["username"], request={}, customer_ref="5391000123",
                      customer_name="SITI AMINAH")
        journal.transition(ref, State.SENT, actor=creds["username"], reason="dikirim")
        journal.transition(ref, State.SUSPECT, actor="system", reason="waktu habis")
        context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        # The drawer holds what it should: the day's cash and the suspect bill's (its customer paid).
        cash = context.dayclose.x_report().cash
        assert cash is not None
        should_hold = cash.should_hold

        shell._nav["x_report"].click()
        x = shell.screen("x_report")
        settle(app, lambda: x.loaded and idle())
        shot(app, out, "laporan-x.png")

        shell._nav["day_close"].click()
        close = shell.screen("day_close")
        close.ask_confirm = lambda *args: True
        settle(app, lambda: not close.loading and idle())
        shot(app, out, "tutup-hari-summary.png")
        close.summary_page.count_button.click()
        # First a count Rp 2.000 short (what a miscounted stack looks like), then "Hitung ulang"
        close.count_page.counted.setText(str(should_hold - 2_000))
        shot(app, out, "tutup-hari-count.png")
        close.count_page.enter_button.click()
        settle(app, lambda: close.page == "variance" and idle())
        close.variance_page.note.setText("uang kembalian kurang")
        shot(app, out, "tutup-hari-variance-short.png")
        close.variance_page.recount_button.click()
        settle(app, lambda: close.page == "count" and idle())
        close.count_page.counted.setText(str(should_hold))
        close.count_page.enter_button.click()
        settle(app, lambda: close.page == "variance" and idle())
        shot(app, out, "tutup-hari-variance.png")

        # Even, but a bill is still open: the supervisor approves closing with it
        close.variance_page.confirm_button.click()
        settle(app, lambda: close.page == "approval" and idle())
        close.approval_page.supervisor_pin.setText(SUPERVISOR_PIN)
        close.approval_page.approval_reason.setText("host PLN tidak menjawab, dicek besok pagi")
        shot(app, out, "tutup-hari-approval.png")
        close.approval_page.approve_button.click()
        settle(app, lambda: close.page == "sealed" and idle())
        close.sealed_page.print_button.click()
        settle(app, idle)
        shot(app, out, "tutup-hari.png")

        shell._nav["daily_reports"].click()
        daily = shell.screen("daily_reports")
        settle(app, lambda: daily.selected is not None and idle())
        shot(app, out, "laporan-harian.png")
        shell._nav["supervisor"].click()
        settle(app, idle)
        shot(app, out, "supervisor.png")
        loket.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens")))
