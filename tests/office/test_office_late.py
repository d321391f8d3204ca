"""A counter's day changes after its Laporan Z: a SUSPECT payment settles the next morning,
a payment the Z counted is reversed. The counter's Z never changes (the late settlement and
the refund count in the cash of the day they happen, services/reports/aggregate.py), so the
office's figures for the sealed day stay the Z's, and the rows that changed after the seal
are listed, each with its state at the seal and now."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import datetime

from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.office import report
from services.office.outbox import Outbox
from services.office.source import JournalSource
from tests.office.counters import make_counter, office_report


def test_rows_changed_after_the_seal_are_listed_and_the_day_stays_its_laporan_z(office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 4)  # a BPJS payment left SUSPECT at the close
    office_db.add_counter(counter.counter_id)
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder)
    outbox.push()
    rows = counter.export()
    suspect = next(r for r in rows if r["state"] == "SUSPECT")
    pulsa = next(r for r in rows if r["product"] == "pulsa_telkomsel")
    with Journal(counter.journal_path, clock=FixedClock(datetime(2026, 11, 22, 9, 0, tzinfo=WIB))) as journal:
        journal.transition(suspect["reference"], State.SUCCESS, actor="system", reason="cek status: berhasil")
        journal.transition(pulsa["reference"], State.REVERSED, actor="supervisor", reason="pembatalan")
    outbox.push()
    outbox.close()
    built = office_report(office_db)
    (day,) = built.counters
    z = counter.z.totals
    assert day.matches_z and day.totals == report.Figures(z.count, z.amount, z.fee, z.total, z.counter_fee) == \
        built.totals
    assert [(p.product, p.figures.count, p.figures.total) for p in sorted(day.products, key=lambda p: p.product)] == \
        [(p.product, p.count, p.total) for p in sorted(counter.z.products, key=lambda p: p.product)]
    assert [(row.reference, sealed, row.state) for row, sealed, _ in day.changed] == [  # in journal order
        (pulsa["reference"], "SUCCESS", "REVERSED"), (suspect["reference"], "SUSPECT", "SUCCESS")]
    assert built.changed == day.changed and {c.row.counter_id for c in day.changed} == {counter.counter_id}
    lines = list(csv.DictReader(io.StringIO(report.render_csv(built).decode("utf-8"), newline="")))
    changed = [(r["reference"], r["state"], r["detail"]) for r in lines if r["section"] == "changed_after_seal"]
    assert changed == [(pulsa["reference"], "REVERSED", f"SUCCESS at Z-0001 {pulsa['created_at'][11:16]} "
                        f"keagenan pulsa_telkomsel {pulsa['customer_ref']}"),
                       (suspect["reference"], "SUCCESS", f"SUSPECT at Z-0001 {suspect['created_at'][11:16]} "
                        f"keagenan bpjs_kesehatan {suspect['customer_ref']}")]
    close = next(r for r in lines if r["section"] == "counter_close")
    assert "DIFFERS" not in close["detail"]
    pdf = tmp_path / "kantor.pdf"
    pdf.write_bytes(report.render_pdf(built))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Berubah sesudah Laporan Z" in text
    assert any(suspect["reference"] in line and "SUSPECT" in line and line.rstrip().endswith("SUCCESS")
               for line in text.splitlines())


def test_a_settlement_and_a_refund_after_the_seal_under_a_clock_put_back_count_once_on_the_next_day(
        office_db, tmp_path):
    """The kiosk's clock goes back before the morning's status check and reversal (stamped
    06:00 of the sealed day, sealed at 07:3x): the office still counts the sealed day as its
    Laporan Z (the two rows listed as changed after the seal), and the next day's Laporan Z,
    which lists both once, is the office's figure for it: the refund paid out of its drawer, the
    settlement moving no cash (the sealed day's count held its cash, carried in the float)."""
    from services.dayclose import DayCloseService
    from tests.integration.test_late_settlement import close, deposit

    counter = make_counter(tmp_path / "k1", 4)  # a BPJS payment left SUSPECT at the close
    office_db.add_counter(counter.counter_id)
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder)
    rows = counter.export()
    suspect = next(r for r in rows if r["state"] == "SUSPECT")
    pulsa = next(r for r in rows if r["product"] == "pulsa_telkomsel")
    clock = FixedClock(datetime(2026, 11, 21, 6, 0, tzinfo=WIB))  # behind the seal
    with Journal(counter.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        journal.transition(suspect["reference"], State.SUCCESS, actor="system", reason="cek status: berhasil")
        journal.transition(pulsa["reference"], State.REVERSED, actor="supervisor", reason="pembatalan")
        days.shifts.open(500_000, "kasir1")
        deposit(journal, "5550004", 25_000)
        late = -pulsa["total"]
        z2 = close(days, 500_000 + 25_000 + late).report
    assert [i.reference for i in z2.late] == [suspect["reference"], pulsa["reference"]] and z2.cash.late == late
    outbox.push()
    outbox.close()
    sealed_day, next_day = office_report(office_db), office_report(office_db, "2026-11-22")
    (day,) = sealed_day.counters
    z = counter.z.totals
    assert day.matches_z and day.totals == report.Figures(z.count, z.amount, z.fee, z.total, z.counter_fee)
    assert [(row.reference, sealed, row.state) for row, sealed, _ in day.changed] == [
        (pulsa["reference"], "SUCCESS", "REVERSED"), (suspect["reference"], "SUSPECT", "SUCCESS")]
    (day2,) = next_day.counters
    assert day2.matches_z and day2.changed == [] and day2.totals == report.Figures(1, 25_000, 0, 25_000)
    assert (day2.seal.expected_cash, day2.seal.variance) == (500_000 + 25_000 + late, 0)


def test_a_payment_settled_by_hand_the_next_day_at_another_fee_reaches_the_office_as_the_counter_counts_it(
        office_db, tmp_path):
    """The BPJS payment SUSPECT at the close is settled by hand the next morning with a fee
    Rp 2.500 above the one collected (the agent is told to collect it): the office's row carries
    the bank's fee and total, the sealed day stays its Laporan Z (the row listed as changed, at
    the bank's total), and the next day's Laporan Z counts the Rp 2.500 collected as its late
    line, which the office lists as that day's cash in and matches."""
    from services.dayclose import DayCloseService
    from services.resolution import SuspectResolver
    from tests.integration.test_late_settlement import close

    counter = make_counter(tmp_path / "k1", 4)
    office_db.add_counter(counter.counter_id)
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder)
    suspect = next(r for r in counter.export() if r["state"] == "SUSPECT")
    bank_fee = suspect["fee"] + 2_500
    clock = FixedClock(datetime(2026, 11, 22, 9, 0, tzinfo=WIB))
    with Journal(counter.journal_path, clock=clock) as journal, DayCloseService(journal, clock=clock) as days:
        days.shifts.open(500_000, "kasir1")
        decided = SuspectResolver(journal).resolve_manually(suspect["reference"], success=True, actor="kasir1",
                                                            reason="laporan host BPJS", host_ref="JRN-7",
                                                            settled_fee=bank_fee)
        assert decided.drawer_change == 2_500 and "Tagih nasabah Rp 2.500 lagi" in decided.message
        z2 = close(days, 500_000 + decided.drawer_change).report  # collected as told: even
    assert [(i.reference, i.received, i.paid_out) for i in z2.late] == [(suspect["reference"], 2_500, 0)]
    outbox.push()
    outbox.close()
    with office_db.admin() as conn:
        assert conn.execute("SELECT fee, settled_fee, total, settled_total FROM office.txn WHERE reference = %s",
                            (suspect["reference"],)).fetchone() == (
            suspect["fee"], bank_fee, suspect["total"], suspect["total"] + 2_500)
    sealed_day, next_day = office_report(office_db), office_report(office_db, "2026-11-22")
    (day,) = sealed_day.counters
    z = counter.z.totals
    assert day.matches_z and day.totals == report.Figures(z.count, z.amount, z.fee, z.total, z.counter_fee)
    [(row, sealed, _)] = day.changed
    assert (row.reference, sealed, row.state, row.total) == (
        suspect["reference"], "SUSPECT", "SUCCESS", suspect["total"] + 2_500 + suspect["counter_fee"])
    (day2,) = next_day.counters
    assert day2.matches_z and [(i.reference, i.received, i.paid_out) for i in day2.seal.late] == [
        (suspect["reference"], 2_500, 0)]
    assert (day2.seal.expected_cash, day2.seal.variance) == (500_000 + 2_500, 0)
    lines = list(csv.DictReader(io.StringIO(report.render_csv(next_day).decode("utf-8"), newline="")))
    [late] = [r for r in lines if r["section"] == "late_settlement"]
    assert (late["reference"], late["total"]) == (suspect["reference"], "2500")
