"""Sandbox BCA (balance, inquiry, transfer, status, statement) on the common SNAP checks
(``services.hosts.snap.sandbox``)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from services.hosts.bca import client as bca_api
from services.hosts.snap.codes import (
    SERVICE_ACCOUNT_INQUIRY_EXTERNAL,
    SERVICE_ACCOUNT_INQUIRY_INTERNAL,
    SERVICE_BALANCE,
    SERVICE_STATEMENT,
    SERVICE_TRANSFER_INTERBANK,
    SERVICE_TRANSFER_INTRABANK,
    SERVICE_TRANSFER_STATUS,
)
from services.hosts.snap.sandbox import Refusal, SnapSandbox, amount_value, mandatory, parse_timestamp
from services.hosts.snap.signatures import snap_timestamp
from services.sandbox.base import Request


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

    ``refund(reference)`` sends a booked transfer back (04 "Refunded" from then on).
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
        return {"when": when.replace(microsecond=0), "remark": remark, "type": kind, "sen": sen, "id": txn_id,
                "balance": balance_after}

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
        source.lines.append(self._line(now, f"TRSF E-BANKING DB {remark}", "DEBIT", sen, reference_no,
                                       source.balance_sen))
        target.lines.append(self._line(now, f"TRSF E-BANKING CR {remark}", "CREDIT", sen, reference_no,
                                       target.balance_sen))
        self.transfers[reference] = {**body, "referenceNo": reference_no,
                                     "externalId": request.headers["x-external-id"],
                                     "serviceCode": SERVICE_TRANSFER_INTRABANK}
        self.record(op="transfer", external_id=request.headers["x-external-id"], reference=reference,
                    reference_no=reference_no, amount_sen=sen, source=body["sourceAccountNo"], beneficiary=target_no)
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
        self.transfers[reference] = {**body, "referenceNo": reference_no,
                                     "externalId": request.headers["x-external-id"],
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
            **self._latest(done),
        }

    @staticmethod
    def _latest(done: dict[str, Any]) -> dict[str, str]:
        """latestTransactionStatus and its words: 04 Refunded once ``refund`` sent it back;
        "pending", a test's way to hold a transfer in BCA's processing, 03 Pending."""
        if done.get("refunded"):
            return {"latestTransactionStatus": bca_api.REFUNDED_STATUS, "transactionStatusDesc": "Refunded"}
        if done.get("pending"):
            return {"latestTransactionStatus": "03", "transactionStatusDesc": "Pending"}
        return {"latestTransactionStatus": bca_api.SUCCESS_STATUS, "transactionStatusDesc": "Success"}

    def refund(self, reference: str) -> None:
        """BCA sends transfer ``reference`` back (the beneficiary's bank returned it, or BCA
        reversed its own booking): the money returns to the source account, both statements
        show the return, and the status inquiry answers 04 "Refunded" with the transfer's
        fields, as for any other status. Twice is a no-op."""
        done = self.transfers[reference]
        if done.get("refunded"):
            return
        sen = amount_value(done["amount"], "amount.value")
        now = self.clock.now()
        reference_no = done["referenceNo"]
        if done["serviceCode"] == SERVICE_TRANSFER_INTRABANK:
            target = self.accounts[str(done["beneficiaryAccountNo"])]
            target.balance_sen -= sen
            target.lines.append(self._line(now, f"KOREKSI TRSF {reference_no}", "DEBIT", sen, f"R{reference_no}",
                                           target.balance_sen))
        source = self.accounts[str(done["sourceAccountNo"])]
        source.balance_sen += sen
        source.lines.append(self._line(now, f"REFUND TRSF {reference_no}", "CREDIT", sen, f"R{reference_no}",
                                       source.balance_sen))
        done["refunded"] = True
        self.record(op="refund", reference=reference, reference_no=reference_no, amount_sen=sen)

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
