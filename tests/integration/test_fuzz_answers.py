"""Fuzzing the host clients' answer parsing (Hypothesis).

The simulated host books the payment and answers as it should; on the way back the answer
is tampered with (tests/integration/answer_tampering.py): one field replaced by a wrong
type, a huge or negative number, a float, NaN, HTML, a list or an object, or removed; or the
whole body replaced by an empty one, HTML or bytes that are not JSON. Here the Bank+ cash
deposit, the Switcher transfer and DOKU's create VA; BNI Keagenan and BCA have their own
files (test_fuzz_keagenan_answers.py, test_fuzz_bca_answers.py). Whatever comes back:

* nothing but Loket's own errors (``LoketError``) reaches the caller;
* the journal row is settled (SUCCESS, FAILED or SUSPECT), never left NEW or SENT;
* it is SUCCESS only when every field that names the payment (reference, account, amount,
  figures) still says what was sent;
* it is FAILED only when the field that carries the host's verdict was changed (into a
  code the host's table of final refusals may hold); an answer that cannot be read is
  SUSPECT, never FAILED.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

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
from services.journal import Journal
from services.limits import Limits
from services.sandbox.transport import SandboxTransport
from services.secrets import SecretStore
from services.transactions import TransactionRunner
from tests.integration.answer_tampering import Client, Tamper, check, sample, tamperings

LIMITS = {"deposit": {"min": 10_000, "max": 20_000_000}, "transfer": {"min": 10_000, "max": 25_000_000},
          "open_account_deposit": {"min": 0, "max": 20_000_000}}


def _bankplus(tamper: Tamper, folder: Path) -> Journal:
    journal = Journal(folder / "journal.db")
    service = BankingService(BankPlusClient(httpx.Client(transport=tamper), "http://sandbox.invalid"), journal,
                             limits=Limits.parse(LIMITS), attachments_dir=folder / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    try:
        service.deposit(account="14047", name="ARDHA HERDIANTO", amount=25_000, narration="", pin="359569")
    except LoketError:  # anything else is a failure of the test
        pass
    return journal


def _switcher(tamper: Tamper, folder: Path) -> Journal:
    journal = Journal(folder / "journal.db")
    service = SwitchingService(SwitcherClient(httpx.Client(transport=tamper), "http://sandbox.invalid"), journal,
                               source_bank="BRINIDJA", source_account=SOURCE_ACCOUNT, approve=lambda *_: None)
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
    host = lambda: SandboxTransport(factory())  # noqa: E731
    return Client(name, host, path, sample(host, pay, path), frozenset(identity), frozenset(twice),
                  frozenset(verdict), pay)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_bankplus_deposit_answers(data):
    c = BANKPLUS
    check(c, data.draw(tamperings(c.sample)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_switcher_transfer_answers(data):
    c = SWITCHER
    check(c, data.draw(tamperings(c.sample)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_doku_create_va_answers(data):
    c = DOKU
    check(c, data.draw(tamperings(c.sample)))


BANKPLUS = client("bankplus")
DOKU = client("doku")
SWITCHER = client("switcher")
