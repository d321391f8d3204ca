"""One formatter per kind (``services.formats``): a billing period reads as a month and a
year, an ID is never money, money always is, a moment is WIB, a bank goes by one name."""

from __future__ import annotations

from datetime import datetime, timezone

from services.formats import (
    bank_name,
    bank_text,
    format_date,
    format_id,
    format_moment,
    format_money,
    format_period,
    format_quantity,
    money_text,
)


def test_host_months_read_as_month_and_year():
    assert format_period("MEI16") == "Mei 2016"
    assert format_period("NOV12, DEC12, JAN13") == "Nov 2012, Des 2012, Jan 2013"
    assert format_period("AUG24") == "Agu 2024"
    assert format_period("JAN17, PEB17") == "Jan 2017, Feb 2017"  # BNI Keagenan's own February


def test_a_period_in_another_shape_is_left_as_sent():
    for text in ("", "3", "30092013-30", "10/06/12 s/d 10/07/12", "12 JANUARI", "XYZ16"):
        assert format_period(text) == text


def test_a_date_reads_as_day_month_and_year_from_either_wire_shape():
    assert format_date("20111208") == "08 Des 2011"  # a host's yyyymmdd
    assert format_date("08DES11") == "08 Des 2011"  # the ddMMMyy PLN Non-taglis sends back
    assert format_date("15PEB17") == "15 Feb 2017"
    assert format_date("11102012") == "11 Okt 2012"  # ddmmyyyy: a credit card statement's date
    assert format_date("27 OCT 11") == "27 Okt 2011" and format_date("29-JUL-11") == "29 Jul 2011"
    assert format_date("07-10-2016") == "07 Okt 2016"  # BPJS Ketenagakerjaan's dd-mm-yyyy


def test_a_from_to_pair_of_dates_reads_as_one_date_or_a_range():
    assert format_date("20121224?20121224") == "24 Des 2012"  # the document's dash, lost in conversion
    assert format_date("25112013-05122013") == "25 Nov 2013 \u2013 05 Des 2013"
    assert format_date("20121224-20121399") == "20121224-20121399"  # no such day: as sent


def test_eight_digits_are_never_read_both_ways():
    """The month of yyyymmdd is the century of ddmmyyyy: a text is one or the other, never a guess."""
    assert format_date("20120102") == "02 Jan 2012"
    assert format_date("02012012") == "02 Jan 2012"
    assert format_date("01512300") == "01512300" and format_date("20110231") == "20110231"
    for text in ("", "2011-12-08", "20110231", "32DES11", "08XYZ11", "081211"):  # not a date, or no such day
        assert format_date(text) == text


def test_money_is_rupiah_and_an_id_stays_as_sent():
    assert format_money(1_260_835) == "Rp 1.260.835"
    assert money_text("000000030000") == "Rp 30.000" and money_text("25500.0") == "Rp 25.500"
    assert money_text("25500.50") == "25500.50"  # sen: as sent, never rounded
    assert format_id("0001260835323") == "0001260835323"  # a BPJS participant number, not Rp 1.260.835.323
    assert format_id(1260835323) == "1260835323"


def test_a_moment_reads_in_wib():
    assert format_moment("2026-12-05T19:52:00+07:00") == "05/12/2026 19:52 WIB"
    assert format_moment("2026-12-05T12:52:00Z") == "05/12/2026 19:52 WIB"
    assert format_moment(datetime(2026, 12, 5, 12, 52, tzinfo=timezone.utc)) == "05/12/2026 19:52 WIB"
    for text in ("2026-12-05T19:52:00", "besok", ""):  # no zone, or no moment: as sent
        assert format_moment(text) == text


def test_a_bank_goes_by_one_name_whatever_the_switch_sent():
    assert bank_name("008", "MANDRI") == "BANK MANDIRI"
    assert bank_name("BRINIDJA") == "BANK BRI"
    assert bank_name("999", "BANK CONTOH") == "BANK CONTOH"  # unknown code: the host's name
    assert bank_name("999") == "999"
    assert bank_text("008", "MANDRI") == "BANK MANDIRI (008)" and bank_text("BRINIDJA") == "BANK BRI (BRINIDJA)"
    assert bank_text("999") == "999"


def test_a_quantity_reads_the_indonesian_way_and_anything_else_as_sent():
    assert format_quantity("18000") == "18.000"  # PDAM's usage in m3
    assert format_quantity(1234567) == "1.234.567" and format_quantity("1234.5") == "1.234,5"
    assert format_quantity("00050000-00060000") == "50.000 - 60.000"  # a from-to pair
    assert format_quantity("00000100?00000100") == "100 - 100"  # the document's lost dash
    for text in ("", "18000 m3", "-", "12-", "1,5", "R1/1300VA"):
        assert format_quantity(text) == text
