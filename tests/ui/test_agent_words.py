"""What the agent reads is the agent's language, without the hosts' wiring: no host code name
in a refusal, the Bank+ dashboard's English names in Indonesian, a transaction's details
with the working day as DD/MM/YYYY and the host by its name."""

from __future__ import annotations

from tests.ui.uidrive import PIN, click, wait_idle


def test_a_refused_pin_says_so_without_the_hosts_code_name(qtbot, shell, loket):
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    deposit.ask_pin = lambda *_args, **_kw: "111111"
    deposit.account.setText("14047")
    deposit.lookup_button.click()
    qtbot.waitUntil(lambda: deposit.name.text() != "", timeout=10_000)
    deposit.amount.setText("50000")
    deposit.next_button.click()
    deposit.pay_button.click()
    wait_idle(qtbot, loket)
    text = deposit.banner.text()
    assert "PIN transaksi salah" in text
    assert "INVALID_PIN" not in text and "kode" not in text.lower()


def test_the_dashboard_names_bank_plus_products_in_indonesian(qtbot, shell):
    home = shell.screen("home")
    names = [name for name, _count in home.charts["bsa"].points()]
    assert "Cek Saldo Nasabah" in names and "Customer Balance" not in names
    purchases = [name for name, _count in home.charts["purchase"].points()]
    assert "Tiket Kereta" in purchases and "Train Ticketing" not in purchases


def test_a_transactions_details_name_the_working_day_and_the_host(qtbot, shell, loket, context):
    context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="25000", narration="", pin=PIN)
    shell.open("history")
    history = shell.screen("history")
    qtbot.waitUntil(lambda: history.loaded and history.model.rowCount() == 1, timeout=10_000)
    history.open_selected()
    qtbot.waitUntil(lambda: history.pages.currentWidget() is history.details, timeout=10_000)
    values = {**history.details.info.values, **history.details.more.values}
    row = context.journal.get(history.model.row_at(0).reference)
    year, month, day = row.business_date.split("-")
    assert values["Hari kerja"].text() == f"{day}/{month}/{year}"
    assert values["Dikirim ke"].text() == "Bank+"
    assert not any(label in values for label in ("Tanggal bisnis", "Kode galat", "Pesan galat", "Hash"))
