"""Tutup Hari with a payment still uncertain sends the agent where the counter settles it
everywhere else: Beranda, Transaksi Menggantung (the result of an uncertain payment, the
restart notice, Beranda's day). Laporan X said "Periksa statusnya di Riwayat", the approval
page "diperiksa dulu di Riwayat" and the Laporan Z on screen "diselesaikan di Riwayat": a
list of rows to search, where Cek status and Selesaikan sit a row's details away.

A sealed Laporan Z stays as sealed: these words are the screen's, said over the stored
report (``ReportView``); its paper, PDF and CSV never carried them."""

from __future__ import annotations

from tests.ui.test_dayclose_screens import SUPERVISOR_PIN, at_approval, wait_loaded
from tests.ui.uidrive import click
from ui.widgets.report_view import ReportView

SHIFT_OPEN = False  # Tutup Hari's own count, as tests/ui/test_dayclose_screens.py
WHERE = "Beranda, daftar Transaksi Menggantung"


def test_tutup_hari_names_transaksi_menggantung_not_riwayat(qtbot, shell, loket, context):
    screen = at_approval(qtbot, shell, loket, context)  # Laporan X read, the cash counted
    x_warning = screen.summary_page.report_view.open_warning.text()
    assert x_warning.startswith("1 transaksi menggantung (statusnya belum pasti).")
    assert WHERE in x_warning and "Riwayat" not in x_warning
    approval = screen.approval_page.approval_text.text()
    assert WHERE in approval and "Riwayat" not in approval

    qtbot.keyClicks(screen.approval_page.supervisor_pin, SUPERVISOR_PIN)
    qtbot.keyClicks(screen.approval_page.approval_reason, "host tidak menjawab, dicek besok")
    click(qtbot, screen.approval_page.approve_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    wait_loaded(qtbot, loket)
    report, _ = context.dayclose.z_report(screen.flow.business_date)
    assert len(report.open) == 1
    view = ReportView()  # Laporan Z as the Laporan screen shows it
    qtbot.addWidget(view)
    view.show_report(report)
    z_warning = view.open_warning.text()
    assert z_warning.startswith("1 transaksi masih menggantung saat hari ditutup (disetujui supervisor).")
    assert WHERE in z_warning and "Riwayat" not in z_warning
