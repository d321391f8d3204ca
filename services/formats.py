"""How a value is shown to the agent and the customer: one formatter per kind, for every
screen and every receipt.

- money: ``format_money`` (integer rupiah, ``Rp 1.234``) and ``money_text`` (a host's
  amount string, shown as sent when it is not whole rupiah);
- an ID (a participant, customer, account or reference number): ``format_id``, exactly as
  sent, never through a number formatter (leading zeros are part of it); a NIK or a card
  number where it leaves the counter: ``masked`` (``466573******0117``);
- a quantity (a water usage in m3): ``format_quantity``, the Indonesian
  way (``18000`` -> ``18.000``), never an ID's formatter the other way round;
- a billing period: ``format_period`` (``MEI16`` -> ``Mei 2016``);
- a calendar date: ``format_date`` (``20111208``, ``08122011`` or ``08DES11`` -> ``08 Des 2011``);
- a moment: ``format_moment`` (``2026-12-05T19:52:00+07:00`` -> ``05/12/2026 19:52 WIB``);
- a bank: ``bank_name`` (``008`` -> ``BANK MANDIRI``, whatever short name a switch sent).

A value that does not have its kind's shape is shown as the host sent it: the formatter
never guesses.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from services.clock import format_wib
from services.money import MoneyError, format_rupiah, parse_rupiah

format_money = format_rupiah


def money_text(value: str) -> str:
    """A host amount (``"000000050000"``, ``"25500.0"``) as ``Rp 50.000``; as sent when it
    carries sen or does not parse."""
    try:
        return format_rupiah(parse_rupiah(value.strip()))
    except MoneyError:
        return value


_QUANTITY = re.compile(r"^(\d+)(?:\.(\d+))?$")
# A from-to pair of readings, as PLN's stand meter is sent (00000100-00000200; the document's
# "?" is the dash its conversion lost)
_QUANTITY_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*[-?\u2013]\s*(\d+(?:\.\d+)?)$")


def _quantity(text: str) -> str | None:
    match = _QUANTITY.match(text)
    if match is None:
        return None
    whole = f"{int(match.group(1)):,}".replace(",", ".")
    return f"{whole},{match.group(2)}" if match.group(2) else whole


def format_quantity(value: object) -> str:
    """A count or a measure as Indonesians write it: dots between thousands, a decimal comma
    (``18000`` -> ``18.000``, ``1234.5`` -> ``1.234,5``, ``00050000`` -> ``50.000``); a
    from-to pair as ``50.000 - 60.000`` (plain ASCII: a thermal printer prints it); else as
    sent. Never for an ID (``format_id``), nor for PLN's stand meter, which is shown as the
    bank sends it (``products.spec.QUANTITY_DETAILS``)."""
    text = str(value).strip()
    shown = _quantity(text)
    if shown is not None:
        return shown
    if match := _QUANTITY_RANGE.match(text):
        first, last = _quantity(match.group(1)), _quantity(match.group(2))
        if first is not None and last is not None:
            return f"{first} - {last}"
    return text


def format_id(value: object) -> str:
    """An identifying number as the host sent it, leading zeros and all."""
    return str(value).strip()


def masked(number: str) -> str:
    """A number that leaves the counter on paper or sits in a list (a NIK, a credit card's
    number): its first six and last four digits only, the card industry's rule for a card
    number shown (PCI DSS) and the one the receipts keep for a NIK. Enough for the customer
    to recognise it; not enough to use it if the paper is lost. Ten digits or fewer are as
    sent: masking would leave nothing hidden."""
    number = number.strip()
    if len(number) <= 10:
        return number
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


# -- periods -----------------------------------------------------------------------------
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_ABBREVIATIONS = {
    **{name.upper(): number for number, name in enumerate(MONTHS, 1)},
    # English and other spellings the hosts use; PEB is BNI Keagenan's own (PLN's bl_th, tgl_reg)
    "MAY": 5, "AUG": 8, "AGT": 8, "OCT": 10, "DEC": 12, "AGS": 8, "PEB": 2,
}
_MONTH = re.compile(r"^([A-Za-z]{3})\s*'?(\d{2}|\d{4})$")


def _month_year(abbreviation: str, year: str) -> str | None:
    """``("MEI", "16")`` -> ``"Mei 2016"``; None for a month no host spells that way."""
    number = _ABBREVIATIONS.get(abbreviation.upper())
    if number is None:
        return None
    return f"{MONTHS[number - 1]} {year if len(year) == 4 else '20' + year}"


def _month(text: str) -> str | None:
    match = _MONTH.match(text.strip())
    return _month_year(match.group(1), match.group(2)) if match else None


def format_period(text: str) -> str:
    """``MEI16`` -> ``Mei 2016``; ``NOV12, DEC12`` -> ``Nov 2012, Des 2012``; else as sent.

    The hosts write months as Indonesian or English abbreviations with two-digit years; a
    period in another shape is still the host's."""
    parts = [part.strip() for part in text.split(",")]
    shown = [_month(part) for part in parts]
    if not text.strip() or any(month is None for month in shown):
        return text
    return ", ".join(month for month in shown if month)


# -- dates -------------------------------------------------------------------------------
# ddMMMyy, with or without a space or dash between the parts: PLN Non-taglis's tgl_reg
# (08DES11), a multifinance due date (27 OCT 11), a train's departure (29-JUL-11)
_DATE_WIRE = re.compile(r"^(\d{2})[ -]?([A-Za-z]{3})[ -]?(\d{2})$")
_DATE_DASHED = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")  # dd-mm-yyyy: BPJS's h_expiredDate
# Two eight-digit dates, from and to: a multifinance due date (20121224-20121224; the
# document's "?" is the dash its conversion lost)
_DATE_RANGE = re.compile(r"^(\d{8})\s*[-?\u2013]\s*(\d{8})$")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _eight_digits(text: str) -> date | None:
    """``yyyymmdd`` (``20111208``) or ``ddmmyyyy`` (``11102012``, a credit card statement):
    never both, because the month of the one would be the century (19, 20) of the other."""
    as_ymd = _day(int(text[:4]), int(text[4:6]), int(text[6:]))
    if as_ymd is not None:
        return as_ymd
    year = int(text[4:])
    return _day(year, int(text[2:4]), int(text[:2])) if 1900 <= year <= 2099 else None


def _wire_date(text: str) -> date | None:
    """A date in one of the shapes the hosts send; None for another shape or a day that is not."""
    if len(text) == 8 and text.isdigit():
        return _eight_digits(text)
    if match := _DATE_DASHED.match(text):
        return _day(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if (match := _DATE_WIRE.match(text)) and match.group(2).upper() in _ABBREVIATIONS:
        return _day(2000 + int(match.group(3)), _ABBREVIATIONS[match.group(2).upper()], int(match.group(1)))
    return None


def _date_text(day: date) -> str:
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def format_date(text: str) -> str:
    """A host's date as ``08 Des 2011``, from ``20111208``, ``08122011``, ``08-12-2011``,
    ``08DES11`` or ``08 DEC 11``; a from-to pair of them as ``25 Nov 2013 – 05 Des 2013``
    (one date when both are the same day); else as sent.

    The month is written as a bill's period writes it ("Mei 2016"), so the lines of one bill
    read alike, and the screens put both in the agent's language; a wire format is never
    what the agent or the customer reads."""
    text = text.strip()
    day = _wire_date(text)
    if day is not None:
        return _date_text(day)
    if match := _DATE_RANGE.match(text):
        first, last = _eight_digits(match.group(1)), _eight_digits(match.group(2))
        if first is not None and last is not None:
            return _date_text(first) if first == last else f"{_date_text(first)} \u2013 {_date_text(last)}"
    return text


def format_period_or_date(text: str) -> str:
    """A bill's period, or the date a bill names in its place (a multifinance due date, a
    train's departure): ``format_period``, else ``format_date``, else as sent."""
    shown = format_period(text)
    return shown if shown != text else format_date(text)


# -- moments -----------------------------------------------------------------------------
def format_moment(value: datetime | str) -> str:
    """A moment in WIB, ``05/12/2026 19:52 WIB``, from a datetime or an ISO-8601 text with
    its offset (DOKU's ``2026-12-05T19:52:00+07:00``); a text without an offset or in
    another shape is shown as sent, as its zone would be a guess. So is one without a WIB time
    in Python's calendar (``0001-01-01T00:00:00+08:00``, .NET's date never set at UTC+8)."""
    if isinstance(value, datetime):
        return format_wib(value)
    try:
        moment = datetime.fromisoformat(value.strip())
        return value if moment.tzinfo is None else format_wib(moment)
    except (ValueError, OverflowError):
        return value


# -- banks -------------------------------------------------------------------------------
# One name per bank, by the codes the hosts use: the Bank+ bank list's codes (its "Get Bank
# List" example, the names the agent picks from) and the BICs the Switcher and BCA's SNAP
# name banks by. A switch's short name ("MANDRI" in Bank+'s interbank answer) never
# reaches the customer when the code is known here.
BANK_NAMES: dict[str, str] = {
    "002": "BRI", "008": "BANK MANDIRI", "012": "BANK BCA", "009": "BNI 46", "011": "BANK DANAMON",
    "013": "BANK PERMATA", "016": "MAYBANK", "019": "BANK PANIN", "022": "BANK CIMB NIAGA",
    "023": "BANK UOB INDONESIA",
    "BRINIDJA": "BANK BRI", "BMRIIDJA": "BANK MANDIRI", "BNINIDJA": "BANK BNI", "BNIAIDJA": "BANK CIMB NIAGA",
    "BDINIDJA": "BANK DANAMON", "BBBAIDJA": "BANK PERMATA", "SYNIIDJ1": "BANK SYARIAH INDONESIA",
    "BTANIDJA": "BANK TABUNGAN NEGARA", "CENAIDJA": "BANK BCA",
}


def bank_name(code: str, sent: str = "") -> str:
    """The bank's name for ``code``; else ``sent`` (the name the host or its bank list
    gave); else the code itself."""
    code = code.strip()
    return BANK_NAMES.get(code.upper()) or sent.strip() or code


def bank_text(code: str, sent: str = "") -> str:
    """``BANK MANDIRI (008)``: the bank's one name with the code a transfer went to, where
    the agent typed or the paper needs the code too."""
    name = bank_name(code, sent)
    return f"{name} ({code.strip()})" if code.strip() and name != code.strip() else name
