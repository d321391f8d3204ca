"""The training switch's drills as the simulated hosts' own faults (``services.training``).

Between the clients and the in-process sandbox transport: a request that sends the
transaction an armed drill waits for gets the drill's fault queued on the host it goes to,
and the transport does the rest as it does for any injected fault.
"""

from __future__ import annotations

import httpx

from services.sandbox.base import Fault
from services.sandbox.transport import SandboxTransport
from services.training import Drill, TrainingSwitch

FAULTS = {
    Drill.TIMEOUT: Fault.LOST_AFTER_PROCESSING,  # booked by the bank, its answer lost
    Drill.REFUSED: Fault.REFUSE_CONNECTION,  # nothing left the counter
    Drill.NOT_REACHED: Fault.DROP_BEFORE_PROCESSING,  # cut before the bank read it
}


class TrainingTransport(httpx.BaseTransport):
    def __init__(self, inner: SandboxTransport, switch: TrainingSwitch) -> None:
        self.inner = inner
        self.switch = switch

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        carried = request.read().decode("utf-8", "replace") + " " + " ".join(request.headers.values())
        drill = self.switch.take(carried)
        if drill is not None:
            path = request.url.path
            self.inner.host_for(path).faults.queue(FAULTS[drill], path)
        return self.inner.handle_request(request)
