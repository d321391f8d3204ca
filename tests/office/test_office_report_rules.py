"""The consolidated report counts what each counter's Laporan Z counts: SUCCESS rows that
moved money at the counter. A reversal row (a product id ending in ``_reversal``) and a
product that takes no money (a balance check) are left out of the lines and the totals."""

from __future__ import annotations

import subprocess
from datetime import datetime

from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.office import report
from services.office.outbox import Outbox
from services.office.source import JournalSource

DAY = "2026-11-21"


def test_reversal_rows_and_no_cash_products_are_not_in_the_report(office_db, tmp_path):
    clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    with Journal(tmp_path / "journal.db", clock=clock) as journal:
        for host, product, group, amount in (("switcher", "switcher_transfer", "banking", 200_000),
                                             ("switcher", "switcher_reversal", "banking", 200_000),
                                             ("bankplus", "customer_balance", "banking", 0),
                                             ("keagenan", "pln_postpaid", "Tagihan", 50_000)):
            clock.advance(60)
            ref = journal.next_reference()
            journal.begin(reference=ref, host=host, product=product, product_group=group, amount=amount, fee=2_500,
                          operator="kasir1", request={"customer": "5391000123"}, customer_ref="5391000123")
            journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")
            journal.transition(ref, State.SUCCESS, actor="system", reason="jawaban host")
    office_db.add_counter("K200")
    outbox = Outbox(JournalSource(tmp_path / "journal.db"), "K200", office_db.connector("K200"), tmp_path)
    outbox.push()
    outbox.close()
    with office_db.admin() as conn:
        built = report.build(conn, DAY)
    (day,) = built.counters
    assert [(line.group, line.product, line.figures.count) for line in day.products] == [
        ("Perbankan", "switcher_transfer", 1), ("Tagihan", "pln_postpaid", 1)]
    assert built.totals == report.Figures(2, 250_000, 5_000, 255_000) == day.totals
    assert [line.product for line in built.products] == ["switcher_transfer", "pln_postpaid"]


def test_a_counter_shut_that_day_is_not_called_unclosed_but_one_not_heard_from_is(office_db, tmp_path):
    """21/11 is a sealed day for one counter and an open one for another. On 20/11 neither
    sold anything: the office holds later rows of both, so both were shut that day, not
    "belum tutup hari". On 22/11 nothing later has arrived yet: unknown, so still listed."""
    from tests.office.counters import make_counter

    sealed, unsealed = make_counter(tmp_path / "k1", 1), make_counter(tmp_path / "k2", 2, close=False)
    for counter, name in ((sealed, ""), (unsealed, "Kios Pasar Baru Blok C No. 17, Sidoarjo")):
        office_db.add_counter(counter.counter_id, name=name)
        outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id,
                        office_db.connector(counter.counter_id), counter.folder)
        outbox.push()
        outbox.close()
    with office_db.admin() as conn:
        day_before, day, day_after = (report.build(conn, d) for d in ("2026-11-20", DAY, "2026-11-22"))
    assert (day_before.unsealed, day_before.idle) == ([], ["K001", "K002"])
    assert (day.unsealed, day.idle) == (["K002"], [])
    assert (day_after.unsealed, day_after.idle) == (["K001", "K002"], [])
    csv_text = report.render_csv(day_before).decode()
    assert "idle,K001," in csv_text and "unsealed," not in csv_text
    pdf = tmp_path / "office.pdf"
    pdf.write_bytes(report.render_pdf(day_before))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "0 belum tutup hari, 2 tanpa transaksi" in text and "K001 0 0 0 tidak buka" in text
    # Whoever reads it must know which kiosk to phone: the name it was registered with.
    assert "K001, K002 (Kios Pasar Baru Blok C No. 17, Sidoarjo)" in text
    pdf.write_bytes(report.render_pdf(day))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Belum tutup hari K002 (Kios Pasar Baru Blok C No. 17, Sidoarjo)" in text
    assert "K002 Kios Pasar Baru Blok C No. 17, Sidoarjo" in text  # its line among the counters
