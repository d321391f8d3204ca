"""Beranda fits the window it gets: side by side at 1366x768, reflowed (balance card over the
agent's day, two charts a row) at 125 % scaling's 1093x614, never scrolling sideways. The
agent's own day comes first; the drawer's expected cash stays hidden until the day's count."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QScrollArea

from services.journal import State
from services.money import format_rupiah

TIMEOUT = 10_000


def show_at(qtbot, shell, width: int, height: int) -> QScrollArea:
    shell.showNormal()
    shell.resize(width, height)
    qtbot.waitUntil(lambda: shell.width() == width, timeout=TIMEOUT)
    return shell.findChild(QScrollArea, "stackScroll")


def test_beranda_is_side_by_side_at_1366x768(qtbot, shell):
    home = shell.screen("home")
    area = show_at(qtbot, shell, 1366, 768)
    qtbot.waitUntil(lambda: home.columns == (3, 3), timeout=TIMEOUT)
    assert home.top.direction() == QBoxLayout.Direction.LeftToRight
    assert area.horizontalScrollBar().maximum() == 0


def test_beranda_reflows_at_125_percent_instead_of_scrolling_sideways(qtbot, shell):
    home = shell.screen("home")
    area = show_at(qtbot, shell, 1093, 614)
    qtbot.waitUntil(lambda: home.columns == (3, 2), timeout=TIMEOUT)
    assert home.top.direction() == QBoxLayout.Direction.TopToBottom
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() == 0, timeout=TIMEOUT)
    assert home.width() <= area.viewport().width()


def test_coming_back_to_beranda_shows_the_balance_after_the_last_transaction(qtbot, shell, context):
    from ui.screens.home import HomeScreen

    home = shell.screen("home")
    assert isinstance(home, HomeScreen)
    qtbot.waitUntil(lambda: home.loaded and "202.696.682" in home.balance_card.figure.text(), timeout=15_000)
    context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="25000", narration="", pin="359569")
    shell.open("home")
    qtbot.waitUntil(lambda: "202.671.682" in home.balance_card.figure.text(), timeout=15_000)


def test_the_agent_looks_at_an_earlier_months_laku_pandai_graph(qtbot, shell, context):
    """bankplus-api.txt L172: the BSA graph takes a month; Beranda asks for the one picked."""
    import pytest

    from services.errors import UserInputError

    home = shell.screen("home")
    bank = context.sandbox_hosts["bankplus"]
    asked = []
    original = bank.dispatch

    def spy(request):
        if request.path == "/bankplus/dashboard/bsa":
            asked.append(request.json()["month"])
        return original(request)

    bank.dispatch = spy
    context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="25000", narration="", pin="359569")
    picker = home.month_picker
    this_month, last_month = picker.itemData(0), picker.itemData(1)
    assert picker.count() == 12 and picker.currentData() == this_month
    home.refresh()
    qtbot.waitUntil(lambda: asked[-1:] == [this_month] and home.worker.running == 0, timeout=10_000)
    assert ("Setor Tunai", 4) in home.charts["bsa"].points()  # this month's deposit counts

    picker.setCurrentIndex(1)
    picker.activated.emit(1)
    qtbot.waitUntil(lambda: asked[-1:] == [last_month] and home.worker.running == 0, timeout=10_000)
    assert ("Setor Tunai", 3) in home.charts["bsa"].points()  # not in last month's graph
    assert home.chart_titles["bsa"].text().endswith(picker.itemText(1))
    assert picker.itemText(1).split()[-1] == last_month[:4]
    with pytest.raises(UserInputError):
        context.banking.dashboard("2999-01")  # a month still to come is not asked


def test_beranda_shows_the_agents_day_and_keeps_the_bank_charts_behind_a_button(qtbot, shell, context):
    home = shell.screen("home")
    banking = context.banking
    banking.transfer_pay(banking.transfer_inquiry("interbank", "114451186", "008"), "300.000", "359569")  # a fee
    journal = context.journal  # a bill paid with the counter's own fee, the agent's income
    reference = journal.next_reference()
    journal.begin(reference=reference, host="keagenan", product="bpjs_kesehatan", product_group="bills",
                  amount=25_500, fee=5_000, counter_fee=2_500, operator="kasir1", customer_ref="8888801260835323",
                  request={"fiturId": "FTR443"})
    journal.transition(reference, State.SENT, actor="kasir1", reason="dikirim")
    journal.transition(reference, State.SUCCESS, actor="system", reason="jawaban host")
    shell.open("home")
    day = home.day.values
    qtbot.waitUntil(lambda: day["done"].text().startswith("2 transaksi"), timeout=10_000)
    report = context.dayclose.x_report()
    assert day["done"].text() == f"2 transaksi · {format_rupiah(report.totals.total)}"
    assert day["fees"].text() == "Rp 2.500"  # the counter's fee, not the bank's admin fees
    assert day["open"].text() == "tidak ada"
    assert home.day.isVisible() and not home.charts_area.isVisible()
    uncertain = journal.next_reference()  # an answer that never came: the agent is sent to the list on this screen
    journal.begin(reference=uncertain, host="keagenan", product="pln_postpaid", product_group="bills",
                  amount=100_000, fee=3_000, operator="kasir1", customer_ref="53111", request={}, sent_by="kasir1")
    journal.transition(uncertain, State.SUSPECT, actor="system", reason="jawaban tidak diterima")
    shell.open("deposit")
    shell.open("home")
    qtbot.waitUntil(lambda: day["open"].text() != "tidak ada", timeout=10_000)
    assert day["open"].text() == "1 transaksi: selesaikan di daftar Transaksi Menggantung"
    home.charts_button.click()
    assert home.charts_area.isVisible() and home.month_picker.isVisible()


def test_beranda_keeps_the_drawer_blind_until_the_days_count(qtbot, shell, context):
    home = shell.screen("home")
    cash = home.day.values["cash"]
    qtbot.waitUntil(lambda: cash.text() != "…", timeout=10_000)
    assert cash.text() == "ditampilkan sesudah kas dihitung di Tutup Hari" and "Rp" not in cash.text()
    flow = context.dayclose.begin_close("kasir1")
    flow.start_count()
    flow.enter_count(0)
    expected = context.dayclose.x_report().cash.expected
    shell.open("home")
    qtbot.waitUntil(lambda: cash.text().startswith("Rp"), timeout=10_000)
    assert cash.text() == format_rupiah(expected)


def test_after_login_and_after_a_customer_the_focus_is_on_the_first_shortcut(qtbot, shell):
    """Enter on Beranda opens the first "Layani nasabah" form; Tab walks the shortcuts in
    the order they are shown, then the graphs' button."""
    from PySide6.QtCore import Qt

    home = shell.screen("home")
    first, second = home.shortcuts[0], home.shortcuts[1]
    qtbot.waitUntil(lambda: shell.focusWidget() is first, timeout=TIMEOUT)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert shell.focusWidget() is second
    qtbot.keyClick(shell.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.current_screen() is not home, timeout=TIMEOUT)
    assert shell.current_screen().heading.text() == second.text()
    shell.open("home")
    qtbot.waitUntil(lambda: shell.focusWidget() is first, timeout=TIMEOUT)
    assert home.shortcuts[-1].nextInFocusChain() is home.charts_button
