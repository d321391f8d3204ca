"""The consolidated report counts what each counter's Laporan Z counts: SUCCESS rows that
moved money at the counter. A reversal row (a product id ending in ``_reversal``) and a
product that takes no money (a balance check) are left out of the lines and the totals."""

from __future__ import annotations

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
