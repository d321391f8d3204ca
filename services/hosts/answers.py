"""Is this answer about the request that was sent? The checks every host client shares.

A proxy that replays an earlier answer, a keep-alive connection shifted by a duplicated
answer, or a confused host can hand a client a well-formed success that belongs to another
payment. Each client therefore compares what its answer echoes (reference, account or
customer, amount, product) with what it sent, and checks that the figures add up. Any
difference is ``AnswerMismatch``: the payment is SUSPECT with the reason, never SUCCESS.

Host codes are compared after normalising type and whitespace (``normal_code``): ``0``,
``"0"``, ``"00 "`` and ``"00"`` are the same code, so a host that sends its code as a JSON
number or with a trailing space is neither refused nor misread.
"""

from __future__ import annotations

import re
from typing import Any

from services.errors import AnswerMismatch, MaybeSent
from services.money import MoneyError, parse_rupiah

# No counter payment comes near this (Rp 10 trillion); a host figure above it is a broken or
# hostile answer, and it would overflow arithmetic further on (SQLite keeps 64-bit integers).
MAX_RUPIAH = 10**13

_NUMERIC = re.compile(r"^-?\d+$")


def normal_code(value: Any) -> str:
    """A host code as one comparable text: stripped; numeric codes as at least two digits
    without further leading zeros (``0`` -> ``"00"``, ``"0108"`` -> ``"108"``, ``" -1"`` -> ``"-1"``)."""
    if value is None or isinstance(value, bool):
        return ""
    text = str(value).strip()
    if _NUMERIC.match(text):
        number = int(text)
        return str(number) if number < 0 else f"{number:02d}"
    return text


def success_under(host: str, http_status: int, operation: str) -> None:
    """A payment's answer that says success must come under HTTP 200 (Bank+, the Switcher,
    BNI Keagenan: their documents show every answer so and name no other status). A success
    under 202 ("accepted, not finished"), or under a 4xx (the request was in error, or seen
    before), contradicts itself: the host may have booked the payment or may not, so it is
    ``MaybeSent`` (SUSPECT, settled by a status check or by hand), never SUCCESS. A refusal
    under a 4xx stays a refusal: it is read by the host's table as under 200. The SNAP hosts
    hold the same rule through their codes, which carry the HTTP status
    (``services.hosts.snap.codes.check``)."""
    if http_status != 200:
        raise MaybeSent(host=host, detail=f"{operation}: HTTP {http_status} with a success answer")


def stated(value: Any) -> bool:
    """The answer says something here: a value that is not null or blank. ``0``, ``false``,
    ``{}`` or a list are statements too (wrong ones), never taken for a field left out."""
    return value is not None and not (isinstance(value, str) and not value.strip())


class AnswerCheck:
    """Collects what an answer says against what was sent; ``raise_if_any`` at the end."""

    def __init__(self, host: str, operation: str) -> None:
        self.host = host
        self.operation = operation
        self.reasons: list[str] = []

    def same(self, name: str, answered: Any, sent: Any) -> None:
        """``answered`` must equal ``sent`` when the answer carries the field at all."""
        if answered is None or sent is None:
            return
        if str(answered).strip() != str(sent).strip():
            self.reasons.append(f"{name} {str(answered).strip()!r} != {str(sent).strip()!r}")

    def present(self, name: str, value: Any) -> None:
        """A field the host's answers always carry (its document's example): an answer
        without it is not provably about this payment."""
        if value is None or not str(value).strip():
            self.reasons.append(f"{name} tidak ada")

    def same_account(self, name: str, answered: Any, sent: Any) -> None:
        """Account numbers may come back zero-padded or spaced: compare the digits."""
        if answered is None or sent is None or str(answered).strip() == "":
            return
        a, b = str(answered).replace(" ", "").lstrip("0"), str(sent).replace(" ", "").lstrip("0")
        if a != b:
            self.reasons.append(f"{name} {str(answered).strip()!r} != {str(sent).strip()!r}")

    def money(self, name: str, value: Any, *, required: bool = False) -> int | None:
        """A figure of the answer as rupiah; absent (and not required) gives None."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.reasons.append(f"{name} tidak ada")
            return None
        try:
            rupiah = parse_rupiah(value)
        except (MoneyError, OverflowError, ValueError) as exc:
            self.reasons.append(f"{name} tidak terbaca ({value!r}: {exc})")
            return None
        if rupiah < 0:
            self.reasons.append(f"{name} negatif ({rupiah})")
            return None
        if rupiah > MAX_RUPIAH:
            self.reasons.append(f"{name} tidak masuk akal ({rupiah})")
            return None
        return rupiah

    def amount(self, name: str, value: Any, sent: int) -> int | None:
        rupiah = self.money(name, value)
        if rupiah is not None and rupiah != sent:
            self.reasons.append(f"{name} {rupiah} != {sent} yang dikirim")
        return rupiah

    def adds_up(self, amount: int | None, fee: int | None, total: int | None) -> None:
        if amount is not None and fee is not None and total is not None and amount + fee != total:
            self.reasons.append(f"total {total} != nominal {amount} + biaya {fee}")

    def fail(self, reason: str) -> None:
        self.reasons.append(reason)

    def raise_if_any(self) -> None:
        if self.reasons:
            raise AnswerMismatch(f"{self.operation}: " + "; ".join(self.reasons), host=self.host)


def check_figures(host: str, operation: str, *, amount: int, fee: int | None, total: int | None) -> None:
    """``fee``/``total`` the answer confirmed for a payment of ``amount``: not negative, not
    absurd, and total = amount + fee where both are stated."""
    check = AnswerCheck(host, operation)
    for name, value in (("biaya", fee), ("total", total)):
        if value is not None:
            check.money(name, value)
    check.adds_up(amount, fee, total)
    check.raise_if_any()
