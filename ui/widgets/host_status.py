"""The header's word about the BNI Keagenan host: "BNI: terhubung" or "BNI: tidak
terhubung —" over "tagihan mungkin gagal" (two short lines: on one, "… — pembayaran tagihan
mungkin gagal", the header of a 1024x768 screen at 125 %, 819 logical pixels, had no room
left for Keluar. Where it leaves the agent's code too little room, the code is shown without
its "Kode agen": ``ui.widgets.eliding_label``).

The check (``services.connectivity.ping_keagenan``) runs once, in the worker, right after
login: the agent learns before the first customer that bill payments may fail, without a
modal in the way. The tooltip says what failed and when, for the agent and the helpdesk:
since when BNI is out of reach (or refusing), when it was last tried, and the error; or
when BNI last answered.

From then on it says what the counter last learned from the host (``follow``: the
client's ``Reach``, told at the wire by every inquiry, payment and check): a connection
lost during a payment turns it to "tidak terhubung", the next answer back to "terhubung".
No request of its own: the news comes from the worker threads that asked, through ``ui.handoff``,
so the GUI thread never waits.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QLabel

from services.clock import WIB, Clock, format_wib
from services.connectivity import KEAGENAN, HostCheck, Reach
from ui.errors import localized
from ui.handoff import Handoff
from ui.widgets.restyle import mark

if TYPE_CHECKING:
    from ui.worker import Worker

log = logging.getLogger(__name__)


class HostStatus(QLabel):
    def __init__(self, now: Callable[[], datetime] = Clock().now) -> None:
        super().__init__()
        self.setObjectName("headerStatus")
        self.now = now
        self.check: HostCheck | None = None  # the answer shown (tests wait on it)
        self.failing_since: datetime | None = None  # the first of the failures in a row
        # what a worker thread learned from the host, shown on the GUI thread (``ui.handoff``:
        # the payment's worker, which tells it mid-payment, never waits for the GIL behind it)
        self.heard = Handoff(self.show_check, self)
        self.hide()  # nothing to say for a profile without the host

    def follow(self, reach: Reach) -> None:
        """Show what ``reach`` learns next, until this label is gone."""
        listener = self.heard
        reach.listen(listener)
        self.destroyed.connect(lambda: reach.forget(listener))

    def start(self, worker: "Worker", call: Callable[[], HostCheck]) -> None:
        self.setText(self.tr("BNI: memeriksa koneksi…"))
        self.setToolTip("")
        self._set_state("")
        self.show()
        worker.run(call, on_success=self.show_check, on_failure=self._crashed)

    def show_check(self, check: HostCheck) -> None:
        self.check = check
        self.show()
        now = self.now()
        if check.ok:
            self.failing_since = None
            self.setText(self.tr("BNI: terhubung"))
            answered = self.tr("BNI Keagenan menjawab pukul {time}.").format(time=self._time(now, now))
            self.setToolTip(f"{answered}\n{check.detail}" if check.detail else answered)
            self._set_state("true")
            return
        if self.failing_since is None:
            self.failing_since = now
        since = self._time(self.failing_since, now)
        if check.answered:
            self.setText(self.tr("BNI: akses ditolak —\ntagihan mungkin gagal"))
            what = self.tr("BNI Keagenan menolak Loket sejak {since}; terakhir dicoba {time}.")
        else:
            self.setText(self.tr("BNI: tidak terhubung —\ntagihan mungkin gagal"))
            what = self.tr("BNI Keagenan tidak dapat dihubungi sejak {since}; terakhir dicoba {time}.")
        why = localized(check.error) if check.error else ""
        self.setToolTip("\n".join((what.format(since=since, time=self._time(now, now)),
                                   why or self.tr("Sebabnya tidak diketahui: catat jam ini dan hubungi helpdesk."))))
        self._set_state("false")

    @staticmethod
    def _time(moment: datetime, now: datetime) -> str:
        """``14:05 WIB`` today; with its date on another day (a session left on overnight)."""
        moment = moment.astimezone(WIB)
        return moment.strftime("%H:%M WIB") if moment.date() == now.astimezone(WIB).date() else format_wib(moment)

    def _crashed(self, exc: BaseException) -> None:
        """``ping_keagenan`` turns every Loket error into a HostCheck: this is a bug, logged."""
        log.error("connection check failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.show_check(HostCheck(KEAGENAN, False, False))

    def _set_state(self, ok: str) -> None:
        mark(self, "ok", ok)
