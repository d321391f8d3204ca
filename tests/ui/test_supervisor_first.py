"""The first supervisor is a deliberate step, and every supervisor approval names the
supervisor: the notice at the first start, the screen's warning and tick, a name that is
the agent's refused, a settings screen and a reversal on the record, Laporan Z on paper."""

from __future__ import annotations

from services.dayclose.supervisor import FIRST_SUPERVISOR, OPEN_SETTINGS, REVERSAL
from services.reports.thermal import render_summary
from tests.ui.test_dayclose_screens import open_screen
from tests.ui.uidrive import USERNAME, click, log_in, wait_idle
from ui.supervisor_gate import FIRST_START
from ui.widgets.supervisor import SupervisorAnswer

PIN = "246810"


def test_the_first_start_asks_for_a_supervisor_who_is_not_the_agent(qtbot, shell, context):
    qtbot.waitUntil(lambda: shell.notice.text() == FIRST_START, timeout=10_000)  # right after login
    assert "orang lain, bukan petugas loket" in FIRST_START
    screen = open_screen(qtbot, shell, "supervisor")
    qtbot.waitUntil(lambda: screen.loaded, timeout=10_000)
    screen.not_the_agent.setChecked(True)
    qtbot.keyClicks(screen.name, "Ardha Herdianto")  # the logged-in agent's own name
    qtbot.keyClicks(screen.pin, PIN)
    qtbot.keyClicks(screen.confirm_pin, PIN)
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.field("name").error.isVisible(), timeout=10_000)
    assert "orang lain" in screen.field("name").error.text()
    assert not context.dayclose.supervisors.has_supervisor()

    screen.name.clear()
    qtbot.keyClicks(screen.name, "Budi Santoso")
    screen.not_the_agent.setChecked(True)
    qtbot.keyClicks(screen.pin, PIN)
    qtbot.keyClicks(screen.confirm_pin, PIN)
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.names == ["Budi Santoso"], timeout=10_000)
    [first] = context.dayclose.supervisors.approvals()
    assert (first.action, first.approver) == (FIRST_SUPERVISOR, "Budi Santoso") and USERNAME in first.reason
    # asked for no more, on the Supervisor screen itself (day walk: "Belum ada supervisor"
    # stood above "PIN supervisor … disimpan" until the agent left the screen)
    qtbot.waitUntil(lambda: shell.notice.text() != FIRST_START, timeout=10_000)
    assert shell.current_screen() is screen


def test_the_first_start_notice_is_there_when_the_window_first_shows(qtbot, loket):
    """Learned with the login, not a moment after the window is up: nothing on the page
    moves down under the agent's pointer when the notice comes."""
    at_first_show = []

    def shown(_session: object) -> None:  # runs after ``Loket.enter``, connected before it
        shell = loket.shell
        at_first_show.append((shell.isVisible(), shell.notice.text(), shell.stack.mapTo(shell, shell.stack.pos()).y()))

    loket.login_window.form.logged_in.connect(shown)
    shell = log_in(qtbot, loket)
    wait_idle(qtbot, loket)
    qtbot.waitUntil(lambda: shell.counter.gate.has_supervisor is False, timeout=10_000)
    [(visible, notice, stack_y)] = at_first_show
    assert visible and notice == FIRST_START
    assert shell.stack.mapTo(shell, shell.stack.pos()).y() == stack_y
    assert shell.notice.text() == FIRST_START


def test_opening_settings_and_a_reversal_record_the_supervisor_by_name(qtbot, shell, context):
    from tests.ui.test_history_screens import switcher_transfer

    supervisors = context.dayclose.supervisors
    supervisors.set_pin("Budi Santoso", PIN)
    gate = shell.counter.gate
    gate.has_supervisor = True
    gate.ask = lambda *args: SupervisorAnswer(PIN)
    click(qtbot, shell._nav["host_settings"])
    qtbot.waitUntil(lambda: shell.current_screen() is shell.screen("host_settings"), timeout=10_000)
    opened = supervisors.approvals()[-1]
    assert (opened.action, opened.approver, opened.subject) == (OPEN_SETTINGS, "Budi Santoso", "host_settings")

    reference = switcher_transfer(context, 75_000)
    context.switching.reversal(reference, PIN, "salah rekening tujuan")
    reversal = supervisors.approvals()[-1]
    assert (reversal.action, reversal.approver) == (REVERSAL, "Budi Santoso")

    printed = render_summary(context.dayclose.x_report(), 32).text  # the day summary on the receipt printer
    assert "PERSETUJUAN SUPERVISOR" in printed
    assert "Buka pengaturan" in printed and "Reversal transfer" in printed and "Budi Santoso" in printed


def test_one_supervisor_is_told_to_add_a_second_since_a_forgotten_pin_has_no_other_way_back(qtbot, shell,
                                                                                             context):
    """A supervisor PIN is a salted hash in the journal: nobody reads it back, and only another
    supervisor's PIN sets a new one. A counter with one supervisor who forgot the PIN keeps no
    way into settings, a day close with a difference, a reopened day; nothing said so."""
    context.dayclose.supervisors.set_pin("Budi Santoso", PIN, set_by=USERNAME)
    screen = open_screen(qtbot, shell, "supervisor")
    qtbot.waitUntil(lambda: screen.loaded, timeout=10_000)
    assert "Budi Santoso" in screen.current_list.text()
    assert "supervisor kedua" in screen.current_list.text() and "lupa" in screen.current_list.text()

    qtbot.keyClicks(screen.name, "Sari Dewi")
    qtbot.keyClicks(screen.pin, "135792")
    qtbot.keyClicks(screen.confirm_pin, "135792")
    qtbot.keyClicks(screen.current_pin, PIN)
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.names == ["Budi Santoso", "Sari Dewi"], timeout=10_000)
    assert "supervisor kedua" not in screen.current_list.text()
