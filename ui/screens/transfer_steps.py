"""The transfer steps every transfer screen shares (Bank+ sesama/antar bank, Switcher, BCA),
rendering a ``DestinationFlow`` (services/flows/destination.py):

DESTINATION page: the screen's own destination fields (bank), the account, "Cek tujuan".
CONFIRM page: the beneficiary's name big with the host's other facts, a tick box "the
customer confirmed the name" that unlocks the pay button, the amount (its hint from the
flow's limits), an optional remark, the sender's name and phone if the customer gives
them (printed on the receipt, ``services.sender``), the total when there is a fee, then
the agent's PIN.

What is typed on the CONFIRM page belongs to its recipient. Back to the DESTINATION page
(Esc, "Ubah tujuan", another bank or account) it is emptied, so the next recipient never
starts with the last one's amount; the bank and account typed stay. Left by the menu (a
look at Riwayat, a detour to Buka Shift) the page waits as it was, for the same customer,
but for its tick (``activated``): the name is read again to whoever stands there. The
cursor comes back to it, never to the pay button (``ui.keyboard.way_back``), and the PIN
prompt names the amount. A transaction that is over starts an empty form (the shell).

A screen subclasses it and says only what differs: its destination fields and inputs, the
labels, the PIN prompt's sentence, and what a failure leads to.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from services.errors import UserInputError
from services.flows.destination import BANK
from services.flows.pin import PinNotProven
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from services.sender import NAME_KEY, PHONE_KEY
from ui.errors import localized
from ui.i18n import translate
from ui.keyboard import OWN_DIGITS
from ui.screens.base import Screen, TransactionDone
from ui.screens.details import DetailsPanel
from ui.screens.pages import action_row, push_button, step_page
from ui.widgets.digits import digits_edit
from ui.widgets.field import Field
from ui.widgets.money import MoneyEdit, rupiah_nowrap

if TYPE_CHECKING:
    from services.flows.destination import DestinationFlow
    from services.journal import Journal
    from ui.errors import ErrorPresenter
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker

DESTINATION, CONFIRM = 0, 1
log = logging.getLogger(__name__)
# Said on opening, before anything is typed: the refusal's own sentence (``PinNotProven``,
# "… lalu ulangi transfer ini") is for after a try, and read oddly when nothing was tried.
PIN_UNPROVEN = QT_TRANSLATE_NOOP("transfer_steps", "PIN transaksi agen belum dikenal di komputer ini, jadi transfer "
                                                   "ini belum bisa dikirim. Lakukan dulu satu transaksi Bank+ (mis. "
                                                   "Setor Tunai) dengan PIN transaksi Anda, lalu kembali ke transfer "
                                                   "ini.")


class TransferStepsScreen(Screen):
    scan_target = "account"  # the field a barcode scan fills (ui/scan.py)
    account_field = "account"  # the service's UserInputError.field for the account
    account_digits = 20
    remark_max: int | None = None  # None: no remark field
    DESTINATION, CONFIRM = DESTINATION, CONFIRM  # the pages' indexes

    def __init__(self, flow: "DestinationFlow", worker: "Worker", errors: "ErrorPresenter",
                 ask_pin: "PinPrompt", journal: "Journal | None" = None) -> None:
        super().__init__(flow.title, worker, errors, journal=journal)
        self.flow: "DestinationFlow" = flow
        self.ask_pin = ask_pin
        self.pages = self.add_pages(self._destination_page(), self._confirm_page())
        self.render()

    # -- what a transfer screen says: a subclass overrides entries ----------------------
    TEXT = {
        "account_label": QT_TRANSLATE_NOOP("transfer_steps", "Nomor rekening tujuan"),
        "account_placeholder": QT_TRANSLATE_NOOP("transfer_steps", "Nomor rekening penerima"),
        "account_hint": "",
        "inquiry": QT_TRANSLATE_NOOP("transfer_steps", "Cek tujuan"),
        "amount_hint": QT_TRANSLATE_NOOP("transfer_steps", "Minimal {low}, maksimal {high}."),
        "pay": QT_TRANSLATE_NOOP("transfer_steps", "Bayar"),
        # the PIN prompt's sentence: {amount}, {total}, {name}, {bank}, {account}
        "pin": QT_TRANSLATE_NOOP("transfer_steps", "Transfer ke {name} ({account}), total {total}."),
    }

    def text(self, key: str, **values: Any) -> str:
        text = self.TEXT[key]
        return translate("transfer_steps", text).format(**values) if text else ""

    def destination_fields(self, layout: QVBoxLayout) -> None:
        """Fields above the account (the bank)."""

    def bank_chosen(self) -> None:
        """A bank picked in the bank box (``BankBox.chosen``): on to the account, else its
        digits would be typed onto the bank's name."""
        self.account.setFocus(Qt.FocusReason.TabFocusReason)
        self.account.selectAll()

    def destination_inputs(self) -> dict[str, Any]:
        return {"account": self.account.text()}

    def payment_failed(self, exc: BaseException) -> None:
        self.fail_transaction(exc, self.flow.title)

    # -- pages -----------------------------------------------------------------------
    def _destination_page(self) -> QWidget:
        page, layout = step_page()
        self.destination_fields(layout)
        self.account = digits_edit(self.account_field, self.account_digits)
        self.account.setPlaceholderText(self.text("account_placeholder"))
        self.add_field(self.account_field, self.text("account_label"), self.account, layout=layout,
                       hint=self.text("account_hint"))
        self.inquiry_button = push_button(self.text("inquiry"), self.inquire, "primary")
        self.account.returnPressed.connect(self.inquire)
        layout.addWidget(self.inquiry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _confirm_page(self) -> QWidget:
        page, layout = step_page()
        self.destination = DetailsPanel()
        layout.addWidget(self.destination)
        self.name_confirmed = QCheckBox(self.tr("Nama penerima sudah saya bacakan dan dibenarkan oleh nasabah"))
        self.name_confirmed.setObjectName("confirmName")
        self.name_confirmed.toggled.connect(self._confirmed)
        self.name_confirmed.installEventFilter(self)  # the amount typed on it (``eventFilter``)
        self.name_confirmed.setProperty(OWN_DIGITS, True)  # ...which the counter's keyboard leaves to it
        self.add_field("confirm", "", self.name_confirmed, layout=layout).label.hide()
        row = QGridLayout()
        row.setHorizontalSpacing(20)
        row.setColumnStretch(0, 1)
        row.setColumnStretch(1, 1)
        amount_box = QVBoxLayout()
        row.addLayout(amount_box, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.amount = MoneyEdit()
        self.amount_field: Field = self.add_field("amount", self.tr("Nominal transfer (Rp)"), self.amount,
                                                  layout=amount_box, hint=self.text(
                                                      "amount_hint", low=format_rupiah(self.flow.amount_range.minimum),
                                                      high=format_rupiah(self.flow.amount_range.maximum)))
        self.remark = QLineEdit(objectName="remark")
        if self.remark_max is not None:
            remark_box = QVBoxLayout()
            row.addLayout(remark_box, 0, 1, Qt.AlignmentFlag.AlignTop)
            self.remark.setMaxLength(self.remark_max)
            self.remark.setPlaceholderText(self.tr("Boleh kosong"))
            self.add_field("remark", self.tr("Berita transfer"), self.remark, layout=remark_box,
                           hint=self.tr("Boleh kosong, paling banyak {REMARK_MAX} huruf.").format(
                               REMARK_MAX=self.remark_max))
        self.sender_name = QLineEdit(objectName="senderName")
        self.sender_name.setMaxLength(60)
        self.sender_phone = digits_edit("senderPhone", 13)
        for column, (key, label, edit) in enumerate(((NAME_KEY, self.tr("Nama pengirim"), self.sender_name),
                                                     (PHONE_KEY, self.tr("No. HP pengirim"), self.sender_phone))):
            box = QVBoxLayout()
            row.addLayout(box, 1, column, Qt.AlignmentFlag.AlignTop)
            edit.setPlaceholderText(self.tr("Boleh kosong"))
            self.add_field(key, label, edit, layout=box, hint=self.tr("Dicetak di struk."))
        # The last box's Enter is ``pay`` itself rather than the counter's press of the pay
        # button: with the name not ticked yet (the amount clicked into, past the tick) the
        # button is off and the press would do nothing; ``pay`` says why, at the tick.
        self.sender_phone.returnPressed.connect(self.pay)
        self.total = QLabel()
        self.total.setObjectName("totalLine")
        self.total.setWordWrap(True)  # the English line is longer than the form is wide
        layout.addWidget(self.total)
        self.amount.textChanged.connect(self._update_total)
        self.back_button = push_button(self.tr("Ubah tujuan"), self.change_destination)
        self.pay_button = push_button(self.text("pay"), self.pay, "primary")
        layout.addLayout(action_row(self.back_button, self.pay_button))
        # Enter is the counter's (ui/keyboard.py): it walks the tick, the amount, the note and
        # the sender's name and phone in reading order, and pays from the last of them (see
        # above), so no optional field is jumped over. (Each box's own Enter used to pay from the note, or
        # from the amount where there is none: the sender never reached the receipt.)
        # Tab goes the same way to pay, and only then "Ubah tujuan": a habitual Tab and Enter
        # after the last field pays (with the PIN asked) instead of throwing the checked
        # recipient away
        chain = [self.name_confirmed, self.amount, *([self.remark] if self.remark_max is not None else []),
                 self.sender_name, self.sender_phone, self.pay_button, self.back_button]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        layout.addStretch(1)
        return page

    # -- rendering the flow -----------------------------------------------------------
    def render(self) -> None:
        flow = self.flow
        if flow.destination is None:
            self._clear_confirmation()
            self.pages.setCurrentIndex(DESTINATION)
        else:
            rows = [(translate("destination", label), value) for label, value in flow.destination_rows()]
            self.destination.set_rows(rows, emphasise=rows[0][0])
            self.name_confirmed.setChecked(flow.name_confirmed)
            self.pages.setCurrentIndex(CONFIRM)
        self.pay_button.setEnabled(flow.can_pay and not self.worker.is_busy(self.pay_button))
        self._update_total()

    def _clear_confirmation(self) -> None:
        """No recipient checked (Esc or "Ubah tujuan" on the confirmation, another bank or
        account): what was typed for the last one goes with it. The amount, Berita and sender
        survived to the next recipient's confirmation, a tick and a few habitual Enters from
        the PIN prompt: a BCA transfer refused for want of a proven PIN, left with Esc, Esc,
        offered the next customer the last one's Rp 250.000 (found by a keyboard walk). The
        destination's own boxes (bank, account) keep what was typed."""
        for edit in (self.amount, self.remark, self.sender_name, self.sender_phone):
            edit.clear()
        self.name_confirmed.setChecked(False)

    def _update_total(self) -> None:
        amount = self.amount.value()
        fee = self.flow.fee
        if self.flow.destination is None or not amount or not fee:
            self.total.setText("")
            return
        self.total.setText(self.tr("Total didebit dari saldo agen: {rupiah}  (nominal {amount} + admin "
                                   "{admin_fee})").format(
                                       rupiah=rupiah_nowrap(amount + fee), amount=rupiah_nowrap(amount),
                                       admin_fee=rupiah_nowrap(fee)))

    # -- steps -----------------------------------------------------------------------
    def inquire(self) -> None:
        flow, inputs = self.flow, self.destination_inputs()
        self.run(lambda: flow.inquire(inputs), self._quoted, busy=self.inquiry_button,
                 message=self.tr("Mencari rekening tujuan…"), on_failure=self.inquiry_failed)

    def inquiry_failed(self, exc: BaseException) -> None:
        """The host's refusal of the destination (a screen may show it at its field)."""
        self.fail(exc)

    def _quoted(self, _destination: Any) -> None:
        self.render()
        self.name_confirmed.setFocus()

    def _confirmed(self, checked: bool) -> None:
        self.flow.confirm_name(checked)
        self.pay_button.setEnabled(self.flow.can_pay and not self.worker.is_busy(self.pay_button))
        # the focus stays on the tick: Tab or Enter goes on to the amount, and the amount typed
        # at once goes into it (``eventFilter``)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A digit typed on the name tick. The tick keeps the cursor once given (Tab and Enter
        go on to the amount from it), and the agent types the amount straight after ticking:
        a tick box has no use for digits, and every one was lost. Ticked, the digit starts the
        amount (what was there is replaced, as after a Tab) and the cursor goes with it. Not
        ticked (the name not read out yet, or a double Enter's echo that gives no tick), no
        digit fills the amount: the tick says it is waiting."""
        if (watched is self.name_confirmed and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.text().isascii() and event.text().isdigit()
                and not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)):
            if not self.name_confirmed.isChecked():
                try:
                    self.flow.require_confirmed()
                except UserInputError as exc:
                    self.fail(exc)
                return True
            self.amount.setFocus(Qt.FocusReason.TabFocusReason)
            self.amount.selectAll()
            self.amount.insert(event.text())  # as typed there (no second key press for the counter to read)
            return True
        return super().eventFilter(watched, event)

    def back(self) -> None:
        if self.pages.currentIndex() == CONFIRM and not self.worker.is_busy(self.pay_button):
            self.change_destination()

    def change_destination(self) -> None:
        self.flow.change_destination()
        self.clear_errors()
        self.render()
        self.account.setFocus()

    def pay(self) -> None:
        if self.worker.is_busy(self.pay_button) or self.flow.destination is None:
            return
        self.clear_errors()
        try:  # refused at the field before the PIN is asked
            quote = self.flow.prepare({"amount": self.amount.digits(), "remark": self.remark.text(),
                                       NAME_KEY: self.sender_name.text(), PHONE_KEY: self.sender_phone.text()})
        except UserInputError as exc:
            self.fail(exc)
            return
        rows = dict(self.flow.destination_rows())
        pin = self.ask_pin(self, self.tr("PIN transaksi agen"), self.text(
            "pin", amount=format_rupiah(quote.amount), total=format_rupiah(quote.total),
            name=self.flow.destination_name, bank=rows.get(BANK, ""), account=quote.customer_ref))
        if pin is None:
            return
        flow = self.flow

        def done(executed: Any) -> None:
            self.completed.emit(TransactionDone(flow.title, executed.row))

        def failed(exc: BaseException) -> None:
            self.render()
            self.payment_failed(exc)

        self.pay_with(lambda confirm: flow.pay(pin, confirm_duplicate=confirm), done, busy=self.pay_button,
                      message=self.tr("Mengirim transfer…"), on_failure=failed, deadline=flow.deadline)
        self.pay_button.setEnabled(False)

    def activated(self) -> None:
        """A confirmation the agent comes back to (by the menu: Riwayat, a detour to Buka
        Shift) keeps what was typed, but not the tick: the name is read to whoever stands at
        the counter now, who may be the next customer, before the pay button wakes again.

        Where the agent's PIN is checked on this computer (BCA, the Switcher) and none was
        proven here yet, say so on opening: every PIN would be refused after the inquiry and
        the amount, with the customer waiting (found by a keyboard walk, 06/12/2026)."""
        if self.pages.currentIndex() == CONFIRM and not self.worker.is_busy(self.pay_button):
            self.name_confirmed.setChecked(False)
        if self.flow.local_pin:
            self.worker.run(self.flow.pin_proven, on_success=self._pin_checked, on_failure=self._pin_unreadable)

    def _pin_checked(self, proven: bool) -> None:
        warning = translate("transfer_steps", PIN_UNPROVEN)
        if not proven:
            if not self.banner.isVisible():  # a message already shown says more
                self.banner.show_message("warning", warning)
        elif self.banner.isVisible() and self.banner.text() in (warning, localized(PinNotProven())):
            self.banner.clear_message()  # proven since (a Bank+ payment meanwhile): no longer true

    def _pin_unreadable(self, exc: BaseException) -> None:
        """The PIN file could not be read: the payment's own check will say why."""
        log.warning("transaction PIN file not read: %s", exc)

    def reset(self) -> None:
        super().reset()
        self.account.clear()
        self.render()  # the flow has no destination: the confirmation is emptied too
        self.focus_if_shown(self.account)
