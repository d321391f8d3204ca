"""A counter where the drawer passed between agents during the day (Serah Terima Kas): its
Laporan Z says each holder's own cash difference ("Selisih per petugas"). The office saw only
the day's variance, so a partner whose counter came up short could not tell which agent to
ask. The consolidated report now lists each holder's difference from the sealed Laporan Z,
and they add up to the counter's variance."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import datetime

from services.clock import WIB, FixedClock
from services.dayclose import DayCloseService
from services.journal import Journal
from services.office import report
from services.office.outbox import Outbox
from services.office.source import JournalSource
from services.reports import Span
from tests.office.counters import DAY, SUPERVISOR_PIN, make_counter, office_report


def hand_over_and_close(counter, clock: FixedClock):
    """kasir1 opened the day; kasir2 takes the drawer at 12:00 Rp 20.000 short, closes at 15:00
    Rp 5.000 over what the drawer should then hold."""
    with Journal(counter.journal_path, clock=clock) as journal, \
            DayCloseService(journal, clock=clock, sandbox=True) as days:
        flow = days.handovers.begin("kasir2")
        should_hold = flow.enter_count(0) * -1
        flow.recount()
        assert flow.enter_count(should_hold - 20_000) == -20_000
        flow.confirm("uang kurang di laci", pin=SUPERVISOR_PIN)
        clock.advance(3 * 3600)
        close = days.begin_close("kasir2", DAY)
        close.start_count()
        close.enter_count(should_hold - 20_000 + 5_000)  # nothing sold since the handover
        close.confirm("lebih lima ribu", pin=SUPERVISOR_PIN)
        return days.z_report(DAY)[0]


def push(office_db, counter) -> None:
    office_db.add_counter(counter.counter_id)
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder)
    try:
        outbox.push()
    finally:
        outbox.close()


def test_the_office_report_names_each_drawer_holders_difference(office_db, tmp_path):
    counter = make_counter(tmp_path / "k1", 1, close=False)
    plain = make_counter(tmp_path / "k2", 2)  # one agent all day: no holder's line
    z = hand_over_and_close(counter, FixedClock(datetime(2026, 11, 21, 12, 0, tzinfo=WIB)))
    assert z.cash.variance == -15_000
    assert z.spans == (Span("kasir1", "07:00", "12:00", -20_000), Span("kasir2", "12:00", "15:00", 5_000))
    push(office_db, counter)
    push(office_db, plain)

    built = office_report(office_db)
    days = {day.counter_id: day for day in built.counters}
    assert days[counter.counter_id].seal.spans == z.spans  # the Laporan Z's own figures
    assert sum(s.difference for s in days[counter.counter_id].seal.spans) == days[counter.counter_id].seal.variance
    assert days[plain.counter_id].seal.spans == ()
    with office_db.admin() as conn:  # counted on arrival: a day without a handover reads no seal's text
        assert dict(conn.execute("SELECT counter_id, handovers FROM office.day_seal").fetchall()) == {
            counter.counter_id: 1, plain.counter_id: 0}

    lines = list(csv.DictReader(io.StringIO(report.render_csv(built).decode("utf-8"), newline="")))
    assert [(r["counter_id"], r["name"], r["total"], r["detail"]) for r in lines if r["section"] == "counter_span"] \
        == [(counter.counter_id, "kasir1", "-20000", "held 07:00-12:00 (Z-0001)"),
            (counter.counter_id, "kasir2", "5000", "held 12:00-15:00 (Z-0001)")]
    pdf = tmp_path / "kantor.pdf"
    pdf.write_bytes(report.render_pdf(built))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Selisih kas per petugas" in text
    held = [line.split() for line in text.splitlines() if "kasir1" in line or "kasir2" in line]
    assert held == [[counter.counter_id, "kasir1", "07:00-12:00", "-20.000"],
                    [counter.counter_id, "kasir2", "12:00-15:00", "5.000"]]


def test_a_seal_stored_before_handovers_were_counted_is_read_for_them(office_db, tmp_path):
    """An office migrated after seals arrived holds them with no count (NULL): the report reads
    their text rather than take them for days with one holder."""
    counter = make_counter(tmp_path / "k1", 1, close=False)
    z = hand_over_and_close(counter, FixedClock(datetime(2026, 11, 21, 12, 0, tzinfo=WIB)))
    push(office_db, counter)
    with office_db.admin() as conn:  # as 011 found it: the owner alone may, past the no-change guard
        conn.execute("ALTER TABLE office.day_seal DISABLE TRIGGER seal_no_change")
        conn.execute("UPDATE office.day_seal SET handovers = NULL")
        conn.execute("ALTER TABLE office.day_seal ENABLE TRIGGER seal_no_change")
    (day,) = office_report(office_db).counters
    assert day.seal.spans == z.spans
