"""The reasons Loket writes on an approval read in the agent's language on screen, the sealed
text unchanged: "diatur saat petugas BNIUS100294 masuk" showed in Indonesian in an English
Laporan X. The paper stays Indonesian."""

from __future__ import annotations

import pytest

from services.approval_words import FIRST_SUPERVISOR_SET, IN_SIMULATOR, OPEN_MENU, PIN_CHANGED, known_reason
from services.dayclose.supervisor import OPEN_SETTINGS
from tests.ui.test_dayclose_screens import SUPERVISOR_PIN, deposit, open_screen
from tests.ui.test_reports_layout import back_to_indonesian, logged_in
from tests.ui.uidrive import USERNAME

__all__ = ["back_to_indonesian"]  # the fixture: the next test starts in Indonesian again


@pytest.mark.parametrize("reason, known", [
    ("diatur saat petugas BNIUS100294 masuk", (FIRST_SUPERVISOR_SET, "BNIUS100294", False)),
    ("PIN supervisor Budi Santoso diatur" + IN_SIMULATOR, (PIN_CHANGED, "Budi Santoso", True)),
    ("membuka menu Koneksi Host (dari simulator)", (OPEN_MENU, "Koneksi Host", True)),
    ("setoran terlambat dicatat", None),  # a person's words
])
def test_the_reasons_loket_writes_are_known_by_their_templates(reason, known):
    assert known_reason(reason) == known


def test_an_english_laporan_x_shows_the_first_supervisors_reason_in_english(qtbot, request):
    context, shell, _loket = logged_in(request, "en")
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN, set_by=USERNAME)
    context.dayclose.supervisors.set_pin("Budi Santoso", "135790", current_pin=SUPERVISOR_PIN, set_by=USERNAME)
    context.dayclose.supervisors.approve("135790", OPEN_MENU.format(name="Host Connection") + IN_SIMULATOR,
                                         OPEN_SETTINGS, subject="host_settings")  # as the gate and a sandbox write
    deposit(context)
    screen = open_screen(qtbot, shell, "x_report")
    qtbot.waitUntil(lambda: screen.view.report is not None and screen.calls == 0, timeout=10_000)
    shown = screen.view.approvals.text()
    assert f"set when agent {USERNAME} logged in" in shown
    assert "Budi Santoso's supervisor PIN set" in shown
    assert "opened the Host Connection menu (from the simulator)" in shown
    assert "diatur" not in shown and "membuka" not in shown and "simulator)" in shown
    sealed = [a.reason for a in screen.view.report.approvals]
    assert f"diatur saat petugas {USERNAME} masuk" in sealed and "PIN supervisor Budi Santoso diatur" in sealed
