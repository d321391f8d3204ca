"""Compressed answers whose compression does not frame one body, from a host on 127.0.0.1
(services/hosts/inflate.py): the body is what every member of the stream says, or no answer
(``MaybeSent``: SUSPECT), never the part of it a decoder happened to stop at."""

from __future__ import annotations

import gzip
import socket
import tracemalloc
import zlib

import httpx
import pytest

from services.errors import MaybeSent
from services.hosts.http import MAX_ANSWER_BYTES, JsonHttp
from services.hosts.inflate import PIECE
from tests.unit.test_answer_bomb import MiB, _answering
from tests.unit.test_http_deadline import serving

SUCCESS, REFUSED = b'{"responseCode":"00"}', b'{"responseCode":"51"}'


def _bare_deflate(body: bytes) -> bytes:
    """``body`` as the bare deflate stream some servers send for "deflate" (no zlib header)."""
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(body) + packer.flush()


def _post(body: bytes, encoding: str) -> JsonHttp:
    with serving(_answering(body, encoding)) as url, httpx.Client() as client:
        return JsonHttp(client, url, "bankplus").post("/transfer", content=b"{}", headers={})


@pytest.mark.parametrize("body, encoding", [
    # two answers, each a gzip member: the decoder stopped after the first and read a success
    (gzip.compress(SUCCESS) + gzip.compress(REFUSED), "gzip"),
    # whatever follows the end of the stream was dropped unread
    (gzip.compress(SUCCESS) + b',"responseCode":"51"}', "gzip"),
    (zlib.compress(SUCCESS) + zlib.compress(REFUSED), "deflate"),
    # only gzip is a series of members: two deflate streams are no one body
    (_bare_deflate(b'{"responseCode":') + _bare_deflate(b'"00"}'), "deflate"),
    # a stream cut before its check (gzip's CRC and length, zlib's Adler-32) was read as whole
    (gzip.compress(SUCCESS)[:-8], "gzip"),
    (zlib.compress(SUCCESS)[:-4], "deflate"),
], ids=["two gzip members", "after the end", "two zlib streams", "two bare deflate streams",
        "gzip cut before its check", "zlib cut before its check"])
def test_an_answer_that_is_not_one_whole_compressed_body_is_no_answer(body, encoding):
    with pytest.raises(MaybeSent):
        _post(body, encoding)


def test_a_gzip_answer_in_several_members_is_read_whole():
    # RFC 1952 2.2: a gzip stream is a series of members, its body all of theirs in turn
    assert _post(gzip.compress(b'{"responseCode":') + gzip.compress(b'"00"}'), "gzip").body == {"responseCode": "00"}


def _followed_by_zeros(body: bytes, size: int):
    """Answers with ``body`` and then ``size`` zero bytes, sent a piece at a time (built whole,
    the answer would be counted in the reader's memory)."""
    piece = bytes(PIECE)

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\n"
                             b"content-length: " + str(len(body) + size).encode() + b"\r\n\r\n" + body)
                for _ in range(size // PIECE):
                    conn.sendall(piece)
            except OSError:
                pass  # the reader gave up on it: what it should do
    return answer


def test_what_follows_the_end_of_a_compressed_body_is_not_held_past_the_limit():
    # every byte after the end went to zlib's ``unused_data``, never counted: a small answer
    # followed by megabytes of anything was held whole, and then read as the small answer
    with serving(_followed_by_zeros(gzip.compress(SUCCESS), 3 * MAX_ANSWER_BYTES // PIECE * PIECE)) as url, \
            httpx.Client() as client:
        tracemalloc.start()
        try:
            with pytest.raises(MaybeSent):
                JsonHttp(client, url, "bankplus").post("/transfer", content=b"{}", headers={})
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < MAX_ANSWER_BYTES + 4 * MiB, f"the reader peaked at {peak / MiB:.1f} MiB"


def test_an_answer_encoded_a_thousand_times_over_is_no_answer_not_a_crash():
    # each encoding was one generator inside the last: past Python's recursion limit, a bare
    # RecursionError out of ``post`` instead of Loket's words for an answer that cannot be read
    with pytest.raises(MaybeSent):
        _post(gzip.compress(SUCCESS), ", ".join(["gzip"] * 1500))


@pytest.mark.parametrize("body, encoding", [(gzip.compress(SUCCESS) + gzip.compress(REFUSED), "gzip"),
                                            (gzip.compress(SUCCESS)[:-8], "gzip")],
                         ids=["two gzip members", "gzip cut before its check"])
def test_an_answer_made_in_this_process_is_read_as_one_over_the_network(body, encoding):
    # the sandbox's transport (and the tests that rewrite its answers) hands over an answer
    # httpx has read whole; its decoders read these as the success, so what a test proved
    # of the sandbox's answers was not what the bank's would get
    made_here = httpx.MockTransport(lambda _request: httpx.Response(200, content=body,
                                                                     headers={"content-encoding": encoding}))
    with httpx.Client(transport=made_here) as client, pytest.raises(MaybeSent):
        JsonHttp(client, "http://sandbox.invalid", "bankplus").post("/transfer", content=b"{}", headers={})
