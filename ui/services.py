"""What a screen factory may hand to a screen: the services, built once by ``app``
(``app.screen_services``). The host services are the fields of ``HostServices``, one per
host of ``services.hosts.registry``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from services.hosts.registry import HostServices

if TYPE_CHECKING:  # imported lazily: keeps the login window fast to appear
    from services.backup import JournalBackup
    from services.bank_time import BankTime
    from services.counter_fees import CounterFees
    from services.dayclose import DayCloseService
    from services.dayclose.live_supervisors import LiveSupervisors
    from services.flows.pin import TransactionPins
    from services.host_settings import HostSettings
    from services.hosts.snap.keys import PartnerKeys
    from services.journal import Journal
    from services.office.outbox import OutboxRunner
    from services.quick_pin import QuickPin
    from services.receipts import ReceiptDesk
    from services.receipts.settings import PrinterSettings
    from services.resolution import SuspectResolver
    from services.training import TrainingSwitch
    from ui.errors import ErrorPresenter
    from ui.screens.report_actions import PrintHook
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker


@dataclass
class ScreenServices(HostServices):
    journal: "Journal"
    worker: "Worker"
    errors: "ErrorPresenter"
    ask_pin: "PinPrompt"
    sandbox: bool
    partner_keys: "dict[str, PartnerKeys] | None" = None  # SNAP: Pengaturan > Kunci
    counter_fees: "CounterFees | None" = None  # Pengaturan > Biaya Loket: the counter's own fee per product
    # Receipts: the desk prints and reprints; printer = Pengaturan > Printer.
    receipts: "ReceiptDesk | None" = None
    printer: "PrinterSettings | None" = None
    resolver: "SuspectResolver | None" = None  # settles SUSPECT rows
    # End of day: shift, cash, Tutup Hari, reports, supervisor PIN.
    dayclose: "DayCloseService | None" = None
    # At the counter: the idle lock's quick PIN and timeout, Pengaturan > Koneksi Host.
    quick_pin: "QuickPin | None" = None
    host_settings: "HostSettings | None" = None
    idle_lock_minutes: float = 5
    pins: "TransactionPins | None" = None  # the agent's PIN as Bank+ proved it, for BCA and the Switcher
    # Pengaturan > Bahasa: switch the language and rebuild the windows (app.gui).
    set_language: "Callable[[str], None] | None" = None
    # Cash slips and the day summary on the receipt printer (ui/printing.py PrintoutPrinter).
    print_printout: "PrintHook | None" = None
    # The partner office outbox (app/office.py): Beranda shows its state; None when off.
    office: "OutboxRunner | None" = None
    training: "TrainingSwitch | None" = None  # sandbox only: the header's training switch
    bank_time: "BankTime | None" = None  # the PC's clock beside the hosts': Beranda warns when it is wrong
    # a sandbox run of a kiosk that has run live: whose PIN opens the settings (ui/supervisor_gate.py)
    live_supervisors: "LiveSupervisors | None" = None
    # Cadangan jurnal (services/backup.py): Pengaturan > Cadangan Jurnal, Beranda's line, after Tutup Hari
    backup: "JournalBackup | None" = None
