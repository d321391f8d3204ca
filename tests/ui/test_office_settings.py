"""Koneksi Host > Kantor mitra as a supervisor at a kiosk meets it: plain words and an example
in each field, one line on what the office connection is for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from app.gui import translations_dir
from services.host_settings import SECRET_KEYS
from services.office.config import parse_address
from tests.office.certs import make_ca, write_ca
from tests.ui.every_screen import SIZES
from tests.ui.fit_check import findings
from tests.ui.screenshots import settle
from tests.ui.test_host_settings import open_host_settings, save
from tests.ui.uidrive import click
from ui import i18n
from ui.errors import ErrorPresenter
from ui.screens.host_settings import HostSettingsScreen
from ui.worker import Worker

TECHNICAL = ("host:port", "User database", "CA", "File ", "PostgreSQL")


def office_tab(qtbot, shell):
    screen = open_host_settings(qtbot, shell)
    screen.tabs.setCurrentIndex(screen._tab_of["office"])
    return screen


def test_the_office_tab_says_what_to_type_with_an_example(qtbot, shell):
    screen = office_tab(qtbot, shell)
    assert screen.tabs.tabText(screen.tabs.currentIndex()) == "Kantor mitra"
    labels = {key: screen.field(f"office.{key}").label.text()
              for key in ("address", "counter_id", "user", "ca_file", "password")}
    assert labels == {"address": "Alamat database kantor", "counter_id": "ID loket ini", "user": "Nama login",
                      "ca_file": "Berkas sertifikat kantor", "password": "Password login"}
    texts = [label.text() for label in screen.office_page.findChildren(QLabel) if label.isVisible()]
    assert not [text for text in texts for word in TECHNICAL if word in text]
    edits = screen.edits["office"]
    example = edits["address"].placeholderText()
    assert example == "contoh: kantor.mitra.co.id:5432/loket"
    assert parse_address(example.removeprefix("contoh: ")) == ("kantor.mitra.co.id", 5432, "loket")  # a real one
    assert edits["counter_id"].placeholderText() == "contoh: K001"
    assert "ID loket" in edits["user"].placeholderText()  # empty: the office's login for this counter id
    # empty: the Windows store's CAs and the public ones, as for a bank host
    assert edits["ca_file"].placeholderText() == "kosong = sertifikat sistem"
    intro = [text for text in texts if "disalin ke database kantor mitra" in text]
    assert len(intro) == 1 and "alamat kosong = tidak disalin" in intro[0] and "TLS" in intro[0]


@pytest.fixture
def english():
    assert i18n.install("en", translations_dir())
    yield
    i18n.install("id", translations_dir())


def test_the_office_tab_speaks_english_too(qtbot, english):
    screen = HostSettingsScreen(None, Worker(), ErrorPresenter())
    qtbot.addWidget(screen)
    assert screen.tabs.tabText(screen._tab_of["office"]) == "Partner office"  # its title was never translated
    assert screen.field("office.address").label.text() == "Office database address"
    assert screen.edits["office"]["address"].placeholderText() == "e.g. kantor.mitra.co.id:5432/loket"


def test_the_office_certificate_is_chosen_in_a_file_dialog(qtbot, shell, context, tmp_path, monkeypatch):
    screen = office_tab(qtbot, shell)
    edit = screen.edits["office"]["ca_file"]
    qtbot.keyClicks(edit, str(tmp_path / "tidak-ada.pem"))
    save(qtbot, screen)
    assert screen.field("office.ca_file").error.isVisible()  # typed by hand, and wrong

    ca_file = write_ca(make_ca("Kantor mitra CA"), tmp_path / "kantor-ca.crt")
    asked = []

    def dialog(parent, title, folder, file_filter):
        asked.append((title, file_filter))
        return (str(ca_file), file_filter.split(";;")[0])

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    button = screen.office_page.choose_ca
    assert button.text() == "Pilih…" and button.isVisible()
    # on the box's line: their middles level (to the pixel Qt's rounding of an odd height leaves)
    assert abs(button.mapTo(screen, button.rect().center()).y() - edit.mapTo(screen, edit.rect().center()).y()) <= 1
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # the agent's own press of "Pilih…"
    assert asked and "*.pem" in asked[0][1] and "*.crt" in asked[0][1]
    assert edit.text() == QDir.toNativeSeparators(str(ca_file))
    assert screen.window().focusWidget() is edit  # not left on "Pilih…", where an Enter chose again
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert len(asked) == 1
    assert not screen.field("office.ca_file").error.isVisible()  # the chosen file replaces the refused one
    save(qtbot, screen)
    qtbot.waitUntil(lambda: context.profile.load_settings()["hosts"]["office"]["ca_file"] == str(ca_file),
                    timeout=10_000)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: ("", ""))  # cancelled: nothing changes
    click(qtbot, button)
    assert edit.text() == QDir.toNativeSeparators(str(ca_file))


def test_the_https_rule_is_said_of_the_bank_hosts_not_of_the_office(qtbot, shell):
    screen = office_tab(qtbot, shell)
    assert screen.note.isVisible()
    https = [sentence for sentence in screen.note.text().split(". ") if "https://" in sentence]
    assert https == ["Di mode live, alamat host bank wajib https://"]
    assert screen.edits["office"]["address"].placeholderText().count("https") == 0


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_stored_secrets_hint_fits_its_field_at_the_kiosks_sizes(qtbot, qapp, request, language):
    """The office password read "tersimpan — ketik untuk mengg…" at 1366 and 1024 px, and every
    bank host's secret worse. Measured as fit_check measures every screen: the placeholder's
    width in the field's font against the room the style sheet's padding leaves it. The whole
    office tab is measured; of the bank hosts' tabs, their secrets."""
    assert i18n.install(language, translations_dir())
    try:
        context = request.getfixturevalue("context")
        for key in SECRET_KEYS:
            context.secrets.set(key, "rahasia-lama")
        screen = open_host_settings(qtbot, request.getfixturevalue("shell"))
        shell = screen.window()
        cut = []
        for width, height in SIZES.values():
            shell.showNormal()
            shell.resize(width, height)
            for host, index in screen._tab_of.items():
                screen.tabs.setCurrentIndex(index)
                settle(qapp)
                secrets = {f"QLineEdit#{name} " for name in screen.secret_edits if name.startswith(host + ".")}
                cut += [f"{width}x{height} {host}: {finding}" for finding in findings(screen.tabs)
                        if host == "office" or any(finding.widget.startswith(name) for name in secrets)]
        assert cut == [], "\n".join(cut)
        assert screen.secret_edits["office.password"].placeholderText() == ("tersimpan" if language == "id"
                                                                            else "stored")
    finally:
        i18n.install("id", translations_dir())


def test_an_office_address_is_saved_only_with_this_counters_id(qtbot, shell, context):
    """Without the id the outbox stayed off without a word, and Cek koneksi had nothing to ask."""
    screen = open_host_settings(qtbot, shell)
    qtbot.keyClicks(screen.edits["office"]["address"], "kantor.mitra.co.id:5432/loket")
    save(qtbot, screen)
    assert screen.tabs.currentIndex() == screen._tab_of["office"]  # the field to fix is on show
    assert screen.field("office.counter_id").error.text() == ("Isi ID loket ini: kantor mitra mengenali loket dari "
                                                              "ID-nya.")
    assert "office" not in context.profile.load_settings().get("hosts", {})  # nothing saved
    qtbot.keyClicks(screen.edits["office"]["counter_id"], "K001")
    save(qtbot, screen)
    office = shell.services.host_settings.office()
    assert (office.host, office.port, office.dbname, office.counter_id) == ("kantor.mitra.co.id", 5432, "loket", "K001")


def test_cek_koneksi_with_the_office_typed_but_not_saved_says_so(qtbot, shell):
    """The supervisor types the office's address and id, and checks before saving: the check
    reads the saved settings, so the banner said in green "Kantor mitra: tidak diatur", as if
    what was typed had been refused or ignored. It says the unsaved entries were not checked."""
    screen = office_tab(qtbot, shell)
    edits = screen.edits["office"]
    edits["address"].setFocus()
    qtbot.keyClicks(edits["address"], "localhost:5999/loket")
    qtbot.keyClick(edits["address"], Qt.Key.Key_Return)
    assert shell.focusWidget() is edits["counter_id"]
    qtbot.keyClicks(edits["counter_id"], "K001")
    screen.check_button.setFocus()
    qtbot.keyClick(screen.check_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and screen.banner.isVisible(), timeout=10_000)
    text = screen.banner.text()
    assert "Kantor mitra: tidak diatur" in text
    assert "belum disimpan tidak ikut diperiksa" in text and "tekan Simpan dulu" in text
    assert screen.banner.property("kind") == "warning"  # not green: nothing typed was checked
