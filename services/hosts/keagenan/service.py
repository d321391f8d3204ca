"""Bill payment, Qt-free: inquiry -> confirm -> PIN -> payment -> result.

``BillPayService`` is what the bill-payment screen (or a worker it starts) calls:

* ``inquire(product_id, inputs, pin=None) -> Inquiry``: validates the typed fields
  (``UserInputError`` names the field), asks the host, and returns what the confirmation
  step shows: customer name, period, detail lines, amount, fee, total. A single-step
  product (no inquiry in the document) is validated and quoted without a host call.
* ``quote(inquiry, amount) -> (amount, fee, total)``: for free-amount products, the totals
  for the amount being typed, checked against ``Inquiry.min_amount``/``max_amount``. An
  empty amount is refused, never replaced by the inquiry's suggestion: the agent types
  what the customer hands over.
* ``pay(inquiry, pin, amount_override=None) -> PaymentResult``: builds the payment from the
  spec (echoes, derivations, constants), journals it before it leaves (host "keagenan",
  product group "Tagihan"/"Pembelian", customer_ref = the customer number, PIN masked by
  the journal's redaction) and sends it through ``TransactionRunner``.

What the customer pays the agent is the bank's total plus the counter's own fee
(``Inquiry.counter_fee``: the ``biaya_loket`` the inquiry states, else the fee the supervisor
set for the product, ``services.counter_fees``); the journal row keeps that fee as it was
when the payment was made. A product whose inquiry states no admin fee (Telkom) learns it
from the payment's answer; the inquiry carries, as a hint for the agent, the fee the bank
charged the last time this product was paid at this counter (``Inquiry.last_fee``). A product
whose inquiry states the fee is held to it the same way: the fee its payment's answer states
(``ProductSpec.answer_fee_path``) is what the bank took, so another one settles the journal row
and the result tells the agent; one that cannot be read, or that the answer's stated total
contradicts, leaves the payment SUSPECT.

An amount the agent types (a free-amount bill on its confirmation, or a single-step
product's form) is bounded by the bank where its inquiry says so (a Prudential top-up's
``minAmount``/``maxAmount``) and, on each side where the bank says nothing, by the counter's
own ``Limits.bill`` (services/limits.py, ``settings.json``): Rp 5 or Rp 999.999.999.999 is
refused before any PIN is asked.

``BillPayFlow`` is the bill payment's ``Flow`` (services/flows/base.py): the step for a screen
that renders one step at a time, and the resend rule.

A PIN is an argument, never stored. Products whose inquiry definition requires
``pin_transaksi`` (``spec.pin_at_inquiry``) get the PIN for the inquiry too; asking the
agent for it a second time a minute later, for the same bill, doubles the keystrokes and
teaches typing a PIN without reading what it is for. So ``BillPayFlow`` keeps the PIN the
host has just accepted at the inquiry, in memory, for that one transaction only: it is
forgotten when the payment is sent, on back, reset or a new inquiry, when the counter locks
(``forget_pin``), and ``PIN_KEPT_SECONDS`` after the inquiry.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Callable, Mapping

from services.errors import AnswerMismatch, InvalidPin, NotSent, UserInputError
from services.flows.base import Flow, Quote
from services.formats import format_period_or_date
from services.hosts.answers import AnswerCheck
from services.hosts.keagenan.client import KeagenanClient, reff_num
from services.hosts.keagenan.errors import HOST
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal, JournalRow
from services.limits import AmountRange, Limits
from services.money import MoneyError, parse_rupiah
from services.products import Catalogue, ProductSpec, default_catalogue
from services.products.spec import lookup, money_at, wire_text
from services.receipts.products import product_lines
from services.transactions import Outcome, Payment, RecentSuccessExists, TransactionRunner
from services.validation import amount as checked_amount
from services.validation import is_digits


@dataclass(frozen=True)
class Inquiry:
    """What the host said about one bill, ready for the confirmation step."""

    product: ProductSpec
    inputs: Mapping[str, str]  # the validated values, by field name
    customer_ref: str
    customer_name: str
    period: str
    details: tuple[tuple[str, str], ...]  # (label, value) lines, empty values left out
    amount: int
    fee: int
    total: int
    counter_fee: int  # the counter's own fee, collected besides ``total`` (the bank's)
    amount_editable: bool  # free-amount product: the agent types the amount to pay
    # What a typed amount may be (free-amount products: the bank's bound, else the counter's
    # ``Limits.bill``); None for a bill whose amount is the bank's.
    min_amount: int | None
    max_amount: int | None
    reference: str  # journal-issued reference the inquiry's reffNum came from
    answer: Mapping[str, Any] = field(repr=False, default_factory=dict)  # kept for the echoes
    # For a product whose inquiry states no admin fee: what the bank charged the last time
    # this product was paid here (None: never, or the fee is known before paying).
    last_fee: int | None = None


@dataclass(frozen=True)
class PaymentResult:
    product_id: str
    product_name: str
    reference: str  # the journal reference
    reff_num: str  # what the host got as reffNum
    host_journal: str  # data.journal
    financial_journal: str  # data.financialJournal
    host_reff: str  # data.reffNum as answered
    customer_ref: str
    customer_name: str
    amount: int
    fee: int
    total: int
    counter_fee: int
    time: str  # CustomerData.time as the host wrote it
    trx_type: str
    receipt_lines: tuple[tuple[str, str], ...]  # product-specific lines, resolved
    answer: Mapping[str, Any] = field(repr=False, default_factory=dict)
    row: JournalRow | None = None


def _pin(pin: str | None, required: bool) -> str | None:
    if pin is None or not str(pin).strip():
        if required:
            raise UserInputError("pin", QT_TRANSLATE_NOOP("errors", "PIN transaksi wajib diisi."))
        return None
    pin = str(pin).strip()
    if not is_digits(pin) or not 4 <= len(pin) <= 8:
        raise UserInputError("pin", QT_TRANSLATE_NOOP("errors", "PIN transaksi berupa 4 sampai 8 angka."))
    return pin


def _money_or_none(source: Mapping[str, Any], path: str | None) -> int | None:
    try:
        return money_at(source, path)
    except MoneyError:
        return None


def _same_amount(typed: int | str, amount: int) -> bool:
    try:
        return parse_rupiah(typed) == amount
    except MoneyError:
        return False


class BillPayService:
    def __init__(self, client: KeagenanClient, journal: Journal, runner: TransactionRunner,
                 catalogue: Catalogue | None = None, counter_fees: Callable[[str], int] | None = None,
                 amount_limits: AmountRange | None = None) -> None:
        self.client = client
        self.journal = journal
        self.runner = runner
        self.catalogue = catalogue or default_catalogue()
        self.counter_fees = counter_fees or (lambda _product: 0)  # product id -> the supervisor's fee
        # a typed amount's bounds where the bank states none (settings.json ``limits.bill``)
        self.amount_limits = amount_limits or Limits().bill

    def amount_range(self, low: int | None = None, high: int | None = None) -> AmountRange:
        """What a typed amount may be: the bank's bound on each side it states one, else
        the counter's (``amount_limits``). The counter's side gives way where it would leave
        nothing payable (a bank minimum above the counter's maximum): the bank's word on
        what it accepts stands."""
        minimum = self.amount_limits.minimum if low is None else low
        maximum = self.amount_limits.maximum if high is None else high
        if low is not None and high is None:
            maximum = max(maximum, low)
        if high is not None and low is None:
            minimum = min(minimum, high)
        return AmountRange(minimum, maximum)

    @staticmethod
    def _typed_amount(spec: ProductSpec, typed: int | str | None, bounds: AmountRange) -> int:
        """The amount the agent typed, within ``bounds``, or ``UserInputError`` on its field."""
        name = spec.amount_field or "amount"
        if typed is None or not str(typed).strip():
            raise UserInputError(name, QT_TRANSLATE_NOOP("errors", "Ketik nominal yang dibayar."))
        return checked_amount(name, str(typed), minimum=bounds.minimum, maximum=bounds.maximum)

    # -- inquiry ------------------------------------------------------------------------
    def inquire(self, product_id: str, inputs: Mapping[str, Any], pin: str | None = None) -> Inquiry:
        spec = self.catalogue.get(product_id)
        cleaned = spec.clean(inputs)
        if spec.single_step and spec.amount_field:  # typed on the form: the counter's bounds
            self._typed_amount(spec, cleaned[spec.amount_field], self.amount_range())
        reference = self.journal.next_reference()
        if spec.single_step:
            answer: Mapping[str, Any] = {}
        else:
            pin = _pin(pin, spec.pin_at_inquiry) if spec.pin_at_inquiry else None
            answer = self.client.inquiry(spec.inquiry_fitur, spec.inquiry_data(cleaned), reference=reference,
                                         agent=spec.inquiry_agent, pin=pin)
        try:
            return self._read(spec, cleaned, answer, reference)
        except (ValueError, TypeError, ArithmeticError) as exc:  # MoneyError is a ValueError
            # The host's answer holds a figure, period or detail that cannot be read: no bill
            # to confirm. Nothing was paid, and nothing is journaled for an inquiry.
            raise AnswerMismatch(f"cek tagihan {spec.inquiry_fitur}: jawaban tidak terbaca ({exc})",
                                 host=HOST) from exc

    def _read(self, spec: ProductSpec, cleaned: Mapping[str, str], answer: Mapping[str, Any],
              reference: str) -> Inquiry:
        amount, fee, total = spec.amounts(answer, cleaned)
        low, high = spec.bounds(answer)
        check = AnswerCheck(HOST, f"cek tagihan {spec.inquiry_fitur}")
        for name, value in (("nominal", amount), ("biaya", fee), ("total", total), ("minimal", low),
                            ("maksimal", high)):
            check.money(name, value)
        check.adds_up(amount, fee, total)
        check.raise_if_any()
        if spec.free_amount:
            bounds = self.amount_range(low, high)
            low, high = bounds.minimum, bounds.maximum
        details = tuple((label, value) for label, source in spec.details
                        if (value := spec.shown(label, spec.read(source, answer, cleaned))))
        return Inquiry(
            product=spec,
            inputs=cleaned,
            customer_ref=spec.customer_ref(cleaned),
            customer_name=spec.read(spec.customer_name_path, answer, cleaned),
            period=format_period_or_date(spec.read(spec.period, answer, cleaned)),
            details=details,
            amount=amount,
            fee=fee,
            total=total,
            counter_fee=self._counter_fee(spec, answer),
            amount_editable=spec.free_amount,
            min_amount=low,
            max_amount=high,
            reference=reference,
            answer=answer,
            last_fee=None if spec.fee_known else self._last_fee(spec),
        )

    def _counter_fee(self, spec: ProductSpec, answer: Mapping[str, Any]) -> int:
        """The host's ``biaya_loket`` where the inquiry states it, else the supervisor's fee."""
        stated = _money_or_none(answer, spec.counter_fee_path)
        return stated if stated is not None else self.counter_fees(spec.id)

    def _last_fee(self, spec: ProductSpec) -> int | None:
        """The final admin fee of the latest successful payment of ``spec`` here."""
        found = self.journal.execute(
            "SELECT COALESCE(settled_fee, fee) FROM txn INDEXED BY txn_product_day"
            " WHERE product = ? AND host = ? AND state = 'SUCCESS' ORDER BY business_date DESC, id DESC LIMIT 1",
            (spec.id, HOST)).fetchone()
        return found[0] if found else None

    def quote(self, inquiry: Inquiry, amount: int | str | None) -> tuple[int, int, int]:
        """(amount, fee, total) for the amount the agent typed (free-amount products)."""
        spec = inquiry.product
        typed = amount not in (None, "")
        if not inquiry.amount_editable:
            if typed and not _same_amount(amount, inquiry.amount):
                raise UserInputError("amount", QT_TRANSLATE_NOOP("errors", "Nominal tagihan ini tidak dapat diubah."))
            return inquiry.amount, inquiry.fee, inquiry.total
        # Free amount: what was typed, within the inquiry's bounds (the bank's, else the
        # counter's). Empty is refused: the suggestion pre-filled on the screen is only that.
        value = self._typed_amount(spec, amount, self.amount_range(inquiry.min_amount, inquiry.max_amount))
        return spec.totals(inquiry.answer, inquiry.inputs, value)

    # -- payment ------------------------------------------------------------------------
    def pay(self, inquiry: Inquiry, pin: str, amount_override: int | str | None = None, *,
            reference: str | None = None, confirm_duplicate: str | None = None) -> PaymentResult:
        """Pay ``inquiry``. ``reference`` resends a payment that provably never left (its
        journal row is NEW) with the same reference, so the same reffNum goes out."""
        spec = inquiry.product
        checked_pin = _pin(pin, True)
        amount, fee, total = self.quote(inquiry, amount_override)
        if reference is not None and self.journal.get(reference).amount != amount:
            raise UserInputError("amount", templated(QT_TRANSLATE_NOOP(
                "errors", "Nominal tidak boleh diubah saat mengirim ulang transaksi {reference}."),
                reference=reference))
        data = spec.payment_data(inquiry.answer, inquiry.inputs, amount)
        reference = reference or self.journal.next_reference()
        body = self.client.payment_body(spec.payment_fitur, data, reference=reference, pin=checked_pin,
                                        account_keys=spec.account_keys)
        payment = Payment(host=HOST, product=spec.id, product_group=spec.group, amount=amount, fee=fee,
                          total=total, request=body, customer_ref=inquiry.customer_ref,
                          customer_name=inquiry.customer_name, reference=reference,
                          confirmed_duplicate=confirm_duplicate,
                          inquiry=dict(inquiry.answer) or None, counter_fee=inquiry.counter_fee)

        def send(ref: str) -> Outcome:
            answer = self.client.pay(body, required=spec.answer_required)
            result = self._result(inquiry, ref, body, answer, amount, fee, total)
            # The fee the payment's answer stated (Telkom's biaya_adm) settles the journal row.
            return Outcome(host_ref=result.host_journal, response=answer, result=result, fee=result.fee,
                           total=result.total)

        try:
            executed = self.runner.execute(payment, send)
        finally:
            body["data"].pop("pin_transaksi", None)
        # The receipt lines come from the journal row, like the printed receipt's.
        return replace(executed.result, row=executed.row, receipt_lines=tuple(product_lines(executed.row)))

    def _result(self, inquiry: Inquiry, reference: str, body: Mapping[str, Any], answer: Mapping[str, Any],
                amount: int, fee: int, total: int) -> PaymentResult:
        spec = inquiry.product
        data = answer.get("data") or {}
        fee, total = self._answered_fee(spec, answer, amount, fee, total)
        return PaymentResult(
            product_id=spec.id,
            product_name=spec.name,
            reference=reference,
            reff_num=reff_num(reference, self.client.agent.kode_loket),
            host_journal=wire_text(data.get("journal")).strip(),
            financial_journal=wire_text(lookup(data, "financialJournal") or lookup(data, "financialJurnal")).strip(),
            host_reff=wire_text(data.get("reffNum")).strip(),
            customer_ref=inquiry.customer_ref,
            customer_name=inquiry.customer_name or wire_text(lookup(answer, "CustomerData.customerName")).strip(),
            amount=amount,
            fee=fee,
            total=total,
            counter_fee=inquiry.counter_fee,
            time=wire_text(lookup(answer, "CustomerData.time")),
            trx_type=wire_text(answer.get("trxType")),
            receipt_lines=(),  # resolved from the journal row once it holds the answer (``pay``)
            answer=answer,
        )

    @staticmethod
    def _answered_fee(spec: ProductSpec, answer: Mapping[str, Any], amount: int, fee: int,
                      total: int) -> tuple[int, int]:
        """The (fee, total) the payment's answer says the bank took. The fee it states where
        its section states one (``spec.answer_fee_path``: Telkom's biaya_adm, the only word on
        a fee its inquiry does not state; PLN's biaya_adm, PDAM's CustomerData.adminFee) is the
        bank's, whatever was quoted (a field the answer defines as the request's echo, as BPJS
        Kesehatan's c_fee, is compared as one: ``client.check_payment_answer``): another one
        settles the journal row (``Outcome.fee``), so the receipt prints it and the agent is
        told what to collect or hand back. A fee that cannot be read, or a total the answer
        states that does not add up with it, is no confirmation of this payment:
        ``AnswerMismatch``, SUSPECT, never SUCCESS on the quote."""
        check = AnswerCheck(HOST, f"pembayaran {spec.payment_fitur}")
        stated = check.money("biaya", lookup(answer, spec.answer_fee_path))
        if stated is not None:
            fee, total = stated, amount + stated
        if spec.answer_total_path and not spec.free_amount:
            check.adds_up(amount, fee, check.money("total", lookup(answer, spec.answer_total_path)))
        check.raise_if_any()
        return fee, total


PIN_KEPT_SECONDS = 120  # how long the inquiry's PIN pays the bill it opened


class Step(str, Enum):
    INPUT = "input"  # typing the customer number (and the PIN, for pin_at_inquiry products)
    CONFIRM = "confirm"  # the inquiry is shown; amount (free-amount) and PIN are asked
    RESULT = "result"  # paid: the result and the receipt
    FAILED = "failed"  # the payment was refused or its outcome is unknown: ``error`` says which


class BillPayFlow(Flow):
    """One customer's bill payment (services/flows/base.py): ``prepare`` is the inquiry,
    ``price`` the totals for a typed amount (free-amount products), ``pay`` the payment.

    A wrong PIN, a bad amount or a NotSent keeps the flow at CONFIRM so the agent can press
    again (a NotSent one resends the same reffNum); any other payment failure ends it at
    FAILED: a refused or uncertain payment is never resent with a stale inquiry.
    """

    def __init__(self, service: BillPayService, product_id: str, *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.deadline = service.client.deadline
        self.service = service
        self.product = service.catalogue.get(product_id)
        self.title = self.product.name
        self.error: Exception | None = None
        self.result: PaymentResult | None = None
        self._ended = False
        self._monotonic = monotonic
        self._pin: str | None = None  # the inquiry's PIN, for this transaction's payment only
        self._pin_at = 0.0

    # -- the inquiry's PIN ---------------------------------------------------------------
    @property
    def pin_kept(self) -> bool:
        """The PIN typed for this bill's inquiry is still held: the payment needs no other."""
        if self._pin is not None and self._monotonic() - self._pin_at > PIN_KEPT_SECONDS:
            self.forget_pin()
        return self._pin is not None

    def forget_pin(self) -> None:
        self._pin = None

    @property
    def inquiry(self) -> Inquiry | None:
        return self.quote.detail if self.quote is not None else None

    @property
    def step(self) -> Step:
        if self.result is not None:
            return Step.RESULT
        if self._ended:
            return Step.FAILED
        return Step.INPUT if self.quote is None else Step.CONFIRM

    def reset(self) -> None:
        super().reset()
        self.error = self.result = None
        self._ended = False
        self.forget_pin()

    def prepare(self, inputs: Mapping[str, Any], pin: str | None = None) -> Quote:  # type: ignore[override]
        """The inquiry (``pin`` for products whose inquiry needs it). From any step: a new
        inquiry is a new transaction."""
        self._start_over()
        try:
            inquiry = self.service.inquire(self.product.id, inputs, pin)
        except Exception as exc:
            self.error = exc
            raise
        self.quote = self._quote(inquiry, inquiry.amount, inquiry.fee, inquiry.total)
        self._quoted_now()
        if self.product.pin_at_inquiry and not self.product.single_step and pin:
            self._pin, self._pin_at = str(pin).strip(), self._monotonic()  # the host accepted it
        return self.quote

    def price(self, amount: int | str | None) -> Quote:
        """The totals for the amount typed on the confirmation (free-amount products)."""
        inquiry = self.inquiry
        if inquiry is None:
            raise RuntimeError("price only after the inquiry")
        value, fee, total = self.service.quote(inquiry, amount)
        quote = self._quote(inquiry, value, fee, total)
        if self.quote is None or quote.key != self.quote.key:
            self._forget_unsent()  # another amount: a NotSent row is not resent with it
        self.quote = quote
        return quote

    @staticmethod
    def _quote(inquiry: Inquiry, amount: int, fee: int, total: int) -> Quote:
        return Quote(amount, fee, total, inquiry.customer_ref, inquiry.customer_name, detail=inquiry,
                     key=(inquiry.reference, amount))

    def pay(self, pin: str | None = None, amount: int | str | None = None, *,  # type: ignore[override]
            confirm_duplicate: str | None = None) -> PaymentResult:
        """``pin`` None: the PIN kept from this bill's inquiry, if still held (``pin_kept``)."""
        if self.step is not Step.CONFIRM:
            raise RuntimeError(f"bill payment is at {self.step.value}, not confirm")
        self.error = None
        if pin is None and self.pin_kept:
            pin = self._pin
        try:
            self.price(amount)
            self.result = super().pay(pin, confirm_duplicate=confirm_duplicate)
        except (UserInputError, RecentSuccessExists) as exc:
            self.error = exc  # retype, or confirm the repeat: nothing was sent, the PIN stays
            raise
        except (InvalidPin, NotSent) as exc:
            self.forget_pin()  # sent: the next press asks the PIN again
            self.error = exc  # retype, or press again (the same reference)
            raise
        except Exception as exc:
            self.forget_pin()
            self.error = exc
            self._ended = True
            raise
        self.forget_pin()
        return self.result

    def _runner(self) -> TransactionRunner:
        return self.service.runner

    def _pay(self, quote: Quote, pin: str | None, reference: str | None,
             confirm_duplicate: str | None) -> PaymentResult:
        return self.service.pay(quote.detail, pin or "", quote.amount, reference=reference,
                                confirm_duplicate=confirm_duplicate)

    def back(self) -> None:
        """From the confirmation back to the inputs (nothing was paid)."""
        if self.step is not Step.CONFIRM:
            raise RuntimeError(f"bill payment is at {self.step.value}, not confirm")
        self._start_over()

    def _start_over(self) -> None:
        """A new inquiry: a NotSent payment of the old one is closed when the new one is paid."""
        self._forget_unsent()
        replaced = self._replaced
        self.reset()
        self._replaced = replaced


__all__ = ["BillPayFlow", "BillPayService", "Inquiry", "PaymentResult", "Step"]
