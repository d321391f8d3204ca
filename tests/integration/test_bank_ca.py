"""A kiosk trusts its bank the way the partner's IT sets it up: the system's trust store, and
for a bank behind a private CA that CA's file on the host's tab of Koneksi Host.

The bank hosts are the simulated ones served over TLS on 127.0.0.1 with a CA made for the
test (``tests.ui.live_tls``); the counter is a live profile built by ``app.context`` as at a
real start, and the settings are saved through ``HostSettings`` as Koneksi Host saves them.
Nothing but loopback is contacted.
"""

from __future__ import annotations

import subprocess

import certifi
import pytest

from app.context import build_context
from services.connectivity import ping_keagenan
from services.errors import CertificateRefused, FormInvalid
from services.host_settings import HostSettings
from services.profile import Profile
from services.secrets import SecretStore
from tests.integration.test_live_tls_context import configure_live
from tests.office.certs import _pem, make_ca, write_ca
from tests.ui.live_tls import serve

AGENT, PASSWORD = "BNIUS100294", "T6jkl4ss"


@pytest.fixture
def tls_hosts(tmp_path, monkeypatch):
    """Bank+ and BNI Keagenan over TLS, their CA in no store this PC trusts: the system's
    file is certifi's bundle and its directory is empty."""
    empty = tmp_path / "system-certs"
    empty.mkdir()
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    monkeypatch.setenv("SSL_CERT_DIR", str(empty))
    ca, hosts = serve(tmp_path, ("bankplus", "keagenan"))
    yield ca, hosts
    for host in hosts.values():
        host.close()


@pytest.fixture
def profile(tmp_path, tls_hosts):
    """Live, Bank+ and BNI Keagenan at their TLS addresses with what the bank issued."""
    _ca, hosts = tls_hosts
    profile = Profile(tmp_path / "profile")
    configure_live(profile)
    settings = profile.load_settings()
    for name, host in hosts.items():
        settings["hosts"][name]["base_url"] = host.base_url
    profile.save_settings(settings)
    return profile


def save_ca_file(profile: Profile, host: str, path: str) -> None:
    """Koneksi Host: the host's tab's CA file typed or chosen, then Simpan."""
    service = HostSettings(profile, SecretStore(profile.folder))
    values = service.load().values
    values[host]["ca_file"] = path
    service.save("live", values, {})


def test_a_bank_behind_a_private_ca_is_reached_once_its_ca_file_is_set(profile, tls_hosts):
    """Bank+ behind a private CA could not be reached at all: only certifi's bundle was
    trusted, and the refusal offered no way out. Its CA file on its tab is trusted now, for
    its own address alone (BNI Keagenan, behind the same CA, is still refused), and the
    refusal names the places a CA is set: the host's tab and the Windows store."""
    ca, _hosts = tls_hosts
    context = build_context(profile)
    try:
        with pytest.raises(CertificateRefused) as refused:
            context.banking.login(AGENT, PASSWORD)
    finally:
        context.close()
    assert "Berkas sertifikat CA host" in refused.value.message
    assert "penyimpanan sertifikat Windows" in refused.value.message

    save_ca_file(profile, "bankplus", str(ca))
    assert profile.load_settings()["hosts"]["bankplus"]["ca_file"] == str(ca)
    context = build_context(profile)
    try:
        session = context.banking.login(AGENT, PASSWORD)
        assert session.username == AGENT
        check = ping_keagenan(context.billpay)
        assert not check.ok and isinstance(check.error, CertificateRefused), check
        assert "Berkas sertifikat CA host" in check.error.message
    finally:
        context.close()


def test_the_systems_trust_store_is_trusted(profile, tls_hosts, tmp_path, monkeypatch):
    """A CA the partner's IT put into the system's store (here its hashed directory, as
    ``update-ca-certificates`` leaves it; on Windows the certificate store) was ignored: httpx
    trusted certifi's bundle, or ``SSL_CERT_FILE`` alone. The system's store is trusted now,
    and certifi's bundle beside it."""
    ca, _hosts = tls_hosts
    store = tmp_path / "system-store"
    store.mkdir()
    write_ca(make_ca("Loket unrelated CA"), store / "other.pem")
    (store / "partner-ca.pem").write_bytes(ca.read_bytes())
    subprocess.run(["openssl", "rehash", str(store)], check=True, capture_output=True, timeout=30)
    monkeypatch.setenv("SSL_CERT_DIR", str(store))
    context = build_context(profile)
    try:
        assert context.banking.login(AGENT, PASSWORD).username == AGENT
        assert ping_keagenan(context.billpay).ok
    finally:
        context.close()


@pytest.mark.parametrize("content", [
    None,  # no such file
    b"not a certificate at all\n",
    b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",  # looks like one, does not parse
    "key",  # a PEM file, a private key, no certificate
])
def test_a_ca_file_that_is_not_one_is_refused_on_save(profile, tmp_path, content):
    """Koneksi Host refuses, at the field, a CA file that is not there or holds no
    certificate OpenSSL can read, saying what to do; nothing is saved."""
    path = tmp_path / "bank-ca.pem"
    if content == "key":
        content = _pem(make_ca("x")[1])
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(FormInvalid) as refused:
        save_ca_file(profile, "keagenan", str(path))
    (error,) = refused.value.errors
    assert error.field == "keagenan.ca_file"
    if content is None:
        assert error.message.startswith("Berkas sertifikat CA tidak ditemukan.")
    else:
        assert error.message == ("Berkas ini bukan sertifikat CA (PEM). Minta berkas .pem (sertifikat CA host) "
                                 "dari bank.")
    assert "ca_file" not in profile.load_settings()["hosts"]["keagenan"]


def test_a_ca_file_gone_since_it_was_saved_leaves_that_host_refused_and_the_counter_open(profile, tls_hosts):
    """A CA file moved away after Koneksi Host checked it: the counter still starts (the
    supervisor corrects the setting from inside Loket), Bank+ is reached with its own CA file,
    and BNI Keagenan, whose file is gone, is refused with the words that say where to fix it."""
    ca, _hosts = tls_hosts
    gone = ca.parent / "keagenan-ca.pem"
    gone.write_bytes(ca.read_bytes())
    save_ca_file(profile, "bankplus", str(ca))
    save_ca_file(profile, "keagenan", str(gone))
    gone.unlink()
    context = build_context(profile)
    try:
        assert context.banking.login(AGENT, PASSWORD).username == AGENT
        check = ping_keagenan(context.billpay)
        assert isinstance(check.error, CertificateRefused), check
    finally:
        context.close()


def test_a_ca_bundle_with_the_banks_notes_in_it_is_accepted(profile, tmp_path):
    """A bank's CA file often carries notes beside the certificates (issuer lines, in any
    language): OpenSSL reads past them at every start, so Koneksi Host accepts them too."""
    bundle = tmp_path / "bank-ca.pem"
    bundle.write_bytes("# Penerbit: PT Bank Négara — CA H2H\n".encode() + write_ca(make_ca("Bank H2H CA"),
                                                                                     tmp_path / "ca.pem").read_bytes()
                      + write_ca(make_ca("Bank H2H CA 2"), tmp_path / "ca2.pem").read_bytes())
    save_ca_file(profile, "keagenan", str(bundle))
    assert profile.load_settings()["hosts"]["keagenan"]["ca_file"] == str(bundle)
