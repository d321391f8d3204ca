"""Field validation, run before any request: bad input is refused at the field with an
Indonesian message that says what to type, and never reaches a host."""

from __future__ import annotations

import re
from datetime import date, datetime

from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.money import MoneyError, format_rupiah, parse_rupiah

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z .,'\-]*$")


def is_digits(text: object) -> bool:
    """Only ASCII 0-9, at least one. ``str.isdigit`` also accepts Arabic-Indic (٣), full-width
    (３) and superscript (³) digits, which a host would receive exactly as typed."""
    return isinstance(text, str) and text.isascii() and text.isdigit()


def required(field: str, value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} wajib diisi."), label=label))
    return value


def digits(field: str, value: str, label: str, *, min_len: int = 1, max_len: int = 32) -> str:
    value = required(field, value, label).replace(" ", "").replace("-", "")
    if not is_digits(value):
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "{label} hanya boleh berisi angka."), label=label))
    if not min_len <= len(value) <= max_len:
        size = f"{min_len}" if min_len == max_len else f"{min_len}–{max_len}"
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "{label} harus {size} digit."), label=label, size=size))
    return value


def account_number(field: str, value: str, label: str = QT_TRANSLATE_NOOP("errors", "Nomor rekening")) -> str:
    return digits(field, value, label, min_len=3, max_len=20)


def nik(field: str, value: str) -> str:
    return digits(field, value, QT_TRANSLATE_NOOP("errors", "NIK"), min_len=16, max_len=16)


def pin(field: str, value: str, label: str = QT_TRANSLATE_NOOP("errors", "PIN")) -> str:
    return digits(field, value, label, min_len=6, max_len=6)


def phone(field: str, value: str, label: str = QT_TRANSLATE_NOOP("errors", "Nomor HP"), *, mobile: bool = True) -> str:
    value = required(field, value, label).replace(" ", "").replace("-", "")
    if value.startswith("+62"):
        value = "0" + value[3:]
    elif value.startswith("62") and mobile:
        value = "0" + value[2:]
    if not is_digits(value) or not value.startswith("0"):
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} harus diawali 0 dan berisi angka, "
                                                                          "contoh 081234567890."), label=label))
    if mobile and not value.startswith("08"):
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} harus nomor seluler yang diawali "
                                                                          "08."), label=label))
    if not 9 <= len(value) <= 13:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} harus 9–13 digit."), label=label))
    return value


def email(field: str, value: str) -> str:
    value = required(field, value, QT_TRANSLATE_NOOP("errors", "Email"))
    if not EMAIL.match(value):
        raise UserInputError(field, QT_TRANSLATE_NOOP("errors", "Alamat email tidak valid, contoh nama@email.com."))
    return value


def person_name(field: str, value: str, label: str = QT_TRANSLATE_NOOP("errors", "Nama")) -> str:
    value = " ".join(required(field, value, label).split())
    if not _NAME.match(value):
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} hanya boleh berisi huruf, spasi "
                                                                          "dan tanda baca nama."), label=label))
    if len(value) > 60:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "{label} paling panjang 60 huruf."), label=label))
    return value


def amount(field: str, value: str | int, *, minimum: int, maximum: int,
           label: str = QT_TRANSLATE_NOOP("errors", "Nominal")) -> int:
    if isinstance(value, str) and not value.strip():
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} wajib diisi."), label=label))
    try:
        rupiah = parse_rupiah(value)
    except MoneyError:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} harus berupa angka rupiah tanpa "
                                                                          "sen."), label=label)) from None
    if rupiah <= 0:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "{label} harus lebih dari nol."), label=label))
    if rupiah < minimum:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "{label} paling sedikit {minimum}."), label=label,
                                              minimum=format_rupiah(minimum)))
    if rupiah > maximum:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "{label} paling banyak {maximum}."), label=label,
                                              maximum=format_rupiah(maximum)))
    return rupiah


def birth_date(field: str, value: str | date, *, today: date, min_age: int = 17) -> date:
    if isinstance(value, str):
        required(field, value, QT_TRANSLATE_NOOP("errors", "Tanggal lahir"))
        try:
            value = datetime.strptime(value.strip(), "%Y-%m-%d").date()
        except ValueError:
            raise UserInputError(field, QT_TRANSLATE_NOOP("errors",
                                                          "Tanggal lahir tidak valid (format TTTT-BB-HH).")) from None
    if value >= today:
        raise UserInputError(field, QT_TRANSLATE_NOOP("errors", "Tanggal lahir harus sebelum hari ini."))
    age = today.year - value.year - ((today.month, today.day) < (value.month, value.day))
    if age < min_age:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "Nasabah harus berusia minimal {min_age} "
                                                                          "tahun."), min_age=min_age))
    if age > 120:
        raise UserInputError(field, QT_TRANSLATE_NOOP("errors", "Tanggal lahir tidak masuk akal; periksa tahunnya."))
    return value


def new_password(field: str, value: str, confirm: str, old: str) -> str:
    if len(value) < 8:
        raise UserInputError(field, QT_TRANSLATE_NOOP("errors", "Password baru minimal 8 karakter."))
    if not (re.search(r"[A-Za-z]", value) and re.search(r"\d", value)):
        raise UserInputError(field, QT_TRANSLATE_NOOP("errors", "Password baru harus berisi huruf dan angka."))
    if value == old:
        raise UserInputError(field, QT_TRANSLATE_NOOP("errors", "Password baru harus berbeda dari password lama."))
    if value != confirm:
        raise UserInputError("confirm", QT_TRANSLATE_NOOP("errors",
                                                          "Konfirmasi password tidak sama dengan password baru."))
    return value
