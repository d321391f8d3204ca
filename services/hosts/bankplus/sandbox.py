"""Simulated Bank+ host (branchless.id H2H), answering exactly as bankplus-api.txt shows.

It holds the document's example agent (BNIUS100294 / T6jkl4ss, PIN 359569) and accounts
(4447 ARDHA HERDIANTO, 14047, 114451186 at bank 008), a second agent of the same counter for
rehearsing Serah Terima Kas (``SECOND_AGENT``: BNIUS100295 / R1na-2026, PIN 246813, account
4448 RINA WULANDARI), the master-data lists and the
dashboard graphs, and keeps real balances: a deposit raises the customer's balance and
lowers the agent's float; a transfer debits the agent for amount + fee and credits the
beneficiary.

Where the document is silent the sandbox decides, and says so here:
* Every endpoint is POST with a JSON body (the README of the seeds); an empty body is ``{}``.
* HTTP status: the one in ``debug.status`` where the document shows one (401 for
  SESSION_NOT_FOUND and wrong login, 400 for INVALID_PIN), otherwise 200.
* ``sid``: the document lists it on every transaction endpoint without saying where it
  comes from. Loket sends its own journal reference there; the sandbox requires it to be
  present (``-1 [30] FORMAT ERROR``) and writes it to its ledger, so the host's truth can be
  matched to the journal.
* Failures the document does not show use its ``-1`` shape with ISO-8583-style codes:
  ``[13] INVALID AMOUNT``, ``[51] INSUFFICIENT FUNDS``, ``[30] FORMAT ERROR``,
  ``[12] INVALID TRANSACTION`` (interbank payment whose transaction_id, account or admin fee
  does not match its inquiry).
* Customer PINs for ``customerbalance``: 359569 for 4447 (the document's example), 246813
  for 4448 (the second agent's), 123456 for the other sandbox customers.
* The second agent is the sandbox's own, not the document's: the login answer and the
  ``agent`` block are the example's with that agent's name, username, e-mail, phone and
  documents. Same counter, so the same kode_loket and branch, and so the same kode agen: the
  document's kode agen is kode mitra + kode cabang + kode loket (BNI014100294), the code
  Loket's header shows. Each answer names the agent whose session it is.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from services.clock import WIB
from services.money import MoneyError, format_digits, parse_rupiah
from services.sandbox.base import Request, Response, SimulatedHost

AGENT_INFO = {
    "kode_agen": "BNI014100294",
    "nama": "Ardha Herdianto",
    "alamat": "Perumahan Gateway 02/02 Jatikalang Kab_Sidoarjo, Jawa Timur",
}

LOGIN_DATA = {
    "nama": "Ardha Herdianto",
    "email": "ardha2.008@gmail.com",
    "no_hp": "081332758961",
    "username": "BNIUS100294",
    "status": "1",
    "favourite": None,
    "kode_bank": "BNI",
    "kode_cabang": "014",
    "kode_mitra": "BNI",
    "kode_loket": "100294",
    "kelompok_id": "4",
    "menu": None,
    "group_id": "",
    "password_updated_at": "2020-04-16T07:19:37.000Z",
    "pin_updated_at": "2020-03-30T08:45:03.000Z",
    "attachment": ("{\"register\":\"agent/BNI_1234567890123679_KTP_1578019696.png\","
                   "\"due_diligence\":{\"file\":\"agent/BNI_1234567890123679_TU_1578367433.png\",\"detail\":\"\"}}"),
    "kode_wil_bi": "1202",
    "agent_type": "lakupandai,ePayment,lkd",
    "alamat_jalan": "Perumahan Gateway",
    "alamat_rt_perum": "02/02",
    "alamat_kelurahan": "Jatikalang",
    "alamat_kecamatan": "Krian",
    "alamat_kabupaten_kota": "Kab_Sidoarjo",
    "alamat_propinsi": "Jawa Timur",
    "status_mitra": None,
    "icon_bank": "1583909614507.jpeg",
    "logo_bank": "1583909611598.jpeg",
    "warna_bank": "ff6f00",
    "nama_bank": "BNI",
}

SECOND_USERNAME, SECOND_PASSWORD, SECOND_PIN, SECOND_ACCOUNT = "BNIUS100295", "R1na-2026", "246813", "4448"
SECOND_NAME = "Rina Wulandari"
SECOND_AGENT_INFO = {**AGENT_INFO, "nama": SECOND_NAME}
SECOND_LOGIN_DATA = {
    **LOGIN_DATA,
    "nama": SECOND_NAME,
    "email": "rina.wulandari@example.com",
    "no_hp": "081234500295",
    "username": SECOND_USERNAME,
    "password_updated_at": "2026-01-05T02:10:00.000Z",
    "pin_updated_at": "2026-01-05T02:12:00.000Z",
    "attachment": ("{\"register\":\"agent/BNI_3515084107900002_KTP_1767579000.png\","
                   "\"due_diligence\":{\"file\":\"agent/BNI_3515084107900002_TU_1767579300.png\",\"detail\":\"\"}}"),
}

BANKS = [
    ("002", "BRI"), ("008", "BANK MANDIRI"), ("012", "BANK BCA"), ("009", "BNI 46"),
    ("011", "BANK DANAMON"), ("013", "BANK PERMATA"), ("016", "MAYBANK"), ("019", "BANK PANIN"),
    ("022", "BANK CIMB NIAGA"), ("023", "BANK UOB INDONESIA"),
]
# The interbank inquiry example answers "MANDRI" for 008: the switch's short names.
SWITCH_BANK_NAMES = {"002": "BRI", "008": "MANDRI", "012": "BCA", "009": "BNI", "011": "DANAMON",
                     "013": "PERMATA", "016": "MAYBANK", "019": "PANIN", "022": "CIMB", "023": "UOB"}

JOBS = ["AKUNTING / KEUANGAN", "CUSTOMER SERVICE", "ENGINEERING", "EXECUTIV", "ADMINISTRASI UMUM",
        "KOMPUTER", "KONSULTAN"]
EDUCATIONS = ["TANPA GELAR", "D1", "D2", "D3", "S1/D4", "S2", "S3"]
SALARIES = ["< Rp 2,5 juta", "Rp 2,5 juta s/d Rp 5 juta", "Rp 5 juta s/d Rp 10 juta",
            "Rp 10 juta s/d Rp 15 juta", "Rp 15 juta s/d Rp 20 juta", "Rp 20 juta s/d Rp 25 juta",
            "Rp 25 juta s/d Rp 50 juta", "> Rp 50 juta"]
TRANSACTION_RANGES = ["< Rp 50 juta", "Rp 50 juta s/d Rp 100 juta", "Rp 100 juta s/d Rp 500 juta",
                      "Rp 500 juta s/d Rp 1 Miliar", "> Rp 1 Miliar"]

# (propinsi, jenis, kabupaten, kecamatan, kelurahan) -> kodepos; the document's example first.
WILAYAH = {
    ("dki jakarta", "kota", "jakarta pusat", "gambir", "gambir"): 10110,
    ("dki jakarta", "kota", "jakarta selatan", "kebayoran baru", "senayan"): 12190,
    ("jawa timur", "kabupaten", "sidoarjo", "krian", "jatikalang"): 61262,
    ("jawa timur", "kabupaten", "sidoarjo", "waru", "waru"): 61256,
    ("jawa timur", "kota", "surabaya", "genteng", "embong kaliasin"): 60271,
    ("jawa barat", "kota", "bandung", "coblong", "dago"): 40135,
    ("di yogyakarta", "kota", "yogyakarta", "gondokusuman", "terban"): 55223,
}

GRAPHS = {
    "bill": [("BPJS KS VA", 52), ("PDAM", 54), ("Mobile Postpaid", 30), ("BPJS TK BPU", 42),
             ("BPJS TK PU", 37), ("Indihome", 18)],
    "purchase": [("GoPay", 36), ("Train Ticketing", 14), ("Railink", 19)],
    "agentGrowth": [("2019-01", 8), ("2019-02", 33), ("2019-03", 41), ("2019-04", 49), ("2019-05", 44)],
    "agentSpread": [("Bali", 14), ("Bangka Belitung", 7), ("Banten", 15), ("Bengkulu", 4), ("DI Yogyakarta", 15)],
}

OPEN_ACCOUNT_FIELDS = ("pin_transaksi", "name", "email", "mother_name", "profession", "last_education",
                       "status_nikah", "pob", "dob", "ktp", "gender", "address", "rt", "rw", "zip_code",
                       "kelurahan", "kecamatan", "city", "state", "hp", "phone", "income",
                       "jumlah_transaksi", "deposit")


@dataclass
class Account:
    number: str
    name: str
    balance: int
    pin: str = "123456"
    phone_mobile: str = "08968967xxxx"
    phone_home: str = "9999xxxx"
    phone_office: str = ""


@dataclass
class Agent:
    """An agent the sandbox knows. ``login``/``info``: the login answer's data and the answers'
    ``agent`` block; None is the document's example agent's (``LOGIN_DATA``, ``AGENT_INFO``)."""

    username: str
    password: str
    pin: str
    account: str
    login: dict[str, Any] | None = None
    info: dict[str, Any] | None = None

    def login_data(self) -> dict[str, Any]:
        return dict(LOGIN_DATA if self.login is None else self.login)

    def agent_info(self) -> dict[str, Any]:
        return dict(AGENT_INFO if self.info is None else self.info)

    @property
    def kode_agen(self) -> str:
        return str(self.agent_info()["kode_agen"])


class BankPlusSandbox(SimulatedHost):
    name = "bankplus"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.agents = {
            "BNIUS100294": Agent("BNIUS100294", "T6jkl4ss", "359569", "4447"),
            SECOND_USERNAME: Agent(SECOND_USERNAME, SECOND_PASSWORD, SECOND_PIN, SECOND_ACCOUNT,
                                   login=SECOND_LOGIN_DATA, info=SECOND_AGENT_INFO),
        }
        self.accounts: dict[str, Account] = {
            a.number: a
            for a in (
                Account("4447", "ARDHA HERDIANTO", 202_696_682, pin="359569", phone_mobile="089689677052",
                        phone_home="99999999"),
                Account("14047", "ARDHA HERDIANTO", 1_500_000),
                Account(SECOND_ACCOUNT, SECOND_NAME.upper(), 25_000_000, pin=SECOND_PIN, phone_mobile="081234500295"),
                Account("1234567890", "SITI RAHAYU", 750_000, phone_mobile="081234567890"),
                Account("5550001112", "BUDI SANTOSO", 3_250_000, phone_mobile="085712345678"),
            )
        }
        self.other_banks: dict[tuple[str, str], Account] = {
            ("008", "114451186"): Account("114451186", "Ardha Herdianto", 5_000_000),
            ("002", "0123456789012"): Account("0123456789012", "DEWI LESTARI", 2_000_000),
            ("012", "8800112233"): Account("8800112233", "RUDI HARTONO", 900_000),
        }
        self.intrabank_fee = 1_000
        self.interbank_fee = 6_500
        self.sessions: dict[str, str] = {}
        self.inquiries: dict[str, tuple[str, str, int]] = {}  # transaction_id -> (bank, account, fee)
        self.monthly: dict[str, dict[str, int]] = {}
        self._next_account = 123_456_789
        routes: dict[str, Callable[[Request], Response]] = {
            "/bankplus/users/auth": self._login,
            "/bankplus/users/logout": self._session(self._logout),
            "/bankplus/dashboard/bsa": self._session(self._graph_bsa),
            "/bankplus/dashboard/bill": self._session(self._graph("bill")),
            "/bankplus/dashboard/purchase": self._session(self._graph("purchase")),
            "/bankplus/dashboard/agentGrowth": self._session(self._graph("agentGrowth")),
            "/bankplus/dashboard/agentSpread": self._session(self._graph("agentSpread")),
            "/bankplus/wilayah/get": self._session(self._wilayah),
            "/bankplus/master/jobs": self._session(self._master("Menampilkan data", JOBS)),
            "/bankplus/master/educations": self._session(self._master("Menampilkan data", EDUCATIONS)),
            "/bankplus/master/salaries": self._session(self._master("Menampilkan data", SALARIES)),
            "/bankplus/master/transactions": self._session(self._master("Menampilkan data", TRANSACTION_RANGES)),
            "/bankplus/bank/list": self._session(self._bank_list),
            "/bankplus/account/changepass": self._session(self._change_password),
            "/bankplus/bsa/checkAccount": self._session(self._check_account, sid=True),
            "/bankplus/bsa/customerbalance": self._session(self._customer_balance, sid=True),
            "/bankplus/account/balance": self._session(self._agent_balance, sid=True),
            "/bankplus/bsa/openAccount": self._session(self._open_account, sid=True),
            "/bankplus/bsa/depositAccount": self._session(self._deposit, sid=True),
            "/bankplus/bsa/transfer/intrabank/inquiry": self._session(self._intrabank_inquiry, sid=True),
            "/bankplus/bsa/transfer/intrabank/payment": self._session(self._intrabank_payment, sid=True),
            "/bankplus/bsa/transfer/interbank/inquiry": self._session(self._interbank_inquiry, sid=True),
            "/bankplus/bsa/transfer/interbank/payment": self._session(self._interbank_payment, sid=True),
        }
        for path, handler in routes.items():
            self.route(path, handler)

    # -- what a client needs ---------------------------------------------------------
    def credentials(self) -> dict[str, Any]:
        own = {a.account for a in self.agents.values()}
        return {
            "host": "bankplus",
            "username": "BNIUS100294",
            "password": "T6jkl4ss",
            "pin": "359569",
            "agent_code": AGENT_INFO["kode_agen"],
            "login_path": "/bankplus/users/auth",
            "customer_accounts": {n: a.name for n, a in self.accounts.items() if n not in own},
            "customer_pin": "123456 (359569 for 4447)",
            "interbank_accounts": {f"{b}/{n}": a.name for (b, n), a in self.other_banks.items()},
            # another agent of the same counter, to rehearse Serah Terima Kas (the drawer handed over)
            "second_agent": {"username": SECOND_USERNAME, "password": SECOND_PASSWORD, "pin": SECOND_PIN,
                             "name": SECOND_NAME, "account": SECOND_ACCOUNT},
        }

    def forget_sessions(self) -> None:
        self.sessions.clear()

    def unknown_code_answer(self, body: dict[str, Any], code: str, text: str) -> dict[str, Any]:
        """The document's ``-1`` shape with an ISO 8583 code that says nothing final."""
        return json.loads(self._fail_minus_one(f"[{code}] {text}").body)

    # -- shapes from the document ----------------------------------------------------
    def _now(self) -> datetime:
        """The host's own clock (``SimulatedHost.clock``), in UTC."""
        return self.clock.now().astimezone(timezone.utc)

    def _stamp(self) -> str:
        now = self._now()
        return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"

    def _trace(self) -> str:
        now = self.clock.now().astimezone(WIB)
        return "BLB" + now.strftime("%y%m%d%H%M%S") + f"{secrets.randbelow(100000):05d}"

    @staticmethod
    def _ok(message: str, data: Any, *, agent: Agent | None = None, **extra: Any) -> Response:
        """``agent``: the agent whose session it is, named in the answer's ``agent`` block."""
        body: dict[str, Any] = {"code": "00", "message": message, "data": data}
        if agent is not None:
            body["agent"] = agent.agent_info()
        body.update(extra)
        return Response.json(body)

    def _fail_minus_one(self, message: str) -> Response:
        return Response.json({
            "code": "-1",
            "message": message,
            "data": {"code": "-1", "status": False, "message": message, "trace_code": self._trace(),
                     "bank_code": "BNI"},
            "debug": {"from": "bankplus_platform_core"},
        })

    @staticmethod
    def _platform_error(code: str, message: str, status: int) -> Response:
        return Response.json({
            "code": code, "message": message, "data": {},
            "debug": {"from": "bankplus_platform_core", "status": status, "name": code, "info": {}},
        }, status)

    def _invalid_pin(self) -> Response:
        return self._platform_error("INVALID_PIN", "Mohon maaf PIN transaksi anda salah", 400)

    # -- session plumbing ------------------------------------------------------------
    def _session(self, handler: Callable[[Request, Agent], Response], *,
                 sid: bool = False) -> Callable[[Request], Response]:
        def guarded(request: Request) -> Response:
            username = self.sessions.get(request.headers.get("sessionid", ""))
            if username is None:
                return self._platform_error("SESSION_NOT_FOUND", "Invalid session!", 401)
            if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
                return self._fail_minus_one("[30] FORMAT ERROR: content-type harus application/json")
            if sid and not request.headers.get("sid", "").strip():
                return self._fail_minus_one("[30] FORMAT ERROR: header sid wajib diisi")
            return handler(request, self.agents[username])

        return guarded

    def _login(self, request: Request) -> Response:
        body = request.json()
        agent = self.agents.get(str(body.get("username", "")))
        if agent is None or agent.password != body.get("password"):
            return Response.json({
                "code": "2102",
                "message": "Username dan Password yang Anda masukkan tidak ditemukan. Silakan periksa dan coba kembali",
                "debug": {"from": "bankplus_platform_core", "status": 401},
            }, 401)
        session_id = secrets.token_urlsafe(60)[:80]
        self.sessions[session_id] = agent.username
        return Response.json({"code": "00", "message": "Login berhasil", "data": agent.login_data(),
                              "session_id": session_id})

    def _logout(self, request: Request, agent: Agent) -> Response:
        self.sessions.pop(request.headers.get("sessionid", ""), None)
        return self._ok("Ok.", {})

    # -- non-transaction -------------------------------------------------------------
    def _count(self, title: str) -> None:
        month = self.clock.now().astimezone(WIB).strftime("%Y-%m")
        bucket = self.monthly.setdefault(month, {})
        bucket[title] = bucket.get(title, 0) + 1

    def _graph_bsa(self, request: Request, agent: Agent) -> Response:
        month = str(request.json().get("month", ""))
        try:
            wanted = datetime.strptime(month, "%Y-%m")
        except ValueError:
            return Response.json({"code": "NOT_FOUND", "message": "Data tidak ditemukan!", "data": {}})
        if wanted.strftime("%Y-%m") > self.clock.now().astimezone(WIB).strftime("%Y-%m"):
            return Response.json({"code": "NOT_FOUND", "message": "Data tidak ditemukan!", "data": {}})
        base = {"Buka Rekening": 3, "Setor Tunai": 3, "Customer Balance": 9}
        done = self.monthly.get(month, {})
        data = [
            {"graph_id": i, "graph_title": title, "graph_count": count + done.get(title, 0)}
            for i, (title, count) in enumerate(base.items(), start=1)
        ]
        return self._ok("Data ditemukan!", data)

    def _graph(self, kind: str) -> Callable[[Request, Agent], Response]:
        def handler(request: Request, agent: Agent) -> Response:
            return self._ok("Data ditemukan!", [{"graph_title": t, "graph_count": c} for t, c in GRAPHS[kind]])

        return handler

    def _wilayah(self, request: Request, agent: Agent) -> Response:
        body = request.json()
        key = tuple(str(body.get(k, "")).strip().lower()
                    for k in ("propinsi", "jenis", "kabupaten", "kecamatan", "kelurahan"))
        code = WILAYAH.get(key)  # type: ignore[arg-type]
        if code is None:
            return Response.json({"code": "NOT_FOUND", "message": "Mohon maaf data wilayah tidak ditemukan",
                                  "data": {}})
        return self._ok("Data wilayah di temukan", [{"kodepos": code}])

    def _master(self, message: str, names: list[str]) -> Callable[[Request, Agent], Response]:
        def handler(request: Request, agent: Agent) -> Response:
            return self._ok(message, [{"id": i, "name": n} for i, n in enumerate(names, start=1)])

        return handler

    def _bank_list(self, request: Request, agent: Agent) -> Response:
        data = [{"bank_code": c, "bank_name": n} for c, n in BANKS]
        return self._ok("Berhasil menampilkan list bank", data, count=len(data))

    def _change_password(self, request: Request, agent: Agent) -> Response:
        body = request.json()
        new = str(body.get("new", ""))
        if body.get("old") != agent.password or not new:
            return Response.json({"code": "UPDATE_NONE", "message": "Password tidak sesuai, coba ulangi kembali",
                                  "data": {}})
        agent.password = new
        self.record(op="change_password", username=agent.username)
        return self._ok("Perubahan password berhasil dilakukan", {})

    # -- transactions ----------------------------------------------------------------
    def _account_view(self, acc: Account) -> dict[str, Any]:
        return {
            "account_currency": "IDR",
            "account_number": acc.number,
            "account_name": acc.name,
            "account_balance": acc.balance,
            "phone_mobile": acc.phone_mobile,
            "phone_home": acc.phone_home,
            "phone_office": acc.phone_office,
            "bank_code": "BNI",
            "date_time": self._stamp(),
        }

    def _check_account(self, request: Request, agent: Agent) -> Response:
        acc = self.accounts.get(str(request.json().get("accountNum", "")))
        if acc is None:
            return self._fail_minus_one("[0108] NO SUCH ACCOUNT")
        data = {**self._account_view(acc), "referenceNumber": self._trace(), "kodeAgen": agent.kode_agen,
                "admin": 0, "phoneNumber": acc.phone_mobile[:8] + "xxxx"}
        return self._ok("Inquiry result.", data, agent=agent)

    def _customer_balance(self, request: Request, agent: Agent) -> Response:
        body = request.json()
        acc = self.accounts.get(str(body.get("accountNum", "")))
        if acc is None:
            return self._fail_minus_one("[0108] NO SUCH ACCOUNT")
        if str(body.get("pin_platform", "")) != acc.pin:
            return self._invalid_pin()
        self._count("Customer Balance")
        self.record(op="customer_balance", sid=request.headers["sid"], account=acc.number, amount=0, fee=0)
        now = self.clock.now().astimezone(WIB).strftime("%Y-%m-%d %H:%M:%S")
        view = self._account_view(acc)
        return self._ok(f"Transaksi a.n {acc.name}, pada {now} berhasil dilakukan.", view, agent=agent)

    def _agent_balance(self, request: Request, agent: Agent) -> Response:
        acc = self.accounts[agent.account]
        data = {**self._account_view(acc), "phone_mobile": acc.phone_mobile, "phone_home": acc.phone_home,
                "referenceNumber": self._trace(), "kodeAgen": agent.kode_agen,
                "balance": format_digits(acc.balance)}
        return self._ok("Balance Agen", data)

    @staticmethod
    def _amount(value: Any) -> int | None:
        try:
            amount = parse_rupiah(value)
        except MoneyError:
            return None
        return amount if amount > 0 else None

    def _debit_agent(self, agent: Agent, total: int) -> Response | None:
        float_account = self.accounts[agent.account]
        if float_account.balance < total:
            return self._fail_minus_one("[51] INSUFFICIENT FUNDS")
        float_account.balance -= total
        return None

    def _open_account(self, request: Request, agent: Agent) -> Response:
        body = request.json()
        missing = [f for f in OPEN_ACCOUNT_FIELDS if not str(body.get(f, "")).strip()]
        if missing:
            return self._fail_minus_one(f"[30] FORMAT ERROR: {', '.join(missing)} wajib diisi")
        if str(body["pin_transaksi"]) != agent.pin:
            return self._invalid_pin()
        deposit = parse_rupiah(body["deposit"]) if str(body["deposit"]).strip() else 0
        refused = self._debit_agent(agent, deposit)
        if refused:
            return refused
        number = str(self._next_account)
        self._next_account += 1
        self.accounts[number] = Account(number, str(body["name"]).upper(), deposit, phone_mobile=str(body["hp"]),
                                        phone_home=str(body["phone"]), phone_office=str(body["phone"]))
        dob = str(body["dob"])
        try:
            born = datetime.strptime(dob, "%Y-%m-%d").strftime("%d-%m-%Y")
        except ValueError:
            born = dob
        image = body.get("image") or {}
        reference = self._trace()
        self._count("Buka Rekening")
        self.record(op="open_account", sid=request.headers["sid"], account=number, amount=deposit, fee=0,
                    reference=reference)
        data = {
            "account_number_customer": number,
            "account_number_agent": agent.account,
            "account_name": body["name"],
            "national_id": body["ktp"],
            "addr_email": body["email"],
            "phone_mobile": body["hp"],
            "phone_home": body["phone"],
            "phone_office": body["phone"],
            "born_place": body["pob"],
            "born_date": born,
            "status_marital": body["status_nikah"],
            "status_gender": body["gender"],
            "first_deposit": deposit,
            "image_national_id": image.get("foto", "") if isinstance(image, dict) else "",
            "bank_code": "BNI",
            "date_time": self._stamp(),
            "referenceNumber": reference,
            "kodeAgen": agent.kode_agen,
        }
        return self._ok("Transaksi Buka Rekening berhasil dilakukan.", data, agent=agent)

    def _deposit(self, request: Request, agent: Agent) -> Response:
        body = request.json()
        acc = self.accounts.get(str(body.get("toAccount", "")))
        if acc is None:
            return self._fail_minus_one("[0108] NO SUCH ACCOUNT")
        if str(body.get("pin_transaksi", "")) != agent.pin:
            return self._invalid_pin()
        amount = self._amount(body.get("amount"))
        if amount is None:
            return self._fail_minus_one("[13] INVALID AMOUNT")
        refused = self._debit_agent(agent, amount)
        if refused:
            return refused
        acc.balance += amount
        self._count("Setor Tunai")
        self.record(op="deposit", sid=request.headers["sid"], account=acc.number, amount=amount, fee=0)
        data = {
            "amount": format_digits(amount),
            "admin": "0",
            "total": format_digits(amount),
            "date_time": self._stamp(),
            "account_number_customer": acc.number,
            "account_name": acc.name.title(),
            "deposit_amount": amount,
            "bank_code": "BNI",
        }
        return self._ok(f"Transaksi a.n {acc.name.title()} Rp.{format_digits(amount)} , admin Rp.0 berhasil dilakukan ",
                        data, agent=agent)

    def _intrabank_inquiry(self, request: Request, agent: Agent) -> Response:
        acc = self.accounts.get(str(request.json().get("account_number", "")))
        if acc is None:
            return self._fail_minus_one("[0108] NO SUCH ACCOUNT")
        data = {"account_currency": "IDR", "admin_fee": self.intrabank_fee, "bank_code": "BNI",
                "date_time": self._stamp(), "account_number": acc.number, "account_name": acc.name}
        return self._ok("Success intrabank transfer Inquiry!", data, agent=agent)

    def _intrabank_payment(self, request: Request, agent: Agent) -> Response:
        body = request.json()
        acc = self.accounts.get(str(body.get("account_number", "")))
        if acc is None:
            return self._fail_minus_one("[0108] NO SUCH ACCOUNT")
        if str(body.get("pin", "")) != agent.pin:
            return self._invalid_pin()
        amount = self._amount(body.get("amount"))
        if amount is None:
            return self._fail_minus_one("[13] INVALID AMOUNT")
        fee = self.intrabank_fee
        refused = self._debit_agent(agent, amount + fee)
        if refused:
            return refused
        acc.balance += amount
        self.record(op="intrabank_transfer", sid=request.headers["sid"], account=acc.number, amount=amount, fee=fee)
        data = {"date_time": self._stamp(), "admin_fee": fee, "total": amount + fee, "bank_code": "BNI",
                "amount": amount, "account_number": acc.number, "account_name": acc.name}
        return self._ok("Berhasil transfer antar BNI!", data, agent=agent)

    def _interbank_inquiry(self, request: Request, agent: Agent) -> Response:
        body = request.json()
        bank = str(body.get("bank_code", ""))
        acc = self.other_banks.get((bank, str(body.get("account_number", ""))))
        if acc is None:
            return self._fail_minus_one("[76] Invalid account")
        transaction_id = str(700_000_000 + secrets.randbelow(99_999_999))
        self.inquiries[transaction_id] = (bank, acc.number, self.interbank_fee)
        data = {"transaction_id": transaction_id, "admin_fee": self.interbank_fee, "bank_code": bank,
                "date_time": self._stamp(), "bank_name": SWITCH_BANK_NAMES.get(bank, bank),
                "account_number": acc.number, "account_name": acc.name}
        return self._ok("Success interbank transfer Inquiry!", data, agent=agent)

    def _interbank_payment(self, request: Request, agent: Agent) -> Response:
        body = request.json()
        bank = str(body.get("bank_code", ""))
        acc = self.other_banks.get((bank, str(body.get("account_number", ""))))
        if acc is None:
            return self._fail_minus_one("[76] Invalid account")
        if str(body.get("pin", "")) != agent.pin:
            return self._invalid_pin()
        quoted = self.inquiries.get(str(body.get("transaction_id", "")))
        try:
            fee = parse_rupiah(body.get("admin_fee"))
        except MoneyError:
            fee = -1
        if quoted is None or quoted[:2] != (bank, acc.number) or quoted[2] != fee:
            return self._fail_minus_one("[12] INVALID TRANSACTION")
        amount = self._amount(body.get("amount"))
        if amount is None:
            return self._fail_minus_one("[13] INVALID AMOUNT")
        refused = self._debit_agent(agent, amount + fee)
        if refused:
            return refused
        del self.inquiries[str(body["transaction_id"])]
        acc.balance += amount
        self.record(op="interbank_transfer", sid=request.headers["sid"], bank=bank, account=acc.number,
                    amount=amount, fee=fee, transaction_id=str(body["transaction_id"]))
        data = {"date_time": self._stamp(), "admin_fee": fee, "total": amount + fee, "bank_code": bank,
                "amount": amount, "bank_name": SWITCH_BANK_NAMES.get(bank, bank), "account_number": acc.number,
                "account_name": acc.name}
        return self._ok("Berhasil transfer antar bank!", data, agent=agent)


