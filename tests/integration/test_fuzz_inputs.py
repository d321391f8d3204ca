"""Fuzzing every input field (Hypothesis), through the flows' public ``prepare`` (and
``inquire`` where the destination is asked first), as a screen would call them: what the
agent can type (any text, look-alike digits, rupiah with dots and sen, huge and negative
numbers, HTML, control characters) in one field, every other field valid.

Whatever is typed: either a quote within the product's limits, or Loket's own error
(``LoketError``, a message in words, no exception of Python's), and the journal is
unchanged: no row, no event. A PIN that is not a PIN is refused before anything is sent.
The command line is fuzzed in tests/integration/test_fuzz_cli.py.
"""

from __future__ import annotations

import string
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from app.context import AppContext, build_context
from services.errors import LoketError
from services.flows.bankplus import DepositFlow, OpenAccountFlow, TransferFlow
from services.flows.base import Flow, Quote
from services.flows.destination import DestinationFlow
from services.flows.others import BcaInterbankFlow, BcaTransferFlow, SwitcherFlow, VirtualAccountFlow
from services.hosts.answers import MAX_RUPIAH
from services.hosts.bankplus.service import OpenAccountForm
from services.hosts.keagenan.service import BillPayFlow
from services.profile import Profile
from services.validation import is_digits

FUZZ = settings(max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PIN = "359569"

typed = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=string.digits + " .,-+e", max_size=30),
    st.sampled_from(["", " ", "0", "-1", "-50000", "1e9", "10.000,50", "25.000", "Rp 25.000", "9" * 40,
                     "١٢٣٤٥٦", "１２３４５６", "¹²³", "<b>x</b>", "=1+1", "'; DROP TABLE txn;--", "\x00",
                     "\u202e1234", "a" * 300, "NaN", "inf", "0x10", "1_000", "٣٤٥٦٧٨٩٠١٢"]),
)
amounts = st.one_of(typed, st.integers(min_value=-(10**20), max_value=10**20))


def journal_state(context: AppContext) -> tuple[int, int]:
    journal = context.journal
    (events,) = journal.execute("SELECT count(*) FROM txn_event").fetchone()
    return journal.count(), events


@pytest.fixture(scope="module")
def context(tmp_path_factory) -> AppContext:
    ctx = build_context(Profile(tmp_path_factory.mktemp("profile")))
    ctx.banking.login("BNIUS100294", "T6jkl4ss")
    yield ctx
    ctx.close()


def attachments(folder: Path) -> tuple[str, str]:
    ktp, foto = folder / "ktp.jpg", folder / "foto.png"
    ktp.write_bytes(b"\xff\xd8fake-jpeg")
    foto.write_bytes(b"\x89PNGfake")
    return str(ktp), str(foto)


def open_account_form(folder: Path) -> OpenAccountForm:
    ktp, foto = attachments(folder)
    return OpenAccountForm(
        name="Gabymars Yofie", email="gaby@email.com", mother_name="Mamih", profession="KONSULTAN",
        last_education="S1/D4", status_nikah="Lajang", pob="Surabaya", dob="1997-08-01", ktp="3515084108970001",
        gender="p", address="Jl. Waru 1", rt="22", rw="1", zip_code="61256", kelurahan="Waru", kecamatan="Waru",
        city="Sidoarjo", state="Jawa Timur", hp="08998321234", phone="0319909221", income="1", jumlah_transaksi="1",
        deposit="100.000", ktp_image=ktp, photo_image=foto)


# kind -> (the flow, the destination's inputs (or None), the inputs of ``prepare``)
def kinds(context: AppContext) -> dict[str, tuple[Callable[[], Flow], dict | None, dict]]:
    return {
        "deposit": (lambda: DepositFlow(context.banking, context.pins), None,
                    {"account": "1234567890", "name": "SITI RAHAYU", "amount": "250.000", "narration": "setor"}),
        "transfer": (lambda: TransferFlow("intrabank", context.banking, context.pins), {"account": "1234567890"},
                     {"amount": "150.000", "narration": "uji"}),
        "switcher": (lambda: SwitcherFlow(context.switching, context.pins),
                     {"bank": "BRINIDJA", "account": "888801000157516"}, {"amount": "125.000", "remark": "uji"}),
        "bca": (lambda: BcaTransferFlow(context.bca, context.pins), {"account": "0611104625"},
                {"amount": "150.000", "remark": "uji"}),
        "bca_interbank": (lambda: BcaInterbankFlow(context.bca, context.pins),
                          {"bank": "BRINIDJA", "account": "888801000003301"}, {"amount": "150.000"}),
        "pln": (lambda: BillPayFlow(context.billpay, "pln_postpaid"), None, {"customerId": "53111"}),
        "telkom": (lambda: BillPayFlow(context.billpay, "telkom"), None,
                   {"areaCode": "0021", "phoneNum": "998877441"}),
    }


FIELDS = [("deposit", "account"), ("deposit", "name"), ("deposit", "amount"), ("deposit", "narration"),
          ("transfer", "@account"), ("transfer", "amount"), ("transfer", "narration"),
          ("switcher", "@bank"), ("switcher", "@account"), ("switcher", "amount"), ("switcher", "remark"),
          ("bca", "@account"), ("bca", "amount"), ("bca", "remark"),
          ("bca_interbank", "@bank"), ("bca_interbank", "@account"), ("bca_interbank", "amount"),
          ("pln", "customerId"), ("telkom", "areaCode"), ("telkom", "phoneNum")]


def limits_hold(flow: Flow, quote: Quote) -> None:
    assert 0 <= quote.amount <= MAX_RUPIAH and 0 <= quote.fee <= MAX_RUPIAH, quote
    assert quote.total == quote.amount + quote.fee, quote
    limits = getattr(flow, "amount_range", None)
    if limits is not None:
        assert limits.minimum <= quote.amount <= limits.maximum, quote


def refused_plainly(error: LoketError) -> None:
    text = str(error)
    assert text.strip() and "Traceback" not in text, repr(error)


def attempt(context: AppContext, kind: str, field: str, value: Any) -> Quote | None:
    make, destination, inputs = kinds(context)[kind]
    before = journal_state(context)
    flow = make()
    try:
        if isinstance(flow, DestinationFlow):
            asked = dict(destination)
            if field.startswith("@"):
                asked[field[1:]] = value
            flow.inquire(asked)
            flow.confirm_name(True)
        if isinstance(flow, BillPayFlow):
            quote = flow.prepare({**inputs, field: value}, pin=PIN)
        else:
            quote = flow.prepare(inputs if field.startswith("@") else {**inputs, field: value})
    except LoketError as error:
        refused_plainly(error)
        quote = None
    assert journal_state(context) == before, (kind, field, value)
    if quote is not None:
        limits_hold(flow, quote)
    return quote


@FUZZ
@given(field=st.sampled_from(FIELDS), value=typed)
def test_every_field_of_every_flow(context, field, value):
    attempt(context, *field, value)


@FUZZ
@given(field=st.sampled_from([f for f in FIELDS if f[1] == "amount"]), value=amounts)
def test_every_amount(context, field, value):
    attempt(context, *field, value)


@FUZZ
@given(pin=typed)
def test_a_pin_that_is_no_pin_is_refused_before_anything_is_sent(context, pin):
    assume(not (is_digits(pin.strip()) and len(pin.strip()) == 6))
    before = journal_state(context)
    for kind in ("deposit", "bca", "switcher"):
        make, destination, inputs = kinds(context)[kind]
        flow = make()
        if isinstance(flow, DestinationFlow):
            flow.inquire(destination)
            flow.confirm_name(True)
        flow.prepare(inputs)
        with pytest.raises(LoketError) as refused:
            flow.pay(pin)
        refused_plainly(refused.value)
    assert journal_state(context) == before


OPEN_ACCOUNT_FIELDS = [f for f in OpenAccountForm.__dataclass_fields__ if f not in ("extra",)]


@FUZZ
@given(field=st.sampled_from(OPEN_ACCOUNT_FIELDS), value=typed)
@example(field="ktp_image", value="a" * 300)  # too long a name for the file system: refused, not an OSError
@example(field="photo_image", value="foto\x00.jpg")
def test_every_field_of_the_open_account_form(context, tmp_path, field, value):
    before = journal_state(context)
    flow = OpenAccountFlow(context.banking, context.pins)
    try:
        quote = flow.prepare({"form": replace(open_account_form(tmp_path), **{field: value})})
    except LoketError as error:
        refused_plainly(error)
    else:
        limits_hold(flow, quote)
    assert journal_state(context) == before


VA_FIELDS = {"customer_no": typed, "name": typed, "amount": st.one_of(st.none(), st.integers(-(10**20), 10**20)),
             "phone": typed, "email": typed, "trx_type": typed}


@FUZZ
@given(data=st.data())
def test_every_field_of_a_virtual_account(context, data):
    field = data.draw(st.sampled_from(sorted(VA_FIELDS)))
    value = data.draw(VA_FIELDS[field])
    before = journal_state(context)
    flow = VirtualAccountFlow(context.va)
    inputs = {"customer_no": "000000000001", "name": "Jessica Tessalonika", "amount": 100_000, field: value}
    try:
        quote = flow.prepare(inputs)
    except LoketError as error:
        refused_plainly(error)
    else:
        limits_hold(flow, quote)
    assert journal_state(context) == before


@FUZZ
@given(start=st.dates(date(1900, 1, 1), date(2100, 1, 1)), end=st.dates(date(1900, 1, 1), date(2100, 1, 1)))
def test_any_dates_of_a_bca_statement(context, start, end):
    before = journal_state(context)
    try:
        context.bca.statement(start, end)
    except LoketError as error:
        refused_plainly(error)
    assert journal_state(context) == before


@pytest.mark.parametrize("kind", ["deposit", "transfer", "switcher", "bca", "bca_interbank", "pln", "telkom"])
def test_the_valid_inputs_the_fuzz_starts_from_give_a_quote(context, kind):
    make, destination, inputs = kinds(context)[kind]
    field = next(iter(inputs))
    assert attempt(context, kind, field, inputs[field]) is not None


def test_found_a_virtual_account_beyond_what_snap_can_carry_is_refused(context):
    """SNAP's amount is String(16,2): 13 digits of rupiah. Larger was quoted, then journaled."""
    flow = VirtualAccountFlow(context.va)
    with pytest.raises(LoketError) as refused:
        flow.prepare({"customer_no": "000000000001", "name": "Jessica Tessalonika", "amount": 10**13 + 1})
    assert refused.value.field == "amount"
    assert flow.prepare({"customer_no": "000000000001", "name": "Jessica Tessalonika",
                         "amount": 10**13 - 1}).amount == 10**13 - 1
