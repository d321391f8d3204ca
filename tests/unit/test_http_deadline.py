"""The overall deadline of a request (services/hosts/http.py) against a real socket on
127.0.0.1: a host that accepts and then says nothing is cut off by the deadline, well
before httpx's read timeout, and requests do not each start a thread of their own."""

from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

import httpx
import pytest

from services.errors import MaybeSent
from services.hosts.http import JsonHttp


@contextmanager
def serving(handle: Callable[[socket.socket], None]) -> Iterator[str]:
    """A host on 127.0.0.1 that hands every accepted connection to ``handle``."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            handle(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        server.close()


@pytest.fixture
def silent_host() -> Iterator[str]:
    """Accepts every connection and never answers."""
    held: list[socket.socket] = []
    with serving(held.append) as url:
        yield url
    for conn in held:
        conn.close()


def answer(conn: socket.socket) -> None:
    with conn:
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n"
                     b"connection: close\r\n\r\n{\"ok\":true}")


@pytest.fixture
def answering_host() -> Iterator[str]:
    """Answers every request at once with a small JSON body."""
    with serving(answer) as url:
        yield url


def test_a_silent_host_is_cut_off_at_the_deadline(silent_host):
    with httpx.Client() as client:
        http = JsonHttp(client, silent_host, "bankplus", deadline=0.5)
        with pytest.raises(MaybeSent) as caught:
            # the read timeout alone would wait 30 s: only the deadline's shutdown ends it
            http.post("/pay", content=b"{}", headers={}, timeout=httpx.Timeout(30.0))
    assert "batas waktu" in caught.value.detail


def test_requests_share_one_deadline_thread(answering_host, monkeypatch):
    with httpx.Client() as client:
        http = JsonHttp(client, answering_host, "bankplus", deadline=30.0)
        assert http.post("/first", content=b"{}", headers={}).body == {"ok": True}
        started: list[str] = []
        start = threading.Thread.start
        monkeypatch.setattr(threading.Thread, "start", lambda thread: started.append(thread.name) or start(thread))
        for n in range(20):
            assert http.post(f"/{n}", content=b"{}", headers={}).body == {"ok": True}
        assert started == []
