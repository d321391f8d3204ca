"""A journal that cannot be written, through the screens: the disk fills up, or the profile's
disk turns read-only, while the agent works. Loket takes no money it cannot journal, says so
in plain Indonesian on the screen, and what was committed before stays as it was.

How the faults are made, and why that way:

* **Disk full**: ``PRAGMA max_page_count`` set to the journal's current size, through the
  journal's own ``execute``. SQLite then refuses any write that needs a new page with
  SQLITE_FULL, the very code its VFS returns on ENOSPC, and rolls the transaction back by
  its own rules, as on a real full disk. A tiny file system would be truer still (every
  file full, the WAL included) but needs privileges to mount that a test run may not have;
  an exception raised in Python would skip SQLite's own rollback. Like a real disk filling
  up, it refuses a write only once a new page is needed, so the agent works on until then.
* **Read-only**: ``PRAGMA query_only``: every write fails with SQLITE_READONLY, as on a file
  whose disk or folder became read-only. (``chmod`` would not do: the tests may run as root.)
"""

from __future__ import annotations

from services.journal import State
from tests.ui.test_ui_deposit import open_deposit
from tests.ui.uidrive import click, wait_idle
from ui.screens.suspects import SuspectWorklist

CUSTOMER = "14047"


def deposit(qtbot, shell, amount: int):
    """One Setor Tunai through the screens; (the deposit screen, its result screen or None)."""
    screen = open_deposit(qtbot, shell)
    qtbot.keyClicks(screen.account, CUSTOMER)
    click(qtbot, screen.lookup_button)
    qtbot.waitUntil(lambda: screen.name.text() != "", timeout=10_000)
    qtbot.keyClicks(screen.amount, str(amount))
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: shell.current_screen() is shell.result or screen.banner.isVisible(), timeout=10_000)
    if shell.current_screen() is shell.result:
        return screen, shell.result
    return screen, None


def back_home(qtbot, shell, result) -> None:
    click(qtbot, result.home_button)


def committed(context) -> dict[str, tuple[State, int]]:
    return {row.reference: (row.state, row.amount) for row in context.journal.rows()}


def test_a_read_only_disk_takes_no_money_and_says_so(qtbot, shell, context):
    host = context.sandbox_hosts["bankplus"]
    _, result = deposit(qtbot, shell, 250_000)
    assert result is not None and result.done.row.state is State.SUCCESS
    back_home(qtbot, shell, result)
    before, balance = committed(context), host.accounts[CUSTOMER].balance

    context.journal.execute("PRAGMA query_only = 1")  # the disk went read-only
    screen, result = deposit(qtbot, shell, 150_000)
    assert result is None
    text = screen.banner.text()
    assert screen.banner.property("kind") == "error"
    assert "Jurnal tidak dapat ditulis" in text and "tidak dikirim" in text and "Jangan terima uang" in text
    assert "Traceback" not in text and "sqlite" not in text.lower()
    assert host.accounts[CUSTOMER].balance == balance  # nothing reached the bank

    context.journal.execute("PRAGMA query_only = 0")
    assert committed(context) == before and context.journal.verify().ok  # nothing lost


def test_a_full_disk_takes_no_money_it_cannot_journal(qtbot, shell, context):
    host = context.sandbox_hosts["bankplus"]
    start = host.accounts[CUSTOMER].balance
    _, result = deposit(qtbot, shell, 250_000)
    assert result is not None
    back_home(qtbot, shell, result)
    first = committed(context)

    (pages,) = context.journal.execute("PRAGMA page_count").fetchone()
    context.journal.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here
    refused = None
    for n in range(1, 40):  # the agent works on until a write needs room the disk has not got
        screen, result = deposit(qtbot, shell, 100_000 + n * 1_000)
        if result is None:
            refused = screen.banner.text()
            break
        back_home(qtbot, shell, result)
    assert refused is not None, "the journal never filled up"
    assert "Traceback" not in refused and "sqlite" not in refused.lower()
    rows = committed(context)
    moved = host.accounts[CUSTOMER].balance - start
    assert all(rows[ref] == state for ref, state in first.items())  # nothing committed was lost
    assert context.journal.verify().ok
    if "Disk penuh: transaksi tidak dapat dicatat" not in refused:
        # the bank's answer came back to a full disk: status unknown, said so, never SUCCESS
        assert "tidak dapat dicatat" in refused and "JANGAN ulangi" in refused
        assert [state for state, _ in rows.values()][-1] in (State.SUSPECT, State.SENT)
        return
    # refused before it was sent: every rupiah the bank took is a SUCCESS in the journal
    assert moved == sum(amount for state, amount in rows.values() if state is State.SUCCESS)

    context.journal.execute("PRAGMA max_page_count = 1073741823")  # room again: the agent presses Bayar
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: shell.current_screen() is shell.result, timeout=10_000)
    assert shell.result.done.row.state is State.SUCCESS
    assert host.accounts[CUSTOMER].balance - start == moved + shell.result.done.row.amount


def test_a_disk_that_turns_read_only_while_the_bank_books_it_says_the_money_moved(qtbot, shell, context,
                                                                                 monkeypatch):
    """The bank books the deposit, then the profile's disk turns read-only before its SUCCESS
    is written: the agent reads that the money moved and must not be paid again, never "not
    sent, do not take the money"; pressing Bayar again sends nothing."""
    host = context.sandbox_hosts["bankplus"]
    start = host.accounts[CUSTOMER].balance
    booked = host.record

    def book_then_fail(**entry) -> None:
        booked(**entry)
        context.journal.execute("PRAGMA query_only = 1")  # the disk went read-only meanwhile

    monkeypatch.setattr(host, "record", book_then_fail)
    screen, result = deposit(qtbot, shell, 175_000)
    assert result is None
    text = screen.banner.text()
    assert "BERHASIL" in text and "JANGAN ulangi" in text and "Hubungi helpdesk" in text
    assert "tidak dikirim" not in text and "Jangan terima uang" not in text
    assert host.accounts[CUSTOMER].balance == start + 175_000

    context.journal.execute("PRAGMA query_only = 0")
    monkeypatch.setattr(host, "record", booked)
    click(qtbot, screen.pay_button)  # the agent presses Bayar again: nothing is sent
    wait_idle(qtbot, shell.services)
    assert "belum pasti statusnya" in screen.banner.text()  # the open payment holds the customer
    assert host.accounts[CUSTOMER].balance == start + 175_000
    # ...and Beranda's Transaksi Menggantung, where that banner sends the agent, lists it now,
    # not after a restart: SUSPECT, the bank's answer kept, for "Selesaikan".
    click(qtbot, shell._nav["home"])
    panel = shell.screen("home").findChild(SuspectWorklist)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    (reference,) = committed(context)
    assert reference in panel.items[0].text() and panel.items[0].button.text() == "Selesaikan"
    row = context.journal.get(reference)
    assert row.state is State.SUSPECT and row.response is not None
