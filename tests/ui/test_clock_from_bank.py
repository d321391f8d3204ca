"""A PC clock a day off the bank's, as the agent meets it: Beranda says so and what to do,
Buka Shift and Tutup Hari refuse with the same words; a clock a minute or two off says and
refuses nothing (services/bank_time.py). The bank's clock is the sandbox Bank+'s own,
read off its login answer's HTTP ``Date`` header."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.context import build_context
from services.clock import WIB, FixedClock
from services.profile import Profile
from services.sandbox import make_host
from tests.ui.test_dayclose_screens import open_screen, open_shift, wait_loaded
from tests.ui.uidrive import click

PC = datetime(2026, 12, 5, 9, 30, tzinfo=WIB)
SAYS = "Jam komputer ini salah: 05/12/2026 09:30 WIB, jam bank 06/12/2026 09:30 WIB (selisih 1 hari, menurut Bank+)"


@pytest.fixture
def bank_ahead() -> timedelta:
    return timedelta(days=1)


@pytest.fixture
def context(tmp_path, bank_ahead):
    hosts = {"bankplus": make_host("bankplus", clock=FixedClock(PC + bank_ahead))}
    ctx = build_context(Profile(tmp_path / "profile"), clock=FixedClock(PC), sandbox_hosts=hosts)
    yield ctx
    ctx.close()


def test_a_day_ahead_beranda_warns_and_shift_and_day_close_refuse(qtbot, shift_closed, shell, loket, context):
    home = shell.screen("home")
    assert not home.clock_warning.isHidden()
    assert SAYS in home.clock_warning.text()
    assert "Betulkan tanggal, jam dan zona waktu Windows (WIB, WITA atau WIT" in home.clock_warning.text()

    shift = open_screen(qtbot, shell, "shift")
    qtbot.waitUntil(lambda: shift.loaded, timeout=10_000)
    qtbot.keyClicks(shift.opening_float, "500000")
    click(qtbot, shift.open_button)
    click(qtbot, shift.confirm_button)
    wait_loaded(qtbot, loket)
    assert SAYS in shift.banner.text() and "Buka Shift dan Tutup Hari ditolak" in shift.banner.text()
    assert context.dayclose.shifts.current() is None and shift.pages.currentWidget() is shift.open_page

    close = open_screen(qtbot, shell, "day_close")
    qtbot.waitUntil(lambda: not close.loading, timeout=15_000)
    assert SAYS in close.banner.text()
    assert close.flow is None and context.dayclose.closed_days() == []


@pytest.mark.parametrize("bank_ahead", [timedelta(minutes=2)])
def test_a_clock_within_minutes_says_and_refuses_nothing(qtbot, shift_closed, shell, loket, context, bank_ahead):
    home = shell.screen("home")
    assert home.clock_warning.isHidden()
    open_shift(qtbot, shell, loket)
    assert context.dayclose.shifts.current() is not None
    close = open_screen(qtbot, shell, "day_close")
    qtbot.waitUntil(lambda: not close.loading, timeout=15_000)
    assert close.flow is not None and close.banner.text() == ""


def test_the_warning_goes_once_the_windows_clock_is_put_right(qtbot, shift_closed, shell, loket, context):
    home = shell.screen("home")
    assert not home.clock_warning.isHidden()
    context.journal.clock.jump(86400)  # the agent sets the date: no host call needed to believe it
    qtbot.waitUntil(home.clock_warning.isHidden, timeout=10_000)
    open_shift(qtbot, shell, loket)
    assert context.dayclose.shifts.current().business_date == "2026-12-06"

