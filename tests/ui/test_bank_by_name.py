"""Transfer Antar Bank: a bank searched by its name and chosen with Enter.

Walked at the counter: the agent typed "mandiri", the list below showed the one bank it
names ("008 — BANK MANDIRI"), and pressed Enter. Nothing was chosen and nothing was said:
the field kept "mandiri", and the account typed next was refused with "Pilih bank tujuan".
(The list took Enter only on a row the arrow keys had highlighted.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_counter_day import open_interbank
from tests.ui.uidrive import focused, key, type_text

TIMEOUT = 10_000


def test_a_name_only_one_bank_has_and_enter_picks_that_bank(qtbot, shell):
    screen = open_interbank(qtbot, shell)
    type_text(qtbot, shell, "mandiri")
    qtbot.waitUntil(screen.bank.completer().popup().isVisible, timeout=TIMEOUT)
    qtbot.wait(10)  # the list is up
    key(qtbot, shell, Qt.Key.Key_Return)  # nothing highlighted in the list
    qtbot.waitUntil(lambda: focused(shell) is screen.account, timeout=TIMEOUT)
    type_text(qtbot, shell, "114451186")
    assert screen.bank.currentText() == "008 — BANK MANDIRI"  # read back as the bank it picked
    assert screen.account.text() == "114451186"


def test_a_name_several_banks_share_picks_none_and_says_how_to_pick(qtbot, shell):
    screen = open_interbank(qtbot, shell)
    type_text(qtbot, shell, "bank")
    qtbot.waitUntil(screen.bank.completer().popup().isVisible, timeout=TIMEOUT)
    qtbot.wait(10)
    key(qtbot, shell, Qt.Key.Key_Return)
    field = screen.field("bank")
    qtbot.waitUntil(lambda: field.error.isVisible(), timeout=TIMEOUT)
    assert "pilih dari daftar" in field.error.text()
    assert screen.destination_inputs()["bank"] == ""  # no bank guessed among several
