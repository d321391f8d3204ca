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

Decision: a compressed body is read to its own end and no further. A stream that stops
before its end (gzip's CRC and length, zlib's Adler-32 not yet read) is a body cut short, and
bytes after its end are not part of it: both ``Undecodable``, where httpx's decoders (and
this reader before) read the part up to where the stream stopped and dropped the rest unread
(held whole in zlib's ``unused_data``, uncounted by the limit): ``{"responseCode":"00"}``
followed by anything was a success. The one exception is RFC 1952's: a gzip stream is a
series of members, and its body all of theirs in turn (as Python's ``gzip``, curl and
urllib3 read it). More than ``MOST_CODINGS`` encodings on one answer is none Loket reads
(each is one inflater inside the last: a thousand passed Python's recursion limit).
"""

from __future__ import annotations

import itertools
import zlib
from typing import Iterable, Iterator

PIECE = 64 * 1024
MOST_CODINGS = 4

# zlib's window bits of each encoding, the next tried only when the first chunk is refused:
# RFC 9110's deflate is zlib's format, and some servers send the bare deflate stream (as httpx
# reads it too)
_GZIP = zlib.MAX_WBITS | 16
_FORMATS: dict[str, tuple[int, ...]] = {
    "gzip": (_GZIP,), "x-gzip": (_GZIP,),
    "deflate": (zlib.MAX_WBITS, -zlib.MAX_WBITS),
}


class Undecodable(ValueError):
    """The body is not what its Content-Encoding says, or the encoding is not one Loket reads."""


def decoded(raw: Iterable[bytes], content_encoding: str) -> Iterator[bytes]:
    """The body of ``raw`` (the bytes on the wire) with ``content_encoding`` undone, in pieces of
    at most ``PIECE`` bytes, inflated only as they are taken. Raises ``Undecodable`` (at once
    for an encoding it does not read, else as the pieces are taken)."""
    body: Iterator[bytes] = iter(raw)
    names = [part.strip().lower() for part in content_encoding.split(",") if part.strip()]
    if len(names) > MOST_CODINGS:
        raise Undecodable(f"{len(names)} content-encodings")
    for name in reversed(names):
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
            while chunk:
                for piece in _drain(inflater, chunk):
                    given = True
                    yield piece
                chunk, inflater = _after_end(inflater, formats[0])
        except zlib.error as exc:
            if not first or given or len(formats) < 2:  # the next format only for a stream refused at once
                raise Undecodable(str(exc)) from exc
            yield from _inflated(itertools.chain([chunk], raw), formats[1:])
            return
        first = False
    if not inflater.eof:  # ``_drain`` took all zlib had to give: the rest never came
        raise Undecodable("the compressed body ends before its end")


def _after_end(inflater: "zlib._Decompress", wbits: int) -> tuple[bytes, "zlib._Decompress"]:
    """What is left to inflate of the chunk ``inflater`` just took, and the inflater for it:
    nothing before the stream's end; after it, the next gzip member with an inflater of its
    own. Raises ``Undecodable`` for bytes after the end of any other stream."""
    rest = inflater.unused_data
    if not rest:
        return b"", inflater
    if wbits != _GZIP:
        raise Undecodable("bytes after the end of the compressed body")
    return rest, zlib.decompressobj(wbits)


def _drain(inflater: "zlib._Decompress", chunk: bytes) -> Iterator[bytes]:
    """``chunk`` inflated, ``PIECE`` bytes at a time, until zlib has nothing more to give."""
    while True:
        piece = inflater.decompress(chunk, PIECE)
        chunk = inflater.unconsumed_tail
        if piece:
            yield piece
        elif not chunk:
            return
