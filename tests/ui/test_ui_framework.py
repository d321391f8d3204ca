"""The framework pieces screens rely on: the worker, the error presenter, the money field,
the SUSPECT result, the recovered-transactions notice."""

from __future__ import annotations

import gc
import logging
import threading

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app.context import build_context
from app.gui import Loket, load_style
from services.errors import AnswerMismatch, MaybeSent, NotSent, OutcomeUnknown
from services.journal import Journal, State
from services.profile import Profile
from services.sandbox.base import Fault
from tests.ui.uidrive import click, log_in, wait_result
from ui.errors import GENERIC, ErrorPresenter
from ui.handoff import Handoff
from ui.screens.base import Screen
from ui.widgets.money import MoneyEdit
from ui.worker import Worker


def test_worker_runs_off_the_gui_thread_and_answers_on_it(qtbot, qapp):
    worker = Worker()
    button = QPushButton()
    seen = {}
    gate = threading.Event()

    def job():
        seen["job"] = threading.current_thread()
        gate.wait(5)
        return 42

    operation = worker.run(job, on_success=lambda value: seen.update(value=value, cb=threading.current_thread()),
                           on_failure=lambda exc: None, busy=button)
    assert not button.isEnabled()
    assert worker.run(job, on_success=print, on_failure=print, busy=button) is None  # refused while busy
    with qtbot.waitSignal(operation.finished, timeout=5_000):
        gate.set()
    assert seen["value"] == 42
    assert seen["job"] is not threading.main_thread()
    assert seen["cb"] is threading.main_thread()
    assert button.isEnabled()


def test_worker_delivers_failures(qtbot):
    worker = Worker()
    caught = []

    def boom():
        raise ValueError("x")

    operation = worker.run(boom, on_success=print, on_failure=caught.append)
    qtbot.waitSignal(operation.finished, timeout=5_000).wait()
    assert isinstance(caught[0], ValueError)


def test_a_settled_call_is_freed_on_the_gui_thread_not_by_a_collection_on_a_pool_thread(qtbot):
    """A call's ``Operation`` lives on the GUI thread and is freed there once the worker and
    its caller let go of it. Kept alive by a cycle of its own, it waited for Python's
    collector, which runs on whatever thread allocates when it is due: a pool thread's (a
    payment's journal writes), deleting a GUI-thread QObject there, its ``destroyed``
    listeners called on that thread."""
    worker = Worker()
    freed_on = []
    collecting = gc.isenabled()
    gc.disable()  # the collection below is the one that runs, on the pool thread
    try:
        operation = worker.run(lambda: 42, on_success=lambda value: None, on_failure=lambda exc: None)
        operation.destroyed.connect(lambda *_: freed_on.append(threading.current_thread()),
                                    Qt.ConnectionType.DirectConnection)
        qtbot.waitSignal(operation.finished, timeout=5_000).wait()
        del operation
        qtbot.waitUntil(lambda: worker.running == 0, timeout=5_000)
        qtbot.wait(50)  # the worker lets go once the event loop has left the operation's answer
        collected = worker.run(gc.collect, on_success=lambda value: None, on_failure=lambda exc: None)
        qtbot.waitSignal(collected.finished, timeout=5_000).wait()
    finally:
        if collecting:
            gc.enable()
    assert freed_on == [threading.main_thread()]


def test_answers_handed_over_from_two_threads_arrive_on_the_gui_thread_each_in_its_order(qtbot):
    """``ui.handoff``: how the worker, the printer and a host's news reach the GUI thread."""
    got = []
    handoff = Handoff(lambda value: got.append((value, threading.current_thread())))

    def send(name: str) -> None:
        for n in range(300):
            handoff((name, n))

    threads = [threading.Thread(target=send, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    qtbot.waitUntil(lambda: len(got) == 600, timeout=5_000)
    for name in ("a", "b"):
        assert [n for (sender, n), _ in got if sender == name] == list(range(300))
    assert {thread for _, thread in got} == {threading.main_thread()}


def test_an_answer_for_a_screen_closed_meanwhile_is_dropped(qtbot):
    """A call whose screen was closed before it answered (Beranda's day figures still being
    read when the agent logs out) has nowhere to show its answer: nothing is called on the
    deleted widget (which raised "already deleted" in a Qt slot), and the call still ends."""
    worker = Worker()
    gate = threading.Event()

    class Figures(QLabel):
        def show_day(self, value: str) -> None:
            self.setText(value)

        def failed(self, _exc: BaseException) -> None:
            self.setText("belum dapat dibaca")

    for job, outcome in ((lambda: gate.wait(5) and "12 transaksi", "succeeded"),
                         (lambda: gate.wait(5) and 1 / 0, "failed")):
        gate.clear()
        figures = Figures()
        operation = worker.run(job, on_success=figures.show_day, on_failure=figures.failed)
        shiboken6.delete(figures)  # the page is gone before the answer comes
        with qtbot.waitSignal(operation.finished, timeout=5_000):
            gate.set()
        assert operation.done, outcome
    assert worker.running == 0


def make_screen(qtbot):
    screen = Screen("Uji", Worker(), ErrorPresenter())
    qtbot.addWidget(screen)
    return screen


def test_unexpected_errors_are_logged_and_shown_generically(qtbot, caplog):
    screen = make_screen(qtbot)
    with caplog.at_level(logging.ERROR):
        screen.fail(RuntimeError("internal detail"))
    assert screen.banner.text() == GENERIC
    assert "internal detail" not in screen.banner.text()
    assert any(record.exc_info for record in caplog.records)


def test_uncertain_and_unsent_errors_carry_the_reference(qtbot):
    """As the transaction runner hands them over: the reference, and "it ended a payment"."""
    screen = make_screen(qtbot)
    maybe = MaybeSent(detail="read timeout")
    maybe.reference = "2611211405000001"
    maybe.ended_payment()
    screen.fail(maybe)
    assert screen.banner.property("kind") == "warning"
    assert "JANGAN ulangi" in screen.banner.text() and "2611211405000001" in screen.banner.text()
    unsent = NotSent(detail="refused")
    unsent.reference = "2611211405000002"
    unsent.ended_payment()
    screen.fail(unsent)
    assert "belum terkirim" in screen.banner.text() and "referensi yang sama" in screen.banner.text()


def test_unsent_and_unanswered_reads_say_nothing_changed_and_to_ask_again(qtbot):
    """Raised below any payment (a lookup, an inquiry): no transaction, no money in the words."""
    screen = make_screen(qtbot)
    for error in (NotSent(detail="refused"), MaybeSent(detail="read timeout"),
                  OutcomeUnknown(host="switcher", code="68"), AnswerMismatch("another account")):
        screen.fail(error)
        text = screen.banner.text()
        assert screen.banner.property("kind") == "warning", text
        assert "coba lagi" in text and "Transaksi" not in text and "JANGAN" not in text, text


def test_money_edit_groups_thousands_as_typed(qtbot):
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "1250000")
    assert edit.text() == "1.250.000"
    assert edit.value() == 1_250_000
    qtbot.keyClicks(edit, "x")  # letters never appear
    assert edit.text() == "1.250.000"


def test_lost_answer_ends_on_a_suspect_result(qtbot, shell, context):
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    click(qtbot, shell._nav["deposit"])
    screen = shell.screen("deposit")
    qtbot.keyClicks(screen.account, "14047")
    click(qtbot, screen.lookup_button)
    qtbot.waitUntil(lambda: screen.name.text() != "", timeout=10_000)
    qtbot.keyClicks(screen.amount, "50000")
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert "Status belum pasti" in result.text() and "JANGAN ulangi" in result.text()
    assert context.journal.get(result.done.row.reference).state is State.SUSPECT


def test_interrupted_transactions_are_announced_after_login(qtbot, qapp, tmp_path, pin):
    profile = Profile(tmp_path / "p")
    with Journal(profile.journal_path) as journal:
        reference = journal.next_reference()
        journal.begin(reference=reference, host="bankplus", product="deposit", product_group="banking",
                      amount=10_000, fee=0, operator="t", request={})
        journal.transition(reference, State.SENT, actor="t", reason="dikirim")
        never_sent = journal.next_reference()
        journal.begin(reference=never_sent, host="bankplus", product="deposit", product_group="banking",
                      amount=20_000, fee=0, operator="t", request={})
    context = build_context(profile)
    try:
        loket = Loket(sandbox=True, ask_pin=pin)
        loket.attach(context)
        qtbot.addWidget(loket.login_window)
        loket.login_window.show()
        shell = log_in(qtbot, loket)
        assert shell.notice.isVisible() and "1 transaksi terputus" in shell.notice.text()
        assert "1 transaksi belum sempat dikirim" in shell.notice.text()
        assert "tidak ada uang yang berpindah" in shell.notice.text()
        assert context.journal.get(reference).state is State.SUSPECT
        assert context.journal.get(never_sent).state is State.FAILED
        qtbot.waitUntil(lambda: loket.worker.running == 0, timeout=10_000)
        shell.close()
    finally:
        context.close()


def test_the_installed_pyside_keeps_none_and_true_alive(qtbot):
    """PySide6 6.12.0 drops a reference to None/True on void calls and signal emits and
    aborts Python 3.11 within minutes; pyproject excludes it. This fails if it comes back."""
    import sys

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Probe(QObject):
        ping = Signal()

    probe, label = Probe(), QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for index in range(500):
        label.setText(str(index))
        probe.ping.emit()
    assert (sys.getrefcount(None), sys.getrefcount(True)) >= before


def test_a_details_panel_puts_each_value_on_its_labels_line_and_shares_two_columns_evenly(qtbot):
    """Buka Rekening's summary at 1024x768: a value sat half a line below its label wherever
    a label wrapped, and the long values of the right column wrapped to three lines while the
    short ones on the left kept their width."""
    from ui.screens.details import DetailsPanel

    panel = DetailsPanel(columns=2)
    panel.setStyleSheet(load_style())  # the counter's fonts, whatever the tests before set on the app
    qtbot.addWidget(panel)
    rows = [("Nama", "Gabymars Yofie"), ("Tempat, tgl lahir", "Surabaya, 01/08/1997"), ("Status", "Lajang"),
            ("Kelurahan, kecamatan", "Gambir, Gambir"), ("Pekerjaan", "KARYAWAN BUMN / BUMD / PEGAWAI NEGERI SIPIL"),
            ("Perkiraan transaksi", "< Rp 50 juta")]
    panel.set_rows(rows, emphasise="Nama")
    panel.resize(660, 400)  # the summary's width at 1024x768
    panel.show()
    qtbot.waitExposed(panel)
    grid = panel.grid
    for index in range(grid.count()):
        row, column, _, _ = grid.getItemPosition(index)
        if column % 2:
            value, label = grid.itemAt(index).widget(), grid.itemAtPosition(row, column - 1).widget()
            # its text starts on the label's line: the label is its text's height, not the
            # row's (a QLabel stretched to the row draws its text in the middle of it)
            assert value.geometry().top() == label.geometry().top(), label.text()
            assert value.height() == value.heightForWidth(value.width()), label.text()
    widths = [grid.cellRect(0, column).width() for column in range(4)]  # was 124, 167, 144, 99
    assert abs(widths[0] - widths[2]) <= widths[0] // 10 and abs(widths[1] - widths[3]) <= widths[1] // 5, widths
