"""The bill-payment form, drawn from a product spec's input fields.

Every product's inputs are one of five kinds (``services.products.spec``); each kind has
one editor here, so a new product needs no new widget:

* digits  -> a line edit that takes only digits, capped at the field's max length
* text    -> a line edit for codes (booking codes): letters, digits and ``./-``, shown upper case
* amount  -> ``MoneyEdit`` (thousands dots as typed)
* choice  -> a drop-down with nothing chosen yet (a wrong provider pays the wrong bill);
             long lists (PDAM companies, charities) can be typed into and filter as you type
* months  -> a row of buttons with the allowed month counts (BPJS), 1 chosen

The editors only collect raw text; validation (and its Indonesian message) stays in the
spec's ``InputField.clean`` so a typed value is judged the same way everywhere.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.money import format_rupiah
from services.products.spec import AMOUNT, CHOICE, DIGITS, MONTHS, TEXT
from ui.i18n import translate
from ui.keyboard import OWN_DIGITS
from ui.models.catalogue_labels import label_text
from ui.models.catalogue_names import name_text
from ui.widgets.digits import MovesOnWhenFull
from ui.widgets.field import Field
from ui.widgets.money import MoneyEdit

if TYPE_CHECKING:
    from services.products import InputField, ProductSpec

# A drop-down longer than this can be typed into (PDAM companies, charity providers).
SEARCHABLE_CHOICES = 8


def in_sentence(label: str) -> str:
    """A field's label inside a sentence: its first letter small, an acronym in it kept
    ("Perusahaan air (PDAM)" -> "perusahaan air (PDAM)", not "(pdam)")."""
    return label[:1].lower() + label[1:]


class ChoiceBox(QComboBox):
    """A drop-down of ``Choice``s; ``value()`` is the wire value, "" when nothing is chosen."""

    def __init__(self, spec_field: "InputField") -> None:
        super().__init__()
        self.setObjectName("choice")
        for choice in spec_field.choices:
            self.addItem(label_text(choice.label), choice.value)
        if len(spec_field.choices) > SEARCHABLE_CHOICES:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter(self.model(), self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.setCompleter(completer)
            self.lineEdit().setPlaceholderText(self.tr("Ketik atau pilih {value}").format(
                value=in_sentence(label_text(spec_field.label))))
        else:
            self.setPlaceholderText(self.tr("Pilih {value}").format(value=in_sentence(label_text(spec_field.label))))
        self.setCurrentIndex(-1)

    def value(self) -> str:
        if self.isEditable():
            index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
            return self.itemData(index) if index >= 0 else self.currentText().strip()
        return self.currentData() or ""

    def set_value(self, value: str) -> None:
        self.setCurrentIndex(self.findData(value))


class MonthPicker(QWidget):
    """The month counts a bill may be paid for, as buttons; exactly one is chosen.

    The chosen button is the picker's focus proxy: the form's Enter (and an error on the
    field) lands on the count the agent sees chosen, where the arrow keys choose another
    (Qt's exclusive button group) and Enter checks the bill. Typing the count chooses it, as
    the hint says ("Tekan jumlah bulan yang dibayar"): two digits within ``DIGITS_APART``
    seconds are one count (1, 2: twelve). A typed digit did nothing, and the Enter after it
    checked the bill for the count still chosen."""

    DIGITS_APART = 1.0

    changed = Signal(str)

    def __init__(self, spec_field: "InputField") -> None:
        super().__init__()
        self.setObjectName("monthPicker")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for choice in spec_field.choices:
            button = QPushButton(choice.value)
            button.setObjectName("monthButton")
            button.setCheckable(True)
            button.setProperty(OWN_DIGITS, True)  # the counter's keyboard leaves its digits to it
            words = self.tr("%n bulan", "", int(choice.value))
            button.setToolTip(words)
            button.setAccessibleName(words)
            self.group.addButton(button)
            button.installEventFilter(self)
            self.buttons[choice.value] = button
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonClicked.connect(lambda button: self.changed.emit(button.text()))
        self.group.buttonToggled.connect(self._toggled)
        self._typed, self._typed_at = "", 0.0
        self.reset()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        digit = event.text()
        if len(digit) != 1 or not digit.isdigit() or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        now = time.monotonic()
        joined = self._typed + digit if now - self._typed_at < self.DIGITS_APART else digit
        count = joined if joined in self.buttons else digit
        self._typed, self._typed_at = count, now
        button = self.buttons.get(count)
        if button is not None:
            button.setChecked(True)
            button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.changed.emit(count)
        return True

    def _toggled(self, button: QPushButton, checked: bool) -> None:
        if checked:
            self.setFocusProxy(button)

    def value(self) -> str:
        checked = self.group.checkedButton()
        return checked.text() if checked else ""

    def set_value(self, value: str) -> None:
        if value in self.buttons:
            self.buttons[value].setChecked(True)

    def reset(self) -> None:
        if self.buttons:
            next(iter(self.buttons.values())).setChecked(True)


def _line_edit(spec_field: "InputField", pattern: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(spec_field.name)
    edit.setMaxLength(spec_field.max_length)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
    return edit


def _upper_as_typed(edit: QLineEdit) -> None:
    def upper(text: str) -> None:
        if text != text.upper():
            cursor = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(cursor)

    edit.textEdited.connect(upper)


@dataclass
class Input:
    """One input of the form: its labelled ``Field`` and how to read and write its raw text."""

    field: Field
    get: Callable[[], str]
    set: Callable[[str], None]
    clear: Callable[[], None]

    @property
    def editor(self) -> QWidget:
        return self.field.editor


def hint_for(spec_field: "InputField") -> str:
    if spec_field.hint:
        hint = label_text(spec_field.hint)
        return hint[0].upper() + hint[1:] + "."
    if spec_field.kind == DIGITS:
        if spec_field.min_length == spec_field.max_length:
            return translate("billpay_fields", "{max_length} angka.").format(max_length=spec_field.max_length)
        return translate("billpay_fields", "{min_length}–{max_length} angka.").format(
            min_length=spec_field.min_length, max_length=spec_field.max_length)
    if spec_field.kind == AMOUNT:
        bounds = []
        if spec_field.minimum is not None:
            bounds.append(translate("billpay_fields", "minimal {minimum}").format(
                minimum=format_rupiah(spec_field.minimum)))
        if spec_field.maximum is not None:
            bounds.append(translate("billpay_fields", "maksimal {maximum}").format(
                maximum=format_rupiah(spec_field.maximum)))
        return (", ".join(bounds) + ".").capitalize() if bounds else ""
    return ""


def make_input(spec_field: "InputField") -> Input:
    """The editor for one spec field, wrapped in a ``Field`` that can show its error."""
    kind = spec_field.kind
    hint = hint_for(spec_field)
    if kind in (DIGITS, TEXT):
        if kind == DIGITS:
            edit = _line_edit(spec_field, rf"\d{{0,{spec_field.max_length}}}")
        else:
            edit = _line_edit(spec_field, rf"[A-Za-z0-9 ./-]{{0,{spec_field.max_length}}}")
            _upper_as_typed(edit)
        return Input(Field(label_text(spec_field.label), edit, hint=hint), edit.text, edit.setText, edit.clear)
    if kind == AMOUNT:
        money = MoneyEdit()
        label = label_text(spec_field.label)
        label = label if "(Rp)" in label else translate("billpay_fields", "{label} (Rp)").format(label=label)
        return Input(Field(label, money, hint=hint), money.digits,
                     lambda raw: money.set_value(int(raw) if raw.isdigit() else None), money.clear)
    if kind == CHOICE:
        box = ChoiceBox(spec_field)
        return Input(Field(label_text(spec_field.label), box, hint=hint), box.value, box.set_value,
                     lambda: box.setCurrentIndex(-1))
    if kind == MONTHS:
        picker = MonthPicker(spec_field)
        field = Field(label_text(spec_field.label), picker,
                      hint=hint or translate("billpay_fields", "Tekan jumlah bulan yang dibayar."))
        picker.changed.connect(lambda _value: field.clear_error())
        return Input(field, picker.value, picker.set_value, picker.reset)
    raise ValueError(f"no editor for field kind {kind!r}")


def family_label(spec: "ProductSpec") -> str:
    """``"Prudential - Premi Lanjutan"`` -> ``"Premi Lanjutan"`` (the sub-product's own name),
    in the agent's language."""
    return name_text(spec).split(" - ", 1)[-1]


def family_title(spec: "ProductSpec") -> str:
    """``"Prudential - Premi Lanjutan"`` -> ``"Prudential"`` (the entry in the product list)."""
    return name_text(spec).split(" - ", 1)[0]


class ProductForm(QWidget):
    """The inputs typed before the inquiry (all of them for a single-step product).

    Enter in a line edit moves on to the next input of the form, whatever its kind (BPJS's
    months come after the VA number, and are never skipped); ``submitted`` fires on Enter
    in the last input when it is a line edit (from any other input the counter's Enter
    presses "Cek tagihan", ``ui.keyboard``). For a product with sub-products (Prudential)
    the first input is the sub-product; ``member_chosen(spec)`` asks the screen to switch
    to it, keeping what was typed.
    """

    submitted = Signal()
    member_chosen = Signal(object)  # ProductSpec

    def __init__(self, spec: "ProductSpec", family: "list[ProductSpec]") -> None:
        super().__init__()
        self.spec = spec
        self.inputs: dict[str, Input] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        if len(family) > 1:
            box = QComboBox()
            box.setObjectName("member")
            for member in family:
                box.addItem(family_label(member), member.id)
            box.setCurrentIndex(box.findData(spec.id))
            box.currentIndexChanged.connect(lambda index: self.member_chosen.emit(family[index]))
            self.member = box
            layout.addWidget(Field(self.tr("Jenis pembayaran"), box))
        for spec_field in spec.inquiry_fields:
            entry = make_input(spec_field)
            self.inputs[spec_field.name] = entry
            layout.addWidget(entry.field)
        editors = [i.editor for i in self.inputs.values()]
        for current, following in zip(editors, editors[1:]):
            if isinstance(current, QLineEdit):
                current.returnPressed.connect(following.setFocus)
        for spec_field, (current, following) in zip(spec.inquiry_fields, zip(editors, editors[1:])):
            if spec_field.moves_on_when_full and isinstance(current, QLineEdit) and isinstance(following, QLineEdit):
                MovesOnWhenFull(current, following, spec_field.whole_when_short)  # Telkom's area code, then the number
        if editors and isinstance(editors[-1], QLineEdit):
            editors[-1].returnPressed.connect(self.submitted)

    def values(self) -> dict[str, str]:
        return {name: entry.get() for name, entry in self.inputs.items()}

    def set_values(self, values: dict[str, str]) -> None:
        for name, value in values.items():
            if name in self.inputs and value:
                self.inputs[name].set(value)

    def clear(self) -> None:
        for entry in self.inputs.values():
            entry.clear()
            entry.field.clear_error()

    def field(self, name: str) -> Field | None:
        entry = self.inputs.get(name)
        return entry.field if entry else None

    def first_input(self) -> QWidget | None:
        """Where the cursor starts: the first empty box, else the form's first input."""
        for entry in self.inputs.values():
            if isinstance(entry.editor, (QLineEdit, QComboBox)) and not entry.get():
                return entry.editor
        return next(iter(self.inputs.values())).editor if self.inputs else None

    def display_lines(self, cleaned: dict[str, str]) -> list[tuple[str, str]]:
        """What names the bill, as typed, for the confirmation to read back (amounts and
        month counts are shown with the totals and bill lines)."""
        lines = []
        for spec_field in self.spec.inquiry_fields:
            value = cleaned.get(spec_field.name, "")
            if not value or spec_field.kind == AMOUNT or not spec_field.identifies:
                continue
            if spec_field.kind in (CHOICE, MONTHS):
                value = label_text(spec_field.choice_label(value))
            else:
                value = spec_field.typed_form(value)  # Telkom's 021, sent as 0021
            lines.append((label_text(spec_field.label), value))
        return lines
