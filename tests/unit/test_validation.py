from datetime import date

import pytest

from services import validation as v
from services.errors import UserInputError


def refused(fn, *args, **kwargs) -> UserInputError:
    with pytest.raises(UserInputError) as info:
        fn(*args, **kwargs)
    return info.value


def test_account_numbers_are_digits_only():
    assert v.account_number("acc", " 14047 ") == "14047"
    err = refused(v.account_number, "acc", "14O47")
    assert err.field == "acc" and "angka" in err.message


def test_nik_is_sixteen_digits():
    assert v.nik("ktp", "3515081208970001") == "3515081208970001"
    assert "16 digit" in refused(v.nik, "ktp", "12345678900876").message


def test_phone_numbers_normalise_and_refuse_garbage():
    assert v.phone("hp", "+62 812-3456-7890") == "081234567890"
    assert v.phone("phone", "0319909221", mobile=False) == "0319909221"
    assert "08" in refused(v.phone, "hp", "0319909221").message
    assert refused(v.phone, "hp", "0812").field == "hp"


def test_amounts_above_zero_and_within_limits():
    assert v.amount("amount", "25.000", minimum=10_000, maximum=20_000_000) == 25_000
    assert "lebih dari nol" in refused(v.amount, "amount", "0", minimum=1, maximum=10).message
    assert "Rp 10.000" in refused(v.amount, "amount", "5000", minimum=10_000, maximum=20_000_000).message
    assert "Rp 20.000.000" in refused(v.amount, "amount", "20000001", minimum=1, maximum=20_000_000).message
    assert "sen" in refused(v.amount, "amount", "100.5", minimum=1, maximum=1000).message


def test_birth_dates_are_real_and_adult():
    today = date(2026, 11, 21)
    assert v.birth_date("dob", "1997-08-01", today=today) == date(1997, 8, 1)
    assert "17" in refused(v.birth_date, "dob", "2015-01-01", today=today).message
    assert "format" in refused(v.birth_date, "dob", "01-08-1997", today=today).message
    assert refused(v.birth_date, "dob", "2027-01-01", today=today).field == "dob"


def test_new_password_rules():
    assert v.new_password("new", "T6jkl4s1", "T6jkl4s1", "T6jkl4ss") == "T6jkl4s1"
    assert refused(v.new_password, "new", "short1", "short1", "x").field == "new"
    assert refused(v.new_password, "new", "T6jkl4s1", "T6jkl4s2", "x").field == "confirm"
    assert refused(v.new_password, "new", "T6jkl4ss", "T6jkl4ss", "T6jkl4ss").field == "new"
