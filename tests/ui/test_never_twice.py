"""Never twice, through the real window.

* Every money-moving screen, after a transaction, left by every exit route (Esc, "Kembali
  ke Beranda", the sidebar, the palette, "Lihat struk", the idle lock) and opened again,
  shows an empty form: the confirm page of a payment already sent is never live again, and
  nothing the last customer typed waits on any page (``leftovers``).
* The same payment again within minutes asks "Ini transaksi baru?"; Enter alone does not
  say yes.
* A connection refused once, then "Setor sekarang" again: the same reference, one booking.
"""

from __future__ import annotations

import itertools
import threading
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit, QRadioButton

from app.context import build_context
from services.errors import UserInputError
from services.journal import State
from services.profile import Profile
from tests.ui.test_bankplus_screens import fill_open_account
from tests.ui.test_snap_screens import fill_va
from tests.ui.uidrive import PIN, USERNAME, bill_read, click, wait_result
from ui.dialogs import RepeatDialog
from ui.screens.switcher import DEFAULT_BANK
from ui.screens.virtual_account import DEFAULT_HOURS

ROUTES = ("esc", "beranda", "sidebar", "palette", "lihat_struk", "idle_lock")
SCREENS = ("deposit", "transfer_intrabank", "transfer_interbank", "open_account", "customer_balance",
           "switcher_transfer", "virtual_account", "bca_transfer", "bca_interbank", "billpay_tagihan")
_amounts = itertools.count(11)


class Refuser:
    """Refuses the next request to a path containing ``fragment``, as a dead network does;
    or, with ``held``, keeps it waiting until ``release`` (a slow bank)."""

    def __init__(self) -> None:
        self.fragment: str | None = None
        self.held: str | None = None
        self.release = threading.Event()

    def wrap(self, inner: httpx.BaseTransport) -> httpx.BaseTransport:
        refuser = self

        class Wrapped(httpx.BaseTransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                if refuser.fragment and refuser.fragment in request.url.path:
                    refuser.fragment = None
                    raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
                if refuser.held and refuser.held in request.url.path:
                    refuser.release.wait(10)
                return inner.handle_request(request)

        return Wrapped()


@pytest.fixture
def refuser() -> Refuser:
    return Refuser()


@pytest.fixture
def context(tmp_path: Path, refuser: Refuser):  # the conftest's, with the refuser in between
    ctx = build_context(Profile(tmp_path / "profile"), wrap_transport=refuser.wrap)
    ctx.pins.learn(USERNAME, PIN)  # as a Bank+ success would (BCA and Switcher check it locally)
    yield ctx
    ctx.close()


def amount() -> str:
    """Another amount each time: the same payment twice would (rightly) ask first."""
    return str(10_000 + next(_amounts) * 1_000)


# -- one transaction per screen, driven as the agent does --------------------------------
def transfer(qtbot, screen, account, bank=""):
    fill_transfer(qtbot, screen, account, bank)
    click(qtbot, screen.pay_button)


def fill_transfer(qtbot, screen, account, bank=""):
    """A transfer's form up to its confirmation, the name read out and the amount typed."""
    if bank:
        qtbot.waitUntil(lambda: screen.banks_loaded, timeout=10_000)
        screen.select_bank(bank)
    qtbot.keyClicks(screen.account, account)
    click(qtbot, screen.inquiry_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    screen.name_confirmed.setChecked(True)
    qtbot.keyClicks(screen.amount, amount())


def pay_deposit(qtbot, shell, screen, tmp_path):
    qtbot.keyClicks(screen.account, "14047")
    click(qtbot, screen.lookup_button)
    qtbot.waitUntil(lambda: screen.name.text() != "", timeout=10_000)
    qtbot.keyClicks(screen.amount, amount())
    click(qtbot, screen.next_button)
    click(qtbot, screen.pay_button)


def pay_open_account(qtbot, shell, screen, tmp_path):
    fill_open_account(qtbot, screen, tmp_path, ktp=f"351501010897{next(_amounts):04d}")
    click(qtbot, screen.next_button)
    click(qtbot, screen.open_button)


def pay_customer_balance(qtbot, shell, screen, tmp_path):
    qtbot.keyClicks(screen.account, "4447")
    click(qtbot, screen.submit)


def pay_va(qtbot, shell, screen, tmp_path):
    fill_va(qtbot, screen, amount=amount())
    click(qtbot, screen.create_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)
    click(qtbot, screen.receipt_button)


def pay_bill(qtbot, shell, screen, tmp_path):
    spec = screen.billpay.catalogue.get("pln_postpaid")
    screen.confirm_repeat = lambda parent, text: True  # the same bill amount each route: "yes, a new one"
    screen.set_product(spec)
    qtbot.keyClicks(screen.form.inputs["customerId"].editor, "53111")
    click(qtbot, screen.check_button)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 2, timeout=10_000)
    bill_read(screen)
    click(qtbot, screen.pay_button)


def pay_bca_interbank(qtbot, shell, screen, tmp_path):
    qtbot.keyClicks(screen.bank.lineEdit(), "mandiri")
    transfer(qtbot, screen, "1370012345678")


PAY = {
    "deposit": pay_deposit,
    "transfer_intrabank": lambda qtbot, shell, screen, tmp: transfer(qtbot, screen, "14047"),
    "transfer_interbank": lambda qtbot, shell, screen, tmp: transfer(qtbot, screen, "114451186", "008"),
    "open_account": pay_open_account,
    "customer_balance": pay_customer_balance,
    "switcher_transfer": lambda qtbot, shell, screen, tmp: transfer(qtbot, screen, "888801000003301"),
    "virtual_account": pay_va,
    "bca_transfer": lambda qtbot, shell, screen, tmp: transfer(qtbot, screen, "0611104625"),
    "bca_interbank": pay_bca_interbank,
    "billpay_tagihan": pay_bill,
}


def leftovers(screen) -> dict[str, object]:
    """Whatever a customer's transaction could have left in ``screen``, on every page, shown
    or not: text in a box, a tick, a choice in a list. Defaults the screen sets itself are
    not leftovers (the Switcher's bank code, a closed VA)."""
    found: dict[str, object] = {}
    for box in screen.findChildren(QLineEdit):
        owner = box.parentWidget()
        if isinstance(owner, (QComboBox, QAbstractSpinBox)):
            continue  # the list's or the date's own box: read below, or a date
        if box.text() and not (box.objectName() == "bank" and box.text() == DEFAULT_BANK):
            found[box.objectName() or f"box{len(found)}"] = box.text()
    for tick in screen.findChildren(QCheckBox):
        if tick.isChecked():
            found[tick.objectName() or tick.text()] = True
    for combo in screen.findChildren(QComboBox):
        if combo.currentIndex() >= 0 or combo.currentText():
            found[combo.objectName() or "combo"] = combo.currentText()
    for radio in screen.findChildren(QRadioButton):
        if radio.isChecked() and radio.objectName() != "closed":
            found[radio.objectName() or radio.text()] = True
    if screen.banner.isVisible():
        found["banner"] = screen.banner.text()
    return found


def is_empty(screen_id: str, screen) -> bool:
    """The form a new customer needs: the first page, nothing typed, a fresh flow."""
    flow = screen.flow
    fresh = flow is None or (flow.quote is None and flow.row is None and flow.unsent_reference is None)
    if screen_id == "open_account":
        return fresh and screen.pages.currentIndex() == 0 and screen.name.text() == "" and screen.ktp.text() == ""
    if screen_id == "virtual_account":  # and the default expiry counted from this reset, not the last VA's
        expiry_fresh = screen.expires_at() > screen.va.clock.now() + timedelta(hours=DEFAULT_HOURS, minutes=-2)
        return fresh and screen.pages.currentIndex() == 0 and screen.name.text() == "" and expiry_fresh
    if screen_id == "customer_balance":
        return fresh and screen.account.text() == ""
    if screen_id == "billpay_tagihan":
        return fresh and screen.pages.currentIndex() in (0, 1) and all(
            entry.editor.text() == "" for entry in (screen.form.inputs.values() if screen.form else ())
            if hasattr(entry.editor, "text"))
    if screen_id == "bca_interbank" and (screen.bank.currentText() or screen.bank.currentIndex() >= 0):
        return False
    pages = screen.pages.currentIndex() == 0
    return fresh and pages and screen.account.text() == "" and screen.amount.text() == ""


def leave(qtbot, loket, shell, route: str, screen_id: str) -> None:
    result = shell.result
    if route == "esc":
        result.new_button.setFocus()
        qtbot.keyClick(result.new_button, Qt.Key.Key_Escape)
    elif route == "beranda":
        click(qtbot, result.home_button)
    elif route == "sidebar":
        click(qtbot, shell._nav["home"])
    elif route == "palette":
        shell.counter.palette.screen_chosen.emit(screen_id)  # Ctrl+K straight back to the same screen
        return
    elif route == "lihat_struk":
        seen = []
        loket.printing.ask_preview = lambda parent, title, text, print_default: seen.append(text) or False
        click(qtbot, loket.printing.view_button)
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        click(qtbot, shell._nav["home"])
    elif route == "idle_lock":
        shell.counter.idle.lock()
        shell.counter.idle.unlock()
        click(qtbot, shell._nav["home"])
    assert shell.current_screen() is not result


@pytest.mark.parametrize("screen_id", SCREENS)
def test_every_exit_route_leads_back_to_an_empty_form(qtbot, loket, shell, context, tmp_path, screen_id):
    for route in ROUTES:
        click(qtbot, shell._nav[screen_id])
        screen = shell.screen(screen_id)
        assert is_empty(screen_id, screen), f"{screen_id} not empty before {route}"
        PAY[screen_id](qtbot, shell, screen, tmp_path)
        result = wait_result(qtbot, shell)
        assert result.done.row.state is State.SUCCESS, (screen_id, route, result.text())
        leave(qtbot, loket, shell, route, screen_id)
        if shell.current_screen() is not screen:
            click(qtbot, shell._nav[screen_id])
        assert shell.current_screen() is screen
        assert is_empty(screen_id, screen), f"{screen_id}: the done transaction is back after {route}"
        assert leftovers(screen) == {}, f"{screen_id}: the last customer's inputs are back after {route}"
        # nothing left to pay: a flow without a quote refuses, the bill payment's own at its input
        # step; the bill payment's menu opened again is its product list, no flow at all
        if screen_id == "billpay_tagihan" and screen.pages.currentIndex() == 0:
            assert screen.flow is None and screen.spec is None
            continue
        with pytest.raises((UserInputError, RuntimeError)):
            screen.flow.pay(PIN)


# -- the same payment twice ------------------------------------------------------------
def deposit_50000(qtbot, shell):
    click(qtbot, shell._nav["deposit"])
    screen = shell.screen("deposit")
    qtbot.keyClicks(screen.account, "14047")
    click(qtbot, screen.lookup_button)
    qtbot.waitUntil(lambda: screen.name.text() != "", timeout=10_000)
    qtbot.keyClicks(screen.amount, "50000")
    click(qtbot, screen.next_button)
    return screen


def test_the_same_deposit_again_asks_and_enter_alone_does_not_confirm(qtbot, shell, context):
    screen = deposit_50000(qtbot, shell)
    click(qtbot, screen.pay_button)
    first = wait_result(qtbot, shell).done.row
    asked: list[str] = []
    screen = deposit_50000(qtbot, shell)
    screen.confirm_repeat = lambda parent, text: asked.append(text) or False  # "Batal"
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0] == (f"Transaksi yang sama sudah BERHASIL pukul {first.created_at[11:16]} "
                        f"(ref {first.reference}). Ini transaksi baru?")
    assert context.journal.count() == 1 and shell.current_screen() is screen  # nothing sent

    screen.confirm_repeat = lambda parent, text: asked.append(text) or True  # the deliberate yes
    click(qtbot, screen.pay_button)
    second = wait_result(qtbot, shell).done.row
    assert second.state is State.SUCCESS and second.reference != first.reference
    deposits = [e for e in context.sandbox_hosts["bankplus"].ledger if e.get("op") == "deposit"]
    assert len(deposits) == 2


def test_the_repeat_dialog_defaults_to_batal(qtbot):
    dialog = RepeatDialog(None, "Transaksi yang sama sudah BERHASIL pukul 14:05 (ref 1). Ini transaksi baru?")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cancel_button.isDefault() and not dialog.go_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == RepeatDialog.DialogCode.Rejected
    dialog.show()
    dialog.sure.setChecked(True)  # the deliberate act: only then can "Ya, transaksi baru" be pressed
    assert dialog.go_button.isEnabled() and not dialog.go_button.isDefault()
    click(qtbot, dialog.go_button)
    assert dialog.result() == RepeatDialog.DialogCode.Accepted


# -- NotSent through a real screen ---------------------------------------------------------
def test_a_refused_connection_then_setor_again_sends_the_same_reference(qtbot, shell, context, refuser, pin):
    screen = deposit_50000(qtbot, shell)
    refuser.fragment = "depositAccount"
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.banner.isVisible(), timeout=10_000)
    assert screen.banner.property("kind") == "warning" and "belum terkirim" in screen.banner.text()
    unsent = screen.flow.unsent_reference
    assert unsent and context.journal.get(unsent).state is State.NEW and unsent in screen.banner.text()
    assert screen.pages.currentIndex() == 1 and screen.pay_button.isEnabled()
    click(qtbot, screen.pay_button)  # the agent presses "Setor sekarang" again
    row = wait_result(qtbot, shell).done.row
    assert row.reference == unsent and row.state is State.SUCCESS and context.journal.count() == 1
    deposits = [e for e in context.sandbox_hosts["bankplus"].ledger if e.get("op") == "deposit"]
    assert [e["sid"] for e in deposits] == [unsent]
    assert len(pin.asked) == 2


# -- Keluar while a payment is on its way ----------------------------------------------------
def test_keluar_waits_for_a_payment_on_its_way_to_the_bank(qtbot, shell, loket, context, refuser, pin):
    screen = deposit_50000(qtbot, shell)
    asked: list[str] = []
    shell.confirm = lambda parent, title, text: asked.append(text) or True
    refuser.held = "depositAccount"  # the bank takes its time
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.overlay.isVisible(), timeout=10_000)
    click(qtbot, shell.logout_button)
    assert asked == [] and shell.isVisible()  # not even asked: the payment's result must be seen
    assert "Tunggu sampai proses" in shell.notice.text()
    language = shell.screen("language")
    shell.open("language")
    language.choices["en"].setChecked(True)
    click(qtbot, language.apply_button)  # a new language rebuilds the window: not now either
    assert loket.shell is shell and shell.isVisible()
    shell.open("deposit")
    refuser.release.set()
    row = wait_result(qtbot, shell).done.row
    assert row.state is State.SUCCESS
    click(qtbot, shell.logout_button)  # now it may
    assert asked == ["Keluar dari Loket?"]


def test_closing_the_window_waits_for_a_payment_on_its_way_to_the_bank(qtbot, shell, loket, context, refuser, pin):
    """The title bar's X (or Alt+F4) while a deposit is on the wire: Loket quit, waited 30 s
    for the worker (the request's deadline is 75 s), then closed the journal under it. The
    agent never saw the result, and a booking that answered late stayed SENT on disk (SUSPECT
    at the next start, a call to the bank's helpdesk). Like Keluar, the window stays."""
    screen = deposit_50000(qtbot, shell)
    refuser.held = "depositAccount"  # the bank takes its time
    click(qtbot, screen.pay_button)
    qtbot.waitUntil(lambda: screen.overlay.isVisible(), timeout=10_000)
    assert not shell.close()  # the close event the window system sends is refused
    assert shell.isVisible() and loket.shell is shell
    assert "Tunggu sampai proses" in shell.notice.text()
    refuser.release.set()
    row = wait_result(qtbot, shell).done.row
    assert row.state is State.SUCCESS
