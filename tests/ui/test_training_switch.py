"""The sandbox's training switch: a trainee makes the next transaction time out, be refused
or never reach the bank, and rehearses what follows. Live mode has no switch at all."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.context import build_context
from services.errors import MaybeSent, NotSent
from services.journal import State
from services.profile import Profile
from services.training import Drill
from tests.ui.test_ui_deposit import fill, open_deposit
from tests.ui.uidrive import PIN, click, focused, key, type_text, wait_result


def choose(combo, drill: Drill | None) -> None:
    """What picking an item does (``activated``), without a popup to open offscreen."""
    index = combo.findData(drill.value if drill else "")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_trainee_rehearses_a_timeout_and_the_switch_falls_back(qtbot, shell, context):
    host = context.sandbox_hosts["bankplus"]
    before = host.accounts["14047"].balance
    switch = shell.training
    assert switch.isVisible() and switch.currentText() == "Latihan: mati"
    choose(switch, Drill.TIMEOUT)
    assert context.training.drill is Drill.TIMEOUT and switch.property("armed") is True
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen, amount="60000")  # the account lookup goes through: it is no transaction
    assert screen.name.text() == "ARDHA HERDIANTO" and context.training.drill is Drill.TIMEOUT
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    reference = result.done.row.reference
    assert context.journal.get(reference).state is State.SUSPECT
    assert host.accounts["14047"].balance == before + 60_000  # the bank booked it: the answer was lost
    qtbot.waitUntil(lambda: switch.currentText() == "Latihan: mati", timeout=10_000)
    assert context.training.drill is None and switch.property("armed") is False

    click(qtbot, result.new_button)  # the drill was used once: the next deposit goes through
    fill(qtbot, screen, account="1234567890", amount="20000")  # 14047 waits for its resolution
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: result.done is not None and result.done.row.reference != reference, timeout=10_000)
    assert context.journal.get(result.done.row.reference).state is State.SUCCESS


@pytest.mark.parametrize("drill, raised, state, booked", [
    (Drill.REFUSED, NotSent, State.NEW, False),  # nothing left: the same reference may go again
    (Drill.NOT_REACHED, MaybeSent, State.SUSPECT, False),  # uncertain, and the bank never saw it
])
def test_the_other_drills(context, drill, raised, state, booked):
    host = context.sandbox_hosts["bankplus"]
    context.banking.login("BNIUS100294", "T6jkl4ss")
    context.dayclose.shifts.open(0, "BNIUS100294")
    before = host.accounts["14047"].balance
    context.training.arm(drill)
    with pytest.raises(raised) as info:
        context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=30_000, narration="latihan",
                                pin=PIN)
    assert context.journal.get(info.value.reference).state is state
    assert (host.accounts["14047"].balance != before) is booked
    assert context.training.drill is None


def test_live_mode_has_no_training_switch(tmp_path):
    profile = Profile(tmp_path / "live")
    (profile.folder / "settings.json").write_text(json.dumps({
        "mode": "live", "hosts": {"bankplus": {"base_url": "https://bank.example"}}}))
    context = build_context(profile)
    try:
        assert not context.sandbox and context.training is None
        assert context.sandbox_hosts == {}  # no simulated host a drill could reach either
    finally:
        context.close()


def test_a_live_window_shows_no_switch_even_if_handed_one(qtbot, shell, context):
    from dataclasses import replace

    from ui.shell import Shell
    from ui.widgets.training import TrainingSelector

    live = Shell(replace(shell.services, sandbox=False), shell.session, version="test")
    qtbot.addWidget(live)
    assert live.findChild(TrainingSelector) is None
    assert shell.findChild(TrainingSelector) is shell.training  # the sandbox window has it


def test_the_palette_finds_the_training_switch(qtbot, shell):
    """Typed in the palette, "latihan" found nothing: the switch was six Tabs away."""
    from PySide6.QtCore import Qt

    home = shell.screen("home")
    qtbot.keyClick(home, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = shell.counter.palette
    qtbot.keyClicks(palette.search, "latihan")
    assert palette.current().kind == "action" and palette.current().title == "Latihan"
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert not palette.isVisible() and shell.window().focusWidget() is shell.training
    shell.training.hidePopup()


@pytest.mark.parametrize("keys, drill", [((Qt.Key.Key_Down, Qt.Key.Key_Return), Drill.TIMEOUT),
                                         ((Qt.Key.Key_Escape,), None)])
def test_a_drill_picked_through_the_palette_gives_the_keyboard_back_to_the_page(qtbot, shell, keys, drill):
    """Picked (or not) through Ctrl+K, the keyboard stayed on the header's switch: the next
    digits went nowhere, the next arrow changed the drill. It lands where choosing the
    screen from the menu puts it: the page's first box."""
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    assert focused(shell) is deposit.account  # where the menu puts it
    key(qtbot, shell, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, shell, "latihan")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=10_000)
    for k in keys:  # to the open list of drills (it has the keyboard)
        qtbot.keyClick(shell.training.view(), k)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=10_000)
    assert shell.services.training.drill is drill
    qtbot.waitUntil(lambda: focused(shell) is deposit.account, timeout=2_000)
