"""The screens' ``ScreenServices``, built once from the context after login.

The host services come as the context holds them (``AppContext.host_services``: one field of
``HostServices`` per host), so a new host reaches its screens without a line here; the rest
is what the window adds (the worker, the error presenter, the PIN prompt ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from app.context import AppContext
    from services.office.outbox import OutboxRunner
    from ui.errors import ErrorPresenter
    from ui.screens.report_actions import PrintHook
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker


def screen_services(context: "AppContext", *, worker: "Worker", errors: "ErrorPresenter", ask_pin: "PinPrompt",
                    set_language: Callable[[str], None] | None = None, office: "OutboxRunner | None" = None,
                    print_printout: "PrintHook | None" = None) -> "ScreenServices":
    from services.backup import JournalBackup
    from services.host_settings import HostSettings  # after login: start-up imports stay lean
    from services.quick_pin import QuickPin
    from ui.services import ScreenServices

    return ScreenServices(
        **context.host_services(), journal=context.journal, worker=worker, errors=errors, ask_pin=ask_pin,
        sandbox=context.sandbox, partner_keys=context.partner_keys, receipts=context.receipts,
        printer=context.printer_settings, counter_fees=context.counter_fees, resolver=context.resolver,
        dayclose=context.dayclose,
        # the logged-in agent's own quick PIN (services/quick_pin.py)
        quick_pin=QuickPin(context.profile.folder, secrets_store=context.secrets,
                           agent=lambda: context.banking.session.username if context.banking.session else ""),
        host_settings=HostSettings(context.profile, context.secrets,
                                   live_day=None if context.sandbox else context.dayclose,
                                   sandbox_run=context.sandbox),
        idle_lock_minutes=context.counter.idle_lock_minutes, pins=context.pins,
        set_language=set_language, print_printout=print_printout, office=office,
        training=context.training if context.sandbox else None, bank_time=context.bank_time,
        live_supervisors=context.live_supervisors,
        backup=JournalBackup(context.profile, context.journal.path, sandbox=context.sandbox, journal=context.journal,
                             agent_code=lambda: context.banking.session.agent_code if context.banking.session else ""))

