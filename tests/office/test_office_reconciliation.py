"""The partner office's consolidated report tells the counter's money story: the mixed day of
``tests/integration/test_reconciliation.py`` (a fee the bank changed, the counter's own fee,
transfers in doubt settled SUCCESS and refunded, a successful transfer BCA later sent back, a
resend under the same reference, a transfer given up before sending, a handover, a transfer
still open at Tutup Hari and settled the next morning), pushed by the counter's outbox, read
back per day beside the two Laporan Z."""

from __future__ import annotations

import csv
import io
import subprocess

from services.office import report
from services.office.outbox import Outbox
from services.office.source import JournalSource
from tests.integration.test_bca_interbank import bca_server, host, keys, resolver, snap  # noqa: F401
from tests.integration.test_reconciliation import (  # noqa: F401 - the mixed day's fixtures
    DAY1,
    DAY2,
    days,
    keagenan,
    operator,
    run_mixed_days,
    service,
)
from tests.office.counters import office_report


def test_the_office_counts_each_day_as_its_laporan_z_and_names_what_settled_after_it(
        office_db, tmp_path, service, host, bca_server, resolver, keagenan, days, journal, clock,  # noqa: F811
        operator):  # noqa: F811
    run = run_mixed_days(service, host, bca_server, resolver, keagenan, days, journal, clock, operator)
    office_db.add_counter("K001", name="Loket Reconciliation")
    outbox = Outbox(JournalSource(journal.path), "K001", office_db.connector("K001"), tmp_path)
    outbox.push()
    outbox.close()
    for day, z in run.z.items():
        built = office_report(office_db, day)
        (counter,) = built.counters
        # the counter's own fee (its income, outside the bank's total) as its Laporan Z has it
        assert counter.matches_z and built.totals == counter.totals == report.Figures(
            z.totals.count, z.totals.amount, z.totals.fee, z.totals.total, z.totals.counter_fee), day
        assert counter.seal is not None and (counter.seal.expected_cash, counter.seal.variance) == (
            z.cash.expected, z.cash.variance), day
        assert built.open == [] and built.unsealed == []
        by_product = {line.product: line.figures for line in counter.products}
        assert by_product == {line.product: report.Figures(line.count, line.amount, line.fee, line.total,
                                                           line.counter_fee)
                              for line in z.products}, day
        assert counter.seal.z.counter_fee == z.totals.counter_fee
        lines = list(csv.DictReader(io.StringIO(report.render_csv(built).decode("utf-8"), newline="")))
        assert not any("DIFFERS" in r["detail"] for r in lines)
        assert [int(r["counter_fee"]) for r in lines if r["section"] in ("counter_total", "counter_close",
                                                                         "office_total")] == [z.totals.counter_fee] * 3
    # the PLN bill with the counter's own fee, in day 1's Laporan Z and in the office's report
    z1 = run.z[DAY1]
    assert z1.totals.counter_fee > 0
    pdf1 = subprocess.run(["pdftotext", "-layout", "-", "-"], input=report.render_pdf(office_report(office_db, DAY1)),
                          capture_output=True, check=True).stdout.decode()
    assert "Biaya loket" in pdf1 and f"{z1.totals.counter_fee:,}".replace(",", ".") in pdf1
    first = office_report(office_db, DAY1)
    # Day 1 closed with a transfer in doubt: its Rp 125.000 was in the drawer and in what the drawer
    # should hold, so the variance is the agents' own (kasir1 short, kasir2 over), not the cash in
    # doubt; the office's line says what the count was against besides the expected cash.
    z1 = run.z[DAY1]
    (counter,) = first.counters
    assert counter.seal is not None and counter.seal.variance == z1.cash.variance == -10_000 + 5_000
    assert [(span.operator, span.difference) for span in counter.seal.spans] == [("kasir1", -10_000),
                                                                                  ("kasir2", 5_000)]
    [close] = [r for r in csv.DictReader(io.StringIO(report.render_csv(first).decode("utf-8"), newline=""))
               if r["section"] == "counter_close"]
    assert close["detail"].startswith(f"Z-0001 expected {z1.cash.expected} in doubt 125000 counted "
                                      f"{z1.cash.counted} variance -5000")
    # the transfer open at the seal, settled the next morning: its cash counted once, in day 1's
    # drawer (held), listed on day 2 as a late line moving no cash and on day 1 as changed after
    # the seal
    # (the transfer refunded the next morning: counted on day 1 as the Z did, its refund on day 2)
    assert [(row.reference, sealed, row.state) for row, sealed, _ in first.changed] == [
        (run.refs["not_sent_resent"], "SUCCESS", "REVERSED"), (run.refs["suspect_at_close"], "SUSPECT", "SUCCESS")]
    second = office_report(office_db, DAY2)
    assert second.changed == []
    # Day 2 says what its Laporan Z's cash holds besides day 2's own sales: the settlement and
    # the refund of day 1's rows, each with its day, as the Z lists them (before, the office's
    # day 2 was silent about them, its expected cash Rp 105.000 more than its sales explain).
    z2 = run.z[DAY2]
    (counter,) = second.counters
    assert counter.seal is not None
    assert [(late.reference, late.original_date, late.state, late.received, late.paid_out)
            for late in counter.seal.late] == [
        (item.reference, item.original_date, item.state, item.received, item.paid_out) for item in z2.late] == [
        (run.refs["suspect_at_close"], DAY1, "SUCCESS", 0, 0),
        (run.refs["not_sent_resent"], DAY1, "REVERSED", 0, 20_000)]
    lines = list(csv.DictReader(io.StringIO(report.render_csv(second).decode("utf-8"), newline="")))
    assert [(r["counter_id"], r["reference"], r["state"], r["total"], r["detail"]) for r in lines
            if r["section"] == "late_settlement"] == [
        ("K001", run.refs["suspect_at_close"], "SUCCESS", "0",
         f"from {DAY1}: no cash (counted in the drawer by its own Laporan Z)"),
        ("K001", run.refs["not_sent_resent"], "REVERSED", "-20000", f"from {DAY1}: cash out 20000")]
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=report.render_pdf(second),
                          capture_output=True, check=True).stdout.decode()
    assert "Penyelesaian terlambat" in text and run.refs["suspect_at_close"] in text
    assert not [r for r in list(csv.DictReader(io.StringIO(report.render_csv(first).decode("utf-8"), newline="")))
                if r["section"] == "late_settlement"]
