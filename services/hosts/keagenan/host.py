"""BNI Keagenan as the registry knows it: ids from the sandbox or the settings, passwords
from the secret store; in live mode the deployment's own fiturIds (``fitur_overrides``)."""

from __future__ import annotations

from services.errors import ConfigurationError
from services.hosts.host import Host, HostSpec, Wiring
from services.hosts.keagenan.client import TOKEN_PATH
from services.hosts.keagenan.fiturs import MAX_OVERRIDES, check_fitur_overrides, parse_fitur_overrides
from services.i18n import QT_TRANSLATE_NOOP


def build(wiring: Wiring):
    from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig
    from services.hosts.keagenan.service import BillPayService
    from services.products import default_catalogue
    from services.transactions import TransactionRunner

    issued = wiring.issued
    config = KeagenanConfig(
        base_url=wiring.base_url, dealer_id=issued["dealer_id"], xauth_user=issued["x_auth_user"],
        xauth_password=issued["x_auth_password"], client_id=issued["client_id"],
        client_secret=issued["client_secret"], agent_code=issued["agent_code"],
        account_num=issued.get("account_num", ""), token_path=issued.get("token_path") or TOKEN_PATH,
        transaction_path=issued.get("transaction_path", "/keagenan/transaction"), deadline=wiring.deadline,
    )
    catalogue = None
    overrides = "" if wiring.sandbox else str(issued.get("fitur_overrides", "") or "")
    if overrides:  # the sandbox speaks the document's fiturIds
        try:
            catalogue = default_catalogue().with_fiturs(parse_fitur_overrides(overrides))
        except ValueError as exc:
            raise ConfigurationError(f"fiturId khusus BNI Keagenan: {exc.args[0]} Periksa Pengaturan.") from None
    runner = TransactionRunner(wiring.journal, wiring.operator)
    client = KeagenanClient(wiring.http, config, clock=wiring.clock, bank_time=wiring.bank_time)
    return BillPayService(client, wiring.journal, runner,
                          catalogue=catalogue, counter_fees=wiring.counter_fees,
                          amount_limits=wiring.limits.bill)


def product_names() -> dict[str, str]:
    from services.products import default_catalogue

    return {spec.id: spec.name for spec in default_catalogue()}



def receipts() -> None:
    from services.hosts.keagenan.receipt import register

    register()


HOST = Host(
    name="keagenan", service="billpay", build=build, product_names=product_names, receipts=receipts,
    sandbox="services.hosts.keagenan.sandbox:KeagenanSandbox",
    routes=lambda issued: (issued["token_path"], issued["transaction_path"]),
    required=("base_url", "dealer_id", "x_auth_user", "x_auth_password", "client_id", "client_secret", "agent_code"),
    settings=HostSpec("keagenan", QT_TRANSLATE_NOOP("host_settings", "BNI Keagenan (tagihan dan pembelian)"), (
        ("base_url", QT_TRANSLATE_NOOP("host_settings", "Alamat host (base URL)")), ("dealer_id", "Dealer ID"),
        ("x_auth_user", "X-Auth user"), ("client_id", "Client ID"),
        ("agent_code", QT_TRANSLATE_NOOP("host_settings", "Kode agen")),
        ("account_num", QT_TRANSLATE_NOOP("host_settings", "Rekening agen")),
        ("token_path", QT_TRANSLATE_NOOP("host_settings", "Path token")),
        ("fitur_overrides", QT_TRANSLATE_NOOP("host_settings", "fiturId khusus bank"))),
        (("x_auth_password", "X-Auth password"), ("client_secret", "Client secret")),
        (("token_path", TOKEN_PATH),),
        (("fitur_overrides", check_fitur_overrides),), (("fitur_overrides", MAX_OVERRIDES),)),
)
