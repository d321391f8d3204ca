"""Simulated BNI Keagenan host (bni-keagenan-api-v1.15), answering with the document's examples.

Routes: ``POST /keagenan/transaction`` (every fiturId and PING) and ``POST /api/oauth/token``
(the client-credentials token Loket assumes; see services/hosts/keagenan/client.py).

What it holds: the document's example customers (every inquiry example: Telkom 0021
998877441, BPJS 8888801260835323, PDAM AETRA 400, PLN 53111, Adira 0754589745 ...), read
from services/products/data/keagenan_examples.json; the three dealerIds the examples use;
one agent, the Bank+ example agent BNI014100294 (kode_mitra BNI, kode_cabang 014,
kode_loket 100294) with transaction PIN 359569 and account 115258134.

What it checks, the way the document says the real host does:

* the access token (issued by the token route, expiring after ``TOKEN_LIFETIME``) and the
  X-Auth header; a failure is HTTP 401 ``{"status": false, "error": "Unauthorized"}``
  (section 1's error shape). An unknown dealerId is refused the same way.
* the fiturId (unknown: errorNum 12 "Invalid transaction") and the fields each request
  must carry; a missing or wrong fixed field is RC 30 (the document's "Message format
  error", ``ori_message``). Which fields are mandatory is the document's own Request
  Definition of the section (``load_required``: services/products/data/keagenan_required.json,
  parsed from the document), not Loket's product specs: a spec that misreads a section
  cannot be confirmed by the sandbox reading the same spec. A defined field the section's
  own example leaves out is not enforced; one the example spells otherwise is accepted in
  either spelling. Fixed values (providerId, paramsId, clientId) are the spec's.
* FTR463 is printed for two payments (ACC Finance, section 25, and BNI Life, section 27):
  the host tells them apart by providerId.
* reffNum: digits, and never seen before, inquiries included: errorNum 9990
  "Duplicate Refference Number".
* the PIN (inquiries that carry one, and every payment): errorNum "-2" "TRANSAKSI GAGAL :
  Pin transaksi salah", or errorNum "" for BPJS Kesehatan and PDAM (INC-37).
* a payment must match an inquiry it answered: every field the spec says is echoed or
  fixed by the inquiry, and the amount (or, for a free amount, the inquiry's bounds).
  Otherwise RC 30. Each answered inquiry pays once.

Where the document is silent the sandbox decides, and says so here:

* An unknown customer gets the section's own error example when it is a not-found code
  (TELKOM91, 14, D0, 0108), otherwise the document's RC 14 message.
* BPJS Kesehatan scales the example bill by the months asked (25500 a month).
* Payment answers are the section's success example with the request's values put back
  into the fields they share, a fresh ``journal``/``financialJournal``, this agent in
  ``result`` and the time in WIB. Sections without examples (CC BNI FTR431, Internet Telkom
  FTR414) get an answer built from their response definition; Internet Telkom's trxType is
  unknown (the document is cut off) and is answered as "".
* The document's example payment answers for OTO and SMS Finance are FIF's (INC-13); they
  still serve as the shape, filled with the request's values.
* A payment answer states the fee the host took where the section's answer states one
  (``ProductSpec.answer_fee_path``), and the total with it; ``payment_fee`` makes it take
  another than its inquiry quoted (a tariff changed in between), ``payment_total`` makes the
  answer state a total that contradicts it.
* A missing clientId is accepted (the Firstmedia payment example omits it, INC-39); a
  wrong one is refused.
"""

from __future__ import annotations

import base64
import copy
import itertools
import json
import secrets
from dataclasses import dataclass
from importlib import resources
from typing import Any, Mapping
from urllib.parse import parse_qs

from services.clock import iso
from services.money import MoneyError, parse_rupiah
from services.products import Catalogue, ProductSpec, default_catalogue
from services.products.spec import wire_text
from services.sandbox.base import Request, Response, SimulatedHost
from services.validation import is_digits

TRANSACTION_PATH = "/keagenan/transaction"
TOKEN_PATH = "/api/oauth/token"
TOKEN_LIFETIME = 3600

DEALER_ID = "2114534465611173"
# The three dealerIds the document's examples use; all belong to the sandbox mitra.
DEALERS = (DEALER_ID, "2214860948771287", "2114701225459638")
XAUTH_USER, XAUTH_PASSWORD = "LOKETMITRA", "sandbox-xauth-2026"
CLIENT_ID, CLIENT_SECRET = "loket-sandbox", "sandbox-client-secret"
AGENT_CODE, PIN, ACCOUNT = "BNI014100294", "359569", "115258134"
AGENT_RESULT = {
    "kode_loket": AGENT_CODE,
    "kd_lkt": "100294",
    "nama": "Ardha Herdianto",
    "kode_cabang": "014",
    "kode_mitra": "BNI",
    "alamat": "02/02 Jatikalang Krian Kab Sidoarjo Jawa Timur 61262",
}

# product id -> (inquiry section, payment section) of the document's examples.
SECTIONS: dict[str, tuple[int | None, int | None]] = {
    "telkom": (2, 3), "indovision": (4, 5), "firstmedia": (6, 7), "bpjs_kesehatan": (8, 9), "pdam": (10, 11),
    "mf_adira": (12, 13), "mf_fif": (14, 15), "mf_oto": (16, 17), "mf_sms": (18, 19), "mf_nsc": (20, 21),
    "mf_kreditplus": (22, 23), "mf_acc": (24, 25), "bni_life": (26, 27), "pln_postpaid": (28, 29),
    "pln_nontaglis": (33, 30), "prudential_initial": (None, 31), "prudential_continuation": (32, 34),
    "prudential_topup": (35, 36), "prudential_reprint": (37, 38), "prudential_adjustment": (39, 40),
    "prudential_card": (41, 42), "cc_bni": (43, None), "cc_other": (None, 45), "personal_loan": (None, 46),
    "charity": (None, 47), "mobile_postpaid": (48, 49), "bpjs_ketenagakerjaan": (50, 51), "airline": (52, 53),
    "kai": (54, 55), "bumiputera": (56, 57), "internet_telkom": (58, None),
}

# product id -> (inquiry section, payment section) of the document's request definitions:
# the same, plus the two payments that have a definition but no example (44, 59).
DEFINITIONS: dict[str, tuple[int | None, int | None]] = {**SECTIONS, "cc_bni": (43, 44), "internet_telkom": (58, 59)}

NOT_FOUND_CODES = {"TELKOM91", "14", "D0", "0108"}
RC14 = ("Nomor pelanggan/billing/handphone/tagihan/kode bayar tidak ditemukan, pastikan nomor yang Anda "
        "masukkan sudah benar. (RC 14)")
PIN_MESSAGE = "TRANSAKSI GAGAL : Pin transaksi salah"
EMPTY_PIN_CODE = {"FTR443", "FTR480"}  # BPJS KS and PDAM answer a wrong PIN with errorNum ""
FREE_TEXT = {"c_description"}  # constants the agent's side may word freely
BPJS_MONTHLY_PREMIUM = 25500
# The figures a payment's answer states as the payment's total, defined as the request's own
# ("Same value as Payment request"), or as its total with the fee (the section's total): data.amount
# ("Total of amount payment", L200), BPJS Kesehatan's h_totalBills (L945), BPJS
# Ketenagakerjaan's h_totalBPJSTK, c_totalPay and total_amount (L6764-6787), PDAM's
# totalTagihan (L1268), KAI's totalBilling (L7332), ACC's and Bumiputera's total_amount (L3556,
# L7606), as the sandbox's Internet Telkom answer states one too.
# Fault.INCONSISTENT_TOTAL makes them ten times too big. Not CustomerData.nominal: the
# document's own examples answer other figures there (104900 to a payment of 700000,
# section 5; 250010 to 250000, section 45), so it is no statement of this payment's total.
ANSWER_TOTALS = frozenset({"amount", "h_totalBills", "h_totalBPJSTK", "c_totalPay", "total_amount", "totalTagihan",
                           "totalBilling"})

# Sections without a payment example: answers built from the response definitions.
_SYNTHETIC = {
    "FTR431": {"trxType": "41", "status": "success",
               "data": {"error": False, "ket": "Credit Card BNI Payment", "journal": "", "financialJournal": "",
                        "amount": "", "cardNum": "", "accountNum": "", "billingId": "", "reffNum": "", "errorNum": ""},
               "result": {}, "CustomerData": {"biaya_adm": "0", "nominal": "", "time": ""}},
    "FTR414": {"trxType": "", "status": "success",
               "data": {"error": False, "ket": "Internet Telkom Payment", "journal": "", "financialJournal": "",
                        "amount": "", "billNo": "", "customerName": "", "reffNum": "", "errorNum": ""},
               "result": {}, "CustomerData": {"biaya_adm": "", "nominal": "", "time": ""}},
}


def load_examples() -> dict[int, dict[str, Any]]:
    text = resources.files("services.products").joinpath("data/keagenan_examples.json").read_text("utf-8")
    return {s["section"]: s for s in json.loads(text)["sections"]}


def load_required() -> dict[int, dict[str, Any]]:
    """Each section's mandatory request fields as the document's Request Definition prints
    them (services/products/data/keagenan_required.json, made from the document by
    tests/data/extract_keagenan_required.py), never from Loket's specs."""
    text = resources.files("services.products").joinpath("data/keagenan_required.json").read_text("utf-8")
    return {s["section"]: s for s in json.loads(text)["sections"]}


def identity_keys(spec: ProductSpec) -> tuple[str, ...]:
    """Inquiry keys that name the bill: identifying typed fields, plus PDAM's derived billingId."""
    keys = [f.wire for f in spec.fields if f.identifies and f.wire]
    keys += [k for k in ("billingId",) if k in spec.inquiry_derived]
    return tuple(keys)


def inputs_from(spec: ProductSpec, data: Mapping[str, Any]) -> dict[str, str]:
    """The typed values as the request carries them (by field name), for the spec's helpers."""
    return {f.name: wire_text(data.get(f.wire)) for f in spec.fields if f.wire}


@dataclass
class Answered:
    """An inquiry the host answered and has not seen paid yet."""

    expected: dict[str, str]
    answer: dict[str, Any]
    inputs: dict[str, str]


class KeagenanSandbox(SimulatedHost):
    name = "keagenan"

    def __init__(self, *, catalogue: Catalogue | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.catalogue = catalogue or default_catalogue()
        self.examples = load_examples()
        self.required = load_required()
        self._inquiry_specs = {p.inquiry_fitur: p for p in self.catalogue if p.inquiry_fitur}
        self._payment_specs: dict[str, list[ProductSpec]] = {}
        for p in self.catalogue:
            self._payment_specs.setdefault(p.payment_fitur, []).append(p)
        self._tokens: dict[str, float] = {}
        self._reff_nums: set[str] = set()
        self._answered: dict[str, list[Answered]] = {}
        self._journal = itertools.count(913000001)
        self._financial = itertools.count(700001)
        self._bills = self._seed_bills()
        # The admin fee the host takes at the payment, whatever its inquiry quoted (a tariff
        # changed in between): None, the inquiry's. A text is answered as written (a figure
        # that cannot be read). ``payment_total``: the total the answer states, where its
        # section states one, if not amount + that fee (an answer contradicting itself).
        self.payment_fee: int | str | None = None
        self.payment_total: int | None = None
        self.route(TRANSACTION_PATH, self._transaction)

    # -- data -----------------------------------------------------------------------------
    def _seed_bills(self) -> dict[tuple[str, tuple[str, ...]], dict[str, Any]]:
        bills = {}
        for spec in self.catalogue:
            section = SECTIONS.get(spec.id, (None, None))[0]
            if section is None or spec.inquiry_fitur is None:
                continue
            example = self.examples[section]
            source = (example.get("request") or {}).get("data") or example["response_success"]
            key = tuple(wire_text(source.get(k)) for k in identity_keys(spec))
            bills[(spec.inquiry_fitur, key)] = example["response_success"]
        return bills

    def credentials(self) -> dict[str, Any]:
        return {
            "dealer_id": DEALER_ID,
            "x_auth_user": XAUTH_USER,
            "x_auth_password": XAUTH_PASSWORD,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "agent_code": AGENT_CODE,
            "pin": PIN,
            "account_num": ACCOUNT,
            "token_path": TOKEN_PATH,
            "transaction_path": TRANSACTION_PATH,
        }

    def unknown_code_answer(self, body: dict[str, Any], code: str, text: str) -> dict[str, Any]:
        """The payment error shape with an errorNum no table lists as final."""
        if isinstance(body.get("data"), dict):
            return {**body, "data": {"error": True, "errorNum": code, "message": f"[{code}] {text}"}}
        return {"error": True, "errorNum": code, "message": f"[{code}] {text}"}

    def reworded_code(self, body: dict[str, Any], *, as_number: bool) -> dict[str, Any]:
        """Keagenan has no success code: its ``error`` flag comes as 0 or as "false "."""
        target = body["data"] if isinstance(body.get("data"), dict) else body
        if "error" in target and not is_true_flag(target["error"]):
            target["error"] = 0 if as_number else "false "
        return body

    def total_keys(self, body: dict[str, Any]) -> frozenset[str]:
        """INCONSISTENT_TOTAL: every total the answer states (``ANSWER_TOTALS``). A payment
        whose answer states none (Indovision, a credit card of another bank, a personal
        loan, an airline ticket: only CustomerData.nominal) meets nothing to change."""
        return ANSWER_TOTALS

    def forget_sessions(self) -> None:
        """Fault SESSION_EXPIRY: every issued token stops working."""
        with self._lock:
            self._tokens.clear()

    # -- routing (the token route is form-encoded, not JSON) -------------------------------
    def dispatch(self, request: Request) -> Response:
        if request.path == TOKEN_PATH:
            if request.method != "POST":
                return Response.json({"error": "method_not_allowed"}, 405)
            with self._lock:
                return self._token(request)
        return super().dispatch(request)

    def _token(self, request: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs(request.body.decode("ascii", "replace")).items()}
        if form.get("grant_type") != "client_credentials":
            return Response.json({"error": "unsupported_grant_type"}, 400)
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if request.headers.get("authorization") != expected:
            return Response.json({"error": "invalid_client", "error_description": "Bad client credentials"}, 401)
        token = secrets.token_urlsafe(40)
        self._tokens[token] = self.clock.monotonic() + TOKEN_LIFETIME
        return Response.json({"access_token": token, "token_type": "bearer", "expires_in": TOKEN_LIFETIME,
                              "scope": "resource.WRITE resource.READ"})

    def _authorised(self, request: Request) -> bool:
        expiry = self._tokens.get(request.query.get("access_token", ""))
        if expiry is None or expiry <= self.clock.monotonic():
            return False
        expected = base64.b64encode(f"{XAUTH_USER}:{XAUTH_PASSWORD}".encode()).decode()
        return request.headers.get("x-auth") == expected

    def _transaction(self, request: Request) -> Response:
        body = request.json()
        if not isinstance(body, dict) or not self._authorised(request):
            return Response.json({"status": False, "error": "Unauthorized"}, 401)
        if body.get("typereq") == "ping":
            stamp = self.clock.now().strftime("%Y-%m-%d %H:%M:%S")
            return Response.json({"status": True, "code": "1", "data": f"Access from 127.0.0.1 at {stamp}"})
        if body.get("dealerId") not in DEALERS:
            return Response.json({"status": False, "error": "Unauthorized"}, 401)
        fitur = str(body.get("fiturId") or "")
        data = body.get("data") if isinstance(body.get("data"), dict) else {}
        if body.get("typereq") != "trans" or (fitur not in self._inquiry_specs and fitur not in self._payment_specs):
            return Response.json({"error": True, "errorNum": "12", "message": "Invalid transaction"})
        if fitur in self._inquiry_specs:
            return Response.json(self._inquiry(self._inquiry_specs[fitur], body))
        return Response.json(self._payment(self._payment_spec(fitur, data), body))

    def _payment_spec(self, fitur: str, data: Mapping[str, Any]) -> ProductSpec:
        """The product a payment fiturId names. FTR463 is printed for ACC Finance (section 25)
        and BNI Life (section 27): the host tells them apart by providerId (ACC_FINANCE or
        one of BNI Life's BNILIFE_*); an unknown providerId is answered as the first."""
        specs = self._payment_specs[fitur]
        provider = wire_text(data.get("providerId"))
        for spec in specs:
            fixed = spec.payment_constants.get("providerId")
            typed = next((f for f in spec.fields if f.wire == "providerId"), None)
            if provider and (provider == fixed or (typed is not None and provider in {c.value for c in typed.choices})):
                return spec
        return specs[0]

    # -- inquiry --------------------------------------------------------------------------
    def _inquiry(self, spec: ProductSpec, body: dict[str, Any]) -> dict[str, Any]:
        data = body["data"] if isinstance(body.get("data"), dict) else {}
        refused = self._check_reff(data)
        if refused:
            return {"error": True, **refused}
        missing = self._missing(spec, body, payment=False)
        if missing:
            return {"error": True, **_format_error(missing)}
        if "pin_transaksi" in data and wire_text(data["pin_transaksi"]) != PIN:
            return {"error": True, "errorNum": "" if spec.payment_fitur in EMPTY_PIN_CODE else "-2",
                    "message": PIN_MESSAGE}
        key = tuple(wire_text(data.get(k)).strip() for k in identity_keys(spec))
        template = self._bills.get((spec.inquiry_fitur, key))
        if template is None:
            return self._not_found(spec)
        answer = copy.deepcopy(template)
        if "reffNum" in answer:
            answer["reffNum"] = wire_text(data["reffNum"])
        if spec.id == "bpjs_kesehatan":
            self._scale_bpjs(answer, data)
        inputs = inputs_from(spec, data)
        self._answered.setdefault(spec.payment_fitur, []).append(
            Answered(spec.expected_payment_fields(answer, inputs), answer, inputs))
        return answer

    def _not_found(self, spec: ProductSpec) -> dict[str, Any]:
        error = self.examples[SECTIONS[spec.id][0]].get("response_error") or {}
        if str(error.get("errorNum")) in NOT_FOUND_CODES:
            return copy.deepcopy(error)
        return {"error": True, "errorNum": "14", "message": RC14}

    @staticmethod
    def _scale_bpjs(answer: dict[str, Any], data: Mapping[str, Any]) -> None:
        months = int(wire_text(data.get("numberOfMonthsOfBills")) or "1")
        total = BPJS_MONTHLY_PREMIUM * months * int(answer.get("h_totalMember") or 1)
        answer.update(h_numberOfMonthsOfBills=str(months), h_totalBills=str(total), h_detailPremi=f"{total}.0")

    # -- payment --------------------------------------------------------------------------
    def _payment(self, spec: ProductSpec, body: dict[str, Any]) -> dict[str, Any]:
        data = body["data"] if isinstance(body.get("data"), dict) else {}
        refused = self._check_reff(data)
        if refused:
            return self._payment_error(spec, refused, data)
        missing = self._missing(spec, body, payment=True)
        if missing:
            return self._payment_error(spec, _format_error(missing), data)
        if wire_text(data.get("pin_transaksi")) != PIN:
            code = "" if spec.payment_fitur in EMPTY_PIN_CODE else "-2"
            return self._payment_error(spec, {"errorNum": code, "message": PIN_MESSAGE}, data)
        amount = _amount(data.get(spec.amount_wire)) if spec.amount_wire else None
        if spec.single_step:
            if not amount:
                return self._payment_error(spec, {"errorNum": "30", "message": "NOMINAL TIDAK BOLEH 0.",
                                                  "ori_errorNum": "30", "ori_message": "Message format error"}, data)
            inputs = inputs_from(spec, data)
            return self._paid(spec, data, spec.totals({}, inputs, amount), inputs)
        match = self._match(spec, data, amount)
        if match is None:
            return self._payment_error(spec, _format_error("data tidak sama dengan inquiry"), data)
        self._answered[spec.payment_fitur].remove(match)
        if amount is None:
            amount = spec.amounts(match.answer, match.inputs)[0]
        return self._paid(spec, data, spec.totals(match.answer, match.inputs, amount), match.inputs)

    def _match(self, spec: ProductSpec, data: Mapping[str, Any], amount: int | None) -> Answered | None:
        for answered in reversed(self._answered.get(spec.payment_fitur, [])):
            if any(wire_text(data.get(k)) != v for k, v in answered.expected.items()):
                continue
            if amount is None:
                return answered
            if spec.free_amount:
                low, high = spec.bounds(answered.answer)
                if amount > 0 and (low is None or amount >= low) and (high is None or amount <= high):
                    return answered
            elif amount == spec.amounts(answered.answer, answered.inputs)[0]:
                return answered
        return None

    def _paid(self, spec: ProductSpec, data: Mapping[str, Any], money: tuple[int, int, int],
              inputs: Mapping[str, str]) -> dict[str, Any]:
        amount, fee, total = money
        payment_section = SECTIONS.get(spec.id, (None, None))[1]
        template = (self.examples[payment_section]["response_success"] if payment_section
                    else _SYNTHETIC[spec.payment_fitur])
        answer = copy.deepcopy(template)
        journal = f"{next(self._journal)} "
        out = answer["data"]
        for key in out:
            if key in data and key not in ("error", "errorNum"):
                out[key] = wire_text(data[key])
        out.update(error=False, journal=journal, financialJournal=f"{next(self._financial)}")
        if "reffNum" in out:
            out["reffNum"] = wire_text(data["reffNum"])
            if data.get("reffNum1") and spec.trx_type == "61":  # Prudential: reffNum1 + "TNDBKT…" + indicator
                out["reffNum"] = f"{data['reffNum1']}TNDBKT1234567890{wire_text(data.get('productIndicator'))}"
        answer["result"] = dict(AGENT_RESULT)
        customer = answer.setdefault("CustomerData", {})
        for key in customer:
            if key in data:
                customer[key] = wire_text(data[key])
        fee, total = self._charge(spec, answer, amount, fee, total)
        customer.update(nominal=str(amount), time=iso(self.clock.now()).replace(".000", ""))
        for key in ("noRek", "accountNum"):
            if key in customer:
                customer[key] = wire_text(data.get("accountNum"))
        if "no_tel" in customer and "areaCode" in data and "phoneNum" in data:  # Telkom: L211
            customer["no_tel"] = wire_text(data["areaCode"]) + wire_text(data["phoneNum"])
        self.record(op="payment", fiturId=spec.payment_fitur, product=spec.id, reffNum=wire_text(data["reffNum"]),
                    journal=journal.strip(), amount=amount, fee=fee, total=total,
                    customer=spec.customer_ref(inputs), kode_loket=wire_text(data.get("kode_loket")))
        return answer

    def _charge(self, spec: ProductSpec, answer: dict[str, Any], amount: int, fee: int,
                total: int) -> tuple[Any, int]:
        """The fee taken (``payment_fee``, else the quoted one), stated where the section's
        answer states it (``spec.answer_fee_path``), with the total it makes: a product whose
        inquiry states no fee (Telkom) keeps its example's biaya_adm unless told another."""
        if self.payment_fee is None and not spec.fee_known:
            return fee, total
        if self.payment_fee is not None:
            fee = self.payment_fee
            total = amount + fee if isinstance(fee, int) else total
        _put(answer, spec.answer_fee_path, str(fee))
        if spec.answer_total_path and not spec.free_amount:
            _put(answer, spec.answer_total_path, str(self.payment_total if self.payment_total is not None else total))
        return fee, total

    def _payment_error(self, spec: ProductSpec, error: Mapping[str, Any], data: Mapping[str, Any]) -> dict[str, Any]:
        """The document's payment error shape; sections 34-57 omit trxType/status (INC-37)."""
        payment_section = SECTIONS.get(spec.id, (None, None))[1]
        example = self.examples[payment_section].get("response_error", {}) if payment_section else {}
        answer: dict[str, Any] = {}
        if "trxType" in example or not example:
            answer.update(trxType=spec.trx_type, status="success")
        answer["data"] = {"error": True, **error}
        answer["result"] = dict(AGENT_RESULT)
        answer["CustomerData"] = {"biaya_adm": 0, "nominal": wire_text(data.get(spec.amount_wire or "amount")),
                                  "time": iso(self.clock.now()).replace(".000", "")}
        return answer

    # -- checks ---------------------------------------------------------------------------
    def _check_reff(self, data: Mapping[str, Any]) -> dict[str, str] | None:
        reff = wire_text(data.get("reffNum")).strip()
        if not is_digits(reff):
            return _format_error("reffNum")
        if reff in self._reff_nums:
            return {"errorNum": "9990", "message": "Duplicate Refference Number"}
        self._reff_nums.add(reff)
        return None

    def _defined(self, spec: ProductSpec, *, payment: bool) -> list[tuple[str, ...]]:
        """What the document's definition of this request marks mandatory: one tuple of
        accepted spellings per field. Fields its own example omits are not enforced (the
        document contradicts itself; see tests/data/extract_keagenan_required.py)."""
        section = DEFINITIONS.get(spec.id, (None, None))[1 if payment else 0]
        entry = self.required.get(section) if section is not None else None
        if entry is None:
            return []
        return [(name, entry["spellings"][name]) if name in entry["spellings"] else (name,)
                for name in entry["defined"] if name not in entry["example_omits"]]

    def _missing(self, spec: ProductSpec, body: Mapping[str, Any], *, payment: bool) -> str:
        """The first mandatory field that is absent or wrong, or ''.

        Presence is the document's (``_defined``); the agent codes, PIN, account and the
        fields naming the bill must also be non-empty; fixed values are the spec's."""
        data = body["data"] if isinstance(body.get("data"), dict) else {}

        def carried(name: str) -> bool:
            if name.startswith("data."):
                return name[5:] in data
            return name in body

        defined = self._defined(spec, payment=payment)
        for spellings in defined:
            if not any(carried(name) for name in spellings):
                return spellings[0].removeprefix("data.")
        named = {name[5:] for spellings in defined for name in spellings if name.startswith("data.")}
        not_empty = [k for k in ("kode_mitra", "kode_cabang", "kode_loket", "pin_transaksi", "accountNum")
                     if k in named]
        if payment:
            constants = dict(spec.payment_constants)
            if spec.single_step:  # a two-step payment's fields are checked against its inquiry
                not_empty += [f.wire for f in spec.fields if f.wire and f.name != spec.amount_field]
        else:
            not_empty += list(identity_keys(spec))
            constants = dict(spec.inquiry_constants)
        for key in not_empty:
            if not wire_text(data.get(key)).strip():
                return key
        if spec.client_id and "clientId" in data and data["clientId"] != spec.client_id:
            return "clientId"
        for key, value in constants.items():
            if key not in FREE_TEXT and key in data and wire_text(data[key]) != value:
                return key
            if key not in FREE_TEXT and key not in data and key != "clientId":
                return key
        return ""


def _put(answer: dict[str, Any], path: str, value: str) -> None:
    """``"CustomerData.adminFee"`` -> ``answer["CustomerData"]["adminFee"] = value``."""
    where, _, key = path.partition(".")
    answer.setdefault(where, {})[key] = value


def is_true_flag(value: Any) -> bool:
    return value is True or str(value).strip().lower() == "true"


def _amount(value: Any) -> int | None:
    try:
        return parse_rupiah(value) if value not in (None, "") else None
    except MoneyError:
        return None


def _format_error(field_name: str) -> dict[str, str]:
    return {"errorNum": "30", "message": "Transaksi tidak dapat dilakukan. (RC 30)", "ori_errorNum": "30",
            "ori_message": f"Message format error ({field_name})"}
