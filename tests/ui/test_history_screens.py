"""Riwayat Transaksi, Transaksi Menggantung and Transfer Switcher through the real widgets:
filters, details (events, redacted request), status check, manual resolution, reversal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from services.errors import MaybeSent
from services.journal import State
from services.sandbox.base import Fault
from tests.manual_clock import ManualClock
from tests.ui.uidrive import PASSWORD, PIN, USERNAME, click, focused, key, log_in, wait_result
from ui.models.journal_table import CUSTOMER, PRODUCT, REFERENCE
from ui.reprint_guard import READ_SECONDS
from ui.screens.resolution_dialogs import ManualDecision, ReversalRequest
from ui.screens.suspects import SuspectWorklist

BRIAPI = "888801000003301"
SUPERVISOR_PIN = "246810"


# -- helpers -------------------------------------------------------------------------------
def deposit(context, amount: int = 50_000, *, lost: bool = False) -> str:
    """A Bank+ deposit through the service (logged in); ``lost``: its answer never arrives."""
    if lost:
        context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/depositAccount")
    try:
        executed = context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=amount,
                                           narration="tabungan", pin=PIN)
    except MaybeSent as exc:
        assert lost
        return exc.reference
    return executed.row.reference


def switcher_transfer(context, amount: int = 150_000, *, lost: bool = False) -> str:
    if lost:
        context.sandbox_hosts["switcher"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    quote = context.switching.switcher_inquiry("BRINIDJA", BRIAPI)
    try:
        return context.switching.switcher_transfer(quote, amount, "bayar").row.reference
    except MaybeSent as exc:
        assert lost
        return exc.reference


def open_history(qtbot, shell):
    click(qtbot, shell._nav["history"])
    screen = shell.screen("history")
    qtbot.waitUntil(lambda: screen.loaded and not screen.worker.is_busy(screen.search_button), timeout=10_000)
    return screen


def search(qtbot, screen, *, state: State | None = None, customer: str = "", reference: str = "") -> list[str]:
    screen.state.setCurrentIndex(screen.state.findData(state.value) if state else 0)
    screen.customer.setText(customer)
    screen.reference.setText(reference)
    with qtbot.waitSignal(screen.model.modelReset, timeout=10_000):
        click(qtbot, screen.search_button)
    return [screen.model.row_at(r).reference for r in range(screen.model.rowCount())]


def open_details(qtbot, screen, reference: str):
    refs = search(qtbot, screen, reference=reference)
    assert refs == [reference]
    index = screen.model.index(0, REFERENCE)
    rect = screen.table.visualRect(index)
    # A real double-click starts with a press (QTest's double-click alone does not send one).
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.details
                    and screen.details.row is not None and screen.details.row.reference == reference,
                    timeout=10_000)
    return screen.details


def worklist(shell) -> SuspectWorklist:
    return shell.screen("home").findChild(SuspectWorklist)


def go_home(qtbot, shell) -> SuspectWorklist:
    click(qtbot, shell._nav["home"])
    panel = worklist(shell)
    qtbot.waitUntil(lambda: shell.services.worker.running == 0, timeout=10_000)
    return panel


# -- Transfer Switcher ---------------------------------------------------------------------
def test_switcher_transfer_end_to_end(qtbot, shell, context, pin):
    host = context.sandbox_hosts["switcher"]
    before = host.accounts[BRIAPI].balance_sen
    context.pins.learn(USERNAME, PIN)  # as a Bank+ success proves it: the Switcher takes no PIN itself
    asked = pin.asked
    click(qtbot, shell._nav["switcher_transfer"])
    screen = shell.screen("switcher_transfer")
    assert screen.bank.text() == "BRINIDJA"
    qtbot.keyClicks(screen.account, BRIAPI)
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    assert "BRIAPI SANDBOX" in screen.destination.text() and "Rekening Aktif" in screen.destination.text()
    assert not screen.pay_button.isEnabled()  # not before the name is read out and ticked
    screen.name_confirmed.setChecked(True)
    qtbot.keyClicks(screen.amount, "150000")
    qtbot.keyClicks(screen.remark, "bayar kos")
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert "Transaksi berhasil" in result.text() and "BRIAPI SANDBOX" in result.text()
    assert len(asked) == 1 and "Rp 150.000" in asked[0] and "BRIAPI SANDBOX" in asked[0]
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and row.product == "switcher_transfer" and row.amount == 150_000
    assert host.accounts[BRIAPI].balance_sen == before + 15_000_000


def test_switcher_refuses_an_inactive_account_before_confirming(qtbot, shell, context):
    click(qtbot, shell._nav["switcher_transfer"])
    screen = shell.screen("switcher_transfer")
    qtbot.keyClicks(screen.account, "888801000099017")
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    assert screen.banner.isVisible() and "Tidak Aktif" in screen.banner.text()
    screen.name_confirmed.setChecked(True)
    assert not screen.pay_button.isEnabled()


def test_switcher_cancelled_pin_sends_nothing(qtbot, shell, context, pin):
    context.pins.learn(USERNAME, PIN)
    pin.answer = None  # the agent cancels the PIN prompt
    click(qtbot, shell._nav["switcher_transfer"])
    screen = shell.screen("switcher_transfer")
    qtbot.keyClicks(screen.account, BRIAPI)
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    screen.name_confirmed.setChecked(True)
    qtbot.keyClicks(screen.amount, "150000")
    click(qtbot, screen.pay_button)
    assert context.journal.count("product = 'switcher_transfer'") == 0


# -- Riwayat: filters and details ----------------------------------------------------------
def test_filters_find_the_right_rows(qtbot, shell, context):
    deposits = [deposit(context, amount) for amount in (50_000, 60_000)]
    suspect = deposit(context, 70_000, lost=True)
    transfer = switcher_transfer(context)
    screen = open_history(qtbot, shell)
    every = [screen.model.row_at(r).reference for r in range(screen.model.rowCount())]
    assert every == [transfer, suspect, *reversed(deposits)]  # today by default, newest first
    assert "4 transaksi" in screen.count_label.text()
    assert search(qtbot, screen, state=State.SUSPECT) == [suspect]
    assert search(qtbot, screen, state=State.SUCCESS) == [transfer, *reversed(deposits)]
    assert search(qtbot, screen, customer="ardha") == [suspect, *reversed(deposits)]  # name, any case
    assert search(qtbot, screen, customer="8888010") == [transfer]  # number prefix
    assert search(qtbot, screen, reference=deposits[0]) == [deposits[0]]
    assert search(qtbot, screen, state=State.FAILED) == []
    assert "Tidak ada transaksi" in screen.count_label.text()
    screen.product.setCurrentIndex(screen.product.findData("switcher_transfer"))
    assert search(qtbot, screen) == [transfer]


def test_paging_by_fifty(qtbot, shell, context):
    for amount in (10_000, 11_000, 12_000):  # the same one thrice would ask "Ini transaksi baru?"
        deposit(context, amount)
    screen = open_history(qtbot, shell)
    screen.page_size = 2  # the same buttons as with 50 rows, with fewer rows to make
    search(qtbot, screen)
    assert screen.count_label.text() == "Halaman 1 dari 2 · 3 transaksi"
    assert screen.next_button.isEnabled() and not screen.prev_button.isEnabled()
    with qtbot.waitSignal(screen.model.modelReset, timeout=10_000):
        click(qtbot, screen.next_button)
    assert screen.model.rowCount() == 1 and screen.prev_button.isEnabled() and not screen.next_button.isEnabled()


def test_every_row_shows_its_cells_whole_at_each_width(qtbot, shell, context):
    """Rows are sized from the font's measure of the product and customer texts, not by the
    view (which asked the model for every cell, 80-190 ms for a page of 50): a long name still
    wraps whole in its row, and again when the window is narrower (Qt's own measure agrees)."""
    journal = context.journal
    for n in range(50):
        reference = journal.next_reference()
        journal.begin(reference=reference, host="bankplus", product="deposit", product_group="banking",
                      amount=10_000 + n, fee=0, operator="kasir1", request={}, customer_ref="14047",
                      customer_name="ALOYSIUS AGUS WARI ZULKARNAEN SETIAWAN" if n == 49 else "SITI")
        journal.transition(reference, State.SENT, actor="kasir1", reason="dikirim")
        journal.transition(reference, State.SUCCESS, actor="kasir1", reason="jawaban host")
    screen = open_history(qtbot, shell)
    table = screen.table

    def whole() -> bool:  # no row cut below, no column cut at the side
        return (all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(screen.model.rowCount()))
                and table.horizontalScrollBar().maximum() == 0)

    for width in (shell.width(), 1024 - 20):
        shell.resize(width, shell.height())
        qtbot.waitUntil(whole, timeout=5_000)
        assert table.rowHeight(0) > table.rowHeight(1)  # the long name, newest, on more lines
    table.horizontalHeader().resizeSection(PRODUCT, 200)  # the agent widens the product: the customer narrows
    qtbot.waitUntil(whole, timeout=5_000)


def test_an_empty_list_shows_each_column_title_whole(qtbot, shell):
    """No row today (a new kiosk's morning, a search that finds nothing): each column is still
    as wide as its title ("Waktu (WIB)", "No. referensi"), not the view's default width."""
    screen = open_history(qtbot, shell)
    assert search(qtbot, screen, customer="tak ada yang bernama begini") == []
    header = screen.table.horizontalHeader()

    def titles_cut() -> list[str]:
        return [screen.model.headerData(column, Qt.Orientation.Horizontal)
                for column in range(screen.model.columnCount())
                if not header.isSectionHidden(column) and header.sectionSize(column) < header.sectionSizeHint(column)]

    # Once the view has laid out the empty page (the columns are fitted on the event loop's
    # next turn, and on a loaded machine the window's layout may still be pending).
    qtbot.waitUntil(lambda: titles_cut() == [], timeout=5_000)


def test_the_browser_pages_fifty_rows(shell):
    from services.journal_query import DEFAULT_PAGE_SIZE

    assert DEFAULT_PAGE_SIZE == 50 and shell.screen("history").page_size == 50


def test_a_created_virtual_account_shows_no_money_taken(qtbot, shell, context):
    """Counter walk: Riwayat's "Total" of a Buat Virtual Account row read Rp 250.000, as if the
    customer had paid it at the counter; the result screen, Beranda and Laporan X all say
    nothing was taken (the customer pays the VA later, at the bank)."""
    from tests.ui.test_snap_screens import fill_va, open_screen

    va = open_screen(qtbot, shell, "virtual_account")
    fill_va(qtbot, va, amount="250000")
    click(qtbot, va.create_button)
    qtbot.waitUntil(lambda: va.pages.currentIndex() == 1, timeout=10_000)
    click(qtbot, va.receipt_button)
    reference = wait_result(qtbot, shell).done.row.reference
    screen = open_history(qtbot, shell)
    assert search(qtbot, screen, reference=reference) == [reference]
    cells = {screen.model.headerData(c, Qt.Orientation.Horizontal): screen.model.index(0, c).data()
             for c in range(screen.model.columnCount())}
    assert cells["Nominal"] == "Rp 250.000" and cells["Biaya"] == "Rp 0"  # the bill, as issued
    assert cells["Total"] == "—" and cells["Status"] == "BERHASIL"
    details = open_details(qtbot, screen, reference)
    assert "Total: —" in details.info.text() and "Total: Rp 250.000" not in details.info.text()


def test_details_show_events_and_the_redacted_request(qtbot, shell, context):
    reference = deposit(context, 80_000)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    text = details.text()
    assert "Setor Tunai · BERHASIL" in text and "14047 — ARDHA HERDIANTO" in text and "Rp 80.000" in text
    assert "Kelompok: Perbankan" in details.more.text()  # the group's name, not the journal's "banking"
    # the bank's reference under the receipt's own name: the helpdesk reads "Ref. Bank" off the
    # customer's receipt and asks the agent for the same line here (it said "Ref. host"); a
    # deposit's answer carries none, which the line says (tests/ui/test_row_words.py)
    host_ref = context.journal.get(reference).host_ref or "Tidak diberikan bank untuk produk ini"
    assert f"Ref. Bank: {host_ref}" in details.info.text() and "Ref. host" not in details.info.text()
    assert "dicatat sebelum dikirim" in text and USERNAME in text  # who and why, per event
    assert details.events.rowCount() >= 3  # NEW, SENT, SUCCESS
    request = details.request_box.toPlainText()
    assert '"14047"' in request and PIN not in request  # pretty JSON, PIN never journaled
    assert details.request_box.isReadOnly() and details.response_box.toPlainText().startswith("{")
    assert not details.check_button.isVisible() and not details.settle_button.isVisible()
    assert not details.reverse_button.isVisible()
    assert details.reprint_button.isVisible() == (context.receipts is not None)
    click(qtbot, details.back_button)
    assert screen.pages.currentIndex() == 0


def test_riwayat_on_the_keyboard_enter_opens_the_row_and_esc_comes_back_to_it(qtbot, shell, context):
    newer = deposit(context, 40_000)
    suspect = switcher_transfer(context, lost=True)  # the Switcher has a status check
    screen = open_history(qtbot, shell)
    for _ in range(20):  # from the filters to the list, as the agent tabs (a date takes a Tab a part)
        if focused(shell) is screen.table:
            break
        key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is screen.table and screen.selected_reference() == suspect
    key(qtbot, shell, Qt.Key.Key_Down)
    assert screen.selected_reference() == newer
    key(qtbot, shell, Qt.Key.Key_Tab)  # out of the list in one step, not cell by cell
    assert focused(shell) is screen.detail_button
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is screen.table and screen.selected_reference() == newer

    opened = []
    open_details = screen.open_details
    screen.open_details = lambda reference: opened.append(reference) or open_details(reference)
    key(qtbot, shell, Qt.Key.Key_Return)
    details = screen.details
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is details and details.row.reference == newer,
                    timeout=10_000)
    assert opened == [newer]  # one Enter, one opening (not also "Detail", the list's main button)
    assert focused(shell) is details.reprint_button
    key(qtbot, shell, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 0 and not screen.worker.is_busy(screen.search_button),
                    timeout=10_000)
    assert focused(shell) is screen.table and screen.selected_reference() == newer

    key(qtbot, shell, Qt.Key.Key_Up)
    key(qtbot, shell, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the keypad's Enter
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is details and details.row.reference == suspect,
                    timeout=10_000)
    assert focused(shell) is details.check_button  # a row the host can be asked about: "Cek status"
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: context.journal.get(suspect).state is State.SUCCESS, timeout=10_000)
    qtbot.waitUntil(lambda: "BERHASIL" in details.title.text(), timeout=10_000)
    assert focused(shell) is details.reprint_button
    key(qtbot, shell, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 0 and not screen.worker.is_busy(screen.search_button),
                    timeout=10_000)
    assert focused(shell) is screen.table and screen.selected_reference() == suspect
    screen.receipts = None  # no receipt desk: no "Cetak ulang", and the way back has the keyboard
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is details, timeout=10_000)
    assert focused(shell) is details.back_button


def test_an_uncertain_rows_details_never_start_on_cetak_ulang(qtbot, shell, context):
    """Its paper is no proof of payment: a habitual Enter on the details of a row whose
    outcome is unknown (a host without a status check) goes back, and prints nothing."""
    from services.receipts import print_count

    reference = deposit(context, 40_000, lost=True)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    assert not details.reprint_button.isHidden()  # a reprint stays one deliberate Tab away
    assert details.main_action() in (details.check_button, details.back_button)
    if details.main_action() is details.back_button:
        details.main_action().setFocus()
        key(qtbot, shell, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.pages.currentIndex() == 0, timeout=10_000)
    assert print_count(context.journal, reference) == 0


def test_tab_leaves_a_rows_status_history(qtbot, shell, context):
    """The status history is one Tab stop: Tab went from cell to cell and never left it."""
    reference = deposit(context, 35_000)
    details = open_details(qtbot, open_history(qtbot, shell), reference)
    details.events_table.setFocus()
    assert focused(shell) is details.events_table
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is not details.events_table


def test_reprint_goes_through_the_receipt_desk(qtbot, shell, context):
    from services.receipts import print_count

    reference = deposit(context, 30_000)
    context.receipts.issue(reference)  # the original, handed over at the counter
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    assert details.reprint_button.text() == "Cetak ulang"
    before = print_count(context.journal, reference, "reprint")
    click(qtbot, details.reprint_button)
    # the printer's own answer (printed, saved as PDF, or failed), after "dikirim ke printer"
    qtbot.waitUntil(lambda: any(word in screen.banner.text() for word in ("tercetak", "PDF", "gagal dicetak")),
                    timeout=10_000)
    assert "cetak ulang" in screen.banner.text()
    assert print_count(context.journal, reference, "reprint") == before + 1
    assert context.journal.get(reference).state is State.SUCCESS  # printing never changes a transaction


def test_a_success_whose_receipt_never_went_out_prints_its_original_from_riwayat(qtbot, shell, context):
    """Uncertain at the counter and settled later by "Cek status": the customer has no
    receipt yet. The first print is the original (it was "CETAK ULANG ke-1"); the next is
    the copy, and the button says which it makes."""
    from services.receipts import print_count

    reference = switcher_transfer(context, lost=True)
    screen = open_history(qtbot, shell)
    screen.reprints.now = clock = ManualClock()
    details = open_details(qtbot, screen, reference)
    assert details.reprint_button.text() == "Cetak ulang"  # uncertain: any paper is a copy, no proof
    click(qtbot, details.check_button)
    qtbot.waitUntil(lambda: "BERHASIL" in details.title.text(), timeout=10_000)
    assert details.reprint_button.text() == "Cetak struk" and focused(shell) is details.reprint_button
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: details.reprint_button.text() == "Cetak ulang", timeout=10_000)
    qtbot.waitUntil(lambda: any(word in screen.banner.text() for word in ("tercetak", "PDF")), timeout=10_000)
    assert "cetak ulang" not in screen.banner.text().lower()
    assert (print_count(context.journal, reference, "original"), print_count(context.journal, reference, "reprint")) \
        == (1, 0)
    clock.t += READ_SECONDS  # the answer read (``ui.reprint_guard``)
    click(qtbot, details.reprint_button)
    qtbot.waitUntil(lambda: "cetak ulang" in screen.banner.text().lower(), timeout=10_000)
    assert print_count(context.journal, reference, "reprint") == 1


# -- Transaksi Menggantung -------------------------------------------------------------------
def test_suspect_switcher_transfer_is_on_the_home_worklist_and_cek_status_settles_it(qtbot, shell, context):
    context.sandbox_hosts["switcher"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    context.pins.learn(USERNAME, PIN)
    click(qtbot, shell._nav["switcher_transfer"])
    screen = shell.screen("switcher_transfer")
    qtbot.keyClicks(screen.account, BRIAPI)
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    screen.name_confirmed.setChecked(True)
    qtbot.keyClicks(screen.amount, "200000")
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    reference = result.done.row.reference
    assert "Status belum pasti" in result.text()
    assert context.journal.get(reference).state is State.SUSPECT

    click(qtbot, result.home_button)
    panel = worklist(shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    assert panel.isVisible() and "Transaksi Menggantung (1)" in panel.text()
    item = panel.items[0]
    for known in ("Transfer Switching", "Rp 200.000", BRIAPI, "BRIAPI SANDBOX", reference, "WIB",
                  "Jangan ulangi"):
        assert known in item.text()
    assert item.button.text() == "Cek status"
    click(qtbot, item.button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=10_000)
    qtbot.waitUntil(lambda: panel.items == [], timeout=10_000)
    assert "BERHASIL" in panel.banner.text() and panel.isVisible()  # says what the click did
    assert context.journal.events(reference)[-1].actor == USERNAME
    click(qtbot, panel.close_button)
    assert not panel.isVisible()


def test_suspects_are_checked_automatically_after_login(qtbot, loket, context):
    context.dayclose.shifts.open(0, USERNAME)  # the transfer of the previous session, in its shift
    context.banking.login(USERNAME, PASSWORD)  # that session: the agent who holds the drawer pays
    reference = switcher_transfer(context, lost=True)
    context.banking.logout()
    assert context.journal.get(reference).state is State.SUSPECT
    shell = log_in(qtbot, loket)
    panel = worklist(shell)
    qtbot.waitUntil(lambda: panel.sweeps >= 1, timeout=10_000)
    row = context.journal.get(reference)
    assert row.state is State.SUCCESS and context.journal.events(reference)[-1].actor == "system"
    assert panel.timer.isActive() and panel.timer.interval() == 60_000
    assert reference in panel.banner.text()


def test_manual_resolution_records_actor_and_reason(qtbot, shell, context):
    reference = deposit(context, 90_000, lost=True)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    assert details.settle_button.isVisible() and not details.check_button.isVisible()  # Bank+ has no check
    asked = []
    screen.ask_resolution = lambda parent, detail, guide: asked.append(detail) or ManualDecision(
        True, "JRN-778", "Laporan host 21/11 baris 14")
    click(qtbot, details.settle_button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=10_000)
    assert reference in asked[0]
    row = context.journal.get(reference)
    last = context.journal.events(reference)[-1]
    assert row.host_ref == "JRN-778"
    assert last.actor == USERNAME and "Laporan host 21/11 baris 14" in last.reason
    qtbot.waitUntil(lambda: "BERHASIL" in details.title.text(), timeout=10_000)
    assert "Laporan host 21/11 baris 14" in details.text()  # the event is on the page
    assert screen.banner.isVisible() and USERNAME in screen.banner.text()


def test_manual_resolution_from_the_worklist_as_failed(qtbot, shell, context):
    reference = deposit(context, 40_000, lost=True)
    panel = go_home(qtbot, shell)
    click(qtbot, shell._nav["history"])  # leave and come back: Beranda reads the list again
    panel = go_home(qtbot, shell)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    item = panel.items[0]
    assert item.button.text() == "Selesaikan" and "tidak punya cek status" in item.text()
    assert "Telepon Call center Bank+ (layanan agen): 0000-000-000 (nomor fiktif" in item.text()
    panel.ask_resolution = lambda parent, detail, guide: None  # cancelled: nothing recorded
    click(qtbot, item.button)
    assert context.journal.get(reference).state is State.SUSPECT
    panel.ask_resolution = lambda parent, detail, guide: ManualDecision(False, "", "Tidak ada di laporan host")
    click(qtbot, item.button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.FAILED, timeout=10_000)
    last = context.journal.events(reference)[-1]
    assert last.actor == USERNAME and "Tidak ada di laporan host" in last.reason
    qtbot.waitUntil(lambda: panel.items == [], timeout=10_000)
    # the day's figures beside the list follow it: nothing open any more, without leaving Beranda
    day = shell.screen("home").day.values
    qtbot.waitUntil(lambda: day["open"].text() == "tidak ada", timeout=10_000)


def test_reversal_needs_the_supervisor_and_happens_once(qtbot, shell, context):
    context.dayclose.supervisors.set_pin("Supervisor", SUPERVISOR_PIN)
    reference = switcher_transfer(context, 120_000)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    assert details.reverse_button.isVisible()

    screen.ask_reversal = lambda parent, detail: ReversalRequest("Salah nomor rekening", "135790")
    click(qtbot, details.reverse_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    assert "PIN supervisor salah" in screen.banner.text()
    assert context.journal.get(reference).state is State.SUCCESS

    asked = []
    screen.ask_reversal = lambda parent, detail: asked.append(detail) or ReversalRequest(
        "Salah nomor rekening", SUPERVISOR_PIN)
    click(qtbot, details.reverse_button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.REVERSED, timeout=10_000)
    assert "Rp 120.000" in asked[0] and reference in asked[0]
    assert context.journal.events(reference)[-1].actor == "Supervisor"
    qtbot.waitUntil(lambda: "DIBATALKAN" in details.title.text(), timeout=10_000)
    assert "dibatalkan" in screen.banner.text() and not details.reverse_button.isVisible()
    reversal = next(context.journal.rows("product = 'switcher_reversal'"))
    assert reversal.request["refnumTarget"] == reference and SUPERVISOR_PIN not in reversal.request_text

    # A transfer someone already reversed at the switcher (behind Loket's back): the host's
    # "Reversal already executed" reads as a clear message.
    other = switcher_transfer(context, 60_000)
    row = context.journal.get(other)
    client = context.switching.client
    client.reversal(client.reversal_body(context.journal.next_reference(), refnum_target=other, journal=row.host_ref))
    details = open_details(qtbot, screen, other)
    click(qtbot, details.reverse_button)
    qtbot.waitUntil(lambda: "sudah pernah dibatalkan" in screen.banner.text(), timeout=10_000)
    assert screen.banner.property("kind") == "error"


def test_tab_leaves_a_date_box_in_one_step(qtbot, shell, context):
    """Qt's own Tab walked each date's day, month and year first: six Tabs through Riwayat's
    two dates before the list. The arrows still move inside a date, and typing fills it."""
    screen = open_history(qtbot, shell)
    screen.from_date.setFocus()
    assert focused(shell) is screen.from_date
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is screen.to_date
    key(qtbot, shell, Qt.Key.Key_Tab)
    assert focused(shell) is not screen.to_date and not screen.to_date.isAncestorOf(focused(shell))
    screen.to_date.setFocus()
    key(qtbot, shell, Qt.Key.Key_Backtab)
    assert focused(shell) is screen.from_date


def test_riwayat_opens_on_the_customer_box_so_a_typed_number_searches(qtbot, shell, context):
    """Day walk: Riwayat opened with the cursor in "Dari tanggal". The customer's number the
    agent typed to find a receipt went into the date instead ("5311112" made it 05/03/…,
    the list quietly ran from March). The cursor starts where a search is typed."""
    mine = deposit(context)
    screen = open_history(qtbot, shell)
    assert focused(shell) is screen.customer
    qtbot.keyClicks(focused(shell), "14047")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.worker.is_busy(screen.search_button), timeout=10_000)
    assert screen.from_date.date() == screen.to_date.date()  # today, as it was
    assert screen.selected_reference() == mine or screen.model.rowCount() == 1


# -- a successful BCA transfer sent back since ---------------------------------------------------
def test_cek_status_in_riwayat_turns_a_bca_transfer_sent_back_since_into_a_refund(qtbot, shell, context):
    """A BCA transfer succeeded and the customer left with the receipt; BCA later sent it back
    (04). Riwayat offers "Cek status" on it (Cetak ulang stays the first action): BCA's answer
    makes it REVERSED, the banner tells the agent to give the cash back, and the day's report no
    longer counts it as collected. Asked about one BCA still holds, it stays SUCCESS."""
    bca = context.bca
    done = bca.transfer(bca.account_inquiry("0613005827"), 60_000).row.reference
    kept = bca.transfer(bca.account_inquiry("0611104625"), 45_000).row.reference
    context.sandbox_hosts["bca"].refund(done)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, kept)
    assert details.check_button.isVisible() and details.main_action() is details.reprint_button
    click(qtbot, details.check_button)
    qtbot.waitUntil(lambda: "tetap BERHASIL" in screen.banner.text(), timeout=10_000)
    assert context.journal.get(kept).state is State.SUCCESS

    details = open_details(qtbot, screen, done)
    click(qtbot, details.check_button)
    qtbot.waitUntil(lambda: context.journal.get(done).state is State.REVERSED, timeout=10_000)
    qtbot.waitUntil(lambda: "DIKEMBALIKAN" in screen.banner.text(), timeout=10_000)
    assert "Kembalikan uang tunai nasabah" in screen.banner.text() and screen.banner.property("kind") == "warning"
    qtbot.waitUntil(lambda: details.row is not None and details.row.state is State.REVERSED, timeout=10_000)
    assert not details.check_button.isVisible()  # REVERSED is final
    report = context.dayclose.x_report()
    assert report.totals.total == 45_000 and [item.reference for item in report.reversed] == [done]


def pln(context) -> str:
    """PLN 53111 paid through the service: the sandbox answers the full id 5311112, which is
    what is paid and printed."""
    inquiry = context.billpay.inquire("pln_postpaid", {"customerId": "53111"}, pin=PIN)
    return context.billpay.pay(inquiry, PIN).row.reference


def test_riwayat_finds_a_bill_by_the_number_its_receipt_printed(qtbot, shell, context):
    """Day walk: PLN 53111 typed, BNI answered and the receipt printed 5311112. The customer
    came back with the receipt; the agent typed 5311112 in Riwayat and found nothing (only
    the typed number was searched). The number on the paper finds the payment, once."""
    paid, other = pln(context), deposit(context)
    screen = open_history(qtbot, shell)
    qtbot.keyClicks(focused(shell), "5311112")
    with qtbot.waitSignal(screen.model.modelReset, timeout=10_000):
        key(qtbot, shell, Qt.Key.Key_Return)
    assert [screen.model.row_at(r).reference for r in range(screen.model.rowCount())] == [paid]
    assert screen.model.row_at(0).customer_ref == "53111"  # found by the printed number, not the typed one
    # and the list reads the number on the customer's paper, as the details and the receipt do
    assert screen.model.index(0, CUSTOMER).data().split("\n")[0] == "5311112"
    assert search(qtbot, screen, customer="531111") == [paid]
    assert search(qtbot, screen, customer="53111") == [paid]  # typed and printed: counted once
    assert search(qtbot, screen, customer="5311113") == []
    assert other not in search(qtbot, screen, customer="5311112")


def test_riwayat_finds_a_payment_by_the_banks_reference_on_its_receipt(qtbot, shell, context):
    """A customer disputes a transfer with the receipt's "Ref. Bank" (or the bank's SMS): the
    agent types it in No. referensi and finds the payment, as ``python -m app receipt REF`` did."""
    paid, other = switcher_transfer(context), deposit(context)
    bank = context.journal.get(paid).host_ref
    assert bank and bank != paid
    screen = open_history(qtbot, shell)
    assert search(qtbot, screen, reference=bank) == [paid]
    assert search(qtbot, screen, reference=bank.lower()) == [paid]
    assert search(qtbot, screen, reference=paid) == [paid]  # Loket's own No. Ref as before
    assert other not in search(qtbot, screen, reference=bank)


def test_a_short_number_lists_the_newest_and_says_more_match(qtbot, shell, context, monkeypatch):
    """One digit in Pelanggan over a year's journal matched nearly every row, counted and sorted
    them all (1.3-1.5 s). The count stops at the cap: the list shows the newest and says more
    match, and how to narrow them."""
    import services.journal_query as journal_query

    monkeypatch.setattr(journal_query, "COUNT_CAP", 2)
    first, second, third = (deposit(context, 10_000 * n) for n in (1, 2, 3))
    screen = open_history(qtbot, shell)
    customer = context.journal.get(first).customer_ref
    assert search(qtbot, screen, customer=customer[0]) == [third, second, first]
    assert "lebih dari 2 transaksi" in screen.count_label.text()
    assert "Ketik lebih lengkap" in screen.count_label.text()
    monkeypatch.setattr(journal_query, "COUNT_CAP", 1000)
    assert search(qtbot, screen, customer=customer[0]) == [third, second, first]
    assert "3 transaksi" in screen.count_label.text() and "lebih dari" not in screen.count_label.text()


def test_laporan_x_lists_yesterdays_transfer_refunded_today_before_the_count(qtbot, shell, context):
    """Next morning BCA sent yesterday's transfer back; "Cek status" made it REVERSED and told the
    agent to give the customer's Rp 60.000 back. The printed Laporan X lists it ("Selesai
    terlambat"), the one on screen said nothing of it until the drawer was counted (the late
    settlements sat inside the hidden cash box). It is listed, its cash figure still hidden."""
    bca = context.bca
    done = bca.transfer(bca.account_inquiry("0613005827"), 60_000).row.reference
    days = context.dayclose
    flow = days.begin_close(USERNAME)
    flow.start_count()
    flow.enter_count(days.x_report().cash.should_hold)
    flow.confirm("")
    days.shifts.open(0, USERNAME)  # the next business day
    context.sandbox_hosts["bca"].refund(done)
    details = open_details(qtbot, open_history(qtbot, shell), done)
    click(qtbot, details.check_button)
    qtbot.waitUntil(lambda: context.journal.get(done).state is State.REVERSED, timeout=10_000)
    click(qtbot, shell._nav["x_report"])
    x = shell.screen("x_report")
    qtbot.waitUntil(lambda: x.loaded and not x.worker.is_busy(x.print_button), timeout=10_000)
    text = x.view.text()
    assert "disembunyikan sampai kas selesai dihitung" in text
    assert done in text and "−Rp 60.000" in text
