"""The BNI Keagenan connectivity check (PING: "runs at start-up and from Settings"):
one line in the header after login, never a modal, and "Cek koneksi" in Pengaturan > Koneksi
Host for every host with a cheap check — both when the host answers and when it does not,
the partner office's database among them once it is configured."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from services.sandbox.base import Fault
from tests.ui.test_host_settings import SUPERVISOR_PIN, with_supervisor
from tests.ui.uidrive import click, log_in
from ui.widgets.supervisor import SupervisorAnswer

TIMEOUT = 10_000
TRANSACTION = "/keagenan/transaction"


def faults_met(context) -> int:
    return sum(1 for path, _fault in context.sandbox_hosts["keagenan"].faults.injected if path == TRANSACTION)


def test_login_pings_bni_and_says_so_in_the_header(qtbot, shell, context):
    status = shell.host_status
    assert status.isVisible() and status.text() == "BNI: terhubung"
    assert status.property("ok") == "true"
    assert "Access from 127.0.0.1" in status.toolTip()  # the host's own answer, for the helpdesk
    assert QApplication.activeModalWidget() is None


def test_a_failed_ping_warns_in_the_header_without_a_modal(qtbot, loket, context):
    context.sandbox_hosts["keagenan"].faults.queue(Fault.SERVER_ERROR, TRANSACTION)
    shell = log_in(qtbot, loket)
    status = shell.host_status
    qtbot.waitUntil(lambda: status.check is not None, timeout=TIMEOUT)
    assert faults_met(context) == 1  # the PING itself met the 503
    assert status.text() == "BNI: tidak terhubung —\ntagihan mungkin gagal"
    assert status.property("ok") == "false" and status.toolTip()  # the reason
    assert status.check.answered is False
    assert QApplication.activeModalWidget() is None
    assert shell.current_screen() is shell.screen("home")  # the agent keeps working


def open_host_settings(qtbot, shell, context):
    gate = with_supervisor(qtbot, shell, context)
    gate.ask = lambda *args: SupervisorAnswer(SUPERVISOR_PIN)
    click(qtbot, shell._nav["host_settings"])
    screen = shell.screen("host_settings")
    qtbot.waitUntil(lambda: shell.current_screen() is screen and screen.loaded, timeout=TIMEOUT)
    return screen


def test_settings_check_every_host_with_a_cheap_check(qtbot, shell, context):
    screen = open_host_settings(qtbot, shell, context)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.checks != [] and screen.banner.isVisible(), timeout=TIMEOUT)
    assert [(check.host, check.ok) for check in screen.checks] == [("bankplus", True), ("keagenan", True)]
    text = screen.banner.text()
    assert screen.banner.property("kind") == "success"
    assert "Bank+: terhubung" in text and "BNI Keagenan: terhubung" in text
    for host in ("DOKU", "BCA", "Bank+ Switcher"):  # the others are named as not checked
        assert f"• {host}: diatur; tidak punya pemeriksaan ringan" in text
    assert "Kantor mitra: tidak diatur" in text  # no office address: nothing asked, and said so
    assert "kantor mitra" in screen.check_button.toolTip()
    assert screen.check_button.isEnabled()


def test_settings_check_names_the_host_that_does_not_answer(qtbot, shell, context):
    screen = open_host_settings(qtbot, shell, context)
    context.sandbox_hosts["keagenan"].faults.queue(Fault.SERVER_ERROR, TRANSACTION)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.checks != [] and screen.banner.isVisible(), timeout=TIMEOUT)
    assert [(check.host, check.ok) for check in screen.checks] == [("bankplus", True), ("keagenan", False)]
    text = screen.banner.text()
    assert screen.banner.property("kind") == "error"
    assert "Bank+: terhubung" in text and "BNI Keagenan: tidak terhubung" in text
    assert "Host tidak menjawab dengan benar (HTTP 503)" in text  # why, in the agent's words
    assert "JANGAN ulangi" not in text  # a check moved no money: no transaction advice
    assert QApplication.activeModalWidget() is None


def test_settings_check_says_when_the_office_is_out_of_reach(qtbot, shell, context, closed):
    screen = open_host_settings(qtbot, shell, context)
    edits = screen.edits["office"]
    edits["address"].setText(f"127.0.0.1:{closed}/loket")  # held, never listened on: nothing answers there
    edits["counter_id"].setText("K001")
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "tersimpan" in screen.banner.text(), timeout=TIMEOUT)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: len(screen.checks) == 3 and screen.banner.isVisible(), timeout=TIMEOUT)
    assert [(check.host, check.ok, check.answered) for check in screen.checks] == [
        ("bankplus", True, True), ("keagenan", True, True), ("office", False, False)]
    text = screen.banner.text()
    assert screen.banner.property("kind") == "error"
    assert ("✗ Kantor mitra: tidak terhubung — Database kantor tidak dapat dihubungi. Periksa koneksi internet dan "
            "alamat database kantor. (Connection refused)") in text.splitlines()
    assert "tidak diatur" not in text
    assert QApplication.activeModalWidget() is None and screen.check_button.isEnabled()


def test_the_header_says_what_the_last_request_to_bni_learned(qtbot, shell, context, pin):
    """Day walk: BNI stopped answering mid-morning; a bill's check failed on the connection,
    and the header went on saying "BNI: terhubung" from the login's PING. It now follows
    what the counter last learned from BNI, and says connected again once BNI answers."""
    from tests.ui.test_billpay_screens import open_menu, search, type_into

    status = shell.host_status
    screen = open_menu(qtbot, shell)
    qtbot.waitUntil(lambda: screen.picker.connection.text() == "Koneksi BNI: OK", timeout=TIMEOUT)
    search(qtbot, screen, "pln", "pln_postpaid")
    type_into(qtbot, screen, "customerId", "53111")
    context.sandbox_hosts["keagenan"].faults.queue(Fault.REFUSE_CONNECTION, TRANSACTION)
    sent_before = faults_met(context)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: status.text() == "BNI: tidak terhubung —\ntagihan mungkin gagal", timeout=TIMEOUT)
    assert faults_met(context) == sent_before + 1  # the bill's own check met the refusal: no request of its own
    assert status.property("ok") == "false" and status.toolTip()  # why, for the helpdesk
    assert "JANGAN ulangi" not in status.toolTip()  # the header speaks of the connection, not of a payment
    what, why = status.toolTip().splitlines()
    assert re.fullmatch(r"BNI Keagenan tidak dapat dihubungi sejak \d\d:\d\d WIB; terakhir dicoba \d\d:\d\d WIB\.",
                        what), what
    assert why.startswith("Tidak dapat terhubung ke host."), why
    assert QApplication.activeModalWidget() is None

    qtbot.waitUntil(lambda: screen.check_button.isEnabled(), timeout=TIMEOUT)
    click(qtbot, screen.check_button)  # BNI answers again
    qtbot.waitUntil(lambda: status.text() == "BNI: terhubung", timeout=TIMEOUT)
    assert status.property("ok") == "true" and status.check.ok


def test_the_header_tooltip_says_what_failed_and_since_when(qtbot):
    """The agent (or the helpdesk on the phone) hovering "BNI: tidak terhubung" learns what failed,
    since when and when it was last tried. It said only the last error, or nothing at all
    when the check itself broke."""
    from datetime import datetime

    from services.clock import WIB
    from services.connectivity import KEAGENAN, HostCheck
    from services.errors import NotSent
    from ui.widgets.host_status import HostStatus

    times = iter([datetime(2026, 12, 5, h, m, tzinfo=WIB) for h, m in ((9, 12), (9, 40), (10, 2), (10, 30))])
    status = HostStatus(now=lambda: next(times))
    qtbot.addWidget(status)
    lost = HostCheck(KEAGENAN, False, False, error=NotSent("Tidak dapat terhubung ke host.", host=KEAGENAN))
    status.show_check(lost)
    status.show_check(lost)
    assert status.toolTip().splitlines() == [
        "BNI Keagenan tidak dapat dihubungi sejak 09:12 WIB; terakhir dicoba 09:40 WIB.",
        "Tidak dapat terhubung ke host."]
    status.show_check(HostCheck(KEAGENAN, True, True, "Access from 127.0.0.1 at 2026-12-05 10:02:00"))
    assert status.toolTip().splitlines()[0] == "BNI Keagenan menjawab pukul 10:02 WIB."
    status.show_check(HostCheck(KEAGENAN, False, False))  # the check broke: no error to show
    assert status.toolTip().splitlines() == [
        "BNI Keagenan tidak dapat dihubungi sejak 10:30 WIB; terakhir dicoba 10:30 WIB.",
        "Sebabnya tidak diketahui: catat jam ini dan hubungi helpdesk."]
