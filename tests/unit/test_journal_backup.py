"""Cadangan jurnal (services/backup.py) with real files: a consistent, verified copy beside
a journal that keeps taking payments; named by counter and time; the newest copies kept; a
folder that is gone, or a copy that does not verify, leaves the good copies as they were."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from services.backup import BackupFailed, JournalBackup, check_copy
from services.clock import FixedClock
from services.dayclose import DayCloseService
from services.errors import UserInputError
from services.journal import Journal, State
from services.profile import Profile
from tests.integration import test_late_settlement as settlement


def pay(journal: Journal, amount: int = 150_000, customer: str = "5550001100") -> str:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=amount, fee=0,
                  operator="BNIUS100294", customer_ref=customer, customer_name="SITI RAHAYU",
                  request={"toAccount": customer, "amount": str(amount), "pin_transaksi": "359569"})
    journal.transition(ref, State.SENT, actor="BNIUS100294", reason="dikirim")
    journal.transition(ref, State.SUCCESS, actor="system", reason="jawaban", host_ref="BLB1")
    return ref


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    profile = Profile(tmp_path / "profile")
    profile.save_settings({**profile.load_settings(), "mode": "live", "hosts": {"office": {"counter_id": "K001"}}})
    return profile


@pytest.fixture
def journal(profile: Profile, clock: FixedClock):
    with Journal(profile.journal_for(sandbox=False), clock=clock) as journal:
        yield journal


def service(profile: Profile, journal: Journal, clock: FixedClock) -> JournalBackup:
    return JournalBackup(profile, journal.path, sandbox=False, clock=clock, journal=journal)


def copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_backup_is_one_verified_file_named_by_counter_and_time(profile, journal, clock, tmp_path):
    for i in range(3):
        pay(journal, 100_000 + i, customer=f"55500011{i:02d}")
    backup = service(profile, journal, clock)
    result = backup.run()
    # beside the profile by default (the settings screen says that is weak), one file, no -wal
    assert result.path.parent == tmp_path / "Loket-cadangan"
    assert copies(result.path.parent) == ["loket-jurnal-K001-20261121-140500.db"]
    verified, problems = check_copy(result.path)
    assert problems == [] and str(verified) == "OK 3 rows"
    assert (result.rows, result.events) == (3, 9)
    if os.name == "posix":  # customers' names and accounts: readable by the profile's user alone
        assert result.path.stat().st_mode & 0o777 == 0o600
    assert backup.last_at() == clock.now()
    # the copy opens as a journal: what a helpdesk restores
    restored = tmp_path / "restore" / "journal.db"
    restored.parent.mkdir()
    restored.write_bytes(result.path.read_bytes())
    with Journal(restored, clock=clock) as again:
        assert again.count() == 3 and again.verify().ok


def test_a_payment_during_the_copy_is_written_at_once(profile, journal, clock):
    for i in range(300):
        pay(journal, 10_000 + i, customer=f"5550{i:06d}")
    backup = service(profile, journal, clock)
    inside, paid = threading.Event(), threading.Event()
    steps: list[int] = []

    def step(remaining: int, total: int) -> None:
        steps.append(remaining)
        if len(steps) == 1:
            inside.set()
            paid.wait(10)  # the copy holds its snapshot here while the counter pays

    done: dict[str, object] = {}
    thread = threading.Thread(target=lambda: done.update(result=backup.run(step_pages=2, on_step=step)))
    thread.start()
    assert inside.wait(10)
    started = time.monotonic()
    reference = pay(journal, 77_000, customer="5559999999")
    took = time.monotonic() - started
    paid.set()
    thread.join(30)
    assert took < 1.0, f"a payment waited {took:.1f} s for the backup"
    assert journal.get(reference).state is State.SUCCESS
    assert len(steps) > 3 and steps == sorted(steps, reverse=True)  # in steps, never started over
    result = done["result"]
    verified, problems = check_copy(result.path)  # type: ignore[attr-defined]
    assert problems == [] and str(verified) == "OK 300 rows"  # the snapshot at the copy's start
    assert journal.count() == 301


def test_the_newest_copies_stay_and_nothing_else_is_touched(profile, journal, clock, tmp_path):
    settings = profile.load_settings()
    profile.save_settings({**settings, "backup": {"keep": 3}})
    backup = service(profile, journal, clock)
    folder = backup.folder()
    folder.mkdir()
    (folder / "catatan.txt").write_text("jangan dihapus")
    (folder / "loket-jurnal-K002-20261101-210000.db").write_bytes(b"another counter's")
    made = []
    for _day in range(5):
        pay(journal)
        made.append(backup.run().path.name)
        clock.advance(86_400)
    assert copies(folder) == sorted(["catatan.txt", "loket-jurnal-K002-20261101-210000.db", *made[-3:]])


def test_an_unplugged_folder_says_so_and_the_day_goes_on(profile, journal, clock, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = service(profile, journal, clock)
    backup.save_folder(str(usb))
    pay(journal)
    first = backup.run()
    usb.rename(tmp_path / "usb-in-the-drawer")  # the flashdisk taken out
    clock.advance(86_400)
    pay(journal)
    with pytest.raises(BackupFailed) as refused:
        backup.run()
    assert refused.value.message == (
        f"Folder cadangan {usb} tidak dapat dijangkau: flashdisk atau disk cadangan belum terpasang? Pasang, lalu "
        "buat cadangan di Pengaturan > Cadangan Jurnal. Cadangan yang lama tetap ada.")
    outcome = backup.after_close()  # the day close's: never raises
    assert outcome.result is None and "tidak dapat dijangkau" in outcome.error.message
    assert backup.last_at() == datetime_of(first.at)
    status = backup.status()
    assert not status.reachable and status.warning


def datetime_of(text: str):
    from datetime import datetime

    return datetime.fromisoformat(text)


def test_a_copy_that_does_not_verify_replaces_nothing(profile, clock, tmp_path):
    path = profile.journal_for(sandbox=False)
    with Journal(path, clock=clock) as journal:
        for i in range(5):
            pay(journal, 98_765 if i == 2 else 150_000, customer=f"55500011{i:02d}")
        backup = service(profile, journal, clock)
        good = backup.run()
    data = bytearray(path.read_bytes())
    at = data.find(b'"amount":"98765"')
    data[at + len(b'"amount":"')] = ord("1")  # an old row changed in the file
    path.write_bytes(bytes(data))
    clock.advance(3600)
    backup = JournalBackup(profile, path, sandbox=False, clock=clock)
    with pytest.raises(BackupFailed) as refused:
        backup.run()
    assert refused.value.message.startswith("Salinan jurnal tidak lolos pemeriksaan (row 3 ")
    # The failed copy is kept as evidence under a name no copy has, its reason beside it.
    failed = good.path.with_name("loket-jurnal-K001-20261121-150500.db.GAGAL")  # an hour after the good copy
    assert copies(good.path.parent) == [good.path.name, failed.name, failed.name + ".txt"]  # no .part
    assert f"Salinan yang gagal disimpan sebagai bukti ({failed.name})" in refused.value.message
    reason = (failed.parent / (failed.name + ".txt")).read_text(encoding="utf-8")
    assert reason.startswith("Salinan jurnal ini GAGAL diperiksa dan BUKAN cadangan yang baik. Jangan dipulihkan.")
    assert "- row 3 " in reason
    assert check_copy(failed)[1][0].startswith("row 3 ")  # what the helpdesk's --check says of it too
    assert backup.last_at() == datetime_of(good.at)  # never counted as a copy

    for _try in range(3):  # it keeps failing: only the newest two failed copies stay
        clock.advance(3600)
        with pytest.raises(BackupFailed):
            backup.run()
    assert copies(good.path.parent) == [good.path.name,
                                        "loket-jurnal-K001-20261121-170500.db.GAGAL",
                                        "loket-jurnal-K001-20261121-170500.db.GAGAL.txt",
                                        "loket-jurnal-K001-20261121-180500.db.GAGAL",
                                        "loket-jurnal-K001-20261121-180500.db.GAGAL.txt"]
    assert backup.last_at() == datetime_of(good.at)


def test_check_copy_names_what_is_wrong(profile, journal, clock, tmp_path):
    pay(journal)
    good = service(profile, journal, clock).run()
    assert check_copy(good.path)[1] == []
    (tmp_path / "notes.db").write_text("not a journal")
    assert check_copy(tmp_path / "notes.db")[1] == ["not a SQLite file"]
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    assert check_copy(other)[1][0].startswith("schema: missing table txn")


def test_the_folder_a_supervisor_saves(profile, journal, clock, tmp_path):
    backup = service(profile, journal, clock)
    view = backup.load()
    assert view.folder == "" and view.effective == tmp_path / "Loket-cadangan" and view.same_disk
    for text, words in ((str(tmp_path / "gone"), "Folder tidak ditemukan"),
                        (str(profile.folder / "logs"), "di luar folder profil"),
                        ("cadangan", "alamat folder lengkap")):
        (profile.folder / "logs").mkdir(exist_ok=True)
        with pytest.raises(UserInputError) as refused:
            backup.save_folder(text)
        assert words in refused.value.message and refused.value.field == "backup.folder"
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.save_folder(f"  {usb}  ")
    assert backup.folder() == usb and profile.load_settings()["backup"]["folder"] == str(usb)
    backup.save_folder("")
    assert backup.folder() == tmp_path / "Loket-cadangan"


def seal_day(journal: Journal, clock: FixedClock) -> None:
    """Tutup Hari of the journal's current business day (an empty drawer counted: the
    difference approved by the supervisor)."""
    with DayCloseService(journal, clock=clock) as days:
        if not days.supervisors.names():
            days.supervisors.set_pin("Budi Santoso", settlement.PIN)
        settlement.close(days, 0, approve=True)


def test_beranda_is_warned_when_a_sealed_day_has_no_copy(profile, journal, clock):
    """Stale is counted in sealed days: a copy is due after each Tutup Hari. A first day before
    its first close is not warned (there was nothing a copy could have been made after), and a
    clock put back plays no part."""
    backup = service(profile, journal, clock)
    assert not backup.status().stale  # an empty journal: nothing to lose yet
    pay(journal)
    assert not backup.status().stale  # the first day, before its Tutup Hari
    seal_day(journal, clock)
    assert backup.status().stale  # sealed, and no copy at all: the flashdisk was out
    backup.run()
    assert not backup.status().warning
    clock.advance(86_400)
    pay(journal)  # the next business day: the copy made after the last close still counts
    assert not backup.status().stale
    seal_day(journal, clock)
    assert backup.status().stale  # that close's copy failed
    clock.jump(-30 * 86_400)  # a CMOS battery: the clock does not make a stale copy fresh
    backup.run()
    assert not backup.status().stale


def test_a_restore_reads_as_lost_rows_until_the_helpdesk_deletes_the_mark(profile, clock):
    """README "Restoring a copy": the restored (older) journal is refused while the mark says
    more rows existed; deleting the mark with it is the deliberate step that takes it as it is."""
    from services.journal.integrity import JournalDamaged, mark_path

    path = profile.journal_for(sandbox=False)
    with Journal(path, clock=clock) as journal:
        for i in range(3):
            pay(journal, customer=f"55500011{i:02d}")
        copy = service(profile, journal, clock).run().path
        for i in range(2):
            pay(journal, customer=f"55500022{i:02d}")
    for leftover in (path.with_name("journal.db-wal"), path.with_name("journal.db-shm")):
        leftover.unlink(missing_ok=True)
    path.write_bytes(copy.read_bytes())
    with pytest.raises(JournalDamaged) as refused:
        Journal(path, clock=clock)
    assert refused.value.message == "Jurnal berisi 3 transaksi, padahal tercatat 5: ada transaksi yang hilang."
    mark_path(path).unlink()
    with Journal(path, clock=clock) as restored:
        assert restored.count() == 3 and restored.verify().ok


def test_after_a_restore_a_recorded_copy_of_a_later_journal_is_not_taken_for_this_ones(profile, clock):
    """README "Restoring a copy": the helpdesk puts an older copy in place; ``backup.json``
    still names the newest copy, made of the history that was lost. Beranda said "Cadangan
    terakhir" of that copy and nothing was stale; now it says that the copy recorded is not of
    this journal, and warns until a copy of this one is made."""
    from services.journal.integrity import mark_path

    path = profile.journal_for(sandbox=False)
    with Journal(path, clock=clock) as journal:
        backup = service(profile, journal, clock)
        pay(journal, customer="5550001101")
        seal_day(journal, clock)
        older = backup.run()  # Laporan Z 1
        clock.advance(86_400)
        pay(journal, customer="5550001102")
        seal_day(journal, clock)
        newest = backup.run()  # Laporan Z 2: what backup.json names
    for leftover in (path.with_name("journal.db-wal"), path.with_name("journal.db-shm")):
        leftover.unlink(missing_ok=True)
    path.write_bytes(older.path.read_bytes())
    mark_path(path).unlink()
    clock.advance(86_400)
    with Journal(path, clock=clock) as restored:
        backup = service(profile, restored, clock)
        status = backup.status()
        assert status.other_journal_at == datetime_of(newest.at) and status.last_at is None
        assert status.stale and status.warning  # Laporan Z 1 is in no copy known to be of this journal
        assert backup.last_at() is None  # the settings screen says no copy either
        pay(restored, customer="5550001103")  # the restored journal goes on: a row 2 of its own
        assert backup.status().other_journal_at == datetime_of(newest.at)
        made = backup.run()
        status = backup.status()
        assert (status.last_at, status.other_journal_at, status.warning) == (datetime_of(made.at), None, False)


def test_a_restore_of_the_copy_recorded_is_that_copy(profile, clock):
    from services.journal.integrity import mark_path

    path = profile.journal_for(sandbox=False)
    with Journal(path, clock=clock) as journal:
        backup = service(profile, journal, clock)
        pay(journal)
        seal_day(journal, clock)
        copy = backup.run()
    for leftover in (path.with_name("journal.db-wal"), path.with_name("journal.db-shm")):
        leftover.unlink(missing_ok=True)
    path.write_bytes(copy.path.read_bytes())
    mark_path(path).unlink(missing_ok=True)
    with Journal(path, clock=clock) as restored:
        status = service(profile, restored, clock).status()
        assert (status.last_at, status.other_journal_at, status.warning) == (datetime_of(copy.at), None, False)
