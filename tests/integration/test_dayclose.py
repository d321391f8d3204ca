"""A counter's whole day, then Tutup Hari: the Laporan Z says what the journal says.

Bank+ transactions go through ``BankingService`` and Switcher transfers (and a
supervisor-approved reversal) through ``SwitchingService``, each to its simulated host on a
real loopback socket. The other hosts (keagenan, doku, bca) have no sandbox service yet,
so their rows are written through ``Journal.begin``/``transition`` exactly as the
transaction runner writes them. The test computes every figure itself from the journal
rows (plain Python, no SQL) and compares it with the report, the PDF text and the CSV.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from services.clock import WIB, FixedClock
from services.dayclose import (
    CLOSE_WITH_OPEN_ITEMS,
    BlindCount,
    DayAlreadyClosed,
    DayCloseError,
    DayCloseService,
    DayNotClosed,
    EarlierDayOpen,
    InvalidSupervisorPin,
    NeedsReprintApproval,
    ShiftNotOpen,
    Step,
    render_slip,
)
from services.dayclose.supervisor import FIRST_SUPERVISOR, REVERSAL
from services.errors import InvalidPin, MaybeSent
from services.hosts.bankplus.client import BankPlusClient
from services.hosts.bankplus.service import BankingService
from services.hosts.switcher.client import SwitcherClient
from services.hosts.switcher.sandbox import SOURCE_ACCOUNT, SwitcherSandbox
from services.hosts.switcher.service import SwitchingService
from services.journal import Journal, State
from services.limits import Limits
from services.profile import Profile
from services.reports import Agent
from services.sandbox import Fault
from services.sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[2]
PIN = "359569"  # the Bank+ document's agent PIN
SUPERVISOR_PIN = "482916"
DAY, NEXT_DAY = "2026-11-21", "2026-11-22"
LIMITS = {"deposit": {"min": 10_000, "max": 20_000_000}, "transfer": {"min": 10_000, "max": 25_000_000},
          "open_account_deposit": {"min": 0, "max": 20_000_000}}
AGENT = Agent("Toko Sumber Rejeki", "BNI014100294", "Jl. Raya Jatikalang 2, Sidoarjo")
OPENING_FLOAT = 1_500_000

# The test's own reading of the cash rule (services/reports/cash.py): which way each
# product moves the drawer. Written out here so the test does not reuse the code it checks.
CASH_OUT = {("keagenan", "tarik_tunai")}
NO_CASH = {("bankplus", "customer_balance"), ("doku", "doku_bni_va"), ("switcher", "switcher_reversal")}
BRIAPI = "888801000003301"  # the Switcher document's example beneficiary


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 21, 7, 30, tzinfo=WIB))


@pytest.fixture
def banking(bankplus_server, journal, tmp_path) -> BankingService:
    service = BankingService(BankPlusClient(httpx.Client(timeout=5), bankplus_server.base_url), journal,
                             limits=Limits.parse(LIMITS), attachments_dir=tmp_path / "att")
    service.login("BNIUS100294", "T6jkl4ss")
    return service


@pytest.fixture
def days(journal, banking, clock):
    with DayCloseService(journal, clock=clock, agent=AGENT, sandbox=True,
                         bank_balance=lambda: banking.agent_balance().balance) as service:
        service.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        yield service


@pytest.fixture
def switching(days, journal):
    with SandboxServer(SwitcherSandbox()) as server, httpx.Client(timeout=5) as http:
        yield SwitchingService(SwitcherClient(http, server.base_url), journal, source_bank="BRINIDJA",
                               source_account=SOURCE_ACCOUNT, approve=days.supervisors.approver(REVERSAL),
                               operator=lambda: "kasir1")


def other_host(journal, clock, host, product, group, amount, fee, *final, customer="5391000123") -> str:
    """A row of a host without a sandbox service yet, written as TransactionRunner writes it."""
    clock.advance(90)
    ref = journal.next_reference()
    journal.begin(reference=ref, host=host, product=product, product_group=group, amount=amount, fee=fee,
                  operator="kasir1", request={"customer": customer}, customer_ref=customer, customer_name="SITI AMINAH")
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")
    for state in final:
        journal.transition(ref, state, actor="system", reason="jawaban host",
                           error_code="14" if state is State.FAILED else None,
                           error_message="Nomor pelanggan tidak ditemukan" if state is State.FAILED else None)
    return ref


def a_day_at_the_counter(days, banking, switching, journal, clock) -> None:
    """Opening float, a morning of mixed transactions from every host, two cash movements."""
    days.shifts.open("1.500.000", "kasir1")
    clock.advance(600)
    banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="250.000", narration="", pin=PIN)
    clock.advance(120)
    banking.deposit(account="4447", name="ARDHA HERDIANTO", amount=1_000_000, narration="tabungan", pin=PIN)
    clock.advance(120)
    with pytest.raises(InvalidPin):
        banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="75.000", narration="", pin="000000")
    clock.advance(120)
    banking.transfer_pay(banking.transfer_inquiry("interbank", "114451186", "008"), "300.000", PIN)
    clock.advance(120)
    banking.transfer_pay(banking.transfer_inquiry("intrabank", "1234567890"), 50_000, PIN)
    clock.advance(60)
    banking.customer_balance("4447", PIN)
    other_host(journal, clock, "keagenan", "pln_postpaid", "Tagihan", 412_500, 2_500, State.SUCCESS)
    other_host(journal, clock, "keagenan", "pln_postpaid", "Tagihan", 98_000, 2_500, State.FAILED)
    other_host(journal, clock, "keagenan", "bpjs_kesehatan", "Tagihan", 150_000, 2_500, State.SUCCESS)
    other_host(journal, clock, "keagenan", "tarik_tunai", "Perbankan", 200_000, 0, State.SUCCESS)
    other_host(journal, clock, "keagenan", "pulsa_telkomsel", "Pembelian", 50_000, 1_500, State.SUCCESS)
    other_host(journal, clock, "keagenan", "pulsa_telkomsel", "Pembelian", 25_000, 1_500, State.SUCCESS,
               customer="081234567890")
    clock.advance(60)
    quote = switching.switcher_inquiry("BRINIDJA", BRIAPI)
    switching.switcher_transfer(quote, "150.000", "Kiriman keluarga")
    clock.advance(60)
    wrong = switching.switcher_transfer(switching.switcher_inquiry("BRINIDJA", BRIAPI), 70_000, "salah").row
    clock.advance(60)
    switching.reversal(wrong.reference, SUPERVISOR_PIN, "Salah nomor rekening tujuan")
    other_host(journal, clock, "doku", "doku_bni_va", "Perbankan", 750_000, 0, State.SUCCESS)
    other_host(journal, clock, "bca", "bca_transfer", "transfer", 125_000, 0, State.SUCCESS, State.REVERSED)
    other_host(journal, clock, "bca", "bca_transfer", "transfer", 80_000, 0, State.FAILED, customer="0611112222")
    clock.advance(300)
    days.shifts.record("bank_deposit", "1.000.000", "Setor ke rekening BNI agen", "kasir1")
    days.shifts.record("pay_in", 200_000, "Tambahan uang kecil dari pemilik", "kasir1")
    clock.advance(300)


def independent_figures(journal: Journal, opening: int, movements: int) -> dict:
    """Every figure of the report, computed from the journal rows in Python."""
    per_product: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    documents: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # no money at the counter
    received = paid = held = 0
    failed, open_refs, reversed_refs = [], [], []
    for row in journal.rows("business_date=?", (DAY,)):
        key = (row.host, row.product)
        way = "none" if key in NO_CASH else "out" if key in CASH_OUT else "in"
        cash_in, cash_out = (row.total if way == "in" else 0), (row.amount if way == "out" else 0)
        if row.state is State.SUCCESS and row.product == "switcher_reversal":
            continue  # undoes the transfer listed as reversed; sells nothing, moves no cash itself
        if row.state is State.SUCCESS:
            figures = documents[key] if way == "none" else per_product[key]
            for i, value in enumerate((1, row.amount, row.fee, row.total)):
                figures[i] += value
            received += cash_in
            paid += cash_out
        elif row.state is State.REVERSED:
            received += cash_in + cash_out
            paid += cash_in + cash_out
            reversed_refs.append(row.reference)
        elif row.state is State.FAILED:
            failed.append(row.reference)
        else:
            open_refs.append(row.reference)
            held += cash_in
    totals = [sum(f[i] for f in per_product.values()) for i in range(4)]
    return {
        "products": {k: tuple(v) for k, v in per_product.items()},
        "documents": {k: tuple(v) for k, v in documents.items()},
        "totals": tuple(totals),
        "received": received,
        "paid": paid,
        "expected": opening + received - paid + movements,
        "held": held,
        "failed": failed,
        "open": open_refs,
        "reversed": reversed_refs,
    }


def test_a_mixed_day_closes_into_a_laporan_z_that_matches_the_journal(days, banking, switching, journal, clock,
                                                                      tmp_path):
    a_day_at_the_counter(days, banking, switching, journal, clock)
    want = independent_figures(journal, OPENING_FLOAT, -1_000_000 + 200_000)
    assert len(want["products"]) == 8 and len(want["reversed"]) == 2 and want["failed"] and not want["open"]
    assert {host for host, _ in want["products"]} == {"bankplus", "switcher", "keagenan"}
    # A created VA is a bill the customer pays elsewhere: a document issued, not turnover.
    assert set(want["documents"]) == {("doku", "doku_bni_va"), ("bankplus", "customer_balance")}

    flow = days.begin_close("kasir1")
    # Blind count: nothing on the summary gives the drawer's expected figure away.
    assert flow.step is Step.SUMMARY and flow.summary.cash is None
    with pytest.raises(BlindCount):
        _ = flow.expected_cash
    assert flow.bank_balance == banking.agent_balance().balance
    flow.start_count()
    counted = want["expected"] - 15_000  # the agent is Rp 15.000 short
    assert flow.enter_count(f"{counted:,}".replace(",", ".")) == -15_000
    assert flow.expected_cash == want["expected"]
    assert flow.confirm("Kembalian salah ke pelanggan", pin=SUPERVISOR_PIN) is Step.SEALED

    report, digest = days.z_report(DAY)
    assert (report.kind, report.number, report.label) == ("Z", 1, "Z-0001")
    got = {(p.host, p.product): (p.count, p.amount, p.fee, p.total) for p in report.products}
    assert got == want["products"]
    assert {(p.host, p.product): (p.count, p.amount, p.fee, p.total) for p in report.documents} == want["documents"]
    t = report.totals
    assert (t.count, t.amount, t.fee, t.total) == want["totals"]
    assert [i.reference for i in report.failed] == want["failed"]
    assert [i.reference for i in report.reversed] == want["reversed"]
    assert report.open == ()
    cash = report.cash
    assert (cash.opening_float, cash.received, cash.paid_out, cash.movements) == (
        OPENING_FLOAT, want["received"], want["paid"], -800_000)
    assert (cash.expected, cash.counted, cash.variance) == (want["expected"], counted, -15_000)
    assert cash.variance_note == "Kembalian salah ke pelanggan"
    assert cash.variance_approved_by == "Budi Santoso"  # the supervisor signed the shortfall off
    assert report.bank_balance == flow.bank_balance and report.bank_balance > 0
    # The reversal's approval names the transfer and the supervisor's reason, as its row does.
    [reversal] = [a for a in report.approvals if a.subject in want["reversed"]]
    assert (reversal.approver, reversal.reason) == ("Budi Santoso", "Salah nomor rekening tujuan")

    # The seal: the day's last journal hash, the stored variance, the snapshot hash.
    con = sqlite3.connect(journal.path, isolation_level=None)
    last_hash = con.execute("SELECT hash FROM txn WHERE business_date=? ORDER BY id DESC LIMIT 1", (DAY,)).fetchone()[0]
    stored = con.execute("SELECT report_no, expected_cash, counted_cash, variance, last_txn_hash, snapshot_hash"
                         " FROM day_close WHERE business_date=?", (DAY,)).fetchone()
    assert stored == (1, want["expected"], counted, -15_000, last_hash, digest)
    assert report.seal.last_txn_hash == last_hash
    assert con.execute("SELECT counted, expected FROM cash_count").fetchall() == [(counted, want["expected"])]

    # A sealed day takes no new rows; new transactions belong to the next business day.
    assert days.business_day() == NEXT_DAY
    done = banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="20.000", narration="", pin=PIN)
    assert done.row.business_date == NEXT_DAY and done.row.state is State.SUCCESS
    # Another process opening the file (a support script) knows the day is sealed ...
    with Journal(journal.path, clock=clock) as script:
        assert script.sealed_through == DAY and script.business_day(clock.now()) == NEXT_DAY
    # ... and one built with a rule that ignores the close is refused by the trigger.
    with Journal(journal.path, clock=clock, business_day=lambda moment, sealed: DAY) as careless:
        with pytest.raises(sqlite3.IntegrityError, match="business day is sealed"):
            careless.begin(reference=careless.next_reference(), host="bankplus", product="deposit",
                           product_group="banking", amount=10_000, fee=0, operator="kasir1", request={})
    # Nor a drawer movement or count, whoever writes it: one begun as the day was being sealed
    # would be in no Laporan Z and in no day's expected cash.
    (shift_id,) = con.execute("SELECT id FROM shift WHERE business_date=?", (DAY,)).fetchone()
    late = "2026-11-21T21:00:00.000+07:00"
    with pytest.raises(sqlite3.IntegrityError, match="business day is sealed"):
        con.execute("INSERT INTO cash_movement(shift_id, business_date, kind, amount, reason, operator, at)"
                    " VALUES (?, ?, 'bank_deposit', -15000, 'tutup kurang', 'kasir1', ?)", (shift_id, DAY, late))
    with pytest.raises(sqlite3.IntegrityError, match="business day is sealed"):
        con.execute("INSERT INTO cash_count(business_date, counted, expected, operator, at) VALUES (?, 1, 1, 'x', ?)",
                    (DAY, late))
    with pytest.raises(sqlite3.IntegrityError, match="never changed|immutable"):
        con.execute("UPDATE day_close SET counted_cash = 0")
    assert journal.verify().ok
    assert days.z_report(DAY) == (report, digest)  # the stored Laporan Z did not move

    # A second close of the same day is refused.
    with pytest.raises(DayAlreadyClosed):
        days.begin_close("kasir1", DAY)

    # PDF and CSV say the same figures.
    pdf = days.export(DAY, "pdf", tmp_path / "out", actor="kasir1")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for needle in ("LAPORAN Z No. 0001", "Toko Sumber Rejeki", "Sabtu, 21 November 2026", "SANDBOX",
                   "Rekonsiliasi Kas", f"Transaksi Gagal ({len(want['failed'])})",
                   "Transaksi Dibatalkan (reversal) (2)",
                   last_hash, digest, "Kas kurang", "Kembalian salah ke pelanggan",
                   "Dokumen diterbitkan (tanpa uang di loket, tidak termasuk total)",
                   f"({reversal.subject})", "Salah nomor rekening tujuan"):  # which transfer, and why
        assert needle in text, needle
    assert " ".join(["TOTAL TRANSAKSI BERHASIL", f"{want['totals'][0]}", *(
        f"{v:,}".replace(",", ".") for v in want["totals"][1:])]) in " ".join(text.split())
    assert f"Rp {want['expected']:,}".replace(",", ".") in text
    for ref in want["failed"] + want["reversed"]:
        assert ref in text

    rows = list(csv.DictReader(io.StringIO(days.export(DAY, "csv", tmp_path / "out", actor="kasir1")
                                           .read_text(encoding="utf-8-sig"))))
    products = {(r["host"], r["product"]): (int(r["count"]), int(r["amount"]), int(r["fee"]), int(r["total"]))
                for r in rows if r["section"] == "product"}
    assert products == want["products"]
    assert {(r["host"], r["product"]): (int(r["count"]), int(r["amount"]), int(r["fee"]), int(r["total"]))
            for r in rows if r["section"] == "document"} == want["documents"]
    figures = {r["note"]: int(r["total"]) for r in rows if r["section"] == "cash"}
    assert (figures["expected"], figures["variance"], figures["received"], figures["paid_out"]) == (
        want["expected"], -15_000, want["received"], want["paid"])
    assert {r["reference"] for r in rows if r["section"] == "failed"} == set(want["failed"])
    assert {r["reference"]: r["note"] for r in rows if r["section"] == "seal"}[last_hash] == "last_txn_hash"

    # Reprinting an exported Laporan Z needs a supervisor, and says it is a copy.
    with pytest.raises(NeedsReprintApproval):
        days.export(DAY, "pdf", tmp_path / "out", actor="kasir1")
    again = days.export(DAY, "pdf", tmp_path / "out", actor="kasir1", pin=SUPERVISOR_PIN,
                        reason="arsip mitra hilang")
    assert again.name == "laporan-Z0001-2026-11-21-SANDBOX-cetak-ulang-1.pdf"
    assert "CETAK ULANG ke-1" in subprocess.run(["pdftotext", str(again), "-"], capture_output=True,
                                                text=True, check=True).stdout
    first = days.render(DAY, "thermal", actor="kasir1", columns=48)
    assert "LAPORAN Z No. 0001" in first.text and "CETAK ULANG" not in first.text
    assert "DOKUMEN DITERBITKAN" in first.text
    with pytest.raises(NeedsReprintApproval):
        days.render(DAY, "thermal", actor="kasir1")
    copy = days.render(DAY, "thermal", actor="kasir1", pin=SUPERVISOR_PIN, reason="kertas macet")
    assert "CETAK ULANG ke-1" in copy.text and last_hash[:32] in copy.text
    assert [a.action for a in days.supervisors.approvals(DAY)].count("reprint_after_close") == 2


def test_a_suspect_blocks_the_close_until_a_supervisor_approves_and_it_is_recorded(days, banking, journal,
                                                                                 bankplus_host, clock):
    days.shifts.open(500_000, "kasir1")
    banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="100.000", narration="", pin=PIN)
    bankplus_host.faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    clock.advance(60)
    with pytest.raises(MaybeSent) as lost:
        banking.deposit(account="4447", name="ARDHA HERDIANTO", amount="60.000", narration="", pin=PIN)
    suspect = lost.value.reference
    assert journal.get(suspect).state is State.SUSPECT

    flow = days.begin_close("kasir1")
    assert flow.needs_approval and [i.reference for i in flow.open_items] == [suspect]
    flow.start_count()
    # the suspect's 60.000 is not the day's own cash (it may not have happened), but it is in the drawer
    assert flow.enter_count(660_000) == 0 and flow.expected_cash == 660_000
    assert flow.confirm() is Step.APPROVAL
    with pytest.raises(InvalidSupervisorPin):
        flow.approve("111222", "deposit menggantung, cek besok")
    assert flow.step is Step.APPROVAL and not days.is_sealed(DAY)
    assert [a.action for a in days.supervisors.approvals(DAY)] == [FIRST_SUPERVISOR]  # a wrong PIN records nothing

    clock.advance(30)
    assert flow.approve(SUPERVISOR_PIN, "Setoran 4447 menggantung, cek status besok pagi") is Step.SEALED
    [first, approval] = days.supervisors.approvals(DAY)
    assert (first.action, first.approver) == (FIRST_SUPERVISOR, "Budi Santoso")  # the fixture set it up
    assert (approval.approver, approval.action, approval.subject) == ("Budi Santoso", CLOSE_WITH_OPEN_ITEMS, suspect)
    assert approval.at == "2026-11-21T07:31:30.000+07:00"
    report, _ = days.z_report(DAY)
    assert [i.reference for i in report.open] == [suspect]
    assert report.cash.held_in_open == 60_000
    assert [(a.action, a.approver) for a in report.approvals] == [
        ("Supervisor pertama diatur", "Budi Santoso"), ("Tutup hari dengan transaksi menggantung", "Budi Santoso")]
    assert report.approvals[1].reason == "Setoran 4447 menggantung, cek status besok pagi"
    (approval_id,) = sqlite3.connect(journal.path).execute(
        "SELECT approval_id FROM day_close WHERE business_date=?", (DAY,)).fetchone()
    assert approval_id == approval.id


def _sealed_with_a_deposit(days, banking) -> None:
    days.shifts.open(0, "kasir1")
    banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="40.000", narration="", pin=PIN)
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(40_000)
    flow.confirm()


def test_reopening_needs_a_supervisor_and_a_reclose_gets_a_new_number(days, banking, journal, clock):
    _sealed_with_a_deposit(days, banking)
    with pytest.raises(InvalidSupervisorPin):
        days.reopen(DAY, pin="999888", reason="salah hitung kas")
    assert days.is_sealed(DAY) and days.business_day() == NEXT_DAY

    days.reopen(DAY, pin=SUPERVISOR_PIN, reason="salah hitung kas")
    assert not days.is_sealed(DAY) and days.business_day() == DAY
    clock.advance(60)
    assert banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="10.000", narration="",
                           pin=PIN).row.business_date == DAY
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(50_000)
    flow.confirm()
    z2, _ = days.z_report(DAY)
    z1, _ = days.z_report_by_number(1)
    assert (z1.number, z1.totals.total, z2.number, z2.totals.total) == (1, 40_000, 2, 50_000)
    assert [a.action for a in z2.approvals] == ["Supervisor pertama diatur", "Buka kembali hari"]
    assert days.closed_days() == [(DAY, 2, True), (DAY, 1, False)]


def test_days_close_in_order(days, banking, journal, clock):
    banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="40.000", narration="", pin=PIN)
    clock.advance(24 * 3600)
    with pytest.raises(EarlierDayOpen) as err:
        days.begin_close("kasir1")
    assert err.value.earlier == DAY
    days.begin_close("kasir1", DAY)


def test_cash_movements_need_a_shift_print_a_slip_and_corrections_need_a_supervisor(days, journal):
    with pytest.raises(ShiftNotOpen):
        days.shifts.record("cash_drop", 100_000, "ke brankas", "kasir1")
    days.shifts.open("300.000", "kasir1")
    drop = days.shifts.record("cash_drop", "2.000.000", "Kas terlalu banyak, ke brankas", "kasir1")
    assert drop.amount == -2_000_000
    day, at = days.shifts.movement_at(drop.id)
    slip = render_slip(drop, business_date=day, at=at, agent=AGENT, sandbox=True, columns=32)
    lines = slip.text.splitlines()
    assert all(len(line) <= 32 for line in lines)
    assert "SLIP KAS" in slip.text and "CASH DROP KE BRANKAS" in slip.text and "Rp 2.000.000" in slip.text
    assert "KAS-20261121-00001" in slip.text and "KELUAR" in slip.text
    assert slip.escpos.startswith(b"\x1b@") and b"Rp 2.000.000" in slip.escpos
    with pytest.raises(InvalidSupervisorPin):
        days.shifts.correct(-5_000, "selisih uang receh", "kasir1", pin="123789")
    fix = days.shifts.correct("-5.000", "selisih uang receh", "kasir1", pin=SUPERVISOR_PIN)
    assert fix.amount == -5_000
    assert [a.action for a in days.supervisors.approvals(DAY)] == [FIRST_SUPERVISOR, "cash_correction"]
    report = days.x_report()
    assert (report.kind, report.cash.movements, report.cash.expected) == ("X", -2_005_000, 300_000 - 2_005_000)
    assert not days.is_sealed(DAY)  # a Laporan X closes nothing


def test_thermal_summary_fits_58_and_80_mm(days, banking):
    days.shifts.open(100_000, "kasir1")
    banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="40.000", narration="", pin=PIN)
    for columns in (32, 42, 48):
        out = days.render(DAY, "thermal", actor="kasir1", columns=columns)
        assert max(len(line) for line in out.text.splitlines()) == columns
        assert "LAPORAN X (SEMENTARA)" in out.text and "Rp 40.000" in out.text
        assert "Rp 140.000" not in out.text  # the expected drawer waits for Tutup Hari's blind count
        assert out.escpos.startswith(b"\x1b@") and b"\x1dV" in out.escpos  # initialise ... cut


def test_the_report_command_exports_a_closed_day_end_to_end(tmp_path, bankplus_server, clock):
    profile = Profile(tmp_path / "profile")
    settings = profile.load_settings()
    settings["agent"] = {"name": AGENT.name, "code": AGENT.code, "address": AGENT.address}
    profile.save_settings(settings)
    with Journal(profile.journal_path, clock=clock) as journal:
        banking = BankingService(BankPlusClient(httpx.Client(timeout=5), bankplus_server.base_url), journal,
                                 limits=Limits.parse(LIMITS), attachments_dir=tmp_path / "att")
        banking.login("BNIUS100294", "T6jkl4ss")
        with DayCloseService(journal, clock=clock, agent=AGENT) as days:
            days.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
            days.shifts.open(200_000, "kasir1")
            banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="125.000", narration="", pin=PIN)
            flow = days.begin_close("kasir1")
            flow.start_count()
            flow.enter_count(325_000)
            flow.confirm()

    def report(*extra: str, day: str = DAY, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "app", "report", "--profile", str(profile.folder), "--date", day, *extra],
            cwd=ROOT, capture_output=True, text=True, input=stdin, timeout=120)

    out = tmp_path / "export"
    pdf = report("--format", "pdf", "--out", str(out))
    assert pdf.returncode == 0, pdf.stderr
    assert Path(pdf.stdout.strip()) == out / "laporan-Z0001-2026-11-21-SANDBOX.pdf"
    text = subprocess.run(["pdftotext", pdf.stdout.strip(), "-"], capture_output=True, text=True, check=True).stdout
    assert "LAPORAN Z No. 0001" in text and "Toko Sumber Rejeki" in text and "125.000" in text
    done = report("--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(Path(done.stdout.strip()).read_text(encoding="utf-8-sig"))))
    assert [(r["product"], r["total"]) for r in rows if r["section"] == "product"] == [("deposit", "125000")]

    refused = report("--format", "pdf", "--out", str(out))
    assert refused.returncode == 3 and "supervisor" in refused.stderr
    wrong = report("--format", "pdf", "--out", str(out), "--supervisor-reason", "arsip kantor", stdin="000111\n")
    assert wrong.returncode == 4
    again = report("--format", "pdf", "--out", str(out), "--supervisor-reason", "arsip kantor",
                   stdin=SUPERVISOR_PIN + "\n")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith("cetak-ulang-1.pdf")

    open_day = report("--format", "csv", "--out", str(out), day=NEXT_DAY)
    assert open_day.returncode == 0, open_day.stderr
    assert "laporan-X-2026-11-22" in open_day.stdout


def test_a_day_is_not_reopened_once_the_next_day_has_begun(days, banking, journal, clock):
    """The next day's shift opened (its float counted from the same drawer) or a row written for
    it: reopening the day before would count that drawer and its cash twice. Refused before the
    supervisor's PIN is tried, nothing recorded; the reopening of the day is for before then."""
    _sealed_with_a_deposit(days, banking)
    days.shifts.open("40.000", "kasir2")  # the next business day's shift, the same drawer
    with pytest.raises(DayCloseError) as err:
        days.check_reopen(DAY)
    assert "22/11/2026 sudah dimulai" in err.value.message
    with pytest.raises(DayCloseError):
        days.reopen(DAY, pin=SUPERVISOR_PIN, reason="salah hitung kas")
    assert days.is_sealed(DAY) and days.business_day() == NEXT_DAY
    assert [a.action for a in days.supervisors.approvals(DAY)] == ["first_supervisor"]


def test_only_the_last_sealed_day_is_reopened_and_not_twice(days, banking, journal, clock):
    _sealed_with_a_deposit(days, banking)
    days.check_reopen(DAY)  # the day just sealed: may be reopened
    with pytest.raises(DayNotClosed):
        days.check_reopen(NEXT_DAY)  # not sealed: nothing to reopen
    days.reopen(DAY, pin=SUPERVISOR_PIN, reason="salah hitung kas")
    with pytest.raises(DayNotClosed):
        days.check_reopen(DAY)  # open again: a second reopening has nothing to reopen
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(40_000)
    flow.confirm()  # sealed again (Z-0002); then the next day is opened and sealed
    clock.advance(24 * 3600)
    days.shifts.open("40.000", "kasir1")
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(40_000)
    flow.confirm()
    with pytest.raises(DayCloseError) as err:
        days.check_reopen(DAY)  # not the last sealed day
    assert "Hanya hari terakhir yang ditutup (22/11/2026)" in err.value.message
    days.check_reopen(NEXT_DAY)


def test_a_reopening_that_fails_leaves_no_approval_behind(days, banking, journal, clock):
    """The supervisor's approval and the reopening are one journal transaction. They were two:
    a failure between them (the disk gone, another till reopening the day first) left a
    "Buka kembali hari" approval on the day's record, on its next Laporan Z, for a reopening
    that never happened. Here the reopening's write fails (a trigger refuses it): nothing is
    recorded but the PIN's attempt, and the day stays sealed under its Laporan Z."""
    _sealed_with_a_deposit(days, banking)
    fault = sqlite3.connect(journal.path)
    fault.execute("CREATE TRIGGER fault BEFORE INSERT ON day_reopen BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    fault.commit()
    with pytest.raises(sqlite3.DatabaseError):
        days.reopen(DAY, pin=SUPERVISOR_PIN, reason="salah hitung kas")
    assert [a.action for a in days.supervisors.approvals(DAY)] == [FIRST_SUPERVISOR]
    assert days.supervisors.attempts()[-1][:3] == ("reopen_day", "Z-0001", 1)  # the PIN was right: on record
    assert days.is_sealed(DAY) and days.business_day() == NEXT_DAY

    fault.execute("DROP TRIGGER fault")
    fault.commit()
    fault.close()
    days.reopen(DAY, pin=SUPERVISOR_PIN, reason="salah hitung kas")  # tried again: one approval, one reopening
    assert [a.action for a in days.supervisors.approvals(DAY)] == [FIRST_SUPERVISOR, "reopen_day"]
    (reopened,) = journal.execute("SELECT r.approval_id FROM day_reopen r").fetchall()
    assert reopened[0] == days.supervisors.approvals(DAY)[-1].id
    assert not days.is_sealed(DAY) and days.business_day() == DAY


def test_the_printed_laporan_z_of_a_reopened_day_names_the_one_it_replaces(days, banking, journal, clock):
    """Two papers for one day, Z-0001 and Z-0002: the summary printed at the second seal says
    which Laporan Z its day's reopening set aside, as the PDF's approvals do ("Buka kembali
    hari (Z-0001)"). On paper it said "Buka kembali hari  Budi Santoso" and no more, so the
    office filing both could not tell from the papers which one the reopening replaced."""
    _sealed_with_a_deposit(days, banking)
    days.reopen(DAY, pin=SUPERVISOR_PIN, reason="salah hitung kas")
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(40_000)
    flow.confirm()
    for columns in (32, 48):
        printout = days.render(DAY, "thermal", actor="kasir1", columns=columns,
                               pin=SUPERVISOR_PIN if columns == 48 else None, reason="kertas kedua")
        lines = printout.text.splitlines()
        assert any("LAPORAN Z No. 0002" in line for line in lines)
        assert any("Buka kembali hari (Z-0001)" in line for line in lines), printout.text
        assert all(len(line) <= columns for line in lines)


def test_a_reprint_that_fails_to_be_recorded_leaves_no_approval_behind(days, banking, journal, clock):
    """A reprint's supervisor approval and its record are one journal transaction: a failure
    between them left a "Cetak/ekspor ulang laporan" approval for a copy never made, and the
    next try, counted from the records, was the same reprint number again."""
    _sealed_with_a_deposit(days, banking)
    days.render(DAY, "thermal", actor="kasir1")  # the first print: free
    fault = sqlite3.connect(journal.path)
    fault.execute("CREATE TRIGGER fault BEFORE INSERT ON report_export BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    fault.commit()
    with pytest.raises(sqlite3.DatabaseError):
        days.render(DAY, "thermal", actor="kasir1", pin=SUPERVISOR_PIN, reason="kertas macet")
    fault.close()
    assert [a.action for a in days.supervisors.approvals(DAY)] == [FIRST_SUPERVISOR]


def test_a_cash_correction_that_fails_to_be_recorded_leaves_no_approval_behind(days, journal):
    """A cash correction's approval and its movement are one journal transaction: a failure
    between them left "Koreksi kas Rp -5.000" approved on the day's Laporan Z with no
    correction in the drawer's figures."""
    days.shifts.open(100_000, "kasir1")
    fault = sqlite3.connect(journal.path)
    fault.execute("CREATE TRIGGER fault BEFORE INSERT ON cash_movement BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    fault.commit()
    with pytest.raises(sqlite3.DatabaseError):
        days.shifts.correct(-5_000, "selisih uang receh", "kasir1", pin=SUPERVISOR_PIN)
    fault.close()
    assert [a.action for a in days.supervisors.approvals(DAY)] == [FIRST_SUPERVISOR]
    assert days.shifts.movements(DAY) == ()


def test_a_checkpoint_that_fails_after_the_seal_does_not_report_the_sealed_day_unsealed(days, banking, journal,
                                                                                        monkeypatch):
    """The checkpoint after a seal only moves the WAL into the file; the seal is committed
    before it. A disk error there was raised to the flow, which put its approvals back and
    told the agent the close failed, for a day already sealed: the next try asked for the
    supervisor's PIN again and ended in "sudah ditutup"."""
    def disk_error() -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(journal, "checkpoint", disk_error)
    days.shifts.open(0, "kasir1")
    banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="40.000", narration="", pin=PIN)
    flow = days.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(40_000)
    assert flow.confirm() is Step.SEALED
    assert days.is_sealed(DAY) and flow.report is not None
