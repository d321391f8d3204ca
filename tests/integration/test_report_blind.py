"""The blind count holds on every output of an open day, not only on the screen.

Until Tutup Hari's count is recorded, ``python -m app report`` (PDF and CSV) and the thermal
print of Laporan X leave the drawer's expected cash out. A supervisor may export it on
purpose, with the PIN and a reason: that export shows it and is recorded as an approval.
"""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from app.__main__ import main
from services.clock import WIB, FixedClock
from services.dayclose import DayCloseService
from services.dayclose.supervisor import FIRST_SUPERVISOR
from services.journal import Journal, State
from services.profile import Profile

DAY = "2026-11-21"
SUPERVISOR_PIN = "482916"
EXPECTED = 500_000 + 250_000  # opening float + one cash deposit


@pytest.fixture
def profile(tmp_path, monkeypatch) -> Profile:
    (tmp_path / "escpos").mkdir()
    monkeypatch.setenv("ESCPOS_CAPABILITIES_PICKLE_DIR", str(tmp_path / "escpos"))
    clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    profile = Profile(tmp_path / "profile")
    with Journal(profile.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        days.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
        days.shifts.open(500_000, "kasir1")
        ref = journal.next_reference()
        journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                      amount=250_000, fee=0, operator="kasir1", customer_ref="5550001100", request={})
        journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
        journal.transition(ref, State.SUCCESS, actor="system", reason="ok")
    return profile


def export(profile: Profile, out: Path, fmt: str, *extra: str) -> Path:
    assert main(["report", "--profile", str(profile.folder), "--date", DAY, "--format", fmt, "--out", str(out),
                 *extra]) == 0
    [written] = [p for p in out.iterdir() if p.suffix == f".{fmt}"]
    return written


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def cash_rows(path: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return {r["note"]: r["total"] for r in rows if r["section"] == "cash"}


def thermal(profile: Profile) -> str:
    with Journal(profile.journal_path) as journal, DayCloseService(journal) as days:
        return days.render(DAY, "thermal", actor="kasir1").text


def approvals(profile: Profile) -> list:
    with Journal(profile.journal_path) as journal, DayCloseService(journal) as days:
        return [(a.approver, a.action, a.reason) for a in days.supervisors.approvals(DAY)
                if a.action != FIRST_SUPERVISOR]  # not the fixture's setting up of the supervisor


def test_an_open_day_exported_before_the_count_shows_no_expected_cash(profile, tmp_path, capsys):
    text = pdf_text(export(profile, tmp_path / "pdf", "pdf"))
    assert "LAPORAN X" in text and "250.000" in text  # the day's figures are there
    assert "Kas seharusnya" not in text and "750.000" not in text
    figures = cash_rows(export(profile, tmp_path / "csv", "csv"))
    assert "expected" not in figures and str(EXPECTED) not in figures.values()
    printed = thermal(profile)
    assert "Seharusnya" not in printed and "750.000" not in printed
    assert approvals(profile) == []


def test_a_supervisor_export_shows_it_and_is_recorded(profile, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("000000\n"))
    assert main(["report", "--profile", str(profile.folder), "--date", DAY, "--format", "csv", "--out",
                 str(tmp_path / "wrong"), "--supervisor-reason", "audit kas siang"]) == 4
    assert "PIN supervisor salah" in capsys.readouterr().err
    assert not (tmp_path / "wrong").exists()

    monkeypatch.setattr("sys.stdin", io.StringIO(SUPERVISOR_PIN + "\n"))
    written = export(profile, tmp_path / "csv", "csv", "--supervisor-reason", "audit kas siang")
    assert cash_rows(written)["expected"] == str(EXPECTED)
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    first, approval = [r for r in rows if r["section"] == "approval"]
    assert first["product"] == "Supervisor pertama diatur"  # the fixture set the supervisor up
    assert (approval["product_name"], approval["note"]) == ("Budi Santoso", "audit kas siang")
    assert "kas seharusnya" in approval["product"].lower()
    assert approvals(profile) == [("Budi Santoso", "show_expected_cash", "audit kas siang")]

    monkeypatch.setattr("sys.stdin", io.StringIO(SUPERVISOR_PIN + "\n"))
    text = pdf_text(export(profile, tmp_path / "pdf", "pdf", "--supervisor-reason", "audit kas siang"))
    assert "Kas seharusnya" in text and "750.000" in text and "Persetujuan Supervisor" in text
    # The next plain export is blind again.
    assert "expected" not in cash_rows(export(profile, tmp_path / "again", "csv"))


def test_once_the_count_is_recorded_the_expected_cash_is_on_every_output(profile, tmp_path, capsys):
    with Journal(profile.journal_path) as journal, DayCloseService(journal) as days:
        flow = days.begin_close("kasir1", DAY)
        flow.start_count()
        flow.enter_count(EXPECTED - 5_000)
    figures = cash_rows(export(profile, tmp_path / "csv", "csv"))
    assert figures["expected"] == str(EXPECTED)
    assert "Seharusnya" in thermal(profile)
    assert approvals(profile) == []


def sealed_outputs(days: DayCloseService) -> tuple[str, str, list[dict[str, str]]]:
    """The Laporan Z of the day as the supervisor and the office read it: the PDF, the thermal
    print (58 mm) and the CSV, each rendered from the stored snapshot."""
    pdf = subprocess.run(["pdftotext", "-layout", "-", "-"], input=days.render(DAY, "pdf", actor="kasir1"),
                         capture_output=True, check=True).stdout.decode()
    printed = days.render(DAY, "thermal", actor="kasir1").text
    rows = list(csv.DictReader(io.StringIO(days.render(DAY, "csv", actor="kasir1").decode("utf-8-sig"))))
    return pdf, printed, rows


def test_a_count_typed_to_see_the_expected_cash_stays_on_the_laporan_z(profile):
    """The count is blind until a figure is typed; any figure. The agent types Rp 0, the
    variance screen says "Kas kurang Rp 750.000" (the expected cash), "Hitung ulang", and
    the figure the agent now knows closes the day "Kas pas". The Laporan Z said only
    "2x hitung" in its PDF, nothing on paper or in the CSV: the count that gave the expected
    cash away, and the shortfall a first honest count found, were on no report."""
    clock = FixedClock(datetime(2026, 11, 21, 17, 0, tzinfo=WIB))
    with Journal(profile.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        flow = days.begin_close("kasir1", DAY)
        flow.start_count()
        assert flow.enter_count(0) == -EXPECTED
        flow.recount()
        assert flow.enter_count(EXPECTED) == 0
        flow.confirm("")
        z, _digest = days.z_report(DAY)
        assert z.cash.variance == 0
        assert [(c.counted, c.expected, c.variance, c.operator) for c in z.cash.earlier_counts] == [
            (0, EXPECTED, -EXPECTED, "kasir1")]
        pdf, printed, rows = sealed_outputs(days)
    assert "Hitungan ke-1" in pdf and "Kas kurang Rp 750.000" in pdf
    assert "Hitungan ke-1" in printed and "Kas kurang" in printed and "Rp 750.000" in printed
    assert [(r["count"], r["total"], r["amount"], r["note"]) for r in rows if r["section"] == "count"] == [
        ("1", "0", str(EXPECTED), f"variance={-EXPECTED}")]


def test_a_shortfall_covered_by_a_cash_movement_after_the_count_stays_on_the_laporan_z(profile):
    """Counted Rp 50.000 short; the agent leaves Tutup Hari, records a Setor ke Bank of
    Rp 50.000 (no supervisor needed) and closes again, even. The Laporan Z showed a
    deposit to the bank and no difference: the shortfall found by the first count was gone."""
    clock = FixedClock(datetime(2026, 11, 21, 17, 0, tzinfo=WIB))
    with Journal(profile.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        flow = days.begin_close("kasir1", DAY)
        flow.start_count()
        assert flow.enter_count(EXPECTED - 50_000) == -50_000
        clock.advance(900)
        days.shifts.record("bank_deposit", 50_000, "setor ke bank", "kasir1")
        flow = days.begin_close("kasir1", DAY)
        flow.start_count()
        assert flow.enter_count(EXPECTED - 50_000) == 0
        flow.confirm("")
        pdf, printed, rows = sealed_outputs(days)
    assert "Hitungan ke-1" in pdf and "Kas kurang Rp 50.000" in pdf and "Setor ke Bank" in pdf
    assert "Hitungan ke-1" in printed and "Rp 50.000" in printed
    assert [(r["total"], r["amount"], r["note"]) for r in rows if r["section"] == "count"] == [
        (str(EXPECTED - 50_000), str(EXPECTED), "variance=-50000")]


def test_the_printed_laporan_z_names_each_cash_movement_and_the_note_on_the_difference(profile):
    """The thermal Laporan Z, the paper the supervisor signs at the kiosk, printed one net
    "Mutasi kas" and the difference without the agent's note: a Rp 100.000 pay-out and a
    Rp 100.000 pay-in read as nothing at all, and "Kas kurang Rp 10.000" as unexplained,
    though the sealed report (and its PDF) holds both."""
    clock = FixedClock(datetime(2026, 11, 21, 17, 0, tzinfo=WIB))
    with Journal(profile.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        days.shifts.record("pay_out", 100_000, "bayar listrik kios", "kasir1")
        days.shifts.record("pay_in", 100_000, "tambah uang kecil", "kasir1")
        flow = days.begin_close("kasir1", DAY)
        flow.start_count()
        assert flow.enter_count(EXPECTED - 10_000) == -10_000
        flow.confirm("uang receh kurang", pin=SUPERVISOR_PIN)
        for columns in (32, 48):
            printed = days.render(DAY, "thermal", actor="kasir1", columns=columns,
                                  pin=SUPERVISOR_PIN if columns == 48 else None, reason="salinan kedua").text
            assert max(len(line) for line in printed.splitlines()) <= columns
            assert "Pengeluaran Kas" in printed and "-Rp 100.000" in printed
            assert "Tambah Kas" in printed and "+Rp 100.000" in printed
            assert "Kas kurang" in printed and "uang receh kurang" in printed


def test_the_csv_carries_the_agents_note_on_the_difference(profile):
    """The office reads the CSV: a day closed short says why there as on the paper and the PDF
    (the note on the ``variance`` cash row), commas and all."""
    clock = FixedClock(datetime(2026, 11, 21, 17, 0, tzinfo=WIB))
    with Journal(profile.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        flow = days.begin_close("kasir1", DAY)
        flow.start_count()
        assert flow.enter_count(EXPECTED - 20_000) == -20_000
        flow.confirm("uang kembalian, salah hitung", pin=SUPERVISOR_PIN)
        _pdf, _printed, rows = sealed_outputs(days)
    [variance] = [r for r in rows if r["section"] == "cash" and r["note"] == "variance"]
    assert (variance["total"], variance["product_name"]) == ("-20000", "uang kembalian, salah hitung")
