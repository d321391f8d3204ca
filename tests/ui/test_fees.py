"""What the agent collects is on the screen before paying, on the receipt, in the day's
expected cash and in the day report; a created virtual account is not cash taken.

Through the screens against the in-process sandbox: BPJS Kesehatan (whose inquiry states
the counter fee, ``biaya_loket`` 2.500), Telkom (whose bank fee is known only from the
payment's answer, with a counter fee the supervisor sets in Pengaturan > Biaya Loket), and
a closed DOKU VA.
"""

from __future__ import annotations

import csv
import io
import subprocess

from PySide6.QtCore import Qt

from services.journal import State
from services.receipts import render_escpos, render_pdf
from tests.ui.test_billpay_screens import check_bill, open_menu, search, type_into
from tests.ui.test_snap_screens import fill_va
from tests.ui.uidrive import click, wait_result
from tests.unit.test_receipts import decode_escpos

TIMEOUT = 10_000


def open_screen(qtbot, shell, screen_id):
    click(qtbot, shell._nav[screen_id])
    assert shell.current_screen() is shell.screen(screen_id)
    return shell.screen(screen_id)


def printed_text(context, reference: str) -> str:
    """The receipt as the thermal printer prints it (ESC/POS decoded)."""
    receipt = context.receipts.preview(reference)
    return "\n".join(decode_escpos(render_escpos(receipt, 32))["lines"])


def pdf_text(context, reference: str, tmp_path) -> str:
    path = tmp_path / f"{reference}.pdf"
    path.write_bytes(render_pdf(context.receipts.preview(reference), 58))
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def x_report_rows(qtbot, shell):
    screen = open_screen(qtbot, shell, "x_report")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    summary = screen.view.summary
    header = [summary.headerData(c, Qt.Orientation.Horizontal) for c in range(summary.columnCount())]
    rows = [[summary.text(r, c) for c in range(summary.columnCount())] for r in range(summary.rowCount())]
    return screen.view, header, rows


def expected_cash(context) -> int:
    """The drawer's expected cash as Tutup Hari reveals it after the blind count."""
    flow = context.dayclose.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(0)
    return flow.expected_cash


TELKOM = {"areaCode": "0021", "phoneNum": "998877441"}


def confirm_bill(qtbot, screen, fields: dict[str, str]) -> str:
    """Type the customer's number into the product's form, check the bill: what the
    confirmation says before paying."""
    for name, text in fields.items():
        type_into(qtbot, screen, name, text)
    check_bill(qtbot, screen)
    return screen.summary_text()


def test_bpjs_counter_fee_is_collected_printed_and_counted(qtbot, shell, context, pin, tmp_path):
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "bpjs kesehatan", "bpjs_kesehatan")
    summary = confirm_bill(qtbot, screen, {"billingId": "8888801260835323"})

    # Before paying: the bill, the bank's fee, the counter's fee, and all the customer pays.
    assert "Nominal tagihan\nRp 25.500" in summary
    assert "Biaya admin bank\nRp 5.000" in summary
    assert "Biaya loket\nRp 2.500" in summary
    assert "di luar total" not in summary
    assert screen.total_value.text() == "Rp 33.000"

    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Biaya admin\nRp 5.000" in text and "Biaya loket\nRp 2.500" in text and "Total\nRp 33.000" in text
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS
    # the bank debits amount + its fee; the counter's fee is journaled apart, as charged
    assert (row.amount, row.fee, row.total, row.counter_fee) == (25_500, 5_000, 30_500, 2_500)
    assert str(context.journal.verify()).startswith("OK")

    paper = printed_text(context, row.reference)
    assert "Biaya Admin" in paper and "Biaya Loket" in paper
    assert any("Biaya Loket" in line and "2.500" in line for line in paper.splitlines())
    assert any("TOTAL" in line and "33.000" in line for line in paper.splitlines())
    pdf = pdf_text(context, row.reference, tmp_path)
    assert "Biaya Loket" in pdf and "33.000" in pdf

    # The day report: the agent's fee income, apart from the bank's figures.
    view, header, rows = x_report_rows(qtbot, shell)
    column = header.index("Biaya loket")
    assert rows[-1][0] == "Total" and rows[-1][header.index("Total")] == "Rp 30.500"
    assert rows[-1][column] == "Rp 2.500"
    day = context.dayclose.business_day()
    table = list(csv.DictReader(io.StringIO(context.dayclose.render(day, "csv", actor="kasir1").decode("utf-8-sig"))))
    total = next(line for line in table if line["section"] == "total")
    assert (total["total"], total["counter_fee"]) == ("30500", "2500")
    thermal = context.dayclose.render(day, "thermal", actor="kasir1")
    assert "Biaya loket (agen)" in thermal.text and "2.500" in thermal.text

    # The drawer: the shift opened with no float, so expected cash is all the customer paid.
    assert expected_cash(context) == 33_000


def test_supervisor_sets_telkom_counter_fee_the_row_keeps_it(qtbot, shell, context, pin, tmp_path):
    fees = open_screen(qtbot, shell, "counter_fees")
    assert "ditetapkan BNI" in "\n".join(w.text() for w in fees.findChildren(type(fees.heading)))
    qtbot.keyClicks(fees.edits["telkom"], "3000")
    click(qtbot, fees.save_button)
    qtbot.waitUntil(lambda: fees.banner.property("kind") == "success", timeout=TIMEOUT)
    assert context.profile.load_settings()["counter_fees"] == {"telkom": 3_000}

    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "telkom rumah", "telkom")
    summary = confirm_bill(qtbot, screen, TELKOM)
    # Telkom's inquiry states no admin fee: said honestly; the counter's own fee is known.
    assert "Biaya admin bank\nditetapkan bank saat pembayaran" in summary
    assert "Biaya loket\nRp 3.000" in summary
    assert "Total dibayar pelanggan, tanpa biaya admin bank" in summary
    assert screen.total_value.text() == "Rp 68.000"

    click(qtbot, screen.pay_button)
    assert "Rp 68.000" in pin.asked[-1]  # the PIN prompt names the total the screen shows
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Biaya admin\nRp 2.500" in text and "Biaya loket\nRp 3.000" in text and "Total\nRp 70.500" in text
    reference = result.done.row.reference
    assert context.journal.get(reference).counter_fee == 3_000

    # The supervisor changes the fee: the payment made keeps the fee it was charged.
    fees = open_screen(qtbot, shell, "counter_fees")
    fees.edits["telkom"].clear()
    qtbot.keyClicks(fees.edits["telkom"], "2000")
    click(qtbot, fees.save_button)
    qtbot.waitUntil(lambda: context.counter_fees.fee("telkom") == 2_000, timeout=TIMEOUT)
    row = context.journal.get(reference)
    assert (row.fee_final, row.counter_fee, row.collected) == (2_500, 3_000, 70_500)
    paper = printed_text(context, reference)
    assert any("Biaya Loket" in line and "3.000" in line for line in paper.splitlines())
    assert any("TOTAL" in line and "70.500" in line for line in paper.splitlines())
    assert expected_cash(context) == 70_500

    # The next Telkom bill: the new fee, and the bank's fee charged last time as a hint.
    screen = open_menu(qtbot, shell)  # after a paid bill the menu offers every product again
    search(qtbot, screen, "telkom rumah", "telkom")
    assert screen.form.values()["phoneNum"] == ""  # empty for the next customer
    summary = confirm_bill(qtbot, screen, TELKOM)
    assert "terakhir Rp 2.500" in summary and "Biaya loket\nRp 2.000" in summary
    assert screen.total_value.text() == "Rp 67.000"


def test_a_created_va_is_shown_as_a_bill_issued_not_cash_taken(qtbot, shell, context):
    screen = open_screen(qtbot, shell, "virtual_account")
    fill_va(qtbot, screen)
    click(qtbot, screen.create_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=TIMEOUT)
    click(qtbot, screen.receipt_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Virtual account dibuat" in text and "Belum ada uang diterima di loket" in text
    assert "Transaksi berhasil" not in text
    assert "Nominal tagihan VA\nRp 150.000" in text
    assert "Total\n" not in text and "Biaya admin" not in text
    paper = printed_text(context, result.done.row.reference)
    assert "TOTAL" not in paper and "Biaya Admin" not in paper
    assert any("Nominal Tagihan" in line and "150.000" in line for line in paper.splitlines())
    assert any("Status" in line and "DIBUAT, BELUM DIBAYAR" in line for line in paper.splitlines())

    view, header, rows = x_report_rows(qtbot, shell)
    assert rows == [["Total", "0", "Rp 0", "Rp 0", "Rp 0", "Rp 0"]]  # no money taken
    assert view.documents_note.isVisibleTo(view) and "Rp 150.000" in view.documents_note.text()
    assert expected_cash(context) == 0
