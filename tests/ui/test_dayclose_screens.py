"""End of day through the screens: Buka Shift & Kas, Laporan X, Tutup Hari, Laporan Harian,
Supervisor — the real app over the in-process sandbox, dialogs injected."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from app.gui import translations_dir
from services.journal import State
from services.reports import Movement
from tests.ui.uidrive import PIN, USERNAME, click, focused, key, type_text
from ui import i18n
from ui.models.report import MovementModel, SummaryModel, summary_lines
from ui.widgets.report_view import ReportView
from ui.widgets.supervisor import SupervisorAnswer

SHIFT_OPEN = False  # these tests open the day's shift through its screen

SUPERVISOR_PIN = "482916"


def open_screen(qtbot, shell, screen_id: str):
    click(qtbot, shell._nav[screen_id])
    screen = shell.screen(screen_id)
    assert shell.current_screen() is screen
    return screen


def wait_loaded(qtbot, loket) -> None:
    qtbot.waitUntil(lambda: loket.worker.running == 0, timeout=10_000)


def open_shift(qtbot, shell, loket, amount="500000"):
    screen = open_screen(qtbot, shell, "shift")
    qtbot.waitUntil(lambda: screen.loaded, timeout=10_000)
    assert screen.pages.currentWidget() is screen.open_page
    qtbot.keyClicks(screen.opening_float, amount)
    click(qtbot, screen.open_button)
    assert screen.readback.isVisible() and "— benar?" in screen.readback_text.text()  # read back first
    click(qtbot, screen.confirm_button)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.shift_page, timeout=10_000)
    return screen


def record(qtbot, screen, loket, kind: str, amount: str, reason: str) -> None:
    screen.ask_confirm = lambda parent, title, text: True  # read back: yes
    screen.kind.setCurrentIndex(screen.kind.findData(kind))
    screen.amount.clear()
    qtbot.keyClicks(screen.amount, amount)
    screen.reason.clear()
    qtbot.keyClicks(screen.reason, reason)
    click(qtbot, screen.record_button)
    wait_loaded(qtbot, loket)


def deposit(context, amount=250_000) -> None:
    context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=amount, narration="tabungan", pin=PIN)


def suspect_row(context) -> str:
    """A payment whose answer never came: NEW -> SENT -> SUSPECT, as the runner writes it."""
    journal = context.journal
    ref = journal.next_reference()
    journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="bills", amount=98_000,
                  fee=2_500, operator="BNIUS100294", request={"customer": "5391000123"}, customer_ref="5391000123",
                  customer_name="SITI AMINAH")
    journal.transition(ref, State.SENT, actor="BNIUS100294", reason="dikirim ke host")
    journal.transition(ref, State.SUSPECT, actor="system", reason="waktu habis")
    return ref


def count_cash(qtbot, screen, loket, amount: str) -> None:
    click(qtbot, screen.summary_page.count_button)
    assert screen.page == "count"
    screen.count_page.counted.clear()
    qtbot.keyClicks(screen.count_page.counted, amount)
    click(qtbot, screen.count_page.enter_button)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=10_000)


def start_close(qtbot, shell, loket):
    screen = open_screen(qtbot, shell, "day_close")
    screen.ask_confirm = lambda *args: True  # "Tutup hari?": yes
    screen.ask_supervisor = lambda *args: None  # a difference's approval: Batal unless a test answers it
    qtbot.waitUntil(lambda: not screen.loading, timeout=15_000)
    wait_loaded(qtbot, loket)
    return screen


# -- models, without a window ----------------------------------------------------------
def test_movement_model_shows_signed_amounts_and_slip_numbers(qtbot):
    model = MovementModel(lambda m: f"KAS-{m.id:05d}")
    model.set_rows([Movement(1, "09:10", "pay_out", "Pengeluaran Kas (Pay-out)", -25_000, "beli kertas", "kasir"),
                    Movement(2, "09:20", "pay_in", "Tambah Kas (Pay-in)", 100_000, "uang kecil", "kasir")])
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert [model.text(0, c) for c in range(6)] == ["09:10", "Pengeluaran Kas (Pay-out)", "−Rp 25.000",
                                                    "beli kertas", "kasir", "KAS-00001"]
    assert model.text(1, 2) == "+Rp 100.000"


def test_summary_model_groups_products_and_totals(qtbot, context):
    deposit_day = context.dayclose.x_report()  # an empty day still has a total line
    model = SummaryModel()
    model.show_report(deposit_day)
    assert [line.kind for line in summary_lines(deposit_day)] == ["total"]
    assert model.text(0, 0) == "Total" and model.text(0, 4) == "Rp 0"


# -- Buka Shift & Kas ------------------------------------------------------------------
def test_open_shift_and_record_a_pay_out_with_its_slip(qtbot, shell, loket, context):
    screen = open_shift(qtbot, shell, loket)
    assert "Rp\u00a0500.000" in screen.shift_info.text()  # no-break space: "Rp" never wraps alone
    assert context.dayclose.shifts.current().opening_float == 500_000

    # the reason is required, at its field
    record(qtbot, screen, loket, "pay_out", "25000", "")
    assert screen.field("reason").error.isVisible()
    assert screen.movements.rowCount() == 0

    record(qtbot, screen, loket, "pay_out", "25000", "beli kertas struk")
    assert screen.movements.rowCount() == 1
    assert screen.movements.text(0, 2) == "−Rp 25.000"
    assert "SLIP KAS" in screen.slip.toPlainText() and "Rp 25.000" in screen.slip.toPlainText()
    assert "beli kertas struk" in screen.slip.toPlainText()
    assert "tercatat" in screen.banner.text()
    assert [m.amount for m in context.dayclose.shifts.movements(context.dayclose.business_day())] == [-25_000]


def test_a_pay_out_is_read_back_before_it_leaves_the_drawer(qtbot, shell, loket, context):
    """The Enter that finishes the reason asks first; the question's default, another Enter,
    records nothing."""
    screen = open_shift(qtbot, shell, loket)
    asked: list[str] = []
    answer = [False]  # "Batal", the dialog's default button
    screen.ask_confirm = lambda parent, title, text: asked.append(text) or answer[0]
    screen.kind.setCurrentIndex(screen.kind.findData("pay_out"))
    qtbot.keyClicks(screen.amount, "10000000")
    qtbot.keyClicks(screen.reason, "ambil uang")
    qtbot.keyClick(screen.reason, Qt.Key.Key_Return)
    wait_loaded(qtbot, loket)
    assert asked == ['Pengeluaran / pay-out (kas keluar): Rp 10.000.000, "ambil uang" — benar?']
    assert context.dayclose.shifts.movements(context.dayclose.business_day()) == ()
    assert "tidak dicatat" in screen.banner.text()  # said: a silent "Batal" looked like a movement recorded
    answer[0] = True
    qtbot.keyClick(screen.reason, Qt.Key.Key_Return)
    wait_loaded(qtbot, loket)
    assert [m.amount for m in context.dayclose.shifts.movements(context.dayclose.business_day())] == [-10_000_000]
    assert screen.window().focusWidget() is screen.amount  # the next movement starts at its amount


def test_cash_correction_needs_the_supervisor(qtbot, shell, loket, context):
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    screen = open_shift(qtbot, shell, loket)
    asked = []
    screen.ask_supervisor = lambda parent, title, detail, with_reason: asked.append(title) or SupervisorAnswer("111222")
    screen.direction.setCurrentIndex(screen.direction.findData(-1))
    record(qtbot, screen, loket, "correction", "5000", "uang palsu ditemukan")
    assert asked == ["Koreksi kas"]
    assert "PIN supervisor salah" in screen.banner.text()
    assert screen.movements.rowCount() == 0

    screen.ask_supervisor = lambda *a: SupervisorAnswer(SUPERVISOR_PIN)
    screen.direction.setCurrentIndex(screen.direction.findData(-1))
    record(qtbot, screen, loket, "correction", "5000", "uang palsu ditemukan")
    assert screen.movements.rowCount() == 1 and screen.movements.text(0, 2) == "−Rp 5.000"


# -- Laporan X ---------------------------------------------------------------------------
def test_x_report_shows_the_deposit_and_keeps_the_drawer_blind(qtbot, shell, loket, context):
    open_shift(qtbot, shell, loket)
    deposit(context)
    screen = open_screen(qtbot, shell, "x_report")
    qtbot.waitUntil(lambda: screen.loaded, timeout=10_000)
    view = screen.view
    rows = [[view.summary.text(r, c) for c in range(5)] for r in range(view.summary.rowCount())]
    product = next(row for row, line in zip(rows, view.summary.rows()) if line.kind == "product")
    assert product[1] == "1" and product[2] == "Rp 250.000"
    assert rows[-1][0] == "Total" and rows[-1][2] == "Rp 250.000"
    text = view.text()
    assert "Laporan X" in text
    assert "Rp 750.000" not in text  # the expected drawer (500.000 float + 250.000) waits for the count
    assert "disembunyikan sampai kas selesai dihitung" in text
    assert "Transaksi gagal: tidak ada" in text


def test_x_report_prints_and_exports_a_pdf_still_blind(qtbot, shell, loket, context, tmp_path):
    open_shift(qtbot, shell, loket)
    deposit(context)
    screen = open_screen(qtbot, shell, "x_report")
    qtbot.waitUntil(lambda: screen.loaded, timeout=10_000)
    click(qtbot, screen.print_button)
    # the receipt printer (PDF mode in tests: the text saved) takes the thermal summary
    qtbot.waitUntil(lambda: "disimpan sebagai teks" in screen.banner.text(), timeout=10_000)
    screen.actions.choose_folder = lambda parent, title: str(tmp_path / "out")
    click(qtbot, screen.pdf_button)
    wait_loaded(qtbot, loket)
    path = screen.actions.last_path
    assert path is not None and path.name.startswith("laporan-X-") and "Laporan disimpan" in screen.banner.text()
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "LAPORAN X" in text and "250.000" in text
    assert "750.000" not in text  # the expected drawer waits for Tutup Hari's count, on paper too


# -- Tutup Hari ---------------------------------------------------------------------------
def test_hitung_ulang_drops_the_note_written_for_the_earlier_count(qtbot, shell, loket, context):
    """A short count, its note typed, "Hitung ulang", the drawer even: the note the agent wrote for
    the Rp 5.000 that turned out not to be missing is not sealed on a "kas cocok" Laporan Z (it
    stayed in the box, and Enter carried it onto the report)."""
    shift = open_shift(qtbot, shell, loket)
    record(qtbot, shift, loket, "pay_out", "25000", "beli kertas struk")
    deposit(context)
    screen = start_close(qtbot, shell, loket)
    click(qtbot, screen.summary_page.count_button)
    qtbot.keyClicks(screen.count_page.counted, "720000")
    click(qtbot, screen.count_page.enter_button)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=10_000)
    qtbot.keyClicks(screen.variance_page.note, "uang kembalian kurang")
    click(qtbot, screen.variance_page.recount_button)
    qtbot.keyClicks(screen.count_page.counted, "725000")
    click(qtbot, screen.count_page.enter_button)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=10_000)
    assert screen.variance_page.variance_value.property("sign") == "zero"
    assert screen.variance_page.note.text() == ""
    screen.ask_confirm = lambda *args: True
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    z, _digest = context.dayclose.z_report(screen.flow.business_date)
    assert z.cash.variance == 0 and z.cash.variance_note == ""
    assert len(z.cash.earlier_counts) == 1  # the short count itself stays on the report


def test_day_close_blind_count_variance_note_and_seal(qtbot, shell, loket, context, tmp_path):
    shift = open_shift(qtbot, shell, loket)
    record(qtbot, shift, loket, "pay_out", "25000", "beli kertas struk")
    deposit(context)
    screen = start_close(qtbot, shell, loket)
    assert screen.page == "summary"
    assert "disembunyikan" in screen.summary_page.report_view.text()
    assert "Rp 725.000" not in screen.summary_page.report_view.text()  # the expected figure stays hidden

    click(qtbot, screen.summary_page.count_button)
    assert screen.page == "count"
    assert "725.000" not in screen.variance_page.expected_value.text()  # not filled in before the count
    qtbot.keyClicks(screen.count_page.counted, "720000")
    click(qtbot, screen.count_page.enter_button)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=10_000)
    assert screen.variance_page.expected_value.text() == "Rp 725.000"
    assert screen.variance_page.counted_value.text() == "Rp 720.000"
    assert screen.variance_page.variance_value.text() == "Kas kurang Rp 5.000"
    assert not screen.variance_page.facts.unsettled.isVisible()  # nothing unsettled to explain it
    assert screen.variance_page.variance_value.property("sign") == "off"

    click(qtbot, screen.variance_page.confirm_button)  # no note: refused at the field
    wait_loaded(qtbot, loket)
    assert screen.page == "variance"
    assert "selisih" in screen.variance_page.note_field.error.text().lower()

    click(qtbot, screen.variance_page.recount_button)
    assert screen.page == "count" and screen.count_page.counted.text() == ""
    qtbot.keyClicks(screen.count_page.counted, "725000")
    click(qtbot, screen.count_page.enter_button)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=10_000)
    assert screen.variance_page.variance_value.property("sign") == "zero"
    asked = []
    screen.ask_confirm = lambda parent, title, text: asked.append(title) or False  # "Tutup hari?": no
    click(qtbot, screen.variance_page.confirm_button)
    assert asked == ["Tutup hari?"] and screen.page == "variance"
    assert not context.dayclose.is_sealed(screen.flow.business_date)
    screen.ask_confirm = lambda *args: True
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    assert screen.sealed_page.report_number.text() == "No. 0001"
    assert "transaksi baru masuk hari kerja berikutnya" in screen.sealed_page.sealed_text.text()
    _report, digest = context.dayclose.z_report(screen.flow.business_date)
    assert screen.sealed_page.sealed_hash.text().replace("\n", "") == digest

    # thermal summary shown; export writes a real PDF
    click(qtbot, screen.sealed_page.print_button)
    wait_loaded(qtbot, loket)
    assert "LAPORAN Z No. 0001" in screen.sealed_page.summary_preview.toPlainText()
    # the printer's answer (PDF mode: the text saved) is in before the export's
    qtbot.waitUntil(lambda: "disimpan sebagai teks" in screen.banner.text(), timeout=10_000)
    screen.actions.choose_folder = lambda parent, title: str(tmp_path / "out")
    click(qtbot, screen.sealed_page.pdf_button)
    wait_loaded(qtbot, loket)
    path = screen.actions.last_path
    assert path is not None and path.suffix == ".pdf" and "Laporan disimpan" in screen.banner.text()
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "LAPORAN Z" in text

    # a second Tutup Hari for the same day is refused, clearly
    click(qtbot, shell._nav["home"])
    screen = start_close(qtbot, shell, loket)
    assert screen.page == "closed"
    assert "sudah ditutup" in screen.closed_page.closed_text.text() and "0001" in screen.closed_page.closed_text.text()
    assert "hari kerja berikutnya" in screen.closed_page.closed_text.text()


def test_a_seal_that_fails_after_the_supervisors_pin_is_confirmed_again_with_one_approval(qtbot, shell, loket,
                                                                                        context):
    """The supervisor's PIN approves the difference but the Laporan Z cannot be written (here a
    trigger refuses it): the screen stays at the difference with the failure said and nothing
    approved on the day's record; confirmed again, the supervisor is asked again and the day is
    sealed as Z No. 0001 with one approval of its difference. The approval stood alone before,
    and after a restart the supervisor approved the same difference a second time on the Z."""
    import sqlite3

    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    open_shift(qtbot, shell, loket)
    deposit(context)
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "745000")  # Rp 5.000 short of Rp 750.000
    qtbot.keyClicks(screen.variance_page.note, "kembalian salah ke pelanggan")
    asked: list[str] = []
    screen.ask_supervisor = lambda parent, title, *args: asked.append(title) or SupervisorAnswer(SUPERVISOR_PIN)
    day = screen.flow.business_date
    fault = sqlite3.connect(context.journal.path)
    fault.execute("CREATE TRIGGER fault BEFORE INSERT ON day_close BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    fault.commit()

    def variance_approvals() -> list[str]:
        return [a.subject for a in context.dayclose.supervisors.approvals(day) if a.action == "cash_variance"]

    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.banner.text() != "", timeout=10_000)
    wait_loaded(qtbot, loket)
    assert screen.page == "variance" and screen.variance_page.note.text() == "kembalian salah ke pelanggan"
    assert variance_approvals() == [] and not context.dayclose.is_sealed(day)

    fault.execute("DROP TRIGGER fault")
    fault.commit()
    fault.close()
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    wait_loaded(qtbot, loket)
    assert asked == ["Setujui selisih kas", "Setujui selisih kas"] and len(variance_approvals()) == 1
    assert screen.sealed_page.report_number.text() == "No. 0001"
    z, _digest = context.dayclose.z_report(day)
    assert [line.action for line in z.approvals] == ["Supervisor pertama diatur", "Tutup hari dengan selisih kas"]
    assert z.cash.variance_approved_by == "Budi Santoso"


def test_day_close_with_nothing_done_still_seals(qtbot, shell, loket, context):
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "0")
    assert screen.variance_page.variance_value.text().startswith("Rp 0")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    assert screen.sealed_page.report_number.text() == "No. 0001"


def test_suspect_row_needs_a_supervisor_set_on_the_supervisor_screen(qtbot, shell, loket, context):
    supervisor = open_screen(qtbot, shell, "supervisor")
    qtbot.waitUntil(lambda: supervisor.loaded, timeout=10_000)
    assert not supervisor.current_field.isVisible()
    # The first supervisor is a deliberate step: someone other than the agent, who says so.
    assert supervisor.first_warning.isVisible() and "orang lain" in supervisor.first_warning.text()
    qtbot.keyClicks(supervisor.name, "Budi Santoso")
    qtbot.keyClicks(supervisor.pin, SUPERVISOR_PIN)
    qtbot.keyClicks(supervisor.confirm_pin, SUPERVISOR_PIN)
    click(qtbot, supervisor.save_button)
    wait_loaded(qtbot, loket)
    assert "centang" in supervisor.banner.text() and not context.dayclose.supervisors.has_supervisor()
    supervisor.not_the_agent.setChecked(True)
    qtbot.keyClicks(supervisor.pin, SUPERVISOR_PIN)
    qtbot.keyClicks(supervisor.confirm_pin, "482917")
    click(qtbot, supervisor.save_button)
    wait_loaded(qtbot, loket)
    assert supervisor.field("confirm").error.isVisible()
    qtbot.keyClicks(supervisor.pin, SUPERVISOR_PIN)
    qtbot.keyClicks(supervisor.confirm_pin, SUPERVISOR_PIN)
    click(qtbot, supervisor.save_button)
    qtbot.waitUntil(lambda: supervisor.names == ["Budi Santoso"], timeout=10_000)
    assert "disimpan" in supervisor.banner.text()
    assert supervisor.current_field.isVisible()  # a change now needs the current PIN

    reference = suspect_row(context)
    screen = start_close(qtbot, shell, loket)
    view = screen.summary_page.report_view
    assert view.open_warning.text().startswith("1 transaksi menggantung")
    assert reference in view.text()
    assert i18n.install("en", translations_dir())  # one, not "1 pending transactions"
    try:
        view.show_report(view.report)
        assert view.open_warning.text().startswith("1 pending transaction (status unknown). Settle it in")
    finally:
        i18n.install("id", translations_dir())
        view.show_report(view.report)
    count_cash(qtbot, screen, loket, "100500")  # the bill's cash is in the drawer: no difference
    assert screen.variance_page.variance_value.text() == "Rp 0 — kas cocok"
    assert screen.variance_page.confirm_button.text().startswith("Lanjut: persetujuan supervisor")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "approval", timeout=10_000)
    assert screen.approval_page.open_items.rowCount() == 1

    qtbot.keyClicks(screen.approval_page.supervisor_pin, "135790")
    qtbot.keyClicks(screen.approval_page.approval_reason, "host tidak menjawab, dicek besok")
    click(qtbot, screen.approval_page.approve_button)
    wait_loaded(qtbot, loket)
    assert screen.page == "approval" and "PIN supervisor salah" in screen.banner.text()
    assert screen.approval_page.supervisor_pin.text() == ""  # never kept

    qtbot.keyClicks(screen.approval_page.supervisor_pin, SUPERVISOR_PIN)
    click(qtbot, screen.approval_page.approve_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    report, _ = context.dayclose.z_report(screen.flow.business_date)
    assert [(a.action, a.approver) for a in report.approvals] == [
        ("Supervisor pertama diatur", "Budi Santoso"), ("Tutup hari dengan transaksi menggantung", "Budi Santoso")]
    assert USERNAME in report.approvals[0].reason  # who was at the counter when it was set
    view = ReportView()  # Laporan Z as the Laporan screen shows it names who approved what
    qtbot.addWidget(view)
    view.show_report(report)
    shown = view.text()
    assert "Tutup hari dengan transaksi menggantung · disetujui Budi Santoso" in shown
    assert "Supervisor pertama diatur · disetujui Budi Santoso" in shown


def test_a_drawer_short_of_an_unsettled_payments_cash_says_kas_kurang_and_names_it(qtbot, shell, loket, context,
                                                                                     tmp_path):
    """A PLN bill's Rp 100.500 taken in cash, its answer never came; the drawer counted Rp 0: the
    customer's cash is missing. Tutup Hari said "Rp 0 — kas cocok" (and "Kas lebih Rp 100.500",
    a note and a supervisor's PIN, with the cash there). It is in what the drawer should hold
    now: "Kas kurang Rp 100.500", the bill named under it, the supervisor approving that."""
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    reference = suspect_row(context)  # Rp 100.500 taken in cash, answer never came
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "0")
    assert screen.variance_page.expected_value.text() == "Rp 100.500"
    assert screen.variance_page.variance_value.text() == "Kas kurang Rp 100.500"
    assert screen.variance_page.facts.unsettled.isVisible()
    assert "termasuk dalam kas seharusnya" in screen.variance_page.facts.unsettled.text()
    assert f"{reference}   Rp 100.500   " in screen.variance_page.facts.unsettled.text()
    assert "PLN Pascabayar (Tagihan Listrik), SITI AMINAH" in screen.variance_page.facts.unsettled.text()
    qtbot.keyClicks(screen.variance_page.note, "uang PLN tidak ada di laci")
    asked: list[str] = []
    screen.ask_supervisor = lambda parent, title, *args: asked.append(title) or SupervisorAnswer(SUPERVISOR_PIN)
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "approval", timeout=10_000)
    # The difference is approved here, with the open row, by one PIN: the supervisor is not
    # asked first in a dialog and then again on this page.
    assert asked == []
    assert screen.approval_page.variance_text.isVisible()
    assert screen.approval_page.variance_text.text() == (
        "PIN ini juga menyetujui selisih kas: Kas kurang Rp 100.500 (seharusnya Rp 100.500, dihitung Rp 0), "
        "keterangan petugas \"uang PLN tidak ada di laci\".")
    qtbot.keyClicks(screen.approval_page.supervisor_pin, SUPERVISOR_PIN)
    qtbot.keyClicks(screen.approval_page.approval_reason, "host tidak menjawab, dicek besok")
    click(qtbot, screen.approval_page.approve_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    assert asked == []
    assert screen.sealed_page.sealed_variance.text() == "Kas kurang Rp 100.500"
    assert screen.sealed_page.sealed_expected.text() == "Rp 100.500"  # the figure it is against
    approved = [(a.action, a.approver) for a in context.dayclose.supervisors.approvals()
                if a.action != "first_supervisor"]
    assert approved == [("cash_variance", "Budi Santoso"), ("close_with_open_items", "Budi Santoso")]
    assert f"{reference}   Rp 100.500" in screen.sealed_page.facts.unsettled.text()

    click(qtbot, screen.sealed_page.print_button)
    wait_loaded(qtbot, loket)
    printed = screen.sealed_page.summary_preview.toPlainText().splitlines()
    assert next(line for line in printed if line.startswith("Seharusnya")).endswith("Rp 100.500")
    assert next(line for line in printed if line.startswith("Kas kurang")).endswith("Rp 100.500")
    assert any(line.strip().startswith("termasuk belum pasti") for line in printed)
    assert any(line.strip().startswith(reference) and line.endswith("Rp 100.500") for line in printed)
    screen.actions.choose_folder = lambda parent, title: str(tmp_path / "out")
    click(qtbot, screen.sealed_page.pdf_button)
    wait_loaded(qtbot, loket)
    text = subprocess.run(["pdftotext", "-layout", str(screen.actions.last_path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert any("Kas kurang" in line and "Rp 100.500" in line for line in text.splitlines())
    assert any("Kas seharusnya di laci" in line and "Rp 100.500" in line for line in text.splitlines())
    assert any(reference in line and "termasuk" in line for line in text.splitlines())


# -- Laporan Harian --------------------------------------------------------------------
def test_daily_reports_export_then_reexport_needs_the_supervisor(qtbot, shell, loket, context, tmp_path):
    days = context.dayclose
    days.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    flow = days.begin_close("BNIUS100294")
    flow.start_count()
    flow.enter_count(0)
    flow.confirm("")
    screen = open_screen(qtbot, shell, "daily_reports")
    qtbot.waitUntil(lambda: screen.selected is not None, timeout=10_000)
    assert screen.days.text(0, 0) == "Z-0001" and screen.days.text(0, 2) == "Berlaku"
    assert "Laporan Z No. 0001" in screen.view.text()
    screen.actions.choose_folder = lambda parent, title: str(tmp_path)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # opens the day on the list, exports nothing
    wait_loaded(qtbot, loket)
    assert "Laporan Z No. 0001" in screen.view.text() and screen.actions.last_path is None
    assert list(tmp_path.glob("*.pdf")) + list(tmp_path.glob("*.csv")) == []

    click(qtbot, screen.csv_button)
    wait_loaded(qtbot, loket)
    first = screen.actions.last_path
    assert first is not None and first.suffix == ".csv" and first.exists()

    asked = []
    screen.actions.ask_supervisor = lambda parent, title, detail, with_reason: asked.append(with_reason)
    click(qtbot, screen.csv_button)  # the supervisor cancels: nothing written
    wait_loaded(qtbot, loket)
    assert asked == [True] and "dibatalkan" in screen.banner.text()
    assert len(list(tmp_path.glob("*.csv"))) == 1

    screen.actions.ask_supervisor = lambda *a: SupervisorAnswer(SUPERVISOR_PIN, "salinan untuk kantor mitra")
    click(qtbot, screen.csv_button)
    wait_loaded(qtbot, loket)
    assert "cetak-ulang" in screen.actions.last_path.name
    assert len(list(tmp_path.glob("*.csv"))) == 2


def test_a_laporan_z_on_the_screen_shows_the_count_its_difference_and_the_counts_before_it(
        qtbot, shell, loket, context):
    """Laporan Harian showed a sealed day's expected cash and nothing of the count: a day
    closed Rp 50.000 short, with the agent's note, read on the screen as an even one; and the
    count of Rp 0 typed first (which showed the expected cash) was nowhere on it."""
    days = context.dayclose
    days.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    days.shifts.open(100_000, "BNIUS100294")
    flow = days.begin_close("BNIUS100294")
    flow.start_count()
    flow.enter_count(0)
    flow.recount()
    flow.enter_count(50_000)
    flow.confirm("uang kembalian kurang", pin=SUPERVISOR_PIN)
    screen = open_screen(qtbot, shell, "daily_reports")
    qtbot.waitUntil(lambda: screen.selected is not None, timeout=10_000)
    shown = screen.view.text()
    assert "Selisih disetujui\nBudi Santoso" in shown  # who signed the difference off
    assert "Laporan Z No. 0001" in shown and "Rp 100.000" in shown  # the expected cash, as before
    assert "Kas dihitung" in shown and "Rp 50.000" in shown
    assert "Kas kurang Rp 50.000" in shown and "uang kembalian kurang" in shown
    assert "Hitungan ke-1" in shown and "Kas kurang Rp 100.000" in shown


def test_enter_on_tutup_hari_starts_the_count(qtbot, shell, loket):
    """Opened from the sidebar, Tutup Hari's first Enter goes to counting the drawer (its
    primary step), not to a secondary button such as "Muat ulang"."""
    screen = start_close(qtbot, shell, loket)
    shell.activateWindow()
    qtbot.keyClick(shell.focusWidget() or screen, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.page == "count", timeout=10_000)


def test_each_step_of_tutup_hari_starts_at_its_top_on_a_small_screen(qtbot, shell, loket, context):
    """On a screen too low for even the summary's least height the page scrolls; the count
    and the variance that follow it open with their title and step line in view, not
    scrolled down as far as the summary was. (At 1024x768 the summary fits and only its
    report scrolls, inside it.)"""
    open_shift(qtbot, shell, loket)
    deposit(context)
    shell.resize(1024, 420)
    screen = start_close(qtbot, shell, loket)
    area = shell.findChild(QScrollArea, "stackScroll")
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)  # the summary is taller than the window
    bar.setValue(bar.maximum())
    count_cash(qtbot, screen, loket, "750000")
    assert bar.value() == 0
    assert screen.step_label.visibleRegion().boundingRect().height() == screen.step_label.height()


def at_approval(qtbot, shell, loket, context):
    """Tutup Hari on its supervisor's approval: a payment left uncertain, the cash counted."""
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    suspect_row(context)
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "100500")  # the drawer holds the uncertain payment's cash
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "approval", timeout=10_000)
    return screen


def test_enter_on_an_empty_supervisor_pin_stays_there(qtbot, shell, loket, context):
    """The supervisor's PIN is never typed into the reason by habit: Enter on the empty PIN
    box keeps the cursor there and says the PIN is needed (it moved on to the visible reason,
    where the PIN typed next was shown and then sealed into the Laporan Z); a typed PIN and
    Enter go on to the reason, and Enter there approves."""
    screen = at_approval(qtbot, shell, loket, context)
    pin, reason = screen.approval_page.supervisor_pin, screen.approval_page.approval_reason
    assert focused(shell) is pin
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is pin and "PIN supervisor wajib diisi" in screen.field("pin").error.text()
    type_text(qtbot, shell, SUPERVISOR_PIN)
    assert pin.text() == SUPERVISOR_PIN and reason.text() == ""
    assert not screen.field("pin").error.isVisible()
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is reason
    type_text(qtbot, shell, "host tidak menjawab, dicek besok")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    report, _ = context.dayclose.z_report(screen.flow.business_date)
    assert SUPERVISOR_PIN not in str(report.approvals)


def test_approving_with_no_pin_asks_for_it_at_the_field(qtbot, shell, loket, context):
    screen = at_approval(qtbot, shell, loket, context)
    screen.approval_page.approval_reason.setFocus()
    type_text(qtbot, shell, "host tidak menjawab, dicek besok")
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_loaded(qtbot, loket)
    assert screen.page == "approval" and "PIN supervisor salah" not in screen.banner.text()
    assert "PIN supervisor wajib diisi" in screen.field("pin").error.text()
    assert focused(shell) is screen.approval_page.supervisor_pin


def test_a_closed_day_is_named_as_dates_are_written_in_the_agents_language(qtbot, shell, loket, context):
    """The second Tutup Hari of a day says the day is closed as 05/12/2026, not 2026-12-05,
    and in English in English (the message was an untranslated f-string with the ISO date)."""
    screen = start_close(qtbot, shell, loket)
    count_cash(qtbot, screen, loket, "0")
    click(qtbot, screen.variance_page.confirm_button)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=10_000)
    iso = screen.flow.business_date
    year, month, day = iso.split("-")
    click(qtbot, shell._nav["home"])
    screen = start_close(qtbot, shell, loket)
    text = screen.closed_page.closed_text.text()
    assert f"Hari {day}/{month}/{year} sudah ditutup (Laporan Z No. 0001)" in text and iso not in text
    assert i18n.install("en", translations_dir())
    try:
        click(qtbot, shell._nav["home"])
        screen = start_close(qtbot, shell, loket)
        text = screen.closed_page.closed_text.text()
        assert f"Day {day}/{month}/{year} is already closed (Z report No. 0001)" in text and "Hari" not in text
    finally:
        i18n.install("id", translations_dir())


def test_the_uncertain_payments_in_the_drawer_are_named_in_the_agents_language(qapp):
    """The cash-difference step's list of uncertain payments named the product by its
    Indonesian name in English ("PLN Pascabayar (Tagihan Listrik)"), beside the X report's
    "PLN Postpaid (Electricity Bill)" (found by a keyboard walk)."""
    from types import SimpleNamespace

    from services.reports.model import Listed
    from ui.screens.day_close_pages import unsettled_text

    row = Listed(reference="2612061405000001", time="14:05", host="keagenan", product="pln_postpaid",
                 name="PLN Pascabayar (Tagihan Listrik)", customer_ref="532110000001", customer_name="SITI",
                 total=250_000, state="SUSPECT")
    report = SimpleNamespace(open=(row,))
    assert "PLN Pascabayar (Tagihan Listrik)" in unsettled_text(report)
    assert i18n.install("en", translations_dir())
    try:
        text = unsettled_text(report)
        assert "PLN Postpaid (Electricity Bill)" in text and "Pascabayar" not in text, text
    finally:
        i18n.install("id", translations_dir())
