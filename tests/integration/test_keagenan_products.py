"""Every BNI Keagenan product, inquiry then payment, through BillPayService and the
Keagenan client against the simulated host on a real loopback socket, with a journal in
tmp_path: the echoed fields, amount, fee, total and the journal row; and the refusals the
host must make (tampered echo, reused reffNum, wrong PIN, bad credentials)."""

from __future__ import annotations

import json
from dataclasses import replace

import httpx
import pytest

from services.errors import AccountNotFound, HostRejected, InvalidPin, TransportError, UserInputError
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig, reff_num
from services.hosts.keagenan.errors import DuplicateReference, KeagenanUnauthorized
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayFlow, BillPayService, Step
from services.journal import State
from services.products.spec import lookup, wire_text
from services.sandbox.base import Fault, Response
from services.sandbox.server import SandboxServer
from services.transactions import TransactionRunner

PIN = "359569"

# product -> (inputs, amount typed at confirmation or None, customer_ref, customer name,
#             inquiry (amount, fee, total), paid (amount, fee, total))
CASES = {
    "pln_postpaid": ({"customerId": "53111"}, None, "53111", "PEL POSTPAID 174193",
                     (1200000, 3000, 1203000), (1200000, 3000, 1203000)),
    "pln_nontaglis": ({"registrationNum": "531113"}, None, "531113", "JACKY CHAN123456789012345",
                      (500000, 3000, 503000), (500000, 3000, 503000)),
    "bpjs_kesehatan": ({"billingId": "8888801260835323", "months": "3"}, None, "8888801260835323",
                       "SEPTIA HANNY LESTARI", (76500, 5000, 81500), (76500, 5000, 81500)),
    "bpjs_ketenagakerjaan": ({"payment_type": "BPJS_TKBPU", "billingId1": "3314104809910008", "months": "1"}, None,
                             "3314104809910008", "TEGUH PRASETYO UTOMO", (3229200, 0, 3229200), (3229200, 0, 3229200)),
    "pdam": ({"provider": "AETRA", "customerNumber": "400"}, None, "400", "SRIYANTO",
             (371558, 12500, 384058), (371558, 12500, 384058)),
    "telkom": ({"areaCode": "0021", "phoneNum": "998877441"}, None, "0021998877441", "EDWARD VAN DER KAAT",
               (65000, 0, 65000), (65000, 2500, 67500)),
    "internet_telkom": ({"billNo": "02145456312"}, None, "02145456312", "JACO VAN NISTELROOY",
                        (65000, 2500, 67500), (65000, 2500, 67500)),
    "mobile_postpaid": ({"providerId": "HALO", "phoneNum": "0811252222"}, None, "0811252222",
                        "WARREN CUCURULLO_694", (230000, 0, 230000), (230000, 0, 230000)),
    "indovision": ({"customerId": "0123012345678"}, None, "0123012345678", "TORABIKA CAPPUCINO NAN UENAKSS",
                   (729000, 0, 729000), (729000, 0, 729000)),
    "firstmedia": ({"customerId": "11113333"}, None, "11113333", "HAJI MUIDIN", (250000, 0, 250000),
                   (250000, 0, 250000)),
    "mf_adira": ({"billingId": "0754589745"}, None, "0754589745", "ROSTINAH", (2940000, 0, 2940000),
                 (2940000, 0, 2940000)),
    "mf_fif": ({"billingId": "726000151612"}, None, "726000151612", "ROSTINAH", (2920000, 0, 2920000),
               (2920000, 0, 2920000)),
    "mf_oto": ({"billingId": "01345212443"}, None, "01345212443", "USEN", (395000, 2000, 397000),
               (395000, 2000, 397000)),
    "mf_sms": ({"billingId": "18132135"}, None, "18132135", "HAJIBI", (57750, 5000, 62750), (57750, 5000, 62750)),
    "mf_nsc": ({"billingId": "100132"}, None, "100132", "JOHN DOE", (351000, 0, 351000), (351000, 0, 351000)),
    "mf_kreditplus": ({"billingId": "90043012007177"}, None, "90043012007177", "MARENDRA GLADIYAKTI",
                      (390000, 0, 390000), (390000, 0, 390000)),
    "mf_acc": ({"billingId": "01307771239734"}, None, "01307771239734", "0LELYANA SEBASTIAN BUBBLE",
               (10300, 5000, 15300), (10300, 5000, 15300)),
    "bni_life": ({"providerId": "BNILIFE_PREMI_PERTAMA", "spajNumber": "1114568975", "amount": "50000"}, None,
                 "1114568975", "@rillulsyah i8rahim", (50000, 0, 50000), (50000, 0, 50000)),
    "prudential_initial": ({"billingId": "12100100", "amount": "150000"}, None, "12100100", "",
                           (150000, 0, 150000), (150000, 0, 150000)),
    "prudential_continuation": ({"billingId": "12100100"}, None, "12100100", "The Lich King",
                                (145000, 0, 145000), (145000, 0, 145000)),
    "prudential_topup": ({"billingId": "12100100"}, 45000, "12100100", "7252-Bane Elemental", (0, 0, 0),
                         (45000, 0, 45000)),
    "prudential_reprint": ({"billingId": "14"}, 20000, "14", "7253-Jahrakal", (0, 0, 0), (20000, 0, 20000)),
    "prudential_adjustment": ({"billingId": "11"}, 20000, "11", "7254-Pandaren The Brewmaster", (0, 0, 0),
                              (20000, 0, 20000)),
    "prudential_card": ({"billingId": "11"}, 20000, "11", "7255-Lina Inverse", (0, 0, 0), (20000, 0, 20000)),
    "bumiputera": ({"providerId": "BUMIPUTERA_PERTAMA", "billingId": "457894"}, None, "457894",
                   "ALESSANDRO FLORENZI", (123400, 0, 123400), (123400, 0, 123400)),
    "cc_bni": ({"cardNum": "4665730000000117"}, "500000", "4665730000000117", "GA SIGN 2",
               (261553126, 0, 261553126), (500000, 0, 500000)),
    "cc_other": ({"bankCode": "BRI", "cardNum": "4365020922600613", "amount": "250000"}, None, "4365020922600613",
                 "", (250000, 7500, 257500), (250000, 7500, 257500)),
    "personal_loan": ({"bankCode": "ANZ_PL", "cardNum": "3611824048", "amount": "50000"}, None, "3611824048", "",
                      (50000, 0, 50000), (50000, 0, 50000)),
    "charity": ({"providerId": "ZAKAT_DOMPET_DHUAFA", "amount": "1500000"}, None, "ZAKAT_DOMPET_DHUAFA", "",
                (1500000, 0, 1500000), (1500000, 0, 1500000)),
    "airline": ({"providerId": "AIRASIA", "billingId": "2222"}, None, "2222", "CONAN AIR ASIA 2008 MELAYANG F",
                (200000, 0, 200000), (200000, 0, 200000)),
    "kai": ({"billingId": "0812457451"}, None, "0812457451", "ARI BHAKTI 1234567891234567891",
            (1000000, 7500, 1007500), (1000000, 7500, 1007500)),
}


@pytest.fixture
def host(clock) -> KeagenanSandbox:
    return KeagenanSandbox(clock=clock)


@pytest.fixture
def server(host):
    with SandboxServer(host) as running:
        yield running


def make_client(http, server, host, clock=None, **override) -> KeagenanClient:
    creds = host.credentials()
    config = KeagenanConfig(
        base_url=server.base_url, dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
        xauth_password=creds["x_auth_password"], client_id=creds["client_id"], client_secret=creds["client_secret"],
        agent_code=creds["agent_code"], account_num=creds["account_num"], token_path=creds["token_path"],
        transaction_path=creds["transaction_path"])
    return KeagenanClient(http, replace(config, **override), clock=clock)


@pytest.fixture
def client(http, server, host, clock) -> KeagenanClient:
    return make_client(http, server, host, clock)


@pytest.fixture
def service(client, journal) -> BillPayService:
    return BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"))


def test_every_product_is_covered():
    from services.products import default_catalogue

    assert set(CASES) == {p.id for p in default_catalogue()}


@pytest.mark.parametrize("product_id", sorted(CASES))
def test_inquiry_then_payment(product_id, service, journal, host):
    inputs, typed, customer_ref, name, quoted, paid = CASES[product_id]
    spec = service.catalogue.get(product_id)
    inquiry = service.inquire(product_id, inputs, pin=PIN if spec.pin_at_inquiry else None)
    assert (inquiry.amount, inquiry.fee, inquiry.total) == quoted
    assert inquiry.customer_name == name
    assert inquiry.customer_ref == customer_ref

    result = service.pay(inquiry, PIN, typed)

    assert (result.amount, result.fee, result.total) == paid
    row = result.row
    assert row.state is State.SUCCESS
    assert (row.host, row.product, row.product_group) == ("keagenan", product_id, spec.group)
    assert row.customer_ref == customer_ref
    assert (row.amount, row.total - row.amount) == (quoted[0] if typed is None else paid[0], row.fee)
    assert row.host_ref == result.host_journal != ""
    sent = row.request["data"]
    assert row.request["fiturId"] == spec.payment_fitur
    assert sent["pin_transaksi"] == "***"  # the journal never holds the PIN
    assert sent["reffNum"] == reff_num(row.reference, "100294") == result.reff_num
    assert (sent["kode_mitra"], sent["kode_cabang"], sent["kode_loket"]) == ("BNI", "014", "100294")
    for echo in spec.echo:  # every echoed field is the inquiry's value, renamed where the document renames
        assert sent[echo.payment] == wire_text(lookup(inquiry.answer, echo.inquiry)), echo
    ledger = host.ledger[-1]
    assert (ledger["reffNum"], ledger["journal"], ledger["amount"]) == (sent["reffNum"], result.host_journal,
                                                                        result.amount)
    assert result.receipt_lines and all(value for _, value in result.receipt_lines)


def test_pln_postpaid_payment_carries_the_documents_derived_fields(service):
    inquiry = service.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
    assert inquiry.period == "Mei 2016"  # the host's MEI16, as the counter reads it
    assert ("Tarif/daya", "R1/1300VA") in inquiry.details
    result = service.pay(inquiry, PIN)
    sent = result.row.request["data"]
    assert (sent["bl_th"], sent["daya"], sent["stand_meter"]) == ("MEI16", "R1/1300VA", "00000100-00000100")
    assert sent["response"] == inquiry.answer["response"] and sent["amount"] == "1200000"
    assert ("Bl/Th", "Mei 2016") in result.receipt_lines  # the host's MEI16, as on the screen


def test_pln_nontaglis_registration_date_reads_as_a_date_and_goes_out_as_the_documents_ddMMMyy(service):
    inquiry = service.inquire("pln_nontaglis", {"registrationNum": "531113"}, pin=PIN)
    assert inquiry.answer["registrationDate"] == "20111208"
    assert ("Tgl. registrasi", "08 Des 2011") in inquiry.details
    result = service.pay(inquiry, PIN)  # the sandbox refuses a tgl_reg other than the one derived
    assert result.row.request["data"]["tgl_reg"] == "08DES11"
    assert ("Tgl. registrasi", "08 Des 2011") in result.receipt_lines  # the paper, as on the screen


@pytest.mark.parametrize("product_id, inputs, label, shown", [
    ("cc_bni", {"cardNum": "4665730000000117"}, "Tanggal cetak", "11 Okt 2012"),  # the host's ddmmyyyy 11102012
    ("cc_bni", {"cardNum": "4665730000000117"}, "Jatuh tempo", "12 Okt 2012"),
    ("mf_adira", {"billingId": "0754589745"}, "Jatuh tempo", "24 Des 2012"),  # from-to 20121224?20121224
    ("mf_oto", {"billingId": "01345212443"}, "Jatuh tempo", "27 Okt 2011"),  # 27 OCT 11
    ("kai", {"billingId": "0812457451"}, "Berangkat", "29 Jul 2011"),  # 29-JUL-11
])
def test_a_bills_dates_read_as_dates_whatever_shape_the_host_sent(service, product_id, inputs, label, shown):
    inquiry = service.inquire(product_id, inputs, pin=PIN)
    assert (label, shown) in inquiry.details
    if inquiry.product.period:  # a bill that names a date for its period: the same date, not the wire's
        assert inquiry.period in {value for _label, value in inquiry.details}


@pytest.mark.parametrize("product_id", ["cc_bni", "cc_other"])
def test_a_credit_cards_number_is_masked_on_its_receipt_and_kept_whole_in_the_journal(service, product_id):
    """The card industry's rule: a card number shown leaves its first six and last four digits."""
    from services.receipts import agent_for, build_receipt, render_text

    inputs, typed, *_ = CASES[product_id]
    number = inputs["cardNum"]
    result = service.pay(service.inquire(product_id, inputs, pin=PIN), PIN, typed)
    text = render_text(build_receipt(result.row, agent=agent_for(result.row), sandbox=True), 32)
    assert f"{number[:6]}******{number[-4:]}" in text and number not in text
    assert "No. kartu" in text and "No. Pelanggan" not in text  # named as what it is
    assert text.count(number[-4:]) == 1  # once: the card's own line does not repeat it
    assert number not in str(result.receipt_lines)  # the result screen reads these lines
    assert result.row.customer_ref == number and result.row.request["data"]["cardNum"] == number


def test_a_train_tickets_receipt_reads_as_its_confirmation(service):
    """The passenger keeps the paper: the train, class, stations, date, time, passengers and
    seats the agent read out, under the same labels."""
    inputs, typed, *_ = CASES["kai"]
    inquiry = service.inquire("kai", inputs, pin=PIN)
    result = service.pay(inquiry, PIN, typed)
    confirmed = dict(inquiry.details)
    printed = dict(result.receipt_lines)
    assert {"Kereta", "Kelas", "Dari", "Ke", "Berangkat", "Jam", "Penumpang", "Kursi"} <= printed.keys()
    assert {label: printed[label] for label in confirmed} == confirmed


def test_a_multifinance_bills_lines_add_up_to_what_it_asks(service):
    """The document's Adira example asks 2.940.000 for an installment of 2.900.000 and a fine
    of 20.000: the rest is named, so the lines the agent reads add up to the amount paid."""
    inquiry = service.inquire("mf_adira", {"billingId": "0754589745"}, pin=PIN)
    details = dict(inquiry.details)
    assert (details["Angsuran"], details["Denda"], details["Lain-lain"]) == ("Rp 2.900.000", "Rp 20.000", "Rp 20.000")
    assert inquiry.amount == 2_900_000 + 20_000 + 20_000
    other = service.inquire("mf_oto", {"billingId": "01345212443"}, pin=PIN)  # its lines add up already
    assert "Lain-lain" not in dict(other.details)


def test_bpjs_kesehatan_for_three_months(service):
    inquiry = service.inquire("bpjs_kesehatan", {"billingId": "8888801260835323", "months": "3"}, pin=PIN)
    assert inquiry.period == "3" and inquiry.counter_fee == 2500
    result = service.pay(inquiry, PIN)
    sent = result.row.request["data"]
    assert sent["h_totalAmount"] == "81500"  # h_totalBills + c_fee, biaya_loket not in it
    assert sent["c_dbAccountNum"] == sent["accountNum"] == "115258134"
    assert sent["h_numberOfMonthsOfBills"] == "3"


def test_a_tampered_echo_is_refused_and_journaled_failed(service, journal):
    inquiry = service.inquire("telkom", {"areaCode": "0021", "phoneNum": "998877441"})
    tampered = replace(inquiry, answer={**inquiry.answer, "customerName": "JACO VAN NISTELROOY"})
    with pytest.raises(HostRejected) as info:
        service.pay(tampered, PIN)
    assert info.value.code == "30"
    row = next(journal.rows("product='telkom'"))
    assert row.state is State.FAILED and row.error_code == "30"
    assert service.pay(inquiry, PIN).row.state is State.SUCCESS  # the honest payment still goes through


def test_a_changed_amount_is_refused(service):
    inquiry = service.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
    with pytest.raises(HostRejected) as info:
        service.pay(replace(inquiry, amount=1000, total=4000), PIN)
    assert info.value.code == "30"


def test_an_amount_outside_the_inquiry_bounds_is_refused_at_the_field(service, journal):
    inquiry = service.inquire("prudential_topup", {"billingId": "12100100"})
    assert (inquiry.min_amount, inquiry.max_amount) == (45000, 150000)
    with pytest.raises(UserInputError) as info:
        service.pay(inquiry, PIN, 200000)
    assert info.value.field == "amount" and "Rp 150.000" in info.value.message
    with pytest.raises(UserInputError, match="Ketik nominal yang dibayar"):
        service.pay(inquiry, PIN)  # no amount typed and the inquiry suggests none
    assert service.quote(inquiry, "Rp 100.000") == (100000, 0, 100000)
    assert journal.count() == 0  # nothing was sent, nothing journaled
    with pytest.raises(UserInputError):
        service.pay(service.inquire("telkom", {"areaCode": "0021", "phoneNum": "998877441"}), PIN, 1000)


def test_a_free_amount_the_bank_does_not_bound_is_typed_and_within_the_counters_limits(service, journal):
    flow = BillPayFlow(service, "cc_bni")
    inquiry = flow.prepare({"cardNum": "4665730000000117"}).detail
    assert inquiry.amount == 261553126  # the bill: offered, never paid for an empty field
    assert (inquiry.min_amount, inquiry.max_amount) == (1_000, 20_000_000)  # Limits.bill
    for typed, said in ((None, "Ketik nominal yang dibayar."), ("", "Ketik nominal yang dibayar."),
                        ("5", "Nominal paling sedikit Rp 1.000."),
                        ("999999999999", "Nominal paling banyak Rp 20.000.000.")):
        with pytest.raises(UserInputError) as info:
            flow.price(typed)
        assert (info.value.field, info.value.message) == ("amount", said)
        with pytest.raises(UserInputError) as info:
            flow.pay(PIN, typed)
        assert (info.value.field, info.value.message) == ("amount", said)
        assert flow.step is Step.CONFIRM
    with pytest.raises(UserInputError, match="Ketik nominal"):
        service.pay(inquiry, PIN)
    assert journal.count() == 0  # nothing was sent, nothing journaled
    assert flow.pay(PIN, "Rp 1.000").row.amount == 1_000


def test_a_typed_single_step_amount_is_within_the_counters_limits(service, journal):
    flow = BillPayFlow(service, "charity")
    for typed in ("5", "999999999999"):
        with pytest.raises(UserInputError) as info:
            flow.prepare({"providerId": "ZAKAT_DOMPET_DHUAFA", "amount": typed})
        assert info.value.field == "amount" and flow.step is Step.INPUT
    assert journal.count() == 0


def test_the_counters_bill_limits_come_from_the_settings(client, journal):
    from services.limits import Limits

    limits = Limits.parse({"bill": {"min": 10_000, "max": 100_000}})
    service = BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"),
                             amount_limits=limits.bill)
    inquiry = service.inquire("cc_bni", {"cardNum": "4665730000000117"})
    assert (inquiry.min_amount, inquiry.max_amount) == (10_000, 100_000)
    with pytest.raises(UserInputError, match="paling sedikit Rp 10.000"):
        service.quote(inquiry, "5000")
    with pytest.raises(UserInputError, match="paling banyak Rp 100.000"):
        service.inquire("charity", {"providerId": "ZAKAT_BAZNAS", "amount": "150000"})
    bounded = service.inquire("prudential_topup", {"billingId": "12100100"})
    assert (bounded.min_amount, bounded.max_amount) == (45_000, 150_000)  # the bank's bounds first
    # one side stated by the bank, beyond the counter's other side: the bank's word stands,
    # something stays payable
    assert (service.amount_range(low=250_000).minimum, service.amount_range(low=250_000).maximum) == (250_000,
                                                                                                     250_000)
    assert (service.amount_range(high=5_000).minimum, service.amount_range(high=5_000).maximum) == (5_000, 5_000)
    assert (service.amount_range(low=20_000).minimum, service.amount_range(low=20_000).maximum) == (20_000, 100_000)


def test_a_reused_reffNum_is_9990(client, service):
    spec = service.catalogue.get("telkom")
    reference = service.journal.next_reference()
    answer = client.inquiry(spec.inquiry_fitur, spec.inquiry_data({"areaCode": "0021", "phoneNum": "998877441"}),
                            reference=reference)
    body = client.payment_body(spec.payment_fitur, spec.payment_data(answer, {"areaCode": "0021",
                                                                             "phoneNum": "998877441"}, 65000),
                               reference=reference, pin=PIN)
    with pytest.raises(DuplicateReference) as info:  # the inquiry already used this reffNum
        client.pay(body)
    assert info.value.code == "9990" and "JANGAN ulangi" in info.value.message
    with pytest.raises(DuplicateReference):
        client.inquiry(spec.inquiry_fitur, spec.inquiry_data({"areaCode": "0021", "phoneNum": "998877441"}),
                       reference=reference)


@pytest.mark.parametrize("product_id, code", [("telkom", "-2"), ("bpjs_kesehatan", "-2"), ("pdam", "-2")])
def test_a_wrong_pin_is_refused_and_never_stored(product_id, code, service, journal):
    inputs = CASES[product_id][0]
    spec = service.catalogue.get(product_id)
    inquiry = service.inquire(product_id, inputs, pin=PIN if spec.pin_at_inquiry else None)
    with pytest.raises(InvalidPin) as info:
        service.pay(inquiry, "111111")
    assert info.value.code == code  # BPJS KS and PDAM answer errorNum "": still the PIN error
    assert "PIN transaksi salah" in info.value.message
    failed = next(journal.rows(f"product='{product_id}'"))
    assert failed.state is State.FAILED
    assert service.pay(inquiry, PIN).row.state is State.SUCCESS  # the inquiry is still payable
    raw = journal.path.read_bytes() + journal.path.with_name(journal.path.name + "-wal").read_bytes()
    assert b"111111" not in raw and PIN.encode() not in raw


def test_a_wrong_pin_at_inquiry_is_refused(service):
    with pytest.raises(InvalidPin):
        service.inquire("pln_postpaid", {"customerId": "53111"}, pin="000000")
    with pytest.raises(UserInputError) as info:
        service.inquire("pln_postpaid", {"customerId": "53111"})
    assert info.value.field == "pin"


def test_an_unknown_customer_gets_the_documents_not_found(service):
    with pytest.raises(AccountNotFound) as info:
        service.inquire("telkom", {"areaCode": "0021", "phoneNum": "12345678"})
    assert info.value.code == "TELKOM91" and "periksa" in info.value.message
    with pytest.raises(AccountNotFound) as info:
        service.inquire("pln_postpaid", {"customerId": "999999999999"}, pin=PIN)
    assert info.value.code == "14"


def test_ping(client):
    result = client.ping()
    assert result.ok and result.message.startswith("Access from 127.0.0.1")


def test_an_expired_token_is_refreshed_once(client, host, service):
    first = client.access_token()
    host.forget_sessions()  # the host no longer knows the token the client cached
    inquiry = service.inquire("telkom", {"areaCode": "0021", "phoneNum": "998877441"})
    assert inquiry.customer_name == "EDWARD VAN DER KAAT"
    assert client.access_token() != first


def test_the_token_is_cached_until_shortly_before_it_expires(client, clock):
    first = client.access_token()
    clock.advance(3600 - 61)
    assert client.access_token() == first
    clock.advance(2)
    assert client.access_token() != first


@pytest.mark.parametrize("override", [{"client_secret": "wrong"}, {"xauth_password": "wrong"},
                                      {"dealer_id": "9999999999999999"}])
def test_bad_credentials_are_unauthorized(http, server, host, override):
    client = make_client(http, server, host, **override)
    with pytest.raises(KeagenanUnauthorized) as info:
        client.ping() if "dealer_id" not in override else client.inquiry("FTR439", {}, reference="2611211405000001")
    assert "Pengaturan" in info.value.message


def test_the_flow_steps_through_inquiry_confirm_and_result(service):
    flow = BillPayFlow(service, "bpjs_kesehatan")
    assert flow.step is Step.INPUT
    with pytest.raises(UserInputError):
        flow.prepare({"billingId": "88888", "months": "3"}, PIN)
    assert flow.step is Step.INPUT and isinstance(flow.error, UserInputError)
    inquiry = flow.prepare({"billingId": "8888801260835323", "months": "3"}, PIN)
    assert flow.step is Step.CONFIRM and inquiry.total == 81500
    with pytest.raises(InvalidPin):
        flow.pay("123456")
    assert flow.step is Step.CONFIRM  # retype the PIN
    result = flow.pay(PIN)
    assert flow.step is Step.RESULT and result.total == 81500 and result.row.state is State.SUCCESS


def test_a_refused_payment_ends_the_flow(service):
    flow = BillPayFlow(service, "telkom")
    flow.prepare({"areaCode": "0021", "phoneNum": "998877441"})
    inquiry = flow.inquiry
    flow.quote = replace(flow.quote, detail=replace(inquiry, answer={**inquiry.answer, "amount": "1"}))
    with pytest.raises(HostRejected):
        flow.pay(PIN)
    assert flow.step is Step.FAILED


def test_a_payment_whose_answer_is_lost_is_suspect_never_resent(service, host, journal):
    from services.errors import MaybeSent
    from services.sandbox.base import Fault

    inquiry = service.inquire("telkom", {"areaCode": "0021", "phoneNum": "998877441"})
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/keagenan/transaction")
    with pytest.raises(MaybeSent):
        service.pay(inquiry, PIN)
    row = next(journal.rows("product='telkom'"))
    assert row.state is State.SUSPECT
    assert host.ledger[-1]["reffNum"] == reff_num(row.reference, "100294")  # the host did pay it


# Payments whose answer states no total of the payment (only CustomerData.nominal, which the
# document's own examples fill with other figures): INCONSISTENT_TOTAL finds nothing to change.
NO_STATED_TOTAL = {"airline", "cc_other", "indovision", "personal_loan"}


@pytest.mark.parametrize("product_id", sorted(CASES))
def test_a_payment_answer_stating_ten_times_the_total_is_suspect(product_id, service, host, journal):
    """The sandbox's generic contradicting total (Fault.INCONSISTENT_TOTAL) acts on the total a
    Keagenan payment's answer states (data.amount, "Total of amount payment. Same value as
    Payment request", and the section's own totals): the payment is SUSPECT, never SUCCESS,
    as a Bank+, BCA or DOKU answer whose total contradicts what was sent. Where the answer
    states no total, the fault changed nothing and is not counted as injected."""
    from services.errors import AnswerMismatch
    from services.sandbox.base import Fault

    inputs, typed, *_ = CASES[product_id]
    spec = service.catalogue.get(product_id)
    inquiry = service.inquire(product_id, inputs, pin=PIN if spec.pin_at_inquiry else None)
    host.faults.queue(Fault.INCONSISTENT_TOTAL, "/keagenan/transaction")
    if product_id in NO_STATED_TOTAL:
        assert service.pay(inquiry, PIN, typed).row.state is State.SUCCESS
        assert (host.faults.injected, host.faults.idle) == ([], [("/keagenan/transaction", Fault.INCONSISTENT_TOTAL)])
        return
    with pytest.raises(AnswerMismatch) as caught:
        service.pay(inquiry, PIN, typed)
    row = journal.get(caught.value.reference)
    assert row.state is State.SUSPECT and row.settled_total is None
    assert host.ledger[-1]["reffNum"] == reff_num(row.reference, "100294")  # the host did pay it
    assert host.faults.injected == [("/keagenan/transaction", Fault.INCONSISTENT_TOTAL)]


def test_an_open_charity_payment_is_named_by_its_provider_in_the_refusal_and_the_report(service, host, journal):
    """Charity's customer reference is the provider's wire code: the refusal of a second
    payment and the day's report name the provider as the receipt does, the journal keeps the code."""
    import subprocess

    from services.dayclose.schema import migrate as migrate_dayclose
    from services.errors import MaybeSent
    from services.reports import build_report
    from services.reports.pdf import render_pdf
    from services.sandbox.base import Fault
    from services.transactions import OpenTransactionExists

    inputs = {"providerId": "ZAKAT_DOMPET_DHUAFA", "amount": "150000"}
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/keagenan/transaction")
    with pytest.raises(MaybeSent):
        service.pay(service.inquire("charity", inputs), PIN)
    with pytest.raises(OpenTransactionExists) as refused:
        service.pay(service.inquire("charity", inputs), PIN)
    assert "Zakat - Dompet Dhuafa" in str(refused.value) and "ZAKAT_DOMPET_DHUAFA" not in str(refused.value)
    row = next(journal.rows("product='charity'"))
    assert row.customer_ref == "ZAKAT_DOMPET_DHUAFA"  # the journal keeps the code
    migrate_dayclose(journal)  # the day close's tables and the report's index, as the app opens them
    report = build_report(journal, row.business_date, generated_at=row.created_at, operator="kasir1")
    assert [item.customer for item in report.open] == ["Zakat - Dompet Dhuafa"]
    text = subprocess.run(["pdftotext", "-", "-"], input=render_pdf(report), capture_output=True,
                          check=True).stdout.decode()
    assert "Zakat - Dompet Dhuafa" in text and "ZAKAT_DOMPET_DHUAFA" not in text


def test_a_lost_token_request_means_the_payment_was_not_sent(service, http, server, host, journal):
    from services.errors import NotSent
    from services.sandbox.base import Fault

    inquiry = service.inquire("telkom", {"areaCode": "0021", "phoneNum": "998877441"})
    fresh = BillPayService(make_client(http, server, host), journal, TransactionRunner(journal, lambda: "kasir1"))
    host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/api/oauth/token")  # its first token request is lost
    with pytest.raises(NotSent):
        fresh.pay(inquiry, PIN)
    assert next(journal.rows("product='telkom'")).state is State.NEW  # provably never left


def test_the_sandbox_cli_prints_its_credentials():
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "services.sandbox", "--host", "keagenan", "--print-credentials"],
                         capture_output=True, text=True, check=True, timeout=60)
    creds = json.loads(out.stdout)
    assert {"dealer_id", "x_auth_user", "x_auth_password", "client_id", "client_secret", "agent_code", "pin",
            "token_path"} <= set(creds)
    assert (creds["agent_code"], creds["pin"], creds["token_path"]) == ("BNI014100294", "359569", "/api/oauth/token")


# -- what the document's own definitions and examples ask, on the wire ---------------------------

def test_every_request_carries_what_the_documents_definition_marks_mandatory_with_its_fiturId(clock, journal):
    """Loket's requests, captured on the wire, against each section's Request Definition and
    example request as printed in the document (keagenan_required.json, made from the document
    by tests/data/extract_keagenan_required.py; keagenan_examples.json) -- never Loket's specs.

    This is what would have caught Prudential Continuation's inquiry without kode_mitra and
    kode_cabang (L4713-4714) and BNI Life paid with FTR438 instead of the printed FTR463 (L3858)."""
    import json as _json

    import httpx

    from services.hosts.keagenan.sandbox import DEFINITIONS, load_examples, load_required
    from services.sandbox.transport import SandboxTransport

    required, examples = load_required(), load_examples()
    host = KeagenanSandbox(clock=clock)
    sent: list[dict] = []

    def capture(request: httpx.Request) -> None:
        if request.url.path == host.credentials()["transaction_path"]:
            sent.append(_json.loads(request.content))

    with httpx.Client(transport=SandboxTransport(host), event_hooks={"request": [capture]}) as http:
        creds = host.credentials()
        client = KeagenanClient(http, KeagenanConfig(
            base_url="http://keagenan.sandbox", dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
            xauth_password=creds["x_auth_password"], client_id=creds["client_id"],
            client_secret=creds["client_secret"], agent_code=creds["agent_code"], account_num=creds["account_num"],
            token_path=creds["token_path"], transaction_path=creds["transaction_path"]), clock=clock)
        service = BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"))
        checked = []
        for product_id, (inputs, typed, *_rest) in sorted(CASES.items()):
            spec = service.catalogue.get(product_id)
            sent.clear()
            inquiry = service.inquire(product_id, inputs, pin=PIN if spec.pin_at_inquiry else None)
            service.pay(inquiry, PIN, typed)
            steps = [s for s in DEFINITIONS[product_id] if s is not None]
            assert len(sent) == len(steps), product_id
            for section, body in zip(steps, sent):
                document = required[section]
                example = examples[section].get("request") or {}
                if example.get("fiturId"):
                    assert body["fiturId"] == example["fiturId"], (product_id, section)
                data = body["data"]
                for name in document["defined"]:
                    if name in document["example_omits"]:
                        continue
                    spellings = [name, *([document["spellings"][name]] if name in document["spellings"] else [])]
                    carried = [n for n in spellings if (n[5:] in data if n.startswith("data.") else n in body)]
                    assert carried, f"{product_id}: section {section} ({document['title']}) needs {name}"
                checked.append(section)
    assert len(checked) == len(set(checked)) > 50


def test_the_sandbox_refuses_the_documents_own_example_without_a_field_its_definition_requires(clock):
    """Section 32's example as printed is answered; without kode_mitra (mandatory, L4713) it is
    RC 30, whatever Loket's spec says about that inquiry."""
    import httpx

    from services.hosts.keagenan.sandbox import load_examples
    from services.sandbox.transport import SandboxTransport

    host = KeagenanSandbox(clock=clock)
    creds = host.credentials()
    with httpx.Client(transport=SandboxTransport(host), base_url="http://keagenan.sandbox") as http:
        client = KeagenanClient(http, KeagenanConfig(
            base_url="http://keagenan.sandbox", dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
            xauth_password=creds["x_auth_password"], client_id=creds["client_id"],
            client_secret=creds["client_secret"], agent_code=creds["agent_code"], account_num=creds["account_num"]))
        example = load_examples()[32]["request"]

        def post(body):
            return http.post(creds["transaction_path"], params={"access_token": client.access_token()},
                             headers={"X-Auth": client._x_auth()}, json=body).json()

        without = {**example, "data": {k: v for k, v in example["data"].items() if k != "kode_mitra"}}
        refused = post(without)
        assert refused["error"] is True and refused["errorNum"] == "30" and "kode_mitra" in refused["ori_message"]
        answered = post({**example, "data": {**example["data"], "reffNum": example["data"]["reffNum"] + "1"}})
        assert answered.get("error") in (False, "false", None) and answered["customeName"] == "The Lich King"


class UnauthorizedUnder200(httpx.BaseTransport):
    """A gateway that answers the document's ``{"status": false, "error": "Unauthorized"}``
    under HTTP 200 (the document names no status for it)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.inner.handle_request(request)
        if answer.status_code != 401:
            return answer
        answer.read()
        return httpx.Response(200, content=answer.content, headers={"content-type": "application/json"})


def test_a_stale_token_refused_under_200_is_renewed_and_the_payment_goes_once(server, host, clock, journal):
    with httpx.Client(transport=UnauthorizedUnder200()) as gateway:
        client = make_client(gateway, server, host, clock)
        service = BillPayService(client, journal, TransactionRunner(journal, lambda: "kasir1"))
        inquiry = service.inquire("telkom", {"areaCode": "0021", "phoneNum": "998877441"})
        host.forget_sessions()  # the cached token is stale now: the gateway refuses it, under 200
        done = service.pay(inquiry, PIN)
    assert done.row.state is State.SUCCESS
    assert [e["op"] for e in host.ledger].count("payment") == 1


@pytest.mark.parametrize("lifetime", ["satu jam", None, -5, "nan", 10**12])
def test_a_token_whose_lifetime_does_not_read_as_seconds_is_used_for_five_minutes(server, host, clock, http,
                                                                                    lifetime, monkeypatch):
    issue = host._token  # the sandbox's own token handler, its expires_in replaced

    def odd_lifetime(request):
        answer = issue(request)
        body = json.loads(answer.body)
        body["expires_in"] = lifetime
        return Response.json(body, answer.status)

    monkeypatch.setattr(host, "_token", odd_lifetime)
    client = make_client(http, server, host, clock)
    first = client.access_token()
    clock.advance(300 - 61)
    assert client.access_token() == first
    clock.advance(2)
    assert client.access_token() != first


def test_the_client_tells_what_it_last_learned_of_reaching_the_host(http, server, host, service):
    """What the header's "BNI: …" follows (services.connectivity.Reach): every request's
    fate at the wire, told by the thread that made it, to every listener."""
    heard = []
    service.client.reach.listen(heard.append)
    service.client.reach.listen(lambda check: 1 / 0)  # a listener that fails is logged, never the request's failure
    with pytest.raises(AccountNotFound):  # a bill the host does not know: the host answered
        service.inquire("bpjs_kesehatan", {"billingId": "8888809999999999", "months": "1"}, pin=PIN)
    assert [(c.host, c.ok, c.answered) for c in heard] == [("keagenan", True, True)]
    host.faults.queue(Fault.REFUSE_CONNECTION, "/keagenan/transaction")
    with pytest.raises(TransportError):  # the connection cut: nothing answered
        service.inquire("bpjs_kesehatan", {"billingId": "8888801260835323", "months": "1"}, pin=PIN)
    assert (heard[-1].ok, heard[-1].answered) == (False, False) and "JANGAN" not in heard[-1].error.message
    service.inquire("bpjs_kesehatan", {"billingId": "8888801260835323", "months": "1"}, pin=PIN)
    assert heard[-1].ok and service.client.reach.last is heard[-1]
    refused = make_client(http, server, host, xauth_password="wrong")
    with pytest.raises(KeagenanUnauthorized):
        refused.ping()
    assert (refused.reach.last.ok, refused.reach.last.answered) == (False, True)
