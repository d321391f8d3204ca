"""The Bank+ client against the simulated host over a real loopback socket: every
endpoint of the document's Authentication, Non Transaction and Transaction sections,
success and each documented failure."""

from __future__ import annotations

import httpx
import pytest

from services.errors import AccountNotFound, HostRejected, InvalidPin, LoginFailed, SessionExpired
from services.hosts.bankplus.client import BankPlusClient

USER, PASSWORD, PIN = "BNIUS100294", "T6jkl4ss", "359569"


@pytest.fixture
def client(bankplus_server, http) -> BankPlusClient:
    return BankPlusClient(http, bankplus_server.base_url)


@pytest.fixture
def agent(client):
    client.login(USER, PASSWORD)
    return client


def test_login_returns_the_agent_and_a_session(client):
    session = client.login(USER, PASSWORD)
    assert session.name == "Ardha Herdianto"
    assert session.agent_code == "BNI014100294"
    assert len(session.session_id) == 80
    assert "Krian" in session.address and "Jawa Timur" in session.address


def test_wrong_login_is_code_2102(client):
    with pytest.raises(LoginFailed) as info:
        client.login(USER, "wrong")
    assert info.value.code == "2102"
    assert "Username atau password salah" in info.value.message


def test_logout_ends_the_session(agent):
    agent.logout()
    agent.session_id = "stale"
    with pytest.raises(SessionExpired):
        agent.graph_bill()


def test_calls_without_a_session_are_session_not_found(client):
    with pytest.raises(SessionExpired) as info:
        client.jobs()
    assert info.value.code == "SESSION_NOT_FOUND"
    assert "Masuk kembali" in info.value.message


def test_five_dashboard_graphs(agent, clock):
    assert [p.title for p in agent.graph_bsa("2020-01")] == ["Buka Rekening", "Setor Tunai", "Customer Balance"]
    assert agent.graph_bill()[0].title == "BPJS KS VA" and agent.graph_bill()[0].count == 52
    assert [p.title for p in agent.graph_purchase()] == ["GoPay", "Train Ticketing", "Railink"]
    assert agent.graph_agent_growth()[-1].title == "2019-05"
    assert len(agent.graph_agent_spread()) == 5


def test_bsa_graph_for_a_future_month_is_empty_not_an_error(agent):
    assert agent.graph_bsa("2099-01") == []


def test_bsa_graph_counts_what_the_host_processed(agent, bankplus_host):
    from datetime import datetime

    from services.clock import WIB

    month = datetime.now(WIB).strftime("%Y-%m")
    before = {p.title: p.count for p in agent.graph_bsa(month)}
    agent.deposit(to_account="14047", name="ARDHA HERDIANTO", amount=25_000, narration="t", pin=PIN, sid="1")
    after = {p.title: p.count for p in agent.graph_bsa(month)}
    assert after["Setor Tunai"] == before["Setor Tunai"] + 1


def test_wilayah_finds_the_documents_postal_code(agent):
    code = agent.postal_code(propinsi="DKI Jakarta", jenis="Kota", kabupaten="Jakarta Pusat", kecamatan="Gambir",
                             kelurahan="Gambir")
    assert code == "10110"


def test_unknown_wilayah_is_not_found(agent):
    with pytest.raises(HostRejected) as info:
        agent.postal_code(propinsi="X", jenis="Kota", kabupaten="Y", kecamatan="Z", kelurahan="W")
    assert info.value.code == "NOT_FOUND"


def test_master_data_lists(agent):
    assert agent.jobs()[0].name == "AKUNTING / KEUANGAN"
    assert [e.name for e in agent.educations()][-1] == "S3"
    assert len(agent.salaries()) == 8 and agent.salaries()[0].id == 1
    assert agent.transaction_ranges()[-1].name == "> Rp 1 Miliar"
    banks = agent.banks()
    assert ("008", "BANK MANDIRI") in [(b.code, b.name) for b in banks] and len(banks) == 10


def test_change_password_then_old_one_is_refused(client):
    client.login(USER, PASSWORD)
    client.change_password(PASSWORD, "T6jkl4s1")
    with pytest.raises(HostRejected) as info:
        client.change_password(PASSWORD, "Another1")
    assert info.value.code == "UPDATE_NONE"
    client.logout()
    with pytest.raises(LoginFailed):
        client.login(USER, PASSWORD)
    assert client.login(USER, "T6jkl4s1").username == USER


def test_check_account_and_no_such_account(agent):
    info = agent.check_account("4447", sid="1")
    assert (info.account_name, info.balance) == ("ARDHA HERDIANTO", 202_696_682)
    assert info.reference.startswith("BLB")
    with pytest.raises(AccountNotFound) as err:
        agent.check_account("999", sid="2")
    assert err.value.code == "-1" and "[0108]" in err.value.host_message and err.value.trace.startswith("BLB")


def test_customer_balance_needs_the_customers_pin(agent):
    info, _ = agent.customer_balance("4447", PIN, sid="1")
    assert info.balance == 202_696_682
    with pytest.raises(InvalidPin) as err:
        agent.customer_balance("4447", "000000", sid="2")
    assert err.value.code == "INVALID_PIN" and "PIN transaksi salah" in err.value.message


def test_agent_balance_parses_the_dotted_string(agent):
    assert agent.agent_balance(sid="1").balance == 202_696_682


def test_deposit_moves_money_and_parses_dotted_amounts(agent, bankplus_host):
    result, answer = agent.deposit(to_account="14047", name="ardha", amount=25_000, narration="test", pin=PIN, sid="9")
    assert (result.amount, result.fee, result.total) == (25_000, 0, 25_000)
    assert answer["data"]["amount"] == "25.000"  # the document's shape, kept on the wire
    assert bankplus_host.accounts["14047"].balance == 1_525_000
    assert bankplus_host.accounts["4447"].balance == 202_696_682 - 25_000
    assert bankplus_host.ledger[-1] == {**bankplus_host.ledger[-1], "op": "deposit", "sid": "9", "amount": 25_000}


def test_deposit_failures(agent, bankplus_host):
    with pytest.raises(AccountNotFound):
        agent.deposit(to_account="999", name="x", amount=25_000, narration="t", pin=PIN, sid="1")
    with pytest.raises(InvalidPin):
        agent.deposit(to_account="14047", name="x", amount=25_000, narration="t", pin="111111", sid="2")
    with pytest.raises(HostRejected) as err:
        agent.deposit(to_account="14047", name="x", amount=10**12, narration="t", pin=PIN, sid="3")
    assert "Saldo agen tidak cukup" in err.value.message
    assert bankplus_host.accounts["14047"].balance == 1_500_000


def test_intrabank_inquiry_and_payment_charge_the_fee(agent, bankplus_host):
    quote = agent.intrabank_inquiry("14047", sid="1")
    assert (quote.account_name, quote.admin_fee) == ("ARDHA HERDIANTO", 1_000)
    result, _ = agent.transfer_payment(quote, 50_000, PIN, sid="2")
    assert (result.amount, result.fee, result.total) == (50_000, 1_000, 51_000)
    assert bankplus_host.accounts["4447"].balance == 202_696_682 - 51_000
    with pytest.raises(InvalidPin):
        agent.transfer_payment(quote, 50_000, "123123", sid="3")


def test_interbank_inquiry_and_payment(agent, bankplus_host):
    quote = agent.interbank_inquiry("008", "114451186", sid="1")
    assert (quote.bank_name, quote.account_name, quote.admin_fee) == ("MANDRI", "Ardha Herdianto", 6_500)
    assert quote.transaction_id
    result, _ = agent.transfer_payment(quote, 10_000, PIN, sid="2")
    assert (result.total, result.host_ref) == (16_500, quote.transaction_id)
    assert bankplus_host.other_banks[("008", "114451186")].balance == 5_010_000


def test_interbank_invalid_account_is_code_76(agent):
    with pytest.raises(AccountNotFound) as err:
        agent.interbank_inquiry("008", "000000", sid="1")
    assert "[76] Invalid account" == err.value.host_message


def test_interbank_payment_must_match_its_inquiry(agent):
    quote = agent.interbank_inquiry("008", "114451186", sid="1")
    from dataclasses import replace

    with pytest.raises(HostRejected) as err:
        agent.transfer_payment(replace(quote, admin_fee=0), 10_000, PIN, sid="2")
    assert "[12]" in err.value.host_message


def test_open_account_with_first_deposit(agent, bankplus_host):
    form = {
        "name": "gabymars yofie", "email": "gaby@email.com", "mother_name": "mamih", "profession": "karyawan swasta",
        "last_education": "sma", "status_nikah": "Lajang", "pob": "sby", "dob": "1997-08-01",
        "ktp": "3515084108970001", "gender": "l", "address": "waru", "rt": "022", "rw": "001", "zip_code": "12345",
        "kelurahan": "waru", "kecamatan": "waru", "city": "sidoarjo", "state": "jatim", "hp": "08998321234",
        "phone": "0319909221", "income": "1", "jumlah_transaksi": "1", "deposit": "100000",
        "image": {"ktp": "pendaftaran/a_KTP.jpg", "foto": "pendaftaran/a.png"},
    }
    result, answer = agent.open_account(form, PIN, sid="1")
    assert result.account_number == "123456789" and result.first_deposit == 100_000
    assert answer["data"]["born_date"] == "01-08-1997"
    assert bankplus_host.accounts["123456789"].balance == 100_000
    with pytest.raises(InvalidPin):
        agent.open_account(form, "000000", sid="2")
    with pytest.raises(HostRejected) as err:
        agent.open_account({**form, "mother_name": ""}, PIN, sid="3")
    assert "mother_name" in err.value.host_message


def test_host_checks_the_documented_headers(bankplus_server, agent):
    url = bankplus_server.base_url
    no_sid = httpx.post(url + "/bankplus/bsa/checkAccount", json={"accountNum": "4447"},
                        headers={"sessionid": agent.session_id})
    assert no_sid.json()["code"] == "-1" and "sid" in no_sid.json()["message"]
    wrong_type = httpx.post(url + "/bankplus/master/jobs", content=b"{}",
                            headers={"sessionid": agent.session_id, "content-type": "text/plain"})
    assert wrong_type.json()["code"] == "-1"
    assert httpx.post(url + "/bankplus/nope", json={}).status_code == 404
    expired = httpx.post(url + "/bankplus/master/jobs", json={}, headers={"sessionid": "x"})
    assert expired.status_code == 401 and expired.json()["debug"]["name"] == "SESSION_NOT_FOUND"
