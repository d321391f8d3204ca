"""Telkom's area code and number, typed in one go as the agent reads them off the customer's
bill: the area code full (its four digits, as the bank's own example "0021"), the cursor
moves on to the number by itself, so the digits after it go into the number, none lost.
(They were refused by the full area code box: "0021998877441" left the number empty.) So
does one of the five 3-digit codes (021 Jakarta, 022, 024, 031, 061: area codes are
prefix-free), sent padded as the bank's example "0021"; and a Tab or Enter pressed by habit
right after the cursor moved on by itself is taken as the move already made, never a skip
past the empty number nor a bill check without it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_billpay_screens import TIMEOUT, open_menu
from tests.ui.uidrive import TypingClock, focused, key
from ui.screens.billpay import CONFIRM, INPUT


@pytest.fixture(autouse=True)
def typing_speed(shell):
    shell.counter.scan.now = TypingClock()  # a person, not a barcode scanner


def type_as_typed(qtbot, shell, text):
    """Each key to whatever has the keyboard when it is pressed, as a keyboard does."""
    for ch in text:
        qtbot.keyClicks(focused(shell), ch)


def telkom_form(qtbot, shell):
    screen = open_menu(qtbot, shell)
    qtbot.keyClicks(screen.picker.search, "telkom rumah")
    key(qtbot, shell, Qt.Key.Key_Return)  # the first product found: Telkom
    assert screen.spec.id == "telkom" and screen.pages.currentIndex() == INPUT
    area, number = (screen.form.inputs[name].editor for name in ("areaCode", "phoneNum"))
    assert focused(shell) is area
    return screen, area, number


@pytest.mark.parametrize("code", ["0021", "021"])
def test_the_area_code_typed_full_moves_on_to_the_number(qtbot, shell, pin, code):
    """The bank's own example customer, with Jakarta as its example writes it (0021) or as the
    bill prints it (021, a whole code: sent as 0021)."""
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, code + "998877441")
    assert (area.text(), number.text()) == (code, "998877441")
    assert focused(shell) is number
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tagihan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert "EDWARD VAN DER KAAT" in screen.summary_text()


@pytest.mark.parametrize("code", ["0021", "031"])
@pytest.mark.parametrize("habit", [Qt.Key.Key_Tab, Qt.Key.Key_Return], ids=["tab", "enter"])
def test_a_habitual_tab_or_enter_after_the_move_keeps_the_number_box(qtbot, shell, pin, habit, code):
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, code)
    assert focused(shell) is number
    key(qtbot, shell, habit)
    assert focused(shell) is number and screen.pages.currentIndex() == INPUT
    assert not screen.field("phoneNum").error.isVisible()
    type_as_typed(qtbot, shell, "998877441")
    assert (area.text(), number.text()) == (code, "998877441")
    key(qtbot, shell, Qt.Key.Key_Tab)  # a second Tab, after typing, moves on as ever
    assert focused(shell) is not number


@pytest.fixture
def sent(context, monkeypatch):
    """The Keagenan requests' ``data`` as they reached the sandbox (it answers as ever)."""
    host = context.sandbox_hosts["keagenan"]
    bodies: list[dict] = []
    dispatch = host.dispatch

    def recording(request):
        body = request.json() if request.path.endswith("/transaction") else None
        if isinstance(body, dict) and isinstance(body.get("data"), dict):
            bodies.append(body["data"])
        return dispatch(request)

    monkeypatch.setattr(host, "dispatch", recording)
    return bodies


def test_a_three_digit_area_code_typed_straight_on_moves_on_and_goes_padded(qtbot, shell, pin, sent):
    """Jakarta's 021 and the number read off the bill in one go: 021 is a whole code (no area
    code starts with it), so 5551234 is the number, and the bank is asked for 0021 as its own
    example writes Jakarta. It went to the bank as area 0215, number 551234: another customer."""
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, "0215551234")
    assert (area.text(), number.text()) == ("021", "5551234")
    assert focused(shell) is number
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tagihan
    qtbot.waitUntil(lambda: any("areaCode" in data for data in sent), timeout=TIMEOUT)
    asked = next(data for data in sent if "areaCode" in data)
    assert (asked["areaCode"], asked["phoneNum"]) == ("0021", "5551234")


@pytest.mark.parametrize("code", ["0251", "0274"])
def test_a_four_digit_code_is_not_cut_at_three(qtbot, shell, pin, code):
    """025 and 027 are no codes of their own: the cursor waits for the fourth digit."""
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, code[:3])
    assert focused(shell) is area
    type_as_typed(qtbot, shell, code[3:] + "8765432")
    assert (area.text(), number.text()) == (code, "8765432")


@pytest.mark.parametrize("end", [Qt.Key.Key_Tab, Qt.Key.Key_Return], ids=["tab", "enter"])
def test_three_digits_that_are_no_code_are_refused_at_the_field(qtbot, shell, pin, end, sent):
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, "025")
    key(qtbot, shell, end)
    type_as_typed(qtbot, shell, "8765432")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.field("areaCode").error.isVisible(), timeout=TIMEOUT)
    assert "025" in screen.field("areaCode").error.text()
    assert screen.pages.currentIndex() == INPUT and not any("areaCode" in data for data in sent)


def test_a_digit_typed_on_a_full_area_code_goes_on_into_the_number(qtbot, shell, pin):
    """Back on the full area code with Shift+Tab and the cursor put at its end, the next digit
    is the number's first, not refused."""
    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, "0021")
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is area
    key(qtbot, shell, Qt.Key.Key_End)
    type_as_typed(qtbot, shell, "998877441")
    assert (area.text(), number.text()) == ("0021", "998877441")


def test_the_confirmation_and_receipt_read_back_the_code_as_typed(qtbot, shell, context, pin, sent):
    """021 typed goes to BNI as its example's "0021"; the agent reads back with the customer
    what was typed and what the bill prints, 021, on the confirmation, the result and the
    paper (they read "Kode area 0021" and "0021998877441": a code nobody typed)."""
    from tests.ui.test_fees import printed_text
    from tests.ui.uidrive import click, wait_result

    screen, area, number = telkom_form(qtbot, shell)
    type_as_typed(qtbot, shell, "021998877441")
    key(qtbot, shell, Qt.Key.Key_Return)  # Cek tagihan
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert screen.customer_line.text().startswith("Kode area 021  ·  Nomor telepon 998877441")
    assert "0021" not in screen.summary_text()
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Transaksi berhasil" in text and "021998877441" in text and "0021" not in text
    row = context.journal.get(result.done.row.reference)
    assert (row.request["data"]["areaCode"], row.request["data"]["phoneNum"]) == ("0021", "998877441")
    paper = printed_text(context, row.reference)
    assert "021998877441" in paper and "0021" not in paper
