"""Bill payments through the screens, against the in-process BNI Keagenan sandbox: find the
product by typing, type the customer number, read the inquiry, PIN, pay, result, journal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from services.journal import State
from services.sandbox.base import Fault
from tests.ui.uidrive import PIN, bill_read, click, focused, wait_result
from ui.screens.billpay import CONFIRM, INPUT, PICK
from ui.screens.billpay_fields import ProductForm

TIMEOUT = 10_000


def open_menu(qtbot, shell, screen_id="billpay_tagihan"):
    click(qtbot, shell._nav[screen_id])
    screen = shell.screen(screen_id)
    assert shell.current_screen() is screen and screen.pages.currentIndex() == PICK
    return screen


def search(qtbot, screen, text, product_id):
    qtbot.keyClicks(screen.picker.search, text)
    assert product_id in screen.picker.result_buttons
    click(qtbot, screen.picker.result_buttons[product_id])
    assert screen.spec.id == product_id and screen.pages.currentIndex() == INPUT


def type_into(qtbot, screen, name, text):
    qtbot.keyClicks(screen.form.inputs[name].editor, text)


def check_bill(qtbot, screen):
    """"Cek tagihan", and the bill read with the customer."""
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    bill_read(screen)


def test_pln_postpaid_paid_through_the_screens(qtbot, shell, context, pin):
    screen = open_menu(qtbot, shell)
    qtbot.waitUntil(lambda: screen.picker.connection.text() == "Koneksi BNI: OK", timeout=TIMEOUT)
    search(qtbot, screen, "pln", "pln_postpaid")
    assert "pln_nontaglis" in screen.picker.result_buttons  # both PLN products were offered
    type_into(qtbot, screen, "customerId", "53111")
    check_bill(qtbot, screen)

    assert len(pin.asked) == 1  # PLN's inquiry needs the PIN (pin_at_inquiry)
    summary = screen.summary_text()
    assert "PEL POSTPAID 174193" in summary
    assert "Rp 1.200.000" in summary and "Rp 3.000" in summary
    assert screen.total_value.text() == "Rp 1.203.000"
    assert "Mei 2016" in summary and "R1/1300VA" in summary  # period and tariff from the inquiry
    # The document's own example answers another, longer id than the one typed, and the
    # payment carries the answered one: that is what is read back, and the difference said.
    assert screen.customer_line.text().startswith("ID pelanggan 5311112")
    assert screen.other_id_note.isVisible()
    assert screen.other_id_note.text() == ("Bank menjawab ID pelanggan 5311112, bukan 53111 yang diketik. Yang "
                                           "dibayar dan tercetak di struk adalah 5311112: cocokkan dengan pelanggan.")

    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Transaksi berhasil" in text
    assert "ID pelanggan\n5311112" in text and "PEL POSTPAID 174193" in text  # the receipt lines
    assert context.journal.get(result.done.row.reference).request["data"]["customerId"] == "5311112"
    assert "Jurnal keuangan" in text and "Rp 1.203.000" in text
    assert len(pin.asked) == 1  # the PIN typed for the bill check paid it
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS
    assert (row.host, row.product, row.customer_ref) == ("keagenan", "pln_postpaid", "53111")
    assert (row.amount, row.fee, row.total) == (1_200_000, 3_000, 1_203_000)
    assert row.host_ref and row.host_ref in text
    assert PIN not in str(row.request)


def test_bpjs_kesehatan_for_three_months(qtbot, shell, context, pin):
    screen = open_menu(qtbot, shell)
    qtbot.keyClicks(screen.picker.search, "bpjs kesehatan")
    assert list(screen.picker.result_buttons) == ["bpjs_kesehatan"]
    qtbot.keyClick(screen.picker.search, Qt.Key.Key_Return)  # Enter opens the single match
    assert screen.spec.id == "bpjs_kesehatan"
    months = screen.form.inputs["months"].editor
    assert list(months.buttons) == [str(n) for n in range(1, 13)] and months.value() == "1"
    type_into(qtbot, screen, "billingId", "8888801260835323")
    click(qtbot, months.buttons["3"])
    assert months.value() == "3"
    check_bill(qtbot, screen)

    inquiry = screen.flow.inquiry
    assert inquiry.inputs["months"] == "3"
    assert (inquiry.amount, inquiry.fee, inquiry.total) == (76_500, 5_000, 81_500)  # 3 x 25.500 + fee
    summary = screen.summary_text()
    assert "SEPTIA HANNY LESTARI" in summary and "Jumlah bulan\n3" in summary
    assert "No. peserta\n0001260835323" in summary and "Rp 1.260.835" not in summary  # an ID, never money
    assert "Biaya loket\nRp 2.500" in summary  # BPJS's own biaya_loket, which the customer pays too
    assert "8888801260835323" in screen.customer_line.text() and not screen.other_id_note.isVisible()
    assert screen.total_value.text() == "Rp 84.000"

    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert "Transaksi berhasil" in result.text()
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and row.product == "bpjs_kesehatan"
    assert (row.amount, row.fee, row.total) == (inquiry.amount, inquiry.fee, inquiry.total)
    shown = result.text()  # the receipt's lines: the months paid, the status once
    assert "Jumlah bulan dibayar\n3" in shown and "No. peserta\n0001260835323" in shown and "SUKSES" not in shown


def test_wrong_pin_keeps_the_agent_at_the_confirmation(qtbot, shell, context, pin):
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "pln", "pln_postpaid")
    type_into(qtbot, screen, "customerId", "53111")
    check_bill(qtbot, screen)

    screen.flow.forget_pin()  # the bill check's PIN is gone (two minutes, a lock): it is asked
    pin.answer = "111111"
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: screen.pay_button.isEnabled(), timeout=TIMEOUT)
    assert screen.banner.property("kind") == "error"
    assert "PIN transaksi salah" in screen.banner.text()
    assert screen.pages.currentIndex() == CONFIRM and shell.current_screen() is screen
    assert screen.total_value.text() == "Rp 1.203.000"  # the inquiry is still on screen
    refused = context.journal.rows("product = ?", ["pln_postpaid"])
    assert [r.state for r in refused] == [State.FAILED]

    pin.answer = PIN  # typed again, correctly: the same inquiry is paid
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert "Transaksi berhasil" in result.text()


def test_free_amount_outside_the_bounds_is_refused_at_the_field(qtbot, shell, context, pin):
    screen = open_menu(qtbot, shell)
    click(qtbot, screen.picker.category_buttons["prudential"])  # one entry for six sub-products
    member = screen.form.member
    member.setCurrentIndex(member.findData("prudential_topup"))
    assert screen.spec.id == "prudential_topup"
    type_into(qtbot, screen, "billingId", "12100100")
    check_bill(qtbot, screen)

    amount = screen.amount_field
    assert "Rp 45.000" in amount.hint.text() and "Rp 150.000" in amount.hint.text()
    qtbot.keyClicks(screen.amount_edit, "200000")
    assert screen.total_value.text() == "—"  # live totals: nothing payable
    click(qtbot, screen.pay_button)
    assert amount.error.isVisible() and "paling banyak Rp 150.000" in amount.error.text()
    screen.amount_edit.clear()
    qtbot.keyClicks(screen.amount_edit, "20000")
    click(qtbot, screen.pay_button)
    assert amount.error.isVisible() and "paling sedikit Rp 45.000" in amount.error.text()
    assert pin.asked == []  # refused before any PIN or request
    assert list(context.journal.rows("product = ?", ["prudential_topup"])) == []

    screen.amount_edit.clear()
    qtbot.keyClicks(screen.amount_edit, "45000")
    assert screen.total_value.text() == "Rp 45.000"
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and (row.amount, row.total) == (45_000, 45_000)


def test_a_free_amount_the_bank_does_not_bound_is_empty_or_out_of_the_counters_bounds_refused_at_the_field(
        qtbot, shell, context, pin):
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "kartu kredit bni", "cc_bni")
    type_into(qtbot, screen, "cardNum", "4665730000000117")
    check_bill(qtbot, screen)
    amount = screen.amount_field
    assert amount.hint.text() == "Antara Rp 1.000 dan Rp 20.000.000."  # the counter's own bounds
    # the bill (Rp 261.553.126) is above them: read beside the box, not offered in it to be refused
    assert screen.amount_edit.text() == "" and "Rp 261.553.126" in screen.summary_text()
    assert focused(shell) is screen.amount_edit

    qtbot.keyClicks(screen.amount_edit, "12")
    qtbot.keyClick(screen.amount_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(screen.amount_edit, Qt.Key.Key_Backspace)
    assert screen.amount_value.text() == "—"  # an empty field is no amount, not the whole bill
    qtbot.keyClick(screen.amount_edit, Qt.Key.Key_Return)
    assert amount.error.isVisible() and amount.error.text() == "Ketik nominal yang dibayar."
    for typed, said in (("5", "paling sedikit Rp 1.000"), ("999999999999", "paling banyak Rp 20.000.000")):
        screen.amount_edit.clear()
        qtbot.keyClicks(screen.amount_edit, typed)
        qtbot.keyClick(screen.amount_edit, Qt.Key.Key_Return)
        assert amount.error.isVisible() and said in amount.error.text()
    assert pin.asked == []  # refused before any PIN or request
    assert list(context.journal.rows("product = ?", ["cc_bni"])) == []

    screen.amount_edit.clear()
    qtbot.keyClicks(screen.amount_edit, "500000")
    qtbot.keyClick(screen.amount_edit, Qt.Key.Key_Return)
    result = wait_result(qtbot, shell)
    assert "Rp 500.000" in pin.asked[0]
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and row.amount == 500_000


def test_a_charity_amount_outside_the_counters_bounds_is_refused_at_the_field(qtbot, shell, context, pin):
    screen = open_menu(qtbot, shell, "billpay_pembelian")
    click(qtbot, screen.picker.category_buttons["charity"])
    qtbot.keyClicks(screen.form.inputs["providerId"].editor.lineEdit(), "Zakat - Dompet Dhuafa")
    field = screen.field("amount")
    assert field.hint.text() == "Antara Rp 1.000 dan Rp 20.000.000."
    type_into(qtbot, screen, "amount", "5")
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: field.error.isVisible(), timeout=TIMEOUT)
    assert "paling sedikit Rp 1.000" in field.error.text()
    assert screen.pages.currentIndex() == INPUT and pin.asked == []
    assert list(context.journal.rows("product = ?", ["charity"])) == []


def test_charity_is_paid_in_one_step_from_the_pembelian_menu(qtbot, shell, context, pin):
    screen = open_menu(qtbot, shell, "billpay_pembelian")
    click(qtbot, screen.picker.category_buttons["charity"])
    assert screen.check_button.text() == "Lanjut"  # no inquiry for this product
    provider = screen.form.inputs["providerId"].editor
    qtbot.keyClicks(provider.lineEdit(), "Zakat - Dompet Dhuafa")
    click(qtbot, screen.check_button)
    field = screen.field("amount")
    qtbot.waitUntil(lambda: field.error.isVisible(), timeout=TIMEOUT)
    assert "wajib diisi" in field.error.text()  # refused at the field
    type_into(qtbot, screen, "amount", "1500000")
    check_bill(qtbot, screen)
    assert "Zakat - Dompet Dhuafa" in screen.summary_text()
    assert screen.total_value.text() == "Rp 1.500.000"
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and row.product_group == "purchases" and row.total == 1_500_000
    assert len(pin.asked) == 1
    # the provider by its name where the agent reads it; its code is what the journal and the wire keep
    assert "untuk Zakat - Dompet Dhuafa" in pin.asked[0] and "Zakat - Dompet Dhuafa" in result.text()
    assert "ZAKAT_DOMPET_DHUAFA" not in pin.asked[0] + result.text()
    assert row.customer_ref == row.request["data"]["providerId"] == "ZAKAT_DOMPET_DHUAFA"

    click(qtbot, result.new_button)  # next customer, same product, empty form
    assert shell.current_screen() is screen and screen.pages.currentIndex() == INPUT
    assert screen.spec.id == "charity" and screen.form.values()["amount"] == ""


def test_bad_number_is_refused_before_the_pin_and_host_errors_are_explained(qtbot, shell, pin):
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "pln pasca", "pln_postpaid")
    type_into(qtbot, screen, "customerId", "12")
    click(qtbot, screen.check_button)
    field = screen.field("customerId")
    assert field.error.isVisible() and "5 sampai 12" in field.error.text()
    assert pin.asked == []

    click(qtbot, screen.other_button)
    assert screen.pages.currentIndex() == PICK
    screen.picker.search.clear()
    search(qtbot, screen, "telkom rumah", "telkom")
    type_into(qtbot, screen, "areaCode", "0021")
    type_into(qtbot, screen, "phoneNum", "123456")
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=TIMEOUT)
    assert screen.banner.property("kind") == "error"
    assert "nomor" in screen.banner.text().lower()
    assert screen.pages.currentIndex() == INPUT


def test_telkom_bill_lines_read_as_rupiah_on_the_screen(qtbot, shell, pin):
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "telkom rumah", "telkom")
    type_into(qtbot, screen, "areaCode", "0021")
    type_into(qtbot, screen, "phoneNum", "998877441")
    check_bill(qtbot, screen)
    summary = screen.summary_text()
    assert "Tagihan 1\nRp 30.000" in summary and "Tagihan 2\nRp 35.000" in summary  # the host sent "30000"
    assert "Ref. tagihan 1\n209A238010" in summary  # an ID as sent
    assert "Tagihan 3" not in summary  # two bills, counted from 1 (the host's slot 1 was empty)


def test_search_says_when_nothing_matches(qtbot, shell):
    screen = open_menu(qtbot, shell)
    qtbot.keyClicks(screen.picker.search, "qwerty")
    assert screen.picker.result_buttons == {}
    assert "Tidak ada produk" in screen.picker.note.text()
    qtbot.keyClick(screen.picker.search, Qt.Key.Key_Return)
    assert screen.pages.currentIndex() == PICK
    screen.picker.search.clear()
    assert screen.picker.categories.isVisible()


def test_connection_check_failure_is_shown_in_the_picker(qtbot, shell, context):
    context.sandbox_hosts["keagenan"].faults.queue(Fault.SERVER_ERROR, "/keagenan/transaction")
    screen = open_menu(qtbot, shell)
    qtbot.waitUntil(lambda: screen.picker.connection.text() == "Koneksi BNI: gagal", timeout=TIMEOUT)
    assert screen.picker.connection.property("ok") is False
    assert screen.picker.connection.toolTip()  # the reason, for the helpdesk
    assert not screen.banner.isVisible()  # the menu stays usable


def pay_pln_meeting(qtbot, shell, context, fault):
    """A PLN bill checked, then paid with ``fault`` on its payment: (the screen, its result)."""
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "pln", "pln_postpaid")
    type_into(qtbot, screen, "customerId", "53111")
    check_bill(qtbot, screen)
    context.sandbox_hosts["keagenan"].faults.queue(fault, "/keagenan/transaction")
    click(qtbot, screen.pay_button)
    return screen, wait_result(qtbot, shell)


def test_payment_with_unknown_outcome_goes_to_the_result_screen_as_suspect(qtbot, shell, context, pin):
    screen, result = pay_pln_meeting(qtbot, shell, context, Fault.LOST_AFTER_PROCESSING)
    assert "Status belum pasti" in result.text()
    assert context.journal.get(result.done.row.reference).state is State.SUSPECT
    click(qtbot, result.new_button)  # the next customer starts from an empty form, never a resend
    assert screen.pages.currentIndex() == INPUT and screen.form.values()["customerId"] == ""


def test_a_payment_answer_whose_total_contradicts_the_bill_is_suspect_on_the_result_screen(qtbot, shell, context,
                                                                                             pin):
    """The answer states ten times the bill as the payment's total (data.amount): no
    confirmation of this payment. The result says its status is not certain, not to repeat
    it nor hand the cash back, with its reference; never "Berhasil"."""
    _, result = pay_pln_meeting(qtbot, shell, context, Fault.INCONSISTENT_TOTAL)
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUSPECT
    assert "Status belum pasti" in result.text() and "Berhasil" not in result.text()
    assert "JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu" in result.text()
    assert row.reference in result.text()


def pay_pln(qtbot, shell, screen):
    search(qtbot, screen, "pln", "pln_postpaid")
    type_into(qtbot, screen, "customerId", "53111")
    check_bill(qtbot, screen)
    click(qtbot, screen.pay_button)
    return wait_result(qtbot, shell)


def test_the_menu_after_a_paid_bill_offers_every_product_again(qtbot, shell, context, pin):
    """Day walk: after a PLN bill, Esc to Beranda and "Bayar Tagihan" again for the next
    customer's BPJS opened PLN's form, its cursor in "ID pelanggan": "bpjs kes" typed there
    vanished and the 16-digit BPJS number went in cut to PLN's 12 digits. The menu is every
    product; "Transaksi baru" on the result is the one that keeps the product."""
    screen = open_menu(qtbot, shell)
    pay_pln(qtbot, shell, screen)
    qtbot.keyClick(focused(shell), Qt.Key.Key_Escape)  # the result: to Beranda
    open_menu(qtbot, shell)  # the picker (asserted there), ...
    assert focused(shell) is screen.picker.search  # ... its search box taking the keys
    assert screen.heading.text() == "Bayar Tagihan"


def test_transaksi_baru_after_a_paid_bill_keeps_the_product(qtbot, shell, context, pin):
    screen = open_menu(qtbot, shell)
    result = pay_pln(qtbot, shell, screen)
    click(qtbot, result.new_button)
    assert shell.current_screen() is screen and screen.pages.currentIndex() == INPUT
    assert screen.spec.id == "pln_postpaid" and focused(shell) is screen.form.inputs["customerId"].editor


def test_a_paid_bills_result_builds_no_form_that_transaksi_baru_builds_again(qtbot, shell, context, pin):
    """Day bench: behind a paid bill's result its screen built the next customer's form
    (~10 ms of the GUI thread, while the receipt is numbered and printed), and "Transaksi
    baru" threw it away and built it again. Behind the result the paid customer's form is
    gone and none is built; "Transaksi baru" builds the one the agent types into."""
    screen = open_menu(qtbot, shell)
    result = pay_pln(qtbot, shell, screen)
    assert screen.findChildren(ProductForm) == []  # the paid one gone (deleted later), no other made
    assert all("53111" not in edit.text() for edit in screen.findChildren(QLineEdit))
    click(qtbot, result.new_button)
    assert shell.current_screen() is screen and screen.pages.currentIndex() == INPUT
    assert screen.findChildren(ProductForm) == [screen.form] and screen.form.values()["customerId"] == ""
    assert focused(shell) is screen.form.inputs["customerId"].editor


def test_a_choice_names_its_field_without_lowering_an_acronym(qtbot, shell):
    """Day walk: PDAM's drop-down read "Pilih perusahaan air (pdam)"."""
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "pdam", "pdam")
    box = screen.form.inputs["provider"].editor
    assert box.placeholderText() == "Pilih perusahaan air (PDAM)"


def test_a_water_bills_usage_reads_with_thousands_dots_and_its_customer_number_as_sent(qtbot, shell, context, pin):
    """Day walk: PDAM's usage read "Pemakaian (m3) 18000" on the confirmation and on the
    receipt; Indonesians write 18.000. The customer number stays as sent."""
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "pdam", "pdam")
    box = screen.form.inputs["provider"].editor
    box.setFocus()
    qtbot.keyClicks(box, "AETRA")
    assert box.currentData() == "AETRA"
    type_into(qtbot, screen, "customerNumber", "400")
    check_bill(qtbot, screen)
    summary = screen.summary_text()
    assert "Pemakaian (m3)\n18.000" in summary and "18000" not in summary
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Transaksi berhasil" in text and "Pemakaian (m3)\n18.000" in text
    row = context.journal.get(result.done.row.reference)
    assert row.request["data"]["kubikasi"] == "18000"  # the wire keeps what the bank sent
    assert f"No. pelanggan\n{row.request['data']['billingId']}" in text


def test_a_pln_stand_meter_reads_as_the_bank_sends_it_leading_zeros_and_all(qtbot, shell, context, pin):
    """PLN's stand meter is a meter's reading from-to, printed on PLN's own receipts as the
    bank sends it (section 29's example "00000100-00000100"): the confirmation, the result and
    the paper read "100 - 100", the meter's digits dropped as if it were a sum."""
    from tests.ui.test_fees import printed_text

    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "pln", "pln_postpaid")
    type_into(qtbot, screen, "customerId", "53111")
    check_bill(qtbot, screen)
    assert "Stand meter\n00000100-00000100" in screen.summary_text()
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert "Stand meter\n00000100-00000100" in result.text() and "100 - 100" not in result.text()
    row = context.journal.get(result.done.row.reference)
    assert row.request["data"]["stand_meter"] == "00000100-00000100"
    paper = printed_text(context, row.reference)
    assert "00000100-00000100" in paper and "100 - 100" not in paper
