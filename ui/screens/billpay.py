"""Bill payments: one parameterised screen for every BNI Keagenan product.

Pick a product (``ProductPicker``) -> type the customer number (a form drawn from the
spec's fields; the PIN first when the product's inquiry needs it) -> the inquiry shown for
confirmation (name, period, bill lines, amount, admin fee, total; the amount typed here for
free-amount products) -> PIN -> payment -> the shared result screen.

The screen renders ``services.hosts.keagenan.service.BillPayFlow``, the Qt-free state machine: INPUT is
the form page, CONFIRM the confirmation page, RESULT goes to the result screen; a payment
that failed (FAILED) starts a new flow on the form page with what was typed, because a
refused payment is never silently resent with a stale inquiry.

The registry holds one screen per menu entry, so the Tagihan and the Pembelian entries
are each one ``BillPayScreen``: its first page is the picker, and ``set_product`` reuses
the same screen for whichever product the agent chose.

Decisions (the document is silent):
* Products whose inquiry states no admin fee (Telkom, Indovision, mobile postpaid, …) learn
  it only from the payment answer. The confirmation says so, with the fee the bank charged
  the last time this product was paid here as a hint ("terakhir Rp 2.500"), and labels the
  total "tanpa biaya admin bank" rather than showing a Rp 0 fee that the receipt may
  contradict; the result screen and the receipt show the fee charged and the whole total.
* The counter's own fee (``biaya_loket`` where BPJS states it, else the supervisor's
  setting per product) is a line of its own, "Biaya loket", and is in the total the
  customer pays: the bank's total never includes it.
* The connection check (PING, section 1) runs once, when a picker is first shown, and its
  outcome is written in the picker's header; start-up and Settings placement is the
  shell's (not done here).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from services.errors import LoketError, UserInputError
from services.hosts.keagenan.service import BillPayFlow, Step
from services.i18n import QT_TRANSLATE_NOOP
from services.journal import State
from services.money import format_rupiah
from services.products.spec import DIGITS, PEMBELIAN, TAGIHAN
from ui.errors import localized
from ui.i18n import translate
from ui.models.catalogue_labels import label_text, period_text
from ui.models.catalogue_names import name_text
from ui.registry import register
from ui.screen_fit import scroll_to_top
from ui.screens.base import FORM_WIDTH, Screen, TransactionDone
from ui.screens.billpay_fields import ProductForm
from ui.screens.billpay_picker import ProductPicker
from ui.screens.pages import action_row, push_button, step_page
from ui.widgets.field import Field
from ui.widgets.money import MoneyEdit

if TYPE_CHECKING:
    from services.hosts.keagenan.service import BillPayService, Inquiry, PaymentResult
    from services.journal import Journal
    from services.products import ProductSpec
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker

PICK, INPUT, CONFIRM = range(3)
MENU_WIDTH = 1120
# A bill checked with the agent's PIN is paid by "Bayar sekarang" alone (the PIN is kept
# for it). A press that comes this soon after the bill appears is the Enter that closed the
# PIN prompt pressed twice, not a decision taken after reading the bill with the customer:
# it is ignored. (Firefox waits as long before its install button takes a click.)
SETTLE_SECONDS = 1.0
# BNI Keagenan not configured (live without what the bank issued): where the supervisor sets it up
NOT_CONFIGURED = QT_TRANSLATE_NOOP("billpay", "Pembayaran tagihan BNI belum diatur di komputer ini. Minta supervisor "
                                              "mengisi tab BNI Keagenan di Pengaturan > Koneksi Host, lalu buka ulang "
                                              "Loket.")
FEE_LATER = QT_TRANSLATE_NOOP("billpay", "ditetapkan bank saat pembayaran (tercetak di bukti)")
FEE_LATER_LAST = QT_TRANSLATE_NOOP("billpay", "ditetapkan bank saat pembayaran; terakhir {fee} (tercetak di bukti)")


def _pair(grid: QGridLayout, row: int, column: int, label: str, value: str, *, big: bool = False) -> QLabel:
    name = QLabel(label)
    name.setObjectName("resultLabel")
    text = QLabel(value)
    text.setObjectName("resultTotal" if big else "resultValue")
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    grid.addWidget(name, row, column)
    grid.addWidget(text, row, column + 1)
    return text


def _discard(widget: QWidget) -> None:
    """Out of the page now (hidden, unparented), deleted when the event loop next runs."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def _clear(layout: QGridLayout | QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            _discard(item.widget())
        elif item.layout():
            _clear(item.layout())


class Pages(QWidget):
    """The screen's pages, one shown at a time, as tall as the page on show.

    Not a ``QStackedWidget``: that one is as tall as its tallest page (the picker, or a long
    confirmation), which left a short form in a tall empty card. Hidden widgets take no room
    in a layout, so showing one page and hiding the others sizes the card to the page.
    """

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> None:
        self._pages.append(page)
        self._layout.addWidget(page)
        if self._current < 0:
            self._current = 0
        page.setVisible(len(self._pages) - 1 == self._current)

    def setCurrentIndex(self, index: int) -> None:
        turned, self._current = index != self._current, index
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)
        if turned:
            scroll_to_top(self)

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if self._pages else None

    def widget(self, index: int) -> QWidget:
        return self._pages[index]


class BillPayScreen(Screen):
    needs_shift = True  # every product takes the customer's cash (its flow exists once one is chosen)

    def __init__(self, title: str, group: str, billpay: "BillPayService | None", worker: "Worker",
                 errors: "ErrorPresenter", ask_pin: "PinPrompt", journal: "Journal | None" = None) -> None:
        # expand: the picker's list scrolls in the page's whole height (``_show`` sizes the card)
        super().__init__(title, worker, errors, journal=journal, expand=True)
        self.card.setMaximumWidth(FORM_WIDTH)
        self.banner.setMaximumWidth(FORM_WIDTH)
        self.title = title
        self.billpay = billpay
        self.ask_pin = ask_pin
        self.spec: "ProductSpec | None" = None
        self.flow: BillPayFlow | None = None
        self.form: ProductForm | None = None
        self.amount_edit: MoneyEdit | None = None
        self.amount_field: Field | None = None
        self.pinged = False
        # A payment ended and its form was emptied behind the result: the menu opening the
        # screen next offers every product (``activated``); "Transaksi baru" keeps this one.
        self.served = False
        self.bill_shown_at = -SETTLE_SECONDS  # time.monotonic() when the last bill appeared
        self.pages = Pages()
        self.body.addWidget(self.pages, 1)
        self.layout().addStretch(0)  # below a form's card when it does not fill the page
        if billpay is None:
            self.pages.addWidget(QLabel(translate("billpay", NOT_CONFIGURED), wordWrap=True))
            return
        self.picker = ProductPicker(billpay.catalogue, group)
        self.picker.chosen.connect(self.set_product)
        self.pages.addWidget(self.picker)
        self.pages.addWidget(self._input_page())
        self.pages.addWidget(self._confirm_page())
        self._show(PICK)

    # -- pages -----------------------------------------------------------------------
    def _input_page(self) -> QWidget:
        page, layout = step_page(12)
        self.form_slot = QVBoxLayout()
        layout.addLayout(self.form_slot)
        self.other_button = push_button(self.tr("← Produk lain"), self.show_picker, "secondary")
        self.check_button = push_button(self.tr("Cek tagihan"), self.inquire, "primary")
        layout.addSpacing(6)
        layout.addLayout(action_row(self.other_button, self.check_button))
        layout.addStretch(1)
        return page

    def _confirm_page(self) -> QWidget:
        page, layout = step_page()
        intro = QLabel(self.tr("Periksa bersama pelanggan sebelum membayar:"))
        intro.setObjectName("muted")
        layout.addWidget(intro)
        self.customer = QFrame()
        self.customer.setObjectName("beneficiary")
        customer = QVBoxLayout(self.customer)
        customer.setContentsMargins(16, 10, 16, 10)
        customer.setSpacing(2)
        self.name_label = QLabel()
        self.name_label.setObjectName("beneficiaryName")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        customer.addWidget(self.name_label)
        self.customer_line = QLabel()
        self.customer_line.setObjectName("muted")
        self.customer_line.setWordWrap(True)
        customer.addWidget(self.customer_line)
        layout.addWidget(self.customer)
        self.other_id_note = QLabel(objectName="answeredOtherId")
        self.other_id_note.setWordWrap(True)
        self.other_id_note.hide()
        layout.addWidget(self.other_id_note)
        self.details = QGridLayout()
        self.details.setHorizontalSpacing(18)
        self.details.setVerticalSpacing(6)
        layout.addLayout(self.details)
        self.amount_slot = QVBoxLayout()
        layout.addLayout(self.amount_slot)
        rule = QFrame()
        rule.setObjectName("sectionRule")
        rule.setFixedHeight(1)
        layout.addWidget(rule)
        self.amounts = QGridLayout()
        self.amounts.setHorizontalSpacing(32)
        self.amounts.setVerticalSpacing(6)
        self.amounts.setColumnStretch(1, 1)
        layout.addLayout(self.amounts)
        self.pin_note = QLabel(self.tr("PIN yang Anda ketik untuk cek tagihan ini dipakai untuk membayarnya: "
                                       "“Bayar sekarang” langsung membayar."))
        self.pin_note.setObjectName("muted")
        self.pin_note.setWordWrap(True)
        layout.addWidget(self.pin_note)
        self.back_button = push_button(self.tr("Ubah"), self.back)
        self.pay_button = push_button(self.tr("Bayar sekarang"), self.pay, "primary")
        layout.addSpacing(4)
        layout.addLayout(action_row(self.back_button, self.pay_button))
        layout.addStretch(1)
        return page

    def _show(self, page: int) -> None:
        """The picker's card takes the page's height and width (its list scrolls); a form's
        card is as tall as the form and no wider than ``FORM_WIDTH``."""
        vertical = QSizePolicy.Policy.Expanding if page == PICK else QSizePolicy.Policy.Maximum
        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        # a menu may use the page's width (three columns of readable names); a form may not
        self.card.setMaximumWidth(MENU_WIDTH if page == PICK else FORM_WIDTH)
        self.pages.setCurrentIndex(page)

    # -- product ---------------------------------------------------------------------
    def show_picker(self) -> None:
        self.spec = self.flow = None
        self.clear_errors()
        self.heading.setText(translate("screens", self.title))  # marked in the registry
        self._show(PICK)
        self.picker.search.setFocus()
        self.picker.search.selectAll()

    def set_product(self, spec: "ProductSpec", keep: dict[str, str] | None = None) -> None:
        """Show ``spec``'s form (a fresh flow); ``keep`` refills what was typed."""
        assert self.billpay is not None
        self.clear_errors()
        self.spec = spec
        self.flow = BillPayFlow(self.billpay, spec.id)
        family = self.billpay.catalogue.family(spec.family) if spec.family else []
        if self.form is not None:
            self.form_slot.removeWidget(self.form)
            _discard(self.form)
        self.form = ProductForm(spec, family)
        self.form.submitted.connect(self.inquire)
        self.form.member_chosen.connect(self._switch_member)
        if keep:
            self.form.set_values(keep)
        typed = self.form.field(spec.amount_field) if spec.single_step and spec.amount_field else None
        if typed is not None:  # the amount is typed on the form: the counter's bounds (the service's)
            bounds = self.billpay.amount_range()
            typed.hint.setText(self._bounds_hint(bounds.minimum, bounds.maximum))
            typed.hint.setVisible(True)
        self.form_slot.addWidget(self.form)
        focusable = [w for w in self.form.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if focusable:
            # Built after the page, the form's inputs end the window's Tab chain: from its
            # last one (the BPJS months) Tab went to the header's training switch.
            QWidget.setTabOrder(focusable[-1], self.check_button)
        self.heading.setText(name_text(spec))
        self.check_button.setText(self.tr("Lanjut") if spec.single_step else self.tr("Cek tagihan"))
        self._show(INPUT)
        first = self.form.first_input()
        if first is not None:
            self.focus_if_shown(first)

    def sells(self, spec: "ProductSpec") -> bool:
        return self.billpay is not None

    def locked(self) -> None:
        if isinstance(self.flow, BillPayFlow):
            self.flow.forget_pin()

    def _switch_member(self, spec: "ProductSpec") -> None:
        keep = self.form.values() if self.form is not None else {}
        self.set_product(spec, keep)

    @property
    def scan_target(self) -> str | None:
        """The field a barcode scan fills (ui/scan.py): the product form's first digits input."""
        if self.spec is None:
            return None
        return next((f.name for f in self.spec.inquiry_fields if f.kind == DIGITS), None)

    # -- errors: the presenter asks the screen for a field by the service's name ---------
    def field(self, name: str) -> Field | None:
        if (self.pages.currentIndex() == CONFIRM and self.amount_field is not None and self.spec is not None
                and name == self.spec.amount_field):
            return self.amount_field
        if self.form is not None and (found := self.form.field(name)) is not None:
            return found
        return super().field(name)

    def clear_errors(self) -> None:
        super().clear_errors()
        if self.form is not None:
            for entry in self.form.inputs.values():
                entry.field.clear_error()
        if self.amount_field is not None:
            self.amount_field.clear_error()

    # -- INPUT -> CONFIRM --------------------------------------------------------------
    def inquire(self) -> None:
        if self.flow is None or self.form is None or self.worker.is_busy(self.check_button):
            return
        spec, flow = self.spec, self.flow
        values = self.form.values()
        self.clear_errors()
        try:
            spec.clean(values)  # refuse bad input at the field before asking for a PIN
        except UserInputError as exc:
            self.fail(exc)
            return
        pin = None
        if spec.pin_at_inquiry and not spec.single_step:
            pin = self.ask_pin(self, self.tr("PIN transaksi agen"),
                               self.tr("BNI meminta PIN untuk mengecek tagihan {name}.").format(name=name_text(spec)))
            if pin is None:
                return
        self.run(lambda: flow.prepare(values, pin).detail, self.show_inquiry, busy=self.check_button,
                 message=self.tr("Memeriksa tagihan…") if not spec.single_step else self.tr("Menyiapkan…"))

    def show_inquiry(self, inquiry: "Inquiry") -> None:
        assert self.form is not None
        spec = inquiry.product
        self.name_label.setText(inquiry.customer_name or name_text(spec))
        # the period goes in the customer's line unless a bill line already says it
        lines = [(label, value) for label, value in inquiry.details if label != "Periode"]
        # What the payment carries: a number the bank answered in place of the one typed is
        # what is paid and printed, so it is the one read back, and the difference is said.
        typed = dict(inquiry.inputs)
        paid = spec.paid_inputs(inquiry.answer, typed)
        facts = [f"{label} {value}" for label, value in self.form.display_lines(paid)]
        others = [(label_text(f.label), paid[f.name], typed.get(f.name, "")) for f in spec.fields
                  if f.name in paid and not spec.same_number(paid[f.name], typed.get(f.name, ""))]
        self.other_id_note.setText("\n".join(
            self.tr("Bank menjawab {label} {paid}, bukan {typed} yang diketik. Yang dibayar dan tercetak di struk "
                    "adalah {paid}: cocokkan dengan pelanggan.").format(label=label, paid=value, typed=was)
            for label, value, was in others))
        self.other_id_note.setVisible(bool(others))
        if inquiry.period and inquiry.period not in {value for _label, value in lines}:
            facts.append(self.tr("Periode {period}").format(period=period_text(inquiry.period)))
        self.customer_line.setText("  ·  ".join(facts))

        _clear(self.details)
        columns = 2 if len(lines) > 4 else 1  # a long bill in two columns, read down then across
        rows = -(-len(lines) // columns)
        for index, (label, value) in enumerate(lines):
            shown = period_text(value) if spec.names_months(label) else value
            _pair(self.details, index % rows, (index // rows) * 2, label_text(label), shown)
        for column in range(columns):
            self.details.setColumnStretch(column * 2 + 1, 1)

        _clear(self.amount_slot)
        self.amount_edit = self.amount_field = None
        if inquiry.amount_editable:
            self.amount_edit = MoneyEdit()
            # The bill's amount is offered only where it can be paid here: a card bill above the
            # counter's maximum (Rp 261 M against Rp 20 M) was offered and then refused; the
            # box stays empty instead, the bill's figure beside it and the bounds under it.
            low, high = inquiry.min_amount, inquiry.max_amount
            if inquiry.amount and (low is None or inquiry.amount >= low) and (high is None or inquiry.amount <= high):
                self.amount_edit.set_value(inquiry.amount)
            self.amount_field = Field(self.tr("Nominal bayar (Rp)"), self.amount_edit,
                                      hint=self._bounds_hint(inquiry.min_amount, inquiry.max_amount))
            self.amount_edit.textChanged.connect(self._requote)
            self.amount_edit.returnPressed.connect(self.pay)
            self.amount_slot.addWidget(self.amount_field)

        _clear(self.amounts)
        self.amount_value = _pair(self.amounts, 0, 0, self.tr("Nominal tagihan"), "")
        self.fee_value = _pair(self.amounts, 1, 0, self.tr("Biaya admin bank"), "")
        row = 2
        if inquiry.counter_fee:
            _pair(self.amounts, row, 0, self.tr("Biaya loket"), format_rupiah(inquiry.counter_fee))
            row += 1
        total_caption = (self.tr("Total dibayar pelanggan") if spec.fee_known
                         else self.tr("Total dibayar pelanggan, tanpa biaya admin bank"))
        self.total_value = _pair(self.amounts, row, 0, total_caption, "", big=True)
        self._requote()
        self.pin_note.setVisible(self.flow is not None and self.flow.pin_kept)
        self._show(CONFIRM)
        self.bill_shown_at = time.monotonic()
        if self.amount_edit is not None:
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()
        else:
            self.pay_button.setFocus()

    @staticmethod
    def _bounds_hint(low: int | None, high: int | None) -> str:
        if low and high:
            return translate("BillPayScreen", "Antara {low} dan {high}.").format(
                low=format_rupiah(low), high=format_rupiah(high))
        if low:
            return translate("BillPayScreen", "Minimal {low}.").format(low=format_rupiah(low))
        if high:
            return translate("BillPayScreen", "Maksimal {high}.").format(high=format_rupiah(high))
        return translate("BillPayScreen", "Ketik nominal yang dibayar pelanggan.")

    def _typed_amount(self) -> str | None:
        return self.amount_edit.digits() if self.amount_edit is not None else None

    def _requote(self) -> None:
        """The totals for the amount as typed (``quote`` is arithmetic: no host, no disk)."""
        flow = self.flow
        if flow is None or flow.inquiry is None or self.billpay is None:
            return
        spec = flow.inquiry.product
        try:
            amount, fee, total = self.billpay.quote(flow.inquiry, self._typed_amount())
        except UserInputError:
            for label in (self.amount_value, self.fee_value, self.total_value):
                label.setText("—")
            return
        self.amount_value.setText(format_rupiah(amount))
        self.fee_value.setText(format_rupiah(fee) if spec.fee_known else self._fee_later(flow.inquiry.last_fee))
        self.total_value.setText(format_rupiah(total + flow.inquiry.counter_fee))

    @staticmethod
    def _fee_later(last_fee: int | None) -> str:
        """The bank's fee of a product whose inquiry states none: said honestly, with what
        the bank charged the last time as a hint."""
        if last_fee is None:
            return translate("billpay", FEE_LATER)
        return translate("billpay", FEE_LATER_LAST).format(fee=format_rupiah(last_fee))

    def back(self) -> None:
        if self.flow is not None and self.flow.step is Step.CONFIRM:
            self.flow.back()
        self.clear_errors()
        self._show(INPUT)
        first = self.form.first_input() if self.form is not None else None
        if first is not None:
            first.setFocus()

    # -- CONFIRM -> RESULT -------------------------------------------------------------
    def pay(self) -> None:
        flow = self.flow
        if flow is None or flow.inquiry is None or self.billpay is None or self.worker.is_busy(self.pay_button):
            return
        if flow.pin_kept and time.monotonic() - self.bill_shown_at < SETTLE_SECONDS:
            return  # see SETTLE_SECONDS: nobody has read this bill yet
        inquiry = flow.inquiry
        spec = inquiry.product
        typed = self._typed_amount()
        self.clear_errors()
        try:
            # refused at the field, no PIN asked; the prompt names what the screen's
            # "Total dibayar pelanggan" does: the bank's total and the counter's own fee
            total = flow.price(typed).total + inquiry.counter_fee
        except UserInputError as exc:
            self.fail(exc)
            return
        whom = inquiry.customer_name or spec.ref_text(inquiry.customer_ref)  # a provider by its name
        pin = None  # None: the flow pays with the PIN it kept from this bill's inquiry
        if not flow.pin_kept:
            pin = self.ask_pin(self, self.tr("PIN transaksi agen"),
                               self.tr("Bayar {name} {total} untuk {whom}.").format(
                                   name=name_text(spec), total=format_rupiah(total), whom=whom))
            if pin is None:
                return

        def done(result: "PaymentResult") -> None:
            self.completed.emit(TransactionDone(name_text(spec), result.row))

        def failed(exc: BaseException) -> None:
            row = exc.row if isinstance(exc, LoketError) else None
            if flow.step is Step.FAILED and not (row is not None and row.state is State.SUSPECT):
                # refused: never resend this inquiry; a new one starts from the form as typed
                self.set_product(spec, dict(inquiry.inputs))
            self.fail_transaction(exc, name_text(spec))

        self.pay_with(lambda confirm: flow.pay(pin, typed, confirm_duplicate=confirm), done, busy=self.pay_button,
                      message=self.tr("Membayar tagihan…"), on_failure=failed, deadline=flow.deadline)

    # -- lifecycle -------------------------------------------------------------------
    def activated(self) -> None:
        if self.billpay is None:
            return
        if not self.pinged:
            self.pinged = True
            self.check_connection()
        if self.served or self.flow is None or self.flow.step in (Step.RESULT, Step.FAILED):
            self.served = False
            self.picker.clear()
            self.show_picker()

    def check_connection(self) -> None:
        """PING (section 1) off the GUI thread; the picker's header says how it went."""
        assert self.billpay is not None
        client = self.billpay.client

        def answered(result: Any) -> None:
            self.picker.set_connection(result.ok, result.message)

        def failed(exc: BaseException) -> None:
            self.picker.set_connection(False, localized(exc) if isinstance(exc, LoketError) else str(exc))

        self.worker.run(client.ping, on_success=answered, on_failure=failed, busy=self.picker.connection)

    def reset(self) -> None:
        """"Transaksi baru": the same product for the next customer, the form empty. A reset
        of a payment that ended (the shell's, behind its result) leaves the product to the
        way back: "Transaksi baru" resets again and keeps it, the menu offers every one.

        Behind the result that reset only takes the paid customer's form and flow away: a
        fresh form built there (~10 ms of the GUI thread while the receipt is numbered and
        printed) was thrown away by "Transaksi baru", which builds the one typed into; the
        menu's way back shows the picker (``activated``)."""
        self.served = self.flow is not None and self.flow.over
        super().reset()
        if self.spec is None:
            return
        if self.served and not self.isVisible():
            self.flow = None  # nothing to pay or resend: an inquiry needs a form again
            if self.form is not None:
                self.form_slot.removeWidget(self.form)
                _discard(self.form)
                self.form = None
            self._show(INPUT)  # never the paid bill's confirmation page
            return
        self.set_product(self.spec)

    def summary_text(self) -> str:
        """Everything the confirmation page says, for tests and support."""
        page = self.pages.widget(CONFIRM)
        return "\n".join(label.text() for label in page.findChildren(QLabel) if label.text())


def _factory(title: str, group: str):
    def make(services: "ScreenServices") -> BillPayScreen:
        return BillPayScreen(title, group, services.billpay, services.worker, services.errors, services.ask_pin,
                             services.journal)

    return make


register("billpay_tagihan", group=TAGIHAN, title=QT_TRANSLATE_NOOP("screens", "Bayar Tagihan"), order=10)(
    _factory("Bayar Tagihan", TAGIHAN))
register("billpay_pembelian", group=PEMBELIAN, title=QT_TRANSLATE_NOOP("screens", "Tiket dan Donasi"), order=10)(
    _factory("Tiket dan Donasi", PEMBELIAN))
