"""SNAP figures: signing costs, and BCA calls over loopback with one shared access token.

Run: ``.venv/bin/python tests/bench/snap.py``
"""

from __future__ import annotations

import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx  # noqa: E402

from services.clock import Clock  # noqa: E402
from services.hosts.bca import client as bca  # noqa: E402
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT, BcaSandbox  # noqa: E402
from services.hosts.snap.client import SnapClient, SnapCredentials  # noqa: E402
from services.hosts.snap.keys import PartnerKeys, load_private_key  # noqa: E402
from services.hosts.snap.signatures import service_signature, token_signature  # noqa: E402
from services.sandbox.server import SandboxServer  # noqa: E402
from services.sandbox.snap_test_key import TEST_PRIVATE_KEY_PEM  # noqa: E402
from services.secrets import SecretStore  # noqa: E402


def per_call(fn, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def main() -> None:
    key = load_private_key(TEST_PRIVATE_KEY_PEM)
    body = b'{"partnerReferenceNo":"2611211405000001","accountNo":"0613005908"}'
    hmac_us = per_call(lambda: service_signature("s" * 36, "POST", bca.BALANCE_PATH, "t" * 54, body,
                                                 "2026-11-21T14:05:00+07:00"), 20_000) * 1e6
    rsa_ms = per_call(lambda: token_signature(key, "client", "2026-11-21T14:05:00+07:00"), 200) * 1e3
    with tempfile.TemporaryDirectory() as folder:
        keys = PartnerKeys(Path(folder), SecretStore(Path(folder), use_keyring=False), "bench")
        gen_ms = per_call(keys.generate, 5) * 1e3
        load_ms = per_call(keys.private_key, 20) * 1e3
    print(f"HMAC-SHA512 transaction signature: {hmac_us:8.1f} us")
    print(f"SHA256withRSA token signature:     {rsa_ms:8.2f} ms")
    print(f"RSA-2048 key pair generate+store:  {gen_ms:8.1f} ms")
    print(f"encrypted private key load:        {load_ms:8.1f} ms")

    host = BcaSandbox(clock=Clock())
    c = host.credentials()
    creds = SnapCredentials(c["client_key"], c["client_secret"], c["partner_id"], c["channel_id"], c["token_path"])
    with SandboxServer(host) as server, httpx.Client() as http:
        snap = SnapClient.build(http, server.base_url, "bca", creds, key, clock=Clock())
        client = bca.BcaClient(snap, BCA_AGENT_ACCOUNT)
        ids = iter(range(10**9, 2 * 10**9))
        calls = 300
        start = time.perf_counter()
        for _ in range(calls):
            client.balance(external_id=str(next(ids)))
        serial = time.perf_counter() - start
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda _: client.balance(external_id=str(next(ids))), range(calls)))
        parallel = time.perf_counter() - start
    print(f"balance inquiry over loopback:     {serial / calls * 1e3:8.2f} ms/call serial, "
          f"{parallel / calls * 1e3:.2f} ms/call with 8 workers")
    print(f"access tokens requested for {2 * calls} calls: {host.tokens_issued}")


if __name__ == "__main__":
    main()
