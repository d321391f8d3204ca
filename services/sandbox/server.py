"""Serve simulated hosts over a real socket on 127.0.0.1, for end-to-end and fault tests."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from services.sandbox.base import Fault, Request, SimulatedHost, apply_fault_before

LOOPBACK = "127.0.0.1"


class _Handler(BaseHTTPRequestHandler):
    server: "SandboxServer"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet by default
        if self.server.verbose:
            super().log_message(format, *args)

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        sreq = Request.build(self.command, self.path, dict(self.headers.items()), body)
        host = self.server.host_for(sreq.path)
        fault = host.faults.take(sreq.path)
        if fault is Fault.DROP_BEFORE_PROCESSING:
            self.close_connection = True
            self.connection.close()
            return
        response = apply_fault_before(host, fault) or host.dispatch(sreq)
        if fault is Fault.LOST_AFTER_PROCESSING:
            self.close_connection = True
            self.connection.close()
            return
        if fault is Fault.DELAY:
            time.sleep(host.faults.delay_seconds)
        payload = response.body
        if fault is Fault.MALFORMED_JSON:
            payload = payload[: max(1, len(payload) // 2)]
        self.send_response(response.status)
        for key, value in response.headers.items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_POST = _serve
    do_GET = _serve


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: SimulatedHost, port: int = 0, *, routes: dict[str, SimulatedHost] | None = None,
                 verbose: bool = False) -> None:
        super().__init__((LOOPBACK, port), _Handler)
        self.default = host
        self.routes = dict(routes or {})
        self.verbose = verbose
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def host_for(self, path: str) -> SimulatedHost:
        for prefix, host in sorted(self.routes.items(), key=lambda kv: -len(kv[0])):
            if path.startswith(prefix):
                return host
        return self.default

    def start(self) -> "SandboxServer":
        """Serve in a background thread (tests); ``serve_forever`` for the CLI."""
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="sandbox-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
