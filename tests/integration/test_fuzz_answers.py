"""Fuzzing the host clients' answer parsing (Hypothesis).

The simulated host books the payment and answers as it should; on the way back the answer
is tampered with: one field replaced by a wrong type, a huge or negative number, a float,
NaN, HTML, a list or an object, or removed; or the whole body replaced by an empty one, HTML
or bytes that are not JSON. Covered so far: the Bank+ cash deposit, the Switcher transfer and
DOKU's create VA (``CLIENTS``; BNI Keagenan and BCA are still to add). Whatever comes back:

* nothing but Loket's own errors (``LoketError``) reaches the caller;
* the journal row is settled (SUCCESS, FAILED or SUSPECT), never left NEW or SENT;
* it is SUCCESS only when every field that names the payment (reference, account, amount,
  figures) still says what was sent;
* it is FAILED only when the field that carries the host's verdict was changed (into a
  code the host's table of final refusals may hold); an answer that cannot be read is
  SUSPECT, never FAILED.
"""

from __future__ import annotations

import copy
import json
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.clock import WIB, FixedClock
from services.errors import LoketError
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.sandbox import BankPlusSandbox
from services.hosts.bankplus.service import BankingService
from services.hosts.doku import client as doku_va
from services.hosts.doku.sandbox import DokuSandbox
from services.hosts.doku.service import VirtualAccountService
from services.hosts.snap.client import SnapClient, SnapCredentials
from services.hosts.snap.keys import PartnerKeys
from services.hosts.switcher.client import SwitcherClient
from services.hosts.switcher.sandbox import SOURCE_ACCOUNT, SwitcherSandbox
from services.hosts.switcher.service import SwitchingService
from services.journal import Journal, State
from services.money import MoneyError, parse_rupiah
from services.sandbox.transport import SandboxTransport
from services.secrets import SecretStore
from services.transactions import TransactionRunner

LIMITS = {"deposit": {"min": 10_000, "max": 20_000_000}, "transfer": {"min": 10_000, "max": 25_000_000},
          "open_account_deposit": {"min": 0, "max": 20_000_000}}
HTML = "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>"
MISSING = object()

garbage = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12), st.just(HTML), st.just(""),
    st.just("99999999999999999999999999"), st.just("25.000,50"), st.just(" 00 "),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
whole_bodies = st.one_of(st.just(b""), st.just(HTML.encode()), st.binary(max_size=40),
                         garbage.map(lambda v: json.dumps(v).encode()))


def leaf_paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaf_paths(v, prefix + (k,))] + ([prefix] if prefix else [])
    return [prefix]


@dataclass(frozen=True)
class Tampering:
    path: tuple | None  # None: the whole body replaced
    value: Any  # the new value, or MISSING (the field removed), or the body's bytes

    def apply(self, original: dict) -> bytes:
        if self.path is None:
            return self.value
        answer = copy.deepcopy(original)
        *parents, last = self.path
        node = answer
        for key in parents:
            node = node[key]
        if self.value is MISSING:
            del node[last]
        else:
            node[last] = self.value
        return json.dumps(answer, allow_nan=True).encode()


@st.composite
def tamperings(draw, original: dict) -> Tampering:
    if draw(st.integers(0, 5)) == 0:
        return Tampering(None, draw(whole_bodies))
    path = draw(st.sampled_from(leaf_paths(original)))
    return Tampering(path, draw(st.one_of(st.just(MISSING), garbage)))


class Tamper(httpx.BaseTransport):
    """The sandbox, with the answer to ``path`` replaced by ``tampering.apply(answer)``."""

    def __init__(self, inner: httpx.BaseTransport, path: str) -> None:
        self.inner, self.path = inner, path
        self.tampering: Tampering | None = None
        self.original: dict | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path != self.path or self.tampering is None:
            return response
        response.read()
        self.original = response.json()
        return httpx.Response(response.status_code, headers={"content-type": "application/json"},
                              content=self.tampering.apply(self.original))


def same(a: Any, b: Any) -> bool:
    """The tampered field still says what the original did (as text, or as the same rupiah)."""
    if a is MISSING or b is MISSING:
        return False
    if str(a).strip() == str(b).strip():
        return True
    try:
        return parse_rupiah(a) == parse_rupiah(b)
    except (MoneyError, ValueError, TypeError, ArithmeticError):
        return False


@dataclass(frozen=True)
class Client:
    name: str
    path: str
    sample: dict  # a real answer of the sandbox, for the paths to tamper with
    identity: frozenset  # the paths that name the payment: a changed one is never SUCCESS
    echoed_twice: frozenset  # those the answer may leave out (stated elsewhere, or optional)
    verdict: frozenset  # the paths that carry the host's verdict
    pay: Callable[[Tamper, Path], Journal]  # make one payment through the tampering transport


def _bankplus(tamper: Tamper, folder: Path) -> Journal:
    journal = Journal(folder / "journal.db")
    service = BankingService(BankPlusClient(httpx.Client(transport=tamper), "http://sandbox.invalid"), journal,
                             limits=LIMITS, attachments_dir=folder / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    try:
        service.deposit(account="14047", name="ARDHA HERDIANTO", amount=25_000, narration="", pin="359569")
    except LoketError:  # anything else is a failure of the test
        pass
    return journal


def _switcher(tamper: Tamper, folder: Path) -> Journal:
    journal = Journal(folder / "journal.db")
    service = SwitchingService(SwitcherClient(httpx.Client(transport=tamper), "http://sandbox.invalid"), journal,
                               source_bank="BRINIDJA", source_account=SOURCE_ACCOUNT, approve=lambda pin: None)
    quote = service.switcher_inquiry("BRINIDJA", "888801000157516")
    try:
        service.switcher_transfer(quote, 125000, "uji fuzz")
    except LoketError:  # anything else is a failure of the test
        pass
    return journal


_KEYS_DIR = Path(tempfile.mkdtemp(prefix="loket-fuzz-keys-"))
_KEYS = PartnerKeys(_KEYS_DIR / "keys", SecretStore(_KEYS_DIR, use_keyring=False), "snap")
_KEYS.generate()
_PUBLIC = _KEYS.export_public_key(_KEYS_DIR / "public-key.pub")
_CLOCK = FixedClock(datetime(2026, 11, 21, 14, 5, tzinfo=WIB))


def _doku_host() -> DokuSandbox:
    return DokuSandbox(clock=_CLOCK, public_key_path=_PUBLIC)


def _doku(tamper: Tamper, folder: Path) -> Journal:
    journal = Journal(folder / "journal.db", clock=_CLOCK)
    c = DokuSandbox(clock=_CLOCK, public_key_path=_PUBLIC).credentials()
    credentials = SnapCredentials(client_key=c["client_key"], client_secret=c["client_secret"],
                                  partner_id=c["partner_id"], channel_id=c["channel_id"], token_path=c["token_path"])
    snap = SnapClient.build(httpx.Client(transport=tamper), "http://sandbox.invalid", "doku", credentials,
                            _KEYS.private_key(), clock=_CLOCK)
    service = VirtualAccountService(doku_va.DokuVaClient(snap, c["partner_service_id"]),
                                    TransactionRunner(journal, lambda: "kasir1"), clock=_CLOCK)
    try:
        service.create_va(customer_no="000000000001", name="Jessica Tessalonika", amount=100_000)
    except LoketError:  # anything else is a failure of the test
        pass
    return journal


def _sample(host_factory, pay, path: str) -> dict:
    tamper = Tamper(SandboxTransport(host_factory()), path)
    tamper.tampering = Tampering(None, b"")  # capture only; the payment itself is not checked here
    with tempfile.TemporaryDirectory() as folder:
        pay(tamper, Path(folder)).close()
    assert tamper.original is not None
    return tamper.original


CLIENTS = {
    "bankplus": (BankPlusSandbox, _bankplus, "/bankplus/bsa/depositAccount",
                 {("data", "amount"), ("data", "deposit_amount"), ("data", "total"), ("data", "admin"),
                  ("data", "account_number_customer"), ("data",)},
                 # the amount is both ``amount`` and ``deposit_amount``; an absent admin fee is 0
                 {("data", "amount"), ("data", "deposit_amount"), ("data", "admin")},
                 {("code",), ("message",)}),
    "doku": (_doku_host, _doku, doku_va.CREATE_VA_PATH,
             {("virtualAccountData", "trxId"), ("virtualAccountData", "virtualAccountNo"),
              ("virtualAccountData", "totalAmount"), ("virtualAccountData", "totalAmount", "value"),
              ("virtualAccountData",)},
             # the amount was sent; an answer may leave it out (the document marks it optional)
             {("virtualAccountData", "totalAmount"), ("virtualAccountData", "totalAmount", "value")},
             {("responseCode",), ("responseMessage",)}),
    "switcher": (SwitcherSandbox, _switcher, "/transfer",
                 {("data", "refnum"), ("data", "amount"), ("data", "sourceAccount"), ("data",)},
                 set(),
                 {("code",), ("message",)}),
}


def client(name: str) -> Client:
    factory, pay, path, identity, twice, verdict = CLIENTS[name]
    return Client(name, path, _sample(factory, pay, path), frozenset(identity), frozenset(twice),
                  frozenset(verdict), pay)


def check(c: Client, factory, tampering: Tampering) -> None:
    tamper = Tamper(SandboxTransport(factory()), c.path)
    tamper.tampering = tampering
    with tempfile.TemporaryDirectory() as folder:
        with c.pay(tamper, Path(folder)) as journal:
            [row] = list(journal.rows())
            state = row.state
    assert state in (State.SUCCESS, State.FAILED, State.SUSPECT), (tampering, state)
    if tampering.path is None:
        assert state is State.SUSPECT, (tampering, state)  # nothing readable: unknown
        return
    original = tamper.original
    node: Any = original
    for key in tampering.path:
        node = node[key]
    if state is State.SUCCESS and tampering.path in c.identity:
        absent = tampering.value is MISSING or tampering.value is None or tampering.value == ""
        absent_but_echoed = absent and tampering.path in c.echoed_twice
        assert absent_but_echoed or same(node, tampering.value), (tampering, state)
    if state is State.FAILED:
        assert tampering.path in c.verdict, (tampering, state)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_bankplus_deposit_answers(data):
    c = BANKPLUS
    check(c, BankPlusSandbox, data.draw(tamperings(c.sample)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_switcher_transfer_answers(data):
    c = SWITCHER
    check(c, SwitcherSandbox, data.draw(tamperings(c.sample)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_doku_create_va_answers(data):
    c = DOKU
    check(c, _doku_host, data.draw(tamperings(c.sample)))


BANKPLUS = client("bankplus")
DOKU = client("doku")
SWITCHER = client("switcher")
