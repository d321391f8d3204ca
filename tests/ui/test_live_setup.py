"""A new kiosk set up for live use, as the partner's technician does it: Koneksi Host filled
in and saved in the sandbox, Loket opened again in live mode against the hosts (simulated,
over TLS on 127.0.0.1 with a test CA: ``tests.ui.live_tls``), the agent's login, "Cek
koneksi". What the technician reads must say what is ready and what is still missing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from app.context import build_context
from app.gui import Loket, load_style
from services.profile import Profile
from tests.ui.live_tls import serve
from tests.ui.uidrive import FakePin, click, log_in

TIMEOUT = 10_000


@pytest.fixture
def live_hosts(tmp_path, monkeypatch):
    """Bank+ and BNI Keagenan served over TLS; httpx trusts the test CA."""
    ca, hosts = serve(tmp_path, ("bankplus", "keagenan"))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    yield hosts
    for host in hosts.values():
        host.close()


@pytest.fixture
def live_profile(tmp_path, live_hosts):
    """Live mode with only the login host configured, as a technician leaves it who typed
    Bank+'s address and nothing else."""
    profile = Profile(tmp_path / "profile")
    profile.save_settings({"mode": "live", "hosts": {"bankplus": {"base_url": live_hosts["bankplus"].base_url}}})
    return profile


@pytest.fixture
def live_shell(qtbot, qapp, live_profile):
    qapp.setStyleSheet(load_style())
    context = build_context(live_profile)
    assert not context.sandbox
    app = Loket(sandbox=False, ask_pin=FakePin())
    app.attach(context)
    qtbot.addWidget(app.login_window)
    app.login_window.show()
    shell = log_in(qtbot, app)
    shell.resize(1024, 768)
    yield shell
    app.worker.wait_idle()
    shell.close()
    shell.deleteLater()
    context.close()


def test_the_connection_check_names_each_host_not_configured(qtbot, live_shell):
    """Live with only Bank+ filled in, "Cek koneksi" answered in green "✓ Bank+: terhubung"
    and "Host lain (DOKU, BCA, Switcher) ... diperiksa saat dipakai": the technician took the
    kiosk for ready, and the agents met "belum diatur" at Bayar Tagihan, DOKU, BCA and the
    Switcher. Each host not configured is now named, and the answer is not green."""
    click(qtbot, live_shell._nav["host_settings"])
    screen = live_shell.screen("host_settings")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "Bank+" in screen.banner.text(), timeout=TIMEOUT)
    lines = screen.banner.text().splitlines()
    assert lines[0] == "✓ Bank+: terhubung."
    for host in ("BNI Keagenan", "DOKU", "BCA", "Bank+ Switcher"):
        assert any(line.startswith(f"– {host}: belum diatur") for line in lines), (host, lines)
    assert not any("diperiksa saat dipakai" in line for line in lines)
    assert screen.banner.property("kind") == "warning"


@pytest.mark.parametrize("screen_id", ["virtual_account", "bca_transfer", "switcher_transfer", "billpay_tagihan",
                                       "counter_fees"])
def test_a_host_not_configured_says_where_it_is_set_up(qtbot, live_shell, screen_id):
    """A menu whose host is not configured sent the supervisor to "settings profil",
    "hosts.switcher di settings profil" (a key of a JSON file) or "Hubungi helpdesk": none of
    them is a place on the screen. Each now names Pengaturan > Koneksi Host."""
    from PySide6.QtWidgets import QLabel

    click(qtbot, live_shell._nav[screen_id])
    screen = live_shell.screen(screen_id)
    text = " ".join(label.text() for label in screen.findChildren(QLabel))  # Bayar Tagihan: behind Buka Shift
    assert "Pengaturan > Koneksi Host" in text, text
    assert "settings" not in text and "hosts." not in text


def live_login(qtbot, qapp, tmp_path, address: str) -> str:
    """The agent's first login at a new live kiosk whose Bank+ is ``address``: what its banner says."""
    from tests.ui.uidrive import try_login

    profile = Profile(tmp_path / "profile")
    profile.save_settings({"mode": "live", "hosts": {"bankplus": {"base_url": address}}})
    qapp.setStyleSheet(load_style())
    context = build_context(profile)
    try:
        app = Loket(sandbox=False, ask_pin=FakePin())
        app.attach(context)
        qtbot.addWidget(app.login_window)
        app.login_window.show()
        try_login(qtbot, app, "BNIUS100294", "T6jkl4ss")
        assert app.shell is None
        return app.login_window.form.banner.text()
    finally:
        context.close()


def test_a_bank_certificate_that_cannot_be_verified_is_named_at_login(qtbot, qapp, tmp_path):
    """The agent's first live login against a host whose certificate this PC cannot verify (a
    typo'd address that lands elsewhere, a bank on a private CA, something intercepting the
    line, a PC clock years off) said "Tidak dapat terhubung ke bank. Periksa koneksi internet
    … Transaksi belum terkirim.": the technician checked cables that were fine. It now says
    the certificate was refused and what to check."""
    _ca, hosts = serve(tmp_path, ("bankplus",))  # its CA not trusted: SSL_CERT_FILE not set
    try:
        said = live_login(qtbot, qapp, tmp_path, hosts["bankplus"].base_url)
        assert "Sertifikat" in said and "Koneksi Host" in said and "jam komputer" in said, said
        assert "koneksi internet" not in said and "Transaksi" not in said
        assert hosts["bankplus"].base_url in said and "--sandbox" in said, said  # the way to Koneksi Host
    finally:
        hosts["bankplus"].close()


def test_a_live_login_that_reaches_no_bank_says_the_address_and_the_way_to_correct_it(qtbot, qapp, tmp_path):
    """The first live login against an address where nothing answers (a typo in the port or
    the host, the bank's address changed) said "Tidak dapat terhubung ke bank. Periksa koneksi
    internet, lalu coba lagi. Transaksi belum terkirim.": a login is no transaction, the
    technician checked an internet line that was fine, and Koneksi Host, where the address is
    corrected, is behind the login this refused. The login now names the address it tried and
    the way to Koneksi Host without the bank (one run with --sandbox, the live supervisor's PIN)."""
    from tests.integration.test_receipt_printer import closed_port

    address = f"https://127.0.0.1:{closed_port()}"
    said = live_login(qtbot, qapp, tmp_path, address)
    assert address in said and "--sandbox" in said and "Pengaturan > Koneksi Host" in said, said
    assert "Transaksi" not in said, said


def check_connection(qtbot, shell):
    click(qtbot, shell._nav["host_settings"])
    screen = shell.screen("host_settings")
    qtbot.waitUntil(lambda: shell.current_screen() is screen and screen.worker.running == 0, timeout=TIMEOUT)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "Bank+" in screen.banner.text(), timeout=TIMEOUT)
    return screen


def test_the_connection_check_says_whether_the_printer_answers_and_a_supervisor_is_set(qtbot, live_shell,
                                                                                       live_profile):
    """Nothing said when the kiosk was ready: the printer was tried on its own screen, and
    the live day's supervisor list (apart from the sandbox's, where the technician set one
    first) was only a notice. "Cek koneksi" now says both, as a checklist with the hosts."""
    from services.receipts import PrinterConfig
    from services.receipts.settings import PrinterPreferences
    from tests.integration.test_receipt_printer import closed_port
    from ui.widgets.supervisor import SupervisorAnswer

    live_shell.services.printer.save(PrinterPreferences(PrinterConfig(
        connection="network", network_host="127.0.0.1", network_port=closed_port())))
    lines = check_connection(qtbot, live_shell).banner.text().splitlines()
    assert any(line.startswith("✗ Printer: ") and "127.0.0.1" in line for line in lines), lines
    assert "– Supervisor: belum ada; atur di Pengaturan > Supervisor." in lines
    assert live_shell.screen("host_settings").banner.property("kind") == "error"  # a printer that does not answer

    live_shell.services.printer.save(PrinterPreferences(PrinterConfig(connection="pdf")))
    click(qtbot, live_shell._nav["home"])
    qtbot.waitUntil(lambda: live_shell.services.worker.running == 0, timeout=TIMEOUT)  # the gate's own look
    live_shell.services.dayclose.supervisors.set_pin("Sri Supervisor", "135792")
    gate = live_shell.counter.gate
    gate.ask = lambda *args: SupervisorAnswer("135792")
    gate.refresh()
    qtbot.waitUntil(lambda: gate.has_supervisor is True, timeout=TIMEOUT)
    lines = check_connection(qtbot, live_shell).banner.text().splitlines()
    assert "✓ Printer: tanpa printer, struk disimpan sebagai PDF." in lines
    assert "✓ Supervisor: Sri Supervisor." in lines


def test_the_connection_check_names_the_hosts_without_a_call_center_number(qtbot, live_shell):
    """An uncertain transaction is settled by telephoning the host's call center, whose number
    the work-list shows from Koneksi Host: left empty, the agent read "nomor belum diatur" with
    the customer waiting, and nothing had said so when the kiosk went live."""
    screen = check_connection(qtbot, live_shell)
    assert "– Telepon call center belum diisi: Bank+." in screen.banner.text().splitlines()
    screen.edits["bankplus"]["call_center"].setText("1500046")
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "tersimpan" in screen.banner.text(), timeout=TIMEOUT)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "Bank+" in screen.banner.text(), timeout=TIMEOUT)
    assert "call center" not in screen.banner.text()


@pytest.fixture
def private_ca_doku(tmp_path, live_hosts, live_profile):
    """DOKU configured and served over TLS behind a CA of its own, trusted nowhere on this PC
    (Bank+'s CA is, through ``SSL_CERT_FILE``); the other hosts configured where nothing listens."""
    from tests.integration.test_live_tls_context import configure_live

    folder = tmp_path / "doku"
    folder.mkdir()
    ca, hosts = serve(folder, ("doku",))
    configure_live(live_profile)
    settings = live_profile.load_settings()
    settings["hosts"]["bankplus"]["base_url"] = live_hosts["bankplus"].base_url
    settings["hosts"]["doku"]["base_url"] = hosts["doku"].base_url
    live_profile.save_settings(settings)
    yield ca
    hosts["doku"].close()


def test_a_bank_behind_a_private_ca_is_found_by_cek_koneksi_and_its_ca_chosen_on_its_tab(qtbot, private_ca_doku,
                                                                                         live_shell, tmp_path):
    """DOKU, which has no cheap check, was "diperiksa saat dipakai": a bank behind a private
    CA was found refused at the first customer's VA, with no place to put its CA. Cek koneksi
    now shakes hands with it (nothing sent) and says the certificate is refused and where to
    fix it; its tab takes the CA file ("Pilih…"), refuses one that holds no certificate, and
    with the bank's CA saved the next check trusts it."""
    assert live_shell.services.va is not None
    screen = check_connection(qtbot, live_shell)
    line = next(line for line in screen.banner.text().splitlines() if line.startswith("✗ DOKU: "))
    assert "Berkas sertifikat CA host" in line and "Windows" in line, line

    not_pem = tmp_path / "doku-ca.txt"
    not_pem.write_text("bukan sertifikat\n")
    chosen = [str(not_pem)]
    screen.choose_file = lambda parent, title, file_filter: chosen.pop(0)
    click(qtbot, screen.findChild(QPushButton, "doku.chooseCaFile"))
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and screen.field("doku.ca_file").error.isVisible(),
                    timeout=TIMEOUT)
    assert [name for name, field in screen._fields.items() if field.error.isVisible()] == ["doku.ca_file"]
    assert screen.field("doku.ca_file").error.text() == ("Berkas ini bukan sertifikat CA (PEM). Minta berkas .pem "
                                                          "(sertifikat CA host) dari bank.")
    assert screen.tabs.currentIndex() == screen._tab_of["doku"]

    chosen.append(str(private_ca_doku))
    click(qtbot, screen.findChild(QPushButton, "doku.chooseCaFile"))
    assert not screen.field("doku.ca_file").error.isVisible()
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "tersimpan" in screen.banner.text(), timeout=TIMEOUT)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "Bank+" in screen.banner.text(), timeout=TIMEOUT)
    assert ("✓ DOKU: sertifikat dipercaya (TLS); tidak punya pemeriksaan ringan, permintaan diperiksa saat "
            "dipakai.") in screen.banner.text().splitlines()
