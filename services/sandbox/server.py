"""Serve simulated hosts over a real socket on 127.0.0.1, for end-to-end and fault tests.

The answer-level faults (``SimulatedHost.serve``) behave as in-process; the wire-level ones
are real here: ``DUPLICATED_ANSWER`` writes the answer twice on the connection (a client
that keeps the connection alive reads the copy as the next request's answer; to a client
that asked ``Connection: close`` the copy would never be read, so it is neither written nor
counted),
``TRICKLE`` writes the whole answer, status line and headers included, one byte every
``trickle_seconds``, and ``refusing()`` closes the listening socket so that connections are
really refused (``ECONNREFUSED``: nothing reached the host). A ``REFUSE_CONNECTION`` fault
drawn for a request that has already connected is served as ``DROP_BEFORE_PROCESSING``:
refusing needs the decision before the connection, which ``refusing()`` is for.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

from services.sandbox.base import Fault, Request, SimulatedHost

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
        if fault in (Fault.DROP_BEFORE_PROCESSING, Fault.REFUSE_CONNECTION):
            self.close_connection = True
            self.connection.close()
            return
        response = host.serve(sreq, fault)
        if fault is Fault.LOST_AFTER_PROCESSING:
            self.close_connection = True
            self.connection.close()
            return
        if fault is Fault.DELAY:
            time.sleep(host.faults.delay_seconds)
        payload = response.body
        if fault is Fault.MALFORMED_JSON:
            payload = payload[: max(1, len(payload) // 2)]
        head = [f"HTTP/1.1 {response.status} {self.responses.get(response.status, ('',))[0]}"]
        head += [f"{key}: {value}" for key, value in response.headers.items()]
        head.append(f"content-length: {len(payload)}")
        if not any(key.lower() == "date" for key in response.headers):  # the host's own clock says it
            head.append("date: " + self.date_time_string())
        if self.close_connection:
            head.append("connection: close")
        wire = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + payload
        if fault is Fault.DUPLICATED_ANSWER:
            if self.close_connection:  # the client reads one answer and closes: a copy is never read
                host.faults.withdraw(sreq.path, fault)
            else:
                wire += wire
        if fault is Fault.TRICKLE:
            for i in range(len(wire)):
                time.sleep(host.faults.trickle_seconds)
                try:
                    self.wfile.write(wire[i:i + 1])
                    self.wfile.flush()
                except OSError:  # the client gave up (its deadline)
                    self.close_connection = True
                    return
            return
        self.wfile.write(wire)

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
        if self._thread is not None:
            self.shutdown()
        self.server_close()

    @contextmanager
    def refusing(self) -> Iterator[None]:
        """While inside, connections to this port are refused by the kernel (the listening
        socket is closed): a client sees a refused connection, provably nothing sent."""
        thread = self._thread
        running = thread is not None
        if thread is not None:
            self.shutdown()
            thread.join()
            self._thread = None
        self.socket.close()
        try:
            yield
        finally:
            self.socket = socket.socket(self.address_family, self.socket_type)
            self.server_bind()
            self.server_activate()
            if running:
                self.start()

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
