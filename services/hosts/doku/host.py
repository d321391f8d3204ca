"""DOKU (BNI Virtual Account) as the registry knows it."""

from __future__ import annotations

from services.hosts.doku.client import TOKEN_PATH
from services.hosts.host import Host, HostSpec, Wiring
from services.hosts.snap.wiring import REQUIRED, snap_client
from services.i18n import QT_TRANSLATE_NOOP


def build(wiring: Wiring):
    from services.hosts.doku.client import DokuVaClient
    from services.hosts.doku.service import VirtualAccountService
    from services.transactions import TransactionRunner

    client = DokuVaClient(snap_client(wiring, "doku"), wiring.issued.get("partner_service_id", ""))
    return VirtualAccountService(client, TransactionRunner(wiring.journal, wiring.operator), clock=wiring.clock)


def product_names() -> dict[str, str]:
    from services.hosts.doku.service import VirtualAccountService

    return {VirtualAccountService.PRODUCT: QT_TRANSLATE_NOOP("products", "Virtual Account DOKU")}



def receipts() -> None:
    from services.hosts.doku.receipt import register

    register()


HOST = Host(
    name="doku", service="va", build=build, product_names=product_names, receipts=receipts,
    sandbox="services.hosts.doku.sandbox:DokuSandbox",
    routes=lambda issued: ("/authorization/", "/bi-snap-va/"), signs=True,
    required=(*REQUIRED, "partner_service_id"),  # the VA's company code, "Mandatory" (L57)
    settings=HostSpec("doku", "DOKU (BNI Virtual Account)", (
        ("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base URL)")), ("client_key", "Client key"),
        ("partner_id", "Partner ID"), ("channel_id", "Channel ID"), ("partner_service_id", "Partner service ID"),
        ("token_path", QT_TRANSLATE_NOOP("host_settings", "Path token"))),
        (("client_secret", "Client secret"),), (("token_path", TOKEN_PATH),)),
)
