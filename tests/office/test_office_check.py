"""Cek koneksi asks the partner office too (``services.connectivity.check_office``): against a
real PostgreSQL, as a counter logs in, and never raising. Out of reach, a certificate the
office's CA did not sign, a refused login, a missing database and a login of another counter
are each said in the supervisor's words."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import certifi
import psycopg
import pytest
from cryptography.hazmat.primitives import serialization

from services.connectivity import OFFICE_TIMEOUT, check_office
from services.errors import HostRejected, TransportError
from services.host_settings import HostSettings
from services.office import config as config_module
from services.office import db
from services.office.config import OfficeConfig, role_name
from services.office.localpg import LocalPostgres
from services.profile import Profile
from services.secrets import SecretStore
from tests.office.certs import make_ca, server_certificate, write_ca


def config_for(office_db, counter_id: str = "K001", **changes: Any) -> OfficeConfig:
    """The counter's own settings for the test's database, over loopback (no TLS there)."""
    config = OfficeConfig("127.0.0.1", office_db.server.port, office_db.name, counter_id, role_name(counter_id),
                          f"pw-{counter_id}")
    return replace(config, **changes)


def test_the_office_that_knows_this_counter_answers_ok(office_db):
    office_db.add_counter("K001")
    check = check_office(config_for(office_db))
    assert (check.host, check.ok, check.answered, check.detail, check.error) == ("office", True, True, "K001", None)


def test_an_office_out_of_reach_is_not_answered_and_nothing_is_raised(closed):
    started = time.monotonic()
    check = check_office(OfficeConfig("127.0.0.1", closed, "loket", "K001", "loket_c_k001", "pw"))
    assert time.monotonic() - started < OFFICE_TIMEOUT
    assert (check.host, check.ok, check.answered) == ("office", False, False)
    assert isinstance(check.error, TransportError)
    assert check.error.message == ("Database kantor tidak dapat dihubungi. Periksa koneksi internet dan alamat "
                                   "database kantor. (Connection refused)")


def test_a_refused_login_a_missing_database_and_another_counters_login_are_told_apart(office_db):
    office_db.add_counter("K001")
    office_db.add_counter("K002")
    plain, unregistered = f"plain_{office_db.name}", f"unreg_{office_db.name}"
    with office_db.admin() as conn:
        conn.execute(f'CREATE ROLE "{plain}" LOGIN PASSWORD \'pw-x\'')  # not a counter at all
        conn.execute(f'CREATE ROLE "{unregistered}" LOGIN PASSWORD \'pw-x\' IN ROLE loket_counter')  # never added
    cases = {
        # Nama login left empty: the login is the counter id's, so the id or the password is wrong
        "password": (config_for(office_db, password="salah"), "LOGIN", "Login ditolak. Periksa ID loket (K001) dan "
                     "password: keduanya harus sama dengan yang didaftarkan operator kantor. (password "
                     f'authentication failed for user "{role_name("K001")}")'),
        "not registered": (config_for(office_db, "K099"), "LOGIN", "Login ditolak. Periksa ID loket (K099) dan "
                           "password: keduanya harus sama dengan yang didaftarkan operator kantor. (password "
                           f'authentication failed for user "{role_name("K099")}")'),
        "login typed": (config_for(office_db, user="laporan", password="salah"), "LOGIN", "Login ditolak. Periksa "
                        "nama login dan password dari operator kantor. (password authentication failed for user "
                        '"laporan")'),
        "database": (config_for(office_db, dbname="tidak_ada"), "DATABASE", "Database tidak ditemukan. Periksa nama "
                     'database di alamat, sesudah tanda /. (database "tidak_ada" does not exist)'),
        "counter": (config_for(office_db, "K002", user=role_name("K001"), password="pw-K001"), "COUNTER",
                    "Login ini terdaftar untuk loket K001, bukan K002. Periksa ID loket ini."),
        "unregistered": (config_for(office_db, user=unregistered, password="pw-x"), "COUNTER",
                         "Login diterima, tetapi belum terdaftar sebagai loket. Minta operator kantor mendaftarkan "
                         "ID loket K001."),
        "schema": (config_for(office_db, user=plain, password="pw-x"), "SCHEMA", "Login diterima, tetapi database "
                   "ini belum disiapkan untuk Loket. Hubungi operator kantor. (permission denied for schema office)"),
    }
    for case, (config, code, message) in cases.items():
        check = check_office(config)
        assert (check.ok, check.answered) == (False, True), case
        assert isinstance(check.error, HostRejected) and check.error.code == code, case
        assert check.error.message == message, case


def test_a_retired_counter_id_is_told_to_ask_the_office_for_the_id_now_in_use(office_db):
    """``office retire-counter`` made the login NOLOGIN: not a wrong password, not "call the
    office" in general, but what to ask the office's operator for."""
    office_db.add_counter("K001")
    office_db.add_counter("K001B")
    with office_db.admin() as conn:
        db.retire_counter(conn, "K001", "K001B")
    check = check_office(config_for(office_db))
    assert (check.ok, check.answered) == (False, True)
    assert isinstance(check.error, HostRejected) and check.error.code == "RETIRED"
    assert check.error.message == (
        "Kantor tidak lagi menerima ID loket ini: operator kantor sudah menggantinya. Minta operator kantor ID loket "
        "dan kata sandi yang berlaku untuk PC ini, lalu isi di sini dan buka ulang Loket. (role \"loket_c_k001\" "
        "is not permitted to log in)")


@dataclass(frozen=True)
class ByName(OfficeConfig):
    """The office by its certificate's name, reached at 127.0.0.1 (libpq's ``hostaddr``):
    ``verify-full`` checks the name, and no name is looked up anywhere."""

    def connect_kwargs(self) -> dict[str, Any]:
        return {**super().connect_kwargs(), "hostaddr": "127.0.0.1"}


@pytest.fixture(scope="module")
def tls_office(tmp_path_factory):
    """An office server with TLS, its certificate for kantor.test signed by the office's CA."""
    folder = tmp_path_factory.mktemp("office-ca")
    ca = make_ca("Kantor Mitra CA")
    with LocalPostgres(fsync=False, tls=server_certificate(ca, "kantor.test")) as server:
        with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE loket")
        with psycopg.connect(server.admin_conninfo("loket"), autocommit=True) as conn:
            db.migrate(conn)
            db.add_counter(conn, "K001", "pw-K001")
        yield (ByName("kantor.test", server.port, "loket", "K001", role_name("K001"), "pw-K001",
                      str(write_ca(ca, folder / "kantor-ca.pem"))),
               str(write_ca(make_ca("CA lain"), folder / "ca-lain.pem")),
               ca[0].public_bytes(serialization.Encoding.DER))


def test_over_tls_the_office_certificate_is_verified(tls_office):
    config, other_ca, _ = tls_office
    assert config.connect_kwargs()["sslmode"] == "verify-full"  # as a counter connects, not loopback's
    check = check_office(config)
    assert check.ok and check.detail == "K001", check.error
    with psycopg.connect(**config.connect_kwargs()) as conn:
        assert conn.pgconn.ssl_in_use  # the server does speak TLS: this is the counter's path

    # another CA; another name; no CA file (the public CAs: the office's own CA is not one of them)
    for wrong in (replace(config, ca_file=other_ca), replace(config, host="lain.test"), replace(config, ca_file="")):
        check = check_office(wrong)
        assert (check.ok, check.answered) == (False, False)
        assert isinstance(check.error, TransportError)
        assert check.error.message.startswith("Sertifikat kantor tidak dapat dipastikan. Periksa berkas sertifikat "
                                              "kantor, dan bahwa alamatnya sama dengan nama di sertifikat."), \
            check.error.message


def test_an_empty_ca_file_trusts_the_office_ca_windows_trusts(tls_office, tmp_path, monkeypatch):
    """A partner whose CA reached its kiosks' Windows certificate store (group policy) leaves
    "Berkas sertifikat kantor" empty, as for a bank host: libpq never reads the store, so the
    store's roots go to it in a file beside certifi's (the store here is the test's: the
    enumeration is Windows' own)."""
    config, _, ca_der = tls_office
    trusted_by_windows = replace(config, ca_file="", roots_folder=str(tmp_path))
    assert not check_office(trusted_by_windows).ok  # off Windows the store is empty: the public CAs only

    not_a_certificate = b"0\x82\x01\x00 rusak"  # an entry OpenSSL cannot read would refuse the whole file
    monkeypatch.setattr(config_module, "windows_roots", lambda: [not_a_certificate, ca_der])
    check = check_office(trusted_by_windows)
    assert check.ok and check.detail == "K001", check.error
    given = trusted_by_windows.connect_kwargs()["sslrootcert"]
    assert given == str(tmp_path / "office-roots.pem")
    assert Path(given).read_text().count("BEGIN CERTIFICATE") == Path(certifi.where()).read_text().count(
        "BEGIN CERTIFICATE") + 1  # certifi's public CAs and the store's readable one

    # the CA file typed in Koneksi Host, when there is one, is the only one trusted
    monkeypatch.setattr(config_module, "windows_roots", lambda: [])
    assert not check_office(replace(config, ca_file="", roots_folder=str(tmp_path))).ok  # store emptied: gone
    assert check_office(replace(config, roots_folder=str(tmp_path))).ok


def test_an_office_without_tls_is_refused(office_db):
    office_db.add_counter("K001")
    check = check_office(ByName("kantor.test", office_db.server.port, office_db.name, "K001", role_name("K001"),
                                "pw-K001"))
    assert (check.ok, check.answered) == (False, False)
    assert check.error.message.startswith("Database kantor tidak memakai koneksi terenkripsi (TLS)")


def test_koneksi_host_checks_the_office_as_saved(qtbot, office_db, tmp_path):
    """The supervisor types what the office sent, saves, and presses Cek koneksi."""
    from ui.errors import ErrorPresenter
    from ui.screens.host_settings import HostSettingsScreen
    from ui.worker import Worker

    office_db.add_counter("K001")
    profile = Profile(tmp_path / "p")
    screen = HostSettingsScreen(HostSettings(profile, SecretStore(profile.folder, use_keyring=False)), Worker(),
                                ErrorPresenter())
    qtbot.addWidget(screen)
    screen.activated()
    qtbot.waitUntil(lambda: screen.loaded, timeout=10_000)
    edits = screen.edits["office"]
    qtbot.keyClicks(edits["address"], f"127.0.0.1:{office_db.server.port}/{office_db.name}")
    qtbot.keyClicks(edits["counter_id"], "K001")
    qtbot.keyClicks(screen.secret_edits["office.password"], "pw-K001")
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "tersimpan" in screen.banner.text(), timeout=10_000)
    screen.check_button.click()
    qtbot.waitUntil(lambda: screen.checks != [] and screen.worker.running == 0, timeout=10_000)
    assert [(check.host, check.ok) for check in screen.checks] == [("office", True)]
    assert screen.banner.property("kind") == "success"
    assert screen.banner.text().splitlines()[0] == "✓ Kantor mitra: terhubung."
