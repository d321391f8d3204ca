"""Journal before send: the one path every money-moving request takes.

``TransactionRunner.execute`` writes the row NEW and marks it SENT in one durable commit,
calls the host, and records what came back:

* a result            -> SUCCESS (with the host's reference and the redacted response, and
                         the fee/total the host confirmed where they differ from the ones
                         journaled: the row's ``settled_fee``/``settled_total``, which the
                         receipt prints and the day counts; the SUCCESS event then names both
                         figures, and the result screen tells the agent what to collect or
                         hand back, since the agent took the confirmed total)
* ``HostRejected``    -> FAILED (host code and message kept), except a duplicate
                         reference (``outcome_unknown``) -> SUSPECT: the host may hold it
* ``NotSent``         -> back to NEW: provably never left, may be retried with the SAME
                         reference through ``retry``
* ``MaybeSent`` or anything unexpected -> SUSPECT: never sent again; a status check or a
                         recorded manual resolution settles it. So are an answer that is not
                         about this payment (``AnswerMismatch``) and a code the host's table
                         does not know to be final (``OutcomeUnknown``)
* an answer that cannot be recorded as SUCCESS (figures that do not add up, a full disk)
                      -> SUSPECT, never left SENT, and the screen gets a "belum pasti" error
* an outcome the journal cannot write at all (a full, read-only or locked disk) -> the row
                         stays SENT and the error is ``RecordingFailed``: the money moved,
                         or may have; never "not sent". The journal writes it SUSPECT (with
                         the answer) once it writes again, at the work-list's next read

A new payment for the same host, product and customer is refused while an earlier one is
still open (SUSPECT or in flight): paying twice is worse than waiting. One that repeats a
payment that SUCCEEDED a few minutes ago (same host, product, customer and amount, within
``duplicate_window``) raises ``RecentSuccessExists`` carrying that row, and goes ahead only
when the caller names that row's reference in ``Payment.confirmed_duplicate``: the agent
said, deliberately, that this is a new transaction. A call that moves no money (amount 0,
a balance check) is never held up so.

Whatever error ends a transaction carries its journal row (``LoketError.row`` and
``.reference``): a NotSent one the row back at NEW, to resend under the same reference.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable

from services.clock import WIB, iso
from services.errors import (
    AnswerMismatch,
    HostRejected,
    LoketError,
    MaybeSent,
    NotSent,
    OutcomeUnknown,
    RecordingFailed,
    TransportError,
)
from services.hosts.answers import check_figures
from services.i18n import QT_TRANSLATE_NOOP, Message, templated
from services.journal import Journal, JournalRow, State
from services.journal.integrity import JournalBusy, JournalUnwritable
from services.journal.rows import Unrecorded
from services.journal.store import SENT_REASON
from services.money import format_rupiah

log = logging.getLogger(__name__)

DEFAULT_DUPLICATE_MINUTES = 15


@dataclass(frozen=True)
class Outcome:
    """What a host call returns to the runner: its reference and the answer to keep.

    ``fee``/``total``: what the host's answer confirmed, where it states them (None: it
    said nothing, the journaled figures stand). Some hosts first name the admin fee in the
    payment's answer (BNI Keagenan Telkom: the inquiry says nothing, ``biaya_adm`` 2500
    comes back with the payment); the agent collects it, so the day's cash must count it.
    """

    host_ref: str
    response: dict[str, Any]
    result: Any = None  # the typed result handed back to the caller
    fee: int | None = None
    total: int | None = None
    # What the answer said beside confirming it, for the SUCCESS event's reason ("dikonfirmasi
    # host; <note>"): a DOKU VA's expiry other than the one asked.
    note: str = ""

    def settled(self, row: JournalRow) -> dict[str, int]:
        """The ``settled_fee``/``settled_total`` to journal for ``row``: only what differs.

        Figures that cannot be right (negative, absurd, total != amount + fee) raise
        ``AnswerMismatch``: an answer that does not add up is not a confirmation of this
        payment, so the row becomes SUSPECT with the reason instead of SUCCESS with figures
        that would put cash that does not exist into the day's expected cash.
        """
        if (self.fee is None or self.fee == row.fee) and (self.total is None or self.total == row.total):
            return {}
        fee = self.fee if self.fee is not None else self.total - row.amount  # type: ignore[operator]
        total = self.total if self.total is not None else row.amount + fee
        check_figures(row.host, "angka jawaban", amount=row.amount, fee=fee, total=total)
        return {"settled_fee": fee, "settled_total": total}


@dataclass(frozen=True)
class Payment:
    """What is about to be sent, described for the journal."""

    host: str
    product: str
    product_group: str
    amount: int
    fee: int
    request: dict[str, Any]
    customer_ref: str = ""
    customer_name: str = ""
    total: int | None = None
    reference: str | None = None  # generated by the journal when absent
    # the reference of the recent SUCCESS this repeats, named by the agent's explicit "yes,
    # a new transaction" (RecentSuccessExists); None: a repeat is refused
    confirmed_duplicate: str | None = None
    inquiry: dict[str, Any] | None = None  # the inquiry answer it was quoted from: the receipt reads it
    # why and on whose word, where the request does not say: the first event's ``changes``
    approval: dict[str, str] | None = None
    counter_fee: int = 0  # the counter's own fee collected with it, outside ``total``


@dataclass(frozen=True)
class Executed:
    row: JournalRow
    result: Any = field(default=None)


def _customer_ref_text(row: JournalRow) -> str:
    """The customer's reference as the receipt prints it (charity's provider by name)."""
    from services.receipts.products import customer_ref_text  # the package brings the renderers

    return customer_ref_text(row.host, row.product, row.customer_ref)


CONFIRMED = "dikonfirmasi host"  # the SUCCESS event's reason
# What a SUCCESS event's reason adds when the host booked another fee than the one confirmed
# (``services.event_words`` reads it out to the agent).
FEE_CHANGED = "biaya admin berbeda"


def fee_change(row: JournalRow, settled: dict[str, int]) -> str:
    """The SUCCESS event's words for a fee or total the host booked other than confirmed:
    both figures, so Riwayat says what the receipt prints and what the agent collected.
    The counter's own success and a decision recorded by hand (``services.resolution``)."""
    if not settled or (settled["settled_fee"], settled["settled_total"]) == (row.fee, row.total):
        return ""
    return (f"{FEE_CHANGED}: {format_rupiah(settled['settled_fee'])} menurut host, {format_rupiah(row.fee)} "
            f"dikonfirmasi; total {format_rupiah(settled['settled_total'])}, dikonfirmasi {format_rupiah(row.total)}")


def fee_difference(row: JournalRow) -> Message | None:
    """What the agent must do at the drawer for a SUCCESS row the bank settled at another
    total than the one the agent took from the customer (``total``, as confirmed): collect
    the difference or hand it back; None when there is nothing to do.

    The rule, once: every figure that counts the row's cash (the receipt, Riwayat, Laporan X,
    Tutup Hari's "Kas seharusnya di laci", the Laporan Z and its late lines, the export, the
    office) counts the bank's total (``total_final``), which is what the drawer holds only
    once the agent has done this. So wherever a row settles so, the agent is told in these
    words: the result of the counter's own payment, and a decision recorded by hand on a
    payment that was in doubt (``SuspectResolver.resolve_manually``)."""
    difference = row.total_final - row.total
    if row.state is not State.SUCCESS or not difference:
        return None
    values = {"fee": format_rupiah(row.fee_final), "asked": format_rupiah(row.fee),
              "diff": format_rupiah(abs(difference)), "total": format_rupiah(row.collected)}
    if row.fee == 0:  # none confirmed (quoted Rp 0, or "set by the bank", as Telkom's bills say)
        return templated(QT_TRANSLATE_NOOP("errors", "Biaya admin dari bank {fee} belum termasuk dalam konfirmasi. "
                                                     "Tagih nasabah {diff} lagi: totalnya {total}, seperti tercetak "
                                                     "di bukti."), **values)
    if difference > 0:
        return templated(QT_TRANSLATE_NOOP("errors", "Biaya admin dari bank {fee}, bukan {asked} seperti saat "
                                                     "konfirmasi. Tagih nasabah {diff} lagi: totalnya {total}, seperti "
                                                     "tercetak di bukti."), **values)
    return templated(QT_TRANSLATE_NOOP("errors", "Biaya admin dari bank {fee}, bukan {asked} seperti saat konfirmasi. "
                                                 "Kembalikan {diff} kepada nasabah: totalnya {total}, seperti "
                                                 "tercetak di bukti."), **values)


class OpenTransactionExists(LoketError):
    """An earlier payment for this customer is still open; ``earlier`` is its row. Nothing
    was journaled for this one (``row`` stays None)."""

    def __init__(self, row: JournalRow) -> None:
        self.earlier = row
        super().__init__(templated(QT_TRANSLATE_NOOP(
            "errors", "Transaksi sebelumnya untuk pelanggan {customer} (ref {reference}) belum pasti statusnya. "
            "Selesaikan dulu di Beranda, daftar Transaksi Menggantung, sebelum membayar lagi."),
            customer=_customer_ref_text(row), reference=row.reference))


class RecentSuccessExists(LoketError):
    """The same payment (host, product, customer, amount) SUCCEEDED minutes ago.

    Not a refusal: the agent may confirm that this is a new transaction, by naming
    ``row.reference`` in ``Payment.confirmed_duplicate`` (flows: ``pay(confirm_duplicate=)``).
    """

    def __init__(self, row: JournalRow) -> None:
        self.earlier = row  # this payment was not journaled: ``row`` stays None
        self.time = datetime.fromisoformat(row.created_at).astimezone(WIB).strftime("%H:%M")
        super().__init__(templated(
            QT_TRANSLATE_NOOP("errors", "Transaksi yang sama sudah BERHASIL pukul {time} (ref {reference}). "
                                        "Ini transaksi baru?"), time=self.time, reference=row.reference))


# ``check(host, product, operator)`` raises when a payment of ``product`` by ``operator`` (the
# agent it is journaled under) moves cash through a drawer that is not theirs to move:
# ``services.errors.ShiftNotOpen`` when the business day has no open shift,
# ``services.errors.DrawerNotHeld`` when another agent holds the drawer (app.context wires
# it from the day close's rules, ``Handovers.require_drawer``); None where no counter day is
# kept (a host's own tests).
DrawerCheck = Callable[[str, str, str], None]


class TransactionRunner:
    def __init__(self, journal: Journal, operator: Callable[[], str], *,
                 duplicate_window: timedelta = timedelta(minutes=DEFAULT_DUPLICATE_MINUTES),
                 drawer_check: DrawerCheck | None = None) -> None:
        self.journal = journal
        self._operator = operator
        self.duplicate_window = duplicate_window
        self.drawer_check = drawer_check
        # reference -> what ``_mark_suspect`` could not write, handed to the journal by ``_send``
        self._left_sent: dict[str, Unrecorded] = {}

    def _recent_success(self, payment: Payment) -> list[JournalRow]:
        """SUCCESS rows the same as ``payment`` within ``duplicate_window``, newest first."""
        if not payment.customer_ref or payment.amount <= 0 or self.duplicate_window <= timedelta(0):
            return []
        since = iso(self.journal.clock.now() - self.duplicate_window)
        # Also what this run began within the window by the monotonic clock, where the wall
        # clock has moved since: put forward an hour after a payment (Windows' time sync), it
        # must not make that payment old.
        lately = self.journal.redated_within(self.duplicate_window.total_seconds())
        redated = f" OR reference IN ({','.join('?' * len(lately))})" if lately else ""
        # Read through the customer's rows of the window only (``txn_customer``: customer,
        # created_at) and the redated ones by reference; the ``+`` keeps SQLite from
        # answering by another index, e.g. every row of the product or every SUCCESS.
        return list(self.journal.rows(
            "+host=? AND +product=? AND +customer_ref=? AND +amount=? AND +state='SUCCESS'"
            f" AND ((customer_ref=? AND created_at>=?){redated})",
            (payment.host, payment.product, payment.customer_ref, payment.amount, payment.customer_ref, since,
             *lately), order="id DESC"))

    def _blocking_row(self, payment: Payment) -> JournalRow | None:
        if not payment.customer_ref:
            return None
        rows = self.journal.open_rows(host=payment.host, product=payment.product, customer_ref=payment.customer_ref)
        return next(iter(rows), None)

    def execute(self, payment: Payment, send: Callable[[str], Outcome]) -> Executed:
        """Journal ``payment``, then ``send(reference)``; returns the final row and result."""
        if payment.reference and self.journal.count("reference=?", (payment.reference,)):
            # The agent pressed "Kirim ulang" after a NotSent: same reference, same row. (A
            # count, not the row: most references given here are an inquiry's, not yet journaled.)
            self._same_as_journaled(payment)
            return self.retry(payment.reference, send)
        with self.journal.lock:  # check and write as one step: two threads cannot both pass
            # The screens send the agent to Buka Shift, or to Serah Terima Kas, before a form
            # that moves money opens; this is the rule itself, for whatever way the payment got
            # here (a form still open past midnight, "Transaksi baru" after the day moved on, a
            # script). Nothing is journaled or sent when it refuses.
            operator = self._operator()
            if self.drawer_check is not None:
                self.drawer_check(payment.host, payment.product, operator)
            blocking = self._blocking_row(payment)
            if blocking is not None:
                raise OpenTransactionExists(blocking)
            recent = self._recent_success(payment)
            if recent and payment.confirmed_duplicate not in {row.reference for row in recent}:
                raise RecentSuccessExists(recent[0])
            reference = payment.reference or self.journal.next_reference()
            sent = self.journal.begin(
                reference=reference,
                host=payment.host,
                product=payment.product,
                product_group=payment.product_group,
                customer_ref=payment.customer_ref,
                customer_name=payment.customer_name,
                amount=payment.amount,
                fee=payment.fee,
                total=payment.total,
                operator=operator,
                request=payment.request,
                approval=payment.approval,
                inquiry=payment.inquiry,
                counter_fee=payment.counter_fee,
                sent_by=operator,
            )
        return self._send(sent, send)

    def _same_as_journaled(self, payment: Payment) -> None:
        """A resend carries the payment its row records, or nothing is sent: under a reference
        already journaled, another customer, amount or fee would reach the host while the
        journal, its receipt and the Laporan kept the first one's. The screens forget an
        unsent reference when an input changes (``services.flows``); this is the rule itself,
        for any caller."""
        row = self.journal.get(payment.reference or "")
        total = payment.amount + payment.fee if payment.total is None else payment.total
        asked = (payment.host, payment.product, payment.customer_ref, payment.amount, payment.fee, total,
                 payment.counter_fee)
        held = (row.host, row.product, row.customer_ref, row.amount, row.fee, row.total, row.counter_fee)
        if asked != held:
            raise LoketError(templated(QT_TRANSLATE_NOOP(
                "errors", "Transaksi {reference} tercatat dengan isian lain (pelanggan, nominal atau biaya): tidak "
                          "dikirim ulang. Mulai transaksi baru dengan isian ini."), reference=row.reference))

    def abandon(self, reference: str) -> JournalRow:
        """A NotSent transaction (state NEW) that the agent replaced by another, with other
        inputs: it provably never left, so it is FAILED and no longer holds the customer."""
        row = self.journal.get(reference)
        if row.state is not State.NEW:
            return row
        return self.journal.transition(reference, State.FAILED, actor=self._operator(),
                                       reason="tidak terkirim; diganti transaksi dengan isian lain")

    def retry(self, reference: str, send: Callable[[str], Outcome]) -> Executed:
        """Send again a transaction that provably never left (state NEW), same reference.

        Under the same drawer rule as its first sending: a resend moves the cash as much as the
        first try would have (refused, the row stays NEW, still provably never sent)."""
        row = self.journal.get(reference)
        if row.state is not State.NEW:
            raise LoketError(
                templated(QT_TRANSLATE_NOOP("errors", "Transaksi {reference} berstatus {value} dan tidak boleh "
                                                      "dikirim ulang."), reference=reference, value=row.state.value)
            )
        with self.journal.lock:
            operator = self._operator()
            if self.drawer_check is not None:
                self.drawer_check(row.host, row.product, operator)
            sent = self.journal.transition(reference, State.SENT, actor=operator, reason=SENT_REASON)
        return self._send(sent, send)

    def _send(self, sent: JournalRow, send: Callable[[str], Outcome]) -> Executed:
        """Send ``sent``, a row whose SENT is on disk, and record what came back.

        Once the request has left, a journal that cannot record the outcome (a full,
        read-only or locked disk) never passes its own "not sent" error to the agent: the
        error is ``RecordingFailed``, which says the money moved (or may have). The row is
        then still SENT; the journal is told what was not recorded and writes it when it
        writes again (``Journal.recover_stranded``: the work-list's next read)."""
        try:
            return self._deliver(sent, send)
        finally:
            self.journal.sent_back(sent.reference, self._left_sent.pop(sent.reference, None))

    def _deliver(self, sent: JournalRow, send: Callable[[str], Outcome]) -> Executed:
        reference = sent.reference
        try:
            outcome = send(reference)
        except LoketError as exc:
            exc.reference = reference
            self._speak_of_payment(sent, exc)
            try:
                exc.row = self._record_failure(reference, exc)
            except Exception as failure:
                if isinstance(exc, NotSent):
                    # Nothing left the machine: the journal's own error ("tidak dikirim") is
                    # true. The row stays SENT on disk until the journal writes it FAILED.
                    self._left_sent[reference] = Unrecorded(f"tidak terkirim: {exc.detail}", sent=False)
                    raise
                row = self._mark_suspect(reference, f"hasil tidak tercatat: {type(failure).__name__}", None)
                raise self._unrecorded(reference, failure, row, confirmed=False) from exc
            raise
        except BaseException as exc:
            log.exception("unexpected failure after sending %s", reference)
            row = self._mark_suspect(reference, f"kesalahan tak terduga: {type(exc).__name__}", None)
            if row is None:
                raise self._unrecorded(reference, exc, row, confirmed=False) from exc
            if not isinstance(exc, Exception):  # an interrupt, an exit: not the agent's to read
                raise
            raise self._in_doubt(sent, exc, row) from exc
        try:
            settled = outcome.settled(sent)
            said = "; ".join(part for part in (fee_change(sent, settled), outcome.note) if part)
            return Executed(self.journal.transition(
                reference, State.SUCCESS, actor="system",
                reason=f"{CONFIRMED}; {said}"[:500] if said else CONFIRMED,
                host_ref=outcome.host_ref, response=outcome.response, **settled,
            ), outcome.result)
        except AnswerMismatch as exc:
            # Figures that do not add up: no confirmation of this payment. The money may have
            # moved, so the row must not stay SENT (invisible, blocking the customer): SUSPECT.
            exc.reference = reference
            self._speak_of_payment(sent, exc)
            exc.row = self._mark_suspect(reference, exc.detail, outcome.response)
            if exc.row is None:
                raise self._unrecorded(reference, exc, None, confirmed=False) from exc
            raise
        except BaseException as exc:
            # The host confirmed it, but no SUCCESS was written (a full or locked disk, a
            # number the journal cannot hold): the money moved. SUSPECT if that can be written.
            log.exception("SUCCESS of %s could not be recorded", reference)
            row = self._mark_suspect(reference, f"jawaban diterima, tidak tercatat: {type(exc).__name__}",
                                     outcome.response)
            raise self._unrecorded(reference, exc, row, confirmed=True) from exc

    def _speak_of_payment(self, sent: JournalRow, exc: LoketError) -> None:
        """A transport error that ended this row speaks of a payment's money, unless the row
        only asks (``Journal.inquiries``: a customer's balance), which says what any read
        says: nothing changed, ask again (``services.errors.TransportError``)."""
        if isinstance(exc, TransportError) and (sent.host, sent.product) not in self.journal.inquiries:
            exc.ended_payment()

    def _in_doubt(self, sent: JournalRow, failure: Exception, row: JournalRow) -> MaybeSent:
        """A payment that failed after it was sent for a reason no host error names (an answer
        a client could not read, a figure Python refuses): SUSPECT, and said so in a payment's
        words with its reference. Passed on as it was, the agent read the generic "Terjadi
        kesalahan yang tidak terduga ... lalu coba lagi" of money the bank may have moved."""
        doubt = MaybeSent(host=sent.host, detail=f"{type(failure).__name__}: {failure}"[:300])
        doubt.reference, doubt.row = sent.reference, row
        self._speak_of_payment(sent, doubt)
        return doubt

    @staticmethod
    def _unrecorded(reference: str, failure: BaseException, row: JournalRow | None, *,
                    confirmed: bool) -> RecordingFailed:
        """The error for an outcome the journal did not record; ``row`` is the row made
        SUSPECT, None when even that failed (the next start makes it SUSPECT)."""
        error = RecordingFailed(confirmed=confirmed, recorded=row is not None,
                                detail=f"{type(failure).__name__}: {failure}"[:300])
        error.reference, error.row = reference, row
        return error

    def _mark_suspect(self, reference: str, reason: str, response: dict[str, Any] | None) -> JournalRow | None:
        """SUSPECT after an outcome that could not be recorded as it was, keeping the answer
        for support when it can be written; without it when even that fails (the smaller
        write). None when nothing could be written."""
        for keep in (response, None) if response is not None else (None,):
            try:
                return self.journal.transition(reference, State.SUSPECT, actor="system", reason=reason[:500],
                                               response=keep, error_message=reason[:500])
            except (JournalBusy, JournalUnwritable):  # no write of any size: do not wait a second time
                log.exception("could not mark %s SUSPECT", reference)
                break
            except Exception:  # noqa: BLE001 - the next, smaller write may still succeed
                log.exception("could not mark %s SUSPECT", reference)
        self._left_sent[reference] = Unrecorded(reason[:500], response)
        return None  # still SENT: the journal writes the SUSPECT once it can (``_send``)

    def _record_failure(self, reference: str, exc: LoketError) -> JournalRow:
        if isinstance(exc, NotSent):
            return self.journal.transition(reference, State.NEW, actor="system",
                                    reason=f"tidak terkirim: {exc.detail}"[:500])
        elif isinstance(exc, OutcomeUnknown):
            return self.journal.transition(reference, State.SUSPECT, actor="system", reason=exc.detail[:500],
                                    error_code=exc.code, error_message=(exc.host_message or exc.message)[:500])
        elif isinstance(exc, AnswerMismatch):
            return self.journal.transition(reference, State.SUSPECT, actor="system", reason=exc.detail[:500],
                                    error_message=exc.reason[:500])
        elif isinstance(exc, HostRejected) and exc.outcome_unknown:
            # "Reference already used": the host may have booked this very transaction.
            return self.journal.transition(
                reference, State.SUSPECT, actor="system", reason=f"referensi sudah dipakai di host: {exc.code}",
                error_code=exc.code, error_message=exc.host_message or exc.message,
            )
        elif isinstance(exc, HostRejected):
            return self.journal.transition(
                reference, State.FAILED, actor="system", reason="ditolak host",
                error_code=exc.code, error_message=exc.host_message or exc.message,
            )
        elif isinstance(exc, MaybeSent):
            return self.journal.transition(
                reference, State.SUSPECT, actor="system", reason=f"jawaban tidak diterima: {exc.detail}"[:500],
            )
        else:
            return self.journal.transition(
                reference, State.SUSPECT, actor="system", reason=f"kesalahan tak terduga: {type(exc).__name__}",
            )
