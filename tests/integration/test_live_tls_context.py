"""A live counter's host clients share one TLS context: the CA bundle is loaded once.

Every host is configured as a live counter would be (the sandbox hosts' credentials stand
in for what the bank issued); building the services makes the login host's client and the
clients of the hosts that keep their own. Nothing connects.
"""

from __future__ import annotations

import ssl

from app.context import build_context
from services.hosts.registry import HOSTS
from services.hosts.snap.keys import PartnerKeys
from services.profile import Profile
from services.sandbox import make_host
from services.secrets import SecretStore


def configure_live(profile: Profile) -> None:
    """Every host configured as a live counter would be (the sandbox hosts' credentials
    standing in for what the bank issued), at an address where nothing listens."""
    secrets = SecretStore(profile.folder)
    hosts = {}
    for host in HOSTS:
        secret_names = {name for name, _label in host.settings.secrets}
        issued = dict(make_host(host.name).credentials())
        hosts[host.name] = {key: value for key, value in issued.items() if key not in secret_names}
        hosts[host.name]["base_url"] = "https://127.0.0.1:9"
        for name in secret_names:
            secrets.set(f"{host.name}.{name}", str(issued.get(name) or "x"))
        if host.signs:
            PartnerKeys(profile.folder / "keys", secrets, host.name).generate()
    profile.save_settings({"mode": "live", "hosts": hosts})


def test_live_host_clients_load_the_ca_bundle_once(tmp_path, monkeypatch):
    profile = Profile(tmp_path / "profile")
    configure_live(profile)
    loads = []
    load = ssl.SSLContext.load_verify_locations
    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations",
                        lambda context, *args, **kwargs: loads.append(args or kwargs) or load(context, *args, **kwargs))
    context = build_context(profile, live=True)
    try:
        assert all(getattr(context, host.service) is not None for host in HOSTS)
        assert len(context.extra_http) >= 1  # the login host's client and at least one host's own
        assert len(loads) == 1
    finally:
        context.close()
