"""The shape every simulated host shares: routing, ledger, faults."""

from __future__ import annotations

import json
import random
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import timezone
from email.utils import format_datetime
from enum import Enum
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs

from services.clock import Clock
from services.money import format_digits


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
    # -- a misbehaving host or proxy: answers that are not about the request -------------
    REFUSE_CONNECTION = "refuse"  # the connection is refused: nothing reached the host (NotSent)
    REPLAYED_ANSWER = "replayed"  # not processed; the previous answer of this path comes back
    FOREIGN_ANSWER = "foreign"  # not processed; an answer about another request of this path
    DUPLICATED_ANSWER = "duplicated"  # processed; the answer is sent twice on the connection
    TOO_LATE = "too_late"  # processed; answered "[68] RESPONSE RECEIVED TOO LATE"
    MALFUNCTION = "malfunction"  # processed; answered "[96] SYSTEM MALFUNCTION"
    CODE_AS_NUMBER = "code_number"  # processed; success code as a JSON number (0)
    CODE_WITH_SPACE = "code_space"  # processed; success code with a trailing space ("00 ")
    TRICKLE = "trickle"  # processed; the answer comes one byte every ``trickle_seconds``
    HUGE_NUMBERS = "huge"  # processed; the answer's amounts are 10^20
    NEGATIVE_NUMBERS = "negative"  # processed; the answer's amounts are negative
    INCONSISTENT_TOTAL = "inconsistent"  # processed; the answer's total is ten times too big (``total_keys``)
    GROUPED_AMOUNTS = "grouped"  # processed; SNAP amount values written with thousands dots ("100.000")
    # processed; the answer's verdict said again after it, as a refusal's ("code" twice, two
    # values): a host whose error handler writes its refusal into an answer already made
    SAID_TWICE = "twice"

    @property
    def processes(self) -> bool:
        return self not in (Fault.DROP_BEFORE_PROCESSING, Fault.SERVER_ERROR, Fault.REFUSE_CONNECTION,
                            Fault.REPLAYED_ANSWER, Fault.FOREIGN_ANSWER)


# The network faults a random plan draws from unless told otherwise (the answer-level
# attacks are asked for by name: ``FaultPlan(kinds=...)``).
CLASSIC_FAULTS = (Fault.DELAY, Fault.LOST_AFTER_PROCESSING, Fault.DROP_BEFORE_PROCESSING, Fault.SERVER_ERROR,
                  Fault.MALFORMED_JSON)
# Faults that change what a processed request's answer says.
ANSWER_FAULTS = (Fault.TOO_LATE, Fault.MALFUNCTION, Fault.CODE_AS_NUMBER, Fault.CODE_WITH_SPACE,
                 Fault.HUGE_NUMBERS, Fault.NEGATIVE_NUMBERS, Fault.INCONSISTENT_TOTAL, Fault.GROUPED_AMOUNTS,
                 Fault.SAID_TWICE)
HUGE = 10**20
MONEY_KEYS = frozenset({"amount", "total", "admin", "admin_fee", "deposit_amount", "first_deposit", "value",
                        "nominal"})
# INCONSISTENT_TOTAL: the answer's total; where it states none, the figure that stands for it
# (SNAP's amount value, the Switcher's amount, an account opening's first deposit). The first
# of these that the answer holds is the one made ten times too big.
TOTAL_KEYS = (frozenset({"total"}), frozenset({"value"}), frozenset({"amount", "first_deposit"}))


class FaultPlan:
    """Faults to inject: queued one-shots per path prefix, and an optional random rate."""

    def __init__(self, *, rate: float = 0.0, kinds: tuple[Fault, ...] = (), seed: int | None = None,
                 delay_seconds: float = 2.0, paths: tuple[str, ...] = (), trickle_seconds: float = 5.0) -> None:
        self._queue: deque[tuple[str, Fault]] = deque()
        self._lock = threading.Lock()
        self.rate = rate
        self.kinds = kinds or CLASSIC_FAULTS
        self.delay_seconds = delay_seconds
        self.trickle_seconds = trickle_seconds
        self.paths = paths  # random faults only on these path prefixes (all if empty)
        self._random = random.Random(seed)
        self.injected: list[tuple[str, Fault]] = []
        # Drawn, but the answer they met left them nothing to change (a total multiplied in an
        # answer that states none, a replay with nothing to replay, a copy of an answer on a
        # connection the client closes after one): not counted as injected.
        self.idle: list[tuple[str, Fault]] = []

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

    def withdraw(self, path: str, fault: Fault) -> None:
        """``fault``, taken for a request on ``path``, changed nothing: it moves from
        ``injected`` to ``idle``, so nobody counts a request that met it as one that did."""
        with self._lock:
            for i in range(len(self.injected) - 1, -1, -1):
                if self.injected[i] == (path, fault):
                    del self.injected[i]
                    self.idle.append((path, fault))
                    return


Handler = Callable[[Request], Response]


class SimulatedHost:
    """Base of every sandbox host.

    Subclasses register routes with ``self.route(path, handler)`` and call
    ``self.record(...)`` for every state change they make (money moved, account opened),
    which is the host's truth a test holds against the journal.

    ``clock`` is the host's own: the times in its answers, and the HTTP ``Date`` header every
    answer carries, as any real HTTP server sends it (RFC 9110 6.6.1). A test gives the host a
    clock other than the PC's to stage a wrong PC clock (services/bank_time.py).
    """

    name = "host"

    def __init__(self, *, faults: FaultPlan | None = None, ledger_path: Path | str | None = None,
                 clock: Clock | None = None) -> None:
        self.clock = clock or Clock()
        self.faults = faults or FaultPlan()
        self._routes: dict[tuple[str, str], Handler] = {}
        self._lock = threading.RLock()
        self.ledger: list[dict[str, Any]] = []
        self.ledger_path = Path(ledger_path) if ledger_path else None
        self._answers: dict[str, deque[tuple[bytes, Response]]] = {}  # path -> (request body, answer)

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

    # -- a misbehaving host: answers that are not about the request --------------------
    def serve(self, request: Request, fault: Fault | None) -> Response:
        """The answer the host side puts on the wire for ``request`` under ``fault`` (the
        transport-level faults, drop/lost/delay/refuse, are the transports' own)."""
        early = apply_fault_before(self, fault)
        if early is not None:
            return early
        if fault in (Fault.REPLAYED_ANSWER, Fault.FOREIGN_ANSWER):
            stale = self._stale_answer(request, foreign=fault is Fault.FOREIGN_ANSWER)
            if stale is not None:
                return stale
            self.faults.withdraw(request.path, fault)  # nothing to replay: answered as asked
        response = self.dispatch(request)
        response.headers.setdefault("date", format_datetime(self.clock.now().astimezone(timezone.utc), usegmt=True))
        with self._lock:
            kept = self._answers.setdefault(request.path, deque(maxlen=20))
            kept.append((request.body, response))
        if fault in ANSWER_FAULTS:
            changed = self.misanswer(response, fault)
            if changed is response:
                self.faults.withdraw(request.path, fault)
            return changed
        return response

    def last_answer(self, path: str) -> Response | None:
        """The latest answer the host gave to a request on ``path``, as it gave it (before
        any fault changed it on its way)."""
        with self._lock:
            kept = self._answers.get(path)
            return kept[-1][1] if kept else None

    def _stale_answer(self, request: Request, *, foreign: bool) -> Response | None:
        with self._lock:
            kept = list(self._answers.get(request.path, ()))
        for body, response in reversed(kept):
            if not foreign or body != request.body:
                return response
        return None

    def misanswer(self, response: Response, fault: Fault) -> Response:
        """``response`` as a misbehaving host would word it under ``fault``; ``response``
        itself when ``fault`` finds nothing in it to change."""
        try:
            body = json.loads(response.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return response
        if not isinstance(body, dict):
            return response
        if fault is Fault.SAID_TWICE:
            return self._refusal_after(response, body)
        before = _typed_text(body)
        if fault is Fault.TOO_LATE:
            body = self.unknown_code_answer(body, "68", "RESPONSE RECEIVED TOO LATE")
        elif fault is Fault.MALFUNCTION:
            body = self.unknown_code_answer(body, "96", "SYSTEM MALFUNCTION")
        elif fault in (Fault.CODE_AS_NUMBER, Fault.CODE_WITH_SPACE):
            body = self.reworded_code(body, as_number=fault is Fault.CODE_AS_NUMBER)
        elif fault is Fault.HUGE_NUMBERS:
            body = _with_money(body, lambda v: HUGE)
        elif fault is Fault.NEGATIVE_NUMBERS:
            body = _with_money(body, lambda v: -abs(v) if v else -25000)
        elif fault is Fault.INCONSISTENT_TOTAL:
            keys = self.total_keys(body)
            body = _with_money(body, lambda v: v * 10, keys=keys) if keys else body
        elif fault is Fault.GROUPED_AMOUNTS:
            body = _grouped_values(body)
        if _typed_text(body) == before:
            return response
        return Response(response.status, json.dumps(body, ensure_ascii=False).encode("utf-8"),
                        dict(response.headers))

    def _refusal_after(self, response: Response, body: dict[str, Any]) -> Response:
        """SAID_TWICE: ``body`` as the host wrote it, then, in the same object, each of its
        fields that an ISO "[51] INSUFFICIENT FUNDS" refusal (``unknown_code_answer``: the
        host's shape; a final refusal where the host's table has 51) words otherwise, with the
        refusal's value. ``response`` itself when no field would be said twice."""
        refusal = self.unknown_code_answer(dict(body), "51", "INSUFFICIENT FUNDS")
        again = {key: value for key, value in refusal.items()
                 if key in body and _typed_text(value) != _typed_text(body[key])}
        if not again:
            return response
        text = json.dumps(body, ensure_ascii=False)[:-1] + ", " + json.dumps(again, ensure_ascii=False)[1:]
        return Response(response.status, text.encode("utf-8"), dict(response.headers))

    def total_keys(self, body: dict[str, Any]) -> frozenset[str]:
        """The keys of the figures ``body`` states as its total (INCONSISTENT_TOTAL makes
        them ten times too big): the first group of ``TOTAL_KEYS`` it holds; none, nothing."""
        return next((keys for keys in TOTAL_KEYS if any(_has_key(body, key) for key in keys)), frozenset())

    def unknown_code_answer(self, body: dict[str, Any], code: str, text: str) -> dict[str, Any]:
        """A refusal with an ISO 8583 code that says nothing final (hosts give their shape)."""
        return {"code": "-1", "message": f"[{code}] {text}"}

    def reworded_code(self, body: dict[str, Any], *, as_number: bool) -> dict[str, Any]:
        """The same answer with its code as a number or with a trailing space."""
        for key in ("code", "responseCode"):
            if isinstance(body.get(key), str) and body[key].strip().isdigit():
                body[key] = int(body[key]) if as_number else body[key] + " "
        return body


def _typed_text(value: Any) -> str:
    """``value`` as JSON text, which tells 0 from false and "00" from 0 (Python's == does not)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _has_key(value: Any, key: str) -> bool:
    if isinstance(value, dict):
        return key in value or any(_has_key(v, key) for v in value.values())
    if isinstance(value, list):
        return any(_has_key(v, key) for v in value)
    return False


def _with_money(value: Any, change: Callable[[int], int], keys: frozenset[str] = MONEY_KEYS) -> Any:
    """``value`` with every money figure under ``keys`` changed, kept in its JSON type."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in keys and not isinstance(item, (dict, list, bool)) and item is not None:
                out[key] = _changed(item, change)
            else:
                out[key] = _with_money(item, change, keys)
        return out
    if isinstance(value, list):
        return [_changed_list_item(v, change, keys) for v in value]
    return value


def _changed_list_item(value: Any, change: Callable[[int], int], keys: frozenset[str]) -> Any:
    return _with_money(value, change, keys)


def _grouped_values(value: Any) -> Any:
    """``value`` with every SNAP amount value ("100000.00") written as a person would
    ("100.000"), as a host formatting its figures for a screen would send it."""
    if isinstance(value, dict):
        return {key: (format_digits(int(item[:-3])) if key == "value" and isinstance(item, str)
                      and item.endswith(".00") and item[:-3].isdigit() else _grouped_values(item))
                for key, item in value.items()}
    if isinstance(value, list):
        return [_grouped_values(item) for item in value]
    return value


def _changed(item: Any, change: Callable[[int], int]) -> Any:
    text = str(item).replace(".", "").replace(",", "") if isinstance(item, str) else None
    if isinstance(item, (int, float)):
        return change(int(item))
    if text is not None and text.strip().lstrip("-").isdigit():
        if "." in str(item) and str(item).endswith(".00"):  # SNAP "10000.00"
            return f"{change(int(str(item)[:-3]))}.00"
        return str(change(int(text)))
    return item


def apply_fault_before(host: SimulatedHost, fault: Fault | None) -> Response | None:
    """Faults that stop a request before the host processes it (the transports share this)."""
    if fault is Fault.SERVER_ERROR:
        return Response(503, b"<html><body>503 Service Unavailable</body></html>", {"content-type": "text/html"})
    if fault is Fault.SESSION_EXPIRY:
        host.forget_sessions()
    return None
