"""After settling the last uncertain payment as BERHASIL, the keyboard is on its receipt.

Walked at the counter: the agent settled Transaksi Menggantung's last row by Enter; the
line above said "Dicatat BERHASIL … Cetak struknya dan serahkan kepada nasabah." and the
row's "Cetak struk" was right below, but the cursor sat on the emptied list's "Tutup": the
next Enter closed the list, and the receipt the customer waits for was a Tab hunt away.
Now the cursor goes to that row's "Cetak struk", and Enter prints the customer's receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt

from services.receipts import print_count
from tests.ui.test_history_screens import deposit, go_home
from tests.ui.uidrive import focused, key, wait_idle
from ui.screens.resolution_dialogs import ManualDecision

TIMEOUT = 10_000


def settle_by_enter(qtbot, shell, loket, context, *, success: bool) -> tuple[str, object]:
    """An uncertain deposit, the last on Beranda's list, settled by Enter as the bank said."""
    reference = deposit(context, 70_000, lost=True)
    shell.open("history")  # leave and come back: Beranda reads the list again
    panel = go_home(qtbot, shell)
    answer = ManualDecision(success, "", "", officer="Ibu Rina", time="10:05")
    panel.ask_resolution = lambda parent, detail, guide: answer
    qtbot.waitUntil(lambda: [item.item.row.reference for item in panel.items] == [reference], timeout=TIMEOUT)
    panel.items[0].button.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reference in panel.banner.text(), timeout=TIMEOUT)
    wait_idle(qtbot, loket)
    return reference, panel


def test_the_last_row_settled_berhasil_puts_the_cursor_on_its_cetak_struk(qtbot, shell, loket, context):
    reference, _panel = settle_by_enter(qtbot, shell, loket, context, success=True)
    receipts = shell.screen("home").unprinted
    qtbot.waitUntil(lambda: reference in receipts.buttons, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: focused(shell) is receipts.buttons[reference], timeout=TIMEOUT)
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_idle(qtbot, loket)
    qtbot.waitUntil(lambda: print_count(context.journal, reference, "original") == 1, timeout=TIMEOUT)


def test_a_row_settled_gagal_leaves_the_cursor_on_the_list(qtbot, shell, loket, context):
    """No receipt is owed for a failure: the emptied list's "Tutup" keeps the cursor."""
    reference, panel = settle_by_enter(qtbot, shell, loket, context, success=False)
    qtbot.wait(300)
    assert focused(shell) is panel.close_button


def test_a_row_settled_berhasil_reaches_the_receipts_list_even_if_the_list_cannot_be_read_again(
        qtbot, shell, loket, context, monkeypatch):
    """The receipts list is read again once the work-list is: a failed read of the work-list
    (a locked or full disk) must not keep the settled row's receipt off Beranda."""
    reference = deposit(context, 70_000, lost=True)
    shell.open("history")
    panel = go_home(qtbot, shell)
    panel.ask_resolution = lambda parent, detail, guide: ManualDecision(True, "", "", officer="Ibu Rina",
                                                                        time="10:05")
    qtbot.waitUntil(lambda: [item.item.row.reference for item in panel.items] == [reference], timeout=TIMEOUT)
    receipts = shell.screen("home").unprinted

    def unreadable():
        raise OSError("disk I/O error")

    monkeypatch.setattr(panel.resolver, "worklist", unreadable)
    panel.items[0].button.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reference in receipts.buttons, timeout=TIMEOUT)
