"""Buat Virtual Account: a BNI virtual account through DOKU for a customer to pay into.

FORM page: name, phone, email, customer number (follows the phone digits until the agent
types their own), closed (exact amount) or open (any amount), amount, expiry in WIB.
CREATED page: the VA number big and in groups of four for reading aloud, the amount, the
expiry, and how to pay (DOKU's how-to-pay page and the steps for ATM, mobile banking,
teller and other banks). "Lanjut ke bukti transaksi" goes to the shared result screen,
whose receipt carries the same number and expiry.

Decisions:
* The created page comes before the shared result screen: the customer has to hear and
  write down the number and the steps, which the result screen's small print cannot show.
* No PIN: creating a VA moves no money (the customer pays later, at BNI; see
  services/flows/others.py). The journal row is still written before sending (an order to
  collect money), so a lost answer is SUSPECT, and a NotSent one is resent as the same row.
* The expiry editor shows WIB wall-clock time whatever zone the kiosk is set to (the
  service's clock is WIB); the value read back is tagged WIB, never local time. Its
  default, 24 hours, counts from when the form is opened, unless the agent set one.
* DOKU's expiry holds: when its answer names another one than was asked, the created page
  says so above the number, naming both (amber; red when DOKU's leaves under an hour or has
  passed: see ``services.hosts.doku.service.ExpiryChange``); the receipt prints DOKU's.
* Read back before it is made: "Buat Virtual Account" (and Enter in the amount) asks first,
  with the name, the amount and the expiry, and "Batal" is the default. Enter in the amount
  made the VA at once, past an expiry the Enter path never reached: a typo in the amount or
  the name became a bill the customer could pay, with nothing to review and no undo.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.clock import WIB, format_wib
from services.errors import UserInputError
from services.flows.others import VirtualAccountFlow
from services.formats import format_moment
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from services.validation import is_digits
from ui.dialogs import Confirm, confirm
from ui.i18n import translate
from ui.registry import register
from ui.screens.base import Screen, TransactionDone
from ui.screens.details import DetailsPanel
from ui.screens.pages import action_row, push_button, step_page
from ui.screens.snap_common import UnavailableScreen, group_digits
from ui.widgets.balance_card import BalanceCard
from ui.widgets.banner import Banner
from ui.widgets.digits import digits_only
from ui.widgets.money import MoneyEdit

if TYPE_CHECKING:
    from services.hosts.doku.service import ExpiryChange, VaCreated, VirtualAccountService
    from services.journal import Journal
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Buat Virtual Account")
CLOSED, OPEN = "C", "O"
DEFAULT_HOURS = 24
AMOUNT_HINTS = {
    CLOSED: QT_TRANSLATE_NOOP("virtual_account", "Wajib diisi. Pelanggan harus membayar tepat sebesar ini."),
    OPEN: QT_TRANSLATE_NOOP("virtual_account", "Boleh kosong. Pelanggan boleh membayar berapa pun."),
}
TYPE_NAMES = {CLOSED: QT_TRANSLATE_NOOP("virtual_account", "Tertutup (nominal tetap)"),
              OPEN: QT_TRANSLATE_NOOP("virtual_account", "Terbuka (nominal bebas)")}


def how_to_pay_steps(number: str, amount: int | None, expiry: str) -> str:
    """Short steps for paying a BNI virtual account, as the agent explains them (rich text)."""
    exact = (translate("virtual_account", "Bayar tepat {amount}; nominal lain ditolak.").format(
        amount=format_rupiah(amount))
             if amount else translate("virtual_account", "Nominal bebas, sesuai kesepakatan."))
    steps = (
        (translate("virtual_account", "ATM BNI"),
         translate("virtual_account", "Menu Lain → Transfer → Virtual Account Billing → masukkan {number} → "
                   "periksa nama dan nominal → Ya.").format(number=number)),
        (translate("virtual_account", "BNI Mobile Banking"),
         translate("virtual_account", "Transfer → Virtual Account Billing → Input Baru → masukkan nomor VA → "
                   "periksa → masukkan password transaksi.")),
        (translate("virtual_account", "Teller BNI"),
         translate("virtual_account", "sebutkan \"bayar Virtual Account\", serahkan nomor VA beserta uangnya.")),
        (translate("virtual_account", "Bank lain"),
         translate("virtual_account", "transfer antarbank ke BNI (kode bank 009), rekening tujuan = nomor VA.")),
    )
    items = "".join(translate("virtual_account", "<li><b>{value}</b>: {value2}</li>").format(
        value=html.escape(where), value2=html.escape(how)) for where, how in steps)
    return translate("virtual_account", "<ol style='margin: 0'>{items}</ol><p><b>{value} Bayar sebelum "
                   "{value2}.</b></p>").format(items=items, value=html.escape(exact), value2=html.escape(expiry))


def _expiry_text(value: str) -> str:
    return format_moment(value) if value else "—"


class VirtualAccountScreen(Screen):
    def __init__(self, va: "VirtualAccountService", worker: "Worker", errors: "ErrorPresenter",
                 journal: "Journal | None" = None) -> None:
        super().__init__(TITLE, worker, errors, journal=journal)
        self.va = va
        self.flow: VirtualAccountFlow = VirtualAccountFlow(va)
        self.created: "VaCreated | None" = None
        self.ask_confirm: Confirm = confirm  # a bill the customer will pay: read back first (tests answer)
        self._customer_no_follows_phone = True
        self.pages = self.add_pages(self._form_page(), self._created_page())
        self.reset_inputs()

    # -- pages -----------------------------------------------------------------------
    def _form_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        def cell(row: int, column: int, span: int = 1) -> QVBoxLayout:
            box = QVBoxLayout()
            box.setSpacing(0)
            grid.addLayout(box, row, column, 1, span, Qt.AlignmentFlag.AlignTop)
            return box

        self.name = QLineEdit(objectName="name")
        self.name.setMaxLength(255)
        self.name.setPlaceholderText(self.tr("Nama sesuai KTP"))
        self.add_field("name", self.tr("Nama pelanggan"), self.name, layout=cell(0, 0, 2))
        self.phone = QLineEdit(objectName="phone")
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText("08xxxxxxxxxx")
        self.add_field("phone", self.tr("Nomor HP"), self.phone, layout=cell(1, 0))
        self.email = QLineEdit(objectName="email")
        self.email.setPlaceholderText(self.tr("boleh kosong"))
        self.add_field("email", self.tr("Email"), self.email, layout=cell(1, 1))
        self.customer_no = digits_only(QLineEdit(objectName="customer_no"), 20)
        self.add_field("customer_no", self.tr("Nomor pelanggan"), self.customer_no, layout=cell(2, 0),
                       hint=self.tr("Terisi dari nomor HP; boleh diganti."))
        types = QWidget()
        row = QVBoxLayout(types)  # stacked: side by side they would squeeze the left column
        row.setContentsMargins(0, 2, 0, 2)
        row.setSpacing(6)
        self.closed = QRadioButton(self.tr("Tertutup — nominal tetap"), objectName="closed")
        self.open = QRadioButton(self.tr("Terbuka — nominal bebas"), objectName="open")
        self.type_group = QButtonGroup(self)
        for button in (self.closed, self.open):
            self.type_group.addButton(button)
            row.addWidget(button)
        self.closed.toggled.connect(self._type_changed)
        self.add_field("trx_type", self.tr("Jenis VA"), types, layout=cell(2, 1))
        self.amount = MoneyEdit()
        self.amount_field = self.add_field("amount", self.tr("Nominal (Rp)"), self.amount, layout=cell(3, 0),
                                           hint=translate("virtual_account", AMOUNT_HINTS[CLOSED]))
        self.expires = QDateTimeEdit(objectName="expires_at")
        self.expires.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.expires.setCalendarPopup(True)
        self.add_field("expires_at", self.tr("Batas waktu bayar (WIB)"), self.expires, layout=cell(3, 1),
                       hint=self.tr("Biasanya {DEFAULT_HOURS} jam dari sekarang.").format(
                           DEFAULT_HOURS=DEFAULT_HOURS))
        self.create_button = push_button(self.tr("Buat Virtual Account"), self.create, "primary")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        grid.addLayout(buttons, 4, 0, 1, 2)
        self.phone.textEdited.connect(self._phone_edited)
        self.customer_no.textEdited.connect(self._customer_no_edited)
        self.name.returnPressed.connect(self.phone.setFocus)
        self.phone.returnPressed.connect(self.email.setFocus)
        self.amount.returnPressed.connect(self.create)
        return page

    def _created_page(self) -> QWidget:
        page, layout = step_page()
        # DOKU's expiry other than the one read back to the customer (``ExpiryChange``): above
        # the number, where the agent looks before reading it out.
        self.expiry_note = Banner(page)
        layout.addWidget(self.expiry_note)
        self.va_card = BalanceCard(self.tr("Nomor Virtual Account BNI — bacakan dan minta pelanggan mencatatnya"))
        self.va_number = self.va_card.figure
        layout.addWidget(self.va_card)
        self.details = DetailsPanel()
        layout.addWidget(self.details)

        steps_title = QLabel(self.tr("Cara membayar"))
        steps_title.setObjectName("cardTitle")
        layout.addWidget(steps_title)
        self.steps = QLabel()
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setWordWrap(True)
        layout.addWidget(self.steps)

        self.another_button = push_button(self.tr("Buat VA lain"), self.reset, "secondary")
        self.receipt_button = push_button(self.tr("Lanjut ke bukti transaksi"), self.show_receipt, "primary")
        layout.addLayout(action_row(self.another_button, self.receipt_button))
        return page

    # -- form ------------------------------------------------------------------------
    def trx_type(self) -> str:
        return CLOSED if self.closed.isChecked() else OPEN

    def _type_changed(self) -> None:
        self.amount_field.hint.setText(translate("virtual_account", AMOUNT_HINTS[self.trx_type()]))

    def _phone_edited(self, text: str) -> None:
        if self._customer_no_follows_phone:
            self.customer_no.setText("".join(ch for ch in text if is_digits(ch))[:20])

    def _customer_no_edited(self, text: str) -> None:
        self._customer_no_follows_phone = not text

    def expires_at(self) -> datetime:
        """The editor's wall-clock time, read as WIB."""
        value = self.expires.dateTime()
        return datetime.combine(value.date().toPython(), value.time().toPython(), WIB)

    def set_expires_at(self, moment: datetime) -> None:
        wib = moment.astimezone(WIB)
        self.expires.setDateTime(QDateTime(QDate(wib.year, wib.month, wib.day), QTime(wib.hour, wib.minute)))

    def inputs(self) -> dict[str, Any]:
        return {"customer_no": self.customer_no.text().strip(), "name": self.name.text(),
                "amount": self.amount.value(), "phone": self.phone.text(), "email": self.email.text(),
                "trx_type": self.trx_type(), "expires_at": self.expires_at()}

    def create(self) -> None:
        if self.worker.is_busy(self.create_button):
            return
        self.clear_errors()
        inputs = self.inputs()
        try:
            self.flow.prepare(inputs)
        except UserInputError as exc:
            self.fail(exc)
            return
        if not self.ask_confirm(self, self.tr("Buat Virtual Account?"), self.read_back(inputs)):
            return
        flow = self.flow

        def failed(exc: BaseException) -> None:
            self.fail_transaction(exc, TITLE)

        self.pay_with(lambda confirm: flow.pay(None, confirm_duplicate=confirm), self.show_created,
                      busy=self.create_button, message=self.tr("Membuat virtual account…"), on_failure=failed,
                      deadline=flow.deadline)

    def read_back(self, inputs: dict[str, Any]) -> str:
        """What the agent reads out to the customer before the VA is made: every box that
        goes to DOKU, the optional ones when filled (a form kept after "Batal" and left may
        hold the last customer's phone or email, which Enter walks past)."""
        amount = format_rupiah(inputs["amount"]) if inputs["amount"] else self.tr("bebas (VA terbuka)")
        lines = [self.tr("Nama: {name}").format(name=inputs["name"].strip()),
                 self.tr("Nominal: {amount}").format(amount=amount),
                 self.tr("Berlaku sampai: {expiry}").format(expiry=format_moment(inputs["expires_at"]))]
        optional = ((self.tr("Nomor pelanggan: {value}"), inputs["customer_no"]),
                    (self.tr("Nomor HP: {value}"), inputs["phone"].strip()),
                    (self.tr("Email: {value}"), inputs["email"].strip()))
        lines += [label.format(value=value) for label, value in optional if value]
        return "\n".join(lines) + "\n\n" + self.tr("Bacakan kepada pelanggan. Sudah benar?")

    # -- created ---------------------------------------------------------------------
    def show_created(self, created: "VaCreated") -> None:
        self.created = created
        va = created.va
        grouped = group_digits(va.number)
        expiry = _expiry_text(va.expired_date)
        trx_type = CLOSED if va.trx_type.upper() == CLOSED else OPEN
        self.va_card.show_figure(grouped, self.tr("a.n. {name}").format(name=va.name))
        amount = self.tr("Nominal")
        self.details.set_rows([(amount, format_rupiah(va.amount) if va.amount else self.tr("Bebas")),
                               (self.tr("Jenis VA"), translate("virtual_account", TYPE_NAMES[trx_type])),
                               (self.tr("Berlaku sampai"), expiry),
                               (self.tr("Halaman cara bayar"), va.how_to_pay_page or "—")], emphasise=amount)
        self.steps.setText(how_to_pay_steps(grouped, va.amount if trx_type == CLOSED else None, expiry))
        self._show_expiry_change(created.expiry)
        self.pages.setCurrentIndex(1)
        self.receipt_button.setFocus()

    def _show_expiry_change(self, change: "ExpiryChange | None") -> None:
        """Amber when DOKU's expiry differs from the one asked, naming both; red when it leaves
        the customer under an hour (earlier than asked) or had passed already."""
        if change is None:
            self.expiry_note.clear_message()
            return
        asked, given = format_wib(change.asked), format_wib(change.given)
        if change.expired:
            text = self.tr("DOKU memberi batas waktu yang sudah lewat: diminta {asked}, DOKU memberi {given}. VA ini "
                           "tidak bisa dibayar: jangan berikan nomornya kepada pelanggan, buat VA baru.")
        elif change.urgent:
            text = self.tr("DOKU memberi batas waktu jauh lebih awal: diminta {asked}, DOKU memberi {given}, "
                           "kurang dari 1 jam lagi. Pelanggan harus membayar sebelum {given}; bila tidak sempat, "
                           "buat VA baru.")
        else:
            text = self.tr("Batas waktu dari DOKU berbeda dari yang diminta: diminta {asked}, DOKU memberi {given}. "
                           "Yang berlaku dan tercetak di struk adalah {given}: sampaikan kepada pelanggan.")
        self.expiry_note.show_message("error" if change.urgent else "warning",
                                      text.format(asked=asked, given=given))

    def show_receipt(self) -> None:
        if self.created is not None:
            self.completed.emit(TransactionDone(TITLE, self.created.row))

    # -- lifecycle -------------------------------------------------------------------
    def reset_inputs(self) -> None:
        for edit in (self.name, self.phone, self.email, self.customer_no, self.amount):
            edit.clear()
        self._customer_no_follows_phone = True
        self.closed.setChecked(True)
        self._default_expiry()
        self.created = None
        self.expiry_note.clear_message()
        self.pages.setCurrentIndex(0)

    def _default_expiry(self) -> None:
        self.set_expires_at(self.va.clock.now() + timedelta(hours=DEFAULT_HOURS))
        self._expiry_offered = self.expires.dateTime()

    def activated(self) -> None:
        """The default expiry counts from now, unless the agent set one: counted when the form
        was last emptied, a VA made hours later gave the customer hours less than the "24 jam
        dari sekarang" the field says, and nobody had chosen that."""
        if self.pages.currentIndex() == 0 and self.expires.dateTime() == self._expiry_offered:
            self._default_expiry()

    def reset(self) -> None:
        super().reset()
        self.reset_inputs()
        self.focus_if_shown(self.name)


@register("virtual_account", group="banking", title=TITLE, order=70)
def _make(services: "ScreenServices") -> Screen:
    if services.va is None:
        return UnavailableScreen(TITLE, "DOKU", services.worker, services.errors)
    return VirtualAccountScreen(services.va, services.worker, services.errors, services.journal)
