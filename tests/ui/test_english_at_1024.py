"""An English counter at 1024x768, walked by keyboard (QA walk 8): what was cut, left in
Indonesian or dead to the keyboard there. Receipts and sealed reports stay Indonesian; the
screens around them follow the agent's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from app.gui import translations_dir
from tests.ui.fit_check import findings
from tests.ui.screenshots import settle
from tests.ui.test_english_counter_words import palette
from tests.ui.test_language import log_in_open
from tests.ui.uidrive import bill_read, focused, key, type_text, wait_result
from ui import i18n
from ui.screens.billpay import CONFIRM

TIMEOUT = 10_000


@pytest.fixture
def shell_en(qtbot, qapp, request):
    """Logged in in English, the day's shift open, the window 1024x768."""
    assert i18n.install("en", translations_dir())
    request.getfixturevalue("context").dayclose.shifts.open(0, "BNIUS100294")
    loket = request.getfixturevalue("loket")
    shell = log_in_open(qtbot, loket)
    shell.showNormal()
    shell.resize(1024, 768)
    settle(qapp)
    yield shell
    i18n.install("id", translations_dir())


def cut(qapp, shell) -> list[str]:
    settle(qapp)
    return [str(f) for f in findings(shell, shell.findChild(QScrollArea, "stackScroll"))]


def test_a_long_product_name_wraps_instead_of_pushing_the_bill_off_the_side(qtbot, qapp, shell_en):
    """"PLN Non-Taglis (New Connection/Power Upgrade)" as one line was wider than the page:
    the form, the bill and the result scrolled sideways, "Pay now" half off the screen."""
    palette(qtbot, shell_en, "nontaglis")
    screen = shell_en.screen("billpay_tagihan")
    assert screen.heading.text() == "PLN Non-Taglis (New Connection/Power Upgrade)"
    assert cut(qapp, shell_en) == []
    type_text(qtbot, shell_en, "531113")
    key(qtbot, shell_en, Qt.Key.Key_Return)  # the PIN for the inquiry: the injected prompt
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert cut(qapp, shell_en) == []
    bill_read(screen)
    key(qtbot, shell_en, Qt.Key.Key_Return)
    result = wait_result(qtbot, shell_en)
    assert result.heading.text() == "PLN Non-Taglis (New Connection/Power Upgrade)"
    assert cut(qapp, shell_en) == []
    assert focused(shell_en) is result.new_button


def test_the_catalogues_choices_and_hints_read_in_english(qtbot, qapp, shell_en):
    """BNI Life's payment types ("Premi pertama", "Cetak ulang polis"), its amount's hint
    ("Kosongkan untuk premi lanjutan…"), BPJS Ketenagakerjaan's membership types and Telkom's
    "Contoh 021." were shown as the catalogue writes them, in Indonesian, on the English form
    and on the bill read back to the customer."""
    palette(qtbot, shell_en, "bni life")
    screen = shell_en.screen("billpay_tagihan")
    kinds = screen.form.inputs["providerId"].editor
    assert [kinds.itemText(i) for i in range(kinds.count())] == [
        "First premium", "Renewal premium", "Policy loan", "Premium top-up", "Policy reprint",
        "Policy reinstatement fee"]
    assert screen.form.field("amount").hint.text() == "Leave empty for a renewal premium or a policy reprint."
    assert kinds.value() == ""  # nothing chosen yet, as in Indonesian
    key(qtbot, shell_en, Qt.Key.Key_Down)
    assert kinds.value() == "BNILIFE_PREMI_PERTAMA"  # the wire keeps the bank's value
    key(qtbot, shell_en, Qt.Key.Key_Return)
    type_text(qtbot, shell_en, "1114568975")
    key(qtbot, shell_en, Qt.Key.Key_Return)
    type_text(qtbot, shell_en, "50000")
    key(qtbot, shell_en, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONFIRM, timeout=TIMEOUT)
    assert "Payment type First premium" in screen.customer_line.text()

    palette(qtbot, shell_en, "ketenagakerjaan")
    kinds = screen.form.inputs["payment_type"].editor
    assert [kinds.itemText(i) for i in range(kinds.count())] == [
        "Non-wage earner (BPU)", "Indonesian migrant worker (TKI)"]
    months = screen.form.inputs["months"].editor
    assert [b.accessibleName() for b in months.buttons.values()] == ["1 month", "3 months", "6 months", "12 months"]

    palette(qtbot, shell_en, "telkom")
    assert screen.spec.id == "telkom"
    assert screen.form.field("areaCode").hint.text() == "For example 021."


def test_every_hint_of_the_catalogue_is_marked_and_no_choice_is_marked_that_it_does_not_offer():
    from services.products import default_catalogue
    from ui.models.catalogue_labels import CHOICE_LABELS, HINTS

    fields = [f for spec in default_catalogue() for f in spec.fields]
    assert sorted({f.hint for f in fields if f.hint}) == sorted(HINTS)
    assert set(CHOICE_LABELS) <= {c.label for f in fields for c in f.choices}


def test_a_created_va_reads_in_english_on_screen(qtbot, shell_en):
    """The VA's holder read "a.n. Budi Santoso", and its result screen listed the receipt's
    Indonesian lines as printed: "Bayar tepat", "Bayar di: ATM, m-banking, teller BNI",
    "Dari bank lain: transfer ke nomor VA…", "Petunjuk", "Tertutup (nominal tetap)"."""
    palette(qtbot, shell_en, "virtual account")
    screen = shell_en.screen("virtual_account")
    assert focused(shell_en) is screen.name
    asked = []
    screen.ask_confirm = lambda parent, title, text: asked.append((title, text)) or True  # read back, agreed
    for typed in ("Budi Santoso", "081234567890", "", "", "", "150000"):
        type_text(qtbot, shell_en, typed)
        key(qtbot, shell_en, Qt.Key.Key_Return)  # the amount's Enter reads the VA back, then creates it
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=TIMEOUT)
    ((title, text),) = asked
    assert title == "Create the virtual account?"
    assert text.startswith("Name: Budi Santoso\nAmount: Rp 150.000\nValid until: ") and "Read it out" in text
    assert screen.va_card.detail.text() == "in the name of Budi Santoso"
    assert focused(shell_en) is screen.receipt_button
    key(qtbot, shell_en, Qt.Key.Key_Return)
    text = wait_result(qtbot, shell_en).text()
    for english in ("VA type\nClosed (fixed amount)", "Pay exactly\nRp 150.000",
                    "Pay at\nATM, mobile banking, BNI teller", "BNI menu\nVirtual Account Billing",
                    "From another bank\ntransfer to the VA number, bank BNI (009)", "How to pay\nhttps://"):
        assert english in text
    for indonesian in ("a.n.", "Bayar", "Tertutup", "Petunjuk", "Dari bank lain", "ke nomor VA"):
        assert indonesian not in text


def test_the_sealed_day_fits_the_page(qtbot, qapp, shell_en, loket):
    """Tutup Hari's last page put its figures and buttons beside the receipt printer's
    summary, whose heading ("Summary for the receipt printer") did not wrap: 150px wider than
    the page at 1024x768, so the summary was off the side and the page scrolled sideways."""
    from tests.ui.test_dayclose_screens import count_cash, start_close

    screen = start_close(qtbot, shell_en, loket)
    count_cash(qtbot, screen, loket, "0")
    screen.variance_page.confirm_button.click()
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    assert cut(qapp, shell_en) == []


def test_after_settling_a_pending_transaction_the_cursor_stays_in_the_list(qtbot, shell, context):
    """The settled item's button went away with the focus on it, and Qt gave the focus to the
    next widget of the window: the header's training switch (live: "Keluar"), where the
    agent's next arrow armed a drill. It stays in the work-list: the next item's button, else
    the list's "Tutup"; after the last one settled BERHASIL, its receipt's "Cetak struk" on
    Beranda (tests/ui/test_settled_then_print.py), never the header."""
    from services.errors import MaybeSent
    from services.sandbox.base import Fault
    from tests.ui.test_history_screens import go_home
    from tests.ui.uidrive import PIN
    from ui.screens.resolution_dialogs import ManualDecision

    for account, name in (("14047", "ARDHA HERDIANTO"), ("1234567890", "SITI RAHAYU")):
        context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
        with pytest.raises(MaybeSent):
            context.banking.deposit(account=account, name=name, amount=60_000, narration="tabungan", pin=PIN)
    shell.open("history")  # leave and come back: Beranda reads the list again
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 2, timeout=TIMEOUT)
    panel.ask_resolution = lambda parent, detail, guide: ManualDecision(True, "", "", officer="Ibu Rina",
                                                                         time="10:00")
    panel.items[0].button.setFocus()
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(panel.items) == 1 and shell.services.worker.running == 0, timeout=TIMEOUT)
    assert focused(shell) is panel.items[0].button
    last = panel.items[0].item.row.reference
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.items == [] and shell.services.worker.running == 0, timeout=TIMEOUT)
    receipts = shell.screen("home").unprinted
    qtbot.waitUntil(lambda: focused(shell) is receipts.buttons.get(last), timeout=TIMEOUT)


def test_the_repeat_dialogs_yes_takes_enter_once_ticked_and_tabbed_to(qtbot):
    """Ticked with Space and reached with Tab, "Ya, transaksi baru" ignored Enter: with the
    focus off "Batal" no button was the default, and the agent's Enter did nothing at all.
    Enter anywhere else still means Batal."""
    from ui.dialogs import RepeatDialog

    dialog = RepeatDialog(None, "Transaksi yang sama sudah BERHASIL pukul 14:05 (ref 1). Ini transaksi baru?")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is dialog.sure
    qtbot.keyClick(dialog.sure, Qt.Key.Key_Space)
    assert dialog.sure.isChecked()
    for _ in range(3):  # the buttons' order is the platform's
        if dialog.focusWidget() is not dialog.go_button:
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.go_button
    qtbot.keyClick(dialog.go_button, Qt.Key.Key_Return)
    assert dialog.result() == RepeatDialog.DialogCode.Accepted


def test_the_number_of_months_is_typed_as_the_hint_says(qtbot, shell_en):
    """"Press the number of months being paid": the digit typed on the month buttons did
    nothing, and the Enter after it checked the bill for the one month still chosen."""
    palette(qtbot, shell_en, "bpjs kesehatan")
    screen = shell_en.screen("billpay_tagihan")
    months = screen.form.inputs["months"].editor
    type_text(qtbot, shell_en, "8888801260835323")
    key(qtbot, shell_en, Qt.Key.Key_Return)
    assert focused(shell_en) is months.buttons["1"]
    type_text(qtbot, shell_en, "3")
    assert months.value() == "3" and focused(shell_en) is months.buttons["3"]
    type_text(qtbot, shell_en, "12")  # two digits in a row: twelve
    assert months.value() == "12" and focused(shell_en) is months.buttons["12"]
