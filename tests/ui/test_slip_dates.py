"""The business day on the counter's slips reads as every other date there (counter-day walk).

The Serah Terima Kas slip and the cash-movement slip printed "Hari kerja 2026-12-07" under
"Tanggal 07/12/2026 08:00 WIB": the one date on Loket's paper in the journal's own form,
while the day's summary, the receipts and the screens say 07/12/2026."""

from __future__ import annotations

import re

from tests.ui.test_dayclose_screens import record
from tests.ui.test_handover_screens import colleagues_day, count_handed_over_drawer, idle
from tests.ui.test_shared_kiosk import colleague  # noqa: F401 - a fixture
from tests.ui.uidrive import click

TIMEOUT = 10_000


def business_day_line(slip: str) -> str:
    return next(" ".join(line.split()) for line in slip.splitlines() if line.startswith("Hari kerja"))


def shown_day(context) -> str:
    year, month, day = context.dayclose.business_day().split("-")
    return f"{day}/{month}/{year}"


def test_the_handover_slip_names_the_business_day_as_dd_mm_yyyy(qtbot, loket, context, colleague):  # noqa: F811
    colleagues_day(context)
    expected = context.dayclose.x_report().cash.should_hold
    _shell, screen = count_handed_over_drawer(qtbot, loket, str(expected))
    screen.ask_confirm = lambda parent, title, text: True  # "Terima laci?": yes
    click(qtbot, screen.confirm_button)  # Terima laci
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.done_page, timeout=TIMEOUT)
    idle(qtbot, loket)
    line = business_day_line(screen.slip_preview.toPlainText())
    assert line == f"Hari kerja {shown_day(context)}"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", screen.slip_preview.toPlainText())


def test_the_cash_movement_slip_names_the_business_day_as_dd_mm_yyyy(qtbot, shell, loket, context):
    click(qtbot, shell._nav["shift"])
    screen = shell.screen("shift")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    record(qtbot, screen, loket, "pay_out", "25000", "beli kertas struk")
    qtbot.waitUntil(lambda: "SLIP KAS" in screen.slip.toPlainText(), timeout=TIMEOUT)
    assert business_day_line(screen.slip.toPlainText()) == f"Hari kerja {shown_day(context)}"
