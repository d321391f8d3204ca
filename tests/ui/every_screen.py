"""A walk through every screen of a logged-in Loket, for looking at each one: the login window,
a few states inside the flows (a refused field, confirmations, results, the palette, the idle
lock), then every screen in the registry in sidebar order, after those transactions (so
Riwayat, Laporan X and Tutup Hari have rows). ``visit(widget, name)`` is called in each state;
the screenshot script saves a picture there, the every-screen test measures what is cut.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QApplication, QWidget

from services.journal import State
from tests.ui.screenshots import log_in, settle
from tests.ui.uidrive import bill_read
from ui import registry


def uncertain_and_refused(context, operator: str) -> None:
    """A bill payment whose answer never came (SUSPECT) and one the host refused, so the
    reports and Riwayat show those rows too."""
    journal = context.journal
    for state, reason in ((State.SUSPECT, "ReadTimeout: The read operation timed out"),
                          (State.FAILED, "Ditolak host: nomor pelanggan tidak terdaftar (kode 14)")):
        reference = journal.next_reference()
        journal.begin(reference=reference, host="keagenan", product="pln_postpaid", product_group="bills",
                      amount=98_000, fee=2_500, operator=operator, request={}, customer_ref="5391000123",
                      customer_name="SITI AMINAH")
        journal.transition(reference, State.SENT, actor=operator, reason="dikirim")
        journal.transition(reference, state, actor="system", reason=reason)


Visit = Callable[[QWidget, str], None]

# the kiosk's screens: 1366x768 at 100 % and at 125 % (Qt lays out in logical pixels:
# 1366/1.25 x 768/1.25), and the older 1024x768 monitors, at 100 % and at 125 % (819x614:
# the sidebar folds behind "Menu", ui/widgets/side_menu.py)
SIZES = {"1024x768": (1024, 768), "1366x768": (1366, 768), "1366x768-125": (1093, 614),
         "1024x768-125": (819, 614)}


def walk(app: QApplication, loket, creds: dict[str, str], visit: Visit) -> None:
    loket.login_window.show()
    visit(loket.login_window, "login")
    idle = lambda: loket.worker.running == 0  # noqa: E731
    shell = log_in(app, loket, creds)
    settle(app, lambda: shell.counter.shift_gate.is_open and idle())

    shell.open("deposit")
    deposit = shell.screen("deposit")
    deposit.account.setText("12ab")
    deposit.next_button.click()
    visit(shell, "deposit-refused")
    deposit.account.setText("14047")
    deposit.lookup_button.click()
    settle(app, lambda: deposit.name.text() != "" and idle())
    deposit.amount.setText("50000")
    deposit.next_button.click()
    visit(shell, "deposit-confirm")
    deposit.reset()

    shell.open("transfer_interbank")
    transfer = shell.screen("transfer_interbank")
    settle(app, lambda: transfer.banks_loaded)
    transfer.select_bank("008")
    transfer.account.setText("114451186")
    transfer.inquiry_button.click()
    settle(app, lambda: transfer.pages.currentIndex() == 1 and idle())
    transfer.name_confirmed.setChecked(True)
    transfer.amount.setText("250000")
    visit(shell, "transfer-confirm")
    transfer.pay_button.click()
    settle(app, lambda: shell.current_screen() is shell.result and idle())
    visit(shell, "transfer-result")

    from ui.screens.billpay import CONFIRM

    shell.open("billpay_tagihan")
    bills = shell.screen("billpay_tagihan")
    settle(app, idle)
    visit(shell, "billpay-picker")
    bills.picker.search.setText("pln")
    settle(app, lambda: "pln_postpaid" in bills.picker.result_buttons)
    visit(shell, "billpay-search")
    bills.picker.result_buttons["pln_postpaid"].click()
    bills.form.inputs["customerId"].editor.setText("53111")
    bills.check_button.click()
    settle(app, lambda: bills.pages.currentIndex() == CONFIRM and idle())
    visit(shell, "billpay-confirm")
    bill_read(bills)
    bills.pay_button.click()
    settle(app, lambda: shell.current_screen() is shell.result and idle())
    visit(shell, "billpay-result")

    shell.open("open_account")
    opening = shell.screen("open_account")
    settle(app, idle)
    opening.next_button.click()
    settle(app, idle)
    visit(shell, "open_account-refused")

    shell.open("home")
    settle(app, idle)
    palette = shell.counter.palette
    palette.popup("transfer")
    visit(palette, "palette")
    palette.hide()
    shell.counter.idle.lock()
    visit(shell, "idle-lock")
    shell.counter.idle.unlock()
    home = shell.screen("home")
    home.charts_button.setChecked(True)
    visit(shell, "home-charts")
    home.charts_button.setChecked(False)

    uncertain_and_refused(loket.context, creds["username"])
    for entry in registry.entries():
        shell.open(entry.id)
        settle(app, idle)
        visit(shell, f"screen-{entry.id}")

    shell.open("host_settings")  # every host's tab, not only the first the loop saw
    settings = shell.screen("host_settings")
    settle(app, lambda: settings.loaded and idle())
    for index in range(1, settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        visit(shell, f"host_settings-{settings.tabs.tabText(index)}")

    shell.open("history")
    history = shell.screen("history")
    settle(app, lambda: history.loaded and idle())
    history.open_selected()  # the newest row: the refused bill payment
    settle(app, lambda: history.pages.currentWidget() is history.details and idle())
    visit(shell, "history-details")
