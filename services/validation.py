"""Field validation, run before any request: bad input is refused at the field with an
Indonesian message that says what to type, and never reaches a host."""

from __future__ import annotations

import re
from datetime import date, datetime

from services.errors import UserInputError
from services.money import MoneyError, format_rupiah, parse_rupiah

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z .,'\-]*$")


def required(field: str, value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise UserInputError(field, f"{label} wajib diisi.")
    return value


def digits(field: str, value: str, label: str, *, min_len: int = 1, max_len: int = 32) -> str:
    value = required(field, value, label).replace(" ", "").replace("-", "")
    if not value.isdigit():
        raise UserInputError(field, f"{label} hanya boleh berisi angka.")
    if not min_len <= len(value) <= max_len:
        size = f"{min_len}" if min_len == max_len else f"{min_len}–{max_len}"
        raise UserInputError(field, f"{label} harus {size} digit.")
    return value


def account_number(field: str, value: str, label: str = "Nomor rekening") -> str:
    return digits(field, value, label, min_len=3, max_len=20)


def nik(field: str, value: str) -> str:
    return digits(field, value, "NIK", min_len=16, max_len=16)


def pin(field: str, value: str, label: str = "PIN") -> str:
    return digits(field, value, label, min_len=6, max_len=6)


def phone(field: str, value: str, label: str = "Nomor HP", *, mobile: bool = True) -> str:
    value = required(field, value, label).replace(" ", "").replace("-", "")
    if value.startswith("+62"):
        value = "0" + value[3:]
    elif value.startswith("62") and mobile:
        value = "0" + value[2:]
    if not value.isdigit() or not value.startswith("0"):
        raise UserInputError(field, f"{label} harus diawali 0 dan berisi angka, contoh 081234567890.")
    if mobile and not value.startswith("08"):
        raise UserInputError(field, f"{label} harus nomor seluler yang diawali 08.")
    if not 9 <= len(value) <= 13:
        raise UserInputError(field, f"{label} harus 9–13 digit.")
    return value


def email(field: str, value: str) -> str:
    value = required(field, value, "Email")
    if not _EMAIL.match(value):
        raise UserInputError(field, "Alamat email tidak valid, contoh nama@email.com.")
    return value


def person_name(field: str, value: str, label: str = "Nama") -> str:
    value = " ".join(required(field, value, label).split())
    if not _NAME.match(value):
        raise UserInputError(field, f"{label} hanya boleh berisi huruf, spasi dan tanda baca nama.")
    if len(value) > 60:
        raise UserInputError(field, f"{label} paling panjang 60 huruf.")
    return value


def amount(field: str, value: str | int, *, minimum: int, maximum: int, label: str = "Nominal") -> int:
    if isinstance(value, str) and not value.strip():
        raise UserInputError(field, f"{label} wajib diisi.")
    try:
        rupiah = parse_rupiah(value)
    except MoneyError:
        raise UserInputError(field, f"{label} harus berupa angka rupiah tanpa sen.") from None
    if rupiah <= 0:
        raise UserInputError(field, f"{label} harus lebih dari nol.")
    if rupiah < minimum:
        raise UserInputError(field, f"{label} paling sedikit {format_rupiah(minimum)}.")
    if rupiah > maximum:
        raise UserInputError(field, f"{label} paling banyak {format_rupiah(maximum)}.")
    return rupiah


def birth_date(field: str, value: str | date, *, today: date, min_age: int = 17) -> date:
    if isinstance(value, str):
        try:
            value = datetime.strptime(value.strip(), "%Y-%m-%d").date()
        except ValueError:
            raise UserInputError(field, "Tanggal lahir tidak valid (format TTTT-BB-HH).") from None
    if value >= today:
        raise UserInputError(field, "Tanggal lahir harus sebelum hari ini.")
    age = today.year - value.year - ((today.month, today.day) < (value.month, value.day))
    if age < min_age:
        raise UserInputError(field, f"Nasabah harus berusia minimal {min_age} tahun.")
    if age > 120:
        raise UserInputError(field, "Tanggal lahir tidak masuk akal; periksa tahunnya.")
    return value


def new_password(field: str, value: str, confirm: str, old: str) -> str:
    if len(value) < 8:
        raise UserInputError(field, "Password baru minimal 8 karakter.")
    if not (re.search(r"[A-Za-z]", value) and re.search(r"\d", value)):
        raise UserInputError(field, "Password baru harus berisi huruf dan angka.")
    if value == old:
        raise UserInputError(field, "Password baru harus berbeda dari password lama.")
    if value != confirm:
        raise UserInputError("confirm", "Konfirmasi password tidak sama dengan password baru.")
    return value
