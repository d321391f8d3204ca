"""What every sandbox SNAP host checks, as the real hosts do; DOKU's
(``services.hosts.doku.sandbox``) and BCA's (``services.hosts.bca.sandbox``) build on it.

Every call is checked the way the SNAP documents describe, in this order, and refused with
the SNAP responseCode (HTTP status + service code + case code) and the HTTP status it
starts with:

access token (service 73)
  X-CLIENT-KEY unknown -> 401xx00 "Unauthorized. [Unknown client]"
  X-TIMESTAMP missing / not ISO-8601 -> 400xx02 / 400xx01; more than
  ``timestamp_tolerance`` seconds (default 300) from the host clock -> 401xx00
  "Unauthorized. [X-TIMESTAMP]"
  X-SIGNATURE not SHA256withRSA(clientId|X-TIMESTAMP) under the registered public key
  -> 401xx00 "Unauthorized. [Signature]"
  grantType missing / not client_credentials -> 400xx02 / 400xx01
service calls
  no Bearer token -> 401xx03 "Token Not Found (B2B)"; unknown or expired token ->
  401xx01 "Invalid Token (B2B)"
  X-TIMESTAMP as above; X-PARTNER-ID not ours -> 401xx00 "Unauthorized. [Unknown partner]";
  CHANNEL-ID not ours -> 400xx01
  X-SIGNATURE not HMAC-SHA512 over the RECEIVED bytes -> 401xx00 "Unauthorized. [Signature]"
  X-EXTERNAL-ID missing / not numeric -> 400xx02 / 400xx01; already used today -> 409xx00
  "Conflict" (only a call that passed every check above uses up its X-EXTERNAL-ID: a
  refused token means the bank never looked at the request)
then the service's own field and business rules (see each host).

Decisions where the documents are silent, made here and nowhere else:
* The timestamp tolerance (5 minutes) and the "[reason]" texts of 401xx00.
* DOKU's token answer carries ``expiresIn`` as a number, BCA's as a string ("900"):
  both shapes occur in the wild, and the client must take both.
* Public key: ``public_key_path`` (the CLI's ``--public-key FILE``) or ``public_key_pem``
  (the app registers its own key when it runs the sandbox in-process); with neither, the
  built-in TEST key of ``snap_test_key``, whose private half ``credentials()`` prints.
* Sandbox-only business rules, each reachable so every documented code can be exercised:
  DOKU closed VA below Rp 10.000 -> 4042713 Invalid Amount; BCA transfer above
  Rp 100.000.000 -> 4031702; the dormant and blocked test accounts in ``BCA_ACCOUNTS``.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

from services.clock import WIB, Clock
from services.hosts.snap.codes import SERVICE_TOKEN_B2B
from services.hosts.snap.keys import load_private_key, load_public_key, public_key_pem
from services.hosts.snap.signatures import snap_timestamp, verify_service_signature, verify_token_signature
from services.sandbox.base import FaultPlan, Request, Response, SimulatedHost
from services.sandbox.snap_test_key import TEST_PRIVATE_KEY_PEM
from services.validation import is_digits

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}|Z)$")
_AMOUNT = re.compile(r"^\d{1,16}\.\d{2}$")


def parse_timestamp(value: str) -> datetime | None:
    if not isinstance(value, str) or not _TIMESTAMP.match(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


class Refusal(Exception):
    """Raised inside a handler: answer with this SNAP code and message."""

    def __init__(self, http: int, case: str, message: str) -> None:
        self.http, self.case, self.message = http, case, message
        super().__init__(message)


def mandatory(body: dict[str, Any], *names: str) -> None:
    """Dotted names ("amount.value") that must be present and non-empty, in order."""
    for name in names:
        value: Any = body
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value in (None, ""):
            raise Refusal(400, "02", f"Invalid Mandatory Field {name}")


def amount_value(amount: Any, name: str) -> int:
    """Sen from a SNAP amount object, refusing anything but "123.45" IDR."""
    if not isinstance(amount, dict) or amount.get("currency") != "IDR" or not _AMOUNT.match(str(amount.get("value"))):
        raise Refusal(400, "01", f"Invalid Field Format {name}")
    whole, cents = str(amount["value"]).split(".")
    return int(whole) * 100 + int(cents)


@dataclass
class _Token:
    client_key: str
    expires: datetime


class SnapSandbox(SimulatedHost):
    """What DOKU and BCA share: the token endpoint and the checks on every service call."""

    token_path = ""
    client_key = ""
    client_secret = ""
    partner_id = ""
    channel_id = ""
    expires_in_as_text = False

    def __init__(self, *, faults: FaultPlan | None = None, ledger_path: Path | str | None = None,
                 public_key_path: Path | str | None = None, public_key_pem: str | None = None,
                 clock: Clock | None = None, timestamp_tolerance: float = 300.0,
                 token_seconds: int = 900) -> None:
        super().__init__(faults=faults, ledger_path=ledger_path, clock=clock)
        self.timestamp_tolerance = timedelta(seconds=timestamp_tolerance)
        self.token_seconds = token_seconds
        if public_key_path:
            self.key_source = str(public_key_path)
            self.public_key = load_public_key(Path(public_key_path).read_bytes())
        elif public_key_pem:
            self.key_source = "registered by the application"
            self.public_key = load_public_key(public_key_pem)
        else:
            self.key_source = "built-in test key (services/sandbox/snap_test_key.py)"
            self.public_key = load_private_key(TEST_PRIVATE_KEY_PEM).public_key()
        self._tokens: dict[str, _Token] = {}
        self._external_ids: dict[str, set[str]] = {}
        self.tokens_issued = 0
        self._service_of: dict[str, str] = {self.token_path: SERVICE_TOKEN_B2B}
        self.route(self.token_path, self._access_token)

    # -- registration and answers ------------------------------------------------------
    def service(self, path: str, code: str, handler: Callable[[Request, dict[str, Any]], dict[str, Any]],
                echo: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> None:
        """Route ``path`` (SNAP service ``code``) through the common checks to ``handler``,
        which returns the success fields or raises ``Refusal``; ``echo`` adds fields to a
        refusal (DOKU repeats the VA data in its failure answers)."""
        self._service_of[path] = code

        def guarded(request: Request) -> Response:
            body = request.json()
            try:
                self._check_call(request)
                if not isinstance(body, dict):
                    raise Refusal(400, "00", "Bad Request")
                return self.answer(code, 200, "00", "Successful", handler(request, body))
            except Refusal as refusal:
                extra = echo(body) if echo and isinstance(body, dict) else {}
                return self.answer(code, refusal.http, refusal.case, refusal.message, extra)

        self.route(path, guarded)

    def answer(self, service: str, http: int, case: str, message: str,
               fields: dict[str, Any] | None = None) -> Response:
        payload = {"responseCode": f"{http}{service}{case}", "responseMessage": message, **(fields or {})}
        response = Response.json(payload, http)
        response.headers["X-TIMESTAMP"] = snap_timestamp(self.clock.now())
        return response

    def malformed_request(self, request: Request) -> Response:
        return self.answer(self._service_of.get(request.path, "00"), 400, "00", "Bad Request")

    def unknown_code_answer(self, body: dict[str, Any], code: str, text: str) -> dict[str, Any]:
        """A 403 case code the SNAP table does not list (9x), worded with the ISO text."""
        service = str(body.get("responseCode", "2000000"))[3:5]
        return {"responseCode": f"403{service}9{code[-1]}", "responseMessage": f"[{code}] {text}"}

    def forget_sessions(self) -> None:
        """Fault SESSION_EXPIRY: every access token is forgotten."""
        with self._lock:
            self._tokens.clear()

    def credentials(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "host": self.name,
            "token_path": self.token_path,
            "client_key": self.client_key,
            "client_secret": self.client_secret,
            "partner_id": self.partner_id,
            "channel_id": self.channel_id,
            "public_key": self.key_source,
        }
        if self.key_source.startswith("built-in"):
            out["test_private_key_pem"] = TEST_PRIVATE_KEY_PEM
        out["public_key_pem"] = public_key_pem(self.public_key)
        return out

    # -- checks --------------------------------------------------------------------------
    def _check_timestamp(self, request: Request) -> None:
        value = request.headers.get("x-timestamp", "")
        if not value:
            raise Refusal(400, "02", "Invalid Mandatory Field X-TIMESTAMP")
        moment = parse_timestamp(value)
        if moment is None:
            raise Refusal(400, "01", "Invalid Field Format X-TIMESTAMP")
        if abs(moment - self.clock.now()) > self.timestamp_tolerance:
            raise Refusal(401, "00", "Unauthorized. [X-TIMESTAMP]")

    def _access_token(self, request: Request) -> Response:
        try:
            if request.headers.get("x-client-key") != self.client_key:
                raise Refusal(401, "00", "Unauthorized. [Unknown client]")
            self._check_timestamp(request)
            if not verify_token_signature(self.public_key, request.headers.get("x-signature", ""),
                                          self.client_key, request.headers["x-timestamp"]):
                raise Refusal(401, "00", "Unauthorized. [Signature]")
            body = request.json()
            mandatory(body, "grantType")
            if body["grantType"] != "client_credentials":
                raise Refusal(400, "01", "Invalid Field Format grantType")
        except Refusal as refusal:
            return self.answer(SERVICE_TOKEN_B2B, refusal.http, refusal.case, refusal.message)
        token = secrets.token_urlsafe(36)
        self._tokens[token] = _Token(self.client_key, self.clock.now() + timedelta(seconds=self.token_seconds))
        self.tokens_issued += 1
        expires: Any = str(self.token_seconds) if self.expires_in_as_text else self.token_seconds
        return self.answer(SERVICE_TOKEN_B2B, 200, "00", "Successful",
                           {"accessToken": token, "tokenType": "Bearer", "expiresIn": expires, "additionalInfo": {}})

    def _check_call(self, request: Request) -> None:
        auth = request.headers.get("authorization", "")
        if not auth.startswith("Bearer ") or not auth[7:].strip():
            raise Refusal(401, "03", "Token Not Found (B2B)")
        token = auth[7:].strip()
        held = self._tokens.get(token)
        if held is None or held.expires <= self.clock.now():
            self._tokens.pop(token, None)
            raise Refusal(401, "01", "Invalid Token (B2B)")
        self._check_timestamp(request)
        if request.headers.get("x-partner-id") != self.partner_id:
            raise Refusal(401, "00", "Unauthorized. [Unknown partner]")
        if request.headers.get("channel-id") != self.channel_id:
            raise Refusal(400, "01", "Invalid Field Format CHANNEL-ID")
        endpoint = request.path + ("?" + urlencode(request.query) if request.query else "")
        if not verify_service_signature(request.headers.get("x-signature", ""), self.client_secret, request.method,
                                        endpoint, token, request.body, request.headers["x-timestamp"]):
            raise Refusal(401, "00", "Unauthorized. [Signature]")
        external_id = request.headers.get("x-external-id", "")
        if not external_id:
            raise Refusal(400, "02", "Invalid Mandatory Field X-EXTERNAL-ID")
        if not is_digits(external_id) or len(external_id) > 36:
            raise Refusal(400, "01", "Invalid Field Format X-EXTERNAL-ID")
        used_today = self._external_ids.setdefault(self.clock.now().astimezone(WIB).date().isoformat(), set())
        if external_id in used_today:
            raise Refusal(409, "00", "Conflict")
        used_today.add(external_id)
