from decimal import Decimal

import pytest

from services.money import MoneyError, format_digits, format_rupiah, parse_rupiah, parse_rupiah_sen


@pytest.mark.parametrize(
    "raw, expected",
    [
        (25000, 25000),
        ("25000", 25000),
        ("25.000", 25000),
        ("202.696.682", 202696682),
        ("25500.0", 25500),
        ("100000.00", 100000),
        ("Rp 25.000", 25000),
        ("Rp.25.000", 25000),
        ("25.000,00", 25000),
        ("1,250,000", 1250000),
        ("0", 0),
        (Decimal("7500"), 7500),
        (6500.0, 6500),
    ],
)
def test_host_shapes_parse_to_exact_rupiah(raw, expected):
    assert parse_rupiah(raw) == expected
    assert isinstance(parse_rupiah(raw), int)


@pytest.mark.parametrize("raw", ["", "abc", "25.00.0", "1.5", "25500.5", 602577171334.84, True, None, "12e3", [1]])
def test_what_is_not_whole_rupiah_is_refused(raw):
    with pytest.raises(MoneyError):
        parse_rupiah(raw)


def test_switcher_balance_with_sen_is_read_exactly_in_sen():
    # The Switcher's inquiry answers a JSON float; a float path would give ...83.99999.
    assert parse_rupiah_sen(602577171334.84) == 60257717133484


def test_display_uses_indonesian_thousands_dots():
    assert format_rupiah(25000) == "Rp 25.000"
    assert format_rupiah(202696682) == "Rp 202.696.682"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(-6500) == "-Rp 6.500"
    assert format_digits(1000000) == "1.000.000"


def test_display_refuses_floats():
    with pytest.raises(TypeError):
        format_rupiah(25000.0)  # type: ignore[arg-type]
