"""Settling SUSPECT transactions: by asking the host, or by a recorded decision.

A SUSPECT row may have moved money or not; it is never sent again. It is settled by:

* a **status check** where the host has one: a checker registered for the host name asks
  the host about the row's own reference (the Switcher's ``/check`` with the original
  refnum, BCA's Transfer Status Inquiry: ``services.hosts.bca.status``). ``resolve_all`` runs
  every check; the UI calls it at start-up and on a timer, ``check`` runs one on demand, and
  ``settle_answer`` settles on an answer a screen asked for itself (BCA's Cek status);
* a **manual resolution** where the host has none (Bank+, BNI Keagenan, DOKU): the agent
  telephones the host's call center (``services.resolution_guide`` says whom, what to
  ask, what to write down) and records what it confirmed, BERHASIL or GAGAL, with the
  officer's name and the time of the call (a ``Confirmation``), the host's journal number
  if the officer gave one; or a supervisor records a decision from the host's report with
  its journal number. Either way with who (the logged-in user) and when (the journal's
  clock); the event's reason is the evidence, word for word. A success may also record
  the figures the bank gives (``settled_fee`` / ``settled_total``) when they differ from
  what was asked: the day's totals then count what the host actually booked.

Decisions:
* A host that answers "never heard of it" settles the row as FAILED only once the row
  has been SUSPECT for ``not_found_grace_seconds`` (default 120 s, longer than any read
  timeout): a request still travelling could otherwise be booked after we called it
  failed. Tests and the soak use 0, since the sandbox books before it answers.
* Manual resolution is refused for hosts with a status check: the host's own answer beats
  a person's reading of it. Except once the check has reached the host and its answer
  settles nothing a program may read (the Switcher's "Transfer reversed", an amount other
  than the journal's: ``StatusAnswer`` SUSPECT): asking again would say the same for ever,
  so a person calls the host and records the decision, and the host's words go with it.
  That answer is held in memory only: after a restart the start-up check hears it again.
* A check that cannot reach the host leaves the row SUSPECT and says so; the next run
  tries again. So does an answer about another transaction: the client refuses one whose
  reference is not the row's (``AnswerMismatch``), and a checker that reports the reference
  its answer names (``StatusAnswer.reference``) is held to it here as well.
* Hooks run after a row settles as SUCCESS (``after_success``): a reversal marks the
  transfer it reversed REVERSED, whichever way the reversal was settled.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from services.errors import LoketError, MaybeSent, NotSent, TransportError, UserInputError
from services.event_words import REFUNDED_REASON
from services.i18n import QT_TRANSLATE_NOOP, Message, templated
from services.journal import Journal, JournalRow, State
from services.money import format_rupiah
from services.resolution_guide import HostGuide, ResolutionGuides
from services.transactions import fee_change, fee_difference

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StatusAnswer:
    """What a host's status check said about one reference."""

    # SUCCESS or FAILED; SUSPECT: the host answered about this row, but in words that settle
    # nothing (``detail`` keeps them), so a person decides (``resolve_manually``).
    state: State
    host_ref: str = ""
    response: dict[str, Any] | None = None
    detail: str = ""  # the host's words, kept in the event's reason
    not_found: bool = False  # FAILED because the host never processed it
    reference: str = ""  # the reference the answer names (refnum...), where it names one
    code: str = ""  # the host's own status code of a FAILED answer (BCA's "06"), kept as the row's error code
    # FAILED because the host sent the money back after booking it (BCA 04 "Refunded"):
    # it went out and came back, which the journal and the agent's words must not call
    # "never moved". ``detail`` says how much came back to which account.
    refunded: bool = False


@dataclass(frozen=True)
class Confirmation:
    """What the agent learnt on the telephone: who at the bank confirmed it, and when."""

    channel: str  # whom the agent called: HostGuide.who()
    officer: str  # the name the officer gave
    time: str  # HH:MM (WIB) of the call, as the agent wrote it down

    def checked(self) -> "Confirmation":
        officer = " ".join(self.officer.split())
        if len(officer) < 2:
            raise UserInputError("officer", QT_TRANSLATE_NOOP("errors", "Tulis nama petugas bank yang mengonfirmasi."))
        hours, _, minutes = self.time.strip().partition(":")
        if not (len(hours) == len(minutes) == 2 and hours.isdigit() and minutes.isdigit() and hours.isascii()
                and minutes.isascii() and int(hours) < 24 and int(minutes) < 60):
            raise UserInputError("time", QT_TRANSLATE_NOOP("errors", "Tulis jam telepon sebagai JJ:MM, mis. 14:05."))
        return Confirmation(" ".join(self.channel.split()), officer, self.time.strip())

    def evidence(self, success: bool, host_ref: str, note: str) -> str:
        """The words the journal keeps as the reason of the decision."""
        said = "BERHASIL" if success else "GAGAL"
        parts = [f"dikonfirmasi {said} oleh {self.channel}; petugas {self.officer}, pukul {self.time} WIB"]
        if host_ref:
            parts.append(f"no. jurnal host {host_ref}")
        if note:
            parts.append(f"catatan: {note}")
        return "; ".join(parts)


StatusChecker = Callable[[JournalRow], StatusAnswer]
AfterSuccess = Callable[[JournalRow, str], None]  # (settled row, actor)


@dataclass(frozen=True)
class Resolution:
    """The outcome of one attempt to settle a row, worded for the work-list."""

    reference: str
    state: State  # the row's state afterwards
    resolved: bool  # False: still SUSPECT (host unreachable, or too early to call it failed)
    message: str  # Indonesian, marked for translation (a ``Message`` or a marked text): ``localized_message``
    cash_back_said: bool = False  # ``message`` itself tells the agent to give the customer's cash back
    # Cash the agent must still collect (> 0) or hand back (< 0): a SUCCESS the bank settled at
    # another total than the one the customer paid (``services.transactions.fee_difference``,
    # which ``message`` carries); the day counts the bank's total
    drawer_change: int = 0


@dataclass(frozen=True)
class SuspectItem:
    """One line of the work-list (Transaksi Menggantung)."""

    row: JournalRow
    can_check: bool  # True: "Cek Status"; False: manual resolution
    advice: str  # an Indonesian source string of context "resolution"
    not_sent: bool = False  # NEW after a failed connection: "Kirim ulang" (same reference) or "Batalkan"
    guide: HostGuide | None = None  # whom to call about it (None: it never left, nobody to call)
    host_said: str = ""  # the host's own words when its status check answered but settled nothing


NOT_SENT_ADVICE = QT_TRANSLATE_NOOP("resolution", "Belum terkirim (koneksi gagal). Kirim ulang dengan nomor referensi "
                                                  "yang sama, atau batalkan bila pelanggan tidak jadi.")
CHECK_ADVICE = QT_TRANSLATE_NOOP("resolution", "Status belum pasti. Aplikasi menanyakan status ke host secara "
                                               "otomatis; tekan Cek status untuk menanyakan sekarang. Bila tetap "
                                               "belum pasti, telepon nomor di bawah. Jangan ulangi transaksi.")
UNREADABLE_ADVICE = QT_TRANSLATE_NOOP("resolution", "Host menjawab cek status, tetapi jawabannya tidak memastikan "
                                                    "status transaksi (di bawah). Telepon nomor di bawah, tanyakan "
                                                    "statusnya, lalu tekan Selesaikan dan catat jawabannya. Jangan "
                                                    "ulangi transaksi.")
CALL_ADVICE = QT_TRANSLATE_NOOP("resolution", "Status belum pasti dan bank ini tidak punya cek status otomatis. "
                                              "Telepon nomor di bawah, tanyakan statusnya, lalu tekan Selesaikan dan "
                                              "catat jawabannya. Jangan ulangi transaksi.")


def host_reference(row: JournalRow) -> str:
    """The number the host holds this transaction by, where it is not the journal's own
    reference; "" where it is. Bank+ (``sid``), the Switcher (``refnum``), BCA
    (``partnerReferenceNo``) and DOKU (``trxId``) get the journal reference itself; BNI
    Keagenan gets a ``reffNum`` built from it (date, a digit, the counter code), which is the
    only number its call center can find an unanswered payment by. Read from the body that
    went on the wire, as journaled."""
    request = row.request if isinstance(row.request, dict) else {}
    data = request.get("data")
    sent = str(data.get("reffNum") or "").strip() if isinstance(data, dict) else ""
    return sent if sent and sent != row.reference else ""


def _unanswered(exc: TransportError) -> str:
    """Why a status check heard nothing, in the check's own words. The transport error's are
    a read's ("permintaan ini tidak terkirim, jadi tidak ada yang berubah ... coba lagi"):
    true of the check, but inside "Cek status belum berhasil (...)" about a payment in doubt
    they read as if the payment was not sent."""
    if isinstance(exc, NotSent):
        return QT_TRANSLATE_NOOP("errors", "bank tidak dapat dihubungi")
    return QT_TRANSLATE_NOOP("errors", "jawaban bank tidak diterima atau tidak terbaca")


def check_unsettled(row: JournalRow, exc: LoketError) -> Message:
    """What a status check of ``row`` (SUSPECT, or SUCCESS asked again) that failed (``exc``)
    says: the row's own state, in doubt or BERHASIL, and why the check did not settle it; for no answer the check's own
    words (``_unanswered``), never a read's, which beside a payment in doubt read as if the
    payment was not sent or could be made again."""
    why = _unanswered(exc) if isinstance(exc, TransportError) else exc.message
    if row.state is State.SUCCESS:  # asked again whether the bank sent it back
        return templated(QT_TRANSLATE_NOOP(
            "errors", "Cek status belum berhasil ({detail}). Transaksi tetap tercatat BERHASIL."), detail=why)
    if isinstance(exc, TransportError):
        return templated(QT_TRANSLATE_NOOP(
            "errors", "Cek status belum berhasil: {why}. Status transaksi tetap belum pasti: JANGAN "
                      "ulangi transaksi dan JANGAN kembalikan uang dulu. Akan dicoba lagi."), why=why)
    return templated(QT_TRANSLATE_NOOP("errors", "Cek status belum berhasil ({detail}). Akan dicoba lagi."),
                     detail=why)


class CheckUnanswered(MaybeSent):
    """A status check a screen asks itself (BCA's "Cek status" of its transfer in doubt) that
    heard nothing: it says so in ``check_unsettled``'s words. The transport error's own are a
    read's ("permintaan ini tidak terkirim, jadi tidak ada yang berubah ... coba lagi"), and
    under "JANGAN ulangi transfer" of a transfer the bank may have booked they told the agent
    the opposite."""

    payment_message = None

    def __init__(self, row: JournalRow, exc: TransportError) -> None:
        super().__init__(check_unsettled(row, exc), host=exc.host, detail=exc.detail)


def _already(row: JournalRow) -> Resolution:
    """A row some other check or decision settled first."""
    return Resolution(row.reference, row.state, True, templated(QT_TRANSLATE_NOOP(
        "errors", "Sudah pasti: {value}."), value=row.state.value))


def _check_settled(success: bool, fee: int | None, total: int | None) -> None:
    """The host's figures: whole rupiah, not negative, and only for a success."""
    for field, value in (("settled_fee", fee), ("settled_total", total)):
        if value is None:
            continue
        if not success:
            raise UserInputError(field, QT_TRANSLATE_NOOP("errors",
                                                          "Biaya dari host hanya dicatat untuk transaksi BERHASIL."))
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise UserInputError(field, QT_TRANSLATE_NOOP("errors",
                                                          "Isi biaya dari host dalam rupiah, tanpa tanda minus."))


class SuspectResolver:
    def __init__(self, journal: Journal, *, not_found_grace_seconds: float = 120.0,
                 guides: ResolutionGuides | None = None) -> None:
        self.journal = journal
        self.guides = guides or ResolutionGuides(None, sandbox=False)
        self.not_found_grace_seconds = not_found_grace_seconds
        self._checkers: dict[str, StatusChecker] = {}
        self._after_success: dict[str, list[AfterSuccess]] = {}
        self._rechecks: set[str] = set()  # hosts whose check also hears a refund of a SUCCESS row
        self._lock = threading.Lock()  # one settlement at a time: timer and button may race
        # reference -> the host's words, for SUSPECT rows whose check answered without
        # settling them: these a person may settle by hand.
        self._unreadable: dict[str, str] = {}

    def register(self, host: str, checker: StatusChecker | None = None, *,
                 after_success: AfterSuccess | None = None, rechecks_success: bool = False) -> None:
        """``rechecks_success``: the host's status check can also tell that a transfer it
        booked was later sent back (BCA 04), so ``check`` asks it about a SUCCESS row too."""
        if checker is not None:
            self._checkers[host] = checker
            if rechecks_success:
                self._rechecks.add(host)
        if after_success is not None:
            self._after_success.setdefault(host, []).append(after_success)

    def has_check(self, host: str) -> bool:
        return host in self._checkers

    def rechecks(self, row: JournalRow) -> bool:
        """``check`` may ask the host about this SUCCESS row: was it sent back since?"""
        return row.state is State.SUCCESS and row.host in self._rechecks

    def manual_allowed(self, row: JournalRow) -> bool:
        """A person may record the decision on ``row``: its host has no status check, or
        the check answered in words that settle nothing."""
        return not self.has_check(row.host) or row.reference in self._unreadable

    # -- the work-list ---------------------------------------------------------------
    def worklist(self) -> list[SuspectItem]:
        """Every SUSPECT row, and every row left NEW because it provably never left (the
        connection failed), oldest first, with what is known and what to do.

        First, rows left SENT with no payment in flight (the disk refused to record the
        bank's outcome) are written SUSPECT, or FAILED where nothing can have moved
        (``Journal.recover_stranded``): the agent was told the bank answered, and must find
        the row here without restarting Loket. A journal still refusing writes is tried
        again at the next read."""
        try:
            self.journal.recover_stranded()
        except Exception:  # noqa: BLE001 - the list is still read; the rows stay SENT for the next read
            log.exception("rows left SENT could not be settled yet")
        items = []
        for row in self.journal.rows("state IN ('NEW', 'SUSPECT')"):
            if row.state is State.NEW:
                last = self.journal.events(row.reference)[-1]
                if last.from_state is State.SENT:  # else begun but never sent: no payment path leaves that
                    items.append(SuspectItem(row, False, NOT_SENT_ADVICE, not_sent=True))
                continue
            said = self._unreadable.get(row.reference, "")
            can_check = self.has_check(row.host) and not said
            advice = UNREADABLE_ADVICE if said else CHECK_ADVICE if can_check else CALL_ADVICE
            items.append(SuspectItem(row, can_check, advice, guide=self.guides.for_host(row.host), host_said=said))
        return items

    # -- status checks ---------------------------------------------------------------
    def resolve_all(self, *, actor: str = "system") -> list[Resolution]:
        """Check every SUSPECT row whose host has a status check."""
        return [self._check(row.reference, actor, recheck=False)
                for row in self.journal.rows("state = 'SUSPECT'") if self.has_check(row.host)]

    def check(self, reference: str, *, actor: str = "system") -> Resolution:
        """Ask the host about a SUSPECT row and settle it on the answer; about a SUCCESS row of a
        host that ``rechecks`` it, whether the money was sent back since (``settle_refund``)."""
        return self._check(reference, actor, recheck=True)

    def _check(self, reference: str, actor: str, *, recheck: bool) -> Resolution:
        with self._lock:
            row = self.journal.get(reference)
            if recheck and self.rechecks(row):
                return self._recheck(row, actor)
            if row.state is not State.SUSPECT:
                return _already(row)
            checker = self._checkers.get(row.host)
            if checker is None:
                raise UserInputError("reference", QT_TRANSLATE_NOOP("errors", "Host ini tidak punya cek status: "
                                                                              "selesaikan secara manual."))
            try:
                answer = checker(row)
            except LoketError as exc:
                log.info("status check of %s failed: %s", reference, exc)
                return Resolution(reference, State.SUSPECT, False, check_unsettled(row, exc))
            return self._heard(row, answer, actor)

    def settle_answer(self, reference: str, answer: StatusAnswer, *, actor: str = "system") -> Resolution:
        """What a status answer asked for elsewhere does to a SUSPECT row, by ``check``'s
        rules (a screen that shows the host's own figures, BCA's Cek status, asks itself):
        the same grace for "not found", the same refusal of an answer about another
        transaction, the same lock against the work-list's timer, the same hooks."""
        with self._lock:
            row = self.journal.get(reference)
            if row.state is not State.SUSPECT:
                return _already(row)
            return self._heard(row, answer, actor)

    def settle_refund(self, reference: str, answer: StatusAnswer, *, actor: str = "system") -> Resolution:
        """A row settled SUCCESS whose host now says it sent the money back (BCA 04
        "Refunded", ``answer.refunded``): REVERSED, with the host's code and words.

        Decision (the documents are silent on a refund after a confirmed booking): the money
        came back to the agent's account and the beneficiary never kept it, so the customer's
        cash is owed back to them. That is what REVERSED says to every report: both legs in
        the drawer (received, handed back), out of the day's totals, listed as cancelled, and
        on a later day than the one whose Laporan Z sealed it as SUCCESS, that day's refund
        line (``services.reports.aggregate.late_settlements``); the office lists it as changed
        after the seal. Any other answer, a row not SUCCESS (already REVERSED: heard twice),
        or an answer about another reference settles nothing."""
        with self._lock:
            return self._refund(self.journal.get(reference), answer, actor)

    def _refund(self, row: JournalRow, answer: StatusAnswer, actor: str) -> Resolution:
        if row.state is not State.SUCCESS or not answer.refunded or answer.state is not State.FAILED:
            return _already(row)
        if answer.reference and answer.reference != row.reference:
            log.warning("refund answer for %s names %s: ignored", row.reference, answer.reference)
            return _already(row)
        self.journal.transition(row.reference, State.REVERSED, actor=actor,
                                reason=f"{REFUNDED_REASON}: {answer.detail}"[:500],
                                error_code=answer.code or None, error_message=answer.detail or None)
        return Resolution(row.reference, State.REVERSED, True, QT_TRANSLATE_NOOP(
            "errors", "Cek status: transfer yang sudah berhasil DIKEMBALIKAN bank ke rekening agen. "
                      "Kembalikan uang tunai nasabah."), cash_back_said=True)

    def _recheck(self, row: JournalRow, actor: str) -> Resolution:
        """A SUCCESS row asked about again (Riwayat's "Cek status"): REVERSED when the host
        says it sent the money back; any other answer, or none, leaves it SUCCESS, said so."""
        try:
            answer = self._checkers[row.host](row)
        except LoketError as exc:
            log.info("status check of %s failed: %s", row.reference, exc)
            return Resolution(row.reference, row.state, False, check_unsettled(row, exc))
        if answer.refunded:
            return self._refund(row, answer, actor)
        if answer.state is State.SUCCESS:
            return Resolution(row.reference, row.state, True, QT_TRANSLATE_NOOP(
                "errors", "Cek status: transaksi tetap BERHASIL di bank."))
        return Resolution(row.reference, row.state, False, templated(QT_TRANSLATE_NOOP(
            "errors", "Bank menjawab \"{detail}\" untuk transaksi yang sudah BERHASIL. Status tidak diubah: "
                      "telepon bank sebelum mengembalikan uang."), detail=answer.detail))

    def _heard(self, row: JournalRow, answer: StatusAnswer, actor: str) -> Resolution:
        reference = row.reference
        if answer.reference and answer.reference != reference:
            # A replayed or shifted answer about another transaction settles nothing.
            log.warning("status answer for %s names %s: ignored", reference, answer.reference)
            return Resolution(reference, State.SUSPECT, False, templated(QT_TRANSLATE_NOOP(
                "errors", "Jawaban cek status menyebut transaksi lain ({reference}). Akan dicoba lagi."),
                reference=answer.reference))
        if answer.state is State.SUSPECT:
            self._unreadable[reference] = answer.detail
            return Resolution(reference, State.SUSPECT, False, templated(QT_TRANSLATE_NOOP(
                "errors", "Host menjawab \"{detail}\": itu tidak memastikan statusnya. Telepon host, lalu "
                          "selesaikan manual. Jangan ulangi transaksi."), detail=answer.detail))
        if answer.not_found and self._age_seconds(row) < self.not_found_grace_seconds:
            return Resolution(reference, State.SUSPECT, False, QT_TRANSLATE_NOOP(
                "errors", "Host belum mengenal transaksi ini. Dicek lagi sebentar lagi."))
        said = REFUNDED_REASON if answer.refunded and answer.state is State.FAILED else "cek status"
        settled = self._settle(row, answer.state, actor=actor,
                               reason=f"{said}: {answer.detail}"[:500], host_ref=answer.host_ref,
                               response=answer.response,
                               error_code="NOT_FOUND" if answer.not_found else answer.code or None,
                               error_message=answer.detail if answer.state is State.FAILED else None)
        if settled.state is State.SUCCESS:
            return Resolution(reference, settled.state, True, QT_TRANSLATE_NOOP(
                "errors", "Cek status: transaksi BERHASIL di host."))
        if answer.refunded and settled.state is State.FAILED:
            return Resolution(reference, settled.state, True, QT_TRANSLATE_NOOP(
                "errors", "Cek status: transfer GAGAL, dananya sudah keluar lalu DIKEMBALIKAN bank ke rekening "
                          "agen. Kembalikan uang tunai nasabah."), cash_back_said=True)
        return Resolution(reference, settled.state, True, QT_TRANSLATE_NOOP(
            "errors", "Cek status: transaksi TIDAK diproses host (GAGAL). Dana tidak berpindah."))

    def _age_seconds(self, row: JournalRow) -> float:
        """How long the row has been as it is: by the wall clock, and for a row this run
        wrote, by the monotonic clock too, whichever is shorter (a wall clock put forward
        must not end the grace of a request still travelling)."""
        age = (self.journal.clock.now() - datetime.fromisoformat(row.updated_at)).total_seconds()
        lately = self.journal.seconds_since_written(row.reference)
        return age if lately is None else min(age, lately)

    # -- manual resolution -----------------------------------------------------------
    def resolve_manually(self, reference: str, *, success: bool, actor: str, reason: str = "",
                         host_ref: str = "", confirmation: Confirmation | None = None,
                         settled_fee: int | None = None, settled_total: int | None = None) -> Resolution:
        """Record a person's decision on a SUSPECT row of a host without a status check, or
        one whose check answered in words that settle nothing (``manual_allowed``).

        With a ``confirmation`` (the call center's word) ``reason`` is an optional note and
        the host's journal number is optional; without one, the decision rests on the
        host's report: a reason, and for a success the report's journal number.
        ``settled_fee`` / ``settled_total``: the host's figures, for a success only; give
        either (the other is derived from the row's amount) or both. None keeps the fee the
        row was sent with."""
        actor = (actor or "").strip()
        reason = " ".join((reason or "").split())
        host_ref = (host_ref or "").strip()
        if not actor:
            raise UserInputError("actor", QT_TRANSLATE_NOOP("errors", "Nama petugas yang menyelesaikan wajib diisi."))
        if confirmation is not None:
            evidence = confirmation.checked().evidence(success, host_ref, reason)
        else:
            if len(reason) < 5:
                raise UserInputError("reason", QT_TRANSLATE_NOOP("errors", "Tulis alasan penyelesaian (dasar "
                                                                           "keputusan, mis. laporan host)."))
            if success and not host_ref:
                raise UserInputError("host_ref", QT_TRANSLATE_NOOP("errors", "Isi nomor jurnal/referensi host dari "
                                                                             "laporan host."))
            evidence = reason
        _check_settled(success, settled_fee, settled_total)
        with self._lock:
            row = self.journal.get(reference)
            if row.state is not State.SUSPECT:
                raise UserInputError("reference", templated(QT_TRANSLATE_NOOP("errors", "Transaksi {reference} tidak "
                                                                                        "menggantung ({value})."),
                                                            reference=reference, value=row.state.value))
            if not self.manual_allowed(row):
                raise UserInputError("reference", QT_TRANSLATE_NOOP("errors", "Host ini punya cek status: gunakan "
                                                                              "Cek Status, bukan manual."))
            said = self._unreadable.get(reference)
            if said:
                evidence = f"{evidence}; cek status host: {said}"
            implied_fee = None if settled_total is None else settled_total - row.amount
            if implied_fee is not None and (implied_fee < 0 or settled_fee not in (None, implied_fee)):
                raise UserInputError("settled_total", templated(QT_TRANSLATE_NOOP(
                    "errors", "Total dari host harus nominal {amount} ditambah biaya admin."),
                    amount=format_rupiah(row.amount)))
            fee = settled_fee if settled_fee is not None else implied_fee
            if success and fee is not None:
                # the bank's figures beside the confirmed ones, as the counter's own success names them;
                # first, so the reason's 500 characters never cut them (a long note may be)
                changed = fee_change(row, {"settled_fee": fee, "settled_total": row.amount + fee})
                evidence = f"{changed}; {evidence}" if changed else evidence
            settled = self._settle(
                row, State.SUCCESS if success else State.FAILED, actor=actor,
                reason=f"penyelesaian manual: {evidence}"[:500], host_ref=(host_ref or None) if success else None,
                response=None, error_code=None if success else "MANUAL",
                error_message=None if success else evidence[:500],
                settled_fee=settled_fee, settled_total=settled_total,
            )
        told = fee_difference(settled)
        if told is not None:  # the customer paid the confirmed total; the day counts the bank's
            return Resolution(reference, settled.state, True, templated(
                QT_TRANSLATE_NOOP("errors", "Dicatat BERHASIL oleh {actor}. {value}"), actor=actor, value=told),
                drawer_change=settled.total_final - settled.total)
        recorded = (QT_TRANSLATE_NOOP("errors", "Dicatat BERHASIL oleh {actor}.") if success
                    else QT_TRANSLATE_NOOP("errors", "Dicatat GAGAL oleh {actor}."))
        return Resolution(reference, settled.state, True, templated(recorded, actor=actor))

    def abandon(self, reference: str, *, actor: str, reason: str) -> Resolution:
        """Give up a transaction that provably never left (NEW): it becomes FAILED."""
        reason = (reason or "").strip() or "dibatalkan sebelum terkirim"
        with self._lock:
            row = self.journal.get(reference)
            if row.state is not State.NEW:
                already_sent = QT_TRANSLATE_NOOP("errors", "Transaksi {reference} sudah terkirim atau selesai "
                                                           "({value}): tidak dapat dibatalkan di sini.")
                raise UserInputError("reference", templated(already_sent, reference=reference, value=row.state.value))
            self.journal.transition(reference, State.FAILED, actor=actor, reason=f"dibatalkan: {reason}"[:500],
                                    error_code="NOT_SENT", error_message=reason[:500])
        return Resolution(reference, State.FAILED, True, QT_TRANSLATE_NOOP(
            "errors", "Dibatalkan. Transaksi tidak pernah terkirim."))

    def _settle(self, row: JournalRow, state: State, *, actor: str, reason: str, host_ref: str | None,
                response: dict[str, Any] | None, error_code: str | None, error_message: str | None,
                settled_fee: int | None = None, settled_total: int | None = None) -> JournalRow:
        settled = self.journal.transition(row.reference, state, actor=actor, reason=reason, host_ref=host_ref,
                                          response=response, error_code=error_code, error_message=error_message,
                                          settled_fee=settled_fee, settled_total=settled_total)
        self._unreadable.pop(row.reference, None)
        if state is State.SUCCESS:
            for hook in self._after_success.get(row.host, []):
                hook(settled, actor)
        return settled
