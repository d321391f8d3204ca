"""In-process route to a simulated host: an httpx transport, no socket involved.

Faults become the exceptions httpx would raise over a real network, so the client code
under test takes the same path it would against a real, misbehaving host:

* ``REFUSE_CONNECTION`` is ``httpx.ConnectError`` (nothing reached the host); so is every
  request while ``refusing`` is set.
* ``DUPLICATED_ANSWER`` models a kept-alive connection that carries the answer twice: the
  extra copy waits on "the connection" and is what the next request reads, while that
  request's own answer waits in turn (every later answer shifted by one). A request that
  says ``Connection: close`` goes on a fresh connection, so it never reads a leftover, and
  its own duplicate dies with its connection: the fault changed nothing and is not counted
  (``FaultPlan.idle``).
* ``TRICKLE`` streams the answer one byte every ``trickle_seconds``.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Iterator

import httpx

from services.sandbox.base import Fault, Request, Response, SimulatedHost


class _Trickle(httpx.SyncByteStream):
    def __init__(self, body: bytes, pause: float) -> None:
        self.body = body
        self.pause = pause

    def __iter__(self) -> Iterator[bytes]:
        for i in range(len(self.body)):
            time.sleep(self.pause)
            yield self.body[i:i + 1]


class SandboxTransport(httpx.BaseTransport):
    def __init__(self, *hosts: SimulatedHost, routes: dict[str, SimulatedHost] | None = None) -> None:
        """``routes`` maps a path prefix to a host when several hosts share one client."""
        self.routes = dict(routes or {})
        self.default = hosts[0] if hosts else None
        self.refusing = False  # every connection refused (the host is down or unreachable)
        self._connection: deque[Response] = deque()  # answers waiting on the kept-alive connection
        self._lock = threading.Lock()

    def host_for(self, path: str) -> SimulatedHost:
        """The simulated host a request to ``path`` reaches (the longest matching prefix)."""
        for prefix, host in sorted(self.routes.items(), key=lambda kv: -len(kv[0])):
            if path.startswith(prefix):
                return host
        if self.default is None:
            raise httpx.ConnectError("no sandbox host for " + path)
        return self.default

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        target = request.url.raw_path.decode("ascii")
        sreq = Request.build(request.method, target, dict(request.headers), body)
        host = self.host_for(sreq.path)
        fault = host.faults.take(sreq.path)
        if self.refusing or fault is Fault.REFUSE_CONNECTION:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        if fault is Fault.DROP_BEFORE_PROCESSING:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        response = host.serve(sreq, fault)
        if fault is Fault.LOST_AFTER_PROCESSING:
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        if fault is Fault.DELAY:
            timeout = (request.extensions.get("timeout") or {}).get("read")
            if timeout is not None and host.faults.delay_seconds >= timeout:
                time.sleep(timeout)
                raise httpx.ReadTimeout("The read operation timed out", request=request)
            time.sleep(host.faults.delay_seconds)
        fresh = sreq.headers.get("connection", "").lower() == "close"
        if fault is Fault.DUPLICATED_ANSWER and fresh:
            host.faults.withdraw(sreq.path, fault)  # its copy dies with its connection, unread
        response = self._through_connection(response, fresh=fresh, duplicated=fault is Fault.DUPLICATED_ANSWER)
        if fault is Fault.MALFORMED_JSON:
            return httpx.Response(200, headers={"content-type": "application/json"},
                                  content=response.body[: max(1, len(response.body) // 2)], request=request)
        if fault is Fault.TRICKLE:
            return httpx.Response(response.status, headers=response.headers,
                                  stream=_Trickle(response.body, host.faults.trickle_seconds), request=request)
        return httpx.Response(response.status, headers=response.headers, content=response.body, request=request)

    def _through_connection(self, response: Response, *, fresh: bool, duplicated: bool) -> Response:
        """What the client reads from the connection: a leftover duplicate first, if any."""
        if fresh:
            return response  # its own connection: no leftover, and its duplicate is closed away
        with self._lock:
            self._connection.append(response)
            if duplicated:
                self._connection.append(response)
            return self._connection.popleft()
