"""A day reopened after the calendar moved on, and Loket restarted before it is sealed again.

A day is reopened on the next calendar day (a supervisor at 02:00 finds the day was sealed
too early). Its journal mark goes back, so the business day is the clock's: the next one.
The reopened day is still to be sealed again, and Tutup Hari must go back to it after a
restart, as it does for any earlier day left open. A day with transactions or a shift was
found that way (its rows); an empty day, nothing sold and no shift, was not: after the restart
Tutup Hari offered the next day, the reopened day stayed without a Laporan Z in force, and
once the next day was sealed it could not be reopened or sealed any more."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.context import build_context
from services.clock import WIB, FixedClock
from services.profile import Profile
from tests.ui.test_dayclose_screens import SUPERVISOR_PIN, count_cash, open_shift, start_close, wait_loaded
from tests.ui.uidrive import click
from ui.widgets.supervisor import SupervisorAnswer

SHIFT_OPEN = False  # an empty day: no shift, nothing sold

DAY, NEXT_DAY = "2026-12-05", "2026-12-06"
REASON = "ditutup terlalu cepat"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 5, 21, 0, tzinfo=WIB))


@pytest.fixture
def context(tmp_path, clock, request):
    """Loket over a fresh profile, the supervisor registered. For a test "after_a_restart",
    the first run before it: the empty day sealed at 21:00, reopened at 02:00 the next
    morning; then Loket is closed and started again (a fresh context on the same profile)."""
    profile = Profile(tmp_path / "profile")
    first = build_context(profile, clock=clock)
    days = first.dayclose
    days.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    if "after_a_restart" not in request.node.name:
        yield first
        first.close()
        return
    flow = days.begin_close("BNIUS100294")
    assert flow.business_date == DAY
    flow.start_count()
    flow.enter_count(0)
    flow.confirm("")
    clock.advance(5 * 3600)  # 02:00 on the 6th
    days.reopen(DAY, pin=SUPERVISOR_PIN, reason=REASON)
    first.close()
    ctx = build_context(profile, clock=clock)  # the restart
    yield ctx
    ctx.close()


def seal(qtbot, screen, loket, asked: list[str]) -> None:
    count_cash(qtbot, screen, loket, "0")
    screen.ask_confirm = lambda parent, title, text: asked.append(text) or True
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)


def test_reopened_the_next_morning_the_screen_says_where_new_work_goes(qtbot, shell, loket, context, clock):
    """Reopened at 02:00 on the next calendar day, new transactions go to that day, as the
    supervisor's dialog says; the banner above the reopened day said "Catat yang belum
    tercatat" (record what is missing), which cannot go on that day any more. And "Tutup
    hari?" said "Hari ini akan disegel" (today) when the day sealed is yesterday."""
    screen = start_close(qtbot, shell, loket)
    asked: list[str] = []
    seal(qtbot, screen, loket, asked)
    assert "Hari 05/12/2026 akan disegel" in asked[0]
    clock.advance(5 * 3600)
    screen.ask_supervisor = lambda *args: SupervisorAnswer(SUPERVISOR_PIN, REASON)
    click(qtbot, screen.sealed_page.reopen_button)
    qtbot.waitUntil(lambda: screen.page == "summary", timeout=10_000)
    wait_loaded(qtbot, loket)
    said = screen.banner.text()
    assert "dibuka kembali" in said and "Catat yang belum tercatat" not in said
    assert "Transaksi baru masuk hari 06/12/2026" in said and "tutup hari 05/12/2026 lagi" in said
    seal(qtbot, screen, loket, asked)
    assert "Hari 05/12/2026 akan disegel" in asked[1]
    assert screen.sealed_page.report_number.text() == "No. 0002"


def test_after_a_restart_tutup_hari_seals_the_reopened_empty_day_again(qtbot, shell, loket, context):
    screen = start_close(qtbot, shell, loket)
    assert screen.flow is not None and screen.flow.business_date == DAY
    assert "Hari kerja 05/12/2026" in screen.step_label.text()
    # said as what it is: reopened, its Laporan Z set aside, to be closed again
    assert "Hari 05/12/2026 dibuka kembali" in screen.banner.text()
    assert "Laporan Z No. 0001" in screen.banner.text() and "belum ditutup lagi" in screen.banner.text()
    # at 02:00 "today" is the day being closed to the agent: the next one is named
    assert "Tutup Hari lagi untuk hari 06/12/2026" in screen.banner.text()
    assert "hari ini" not in screen.banner.text()
    assert context.dayclose.earlier_open_day() == DAY  # Buka Shift says so before the next day's float
    seal(qtbot, screen, loket, [])
    assert screen.sealed_page.report_number.text() == "No. 0002"
    assert context.dayclose.closed_days() == [(DAY, 2, True), (DAY, 1, False)]
    assert context.dayclose.business_day() == NEXT_DAY


def test_after_midnight_the_next_days_summary_offers_to_reopen_the_day_before(qtbot, shell, loket, context, clock):
    """Past midnight Tutup Hari is the new business day's: an empty summary of 06/12. The day
    sealed the evening before may still be reopened (nothing done on 06/12 yet), but its
    "Buka kembali hari…" was only on the sealed page left on show: after going to Beranda and
    back, or after a restart, no screen offered it, and the supervisor who came in at 07:00
    had no way to it. The summary offers it until the new day begins."""
    screen = start_close(qtbot, shell, loket)
    seal(qtbot, screen, loket, [])
    clock.advance(5 * 3600)  # 02:00 on the 6th
    click(qtbot, shell._nav["home"])
    screen = start_close(qtbot, shell, loket)
    assert screen.page == "summary" and screen.flow.business_date == NEXT_DAY
    button = screen.summary_page.reopen_button
    assert button.isVisible() and "05/12/2026" in button.text()
    assert not button.isDefault() and not button.autoDefault()
    screen.ask_supervisor = lambda *args: SupervisorAnswer(SUPERVISOR_PIN, REASON)
    click(qtbot, button)
    qtbot.waitUntil(lambda: screen.flow is not None and screen.flow.business_date == DAY, timeout=10_000)
    wait_loaded(qtbot, loket)
    assert "Hari 05/12/2026 dibuka kembali" in screen.banner.text() and not button.isVisible()
    seal(qtbot, screen, loket, [])
    assert screen.sealed_page.report_number.text() == "No. 0002"

    context.dayclose.shifts.open(0, "BNIUS100294")  # 06/12 begins: 05/12 stays as sealed
    click(qtbot, shell._nav["home"])
    screen = start_close(qtbot, shell, loket)
    assert screen.flow.business_date == NEXT_DAY and not screen.summary_page.reopen_button.isVisible()


def test_the_offer_on_the_next_days_summary_goes_once_that_day_begins(qtbot, shell, loket, context, clock):
    """At 02:00 the new day's summary offers to reopen the evening's seal; the agent goes to
    Buka Shift and opens 06/12 (its float in the drawer), then back to Tutup Hari, where the
    summary left on show was only read again: it kept offering "Buka kembali hari 05/12/2026…",
    which the rule now refuses (06/12 has begun). The offer is asked again with the summary."""
    screen = start_close(qtbot, shell, loket)
    seal(qtbot, screen, loket, [])
    clock.advance(5 * 3600)  # 02:00 on the 6th
    click(qtbot, shell._nav["home"])
    screen = start_close(qtbot, shell, loket)
    assert screen.flow.business_date == NEXT_DAY and screen.summary_page.reopen_button.isVisible()

    open_shift(qtbot, shell, loket, "0")  # 06/12 begins
    screen = start_close(qtbot, shell, loket)
    assert screen.page == "summary" and screen.flow.business_date == NEXT_DAY
    assert not screen.summary_page.reopen_button.isVisible()
