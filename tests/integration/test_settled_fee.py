"""A fee the host names only in its payment answer, end to end.

BNI Keagenan Telkom's inquiry states no admin fee; the payment answer's
``CustomerData.biaya_adm`` says 2500. The agent collects amount + 2500, so the journal
row (its settled figures), the journal export, the receipt, the day report and the
drawer's expected cash must all say 67,500 and the day closes without a variance.
Telkom is paid through ``BillPayService`` against the simulated Keagenan host on a real
loopback socket.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from services.dayclose import DayCloseService, Step
from services.hosts.keagenan.sandbox import KeagenanSandbox
from services.hosts.keagenan.service import BillPayService
from services.journal import Journal, State, export
from services.profile import Profile
from services.receipts import Agent, build_receipt
from services.sandbox.server import SandboxServer
from services.transactions import TransactionRunner
from tests.integration.test_keagenan_products import PIN, make_client

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-11-21"
FLOAT = 500_000
AMOUNT, FEE = 65_000, 2_500  # the document's Telkom bill and its payment answer's biaya_adm


@pytest.fixture
def profile(tmp_path) -> Profile:
    return Profile(tmp_path / "profile")


@pytest.fixture
def journal(profile, clock):
    with Journal(profile.journal_path, clock=clock) as j:
        yield j


@pytest.fixture
def days(journal, clock):
    with DayCloseService(journal, clock=clock) as service:
        service.shifts.open(FLOAT, "kasir1")
        yield service


@pytest.fixture
def telkom_paid(http, clock, journal, days):
    """The Telkom bill of the document's example, inquired and paid at the counter."""
    host = KeagenanSandbox(clock=clock)
    with SandboxServer(host) as server:
        service = BillPayService(make_client(http, server, host, clock), journal,
                                 TransactionRunner(journal, lambda: "kasir1"))
        inquiry = service.inquire("telkom", {"areaCode": "0021", "phoneNum": "998877441"})
        assert (inquiry.amount, inquiry.fee, inquiry.total) == (AMOUNT, 0, AMOUNT)  # no fee stated
        clock.advance(30)
        yield service.pay(inquiry, PIN)


def test_the_journal_row_keeps_what_was_asked_and_what_the_host_confirmed(telkom_paid, journal):
    assert (telkom_paid.fee, telkom_paid.total) == (FEE, AMOUNT + FEE)
    row = journal.get(telkom_paid.reference)
    assert row.state is State.SUCCESS
    assert (row.amount, row.fee, row.total) == (AMOUNT, 0, AMOUNT)  # as journaled before sending
    assert (row.settled_fee, row.settled_total) == (FEE, AMOUNT + FEE)
    assert (row.fee_final, row.total_final) == (FEE, AMOUNT + FEE)
    success = journal.events(row.reference)[-1]
    assert success.to_state is State.SUCCESS and success.changes["settled_fee"] == FEE
    assert str(journal.verify()) == "OK 1 rows"


def test_the_export_carries_the_final_figures(telkom_paid, journal):
    records = list(export.records_for_day(journal, DAY, mode="live"))
    assert [(r["fee"], r["total"], r["settled_fee"], r["settled_total"]) for r in records] == [
        (0, AMOUNT, FEE, AMOUNT + FEE)]
    lines = io.StringIO()
    export.write(iter(records), lines, "jsonl")
    assert json.loads(lines.getvalue())["settled_total"] == AMOUNT + FEE
    table = io.StringIO()
    export.write(iter(records), table, "csv")
    (got,) = csv.DictReader(io.StringIO(table.getvalue()))
    assert list(got)[-7:] == ["settled_fee", "settled_total", "inquiry", "cash_direction", "counter_fee", "mode",
                              "contract_version"]
    assert (got["settled_fee"], got["settled_total"]) == ("2500", "67500")
    assert export.CONTRACT_VERSION == 10


def test_the_receipt_shows_the_fee_the_customer_paid(telkom_paid, journal):
    receipt = build_receipt(journal.get(telkom_paid.reference), agent=Agent(), sandbox=True)
    assert ("Biaya Admin", FEE) in receipt.amounts and receipt.total == AMOUNT + FEE


def test_the_day_report_and_the_drawer_count_the_fee_and_the_day_closes_without_variance(telkom_paid, days):
    report = days.x_report(DAY)
    (line,) = report.products
    assert (line.product, line.count, line.amount, line.fee, line.total) == ("telkom", 1, AMOUNT, FEE, AMOUNT + FEE)
    assert (report.totals.fee, report.totals.total) == (FEE, AMOUNT + FEE)
    assert report.cash.received == AMOUNT + FEE and report.cash.expected == FLOAT + AMOUNT + FEE

    flow = days.begin_close("kasir1", DAY)
    flow.start_count()
    assert flow.enter_count(FLOAT + AMOUNT + FEE) == 0  # the cash the agent really holds
    assert flow.confirm() is Step.SEALED
    assert flow.report.cash.variance == 0 and flow.report.totals.total == AMOUNT + FEE


def test_a_settled_fee_changed_in_the_file_is_found_by_verify(telkom_paid, journal, days, profile):
    journal.close()
    conn = sqlite3.connect(profile.journal_path)  # an outsider with the sqlite3 shell
    with conn:
        conn.execute("UPDATE txn SET settled_fee=0, settled_total=? WHERE reference=?", (AMOUNT,
                                                                                       telkom_paid.reference))
    conn.close()
    done = subprocess.run([sys.executable, "-m", "app", "journal", "verify", "--profile", str(profile.folder)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"row 1 ({telkom_paid.reference}): settled_fee differs from its recorded events" in done.stdout
