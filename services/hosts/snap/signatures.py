"""The two SNAP signatures, and the exact bytes they are computed over.

Followed (cited because the seed documents leave gaps):

* Access token, asymmetric: ``X-SIGNATURE = base64(SHA256withRSA(privateKey, clientId + "|" +
  X-TIMESTAMP))`` -- BCA FAQ (seeds/bca-api-faq.txt: SHA256withRSA, partner key pair) and
  the string-to-sign from DOKU's public SNAP guide, "Get Token API / B2B"
  (developers.doku.com/accept-payments/direct-api/snap/integration-guide/get-token-api/b2b),
  which is the ASPI SNAP standard's (apidevportal.aspi-indonesia.or.id) formula.
* Transaction, symmetric: ``X-SIGNATURE = base64(HMAC_SHA512(clientSecret, METHOD + ":" +
  EndpointUrl + ":" + AccessToken + ":" + lowercase(hex(SHA-256(minify(body)))) + ":" +
  X-TIMESTAMP))`` -- seeds/doku-snap-bni-va-create.txt. EndpointUrl is the relative path
  with its query string; an absent body hashes as the empty string.

``minify`` removes only the whitespace *outside* JSON strings and keeps every other byte,
key order included. Re-serialising through ``json`` instead would be wrong twice: it could
change number spellings or escapes the sender signed, and a verifier must hash what the
sender meant, not what Python would have written. So a pretty-printed body and its compact
form verify alike, while another amount or another key order does not.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from services.clock import WIB

_JSON_WHITESPACE = frozenset(b" \t\r\n")
_QUOTE = 0x22
_BACKSLASH = 0x5C


def snap_timestamp(moment: datetime) -> str:
    """``yyyy-MM-ddTHH:mm:ss+07:00``: the X-TIMESTAMP both banks show, always in WIB."""
    return moment.astimezone(WIB).strftime("%Y-%m-%dT%H:%M:%S+07:00")


def minify(body: bytes) -> bytes:
    """JSON ``body`` without the whitespace between tokens (string contents untouched)."""
    out = bytearray()
    in_string = escaped = False
    for byte in body:
        if in_string:
            out.append(byte)
            if escaped:
                escaped = False
            elif byte == _BACKSLASH:
                escaped = True
            elif byte == _QUOTE:
                in_string = False
        elif byte == _QUOTE:
            in_string = True
            out.append(byte)
        elif byte not in _JSON_WHITESPACE:
            out.append(byte)
    return bytes(out)


def body_digest(body: bytes) -> str:
    """lowercase(hex(SHA-256(minify(body)))); the empty body hashes the empty string."""
    return hashlib.sha256(minify(body)).hexdigest()


def service_string_to_sign(method: str, endpoint: str, access_token: str, body: bytes, timestamp: str) -> str:
    return f"{method.upper()}:{endpoint}:{access_token}:{body_digest(body)}:{timestamp}"


def service_signature(client_secret: str, method: str, endpoint: str, access_token: str, body: bytes,
                      timestamp: str) -> str:
    """The transaction X-SIGNATURE (HMAC-SHA512, base64) over exactly ``body``."""
    message = service_string_to_sign(method, endpoint, access_token, body, timestamp)
    mac = hmac.new(client_secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha512).digest()
    return base64.b64encode(mac).decode("ascii")


def verify_service_signature(signature: str, client_secret: str, method: str, endpoint: str,
                             access_token: str, body: bytes, timestamp: str) -> bool:
    expected = service_signature(client_secret, method, endpoint, access_token, body, timestamp)
    return hmac.compare_digest(expected.encode("ascii"), signature.strip().encode("ascii", "replace"))


def token_string_to_sign(client_id: str, timestamp: str) -> str:
    return f"{client_id}|{timestamp}"


def token_signature(private_key: rsa.RSAPrivateKey, client_id: str, timestamp: str) -> str:
    """The access-token X-SIGNATURE: SHA256withRSA (PKCS#1 v1.5), base64."""
    raw = private_key.sign(token_string_to_sign(client_id, timestamp).encode("utf-8"),
                           padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(raw).decode("ascii")


def verify_token_signature(public_key: rsa.RSAPublicKey, signature: str, client_id: str, timestamp: str) -> bool:
    try:
        raw = base64.b64decode(signature, validate=True)
        public_key.verify(raw, token_string_to_sign(client_id, timestamp).encode("utf-8"),
                          padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True
