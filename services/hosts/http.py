"""JSON over HTTP with the transport failures sorted into NotSent and MaybeSent.

This is the one place where httpx exceptions become Loket errors, so every client agrees
on the rule that matters for money: only a failure that proves nothing was written to the
network (no connection) is ``NotSent``; everything after that is ``MaybeSent``.

Decisions (trust no answer):

* **One answer per connection.** Every request says ``Connection: close``: it goes on a
  connection of its own and that connection is closed after its one answer, so it is never
  reused. A host or proxy that sends an answer twice on a kept-alive connection would
  otherwise shift every later answer by one (the next payment reads the previous one's
  answer). The cost is one TCP (and TLS) handshake per request; a counter sends a handful
  of requests per customer, and an answer that belongs to another payment costs money.
* **An overall deadline** (``deadline``, default 75 s, configurable per host) covers the
  connection and the whole answer, besides httpx's per-read timeout: a host that trickles
  one byte every few seconds never times out a read, yet must not keep a payment SENT for
  minutes. When the deadline passes the socket is shut down (which wakes a blocked read),
  and the call fails with ``MaybeSent`` ("batas waktu"): the payment is SUSPECT. Unless it
  passed before the first byte of the request was written (a slow name lookup or connect
  under a short deadline): then the request provably never left, and it is ``NotSent``.
* An answer larger than ``MAX_ANSWER_BYTES`` is not an answer of these APIs: ``MaybeSent``,
  counted as it is decoded, so a small compressed body is never inflated past it (``inflate``); so is
  one that is not JSON, or JSON that Python cannot hold (nested past its recursion limit, a
  number of thousands of digits): whatever cannot be read is no answer, never a crash. And
  one that can be read two ways: a name said twice with two values (``_one_reading``). Half a
  character (a lone UTF-16 surrogate, escaped) is read as the replacement character
  (``_whole_characters``), names included before they are compared: two names apart only
  by a half are a name said twice (``_one_whole_reading``).
* **A redirect is no answer, and is never followed.** No document redirects; a 3xx comes
  from something between Loket and the bank (a load balancer, a proxy, a portal), whatever
  its body says: ``MaybeSent``. Following it would send the payment, PIN included, a second
  time and to an address nobody configured, so ``send`` refuses to, whatever the client.
* **A refused certificate is said as such** (``CertificateRefused``, a ``NotSent``): the
  handshake failed before anything was written, and the fix is an address, a certificate or
  the PC's date, not the line.
* **Whom a live host's certificate must come from** (``bank_tls_context``): the PC's own
  trust store first, through ``truststore`` (Windows: its certificate store, where a
  partner's IT adds its proxy's or its private CA by group policy; Linux and macOS: theirs),
  then the certificates httpx trusted until now (certifi's bundle, kept: a bank reached
  yesterday is reached today, also on a kiosk whose Windows never downloaded the root its
  bank's chain ends in), then the host's own CA file from Koneksi Host (a bank whose H2H
  address sits behind a private CA). Verification is never off, and a CA file is trusted
  for its own host only.
* **A path stays on its host** (``stays_on_host``). Paths come from settings (a token path,
  a transaction path) and are appended to the base address: ``@evil.example/token`` made
  ``https://bank@evil.example/token``, and the X-Auth password, the token and the agent's
  PIN went to another host while every check saw the bank's https address. Such a request
  is refused before it is built: ``NotSent``.
"""

from __future__ import annotations

import heapq
import itertools
import json
import logging
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import httpx

from services.errors import CertificateRefused, MaybeSent, NotSent
from services.hosts.inflate import Undecodable, decoded

if TYPE_CHECKING:
    from services.bank_time import BankTime

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=45.0, write=20.0, pool=10.0)
DEFAULT_DEADLINE = 75.0  # seconds for the connection and the whole answer
MAX_ANSWER_BYTES = 4_000_000
# What ``inflate`` reads, asked for by name: httpx's default adds br and zstd once their
# packages are installed, and a host that took it at its word would answer what is never read
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True)
class JsonResponse:
    status: int
    body: Any
    raw: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case


class DeadlinePassed(Exception):
    """Raised inside ``post`` when the overall deadline passed while the answer was read."""


class DeadlinePassedUnsent(Exception):
    """Raised inside ``post`` (by the trace, before httpcore writes anything) when the
    overall deadline passed before the request began to be written."""


class _Deadlines:
    """One daemon thread that expires every request's watchdog when its deadline passes.
    A thread of its own per request (``threading.Timer``) cost about a millisecond to start,
    on every request, of a payment's few milliseconds of Loket's own time."""

    def __init__(self) -> None:
        self._wake = threading.Condition()
        self._due: list[list[Any]] = []  # heap of [ends, order, watchdog or None once cancelled]
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, watchdog: "_Watchdog") -> list[Any]:
        entry = [watchdog.ends, next(self._order), watchdog]
        with self._wake:
            heapq.heappush(self._due, entry)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="loket-deadlines", daemon=True)
                self._thread.start()
            self._wake.notify()
        return entry

    def cancel(self, entry: list[Any]) -> None:
        with self._wake:
            entry[2] = None

    def _run(self) -> None:
        with self._wake:
            while True:
                while self._due and self._due[0][2] is None:
                    heapq.heappop(self._due)
                if not self._due:
                    self._wake.wait()
                    continue
                left = self._due[0][0] - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                watchdog = heapq.heappop(self._due)[2]
                self._wake.release()
                try:
                    watchdog._expire()
                finally:
                    self._wake.acquire()


_DEADLINES = _Deadlines()


class _Watchdog:
    """Shuts the request's socket down when the deadline passes (wakes a blocked read)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[Any] = []
        self._lock = threading.Lock()
        self._entry: list[Any] | None = None

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's ``trace`` extension: keep the socket of each connection it opens, and
        stop a request whose deadline passed before its first byte was written (decided
        under the lock: either it is stopped here, or the expiry comes after the writing began)."""
        if event.endswith(".send_request_headers.started"):
            with self._lock:
                if self.expired:
                    raise DeadlinePassedUnsent
            return
        if not event.endswith((".connect_tcp.complete", ".start_tls.complete")):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            late = self.expired
        if late:
            _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)

    def check(self) -> None:
        if self.expired or time.monotonic() >= self.ends:
            self.expired = True
            raise DeadlinePassed

    def __enter__(self) -> "_Watchdog":
        self._entry = _DEADLINES.add(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._entry is not None:
            _DEADLINES.cancel(self._entry)


def _shutdown(sock: Any) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass



def _certificate_refused(exc: BaseException) -> bool:
    """The TLS handshake refused the host's certificate (httpx wraps httpcore's error, which
    wraps ssl's)."""
    seen: BaseException | None = exc
    for _ in range(5):  # the chain is short; a cycle is never followed far
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def bank_tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """The TLS context of a live bank host's client: the system's trust store and certifi's
    bundle, and ``ca_file`` (PEM, the host's CA setting) besides when one is given. Raises
    ``OSError``/``ssl.SSLError`` when ``ca_file`` cannot be read as certificates.

    truststore verifies with the platform's own verifier (Windows: CertGetCertificateChain
    against the Windows store first, then against the certificates loaded here; Linux:
    OpenSSL with the system's default paths, ``SSL_CERT_FILE``/``SSL_CERT_DIR`` included, and
    the certificates loaded here). Building one costs the bundle's parse (~0.8 MiB held), so
    the hosts without a CA file of their own share one (``app.context``). On Linux, truststore
    reloads the system's bundle at every handshake (~20 ms here); on Windows it asks the
    certificate store, which Windows caches.

    truststore and certifi are imported here: only a live start needs them."""
    import certifi
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=certifi.where())
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


# ``\ud800``-``\udfff`` written as a JSON escape: a UTF-16 surrogate, one half of a character
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89abcdefABCDEF]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class NameSaidTwice(ValueError):
    """An answer's object names one field twice, with two values."""


def _one_reading(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object of an answer, as ``json.loads`` builds it, when it can be read one way only.

    Decision: a name said twice with two values (``{"code":"-1", ..., "code":"00"}``, from a
    host that writes its JSON by pasting parts, or from something in between) is an answer
    that says two things. Python keeps the last, another reader (the host's log, its
    support's tool) may keep the first: neither is the host's word, so the answer is
    unreadable (``NameSaidTwice``, ``MaybeSent``): SUSPECT, never SUCCESS or FAILED on which
    copy the parser kept. RFC 8259 leaves such an object's meaning open ("names SHOULD be
    unique"). A name said twice with the same value says one thing and is read."""
    body = dict(pairs)
    if len(body) != len(pairs):
        for name, value in pairs:
            if _typed(value) != _typed(body[name]):
                raise NameSaidTwice(f"{name[:40]!r} said twice")
    return body


def _one_whole_reading(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``_one_reading`` of an answer with half characters in it, its names as they will be read.

    Decision: the names are made whole (``_whole_characters``) before they are compared, not
    after: ``"note\\ud83d"`` and ``"note\\ud83e"`` are two names to the parser but one once
    each half is the replacement character, and made whole afterwards the dict kept the last
    of the two values in silence. Compared as they will be read, they are a name said twice."""
    return _one_reading([(_SURROGATE.sub("\ufffd", name), value) for name, value in pairs])


def _typed(value: Any) -> str:
    """``value`` as JSON text, which tells 0 from false and "00" from 0 (Python's == does not),
    as it will be read: a half character is the replacement character (``_whole_characters``)."""
    return _SURROGATE.sub("\ufffd", json.dumps(value, sort_keys=True, ensure_ascii=False))


def _whole_characters(value: Any) -> Any:
    """``value`` with every lone surrogate left in its text replaced by U+FFFD (json joins an
    escaped pair into its character, so what is left is a half).

    Decision: a host that cuts its strings in UTF-16 units (Java's, JavaScript's) cuts a name
    in the middle of an emoji and escapes the half it kept (``"BUDI \\ud83d"``). Python reads
    it, but no UTF-8 writer can hold it: not the journal's hash chain, not SQLite, not the
    next request's body. Kept, the payment to that customer could never be journaled (a bare
    ``UnicodeEncodeError``), and a SUCCESS the host confirmed could not be recorded (SUSPECT).
    The half is the replacement character, as a decoder shows a byte that is not UTF-8: the
    rest of the name stays, and nothing Loket compares with what it sent (references,
    accounts, amounts: digits) can carry one and still match."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_whole_characters(name): _whole_characters(item) for name, item in value.items()}
    if isinstance(value, list):
        return [_whole_characters(item) for item in value]
    return value


def wire_json(body: Any) -> bytes:
    """The one JSON encoding every host gets: compact, UTF-8, key order kept. The bytes a
    client sends are the bytes it journals and (SNAP) signs, so there is one encoder."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

def stays_on_host(base_url: str, path: str) -> bool:
    """Whether ``base_url + path`` (how ``JsonHttp`` joins them) is a path on ``base_url``'s
    own scheme, host and port: it starts with "/" and cannot turn the host's name into a
    user name (``@``) or a longer host name (``.evil.example``)."""
    base = base_url.rstrip("/")
    try:
        joined, origin = httpx.URL(base + path), httpx.URL(base)
    except (httpx.InvalidURL, TypeError):
        return False
    return path.startswith("/") and _joined_on(joined, origin)


def _joined_on(joined: httpx.URL, origin: httpx.URL) -> bool:
    """Whether ``joined`` names no user and has ``origin``'s scheme, host and port."""
    return not joined.userinfo and (joined.scheme, joined.host, joined.port) == (
        origin.scheme, origin.host, origin.port)


class JsonHttp:
    """POSTs JSON to one host and returns the parsed answer."""

    def __init__(self, client: httpx.Client, base_url: str, host: str, *, deadline: float | None = None,
                 bank_time: BankTime | None = None) -> None:
        """``bank_time`` reads the host's time off every answer accepted as the host's own
        (not a redirect, a 5xx or an unreadable body: a proxy's or portal's clock is not the bank's)."""
        self.client = client
        self.base_url = base_url.rstrip("/")
        try:
            self._origin: httpx.URL | None = httpx.URL(self.base_url)
        except (httpx.InvalidURL, TypeError):
            self._origin = None  # every post is refused (NotSent), as ``stays_on_host`` says
        self.host = host
        self.deadline = deadline or DEFAULT_DEADLINE
        self.bank_time = bank_time

    def url(self, path: str) -> str:
        return self.base_url + path

    def post(
        self,
        path: str,
        *,
        content: bytes,
        headers: Mapping[str, str],
        params: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
    ) -> JsonResponse:
        """Send exactly ``content`` (the bytes a signature may have been computed over)."""
        # ``stays_on_host``, with the URL parsed once for the check and the request, not three times
        try:
            url: httpx.URL | None = httpx.URL(self.url(path))
        except (httpx.InvalidURL, TypeError):
            url = None
        if url is None or self._origin is None or not path.startswith("/") or not _joined_on(url, self._origin):
            raise NotSent(host=self.host, detail=f"path {path[:80]!r} leaves {self.base_url}")
        watchdog = _Watchdog(self.deadline)
        request = self.client.build_request(
            "POST", url, content=content, headers={**dict(headers), "connection": "close",
                                                   "accept-encoding": ACCEPT_ENCODING},
            params=params, timeout=timeout or DEFAULT_TIMEOUT, extensions={"trace": watchdog.trace},
        )
        try:
            with watchdog:
                response = self.client.send(request, stream=True, follow_redirects=False)
                try:
                    raw = self._read(response, watchdog)
                finally:
                    response.close()
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.UnsupportedProtocol, httpx.PoolTimeout) as exc:
            refused = CertificateRefused if _certificate_refused(exc) else NotSent
            raise refused(host=self.host, detail=f"{type(exc).__name__}: {exc}") from exc
        except DeadlinePassedUnsent:
            raise NotSent(host=self.host, detail=f"batas waktu {self.deadline:.0f} detik terlewati sebelum "
                                                 "permintaan terkirim") from None
        except DeadlinePassed:
            raise MaybeSent(host=self.host, detail=f"batas waktu {self.deadline:.0f} detik terlewati") from None
        except httpx.HTTPError as exc:
            if watchdog.expired:
                raise MaybeSent(host=self.host, detail=f"batas waktu {self.deadline:.0f} detik terlewati") from exc
            raise MaybeSent(host=self.host, detail=f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 500 or response.status_code < 200 or 300 <= response.status_code < 400:
            raise MaybeSent(host=self.host, detail=f"HTTP {response.status_code}")
        try:
            # "utf-8-sig": a byte order mark first is dropped (RFC 8259 8.1 lets a parser ignore one)
            halves = _ESCAPED_SURROGATE.search(raw) is not None
            body = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_one_whole_reading if halves else _one_reading)
            if halves:
                body = _whole_characters(body)
        except (ValueError, RecursionError) as exc:
            # ValueError: besides JSONDecodeError and UnicodeDecodeError (both ValueErrors), a
            # number of more than 4300 digits, which Python refuses to make an int of, and a
            # name said twice (``_one_reading``)
            raise MaybeSent(host=self.host, detail=f"HTTP {response.status_code}: unreadable answer"
                                                   f" ({str(exc)[:80]})") from exc
        headers = {k.lower(): v for k, v in response.headers.items()}
        if self.bank_time is not None:
            self.bank_time.observe(self.host, headers)
        return JsonResponse(response.status_code, body, raw, headers)

    def _read(self, response: httpx.Response, watchdog: _Watchdog) -> bytes:
        """The answer's body, decoded, counted against ``MAX_ANSWER_BYTES`` as it is decoded
        (``inflate``: a gzip bomb is never inflated past the limit). An answer its transport
        read whole already (the sandbox's, made in this process) is decoded from the same raw
        bytes (its ``stream``), by the same reader: what a test proves of a sandbox's answer
        holds for the bank's (httpx's decoders read a body cut short, or a second gzip member,
        as the first one's success)."""
        watchdog.check()
        chunks: list[bytes] = []
        size = 0
        stream = response.stream  # made in this process and read whole: its raw bytes, kept by httpx
        raw: Iterable[bytes] = (stream if response.is_stream_consumed and isinstance(stream, httpx.SyncByteStream)
                                else response.iter_raw())
        try:
            for chunk in decoded(raw, response.headers.get("content-encoding", "")):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_ANSWER_BYTES:
                    raise MaybeSent(host=self.host, detail=f"answer larger than {MAX_ANSWER_BYTES} bytes")
                watchdog.check()
        except Undecodable as exc:
            raise MaybeSent(host=self.host, detail=f"HTTP {response.status_code}: undecodable answer"
                                                   f" ({str(exc)[:80]})") from exc
        return b"".join(chunks)

