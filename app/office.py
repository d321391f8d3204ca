"""The partner office outbox, wired on its own: started when the services are ready, stopped
at shutdown, and its state handed to Beranda. Off (None) unless host settings name the
office's database and this counter's id (``services.office.config``), and off in sandbox
mode unless that database is on this machine."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.context import AppContext
    from services.office.outbox import OutboxRunner


def start_office(context: "AppContext") -> "OutboxRunner | None":
    """The running outbox, or None (not configured, or it cannot start: the counter works on
    without the office, and the log says why)."""
    try:
        return _start(context)
    except Exception:  # e.g. psycopg missing from a broken installation
        logging.getLogger(__name__).exception("office outbox not started")
        return None


def _start(context: "AppContext") -> "OutboxRunner | None":
    from services.office.config import PASSWORD_SECRET, OfficeConfig

    config = OfficeConfig.from_settings(context.settings, context.secrets, context.profile.folder)
    if config is None:
        return None
    if context.sandbox and not config.loopback:
        # The sandbox's journal holds drills and simulated payments: the partner's office
        # counts real money, and this counter's rows there are its live journal's. An office
        # on this machine (a throwaway one to try the outbox) takes them.
        logging.getLogger(__name__).info("office outbox off in sandbox mode (the office is not on this machine)")
        return None
    import psycopg  # only a configured counter pays for the import

    from services.office.outbox import Outbox, OutboxRunner
    from services.office.source import JournalSource

    def connect() -> Any:
        # The password is read again at each connection: one corrected in Koneksi Host is
        # used at the next try, without restarting Loket.
        return psycopg.connect(**{**config.connect_kwargs(), "password": context.secrets.get(PASSWORD_SECRET) or ""})

    outbox = Outbox(JournalSource(context.journal.path), config.counter_id, connect,
                    context.profile.data_folder(context.sandbox),
                    clock=context.journal.clock)
    # A payment's row, its answer, a Laporan Z: sent as soon as the journal has committed them
    # (debounced on the outbox's thread), not at the next 30-second poll.
    return OutboxRunner(outbox).follow(context.journal).start()


def stop_office(runner: "OutboxRunner | None") -> None:
    if runner is not None:
        runner.stop()
