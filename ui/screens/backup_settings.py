"""Pengaturan > Cadangan Jurnal (supervisor PIN first): where the journal's copies go, and a
copy now.

The folder is chosen in a folder dialog ("Pilih…") or typed; empty is the default folder
beside the profile. Whenever the folder is on the journal's own disk the screen says that a
dead disk takes the copies with the journal and recommends a flashdisk or a second disk.
"Cadangkan sekarang" copies to the folder as saved (``services.backup``): every file and
the copy's check run in the worker, and a folder that is not there (a flashdisk not
plugged in) is said in words. Edits not saved are not left behind without a question
(``ui.unsaved``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton

from services.clock import WIB
from services.i18n import QT_TRANSLATE_NOOP
from ui.registry import register
from ui.screens.base import Screen
from ui.screens.printer_settings import breakable_path
from ui.screens.report_actions import FolderChooser, choose_folder
from ui.unsaved import SavedForm
from ui.widgets.banner import Banner
from ui.widgets.field import Field
from ui.widgets.wrapping_label import WrappingLabel

if TYPE_CHECKING:
    from services.backup import BackupResult, BackupSettingsView, JournalBackup
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Cadangan Jurnal")


class BackupSettingsScreen(Screen):
    requires_supervisor = True  # where the evidence of every transaction is copied: as the host settings
    enter_only_moves = True

    def __init__(self, backup: "JournalBackup | None", worker: "Worker", errors: "ErrorPresenter", *,
                 choose_folder: FolderChooser = choose_folder) -> None:
        super().__init__(TITLE, worker, errors)
        self.backup = backup
        self.choose_folder = choose_folder  # a folder dialog; tests answer it
        self.view: "BackupSettingsView | None" = None
        intro = WrappingLabel(self.tr(
            "Jurnal adalah satu-satunya catatan transaksi loket ini dan bukti bila ada sengketa dengan nasabah atau "
            "bank. Salinannya dibuat otomatis sesudah setiap Tutup Hari, diperiksa, lalu disimpan di folder ini "
            "(14 salinan terakhir)."))
        intro.setObjectName("muted")
        self.body.addWidget(intro)
        self.folder = QLineEdit(objectName="backup.folder")
        self.choose_button = QPushButton(self.tr("Pilih…"), objectName="chooseBackupFolder")
        self.choose_button.clicked.connect(self.pick_folder)
        field = Field(self.tr("Folder cadangan"), self.folder, beside=self.choose_button)
        self._fields["backup.folder"] = field
        self.body.addWidget(field)
        self.where = WrappingLabel("")  # the folder in use, whole: a path is longer than the box
        self.where.setObjectName("muted")
        self.body.addWidget(self.where)
        self.same_disk = Banner()  # amber while the folder is on the journal's own disk
        self.same_disk.setProperty("role", "sameDiskWarning")
        self.body.addWidget(self.same_disk)
        self.last = QLabel("", objectName="lastBackup")
        self.last.setWordWrap(True)
        self.body.addWidget(self.last)
        self.save_button = QPushButton(self.tr("Simpan"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        self.backup_button = QPushButton(self.tr("Cadangkan sekarang"), objectName="secondary")
        self.backup_button.setToolTip(self.tr("Membuat salinan jurnal sekarang di folder yang tersimpan dan "
                                              "memeriksanya. Transaksi tetap dapat dilayani selama itu."))
        self.backup_button.clicked.connect(self.back_up_now)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.saved_form = SavedForm(self.form_state, self.activated)

    def form_state(self) -> str | None:
        return None if self.view is None else self.folder.text().strip()

    # -- load ------------------------------------------------------------------------
    def activated(self) -> None:
        if self.backup is None:
            self.banner.show_message("error", self.tr("Cadangan jurnal tidak tersedia di profil ini."))
            return
        self.run(self.backup.load, self.show_view, busy=self.save_button, message=self.tr("Memuat pengaturan…"))

    def show_view(self, view: "BackupSettingsView") -> None:
        self.view = view
        self.folder.setText(view.folder)
        self.folder.setPlaceholderText(self.tr("kosong = folder bawaan, di samping folder profil"))
        self.where.setText(self.tr("Salinan disimpan di {folder}").format(folder=breakable_path(view.effective)))
        if view.same_disk:
            self.same_disk.show_message("warning", self.tr(
                "Folder ini ada di disk yang sama dengan jurnal: bila disk itu rusak, cadangannya ikut hilang. "
                "Pilih folder di flashdisk (USB) atau disk kedua, dan biarkan terpasang saat Tutup Hari."))
        else:
            self.same_disk.clear_message()
        self.show_last(view.last_at, view.reachable, str(view.effective))
        self.saved_form.mark()

    def show_last(self, last_at: Any, reachable: bool, folder: str) -> None:
        when = last_at.astimezone(WIB).strftime("%d/%m/%Y %H:%M WIB") if last_at is not None else ""
        text = (self.tr("Cadangan terakhir: {when}.").format(when=when) if when
                else self.tr("Belum ada cadangan yang terperiksa."))
        if not reachable:
            text += " " + self.tr("Folder {folder} tidak dapat dijangkau sekarang.").format(folder=folder)
        self.last.setText(text)

    def pick_folder(self) -> None:
        folder = self.choose_folder(self, self.tr("Pilih folder cadangan"))
        if folder:
            self.folder.setText(QDir.toNativeSeparators(folder))
            self._fields["backup.folder"].clear_error()
            self.folder.setFocus()

    # -- save and copy ---------------------------------------------------------------
    def save(self) -> None:
        if self.backup is None:
            return
        service, text = self.backup, self.folder.text()

        def saved(view: "BackupSettingsView") -> None:
            self.show_view(view)
            self.banner.show_message("success", self.tr("Folder cadangan tersimpan."))

        self.run(lambda: (service.save_folder(text), service.load())[1], saved, busy=self.save_button,
                 message=self.tr("Menyimpan…"))

    def back_up_now(self) -> None:
        if self.backup is None:
            return
        if self.saved_form.changed():
            self.banner.show_message("warning", self.tr("Folder yang diketik belum disimpan: tekan Simpan dulu, lalu "
                                                        "Cadangkan sekarang."))
            return
        service = self.backup

        def done(made: tuple["BackupResult", "BackupSettingsView"]) -> None:
            result, view = made
            self.show_view(view)
            text = self.tr("Cadangan dibuat dan diperiksa: %n transaksi, {path}", "", result.rows)
            self.banner.show_message("success", text.format(path=str(result.path)))

        self.run(lambda: (service.run(), service.load()), done, busy=self.backup_button,
                 message=self.tr("Membuat dan memeriksa cadangan…"))


@register("backup_settings", group="settings", title=TITLE, order=7)
def _make(services: "ScreenServices") -> BackupSettingsScreen:
    return BackupSettingsScreen(services.backup, services.worker, services.errors)
