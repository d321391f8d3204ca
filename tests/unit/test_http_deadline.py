"""The overall deadline of a request (services/hosts/http.py) against a real socket on
127.0.0.1: a host that accepts and then says nothing is cut off by the deadline, well
before httpx's read timeout, and requests do not each start a thread of their own."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest

from services.errors import MaybeSent
from services.hosts.http import JsonHttp


@pytest.fixture
def silent_host():
    """Accepts every connection, reads the request and never answers."""
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            held.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


@pytest.fixture
def answering_host():
    """Answers every request at once with a small JSON body."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n"
                             b"connection: close\r\n\r\n{\"ok\":true}")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    server.close()


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
