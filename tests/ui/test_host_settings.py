"""Pengaturan behind the supervisor PIN, and Koneksi Host: addresses checked, secrets kept
only in the secret store and never shown back."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from tests.ui.uidrive import click
from ui.supervisor_gate import NO_SUPERVISOR, WRONG_PIN
from ui.widgets.supervisor import SupervisorAnswer

TIMEOUT = 10_000
SUPERVISOR_PIN = "135792"


def with_supervisor(qtbot, shell, context):
    context.dayclose.supervisors.set_pin("Sri Supervisor", SUPERVISOR_PIN)
    gate = shell.counter.gate
    gate.refresh()
    qtbot.waitUntil(lambda: gate.has_supervisor is True, timeout=TIMEOUT)
    return gate


def test_without_a_supervisor_settings_open_with_a_warning(qtbot, shell):
    click(qtbot, shell._nav["host_settings"])
    assert shell.current_screen() is shell.screen("host_settings")
    assert shell.notice.isVisible() and shell.notice.text() == NO_SUPERVISOR
    click(qtbot, shell._nav["home"])
    assert not shell.notice.isVisible()  # the warning belongs to the settings screen


def test_settings_ask_the_supervisor_pin_every_time(qtbot, shell, context):
    gate = with_supervisor(qtbot, shell, context)
    asked = []
    gate.ask = lambda parent, title, detail, with_reason: asked.append(detail) or SupervisorAnswer("999999")
    home = shell.screen("home")
    for screen_id in ("host_settings", "keys", "printer_settings"):
        if screen_id not in shell._nav:
            continue
        click(qtbot, shell._nav[screen_id])
        qtbot.waitUntil(lambda: shell.notice.text() == WRONG_PIN, timeout=TIMEOUT)
        assert shell.current_screen() is home and shell._nav["home"].isChecked()
        shell.notice.clear_message()
    assert asked and "hanya boleh dibuka supervisor" in asked[0]

    gate.ask = lambda *args: SupervisorAnswer(SUPERVISOR_PIN)
    click(qtbot, shell._nav["host_settings"])
    qtbot.waitUntil(lambda: shell.current_screen() is shell.screen("host_settings"), timeout=TIMEOUT)
    click(qtbot, shell._nav["home"])
    gate.ask = lambda *args: None  # cancelled: stays where it is
    click(qtbot, shell._nav["host_settings"])
    qtbot.waitUntil(lambda: shell.services.worker.running == 0, timeout=TIMEOUT)
    assert shell.current_screen() is home  # leaving ended the approval: asked again


def test_a_supervisor_set_meanwhile_is_asked_for_after_all(qtbot, shell, context):
    context.dayclose.supervisors.set_pin("Sri Supervisor", SUPERVISOR_PIN)  # the gate still thinks none
    asked = []
    shell.counter.gate.ask = lambda *args: asked.append(args) and None
    click(qtbot, shell._nav["host_settings"])
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=TIMEOUT)
    assert shell.current_screen() is shell.screen("home")


def open_host_settings(qtbot, shell):
    click(qtbot, shell._nav["host_settings"])
    screen = shell.screen("host_settings")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    return screen


def save(qtbot, screen):
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and screen.banner.isVisible(), timeout=TIMEOUT)


def test_live_needs_https_and_every_bad_field_is_marked(qtbot, shell, context):
    screen = open_host_settings(qtbot, shell)
    screen.mode.setCurrentIndex(screen.mode.findData("live"))
    screen.edits["bankplus"]["base_url"].setText("http://apidev.bankplus.id")
    screen.edits["doku"]["base_url"].setText("bukan alamat")
    save(qtbot, screen)
    # 2 bad addresses, and DOKU's other 5 live values: its address says it is to be used
    assert "7 isian perlu diperbaiki" in screen.banner.text()
    assert screen.tabs.currentIndex() == screen._tab_of["bankplus"]  # the first bad field is on show
    assert "https://" in screen.field("bankplus.base_url").error.text()
    assert screen.field("doku.base_url").error.isVisible()  # (asking for it shows its tab)
    assert context.profile.load_settings().get("mode") is None  # nothing saved: the mode is still unchosen


def test_live_is_never_the_banks_development_host_by_default(qtbot, shell, context):
    """Bank+'s address was filled in with its document's "Development" address: a supervisor
    choosing Live without typing the bank's own put the counter's real cash on the bank's
    development platform. It starts empty, and live refuses to save without one."""
    screen = open_host_settings(qtbot, shell)
    assert screen.edits["bankplus"]["base_url"].text() == ""
    screen.mode.setCurrentIndex(screen.mode.findData("live"))
    save(qtbot, screen)
    assert "alamat host Bank+" in screen.field("bankplus.base_url").error.text()
    assert context.profile.load_settings().get("mode") is None


@pytest.mark.parametrize(("host", "address"), [("bankplus", "https://apidev.bankplus.id/h2h/"),
                                             ("keagenan", "https://apidev.bni.co.id"),
                                             ("doku", "https://api-sandbox.doku.com"),
                                             ("bca", "https://devapi.klikbca.com")])
def test_live_refuses_a_banks_development_platform(qtbot, shell, context, host, address):
    """Bank+'s document gives one address, "Development : https://apidev.bankplus.id/h2h/"
    ("Production :" is empty), and BNI's, DOKU's and BCA's documents name their development
    or sandbox hosts: typed into Koneksi Host as the live address, the counter took the
    customers' real cash with no SANDBOX on the screen or the receipt, and the payments went
    to the bank's test platform. Live now refuses such an address, on its field."""
    screen = open_host_settings(qtbot, shell)
    screen.mode.setCurrentIndex(screen.mode.findData("live"))
    screen.edits["bankplus"]["base_url"].setText("https://api.bankplus.example")
    screen.edits[host]["base_url"].setText(address)
    save(qtbot, screen)
    said = screen.field(f"{host}.base_url").error.text()
    assert "production" in said and "uji" in said, said
    assert screen.tabs.currentIndex() == screen._tab_of[host]
    assert context.profile.load_settings().get("mode") is None


def test_the_switchers_private_line_is_saved_with_a_visible_warning(qtbot, shell, context):
    screen = open_host_settings(qtbot, shell)
    screen.mode.setCurrentIndex(screen.mode.findData("live"))
    screen.edits["bankplus"]["base_url"].setText("https://api.bankplus.id")
    screen.edits["switcher"]["base_url"].setText("http://192.168.172.15:7221")  # the document's address
    screen.edits["switcher"]["source_account"].setText("888801000157508")
    screen.tabs.setCurrentIndex(screen._tab_of["switcher"])
    assert screen.private_line_warning.isVisible()
    assert "tanpa TLS" in screen.private_line_warning.text()
    save(qtbot, screen)
    qtbot.waitUntil(lambda: context.profile.load_settings()["mode"] == "live", timeout=TIMEOUT)
    assert context.profile.load_settings()["hosts"]["switcher"]["base_url"] == "http://192.168.172.15:7221"
    screen.edits["switcher"]["base_url"].setText("http://8.8.8.8:7221")  # public: refused
    assert not screen.private_line_warning.isVisible()
    save(qtbot, screen)
    assert "https://" in screen.field("switcher.base_url").error.text()


def test_secrets_go_to_the_secret_store_only_and_are_never_shown_back(qtbot, shell, context):
    screen = open_host_settings(qtbot, shell)
    secret = screen.secret_edits["keagenan.x_auth_password"]
    assert secret.echoMode() == secret.EchoMode.Password and secret.placeholderText() == "belum diisi"
    screen.edits["keagenan"]["dealer_id"].setText("2114534465611173")
    qtbot.keyClicks(secret, "S3cret-XAuth-Pass-77")
    qtbot.keyClicks(screen.secret_edits["doku.client_secret"], "client-secret-QQ99")
    save(qtbot, screen)
    assert "tersimpan" in screen.banner.text() and "dibuka ulang" in screen.banner.text()
    assert context.secrets.get("keagenan.x_auth_password") == "S3cret-XAuth-Pass-77"
    assert context.secrets.get("doku.client_secret") == "client-secret-QQ99"
    stored = context.profile.settings_path.read_text(encoding="utf-8")
    assert "S3cret" not in stored and "QQ99" not in stored
    assert json.loads(stored)["hosts"]["keagenan"]["dealer_id"] == "2114534465611173"
    assert secret.text() == "" and secret.placeholderText().startswith("tersimpan")
    assert screen.secret_edits["bca.client_secret"].placeholderText() == "belum diisi"

    # saving again without typing a secret keeps the stored one
    save(qtbot, screen)
    assert context.secrets.get("keagenan.x_auth_password") == "S3cret-XAuth-Pass-77"


def test_quick_pin_is_set_in_keamanan(qtbot, shell):
    click(qtbot, shell._nav["security"])
    screen = shell.screen("security")
    qtbot.waitUntil(lambda: screen.status.text() == "PIN cepat: belum diatur", timeout=TIMEOUT)

    def attempt(password: str, pin: str) -> None:
        qtbot.keyClicks(screen.password, password)
        qtbot.keyClicks(screen.pin, pin)
        qtbot.keyClicks(screen.confirm, pin)
        qtbot.keyClick(screen.confirm, Qt.Key.Key_Return)

    attempt("T6jkl4ss", "123456")
    qtbot.waitUntil(lambda: screen.field("quick_pin").error.isVisible(), timeout=TIMEOUT)
    assert "mudah ditebak" in screen.field("quick_pin").error.text()
    # Someone at a counter left unlocked, without the agent's password, sets nothing.
    attempt("", "246802")
    qtbot.waitUntil(lambda: screen.field("password").error.isVisible(), timeout=TIMEOUT)
    attempt("tebak-tebak", "246802")
    qtbot.waitUntil(lambda: "salah" in screen.field("password").error.text(), timeout=TIMEOUT)
    assert not shell.services.quick_pin.is_set() and screen.status.text() == "PIN cepat: belum diatur"
    attempt("T6jkl4ss", "246802")
    qtbot.waitUntil(lambda: screen.status.text() == "PIN cepat: sudah diatur", timeout=TIMEOUT)
    assert shell.services.quick_pin.verify("246802") and screen.pin.text() == screen.password.text() == ""
    click(qtbot, screen.clear_button)  # removing it needs the password too
    qtbot.waitUntil(lambda: screen.field("password").error.isVisible(), timeout=TIMEOUT)
    assert shell.services.quick_pin.is_set()


def test_the_banks_own_fiturIds_are_typed_checked_and_kept(qtbot, shell, context):
    screen = open_host_settings(qtbot, shell)
    edit = screen.edits["keagenan"]["fitur_overrides"]
    assert "bni_life=FTR437/FTR463" in edit.placeholderText()
    edit.setText("bni_life=FTR437/FTR4")
    save(qtbot, screen)
    assert screen.tabs.currentIndex() == screen._tab_of["keagenan"]
    assert "produk=FTRinquiry/FTRpayment" in screen.field("keagenan.fitur_overrides").error.text()
    edit.setText("bni_life=FTR437/FTR438")
    save(qtbot, screen)
    assert context.profile.load_settings()["hosts"]["keagenan"]["fitur_overrides"] == "bni_life=FTR437/FTR438"


def test_tab_goes_through_each_hosts_fields_in_the_order_they_are_seen(qtbot, shell):
    """Address first, then the short values row by row, then the long ones (a token path,
    the fiturId list) a row each, then the secrets: Tab follows the eye on every host's tab."""
    from PySide6.QtWidgets import QLineEdit

    screen = open_host_settings(qtbot, shell)
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        page = screen.tabs.currentWidget()
        edits = page.findChildren(QLineEdit)
        seen = sorted(edits, key=lambda edit: (edit.mapTo(page, edit.rect().topLeft()).y(),
                                               edit.mapTo(page, edit.rect().topLeft()).x()))
        tabbed, widget = [], seen[0]
        while len(tabbed) < len(edits):
            if widget in edits and widget not in tabbed:
                tabbed.append(widget)
            widget = widget.nextInFocusChain()
        assert [e.objectName() for e in tabbed] == [e.objectName() for e in seen], screen.tabs.tabText(index)


def test_the_connection_checks_answer_is_scrolled_into_view(qtbot, shell):
    """At 1024x768, scrolled down to the office's tab, "Cek koneksi" answered above the
    window's edge: the first lines of the answer were out of sight."""
    from services.host_settings import OFFICE
    from ui.screen_fit import scroll_areas

    shell.resize(1024, 768)
    screen = open_host_settings(qtbot, shell)
    screen.tabs.setCurrentIndex(screen._tab_of[OFFICE.name])  # Bank+'s tab, as tall as its fields, fits
    area = next(scroll_areas(screen.banner))
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0, timeout=TIMEOUT)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: "Bank+" in screen.banner.text(), timeout=TIMEOUT)
    viewport = area.viewport()
    qtbot.waitUntil(lambda: screen.banner.mapTo(viewport, screen.banner.rect().topLeft()).y() >= 0, timeout=TIMEOUT)


def fill(qtbot, screen, host: str, values: dict[str, str], secrets: dict[str, str] = {}) -> None:  # noqa: B006
    for key, value in values.items():
        screen.edits[host][key].setText(value)
    for name, value in secrets.items():
        qtbot.keyClicks(screen.secret_edits[f"{host}.{name}"], value)


def test_live_refuses_a_host_filled_in_by_half(qtbot, shell, context):
    """A supervisor who typed BNI Keagenan's ids but not its client secret, and DOKU's key
    without its partner ids, saved Live with "tersimpan": at the next start both hosts were
    "belum diatur" (or sent requests without the ids the bank requires), and the agents met it
    at the counter. Each missing value is now named on its host's tab, and nothing is saved."""
    screen = open_host_settings(qtbot, shell)
    screen.mode.setCurrentIndex(screen.mode.findData("live"))
    screen.edits["bankplus"]["base_url"].setText("https://api.bankplus.example")
    fill(qtbot, screen, "keagenan", {"base_url": "https://h2h.bni.example", "dealer_id": "2114534465611173",
                                     "x_auth_user": "LOKETMITRA", "client_id": "loket", "agent_code": "BNI014100294"},
         {"x_auth_password": "xauth-secret"})
    fill(qtbot, screen, "doku", {"client_key": "BRN-0208-1700000000001"}, {"client_secret": "SK-doku"})
    save(qtbot, screen)
    missing = ("keagenan.client_secret", "doku.base_url", "doku.partner_id", "doku.channel_id",
               "doku.partner_service_id")
    assert f"{len(missing)} isian perlu diperbaiki" in screen.banner.text()
    for name in missing:
        assert "Wajib diisi untuk mode live" in screen.field(name).error.text(), name
    assert not screen.field("bca.base_url").error.isVisible()  # a host left empty is not used: fine
    assert context.profile.load_settings().get("mode") is None and context.secrets.get("doku.client_secret") is None

    qtbot.keyClicks(screen.secret_edits["keagenan.client_secret"], "client-secret")
    fill(qtbot, screen, "doku", {"base_url": "https://api.doku.example", "partner_id": "BRN-0208-1700000000001",
                                 "channel_id": "VA004", "partner_service_id": "8412"})
    save(qtbot, screen)
    qtbot.waitUntil(lambda: context.profile.load_settings().get("mode") == "live", timeout=TIMEOUT)
    # a secret stored earlier counts as filled in: saving again without typing it is fine
    save(qtbot, screen)
    assert "isian perlu diperbaiki" not in screen.banner.text()


def test_after_saving_live_in_the_sandbox_the_check_says_it_asked_the_simulator(qtbot, shell, context):
    """Set up from the sandbox, as a new kiosk is: the technician saved Live with the bank's
    address and pressed "Cek koneksi", which asked the running run's hosts, the simulated
    ones, and answered in green "✓ Bank+: terhubung" under "Mode: Live" for an address
    nothing answers at. The answer now says that the simulator was asked and that the live
    hosts are checked after Loket is opened again in live mode, and it is not green."""
    screen = open_host_settings(qtbot, shell)
    screen.mode.setCurrentIndex(screen.mode.findData("live"))
    screen.edits["bankplus"]["base_url"].setText("https://127.0.0.1:9")  # nothing listens there
    save(qtbot, screen)
    qtbot.waitUntil(lambda: context.profile.load_settings().get("mode") == "live", timeout=TIMEOUT)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "Bank+" in screen.banner.text(), timeout=TIMEOUT)
    first = screen.banner.text().splitlines()[0]
    assert "host simulasi" in first and "dibuka ulang di mode live" in first, first
    assert screen.banner.property("kind") == "warning"


def test_after_saving_live_in_the_sandbox_the_check_does_not_pass_the_sandboxs_supervisor_for_live(
        qtbot, shell, context):
    """The technician registers a supervisor in the sandbox, saves Live and presses "Cek
    koneksi": it answered "✓ Supervisor: Sri Supervisor.", the sandbox journal's, which the
    live day does not have (its journal keeps its own), and the kiosk went live with nobody
    who could approve a difference at Tutup Hari. The line now says whose supervisor it is and
    that the live day needs its own."""
    with_supervisor(qtbot, shell, context)
    shell.counter.gate.ask = lambda *args: SupervisorAnswer(SUPERVISOR_PIN)
    screen = open_host_settings(qtbot, shell)
    screen.mode.setCurrentIndex(screen.mode.findData("live"))
    screen.edits["bankplus"]["base_url"].setText("https://127.0.0.1:9")
    save(qtbot, screen)
    qtbot.waitUntil(lambda: context.profile.load_settings().get("mode") == "live", timeout=TIMEOUT)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "Bank+" in screen.banner.text(), timeout=TIMEOUT)
    lines = screen.banner.text().splitlines()
    assert "✓ Supervisor: Sri Supervisor." not in lines, lines
    line = next(line for line in lines if "Supervisor" in line)
    assert "sandbox" in line and "Sri Supervisor" in line and "live" in line, line


def test_a_signing_hosts_tab_says_where_its_key_is_and_that_the_bank_needs_it(qtbot, shell):
    """DOKU's and BCA's tabs asked for the client key and secret and said nothing of the
    partner key pair they sign with: a technician who filled them in and never sent the
    public key from Pengaturan > Kunci API met the bank's signature refusal at the first
    customer. Each signing host's tab now says it; the others do not."""
    from PySide6.QtWidgets import QLabel

    screen = open_host_settings(qtbot, shell)
    for host, signs in (("doku", True), ("bca", True), ("keagenan", False), ("bankplus", False)):
        page = screen.tabs.widget(screen._tab_of[host])
        text = " ".join(label.text() for label in page.findChildren(QLabel))
        assert ("Pengaturan > Kunci API" in text) is signs, host
        if signs:
            assert "kunci publik" in text and "sidik jari" in text, text
