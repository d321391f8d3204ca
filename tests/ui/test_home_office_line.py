"""Beranda's one line about the partner office says why rows wait, not only how many: an
office out of reach, or a journal that differs from the office's copy (the outbox stopped:
that needs the supervisor, not patience); and an old sync time carries its date."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from unittest.mock import MagicMock

from services.clock import WIB, FixedClock
from services.hosts.bankplus.service import BankingService
from services.office.outbox import NOT_STORED, REFUSED, UNVERIFIED, OutboxState
from ui.errors import ErrorPresenter
from ui.screens.home import HomeScreen
from ui.worker import Worker


def test_the_office_line_says_why_rows_wait(qtbot):
    banking = MagicMock(spec=BankingService)  # Beranda reads its clock; nothing is called
    banking.clock = FixedClock(datetime(2026, 12, 5, 15, 0, tzinfo=WIB))
    home = HomeScreen(banking=banking, worker=Worker(), errors=ErrorPresenter())
    qtbot.addWidget(home)
    box = SimpleNamespace(state=OutboxState())
    home.watch_office(SimpleNamespace(status=lambda: box.state), every_ms=60_000)

    def line(**state) -> str:
        box.state = OutboxState(**state)
        home.show_office()
        return home.office_line.text()

    today, yesterday = "2026-12-05T14:05:09.000+07:00", "2026-12-04T20:41:00.000+07:00"
    assert line(pending=0, last_sync=today) == "Tersinkron 14:05"
    assert line(pending=0, last_sync=yesterday) == "Tersinkron 04/12/2026 20:41 WIB"
    assert line(pending=3, last_sync=today) == "3 transaksi belum terkirim ke kantor"
    assert line(pending=3, last_sync=today, error="OperationalError") == \
        "3 transaksi belum terkirim ke kantor: kantor belum terjangkau"
    assert line(pending=None, last_sync=today) == "Terakhir tersinkron 14:05"  # the journal unreadable now
    assert line(error="OperationalError") == "Belum tersinkron: kantor belum terjangkau"
    # a refused login or an unverifiable certificate does not pass with time: whom to ask
    assert line(pending=3, last_sync=today, error=REFUSED) == (
        "3 transaksi belum terkirim ke kantor: kantor menolak loket ini; minta supervisor memeriksa Koneksi Host")
    # a row the office refused (its alert says why): the office's operator, not patience
    assert line(pending=3, last_sync=today, error=NOT_STORED) == (
        "3 transaksi belum terkirim ke kantor: kantor menolak sebagian catatan loket ini; hubungi operator kantor")
    assert line(error=UNVERIFIED) == (
        "Belum tersinkron: koneksi ke kantor tidak aman; minta supervisor memeriksa Koneksi Host")
    # a second history under this counter id: what to ask the office's operator for
    assert line(pending=12, last_sync=yesterday, fork_at=5, error="row 5: the local journal differs") == (
        "Riwayat di loket ini berbeda dengan yang disimpan kantor untuk ID loket ini (mulai transaksi ke-5); "
        "tidak ada lagi yang dikirim ke kantor. Minta operator kantor mendaftarkan PC ini dengan ID loket baru, "
        "lalu supervisor mengisi ID dan kata sandinya di Pengaturan > Koneksi Host > Kantor mitra dan membuka "
        "ulang Loket.")
    assert "(mulai catatan status ke-7)" in line(fork_at=7, error="event 7: the local journal differs")
    # the longest of them wraps rather than asking Beranda for its whole width, so its end
    # ("membuka ulang Loket") is never cut off (it was, at 1024 px and at 125 %)
    office = home.office_line
    assert office.minimumSizeHint().width() < office.fontMetrics().horizontalAdvance(office.text()) / 4


def test_a_fork_reads_as_a_warning_not_as_the_muted_sync_time(qtbot, qapp):
    """The fork stops every sending until the supervisor acts: it is drawn in the app's amber
    warning strip (the style sheet's ``#banner[kind="warning"]``, as the backup's warning), not
    in the grey of "Tersinkron 14:05"; and back to grey once the office took the history."""
    from PySide6.QtGui import QColor

    from app.gui import load_style

    qapp.setStyleSheet(load_style())
    banking = MagicMock(spec=BankingService)
    banking.clock = FixedClock(datetime(2026, 12, 5, 15, 0, tzinfo=WIB))
    home = HomeScreen(banking=banking, worker=Worker(), errors=ErrorPresenter())
    qtbot.addWidget(home)
    box = SimpleNamespace(state=OutboxState(pending=0, last_sync="2026-12-05T14:05:09.000+07:00"))
    home.watch_office(SimpleNamespace(status=lambda: box.state), every_ms=60_000)
    home.resize(900, 700)
    home.show()
    amber = QColor("#fff4e0").rgb()

    def amber_pixels() -> int:
        qapp.processEvents()
        image = home.office_line.grab().toImage()
        return sum(image.pixel(x, y) == amber for x in range(0, image.width(), 4) for y in range(image.height()))

    assert amber_pixels() == 0  # "Tersinkron 14:05": muted, no strip
    box.state = OutboxState(pending=12, fork_at=5, error="row 5: the local journal differs")
    home.show_office()
    assert home.office_line.text().startswith("Riwayat di loket ini berbeda")
    assert amber_pixels() > 100
    assert home.office_line.palette().windowText().color() == QColor("#7a4a00")  # the warning's text colour
    box.state = OutboxState(pending=0, last_sync="2026-12-05T14:05:09.000+07:00")
    home.show_office()
    assert amber_pixels() == 0
