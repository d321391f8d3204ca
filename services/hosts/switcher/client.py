"""Bank+ Switcher client: account inquiry, transfer, reversal and status check
(the "Switcher" section of bankplus-api.txt).

Wire rules from the document: POST to ``/inquiry``, ``/transfer``, ``/reversal``,
``/check`` with ``content-type: application/json``; every request carries a ``refnum``
in the form YYMMDDHHiissSSSS (16 digits, although the table says String(14): the format
and every example have 16). Success is ``code == "00"``.

Decisions where the document is silent or contradicts itself:
* ``amount`` is sent as a JSON number, as the example does (the table says String).
* The inquiry's ``balance`` is a float with sen (602577171334.84); it is read exactly
  into sen (``balance_sen``), never through float arithmetic.
* The document lists the bank as String(3) and the account as String(16) but its examples
  use "BRINIDJA" and 15-17 digits: lengths are not enforced here.
* Failures the document does not show use its ``-1`` shape (the sandbox's choice, see
  services/hosts/switcher/sandbox.py); their Indonesian messages are below, in the one place
  this host's errors are mapped.
* Only the refusals listed in ``FINAL`` are final. A transfer or reversal answered with
  any other code or message is ``OutcomeUnknown``: SUSPECT, settled by ``/check``, never
  FAILED.
* Every transfer, reversal and ``/check`` answer must echo the refnum that was sent (and a
  transfer its source account and amount); otherwise ``AnswerMismatch``. A transfer's
  answer, and a ``/check`` answer about a transfer, that names a beneficiary names the one
  the inquiry found (``beneficiaryBank``/``beneficiaryAccount``, as the document's answers
  echo them): the refnum booked to another account is not the transfer the agent read back
  to the customer (``SwitchingService.status_check`` holds a ``/check`` answer to the same).
  A reversal's answer names the transfer's source as its beneficiary and is not compared so.
* Their success counts under HTTP 200 only (``success_under``): the document shows no
  other status, and a "00" under 202 or a 4xx contradicts itself (SUSPECT; for ``/check``:
  the row stays SUSPECT).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx

from services.bank_time import BankTime
from services.errors import AccountNotFound, HostRejected, MaybeSent, OutcomeUnknown
from services.hosts.answers import AnswerCheck, normal_code, success_under
from services.hosts.http import JsonHttp, wire_json
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.money import MoneyError, parse_rupiah, parse_rupiah_sen

HOST = "switcher"


@dataclass(frozen=True)
class SwitcherAccount:
    """An inquiry's answer: whom a transfer would reach, and the code that pays them."""

    refnum: str
    bank: str
    account: str
    name: str
    balance_sen: int
    status: str
    payment_code: str
    timestamp: str
    raw: dict[str, Any] = field(repr=False, default_factory=dict)


@dataclass(frozen=True)
class SwitcherTransfer:
    """A transfer, a reversal, or a status check's account of one of them."""

    refnum: str
    source_bank: str
    source_account: str
    source_name: str
    beneficiary_bank: str
    beneficiary_account: str
    beneficiary_name: str
    amount: int
    remark: str
    journal: str  # the switcher's booking number ("nomor pembukuan")
    timestamp: str
    info: str = ""  # status check only: "Transfer success", ...
    raw: dict[str, Any] = field(repr=False, default_factory=dict)


class ReversalAlreadyExecuted(HostRejected):
    """The transfer was already reversed."""


class RefnumNotFound(HostRejected):
    """The switcher holds no transaction under this refnum."""


class DuplicateRefnum(HostRejected):
    """The switcher already holds a transaction under this refnum: maybe ours, booked."""

    outcome_unknown = True


# -- error mapping: the one place a Switcher answer becomes a typed error --------------
# The refusals known to be final: the document's 0101 and "refnum provided was not found"
# / "Reversal already executed", and the sandbox's documented "-1" messages. Each moved
# nothing. (code, words the message holds in lower case, the operations it is said of: empty
# for any) -> (class, Indonesian message); the first row that matches wins.
FINAL: tuple[tuple[str, str, tuple[str, ...], type[HostRejected], str], ...] = (
    ("101", "", ("inquiry",), AccountNotFound, QT_TRANSLATE_NOOP(
        "errors", "Nomor rekening tujuan tidak dikenal. Periksa bank dan nomor rekening.")),
    ("101", "", (), HostRejected, QT_TRANSLATE_NOOP(
        "errors", "Rekening pengirim atau tujuan tidak dikenal switcher. Ulangi dari cek rekening "
                  "tujuan; bila berulang, minta supervisor memeriksa rekening sumber di "
                  "Pengaturan.")),
    ("-1", "refnum provided was not found", ("check",), RefnumNotFound, QT_TRANSLATE_NOOP(
        "errors", "Nomor referensi tidak ditemukan di switcher: transaksi itu tidak pernah diproses.")),
    ("-1", "refnum provided was not found", (), RefnumNotFound, QT_TRANSLATE_NOOP(
        "errors", "Transfer yang akan dibatalkan tidak ditemukan di switcher. Periksa nomor "
                  "referensi transfer.")),
    ("-1", "reversal already executed", (), ReversalAlreadyExecuted, QT_TRANSLATE_NOOP(
        "errors", "Transfer ini sudah pernah dibatalkan (reversal sudah dilakukan). Jangan ulangi "
                  "pembatalan; cek status transfer di Riwayat Transaksi.")),
    ("-1", "insufficient", (), HostRejected, QT_TRANSLATE_NOOP(
        "errors", "Saldo rekening sumber agen tidak cukup. Isi saldo lalu coba lagi.")),
    ("-1", "paymentcode", (), HostRejected, QT_TRANSLATE_NOOP(
        "errors", "Kode pembayaran sudah tidak berlaku. Ulangi dari cek rekening tujuan.")),
    ("-1", "journal provided does not match", (), HostRejected, QT_TRANSLATE_NOOP(
        "errors", "Nomor jurnal transfer tidak cocok dengan referensinya. Hubungi helpdesk.")),
    ("-1", "duplicate refnum", (), DuplicateRefnum, QT_TRANSLATE_NOOP(
        "errors", "Transaksi dengan nomor referensi ini sudah pernah diproses. Cek status, "
                  "jangan kirim ulang.")),
    ("-1", "account not active", (), HostRejected, QT_TRANSLATE_NOOP(
        "errors", "Rekening tujuan tidak aktif. Transfer tidak dapat dilakukan.")),
    ("-1", "invalid amount", (), HostRejected, QT_TRANSLATE_NOOP(
        "errors", "Nominal tidak diterima switcher. Periksa nominal.")),
    ("-1", "invalid request", (), HostRejected, QT_TRANSLATE_NOOP(
        "errors", "Permintaan ditolak switcher (format). Ulangi dari cek rekening tujuan; bila "
                  "berulang, hubungi helpdesk.")),
)


def _raise_for(body: dict[str, Any], operation: str) -> None:
    """A money-moving operation (transfer, reversal) refused with a code or message not
    known to be final is ``OutcomeUnknown`` (SUSPECT, settled by ``/check``), never FAILED.
    Codes are compared normalised (``0`` and ``"00 "`` are "00")."""
    code = normal_code(body.get("code"))
    if not code:
        # No verdict in the answer: it may have been booked (SUSPECT, settled by /check).
        raise MaybeSent(host=HOST, detail=f"{operation}: answer without code")
    if code == "00":
        return
    host_message = str(body.get("message", "")).strip()
    as_sent = str(body.get("code")).strip()  # journaled as the host wrote it
    kw = {"host": HOST, "code": as_sent, "host_message": host_message}
    lowered = host_message.lower()
    for final_code, words, operations, cls, message in FINAL:
        if code == final_code and words in lowered and (not operations or operation in operations):
            raise cls(message, **kw)
    if operation in ("transfer", "reversal"):
        raise OutcomeUnknown(host=HOST, code=as_sent, host_message=host_message)
    raise HostRejected(templated(QT_TRANSLATE_NOOP(
        "errors", "Transaksi ditolak switcher: {value}. Hubungi helpdesk bila berulang."),
        value=host_message or as_sent), **kw)


def _amount(data: dict[str, Any], key: str) -> int:
    try:
        return parse_rupiah(data.get(key))
    except MoneyError as exc:
        raise MaybeSent(host=HOST, detail=f"unreadable amount in {key}: {data.get(key)!r}") from exc


def _transfer(data: dict[str, Any]) -> SwitcherTransfer:
    return SwitcherTransfer(
        refnum=str(data.get("refnum", "")),
        source_bank=str(data.get("sourceBank", "")),
        source_account=str(data.get("sourceAccount", "")),
        source_name=str(data.get("sourceName", "")),
        beneficiary_bank=str(data.get("beneficiaryBank", "")),
        beneficiary_account=str(data.get("beneficiaryAccount", "")),
        beneficiary_name=str(data.get("beneficiaryName", "")),
        amount=_amount(data, "amount"),
        remark=str(data.get("remark", "")),
        journal=str(data.get("journal", "")),
        timestamp=str(data.get("timestamp", "")),
        info=str(data.get("info", "")),
        raw=data,
    )


class SwitcherClient:
    """Stateless (no session): safe to share between threads."""

    def __init__(self, http: httpx.Client, base_url: str, *, timeout: httpx.Timeout | None = None,
                 deadline: float | None = None, bank_time: BankTime | None = None) -> None:
        """``timeout`` overrides the shared per-read default (services/hosts/http.py) for this
        host, ``deadline`` the overall one; ``bank_time`` reads the host's time off its answers."""
        self._http = JsonHttp(http, base_url, HOST, deadline=deadline, bank_time=bank_time)
        self._timeout = timeout

    @property
    def deadline(self) -> float:
        """Seconds a call may take at most, connection and whole answer (the busy overlay counts it down)."""
        return self._http.deadline

    def _call(self, path: str, body: dict[str, Any], operation: str) -> dict[str, Any]:
        content = wire_json(body)
        response = self._http.post(path, content=content, headers={"content-type": "application/json"},
                                   timeout=self._timeout)
        answer = response.body
        if not isinstance(answer, dict):
            raise MaybeSent(host=HOST, detail="answer is not a JSON object")
        _raise_for(answer, operation)
        if operation in ("transfer", "reversal", "check"):  # what moves money, or settles it
            success_under(HOST, response.status, operation)
        if not isinstance(answer.get("data"), dict):
            raise MaybeSent(host=HOST, detail=f"{operation}: success without data")
        return answer

    def inquiry(self, refnum: str, bank: str, account: str) -> SwitcherAccount:
        d = self._call("/inquiry", {"refnum": refnum, "bank": bank, "account": account}, "inquiry")["data"]
        check = AnswerCheck(HOST, "inquiry")
        check.same("refnum", d.get("refnum"), refnum)
        check.same_account("account", d.get("account"), account)
        check.raise_if_any()
        try:
            balance = parse_rupiah_sen(d.get("balance"))
        except MoneyError as exc:
            raise MaybeSent(host=HOST, detail=f"unreadable balance {d.get('balance')!r}") from exc
        return SwitcherAccount(
            refnum=str(d.get("refnum", refnum)), bank=str(d.get("bank", bank)),
            account=str(d.get("account", account)), name=str(d.get("name", "")), balance_sen=balance,
            status=str(d.get("status", "")), payment_code=str(d.get("paymentCode", "")),
            timestamp=str(d.get("timestamp", "")), raw=d,
        )

    def transfer(self, refnum: str, *, payment_code: str, source_bank: str, source_account: str, amount: int,
                 remark: str, beneficiary: tuple[str, str] | None = None) -> tuple[SwitcherTransfer, dict[str, Any]]:
        """``beneficiary``: (bank, account) the inquiry found for ``payment_code``; an answer
        that names another is ``AnswerMismatch``."""
        body = self.transfer_body(refnum, payment_code=payment_code, source_bank=source_bank,
                                  source_account=source_account, amount=amount, remark=remark)
        answer = self._call("/transfer", body, "transfer")
        result = _transfer(answer["data"])
        _check_booking("transfer", answer["data"], refnum=refnum, amount=amount, source_account=source_account,
                       refnum_required=True, beneficiary=beneficiary)
        return result, answer

    @staticmethod
    def transfer_body(refnum: str, *, payment_code: str, source_bank: str, source_account: str, amount: int,
                      remark: str) -> dict[str, Any]:
        """The transfer request exactly as it goes on the wire."""
        return {"refnum": refnum, "paymentCode": payment_code, "sourceBank": source_bank,
                "sourceAccount": source_account, "amount": amount, "remark": remark}

    @staticmethod
    def reversal_body(refnum: str, *, refnum_target: str, journal: str) -> dict[str, str]:
        """The body that reverses ``refnum_target`` (booked as ``journal``) under ``refnum``."""
        return {"refnum": refnum, "refnumTarget": refnum_target, "journal": journal}

    def reversal(self, body: dict[str, str], *, amount: int | None = None) -> tuple[SwitcherTransfer, dict[str, Any]]:
        """Send ``reversal_body``'s body as it is (the journal keeps these very bytes).

        The answer must name this reversal's refnum and the ``amount`` of the transfer it
        reverses (the document's answer echoes both): a success that names neither is no
        proof the money came back, and the transfer would be marked REVERSED on its word.
        ``amount`` None (a test's direct call): any sane amount."""
        answer = self._call("/reversal", body, "reversal")
        _check_booking("reversal", answer["data"], refnum=body["refnum"], amount=amount, refnum_required=True)
        return _transfer(answer["data"]), answer

    def check(self, refnum: str) -> tuple[SwitcherTransfer, dict[str, Any]]:
        """What the switcher did with ``refnum``; ``RefnumNotFound`` when it never processed it.

        The answer must name ``refnum`` itself: a replayed or shifted ``/check`` answer about
        another transfer would settle this one with that one's journal number."""
        answer = self._call("/check", {"refnum": refnum}, "check")
        _check_booking("check", answer["data"], refnum=refnum, refnum_required=True)
        return _transfer(answer["data"]), answer


def _check_booking(operation: str, data: dict[str, Any], *, refnum: str, amount: int | None = None,
                   source_account: str | None = None, refnum_required: bool = False,
                   beneficiary: tuple[str, str] | None = None) -> None:
    """The answer is about this refnum, source account, amount and (bank, account) of the
    beneficiary (each echoed by the document's answers), with a readable, sane amount."""
    check = AnswerCheck(HOST, operation)
    if refnum_required:
        check.present("refnum", data.get("refnum"))
    for name, sent in (("sourceAccount", source_account), ("amount", amount)):
        if sent is not None:  # a transfer: the document's answer echoes both
            check.present(name, data.get(name))
    check.same("refnum", data.get("refnum"), refnum)
    check.same_account("sourceAccount", data.get("sourceAccount"), source_account)
    if beneficiary is not None:
        bank, account = beneficiary
        if bank:
            check.same("beneficiaryBank", data.get("beneficiaryBank"), bank)
        check.same_account("beneficiaryAccount", data.get("beneficiaryAccount"), account)
    if amount is not None:
        check.amount("amount", data.get("amount"), amount)
    else:
        check.money("amount", data.get("amount"))
    check.raise_if_any()
