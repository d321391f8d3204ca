"""The BNI Keagenan document's own examples against Loket (in-process, no socket):

* every example request is accepted by the sandbox, repaired only where the document
  contradicts itself (each repair is named in the assertion that needs it);
* every example response is read into the right integer amounts, and every example error
  into the right Loket error.

The examples are services/products/data/keagenan_examples.json, extracted from the
document by tests/data/extract_keagenan_examples.py (JSON that does not parse repaired,
repairs recorded in the file).
"""

from __future__ import annotations

import base64
import copy

import httpx
import pytest

from services.errors import AccountNotFound, HostRejected, InvalidPin
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig
from services.hosts.keagenan.errors import (
    BillerUnavailable,
    DuplicateReference,
    KeagenanUnauthorized,
    is_true,
    rejection,
)
from services.hosts.keagenan.sandbox import PIN, SECTIONS, KeagenanSandbox, inputs_from, load_examples
from services.products import default_catalogue
from services.products.spec import money_at
from services.sandbox.transport import SandboxTransport

EXAMPLES = load_examples()
CAT = default_catalogue()


@pytest.fixture
def host() -> KeagenanSandbox:
    return KeagenanSandbox()


@pytest.fixture
def send(host):
    creds = host.credentials()
    http = httpx.Client(transport=SandboxTransport(host), base_url="http://keagenan.sandbox")
    client = KeagenanClient(http, KeagenanConfig(
        base_url="http://keagenan.sandbox", dealer_id=creds["dealer_id"], xauth_user=creds["x_auth_user"],
        xauth_password=creds["x_auth_password"], client_id=creds["client_id"],
        client_secret=creds["client_secret"], agent_code=creds["agent_code"], account_num=creds["account_num"]))
    x_auth = base64.b64encode(f"{creds['x_auth_user']}:{creds['x_auth_password']}".encode()).decode()

    def post(body):
        answer = http.post(creds["transaction_path"], params={"access_token": client.access_token()},
                           headers={"X-Auth": x_auth}, json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    yield post
    http.close()


def with_sandbox_pin(body):
    """The document's example PINs (12345) are placeholders; the sandbox agent's PIN is 359569."""
    body = copy.deepcopy(body)
    if "pin_transaksi" in body.get("data", {}):
        body["data"]["pin_transaksi"] = PIN
    return body


def inquiry_request(product_id):
    spec = CAT.get(product_id)
    example = EXAMPLES[SECTIONS[product_id][0]]
    if "request" in example:
        return with_sandbox_pin(example["request"])
    # INC-14: OTO Kredit's "Request" example is a pasted FIF error; built from its definition.
    answer = example["response_success"]
    data = {"kode_mitra": "BNI", "kode_cabang": "014", "kode_loket": "100294", "pin_transaksi": PIN,
            "reffNum": "20170512100900050390", **spec.inquiry_data({"billingId": answer["billingId"]})}
    return {"typereq": "trans", "dealerId": "2214860948771287", "fiturId": spec.inquiry_fitur, "data": data}


TWO_STEP = [p for p, (inq, _) in SECTIONS.items() if inq is not None]
WITH_PAYMENT_EXAMPLE = [p for p, (_, pay) in SECTIONS.items() if pay is not None]


def test_ping_example_is_answered_in_the_documents_shape(send):
    answer = send(EXAMPLES[1]["request"])
    assert set(answer) == set(EXAMPLES[1]["response_success"]) == {"status", "code", "data"}
    assert answer["status"] is True and answer["code"] == "1"


@pytest.mark.parametrize("product_id", TWO_STEP)
def test_every_inquiry_example_is_answered_with_the_documents_bill(send, product_id):
    request = inquiry_request(product_id)
    answer = send(request)
    expected = dict(EXAMPLES[SECTIONS[product_id][0]]["response_success"])
    if "reffNum" in expected:
        expected["reffNum"] = request["data"]["reffNum"]  # "as per Request"
    assert answer == expected


@pytest.mark.parametrize("product_id", WITH_PAYMENT_EXAMPLE)
def test_every_payment_example_is_accepted(send, product_id):
    spec = CAT.get(product_id)
    payment = with_sandbox_pin(EXAMPLES[SECTIONS[product_id][1]]["request"])
    if not spec.single_step:
        inquiry = inquiry_request(product_id)
        answer = send(inquiry)
        inputs = inputs_from(spec, inquiry["data"])
        expected = spec.expected_payment_fields(answer, inputs)
        if spec.amount_wire and not spec.free_amount and spec.amount_wire not in expected:
            # INC-10: PLN's amount has no echo rule; Loket pays the inquiry's billAmount.
            expected[spec.amount_wire] = str(spec.amounts(answer, inputs)[0])
        contradicted = {k for k, v in expected.items() if str(payment["data"].get(k, "")) != v}
        if contradicted:
            # The document's payment example echoes values its own inquiry example did not
            # give (INC-11/12/18/21/25/26 ...): as printed it is refused like any tampered echo.
            refused = send({**payment, "data": {**payment["data"], "reffNum": payment["data"]["reffNum"] + "9"}})
            assert refused["data"]["error"] is True and refused["data"]["errorNum"] == "30"
        payment["data"].update(expected)  # the repair: echo what the inquiry answered
    answer = send(payment)
    assert answer["data"]["error"] is False, answer
    assert answer["status"] == "success"
    assert answer["trxType"] == EXAMPLES[SECTIONS[product_id][1]]["response_success"]["trxType"]
    assert answer["result"]["kode_loket"] == "BNI014100294"
    assert answer["data"]["journal"].strip().isdigit()


def test_a_reused_example_reffNum_is_9990(send):
    # Sections 18 and 20 of the document use the same reffNum: the second is a duplicate.
    first = send(inquiry_request("mf_sms"))
    second = send(inquiry_request("mf_nsc"))
    assert first["error"] is False
    assert second == {"error": True, "errorNum": "9990", "message": "Duplicate Refference Number"}


# -- responses -> amounts ----------------------------------------------------------------------

INQUIRY_AMOUNTS = {  # section -> (amount, fee, total) by the spec's rules
    2: (65000, 0, 65000), 4: (729000, 0, 729000), 6: (250000, 0, 250000), 8: (25500, 5000, 30500),
    10: (371558, 12500, 384058), 12: (2940000, 0, 2940000), 14: (2920000, 0, 2920000),
    16: (395000, 2000, 397000), 18: (57750, 5000, 62750), 20: (351000, 0, 351000), 22: (390000, 0, 390000),
    24: (10300, 5000, 15300), 26: (50000, 0, 50000), 28: (1200000, 3000, 1203000), 33: (500000, 3000, 503000),
    32: (145000, 0, 145000), 43: (261553126, 0, 261553126), 48: (230000, 0, 230000),
    50: (3229200, 0, 3229200), 52: (200000, 0, 200000), 54: (1000000, 7500, 1007500),
    56: (123400, 0, 123400), 58: (65000, 2500, 67500),
}


@pytest.mark.parametrize("product_id", TWO_STEP)
def test_every_inquiry_example_response_is_read_into_integer_amounts(product_id):
    spec = CAT.get(product_id)
    section = SECTIONS[product_id][0]
    response = EXAMPLES[section]["response_success"]
    inputs = inputs_from(spec, inquiry_request(product_id)["data"])
    assert is_true(response["error"]) is False
    if spec.free_amount and section in (35, 37, 39, 41):
        assert spec.amounts(response, inputs) == (0, 0, 0)  # Prudential: the amount is typed
        return
    assert spec.amounts(response, inputs) == INQUIRY_AMOUNTS[section]


def test_free_amount_bounds_come_from_the_inquiry():
    assert CAT.get("prudential_topup").bounds(EXAMPLES[35]["response_success"]) == (45000, 150000)
    assert CAT.get("prudential_reprint").bounds(EXAMPLES[37]["response_success"]) == (None, None)
    assert money_at(EXAMPLES[50]["response_success"], "biaya_loket") == 2500
    assert money_at(EXAMPLES[50]["response_success"], "h_regFeeBPJSTK") == 0  # ".00"


PAYMENT_NOMINALS = {  # section -> (CustomerData.nominal, CustomerData.biaya_adm); None = null/absent
    3: (65000, 2500), 5: (104900, 0), 7: (25000, 0), 9: (200000, 0), 13: (2970000, None), 15: (2930000, None),
    17: (2930000, None), 19: (2930000, None), 21: (351000, None), 23: (390000, None), 25: (12801, None),
    27: (50000, 0), 29: (125000, None), 30: (50000, None), 31: (150000, 0), 34: (10000, None),
    36: (20000, None), 38: (20000, None), 40: (20000, None), 42: (20000, None), 45: (250010, 7500),
    46: (50000, 0), 47: (5000, None), 49: (515100, None), 51: (3229200, 0), 53: (200000, None),
    55: (100000, None), 57: (121400, 0),
}


@pytest.mark.parametrize("section", sorted(PAYMENT_NOMINALS) + [11])
def test_every_payment_example_response_is_read_into_integer_amounts(section):
    response = EXAMPLES[section]["response_success"]
    assert is_true(response["data"]["error"]) is False
    if section == 11:  # PDAM's CustomerData carries adminFee, not nominal
        assert money_at(response, "CustomerData.adminFee") == 125000
        assert money_at(response, "data.totalTagihan") == 496558
        return
    nominal, fee = PAYMENT_NOMINALS[section]
    assert money_at(response, "CustomerData.nominal") == nominal
    assert money_at(response, "CustomerData.biaya_adm") == fee


ERROR_CLASSES = {
    "TELKOM91": AccountNotFound, "D0": AccountNotFound, "14": AccountNotFound, "0108": AccountNotFound,
    "-2": InvalidPin, "": InvalidPin, "9990": DuplicateReference, "91": BillerUnavailable,
    "9805": BillerUnavailable, "20": HostRejected, "30": HostRejected, "86": HostRejected, "12": HostRejected,
    "05": HostRejected, "PLNJABAR30": HostRejected,
}


@pytest.mark.parametrize("section", [s for s, e in sorted(EXAMPLES.items()) if "response_error" in e and s > 1])
def test_every_error_example_becomes_the_right_loket_error(section):
    response = EXAMPLES[section]["response_error"]
    error = response["data"] if "data" in response else response
    assert is_true(error["error"]) is True
    mapped = rejection(error)
    assert type(mapped) is ERROR_CLASSES[str(error.get("errorNum", ""))]
    assert mapped.host == "keagenan" and mapped.message
    assert mapped.code == (str(error.get("errorNum")) or "-2")


def test_the_ping_error_example_is_unauthorized():
    from services.hosts.keagenan.errors import unauthorized

    assert EXAMPLES[1]["response_error"] == {"status": False, "error": "Unauthorized"}
    assert isinstance(unauthorized("Unauthorized"), KeagenanUnauthorized)


def test_error_may_be_a_string():
    assert is_true("true") and is_true("TRUE ") and not is_true("false") and not is_true(False)
    assert isinstance(rejection({"error": "true", "errorNum": "9990", "message": "Duplicate Refference Number"}),
                      DuplicateReference)
