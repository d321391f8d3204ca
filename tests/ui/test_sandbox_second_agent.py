"""Serah Terima Kas rehearsed in training mode: the sandbox knows a second agent of the same
counter, offered on the login window, and answers that agent's login and transactions with
that agent's own data. (The sandbox knew one agent: a kiosk in training could not rehearse a
handover, and an agent added to it was shown under the first agent's name.)"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_dayclose_screens import open_shift
from tests.ui.uidrive import USERNAME, click, key, log_in, type_text

TIMEOUT = 10_000
FIRST_NAME = "Ardha Herdianto"


def idle(qtbot, loket) -> None:
    qtbot.waitUntil(lambda: loket.worker.running == 0, timeout=TIMEOUT)


def test_the_drawer_is_handed_to_the_sandboxs_second_agent_who_is_shown_by_name(qtbot, loket, context):
    second = context.sandbox_hosts["bankplus"].credentials()["second_agent"]
    hint = loket.login_window.hint
    assert hint.isVisible()
    assert second["username"] in hint.text() and second["password"] in hint.text() and second["pin"] in hint.text()
    assert "serah terima" in hint.text().lower()

    shell = log_in(qtbot, loket)  # the first agent opens the day's shift
    assert shell.agent_label.lines[0] == FIRST_NAME
    open_shift(qtbot, shell, loket, "500000")
    click(qtbot, shell._nav["handover"])
    screen = shell.screen("handover")
    idle(qtbot, loket)
    assert screen.pages.currentWidget() is screen.holder_page
    shell.confirm = lambda parent, title, text: True
    click(qtbot, screen.hand_over_button)  # "Serahkan laci & keluar"
    qtbot.waitUntil(lambda: loket.shell is None and loket.login_window.isVisible(), timeout=TIMEOUT)

    shell = log_in(qtbot, loket, second["username"], second["password"])
    assert context.banking.operator() == second["username"]
    assert shell.agent_label.lines[0] == second["name"]  # the header names the agent at the counter
    assert FIRST_NAME not in shell.agent_label.toolTip()
    screen = shell.screen("handover")
    qtbot.waitUntil(lambda: shell.current_screen() is screen and screen.pages.currentWidget() is screen.count_page,
                    timeout=TIMEOUT)
    idle(qtbot, loket)
    assert f"dari {USERNAME} kepada {second['username']}" in screen.count_title.text()
    type_text(qtbot, shell, "500000")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.difference_page, timeout=TIMEOUT)
    assert screen.difference_value.text() == "Rp 0 — kas cocok"
    screen.ask_confirm = lambda parent, title, text: True  # "Terima laci?"
    click(qtbot, screen.confirm_button)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.done_page, timeout=TIMEOUT)
    idle(qtbot, loket)
    [record] = context.dayclose.handovers.records(context.dayclose.business_day())
    assert (record.handover.from_operator, record.handover.to_operator) == (USERNAME, second["username"])
    slip = screen.slip_preview.toPlainText()
    assert USERNAME in slip and second["username"] in slip

    click(qtbot, screen.go_on_button)  # Lanjut melayani: Beranda, the agent's own account
    home = shell.screen("home")
    qtbot.waitUntil(lambda: shell.current_screen() is home and home.loaded, timeout=TIMEOUT)
    idle(qtbot, loket)
    detail = home.balance_card.detail.text()
    assert f"Rekening {second['account']} a.n. {second['name'].upper()}" in detail
    assert FIRST_NAME.upper() not in detail
