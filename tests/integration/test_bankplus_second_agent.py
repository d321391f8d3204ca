"""The Bank+ sandbox's two agents of one counter: each login and each answer's ``agent`` block
names the agent whose session it is (the sandbox answered every login and every transaction
with the document's example agent, whoever had logged in)."""

from __future__ import annotations

import json
from typing import Any

from services.hosts.bankplus.sandbox import BankPlusSandbox
from services.sandbox.base import Request

FIRST = {"username": "BNIUS100294", "password": "T6jkl4ss", "pin": "359569"}


def call(host: BankPlusSandbox, path: str, body: dict[str, Any], session: str = "", sid: str = "") -> dict[str, Any]:
    headers = {"content-type": "application/json", "sessionid": session, "sid": sid}
    answer = host.dispatch(Request.build("POST", path, headers, json.dumps(body).encode()))
    return json.loads(answer.body)


def log_in(host: BankPlusSandbox, username: str, password: str) -> tuple[str, dict[str, Any]]:
    answer = call(host, "/bankplus/users/auth", {"username": username, "password": password})
    assert answer["code"] == "00", answer
    return answer["session_id"], answer["data"]


def test_each_agent_is_answered_with_their_own_name_account_and_pin():
    host = BankPlusSandbox()
    second = host.credentials()["second_agent"]
    first_session, first_login = log_in(host, FIRST["username"], FIRST["password"])
    second_session, second_login = log_in(host, second["username"], second["password"])

    # the document's example agent, as its login example shows it
    assert (first_login["nama"], first_login["username"], first_login["email"], first_login["kode_loket"]) == (
        "Ardha Herdianto", "BNIUS100294", "ardha2.008@gmail.com", "100294")
    # the second agent: the same counter (branch, loket, so kode agen), their own person
    assert (second_login["nama"], second_login["username"]) == (second["name"], second["username"])
    assert [second_login[k] for k in ("kode_mitra", "kode_cabang", "kode_loket")] == ["BNI", "014", "100294"]
    assert second_login["email"] != first_login["email"] and second_login["no_hp"] != first_login["no_hp"]
    assert second_login["attachment"] != first_login["attachment"]

    first_check = call(host, "/bankplus/bsa/checkAccount", {"accountNum": "1234567890"}, first_session, "R1")
    second_check = call(host, "/bankplus/bsa/checkAccount", {"accountNum": "1234567890"}, second_session, "R2")
    assert first_check["agent"] == {"kode_agen": "BNI014100294", "nama": "Ardha Herdianto",
                                    "alamat": "Perumahan Gateway 02/02 Jatikalang Kab_Sidoarjo, Jawa Timur"}
    assert second_check["agent"]["nama"] == second["name"]
    assert second_check["data"]["kodeAgen"] == second_check["agent"]["kode_agen"] == "BNI014100294"

    balance = call(host, "/bankplus/account/balance", {}, second_session, "R3")["data"]
    assert (balance["account_number"], balance["account_name"]) == (second["account"], second["name"].upper())

    # the second agent's PIN is theirs; the float taken is their account's, not the first agent's
    before = {n: host.accounts[n].balance for n in ("4447", second["account"])}
    refused = call(host, "/bankplus/bsa/depositAccount", {"toAccount": "1234567890", "amount": "50000",
                                                          "pin_transaksi": FIRST["pin"]}, second_session, "R4")
    assert refused["code"] == "INVALID_PIN"
    paid = call(host, "/bankplus/bsa/depositAccount", {"toAccount": "1234567890", "amount": "50000",
                                                       "pin_transaksi": second["pin"]}, second_session, "R5")
    assert paid["code"] == "00" and paid["agent"]["nama"] == second["name"]
    assert host.accounts["4447"].balance == before["4447"]
    assert host.accounts[second["account"]].balance == before[second["account"]] - 50_000
    assert "Ardha" not in json.dumps(paid) and "ARDHA" not in json.dumps(balance)

    # the first agent's session, still open beside it, is still answered as the first agent
    again = call(host, "/bankplus/bsa/checkAccount", {"accountNum": "1234567890"}, first_session, "R6")
    assert again["agent"]["nama"] == "Ardha Herdianto"


def test_the_credentials_list_no_agents_account_as_a_customers():
    creds = BankPlusSandbox().credentials()
    assert "4447" not in creds["customer_accounts"] and creds["second_agent"]["account"] not in creds[
        "customer_accounts"]
    assert (creds["username"], creds["password"], creds["pin"], creds["agent_code"]) == (
        "BNIUS100294", "T6jkl4ss", "359569", "BNI014100294")
