"""Buka Rekening (open account): the document's whole form in sections, a summary to read
back to the customer, the agent's PIN, and the new account number on the result screen.

* The form scrolls (it is longer than a 1366x768 screen); the "Lanjut" bar stays in view.
* The fields are declared in ``ui/screens/open_account_form.py`` (section, editor kind, grid
  cell, placeholder, hint); this screen builds, reads and clears them from that. Each is
  named after the ``OpenAccountForm`` attribute, so a refused value turns its own field red,
  scrolled into view. Nothing is sent until the whole form validates.
* Pickers (jobs, educations, salaries, transaction ranges) come from ``master_data()``,
  loaded through the worker the first time the screen is shown.
* "Cari kode pos" asks the wilayah lookup; the Kota/Kabupaten choice (``jenis``) is only
  used for that lookup — the document's body has ``city`` alone, sent as typed.
* Decision (documents silent): profession and last education are sent by *name*, as in the
  document's example ("karyawan swasta", "sma"); income and estimated transactions by *id*,
  as the example's "1" shows and the list endpoints return ids.
* The KTP and customer photos are chosen through an injected file chooser (tests never
  block) and decoded off the GUI thread into thumbnails (``ui/widgets/image_picker.py``).
"""

from __future__ import annotations

import math
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

from services.errors import FormInvalid, HostRejected, UserInputError
from services.flows.bankplus import OpenAccountFlow
from services.hosts.bankplus.service import GENDERS, MARITAL, OpenAccountForm
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.errors import localized
from ui.i18n import translate
from ui.page_scroll import own_scroll
from ui.registry import register
from ui.screen_fit import top_on_turn
from ui.screens.base import Screen, TransactionDone
from ui.screens.details import DetailsPanel
from ui.screens.open_account_form import (
    CHOICE,
    DATE,
    DIGITS,
    FIELDS,
    GENDER,
    IMAGE,
    LINE,
    MONEY,
    RANGE,
    SECTIONS,
    WIDE,
    ZIP,
    FormField,
    cells,
    share,
)
from ui.screens.pages import action_row, push_button
from ui.widgets.digits import digits_only
from ui.widgets.image_picker import FileChooser, ImagePicker, choose_image, thumbnail
from ui.widgets.money import MoneyEdit

if TYPE_CHECKING:
    from services.flows.pin import TransactionPins
    from services.hosts.bankplus.service import BankingService, MasterData, OpenAccountResult
    from services.journal import Journal
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Buka Rekening")
SPACING = 16  # between a grid's columns

# the drop-downs whose items are fixed (the others come from the host's master data)
CHOICES = {"status_nikah": MARITAL, "jenis": (QT_TRANSLATE_NOOP("open_account", "Kota"),
                                              QT_TRANSLATE_NOOP("open_account", "Kabupaten"))}
# the wilayah lookup's argument -> the field of this form that holds it
LOOKUP_FIELDS = {"propinsi": "state", "jenis": "jenis", "kabupaten": "city", "kecamatan": "kecamatan",
                 "kelurahan": "kelurahan"}
ZIP_HINT = QT_TRANSLATE_NOOP("open_account", "Isi provinsi sampai kelurahan, lalu tekan Cari kode pos.")
NOT_FOUND = (QT_TRANSLATE_NOOP("open_account", "Kode pos tidak ditemukan untuk wilayah ini. Periksa ejaan provinsi, "
             "kota/kabupaten, kecamatan dan kelurahan, atau ketik kode pos sendiri."))


def _room_for_placeholders(field: QWidget) -> None:
    """A field's line edits at least as wide as their placeholders (the example of what to
    type must show whole, in the language on show)."""
    for edit in field.findChildren(QLineEdit):
        if edit.placeholderText() and not isinstance(edit.parentWidget(), (QComboBox, QDateEdit)):
            edit.ensurePolished()  # the style sheet's padding counts
            option = QStyleOptionFrame()
            edit.initStyleOption(option)
            room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit).width()
            around = edit.width() - room + 4  # padding and frame, and the 2px a side QLineEdit keeps
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + around + 1)


def refused_fields(flow: OpenAccountFlow, form: OpenAccountForm) -> list[UserInputError]:
    """Every refused field at once (the service checks the whole form): on a form this
    long the agent sees all that is missing instead of one red field per press."""
    try:
        flow.validate(form)
    except FormInvalid as exc:
        return exc.errors
    except UserInputError as exc:
        return [exc]
    return []


class _Cell:
    """Where ``Screen.add_field`` puts one Field: the next place of a section's grid (the
    screen lays the grid out, and again when the form's width changes: ``reflow``)."""

    def __init__(self, placed: list[tuple[QWidget, FormField]], spec: FormField) -> None:
        self.placed, self.spec = placed, spec

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - the QLayout name add_field calls
        self.placed.append((widget, self.spec))


class _Reflow(QObject):
    """Calls ``reflow`` each time the watched viewport changes size."""

    def __init__(self, viewport: QWidget, reflow: Callable[[], None]) -> None:
        super().__init__(viewport)
        self.reflow = reflow
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.reflow()
        return False


class OpenAccountScreen(Screen):
    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter",
                 ask_pin: "PinPrompt", journal: "Journal | None" = None, *,
                 choose_file: FileChooser = choose_image, pins: "TransactionPins | None" = None) -> None:
        super().__init__(TITLE, worker, errors, journal=journal, expand=True)
        self.banking = banking
        self.ask_pin = ask_pin
        self.choose_file = choose_file
        self.flow: OpenAccountFlow = OpenAccountFlow(banking, pins)  # a success proves the PIN for BCA/Switcher
        self.master_loaded = False
        self.field_order: list[str] = []  # fields as they appear, top to bottom
        self.editors: dict[str, Any] = {}  # the declared fields' editors (ui/screens/open_account_form.py)
        self.images: dict[str, ImagePicker] = {}
        self.gender_buttons: dict[str, QRadioButton] = {}
        self.grids: list[tuple[QGridLayout, list[tuple[QWidget, FormField]]]] = []  # each section's, its fields
        self.columns = 0  # of the grids as laid out (none yet)
        self.layout_shown: tuple[int, list[list[tuple[int, int, int]]]] | None = None
        self.wide_needs: int | None = None  # the form's width in four columns, once measured
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        top_on_turn(self.pages)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._confirm_page())
        # Field clears its error as a line edit or combo changes; these editors say so themselves
        self.dob.dateChanged.connect(self._dob_changed)
        self.gender.buttonClicked.connect(lambda _button: self.field("gender").clear_error())
        self.reset_inputs()

    def _dob_changed(self, _date: QDate) -> None:
        self.dob_typed = True
        self.field("dob").clear_error()

    # -- the form --------------------------------------------------------------------
    def _section(self, layout: QVBoxLayout, title: str, note: str = "") -> list[tuple[QWidget, FormField]]:
        if self.field_order:  # a thin rule between sections, none above the first
            rule = QFrame()
            rule.setObjectName("sectionRule")
            rule.setFixedHeight(1)
            layout.addSpacing(6)
            layout.addWidget(rule)
        heading = QLabel(title)
        heading.setObjectName("cardTitle")
        layout.addSpacing(6)
        layout.addWidget(heading)
        if note:
            text = QLabel(note)
            text.setObjectName("fieldHint")
            text.setWordWrap(True)
            layout.addWidget(text)
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(10)
        layout.addLayout(grid)
        placed: list[tuple[QWidget, FormField]] = []
        self.grids.append((grid, placed))
        return placed

    def reflow(self) -> None:
        """The sections' fields in as many columns as the form's width holds (4, 2 or 1),
        so none is cut by the scroll area, which scrolls down but never sideways. In two
        columns a field too wide for one (a photo picker) takes both."""
        viewport = self.scroll.viewport().width()
        margins = self.form_layout.contentsMargins()
        width = viewport - margins.left() - margins.right()
        for _grid, placed in self.grids:
            for field, _spec in placed:
                _room_for_placeholders(field)
        for columns in (WIDE, 2, 1):
            if columns == WIDE and self.wide_needs is not None:  # measured before: no trial layout
                if self.wide_needs > viewport:
                    continue
            self._lay_out(columns, width)
            needed = self.scroll.widget().minimumSizeHint().width()
            if columns == WIDE and self.isVisible():  # as shown: in the style sheet's fonts
                self.wide_needs = needed
            if columns == 1 or needed <= viewport:
                return

    def _lay_out(self, columns: int, width: int) -> None:
        unit = (width - (columns - 1) * SPACING) / columns
        layout = []
        for _grid, placed in self.grids:
            widths = [share(spec, columns) for _field, spec in placed]
            if columns < WIDE:
                widths = [max(least, min(columns, math.ceil((field.minimumSizeHint().width() + SPACING)
                                                            / (unit + SPACING))))
                          for least, (field, _spec) in zip(widths, placed)]
            layout.append(cells(widths, columns))
        if (columns, layout) == self.layout_shown:
            return
        self.layout_shown = (columns, layout)
        for (grid, placed), places in zip(self.grids, layout):
            for field, _spec in placed:
                grid.removeWidget(field)
            for column in range(WIDE):
                grid.setColumnStretch(column, 1 if column < columns else 0)
            for (field, _spec), (row, column, span) in zip(placed, places):
                grid.addWidget(field, row, column, 1, span, Qt.AlignmentFlag.AlignTop)
        self.form_layout.invalidate()  # a grid's change leaves the form's cached minimum as it was
        self.columns = columns

    def _put(self, placed: list[tuple[QWidget, FormField]], spec: FormField, editor: QWidget) -> None:
        hint = translate("open_account", spec.hint) if spec.hint else ""
        if spec.name == "zip_code":
            hint = translate("open_account", ZIP_HINT)
        elif spec.kind == MONEY:
            hint = self._deposit_hint()
        label = translate("open_account", spec.label)
        self.add_field(spec.name, label, editor, hint=hint, layout=_Cell(placed, spec))
        self.field_order.append(spec.name)

    def _form_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        self.scroll = own_scroll()
        content = QWidget()
        content.setObjectName("openAccountForm")
        layout = self.form_layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 16, 0)  # room for the scroll bar
        layout.setSpacing(8)
        intro = QLabel(self.tr("Isi sesuai KTP asli nasabah. Semua isian wajib, kecuali yang bertanda (boleh kosong)."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for section in SECTIONS:
            placed = self._section(layout, translate("open_account", section.title),
                                   translate("open_account", section.note) if section.note else "")
            for spec in section.fields:
                self._put(placed, spec, self._editor(spec))
        layout.addStretch(1)
        self.scroll.setWidget(content)
        _Reflow(self.scroll.viewport(), self.reflow)
        self.reflow()
        outer.addWidget(self.scroll, 1)
        bar = QHBoxLayout()
        note = QLabel(self.tr("Data diperiksa dulu sebelum dikirim; ringkasannya dibacakan kepada nasabah."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        bar.addWidget(note, 1)
        self.next_button = QPushButton(self.tr("Lanjut — periksa data"))
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.review)
        bar.addWidget(self.next_button)
        outer.addLayout(bar)
        return page

    def _editor(self, spec: FormField) -> QWidget:
        """The editor of one declared field, kept as the screen's attribute of its name (what
        ``form`` reads); returns the widget its grid cell holds."""
        placeholder = translate("open_account", spec.placeholder) if spec.placeholder else ""
        if spec.kind in (LINE, DIGITS, ZIP):
            edit = QLineEdit(objectName=spec.name)
            edit.setMaxLength(spec.max_len)
            edit.setPlaceholderText(placeholder)
            editor: QWidget = digits_only(edit, spec.max_len) if spec.kind != LINE else edit
        elif spec.kind in (CHOICE, RANGE):
            editor = QComboBox(objectName=spec.name)
            editor.setPlaceholderText(placeholder)
            editor.setMinimumContentsLength(12)
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            for item in CHOICES.get(spec.name, ()):
                editor.addItem(translate("open_account", item), item)  # shown translated, read as it is
        elif spec.kind == DATE:
            editor = QDateEdit(objectName=spec.name)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("dd/MM/yyyy")
            editor.setMinimumDate(QDate(1900, 1, 1))
        elif spec.kind == GENDER:
            return self._gender_row(spec.name)
        elif spec.kind == IMAGE:
            label = translate("open_account", spec.label)
            picker = ImagePicker(self.tr("{label} belum dipilih").format(label=label))
            picker.button.clicked.connect(lambda _=False, n=spec.name, t=label: self.pick_image(n, t))
            self.images[spec.name] = picker
            return picker
        else:
            editor = MoneyEdit()
        self.editors[spec.name] = editor
        setattr(self, spec.name, editor)  # self.name, self.ktp, ...: what the rest of the screen names
        return self._zip_row(editor) if spec.kind == ZIP else editor

    def _gender_row(self, name: str) -> QWidget:
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 6, 0, 6)
        row.setSpacing(20)
        self.gender = QButtonGroup(row_widget)
        for code, text in GENDERS.items():
            button = QRadioButton(translate("open_account", text), objectName=f"{name}_{code}")
            self.gender.addButton(button)
            self.gender_buttons[code] = button
            row.addWidget(button)
        row.addStretch(1)
        row_widget.setFocusProxy(self.gender_buttons["l"])
        return row_widget

    def _zip_row(self, zip_code: QLineEdit) -> QWidget:
        """The postal code with "Cari kode pos" beside it."""
        zip_row = QWidget()
        row = QHBoxLayout(zip_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(zip_code, 1)
        self.zip_button = QPushButton(self.tr("Cari kode pos"))
        self.zip_button.setObjectName("secondary")
        self.zip_button.clicked.connect(self.lookup_postal_code)
        row.addWidget(self.zip_button)
        zip_row.setFocusProxy(zip_code)
        return zip_row

    def _deposit_hint(self) -> str:
        limits = self.flow.amount_range
        floor = self.tr("boleh kosong") if limits.minimum == 0 else self.tr("minimal {rupiah}").format(
            rupiah=format_rupiah(limits.minimum))
        return self.tr("Uang tunai dari nasabah, {floor}, maksimal {rupiah}. Dipotong dari "
                       "saldo agen.").format(floor=floor, rupiah=format_rupiah(limits.maximum))

    # -- the summary -----------------------------------------------------------------
    def _confirm_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("Bacakan ringkasan ini kepada nasabah. Bila sudah benar, tekan Buka rekening "
                       "dan masukkan PIN transaksi agen."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = DetailsPanel(columns=2)
        scroll = own_scroll(self.summary)
        layout.addWidget(scroll, 1)
        self.back_button = push_button(self.tr("Ubah data"), self.edit)
        self.open_button = push_button(self.tr("Buka rekening"), self.submit, "primary")
        layout.addLayout(action_row(self.back_button, self.open_button))
        return page

    def summary_rows(self, form: OpenAccountForm, body: dict[str, Any]) -> list[tuple[str, str]]:
        born = date.fromisoformat(body["dob"]).strftime("%d/%m/%Y")
        return [
            (self.tr("Nama"), body["name"]), ("NIK", body["ktp"]), (self.tr("Tempat, tgl "
                                                                            "lahir"), f"{body['pob']}, {born}"),
            (self.tr("Jenis kelamin"), translate("open_account", GENDERS[body["gender"]])),
            (self.tr("Status"), translate("open_account", body["status_nikah"])),
            (self.tr("Ibu kandung"), body["mother_name"]),
            (self.tr("Nomor HP"), body["hp"]), (self.tr("Telepon"), body["phone"]),
            (self.tr("Email"), body["email"]),
            (self.tr("Alamat"), self.tr("{value} RT {value2}/RW {value3}").format(
                value=body['address'], value2=body['rt'], value3=body['rw'])),
            (self.tr("Kelurahan, kecamatan"), f"{body['kelurahan']}, {body['kecamatan']}"),
            (self.tr("Kota, provinsi"), f"{body['city']}, {body['state']}"), (self.tr("Kode pos"), body["zip_code"]),
            (self.tr("Pekerjaan"), body["profession"]), (self.tr("Pendidikan"), body["last_education"]),
            (self.tr("Penghasilan"), self.income.currentText()),
            (self.tr("Perkiraan transaksi"), self.jumlah_transaksi.currentText()),
            (self.tr("Dokumen"), f"{Path(form.ktp_image).name}, {Path(form.photo_image).name}"),
            (self.tr("Setoran awal"), format_rupiah(int(body["deposit"]))),
        ]

    # -- reading the widgets ---------------------------------------------------------
    def form(self) -> OpenAccountForm:
        wanted = {f.name for f in fields(OpenAccountForm)}
        return OpenAccountForm(**{name: self.value(spec) for name, spec in FIELDS.items() if name in wanted})

    def value(self, spec: FormField) -> str:
        """What one field holds, as ``OpenAccountForm`` takes it."""
        if spec.kind == GENDER:
            checked = self.gender.checkedButton()
            return next((code for code, button in self.gender_buttons.items() if button is checked), "")
        if spec.kind == IMAGE:
            return self.images[spec.name].path
        editor: Any = self.editors[spec.name]
        if spec.kind == DATE:
            # Only a date the agent set: the box starts 25 years back so the calendar opens
            # near a customer's birth year, and that starting date reached the bank as the
            # birth date of any customer whose date the Enter path passed over.
            return editor.date().toString("yyyy-MM-dd") if self.dob_typed else ""
        if spec.kind == CHOICE:
            return editor.currentText()
        if spec.kind == RANGE:
            data = editor.currentData()
            return "" if data is None else str(data)
        return editor.digits() if spec.kind == MONEY else editor.text()

    # -- steps -----------------------------------------------------------------------
    def activated(self) -> None:
        if not self.master_loaded:
            self.run(self.banking.master_data, self._fill_pickers, busy=self.next_button,
                     message=self.tr("Memuat daftar pekerjaan dan penghasilan…"))

    def _fill_pickers(self, master: "MasterData") -> None:
        for combo, items in ((self.profession, master.jobs), (self.last_education, master.educations),
                             (self.income, master.salaries), (self.jumlah_transaksi, master.transaction_ranges)):
            combo.clear()
            for item in items:
                combo.addItem(item.name, item.id)
            combo.setCurrentIndex(-1)
        self.master_loaded = True

    def lookup_postal_code(self) -> None:
        area = {"propinsi": self.state.text(), "jenis": self.jenis.currentData() or "", "kabupaten": self.city.text(),
                "kecamatan": self.kecamatan.text(), "kelurahan": self.kelurahan.text()}
        banking = self.banking
        self.run(lambda: banking.postal_code(**area), self._postal_code_found, busy=self.zip_button,
                 message=self.tr("Mencari kode pos…"), on_failure=self._postal_code_failed)

    def _postal_code_found(self, code: str) -> None:
        if not code:
            self._postal_code_failed(UserInputError("zip_code", translate("open_account", NOT_FOUND)))
            return
        self.zip_code.setText(code)
        self.field("zip_code").hint.setText(self.tr("Kode pos {code} ditemukan dari data wilayah.").format(code=code))

    def _postal_code_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserInputError) and exc.field in LOOKUP_FIELDS:
            exc = UserInputError(LOOKUP_FIELDS[exc.field], self.tr("{message} Diperlukan untuk mencari kode "
                                                                   "pos.").format(
                message=localized(exc)))
        elif isinstance(exc, HostRejected) and exc.code == "NOT_FOUND":
            exc = UserInputError("zip_code", translate("open_account", NOT_FOUND))
        self.fail(exc)

    def pick_image(self, name: str, label: str) -> None:
        path = self.choose_file(self, self.tr("Pilih {value}").format(value=label.lower()))
        if not path:
            return
        picker = self.images[name]

        def shown(image: QImage) -> None:
            picker.show_image(path, image)
            self.field(name).clear_error()
            # disabled while busy, the button lost the focus to the next one; the agent's
            # next Enter moves on from this picker (ui/keyboard.py), not past the next
            self.focus_if_shown(picker.button)

        self.run(lambda: thumbnail(path, name, label), shown, busy=picker.button, message=self.tr("Membuka gambar…"))

    def fail(self, exc: BaseException) -> None:
        """As the base, and a refused field is scrolled into view."""
        super().fail(exc)
        field = self.field(exc.field) if isinstance(exc, UserInputError) else None
        if field is not None:
            self.scroll.ensureWidgetVisible(field, 0, 40)

    def review(self) -> None:
        """Validate everything (no request is made), then show the summary."""
        self.clear_errors()
        form = self.form()
        refused = refused_fields(self.flow, form)
        if refused:
            self.show_refused(refused)
            return
        body = self.flow.validate(form)
        self.summary.set_rows(self.summary_rows(form, body), emphasise=self.tr("Nama"))
        self.pages.setCurrentIndex(1)
        self.open_button.setFocus()

    def show_refused(self, refused: list[UserInputError]) -> None:
        """Every refused field turns red; the first one on the page takes the focus."""
        order = self.field_order
        refused.sort(key=lambda e: order.index(e.field) if e.field in order else -1)
        for exc in reversed(refused):
            self.fail(exc)
        if len(refused) > 1:
            self.banner.show_message("error", self.tr("{value} isian perlu diperbaiki (ditandai merah). Perbaiki "
                                                      "lalu tekan Lanjut lagi.").format(value=len(refused)))

    def edit(self) -> None:
        """Back to the form ("Ubah data", Esc): the keyboard on its first box, not on
        whatever Qt picks after the hidden "Buka rekening" (Lanjut: one Enter back again)."""
        self.pages.setCurrentIndex(0)
        self.focus_if_shown(self.name)

    def back(self) -> None:
        """Esc on the summary: back to the form, as "Ubah data" (and as the other money
        screens' confirmations); on the form, nothing here (the counter goes to Beranda)."""
        if self.pages.currentIndex() == 1 and not self.worker.is_busy(self.open_button):
            self.edit()

    def submit(self) -> None:
        if self.worker.is_busy(self.open_button):
            return
        form = self.form()
        try:
            quote = self.flow.prepare({"form": form})
        except UserInputError as exc:
            self.edit()
            self.fail(exc)
            return
        body = {"name": quote.customer_name, "ktp": quote.customer_ref}
        deposit = format_rupiah(quote.amount)
        pin = self.ask_pin(self, self.tr("PIN transaksi agen"),
                           self.tr("Buka rekening a.n. {value} (NIK {value2}), setoran awal {deposit}.").format(
                               value=body['name'], value2=body['ktp'], deposit=deposit))
        if pin is None:
            return
        flow = self.flow

        def done(executed: Any) -> None:
            result: "OpenAccountResult" = executed.result
            self.completed.emit(TransactionDone(
                TITLE, executed.row, highlight=(self.tr("Nomor rekening baru"), result.account_number)))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserInputError) and self.field(exc.field) is not None:
                self.edit()
            self.fail_transaction(exc, TITLE)

        self.pay_with(lambda confirm: flow.pay(pin, confirm_duplicate=confirm), done, busy=self.open_button,
                      message=self.tr("Membuka rekening…"), on_failure=failed, deadline=flow.deadline)

    # -- a new customer --------------------------------------------------------------
    def reset_inputs(self) -> None:
        for spec in FIELDS.values():
            if spec.kind in (LINE, DIGITS, ZIP, MONEY):
                self.editors[spec.name].clear()
            elif spec.kind in (CHOICE, RANGE):
                self.editors[spec.name].setCurrentIndex(-1)
        today = self.banking.clock.now().date()
        self.dob.blockSignals(True)  # the calendar's starting point, not the customer's birth date
        self.dob.setMaximumDate(QDate(today.year, today.month, today.day))
        self.dob.setDate(QDate(today.year - 25, today.month, min(today.day, 28)))
        self.dob.blockSignals(False)
        self.dob_typed = False
        self.gender.setExclusive(False)  # the only way to uncheck a radio group
        for button in self.gender_buttons.values():
            button.setChecked(False)
        self.gender.setExclusive(True)
        for picker in self.images.values():
            picker.clear()
        self.field("zip_code").hint.setText(translate("open_account", ZIP_HINT))

    def reset(self) -> None:
        super().reset()
        self.reset_inputs()
        self.edit()
        self.scroll.verticalScrollBar().setValue(0)
        self.focus_if_shown(self.name)


@register("open_account", group="banking", title=TITLE, order=50)
def _make(services: "ScreenServices") -> OpenAccountScreen:
    return OpenAccountScreen(services.banking, services.worker, services.errors, services.ask_pin, services.journal,
                             pins=services.pins)
