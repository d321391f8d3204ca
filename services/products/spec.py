"""What a product spec is: data that says how one bill-payment product is asked, paid and printed.

A ``ProductSpec`` covers both halves of one BNI Keagenan inquiry/payment pair (or one
single-step payment): the fields the agent types and how each is validated, the fiturIds,
the constants each request carries, which inquiry-response fields the payment echoes (with
the document's renamings), the fields the client derives (PLN ``bl_th`` ...), how amount,
fee and total are read, what the confirmation screen and the receipt show, and the flags
for the few flows that differ (free amount, months picker, provider picker, sub-products,
PIN already at inquiry, no inquiry at all).

The screen reads these specs and never builds a request; the client builds requests from
them and never knows about screens. The sandbox uses the same echo lists to check that a
payment carries what its inquiry answered (the lists are the document's, so both sides
read the same page of it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Mapping

from services.errors import UserInputError
from services.formats import format_date, format_period, format_quantity, masked, money_text
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.money import MoneyError, format_rupiah, parse_rupiah
from services.product_groups import BILLS, PURCHASES
from services.validation import is_digits

# Field kinds the screen knows how to draw.
DIGITS = "digits"  # numeric keypad, leading zeros kept (a customer number, not a number)
TEXT = "text"  # letters and digits (booking codes)
AMOUNT = "amount"  # rupiah, parsed with services.money
CHOICE = "choice"  # a drop-down of ``choices``
MONTHS = "months"  # a month-count picker; ``choices`` holds the allowed counts

# the product groups (identifiers; labels in services.product_groups)
TAGIHAN = BILLS
PEMBELIAN = PURCHASES


@dataclass(frozen=True)
class Choice:
    value: str  # what goes on the wire
    label: str  # what the agent sees


@dataclass(frozen=True)
class InputField:
    """One thing the agent types or picks.

    ``wire`` is the request key the cleaned value goes to (``None``: the value only feeds a
    derivation, e.g. the PDAM company picks several wire fields at once). ``identifies``
    marks the fields that name the bill (customer number, provider): they make the
    journal's ``customer_ref`` and the sandbox's lookup key.
    """

    name: str
    label: str
    kind: str = DIGITS
    wire: str | None = None
    min_length: int = 1
    max_length: int = 32
    minimum: int | None = None  # AMOUNT / MONTHS bounds
    maximum: int | None = None
    choices: tuple[Choice, ...] = ()
    required: bool = True
    identifies: bool = True
    to_payment: bool = True  # the payment repeats the inquiry's value of this field
    hint: str = ""
    # A credit card's number: in full on the form the agent checks against the card, masked
    # (``services.formats.masked``) wherever else it is read: the receipt, Riwayat, reports.
    masked: bool = False
    # The first part of one number the agent types on without a pause (Telkom's area code,
    # then the number): typed full (``max_length``), the cursor moves on to the next input.
    moves_on_when_full: bool = False
    # Values shorter than ``max_length`` that are whole all the same (Telkom's five 3-digit area
    # codes, 021 Jakarta ...: the codes are prefix-free, so no longer one starts with them).
    # Typed, the cursor moves on as at ``max_length``; cleaned, they are padded with leading
    # zeros to ``max_length`` (the document's own example sends Jakarta as "0021"). A shorter
    # value not among them is only the start of a code, refused.
    whole_when_short: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.wire or self.name

    def typed_form(self, value: str) -> str:
        """A value as the agent types it and the customer's bill prints it: one of the
        ``whole_when_short`` codes, padded for the wire ("0021"), reads as typed ("021")."""
        return next((code for code in self.whole_when_short if value == code.zfill(self.max_length)), value)

    def clean(self, raw: Any) -> str:
        """The value as it goes on the wire, or ``UserInputError`` naming this field."""
        text = "" if raw is None else str(raw).strip()
        if not text:
            if self.required:
                raise UserInputError(self.name, templated(QT_TRANSLATE_NOOP("errors", "{label} wajib diisi."),
                                                          label=self.label))
            return ""
        if self.kind == DIGITS:
            text = text.replace(" ", "").replace("-", "")
            if not is_digits(text):
                raise UserInputError(self.name, templated(QT_TRANSLATE_NOOP(
                    "errors", "{label} hanya boleh berisi angka."), label=self.label))
            if not self.min_length <= len(text) <= self.max_length:
                raise UserInputError(self.name, _length_message(self))
            if self.whole_when_short and len(text) < self.max_length:
                if text not in self.whole_when_short:
                    raise UserInputError(self.name, templated(QT_TRANSLATE_NOOP(
                        "errors", "{label} {value} belum lengkap: yang lebih pendek dari {length} angka hanya "
                                  "{codes}."), label=self.label, value=text, length=self.max_length,
                        codes=", ".join(self.whole_when_short)))
                text = text.zfill(self.max_length)
            return text
        if self.kind == TEXT:
            if not re.fullmatch(r"[A-Za-z0-9 ./-]+", text):
                raise UserInputError(self.name, templated(QT_TRANSLATE_NOOP(
                    "errors", "{label} hanya boleh berisi huruf dan angka."), label=self.label))
            if not self.min_length <= len(text) <= self.max_length:
                raise UserInputError(self.name, _length_message(self))
            return text.upper()
        if self.kind == AMOUNT:
            try:
                value = parse_rupiah(text)
            except MoneyError:
                raise UserInputError(self.name, templated(QT_TRANSLATE_NOOP(
                    "errors", "{label} bukan jumlah rupiah yang sah."), label=self.label)) from None
            _check_bounds(self, value)
            return str(value)
        if self.kind in (CHOICE, MONTHS):
            allowed = {c.value for c in self.choices}
            if text not in allowed:
                raise UserInputError(self.name, templated(QT_TRANSLATE_NOOP("errors", "Pilih {label} dari daftar."),
                                                          label=_in_sentence(self.label)))
            return text
        raise ValueError(f"unknown field kind {self.kind!r}")

    def choice_label(self, value: str) -> str:
        return next((c.label for c in self.choices if c.value == value), value)


def _in_sentence(label: str) -> str:
    """A label inside a sentence: its first letter in lower case, and only that ("Pilih
    perusahaan air (PDAM) dari daftar.", not "(pdam)"); one that starts with an acronym as
    it is ("BPJS ...")."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _length_message(f: InputField) -> str:
    if f.min_length == f.max_length:
        return templated(QT_TRANSLATE_NOOP("errors", "{label} harus {length} karakter."), label=f.label,
                         length=f.min_length)
    return templated(QT_TRANSLATE_NOOP("errors", "{label} harus {shortest} sampai {longest} karakter."),
                     label=f.label, shortest=f.min_length, longest=f.max_length)


def _check_bounds(f: InputField, value: int) -> None:
    if value <= 0:
        raise UserInputError(f.name, templated(QT_TRANSLATE_NOOP("errors", "{label} harus lebih dari nol."),
                                               label=f.label))
    if f.minimum is not None and value < f.minimum:
        raise UserInputError(f.name, templated(QT_TRANSLATE_NOOP("errors", "{label} minimal {minimum}."),
                                               label=f.label, minimum=format_rupiah(f.minimum)))
    if f.maximum is not None and value > f.maximum:
        raise UserInputError(f.name, templated(QT_TRANSLATE_NOOP("errors", "{label} maksimal {maximum}."),
                                               label=f.label, maximum=format_rupiah(f.maximum)))


def months(*counts: int) -> tuple[Choice, ...]:
    return tuple(Choice(str(n), f"{n} bulan") for n in counts)


# -- reading values out of host answers ---------------------------------------------------

def lookup(source: Mapping[str, Any], path: str) -> Any:
    """``"data.journal"`` -> ``source["data"]["journal"]``; a missing step gives ``None``.

    A name also matches case-insensitively, because the document spells the same field
    ``NPWP`` in one place and ``npwp`` in the next (INC-19) and ``Provider``/``provider``
    (INC-15).
    """
    value: Any = source
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        if part in value:
            value = value[part]
            continue
        folded = part.lower()
        value = next((v for k, v in value.items() if isinstance(k, str) and k.lower() == folded), None)
    return value


def wire_text(value: Any) -> str:
    """A value as the requests carry it: every field is a String in the definitions.

    The examples answer with numbers (``kubikasi: 18000``) and booleans; the payment example
    of PDAM sends them back as strings (INC-05), so an echo is always the string form,
    ``None`` becoming ``""``. Floats never reach here as money (no example has one).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def money_at(source: Mapping[str, Any], path: str | None) -> int | None:
    """Whole rupiah at ``path`` (``None`` when absent, empty or null)."""
    if not path:
        return None
    value = lookup(source, path)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.strip().startswith("."):
        value = "0" + value.strip()  # BPJS TK ".00"
    return parse_rupiah(value)


Derivation = Callable[[Mapping[str, Any], Mapping[str, str]], str]


@dataclass(frozen=True)
class Echo:
    """A payment field copied from the inquiry answer: ``payment`` <- ``inquiry``."""

    payment: str
    inquiry: str

    @classmethod
    def same(cls, *names: str) -> tuple["Echo", ...]:
        return tuple(cls(n, n) for n in names)


# The detail and receipt labels the catalogue uses for rupiah amounts and for billing periods.
MONEY_DETAILS = frozenset({
    "Angsuran", "Biaya keterlambatan", "Denda", "JHT", "JKK", "JKM", "Lain-lain", "Maksimal", "Minimal",
    "Pembayaran minimum", "Premi", "Premi 1", "Premi 2", "Premi 3", "Tagihan", "Tagihan 1", "Tagihan 2",
    "Tagihan 3", "Tagihan terakhir",
})
PERIOD_DETAILS = frozenset({"Periode", "Bl/Th"})
DATE_DETAILS = frozenset({"Berangkat", "Berlaku s.d.", "Jatuh tempo", "Tanggal cetak", "Tgl. registrasi"})
# Measures the bill states (a water usage in m3): written the Indonesian way, 18.000, where
# the wire sends 18000 (``format_quantity``). PLN's "Stand meter" is not one: it is the
# meter's readings from-to as the meter shows them and PLN prints them, leading zeros and all
# (section 29: "00000100-00000100"), so it is shown as sent.
QUANTITY_DETAILS = frozenset({"Pemakaian (m3)"})


@dataclass(frozen=True)
class ProductSpec:
    """One product. Strings are Indonesian: they are what the counter shows.

    Money rules (all read from the *inquiry* answer, integer rupiah):

    * ``amount_path``: the bill amount. For ``free_amount`` products the agent types the
      amount (``amount_field``), bounded by ``min_path`` / ``max_path`` when the inquiry
      gives them.
    * ``fee_path``: the admin fee the inquiry states (``None``: the inquiry states none and
      the fee is known only from the payment answer's ``CustomerData.biaya_adm``; the
      receipt prints that one). ``fee_rule`` computes it from the inputs instead.
    * ``total_path``: the total the host states; absent, total = amount + fee.
    * ``counter_fee_path``: ``biaya_loket``, the counter's own fee as the host states it,
      never part of the total the bank debits (INC-07); the customer pays it to the agent
      besides the total (``services.counter_fees``).
    """

    id: str
    name: str
    group: str
    category: str
    fields: tuple[InputField, ...]
    payment_fitur: str
    inquiry_fitur: str | None = None  # None: single-step payment
    trx_type: str = ""
    aliases: tuple[str, ...] = ()
    family: str = ""  # sub-products of one provider (Prudential) share a family
    client_id: str | None = "IBOC"  # None: the request has no clientId
    inquiry_constants: Mapping[str, str] = field(default_factory=dict)
    payment_constants: Mapping[str, str] = field(default_factory=dict)
    inquiry_agent: bool = False  # the inquiry carries kode_mitra/kode_cabang/kode_loket
    pin_at_inquiry: bool = False  # the inquiry definition requires pin_transaksi too
    echo: tuple[Echo, ...] = ()
    derived: Mapping[str, Derivation] = field(default_factory=dict)  # payment key -> f(inquiry, inputs)
    inquiry_derived: Mapping[str, Derivation] = field(default_factory=dict)  # inquiry key -> f({}, inputs)
    amount_path: str | None = "amount"
    amount_wire: str | None = "amount"  # where the payment carries the amount (None: nowhere)
    fee_path: str | None = None
    fee_rule: Callable[[Mapping[str, str]], int] | None = None
    total_path: str | None = None
    counter_fee_path: str | None = None
    free_amount: bool = False
    amount_field: str | None = None  # name of the AMOUNT input when the agent types it
    min_path: str | None = None
    max_path: str | None = None
    customer_name_path: str | None = "customerName"
    period: "str | Derivation | None" = None  # inquiry path, or f(inquiry, inputs)
    details: tuple[tuple[str, "str | Derivation"], ...] = ()  # (label, path or f) shown before paying
    # which detail lines are rupiah (shown through formats.money_text), which are billing
    # periods, dates and quantities; every other detail is shown as sent (an ID such as a
    # BPJS participant number is never money, however many leading zeros it has)
    money_details: frozenset[str] = field(default_factory=lambda: MONEY_DETAILS)
    period_details: frozenset[str] = field(default_factory=lambda: PERIOD_DETAILS)
    date_details: frozenset[str] = field(default_factory=lambda: DATE_DETAILS)
    quantity_details: frozenset[str] = field(default_factory=lambda: QUANTITY_DETAILS)
    receipt: tuple[tuple[str, str], ...] = ()  # (label, path into the receipt context)
    check: Callable[[Mapping[str, str]], None] | None = None  # cross-field validation
    account_keys: tuple[str, ...] = ("accountNum",)  # payment keys that carry the agent's account
    decisions: tuple[str, ...] = ()  # where the document is silent or contradicts itself
    # The line of bni-keagenan-api-v1.15.txt where the payment section's Response Definition
    # lists ``data.reffNum`` ("Same value as Payment request"): that host always names the
    # reffNum it booked, so a payment answer without it is about no payment in particular
    # (SUSPECT). 0: the section defines none; the ids and figures it echoes tie its answer.
    answer_reff_line: int = 0
    # Where the section defines no reffNum in its answer: the answer fields it defines "Same
    # value as Payment request" that Loket compares (``catalogue.ANSWER_ECHOES``), as
    # "data.key" / "CustomerData.key". They are all that ties the answer to this bill, so
    # an answer without one is SUSPECT.
    answer_echoes: tuple[str, ...] = ()
    # Where the payment's answer states the admin fee the bank took, and the total, as
    # "data.key" / "CustomerData.key" (the section's Response Definition); None: the
    # defaults of ``answer_fee_path`` / ``answer_total_path``.
    paid_fee_path: str | None = None
    paid_total_path: str | None = None

    # -- inputs ---------------------------------------------------------------------------
    def field(self, name: str) -> InputField:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def answer_required(self) -> tuple[str, ...]:
        """The payment answer's fields its document says the host always echoes."""
        return (("data.reffNum",) if self.answer_reff_line else ()) + self.answer_echoes

    @property
    def single_step(self) -> bool:
        return self.inquiry_fitur is None

    @property
    def inquiry_fields(self) -> tuple[InputField, ...]:
        """Fields typed before the inquiry (the free amount of a two-step product comes later)."""
        if self.single_step:
            return self.fields
        return tuple(f for f in self.fields if f.name != self.amount_field)

    def clean(self, inputs: Mapping[str, Any]) -> dict[str, str]:
        """Validate the fields typed before the inquiry; wire-ready strings keyed by field name."""
        cleaned = {f.name: f.clean(inputs.get(f.name)) for f in self.inquiry_fields}
        if self.check is not None:
            self.check(cleaned)
        return cleaned

    def customer_ref(self, cleaned: Mapping[str, str]) -> str:
        """The customer number the journal keeps (a provider code when nothing else names one)."""
        typed = "".join(cleaned.get(f.name, "") for f in self.fields if f.identifies and f.kind != CHOICE)
        return typed or "".join(cleaned.get(f.name, "") for f in self.fields if f.identifies)

    @property
    def _ref_choice(self) -> InputField | None:
        """The list the agent picks from when it alone names the bill (charity's providerId)."""
        naming = [f for f in self.fields if f.identifies]
        return naming[0] if len(naming) == 1 and naming[0].kind == CHOICE else None

    @property
    def _masked_ref(self) -> InputField | None:
        """The card number that is the customer reference, when it is one."""
        return next((f for f in self.fields if f.identifies and f.masked), None)

    @property
    def ref_label(self) -> str:
        """What the customer reference is called where a person reads it (the receipt)."""
        named = self._ref_choice or self._masked_ref
        return named.label if named is not None else "No. Pelanggan"

    def ref_text(self, ref: str) -> str:
        """The customer reference as a person reads it: a picked provider's name, not its
        wire code ("ZAKAT_DOMPET_DHUAFA" -> "Zakat - Dompet Dhuafa"); a card number masked;
        else as kept. The journal and the wire keep the code and the number."""
        choice = self._ref_choice
        if choice is not None:
            return choice.choice_label(ref)
        return masked(ref) if self._masked_ref is not None else self.typed_number(ref)

    def typed_number(self, number: str) -> str:
        """A customer's number that starts with a code padded for the wire as the agent typed
        it: Telkom's 0021 + 998877441 reads 021998877441 (the padding is the document's, the
        number on the customer's bill is 021...). Anything else as kept."""
        first = next((f for f in self.fields if f.identifies and f.kind != CHOICE), None)
        if first is None or not first.whole_when_short:
            return number
        code = first.typed_form(number[:first.max_length])
        return code + number[first.max_length:]

    def kept_number(self, typed: str) -> str | None:
        """``typed_number``'s inverse: the form the journal keeps a number typed as read off
        the bill in ("021998877441" -> "0021998877441"), or None where it keeps it as typed."""
        first = next((f for f in self.fields if f.identifies and f.kind != CHOICE), None)
        if first is None:
            return None
        code = next((c for c in first.whole_when_short if typed.startswith(c)), None)
        return None if code is None else code.zfill(first.max_length) + typed[len(code):]

    @cached_property
    def number_lines(self) -> frozenset[str]:
        """The receipt lines that print the customer's number the agent typed, by the typed
        field's own name ("No. telepon" for "Nomor telepon"): read as typed (``typed_number``)."""
        def norm(label: str) -> str:
            return label.casefold().replace("nomor ", "no. ")

        typed = {norm(f.label) for f in self.fields if f.identifies}
        return frozenset(label for label, _path in self.receipt if norm(label) in typed)

    @cached_property
    def masked_lines(self) -> frozenset[str]:
        """The labels of the detail and receipt lines that read a masked field
        (``InputField.masked``: "No. kartu" from ``request.cardNum``). The field's own switch
        decides, so no second list of labels has to be kept in step with it."""
        keys = {f.key for f in self.fields if f.masked}
        return frozenset(label for label, source in (*self.details, *self.receipt)
                         if isinstance(source, str) and source.rsplit(".", 1)[-1] in keys)

    def shown(self, label: str, value: str) -> str:
        """A detail or receipt line as the counter reads it, by the kind declared for its
        label: rupiah ("000000050000" -> "Rp 50.000"), a period ("MEI16" -> "Mei 2016"),
        a date ("08DES11" -> "08 Des 2011"), a quantity ("18000" -> "18.000"), else as sent
        (``services.formats``)."""
        if label in self.money_details:
            return money_text(value.strip())
        if label in self.quantity_details:
            return format_quantity(value)
        if label in self.period_details:
            return format_period(value.strip())
        if label in self.date_details:
            return format_date(value.strip())
        if label in self.masked_lines:
            return masked(value)
        if label in self.number_lines:
            return self.typed_number(value.strip())
        return value.strip()

    def names_months(self, label: str) -> bool:
        """Whether ``shown`` writes this line's value with a month's name ("Mei 2016",
        "08 Des 2011"), which a screen puts in the agent's language; paper keeps Indonesian."""
        return label in self.period_details or label in self.date_details

    def read(self, source: "str | Derivation | None", inquiry: Mapping[str, Any], cleaned: Mapping[str, str]) -> str:
        """A display value: an inquiry path or a derivation, stripped."""
        if source is None:
            return ""
        if callable(source):
            return source(inquiry, cleaned)
        return wire_text(lookup(inquiry, source)).strip()

    def wire_inputs(self, cleaned: Mapping[str, str], *, payment: bool) -> dict[str, str]:
        return {
            f.key: cleaned[f.name]
            for f in self.fields
            if f.wire and f.name in cleaned and (not payment or f.to_payment) and f.name != self.amount_field
        }

    # -- requests -------------------------------------------------------------------------
    def inquiry_data(self, cleaned: Mapping[str, str]) -> dict[str, str]:
        """The inquiry's ``data`` minus reffNum and the agent/PIN fields the client adds."""
        data: dict[str, str] = {}
        if self.client_id:
            data["clientId"] = self.client_id
        data.update(self.inquiry_constants)
        data.update(self.wire_inputs(cleaned, payment=False))
        for key, derive in self.inquiry_derived.items():
            data[key] = derive({}, cleaned)
        return data

    def expected_payment_fields(self, inquiry: Mapping[str, Any], cleaned: Mapping[str, str]) -> dict[str, str]:
        """Payment fields fixed by the inquiry: inputs repeated, echoes, derivations.

        The client sends exactly these; the sandbox refuses a payment that differs in any.
        """
        data = self.wire_inputs(cleaned, payment=True)
        for e in self.echo:
            data[e.payment] = wire_text(lookup(inquiry, e.inquiry))
        for key, derive in self.derived.items():
            data[key] = derive(inquiry, cleaned)
        return data

    def paid_inputs(self, inquiry: Mapping[str, Any], cleaned: Mapping[str, str]) -> dict[str, str]:
        """The typed fields as the payment carries them: a field naming the bill that the
        payment echoes from the inquiry's answer (PLN's customerId) is what the answer says,
        and that is what is paid and printed, whatever was typed. The confirmation reads
        these back to the customer (the document's own PLN example answers 5311112 to 53111)."""
        paid = dict(cleaned)
        echoed = {e.payment: wire_text(lookup(inquiry, e.inquiry)) for e in self.echo}
        for f in self.fields:
            if f.identifies and f.wire is not None and echoed.get(f.wire, "").strip():
                paid[f.name] = echoed[f.wire].strip()
        return paid

    @staticmethod
    def same_number(one: str, other: str) -> bool:
        """Two customer numbers that name the same bill: spaces and leading zeros aside."""
        return one.replace(" ", "").lstrip("0") == other.replace(" ", "").lstrip("0")

    def payment_data(self, inquiry: Mapping[str, Any], cleaned: Mapping[str, str], amount: int) -> dict[str, str]:
        """The payment's ``data`` minus reffNum and the agent/PIN/account fields."""
        data: dict[str, str] = {}
        if self.client_id:
            data["clientId"] = self.client_id
        data.update(self.payment_constants)
        data.update(self.expected_payment_fields(inquiry, cleaned))
        if self.amount_wire and (self.free_amount or self.single_step or self.amount_wire not in data):
            data[self.amount_wire] = str(amount)
        return data

    # -- money ----------------------------------------------------------------------------
    def amounts(self, inquiry: Mapping[str, Any], cleaned: Mapping[str, str]) -> tuple[int, int, int]:
        """(amount, fee, total) before any free-amount choice."""
        if self.single_step:
            amount = int(cleaned[self.amount_field]) if self.amount_field else 0
        else:
            amount = money_at(inquiry, self.amount_path) or 0
        return self.totals(inquiry, cleaned, amount)

    def totals(self, inquiry: Mapping[str, Any], cleaned: Mapping[str, str], amount: int) -> tuple[int, int, int]:
        if self.fee_rule is not None:
            fee = self.fee_rule(cleaned)
        else:
            fee = money_at(inquiry, self.fee_path) or 0
        stated = None if self.free_amount else money_at(inquiry, self.total_path)
        return amount, fee, stated if stated is not None else amount + fee

    @property
    def answer_fee_path(self) -> str:
        """Where the payment's answer states the admin fee the bank took: the section's own
        field (``paid_fee_path``), else the inquiry's fee field echoed in ``data`` (BPJS's
        c_fee, compared as an echo before: another one never gets here), else
        ``CustomerData.biaya_adm``, the "Transaction admin fee" most sections define (Telkom's
        only word on its fee)."""
        if self.paid_fee_path:
            return self.paid_fee_path
        if self.fee_path and self.fee_path != "biaya_adm":
            return f"data.{self.fee_path}"
        return "CustomerData.biaya_adm"

    @property
    def answer_total_path(self) -> str | None:
        """Where the payment's answer states the total debited, if it states one."""
        return self.paid_total_path or (f"data.{self.total_path}" if self.total_path else None)

    @property
    def fee_known(self) -> bool:
        """Whether the admin fee is known before paying (else only the payment answer states it)."""
        return self.fee_path is not None or self.fee_rule is not None

    def bounds(self, inquiry: Mapping[str, Any]) -> tuple[int | None, int | None]:
        """(minimum, maximum) of a free amount; zero or blank means "no bound"."""
        low = money_at(inquiry, self.min_path) or None
        high = money_at(inquiry, self.max_path) or None
        return low, high


def choices(*pairs: tuple[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value, label) for value, label in pairs)
