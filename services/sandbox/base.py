"""The shape every simulated host shares: routing, ledger, faults."""

from __future__ import annotations

import json
import random
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes

    @classmethod
    def build(cls, method: str, target: str, headers: dict[str, str], body: bytes) -> "Request":
        path, _, qs = target.partition("?")
        query = {k: v[0] for k, v in parse_qs(qs, keep_blank_values=True).items()}
        return cls(method.upper(), path, query, {k.lower(): v for k, v in headers.items()}, body)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body.strip() else {}


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/json"})

    @classmethod
    def json(cls, payload: Any, status: int = 200) -> "Response":
        return cls(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))


class Fault(str, Enum):
    """What can go wrong between Loket and a bank, as the sandbox can stage it."""

    DELAY = "delay"  # answer after ``delay_seconds`` (processing happens)
    LOST_AFTER_PROCESSING = "lost"  # processed, then the answer never arrives
    DROP_BEFORE_PROCESSING = "drop"  # connection closed before the host looked at it
    SERVER_ERROR = "5xx"  # HTTP 503, not processed
    MALFORMED_JSON = "malformed"  # processed, answer is not JSON
    SESSION_EXPIRY = "session"  # the host forgets every session first

    @property
    def processes(self) -> bool:
        return self in (Fault.DELAY, Fault.LOST_AFTER_PROCESSING, Fault.MALFORMED_JSON, Fault.SESSION_EXPIRY)


class FaultPlan:
    """Faults to inject: queued one-shots per path prefix, and an optional random rate."""

    def __init__(self, *, rate: float = 0.0, kinds: tuple[Fault, ...] = (), seed: int | None = None,
                 delay_seconds: float = 2.0, paths: tuple[str, ...] = ()) -> None:
        self._queue: deque[tuple[str, Fault]] = deque()
        self._lock = threading.Lock()
        self.rate = rate
        self.kinds = kinds or tuple(f for f in Fault if f is not Fault.SESSION_EXPIRY)
        self.delay_seconds = delay_seconds
        self.paths = paths  # random faults only on these path prefixes (all if empty)
        self._random = random.Random(seed)
        self.injected: list[tuple[str, Fault]] = []

    def queue(self, fault: Fault, path_prefix: str = "") -> None:
        """Inject ``fault`` into the next request whose path starts with ``path_prefix``."""
        with self._lock:
            self._queue.append((path_prefix, fault))

    def take(self, path: str) -> Fault | None:
        with self._lock:
            for i, (prefix, fault) in enumerate(self._queue):
                if path.startswith(prefix):
                    del self._queue[i]
                    self.injected.append((path, fault))
                    return fault
            if self.rate and (not self.paths or path.startswith(self.paths)) and self._random.random() < self.rate:
                fault = self._random.choice(self.kinds)
                self.injected.append((path, fault))
                return fault
        return None


Handler = Callable[[Request], Response]


class SimulatedHost:
    """Base of every sandbox host.

    Subclasses register routes with ``self.route(path, handler)`` and call
    ``self.record(...)`` for every state change they make (money moved, account opened),
    which is the host's truth a test holds against the journal.
    """

    name = "host"

    def __init__(self, *, faults: FaultPlan | None = None, ledger_path: Path | str | None = None) -> None:
        self.faults = faults or FaultPlan()
        self._routes: dict[tuple[str, str], Handler] = {}
        self._lock = threading.RLock()
        self.ledger: list[dict[str, Any]] = []
        self.ledger_path = Path(ledger_path) if ledger_path else None

    def route(self, path: str, handler: Handler, method: str = "POST") -> None:
        self._routes[(method, path)] = handler

    def record(self, **entry: Any) -> None:
        entry = {"host": self.name, "at": time.time(), **entry}
        self.ledger.append(entry)
        if self.ledger_path:
            with self.ledger_path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def credentials(self) -> dict[str, Any]:
        """What a client needs to talk to this host (``--print-credentials``)."""
        return {}

    def dispatch(self, request: Request) -> Response:
        """Route without faults; the transports apply the fault plan around this."""
        handler = self._routes.get((request.method, request.path))
        if handler is None:
            if any(p == request.path for (_, p) in self._routes):
                return Response.json({"code": "405", "message": "Method not allowed"}, 405)
            return Response.json({"code": "404", "message": f"Not found: {request.path}"}, 404)
        try:
            payload = request.json()
        except (UnicodeDecodeError, json.JSONDecodeError):
            return self.malformed_request(request)
        del payload
        with self._lock:
            return handler(request)

    def malformed_request(self, request: Request) -> Response:
        return Response.json({"code": "400", "message": "Malformed JSON"}, 400)

    def forget_sessions(self) -> None:
        """Fault SESSION_EXPIRY: hosts with sessions override this."""


def apply_fault_before(host: SimulatedHost, fault: Fault | None) -> Response | None:
    """Faults that stop a request before the host processes it (the transports share this)."""
    if fault is Fault.SERVER_ERROR:
        return Response(503, b"<html><body>503 Service Unavailable</body></html>", {"content-type": "text/html"})
    if fault is Fault.SESSION_EXPIRY:
        host.forget_sessions()
    return None
