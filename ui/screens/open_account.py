"""Buka Rekening (open account): the document's whole form in sections, a summary to read
back to the customer, the agent's PIN, and the new account number on the result screen.

* The form scrolls (it is longer than a 1366x768 screen); the "Lanjut" bar stays in view.
* Every ``Field`` is named after the ``OpenAccountForm`` attribute (= the ``UserInputError``
  field of ``BankingService.validate_open_account``), so a refused value turns its own field
  red, scrolled into view. Nothing is sent until the whole form validates.
* Pickers (jobs, educations, salaries, transaction ranges) come from ``master_data()``,
  loaded through the worker the first time the screen is shown.
* "Cari kode pos" asks the wilayah lookup; the Kota/Kabupaten choice (``jenis``) is only
  used for that lookup — the document's body has ``city`` alone, sent as typed.
* Decision (documents silent): profession and last education are sent by *name*, as in the
  document's example ("karyawan swasta", "sma"); income and estimated transactions by *id*,
  as the example's "1" shows and the list endpoints return ids.
* The KTP and customer photos are chosen through an injected file chooser (tests never
  block) and decoded off the GUI thread into thumbnails that keep their aspect ratio.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
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
from ui.registry import register
from ui.screens.base import Screen, TransactionDone
from ui.screens.details import DetailsPanel
from ui.screens.pages import action_row, push_button
from ui.widgets.digits import digits_only
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
COLUMNS = 4
THUMBNAIL = QSize(200, 126)
IMAGE_FILTER = QT_TRANSLATE_NOOP("open_account", "Gambar (*.jpg *.jpeg *.png *.bmp)")

FileChooser = Callable[[QWidget, str], Optional[str]]
# the wilayah lookup's argument -> the field of this form that holds it
LOOKUP_FIELDS = {"propinsi": "state", "jenis": "jenis", "kabupaten": "city", "kecamatan": "kecamatan",
                 "kelurahan": "kelurahan"}
ZIP_HINT = QT_TRANSLATE_NOOP("open_account", "Isi provinsi sampai kelurahan, lalu tekan Cari kode pos.")
NOT_FOUND = (QT_TRANSLATE_NOOP("open_account", "Kode pos tidak ditemukan untuk wilayah ini. Periksa ejaan provinsi, kota/kabupaten, "
             "kecamatan dan kelurahan, atau ketik kode pos sendiri."))


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


def choose_image(parent: QWidget, title: str) -> str | None:
    """The production chooser: a native file dialog; ``None`` when the agent cancels."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, "", translate("open_account", IMAGE_FILTER))
    return path or None


def thumbnail(path: str, field: str, label: str) -> QImage:
    """Decode and shrink an image (runs on the worker thread: QImage, never QPixmap)."""
    image = QImage(path)
    if image.isNull():
        raise UserInputError(field, translate("open_account", "{label}: berkas ini bukan gambar yang bisa dibuka. "
                                                              "Pilih foto JPG atau PNG.").format(
            label=label))
    return image.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class _Cell:
    """Where ``Screen.add_field`` puts one Field: a cell (and span) of a section's grid."""

    def __init__(self, grid: QGridLayout, row: int, column: int, span: int) -> None:
        self.grid, self.row, self.column, self.span = grid, row, column, span

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - the QLayout name add_field calls
        self.grid.addWidget(widget, self.row, self.column, 1, self.span, Qt.AlignmentFlag.AlignTop)


class ImagePicker(QFrame):
    """A thumbnail, the chosen file's name and a button to choose it."""

    def __init__(self, empty_text: str) -> None:
        super().__init__()
        self.setObjectName("beneficiary")
        self.empty_text = empty_text
        self.path = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 10, 10, 10)
        row.setSpacing(12)
        self.preview = QLabel(empty_text)
        self.preview.setObjectName("muted")
        self.preview.setFixedSize(THUMBNAIL)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        row.addWidget(self.preview)
        side = QVBoxLayout()
        self.file_name = QLabel(self.tr("Belum ada berkas"))
        self.file_name.setObjectName("muted")
        self.file_name.setWordWrap(True)
        side.addWidget(self.file_name)
        side.addStretch(1)
        self.button = QPushButton(self.tr("Pilih berkas…"))
        self.button.setObjectName("secondary")
        side.addWidget(self.button)
        row.addLayout(side, 1)
        self.setFocusProxy(self.button)

    def show_image(self, path: str, image: QImage) -> None:
        self.path = path
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.file_name.setText(Path(path).name)
        self.button.setText(self.tr("Ganti berkas…"))

    def clear(self) -> None:
        self.path = ""
        self.preview.clear()
        self.preview.setText(self.empty_text)
        self.file_name.setText(self.tr("Belum ada berkas"))
        self.button.setText(self.tr("Pilih berkas…"))


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
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._confirm_page())
        # Field clears its error as a line edit or combo changes; these editors say so themselves
        self.dob.dateChanged.connect(lambda _date: self.field("dob").clear_error())
        self.gender.buttonClicked.connect(lambda _button: self.field("gender").clear_error())
        self.reset_inputs()

    # -- the form --------------------------------------------------------------------
    def _section(self, layout: QVBoxLayout, title: str, note: str = "") -> QGridLayout:
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
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        return grid

    def _put(self, grid: QGridLayout, row: int, column: int, name: str, label: str, editor: QWidget, *,
             span: int = 1, hint: str = "") -> None:
        self.add_field(name, label, editor, hint=hint, layout=_Cell(grid, row, column, span))
        self.field_order.append(name)

    def _line(self, name: str, placeholder: str = "", max_len: int = 60) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setMaxLength(max_len)
        edit.setPlaceholderText(placeholder)
        return edit

    def _picker(self, name: str, placeholder: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setPlaceholderText(placeholder)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _form_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("plain")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setObjectName("openAccountForm")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 16, 0)  # room for the scroll bar
        layout.setSpacing(8)
        intro = QLabel(self.tr("Isi sesuai KTP asli nasabah. Semua isian wajib, kecuali yang bertanda (boleh "
                               "kosong)."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._personal(self._section(layout, self.tr("1. Data diri")))
        self._contact(self._section(layout, self.tr("2. Kontak")))
        self._address(self._section(layout, self.tr("3. Alamat sesuai KTP")))
        self._work(self._section(layout, self.tr("4. Pekerjaan & keuangan")))
        self._documents(self._section(layout, self.tr("5. Dokumen"),
                                      self.tr("Foto KTP asli dan foto wajah nasabah (JPG atau PNG). Pastikan tulisan "
                                      "di KTP terbaca jelas.")))
        self._deposit(self._section(layout, self.tr("6. Setoran awal")))
        layout.addStretch(1)
        self.scroll.setWidget(content)
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

    def _personal(self, grid: QGridLayout) -> None:
        self.name = self._line("name", self.tr("Nama lengkap sesuai KTP"))
        self._put(grid, 0, 0, "name", self.tr("Nama lengkap"), self.name, span=2)
        self.ktp = digits_only(QLineEdit(objectName="ktp"), 16)
        self.ktp.setPlaceholderText(self.tr("16 digit"))
        self._put(grid, 0, 2, "ktp", self.tr("NIK (nomor "
                                             "KTP)"), self.ktp, span=2, hint=self.tr("16 digit angka, tertera di "
                                                                                     "KTP."))
        self.pob = self._line("pob", self.tr("contoh: Surabaya"), 40)
        self._put(grid, 1, 0, "pob", self.tr("Tempat lahir"), self.pob)
        self.dob = QDateEdit(objectName="dob")
        self.dob.setCalendarPopup(True)
        self.dob.setDisplayFormat("dd/MM/yyyy")
        self.dob.setMinimumDate(QDate(1900, 1, 1))
        self._put(grid, 1, 1, "dob", self.tr("Tanggal lahir"), self.dob, hint=self.tr("Klik panah untuk kalender."))
        gender = QWidget()
        row = QHBoxLayout(gender)
        row.setContentsMargins(0, 6, 0, 6)
        row.setSpacing(20)
        self.gender = QButtonGroup(gender)
        self.gender_buttons: dict[str, QRadioButton] = {}
        for code, text in GENDERS.items():
            button = QRadioButton(translate("open_account", text), objectName=f"gender_{code}")
            self.gender.addButton(button)
            self.gender_buttons[code] = button
            row.addWidget(button)
        row.addStretch(1)
        gender.setFocusProxy(self.gender_buttons["l"])
        self._put(grid, 1, 2, "gender", self.tr("Jenis kelamin"), gender)
        self.status_nikah = self._picker("status_nikah", self.tr("Pilih status"))
        self.status_nikah.addItems(MARITAL)
        self._put(grid, 1, 3, "status_nikah", self.tr("Status pernikahan"), self.status_nikah)
        self.mother_name = self._line("mother_name", self.tr("Nama gadis ibu kandung"))
        self._put(grid, 2, 0, "mother_name", self.tr("Nama ibu kandung"), self.mother_name, span=2,
                  hint=self.tr("Dipakai bank untuk verifikasi; tanyakan langsung kepada nasabah."))

    def _contact(self, grid: QGridLayout) -> None:
        self.hp = digits_only(QLineEdit(objectName="hp"), 13)
        self.hp.setPlaceholderText("08xxxxxxxxxx")
        self._put(grid, 0, 0, "hp", self.tr("Nomor HP"), self.hp)
        self.phone = digits_only(QLineEdit(objectName="phone"), 13)
        self.phone.setPlaceholderText(self.tr("contoh: 0319909221"))
        self._put(grid, 0, 1, "phone", self.tr("Telepon rumah (boleh kosong)"), self.phone,
                  hint=self.tr("Kosong: nomor HP yang dipakai."))
        self.email = self._line("email", self.tr("nama@email.com"), 80)
        self._put(grid, 0, 2, "email", self.tr("Email"), self.email, span=2)

    def _address(self, grid: QGridLayout) -> None:
        self.address = self._line("address", self.tr("Nama jalan, nomor rumah, blok"), 120)
        self._put(grid, 0, 0, "address", self.tr("Alamat"), self.address, span=2)
        self.rt = digits_only(QLineEdit(objectName="rt"), 3)
        self.rt.setPlaceholderText(self.tr("contoh: 022"))
        self._put(grid, 0, 2, "rt", "RT", self.rt)
        self.rw = digits_only(QLineEdit(objectName="rw"), 3)
        self.rw.setPlaceholderText(self.tr("contoh: 001"))
        self._put(grid, 0, 3, "rw", "RW", self.rw)
        self.state = self._line("state", self.tr("contoh: Jawa Timur"), 40)
        self._put(grid, 1, 0, "state", self.tr("Provinsi"), self.state)
        self.jenis = self._picker("jenis", self.tr("Kota / Kabupaten"))
        self.jenis.addItems([self.tr("Kota"), self.tr("Kabupaten")])
        self._put(grid, 1, 1, "jenis", self.tr("Kota atau kabupaten"), self.jenis)
        self.city = self._line("city", self.tr("contoh: Sidoarjo"), 40)
        self._put(grid, 1, 2, "city", self.tr("Nama kota/kabupaten"), self.city)
        self.kecamatan = self._line("kecamatan", self.tr("contoh: Waru"), 40)
        self._put(grid, 1, 3, "kecamatan", self.tr("Kecamatan"), self.kecamatan)
        self.kelurahan = self._line("kelurahan", self.tr("contoh: Waru"), 40)
        self._put(grid, 2, 0, "kelurahan", "Kelurahan/desa", self.kelurahan)
        zip_row = QWidget()
        row = QHBoxLayout(zip_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.zip_code = digits_only(QLineEdit(objectName="zip_code"), 5)
        self.zip_code.setPlaceholderText(self.tr("5 digit"))
        row.addWidget(self.zip_code, 1)
        self.zip_button = QPushButton(self.tr("Cari kode pos"))
        self.zip_button.setObjectName("secondary")
        self.zip_button.clicked.connect(self.lookup_postal_code)
        row.addWidget(self.zip_button)
        zip_row.setFocusProxy(self.zip_code)
        self._put(grid, 2, 1, "zip_code", self.tr("Kode pos"), zip_row, span=2,
                  hint=translate("open_account", ZIP_HINT))

    def _work(self, grid: QGridLayout) -> None:
        self.profession = self._picker("profession", self.tr("Pilih pekerjaan"))
        self._put(grid, 0, 0, "profession", self.tr("Pekerjaan"), self.profession, span=2)
        self.last_education = self._picker("last_education", self.tr("Pilih pendidikan"))
        self._put(grid, 0, 2, "last_education", self.tr("Pendidikan terakhir"), self.last_education, span=2)
        self.income = self._picker("income", self.tr("Pilih rentang penghasilan"))
        self._put(grid, 1, 0, "income", self.tr("Penghasilan per bulan"), self.income, span=2)
        self.jumlah_transaksi = self._picker("jumlah_transaksi", self.tr("Pilih perkiraan"))
        self._put(grid, 1, 2, "jumlah_transaksi", self.tr("Perkiraan transaksi per "
                                                          "bulan"), self.jumlah_transaksi, span=2)

    def _documents(self, grid: QGridLayout) -> None:
        self.images: dict[str, ImagePicker] = {}
        for column, (name, label) in enumerate((("ktp_image", self.tr("Foto KTP")), ("photo_image", self.tr("Foto nasabah")))):
            picker = ImagePicker(self.tr("{label} belum dipilih").format(label=label))
            picker.button.clicked.connect(lambda _=False, n=name, t=label: self.pick_image(n, t))
            self.images[name] = picker
            self._put(grid, 0, column * 2, name, label, picker, span=2)

    def _deposit(self, grid: QGridLayout) -> None:
        self.deposit = MoneyEdit()
        limits = self.flow.amount_range
        floor = self.tr("boleh kosong") if limits.minimum == 0 else self.tr("minimal {rupiah}").format(
            rupiah=format_rupiah(limits.minimum))
        self._put(grid, 0, 0, "deposit", self.tr("Setoran awal (Rp)"), self.deposit, span=2,
                  hint=self.tr("Uang tunai dari nasabah, {floor}, maksimal {rupiah}. Dipotong dari "
                               "saldo agen.").format(floor=floor, rupiah=format_rupiah(limits.maximum)))

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
        scroll = QScrollArea()
        scroll.setObjectName("plain")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary = DetailsPanel(columns=2)
        scroll.setWidget(self.summary)
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
            (self.tr("Jenis kelamin"), translate("open_account", GENDERS[body["gender"]])), (self.tr("Status"), body["status_nikah"]),
            (self.tr("Ibu kandung"), body["mother_name"]), (self.tr("Nomor HP"), body["hp"]), (self.tr("Telepon"), body["phone"]),
            (self.tr("Email"), body["email"]),
            (self.tr("Alamat"), self.tr("{value} RT {value2}/RW {value3}").format(
                value=body['address'], value2=body['rt'], value3=body['rw'])),
            (self.tr("Kelurahan, kecamatan"), f"{body['kelurahan']}, {body['kecamatan']}"),
            (self.tr("Kota, provinsi"), f"{body['city']}, {body['state']}"), (self.tr("Kode pos"), body["zip_code"]),
            (self.tr("Pekerjaan"), body["profession"]), (self.tr("Pendidikan"), body["last_education"]),
            (self.tr("Penghasilan"), self.income.currentText()), (self.tr("Perkiraan transaksi"), self.jumlah_transaksi.currentText()),
            (self.tr("Dokumen"), f"{Path(form.ktp_image).name}, {Path(form.photo_image).name}"),
            (self.tr("Setoran awal"), format_rupiah(int(body["deposit"]))),
        ]

    # -- reading the widgets ---------------------------------------------------------
    def form(self) -> OpenAccountForm:
        checked = self.gender.checkedButton()
        gender = next((code for code, button in self.gender_buttons.items() if button is checked), "")
        return OpenAccountForm(
            name=self.name.text(), email=self.email.text(), mother_name=self.mother_name.text(),
            profession=self.profession.currentText(), last_education=self.last_education.currentText(),
            status_nikah=self.status_nikah.currentText(), pob=self.pob.text(),
            dob=self.dob.date().toString("yyyy-MM-dd"), ktp=self.ktp.text(), gender=gender,
            address=self.address.text(), rt=self.rt.text(), rw=self.rw.text(), zip_code=self.zip_code.text(),
            kelurahan=self.kelurahan.text(), kecamatan=self.kecamatan.text(), city=self.city.text(),
            state=self.state.text(), hp=self.hp.text(), phone=self.phone.text(),
            income=self._picked_id(self.income), jumlah_transaksi=self._picked_id(self.jumlah_transaksi),
            deposit=self.deposit.digits(), ktp_image=self.images["ktp_image"].path,
            photo_image=self.images["photo_image"].path,
        )

    @staticmethod
    def _picked_id(combo: QComboBox) -> str:
        data = combo.currentData()
        return "" if data is None else str(data)

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
        area = {"propinsi": self.state.text(), "jenis": self.jenis.currentText(), "kabupaten": self.city.text(),
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
            self.banner.show_message("error", self.tr("{value} isian perlu diperbaiki (ditandai merah). Perbaiki lalu tekan "
                                                      "Lanjut lagi.").format(value=len(refused)))

    def edit(self) -> None:
        self.pages.setCurrentIndex(0)

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
        for edit in (self.name, self.ktp, self.pob, self.mother_name, self.hp, self.phone, self.email,
                     self.address, self.rt, self.rw, self.state, self.city, self.kecamatan, self.kelurahan,
                     self.zip_code, self.deposit):
            edit.clear()
        today = self.banking.clock.now().date()
        self.dob.setMaximumDate(QDate(today.year, today.month, today.day))
        self.dob.setDate(QDate(today.year - 25, today.month, min(today.day, 28)))
        self.gender.setExclusive(False)  # the only way to uncheck a radio group
        for button in self.gender_buttons.values():
            button.setChecked(False)
        self.gender.setExclusive(True)
        for combo in (self.status_nikah, self.jenis, self.profession, self.last_education, self.income,
                      self.jumlah_transaksi):
            combo.setCurrentIndex(-1)
        for picker in self.images.values():
            picker.clear()
        self.field("zip_code").hint.setText(translate("open_account", ZIP_HINT))

    def reset(self) -> None:
        super().reset()
        self.reset_inputs()
        self.edit()
        self.scroll.verticalScrollBar().setValue(0)
        self.name.setFocus()


@register("open_account", group="banking", title=TITLE, order=50)
def _make(services: "ScreenServices") -> OpenAccountScreen:
    return OpenAccountScreen(services.banking, services.worker, services.errors, services.ask_pin, services.journal,
                             pins=services.pins)
