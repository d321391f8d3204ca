"""The sender of a transfer: the customer who hands the cash over at the counter.

No transfer document carries the sender (Bank+ sends the beneficiary only, the Switcher and
BCA debit the agent's own account), yet the customer's receipt must say who sent the money,
and the counter must be able to say later who asked for a transfer. So the agent may type
the sender's name and mobile number on the confirmation step; they are recorded with the
transaction as its first journal event (``Journal.begin(approval=…)``, chained with the
row, ``JournalRow.declared``) and printed on the receipt. Both are optional: a customer
who gives neither still gets the transfer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from services import validation as v
from services.i18n import QT_TRANSLATE_NOOP

NAME_KEY, PHONE_KEY = "sender_name", "sender_phone"  # the journal's names, and the inputs'


@dataclass(frozen=True)
class Sender:
    name: str = ""
    phone: str = ""

    @classmethod
    def from_inputs(cls, inputs: Mapping[str, Any]) -> "Sender":
        """Checked at the fields (``sender_name``, ``sender_phone``); empty is allowed."""
        name = " ".join(str(inputs.get(NAME_KEY) or "").split())
        phone = str(inputs.get(PHONE_KEY) or "").strip()
        return cls(
            name=v.person_name(NAME_KEY, name, QT_TRANSLATE_NOOP("errors", "Nama pengirim")) if name else "",
            phone=v.phone(PHONE_KEY, phone, QT_TRANSLATE_NOOP("errors", "Nomor HP pengirim")) if phone else "",
        )

    def recorded(self) -> dict[str, str] | None:
        """What the journal keeps: the fields given, or None for no sender at all."""
        given = {key: value for key, value in ((NAME_KEY, self.name), (PHONE_KEY, self.phone)) if value}
        return given or None


def receipt_lines(declared: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The sender's lines on a receipt, from what the journal recorded with the row."""
    lines = [("Pengirim", str(declared.get(NAME_KEY) or "")), ("HP pengirim", str(declared.get(PHONE_KEY) or ""))]
    return [(label, value) for label, value in lines if value]
