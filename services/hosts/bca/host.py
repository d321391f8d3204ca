"""BCA as the registry knows it; its SUSPECT transfers settle by BCA's status inquiry."""

from __future__ import annotations

from services.hosts.bca.client import TOKEN_PATH
from services.hosts.host import Host, HostSpec, Wiring
from services.hosts.snap.wiring import REQUIRED, snap_client
from services.i18n import QT_TRANSLATE_NOOP


def build(wiring: Wiring):
    from services.hosts.bca.client import BcaClient
    from services.hosts.bca.service import BcaService
    from services.hosts.bca.status import register_bca
    from services.transactions import TransactionRunner

    account = wiring.issued.get("agent_account") or wiring.issued.get("account_no", "")
    service = BcaService(BcaClient(snap_client(wiring, "bca"), account),
                         TransactionRunner(wiring.journal, wiring.operator), clock=wiring.clock,
                         resolver=wiring.resolver)
    if wiring.resolver is not None:
        register_bca(wiring.resolver, service.client, wiring.journal)
    return service


def product_names() -> dict[str, str]:
    from services.hosts.bca.service import BcaService

    return {BcaService.PRODUCT: QT_TRANSLATE_NOOP("products", "BCA: Transfer"),
            BcaService.PRODUCT_INTERBANK: QT_TRANSLATE_NOOP("products", "BCA: Transfer Antar Bank")}



def receipts() -> None:
    from services.hosts.bca.receipt import register

    register()


HOST = Host(
    name="bca", service="bca", build=build, product_names=product_names, receipts=receipts,
    sandbox="services.hosts.bca.sandbox:BcaSandbox",
    routes=lambda issued: ("/openapi/",), signs=True,
    required=(*REQUIRED, "agent_account"),  # the account every transfer is paid from
    settings=HostSpec("bca", "BCA", (
        ("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base URL)")), ("client_key", "Client key"),
        ("partner_id", "Partner ID"), ("channel_id", "Channel ID"),
        ("agent_account", QT_TRANSLATE_NOOP("host_settings", "Rekening agen")),
        ("token_path", QT_TRANSLATE_NOOP("host_settings", "Path token"))),
        (("client_secret", "Client secret"),), (("token_path", TOKEN_PATH),)),
)
