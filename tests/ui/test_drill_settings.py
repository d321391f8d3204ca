"""A sandbox run of a live kiosk (``--sandbox``: a drill) opens the kiosk's settings with a
live supervisor's PIN (``services/dayclose/live_supervisors.py``).

The settings screens write the kiosk's one settings.json and secret store, which the next live
start uses; the drill asked the sandbox journal's supervisors, or nobody when the sandbox had
none, so a trainee could change the live bank addresses, credentials and fees."""

from __future__ import annotations

import pytest

from app.context import build_context
from services.dayclose import DayCloseService
from services.journal import Journal
from services.profile import Profile
from tests.integration.test_live_tls_context import configure_live
from tests.ui.uidrive import click
from ui.supervisor_gate import NO_SUPERVISOR, WRONG_PIN
from ui.widgets.supervisor import SupervisorAnswer

TIMEOUT = 10_000
LIVE_PIN = "481592"
DRILL_PIN = "246813"


def live_kiosk(profile: Profile, *, supervisor: bool) -> None:
    """A kiosk that has run live, with (or without) its live supervisor set."""
    configure_live(profile)
    live = build_context(profile)
    try:
        assert not live.sandbox
        if supervisor:
            live.dayclose.supervisors.set_pin("Sri Supervisor", LIVE_PIN)
    finally:
        live.close()


def live_approvals(profile: Profile) -> list[tuple[str, str, str]]:
    journal = Journal(profile.journal_for(False))
    try:
        return [(a.approver, a.reason, a.subject) for a in
                DayCloseService(journal, sandbox=False).supervisors.approvals(None)]
    finally:
        journal.close()


@pytest.fixture
def supervised(request) -> bool:
    return getattr(request, "param", True)


@pytest.fixture
def context(tmp_path, supervised):
    profile = Profile(tmp_path / "profile")
    live_kiosk(profile, supervisor=supervised)
    drill = build_context(profile, sandbox=True)
    drill.dayclose.supervisors.set_pin("Trainee Supervisor", DRILL_PIN)  # the drill's own
    yield drill
    drill.close()


def test_the_drills_own_supervisor_cannot_open_the_live_kiosks_settings(qtbot, shell, context):
    assert context.sandbox and context.profile.load_settings()["mode"] == "live"
    gate = shell.counter.gate
    asked = []
    gate.ask = lambda parent, title, detail, with_reason: asked.append(detail) or SupervisorAnswer(DRILL_PIN)
    for target in ("host_settings", "printer_settings", "counter_fees", "keys"):
        if target not in shell._nav:
            continue
        click(qtbot, shell._nav[target])
        qtbot.waitUntil(lambda: shell.notice.text() == WRONG_PIN, timeout=TIMEOUT)
        assert shell.current_screen() is shell.screen("home")
        shell.notice.clear_message()
    assert asked and "PIN supervisor live" in asked[0]

    gate.ask = lambda *args: SupervisorAnswer(LIVE_PIN)
    click(qtbot, shell._nav["host_settings"])
    qtbot.waitUntil(lambda: shell.current_screen() is shell.screen("host_settings"), timeout=TIMEOUT)
    context.close()  # the live journal is written by the drill's approval, then let go
    approvals = live_approvals(context.profile)
    assert [(who, reason) for who, reason, _subject in approvals
            if "membuka menu" in reason] == [("Sri Supervisor", "membuka menu Koneksi Host (dari simulator)")]


@pytest.mark.parametrize("supervised", [False], indirect=True)
def test_a_live_kiosk_without_a_supervisor_opens_them_with_the_warning(qtbot, shell, context):
    """As a live run of that kiosk would: the drill's supervisor does not stand in for one."""
    asked = []
    shell.counter.gate.ask = lambda *args: asked.append(args) and None
    click(qtbot, shell._nav["host_settings"])
    qtbot.waitUntil(lambda: shell.current_screen() is shell.screen("host_settings"), timeout=TIMEOUT)
    assert not asked and shell.notice.text() == NO_SUPERVISOR


def test_a_drill_offers_no_recovery_code_at_its_prompts(qtbot, shell, context):
    """The settings take a live supervisor's PIN, whose forgotten PIN is recovered on the live
    kiosk: the drill's prompts offer no recovery code, even where the drill's own journal has
    one in force (``ui.widgets.supervisor_recovery``)."""
    from PySide6.QtWidgets import QPushButton

    from tests.ui.test_supervisor_recovery import when_open
    from ui.widgets.supervisor import SupervisorDialog
    from ui.widgets.supervisor_recovery import SupervisorRecovery

    assert context.dayclose.supervisors.recovery_issued_at() is not None  # the drill's own code

    def look(dialog) -> None:
        assert SupervisorRecovery.of(dialog.parentWidget()) is None
        qtbot.wait(300)
        button = dialog.findChild(QPushButton, "forgotPin")
        assert button is not None and not button.isVisible()
        dialog.reject()

    seen = when_open(SupervisorDialog, look)
    click(qtbot, shell._nav["host_settings"])
    qtbot.waitUntil(lambda: seen != [], timeout=TIMEOUT)
    if isinstance(seen[-1], BaseException):
        raise seen[-1]
    assert shell.current_screen() is shell.screen("home")
