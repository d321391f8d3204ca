"""A compressed answer that inflates far past ``MAX_ANSWER_BYTES`` (services/hosts/http.py),
from a host on 127.0.0.1: refused as an answer (``MaybeSent``) with the memory the reader
took staying near the limit, not the ~130 MiB one piece of a gzip bomb became when httpx
inflated each piece of the network whole."""

from __future__ import annotations

import gzip
import socket
import tracemalloc
import zlib
from typing import Iterator

import httpx
import pytest

from services.errors import MaybeSent
from services.hosts.http import MAX_ANSWER_BYTES, JsonHttp
from tests.unit.test_http_deadline import serving

MiB = 1024 * 1024


def _bomb() -> bytes:
    """1 GiB of zeros, gzip: about 1 MiB on the wire."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(MiB)
    return b"".join([*(packer.compress(zeros) for _ in range(1024)), packer.flush()])


def _answering(body: bytes, encoding: str, asked: list[bytes] | None = None):
    """Answers every request with ``body`` under ``encoding``; keeps what was asked in ``asked``."""
    def answer(conn: socket.socket) -> None:
        with conn:
            request = conn.recv(65536)
            if asked is not None:
                asked.append(request)
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: "
                             + encoding.encode() + b"\r\ncontent-length: " + str(len(body)).encode()
                             + b"\r\nconnection: close\r\n\r\n" + body)
            except OSError:
                pass  # the reader gave up on it: what it should do
    return answer


@pytest.fixture(scope="module")
def bomb_host() -> Iterator[str]:
    with serving(_answering(_bomb(), "gzip")) as url:
        yield url


def test_a_gzip_bomb_is_no_answer_and_is_not_inflated_past_the_limit(bomb_host):
    with httpx.Client() as client:
        http = JsonHttp(client, bomb_host, "bankplus")
        tracemalloc.start()
        try:
            with pytest.raises(MaybeSent) as caught:
                http.post("/transfer", content=b"{}", headers={})
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert "larger than" in str(caught.value.detail)
    assert peak < MAX_ANSWER_BYTES + 4 * MiB, f"the reader peaked at {peak / MiB:.1f} MiB"


@pytest.mark.parametrize("encoding, packed", [("gzip", gzip.compress), ("deflate", zlib.compress),
                                              ("gzip, deflate", lambda b: zlib.compress(gzip.compress(b)))])
def test_a_compressed_answer_within_the_limit_is_read_whole(encoding, packed):
    body = b'{"note": "' + b"7" * (MAX_ANSWER_BYTES - 20) + b'"}'
    with serving(_answering(packed(body), encoding)) as url, httpx.Client() as client:
        answer = JsonHttp(client, url, "bankplus").post("/transfer", content=b"{}", headers={})
    assert answer.raw == body and answer.body == {"note": "7" * (MAX_ANSWER_BYTES - 20)}


def test_only_the_encodings_the_reader_inflates_are_asked_for():
    """httpx asks for br and zstd too once their packages are installed (its default header):
    an answer in either would be one the bounded reader cannot read."""
    asked: list[bytes] = []
    with_brotli = httpx.Client(headers={"accept-encoding": "gzip, deflate, br, zstd"})  # httpx's default then
    with serving(_answering(b'{"ok": true}', "identity", asked)) as url, with_brotli:
        assert JsonHttp(with_brotli, url, "bankplus").post("/transfer", content=b"{}", headers={}).body == {"ok": True}
    assert b"accept-encoding: gzip, deflate\r\n" in asked[0].lower()
