"""What a screen factory may hand to a screen: the services, built once by ``app``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily: keeps the login window fast to appear
    from services.banking import BankingService
    from services.billpay import BillPayService
    from services.hosts.snap.keys import PartnerKeys
    from services.journal import Journal
    from services.snap_services import BcaService, VirtualAccountService
    from ui.errors import ErrorPresenter
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker


@dataclass(frozen=True)
class ScreenServices:
    banking: "BankingService"
    journal: "Journal"
    worker: "Worker"
    errors: "ErrorPresenter"
    ask_pin: "PinPrompt"
    sandbox: bool
    # SNAP (issue 6): None when that host is not configured; the screens say so.
    va: "VirtualAccountService | None" = None
    bca: "BcaService | None" = None
    partner_keys: "dict[str, PartnerKeys] | None" = None
    # BNI Keagenan bill payments (issue 5): None when that host is not configured.
    billpay: "BillPayService | None" = None
