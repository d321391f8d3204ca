"""``python -m services.sandbox`` and ``python -m app --self-test`` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def test_print_credentials_gives_what_a_client_needs():
    out = subprocess.run([sys.executable, "-m", "services.sandbox", "--host", "bankplus", "--print-credentials"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    creds = json.loads(out)
    assert (creds["username"], creds["password"], creds["pin"]) == ("BNIUS100294", "T6jkl4ss", "359569")
    assert creds["login_path"] == "/bankplus/users/auth"


def test_serves_the_documented_paths_on_loopback_and_writes_its_ledger(tmp_path):
    ledger = tmp_path / "ledger.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.sandbox", "--host", "bankplus", "--port", "0", "--ledger", str(ledger)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    try:
        line = proc.stdout.readline().strip()
        base = line.rsplit(" ", 1)[-1]
        assert base.startswith("http://127.0.0.1:")
        login = httpx.post(base + "/bankplus/users/auth", json={"username": "BNIUS100294", "password": "T6jkl4ss"})
        session = login.json()["session_id"]
        answer = httpx.post(base + "/bankplus/bsa/depositAccount",
                            json={"toAccount": "14047", "name": "ardha", "amount": "25000", "narration": "test",
                                  "pin_transaksi": "359569"},
                            headers={"sessionid": session, "sid": "2611211405000001"}).json()
        assert answer["code"] == "00" and answer["data"]["total"] == "25.000"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    entries = [json.loads(x) for x in ledger.read_text().splitlines()]
    assert [(e["op"], e["sid"], e["amount"]) for e in entries] == [("deposit", "2611211405000001", 25_000)]


def test_self_test_logs_in_deposits_and_verifies(tmp_path):
    run = subprocess.run([sys.executable, "-m", "app", "--self-test"], cwd=ROOT, capture_output=True, text=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "HOME": str(tmp_path)}, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "sandbox login: Ardha Herdianto (BNI014100294)" in run.stdout
    assert "SUCCESS, agent balance 202696682 -> 202671682" in run.stdout
    assert run.stdout.strip().endswith("self-test OK")
