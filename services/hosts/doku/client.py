"""DOKU SNAP: create a BNI virtual account (seeds/doku-snap-bni-va-create.txt).

POST /bi-snap-va/bni/v1/transfer-va/create-va, service code 27, CHANNEL-ID VA004, signed
and authorised through ``SnapClient`` (token path from DOKU's public SNAP guide, see
``services.hosts.snap.client``).

Field rules and the decisions where the document contradicts itself (ANALYSIS INC-48):
* ``partnerServiceId`` is 8 characters, left-padded with SPACES (the field table and the
  example " 8412"); the virtualAccountNo row's "left padding 0" is taken as a slip.
* ``virtualAccountNo`` = partnerServiceId + customerNo, padding included.
* ``totalAmount.value`` has 2 decimals ("100000.00"), longer than the table's string(8).
* ``virtualAccountTrxType`` is sent upper-case, "C" (closed: exactly this amount) or
  "O" (open); the example's "c" and the answer's "1" are echoed back untouched.
* ``expiredDate`` is sent in WIB, ``yyyy-MM-ddTHH:mm:ss+07:00`` (the example's -07:00 is
  not Indonesian time).
* ``trxId`` is the journal reference of the transaction, also its X-EXTERNAL-ID, so a
  retry of the same VA creation carries the same numbers.
* The failure example's missing comma (INC-47) only matters to a parser of the document;
  DOKU's real answers are JSON.
* The answer's ``virtualAccountData`` must echo the trxId, VA number and amount sent;
  otherwise ``AnswerMismatch`` (the creation is SUSPECT, never SUCCESS). What the customer
  is then shown of what Loket decided (the VA number, its kind, its amount) is taken from
  the request, as the receipt takes it from the journal: an echo padded with zeros, a type
  "1" or an amount left out must not tell the customer another number or "any amount".
  DOKU's own words (expiry, how-to-pay links) come from the answer. An expiry DOKU
  answered other than the one sent is DOKU's, the one that holds: the service says so
  (``services.hosts.doku.service.ExpiryChange``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.hosts.answers import AnswerCheck
from services.hosts.snap.amounts import amount_rupiah, snap_amount
from services.hosts.snap.client import SnapClient
from services.hosts.snap.signatures import snap_timestamp
from services.money import MoneyError
from services.validation import is_digits

TOKEN_PATH = "/authorization/v1/access-token/b2b"
CREATE_VA_PATH = "/bi-snap-va/bni/v1/transfer-va/create-va"
CHANNEL_ID = "VA004"
PARTNER_SERVICE_ID_LENGTH = 8
CLOSED, OPEN = "C", "O"

# virtualAccountName: the document says only string(255); DOKU's own SDK
# (doku-python-library, CreateVARequest._validate_virtual_acc_name) refuses anything but ASCII
# letters, digits, space and these: . - / + , = _ : ' @ %. The bank is held to its SDK's rule.
VA_NAME_ALLOWED = re.compile(r"[A-Za-z0-9 .\-/+,=_:'@%]*")
# Typographic marks a name is often typed or pasted with, and the ASCII the rule allows.
_ASCII_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                              "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})


def va_name(text: str) -> tuple[str, str]:
    """(the name as DOKU will take it, the characters that cannot be sent).

    Spaces are normalised; letters with accents lose them (``José Muñoz`` -> ``Jose Munoz``,
    NFKD without combining marks) and typographic quotes and dashes become ASCII ones. The
    service shows the agent the result before anything is sent. What is still outside the
    rule (``&``, ``(``, non-Latin letters, emoji) is returned for the agent to correct."""
    name = " ".join(unicodedata.normalize("NFKD", text.translate(_ASCII_MARKS)).split())
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    bad = "".join(dict.fromkeys(ch for ch in name if not VA_NAME_ALLOWED.fullmatch(ch)))
    return name, bad


def pad_partner_service_id(value: str) -> str:
    """``"8412"`` -> ``"    8412"``: the company code right-aligned in 8 characters."""
    code = value.strip()
    if not is_digits(code) or len(code) > PARTNER_SERVICE_ID_LENGTH:
        raise ValueError(f"partnerServiceId must be 1-8 digits: {value!r}")
    return code.rjust(PARTNER_SERVICE_ID_LENGTH, " ")


@dataclass(frozen=True)
class VaRequest:
    """A VA to create; the service layer has validated every field."""

    customer_no: str  # up to 20 digits
    name: str
    trx_type: str  # CLOSED or OPEN
    amount: int | None  # rupiah; required for CLOSED, optional for OPEN
    expires_at: datetime | None = None
    phone: str = ""  # 62xxxxxxxxxx
    email: str = ""


@dataclass(frozen=True)
class VirtualAccount:
    """DOKU's answer (``virtualAccountData``)."""

    partner_service_id: str
    customer_no: str
    virtual_account_no: str  # as sent (padding spaces included), which DOKU's answer echoed
    name: str
    trx_id: str
    amount: int | None
    trx_type: str
    expired_date: str
    how_to_pay_page: str
    how_to_pay_api: str
    # The expiredDate sent ("" for none): DOKU's ``expired_date`` may differ, and DOKU's holds
    # (``services.hosts.doku.service.ExpiryChange``).
    asked_expiry: str = ""

    @property
    def number(self) -> str:
        """The digits the customer keys in at the ATM or in the app (padding removed)."""
        return self.virtual_account_no.replace(" ", "")


class DokuVaClient:
    def __init__(self, snap: SnapClient, partner_service_id: str) -> None:
        self.snap = snap
        self.partner_service_id = pad_partner_service_id(partner_service_id)

    def request_body(self, request: VaRequest, trx_id: str) -> dict[str, Any]:
        body: dict[str, Any] = {
            "partnerServiceId": self.partner_service_id,
            "customerNo": request.customer_no,
            "virtualAccountNo": self.partner_service_id + request.customer_no,
            "virtualAccountName": request.name,
        }
        if request.email:
            body["virtualAccountEmail"] = request.email
        if request.phone:
            body["virtualAccountPhone"] = request.phone
        body["trxId"] = trx_id
        # The document marks totalAmount optional; DOKU's SDK always sends it, "0.00" for an
        # open VA without a fixed amount, and so does Loket.
        body["totalAmount"] = snap_amount(request.amount or 0)
        body["additionalInfo"] = {}
        body["virtualAccountTrxType"] = request.trx_type
        if request.expires_at is not None:
            body["expiredDate"] = snap_timestamp(request.expires_at)
        return body

    def create_va(self, body: dict[str, Any]) -> tuple[VirtualAccount, dict[str, Any]]:
        """Send a body built by ``request_body`` (X-EXTERNAL-ID = its trxId); returns the VA and
        DOKU's whole answer (for the journal)."""
        answer = self.snap.post(CREATE_VA_PATH, body, external_id=body["trxId"], money=True)
        answered = answer.get("virtualAccountData") or {}
        check = AnswerCheck(self.snap.host, "buat VA")
        if not isinstance(answered, dict):
            check.fail("virtualAccountData bukan objek")
            answered = {}
        # The document's answers always echo both: an answer without them is about no VA in particular.
        check.present("trxId", answered.get("trxId"))
        check.present("virtualAccountNo", answered.get("virtualAccountNo"))
        check.same("trxId", answered.get("trxId"), body["trxId"])
        check.same_account("virtualAccountNo", answered.get("virtualAccountNo"), body["virtualAccountNo"])
        if answered.get("totalAmount") is not None and body.get("totalAmount"):  # stated at all: must read
            try:
                check.amount("totalAmount", amount_rupiah(answered["totalAmount"]), amount_rupiah(body["totalAmount"]))
            except (MoneyError, ValueError, TypeError, ArithmeticError) as exc:
                check.fail(f"totalAmount tidak terbaca: {exc}")
        check.raise_if_any()
        data = {**body, **answered}
        how = data.get("howToPayInfo")
        how = how if isinstance(how, dict) else {}  # text for the receipt only: a wrong shape is left out
        return VirtualAccount(
            partner_service_id=str(data["partnerServiceId"]),
            customer_no=str(data["customerNo"]),
            # As sent, not as answered: the answer was held to the same digits above, but the
            # document pads partnerServiceId with spaces in one row and zeros in another, and a
            # zero-padded echo would show the customer a longer number than the receipt prints.
            virtual_account_no=str(body["virtualAccountNo"]),
            name=str(data["virtualAccountName"]),
            trx_id=str(data["trxId"]),
            # Kind and amount as sent too: the document's own answer echoes "1" for the type, and
            # an answer may leave the amount out; read from it, a closed VA would be shown to the
            # customer as "nominal bebas" while its receipt (from the journal) says "Bayar tepat".
            amount=_fixed_amount(body),
            trx_type=str(body.get("virtualAccountTrxType", "")),
            expired_date=str(data.get("expiredDate", "")),
            how_to_pay_page=str(how.get("howToPayPage", "")),
            how_to_pay_api=str(how.get("howToPayApi", "")),
            asked_expiry=str(body.get("expiredDate", "")),
        ), answer


def _fixed_amount(data: dict[str, Any]) -> int | None:
    """The VA's amount in rupiah; None for an open VA sent with "0.00" (no fixed amount)."""
    amount = amount_rupiah(data["totalAmount"]) if data.get("totalAmount") else None
    if amount == 0 and str(data.get("virtualAccountTrxType", "")).upper() == OPEN:
        return None
    return amount
