"""BCA through SNAP: balance, account inquiry, intrabank and interbank transfer, transfer
status, statement.

The seeds (bca-api-faq.txt, bca-api-guide-id.txt) give the security model only: a 15-minute
SNAP token signed SHA256withRSA with the partner's key, HMAC-signed calls, and the advice
to confirm the beneficiary's name before a transfer. Paths and fields follow BCA's SNAP
documentation (developer.bca.co.id, "API BCA berbasis SNAP": Balance Inquiry, Account
Inquiry Internal and External, Transfer Intrabank and Interbank, Transfer Status Inquiry,
Bank Statement), whose bodies are the ASPI SNAP standard's
(apidevportal.aspi-indonesia.or.id: "Informasi Saldo" service 11, "Riwayat Transaksi" /
Bank Statement 14, "Transfer Kredit" Account Inquiry Internal 15 and External 16, Trigger
Transfer Intrabank 17 and Interbank 18, Transfer Status Inquiry 36):

* balance-inquiry: ``partnerReferenceNo``, ``accountNo`` -> ``accountNo``, ``name``,
  ``accountInfos[].{availableBalance, ledgerBalance, holdAmount, amount}``
* account-inquiry-internal: ``partnerReferenceNo``, ``beneficiaryAccountNo`` ->
  ``beneficiaryAccountName``, ``beneficiaryAccountStatus``, ``beneficiaryAccountType``
* transfer-intrabank: ``partnerReferenceNo``, ``amount``, ``beneficiaryAccountNo``,
  ``beneficiaryEmail``?, ``customerReference``, ``remark``, ``sourceAccountNo``,
  ``transactionDate`` -> ``referenceNo``
* account-inquiry-external (service 16): ``partnerReferenceNo``, ``beneficiaryBankCode``
  (String(8)), ``beneficiaryAccountNo`` -> ``beneficiaryAccountName``,
  ``beneficiaryAccountNo``, ``beneficiaryBankCode``, ``beneficiaryBankName``
* transfer-interbank (service 18): ``partnerReferenceNo``, ``amount``,
  ``beneficiaryAccountName``, ``beneficiaryAccountNo``, ``beneficiaryBankCode``,
  ``beneficiaryBankName``?, ``beneficiaryEmail``?, ``customerReference``?,
  ``sourceAccountNo``, ``transactionDate`` -> ``referenceNo`` (the standard has no
  ``remark`` here, so none is sent)
* transfer/status: ``originalPartnerReferenceNo``, ``originalReferenceNo``?,
  ``originalExternalId``, ``serviceCode`` ("17" intrabank, "18" interbank),
  ``transactionDate`` ->
  ``latestTransactionStatus`` (00 success, 01 initiated, 02 paying, 03 pending,
  04 refunded, 05 cancelled, 06 failed, 07 not found), ``transactionStatusDesc``; a
  refund (04) carries the same fields, ``amount`` being the transfer's: no refund time
* bank-statement: ``partnerReferenceNo``, ``accountNo``, ``fromDateTime``, ``toDateTime``
  -> ``balance[].{startingBalance, endingBalance}``, ``detailData[].{amount,
  transactionDate, remark, transactionId, type CREDIT/DEBIT}``

Decisions where BCA's pages and the standard are silent: the beneficiary bank is named by
its 8-character BIC (``INTERBANK_BANKS``; String(8) fits it, and the Bank+ Switcher already
names banks so); the interbank transfer sends the name the external inquiry returned
(``beneficiaryAccountName``), never one typed by the agent.

Balances and statement lines may carry sen, so they are kept in sen (``*_sen``); a transfer
amount is whole rupiah.

Trust no answer: a transfer's answer must echo its partnerReferenceNo, accounts and amount,
a status answer the originalPartnerReferenceNo (and, where stated, the originalExternalId)
asked about, an account inquiry the account
asked about; otherwise ``AnswerMismatch`` (a transfer is SUSPECT, a status check settles
nothing). A transfer refused with a code outside the SNAP table is ``OutcomeUnknown``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from services.hosts.answers import AnswerCheck, stated
from services.hosts.snap.amounts import amount_rupiah, amount_sen, snap_amount
from services.hosts.snap.client import SnapClient
from services.hosts.snap.codes import SERVICE_TRANSFER_INTRABANK
from services.hosts.snap.signatures import snap_timestamp
from services.money import MoneyError

TOKEN_PATH = "/openapi/v1.0/access-token/b2b"
BALANCE_PATH = "/openapi/v1.0/balance-inquiry"
ACCOUNT_INQUIRY_PATH = "/openapi/v1.0/account-inquiry-internal"
TRANSFER_PATH = "/openapi/v1.0/transfer-intrabank"
TRANSFER_STATUS_PATH = "/openapi/v1.0/transfer/status"
ACCOUNT_INQUIRY_EXTERNAL_PATH = "/openapi/v1.0/account-inquiry-external"
INTERBANK_TRANSFER_PATH = "/openapi/v1.0/transfer-interbank"
STATEMENT_PATH = "/openapi/v1.0/bank-statement"
CHANNEL_ID = "95051"  # BCA's SNAP channel id for H2H partners (issued with the credentials)
REMARK_MAX = 50

# Beneficiary banks offered for an interbank transfer: BIC -> name shown to the agent.
INTERBANK_BANKS: dict[str, str] = {
    "BRINIDJA": "BANK BRI",
    "BMRIIDJA": "BANK MANDIRI",
    "BNINIDJA": "BANK BNI",
    "BNIAIDJA": "BANK CIMB NIAGA",
    "BDINIDJA": "BANK DANAMON",
    "BBBAIDJA": "BANK PERMATA",
    "SYNIIDJ1": "BANK SYARIAH INDONESIA",
    "BTANIDJA": "BANK TABUNGAN NEGARA",
}
BCA_BIC = "CENAIDJA"  # BCA itself: an interbank transfer to BCA is an intrabank one

SUCCESS_STATUS = "00"
# 04 "Refunded": the transfer was booked (the money left the source account) and BCA sent it
# back to that account. Final, so FAILED like 05 and 06, but the money moved twice: the
# agent's statement shows the debit and its return, and the agent must be told so, not
# "never moved" (services/hosts/bca/status.py). The standard's answer names no refund time
# or refund amount of its own: ``amount`` is the transfer's (held to the amount sent).
REFUNDED_STATUS = "04"
FAILED_STATUSES = frozenset({"04", "05", "06", "07"})


@dataclass(frozen=True)
class Balance:
    account_no: str
    name: str
    available_sen: int
    ledger_sen: int
    hold_sen: int

    @property
    def available(self) -> int:
        """Whole rupiah available (sen dropped), for ``format_rupiah``."""
        return self.available_sen // 100


@dataclass(frozen=True)
class Account:
    """A beneficiary confirmed by account inquiry: the name the agent reads back to the customer."""

    account_no: str
    name: str
    status: str
    type: str


@dataclass(frozen=True)
class ExternalAccount:
    """A beneficiary at another bank, confirmed by the external account inquiry."""

    bank_code: str
    bank_name: str
    account_no: str
    name: str


@dataclass(frozen=True)
class Transfer:
    reference: str  # partnerReferenceNo = journal reference = X-EXTERNAL-ID
    reference_no: str  # BCA's referenceNo
    amount: int
    source_account: str
    beneficiary_account: str
    beneficiary_name: str
    transaction_date: str


@dataclass(frozen=True)
class TransferStatus:
    reference: str
    reference_no: str
    status: str  # latestTransactionStatus
    description: str
    amount: int | None

    @property
    def succeeded(self) -> bool:
        return self.status == SUCCESS_STATUS

    @property
    def failed(self) -> bool:
        return self.status in FAILED_STATUSES

    @property
    def refunded(self) -> bool:
        """Booked, then sent back to the source account (04): the money went out and came back."""
        return self.status == REFUNDED_STATUS

    @property
    def pending(self) -> bool:
        return not (self.succeeded or self.failed)


@dataclass(frozen=True)
class StatementLine:
    transaction_date: str  # as BCA sent it (ISO-8601 with offset)
    remark: str
    type: str  # CREDIT | DEBIT
    amount_sen: int
    transaction_id: str

    @property
    def signed_sen(self) -> int:
        return self.amount_sen if self.type == "CREDIT" else -self.amount_sen


@dataclass(frozen=True)
class Statement:
    account_no: str
    from_datetime: str
    to_datetime: str
    starting_balance_sen: int | None
    ending_balance_sen: int | None
    lines: tuple[StatementLine, ...]
    has_more: bool


def _snap_amount(check: AnswerCheck, name: str, amount: Any, sent: int | None) -> None:
    """A SNAP amount of the answer: readable IDR, sane, and ``sent`` where given."""
    try:
        value = amount_rupiah(amount)
    except (MoneyError, ValueError) as exc:
        check.fail(f"{name} tidak terbaca ({amount!r}: {exc})")
        return
    if sent is None:
        check.money(name, value)
    else:
        check.amount(name, value, sent)


def _echoes(check: AnswerCheck, answer: dict[str, Any], name: str, sent: str) -> None:
    """An echo the answer may leave out; stated, it must be what was sent."""
    if stated(answer.get(name)):
        check.same(name, answer[name], sent)


def _name(check: AnswerCheck, answer: dict[str, Any]) -> str:
    """The beneficiary's name, which the agent reads back to the customer: required, text."""
    name = answer.get("beneficiaryAccountName")
    if not isinstance(name, str) or not name.strip():
        check.fail(f"beneficiaryAccountName tidak ada ({name!r})")
        return ""
    return name.strip()


def _first_balance(balances: Any, key: str) -> int | None:
    if isinstance(balances, list) and balances and isinstance(balances[0], dict) and key in balances[0]:
        return amount_sen(balances[0][key])
    return None


class BcaClient:
    """SNAP services for the agent's own BCA account ``account_no``."""

    def __init__(self, snap: SnapClient, account_no: str) -> None:
        self.snap = snap
        self.account_no = account_no

    def balance(self, *, external_id: str) -> Balance:
        answer = self.snap.post(
            BALANCE_PATH, {"partnerReferenceNo": external_id, "accountNo": self.account_no}, external_id=external_id
        )
        check = AnswerCheck(self.snap.host, "saldo")
        check.same_account("accountNo", answer.get("accountNo"), self.account_no)
        check.raise_if_any()
        infos = answer.get("accountInfos") or [{}]
        info = infos[0] if isinstance(infos, list) and infos else {}
        available = info.get("availableBalance") or info.get("amount")
        return Balance(
            account_no=str(answer.get("accountNo", self.account_no)),
            name=str(answer.get("name", "")),
            available_sen=amount_sen(available),
            ledger_sen=amount_sen(info.get("ledgerBalance") or available),
            hold_sen=amount_sen(info["holdAmount"]) if info.get("holdAmount") else 0,
        )

    def account_inquiry(self, beneficiary_account_no: str, *, external_id: str) -> Account:
        answer = self.snap.post(
            ACCOUNT_INQUIRY_PATH,
            {"partnerReferenceNo": external_id, "beneficiaryAccountNo": beneficiary_account_no},
            external_id=external_id,
        )
        check = AnswerCheck(self.snap.host, "account inquiry")
        _echoes(check, answer, "partnerReferenceNo", external_id)
        check.same_account("beneficiaryAccountNo", answer.get("beneficiaryAccountNo"), beneficiary_account_no)
        name = _name(check, answer)
        check.raise_if_any()
        return Account(
            account_no=str(answer.get("beneficiaryAccountNo", beneficiary_account_no)),
            name=name,
            status=str(answer.get("beneficiaryAccountStatus", "")),
            type=str(answer.get("beneficiaryAccountType", "")),
        )

    def transfer_body(self, *, reference: str, beneficiary: Account, amount: int, remark: str,
                      email: str, transaction_date: datetime) -> dict[str, Any]:
        body: dict[str, Any] = {
            "partnerReferenceNo": reference,
            "amount": snap_amount(amount),
            "beneficiaryAccountNo": beneficiary.account_no,
        }
        if email:
            body["beneficiaryEmail"] = email
        body.update({
            "customerReference": reference,
            "remark": remark,
            "sourceAccountNo": self.account_no,
            "transactionDate": snap_timestamp(transaction_date),
        })
        return body

    def transfer(self, body: dict[str, Any], beneficiary: Account) -> tuple[Transfer, dict[str, Any]]:
        """Send a transfer built by ``transfer_body``; X-EXTERNAL-ID = its partnerReferenceNo."""
        return self._send_transfer(TRANSFER_PATH, "transfer", body, beneficiary.account_no, beneficiary.name)

    def _send_transfer(self, path: str, what: str, body: dict[str, Any], account_no: str,
                       name: str) -> tuple[Transfer, dict[str, Any]]:
        """Post a transfer (X-EXTERNAL-ID = its partnerReferenceNo) and hold the answer to it:
        the same reference, accounts, beneficiary bank (where named) and amount."""
        reference = body["partnerReferenceNo"]
        answer = self.snap.post(path, body, external_id=reference, money=True)
        check = AnswerCheck(self.snap.host, what)
        # Required, not only compared: a bare "2001700 Successful" names no transfer at all.
        check.present("partnerReferenceNo", answer.get("partnerReferenceNo"))
        check.same("partnerReferenceNo", answer.get("partnerReferenceNo"), reference)
        check.same_account("beneficiaryAccountNo", answer.get("beneficiaryAccountNo"), body["beneficiaryAccountNo"])
        if "beneficiaryBankCode" in body:
            _echoes(check, answer, "beneficiaryBankCode", body["beneficiaryBankCode"])
        check.same_account("sourceAccountNo", answer.get("sourceAccountNo"), body["sourceAccountNo"])
        if stated(answer.get("amount")):
            _snap_amount(check, "amount", answer["amount"], amount_rupiah(body["amount"]))
        check.raise_if_any()
        return Transfer(
            reference=reference,
            reference_no=str(answer.get("referenceNo", "")),
            amount=amount_rupiah(body["amount"]),
            source_account=str(answer.get("sourceAccountNo", self.account_no)),
            beneficiary_account=str(answer.get("beneficiaryAccountNo", account_no)),
            beneficiary_name=name,
            transaction_date=str(answer.get("transactionDate", body["transactionDate"])),
        ), answer

    # -- interbank (services 16 and 18) ------------------------------------------------
    def account_inquiry_external(self, bank_code: str, account_no: str, *, external_id: str) -> ExternalAccount:
        """Who holds ``account_no`` at ``bank_code``: the name the agent reads back before paying."""
        answer = self.snap.post(
            ACCOUNT_INQUIRY_EXTERNAL_PATH,
            {"partnerReferenceNo": external_id, "beneficiaryBankCode": bank_code,
             "beneficiaryAccountNo": account_no},
            external_id=external_id,
        )
        check = AnswerCheck(self.snap.host, "account inquiry antarbank")
        _echoes(check, answer, "partnerReferenceNo", external_id)
        check.same_account("beneficiaryAccountNo", answer.get("beneficiaryAccountNo"), account_no)
        _echoes(check, answer, "beneficiaryBankCode", bank_code)
        name = _name(check, answer)
        check.raise_if_any()
        return ExternalAccount(
            bank_code=bank_code,
            bank_name=str(answer.get("beneficiaryBankName") or INTERBANK_BANKS.get(bank_code, bank_code)).strip(),
            account_no=str(answer.get("beneficiaryAccountNo", account_no)),
            name=name,
        )

    def interbank_transfer_body(self, *, reference: str, beneficiary: ExternalAccount, amount: int, email: str,
                                transaction_date: datetime) -> dict[str, Any]:
        body: dict[str, Any] = {
            "partnerReferenceNo": reference,
            "amount": snap_amount(amount),
            "beneficiaryAccountName": beneficiary.name,
            "beneficiaryAccountNo": beneficiary.account_no,
            "beneficiaryBankCode": beneficiary.bank_code,
            "beneficiaryBankName": beneficiary.bank_name,
        }
        if email:
            body["beneficiaryEmail"] = email
        body.update({
            "customerReference": reference,
            "sourceAccountNo": self.account_no,
            "transactionDate": snap_timestamp(transaction_date),
        })
        return body

    def interbank_transfer(self, body: dict[str, Any], beneficiary: ExternalAccount) -> tuple[Transfer, dict[str, Any]]:
        """Send an interbank transfer built by ``interbank_transfer_body``; X-EXTERNAL-ID = its
        partnerReferenceNo, so a retry can never be booked twice."""
        return self._send_transfer(INTERBANK_TRANSFER_PATH, "transfer antarbank", body, beneficiary.account_no,
                                   beneficiary.name)

    def transfer_status(self, *, reference: str, transaction_date: str, reference_no: str = "",
                        external_id: str, service_code: str = SERVICE_TRANSFER_INTRABANK,
                        sent: Mapping[str, Any] | None = None) -> tuple[TransferStatus, dict[str, Any]]:
        """Ask what became of transfer ``reference`` (whose X-EXTERNAL-ID was ``reference`` too);
        ``service_code`` names the kind of transfer: "17" intrabank, "18" interbank. ``sent``
        is the transfer's body as journaled: the amount and accounts the answer echoes must be
        its own."""
        body: dict[str, Any] = {"originalPartnerReferenceNo": reference}
        if reference_no:
            body["originalReferenceNo"] = reference_no
        body.update({
            "originalExternalId": reference,
            "serviceCode": service_code,
            "transactionDate": transaction_date,
        })
        answer = self.snap.post(TRANSFER_STATUS_PATH, body, external_id=external_id)
        # The answer must be about this transfer: a replayed status of another one would
        # settle this SUSPECT row with that one's outcome.
        check = AnswerCheck(self.snap.host, "cek status")
        if not str(answer.get("originalPartnerReferenceNo") or "").strip():
            check.fail("originalPartnerReferenceNo tidak ada")
        check.same("originalPartnerReferenceNo", answer.get("originalPartnerReferenceNo"), reference)
        if reference_no:
            _echoes(check, answer, "originalReferenceNo", reference_no)
        _echoes(check, answer, "serviceCode", service_code)
        # The transfer went with X-EXTERNAL-ID = its reference: another one here is another request.
        _echoes(check, answer, "originalExternalId", reference)
        sent = sent or {}
        for account in ("beneficiaryAccountNo", "sourceAccountNo"):
            if sent.get(account):
                check.same_account(account, answer.get(account), sent[account])
        if stated(answer.get("amount")):
            _snap_amount(check, "amount", answer["amount"],
                         amount_rupiah(sent["amount"]) if sent.get("amount") else None)
        check.raise_if_any()
        return TransferStatus(
            reference=str(answer.get("originalPartnerReferenceNo", reference)),
            reference_no=str(answer.get("originalReferenceNo", reference_no)),
            status=str(answer.get("latestTransactionStatus", "")),
            description=str(answer.get("transactionStatusDesc", "")),
            amount=amount_rupiah(answer["amount"]) if answer.get("amount") else None,
        ), answer

    def statement(self, from_datetime: datetime, to_datetime: datetime, *, external_id: str) -> Statement:
        body = {
            "partnerReferenceNo": external_id,
            "accountNo": self.account_no,
            "fromDateTime": snap_timestamp(from_datetime),
            "toDateTime": snap_timestamp(to_datetime),
        }
        answer = self.snap.post(STATEMENT_PATH, body, external_id=external_id)
        lines = tuple(
            StatementLine(
                transaction_date=str(item.get("transactionDate", "")),
                remark=str(item.get("remark", "")).strip(),
                type=str(item.get("type", "")).upper(),
                amount_sen=amount_sen(item.get("amount")),
                transaction_id=str(item.get("transactionId", "")),
            )
            for item in answer.get("detailData") or []
        )
        return Statement(
            account_no=self.account_no,
            from_datetime=body["fromDateTime"],
            to_datetime=body["toDateTime"],
            starting_balance_sen=_first_balance(answer.get("balance"), "startingBalance"),
            ending_balance_sen=_first_balance(answer.get("balance"), "endingBalance"),
            lines=lines,
            has_more=str(answer.get("hasMore", "N")).upper() == "Y",
        )
