"""Enter on a transfer's confirmation page walks every field in reading order, as on every
other form (``ui.keyboard``): the tick, the amount, the note where the host has one, the
sender's name and phone (optional, printed on the receipt), and only from the last field
does it pay. The note's and the amount's own Enter paid at once: the sender the customer
was about to give never reached the receipt, and the PIN was asked mid-form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_never_twice import context, refuser  # noqa: F401 - fixtures: the PIN proven for BCA, Switcher
from tests.ui.uidrive import click, focused, key, type_text, wait_result
from ui.keyboard import DOUBLE_ENTER_SECONDS

DESTINATIONS = {  # screen -> (bank picked from its list, account)
    "transfer_intrabank": ("", "14047"),
    "transfer_interbank": ("008", "114451186"),
    "switcher_transfer": ("", "888801000003301"),
    "bca_transfer": ("", "0611104625"),
    "bca_interbank": ("BMRIIDJA", "1370012345678"),
}


def at_confirmation(qtbot, shell, screen_id):
    click(qtbot, shell._nav[screen_id])
    screen = shell.screen(screen_id)
    bank, account = DESTINATIONS[screen_id]
    if screen_id == "transfer_interbank":
        qtbot.waitUntil(lambda: screen.banks_loaded, timeout=10_000)
    if bank:
        screen.select_bank(bank)
    qtbot.keyClicks(screen.account, account)
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    return screen


@pytest.mark.parametrize("screen_id", sorted(DESTINATIONS))
def test_enter_walks_every_field_before_it_pays(qtbot, shell, context, pin, screen_id):  # noqa: F811
    screen = at_confirmation(qtbot, shell, screen_id)
    assert focused(shell) is screen.name_confirmed
    key(qtbot, shell, Qt.Key.Key_Return)  # ticks: the name was read out
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.name_confirmed.isChecked() and focused(shell) is screen.amount
    type_text(qtbot, shell, "25000")
    steps = [(screen.remark, "arisan")] if screen.remark_max is not None else []
    steps += [(screen.sender_name, "Siti Rahayu"), (screen.sender_phone, "081234567890")]
    for edit, text in steps:
        key(qtbot, shell, Qt.Key.Key_Return)
        assert pin.asked == [], f"Enter paid before {edit.objectName()}"
        assert focused(shell) is edit
        type_text(qtbot, shell, text)
    key(qtbot, shell, Qt.Key.Key_Return)  # the last field: pays, the PIN asked
    row = wait_result(qtbot, shell).done.row
    assert len(pin.asked) == 1
    assert context.journal.get(row.reference).declared == {"sender_name": "Siti Rahayu",
                                                           "sender_phone": "081234567890"}


def test_enter_from_the_last_field_says_why_it_cannot_pay_yet(qtbot, shell, pin):
    """The agent clicked into the amount, past the tick: the pay button is off until the name
    is confirmed, so the last Enter must say so (at the tick), not do nothing at all."""
    screen = at_confirmation(qtbot, shell, "transfer_interbank")
    click(qtbot, screen.amount)
    type_text(qtbot, shell, "25000")
    for _ in range(3):  # amount -> sender's name -> sender's phone -> pay
        key(qtbot, shell, Qt.Key.Key_Return)
    assert pin.asked == [] and screen.pages.currentIndex() == 1
    assert "Bacakan nama penerima" in screen.field("confirm").error.text()


def test_a_double_enter_on_cek_tujuan_does_not_tick_the_name_read_out(qtbot, shell, pin):
    """The second press of a habitual double Enter on the account reached the tick the moment
    the destination's name appeared: "Nama penerima sudah saya bacakan dan dibenarkan oleh
    nasabah", given before anyone could have read it out. A later Enter, the agent's own once
    the name was read, gives it."""
    click(qtbot, shell._nav["transfer_intrabank"])
    screen = shell.screen("transfer_intrabank")
    qtbot.keyClicks(screen.account, "14047")
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tujuan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    assert focused(shell) is screen.name_confirmed
    key(qtbot, shell, Qt.Key.Key_Return)  # the echo, within DOUBLE_ENTER_SECONDS of the first
    assert not screen.name_confirmed.isChecked() and focused(shell) is screen.name_confirmed
    shell.counter.keys.last_enter = (-DOUBLE_ENTER_SECONDS, None, None)  # later: the name was read out
    key(qtbot, shell, Qt.Key.Key_Return)
    assert screen.name_confirmed.isChecked()


def type_as_typed(qtbot, shell, text):
    """Each key to whatever has the keyboard when it is pressed, as a keyboard does."""
    for ch in text:
        qtbot.keyClicks(focused(shell), ch)


@pytest.mark.parametrize("tick_key", [Qt.Key.Key_Space, Qt.Key.Key_Return], ids=["space", "enter"])
@pytest.mark.parametrize("screen_id", sorted(DESTINATIONS))
def test_the_amount_typed_right_after_the_name_tick_lands_in_the_amount(qtbot, shell, context, pin,  # noqa: F811
                                                                         screen_id, tick_key):
    """The name read out and ticked (Space or Enter: the cursor stays on the tick, so Tab and
    Enter still go on to the amount), the agent types the amount at once: its digits went to
    the tick box and were lost, every one of them. They go into the amount now, whole."""
    screen = at_confirmation(qtbot, shell, screen_id)
    shell.counter.keys.last_enter = (-DOUBLE_ENTER_SECONDS, None, None)  # the name was read out meanwhile
    key(qtbot, shell, tick_key)
    assert screen.name_confirmed.isChecked() and focused(shell) is screen.name_confirmed
    type_as_typed(qtbot, shell, "25000")
    assert screen.amount.value() == 25000 and focused(shell) is screen.amount
    key(qtbot, shell, Qt.Key.Key_Tab)  # the amount done, the next box: nothing jumped over
    assert focused(shell) is (screen.remark if screen.remark_max is not None else screen.sender_name)


def test_digits_on_the_tick_not_given_say_why_and_go_nowhere(qtbot, shell, pin):
    """Not ticked yet (the echo of a double Enter does not tick), digits typed on the tick
    never fill the amount as if the name had been read out: the tick says it waits, and the
    amount stays empty."""
    screen = at_confirmation(qtbot, shell, "transfer_intrabank")
    assert focused(shell) is screen.name_confirmed and not screen.name_confirmed.isChecked()
    type_as_typed(qtbot, shell, "25")
    assert screen.amount.text() == "" and focused(shell) is screen.name_confirmed
    assert "Bacakan nama penerima" in screen.field("confirm").error.text()
    assert not screen.pay_button.isEnabled()
