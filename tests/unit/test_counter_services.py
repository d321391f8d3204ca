"""The Qt-free services behind the counter features: the back-off after wrong answers, the
quick PIN's hash, and the host settings' checks (no Qt, no sockets)."""

from __future__ import annotations

import json

import pytest

from services.errors import FormInvalid, LoginFailed, UserInputError
from services.host_settings import SECRET_KEYS, HostSettings
from services.lockout import LockedOut, Lockout
from services.profile import Profile
from services.quick_pin import QuickPin
from services.secrets import SecretStore
from tests.manual_clock import ManualClock


def test_lockout_shuts_after_five_and_doubles():
    clock = ManualClock()
    lockout = Lockout(now=clock)
    calls = []

    def login(password: str) -> str:
        calls.append(password)
        if password != "right":
            raise LoginFailed("Password salah.", host="bankplus", code="01")
        return "session"

    guarded = lockout.guard(login, wrong=(LoginFailed,))
    for _ in range(5):
        with pytest.raises(LoginFailed):
            guarded("wrong")
    with pytest.raises(LockedOut) as shut:
        guarded("right")
    assert shut.value.seconds == 60 and len(calls) == 5  # refused before asking the host
    clock.t += 60
    with pytest.raises(LoginFailed):
        guarded("wrong")
    assert lockout.remaining() == 120
    clock.t += 120
    assert guarded("right") == "session" and lockout.remaining() == 0 and lockout.failures == 0


def test_lockout_does_not_count_other_failures():
    lockout = Lockout()
    guarded = lockout.guard(lambda: (_ for _ in ()).throw(ConnectionError()), wrong=(LoginFailed,))
    for _ in range(10):
        with pytest.raises(ConnectionError):
            guarded()
    assert lockout.remaining() == 0  # a network failure is not a wrong password


def test_quick_pin_stores_only_a_salted_hash(tmp_path):
    pin = QuickPin(tmp_path, secrets_store=SecretStore(tmp_path, use_keyring=False))
    assert not pin.is_set() and not pin.verify("246802")
    with pytest.raises(UserInputError):
        pin.set("123456", "123456")  # sequential
    with pytest.raises(UserInputError):
        pin.set("246802", "246803")
    pin.set("246802", "246802")
    record = json.loads((tmp_path / "quick_pin.json").read_text())
    assert set(record) == {""} and set(record[""]) == {"kdf", "salt", "hash", "mac"}
    assert "246802" not in json.dumps(record)
    assert pin.verify("246802") and not pin.verify("246803")
    pin.clear()
    assert not pin.is_set()


def test_host_settings_keep_secrets_out_of_settings(tmp_path):
    profile = Profile(tmp_path)
    secrets = SecretStore(tmp_path, use_keyring=False)
    hosts = HostSettings(profile, secrets)
    values = hosts.load().values
    values["bankplus"].update(base_url="https://api.bankplus.example")  # live needs the login host's
    values["bca"].update(base_url="https://bca.example.co.id/", client_key="ck", partner_id="p1", channel_id="95051",
                          agent_account="0611104625")
    hosts.save("live", values, {"bca.client_secret": "bca-Secret-Kk58"})
    settings = json.loads(profile.settings_path.read_text())
    assert settings["mode"] == "live"
    assert settings["hosts"]["bca"]["base_url"] == "https://bca.example.co.id"
    assert settings["hosts"]["bca"]["token_path"] == "/openapi/v1.0/access-token/b2b"  # the documented default
    assert "bca-Secret" not in profile.settings_path.read_text()
    view = hosts.load()
    assert view.stored["bca.client_secret"] and not view.stored["doku.client_secret"]
    assert set(view.stored) == set(SECRET_KEYS)


def test_host_settings_refuse_plain_http_in_live_and_need_bankplus(tmp_path):
    hosts = HostSettings(Profile(tmp_path), SecretStore(tmp_path, use_keyring=False))
    values = hosts.load().values
    values["bankplus"]["base_url"] = ""
    values["switcher"].update(base_url="http://switcher.example", source_account="888801000157508")
    with pytest.raises(FormInvalid) as refused:
        hosts.validate("live", values)
    assert [e.field for e in refused.value.errors] == ["switcher.base_url", "bankplus.base_url"]
    assert hosts.validate("sandbox", values)["switcher"]["base_url"] == "http://switcher.example"


def test_a_secret_left_in_settings_by_hand_is_removed_on_save(tmp_path):
    profile = Profile(tmp_path)
    profile.save_settings({"hosts": {"keagenan": {"dealer_id": "1", "x_auth_password": "plain!"}}})
    hosts = HostSettings(profile, SecretStore(tmp_path, use_keyring=False))
    hosts.save("sandbox", hosts.load().values, {})
    assert "plain!" not in profile.settings_path.read_text()
