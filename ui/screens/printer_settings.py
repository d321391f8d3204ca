"""Pengaturan > Printer: where receipts go and how they look.

The connection (PDF only, network, USB, serial, Windows queue) shows only the fields it
needs; paper width 58/80 mm (and 80 mm at 42 characters a line, as some printers print);
cash-drawer kick; a logo (chosen through an injected file chooser); the footer text;
"Preview dulu sebelum cetak". "Cek printer" and "Cetak tes" try the settings as typed,
before they are saved; "Simpan" validates and saves them and the next receipt prints with
them. The screen never touches files or the printer: everything
goes through ``services.receipts.settings.PrinterSettings`` in the worker. Edits not saved
are not left behind without a question (``ui.unsaved``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from services.i18n import QT_TRANSLATE_NOOP
from services.receipts.layout import NARROW_80
from services.receipts.printer import PrinterError
from services.receipts.settings import BAUD_RATES, PrinterPreferences, form_config
from ui import dialogs
from ui.errors import localized_message
from ui.i18n import translate
from ui.registry import register
from ui.screens.base import Screen
from ui.unsaved import SavedForm
from ui.widgets.wrapping_label import breakable_path

if TYPE_CHECKING:
    from services.receipts.settings import PrinterSettings
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Printer")


CONNECTIONS = (
    ("pdf", QT_TRANSLATE_NOOP("printer_settings", "Tanpa printer — simpan PDF")),
    ("network", QT_TRANSLATE_NOOP("printer_settings", "Printer jaringan (LAN / Wi-Fi)")),
    ("usb", QT_TRANSLATE_NOOP("printer_settings", "Printer USB")),
    ("serial", QT_TRANSLATE_NOOP("printer_settings", "Printer serial (COM)")),
    ("windows", QT_TRANSLATE_NOOP("printer_settings", "Printer Windows (antrean cetak)")),
)
IMAGE_FILTER = QT_TRANSLATE_NOOP("printer_settings", "Gambar (*.png *.jpg *.jpeg *.bmp);;Semua berkas (*)")


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setPlaceholderText(placeholder)
    return edit


class LogoPicker(QWidget):
    """The chosen logo's file name, "Pilih logo…" and "Hapus"."""

    def __init__(self) -> None:
        super().__init__()
        self.path = ""
        column = QVBoxLayout(self)  # the file name over the buttons: the column is narrow
        column.setContentsMargins(0, 0, 0, 0)
        self.name = QLabel(objectName="muted")
        self.choose_button = QPushButton(self.tr("Pilih logo…"), objectName="secondary")
        self.clear_button = QPushButton(self.tr("Hapus"), objectName="secondary")
        self.clear_button.clicked.connect(lambda: self.set_path(""))
        column.addWidget(self.name)
        row = QHBoxLayout()
        column.addLayout(row)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self.set_path("")

    def set_path(self, path: str) -> None:
        self.path = path
        self.name.setText(Path(path).name if path else self.tr("Tanpa logo"))
        self.name.setToolTip(path)
        self.clear_button.setEnabled(bool(path))


class PrinterSettingsScreen(Screen):
    requires_supervisor = True  # opened only after the supervisor PIN (ui/supervisor_gate.py)
    enter_only_moves = True  # a habitual Enter changes and saves nothing: Simpan is pressed on purpose

    def __init__(self, printer: "PrinterSettings", worker: "Worker", errors: "ErrorPresenter", *,
                 choose_file: dialogs.OpenFileChooser = dialogs.choose_open_file) -> None:
        super().__init__(TITLE, worker, errors)
        self.printer = printer
        self.choose_file = choose_file
        self.loaded = PrinterPreferences(printer.current.config, printer.preview_first)

        intro = QLabel(self.tr("Struk dicetak otomatis setelah setiap transaksi berhasil. Cek printer dan Cetak tes "
                       "memakai isian di layar, juga sebelum disimpan."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column in (left, right):
            column.setSpacing(10)
            columns.addLayout(column, 1)
        self.body.addLayout(columns)

        # -- where the receipt goes --------------------------------------------------------
        self.connection = QComboBox(objectName="connection_type")
        for key, text in CONNECTIONS:
            self.connection.addItem(translate("printer_settings", text), key)
        self.connection.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.connection.setMinimumContentsLength(16)  # the column, not the longest choice, sets its width
        self.add_field("connection", self.tr("Sambungan printer"), self.connection, layout=left)
        self.pages = QStackedWidget()
        self.pages.setObjectName("plain")
        left.addWidget(self.pages)
        self.network_host = _line("network_host", self.tr("misalnya 192.168.1.50"))
        self.network_port = _line("network_port", "9100")
        self.usb_vendor_id = _line("usb_vendor_id", self.tr("misalnya 0416"))
        self.usb_product_id = _line("usb_product_id", self.tr("misalnya 5011"))
        self.serial_port = _line("serial_port", self.tr("misalnya COM3"))
        self.serial_baudrate = QComboBox(objectName="serial_baudrate")
        for rate in BAUD_RATES:
            self.serial_baudrate.addItem(str(rate), rate)
        self.windows_queue = _line("windows_queue", self.tr("nama printer di Windows"))
        pdf_note = QLabel(self.tr("Struk tidak dicetak, tetapi disimpan sebagai PDF di folder:\n{receipts_dir}").format(
            receipts_dir=breakable_path(printer.receipts_dir)))
        pdf_note.setObjectName("muted")
        pdf_note.setWordWrap(True)
        self._page("pdf", [pdf_note])
        self._page("network", [("network_host", self.tr("Alamat IP printer"), self.network_host, ""),
                               ("network_port", self.tr("Port"), self.network_port, self.tr("Printer struk jaringan "
                                                                                            "memakai port 9100."))],
                   side_by_side=True)
        self._page("usb", [("usb_vendor_id", self.tr("Vendor ID"), self.usb_vendor_id, ""),
                           ("usb_product_id", self.tr("Product ID"), self.usb_product_id, "")], side_by_side=True,
                   hint=self.tr("Lihat di Device Manager > printer > Details > Hardware Ids (VID_xxxx, PID_xxxx)."))
        self._page("serial", [("serial_port", self.tr("Port"), self.serial_port, ""),
                              ("serial_baudrate", self.tr("Kecepatan (baud)"), self.serial_baudrate, "")],
                   side_by_side=True)
        self._page("windows", [("windows_queue", self.tr("Nama printer"), self.windows_queue,
                                self.tr("Tulis persis seperti di Windows: Pengaturan > Printer & pemindai."))])
        self.connection.currentIndexChanged.connect(self._connection_changed)

        paper = QWidget()
        paper_row = QVBoxLayout(paper)  # one choice a line: the column is narrow
        paper_row.setContentsMargins(0, 0, 0, 0)
        self.paper = QButtonGroup(self)
        self.paper_58 = QRadioButton(self.tr("58 mm (32 karakter)"), objectName="paper_58")
        self.paper_80 = QRadioButton(self.tr("80 mm (48 karakter)"), objectName="paper_80")
        self.paper_80_42 = QRadioButton(self.tr("80 mm (42 karakter)"), objectName="paper_80_42")
        # the group's id is the characters per line: each choice is one paper and one font width
        for button, chars in ((self.paper_58, 32), (self.paper_80, 48), (self.paper_80_42, NARROW_80)):
            self.paper.addButton(button, chars)
            paper_row.addWidget(button)
        paper_row.addStretch(1)
        self.add_field("paper_mm", self.tr("Lebar kertas"), paper, layout=left)
        self.drawer_kick = QCheckBox(self.tr("Buka laci saat struk tunai dicetak"), objectName="drawer_kick")
        self.drawer_kick.setToolTip(self.tr("Hanya pada cetakan pertama; cetak ulang tidak membuka laci."))
        left.addWidget(self.drawer_kick)
        left.addStretch(1)

        # -- how it looks ------------------------------------------------------------------
        self.logo = LogoPicker()
        self.logo.choose_button.clicked.connect(self._choose_logo)
        self.add_field("logo_path", self.tr("Logo di atas struk"), self.logo, layout=right,
                       hint=self.tr("Gambar hitam-putih, lebar paling baik 384 titik (58 mm) atau 576 titik (80 mm)."))
        self.footer = QPlainTextEdit(objectName="footer")
        self.footer.setTabChangesFocus(True)
        self.footer.setFixedHeight(96)
        self.add_field("footer", self.tr("Teks kaki struk"), self.footer, layout=right,
                       hint=self.tr("Satu kalimat per baris; baris panjang dipotong rapi di batas kertas."))
        self.preview_first = QCheckBox(self.tr("Preview dulu sebelum cetak"), objectName="preview_first")
        self.preview_first.setToolTip(self.tr("Struk tampil di layar dulu; tekan Cetak untuk mencetak."))
        right.addWidget(self.preview_first)
        right.addStretch(1)

        # -- actions -----------------------------------------------------------------------
        rule = QFrame(objectName="sectionRule")
        rule.setFixedHeight(1)
        self.body.addWidget(rule)
        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        self.check_button = QPushButton(self.tr("Cek printer"), objectName="secondary")
        self.check_button.clicked.connect(self.check)
        self.test_button = QPushButton(self.tr("Cetak tes"), objectName="secondary")
        self.test_button.clicked.connect(self.test_print)
        actions.addWidget(self.save_button)
        actions.addWidget(self.check_button)
        actions.addWidget(self.test_button)
        actions.addStretch(1)
        self.body.addLayout(actions)
        self.saved_form = SavedForm(self.form_state, lambda: self.show_preferences(self.loaded))
        self.show_preferences(self.loaded)

    def _page(self, key: str, fields: list, *, side_by_side: bool = False, hint: str = "") -> None:
        page = QWidget()
        page.setObjectName("plain")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        row = QHBoxLayout() if side_by_side else QVBoxLayout()
        outer.addLayout(row)
        for item in fields:
            if isinstance(item, QWidget):
                row.addWidget(item)
            else:
                name, label, editor, field_hint = item
                field = self.add_field(name, label, editor, hint=field_hint, layout=row)
                row.setAlignment(field, Qt.AlignmentFlag.AlignTop)
                if side_by_side and name in ("network_port", "serial_baudrate"):
                    row.setStretchFactor(field, 0)
                    field.setFixedWidth(150)
        if hint:
            note = QLabel(hint, objectName="fieldHint")
            note.setWordWrap(True)
            outer.addWidget(note)
        outer.addStretch(1)
        page.setProperty("connection", key)
        self.pages.addWidget(page)

    # -- the form <-> the settings ----------------------------------------------------------
    def show_preferences(self, preferences: PrinterPreferences) -> None:
        config = preferences.config
        self.loaded = preferences
        self.connection.setCurrentIndex(max(0, self.connection.findData(config.connection)))
        self._connection_changed()
        self.network_host.setText(config.network_host)
        self.network_port.setText(str(config.network_port))
        self.usb_vendor_id.setText(f"{config.usb_vendor_id:04x}" if config.usb_vendor_id else "")
        self.usb_product_id.setText(f"{config.usb_product_id:04x}" if config.usb_product_id else "")
        self.serial_port.setText(config.serial_port)
        self.serial_baudrate.setCurrentIndex(max(0, self.serial_baudrate.findData(config.serial_baudrate)))
        self.windows_queue.setText(config.windows_queue)
        (self.paper.button(config.columns) or self.paper_58).setChecked(True)  # a hand-edited width: the default
        self.drawer_kick.setChecked(config.drawer_kick)
        self.logo.set_path(config.logo_path)
        self.footer.setPlainText(config.footer)
        self.preview_first.setChecked(preferences.preview_first)
        self.saved_form.mark()

    def values(self) -> dict[str, Any]:
        """What the agent typed, numbers still as text (``form_config`` parses them)."""
        return {
            "connection": self.connection.currentData(),
            "network_host": self.network_host.text(),
            "network_port": self.network_port.text(),
            "usb_vendor_id": self.usb_vendor_id.text(),
            "usb_product_id": self.usb_product_id.text(),
            "serial_port": self.serial_port.text(),
            "serial_baudrate": self.serial_baudrate.currentData(),
            "windows_queue": self.windows_queue.text(),
            "paper_mm": 58 if self.paper.checkedId() == 32 else 80,
            "chars_per_line": self.paper.checkedId() if self.paper.checkedId() == NARROW_80 else 0,
            "drawer_kick": self.drawer_kick.isChecked(),
            "logo_path": self.logo.path,
            "footer": self.footer.toPlainText(),
        }

    def form_state(self) -> tuple[dict[str, Any], bool]:
        """Everything the form holds, to tell an edit not saved yet (``ui.unsaved``)."""
        return self.values(), self.preview_first.isChecked()

    def _connection_changed(self) -> None:
        self.pages.setCurrentIndex(self.connection.currentIndex())
        # The stack as tall as the page on show, not as the tallest page: the others' size is
        # ignored. Not a height fixed once: a page grows with a wrapped hint and a field's
        # error, and a fixed height drew them over the fields.
        for index in range(self.pages.count()):
            shown = index == self.pages.currentIndex()
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            self.pages.widget(index).setSizePolicy(policy, policy)
        self.pages.updateGeometry()
        # without a printer there is no test page and no cash drawer on its port
        has_printer = self.connection.currentData() != "pdf"
        self.test_button.setEnabled(has_printer)
        self.drawer_kick.setEnabled(has_printer)

    def _choose_logo(self) -> None:
        path = self.choose_file(self, self.tr("Pilih logo struk"), translate("printer_settings", IMAGE_FILTER))
        if path:
            self.logo.set_path(path)

    # -- actions ---------------------------------------------------------------------------
    def activated(self) -> None:
        printer = self.printer
        self.run(printer.load, self.show_preferences, busy=self.save_button, message=self.tr("Membaca pengaturan…"))

    def save(self) -> None:
        values, preview, base = self.values(), self.preview_first.isChecked(), self.loaded.config
        printer = self.printer
        self.run(lambda: printer.save(PrinterPreferences(form_config(values, base=base), preview)), self._saved,
                 busy=self.save_button, message=self.tr("Menyimpan…"))

    def _saved(self, preferences: PrinterPreferences) -> None:
        self.show_preferences(preferences)  # as saved: the form and what is in force agree
        self.banner.show_message("success", self.tr("Pengaturan printer disimpan. Struk berikutnya memakai "
                                                    "pengaturan ini."))

    def check(self) -> None:
        values, base, printer = self.values(), self.loaded.config, self.printer

        def run() -> str:
            config = form_config(values, base=base)
            printer.check(config)
            return config.describe() if config.connection != "pdf" else str(printer.receipts_dir)

        self.run(run, self._checked, busy=self.check_button, message=self.tr("Memeriksa printer…"),
                 on_failure=self._printer_failed)

    def _checked(self, where: str) -> None:
        if self.connection.currentData() == "pdf":
            self.banner.show_message("success", self.tr("Folder struk siap dipakai: {where}").format(where=where))
        else:
            self.banner.show_message("success", self.tr("Printer {where} dapat dihubungi. Tekan Cetak tes untuk "
                                                        "mencoba.").format(
                where=where))

    def test_print(self) -> None:
        values, base, printer = self.values(), self.loaded.config, self.printer
        self.run(lambda: printer.test_print(form_config(values, base=base)), self._tested, busy=self.test_button,
                 message=self.tr("Mencetak halaman tes…"), on_failure=self._printer_failed)

    def _tested(self, _result: object) -> None:
        self.banner.show_message("success", self.tr("Halaman tes dikirim ke printer. Jika deret angka tercetak "
                                            "utuh dalam satu baris, lebar kertas sudah benar."))

    def _printer_failed(self, exc: BaseException) -> None:
        """No transaction is involved here: say only what is wrong with the printer."""
        if isinstance(exc, PrinterError):
            self.banner.show_message("error", localized_message(exc.reason))
        else:
            self.fail(exc)


@register("printer_settings", group="settings", title=TITLE, order=30)
def _make(services: "ScreenServices") -> PrinterSettingsScreen:
    return PrinterSettingsScreen(services.printer, services.worker, services.errors)
