"""In-process route to a simulated host: an httpx transport, no socket involved.

Faults become the exceptions httpx would raise over a real network, so the client code
under test takes the same path it would against a real, misbehaving host.
"""

from __future__ import annotations

import time

import httpx

from services.sandbox.base import Fault, Request, SimulatedHost, apply_fault_before


class SandboxTransport(httpx.BaseTransport):
    def __init__(self, *hosts: SimulatedHost, routes: dict[str, SimulatedHost] | None = None) -> None:
        """``routes`` maps a path prefix to a host when several hosts share one client."""
        self.routes = dict(routes or {})
        self.default = hosts[0] if hosts else None

    def _host_for(self, path: str) -> SimulatedHost:
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
        host = self._host_for(sreq.path)
        fault = host.faults.take(sreq.path)
        if fault is Fault.DROP_BEFORE_PROCESSING:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        early = apply_fault_before(host, fault)
        if early is not None:
            return httpx.Response(early.status, headers=early.headers, content=early.body, request=request)
        response = host.dispatch(sreq)
        if fault is Fault.LOST_AFTER_PROCESSING:
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        if fault is Fault.DELAY:
            timeout = (request.extensions.get("timeout") or {}).get("read")
            if timeout is not None and host.faults.delay_seconds >= timeout:
                time.sleep(timeout)
                raise httpx.ReadTimeout("The read operation timed out", request=request)
            time.sleep(host.faults.delay_seconds)
        if fault is Fault.MALFORMED_JSON:
            return httpx.Response(200, headers={"content-type": "application/json"},
                                  content=response.body[: max(1, len(response.body) // 2)], request=request)
        return httpx.Response(response.status, headers=response.headers, content=response.body, request=request)
