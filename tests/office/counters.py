"""Counters for the office tests: real Loket journals with a day of mixed transactions.

Bank+ transactions go through ``BankingService`` to the in-process simulated host (deposits,
a transfer, a balance check, a wrong PIN); the hosts without a sandbox service here
(BNI Keagenan bills with a fee first stated in the payment's answer, a BCA transfer later
reversed, a SUSPECT that stays open) are written through ``Journal.begin``/``transition``
exactly as the transaction runner writes them. Then Tutup Hari seals the day (a supervisor
approves when a row is still open), except on the counters told not to close.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from services.clock import WIB, FixedClock
from services.dayclose import DayCloseService, Step
from services.errors import InvalidPin
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.service import BankingService
from services.journal import Journal, State
from services.journal.export import records_for_day
from services.limits import Limits
from services.reports import Report
from services.sandbox import make_host
from services.sandbox.transport import SandboxTransport

PIN = "359569"
SUPERVISOR_PIN = "482916"
DAY = "2026-11-21"
COUNTER_FEE = 3_000  # the counter's own fee on a PLN bill (Pengaturan > Biaya Loket)
LIMITS = {"deposit": {"min": 10_000, "max": 20_000_000}, "transfer": {"min": 10_000, "max": 25_000_000},
          "open_account_deposit": {"min": 0, "max": 20_000_000}}


@dataclass
class Counter:
    counter_id: str
    folder: Path
    journal_path: Path
    z: Report | None
    z_hash: str

    def export(self) -> list[dict]:
        with Journal(self.journal_path) as journal:
            return list(records_for_day(journal, DAY, mode="live"))


def payment(journal: Journal, clock: FixedClock, host: str, product: str, group: str, amount: int, fee: int,
            *final: State, settled_fee: int | None = None, customer: str = "5391000123",
            inquiry: dict | None = None, counter_fee: int = 0) -> str:
    """A payment written as the transaction runner writes it (NEW, SENT, then ``final``); its reference."""
    clock.advance(45)
    ref = journal.next_reference()
    journal.begin(reference=ref, host=host, product=product, product_group=group, amount=amount, fee=fee,
                  operator="kasir1", request={"customer": customer, "note": "Pembayaran \"PLN\"\n"},
                  customer_ref=customer, customer_name="SITI AMINAH", inquiry=inquiry,
                  counter_fee=counter_fee)
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")
    for state in final:
        journal.transition(ref, state, actor="system", reason="jawaban host",
                           settled_fee=settled_fee if state is State.SUCCESS else None,
                           error_code="14" if state is State.FAILED else None,
                           error_message="Nomor pelanggan tidak ditemukan" if state is State.FAILED else None)
    return ref


def make_counter(folder: Path, n: int, *, close: bool = True) -> Counter:
    folder.mkdir(parents=True, exist_ok=True)
    clock = FixedClock(datetime(2026, 11, 21, 7, 0, n % 60, tzinfo=WIB))
    host = make_host("bankplus")
    with Journal(folder / "journal.db", clock=clock) as journal, \
            httpx.Client(transport=SandboxTransport(host), base_url="http://sandbox.invalid") as http, \
            DayCloseService(journal, clock=clock, sandbox=True) as days:
        days.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        banking = BankingService(BankPlusClient(http, "http://sandbox.invalid"), journal, limits=Limits.parse(LIMITS),
                                 attachments_dir=folder / "att")
        banking.login("BNIUS100294", "T6jkl4ss")
        days.shifts.open("1.000.000", "kasir1")
        clock.advance(300)
        banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=100_000 + 1_000 * n, narration="", pin=PIN)
        clock.advance(60)
        banking.deposit(account="4447", name="ARDHA HERDIANTO", amount=250_000, narration="tabungan", pin=PIN)
        clock.advance(60)
        with pytest.raises(InvalidPin):
            banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="75.000", narration="", pin="000000")
        clock.advance(60)
        banking.transfer_pay(banking.transfer_inquiry("intrabank", "1234567890"), 50_000 + n, PIN)
        clock.advance(60)
        banking.customer_balance("4447", PIN)
        # A bill paid from its inquiry: the answer is chained content of the row (journal schema 5),
        # with the counter's own fee (its income, in the drawer), as each counter's supervisor set it.
        payment(journal, clock, "keagenan", "pln_postpaid", "Tagihan", 412_500 + n, 2_500, State.SUCCESS,
               inquiry={"CustomerData": {"nama": "SITI AMINAH", "tarif": "R1/1300 VA", "blth": "MEI16"}},
               counter_fee=COUNTER_FEE + 500 * (n % 3))
        payment(journal, clock, "keagenan", "telkom", "Tagihan", 98_000, 0, State.SUCCESS, settled_fee=2_500)
        payment(journal, clock, "keagenan", "pln_postpaid", "Tagihan", 98_000, 2_500, State.FAILED,
               counter_fee=COUNTER_FEE)  # failed: no fee taken
        payment(journal, clock, "keagenan", "pulsa_telkomsel", "Pembelian", 50_000, 1_500, State.SUCCESS,
               customer="081234567890")
        if n % 5 == 0:
            payment(journal, clock, "bca", "bca_transfer", "transfer", 125_000, 0, State.SUCCESS, State.REVERSED)
        if n % 4 == 0:
            payment(journal, clock, "keagenan", "bpjs_kesehatan", "Tagihan", 150_000, 2_500, State.SUSPECT)
        for extra in range(n % 3):
            payment(journal, clock, "keagenan", "tarik_tunai", "Perbankan", 100_000 * (extra + 1), 0, State.SUCCESS)
        z, digest = _close(days, clock, n) if close else (None, "")
    return Counter(f"K{n:03d}", folder, folder / "journal.db", z, digest)


def _close(days: DayCloseService, clock: FixedClock, n: int) -> tuple[Report, str]:
    """Tutup Hari: the drawer counted (short on every seventh counter), a row still open
    approved by the supervisor; the Laporan Z and its hash."""
    clock.advance(600)
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(0)
    flow.recount()
    short = 5_000 if n % 7 == 0 else 0
    flow.enter_count(flow.expected_cash - short)
    step = (flow.confirm("kurang lima ribu", pin=SUPERVISOR_PIN) if short  # the supervisor signs it off
            else flow.confirm(""))
    if step is Step.APPROVAL:
        step = flow.approve(SUPERVISOR_PIN, "BPJS menunggu cek status")
    assert step is Step.SEALED
    assert flow.report is not None
    return flow.report, flow.report_hash


def close_day(journal: Journal, n: int, clock: FixedClock) -> tuple[Report, str]:
    """Tutup Hari later on a counter ``make_counter`` left open (``close=False``), through
    ``journal`` (the app's, whose commits the outbox listens to)."""
    with DayCloseService(journal, clock=clock, sandbox=True) as days:
        return _close(days, clock, n)


def office_report(office_db, day: str = DAY):
    """The office's consolidated report of ``day``, from an office that holds no alert."""
    from services.office import report

    with office_db.admin() as conn:
        assert conn.execute("SELECT count(*) FROM office.alert").fetchone()[0] == 0
        return report.build(conn, day)
