"""What the counter says when a bank cannot be reached, read against pay.

A read (Cek Rekening, the account looked up before a deposit, Cek Saldo Nasabah, Beranda's
balance, BCA: Saldo, a bill's or a transfer's inquiry) that could not reach the bank ended
with a payment's words: "… Transaksi belum terkirim." No transaction was attempted and no
money can have moved, yet the agent and the customer were left asking whether the
customer's money had gone. A read now says the bank could not be reached, nothing was sent
or changed, where to check the connection, and to try again; a payment keeps its money words.

The banks are made unreachable as a stopped host is: between Loket and the sandbox hosts,
every request goes to a closed port of 127.0.0.1 (a real ECONNREFUSED) while ``outage.port``
is set.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.context import build_context
from services.errors import MaybeSent
from services.journal import State
from services.profile import Profile
from services.sandbox.base import Fault
from tests.ui.uidrive import PIN, USERNAME, click
from ui.screens.billpay import INPUT
from ui.screens.suspects import SuspectWorklist

TIMEOUT = 10_000


class _Cut(httpx.BaseTransport):
    def __init__(self, outage: "Outage", inner: httpx.BaseTransport) -> None:
        self.outage, self.inner = outage, inner
        self.real = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.outage.port is None:
            return self.inner.handle_request(request)
        url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.outage.port)
        return self.real.handle_request(httpx.Request(request.method, url, headers=request.headers,
                                                      content=request.read()))


class Outage:
    """While ``port`` is set, the banks' hosts are stopped: every request meets a closed port."""

    def __init__(self) -> None:
        self.port: int | None = None

    def wrap(self, inner: httpx.BaseTransport) -> httpx.BaseTransport:
        return _Cut(self, inner)


@pytest.fixture
def outage(closed) -> Outage:
    cut = Outage()
    cut.closed = closed  # type: ignore[attr-defined]
    return cut


@pytest.fixture
def context(tmp_path: Path, outage: Outage):  # the conftest's, with the outage in between
    ctx = build_context(Profile(tmp_path / "profile"), wrap_transport=outage.wrap)
    ctx.pins.learn(USERNAME, PIN)  # as a Bank+ success would (BCA checks it locally)
    yield ctx
    ctx.close()


def banks_down(outage: Outage) -> None:
    outage.port = outage.closed  # type: ignore[attr-defined]


def said_as_read(banner) -> str:
    """The words of a read that could not reach the bank: amber, no transaction, no money."""
    text = banner.text()
    assert banner.isVisible() and banner.property("kind") == "warning", text
    assert "Bank tidak dapat dihubungi" in text and "tidak ada yang berubah" in text, text
    assert "koneksi internet" in text and "coba lagi" in text, text
    assert "Transaksi" not in text and "uang" not in text and "Menggantung" not in text, text
    return text


def open_screen(qtbot, shell, screen_id):
    click(qtbot, shell._nav[screen_id])
    screen = shell.screen(screen_id)
    assert shell.current_screen() is screen
    return screen


def asked_while_down(qtbot, outage, screen, account: str, button) -> str:
    """``account`` typed and ``button`` pressed with the banks down: what the banner says."""
    banks_down(outage)
    qtbot.keyClicks(screen.account, account)
    click(qtbot, button)
    qtbot.waitUntil(screen.banner.isVisible, timeout=TIMEOUT)
    return said_as_read(screen.banner)


def test_cek_rekening_that_reaches_no_bank_says_nothing_was_changed(qtbot, shell, outage):
    screen = open_screen(qtbot, shell, "check_account")
    asked_while_down(qtbot, outage, screen, "4447", screen.submit)
    outage.port = None  # the line is back: the same lookup answers
    click(qtbot, screen.submit)
    qtbot.waitUntil(screen.details.isVisible, timeout=TIMEOUT)
    assert "ARDHA HERDIANTO" in screen.details.text()


def test_a_deposits_lookup_is_a_read_and_its_payment_keeps_the_money_words(qtbot, shell, context, outage):
    screen = open_screen(qtbot, shell, "deposit")
    asked_while_down(qtbot, outage, screen, "14047", screen.lookup_button)
    assert context.journal.count() == 0

    outage.port = None
    click(qtbot, screen.lookup_button)
    qtbot.waitUntil(lambda: screen.name.text() != "", timeout=TIMEOUT)
    qtbot.keyClicks(screen.amount, "50000")
    click(qtbot, screen.next_button)
    banks_down(outage)
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(screen.banner.isVisible, timeout=TIMEOUT)
    text = screen.banner.text()
    assert screen.banner.property("kind") == "warning"
    assert "Transaksi belum terkirim, tidak ada uang yang berpindah" in text, text
    unsent = screen.flow.unsent_reference
    assert unsent and unsent in text and "referensi yang sama" in text
    assert context.journal.get(unsent).state is State.NEW


def test_cek_saldo_nasabah_journaled_but_only_asking_speaks_as_a_read(qtbot, shell, context, outage):
    screen = open_screen(qtbot, shell, "customer_balance")
    text = asked_while_down(qtbot, outage, screen, "4447", screen.submit)
    (row,) = context.journal.rows()
    assert row.state is State.NEW and row.reference in text  # asked again under the same reference


def test_berandas_balance_and_bca_saldo_that_reach_no_bank_are_reads(qtbot, shell, outage):
    home = shell.screen("home")
    banks_down(outage)
    click(qtbot, home.refresh_button)
    qtbot.waitUntil(home.banner.isVisible, timeout=TIMEOUT)
    said_as_read(home.banner)
    screen = open_screen(qtbot, shell, "agent_balance")
    click(qtbot, screen.refresh_button)
    qtbot.waitUntil(screen.banner.isVisible, timeout=TIMEOUT)
    said_as_read(screen.banner)
    screen = open_screen(qtbot, shell, "bca_balance")
    qtbot.waitUntil(screen.banner.isVisible, timeout=TIMEOUT)
    said_as_read(screen.banner)


def test_a_bills_inquiry_and_a_bca_transfers_name_check_are_reads(qtbot, shell, outage):
    click(qtbot, shell._nav["billpay_tagihan"])
    screen = shell.screen("billpay_tagihan")
    qtbot.waitUntil(lambda: screen.picker.connection.text() == "Koneksi BNI: OK", timeout=TIMEOUT)
    qtbot.keyClicks(screen.picker.search, "pln")
    click(qtbot, screen.picker.result_buttons["pln_postpaid"])
    qtbot.keyClicks(screen.form.inputs["customerId"].editor, "53111")
    banks_down(outage)
    click(qtbot, screen.check_button)
    qtbot.waitUntil(screen.banner.isVisible, timeout=TIMEOUT)
    said_as_read(screen.banner)
    assert screen.pages.currentIndex() == INPUT

    screen = open_screen(qtbot, shell, "bca_transfer")
    asked_while_down(qtbot, outage, screen, "0611104625", screen.inquiry_button)
    assert screen.pages.currentIndex() == screen.DESTINATION


def test_a_read_whose_answer_is_lost_is_asked_again_and_nothing_hangs_in_beranda(qtbot, shell, context):
    """A read timeout is no uncertain money: nothing to settle, nothing in Transaksi Menggantung."""
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/bsa/checkAccount")
    screen = open_screen(qtbot, shell, "check_account")
    qtbot.keyClicks(screen.account, "4447")
    click(qtbot, screen.submit)
    qtbot.waitUntil(screen.banner.isVisible, timeout=TIMEOUT)
    text = screen.banner.text()
    assert screen.banner.property("kind") == "warning"
    assert "boleh dicoba lagi" in text and "JANGAN" not in text and "Menggantung" not in text, text
    assert context.journal.count() == 0
    home = open_screen(qtbot, shell, "home")
    assert not home.worklist.isVisible()


def test_a_status_check_that_reaches_no_bank_never_says_the_uncertain_payment_was_not_sent(
        qtbot, shell, context, outage):
    """Transaksi Menggantung's "Cek status" is a read about a payment whose answer was lost.
    It said "Cek status belum berhasil (… Transaksi belum terkirim.)": of a payment the bank
    may well have booked, the words that let an agent hand the customer's cash back."""
    quote = context.switching.switcher_inquiry("BRINIDJA", "888801000003301")
    context.sandbox_hosts["switcher"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/transfer")
    with pytest.raises(MaybeSent) as caught:
        context.switching.switcher_transfer(quote, 150_000, "bayar")
    assert "JANGAN ulangi" in caught.value.message  # the payment's own words, from the runner
    click(qtbot, shell._nav["history"])
    click(qtbot, shell._nav["home"])
    panel = shell.screen("home").findChild(SuspectWorklist)
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=TIMEOUT)
    banks_down(outage)
    click(qtbot, panel.items[0].button)
    qtbot.waitUntil(panel.banner.isVisible, timeout=TIMEOUT)
    text = panel.banner.text()
    assert "Cek status belum berhasil: bank tidak dapat dihubungi" in text, text
    assert "tetap belum pasti" in text and "JANGAN kembalikan uang" in text, text
    assert "belum terkirim" not in text and "tidak ada yang berubah" not in text, text
    assert context.journal.get(caught.value.reference).state is State.SUSPECT


def test_an_english_counter_reads_the_same_difference(qtbot):
    from app.gui import translations_dir
    from services.errors import NotSent
    from ui import i18n
    from ui.errors import ErrorPresenter
    from ui.screens.base import Screen
    from ui.worker import Worker

    assert i18n.install("en", translations_dir())
    try:
        screen = Screen("Uji", Worker(), ErrorPresenter())
        qtbot.addWidget(screen)
        screen.fail(NotSent(detail="refused"))
        assert screen.banner.text().startswith("The bank cannot be reached: this request was not sent, so nothing "
                                               "has changed."), screen.banner.text()
        unsent = NotSent(detail="refused")
        unsent.reference = "2611211405000002"
        unsent.ended_payment()
        screen.fail(unsent)
        assert screen.banner.text().startswith("Cannot connect to the bank. The transaction was not sent; no money "
                                               "has moved."), screen.banner.text()
    finally:
        i18n.install("id", translations_dir())


def test_bcas_own_status_check_that_reaches_no_bank_never_says_nothing_changed(qtbot, shell, context, outage):
    """BCA's transfer screen leads a transfer whose answer was lost to its own "Cek status"
    page ("JANGAN ulangi transfer dan JANGAN kembalikan uang dulu"). Asked there with the bank
    unreachable, the banner said a read's words under it: "permintaan ini tidak terkirim, jadi
    tidak ada yang berubah ... lalu coba lagi", of a transfer BCA may well have booked."""
    from services.hosts.bca.client import TRANSFER_PATH

    context.sandbox_hosts["bca"].faults.queue(Fault.LOST_AFTER_PROCESSING, TRANSFER_PATH)
    with pytest.raises(MaybeSent) as caught:
        context.bca.transfer(context.bca.account_inquiry("0611104625"), 150_000, remark="uji")
    screen = open_screen(qtbot, shell, "bca_transfer")
    qtbot.keyClicks(screen.account, "0611104625")
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.CONFIRM, timeout=TIMEOUT)
    click(qtbot, screen.name_confirmed)
    qtbot.keyClicks(screen.amount, "80000")
    click(qtbot, screen.pay_button)  # the same account again: to the first one's Cek status
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == screen.STATUS, timeout=TIMEOUT)
    assert caught.value.reference in screen.status_text.text()
    screen.banner.clear_message()
    for down in (True, False):  # unreachable, then an answer lost on its way back
        if down:
            banks_down(outage)
        else:
            outage.port = None
            context.sandbox_hosts["bca"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/openapi/v1.0/transfer/status")
        click(qtbot, screen.status_button)
        qtbot.waitUntil(lambda: screen.banner.isVisible() and not screen.worker.is_busy(screen.status_button),
                        timeout=TIMEOUT)
        text = screen.banner.text()
        assert screen.banner.property("kind") == "warning", text
        assert text.startswith("Cek status belum berhasil"), text
        assert "tetap belum pasti" in text and "JANGAN kembalikan uang" in text, text
        assert "tidak ada yang berubah" not in text and "boleh dicoba lagi" not in text, text
        assert "belum terkirim" not in text and "Pemeriksaan ini" not in text, text
        assert screen.pages.currentIndex() == screen.STATUS
        screen.banner.clear_message()
    assert context.journal.get(caught.value.reference).state is State.SUSPECT
