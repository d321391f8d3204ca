"""Whose supervisor PIN opens the kiosk's settings in a sandbox run of a kiosk that has run live.

Koneksi Host, Printer, Biaya Loket and Kunci API write the kiosk's own files (settings.json,
the secret store, the partner keys): one set per profile, whichever journal a run opens.
Supervisor PINs live in a journal, and a sandbox run (``--sandbox`` for a drill on a live
kiosk, or a live kiosk switched to sandbox for training) asked the sandbox journal's
supervisors, or nobody when the sandbox never had one. A trainee at a drill could change the
live bank addresses, credentials, customer fees or printer that the next live start uses.

Decision: once a profile has run live, its settings open with the PIN of a supervisor of the
live journal, whatever the run; the approval (and each wrong attempt, for the back-off) is
written in the live journal, so the live day's approvals list it, its reason marked as given in
the simulator. A sandbox run may still correct the live settings that way (a changed Bank+
password keeps the live run from logging in at all, and settings are behind the login), so the
way back into Koneksi Host stays open, to the live supervisor only. A live journal without a
supervisor opens the settings with the same warning a live run gives.

The live journal is opened on first use, on the worker thread that checks the PIN, only for
that, and closed with the run's context. A live journal that does not open (damaged, or gone
while its mark is there) refuses with its own message: the helpdesk's case, not a drill's.
"""

from __future__ import annotations

import threading
from pathlib import Path

from services.approval_words import IN_SIMULATOR  # appended to an approval's reason: given in a sandbox run
from services.clock import Clock
from services.dayclose.close import DayCloseService
from services.dayclose.supervisor import Approval, Supervisors
from services.journal import Journal


class LiveSupervisors:
    """The live journal's supervisors, for the settings gate of a sandbox run (``has_supervisor``
    and ``approve`` as ``Supervisors`` has them)."""

    def __init__(self, journal_path: Path, clock: Clock) -> None:
        self.journal_path = Path(journal_path)
        self._clock = clock
        self._lock = threading.Lock()
        self._journal: Journal | None = None
        self._supervisors: Supervisors | None = None

    def _open(self) -> Supervisors:
        with self._lock:
            if self._supervisors is None:
                journal = Journal(self.journal_path, clock=self._clock)
                try:
                    self._supervisors = DayCloseService(journal, clock=self._clock, sandbox=False).supervisors
                except BaseException:
                    journal.close()
                    raise
                self._journal = journal
            return self._supervisors

    def has_supervisor(self) -> bool:
        return self._open().has_supervisor()

    def approve(self, pin: str, reason: str, action: str, *, subject: str = "") -> Approval:
        return self._open().approve(pin, reason + IN_SIMULATOR, action, subject=subject)

    def close(self) -> None:
        with self._lock:
            if self._journal is not None:
                self._journal.close()
            self._journal = self._supervisors = None
