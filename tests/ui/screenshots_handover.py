"""Screenshots of Serah Terima Kas: a colleague opened the day's shift and took a deposit; the
sandbox agent logs in and is asked to count the drawer (blind), finds it Rp 20.000 short, the
supervisor approves, the slip; the holder's page; the Laporan Z with the handover.

    QT_QPA_PLATFORM="offscreen:configfile=/tmp/qtcfg.json" .venv/bin/python tests/ui/screenshots_handover.py OUT

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
from services.hosts.bankplus.sandbox import Agent  # noqa: E402
from services.journal import State  # noqa: E402
from tests.ui.screenshots import log_in, open_loket, settle, shot  # noqa: E402
from ui.widgets.report_view import ReportView  # noqa: E402
from ui.widgets.supervisor import SupervisorAnswer  # noqa: E402

COLLEAGUE, COLLEAGUE_PASSWORD = "BNIUS100777", "Kolega-77"
SUPERVISOR_PIN = "482916"


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_style())
    with tempfile.TemporaryDirectory(prefix="loket-shots-") as folder:
        context, loket, creds = open_loket(folder, shift=False)
        days = context.dayclose
        context.sandbox_hosts["bankplus"].agents[COLLEAGUE] = Agent(COLLEAGUE, COLLEAGUE_PASSWORD, "135790", "4447")
        days.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        days.shifts.open(500_000, COLLEAGUE)
        journal = context.journal
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=250_000,
                      fee=0, operator=COLLEAGUE, customer_ref="14047", request={})
        journal.transition(ref, State.SENT, actor=COLLEAGUE, reason="dikirim")
        journal.transition(ref, State.SUCCESS, actor="system", reason="ok")
        loket.login_window.show()
        shell = log_in(app, loket, creds)
        shell.move(0, 0)
        idle = lambda: loket.worker.running == 0  # noqa: E731
        screen = shell.screen("handover")
        settle(app, lambda: shell.current_screen() is screen and screen.pages.currentWidget() is screen.count_page
               and idle())
        screen.counted.setText("730000")
        shot(app, out, "serah-terima-count.png")
        screen.count_button.click()
        settle(app, lambda: screen.pages.currentWidget() is screen.difference_page and idle())
        screen.note.setText("uang kurang di laci")
        shot(app, out, "serah-terima-difference.png")
        screen.ask_supervisor = lambda parent, title, text, with_reason: SupervisorAnswer(SUPERVISOR_PIN)
        screen.confirm_button.click()
        settle(app, lambda: screen.pages.currentWidget() is screen.done_page and idle())
        shot(app, out, "serah-terima-done.png")
        shell._nav["handover"].click()
        settle(app, lambda: screen.pages.currentWidget() is screen.holder_page and idle())
        shot(app, out, "serah-terima-holder.png")
        shell._nav["shift"].click()
        settle(app, lambda: shell.screen("shift").loaded and idle())
        shot(app, out, "serah-terima-shift.png")

        flow = days.begin_close(creds["username"])
        flow.start_count()
        flow.enter_count(732_000)
        flow.confirm("uang lebih sedikit", pin=SUPERVISOR_PIN)
        shell._nav["daily_reports"].click()
        daily = shell.screen("daily_reports")
        settle(app, lambda: daily.selected is not None and idle())
        view = daily.findChild(ReportView)
        if view is not None:  # the handovers sit under the cash box: scrolled to them
            view.ensureWidgetVisible(view.handovers)
        shot(app, out, "serah-terima-laporan-z.png")
        loket.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens")))
