"""An answer's body decoded from its Content-Encoding a bounded piece at a time.

Decision: Loket decodes the body itself, from httpx's raw bytes (``Response.iter_raw``),
instead of taking httpx's decoded bytes (``iter_bytes``). httpx inflates each piece the
network gives (up to 64 KiB) whole: gzip inflates up to about 1000 times, so one piece of a
"gzip bomb" (1 MB on the wire, 1 GiB of zeros inside) became some 64 MiB in one bytes object,
and the process peaked ~130 MiB above its usual size before the answer's limit
(``http.MAX_ANSWER_BYTES``) could even be counted. Here every piece handed on is at most
``PIECE`` bytes (zlib's ``max_length``), and nothing more is inflated than the reader asks
for: a reader that stops at its limit stops the inflating there, and the peak stays near
the limit.

The encodings are httpx's own (gzip, deflate, identity; a list is undone last first, as
RFC 9110 8.4 says it was applied in order). Any other (br, zstd, compress) was never asked for
and is not read: ``Undecodable``, as a body that is not
what its encoding says. ``JsonHttp`` asks for these two by name (``http.ACCEPT_ENCODING``), so a
package installed later (brotli, zstandard) does not change what is asked for.
"""

from __future__ import annotations

import itertools
import zlib
from typing import Iterable, Iterator

PIECE = 64 * 1024

# zlib's window bits of each encoding, the next tried only when the first chunk is refused:
# RFC 9110's deflate is zlib's format, and some servers send the bare deflate stream (as httpx
# reads it too)
_FORMATS: dict[str, tuple[int, ...]] = {
    "gzip": (zlib.MAX_WBITS | 16,), "x-gzip": (zlib.MAX_WBITS | 16,),
    "deflate": (zlib.MAX_WBITS, -zlib.MAX_WBITS),
}


class Undecodable(ValueError):
    """The body is not what its Content-Encoding says, or the encoding is not one Loket reads."""


def decoded(raw: Iterable[bytes], content_encoding: str) -> Iterator[bytes]:
    """The body of ``raw`` (the bytes on the wire) with ``content_encoding`` undone, in pieces of
    at most ``PIECE`` bytes, inflated only as they are taken. Raises ``Undecodable`` (at once
    for an encoding it does not read, else as the pieces are taken)."""
    body: Iterator[bytes] = iter(raw)
    for name in reversed([part.strip().lower() for part in content_encoding.split(",") if part.strip()]):
        if name == "identity":
            continue
        if name not in _FORMATS:
            raise Undecodable(f"content-encoding {name[:20]!r}")
        body = _inflated(body, _FORMATS[name])
    return body


def _inflated(raw: Iterator[bytes], formats: tuple[int, ...]) -> Iterator[bytes]:
    inflater = zlib.decompressobj(formats[0])
    first, given = True, False
    for chunk in raw:
        try:
            for piece in _drain(inflater, chunk):
                given = True
                yield piece
        except zlib.error as exc:
            if not first or given or len(formats) < 2:  # the next format only for a stream refused at once
                raise Undecodable(str(exc)) from exc
            yield from _inflated(itertools.chain([chunk], raw), formats[1:])
            return
        first = False
    try:
        tail = inflater.flush()  # after ``_drain``, only what zlib still holds
    except zlib.error as exc:
        raise Undecodable(str(exc)) from exc
    if tail:
        yield tail


def _drain(inflater: "zlib._Decompress", chunk: bytes) -> Iterator[bytes]:
    """``chunk`` inflated, ``PIECE`` bytes at a time, until zlib has nothing more to give."""
    while True:
        piece = inflater.decompress(chunk, PIECE)
        chunk = inflater.unconsumed_tail
        if piece:
            yield piece
        elif not chunk:
            return
