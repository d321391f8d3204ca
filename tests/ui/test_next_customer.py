"""The next customer never inherits the last one's amount.

A form the agent leaves unfinished keeps what was typed (Esc out and back, a detour to Buka
Shift: the customer may still be there). But what was typed for a checked recipient — a
transfer's amount, Berita and sender, a deposit's amount and Berita — belongs to that
recipient: when the recipient goes (Esc or "Ubah tujuan" on a transfer's confirmation,
another account typed on Setor Tunai), it goes too. Found by a keyboard walk: BCA refused
the PIN (none proven on this computer yet), the agent went Esc, Esc, made the Bank+
transaction the warning asked for, came back for the next customer, and that customer's
confirmation showed the last one's Rp 250.000, Berita and sender's name, a tick and a few
habitual Enters from the PIN prompt.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT
from services.journal import State
from tests.ui.test_never_twice import leftovers
from tests.ui.uidrive import PIN, USERNAME, TypingClock, click, focused, key, type_text

TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def typing_speed(shell):
    shell.counter.scan.now = TypingClock()  # a person, not a barcode scanner


def confirm_fields(screen) -> dict[str, object]:
    """What the transfer's confirmation holds for its customer."""
    return {"amount": screen.amount.text(), "remark": screen.remark.text(), "sender": screen.sender_name.text(),
            "phone": screen.sender_phone.text(), "tick": screen.name_confirmed.isChecked()}


EMPTY = {"amount": "", "remark": "", "sender": "", "phone": "", "tick": False}


def check_destination(qtbot, shell, screen, account: str, bank: str = "") -> None:
    """The destination typed over what the last customer left (the cursor arrives on it, selected), then Enter."""
    if bank:  # picked from the list (the bank box's own keys are test_bank_by_name's)
        if hasattr(screen, "banks_loaded"):
            qtbot.waitUntil(lambda: screen.banks_loaded, timeout=TIMEOUT)
        screen.select_bank(bank)
        screen.account.setFocus()
        screen.account.selectAll()
    assert focused(shell) is screen.account
    type_text(qtbot, shell, account)
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.CONFIRM, timeout=TIMEOUT)


def fill_confirmation(qtbot, screen) -> None:
    click(qtbot, screen.name_confirmed)
    qtbot.keyClicks(screen.amount, "250000")
    if screen.remark_max is not None:
        qtbot.keyClicks(screen.remark, "uang sekolah")
    qtbot.keyClicks(screen.sender_name, "Ani Wulandari")
    qtbot.keyClicks(screen.sender_phone, "081234567890")


def esc_to_beranda(qtbot, shell, screen) -> None:
    key(qtbot, shell, Qt.Key.Key_Escape)  # the confirmation: back to the destination
    assert screen.pages.currentIndex() == screen.DESTINATION
    key(qtbot, shell, Qt.Key.Key_Escape)  # the destination: Beranda
    assert shell.current_screen() is shell.screen("home")


def test_bca_after_the_pin_refusal_the_next_customer_starts_with_no_amount(qtbot, shell, context, pin):
    """The walk as it was found: no PIN proven here, so BCA refuses it; Esc, Esc; the Bank+
    transaction the warning asks for; back for the next customer, to another account."""
    click(qtbot, shell._nav["bca_transfer"])
    screen = shell.screen("bca_transfer")
    qtbot.waitUntil(lambda: screen.worker.running == 0, timeout=TIMEOUT)
    check_destination(qtbot, shell, screen, "0611104625")
    fill_confirmation(qtbot, screen)
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: "belum dikenal" in screen.banner.text(), timeout=TIMEOUT)
    assert screen.flow.row is None and context.journal.count() == 0  # refused here: nothing journaled
    esc_to_beranda(qtbot, shell, screen)
    context.pins.learn(USERNAME, PIN)  # the Bank+ transaction meanwhile

    click(qtbot, shell._nav["bca_transfer"])
    assert screen.account.text() == "0611104625"  # the typed destination waits, as left
    check_destination(qtbot, shell, screen, "0613005827")
    assert screen.destination.values["Nama penerima"].text() == "SITI RAHAYU"
    assert confirm_fields(screen) == EMPTY
    assert not screen.pay_button.isEnabled()


TRANSFERS = {  # screen: (bank, account) of the last customer's recipient, then the next one's
    "transfer_intrabank": (("", "14047"), ("", "4447")),
    "transfer_interbank": (("008", "114451186"), ("008", "114451186")),
    "switcher_transfer": (("", "888801000003301"), ("", "888801000003301")),
    "bca_transfer": (("", "0611104625"), ("", "0613005827")),
    "bca_interbank": (("BMRIIDJA", "1370012345678"), ("BRINIDJA", "888801000003301")),
}


@pytest.mark.parametrize("screen_id", TRANSFERS)
def test_a_transfer_left_at_its_confirmation_gives_the_next_recipient_an_empty_one(qtbot, shell, context, pin,
                                                                                   screen_id):
    """The PIN prompt cancelled (the customer changed their mind, or left), Esc, Esc; back
    later. Even to the same account (a school's, a landlord's): the amount is asked again."""
    context.pins.learn(USERNAME, PIN)
    (bank, account), (next_bank, next_account) = TRANSFERS[screen_id]
    click(qtbot, shell._nav[screen_id])
    screen = shell.screen(screen_id)
    check_destination(qtbot, shell, screen, account, bank)
    fill_confirmation(qtbot, screen)
    pin.answer = None
    click(qtbot, screen.pay_button)
    assert pin.asked and context.journal.count() == 0
    esc_to_beranda(qtbot, shell, screen)

    click(qtbot, shell._nav[screen_id])
    check_destination(qtbot, shell, screen, next_account, next_bank)
    assert confirm_fields(screen) == EMPTY


def test_ubah_tujuan_takes_what_was_typed_for_that_recipient_with_it(qtbot, shell, context, pin):
    context.pins.learn(USERNAME, PIN)
    click(qtbot, shell._nav["bca_transfer"])
    screen = shell.screen("bca_transfer")
    check_destination(qtbot, shell, screen, "0611104625")
    fill_confirmation(qtbot, screen)
    click(qtbot, screen.back_button)  # "Ubah tujuan": the customer says the name is not theirs
    assert screen.pages.currentIndex() == screen.DESTINATION and screen.account.text() == "0611104625"
    assert confirm_fields(screen) == EMPTY


def test_a_confirmation_left_by_the_menu_waits_as_it_was_but_for_the_tick(qtbot, shell, context, pin):
    """Not by Esc: the menu, a look at Riwayat, a detour to Buka Shift. The customer may be
    waiting; the recipient is the same, so what was typed for them stays (the pay button is
    not where the cursor arrives: ``ui.keyboard.way_back``, and the PIN prompt names the amount).
    The tick does not: whoever stands at the counter now hears the name again before the
    pay button wakes."""
    context.pins.learn(USERNAME, PIN)
    click(qtbot, shell._nav["bca_transfer"])
    screen = shell.screen("bca_transfer")
    check_destination(qtbot, shell, screen, "0611104625")
    fill_confirmation(qtbot, screen)
    click(qtbot, shell._nav["history"])
    click(qtbot, shell._nav["bca_transfer"])
    assert screen.pages.currentIndex() == screen.CONFIRM
    assert confirm_fields(screen) == {"amount": "250.000", "remark": "uang sekolah", "sender": "Ani Wulandari",
                                      "phone": "081234567890", "tick": False}
    assert not screen.pay_button.isEnabled() and not screen.flow.can_pay
    click(qtbot, screen.name_confirmed)  # read to the customer again
    assert screen.pay_button.isEnabled()


def test_a_refused_transfer_left_and_opened_again_is_an_empty_form(qtbot, shell, context, pin):
    """FAILED (BCA refused it: the agent's balance is short) is over as SUCCESS is: the form
    stays for another try while the agent is on it, and is empty once left and opened again."""
    context.pins.learn(USERNAME, PIN)
    context.sandbox_hosts["bca"].accounts[BCA_AGENT_ACCOUNT].balance_sen = 20_000_00
    click(qtbot, shell._nav["bca_transfer"])
    screen = shell.screen("bca_transfer")
    check_destination(qtbot, shell, screen, "0611104625")
    fill_confirmation(qtbot, screen)
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=TIMEOUT)
    assert screen.flow.row.state is State.FAILED and screen.pages.currentIndex() == screen.CONFIRM
    assert confirm_fields(screen)["amount"] == "250.000"  # another try, for this customer, is one press away
    click(qtbot, shell._nav["home"])
    click(qtbot, shell._nav["bca_transfer"])
    assert screen.pages.currentIndex() == screen.DESTINATION and leftovers(screen) == {}


# -- Setor Tunai ----------------------------------------------------------------------------
def deposit_reviewed(qtbot, shell):
    """14047 looked up, Rp 200.000 and a Berita typed, Enter after Enter to the confirmation."""
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    type_text(qtbot, shell, "14047")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: deposit.name.text() == "ARDHA HERDIANTO", timeout=TIMEOUT)
    type_text(qtbot, shell, "200000")
    key(qtbot, shell, Qt.Key.Key_Return)
    type_text(qtbot, shell, "titipan ibu")
    key(qtbot, shell, Qt.Key.Key_Return)
    assert deposit.pages.currentIndex() == 1
    return deposit


def test_a_deposit_left_unpaid_gives_the_next_account_no_amount_and_no_berita(qtbot, shell, context, pin):
    """The customer left at the confirmation (the PIN prompt cancelled), Esc, Esc. The next
    customer's account replaces the last one's, and the amount and Berita typed for the last
    one's name go with it: an Enter in the amount would otherwise take the old Berita on to a
    confirmation showing the old amount, a PIN away from being paid."""
    deposit = deposit_reviewed(qtbot, shell)
    pin.answer = None
    key(qtbot, shell, Qt.Key.Key_Return)  # Setor sekarang: the PIN prompt, cancelled
    assert pin.asked and context.journal.count() == 0
    key(qtbot, shell, Qt.Key.Key_Escape)
    key(qtbot, shell, Qt.Key.Key_Escape)
    assert shell.current_screen() is shell.screen("home")

    click(qtbot, shell._nav["deposit"])
    assert focused(shell) is deposit.account
    type_text(qtbot, shell, "4447")
    assert (deposit.name.text(), deposit.amount.text(), deposit.narration.text()) == ("", "", "")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: deposit.name.text() != "", timeout=TIMEOUT)
    assert focused(shell) is deposit.amount and deposit.amount.text() == ""


def test_a_deposit_keeps_its_amount_while_its_account_stays(qtbot, shell, context, pin):
    """Esc from the confirmation to the form: nothing is lost while the account is the same."""
    deposit = deposit_reviewed(qtbot, shell)
    key(qtbot, shell, Qt.Key.Key_Escape)
    assert deposit.pages.currentIndex() == 0
    assert (deposit.name.text(), deposit.amount.text(), deposit.narration.text()) == (
        "ARDHA HERDIANTO", "200.000", "titipan ibu")
