"""Receipts through the screens: a deposit prints on a network printer (a fake ESC/POS sink on
127.0.0.1), a dead printer leaves the transaction SUCCESS with a PDF and a plain message,
reprint and preview, and Pengaturan > Printer saves, reloads, checks and test-prints."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app.context import build_context
from services.journal import State
from services.profile import Profile
from services.receipts import PrinterConfig, print_count
from services.receipts.settings import PrinterPreferences
from tests.integration.test_receipt_printer import FakeEscposPrinter, closed_port
from tests.integration.test_report_blind import pdf_text
from tests.manual_clock import ManualClock
from tests.ui.test_ui_deposit import fill, open_deposit
from tests.ui.uidrive import click, wait_result
from ui.printing import PreviewDialog
from ui.reprint_guard import READ_SECONDS

CUT = b"\x1dV\x00"


@pytest.fixture
def sink():
    with FakeEscposPrinter() as server:
        yield server


def use_printer(context, *, preview_first: bool = False, **config) -> None:
    context.printer_settings.save(PrinterPreferences(PrinterConfig(**config), preview_first))


def network(port: int) -> dict:
    return {"connection": "network", "network_host": "127.0.0.1", "network_port": port, "timeout_s": 2.0}


def pay_deposit(qtbot, shell, amount="250000"):
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen, amount=amount)
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)
    return wait_result(qtbot, shell)


def banner_says(qtbot, result, kind: str) -> str:
    qtbot.waitUntil(lambda: result.banner.isVisible() and result.banner.property("kind") == kind, timeout=10_000)
    return result.banner.text()


def test_deposit_receipt_reaches_the_network_printer(qtbot, shell, context, loket, sink):
    use_printer(context, **network(sink.port))
    result = pay_deposit(qtbot, shell)
    reference = result.done.row.reference
    qtbot.waitUntil(lambda: len(sink.jobs) == 1, timeout=10_000)
    job = sink.jobs[0]
    assert b"Rp 250.000" in job and job.count(CUT) == 1 and job.index(CUT) > job.index(b"Rp 250.000")
    assert reference.encode() in job and b"SANDBOX / TRAINING" in job
    assert context.banking.session.agent_code.encode() in job  # the header names who is logged in
    assert b"CETAK ULANG" not in job
    assert "Struk tercetak" in banner_says(qtbot, result, "success")
    assert print_count(context.journal, reference, "original") == 1
    assert list(context.printer_settings.receipts_dir.glob("*.pdf")) == []
    assert loket.printing.print_button.text() == "Cetak ulang" and loket.printing.print_button.isEnabled()


def test_the_receipt_is_asked_for_once_the_result_is_on_show_and_the_payment_screen_emptied(
        qtbot, shell, context, loket, sink):
    """Day bench: the receipt was numbered and printed while the GUI thread still switched
    to the result and emptied the payment's screen, and the worker and printer threads
    waited for the GIL behind that work (Loket's own time per payment). The print is asked
    for last; the receipt is the same."""
    use_printer(context, **network(sink.port))
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen)
    click(qtbot, screen.next_button)
    asked = []
    shell.result.print_requested.connect(
        lambda row: asked.append((row.reference, shell.current_screen() is shell.result, screen.amount.text())))
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert asked == [(result.done.row.reference, True, "")]
    qtbot.waitUntil(lambda: len(sink.jobs) == 1, timeout=10_000)
    assert result.done.row.reference.encode() in sink.jobs[0]
    assert "Struk tercetak" in banner_says(qtbot, result, "success")


def test_the_receipt_is_asked_for_even_when_emptying_the_payment_screen_fails(
        qtbot, shell, context, loket, sink, monkeypatch):
    """The print is asked for after the payment's screen is emptied; a failure there (a bug)
    must not cost the customer the receipt of a payment already made."""
    use_printer(context, **network(sink.port))
    screen = open_deposit(qtbot, shell)
    fill(qtbot, screen)
    click(qtbot, screen.next_button)

    def broken() -> None:
        raise RuntimeError("reset failed")

    monkeypatch.setattr(screen, "reset", broken)
    with qtbot.capture_exceptions() as raised:
        click(qtbot, screen.pay_button)
        result = wait_result(qtbot, shell)
        qtbot.waitUntil(lambda: len(sink.jobs) == 1, timeout=10_000)
    assert [str(exc) for _, exc, _ in raised] == ["reset failed"]
    assert result.done.row.reference.encode() in sink.jobs[0]


def test_dead_printer_keeps_the_transaction_and_saves_a_pdf(qtbot, shell, context, loket):
    use_printer(context, **network(closed_port()))
    result = pay_deposit(qtbot, shell)
    reference = result.done.row.reference
    text = banner_says(qtbot, result, "error")
    pdf = context.printer_settings.receipts_dir / f"{reference}.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert "tidak dapat dihubungi" in text and "Transaksi tetap BERHASIL" in text and str(pdf) in text
    assert "Transaksi berhasil" in result.text()  # the result screen still says so, in green
    assert context.journal.get(reference).state is State.SUCCESS
    assert loket.printing.print_button.isEnabled()  # printing later stays possible, nothing modal


def test_reprint_is_marked_and_counted(qtbot, shell, context, loket, sink):
    use_printer(context, **network(sink.port))
    printing = loket.printing
    printing.reprints.now = clock = ManualClock()
    result = pay_deposit(qtbot, shell)
    reference = result.done.row.reference
    qtbot.waitUntil(lambda: len(sink.jobs) == 1 and printing.print_button.isEnabled(), timeout=10_000)
    assert printing.print_button.text() == "Cetak ulang" and printing.print_button.isVisible()
    clock.t += READ_SECONDS  # the answer read (``ui.reprint_guard``)
    click(qtbot, printing.print_button)
    qtbot.waitUntil(lambda: len(sink.jobs) == 2, timeout=10_000)
    assert b"CETAK ULANG ke-1" in sink.jobs[1] and b"Rp 250.000" in sink.jobs[1]
    assert print_count(context.journal, reference, "reprint") == 1
    assert print_count(context.journal, reference, "original") == 1
    banner_says(qtbot, result, "success")


def auto_accept(seen: list[str]):
    """The real preview dialog, answered "Cetak" as soon as it is on screen."""

    def ask(parent, title, text, print_default) -> bool:
        seen.append(text)
        dialog = PreviewDialog(title, text, parent, print_default=print_default)
        QTimer.singleShot(0, dialog.print_button.click)
        return dialog.exec() == QDialog.DialogCode.Accepted

    return ask


def test_preview_first_shows_the_receipt_then_prints(qtbot, shell, context, loket):
    use_printer(context, preview_first=True)  # PDF mode
    seen: list[str] = []
    loket.printing.ask_preview = auto_accept(seen)
    result = pay_deposit(qtbot, shell)
    reference = result.done.row.reference
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    assert "Rp 250.000" in seen[0] and reference in seen[0] and "SANDBOX / TRAINING" in seen[0]
    assert max(len(line) for line in seen[0].splitlines()) <= 32  # 58 mm paper
    text = banner_says(qtbot, result, "success")
    pdf = context.printer_settings.receipts_dir / f"{reference}.pdf"
    assert pdf.is_file() and pdf.name in text and str(pdf) not in text  # the file, not a raw path
    assert print_count(context.journal, reference, "original") == 1


def test_closing_the_preview_prints_nothing_until_asked(qtbot, shell, context, loket):
    use_printer(context, preview_first=True)
    asked: list[str] = []
    loket.printing.ask_preview = lambda parent, title, text, print_default: asked.append(text) and False
    result = pay_deposit(qtbot, shell)
    reference = result.done.row.reference
    printing = loket.printing
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    assert print_count(context.journal, reference) == 0
    assert printing.print_button.text() == "Cetak struk"  # nothing printed yet: not a reprint
    click(qtbot, printing.print_button)
    banner_says(qtbot, result, "success")
    assert (context.printer_settings.receipts_dir / f"{reference}.pdf").is_file()
    assert print_count(context.journal, reference, "original") == 1
    # "Lihat struk" shows the receipt the customer holds: viewing is not reprinting
    click(qtbot, printing.view_button)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)
    assert "CETAK ULANG" not in asked[1] and reference in asked[1]
    assert print_count(context.journal, reference, "reprint") == 0


def test_printing_from_the_view_is_a_reprint_and_only_its_paper_is_marked(qtbot, shell, context, loket):
    use_printer(context)  # PDF mode: each print is a file
    result = pay_deposit(qtbot, shell)
    reference = result.done.row.reference
    banner_says(qtbot, result, "success")
    seen: list[str] = []
    loket.printing.ask_preview = auto_accept(seen)
    click(qtbot, loket.printing.view_button)
    reprinted = context.printer_settings.receipts_dir / f"{reference}-cetak-ulang-1.pdf"
    qtbot.waitUntil(reprinted.is_file, timeout=10_000)
    assert "CETAK ULANG" not in seen[0]  # what was looked at
    assert "CETAK ULANG ke-1" in pdf_text(reprinted)  # what was printed
    assert print_count(context.journal, reference, "reprint") == 1


def answer_with_enter(seen: list[str]):
    """The real preview dialog, answered by the agent's habitual Enter."""

    def ask(parent, title, text, print_default) -> bool:
        seen.append(text)
        dialog = PreviewDialog(title, text, parent, print_default=print_default)
        QTimer.singleShot(0, lambda: QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return))
        return dialog.exec() == QDialog.DialogCode.Accepted

    return ask


def test_enter_in_the_view_of_a_printed_receipt_closes_it_and_reprints_nothing(qtbot, shell, context, loket):
    """"Lihat struk" is for looking: once the original is out, its "Cetak" is a counted
    reprint, so Enter there closes; in the "Preview dulu" step Enter prints the original."""
    use_printer(context, preview_first=True)
    seen: list[str] = []
    loket.printing.ask_preview = answer_with_enter(seen)
    loket.printing.reprints.now = clock = ManualClock()
    result = pay_deposit(qtbot, shell)
    reference = result.done.row.reference
    qtbot.waitUntil(lambda: print_count(context.journal, reference, "original") == 1, timeout=10_000)
    click(qtbot, loket.printing.view_button)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not loket.printing.printing, timeout=10_000)
    clock.t += READ_SECONDS  # the answer read (``ui.reprint_guard``)
    click(qtbot, loket.printing.print_button)  # the reprint the agent does ask for: the one counted
    reprinted = context.printer_settings.receipts_dir / f"{reference}-cetak-ulang-1.pdf"
    qtbot.waitUntil(reprinted.is_file, timeout=10_000)
    assert print_count(context.journal, reference, "reprint") == 1  # not 2: the Enter made none


def open_settings(qtbot, shell):
    click(qtbot, shell._nav["printer_settings"])
    screen = shell.screen("printer_settings")
    qtbot.waitUntil(lambda: screen.save_button.isEnabled(), timeout=10_000)
    return screen


def choose(screen, connection: str) -> None:
    screen.connection.setCurrentIndex(screen.connection.findData(connection))


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_printer_settings_save_and_reload(qtbot, shell, context, tmp_path):
    logo = tmp_path / "logo.png"
    image = QImage(384, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(logo))
    screen = open_settings(qtbot, shell)
    assert screen.connection.currentData() == "pdf" and screen.paper_58.isChecked()
    assert not screen.test_button.isEnabled()  # PDF mode has no printer to test
    choose(screen, "network")
    type_into(qtbot, screen.network_host, "192.168.1.50")
    type_into(qtbot, screen.network_port, "9100")
    click(qtbot, screen.paper_80)
    click(qtbot, screen.preview_first)
    screen.drawer_kick.setChecked(True)
    screen.choose_file = lambda parent, title, file_filter: str(logo)
    click(qtbot, screen.logo.choose_button)
    assert screen.logo.name.text() == "logo.png"
    screen.footer.setPlainText("Terima kasih\nToko Sumber Rejeki")
    click(qtbot, screen.save_button)
    assert "disimpan" in banner_says(qtbot, screen, "success")

    stored = Profile(context.profile.folder).load_settings()["printer"]
    assert stored["connection"] == "network" and stored["network_host"] == "192.168.1.50"
    assert stored["network_port"] == 9100 and stored["paper_mm"] == 80 and stored["drawer_kick"] is True
    assert stored["preview_first"] is True and stored["logo_path"] == str(logo)
    assert stored["footer"] == "Terima kasih\nToko Sumber Rejeki"
    assert context.printer_settings.preview_first
    qtbot.waitUntil(lambda: context.printer_worker.config.paper_mm == 80, timeout=10_000)

    # Opened again (here after the file changed under it), the screen shows what is stored.
    stored["network_host"] = "192.168.1.77"
    settings = context.profile.load_settings()
    settings["printer"] = stored
    context.profile.save_settings(settings)
    click(qtbot, shell._nav["home"])
    screen = open_settings(qtbot, shell)
    qtbot.waitUntil(lambda: screen.network_host.text() == "192.168.1.77", timeout=10_000)
    assert screen.connection.currentData() == "network" and screen.paper_80.isChecked()
    assert screen.preview_first.isChecked() and screen.drawer_kick.isChecked()

    # A fresh start of Loket builds its printer from the saved settings.
    restarted = build_context(Profile(context.profile.folder))
    try:
        assert restarted.printer_worker.config.connection == "network"
        assert restarted.printer_settings.preview_first
    finally:
        restarted.close()


def test_settings_refuse_a_network_printer_without_an_address(qtbot, shell, context):
    screen = open_settings(qtbot, shell)
    choose(screen, "network")
    type_into(qtbot, screen.network_host, "")
    click(qtbot, screen.save_button)
    field = screen.field("network_host")
    qtbot.waitUntil(lambda: field.error.isVisible(), timeout=10_000)
    assert "alamat IP" in field.error.text()
    assert context.profile.load_settings()["printer"]["connection"] == "pdf"
    type_into(qtbot, screen.network_host, "127.0.0.1")
    type_into(qtbot, screen.network_port, "sembilan")
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.field("network_port").error.isVisible(), timeout=10_000)


def test_test_print_and_check_work_on_the_settings_as_typed(qtbot, shell, context, sink):
    screen = open_settings(qtbot, shell)
    choose(screen, "network")
    type_into(qtbot, screen.network_host, "127.0.0.1")
    type_into(qtbot, screen.network_port, str(sink.port))
    click(qtbot, screen.check_button)
    assert f"127.0.0.1:{sink.port}" in banner_says(qtbot, screen, "success")
    click(qtbot, screen.test_button)
    qtbot.waitUntil(lambda: any(b"TES PRINTER" in job for job in sink.jobs), timeout=10_000)
    assert "Halaman tes" in banner_says(qtbot, screen, "success")
    assert context.profile.load_settings()["printer"]["connection"] == "pdf"  # nothing saved by testing

    type_into(qtbot, screen.network_port, str(closed_port()))
    click(qtbot, screen.check_button)
    text = banner_says(qtbot, screen, "error")
    assert "tidak dapat dihubungi" in text and "Transaksi" not in text  # no transaction involved here


def test_an_80_mm_printer_of_42_characters_a_line_is_a_choice_of_its_own(qtbot, shell, context):
    """Some 80 mm printers print 42 characters a line, not 48: a receipt laid out for 48
    wrapped every line there. The choice is saved and the next receipt is 42 wide."""
    screen = open_settings(qtbot, shell)
    click(qtbot, screen.paper_80_42)
    click(qtbot, screen.save_button)
    assert "disimpan" in banner_says(qtbot, screen, "success")
    stored = Profile(context.profile.folder).load_settings()["printer"]
    assert (stored["paper_mm"], stored["chars_per_line"]) == (80, 42)
    qtbot.waitUntil(lambda: context.printer_worker.config.columns == 42, timeout=10_000)
    click(qtbot, shell._nav["home"])
    assert open_settings(qtbot, shell).paper_80_42.isChecked()


@pytest.mark.parametrize("connection", ["network", "usb", "serial", "windows"])
def test_each_printer_connection_shows_its_fields_whole_with_their_errors(qtbot, shell, connection):
    """At 1024x768, "Printer Windows" drew its hint ("Tulis persis seperti di Windows: …")
    over the name's box and cut its second line, and after "Cek printer" the red "Pilih
    printer Windows." pushed it further in: the page's height was fixed once, when the
    connection was chosen, for a one-line hint and no error."""
    from ui.widgets.field import Field

    shell.resize(1024, 768)
    click(qtbot, shell._nav["printer_settings"])
    screen = shell.screen("printer_settings")
    qtbot.waitUntil(lambda: screen.worker.running == 0, timeout=10_000)
    screen.connection.setCurrentIndex(screen.connection.findData(connection))
    for edit in (screen.network_host, screen.usb_vendor_id, screen.usb_product_id, screen.serial_port,
                 screen.windows_queue):
        edit.clear()
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.worker.running == 0, timeout=10_000)
    page = screen.pages.currentWidget()
    fields = [field for field in page.findChildren(Field) if field.isVisible()]
    assert any(field.error.isVisible() for field in fields), connection  # an empty field is refused
    qtbot.wait(50)  # the layout settles
    for field in fields:
        parts = [part for part in (field.label, field.editor, field.hint, field.error) if part.isVisible()]
        for upper, lower in zip(parts, parts[1:]):
            assert upper.geometry().bottom() < lower.geometry().top(), (connection, lower.text())
        bottom = field.mapTo(page, parts[-1].geometry().bottomLeft()).y()
        assert bottom < page.height(), (connection, parts[-1])
