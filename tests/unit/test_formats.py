"""One formatter per kind: a billing period reads as a month and a year, an ID is never
money, money always is."""

from __future__ import annotations

from services.formats import format_period


def test_host_months_read_as_month_and_year():
    assert format_period("MEI16") == "Mei 2016"
    assert format_period("NOV12, DEC12, JAN13") == "Nov 2012, Des 2012, Jan 2013"
    assert format_period("AUG24") == "Agu 2024"


def test_a_period_in_another_shape_is_left_as_sent():
    for text in ("", "3", "30092013-30", "10/06/12 s/d 10/07/12", "12 JANUARI", "XYZ16"):
        assert format_period(text) == text
