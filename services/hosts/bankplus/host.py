"""Bank+ as the registry knows it: the login host; its service is always built."""

from __future__ import annotations

from services.hosts.host import Host, HostSpec, Wiring
from services.i18n import QT_TRANSLATE_NOOP


def build(wiring: Wiring):
    from services.hosts.bankplus.client import BankPlusClient
    from services.hosts.bankplus.service import BankingService

    return BankingService(BankPlusClient(wiring.http, wiring.base_url, deadline=wiring.deadline,
                                         bank_time=wiring.bank_time), wiring.journal,
                          limits=wiring.limits, attachments_dir=wiring.folder / "attachments")


def product_names() -> dict[str, str]:
    from services.hosts.bankplus.service import PRODUCTS

    return PRODUCTS



def receipts() -> None:
    from services.hosts.bankplus.receipt import register

    register()


HOST = Host(
    name="bankplus", service="banking", build=build, product_names=product_names, receipts=receipts,
    # Check Customer Balance (bankplus-api.txt L938-1006) is "inquiry cek saldo": the request is
    # the account and the customer's PIN, the answer the balance; no amount, no admin fee
    # (Check Account's answer names one, this one none). BankingService.customer_balance closes
    # an unanswered one FAILED (BalanceUnanswered); a crash or a refused disk ends the same way.
    inquiries=frozenset({"customer_balance"}),
    sandbox="services.hosts.bankplus.sandbox:BankPlusSandbox",
    routes=lambda issued: ("/bankplus/",),
    settings=HostSpec("bankplus", QT_TRANSLATE_NOOP("host_settings", "Bank+ (agen, setor, transfer)"),
                      (("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base URL)")),)),
)
