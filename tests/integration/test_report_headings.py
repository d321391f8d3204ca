"""A heading of the day's PDF report stays with what it heads (counter-day walk).

The Laporan Z exported after Tutup Hari had "Persetujuan Supervisor" as the last line of its
first page and the approvals' table on the next: the supervisor signing the paper read a
heading over nothing. Here the report grows a failed payment at a time, through a page's worth
of rows, so each heading comes to a page's foot somewhere on the way: none may end a page."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

from services.clock import WIB, FixedClock
from services.dayclose import DayCloseService
from services.journal import Journal, State
from services.reports.pdf import render_pdf

HEADINGS = ("Ringkasan per Grup", "Rekonsiliasi Kas", "Mutasi Kas", "Serah Terima Kas", "Selisih per Petugas",
            "Transaksi Menggantung", "Penyelesaian Terlambat", "Transaksi Gagal", "Transaksi Dibatalkan",
            "Persetujuan Supervisor", "Segel Hari")
FOOTER = ("Loket - ", "Halaman ")
A_PAGE_OF_ROWS = 36  # a page holds about 33 rows of a listing


def failed_bill(journal: Journal, n: int) -> None:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="bills", amount=98_000,
                  fee=2_500, operator="kasir1", request={}, customer_ref=f"53910{n:05d}", customer_name="SITI AMINAH")
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
    journal.transition(ref, State.FAILED, actor="system", reason="Ditolak host: nomor tidak terdaftar (kode 14)")


def page_ends(pdf: Path) -> list[str]:
    """The last line of each page but the last, its footer left out."""
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    ends = []
    for page in pages.split("\f")[:-1]:
        lines = [line.strip() for line in page.splitlines() if line.strip() and not line.startswith(FOOTER)]
        if lines:
            ends.append(lines[-1])
    return ends[:-1]


def test_no_page_ends_with_a_heading(tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    orphans = []
    with Journal(tmp_path / "journal.db", clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        days.supervisors.set_pin("Budi Santoso", "482916")  # an approval: "Persetujuan Supervisor" has a table
        days.shifts.open(500_000, "kasir1")
        for n in range(A_PAGE_OF_ROWS):
            pdf = tmp_path / f"laporan-{n}.pdf"
            pdf.write_bytes(render_pdf(days.x_report()))
            orphans += [f"{n} failed: a page ends with {end!r}" for end in page_ends(pdf) if end.startswith(HEADINGS)]
            failed_bill(journal, n)
    assert orphans == []


def test_a_listing_longer_than_a_page_starts_under_its_heading(tmp_path):
    """A heading kept with a table taller than a page moved both to the next page and left the
    rest of this one blank: 31 to 45 failed payments made the Laporan X three pages, not two.
    Such a listing starts where its heading and first rows fit, and nothing of it is lost."""
    clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    with Journal(tmp_path / "journal.db", clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        days.shifts.open(500_000, "kasir1")
        for n in range(45):
            failed_bill(journal, n)
        pdf = tmp_path / "laporan.pdf"
        pdf.write_bytes(render_pdf(days.x_report()))
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    first = pages[0]
    assert "Transaksi Gagal (45)" in first and "5391000000" in first
    assert all(f"53910{n:05d}" in "".join(pages) for n in range(45))
    assert len([page for page in pages if page.strip()]) == 2
    assert [end for end in page_ends(pdf) if end.startswith(HEADINGS)] == []
