"""A host's configured paths (token path, transaction path) can never send a request to
another host than its https base address.

``JsonHttp`` joins ``base_url + path``. A path such as ``@evil.example/token`` made that
``https://bank.example@evil.example/token``: the bank's name became a user name and the
request, with the client secret (Basic), the X-Auth password, the access token and the
agent's transaction PIN, went to evil.example, verified TLS and all, while the start-up
check (``check_live_urls``) saw only the bank's https base address. The paths sit in
``settings.json`` (``token_path`` also in Koneksi Host), which anyone at the kiosk's desktop
can edit by hand.
"""

from __future__ import annotations

import base64

import httpx
import pytest

from app.context import check_live_urls
from services.errors import ConfigurationError, FormInvalid, NotSent
from services.host_settings import HostSettings
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig
from services.profile import Profile
from services.secrets import SecretStore

SECRET = "client-secret-QQ99"
XAUTH = "S3cret-XAuth-Pass-77"


def client(seen: list[httpx.Request], **paths: str) -> KeagenanClient:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("token"):
            return httpx.Response(200, json={"access_token": "tok", "expires_in": 300})
        return httpx.Response(200, json={"status": True, "data": "pong"})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    config = KeagenanConfig(base_url="https://keagenan.bank.example", dealer_id="1", xauth_user="LOKET",
                            xauth_password=XAUTH, client_id="loket", client_secret=SECRET,
                            agent_code="BNI014100294", account_num="1", **paths)
    return KeagenanClient(http, config)


@pytest.mark.parametrize("paths", [
    {"token_path": "@evil.example/oauth/token"},
    {"transaction_path": "@evil.example/keagenan/transaction"},
    {"transaction_path": ".evil.example/keagenan/transaction"},
])
def test_a_configured_path_never_sends_the_credentials_to_another_host(paths):
    seen: list[httpx.Request] = []
    refused = None
    try:
        client(seen, **paths).ping()
    except NotSent as exc:
        refused = exc
    leaked = [(r.url.host, "client secret" if SECRET in base64.b64decode(r.headers.get("authorization", "Basic ")[6:])
               .decode() else "x-auth password" if XAUTH in base64.b64decode(r.headers.get("x-auth", "")).decode()
               else "") for r in seen if r.url.host != "keagenan.bank.example"]
    assert leaked == []
    assert refused is not None  # said before anything was sent: nothing left, nothing to doubt


def test_plain_paths_still_reach_the_bank():
    seen: list[httpx.Request] = []
    assert client(seen).ping().ok
    assert {r.url.host for r in seen} == {"keagenan.bank.example"}


def test_a_live_start_refuses_a_hand_edited_path_that_leaves_the_host():
    settings = {"hosts": {"bankplus": {"base_url": "https://bankplus.example"},
                          "keagenan": {"base_url": "https://keagenan.bank.example",
                                       "transaction_path": "@evil.example/keagenan/transaction"}}}
    with pytest.raises(ConfigurationError):
        check_live_urls(settings)
    settings["hosts"]["keagenan"]["transaction_path"] = "/keagenan/transaction"
    check_live_urls(settings)


def test_koneksi_host_refuses_a_token_path_that_is_not_a_path(tmp_path):
    profile = Profile(tmp_path / "profile")
    hosts = HostSettings(profile, SecretStore(profile.folder, use_keyring=False))
    values = hosts.load().values
    values["bankplus"]["base_url"] = "https://bankplus.example"
    values["keagenan"].update(base_url="https://keagenan.bank.example", token_path="@evil.example/oauth/token",
                              dealer_id="2114534465611173", x_auth_user="LOKETMITRA", client_id="loket",
                              agent_code="BNI014100294")
    with pytest.raises(FormInvalid) as refused:
        hosts.validate("live", values, frozenset({"keagenan.x_auth_password", "keagenan.client_secret"}))
    assert [e.field for e in refused.value.errors] == ["keagenan.token_path"]
