"""Simulated Bank+ Switcher (``/inquiry``, ``/transfer``, ``/reversal``, ``/check``),
answering with the shapes of the Switcher section of bankplus-api.txt.

It holds the document's accounts at bank BRINIDJA (888801000003301 BRIAPI SANDBOX with
the example's balance 602577171334.84, 888801000157508 ALOYSIUS AGUS WARI Z, the agent's
source account in the examples) and a few more, keeps real balances in sen, books every
transfer and reversal under a journal number (from 1001, as the examples), and writes
what it processed to its ledger (``record``), keyed by ``refnum``.

Where the document is silent the sandbox decides, and says so here:
* HTTP status is 200 for every business answer, success or failure (the document shows
  none); a request that is not JSON gets 400.
* ``content-type: application/json`` is the one documented header; without it: -1.
* Required fields (the tables' "Mandatory") must be present and non-empty; ``refnum`` must
  be YYMMDDHHiissSSSS (16 digits, a real date and time). Answer: ``-1`` shape,
  "Invalid request: ...". The reversal example sends ``"refnum": ""``: there, and only
  there, an empty refnum is accepted and the switcher makes one (echoed in the answer);
  Loket always sends its own, so it can check the reversal later.
* A refnum names one transaction: a transfer or reversal with a refnum already booked is
  refused ("Duplicate refnum"); inquiry refnums are not booked.
* ``paymentCode`` comes from an inquiry and pays that account once: a successful transfer
  consumes it ("paymentCode not valid" afterwards, or for a code never issued).
* Other failures: "Insufficient balance" (source cannot cover it), "Invalid amount"
  (not a positive whole rupiah amount), "Account not active" (inactive beneficiary),
  "journal provided does not match refnumTarget" (reversal), 0101 for unknown accounts
  or banks (the document's inquiry/transfer failure shape).
* A reversal moves the amount back from the beneficiary to the source and is booked under
  a new journal number (the example answers 1002 for target 1001). Only a transfer can be
  reversed, once: then "Reversal already executed". An unknown target: "refnum provided
  was not found" (the check's message).
* ``/check`` knows every booked refnum: a transfer ("info": "Transfer success", or
  "Transfer reversed" once reversed) or a reversal ("Reversal success"). A refused request
  moved nothing and is not booked: checking it answers "refnum provided was not found".
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timezone
from decimal import Decimal
from typing import Any, Callable

from services.journal.references import format_reference, is_reference
from services.money import MoneyError, parse_rupiah
from services.sandbox.base import Request, Response, SimulatedHost

BANK = "BRINIDJA"
SOURCE_ACCOUNT = "888801000157508"
ACTIVE = "Rekening Aktif"
INACTIVE = "Rekening Tidak Aktif"


@dataclass
class Account:
    number: str
    name: str
    balance_sen: int
    status: str = ACTIVE


@dataclass
class Booking:
    """A processed transfer or reversal, as ``/check`` reports it."""

    kind: str  # "transfer" | "reversal"
    refnum: str
    source: Account
    beneficiary: Account
    amount: int
    remark: str
    journal: str
    timestamp: str
    reversed_by: str = ""
    target: str = ""  # for a reversal: the transfer it reversed


class SwitcherSandbox(SimulatedHost):
    name = "switcher"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.accounts: dict[str, Account] = {
            a.number: a
            for a in (
                Account("888801000003301", "BRIAPI SANDBOX", 60_257_717_133_484),
                Account(SOURCE_ACCOUNT, "ALOYSIUS AGUS WARI Z", 2_500_000_000),
                Account("888801000157516", "SITI AMINAH", 75_000_000),
                Account("888801000204417", "BAMBANG SUTRISNO", 1_250_050),
                Account("888801000311025", "KOPERASI MAJU BERSAMA", 980_000_000),
                Account("888801000099017", "HENDRA GUNAWAN", 10_000, status=INACTIVE),
            )
        }
        self.payment_codes: dict[str, str] = {}  # paymentCode -> beneficiary account
        self.bookings: dict[str, Booking] = {}
        self._next_journal = 1001
        routes: dict[str, Callable[[Request], Response]] = {
            "/inquiry": self._inquiry,
            "/transfer": self._transfer,
            "/reversal": self._reversal,
            "/check": self._check,
        }
        for path, handler in routes.items():
            self.route(path, self._checked(handler))

    def credentials(self) -> dict[str, Any]:
        return {
            "host": "switcher",
            "paths": ["/inquiry", "/transfer", "/reversal", "/check"],
            "source_bank": BANK,
            "source_account": SOURCE_ACCOUNT,
            "accounts": {n: f"{a.name} ({a.status})" for n, a in self.accounts.items() if n != SOURCE_ACCOUNT},
        }

    # -- shapes from the document ----------------------------------------------------
    def _stamp(self) -> str:
        now = self.clock.now().astimezone(timezone.utc)
        return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"

    @staticmethod
    def _ok(message: str, data: dict[str, Any]) -> Response:
        return Response.json({"code": "00", "message": message, "data": data,
                              "debug": {"from": "branchless_switcher"}})

    @staticmethod
    def _fail(message: str) -> Response:
        return Response.json({"code": "-1", "message": message, "debug": {"from": "branchless_switcher"}})

    @staticmethod
    def _unknown_account(message: str, account: str) -> Response:
        return Response.json({
            "code": "0101",
            "message": message,
            "data": {"responseCode": "0101", "responseDescription": "Inquiry failed", "errorDescription": message,
                     "Data": {"sourceAccount": account}},
            "debug": {"from": "branchless_switcher"},
        })

    def malformed_request(self, request: Request) -> Response:
        return Response.json({"code": "-1", "message": "Invalid request: body is not JSON",
                              "debug": {"from": "branchless_switcher"}}, 400)

    # -- validation ------------------------------------------------------------------
    REQUIRED = {
        "/inquiry": ("refnum", "bank", "account"),
        "/transfer": ("refnum", "paymentCode", "sourceBank", "sourceAccount", "amount", "remark"),
        "/reversal": ("refnumTarget", "journal"),  # refnum: see the module docstring
        "/check": ("refnum",),
    }

    def _checked(self, handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
        def run(request: Request) -> Response:
            if not request.headers.get("content-type", "").lower().startswith("application/json"):
                return self._fail("Invalid request: content-type must be application/json")
            body = request.json()
            if not isinstance(body, dict):
                return self._fail("Invalid request: body must be a JSON object")
            missing = [f for f in self.REQUIRED[request.path] if body.get(f) is None or not str(body[f]).strip()]
            if missing:
                return self._fail(f"Invalid request: {', '.join(missing)} is required")
            refnum = str(body.get("refnum") or "")
            if (refnum or request.path != "/reversal") and not is_reference(refnum):
                return self._fail("Invalid request: refnum must be YYMMDDHHiissSSSS (16 digits)")
            return handler(request)

        return run

    def _book(self, booking: Booking) -> None:
        self.bookings[booking.refnum] = booking

    def _journal_number(self) -> str:
        number = str(self._next_journal)
        self._next_journal += 1
        return number

    @staticmethod
    def _balance(account: Account) -> float:
        # The document's balance is a JSON number with sen; Decimal keeps it exact in the text.
        return float(Decimal(account.balance_sen) / 100)

    def _booking_view(self, b: Booking) -> dict[str, Any]:
        return {
            "timestamp": b.timestamp, "refnum": b.refnum,
            "sourceBank": BANK, "sourceAccount": b.source.number, "sourceName": b.source.name,
            "beneficiaryBank": BANK, "beneficiaryAccount": b.beneficiary.number,
            "beneficiaryName": b.beneficiary.name, "amount": b.amount, "remark": b.remark, "journal": b.journal,
        }

    # -- endpoints -------------------------------------------------------------------
    def _inquiry(self, request: Request) -> Response:
        body = request.json()
        bank, number = str(body["bank"]), str(body["account"])
        account = self.accounts.get(number) if bank == BANK else None
        if account is None:
            return self._unknown_account(
                "InqRekAsal: Nomor Rekening Tidak Dikenal & InqRekTujuan: VA number not found", number)
        code = secrets.token_hex(16)
        self.payment_codes[code] = account.number
        return self._ok("Inquiry success", {
            "timestamp": self._stamp(), "refnum": str(body["refnum"]), "bank": BANK, "account": account.number,
            "name": account.name, "balance": self._balance(account), "status": account.status, "paymentCode": code,
        })

    def _transfer(self, request: Request) -> Response:
        body = request.json()
        refnum = str(body["refnum"])
        if refnum in self.bookings:
            return self._fail("Duplicate refnum")
        source = self.accounts.get(str(body["sourceAccount"])) if str(body["sourceBank"]) == BANK else None
        if source is None:
            return self._unknown_account(
                "InqRekAsal: Message : WS_CORPORATE_CASHCARD_GEN2_CORPORATE: Corporate Tidak Ditemukan. "
                "Exception : & InqRekTujuan: VA number not found", str(body["sourceAccount"]))
        beneficiary = self.accounts.get(self.payment_codes.get(str(body["paymentCode"]), ""))
        if beneficiary is None:
            return self._fail("paymentCode not valid")
        if beneficiary.status != ACTIVE:
            return self._fail("Account not active")
        try:
            amount = parse_rupiah(body["amount"])
        except MoneyError:
            amount = 0
        if amount <= 0:
            return self._fail("Invalid amount")
        if source.balance_sen < amount * 100:
            return self._fail("Insufficient balance")
        source.balance_sen -= amount * 100
        beneficiary.balance_sen += amount * 100
        del self.payment_codes[str(body["paymentCode"])]
        booking = Booking("transfer", refnum, source, beneficiary, amount, str(body["remark"]),
                          self._journal_number(), self._stamp())
        self._book(booking)
        self.record(op="transfer", refnum=refnum, source=source.number, beneficiary=beneficiary.number,
                    amount=amount, fee=0, journal=booking.journal)
        return self._ok("Transfer success", self._booking_view(booking))

    def _reversal(self, request: Request) -> Response:
        body = request.json()
        refnum = str(body.get("refnum") or "") or format_reference(self.clock.now().astimezone(timezone.utc))
        if refnum in self.bookings:
            return self._fail("Duplicate refnum")
        target = self.bookings.get(str(body["refnumTarget"]))
        if target is None or target.kind != "transfer":
            return self._fail("refnum provided was not found")
        if target.journal != str(body["journal"]):
            return self._fail("journal provided does not match refnumTarget")
        if target.reversed_by:
            return self._fail("Reversal already executed")
        if target.beneficiary.balance_sen < target.amount * 100:
            return self._fail("Insufficient balance")
        target.beneficiary.balance_sen -= target.amount * 100
        target.source.balance_sen += target.amount * 100
        target.reversed_by = refnum
        booking = Booking("reversal", refnum, target.beneficiary, target.source, target.amount,
                          f"Reversal from {target.beneficiary.number} to {target.source.number}",
                          self._journal_number(), self._stamp(), target=target.refnum)
        self._book(booking)
        self.record(op="reversal", refnum=refnum, refnum_target=target.refnum, amount=target.amount, fee=0,
                    journal=booking.journal)
        return self._ok("Reversal success", self._booking_view(booking))

    def _check(self, request: Request) -> Response:
        booking = self.bookings.get(str(request.json()["refnum"]))
        if booking is None:
            return self._fail("refnum provided was not found")
        if booking.kind == "reversal":
            info = "Reversal success"
        else:
            info = "Transfer reversed" if booking.reversed_by else "Transfer success"
        return self._ok("Check success", {**self._booking_view(booking), "info": info})
