"""BNI Keagenan H2H client (bni-keagenan-api-v1.15): one endpoint, many products.

Every call is ``POST {transaction_path}?access_token=…`` with ``X-Auth:
base64(user:password)`` and the envelope ``{"typereq", "dealerId", "fiturId", "data"}``;
PING is ``{"typereq": "ping"}`` alone (section 1). The fiturId picks the product and the
operation; the request bodies come from ``services.products`` specs, this module adds what
is the same for every product (agent codes, reffNum, PIN, the agent's account).

Decisions where the document is silent (written down so they can be revisited):

* **Token** (MISS-04): the document names a "gettoken" request without specifying it.
  Loket uses a standard OAuth 2.0 client-credentials request: ``POST {token_path}`` with
  the form body ``grant_type=client_credentials`` and HTTP Basic ``client_id:client_secret``,
  answer ``{"access_token", "token_type", "expires_in"}``. ``token_path`` defaults to
  ``/api/oauth/token`` (BNI's API gateway path) and is configuration. The token is cached
  until ``token_margin`` seconds before it expires (an ``expires_in`` that does not read as
  seconds counts as 5 minutes); a 401 on a transaction, or the document's
  ``{"status": false, "error": "Unauthorized"}`` under any status, drops it, fetches a new
  one and sends the same request once more (that is the gateway refusing before the
  transaction is processed, so the resend cannot pay twice).
* **reffNum** (INC-32): the stated rule is ``date('yyyymmddhhmmsszzzzz')`` (19 digits) + one
  random digit + the counter code, example ``20170607110019123450100021`` (26 characters);
  the request examples use a 14-digit date instead. Loket follows the stated rule: its
  five sub-second digits carry the journal reference's sequence, which is what makes the
  reffNum unique across restarts (a 14-digit date is only unique per second). The
  "random" digit is a fixed ``0`` so the reffNum is a pure function of the journal
  reference: a retry re-derives the very same value and the host's record can be matched
  to the journal (the examples carry 0 there too).
* **Outcome**: an inquiry failed when its top-level ``error`` is true, a payment when its
  ``data.error`` is true; ``status`` ("success") only says the third party was reached and
  is never read as the outcome. ``error`` may be a boolean or the string "true"/"false".
* A BPJS payment may answer ``data.status`` "TRANSAKSI DALAM PROSES" (section 9): the
  payment is neither done nor refused, so it is ``MaybeSent`` (SUSPECT, settled later). So
  is any ``data.status`` other than a success word or none (``PAID_STATUSES``).
* A payment refused with an errorNum not known to be final (``keagenan_errors.
  FINAL_PAYMENT_CODES``) is ``OutcomeUnknown``: SUSPECT, never FAILED.
* A payment's success counts under HTTP 200 only (``success_under``): no section shows
  another status, and a success under 202 or a 4xx contradicts itself (SUSPECT).
* A payment's answer must be about that payment (``check_payment_answer``): the reffNum
  sent, and the ids and amount it echoes. Otherwise ``AnswerMismatch`` (SUSPECT). Where the
  product's section defines ``data.reffNum`` in its answer (24 of the 31 payment products:
  ``services.products.catalogue.ANSWER_REFF_LINES``), an answer without it is SUSPECT too;
  where it defines none (Telkom, BPJS Kesehatan, ...), so is one without the ids and figures
  it defines as echoed (``ANSWER_ECHOES``): they are all that ties it to the bill.
"""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import urlencode

import httpx

from services.bank_time import BankTime
from services.clock import Clock
from services.connectivity import Reach
from services.errors import ConfigurationError, MaybeSent, NotSent, TransportError
from services.hosts.answers import AnswerCheck, stated, success_under
from services.hosts.http import JsonHttp, JsonResponse, wire_json
from services.hosts.keagenan.errors import HOST, KeagenanUnauthorized, is_true, rejection, unauthorized
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.money import MoneyError, parse_rupiah
from services.validation import is_digits

TRANSACTION_PATH = "/keagenan/transaction"
TOKEN_PATH = "/api/oauth/token"


@dataclass(frozen=True)
class AgentCode:
    """The agent code split the document's way: ``ABC9991234567`` -> ABC / 999 / 1234567."""

    kode_mitra: str
    kode_cabang: str
    kode_loket: str

    @classmethod
    def parse(cls, code: str) -> "AgentCode":
        code = code.strip().upper()
        if len(code) < 7 or not code[:3].isalpha() or not is_digits(code[3:]):
            raise ConfigurationError(
                templated(QT_TRANSLATE_NOOP("errors", "Kode agen {code!r} tidak sah: harus 3 huruf kode mitra, 3 "
                                                      "angka kode cabang, lalu kode loket."), code=code)
            )
        return cls(code[:3], code[3:6], code[6:])

    def fields(self) -> dict[str, str]:
        return {"kode_mitra": self.kode_mitra, "kode_cabang": self.kode_cabang, "kode_loket": self.kode_loket}


@dataclass(frozen=True)
class KeagenanConfig:
    base_url: str
    dealer_id: str
    xauth_user: str
    xauth_password: str
    client_id: str
    client_secret: str
    agent_code: str
    account_num: str  # the agent's BNI account, debited by every payment
    token_path: str = TOKEN_PATH
    transaction_path: str = TRANSACTION_PATH
    token_margin: float = 60.0
    deadline: float | None = None  # overall seconds per request (services/hosts/http.py)


def reff_num(journal_reference: str, kode_loket: str) -> str:
    """reffNum for one transaction, derived from its 16-digit journal reference.

    ``YYMMDDHHiissSSSS`` -> ``20YYMMDDHHiiss`` + ``SSSS0`` (the 19-digit date) + ``0`` +
    kode_loket. See the module docstring for why.
    """
    if len(journal_reference) != 16 or not is_digits(journal_reference):
        raise ValueError(f"not a journal reference: {journal_reference!r}")
    date19 = "20" + journal_reference + "0"  # yyyymmddhhmmss + zzzzz (SSSS then 0)
    return date19 + "0" + kode_loket


@dataclass(frozen=True)
class PingResult:
    ok: bool
    message: str


class KeagenanClient:
    """Talks to one Keagenan host. Thread-safe: the token cache is locked."""

    def __init__(self, http: httpx.Client, config: KeagenanConfig, *, clock: Clock | None = None,
                 bank_time: BankTime | None = None) -> None:
        self.config = config
        self.agent = AgentCode.parse(config.agent_code)
        self._http = JsonHttp(http, config.base_url, HOST, deadline=config.deadline, bank_time=bank_time)
        self._clock = clock or Clock()
        self._lock = threading.Lock()
        self._token: str | None = None
        self._token_expires = 0.0
        # what the counter last learned about reaching the host (the header's "BNI: …")
        self.reach = Reach(HOST)

    @property
    def deadline(self) -> float:
        """Seconds a call may take at most, connection and whole answer (the busy overlay counts it down)."""
        return self._http.deadline

    # -- auth ---------------------------------------------------------------------------
    def _x_auth(self) -> str:
        raw = f"{self.config.xauth_user}:{self.config.xauth_password}".encode("utf-8")
        return base64.b64encode(raw).decode("ascii")

    def _fetch_token(self) -> str:
        basic = base64.b64encode(f"{self.config.client_id}:{self.config.client_secret}".encode()).decode()
        answer = self._http.post(
            self.config.token_path,
            content=urlencode({"grant_type": "client_credentials"}).encode("ascii"),
            headers={"content-type": "application/x-www-form-urlencoded", "authorization": f"Basic {basic}",
                     "accept": "application/json"},
        )
        body = answer.body if isinstance(answer.body, dict) else {}
        token = body.get("access_token")
        if answer.status != 200 or not token:
            raise unauthorized(str(body.get("error_description") or body.get("error") or f"HTTP {answer.status}"))
        try:  # a lifetime that does not read as seconds: the token is good, assume 5 minutes
            lifetime = float(body.get("expires_in") or 0)
        except (TypeError, ValueError):
            lifetime = 0.0
        lifetime = lifetime if 0 < lifetime < 86_400 else 300.0
        self._token = str(token)
        self._token_expires = self._clock.monotonic() + max(0.0, lifetime - self.config.token_margin)
        return self._token

    def access_token(self) -> str:
        """A valid token, fetched when none is cached or the cached one is about to expire."""
        with self._lock:
            if self._token is not None and self._clock.monotonic() < self._token_expires:
                return self._token
            return self._fetch_token()

    def _drop_token(self, stale: str) -> None:
        with self._lock:
            if self._token == stale:
                self._token = None

    # -- wire ---------------------------------------------------------------------------
    def _post(self, body: Mapping[str, Any]) -> JsonResponse:
        """Send ``body``, and tell ``reach`` what came of it: answered, refused at the gate,
        or not reached."""
        try:
            answer = self._send(body)
        except TransportError as exc:
            self.reach.unreachable(exc)
            raise
        except KeagenanUnauthorized as exc:
            self.reach.refused(exc)
            raise
        self.reach.answered()
        return answer

    def _send(self, body: Mapping[str, Any]) -> JsonResponse:
        """Send ``body``; refused at the gate (HTTP 401, or the document's Unauthorized body
        under any status) fetch a fresh token and send it once more."""
        content = wire_json(body)
        headers = {"content-type": "application/json", "x-auth": self._x_auth()}
        for _attempt in (1, 2):
            try:
                token = self.access_token()
            except MaybeSent as exc:  # only the token request was lost: the transaction never left
                raise NotSent(host=HOST, detail=f"token: {exc.detail}") from exc
            answer = self._http.post(self.config.transaction_path, content=content, headers=headers,
                                     params={"access_token": token})
            if answer.status != 401 and not _refused_at_the_gate(answer.body):
                return answer
            self._drop_token(token)
        raise unauthorized(_text(answer.body))

    def envelope(self, fitur_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
        return {"typereq": "trans", "dealerId": self.config.dealer_id, "fiturId": fitur_id, "data": dict(data)}

    # -- operations ---------------------------------------------------------------------
    def ping(self) -> PingResult:
        """Section 1: the connectivity check (start-up and Settings)."""
        answer = self._post({"typereq": "ping"})
        body = answer.body if isinstance(answer.body, dict) else {}
        ok = is_true(body.get("status"))
        return PingResult(ok, str(body.get("data") or body.get("error") or ""))

    def inquiry(self, fitur_id: str, data: Mapping[str, Any], *, reference: str, agent: bool = False,
                pin: str | None = None) -> dict[str, Any]:
        """Send an inquiry; returns its flat answer or raises the mapped rejection."""
        body = self.envelope(fitur_id, self._common(data, reference, agent=agent, pin=pin))
        answer = self._post(body).body
        if not isinstance(answer, dict) or "error" not in answer:
            raise MaybeSent(host=HOST, detail="inquiry answer without 'error'")
        if is_true(answer["error"]):
            raise rejection(answer)
        # An inquiry answer that names another reffNum is another inquiry's (replayed or
        # shifted): its customer name and bill must not reach the confirmation step.
        check = AnswerCheck(HOST, f"inquiry {fitur_id}")
        if stated(answer.get("reffNum")):
            check.same("reffNum", answer["reffNum"], body["data"]["reffNum"])
        check.raise_if_any()
        return answer

    def payment_body(self, fitur_id: str, data: Mapping[str, Any], *, reference: str, pin: str,
                     account_keys: tuple[str, ...] = ("accountNum",)) -> dict[str, Any]:
        """The full payment request (what is journaled, redacted, before it is sent)."""
        payment = self._common(data, reference, agent=True, pin=pin)
        payment.update({key: self.config.account_num for key in account_keys})
        return self.envelope(fitur_id, payment)

    def pay(self, body: Mapping[str, Any], *, required: tuple[str, ...] = ()) -> dict[str, Any]:
        """Send a payment built by ``payment_body``; returns the whole answer when it succeeded.
        ``required``: the answer fields ("data.reffNum", "CustomerData.no_tel") the product's
        section says its host always echoes (``ProductSpec.answer_required``): an answer
        without one is SUSPECT."""
        response = self._post(body)
        answer = response.body
        data = answer.get("data") if isinstance(answer, dict) else None
        if not isinstance(data, dict) or "error" not in data:
            raise MaybeSent(host=HOST, detail="payment answer without data.error")
        if is_true(data["error"]):
            raise rejection(data, payment=True)
        status = " ".join(str(data.get("status") or "").split()).upper()
        if status == "GAGAL":
            raise rejection({**data, "errorNum": data.get("errorNum") or "GAGAL",
                             "message": data.get("message") or "GAGAL"}, payment=True)
        if status not in PAID_STATUSES:
            # "TRANSAKSI DALAM PROSES" (the document's "suspend transaction"), or a word the
            # document does not know: neither done nor refused, so SUSPECT, never SUCCESS.
            raise MaybeSent(host=HOST, detail=f"data.status {str(data.get('status'))[:60]!r}")
        success_under(HOST, response.status, f"pembayaran {body.get('fiturId', '')}")
        check_payment_answer(body, answer, required=required)
        return answer

    def _common(self, data: Mapping[str, Any], reference: str, *, agent: bool, pin: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if agent:
            out.update(self.agent.fields())
        if pin is not None:
            out["pin_transaksi"] = pin
        out["reffNum"] = reff_num(reference, self.agent.kode_loket)
        out.update(data)
        return out


# Fields a payment's answer echoes from its request that name the transaction, the customer
# and the debited account (the document's payment examples): compared digit for digit.
# ``CustomerData.accountNum`` is the debited account again, ``CustomerData.cardNum`` the card
# paid (L6044, L6177); ``CustomerData.nominal`` is not compared: the document defines it as
# the "total of amount payment" and its own example (section 7) answers 104900 to a payment
# of 700000.
# The figures and numbers the answer definitions call "Same value as Payment request" are
# compared too: BPJS Kesehatan's h_totalBills (L945; its answer carries no reffNum, so the
# figure is what ties it to this bill), BPJS Ketenagakerjaan's h_billingNum, h_totalBPJSTK,
# c_totalPay and total_Amount (L6764-6787; sent and answered as ``total_amount``), PDAM's
# totalTagihan and nominalTagihan (L1268), KAI's totalBilling, BPJS Kesehatan's c_fee (L948:
# an echo of the fee sent, not the bank's word on another one). A figure that differs means
# another bill (another number of months, another participant), not this payment: SUSPECT.
ECHOED_IDS = ("billingId", "customerId", "registrationNum", "h_billingId", "billNo", "cardNum", "spajNumber",
              "bookingCode", "accountNum", "h_billingNum")
ECHOED_MONEY = ("amount", "h_totalBills", "h_totalBPJSTK", "c_totalPay", "total_amount", "totalTagihan",
                "nominalTagihan", "totalBilling", "c_fee")
CUSTOMER_DATA_IDS = ("accountNum", "cardNum")


# ``data.status`` of a payment that went through: the document's "SUKSES" (section 9), the
# envelope's "success" some hosts repeat there, or no status at all (most sections).
PAID_STATUSES = frozenset({"", "SUKSES", "SUCCESS"})


def check_payment_answer(body: Mapping[str, Any], answer: Mapping[str, Any], *,
                         required: tuple[str, ...] = ()) -> None:
    """The answer is about this payment: its ``data.reffNum`` is the one sent, and each id
    and amount it echoes is the one sent. A replayed answer, or another product's or
    customer's, is ``AnswerMismatch`` (SUSPECT), never SUCCESS. ``required``: the fields
    ("data.reffNum", "CustomerData.no_tel") the section's Response Definition says the host
    always echoes (``ProductSpec.answer_required``): an answer without one is no proof either.

    Prudential answers rebuild ``reffNum`` from ``reffNum1`` ("...TNDBKT..."): there the
    answer must start with the ``reffNum1`` that was sent."""
    sent = body.get("data") if isinstance(body.get("data"), Mapping) else {}
    data = answer.get("data") if isinstance(answer.get("data"), Mapping) else {}
    customer = answer.get("CustomerData") if isinstance(answer.get("CustomerData"), Mapping) else {}
    check = AnswerCheck(HOST, f"pembayaran {body.get('fiturId', '')}")
    for path in required:
        where, _, key = path.partition(".")
        echoes = answer.get(where) if isinstance(answer.get(where), Mapping) else {}
        check.present(key, echoes.get(key))
    if stated(data.get("reffNum")):
        answered_reff = str(data["reffNum"]).strip()
        if sent.get("reffNum1"):
            if not answered_reff.startswith(str(sent["reffNum1"]).strip()):
                check.fail(f"reffNum {answered_reff!r} bukan dari reffNum1 {sent['reffNum1']!r}")
        else:
            check.same("reffNum", answered_reff, sent.get("reffNum"))
    for echoes, keys in ((data, ECHOED_IDS), (customer, CUSTOMER_DATA_IDS)):
        for key in keys:
            if key in sent and stated(echoes.get(key)):
                check.same_account(key, echoes[key], sent[key])
    if "areaCode" in sent and "phoneNum" in sent and stated(customer.get("no_tel")):
        # Telkom: "area code of the customer's phone number + customer's phone number" (L211),
        # the only echo of the customer in its answer, which carries no reffNum. (Mobile
        # postpaid's definition names another field, no_telp, and no composition: not compared.)
        check.same_account("no_tel", customer["no_tel"], f"{sent['areaCode']}{sent['phoneNum']}")
    for key in ECHOED_MONEY:
        if key in sent and stated(data.get(key)):
            try:
                asked = parse_rupiah(sent[key])
            except MoneyError:
                continue
            check.amount(key, data[key], asked)
    check.raise_if_any()


def _text(body: Any) -> str:
    if isinstance(body, dict):
        return str(body.get("error") or body.get("message") or "")
    return ""


def _refused_at_the_gate(body: Any) -> bool:
    """The document's refusal of the token or X-Auth, ``{"status": false, "error":
    "Unauthorized"}``, whatever HTTP status carried it (the document names none): the
    transaction was not looked at. Without this, a gateway that sends it under 200 left every
    payment SUSPECT, its stale token kept until it expired."""
    return (isinstance(body, dict) and set(body) <= {"status", "error", "code"} and not is_true(body.get("status"))
            and str(body.get("error") or "").strip().lower() == "unauthorized")
