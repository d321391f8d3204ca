"""The shift gate reads the journal only while it does not know today's shift is open.

Once it knows, walking between screens (a payment shows its form, its result and its form
again) queues no read that would wait behind the payment's commits; when Tutup Hari moves
the business date on, the next screen that moves money asks again and sends the agent to
open the new day's shift."""

from __future__ import annotations

from tests.ui.uidrive import click, wait_idle
from ui.models.report import day_label

TIMEOUT = 10_000


def test_a_known_open_shift_is_not_read_again_until_the_business_date_moves(qtbot, shell, loket, context):
    shifts = context.dayclose.shifts
    reads: list[str] = []
    read = shifts.shift_for
    shifts.shift_for = lambda day: reads.append(day) or read(day)  # type: ignore[method-assign]

    # (Not Beranda: its day figures read the shift's float, as they should.)
    for target in ("deposit", "check_account", "transfer_interbank", "deposit"):
        click(qtbot, shell._nav[target])
        assert shell.current_screen() is shell.screen(target)  # straight in: the shift is known open
    wait_idle(qtbot, loket)
    assert reads == []

    today = shifts.business_date()
    flow = context.dayclose.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(0)
    flow.confirm()
    assert shifts.business_date() != today  # the day is sealed: serving goes on tomorrow's date

    click(qtbot, shell._nav["check_account"])
    click(qtbot, shell._nav["transfer_interbank"])
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    # the business date, which is tomorrow's now, not "today"
    assert f"Shift hari kerja {day_label(shifts.business_date())} belum dibuka" in shift.banner.text()
    assert shifts.business_date() in reads


def test_the_screen_asked_for_is_forgotten_once_the_agent_walks_away(qtbot, shift_closed, shell, loket, context):
    click(qtbot, shell._nav["transfer_interbank"])
    shift = shell.screen("shift")
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    assert "Transfer Antar Bank" in shift.banner.text()
    click(qtbot, shell._nav["home"])
    shift.loaded = False
    click(qtbot, shell._nav["shift"])  # back later, by the menu
    qtbot.waitUntil(lambda: shell.current_screen() is shift and shift.loaded, timeout=TIMEOUT)
    assert "Transfer Antar Bank" not in shift.banner.text()
    qtbot.keyClicks(shift.opening_float, "200000")
    click(qtbot, shift.open_button)
    qtbot.waitUntil(shift.confirm_button.isVisible, timeout=TIMEOUT)
    click(qtbot, shift.confirm_button)
    qtbot.waitUntil(lambda: context.dayclose.shifts.current() is not None, timeout=TIMEOUT)
    wait_idle(qtbot, loket)
    assert shell.current_screen() is shift  # not the transfer asked for an errand ago
