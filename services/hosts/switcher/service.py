"""Bank+ Switcher transfers as the counter uses them: inquiry, transfer, reversal.

``SwitchingService`` is what the screens call. The transfer and the reversal are
journaled through ``TransactionRunner`` with the Switcher ``refnum`` as the journal
reference, so the journal, the host and the status check all speak of one number.

Decisions:
* The money leaves the agent's own account at the switcher (``source_bank`` /
  ``source_account``, configuration; the sandbox's is BRINIDJA 888801000157508, the
  document's example sender): the customer pays the agent in cash, the agent transfers.
* The Switcher charges no fee in the document: fee 0, total = amount.
* The refnum is taken from the journal *before* the row is written, so the journaled
  request carries it exactly as sent.
* A reversal is its own journal row (product ``switcher_reversal``, same amount and
  customer as the transfer) whose request holds the link: ``refnumTarget`` (the
  transfer's reference) and ``journal`` (its booking number): the body as sent. The
  reason and the approving supervisor are in its first event. When it succeeds (at once,
  or later through the status check) the transfer goes SUCCESS -> REVERSED, with the
  approver as actor.
* Reversal needs a supervisor: ``approve(pin) -> name or None`` is injected (the
  supervisor PIN store); the PIN itself is never journaled.
"""

from __future__ import annotations

import re
from typing import Callable

from services import validation as v
from services.errors import UserInputError
from services.event_words import REVERSAL_REASON
from services.hosts.answers import AnswerCheck
from services.hosts.switcher.client import RefnumNotFound, SwitcherAccount, SwitcherClient
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal, JournalRow, State
from services.limits import AmountRange
from services.money import format_rupiah
from services.product_groups import BANKING
from services.resolution import StatusAnswer, SuspectResolver
from services.transactions import Executed, Outcome, Payment, TransactionRunner

HOST = "switcher"
GROUP = BANKING
TRANSFER = "switcher_transfer"
REVERSAL = "switcher_reversal"
PRODUCTS = {TRANSFER: QT_TRANSLATE_NOOP("products", "Transfer Switching"),
            REVERSAL: QT_TRANSLATE_NOOP("products", "Pembatalan Transfer Switching")}

DEFAULT_LIMITS = AmountRange(10_000, 25_000_000)
_BANK = re.compile(r"^[A-Z0-9]{3,11}$")

# (supervisor PIN, the reason, what is approved: the transfer's reference) -> the approving
# supervisor's name, or None; the approval is recorded with the reason and the reference
Approve = Callable[[str, str, str], "str | None"]


class SwitchingService:
    def __init__(
        self,
        client: SwitcherClient,
        journal: Journal,
        *,
        source_bank: str,
        source_account: str,
        approve: Approve,
        operator: Callable[[], str] = lambda: "system",
        limits: AmountRange = DEFAULT_LIMITS,
    ) -> None:
        self.client = client
        self.journal = journal
        self.source_bank = source_bank
        self.source_account = source_account
        self.limits = limits
        self._approve = approve
        self._operator = operator
        self.runner = TransactionRunner(journal, operator)

    # -- inquiry ---------------------------------------------------------------------
    def switcher_inquiry(self, bank: str, account: str) -> SwitcherAccount:
        """Who ``account`` at ``bank`` is; the answer (a quote) is what ``switcher_transfer`` pays."""
        bank = (bank or "").strip().upper()
        if not _BANK.match(bank):
            raise UserInputError("bank", QT_TRANSLATE_NOOP("errors",
                                                           "Kode bank switching tidak valid (mis. BRINIDJA)."))
        account = v.account_number("account", account)
        return self.client.inquiry(self.journal.next_reference(), bank, account)

    # -- transfer --------------------------------------------------------------------
    def switcher_transfer(self, quote: SwitcherAccount, amount: str | int, remark: str, *,
                          reference: str | None = None, confirm_duplicate: str | None = None,
                          sender: dict[str, str] | None = None) -> Executed:
        """Transfer ``amount`` to the account ``quote`` describes. ``reference`` only to
        send again a transfer that provably never left (its row is NEW). ``sender``: who
        handed over the cash (``services.sender``), journaled with the row."""
        rupiah = v.amount("amount", amount, minimum=self.limits.minimum, maximum=self.limits.maximum)
        remark = (remark or "").strip() or f"Transfer ke {quote.name}"
        if len(remark) > 100:
            raise UserInputError("remark", QT_TRANSLATE_NOOP("errors", "Berita transfer paling panjang 100 huruf."))
        if not quote.payment_code:
            raise UserInputError("account", QT_TRANSLATE_NOOP("errors", "Cek rekening tujuan dulu."))
        refnum = reference or self.journal.next_reference()
        request = {"refnum": refnum, "paymentCode": quote.payment_code, "sourceBank": self.source_bank,
                   "sourceAccount": self.source_account, "amount": rupiah, "remark": remark}
        payment = Payment(HOST, TRANSFER, GROUP, rupiah, 0, request, customer_ref=quote.account,
                          customer_name=quote.name, reference=refnum, confirmed_duplicate=confirm_duplicate,
                          approval=sender)

        def send(ref: str) -> Outcome:
            result, answer = self.client.transfer(ref, payment_code=quote.payment_code,
                                                  source_bank=self.source_bank, source_account=self.source_account,
                                                  amount=rupiah, remark=remark, beneficiary=(quote.bank, quote.account))
            return Outcome(result.journal, answer, result)

        return self.runner.execute(payment, send)

    # -- reversal --------------------------------------------------------------------
    def reversal(self, original_reference: str, supervisor_pin: str, reason: str) -> Executed:
        """Reverse a successful Switcher transfer: its own journal row, linked to the original."""
        original_reference = (original_reference or "").strip()
        try:
            original = self.journal.get(original_reference)
        except KeyError:
            raise UserInputError("reference", QT_TRANSLATE_NOOP("errors",
                                                                "Nomor referensi tidak ada di jurnal.")) from None
        if original.host != HOST or original.product != TRANSFER:
            raise UserInputError("reference", QT_TRANSLATE_NOOP("errors", "Hanya transfer switching yang dapat "
                                                                          "dibatalkan di sini."))
        if original.state is State.REVERSED:
            raise UserInputError("reference", QT_TRANSLATE_NOOP("errors", "Transfer ini sudah dibatalkan sebelumnya."))
        if original.state is not State.SUCCESS:
            raise UserInputError("reference",
                                 templated(QT_TRANSLATE_NOOP("errors", "Transfer berstatus {value}: hanya transfer "
                                                                       "BERHASIL yang dapat dibatalkan."),
                                           value=original.state.value))
        reason = (reason or "").strip()
        if len(reason) < 5:
            raise UserInputError("reason", QT_TRANSLATE_NOOP("errors", "Tulis alasan pembatalan."))
        pending = self._open_reversal(original)
        if pending is not None and pending.state is not State.NEW:
            unsettled = QT_TRANSLATE_NOOP("errors", "Pembatalan transfer ini (ref {reference}) belum pasti statusnya. "
                                                    "Selesaikan dulu di Beranda, daftar Transaksi Menggantung.")
            raise UserInputError("reference", templated(unsettled, reference=pending.reference))
        approver = self._approve(supervisor_pin, reason, original.reference) if supervisor_pin else None
        if not approver:
            raise UserInputError("supervisor_pin", QT_TRANSLATE_NOOP("errors", "PIN supervisor salah atau tidak "
                                                                               "berhak menyetujui pembatalan."))
        # A reversal that provably never left (NotSent: "Tekan tombolnya lagi") is sent again
        # under its own reference, as any payment pressed again: a new one was refused while
        # it stayed open, so the words sent the agent to a button that could not work.
        refnum = pending.reference if pending is not None else self.journal.next_reference()
        request = self.client.reversal_body(refnum, refnum_target=original.reference, journal=original.host_ref)
        payment = Payment(HOST, REVERSAL, GROUP, original.amount, 0, request, customer_ref=original.customer_ref,
                          customer_name=original.customer_name, reference=refnum,
                          approval={"approved_by": approver, "reason": reason})

        def send(ref: str) -> Outcome:
            result, answer = self.client.reversal(request, amount=original.amount)
            return Outcome(result.journal, answer, result)

        executed = self.runner.execute(payment, send)
        self.settle_reversal(executed.row, approver)
        return executed

    def _open_reversal(self, original: JournalRow) -> JournalRow | None:
        rows = self.journal.open_rows(host=HOST, product=REVERSAL, customer_ref=original.customer_ref)
        return next((r for r in rows if r.request.get("refnumTarget") == original.reference), None)

    def settle_reversal(self, row: JournalRow, actor: str) -> None:
        """After a reversal row became SUCCESS: its transfer becomes REVERSED."""
        if row.product != REVERSAL or row.state is not State.SUCCESS:
            return
        target = row.request.get("refnumTarget", "")
        original = self.journal.get(target)
        if original.state is State.SUCCESS:
            approval = self.journal.events(row.reference)[0].changes
            self.journal.transition(
                target, State.REVERSED, actor=approval.get("approved_by") or actor,
                reason=f"{REVERSAL_REASON}{row.reference}: {approval.get('reason', '')}"[:500],
            )

    # -- status check ----------------------------------------------------------------
    def status_check(self, row: JournalRow) -> StatusAnswer:
        """The Switcher's ``/check`` with the row's own refnum (transfer or reversal)."""
        try:
            result, answer = self.client.check(row.reference)
        except RefnumNotFound as exc:
            return StatusAnswer(State.FAILED, detail=exc.host_message, not_found=True,
                                response={"code": exc.code, "message": exc.host_message})
        # Any other error (unreachable, another refusal) propagates: the row stays SUSPECT.
        if result.amount != row.amount:
            # Booked, but not as we asked: a person must look. Keep it SUSPECT.
            differs = f"nominal di switcher {format_rupiah(result.amount)}, di jurnal {format_rupiah(row.amount)}"
            return StatusAnswer(State.SUSPECT, detail=differs, response=answer, reference=result.refnum)
        if row.product == TRANSFER and not _same_account(result.beneficiary_account, row.customer_ref):
            # This refnum booked to another account than the one the inquiry found (the row's
            # customer): not the transfer the customer paid for. A person must look.
            differs = f"rekening tujuan di switcher {result.beneficiary_account}, di jurnal {row.customer_ref}"
            return StatusAnswer(State.SUSPECT, detail=differs, response=answer, reference=result.refnum)
        # "Check success" says only that the switcher found the refnum; ``info`` says what
        # became of it. Only the document's "Transfer success" (a reversal: "Reversal
        # success") settles the row as SUCCESS; "Transfer reversed", "Transfer failed", a word
        # never seen or none at all settle nothing: a person calls the switcher's operator
        # and records what it says (the resolver then allows a manual decision).
        said = " ".join(result.info.split()).lower()
        if said != ("reversal success" if row.product == REVERSAL else "transfer success"):
            return StatusAnswer(State.SUSPECT, detail=f"Switcher: {result.info or '(info kosong)'}"[:200],
                                response=answer, reference=result.refnum)
        return StatusAnswer(State.SUCCESS, host_ref=result.journal, response=answer,
                            detail=result.info, reference=result.refnum)

    def register_with(self, resolver: SuspectResolver) -> None:
        resolver.register(HOST, self.status_check, after_success=self.settle_reversal)


def _same_account(answered: str, journaled: str) -> bool:
    """The account a ``/check`` answer names is the journaled one, or it names none."""
    check = AnswerCheck(HOST, "cek status")
    check.same_account("beneficiaryAccount", answered or None, journaled or None)
    return not check.reasons
