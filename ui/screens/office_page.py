"""The Kantor mitra tab of Pengaturan > Koneksi Host: where this counter's journal is copied.

A supervisor at a kiosk types what the partner office's operator sent, so the page says in
one line what the connection is for, each field shows an example of what goes in it, and the
office's certificate is chosen in a file dialog ("Pilih…") instead of typed as a path. It
is a page of its own, not the bank hosts' three-column grid: the address and the
certificate's path are long and take a row each. Labels and checks are the office's
``HostSpec`` (``services.host_settings.OFFICE``); the screen loads, saves and checks the
values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from services.i18n import QT_TRANSLATE_NOOP
from ui import dialogs
from ui.i18n import translate
from ui.keyboard import MAY_STAY_EMPTY
from ui.widgets.wrapping_label import WrappingLabel

if TYPE_CHECKING:
    from services.hosts.host import HostSpec
    from ui.widgets.field import Field

INTRO = QT_TRANSLATE_NOOP("host_settings", "Jurnal loket ini disalin ke database kantor mitra. Isi sesuai data dari "
                                           "operator kantor; alamat kosong = tidak disalin. Koneksinya selalu "
                                           "terenkripsi (TLS) dan memeriksa sertifikat kantor. Di mode sandbox, "
                                           "transaksi latihan tidak dikirim ke kantor (hanya ke database di "
                                           "komputer ini, untuk uji coba).")
# An empty CA file, the office's or a bank host's: the CAs Windows trusts and Mozilla's public ones
# (services.office.config.public_roots; services.hosts.http.bank_tls_context).
CA_EXAMPLE = QT_TRANSLATE_NOOP("host_settings", "kosong = sertifikat sistem")
EXAMPLES = {"address": QT_TRANSLATE_NOOP("host_settings", "contoh: kantor.mitra.co.id:5432/loket"),
            "counter_id": QT_TRANSLATE_NOOP("host_settings", "contoh: K001"),
            "user": QT_TRANSLATE_NOOP("host_settings", "kosong = sesuai ID loket"),
            "ca_file": CA_EXAMPLE}
CHOOSE = QT_TRANSLATE_NOOP("host_settings", "Pilih…")  # beside a CA file: the office's, a bank host's
CA_FILTER = QT_TRANSLATE_NOOP("host_settings", "Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)")
WIDE = ("address", "ca_file")  # a row each; the others two to a row
# (name, label, editor, beside=...) -> the Field the screen's error presenter knows
MakeField = Callable[..., "Field"]


class OfficePage(QWidget):
    def __init__(self, host: "HostSpec", make_field: MakeField, *,
                 choose_file: dialogs.OpenFileChooser = dialogs.choose_open_file) -> None:
        super().__init__(objectName="officePage")
        self.choose_file = choose_file  # a file dialog; tests answer it without a modal
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 12, 12, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        title = QLabel(translate("host_settings", host.title), objectName="cardTitle")
        intro = WrappingLabel(translate("host_settings", INTRO))  # in a tab, a QLabel's lines squeeze the fields
        intro.setObjectName("muted")
        intro.setContentsMargins(0, 0, 0, 6)
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(intro, 1, 0, 1, 2)
        self.edits: dict[str, QLineEdit] = {}
        self.secret_edits: dict[str, QLineEdit] = {}
        self.fields: dict[str, "Field"] = {}
        self.choose_ca = QPushButton(translate("host_settings", CHOOSE), objectName="chooseCaFile")
        self.choose_ca.setToolTip(self.tr("Pilih berkas sertifikat yang dikirim kantor mitra (.pem atau .crt)."))
        self.choose_ca.clicked.connect(self.choose_ca_file)
        cells = [self._edit(make_field, host.name, key, label) for key, label in host.fields]
        cells += [self._secret(make_field, host.name, secret, label) for secret, label in host.secrets]
        cells.sort(key=lambda cell: cell[0] == "ca_file")  # the certificate last, as the office's note has it
        row, column = 2, 0
        for key, field in cells:
            if key in WIDE:
                row, column = row + (column > 0), 0
                grid.addWidget(field, row, 0, 1, 2)
                row += 1
                continue
            grid.addWidget(field, row, column)
            row, column = (row, 1) if column == 0 else (row + 1, 0)
        grid.setRowStretch(row + 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _edit(self, make_field: MakeField, host: str, key: str, label: str) -> tuple[str, "Field"]:
        edit = QLineEdit(objectName=f"{host}.{key}")
        if key in EXAMPLES:
            edit.setPlaceholderText(translate("host_settings", EXAMPLES[key]))
        self.edits[key] = edit
        beside = self.choose_ca if key == "ca_file" else None
        self.fields[key] = make_field(f"{host}.{key}", label, edit, beside=beside)
        return key, self.fields[key]

    def _secret(self, make_field: MakeField, host: str, secret: str, label: str) -> tuple[str, "Field"]:
        edit = QLineEdit(objectName=f"{host}.{secret}")
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setProperty(MAY_STAY_EMPTY, True)  # empty keeps the saved password
        self.secret_edits[f"{host}.{secret}"] = edit
        return secret, make_field(f"{host}.{secret}", label, edit)

    def choose_ca_file(self) -> None:
        pick_ca_file(self, self.choose_file, self.tr("Pilih sertifikat kantor mitra"), self.fields["ca_file"])


def pick_ca_file(parent: QWidget, choose_file: dialogs.OpenFileChooser, title: str, field: "Field") -> None:
    """A CA certificate from a file dialog into ``field`` (the office's, or a bank host's);
    cancelled, the field keeps its path. Chosen, the cursor goes to the box that shows it:
    left on "Pilih…", each habitual Enter opened the file dialog again."""
    path = choose_file(parent, title, translate("host_settings", CA_FILTER))
    if path:
        field.editor.setText(QDir.toNativeSeparators(path))
        field.clear_error()  # a file chosen replaces the one refused
        field.editor.setFocus()
