"""What the bank documents say, exactly: the fixes that bring Loket's requests back to the
documents, each checked the way a bank's integration reviewer would.

* BNI Keagenan fiturIds: the document's own numbers by default (FTR463 for BNI Life and ACC,
  told apart by providerId), overridable per deployment in Koneksi Host.
* The Switcher's documented private address: allowed over plain http only when typed for
  the Switcher, to a private IPv4 address, and said so in the log.
"""

from __future__ import annotations

import logging

import httpx
import pytest

from app import context as app_context
from app.context import check_live_urls
from services.errors import ConfigurationError, FormInvalid
from services.host_settings import HostSettings
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig
from services.hosts.keagenan.fiturs import parse_fitur_overrides
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayService
from services.journal import State
from services.products import default_catalogue
from services.profile import Profile
from services.sandbox.transport import SandboxTransport
from services.secrets import SecretStore
from services.transactions import TransactionRunner

PIN = "359569"


def keagenan_service(host, journal, clock, catalogue=None):
    creds = host.credentials()
    http = httpx.Client(transport=SandboxTransport(host))
    client = KeagenanClient(http, KeagenanConfig(
        base_url="http://keagenan.sandbox", dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
        xauth_password=creds["x_auth_password"], client_id=creds["client_id"], client_secret=creds["client_secret"],
        agent_code=creds["agent_code"], account_num=creds["account_num"]), clock=clock)
    return BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"), catalogue=catalogue)


def test_bni_life_and_acc_both_pay_with_ftr463_and_the_host_tells_them_apart(journal, clock):
    host = KeagenanSandbox(clock=clock)
    service = keagenan_service(host, journal, clock)
    life = service.inquire("bni_life", {"providerId": "BNILIFE_PREMI_PERTAMA", "spajNumber": "1114568975",
                                        "amount": "50000"})
    acc = service.inquire("mf_acc", {"billingId": "01307771239734"}, pin=PIN)
    paid_life, paid_acc = service.pay(life, PIN), service.pay(acc, PIN)
    assert paid_life.row.request["fiturId"] == paid_acc.row.request["fiturId"] == "FTR463"
    assert paid_life.row.state is paid_acc.row.state is State.SUCCESS
    assert [(e["fiturId"], e["product"]) for e in host.ledger] == [("FTR463", "bni_life"), ("FTR463", "mf_acc")]


def test_a_deployments_fiturIds_reach_the_wire(journal, clock):
    overrides = parse_fitur_overrides("bni_life=FTR437/FTR438")
    catalogue = default_catalogue().with_fiturs(overrides)
    assert default_catalogue().get("bni_life").payment_fitur == "FTR463"  # the default is untouched
    bank = KeagenanSandbox(clock=clock, catalogue=catalogue)  # a bank whose table says FTR438
    service = keagenan_service(bank, journal, clock, catalogue)
    inquiry = service.inquire("bni_life", {"providerId": "BNILIFE_PREMI_PERTAMA", "spajNumber": "1114568975",
                                           "amount": "50000"})
    assert service.pay(inquiry, PIN).row.request["fiturId"] == "FTR438"


def test_koneksi_host_checks_and_keeps_the_fiturId_overrides(tmp_path):
    settings = HostSettings(Profile(tmp_path / "p"), SecretStore(tmp_path / "p"))
    view = settings.load()
    values = {**view.values, "keagenan": {**view.values["keagenan"], "fitur_overrides": "bni_life=FTR43/FTR438"}}
    with pytest.raises(FormInvalid) as refused:
        settings.save("sandbox", values, {})
    assert [e.field for e in refused.value.errors] == ["keagenan.fitur_overrides"]
    assert "bni_life=FTR437/FTR463" in refused.value.errors[0].message  # the example says how
    values["keagenan"]["fitur_overrides"] = "tidak_ada=FTR400"
    with pytest.raises(FormInvalid) as unknown:
        settings.save("sandbox", values, {})
    assert "tidak_ada" in unknown.value.errors[0].message
    values["keagenan"]["fitur_overrides"] = "bni_life=FTR437/FTR438, charity=FTR426"
    settings.save("sandbox", values, {})
    assert settings.load().values["keagenan"]["fitur_overrides"] == "bni_life=FTR437/FTR438, charity=FTR426"


def test_live_start_builds_bill_payment_with_the_deployments_fiturIds(tmp_path):
    """app.context gives BillPayService the overridden catalogue in live mode only."""
    profile = Profile(tmp_path / "p")
    secrets = SecretStore(profile.folder)
    secrets.set("keagenan.x_auth_password", "x")
    secrets.set("keagenan.client_secret", "y")
    keagenan = {"base_url": "https://api.bank.example", "dealer_id": "1", "x_auth_user": "u", "client_id": "c",
                "agent_code": "BNI014100294", "fitur_overrides": "bni_life=FTR438"}
    settings = profile.load_settings()
    settings.update(mode="live", hosts={"bankplus": {"base_url": "https://api.bankplus.example"},
                                        "keagenan": keagenan})
    profile.save_settings(settings)
    context = app_context.build_context(profile)
    try:
        assert context.billpay.catalogue.get("bni_life").payment_fitur == "FTR438"
        assert context.billpay.catalogue.get("bni_life").inquiry_fitur == "FTR437"
        assert context.va is None and context.bca is None and context.switching is None  # not configured
    finally:
        context.close()
    settings["mode"] = "sandbox"  # the sandbox speaks the document's fiturIds
    profile.save_settings(settings)
    sandbox = app_context.build_context(profile)
    try:
        assert (sandbox.billpay.catalogue.get("bni_life").payment_fitur
                == default_catalogue().get("bni_life").payment_fitur)
    finally:
        sandbox.close()
    keagenan["fitur_overrides"] = "bni_life=FTR4"
    settings["mode"] = "live"
    profile.save_settings(settings)
    with pytest.raises(ConfigurationError):
        app_context.build_context(profile)


def test_the_switchers_private_line_is_said_in_the_log_and_public_addresses_never_pass(caplog):
    settings = {"hosts": {"bankplus": {"base_url": "https://api.bankplus.id"},
                          "switcher": {"base_url": "http://192.168.172.15:7221"}}}  # bankplus-api.txt L1591
    with caplog.at_level(logging.WARNING):
        check_live_urls(settings)
    assert any("jalur privat tanpa TLS" in r.getMessage() and "192.168.172.15" in r.getMessage()
               for r in caplog.records)
    for public in ("http://8.8.8.8:7221", "http://172.32.0.1:7221", "http://192.169.1.1"):
        settings["hosts"]["switcher"]["base_url"] = public
        with pytest.raises(ConfigurationError):
            check_live_urls(settings)
    assert "switcher" not in Profile.__init__.__globals__["DEFAULT_SETTINGS"]["hosts"]  # typed, never a default
