"""Sandbox SNAP hosts: DOKU (BNI virtual accounts) and BCA (balance, inquiry, transfer,
status, statement), checking what the real hosts check.

Every call is checked the way the SNAP documents describe, in this order, and refused with
the SNAP responseCode (HTTP status + service code + case code) and the HTTP status it
starts with:

access token (service 73)
  X-CLIENT-KEY unknown -> 401xx00 "Unauthorized. [Unknown client]"
  X-TIMESTAMP missing / not ISO-8601 -> 400xx02 / 400xx01; more than
  ``timestamp_tolerance`` seconds (default 300) from the host clock -> 401xx00
  "Unauthorized. [X-TIMESTAMP]"
  X-SIGNATURE not SHA256withRSA(clientId|X-TIMESTAMP) under the registered public key
  -> 401xx00 "Unauthorized. [Signature]"
  grantType missing / not client_credentials -> 400xx02 / 400xx01
service calls
  no Bearer token -> 401xx03 "Token Not Found (B2B)"; unknown or expired token ->
  401xx01 "Invalid Token (B2B)"
  X-TIMESTAMP as above; X-PARTNER-ID not ours -> 401xx00 "Unauthorized. [Unknown partner]";
  CHANNEL-ID not ours -> 400xx01
  X-SIGNATURE not HMAC-SHA512 over the RECEIVED bytes -> 401xx00 "Unauthorized. [Signature]"
  X-EXTERNAL-ID missing / not numeric -> 400xx02 / 400xx01; already used today -> 409xx00
  "Conflict" (only a call that passed every check above uses up its X-EXTERNAL-ID: a
  refused token means the bank never looked at the request)
then the service's own field and business rules (see each host).

Decisions where the documents are silent, made here and nowhere else:
* The timestamp tolerance (5 minutes) and the "[reason]" texts of 401xx00.
* DOKU's token answer carries ``expiresIn`` as a number, BCA's as a string ("900"):
  both shapes occur in the wild, and the client must take both.
* Public key: ``public_key_path`` (the CLI's ``--public-key FILE``) or ``public_key_pem``
  (the app registers its own key when it runs the sandbox in-process); with neither, the
  built-in TEST key of ``snap_test_key``, whose private half ``credentials()`` prints.
* Sandbox-only business rules, each reachable so every documented code can be exercised:
  DOKU closed VA below Rp 10.000 -> 4042713 Invalid Amount; BCA transfer above
  Rp 100.000.000 -> 4031702; the dormant and blocked test accounts in ``BCA_ACCOUNTS``.
"""

from __future__ import annotations

import itertools
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

from services.clock import WIB, Clock
from services.hosts import bca as bca_api
from services.hosts import doku_va as doku_api
from services.hosts.snap.codes import (
    SERVICE_ACCOUNT_INQUIRY_EXTERNAL,
    SERVICE_ACCOUNT_INQUIRY_INTERNAL,
    SERVICE_BALANCE,
    SERVICE_CREATE_VA,
    SERVICE_STATEMENT,
    SERVICE_TOKEN_B2B,
    SERVICE_TRANSFER_INTERBANK,
    SERVICE_TRANSFER_INTRABANK,
    SERVICE_TRANSFER_STATUS,
)
from services.hosts.snap.keys import load_private_key, load_public_key, public_key_pem
from services.hosts.snap.signatures import snap_timestamp, verify_service_signature, verify_token_signature
from services.sandbox.base import FaultPlan, Request, Response, SimulatedHost
from services.sandbox.snap_test_key import TEST_PRIVATE_KEY_PEM
from services.validation import is_digits

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}|Z)$")
_AMOUNT = re.compile(r"^\d{1,16}\.\d{2}$")


def parse_timestamp(value: str) -> datetime | None:
    if not isinstance(value, str) or not _TIMESTAMP.match(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


class Refusal(Exception):
    """Raised inside a handler: answer with this SNAP code and message."""

    def __init__(self, http: int, case: str, message: str) -> None:
        self.http, self.case, self.message = http, case, message
        super().__init__(message)


def mandatory(body: dict[str, Any], *names: str) -> None:
    """Dotted names ("amount.value") that must be present and non-empty, in order."""
    for name in names:
        value: Any = body
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value in (None, ""):
            raise Refusal(400, "02", f"Invalid Mandatory Field {name}")


def amount_value(amount: Any, name: str) -> int:
    """Sen from a SNAP amount object, refusing anything but "123.45" IDR."""
    if not isinstance(amount, dict) or amount.get("currency") != "IDR" or not _AMOUNT.match(str(amount.get("value"))):
        raise Refusal(400, "01", f"Invalid Field Format {name}")
    whole, cents = str(amount["value"]).split(".")
    return int(whole) * 100 + int(cents)


@dataclass
class _Token:
    client_key: str
    expires: datetime


class SnapSandbox(SimulatedHost):
    """What DOKU and BCA share: the token endpoint and the checks on every service call."""

    token_path = ""
    client_key = ""
    client_secret = ""
    partner_id = ""
    channel_id = ""
    expires_in_as_text = False

    def __init__(self, *, faults: FaultPlan | None = None, ledger_path: Path | str | None = None,
                 public_key_path: Path | str | None = None, public_key_pem: str | None = None,
                 clock: Clock | None = None, timestamp_tolerance: float = 300.0,
                 token_seconds: int = 900) -> None:
        super().__init__(faults=faults, ledger_path=ledger_path)
        self.clock = clock or Clock()
        self.timestamp_tolerance = timedelta(seconds=timestamp_tolerance)
        self.token_seconds = token_seconds
        if public_key_path:
            self.key_source = str(public_key_path)
            self.public_key = load_public_key(Path(public_key_path).read_bytes())
        elif public_key_pem:
            self.key_source = "registered by the application"
            self.public_key = load_public_key(public_key_pem)
        else:
            self.key_source = "built-in test key (services/sandbox/snap_test_key.py)"
            self.public_key = load_private_key(TEST_PRIVATE_KEY_PEM).public_key()
        self._tokens: dict[str, _Token] = {}
        self._external_ids: dict[str, set[str]] = {}
        self.tokens_issued = 0
        self._service_of: dict[str, str] = {self.token_path: SERVICE_TOKEN_B2B}
        self.route(self.token_path, self._access_token)

    # -- registration and answers ------------------------------------------------------
    def service(self, path: str, code: str, handler: Callable[[Request, dict[str, Any]], dict[str, Any]],
                echo: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> None:
        """Route ``path`` (SNAP service ``code``) through the common checks to ``handler``,
        which returns the success fields or raises ``Refusal``; ``echo`` adds fields to a
        refusal (DOKU repeats the VA data in its failure answers)."""
        self._service_of[path] = code

        def guarded(request: Request) -> Response:
            body = request.json()
            try:
                self._check_call(request)
                if not isinstance(body, dict):
                    raise Refusal(400, "00", "Bad Request")
                return self.answer(code, 200, "00", "Successful", handler(request, body))
            except Refusal as refusal:
                extra = echo(body) if echo and isinstance(body, dict) else {}
                return self.answer(code, refusal.http, refusal.case, refusal.message, extra)

        self.route(path, guarded)

    def answer(self, service: str, http: int, case: str, message: str, fields: dict[str, Any] | None = None) -> Response:
        payload = {"responseCode": f"{http}{service}{case}", "responseMessage": message, **(fields or {})}
        response = Response.json(payload, http)
        response.headers["X-TIMESTAMP"] = snap_timestamp(self.clock.now())
        return response

    def malformed_request(self, request: Request) -> Response:
        return self.answer(self._service_of.get(request.path, "00"), 400, "00", "Bad Request")

    def unknown_code_answer(self, body: dict[str, Any], code: str, text: str) -> dict[str, Any]:
        """A 403 case code the SNAP table does not list (9x), worded with the ISO text."""
        service = str(body.get("responseCode", "2000000"))[3:5]
        return {"responseCode": f"403{service}9{code[-1]}", "responseMessage": f"[{code}] {text}"}

    def forget_sessions(self) -> None:
        """Fault SESSION_EXPIRY: every access token is forgotten."""
        with self._lock:
            self._tokens.clear()

    def credentials(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "host": self.name,
            "token_path": self.token_path,
            "client_key": self.client_key,
            "client_secret": self.client_secret,
            "partner_id": self.partner_id,
            "channel_id": self.channel_id,
            "public_key": self.key_source,
        }
        if self.key_source.startswith("built-in"):
            out["test_private_key_pem"] = TEST_PRIVATE_KEY_PEM
        out["public_key_pem"] = public_key_pem(self.public_key)
        return out

    # -- checks --------------------------------------------------------------------------
    def _check_timestamp(self, request: Request) -> None:
        value = request.headers.get("x-timestamp", "")
        if not value:
            raise Refusal(400, "02", "Invalid Mandatory Field X-TIMESTAMP")
        moment = parse_timestamp(value)
        if moment is None:
            raise Refusal(400, "01", "Invalid Field Format X-TIMESTAMP")
        if abs(moment - self.clock.now()) > self.timestamp_tolerance:
            raise Refusal(401, "00", "Unauthorized. [X-TIMESTAMP]")

    def _access_token(self, request: Request) -> Response:
        try:
            if request.headers.get("x-client-key") != self.client_key:
                raise Refusal(401, "00", "Unauthorized. [Unknown client]")
            self._check_timestamp(request)
            if not verify_token_signature(self.public_key, request.headers.get("x-signature", ""),
                                          self.client_key, request.headers["x-timestamp"]):
                raise Refusal(401, "00", "Unauthorized. [Signature]")
            body = request.json()
            mandatory(body, "grantType")
            if body["grantType"] != "client_credentials":
                raise Refusal(400, "01", "Invalid Field Format grantType")
        except Refusal as refusal:
            return self.answer(SERVICE_TOKEN_B2B, refusal.http, refusal.case, refusal.message)
        token = secrets.token_urlsafe(36)
        self._tokens[token] = _Token(self.client_key, self.clock.now() + timedelta(seconds=self.token_seconds))
        self.tokens_issued += 1
        expires: Any = str(self.token_seconds) if self.expires_in_as_text else self.token_seconds
        return self.answer(SERVICE_TOKEN_B2B, 200, "00", "Successful",
                           {"accessToken": token, "tokenType": "Bearer", "expiresIn": expires, "additionalInfo": {}})

    def _check_call(self, request: Request) -> None:
        auth = request.headers.get("authorization", "")
        if not auth.startswith("Bearer ") or not auth[7:].strip():
            raise Refusal(401, "03", "Token Not Found (B2B)")
        token = auth[7:].strip()
        held = self._tokens.get(token)
        if held is None or held.expires <= self.clock.now():
            self._tokens.pop(token, None)
            raise Refusal(401, "01", "Invalid Token (B2B)")
        self._check_timestamp(request)
        if request.headers.get("x-partner-id") != self.partner_id:
            raise Refusal(401, "00", "Unauthorized. [Unknown partner]")
        if request.headers.get("channel-id") != self.channel_id:
            raise Refusal(400, "01", "Invalid Field Format CHANNEL-ID")
        endpoint = request.path + ("?" + urlencode(request.query) if request.query else "")
        if not verify_service_signature(request.headers.get("x-signature", ""), self.client_secret, request.method,
                                        endpoint, token, request.body, request.headers["x-timestamp"]):
            raise Refusal(401, "00", "Unauthorized. [Signature]")
        external_id = request.headers.get("x-external-id", "")
        if not external_id:
            raise Refusal(400, "02", "Invalid Mandatory Field X-EXTERNAL-ID")
        if not is_digits(external_id) or len(external_id) > 36:
            raise Refusal(400, "01", "Invalid Field Format X-EXTERNAL-ID")
        used_today = self._external_ids.setdefault(self.clock.now().astimezone(WIB).date().isoformat(), set())
        if external_id in used_today:
            raise Refusal(409, "00", "Conflict")
        used_today.add(external_id)


# -- DOKU -------------------------------------------------------------------------------
DOKU_PARTNER_SERVICE_ID = "8412"  # the seed's example company code
DOKU_MIN_CLOSED_AMOUNT_SEN = 10_000_00


class DokuSandbox(SnapSandbox):
    """DOKU SNAP, BNI virtual accounts (seeds/doku-snap-bni-va-create.txt).

    create-va checks, after the common ones: partnerServiceId 8 characters (else 400 27 01)
    and ours (else the seed's 404 27 16 "Partner Not Found"); customerNo up to 20 digits;
    virtualAccountNo = partnerServiceId + customerNo; virtualAccountName present;
    virtualAccountTrxType C or O (either case); totalAmount "n.nn" IDR and present for a
    closed VA; expiredDate ISO-8601 and in the future; trxId present and new (409 27 01).
    """

    name = "doku"
    token_path = doku_api.TOKEN_PATH
    client_key = "BRN-0208-1700000000001"
    client_secret = "SK-SANDBOX-DOKU-7f3c2a9e5b1d4c8a"
    partner_id = client_key  # DOKU: X-PARTNER-ID is the client id it issued
    channel_id = doku_api.CHANNEL_ID

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.partner_service_id = doku_api.pad_partner_service_id(DOKU_PARTNER_SERVICE_ID)
        self.virtual_accounts: dict[str, dict[str, Any]] = {}
        self.service(doku_api.CREATE_VA_PATH, SERVICE_CREATE_VA, self._create_va, echo=self._echo)

    def credentials(self) -> dict[str, Any]:
        return {**super().credentials(), "partner_service_id": self.partner_service_id,
                "create_va_path": doku_api.CREATE_VA_PATH}

    @staticmethod
    def _echo(body: dict[str, Any]) -> dict[str, Any]:
        keys = ("partnerServiceId", "customerNo", "virtualAccountNo", "virtualAccountName", "virtualAccountEmail",
                "virtualAccountPhone", "trxId", "totalAmount", "virtualAccountTrxType", "expiredDate")
        return {"virtualAccountData": {k: body[k] for k in keys if k in body}}

    def _create_va(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "partnerServiceId", "customerNo", "virtualAccountNo", "virtualAccountName", "trxId")
        psid, customer_no = str(body["partnerServiceId"]), str(body["customerNo"])
        if len(psid) != 8 or not is_digits(psid.strip()) or psid != psid.strip().rjust(8, " "):
            raise Refusal(400, "01", "Invalid Field Format partnerServiceId")
        if psid != self.partner_service_id:
            raise Refusal(404, "16", "Partner Not Found")
        if not is_digits(customer_no) or len(customer_no) > 20:
            raise Refusal(400, "01", "Invalid Field Format customerNo")
        if body["virtualAccountNo"] != psid + customer_no:
            raise Refusal(400, "01", "Invalid Field Format virtualAccountNo")
        # DOKU's SDK rule (doku-python-library CreateVARequest): 1-255 ASCII characters out of
        # letters, digits, space and . - / + , = _ : ' @ %; the host is taken to refuse the same.
        if not re.fullmatch(r"[a-zA-Z0-9.\-/+,=_:'@% ]{1,255}", str(body["virtualAccountName"])):
            raise Refusal(400, "01", "Invalid Field Format virtualAccountName")
        phone = str(body.get("virtualAccountPhone", ""))
        if phone and (not is_digits(phone) or len(phone) > 30):
            raise Refusal(400, "01", "Invalid Field Format virtualAccountPhone")
        trx_type = str(body.get("virtualAccountTrxType", doku_api.CLOSED)).upper()
        if trx_type not in (doku_api.CLOSED, doku_api.OPEN):
            raise Refusal(400, "01", "Invalid Field Format virtualAccountTrxType")
        if "totalAmount" in body:
            sen: int | None = amount_value(body["totalAmount"], "totalAmount.value")
            if trx_type == doku_api.OPEN and sen == 0:
                sen = None  # an open VA sent with "0.00", as DOKU's SDK sends it: no fixed amount
        elif trx_type == doku_api.CLOSED:
            raise Refusal(400, "02", "Invalid Mandatory Field totalAmount.value")
        else:
            sen = None
        if trx_type == doku_api.CLOSED and sen is not None and sen < DOKU_MIN_CLOSED_AMOUNT_SEN:
            raise Refusal(404, "13", "Invalid Amount")
        expired = self.clock.now() + timedelta(days=1)
        if "expiredDate" in body:
            parsed = parse_timestamp(str(body["expiredDate"]))
            if parsed is None or parsed <= self.clock.now():
                raise Refusal(400, "01", "Invalid Field Format expiredDate")
            expired = parsed
        trx_id = str(body["trxId"])
        if len(trx_id) > 64:
            raise Refusal(400, "01", "Invalid Field Format trxId")
        if any(va["trxId"] == trx_id for va in self.virtual_accounts.values()):
            raise Refusal(409, "01", "Duplicate partnerReferenceNo")
        va_no = str(body["virtualAccountNo"])
        data = {
            **self._echo(body)["virtualAccountData"],
            "virtualAccountTrxType": trx_type,
            "expiredDate": snap_timestamp(expired),
            "additionalInfo": body.get("additionalInfo") or {},
            "howToPayInfo": {
                # Text for the receipt only (the seed's sandbox links); nothing here is contacted.
                "howToPayPage": f"https://sandbox.doku.com/bni-virtual-account/v1/how-to-pay-page/{va_no.replace(' ', '')}",
                "howToPayApi": f"https://api-sandbox.doku.com/bni-virtual-account/v1/how-to-pay-api/{va_no.replace(' ', '')}",
            },
        }
        self.virtual_accounts[va_no] = data
        self.record(op="create_va", external_id=request.headers["x-external-id"], virtual_account_no=va_no, trx_id=trx_id, amount_sen=sen, trx_type=trx_type,
                    name=body["virtualAccountName"], expired=data["expiredDate"])
        return {"virtualAccountData": data}


# -- BCA --------------------------------------------------------------------------------
@dataclass
class BcaAccount:
    name: str
    balance_sen: int
    status: str = "active"  # active | dormant | blocked
    lines: list[dict[str, Any]] = field(default_factory=list)


BCA_AGENT_ACCOUNT = "0613005908"
BCA_ACCOUNTS: dict[str, tuple[str, int, str]] = {
    BCA_AGENT_ACCOUNT: ("LOKET SEJAHTERA ABADI", 25_000_000_00, "active"),
    "0611104625": ("BUDI SANTOSO", 1_250_000_00, "active"),
    "0613005827": ("SITI RAHAYU", 780_500_00, "active"),
    "0619000009": ("AGUS PRASETYO", 0, "dormant"),
    "0619000017": ("DEWI LESTARI", 50_000_00, "blocked"),
}
# Accounts at other banks the interbank inquiry knows: (BIC, account) -> (name, status). The
# first is the Bank+ Switcher document's own example account.
BCA_EXTERNAL_ACCOUNTS: dict[tuple[str, str], tuple[str, str]] = {
    ("BRINIDJA", "888801000003301"): ("BRIAPI SANDBOX", "active"),
    ("BMRIIDJA", "1370012345678"): ("RINA WIJAYANTI", "active"),
    ("BNINIDJA", "0115258134"): ("ARDHA HERDIANTO", "active"),
    ("BNIAIDJA", "800123456700"): ("HENDRA GUNAWAN", "active"),
    ("BMRIIDJA", "1370000000009"): ("YUSUF RAMADHAN", "blocked"),
}
BCA_TRANSFER_LIMIT_SEN = 100_000_000_00
STATEMENT_MAX_DAYS = 31


class BcaSandbox(SnapSandbox):
    """BCA SNAP services for the agent's account ``BCA_AGENT_ACCOUNT``.

    Accounts hold balances and statement lines, so a transfer moves money and shows in
    both accounts' statements. Business refusals: unknown account 404 xx 11; dormant
    403 xx 09; blocked 403 xx 18; someone else's account as source or for balance /
    statement 403 xx 15; insufficient funds 403 17 14; over the limit 403 17 02;
    duplicate partnerReferenceNo 409 17 01; unknown transfer in status inquiry 404 36 01;
    statement range over 31 days or reversed 400 14 01.

    Interbank (account-inquiry-external 16, transfer-interbank 18): the other banks'
    accounts are ``BCA_EXTERNAL_ACCOUNTS``; an unknown bank code 404 xx 02 "Invalid
    Bank"; BCA's own BIC 403 xx 15 (that is an intrabank transfer); the transfer's
    beneficiaryAccountName must be the name the inquiry gives (else 400 18 01), and the
    money leaves the agent's account for BCA's clearing. The status inquiry must name the
    transfer's own serviceCode (17 or 18); another is "Transaction Not Found".
    """

    name = "bca"
    token_path = bca_api.TOKEN_PATH
    client_key = "c2a1f3e4-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
    client_secret = "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a"
    partner_id = "LOKETAGEN01"
    channel_id = bca_api.CHANNEL_ID
    expires_in_as_text = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.accounts = {no: BcaAccount(name, sen, status) for no, (name, sen, status) in BCA_ACCOUNTS.items()}
        opening = self.clock.now() - timedelta(days=1)
        for no, account in self.accounts.items():
            if account.balance_sen:
                account.lines.append(self._line(opening, "SALDO AWAL SANDBOX", "CREDIT", account.balance_sen,
                                                f"OPEN{no}", account.balance_sen))
        self.transfers: dict[str, dict[str, Any]] = {}
        self._sequence = itertools.count(1)
        self.service(bca_api.BALANCE_PATH, SERVICE_BALANCE, self._balance)
        self.service(bca_api.ACCOUNT_INQUIRY_PATH, SERVICE_ACCOUNT_INQUIRY_INTERNAL, self._account_inquiry)
        self.service(bca_api.TRANSFER_PATH, SERVICE_TRANSFER_INTRABANK, self._transfer)
        self.service(bca_api.ACCOUNT_INQUIRY_EXTERNAL_PATH, SERVICE_ACCOUNT_INQUIRY_EXTERNAL,
                     self._account_inquiry_external)
        self.service(bca_api.INTERBANK_TRANSFER_PATH, SERVICE_TRANSFER_INTERBANK, self._interbank_transfer)
        self.service(bca_api.TRANSFER_STATUS_PATH, SERVICE_TRANSFER_STATUS, self._transfer_status)
        self.service(bca_api.STATEMENT_PATH, SERVICE_STATEMENT, self._statement)

    def credentials(self) -> dict[str, Any]:
        return {**super().credentials(), "agent_account": BCA_AGENT_ACCOUNT,
                "accounts": {no: {"name": a.name, "status": a.status} for no, a in self.accounts.items()},
                "interbank_accounts": {f"{bank} {no}": {"name": name, "status": status}
                                       for (bank, no), (name, status) in BCA_EXTERNAL_ACCOUNTS.items()}}

    @staticmethod
    def _line(when: datetime, remark: str, kind: str, sen: int, txn_id: str, balance_after: int) -> dict[str, Any]:
        # Whole seconds, as the statement's ISO-8601 times are written.
        return {"when": when.replace(microsecond=0), "remark": remark, "type": kind, "sen": sen, "id": txn_id, "balance": balance_after}

    def _reference_no(self) -> str:
        return self.clock.now().strftime("%Y%m%d") + f"{next(self._sequence):010d}"

    def _account(self, number: str, *, own: bool = False) -> BcaAccount:
        account = self.accounts.get(number)
        if account is None:
            raise Refusal(404, "11", "Invalid Account")
        if own and number != BCA_AGENT_ACCOUNT:
            raise Refusal(403, "15", "Transaction Not Permitted. [Not partner account]")
        if account.status == "dormant":
            raise Refusal(403, "09", "Dormant Account")
        if account.status == "blocked":
            raise Refusal(403, "18", "Inactive Account")
        return account

    @staticmethod
    def _money(sen: int) -> dict[str, str]:
        return {"value": f"{sen // 100}.{sen % 100:02d}", "currency": "IDR"}

    def _balance(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "accountNo")
        account = self._account(str(body["accountNo"]), own=True)
        money = self._money(account.balance_sen)
        return {
            "referenceNo": self._reference_no(),
            "partnerReferenceNo": body.get("partnerReferenceNo", ""),
            "accountNo": body["accountNo"],
            "name": account.name,
            "accountInfos": [{
                "balanceType": "Cash", "amount": money, "floatAmount": self._money(0), "holdAmount": self._money(0),
                "availableBalance": money, "ledgerBalance": money, "currentMultilateralLimit": self._money(0),
                "registrationStatusCode": "0001", "status": "0001",
            }],
        }

    def _account_inquiry(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "beneficiaryAccountNo")
        number = str(body["beneficiaryAccountNo"])
        account = self._account(number)
        return {
            "referenceNo": self._reference_no(),
            "partnerReferenceNo": body.get("partnerReferenceNo", ""),
            "beneficiaryAccountName": account.name,
            "beneficiaryAccountNo": number,
            "beneficiaryAccountStatus": "Rekening aktif",
            "beneficiaryAccountType": "S",
            "currency": "IDR",
        }

    def _transfer(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "partnerReferenceNo", "amount.value", "amount.currency", "beneficiaryAccountNo",
                  "sourceAccountNo", "transactionDate")
        sen = amount_value(body["amount"], "amount.value")
        if parse_timestamp(str(body["transactionDate"])) is None:
            raise Refusal(400, "01", "Invalid Field Format transactionDate")
        if len(str(body.get("remark", ""))) > bca_api.REMARK_MAX:
            raise Refusal(400, "01", "Invalid Field Format remark")
        reference = str(body["partnerReferenceNo"])
        if reference in self.transfers:
            raise Refusal(409, "01", "Duplicate partnerReferenceNo")
        source = self._account(str(body["sourceAccountNo"]), own=True)
        target_no = str(body["beneficiaryAccountNo"])
        if target_no == body["sourceAccountNo"]:
            raise Refusal(403, "15", "Transaction Not Permitted. [Same account]")
        target = self._account(target_no)
        self._check_funds(source, sen)
        reference_no = self._reference_no()
        now = self.clock.now()
        remark = str(body.get("remark", "")) or f"TRF {reference}"
        source.balance_sen -= sen
        target.balance_sen += sen
        source.lines.append(self._line(now, f"TRSF E-BANKING DB {remark}", "DEBIT", sen, reference_no, source.balance_sen))
        target.lines.append(self._line(now, f"TRSF E-BANKING CR {remark}", "CREDIT", sen, reference_no, target.balance_sen))
        self.transfers[reference] = {**body, "referenceNo": reference_no, "externalId": request.headers["x-external-id"],
                                     "serviceCode": SERVICE_TRANSFER_INTRABANK}
        self.record(op="transfer", external_id=request.headers["x-external-id"], reference=reference, reference_no=reference_no, amount_sen=sen,
                    source=body["sourceAccountNo"], beneficiary=target_no)
        return {
            "referenceNo": reference_no,
            "partnerReferenceNo": reference,
            "amount": body["amount"],
            "beneficiaryAccountNo": target_no,
            "currency": "IDR",
            "customerReference": body.get("customerReference", ""),
            "sourceAccountNo": body["sourceAccountNo"],
            "transactionDate": body["transactionDate"],
        }

    @staticmethod
    def _check_funds(source: BcaAccount, sen: int) -> None:
        if sen <= 0:
            raise Refusal(404, "13", "Invalid Amount")
        if sen > BCA_TRANSFER_LIMIT_SEN:
            raise Refusal(403, "02", "Exceeds Transaction Amount Limit")
        if source.balance_sen < sen:
            raise Refusal(403, "14", "Insufficient Funds")

    def _external_account(self, bank_code: str, number: str) -> tuple[str, str]:
        if bank_code == bca_api.BCA_BIC:
            raise Refusal(403, "15", "Transaction Not Permitted. [Use intrabank]")
        if bank_code not in bca_api.INTERBANK_BANKS:
            raise Refusal(404, "02", "Invalid Bank")
        found = BCA_EXTERNAL_ACCOUNTS.get((bank_code, number))
        if found is None:
            raise Refusal(404, "11", "Invalid Account")
        name, status = found
        if status == "blocked":
            raise Refusal(403, "18", "Inactive Account")
        return name, status

    def _account_inquiry_external(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "beneficiaryBankCode", "beneficiaryAccountNo")
        bank_code, number = str(body["beneficiaryBankCode"]), str(body["beneficiaryAccountNo"])
        if len(bank_code) > 8:
            raise Refusal(400, "01", "Invalid Field Format beneficiaryBankCode")
        name, _status = self._external_account(bank_code, number)
        return {
            "referenceNo": self._reference_no(),
            "partnerReferenceNo": body.get("partnerReferenceNo", ""),
            "beneficiaryAccountName": name,
            "beneficiaryAccountNo": number,
            "beneficiaryBankCode": bank_code,
            "beneficiaryBankName": bca_api.INTERBANK_BANKS[bank_code],
            "currency": "IDR",
        }

    def _interbank_transfer(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "partnerReferenceNo", "amount.value", "amount.currency", "beneficiaryAccountName",
                  "beneficiaryAccountNo", "beneficiaryBankCode", "sourceAccountNo", "transactionDate")
        sen = amount_value(body["amount"], "amount.value")
        if parse_timestamp(str(body["transactionDate"])) is None:
            raise Refusal(400, "01", "Invalid Field Format transactionDate")
        reference = str(body["partnerReferenceNo"])
        if reference in self.transfers:
            raise Refusal(409, "01", "Duplicate partnerReferenceNo")
        source = self._account(str(body["sourceAccountNo"]), own=True)
        bank_code, number = str(body["beneficiaryBankCode"]), str(body["beneficiaryAccountNo"])
        name, _status = self._external_account(bank_code, number)
        if " ".join(str(body["beneficiaryAccountName"]).split()).upper() != name:
            raise Refusal(400, "01", "Invalid Field Format beneficiaryAccountName")
        self._check_funds(source, sen)
        reference_no = self._reference_no()
        now = self.clock.now()
        source.balance_sen -= sen
        source.lines.append(self._line(now, f"TRSF ANTAR BANK DB {bank_code} {number} {name}"[:80], "DEBIT", sen,
                                       reference_no, source.balance_sen))
        self.transfers[reference] = {**body, "referenceNo": reference_no, "externalId": request.headers["x-external-id"],
                                     "serviceCode": SERVICE_TRANSFER_INTERBANK}
        self.record(op="transfer_interbank", external_id=request.headers["x-external-id"], reference=reference,
                    reference_no=reference_no, amount_sen=sen, source=body["sourceAccountNo"], bank=bank_code,
                    beneficiary=number)
        return {
            "referenceNo": reference_no,
            "partnerReferenceNo": reference,
            "amount": body["amount"],
            "beneficiaryAccountNo": number,
            "beneficiaryBankCode": bank_code,
            "sourceAccountNo": body["sourceAccountNo"],
            "transactionDate": body["transactionDate"],
        }

    def _transfer_status(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "originalPartnerReferenceNo", "serviceCode")
        if body["serviceCode"] not in (SERVICE_TRANSFER_INTRABANK, SERVICE_TRANSFER_INTERBANK):
            raise Refusal(400, "01", "Invalid Field Format serviceCode")
        done = self.transfers.get(str(body["originalPartnerReferenceNo"]))
        if done is None or done["serviceCode"] != body["serviceCode"]:
            raise Refusal(404, "01", "Transaction Not Found")
        return {
            "originalReferenceNo": done["referenceNo"],
            "originalPartnerReferenceNo": done["partnerReferenceNo"],
            "originalExternalId": done["externalId"],
            "serviceCode": done["serviceCode"],
            "transactionDate": done["transactionDate"],
            "amount": done["amount"],
            "beneficiaryAccountNo": done["beneficiaryAccountNo"],
            "currency": "IDR",
            "referenceNumber": done["referenceNo"],
            "sourceAccountNo": done["sourceAccountNo"],
            "transactionId": done["referenceNo"],
            # "pending": a test's way to hold a transfer in BCA's processing (03 Pending).
            "latestTransactionStatus": "03" if done.get("pending") else bca_api.SUCCESS_STATUS,
            "transactionStatusDesc": "Pending" if done.get("pending") else "Success",
        }

    def _statement(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "accountNo", "fromDateTime", "toDateTime")
        account = self._account(str(body["accountNo"]), own=True)
        start, end = parse_timestamp(str(body["fromDateTime"])), parse_timestamp(str(body["toDateTime"]))
        if start is None:
            raise Refusal(400, "01", "Invalid Field Format fromDateTime")
        if end is None or end < start or end - start > timedelta(days=STATEMENT_MAX_DAYS):
            raise Refusal(400, "01", "Invalid Field Format toDateTime")
        lines = [line for line in account.lines if start <= line["when"] <= end]
        before = [line for line in account.lines if line["when"] < start]
        starting = before[-1]["balance"] if before else 0
        ending = lines[-1]["balance"] if lines else starting
        credit = [line["sen"] for line in lines if line["type"] == "CREDIT"]
        debit = [line["sen"] for line in lines if line["type"] == "DEBIT"]
        return {
            "referenceNo": self._reference_no(),
            "partnerReferenceNo": body.get("partnerReferenceNo", ""),
            "balance": [{
                "amount": {**self._money(ending), "dateTime": body["toDateTime"]},
                "startingBalance": {**self._money(starting), "dateTime": body["fromDateTime"]},
                "endingBalance": {**self._money(ending), "dateTime": body["toDateTime"]},
            }],
            "totalCreditEntries": {"numberOfEntries": str(len(credit)), "amount": self._money(sum(credit))},
            "totalDebitEntries": {"numberOfEntries": str(len(debit)), "amount": self._money(sum(debit))},
            "hasMore": "N",
            "detailData": [{
                "amount": self._money(line["sen"]),
                "transactionDate": snap_timestamp(line["when"]),
                "remark": line["remark"],
                "transactionId": line["id"],
                "type": line["type"],
                "transactionDetailStatus": "SUCCESS",
            } for line in lines],
        }
