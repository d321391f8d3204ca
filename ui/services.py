"""What a screen factory may hand to a screen: the services, built once by ``app``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # imported lazily: keeps the login window fast to appear
    from services.banking import BankingService
    from services.billpay import BillPayService
    from services.dayclose import DayCloseService
    from services.flows.pin import TransactionPins
    from services.hosts.snap.keys import PartnerKeys
    from services.host_settings import HostSettings
    from services.journal import Journal
    from services.office.outbox import OutboxRunner
    from services.quick_pin import QuickPin
    from services.resolution import SuspectResolver
    from services.switching import SwitchingService
    from services.receipts import ReceiptDesk
    from services.receipts.settings import PrinterSettings
    from services.snap_services import BcaService, VirtualAccountService
    from services.training import TrainingSwitch
    from ui.errors import ErrorPresenter
    from ui.screens.report_actions import PrintHook
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
    # Receipts (issue 4): the desk prints and reprints; printer = Pengaturan > Printer.
    receipts: "ReceiptDesk | None" = None
    printer: "PrinterSettings | None" = None
    # Journal trust (issue 3): settling SUSPECT rows, and Bank+ Switcher transfers/reversals.
    resolver: "SuspectResolver | None" = None
    switching: "SwitchingService | None" = None
    # End of day (issue 7): shift, cash, Tutup Hari, reports, supervisor PIN.
    dayclose: "DayCloseService | None" = None
    # At the counter (issue 8): the idle lock's quick PIN and timeout, Pengaturan > Koneksi Host.
    quick_pin: "QuickPin | None" = None
    host_settings: "HostSettings | None" = None
    idle_lock_minutes: float = 5
    pins: "TransactionPins | None" = None  # the agent's PIN as Bank+ proved it, for BCA and the Switcher
    # Pengaturan > Bahasa (issue 8): switch the language and rebuild the windows (app.gui).
    set_language: "Callable[[str], None] | None" = None
    # Cash slips and the day summary on the receipt printer (ui/printing.py PrintoutPrinter).
    print_printout: "PrintHook | None" = None
    # The partner office outbox (app/office.py): Beranda shows its state; None when off.
    office: "OutboxRunner | None" = None
    training: "TrainingSwitch | None" = None  # sandbox only: the header's training switch
