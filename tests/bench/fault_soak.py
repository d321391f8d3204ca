"""Fault soak: many payments through the service layer against faulty hosts, then the
hosts' truth held against the journal.

    .venv/bin/python tests/bench/fault_soak.py [--payments 1000] [--fault-rate 0.1] [--seed 7]

Mixed Bank+ (cash deposits, intrabank and interbank transfers through BankingService),
Switcher transfers (SwitchingService), BCA SNAP transfers, intrabank and interbank
(BcaService, signed with a partner key made for the run), and BNI Keagenan bill payments (a
PLN bill checked then paid, a zakat donation of a typed amount: BillPayService), against the
simulated hosts served on loopback
(SandboxServer), with about ``--fault-rate`` of the payment requests given one of the
faults: the network's (slow answer, answer lost after processing, connection dropped before
processing, 5xx, malformed JSON) and a misbehaving host's (replayed answer, answer about
another request, answer duplicated on the connection, "[68] too late" and "[96] system
malfunction", success code as a number or with a space, an answer trickling past the
deadline, absurd, negative and inconsistent figures, a verdict said twice: the host's, then
a refusal's in the same object). A fault drawn for an answer it finds
nothing to change in (a total multiplied in an answer that states none, such as a bill
inquiry's; a replay on a path with no earlier answer; a copy of an answer on a connection
Loket closes after one answer, as it always does) is not counted as injected: the report
lists it apart ("drawn, changed nothing"). About ``--refuse-rate`` of the
payments meet a refused connection (NotSent) and are sent again, as the counter does, with
the same reference. Suspects are settled as the counter would: Switcher rows by the
status check (``/check``), BCA rows by BCA's Transfer Status Inquiry, Bank+ and BNI Keagenan
rows (no status check) by hand from the host's report, here the sandbox ledger keyed by the
``sid`` header (= journal reference) or by the reffNum (the journal reference inside it).
A bill's inquiry meets the faults too (the same path); one that fails is checked again, as
the agent would, and a second failure leaves that customer for later (counted apart).

Then the reconciliation: every ledger entry (what a host really booked) against the
journal export of the day (jsonl, the partner contract):
* double charges: one payment booked more than once (by reference or by intent)
* lost: booked by a host, but missing from the journal or not SUCCESS there
* amount mismatches: booked with another amount or fee than journaled, or journaled
  SUCCESS without any booking
* answer mismatches: SUCCESS rows whose journaled answer is not about their request
  (another account, refnum or amount)
* NotSent retries: how many went out again with the same reference (must be all)
Target: 0, 0, 0, 0, all.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from services.errors import HostRejected, LoketError, MaybeSent, NotSent  # noqa: E402
from services.hosts.bankplus.client import BankPlusClient  # noqa: E402
from services.hosts.bankplus.sandbox import BankPlusSandbox  # noqa: E402
from services.hosts.bankplus.service import BankingService  # noqa: E402
from services.hosts.bca import client as bca  # noqa: E402
from services.hosts.bca.client import BcaClient  # noqa: E402
from services.hosts.bca.sandbox import BCA_AGENT_ACCOUNT, BcaSandbox  # noqa: E402
from services.hosts.bca.service import BcaService  # noqa: E402
from services.hosts.bca.status import register_bca  # noqa: E402
from services.hosts.keagenan.client import TRANSACTION_PATH as KEAGENAN_PATH  # noqa: E402
from services.hosts.keagenan.client import KeagenanClient, KeagenanConfig, reff_num  # noqa: E402
from services.hosts.keagenan.sandbox import KeagenanSandbox  # noqa: E402
from services.hosts.keagenan.service import BillPayService  # noqa: E402
from services.hosts.snap import SnapClient, SnapCredentials  # noqa: E402
from services.hosts.snap.amounts import amount_rupiah  # noqa: E402
from services.hosts.snap.keys import generate_private_key, public_key_pem  # noqa: E402
from services.hosts.switcher.client import SwitcherClient  # noqa: E402
from services.hosts.switcher.sandbox import SOURCE_ACCOUNT, SwitcherSandbox  # noqa: E402
from services.hosts.switcher.service import SwitchingService  # noqa: E402
from services.journal import (  # noqa: E402
    Journal,
    State,
    export,  # noqa: E402
)
from services.limits import Limits  # noqa: E402
from services.money import parse_rupiah  # noqa: E402
from services.profile import DEFAULT_SETTINGS  # noqa: E402
from services.resolution import SuspectResolver  # noqa: E402
from services.sandbox import Fault, FaultPlan  # noqa: E402
from services.sandbox.base import CLASSIC_FAULTS  # noqa: E402
from services.sandbox.server import SandboxServer  # noqa: E402
from services.transactions import OpenTransactionExists, TransactionRunner  # noqa: E402

PIN = "359569"
BANKPLUS_PAYMENT_PATHS = ("/bankplus/bsa/depositAccount", "/bankplus/bsa/transfer/intrabank/payment",
                          "/bankplus/bsa/transfer/interbank/payment")
SWITCHER_PAYMENT_PATHS = ("/transfer",)
BCA_PAYMENT_PATHS = (bca.TRANSFER_PATH, bca.INTERBANK_TRANSFER_PATH)
# What each host's ledger calls the reference Loket sent, and which operations move money.
LEDGER_KEY = {"bankplus": "sid", "switcher": "refnum", "bca": "reference", "keagenan": "reffNum"}
MONEY_OPS = {"deposit", "intrabank_transfer", "interbank_transfer", "transfer", "transfer_interbank", "payment"}
# BNI Keagenan: what the agent types for each product (the sandbox's bills and donations).
BILLS = [("pln_postpaid", {"customerId": "53111"})]
DONATIONS = ["ZAKAT_DOMPET_DHUAFA", "ZAKAT_BAZNAS"]
BCA_BENEFICIARIES = ["0611104625", "0613005827"]
BCA_INTERBANK = [("BRINIDJA", "888801000003301"), ("BMRIIDJA", "1370012345678"), ("BNINIDJA", "0115258134")]
BANKPLUS_CUSTOMERS = [("14047", "ARDHA HERDIANTO"), ("1234567890", "SITI RAHAYU"), ("5550001112", "BUDI SANTOSO")]
INTERBANK = [("008", "114451186"), ("002", "0123456789012"), ("012", "8800112233")]
SWITCHER_BENEFICIARIES = ["888801000003301", "888801000157516", "888801000204417", "888801000311025"]
HOST_FAULTS = (Fault.REPLAYED_ANSWER, Fault.FOREIGN_ANSWER, Fault.DUPLICATED_ANSWER, Fault.TOO_LATE,
               Fault.MALFUNCTION, Fault.CODE_AS_NUMBER, Fault.CODE_WITH_SPACE, Fault.TRICKLE, Fault.HUGE_NUMBERS,
               Fault.NEGATIVE_NUMBERS, Fault.INCONSISTENT_TOTAL, Fault.SAID_TWICE)
DEADLINE = 1.0  # seconds: a trickling answer (0.01 s a byte) outlives it


@dataclass
class SoakReport:
    payments: int = 0
    faults_injected: int = 0
    fault_kinds: Counter = field(default_factory=Counter)
    idle_kinds: Counter = field(default_factory=Counter)  # drawn, but found nothing to change: not counted
    suspects: int = 0
    resolved: int = 0
    unresolved: int = 0
    rejected: int = 0
    double_charges: int = 0
    lost: int = 0
    amount_mismatches: int = 0
    answer_mismatches: int = 0
    not_sent: int = 0
    not_sent_same_reference: int = 0
    inquiries_failed: int = 0  # a bill's inquiry that failed twice: that customer comes back later
    booked: int = 0
    booked_by_host: Counter = field(default_factory=Counter)
    settled_by_status_check: Counter = field(default_factory=Counter)  # host -> rows a status check settled
    seconds: float = 0.0

    def lines(self) -> list[str]:
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(self.fault_kinds.items()))
        return [
            f"payments:          {self.payments}",
            f"faults injected:   {self.faults_injected} ({kinds})",
            f"drawn, changed nothing (not counted): {sum(self.idle_kinds.values())} "
            f"({', '.join(f'{k}: {n}' for k, n in sorted(self.idle_kinds.items()))})",
            f"suspects:          {self.suspects}",
            f"resolved:          {self.resolved} (still open: {self.unresolved})",
            f"rejected by host:  {self.rejected}",
            f"host bookings:     {self.booked} "
            f"({', '.join(f'{k}: {n}' for k, n in sorted(self.booked_by_host.items()))})",
            f"settled by status check: "
            f"{', '.join(f'{k}: {n}' for k, n in sorted(self.settled_by_status_check.items()))}",
            f"double charges:    {self.double_charges}",
            f"lost:              {self.lost}",
            f"amount mismatches: {self.amount_mismatches}",
            f"SUCCESS rows whose answer is not about their request: {self.answer_mismatches}",
            f"NotSent retries:   {self.not_sent} ({self.not_sent_same_reference} with the same reference)",
            f"bill inquiries failed twice (no payment made): {self.inquiries_failed}",
            f"time:              {self.seconds:.1f} s",
        ]


class Soak:
    def __init__(self, folder: Path, *, fault_rate: float, seed: int, delay: float = 0.05,
                 refuse_rate: float = 0.03) -> None:
        self.rnd = random.Random(seed)
        self.refuse_rate = refuse_rate
        kinds = CLASSIC_FAULTS + HOST_FAULTS
        self.bankplus = BankPlusSandbox(faults=FaultPlan(rate=fault_rate, seed=seed, delay_seconds=delay, kinds=kinds,
                                                         paths=BANKPLUS_PAYMENT_PATHS, trickle_seconds=0.01),
                                        ledger_path=folder / "bankplus-ledger.jsonl")
        self.switcher = SwitcherSandbox(faults=FaultPlan(rate=fault_rate, seed=seed + 1, delay_seconds=delay,
                                                         kinds=kinds, paths=SWITCHER_PAYMENT_PATHS,
                                                         trickle_seconds=0.01),
                                        ledger_path=folder / "switcher-ledger.jsonl")
        partner_key = generate_private_key()
        self.bca = BcaSandbox(faults=FaultPlan(rate=fault_rate, seed=seed + 2, delay_seconds=delay, kinds=kinds,
                                               paths=BCA_PAYMENT_PATHS, trickle_seconds=0.01),
                              ledger_path=folder / "bca-ledger.jsonl",
                              public_key_pem=public_key_pem(partner_key.public_key()))
        self.keagenan = KeagenanSandbox(faults=FaultPlan(rate=fault_rate, seed=seed + 3, delay_seconds=delay,
                                                         kinds=kinds, paths=(KEAGENAN_PATH,), trickle_seconds=0.01),
                                        ledger_path=folder / "keagenan-ledger.jsonl")
        self.bankplus.accounts["4447"].balance += 10_000_000_000  # the agent's float, for a long run
        self.switcher.accounts[SOURCE_ACCOUNT].balance_sen += 10_000_000_000_00
        self.bca.accounts[BCA_AGENT_ACCOUNT].balance_sen += 10_000_000_000_00
        self.servers = [SandboxServer(self.bankplus).start(), SandboxServer(self.switcher).start(),
                        SandboxServer(self.bca).start(), SandboxServer(self.keagenan).start()]
        self.http = httpx.Client(timeout=httpx.Timeout(5.0, read=2.0))
        self.journal = Journal(folder / "journal.db")
        self.folder = folder
        self.banking = BankingService(BankPlusClient(self.http, self.servers[0].base_url, deadline=DEADLINE),
                                      self.journal,
                                      limits=Limits.parse(DEFAULT_SETTINGS["limits"]), attachments_dir=folder / "att")
        self.banking.login("BNIUS100294", "T6jkl4ss")
        self.switching = SwitchingService(SwitcherClient(self.http, self.servers[1].base_url, deadline=DEADLINE),
                                          self.journal,
                                          source_bank="BRINIDJA", source_account=SOURCE_ACCOUNT,
                                          approve=lambda *_: None, operator=lambda: "BNIUS100294")
        # The sandbox books before it answers, so "not found" is final at once.
        self.resolver = SuspectResolver(self.journal, not_found_grace_seconds=0)
        self.switching.register_with(self.resolver)
        c = self.bca.credentials()
        snap = SnapClient.build(self.http, self.servers[2].base_url, "bca", SnapCredentials(
            c["client_key"], c["client_secret"], c["partner_id"], c["channel_id"], c["token_path"]), partner_key,
            clock=self.journal.clock, deadline=DEADLINE)
        self.bca_service = BcaService(BcaClient(snap, BCA_AGENT_ACCOUNT),
                                      TransactionRunner(self.journal, lambda: "BNIUS100294"),
                                      clock=self.journal.clock, not_found_grace_seconds=0)
        register_bca(self.resolver, self.bca_service.client, self.journal)
        k = self.keagenan.credentials()
        self.kode_loket = k["agent_code"]
        self.bills = BillPayService(KeagenanClient(self.http, KeagenanConfig(
            base_url=self.servers[3].base_url, dealer_id=k["dealer_id"], xauth_user=k["x_auth_user"],
            xauth_password=k["x_auth_password"], client_id=k["client_id"], client_secret=k["client_secret"],
            agent_code=k["agent_code"], account_num=k["account_num"], token_path=k["token_path"],
            transaction_path=k["transaction_path"], deadline=DEADLINE), clock=self.journal.clock),
            self.journal, TransactionRunner(self.journal, lambda: "BNIUS100294"))
        # Every intent is a payment the agent meant: "Ini transaksi baru?" is the counter's
        # question (tests/unit/test_flows_resend.py), not one the soak should trip over.
        for runner in (self.banking.runner, self.switching.runner, self.bca_service.runner, self.bills.runner):
            runner.duplicate_window = timedelta(0)
        self.intents: dict[str, int] = {}  # journal reference -> intent number
        self.report = SoakReport()
        self.started = self.journal.clock.now()

    def close(self) -> None:
        self.http.close()
        self.journal.close()
        for server in self.servers:
            server.stop()

    # -- one payment -----------------------------------------------------------------
    def pay(self, intent: int) -> None:
        kind = self.rnd.choices(["switcher", "deposit", "intrabank", "interbank", "bca", "bca_interbank", "bill",
                                 "donation"], weights=[25, 20, 15, 10, 10, 10, 6, 4])[0]
        amount = self.rnd.randrange(10, 500) * 1000
        server = {"switcher": self.servers[1], "bca": self.servers[2], "bca_interbank": self.servers[2],
                  "bill": self.servers[3], "donation": self.servers[3]}.get(kind, self.servers[0])
        if kind in ("bill", "donation"):
            product, inputs = (self.rnd.choice(BILLS) if kind == "bill"
                               else ("charity", {"providerId": self.rnd.choice(DONATIONS), "amount": str(amount)}))
            inquiry = self._inquire(product, inputs)
            if inquiry is None:
                self.report.inquiries_failed += 1
                self.report.payments += 1
                return
            act = lambda ref=None: self.bills.pay(inquiry, PIN, reference=ref)  # noqa: E731
        elif kind == "bca":
            target = self.bca_service.account_inquiry(self.rnd.choice(BCA_BENEFICIARIES))
            act = lambda ref=None: (self.bca_service.retry_transfer(ref) if ref  # noqa: E731
                                    else self.bca_service.transfer(target, amount, remark=f"soak {intent}"))
        elif kind == "bca_interbank":
            other = self.bca_service.interbank_inquiry(*self.rnd.choice(BCA_INTERBANK))
            act = lambda ref=None: self.bca_service.interbank_transfer(other, amount, reference=ref)  # noqa: E731
        elif kind == "switcher":
            quote = self.switching.switcher_inquiry("BRINIDJA", self.rnd.choice(SWITCHER_BENEFICIARIES))
            act = lambda ref=None: self.switching.switcher_transfer(quote, amount, f"soak {intent}",  # noqa: E731
                                                                    reference=ref)
        elif kind == "deposit":
            account, name = self.rnd.choice(BANKPLUS_CUSTOMERS)
            act = lambda ref=None: self.banking.deposit(account=account, name=name, amount=amount,  # noqa: E731
                                                        narration=f"soak {intent}", pin=PIN, reference=ref)
        elif kind == "intrabank":
            quote = self.banking.transfer_inquiry("intrabank", self.rnd.choice(BANKPLUS_CUSTOMERS)[0])
            act = lambda ref=None: self.banking.transfer_pay(quote, amount, PIN, reference=ref)  # noqa: E731
        else:
            bank, account = self.rnd.choice(INTERBANK)
            quote = self.banking.transfer_inquiry("interbank", account, bank)
            act = lambda ref=None: self.banking.transfer_pay(quote, amount, PIN, reference=ref)  # noqa: E731
        refuse = self.rnd.random() < self.refuse_rate
        for attempt in range(2):
            try:
                if refuse:
                    refuse = False
                    with server.refusing():
                        act()
                executed = act()
                self.intents[_reference(executed)] = intent
                break
            except NotSent as exc:
                # Provably never left: the counter sends it again, with the same reference.
                self.report.not_sent += 1
                self.intents[exc.reference] = intent
                try:
                    executed = act(exc.reference)
                except MaybeSent as again:
                    self.report.suspects += 1
                    executed = None
                    self.report.not_sent_same_reference += again.reference == exc.reference
                except HostRejected as again:
                    self.report.rejected += 1
                    executed = None
                    self.report.not_sent_same_reference += again.reference == exc.reference
                if executed is not None:
                    self.report.not_sent_same_reference += _reference(executed) == exc.reference
                break
            except OpenTransactionExists:
                # An earlier payment to this customer is still open: settle it first, as the
                # counter must, then pay. Never a second payment beside an open one.
                self.settle_suspects()
                if attempt:
                    raise
            except MaybeSent as exc:
                self.intents[exc.reference] = intent
                self.report.suspects += 1
                break
            except HostRejected as exc:
                self.intents[exc.reference] = intent
                self.report.rejected += 1
                break
        self.report.payments += 1

    def _inquire(self, product: str, inputs: dict[str, str]):
        """A bill's inquiry, checked once more if it fails (the agent presses Cek again);
        None when both fail. An inquiry moves no money: nothing is journaled for it."""
        for _ in range(2):
            try:
                return self.bills.inquire(product, inputs, pin=PIN)
            except LoketError:
                continue
        return None

    # -- settling --------------------------------------------------------------------
    def settle_suspects(self) -> None:
        for outcome in self.resolver.resolve_all(actor="soak"):
            self.report.resolved += outcome.resolved
            if outcome.resolved:
                self.report.settled_by_status_check[self.journal.get(outcome.reference).host] += 1
        booked = {**{e["sid"]: e for e in self._ledger("bankplus") if e["op"] in MONEY_OPS},
                  **{_journal_reference(e): e for e in self._ledger("keagenan") if e["op"] in MONEY_OPS}}
        for item in self.resolver.worklist():
            if item.can_check or item.not_sent:
                continue
            entry = booked.get(item.row.reference)
            host_ref = (str(entry.get("transaction_id") or entry.get("journal") or f"sid {entry.get('sid')}")
                        if entry else "")
            self.resolver.resolve_manually(item.row.reference, success=entry is not None, actor="operator",
                                           reason="sesuai laporan host (ledger sandbox)", host_ref=host_ref)
            self.report.resolved += 1

    def _ledger(self, host: str) -> list[dict]:
        path = self.folder / f"{host}-ledger.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    # -- reconciliation --------------------------------------------------------------
    def reconcile(self) -> None:
        out = self.folder / "export.jsonl"
        days = sorted({self.started.date().isoformat(), self.journal.clock.now().date().isoformat()})
        with out.open("w", encoding="utf-8") as fh:
            for day in days:  # a run across midnight spans two business days
                export.write(export.records_for_day(self.journal, day, mode="sandbox"), fh, "jsonl")
        records = {r["reference"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
        by_reference: Counter = Counter()
        by_intent: Counter = Counter()
        for host, key in LEDGER_KEY.items():
            for entry in self._ledger(host):
                if entry["op"] not in MONEY_OPS:
                    continue
                self.report.booked += 1
                self.report.booked_by_host[host] += 1
                reference = _journal_reference(entry) if host == "keagenan" else entry[key]
                by_reference[reference] += 1
                by_intent[self.intents.get(reference, f"?{reference}")] += 1
                rec = records.get(reference)
                booked_money = ((entry["amount_sen"] // 100, 0) if "amount_sen" in entry  # SNAP: sen, no fee
                                else (entry["amount"], entry["fee"]))
                if rec is None or rec["state"] != State.SUCCESS.value:
                    self.report.lost += 1
                elif (rec["amount"], _fee(rec)) != booked_money:
                    self.report.amount_mismatches += 1
        self.report.double_charges = (sum(n - 1 for n in by_reference.values() if n > 1)
                                      + sum(n - 1 for n in by_intent.values() if n > 1))
        self.report.amount_mismatches += sum(
            1 for ref, rec in records.items() if rec["state"] == State.SUCCESS.value and ref not in by_reference)
        self.report.unresolved = sum(1 for rec in records.values() if rec["state"] in ("NEW", "SENT", "SUSPECT"))
        self.report.answer_mismatches = sum(
            1 for row in self.journal.rows("state IN ('SUCCESS', 'REVERSED')") if not answer_matches(row))
        injected = (self.bankplus.faults.injected + self.switcher.faults.injected + self.bca.faults.injected
                    + self.keagenan.faults.injected)
        self.report.faults_injected = len(injected)
        self.report.fault_kinds = Counter(fault.value for _, fault in injected)
        self.report.idle_kinds = Counter(fault.value for host in (self.bankplus, self.switcher, self.bca,
                                                                  self.keagenan) for _, fault in host.faults.idle)


def _reference(executed) -> str:
    """The journal reference of what a service returned (an ``Executed`` or, for a bill, a
    ``PaymentResult``)."""
    return executed.reference if hasattr(executed, "reff_num") else executed.row.reference


def _fee(record: dict) -> int:
    """The bank's fee as the export states it: as the host confirmed it when it differed
    from what was asked (a Keagenan product whose admin fee the payment's answer states)."""
    return record["fee"] if record.get("settled_fee") is None else record["settled_fee"]


def _journal_reference(entry: dict) -> str:
    """BNI Keagenan's ledger names a payment by its reffNum, which carries the journal
    reference (``keagenan.client.reff_num``: "20" + reference + "0" + "0" + kode_loket)."""
    return entry["reffNum"][2:18]


def answer_matches(row) -> bool:
    """A SUCCESS row's journaled answer is about its own request (settled from the host's
    report, without an answer, counts as matching: the report was about this reference)."""
    if row.host == "bca" and isinstance(row.response, dict):
        # The transfer's answer, or the status answer that settled it: about this reference.
        answer = row.response
        reference = answer.get("partnerReferenceNo") or answer.get("originalPartnerReferenceNo")
        amount = answer.get("amount")
        return str(reference) == row.reference and (not amount or amount_rupiah(amount) == row.amount)
    data = (row.response or {}).get("data") if isinstance(row.response, dict) else None
    if not isinstance(data, dict):
        return row.response is None
    if row.host == "switcher":
        return str(data.get("refnum")) == row.reference and parse_rupiah(data.get("amount")) == row.amount
    if row.host == "keagenan":
        sent = row.request["data"]
        nominal = ((row.response or {}).get("CustomerData") or {}).get("nominal")
        return (str(data.get("reffNum", sent["reffNum"])) == reff_num(row.reference, str(sent["kode_loket"]))
                and (nominal is None or parse_rupiah(nominal) == row.amount))
    account = data.get("account_number_customer", data.get("account_number"))
    return (str(account) == row.customer_ref and parse_rupiah(data.get("amount")) == row.amount
            and parse_rupiah(data.get("total")) == row.total_final)


def run(payments: int, *, fault_rate: float = 0.1, seed: int = 7, folder: Path | None = None,
        refuse_rate: float = 0.03) -> SoakReport:
    with tempfile.TemporaryDirectory() as tmp:
        soak = Soak(Path(folder or tmp), fault_rate=fault_rate, seed=seed, refuse_rate=refuse_rate)
        started = time.perf_counter()
        try:
            for intent in range(payments):
                soak.pay(intent)
                if intent % 100 == 99:
                    soak.settle_suspects()
            soak.settle_suspects()
            soak.reconcile()
        finally:
            soak.close()
        soak.report.seconds = time.perf_counter() - started
        return soak.report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--payments", type=int, default=1000)
    parser.add_argument("--fault-rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--refuse-rate", type=float, default=0.03)
    args = parser.parse_args()
    report = run(args.payments, fault_rate=args.fault_rate, seed=args.seed, refuse_rate=args.refuse_rate)
    print("\n".join(report.lines()))
    ok = (report.double_charges == report.lost == report.amount_mismatches == report.unresolved
          == report.answer_mismatches == 0 and report.not_sent_same_reference == report.not_sent)
    print("RESULT:", "OK (0 double charges, 0 lost, 0 mismatches, every NotSent resent with its reference)"
          if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
