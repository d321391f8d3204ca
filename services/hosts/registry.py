"""Every host Loket talks to, in the order Pengaturan > Koneksi Host lists them. A new host
is its package (``services/hosts/<name>/`` with a ``host.py``), one line in ``HOSTS``, a field
of ``HostServices`` below and its screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.hosts.bankplus.host import HOST as BANKPLUS
from services.hosts.bca.host import HOST as BCA
from services.hosts.doku.host import HOST as DOKU
from services.hosts.host import Host
from services.hosts.keagenan.host import HOST as KEAGENAN
from services.hosts.switcher.host import HOST as SWITCHER

if TYPE_CHECKING:
    from services.hosts.bankplus.service import BankingService
    from services.hosts.bca.service import BcaService
    from services.hosts.doku.service import VirtualAccountService
    from services.hosts.keagenan.service import BillPayService
    from services.hosts.switcher.service import SwitchingService

HOSTS: tuple[Host, ...] = (BANKPLUS, KEAGENAN, DOKU, BCA, SWITCHER)
LOGIN_HOST = BANKPLUS  # built first: every other host's journal rows name its agent as operator
# (host, product) of every journaled request that only asks (``Host.inquiries``), for the journal
INQUIRIES = frozenset((entry.name, product) for entry in HOSTS for product in entry.inquiries)


def host(name: str) -> Host:
    for entry in HOSTS:
        if entry.name == name:
            return entry
    raise KeyError(name)


@dataclass(kw_only=True)
class HostServices:
    """One field per host service, declared once: ``app.context.AppContext`` and
    ``ui.services.ScreenServices`` both carry them. None: that host is not configured."""

    banking: "BankingService"
    switching: "SwitchingService | None" = None
    billpay: "BillPayService | None" = None
    va: "VirtualAccountService | None" = None
    bca: "BcaService | None" = None
