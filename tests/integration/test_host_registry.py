"""Every host in ``services.hosts.registry`` is built by the one loop of ``app.context`` and
listed in Koneksi Host from its own settings schema: nothing else names it."""

from __future__ import annotations

from app.context import build_context
from services.host_settings import HOSTS as SETTINGS_HOSTS
from services.host_settings import HostSettings
from services.hosts.registry import HOSTS, HostServices
from services.profile import Profile
from services.sandbox import HOSTS as SANDBOX_HOSTS
from services.secrets import SecretStore


def test_the_sandbox_builds_every_registered_host_and_the_screens_get_them(tmp_path):
    from app.screen_services import screen_services

    context = build_context(Profile(tmp_path / "p"))
    try:
        built = context.host_services()
        assert set(built) == {f for f in HostServices.__dataclass_fields__}
        assert {host.service for host in HOSTS} == set(built)
        assert all(service is not None for service in built.values())
        assert set(context.sandbox_hosts) == {host.name for host in HOSTS} == set(SANDBOX_HOSTS)
        services = screen_services(context, worker=None, errors=None, ask_pin=None)
        assert all(getattr(services, name) is built[name] for name in built)
    finally:
        context.close()


def test_koneksi_host_lists_each_registered_host_from_its_own_schema(tmp_path):
    profile = Profile(tmp_path / "p")
    view = HostSettings(profile, SecretStore(profile.folder)).load()
    assert [spec.name for spec in SETTINGS_HOSTS] == [host.name for host in HOSTS] + ["office"]
    assert set(view.values) == {spec.name for spec in SETTINGS_HOSTS}


def test_a_live_start_builds_only_the_configured_hosts(tmp_path):
    """Live mode with only Bank+ filled in: the login host is built, every other host is
    "not configured" (None), and the screens say so."""
    profile = Profile(tmp_path / "p")
    settings = profile.load_settings()
    settings.update(mode="live", hosts={"bankplus": {"base_url": "https://api.bankplus.example"}})
    profile.save_settings(settings)
    context = build_context(profile)
    try:
        built = context.host_services()
        assert built.pop("banking") is not None
        assert built == {name: None for name in built}
        assert context.sandbox_hosts == {}
    finally:
        context.close()



def test_each_host_names_its_own_products():
    """Lists and reports name a product by what its host declares (``Host.product_names``)."""
    from services.product_names import product_names

    names = product_names()
    for host in HOSTS:
        own = host.product_names()
        assert own, f"{host.name} names no product"
        assert all(names[product] == name for product, name in own.items())
    assert names["doku_bni_va"] == "Virtual Account DOKU" and names["switcher_transfer"] == "Transfer Switching"
