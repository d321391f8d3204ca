"""A business day as the screens and the office report write it: ``21/11/2026`` from the journal's
``2026-11-21``; anything that is not such a date is shown as it came, never an error in the middle of
a message or a report (a Laporan Z's late list names its rows' days as the counter wrote them)."""

from __future__ import annotations

import pytest

from services.dayclose.errors import DayNotClosed, day_text


def test_an_iso_day_is_written_as_the_screens_write_dates():
    assert day_text("2026-11-21") == "21/11/2026"


@pytest.mark.parametrize("sent", ["", "kemarin", "2026-11", "2026-11-21-1", "21/11/2026", "2026-1-5", "20261121",
                                  "2026-ab-cd"])
def test_what_is_not_an_iso_day_is_shown_as_it_came(sent):
    assert day_text(sent) == sent


def test_a_message_naming_a_day_that_is_not_a_date_still_names_it():
    assert "kemarin" in str(DayNotClosed("kemarin"))
