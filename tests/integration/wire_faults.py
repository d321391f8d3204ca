"""A misbehaving network between Loket and a simulated host, on real loopback sockets.

``Gateway`` listens on 127.0.0.1 in front of a ``SandboxServer`` and passes requests
through untouched, except the next request on a path given a ``WireFault``: the gateway
hands that request to the host (which processes it: the money moves) and then breaks the
answer on its way back the way a gateway, a proxy or a bad line does: a reset after the
request, after the headers or in the middle of the body, a close without an answer, a body
cut short, HTML or nothing under "200 OK", an answer after the client gave up, a 502/503/504
page, a redirect, bytes that are no HTTP, a corrupt gzip body, a body of megabytes.

``Gateway.stalled`` is the other end of the line: while inside, the gateway's accept queue
is full, so a connection attempt hangs in the kernel (its SYNs are dropped) and no byte of
the request can leave; it completes, late, once the queue drains, or times out.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from contextlib import contextmanager
from enum import Enum
from typing import Iterator
from urllib.parse import urlsplit

from services.sandbox.base import FaultPlan

HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


class WireFault(str, Enum):
    """What the gateway does with the host's answer to the request it passed on."""

    RESET_AFTER_REQUEST = "reset after the request"  # RST, no answer
    CLOSED_WITHOUT_ANSWER = "closed without an answer"  # FIN, no answer
    RESET_AFTER_HEADERS = "reset after the headers"
    RESET_MID_BODY = "reset in the middle of the body"
    CLOSED_MID_BODY = "closed in the middle of the body"  # content-length promised more
    TRUNCATED_200 = "200 with a body cut short"  # no content-length: the close ends the body
    HTML_200 = "200 with an HTML page"
    EMPTY_200 = "200 with an empty body"
    LATE = "the answer after the client gave up"
    GATEWAY_502 = "502 from the gateway"
    GATEWAY_503 = "503 from the gateway"
    GATEWAY_504 = "504 from the gateway"
    REDIRECT_ELSEWHERE = "307 to another host, the host's answer as its body"
    REDIRECT_PATH = "302 to another path"
    NOT_HTTP = "bytes that are no HTTP (a TLS alert)"
    CORRUPT_GZIP = "200 with a corrupt gzip body"
    HUGE = "200 with a body of megabytes"
    # not broken on the way: the host's own answer under another status
    ACCEPTED_202 = "the host's answer under 202 Accepted"


def _read_message(conn: socket.socket) -> bytes:
    """One HTTP message (head and its content-length body), or what came before a close."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _reset(conn: socket.socket) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def _response(status: str, body: bytes, *headers: str, length: bool = True) -> bytes:
    lines = [f"HTTP/1.1 {status}", "connection: close", *headers]
    if length:
        lines.append(f"content-length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class Gateway:
    """Passes requests to ``upstream`` (a base URL on 127.0.0.1), breaking the answers it is told to."""

    def __init__(self, upstream: str, *, late_seconds: float = 1.5,
                 redirect_to: str = "https://127.0.0.2:8443/elsewhere") -> None:
        parts = urlsplit(upstream)
        assert parts.hostname == "127.0.0.1", "the gateway talks to loopback only"
        self._upstream = (parts.hostname, parts.port)
        self.late_seconds = late_seconds
        self.redirect_to = redirect_to  # REDIRECT_ELSEWHERE's location
        self._faults = FaultPlan()  # its one-shot queue, holding wire faults here
        self.passed: list[str] = []  # the paths of the requests handed to the host
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self._stop = threading.Event()
        self._accepting = threading.Event()
        self._accepting.set()
        self._thread = threading.Thread(target=self._serve, name="wire-gateway", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    def next(self, path: str, fault: WireFault) -> None:
        """Break the answer to the next request whose path starts with ``path``."""
        self._faults.queue(fault, path)

    @contextmanager
    def stalled(self, *, release_after: float | None = None) -> Iterator[None]:
        """While inside, a new connection to the gateway hangs in the kernel: nothing of its
        request can be written. ``release_after`` seconds in, the queue drains and such a
        connection completes on its next SYN (Linux resends it 1 s, then 3 s, after the first)."""
        self._accepting.clear()
        time.sleep(0.15)  # the accept loop's current wait ends
        self._server.listen(0)
        fillers = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(3)]
        for filler in fillers:  # a backlog of 0 still admits one connection: fill it for sure
            filler.setblocking(False)
            try:
                filler.connect(self._server.getsockname())
            except BlockingIOError:
                pass
        time.sleep(0.05)

        def release() -> None:
            for filler in fillers:
                filler.close()
            self._server.listen(128)
            self._accepting.set()

        timer = threading.Timer(release_after, release) if release_after is not None else None
        if timer is not None:
            timer.start()
        try:
            yield
        finally:
            if timer is not None:
                timer.join()
            else:
                release()

    def close(self) -> None:
        self._stop.set()
        self._accepting.set()
        self._thread.join()
        self._server.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            if not self._accepting.wait(0.1):
                continue
            try:
                conn, _ = self._server.accept()
            except OSError:
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            request = _read_message(conn)
            if not request:  # a stall's filler, or a client that gave up before writing
                return
            path = request.split(b" ", 2)[1].decode("latin-1").split("?")[0] if request else ""
            fault: WireFault | None = self._faults.take(path)
            with socket.create_connection(self._upstream) as upstream:
                upstream.sendall(request)
                answer = _read_message(upstream)
            self.passed.append(path)
            self._answer(conn, fault, answer)
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def _answer(self, conn: socket.socket, fault: WireFault | None, answer: bytes) -> None:
        head, _, body = answer.partition(b"\r\n\r\n")
        status = head.split(b"\r\n")[0].split(b" ", 1)[1].decode("latin-1")
        half = body[: max(1, len(body) // 2)]
        if fault is None:
            conn.sendall(answer)
        elif fault is WireFault.RESET_AFTER_REQUEST:
            _reset(conn)
        elif fault is WireFault.CLOSED_WITHOUT_ANSWER:
            conn.close()
        elif fault is WireFault.RESET_AFTER_HEADERS:
            conn.sendall(_response(status, b"", "content-type: application/json", length=False)[:-2]
                         + f"content-length: {len(body)}\r\n\r\n".encode())
            time.sleep(0.05)
            _reset(conn)
        elif fault in (WireFault.RESET_MID_BODY, WireFault.CLOSED_MID_BODY):
            conn.sendall(_response(status, b"", "content-type: application/json",
                                   f"content-length: {len(body)}", length=False) + half)
            time.sleep(0.05)
            if fault is WireFault.RESET_MID_BODY:
                _reset(conn)
        elif fault is WireFault.TRUNCATED_200:
            conn.sendall(_response("200 OK", half, "content-type: application/json", length=False))
        elif fault is WireFault.HTML_200:
            conn.sendall(_response("200 OK", b"<html><body>OK</body></html>", "content-type: text/html"))
        elif fault is WireFault.EMPTY_200:
            conn.sendall(_response("200 OK", b"", "content-type: application/json"))
        elif fault is WireFault.LATE:
            time.sleep(self.late_seconds)
            conn.sendall(answer)
        elif fault in (WireFault.GATEWAY_502, WireFault.GATEWAY_503, WireFault.GATEWAY_504):
            code = {WireFault.GATEWAY_502: "502 Bad Gateway", WireFault.GATEWAY_503: "503 Service Unavailable",
                    WireFault.GATEWAY_504: "504 Gateway Timeout"}[fault]
            conn.sendall(_response(code, HTML_502, "content-type: text/html"))
        elif fault is WireFault.REDIRECT_ELSEWHERE:
            conn.sendall(_response("307 Temporary Redirect", body, "content-type: application/json",
                                   f"location: {self.redirect_to}"))
        elif fault is WireFault.REDIRECT_PATH:
            conn.sendall(_response("302 Found", b"<html>Moved</html>", "content-type: text/html",
                                   "location: /maintenance"))
        elif fault is WireFault.NOT_HTTP:
            conn.sendall(b"\x15\x03\x03\x00\x02\x02\x50")
        elif fault is WireFault.CORRUPT_GZIP:
            conn.sendall(_response("200 OK", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + body,
                                   "content-type: application/json", "content-encoding: gzip"))
        elif fault is WireFault.ACCEPTED_202:
            conn.sendall(_response("202 Accepted", body, "content-type: application/json"))
        elif fault is WireFault.HUGE:
            conn.sendall(_response("200 OK", b" " * 5_000_000 + body, "content-type: application/json"))
