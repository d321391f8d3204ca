"""A counter id whose history at the office is no longer the one on its PC: a dead kiosk PC
replaced by a fresh installation, a profile restored from an older backup, a profile copied
to a second PC. The office never merges two histories: it records the fork at the first
differing position, keeps the history it holds, and the counter stops sending and says what
to ask the office's operator for: a new counter id for this PC. The operator registers it
(``office add-counter``) and retires the old id (``office retire-counter --replaced-by``):
the old login can no longer log in nor write, ``office counters`` and the consolidated
report show the relation, and the old id's unsealed days stay reported as unsealed."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest

from services.clock import WIB, FixedClock
from services.journal import Journal, State
from services.office.outbox import ROWS_COPY, Forked, Outbox
from services.office.source import JournalSource
from tests.office.counters import DAY, make_counter

ROOT = Path(__file__).resolve().parents[2]


def office_cli(office_db, *args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "office", *args], cwd=ROOT, env=office_db.env(),
                          input=stdin, capture_output=True, text=True, timeout=timeout)


def outbox(office_db, journal_path: Path, counter_id: str, folder: Path) -> Outbox:
    return Outbox(JournalSource(journal_path), counter_id, office_db.connector(counter_id), folder, batch=4)


def write_rows(journal_path: Path, names: list[str], start: datetime, *, paid: bool = False) -> None:
    """Rows as the transaction runner writes them (begin, then SENT; ``paid``: then SUCCESS)."""
    clock = FixedClock(start)
    with Journal(journal_path, clock=clock) as journal:
        for name in names:
            clock.advance(30)
            ref = journal.next_reference()
            journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="Tagihan",
                          amount=100_000, fee=2_500, operator="kasir1", request={"customer": "5391000123"},
                          customer_ref="5391000123", customer_name=name)
            journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")
            if paid:
                journal.transition(ref, State.SUCCESS, actor="system", reason="jawaban host")


def _reference(journal_path: Path, row_id: int) -> str:
    source = JournalSource(journal_path)
    try:
        return next(row for row in source.rows_after(row_id - 1, 1))[1]
    finally:
        source.close()


def office_rows(office_db, counter_id: str) -> list[tuple[int, str]]:
    with office_db.admin() as conn:
        return conn.execute("SELECT id, hash FROM office.txn WHERE counter_id = %s ORDER BY id",
                            (counter_id,)).fetchall()


def local_rows(journal_path: Path) -> list[tuple[int, str]]:
    source = JournalSource(journal_path)
    try:
        return [(row[0], source.row_hash(row[0]) or "") for row in source.rows_after(0, 1000)]
    finally:
        source.close()


def fork_alerts(office_db, counter_id: str) -> list[tuple[str, int]]:
    with office_db.admin() as conn:
        return conn.execute("SELECT kind, position FROM office.alert WHERE counter_id = %s ORDER BY id",
                            (counter_id,)).fetchall()


def beranda_line(qtbot, outbox_state) -> str:
    from unittest.mock import MagicMock

    from services.clock import Clock
    from services.hosts.bankplus.service import BankingService
    from ui.errors import ErrorPresenter
    from ui.screens.home import HomeScreen
    from ui.worker import Worker

    banking = MagicMock(spec=BankingService)  # Beranda's month picker reads its clock; nothing is called
    banking.clock = Clock()
    home = HomeScreen(banking=banking, worker=Worker(), errors=ErrorPresenter())
    qtbot.addWidget(home)
    home.watch_office(SimpleNamespace(status=lambda: outbox_state), every_ms=60_000)
    return home.office_line.text()


def test_a_new_pc_under_the_old_counter_id_is_a_fork_at_position_1_and_nothing_is_merged(qtbot, office_db, tmp_path):
    old = make_counter(tmp_path / "old", 1, close=False)  # the PC died before Tutup Hari
    office_db.add_counter("K001")
    first = outbox(office_db, old.journal_path, "K001", old.folder)
    assert first.push().pending == 0
    first.close()
    held = office_rows(office_db, "K001")

    new = make_counter(tmp_path / "new", 6)  # Loket installed afresh, configured as K001
    sending = outbox(office_db, new.journal_path, "K001", new.folder)
    with pytest.raises(Forked) as forked:
        sending.push()
    sending.close()
    assert forked.value.position == 1 and sending.state.fork_at == 1
    assert office_rows(office_db, "K001") == held  # the office keeps the history it holds
    assert fork_alerts(office_db, "K001") == [("fork", 1)]
    line = beranda_line(qtbot, sending.state)
    assert "posisi 1" in line or "ke-1" in line
    assert "operator kantor" in line and "ID loket baru" in line, line


def test_a_profile_restored_from_an_older_backup_forks_where_it_writes_over_what_the_office_holds(
        qtbot, office_db, tmp_path):
    journal_path = tmp_path / "k" / "journal.db"
    journal_path.parent.mkdir()
    write_rows(journal_path, ["SATU", "DUA", "TIGA"], datetime(2026, 11, 21, 8, 0, tzinfo=WIB))
    backup = tmp_path / "backup"
    shutil.copytree(journal_path.parent, backup)  # the Friday backup of the profile (journal and its mark)
    write_rows(journal_path, ["EMPAT", "LIMA", "ENAM"], datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    office_db.add_counter("K002")
    sent = outbox(office_db, journal_path, "K002", journal_path.parent)
    assert sent.push().pending == 0
    sent.close()
    held = office_rows(office_db, "K002")
    assert len(held) == 6

    shutil.rmtree(journal_path.parent)  # the disk failed; the profile is restored from the backup
    shutil.copytree(backup, journal_path.parent)
    behind = outbox(office_db, journal_path, "K002", journal_path.parent)
    with pytest.raises(Forked) as forked:  # behind the office: nothing to send, nothing to merge
        behind.push()
    assert forked.value.position == 4
    behind.close()
    write_rows(journal_path, ["PEMBELI BARU"], datetime(2026, 11, 22, 8, 0, tzinfo=WIB))
    assert local_rows(journal_path)[3] != held[3]  # a new row 4, where the office holds another
    again = outbox(office_db, journal_path, "K002", journal_path.parent)
    with pytest.raises(Forked) as forked:
        again.push()
    again.close()
    assert forked.value.position == 4 and again.state.fork_at == 4
    assert office_rows(office_db, "K002") == held
    assert fork_alerts(office_db, "K002") == [("fork", 4)]
    line = beranda_line(qtbot, again.state)
    assert "ke-4" in line and "operator kantor" in line and "ID loket baru" in line, line

    listed = office_cli(office_db, "counters")
    assert listed.returncode == 0, listed.stderr
    assert "FORK at row 4" in listed.stdout, listed.stdout

    # The operator's way on: a new id for the restored PC, the old one retired. The restored
    # journal's rows 1-3 are K002's: the office takes them again under K002B, and says so.
    assert office_cli(office_db, "add-counter", "--counter-id", "K002B", stdin="pw-K002B\n").returncode == 0
    assert office_cli(office_db, "retire-counter", "--counter-id", "K002", "--replaced-by", "K002B").returncode == 0
    moved = outbox(office_db, journal_path, "K002B", journal_path.parent)
    assert moved.push().pending == 0 and moved.state.fork_at is None
    moved.close()
    assert office_rows(office_db, "K002") == held  # the retired id's copy stays as it arrived
    assert office_rows(office_db, "K002B") == local_rows(journal_path)
    lines = office_cli(office_db, "counters").stdout.splitlines()
    assert any(x.startswith("K002B (replaces K002; its rows 1-3 are also K002's") for x in lines), lines
    assert lines[-1].startswith("K002: RETIRED") and "FORK" not in lines[-1], lines
    # The consolidated report says so too: the same rows, the same history, counted under K002
    # only, which sent them first (none is SUCCESS: nothing the Laporan Z would count)
    day = report_csv(office_db, DAY, tmp_path / "day")
    assert not [r for r in day if r["section"] == "counted_twice"]
    copied = [r for r in day if r["section"] == "copy_not_counted"]
    assert [(r["counter_id"], r["count"], r["total"]) for r in copied] == [("K002B", "0", "0")], copied
    assert copied[0]["detail"].startswith("3 rows of the day are retired K002's"), copied
    pdf = office_cli(office_db, "report", "--date", DAY, "--format", "pdf", "--out", str(tmp_path / "pdf"))
    assert pdf.returncode == 0, pdf.stderr


def test_two_pcs_with_one_counter_id_are_a_fork_not_an_interleave_and_counters_shows_it(office_db, tmp_path):
    a_path, b_path = tmp_path / "a" / "journal.db", tmp_path / "b" / "journal.db"
    a_path.parent.mkdir()
    b_path.parent.mkdir()
    write_rows(a_path, ["SATU", "DUA"], datetime(2026, 11, 21, 8, 0, tzinfo=WIB))
    shutil.copy(a_path, b_path)  # the profile copied to a second PC, same counter id
    office_db.add_counter("K003")
    a = outbox(office_db, a_path, "K003", a_path.parent)
    b = outbox(office_db, b_path, "K003", b_path.parent)
    write_rows(b_path, ["B TIGA"], datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    assert b.push().pending == 0  # B sends first: the office holds B's row 3
    write_rows(a_path, ["A TIGA", "A EMPAT"], datetime(2026, 11, 21, 9, 5, tzinfo=WIB))
    for _ in range(2):  # A keeps trying, B keeps writing and sending
        with pytest.raises(Forked) as forked:
            a.push()
        assert forked.value.position == 3
        write_rows(b_path, ["B LAGI"], datetime(2026, 11, 21, 10, 0, tzinfo=WIB))
        assert b.push().pending == 0
    a.close()
    b.close()
    assert office_rows(office_db, "K003") == local_rows(b_path)  # one history, B's, whole
    assert fork_alerts(office_db, "K003") == [("fork", 3)]  # recorded once
    listed = office_cli(office_db, "counters")
    assert listed.returncode == 0, listed.stderr
    line = next(x for x in listed.stdout.splitlines() if x.startswith("K003"))
    assert "FORK at row 3" in line, line



def test_a_copied_profiles_second_pc_under_a_new_id_is_said_counted_twice_though_nothing_is_retired(
        office_db, tmp_path):
    """README's way for two PCs on one copied profile: the PC that stopped gets a new id, the
    other keeps the old one, nothing is retired. The new id's journal begins with the old id's
    rows: a copy (the same history) counts once, under the old id; a row whose history parted
    after the copy stays under both; counters and the report say which, as for a replacement."""
    a_path, b_path = tmp_path / "a" / "journal.db", tmp_path / "b" / "journal.db"
    a_path.parent.mkdir()
    b_path.parent.mkdir()
    write_rows(a_path, ["SATU", "DUA"], datetime(2026, 11, 21, 8, 0, tzinfo=WIB))
    shutil.copy(a_path, b_path)
    office_db.add_counter("K003")
    office_db.add_counter("K004")  # another counter, registered after the fork below: not a copy
    b = outbox(office_db, b_path, "K003", b_path.parent)
    write_rows(b_path, ["B TIGA"], datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
    assert b.push().pending == 0
    b.close()
    with Journal(b_path, clock=FixedClock(datetime(2026, 11, 21, 9, 30, tzinfo=WIB))) as journal:
        journal.transition(_reference(b_path, 1), State.FAILED, actor="system",
                           reason="jawaban host", error_code="14", error_message="ditolak")
    b = outbox(office_db, b_path, "K003", b_path.parent)
    assert b.push().pending == 0
    b.close()
    a = outbox(office_db, a_path, "K003", a_path.parent)
    with Journal(a_path, clock=FixedClock(datetime(2026, 11, 21, 9, 1, tzinfo=WIB))) as journal:
        # row 1's history parts from B's after the copy: settled here, failed there
        journal.transition(_reference(a_path, 1), State.SUCCESS, actor="system", reason="jawaban host")
    write_rows(a_path, ["A TIGA"], datetime(2026, 11, 21, 9, 5, tzinfo=WIB))
    with pytest.raises(Forked):
        a.push()
    a.close()
    assert office_cli(office_db, "add-counter", "--counter-id", "K003B", stdin="pw-K003B\n").returncode == 0
    other = make_counter(tmp_path / "k5", 5)
    office_db.add_counter("K005")
    five = outbox(office_db, other.journal_path, "K005", other.folder)
    assert five.push().pending == 0
    five.close()
    moved = outbox(office_db, a_path, "K003B", a_path.parent)
    assert moved.push().pending == 0
    moved.close()

    lines = office_cli(office_db, "counters").stdout.splitlines()
    assert any(x.startswith("K003B (its rows 1-2 are also K003's: counted once in the report, under K003 (rows"
                            " whose history parted since: under both)): heard")
               for x in lines), lines
    assert not [x for x in lines if x.startswith(("K003:", "K004", "K005")) and "also" in x], lines
    day = report_csv(office_db, DAY, tmp_path / "day")
    # row 2, the same history on both PCs, counts once, under K003; row 1, whose history
    # parted after the copy (SUCCESS under K003B, FAILED under K003), stays under both, said
    twice = [(r["counter_id"], r["count"], r["detail"]) for r in day if r["section"] == "counted_twice"]
    assert twice == [("K003B", "1", "the same rows as K003 (a restored or copied journal), their histories parted"
                                    " since: counted under both")]
    copied = [(r["counter_id"], r["count"]) for r in day if r["section"] == "copy_not_counted"]
    assert copied == [("K003B", "0")]
    pdf = office_cli(office_db, "report", "--date", DAY, "--format", "pdf", "--out", str(tmp_path / "pdf"))
    assert pdf.returncode == 0, pdf.stderr
    text = subprocess.run(["pdftotext", "-layout", pdf.stdout.strip(), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "K003B: 1 transaksi sama dengan K003" in text and "(pensiun)" not in text, text
    assert "K003B: 1 transaksi sama persis dengan K003: dihitung sekali, di K003" in " ".join(text.split()), text

def test_the_operator_retires_the_old_counter_id_for_the_new_pcs(office_db, tmp_path):
    old = make_counter(tmp_path / "old", 1, close=False)  # 21/11 sold, never sealed: the PC died
    office_db.add_counter("K001", name="Kios Pasar Baru")
    sent = outbox(office_db, old.journal_path, "K001", old.folder)
    assert sent.push().pending == 0
    sent.close()
    old_login = psycopg.connect(office_db.counter_dsn("K001"), autocommit=True)  # still open somewhere
    old_login.execute("SELECT office.push_open()")
    new = make_counter(tmp_path / "new", 6)

    made = office_cli(office_db, "add-counter", "--counter-id", "K001B", "--name", "Kios Pasar Baru",
                      stdin="pw-K001B\n")
    assert made.returncode == 0, made.stderr
    retired = office_cli(office_db, "retire-counter", "--counter-id", "K001", "--replaced-by", "K001B")
    assert retired.returncode == 0, retired.stdout + retired.stderr

    with pytest.raises(psycopg.OperationalError):  # the old login no longer logs in
        psycopg.connect(office_db.counter_dsn("K001"), connect_timeout=10).close()
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor writes, from a session it had open
        with old_login.transaction():
            with old_login.cursor().copy(ROWS_COPY) as staging:
                source = JournalSource(new.journal_path)
                staging.write_row(source.rows_after(0, 1)[0])
                source.close()
            old_login.execute("SELECT office.push_rows('K001')")
    assert old_login.execute("SELECT office.my_counter()").fetchone()[0] is None
    old_login.close()
    again = office_cli(office_db, "add-counter", "--counter-id", "K001", stdin="pw-new\n")
    assert again.returncode == 2 and "K001B" in again.stderr, again.stdout + again.stderr

    replacing = outbox(office_db, new.journal_path, "K001B", new.folder)
    assert replacing.push().pending == 0
    replacing.close()

    listed = office_cli(office_db, "counters")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[-1].startswith("K001 (Kios Pasar Baru): RETIRED") and "replaced by K001B" in lines[-1], lines
    assert any(x.startswith("K001B") and "replaces K001" in x for x in lines), lines

    day = report_csv(office_db, DAY, tmp_path / "day")
    unsealed = [r for r in day if r["section"] == "unsealed"]
    assert [r["counter_id"] for r in unsealed] == ["K001"]  # its last day stays unsealed
    assert "replaced by K001B" in unsealed[0]["detail"], unsealed
    closes = [r["counter_id"] for r in day if r["section"] == "counter_close"]
    assert closes == ["K001B"]
    pdf = office_cli(office_db, "report", "--date", DAY, "--format", "pdf", "--out", str(tmp_path / "pdf"))
    assert pdf.returncode == 0 and Path(pdf.stdout.strip()).read_bytes().startswith(b"%PDF"), pdf.stderr
    later = (date.today() + timedelta(days=1)).isoformat()  # after the retirement: K001 is gone
    after = report_csv(office_db, later, tmp_path / "later")
    assert "K001" not in {r["counter_id"] for r in after}, after
    assert [r["counter_id"] for r in after if r["section"] == "unsealed"] == ["K001B"]


def report_csv(office_db, day: str, out: Path) -> list[dict[str, str]]:
    done = office_cli(office_db, "report", "--date", day, "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    text = Path(done.stdout.strip()).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def copied_to_a_second_pc(office_db, kiosk, b_folder: Path, counter_id: str, sold: list[str]) -> None:
    """The kiosk's profile copied to a second PC; both sell on the 22nd (the kiosk ``sold``, the
    copy one row); the copy forks, gets ``counter_id`` + "B" and sends its whole journal."""
    shutil.copytree(kiosk.folder, b_folder)
    office_db.add_counter(counter_id)
    write_rows(kiosk.journal_path, sold, datetime(2026, 11, 22, 8, 0, tzinfo=WIB), paid=True)
    a = outbox(office_db, kiosk.journal_path, counter_id, kiosk.folder)
    assert a.push().pending == 0
    a.close()
    write_rows(b_folder / "journal.db", ["B SATU"], datetime(2026, 11, 22, 8, 10, tzinfo=WIB), paid=True)
    b = outbox(office_db, b_folder / "journal.db", counter_id, b_folder)
    with pytest.raises(Forked):
        b.push()
    b.close()
    copy_id = counter_id + "B"
    assert office_cli(office_db, "add-counter", "--counter-id", copy_id, stdin=f"pw-{copy_id}\n").returncode == 0
    b = outbox(office_db, b_folder / "journal.db", copy_id, b_folder)
    assert b.push().pending == 0
    b.close()


def test_a_copied_profiles_rows_and_laporan_z_count_once_under_the_counter_that_sent_them_first(office_db, tmp_path):
    """A kiosk's profile copied to a second PC after its Tutup Hari; both PCs sell the next
    morning; the copy forks, gets its own id and sends its whole journal: the sealed day's rows
    and its Laporan Z arrive again under the new id. The office counted them under both ids
    (the day's totals twice the kiosk's, the Z's twice over). Each transaction counts once,
    under the id that sent it first; the copy is listed, with why it is not counted."""
    kiosk = make_counter(tmp_path / "a", 1)  # 21/11 sold and sealed
    copied_to_a_second_pc(office_db, kiosk, tmp_path / "b", "K001", ["A SATU", "A DUA"])

    from services.office import report as office

    with office_db.admin() as conn:  # the fork is the office's alert; the report is read as it stands
        day = office.build(conn, DAY)
        next_day = office.build(conn, "2026-11-22")
    assert kiosk.z is not None
    z = kiosk.z.totals
    once = (z.count, z.amount, z.fee, z.total)
    assert tuple(day.totals)[:4] == once  # every transaction once: the kiosk's own Laporan Z
    assert tuple(day.z_totals)[:4] == once  # the same Laporan Z, sealed once, summed once
    first, copy = day.counters
    assert (first.counter_id, copy.counter_id) == ("K001", "K001B")
    assert first.matches_z and copy.matches_z  # each Z set beside what its id holds
    assert tuple(copy.totals)[:4] == (0, 0, 0, 0) and tuple(copy.copied)[:4] == once
    assert tuple(next_day.totals)[:4] == (3, 300_000, 7_500, 307_500)  # both PCs' own rows of the 22nd

    rows = report_csv(office_db, DAY, tmp_path / "day")
    office_total = next(r for r in rows if r["section"] == "office_total")
    assert (office_total["count"], office_total["total"]) == (str(z.count), str(z.total))
    copied = [r for r in rows if r["section"] == "copy_not_counted"]
    assert [(r["counter_id"], r["count"], r["total"]) for r in copied] == [("K001B", str(z.count), str(z.total))]
    assert "K001" in copied[0]["detail"] and "not counted" in copied[0]["detail"], copied
    close = next(r for r in rows if r["section"] == "counter_close" and r["counter_id"] == "K001B")
    assert "copy of K001's Laporan Z" in close["detail"] and "DIFFERS" not in close["detail"], close
    assert not [r for r in rows if r["section"] == "counted_twice"]
    pdf = office_cli(office_db, "report", "--date", DAY, "--format", "pdf", "--out", str(tmp_path / "pdf"))
    assert pdf.returncode == 0, pdf.stderr
    text = subprocess.run(["pdftotext", "-layout", pdf.stdout.strip(), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Salinan - tidak dihitung" in text and "dihitung sekali, di K001" in text, text


@pytest.mark.parametrize("settled", [False, True], ids=["still-open", "settled-after-the-seal"])
def test_a_copied_profiles_open_and_changed_rows_are_listed_once_under_the_counter_that_sent_them_first(
        office_db, tmp_path, settled):
    """The copy's rows still open (a SUSPECT payment of the sealed day), or settled after the seal
    before the profile was copied, were listed under both ids, and the PDF's 'transaksi
    menggantung' counted them twice: the office phoned two kiosks about one payment. Listed once,
    under the id that sent them first, as the totals count them."""
    kiosk = make_counter(tmp_path / "a", 4)  # 21/11 sealed, with a SUSPECT payment open at the seal
    if settled:
        with Journal(kiosk.journal_path, clock=FixedClock(datetime(2026, 11, 22, 7, 30, tzinfo=WIB))) as journal:
            (suspect,) = journal.open_rows()
            journal.transition(suspect.reference, State.SUCCESS, actor="system", reason="jawaban host")
    copied_to_a_second_pc(office_db, kiosk, tmp_path / "b", "K004", ["A SATU"])

    rows = report_csv(office_db, DAY, tmp_path / "day")
    listed = [(r["counter_id"], r["state"]) for r in rows if r["section"] in ("open", "changed_after_seal")]
    assert listed == ([("K004", "SUCCESS")] if settled else [("K004", "SUSPECT")])
    pdf = office_cli(office_db, "report", "--date", DAY, "--format", "pdf", "--out", str(tmp_path / "pdf"))
    assert pdf.returncode == 0, pdf.stderr
    text = " ".join(subprocess.run(["pdftotext", "-layout", pdf.stdout.strip(), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert f"{0 if settled else 1} transaksi menggantung" in text, text
    assert "K004B: " in text and "dihitung sekali, di K004" in text, text
