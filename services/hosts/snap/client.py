"""The SNAP conversation shared by DOKU and BCA: B2B access token, then signed calls.

``SnapClient.post(path, body, external_id=...)`` sends ``body`` as compact JSON and signs
exactly those bytes, with the headers both banks ask for (Authorization Bearer,
X-TIMESTAMP, X-SIGNATURE, X-PARTNER-ID, X-EXTERNAL-ID, CHANNEL-ID). The token is fetched
once and shared by every call until shortly before it expires; concurrent callers wait on
one lock so only one of them asks the bank for it.

Token paths (the seeds name none):
* BCA: ``/openapi/v1.0/access-token/b2b`` -- BCA's SNAP documentation
  (developer.bca.co.id, "SNAP Access Token B2B"); every BCA SNAP service lives under
  ``/openapi/v1.0/``. The ASPI standard gives only ``.../{version}/access-token/b2b`` and
  leaves the prefix to each provider ("/snap/v1.0/..." is what some providers use, not BCA).
* DOKU: ``/authorization/v1/access-token/b2b`` -- DOKU SNAP integration guide, "Get Token
  API / B2B" (developers.doku.com/accept-payments/direct-api/snap/integration-guide/
  get-token-api/b2b), service code 73.

X-EXTERNAL-ID: numeric and unique within the day (seed). The caller passes it: the journal
reference of the transaction (the same on any retry of that transaction), or a fresh
``Journal.next_reference()`` for an inquiry. Journal references are 16 digits, strictly
increasing and persisted, so they stay unique across restarts with no extra table.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric import rsa

from services.bank_time import BankTime
from services.clock import Clock
from services.errors import MaybeSent, NotSent, TransportError
from services.hosts.http import JsonHttp, JsonResponse, wire_json
from services.hosts.snap import codes
from services.hosts.snap.signatures import service_signature, snap_timestamp, token_signature
from services.validation import is_digits

log = logging.getLogger(__name__)

DEFAULT_TOKEN_SECONDS = 900  # 15 minutes (BCA FAQ: SNAP tokens live 15 minutes)
REFRESH_MARGIN_SECONDS = 60  # ask for a new token this long before the old one expires


@dataclass(frozen=True)
class SnapCredentials:
    """What the bank issued to the partner. ``client_secret`` comes from the SecretStore."""

    client_key: str  # X-CLIENT-KEY, the client id
    client_secret: str  # the HMAC key of every transaction signature
    partner_id: str  # X-PARTNER-ID
    channel_id: str  # CHANNEL-ID
    token_path: str


def parse_expires_in(value: object) -> int:
    """``expiresIn`` arrives as 900 or "900" (BCA sends a string); anything else: 15 minutes."""
    try:
        seconds = int(str(value).strip())
    except (TypeError, ValueError):
        return DEFAULT_TOKEN_SECONDS
    return seconds if seconds > 0 else DEFAULT_TOKEN_SECONDS


def checked(host: str, answer: JsonResponse, sent_timestamp: str, *, money: bool = False,
            service: str | None = None) -> None:
    """``codes.check`` of a SNAP answer; a refusal over the clock says so, with the bank's time
    from the answer's X-TIMESTAMP header when it carries one (``codes.clock_refusal``)."""
    try:
        codes.check(host, answer.body, answer.status, money=money, service=service)
    except codes.SnapUnauthorized as refused:
        raise codes.clock_refusal(refused, sent_timestamp, answer.headers.get("x-timestamp", "")) from None


class AccessTokens:
    """The B2B access token, cached until ``refresh_margin`` seconds before it expires."""

    def __init__(self, http: JsonHttp, credentials: SnapCredentials, private_key: rsa.RSAPrivateKey, *,
                 clock: Clock, refresh_margin: float = REFRESH_MARGIN_SECONDS) -> None:
        self._http = http
        self._credentials = credentials
        self._private_key = private_key
        self._clock = clock
        self._margin = refresh_margin
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0
        self.fetched = 0  # how many times the bank was asked (tests and the benchmark read it)

    def get(self) -> str:
        with self._lock:
            if self._token is None or self._clock.monotonic() >= self._expires_at - self._margin:
                self._fetch()
            assert self._token is not None
            return self._token

    def invalidate(self, token: str) -> None:
        """Forget ``token`` after the bank refused it (unless another caller already replaced it)."""
        with self._lock:
            if self._token == token:
                self._token = None

    def _fetch(self) -> None:
        creds = self._credentials
        timestamp = snap_timestamp(self._clock.now())
        started = self._clock.monotonic()
        answer = self._http.post(
            creds.token_path,
            content=wire_json({"grantType": "client_credentials"}),
            headers={
                "content-type": "application/json",
                "X-CLIENT-KEY": creds.client_key,
                "X-TIMESTAMP": timestamp,
                "X-SIGNATURE": token_signature(self._private_key, creds.client_key, timestamp),
            },
        )
        checked(self._http.host, answer, timestamp)
        token = answer.body.get("accessToken")
        if not isinstance(token, str) or not token:
            raise MaybeSent(host=self._http.host, detail="access token answer without accessToken")
        self.fetched += 1
        self._token = token
        # Counted from when we asked, not when the answer came: a slow answer only makes
        # us refresh a little early.
        self._expires_at = started + parse_expires_in(answer.body.get("expiresIn"))


class SnapClient:
    """Signed SNAP calls to one host (``http.host`` is "doku" or "bca")."""

    def __init__(self, http: JsonHttp, credentials: SnapCredentials, tokens: AccessTokens, *, clock: Clock) -> None:
        self.http = http
        self.credentials = credentials
        self.tokens = tokens
        self._clock = clock

    @classmethod
    def build(cls, client: httpx.Client, base_url: str, host: str, credentials: SnapCredentials,
              private_key: rsa.RSAPrivateKey, *, clock: Clock, deadline: float | None = None,
              bank_time: BankTime | None = None) -> "SnapClient":
        http = JsonHttp(client, base_url, host, deadline=deadline, bank_time=bank_time)
        return cls(http, credentials, AccessTokens(http, credentials, private_key, clock=clock), clock=clock)

    @property
    def host(self) -> str:
        return self.http.host

    @property
    def deadline(self) -> float:
        """Seconds a call may take at most, connection and whole answer (the busy overlay counts it down)."""
        return self.http.deadline

    def endpoint(self, path: str) -> str:
        """The EndpointUrl that is signed: the path (with query) exactly as the host receives it."""
        return httpx.URL(self.http.url(path)).raw_path.decode("ascii")

    def post(self, path: str, body: dict[str, Any], *, external_id: str, money: bool = False) -> dict[str, Any]:
        """POST ``body``; returns the answer of a successful call, raises the typed error otherwise.

        A refused token (401xx01 / 401xx03) is dropped and the call is sent once more with
        a fresh token and the SAME X-EXTERNAL-ID: the bank refused it before processing,
        so this is the same request, not a new one.

        Trouble while fetching the token (any transport error) is ``NotSent``: whatever
        happened to the token request, ``body`` itself never left, so the transaction may
        be retried with its reference instead of being left SUSPECT.
        """
        if not is_digits(external_id):
            raise ValueError("X-EXTERNAL-ID must be numeric")
        content = wire_json(body)
        for attempt in (1, 2):
            try:
                token = self.tokens.get()
            except TransportError as exc:
                raise NotSent(host=self.host, detail=f"access token: {exc.detail}") from exc
            try:
                return self._send(path, content, token, external_id, money)
            except codes.SnapTokenRejected:
                self.tokens.invalidate(token)
                if attempt == 2:
                    raise
                log.info("%s refused the access token; fetching a new one", self.host)
        raise AssertionError("unreachable")

    def _send(self, path: str, content: bytes, token: str, external_id: str, money: bool) -> dict[str, Any]:
        creds = self.credentials
        timestamp = snap_timestamp(self._clock.now())
        signature = service_signature(creds.client_secret, "POST", self.endpoint(path), token, content, timestamp)
        answer = self.http.post(
            path,
            content=content,
            headers={
                "content-type": "application/json",
                "Authorization": f"Bearer {token}",
                "X-TIMESTAMP": timestamp,
                "X-SIGNATURE": signature,
                "X-PARTNER-ID": creds.partner_id,
                "X-EXTERNAL-ID": external_id,
                "CHANNEL-ID": creds.channel_id,
            },
        )
        checked(self.host, answer, timestamp, money=money, service=codes.service_of(path))
        return answer.body
