"""SNAP signatures against answers computed OUTSIDE the code under test (the openssl CLI),
the partner key store, and the responseCode -> error mapping."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from services.errors import AccountNotFound, MaybeSent, SessionExpired, UserInputError
from services.hosts.http import wire_json
from services.hosts.snap import codes
from services.hosts.snap.client import parse_expires_in
from services.hosts.snap.keys import PartnerKeys, load_private_key, load_public_key
from services.hosts.snap.signatures import (
    body_digest,
    minify,
    service_signature,
    snap_timestamp,
    token_signature,
    verify_service_signature,
    verify_token_signature,
)
from services.secrets import SecretStore

SECRET = "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a"
TOKEN = "gp9HjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a"
PATH = "/bi-snap-va/bni/v1/transfer-va/create-va"
TIMESTAMP = "2020-12-21T14:56:11+07:00"
PRETTY = b"""{
  "partnerServiceId": "    8412",
  "customerNo": "000000000001",
  "virtualAccountNo": "    8412000000000001",
  "virtualAccountName": "Jessica  Tessalonika",
  "trxId": "2611211405000001",
  "totalAmount": {
    "value" : "100000.00",
    "currency": "IDR"
  },
  "additionalInfo": {},
  "virtualAccountTrxType": "C"
}"""


def openssl(*args: str, data: bytes = b"") -> bytes:
    return subprocess.run(["openssl", *args], input=data, capture_output=True, check=True).stdout


def openssl_hmac_b64(secret: str, message: str) -> str:
    mac = openssl("dgst", "-sha512", "-hmac", secret, "-binary", data=message.encode())
    return base64.b64encode(mac).decode()


def openssl_sha256_hex(data: bytes) -> str:
    return openssl("dgst", "-sha256", "-binary", data=data).hex()


@pytest.fixture(scope="module")
def rsa_pem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rsa") / "partner.pem"
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(path))
    return path


# -- symmetric (HMAC-SHA512) --------------------------------------------------------------
def test_transaction_signature_matches_openssl_known_answer() -> None:
    compact = minify(PRETTY)
    digest = openssl_sha256_hex(compact)  # lowercase hex from openssl, not hashlib
    expected = openssl_hmac_b64(SECRET, f"POST:{PATH}:{TOKEN}:{digest}:{TIMESTAMP}")
    assert service_signature(SECRET, "POST", PATH, TOKEN, compact, TIMESTAMP) == expected
    assert len(base64.b64decode(expected)) == 64  # the seed's example is 64 bytes too


def test_empty_body_hashes_the_empty_string() -> None:
    empty_digest = openssl_sha256_hex(b"")
    assert body_digest(b"") == empty_digest
    expected = openssl_hmac_b64(SECRET, f"POST:{PATH}:{TOKEN}:{empty_digest}:{TIMESTAMP}")
    assert service_signature(SECRET, "post", PATH, TOKEN, b"", TIMESTAMP) == expected


def test_pretty_and_minified_body_verify_alike() -> None:
    signature = service_signature(SECRET, "POST", PATH, TOKEN, PRETTY, TIMESTAMP)
    compact = wire_json(json.loads(PRETTY))
    assert minify(PRETTY) == compact
    assert verify_service_signature(signature, SECRET, "POST", PATH, TOKEN, compact, TIMESTAMP)
    assert verify_service_signature(signature, SECRET, "POST", PATH, TOKEN, PRETTY, TIMESTAMP)


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda b: b.replace(b"100000.00", b"900000.00"), id="another amount"),
        pytest.param(lambda b: b.replace(b'"value" : "100000.00",\n    "currency": "IDR"',
                                         b'"currency": "IDR",\n    "value" : "100000.00"'), id="keys in another order"),
        pytest.param(lambda b: b.replace(b"Jessica  Tessalonika", b"Jessica Tessalonika"), id="space inside a string"),
        pytest.param(lambda b: b.replace(b"2611211405000001", b"2611211405000002"), id="another trxId"),
    ],
)
def test_a_body_changed_after_signing_fails(tamper) -> None:
    signature = service_signature(SECRET, "POST", PATH, TOKEN, PRETTY, TIMESTAMP)
    changed = tamper(PRETTY)
    assert changed != PRETTY
    assert not verify_service_signature(signature, SECRET, "POST", PATH, TOKEN, changed, TIMESTAMP)


@pytest.mark.parametrize("field,value", [("method", "GET"), ("path", PATH + "?x=1"), ("token", TOKEN + "x"),
                                         ("timestamp", "2020-12-21T14:56:12+07:00"), ("secret", SECRET + "x")])
def test_every_part_of_the_string_to_sign_counts(field: str, value: str) -> None:
    signature = service_signature(SECRET, "POST", PATH, TOKEN, PRETTY, TIMESTAMP)
    parts = {"method": "POST", "path": PATH, "token": TOKEN, "timestamp": TIMESTAMP, "secret": SECRET, field: value}
    assert not verify_service_signature(signature, parts["secret"], parts["method"], parts["path"], parts["token"],
                                        PRETTY, parts["timestamp"])


def test_minify_keeps_string_contents_and_escapes() -> None:
    raw = b'{ "a" : "x \\" y\\\\" ,\n "b":[ 1, 2 ] }'
    assert minify(raw) == b'{"a":"x \\" y\\\\","b":[1,2]}'
    assert json.loads(minify(raw)) == json.loads(raw)


# -- asymmetric (SHA256withRSA) -----------------------------------------------------------
def test_token_signature_verifies_with_openssl(rsa_pem: Path, tmp_path: Path) -> None:
    key = load_private_key(rsa_pem.read_bytes())
    signature = token_signature(key, "BRN-0208-1700000000001", TIMESTAMP)
    (tmp_path / "sig").write_bytes(base64.b64decode(signature))
    (tmp_path / "pub").write_bytes(openssl("rsa", "-in", str(rsa_pem), "-pubout"))
    out = openssl("dgst", "-sha256", "-verify", str(tmp_path / "pub"), "-signature", str(tmp_path / "sig"),
                  data=f"BRN-0208-1700000000001|{TIMESTAMP}".encode())
    assert b"Verified OK" in out


def test_openssl_token_signature_is_the_same_and_verifies(rsa_pem: Path) -> None:
    expected = base64.b64encode(openssl("dgst", "-sha256", "-sign", str(rsa_pem), data=f"client|{TIMESTAMP}".encode()))
    key = load_private_key(rsa_pem.read_bytes())
    # PKCS#1 v1.5 is deterministic: the same key and string give the same bytes.
    assert token_signature(key, "client", TIMESTAMP) == expected.decode()
    assert verify_token_signature(key.public_key(), expected.decode(), "client", TIMESTAMP)
    assert not verify_token_signature(key.public_key(), expected.decode(), "client", "2020-12-21T14:56:12+07:00")
    assert not verify_token_signature(key.public_key(), "not base64!", "client", TIMESTAMP)


def test_timestamp_is_wib_with_offset() -> None:
    assert snap_timestamp(datetime(2020, 12, 21, 7, 56, 11, 999, tzinfo=timezone.utc)) == TIMESTAMP


# -- the key store --------------------------------------------------------------------------
def store(tmp_path: Path) -> PartnerKeys:
    return PartnerKeys(tmp_path / "keys", SecretStore(tmp_path, use_keyring=False), "bca")


def test_generated_key_is_2048_bits_public_pem_as_openssl_gives(tmp_path: Path) -> None:
    keys = store(tmp_path)
    public = keys.generate()
    assert keys.private_key().key_size == 2048
    passphrase = keys.secrets.get("snap.bca.key_passphrase")
    from_openssl = openssl("rsa", "-in", str(keys.path), "-passin", f"pass:{passphrase}", "-pubout").decode()
    assert public == from_openssl
    exported = keys.export_public_key(tmp_path / "public-key.pub")
    assert exported.read_text() == from_openssl


def test_private_key_is_never_stored_plain(tmp_path: Path) -> None:
    keys = store(tmp_path)
    keys.generate()
    pem = keys.path.read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(subprocess.CalledProcessError):  # openssl cannot open it without the passphrase
        openssl("rsa", "-in", str(keys.path), "-passin", "pass:wrong", "-noout")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"BEGIN PRIVATE KEY" not in path.read_bytes()
            assert b"BEGIN RSA PRIVATE KEY" not in path.read_bytes()


def test_import_existing_key_plain_or_password_protected(tmp_path: Path, rsa_pem: Path) -> None:
    keys = store(tmp_path)
    expected = openssl("rsa", "-in", str(rsa_pem), "-pubout").decode()
    assert keys.import_private_key(rsa_pem.read_bytes()) == expected
    locked = tmp_path / "locked.pem"
    openssl("pkcs8", "-topk8", "-in", str(rsa_pem), "-out", str(locked), "-passout", "pass:rahasia")
    with pytest.raises(UserInputError) as missing:
        keys.import_private_key(locked.read_bytes())
    assert missing.value.field == "password"
    with pytest.raises(UserInputError):
        keys.import_private_key(locked.read_bytes(), "salah")
    assert keys.import_private_key(locked.read_bytes(), "rahasia") == expected
    assert keys.public_key_pem() == expected


def test_import_refuses_short_keys_and_garbage(tmp_path: Path) -> None:
    short = openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024")
    keys = store(tmp_path)
    with pytest.raises(UserInputError, match="2048"):
        keys.import_private_key(short)
    with pytest.raises(UserInputError):
        keys.import_private_key(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    assert not keys.has_key()


def test_public_key_loads_from_pub_file(tmp_path: Path) -> None:
    keys = store(tmp_path)
    keys.generate()
    assert load_public_key(keys.export_public_key(tmp_path / "k.pub").read_bytes()).key_size == 2048


# -- responseCode -----------------------------------------------------------------------------
def test_response_code_splits_into_http_service_case() -> None:
    code = codes.ResponseCode.parse("4042716")
    assert (code.http, code.service, code.case) == (404, "27", "16")
    assert codes.ResponseCode.parse("2002700").ok
    with pytest.raises(ValueError):
        codes.ResponseCode.parse("40427")


@pytest.mark.parametrize(
    "code,cls,also",
    [
        ("4042716", codes.PartnerNotFound, None),
        ("4001702", codes.SnapBadRequest, None),
        ("4017300", codes.SnapUnauthorized, None),
        ("4011701", codes.SnapTokenRejected, SessionExpired),
        ("4031714", codes.InsufficientFunds, None),
        ("4041511", codes.SnapAccountNotFound, AccountNotFound),
        ("4092700", codes.SnapConflict, None),
        ("4091701", codes.DuplicateReference, None),
        ("4293600", codes.TooManyRequests, None),
    ],
)
def test_rejections_map_to_typed_errors_with_a_next_step(code: str, cls: type, also: type | None) -> None:
    with pytest.raises(cls) as caught:
        codes.check("doku", {"responseCode": code, "responseMessage": "from host"}, int(code[:3]))
    error = caught.value
    assert error.code == code and error.host == "doku" and error.host_message == "from host"
    assert error.message and error.message != "from host"
    if also:
        assert isinstance(error, also)


@pytest.mark.parametrize("body,status", [({"responseCode": "2021700"}, 202), ({"responseCode": "5001700"}, 200),
                                         ({"no": "code"}, 200), ({"responseCode": "2001701"}, 200)])
def test_unknown_outcomes_are_maybe_sent(body: dict, status: int) -> None:
    with pytest.raises(MaybeSent):
        codes.check("bca", body, status)


def test_expires_in_may_be_a_string() -> None:
    assert parse_expires_in("900") == 900
    assert parse_expires_in(900) == 900
    assert parse_expires_in(" 600 ") == 600
    assert parse_expires_in(None) == 900
    assert parse_expires_in("later") == 900


def test_hashlib_agrees_with_openssl_on_the_body_digest() -> None:
    # Sanity of the known-answer helper itself, so a broken openssl call cannot pass silently.
    assert openssl_sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()


@pytest.mark.parametrize("path, service", [
    ("/openapi/v1.0/transfer-intrabank", "17"), ("/openapi/v1.0/transfer-interbank/", "18"),
    ("/openapi/v1.0/transfer/status", "36"), ("/bi-snap-va/bni/v1/transfer-va/create-va", "27"),
    ("/openapi/v2.0/balance-inquiry", "11"), ("/openapi/v1.0/account-inquiry-external", "16"),
    ("/openapi/v1.0/transfer-intrabank-extra", None), ("/openapi/v1.0/status", None),
])
def test_each_snap_api_is_known_by_its_service_code(path, service):
    assert codes.service_of(path) == service
