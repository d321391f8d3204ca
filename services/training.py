"""The training switch: a trainee rehearses an uncertain transaction in the sandbox.

Armed with a drill, the next transaction Loket sends meets that fault, once:

* ``TIMEOUT``      the bank books it but its answer never arrives (``LOST_AFTER_PROCESSING``):
                   BELUM PASTI, and the call center would say BERHASIL;
* ``REFUSED``      the connection is refused (``REFUSE_CONNECTION``): nothing left the
                   counter, the same reference may be sent again;
* ``NOT_REACHED``  the connection drops before the bank reads it (``DROP_BEFORE_PROCESSING``):
                   BELUM PASTI, and the call center would say GAGAL.

"The next transaction" is the request that carries the reference of a journal row in state
SENT (committed before the request leaves): in its body or a header (``sid``,
``X-EXTERNAL-ID``). An inquiry, a token, a balance or a background status check is never
the one; so a drill waits, armed, for the payment it is meant for.

The switch is made only in sandbox mode (``app.context``), and only the transport to the
simulated hosts consults it (``services/sandbox/training.py``, which turns a drill into the
hosts' own fault hooks); a live profile has no switch and no transport it could sit in.
"""

from __future__ import annotations

import threading
from enum import Enum
from typing import Callable

from services.i18n import QT_TRANSLATE_NOOP


class Drill(Enum):
    TIMEOUT = "timeout"
    REFUSED = "refused"
    NOT_REACHED = "not_reached"


LABELS = {
    None: QT_TRANSLATE_NOOP("training", "Latihan: mati"),
    Drill.TIMEOUT: QT_TRANSLATE_NOOP("training", "Latihan: waktu habis"),
    Drill.REFUSED: QT_TRANSLATE_NOOP("training", "Latihan: ditolak"),
    Drill.NOT_REACHED: QT_TRANSLATE_NOOP("training", "Latihan: tak sampai"),
}


class TrainingSwitch:
    """One armed drill at most. ``sent_references`` names the journal rows being sent now;
    ``on_change`` hears the drill change (armed, or used up), from any thread."""

    def __init__(self, sent_references: Callable[[], list[str]]) -> None:
        self._sent_references = sent_references
        self._drill: Drill | None = None
        self._lock = threading.Lock()
        self.on_change: Callable[[Drill | None], None] = lambda drill: None

    @property
    def drill(self) -> Drill | None:
        return self._drill

    def arm(self, drill: Drill | None) -> None:
        with self._lock:
            self._drill = drill
        self.on_change(drill)

    def take(self, carried: str) -> Drill | None:
        """The drill, used up, if ``carried`` (a request's body and header values) sends
        the transaction it waits for; else None."""
        if self._drill is None or not any(reference in carried for reference in self._sent_references()):
            return None
        with self._lock:
            drill, self._drill = self._drill, None
        if drill is not None:  # None: another request took it meanwhile
            self.on_change(None)
        return drill
