"""Cadangan jurnal through the screens: Beranda's one line, Pengaturan > Cadangan Jurnal (the
folder, its weak default, a copy now) and the copy after Tutup Hari, which an unplugged
flashdisk never turns into a failed day close."""

from __future__ import annotations

import json
from datetime import datetime
from unittest.mock import MagicMock

from services.backup import JournalBackup
from services.clock import WIB, FixedClock
from services.hosts.bankplus.service import BankingService
from services.journal import Journal
from services.profile import Profile
from tests.ui.test_dayclose_screens import count_cash, start_close
from tests.ui.uidrive import click
from tests.unit.test_journal_backup import pay, seal_day
from ui.errors import ErrorPresenter
from ui.screens.home import HomeScreen
from ui.worker import Worker

TIMEOUT = 15_000


def beranda(qtbot, profile: Profile, journal: Journal, clock: FixedClock) -> tuple[HomeScreen, Worker, JournalBackup]:
    """Beranda watching the journal's copies (its status read in a worker of its own)."""
    banking = MagicMock(spec=BankingService)  # Beranda reads its clock; nothing is called
    banking.clock = clock
    worker = Worker()
    backup = JournalBackup(profile, journal.path, sandbox=True, clock=clock, journal=journal)
    home = HomeScreen(banking=banking, worker=worker, errors=ErrorPresenter())
    qtbot.addWidget(home)
    home.watch_backup(backup, every_ms=600_000)
    return home, worker, backup


def test_beranda_says_when_the_last_copy_was_made_and_warns_in_amber(qtbot, tmp_path):
    clock = FixedClock(datetime(2026, 12, 6, 21, 3, tzinfo=WIB))
    profile = Profile(tmp_path / "profile")
    with Journal(profile.journal_for(sandbox=True), clock=clock) as journal:
        home, worker, backup = beranda(qtbot, profile, journal, clock)

        def shown(text: str, kind: str) -> None:
            home.load_backup()
            qtbot.waitUntil(lambda: worker.running == 0 and home.backup_text()[0].replace("\u200b", "") == text,
                            timeout=TIMEOUT)
            assert home.backup_text()[1] == (kind == "warning")
            if kind:
                assert home.backup_warning.property("kind") == kind  # the amber banner

        shown("Belum ada cadangan jurnal: dibuat otomatis sesudah Tutup Hari", "")
        pay(journal)
        shown("Belum ada cadangan jurnal: dibuat otomatis sesudah Tutup Hari", "")  # the first day, before its close
        seal_day(journal, clock)
        shown("Belum ada cadangan jurnal. Minta supervisor membuatnya di Pengaturan > Cadangan Jurnal.", "warning")
        backup.run()
        shown("Cadangan terakhir 06/12 21:03", "")
        for _day in range(2):  # a day closed, its copy not made; another begun
            clock.advance(86_400)
            pay(journal)
            seal_day(journal, clock)
        shown("Cadangan jurnal terakhir 06/12 21:03: Tutup Hari sesudahnya belum dicadangkan. Minta supervisor "
              "membuatnya di Pengaturan > Cadangan Jurnal.", "warning")
        usb = tmp_path / "usb"
        usb.mkdir()
        backup.save_folder(str(usb))
        backup.run()
        usb.rename(tmp_path / "usb-out")
        shown(f"Folder cadangan jurnal tidak dapat dijangkau ({usb}): pasang flashdisk atau disk cadangannya. "
              "Cadangan terakhir 08/12 21:03.", "warning")


def test_beranda_says_a_recorded_copy_is_not_of_a_restored_journal(qtbot, tmp_path):
    """After a restore from an older copy, backup.json names the newest copy, of the history
    that was lost (tests/unit/test_journal_backup.py): Beranda says so, in amber, instead of
    "Cadangan terakhir" of a copy this journal is not."""
    clock = FixedClock(datetime(2026, 12, 9, 8, 0, tzinfo=WIB))
    profile = Profile(tmp_path / "profile")
    with Journal(profile.journal_for(sandbox=True), clock=clock) as journal:
        pay(journal)  # the restored journal: one row, no sealed day
        # what backup.json kept from before the restore: a copy holding Laporan Z 2 and 7 rows
        journal.path.with_name("backup.json").write_text(json.dumps({
            "path": str(tmp_path / "Loket-cadangan" / "loket-jurnal-loket-sandbox-20261208-210300.db"),
            "at": "2026-12-08T21:03:00.000+07:00", "rows": 7, "events": 21, "row_hash": "ab" * 32, "report_no": 2}))
        home, worker, _backup = beranda(qtbot, profile, journal, clock)
        text = ("Cadangan yang tercatat (08/12 21:03) bukan salinan jurnal ini: jurnal dipulihkan dari cadangan yang "
                "lebih lama? Belum ada cadangan jurnal ini. Minta supervisor membuatnya di Pengaturan > Cadangan "
                "Jurnal.")
        qtbot.waitUntil(lambda: worker.running == 0 and home.backup_text()[0].replace("\u200b", "") == text,
                        timeout=TIMEOUT)
        assert home.backup_text()[1] and home.backup_warning.property("kind") == "warning"


def open_backup_settings(qtbot, shell):
    click(qtbot, shell._nav["backup_settings"])
    screen = shell.screen("backup_settings")
    assert screen.requires_supervisor
    qtbot.waitUntil(lambda: screen.view is not None, timeout=TIMEOUT)
    return screen


def settle(qtbot, screen):
    qtbot.waitUntil(lambda: screen.worker.running == 0 and screen.banner.isVisible(), timeout=TIMEOUT)


def test_the_settings_say_the_default_folder_is_weak_and_a_flashdisk_is_chosen(qtbot, shell, context, tmp_path):
    screen = open_backup_settings(qtbot, shell)
    default = context.profile.folder.parent / "Loket-cadangan"
    assert screen.folder.text() == "" and screen.folder.placeholderText() == (
        "kosong = folder bawaan, di samping folder profil")
    assert screen.where.text().replace("\u200b", "") == f"Salinan disimpan di {default}"
    assert screen.same_disk.isVisible() and "disk yang sama dengan jurnal" in screen.same_disk.text()
    assert screen.last.text() == "Belum ada cadangan yang terperiksa."
    # a folder that is not there is refused at the field, in words
    screen.folder.setText(str(tmp_path / "E-flashdisk"))
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and screen.field("backup.folder").error.isVisible(),
                    timeout=TIMEOUT)
    assert "Folder tidak ditemukan" in screen.field("backup.folder").error.text()
    assert "backup" not in context.profile.load_settings()
    # chosen in the folder dialog, saved
    usb = tmp_path / "usb"
    usb.mkdir()
    screen.choose_folder = lambda parent, title: str(usb)
    click(qtbot, screen.choose_button)
    assert screen.folder.text() == str(usb)
    click(qtbot, screen.save_button)
    settle(qtbot, screen)
    assert screen.banner.text() == "Folder cadangan tersimpan."
    assert context.profile.load_settings()["backup"]["folder"] == str(usb)
    # and a copy now, checked
    click(qtbot, screen.backup_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0 and "Cadangan dibuat" in screen.banner.text(),
                    timeout=TIMEOUT)
    [copy] = list(usb.iterdir())
    assert copy.name.startswith("loket-jurnal-") and str(copy) in screen.banner.text()
    assert screen.last.text().startswith("Cadangan terakhir: ")


def test_the_day_close_copies_the_journal_after_the_seal(qtbot, shell, loket, context):
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "0")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    line = screen.sealed_page.backup_line
    qtbot.waitUntil(lambda: line.text().startswith("Jurnal dicadangkan dan diperiksa: "), timeout=TIMEOUT)
    folder = context.profile.folder.parent / "Loket-cadangan"
    [copy] = list(folder.iterdir())
    assert line.text().replace("\u200b", "").endswith(str(copy)) and line.property("kind") == "success"


def test_an_unplugged_flashdisk_is_said_and_the_day_is_closed_all_the_same(qtbot, shell, loket, context, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = JournalBackup(context.profile, context.journal.path, sandbox=context.sandbox)
    backup.save_folder(str(usb))
    usb.rmdir()  # taken out before the close
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "0")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    line = screen.sealed_page.backup_line
    qtbot.waitUntil(lambda: line.property("kind") == "warning", timeout=TIMEOUT)
    assert line.text() == (
        f"Hari tetap ditutup, tetapi jurnal belum dicadangkan. Folder cadangan {usb} tidak dapat dijangkau: "
        "flashdisk atau disk cadangan belum terpasang? Pasang, lalu buat cadangan di Pengaturan > Cadangan Jurnal. "
        "Cadangan yang lama tetap ada.")
    assert context.dayclose.is_sealed(screen.flow.business_date)
    assert screen.sealed_page.report_number.text() == "No. 0001"


def test_the_backup_folder_is_changed_only_after_the_supervisor_pin(qtbot, shell, context):
    from services.dayclose.supervisor import OPEN_SETTINGS
    from ui.widgets.supervisor import SupervisorAnswer

    supervisors = context.dayclose.supervisors
    supervisors.set_pin("Budi Santoso", "246810")
    gate = shell.counter.gate
    gate.has_supervisor = True
    before = shell.current_screen()
    gate.ask = lambda *args: None  # Batal: no PIN
    click(qtbot, shell._nav["backup_settings"])
    qtbot.wait(200)
    assert shell.current_screen() is before
    gate.ask = lambda *args: SupervisorAnswer("246810")
    click(qtbot, shell._nav["backup_settings"])
    qtbot.waitUntil(lambda: shell.current_screen() is shell.screen("backup_settings"), timeout=TIMEOUT)
    opened = supervisors.approvals()[-1]
    assert (opened.action, opened.approver, opened.subject) == (OPEN_SETTINGS, "Budi Santoso", "backup_settings")
