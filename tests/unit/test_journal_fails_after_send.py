"""The journal fails after the request left: the agent is told the payment went (or may have
gone) through at the bank and must not be repeated, never that it was not sent.

The request is out and the host answers (or not); then the journal refuses the write that
records it: the profile's disk went read-only (``PRAGMA query_only``: SQLITE_READONLY, as
``tests/ui/test_journal_unwritable.py`` explains), filled up (``max_page_count``:
SQLITE_FULL), or another program holds the journal's write lock. The row stays SENT on disk;
once the journal writes again, the work-list's next read (or the next start) makes it SUSPECT
for a status check or a person to settle, keeping the bank's answer: the agent was told the
bank answered, and Transaksi Menggantung is where they settle it, without restarting Loket.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest

from services.errors import HostRejected, MaybeSent, NotSent, OutcomeUnknown, RecordingFailed
from services.journal import Journal, State, store
from services.journal.integrity import DiskFull, JournalUnwritable
from services.resolution import Confirmation, SuspectResolver
from services.transactions import Outcome, Payment, TransactionRunner

CUSTOMER = "5550001"


def payment(amount: int = 150_000, note: str = "") -> Payment:
    return Payment("bankplus", "deposit", "banking", amount, 0, {"toAccount": CUSTOMER, "note": note},
                   customer_ref=CUSTOMER)


def read_only(journal: Journal) -> None:
    journal.execute("PRAGMA query_only = 1")


def full(journal: Journal) -> None:
    (pages,) = journal.execute("PRAGMA page_count").fetchone()
    journal.execute(f"PRAGMA max_page_count = {pages}")


def refusing(fault, answer):
    """A host call that answers ``answer`` (an Outcome, or an error raised) after ``fault``
    broke the journal, as if the disk failed while the request was out."""
    def send(reference: str) -> Outcome:
        fault.apply()
        if isinstance(answer, BaseException):
            raise answer
        return answer
    return send


class Fault:
    def __init__(self, journal: Journal, kind: str) -> None:
        self.journal, self.kind = journal, kind

    def apply(self) -> None:
        read_only(self.journal) if self.kind == "read-only" else full(self.journal)

    def heal(self) -> None:
        self.journal.execute("PRAGMA query_only = 0")
        self.journal.execute("PRAGMA max_page_count = 1073741823")


ANSWERS = {
    "no answer": MaybeSent(host="bankplus", detail="batas waktu 30 detik terlewati"),
    "unknown code": OutcomeUnknown(host="bankplus", code="96", host_message="SYSTEM MALFUNCTION"),
    "refused": HostRejected("Saldo tidak cukup.", host="bankplus", code="51", host_message="insufficient"),
    "a bug": RuntimeError("client crashed reading the answer"),
}


def restart(path, clock) -> Journal:
    journal = Journal(path, clock=clock)
    journal.recover_interrupted()
    return journal


@pytest.mark.parametrize("answer", list(ANSWERS))
def test_an_outcome_the_journal_cannot_record_is_never_called_not_sent(tmp_path, clock, answer):
    path = tmp_path / "journal.db"
    journal = Journal(path, clock=clock)
    fault = Fault(journal, "read-only")
    runner = TransactionRunner(journal, lambda: "kasir1")
    with pytest.raises(MaybeSent) as caught:
        runner.execute(payment(), refusing(fault, ANSWERS[answer]))
    error = caught.value
    assert isinstance(error, RecordingFailed)
    assert error.reference and "JANGAN ulangi" in error.message and "mungkin sudah berhasil" in error.message
    assert "tidak dikirim" not in error.message and "Jangan terima uang" not in error.message
    assert "Hubungi helpdesk" in error.message
    fault.heal()
    assert journal.get(error.reference).state is State.SENT  # nothing was recorded: the write failed
    journal.close()
    with restart(path, clock) as again:  # the next start: SUSPECT, for a check or a person
        assert again.get(error.reference).state is State.SUSPECT
        assert again.verify().ok


@pytest.mark.parametrize("kind", ["read-only", "full"])
def test_a_success_the_journal_cannot_record_is_said_to_have_gone_through(tmp_path, clock, kind):
    path = tmp_path / "journal.db"
    journal = Journal(path, clock=clock)
    runner = TransactionRunner(journal, lambda: "kasir1")
    fault = Fault(journal, kind)
    answer = Outcome(host_ref="BP-77", response={"responseCode": "00", "detail": "x" * 8000})
    with pytest.raises(RecordingFailed) as caught:
        for n in range(40):  # a full disk refuses only the write that needs a new page
            runner.execute(payment(10_000 + n, note="y" * 3000), refusing(fault, answer))
            fault.heal()
    error = caught.value
    assert "BERHASIL" in error.message and "JANGAN ulangi" in error.message
    assert "JANGAN kembalikan uang" in error.message and "tidak dikirim" not in error.message
    fault.heal()
    journal.close()
    with restart(path, clock) as again:
        assert again.get(error.reference).state is State.SUSPECT
        assert again.verify().ok


def test_a_request_that_never_left_still_says_not_sent(tmp_path, clock):
    """...and once the journal writes again it is FAILED "tidak terkirim" (nothing moved), not
    a SUSPECT to telephone the bank about, and the customer can be served again."""
    journal = Journal(tmp_path / "journal.db", clock=clock)
    fault = Fault(journal, "read-only")
    runner = TransactionRunner(journal, lambda: "kasir1")
    with pytest.raises(JournalUnwritable) as caught:
        runner.execute(payment(), refusing(fault, NotSent(host="bankplus", detail="connection refused")))
    assert "tidak dikirim" in caught.value.message  # true: the connection was refused
    fault.heal()
    assert SuspectResolver(journal).worklist() == []
    (row,) = journal.rows()
    assert row.state is State.FAILED and "tidak terkirim" in row.error_message
    again = runner.execute(payment(), lambda ref: Outcome("BP-81", {"responseCode": "00"}))
    assert again.row.state is State.SUCCESS
    journal.close()


@pytest.mark.parametrize("answer", ["success", *ANSWERS])
def test_an_unrecorded_outcome_is_settleable_on_the_work_list_once_the_journal_writes_again(tmp_path, clock,
                                                                                           answer):
    """No restart: the row left SENT reaches Transaksi Menggantung at its next read after the
    disk is writable again, SUSPECT, with the bank's answer where there was one."""
    journal = Journal(tmp_path / "journal.db", clock=clock)
    fault = Fault(journal, "read-only")
    runner = TransactionRunner(journal, lambda: "kasir1")
    resolver = SuspectResolver(journal)
    said = {"responseCode": "00", "journal": "BP-79"}
    with pytest.raises(RecordingFailed) as caught:
        runner.execute(payment(), refusing(fault, Outcome("BP-79", said) if answer == "success" else ANSWERS[answer]))
    reference = caught.value.reference
    assert not caught.value.recorded
    assert "muncul di daftar Transaksi Menggantung begitu jurnal dapat ditulis lagi" in caught.value.message
    assert resolver.worklist() == []  # the disk still refuses: nothing to show, and no error
    assert journal.get(reference).state is State.SENT
    fault.heal()
    (item,) = resolver.worklist()
    assert item.row.reference == reference and item.row.state is State.SUSPECT
    if answer == "success":
        assert item.row.response == said  # what the bank said, for whoever settles it
        assert "jawaban diterima" in journal.events(reference)[-1].reason
    settled = resolver.resolve_manually(reference, success=True, actor="kasir1", host_ref="BP-79",
                                        confirmation=Confirmation("Call center Bank+", "Rina", "14:20"))
    assert settled.state is State.SUCCESS
    assert journal.verify().ok
    journal.close()


def test_a_payment_on_the_wire_is_left_alone_by_the_work_list(tmp_path, clock):
    """SENT and still waiting for the bank: not a row to settle, whatever reads the list."""
    journal = Journal(tmp_path / "journal.db", clock=clock)
    runner = TransactionRunner(journal, lambda: "kasir1")
    on_the_wire, answered = threading.Event(), threading.Event()
    done = {}

    def send(reference: str) -> Outcome:
        on_the_wire.set()
        assert answered.wait(10)
        return Outcome("BP-80", {"responseCode": "00"})

    paying = threading.Thread(target=lambda: done.update(executed=runner.execute(payment(), send)))
    paying.start()
    assert on_the_wire.wait(10)
    assert SuspectResolver(journal).worklist() == []
    assert [row.state for row in journal.rows()] == [State.SENT]
    answered.set()
    paying.join(10)
    assert done["executed"].row.state is State.SUCCESS
    journal.close()


def test_an_inquiry_whose_answer_was_not_recorded_is_closed_failed(tmp_path, clock):
    """A product declared an inquiry (it moves no money) is not left for anyone to settle."""
    journal = Journal(tmp_path / "journal.db", clock=clock, inquiries={("bankplus", "customer_balance")})
    fault = Fault(journal, "read-only")
    runner = TransactionRunner(journal, lambda: "kasir1")
    check = Payment("bankplus", "customer_balance", "banking", 0, 0, {"accountNum": CUSTOMER},
                    customer_ref=CUSTOMER)
    with pytest.raises(RecordingFailed) as caught:
        runner.execute(check, refusing(fault, Outcome("BP-82", {"responseCode": "00"})))
    fault.heal()
    assert SuspectResolver(journal).worklist() == []
    row = journal.get(caught.value.reference)
    assert row.state is State.FAILED and "tidak memindahkan uang" in row.error_message
    journal.close()


def test_a_journal_locked_by_another_program_after_the_answer_is_said_plainly(tmp_path, clock, monkeypatch):
    """A backup tool takes the journal's write lock while the request is out: the SUCCESS
    cannot be written within the busy timeout, nor the SUSPECT after it, which is tried once
    (each try is a busy timeout on the agent's wait, 30 s at a counter)."""
    path = tmp_path / "journal.db"
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.2)
    journal = Journal(path, clock=clock)
    runner = TransactionRunner(journal, lambda: "kasir1")
    other = sqlite3.connect(path, isolation_level=None)
    tries: list[State] = []
    transition = journal.transition

    def counted(reference, to_state, **kwargs):
        tries.append(to_state)
        return transition(reference, to_state, **kwargs)

    def send(reference: str) -> Outcome:
        other.execute("BEGIN IMMEDIATE")  # the other program's write lock, held
        monkeypatch.setattr(journal, "transition", counted)
        return Outcome(host_ref="BP-78", response={"responseCode": "00"})

    with pytest.raises(RecordingFailed) as caught:
        runner.execute(payment(), send)
    assert "BERHASIL" in caught.value.message and "JANGAN ulangi" in caught.value.message
    assert tries == [State.SUCCESS, State.SUSPECT]
    other.execute("ROLLBACK")
    other.close()
    journal.close()
    with restart(path, clock) as again:
        assert again.get(caught.value.reference).state is State.SUSPECT


def test_a_full_disk_before_sending_sends_nothing(tmp_path, clock):
    journal = Journal(tmp_path / "journal.db", clock=clock)
    full(journal)
    runner = TransactionRunner(journal, lambda: "kasir1")
    sent = []
    with pytest.raises(DiskFull):
        for n in range(40):
            runner.execute(payment(10_000 + n, note="z" * 3000), lambda ref: sent.append(ref) or Outcome(ref, {}))
    assert len(sent) == journal.count("state='SUCCESS'")  # every request that left is a recorded SUCCESS
    journal.close()
