"""The shift gate reads the journal only while it does not know today's shift is open.

Once it knows, walking between screens (a payment shows its form, its result and its form
again) queues no read that would wait behind the payment's commits; when Tutup Hari moves
the business date on, the next screen that moves money asks again and sends the agent to
open the new day's shift."""

from __future__ import annotations

from tests.ui.uidrive import click, wait_idle

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
    assert "Shift hari ini belum dibuka" in shift.banner.text()
    assert shifts.business_date() in reads
