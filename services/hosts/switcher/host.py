"""The Bank+ Switcher as the registry knows it. Its paths sit at the host's root (/inquiry,
/transfer ...), so it gets an HTTP client of its own. Reversals are approved by a supervisor PIN."""

from __future__ import annotations

from services.hosts.host import Host, HostSpec, Wiring
from services.i18n import QT_TRANSLATE_NOOP


def build(wiring: Wiring):
    from services.dayclose.supervisor import REVERSAL as REVERSAL_APPROVAL
    from services.hosts.switcher.client import SwitcherClient
    from services.hosts.switcher.service import SwitchingService

    issued = wiring.issued
    service = SwitchingService(
        SwitcherClient(wiring.own_http(), wiring.base_url, deadline=wiring.deadline, bank_time=wiring.bank_time),
        wiring.journal,
        source_bank=issued.get("source_bank", ""), source_account=issued["source_account"],
        approve=wiring.approver(REVERSAL_APPROVAL), operator=wiring.operator,
    )
    if wiring.resolver is not None:
        service.register_with(wiring.resolver)
    return service


def product_names() -> dict[str, str]:
    from services.hosts.switcher.service import PRODUCTS

    return PRODUCTS



def receipts() -> None:
    from services.hosts.switcher.receipt import register

    register()


HOST = Host(
    name="switcher", service="switching", build=build, product_names=product_names, receipts=receipts,
    sandbox="services.hosts.switcher.sandbox:SwitcherSandbox",
    required=("base_url", "source_account"), private_http=True,
    settings=HostSpec("switcher", QT_TRANSLATE_NOOP("host_settings", "Bank+ Switcher (transfer antar bank)"), (
        ("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base URL)")),
        ("source_bank", QT_TRANSLATE_NOOP("host_settings", "Kode bank sumber")),
        ("source_account", QT_TRANSLATE_NOOP("host_settings", "Rekening sumber")))),
)
