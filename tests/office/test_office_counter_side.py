"""The counter side: off until configured, TLS with a verified certificate to anything but
loopback, settings checked behind the supervisor PIN, and Beranda's one line."""

from __future__ import annotations

import ssl
import time
from pathlib import Path
from types import SimpleNamespace

import certifi
import psycopg
import pytest
from cryptography.hazmat.primitives import serialization

from app.office import start_office
from services.errors import FormInvalid
from services.host_settings import HostSettings
from services.office.config import OfficeConfig, public_roots
from services.office.outbox import REFUSED, Outbox
from services.office.source import JournalSource
from services.profile import Profile
from services.secrets import SecretStore
from tests.office.certs import make_ca, write_ca
from tests.office.counters import make_counter


def test_unconfigured_the_outbox_is_off(tmp_path):
    profile = Profile(tmp_path / "p")
    secrets = SecretStore(profile.folder, use_keyring=False)
    context = SimpleNamespace(settings=profile.load_settings(), secrets=secrets)
    assert OfficeConfig.from_settings(context.settings, secrets) is None
    assert start_office(context) is None


def test_in_sandbox_mode_the_outbox_never_pushes_to_an_office_elsewhere(tmp_path):
    """The sandbox's journal holds drills and simulated payments; the partner's office counts
    real money. Configured in Koneksi Host, the office still gets nothing from the sandbox
    (no connection is even tried: the address below is never looked up)."""
    profile = Profile(tmp_path / "p")
    secrets = SecretStore(profile.folder, use_keyring=False)
    secrets.set("office.password", "pw-K001")
    settings = profile.load_settings()
    settings["hosts"]["office"] = {"address": "kantor.mitra.co.id:5432/loket", "counter_id": "K001"}
    assert OfficeConfig.from_settings(settings, secrets) is not None
    context = SimpleNamespace(settings=settings, secrets=secrets, sandbox=True)
    assert start_office(context) is None


def test_office_settings_are_checked_and_the_password_goes_to_the_secret_store(tmp_path):
    profile = Profile(tmp_path / "p")
    secrets = SecretStore(profile.folder, use_keyring=False)
    settings = HostSettings(profile, secrets)
    view = settings.load()
    values = {**view.values, "office": {"address": "kantor mitra/loket", "counter_id": "K 1", "user": "",
                                         "ca_file": ""}}
    with pytest.raises(FormInvalid) as refused:
        settings.save("sandbox", values, {})
    assert {e.field for e in refused.value.errors} == {"office.address", "office.counter_id"}
    values["office"].update(address="db.mitra.co.id:6432/loket", counter_id="K001", ca_file=str(tmp_path / "no.pem"))
    with pytest.raises(FormInvalid) as refused:  # a CA file that is not there
        settings.save("sandbox", values, {})
    assert {e.field for e in refused.value.errors} == {"office.ca_file"}
    (tmp_path / "key.pem").write_text("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n")
    values["office"]["ca_file"] = str(tmp_path / "key.pem")
    with pytest.raises(FormInvalid) as refused:  # a PEM file, but no certificate
        settings.save("sandbox", values, {})
    assert {e.field for e in refused.value.errors} == {"office.ca_file"}
    values["office"]["ca_file"] = str(tmp_path / "broken.pem")
    (tmp_path / "broken.pem").write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    with pytest.raises(FormInvalid) as refused:  # looks like a certificate, does not read as one
        settings.save("sandbox", values, {})
    assert {e.field for e in refused.value.errors} == {"office.ca_file"}
    ca_file = write_ca(make_ca("Kantor mitra CA"), tmp_path / "ca.pem")
    values["office"]["ca_file"] = str(ca_file)
    settings.save("sandbox", values, {"office.password": "rahasia-kantor"})
    stored = profile.load_settings()
    assert "rahasia-kantor" not in (profile.folder / "settings.json").read_text()
    config = OfficeConfig.from_settings(stored, secrets)
    kwargs = config.connect_kwargs()
    assert (kwargs["host"], kwargs["port"], kwargs["dbname"], kwargs["user"]) == ("db.mitra.co.id", 6432, "loket",
                                                                                  "loket_c_k001")
    assert kwargs["sslmode"] == "verify-full" and kwargs["sslrootcert"] == str(ca_file)
    assert kwargs["password"] == "rahasia-kantor"
    assert "rahasia-kantor" not in repr(config)  # a traceback's locals or a log line never show it
    local = OfficeConfig("127.0.0.1", 5432, "loket", "K001", "u", "p")
    assert local.connect_kwargs()["sslmode"] == "prefer"  # loopback only: tests and the sandbox
    # No CA file: Mozilla's public CAs as certifi bundles them, a file the frozen build carries,
    # never libpq's "system" (OpenSSL's default paths: on Windows a folder no kiosk has); the
    # Windows store's roots beside them where there are any (tests/office/test_office_check.py)
    roots = OfficeConfig("db", 5432, "loket", "K001", "u", "p").connect_kwargs()["sslrootcert"]
    assert roots == certifi.where() and Path(roots).read_text().count("BEGIN CERTIFICATE") > 100


def test_the_windows_store_roots_file_is_written_once_and_a_folder_that_refuses_it_falls_back(tmp_path):
    ca = make_ca("Kantor mitra CA")[0].public_bytes(serialization.Encoding.DER)
    given = Path(public_roots(tmp_path, store=lambda: [ca]))
    assert given == tmp_path / "office-roots.pem" and given.read_text().endswith(ssl.DER_cert_to_PEM_cert(ca))
    written = given.stat().st_mtime_ns
    time.sleep(0.01)
    assert public_roots(tmp_path, store=lambda: [ca]) == str(given) and given.stat().st_mtime_ns == written
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")  # the profile's folder unwritable here: the office keeps the public CAs
    assert public_roots(blocked, store=lambda: [ca]) == certifi.where()
    assert public_roots(None, store=lambda: [ca]) == certifi.where()  # no folder given (the CLI's one-off check)


def test_a_certifi_bundle_with_a_non_ascii_comment_still_gives_the_office_the_windows_roots(tmp_path, monkeypatch):
    """README, Partner office: with "Berkas sertifikat kantor" empty a kiosk trusts the Windows
    store's roots and certifi's, handed to libpq in office-roots.pem. certifi's file is PEM
    with "# Issuer:" comments in UTF-8; one that is not ASCII (the self-test already counts the
    bundle from its bytes for this reason) made writing office-roots.pem raise instead of
    giving the office its CAs: every push and Cek koneksi on a Windows kiosk failed."""
    bundle = tmp_path / "cacert.pem"
    bundle.write_bytes("# Issuer: CN=Főtanúsítvány\n".encode() + Path(certifi.where()).read_bytes())
    monkeypatch.setattr(certifi, "where", lambda: str(bundle))
    ca = make_ca("Kantor mitra CA")[0].public_bytes(serialization.Encoding.DER)
    (tmp_path / "profile").mkdir()
    given = Path(public_roots(tmp_path / "profile", store=lambda: [ca]))
    assert given == tmp_path / "profile" / "office-roots.pem"
    assert given.read_bytes().startswith(bundle.read_bytes())
    assert given.read_bytes().endswith(ssl.DER_cert_to_PEM_cert(ca).encode("ascii"))


def test_beranda_says_what_is_not_yet_at_the_office_then_when_it_synced(qtbot, office_db, tmp_path):
    from ui.errors import ErrorPresenter
    from ui.screens.home import HomeScreen
    from ui.worker import Worker

    counter = make_counter(tmp_path / "k1", 1)
    office_db.add_counter(counter.counter_id)
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder)
    outbox.refresh_pending()
    runner = SimpleNamespace(status=lambda: outbox.state)  # OutboxRunner.status, without its thread
    worker = Worker()
    from unittest.mock import MagicMock

    from services.clock import Clock
    from services.hosts.bankplus.service import BankingService

    banking = MagicMock(spec=BankingService)  # Beranda's month picker reads its clock; nothing is called
    banking.clock = Clock()
    home = HomeScreen(banking=banking, worker=worker, errors=ErrorPresenter())
    qtbot.addWidget(home)
    home.watch_office(runner, every_ms=50)
    rows = len(counter.export())
    assert home.office_line.text() == f"{rows} transaksi belum terkirim ke kantor"
    outbox.push()
    qtbot.waitUntil(lambda: home.office_line.text().startswith("Tersinkron "), timeout=3000)
    assert home.office_line.text() == f"Tersinkron {outbox.state.last_sync[11:16]}"
    outbox.close()


def test_configured_the_outbox_runs_on_its_own_thread_and_backs_off_while_the_office_is_down(office_db, tmp_path):
    """app.office.start_office from real settings and secrets: a thread that pushes, retries
    with a back-off while the office refuses, and catches up when woken."""
    from services.journal import Journal

    counter = make_counter(tmp_path / "k1", 3)
    office_db.add_counter(counter.counter_id)
    profile = Profile(counter.folder)
    secrets = SecretStore(profile.folder, use_keyring=False)
    settings = profile.load_settings()
    server = office_db.server
    settings["hosts"]["office"] = {"address": f"127.0.0.1:{server.port}/{office_db.name}",
                                   "counter_id": counter.counter_id}
    secrets.set("office.password", "wrong password")
    with Journal(counter.journal_path) as journal:
        context = SimpleNamespace(settings=settings, secrets=secrets, journal=journal, profile=profile, sandbox=True)
        runner = start_office(context)  # sandbox, and the office on this machine: a throwaway office takes it
        try:
            runner.min_backoff = 0.05
            rows = len(counter.export())
            deadline = time.monotonic() + 20
            while not runner.status().error and time.monotonic() < deadline:
                time.sleep(0.05)
            assert runner.status().pending == rows  # refused: counted, not lost
            assert runner.status().error == REFUSED  # Beranda says whom to ask, not "out of reach"
            secrets.set("office.password", f"pw-{counter.counter_id}")  # the supervisor fixes it: next try uses it
            runner.wake()
            while runner.status().pending != 0 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert runner.status().pending == 0 and runner.status().last_sync and not runner.status().error
        finally:
            runner.stop()
        assert not runner._thread.is_alive()
    with office_db.admin() as conn:
        assert conn.execute("SELECT count(*) FROM office.txn").fetchone()[0] == rows


def test_shutdown_stops_a_backlog_after_its_batch_and_the_next_start_sends_the_rest(office_db, tmp_path):
    """Closing Loket with a backlog on a slow link: stop() (on the GUI thread) returns after
    the batch on the wire, not after the whole backlog, and nothing is lost."""
    from services.office.outbox import OutboxRunner

    counter = make_counter(tmp_path / "k1", 2)
    office_db.add_counter(counter.counter_id)
    batches = []

    def slow_link(point, conn):
        batches.append(point)
        time.sleep(0.3)

    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder, batch=1, fault=slow_link)
    runner = OutboxRunner(outbox).start()
    deadline = time.monotonic() + 10
    while not batches and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    runner.stop()
    assert time.monotonic() - started < 1.0
    assert 0 < len(batches) < 4
    assert outbox.state.last_sync is None and outbox.state.pending  # not synced, and it says so

    again = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                   counter.folder)
    assert again.push().pending == 0 and again.state.last_sync
    again.close()


def test_an_office_out_of_reach_is_not_called_a_refusal(tmp_path, closed):
    from services.office.outbox import problem

    counter = make_counter(tmp_path / "k1", 1)
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id,
                    lambda: psycopg.connect(host="127.0.0.1", port=closed, dbname="x", user="u", connect_timeout=3),
                    counter.folder)
    with pytest.raises(psycopg.OperationalError) as caught:
        outbox.push()
    assert outbox.state.error == problem(caught.value) == "OperationalError"


def test_a_windows_store_that_cannot_be_read_leaves_the_public_cas(monkeypatch, tmp_path):
    """``ssl.enum_certificates`` is Windows' own: a store it cannot open (a locked-down
    account) raises. The office is then verified against the public CAs, not left unreachable."""
    from services.office import config as config_module

    def refused(_store):
        raise PermissionError(5, "Access is denied")

    monkeypatch.setattr(ssl, "enum_certificates", refused, raising=False)
    assert config_module.windows_roots() == []
    assert public_roots(tmp_path) == certifi.where()
