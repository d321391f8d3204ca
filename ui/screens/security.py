"""Pengaturan > Keamanan: the agent's quick PIN for the idle lock screen.

The quick PIN is the agent's own local code (not the bank's transaction PIN), so setting it
needs no supervisor; it is typed twice, masked, and stored only as a salted hash by
``services.quick_pin`` in the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from services.i18n import QT_TRANSLATE_NOOP
from services.quick_pin import LENGTH
from ui.registry import register
from ui.screens.base import Screen
from ui.widgets.pin import pin_edit

if TYPE_CHECKING:
    from services.quick_pin import QuickPin
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Keamanan")


class SecurityScreen(Screen):
    def __init__(self, quick_pin: "QuickPin | None", idle_minutes: float, worker: "Worker",
                 errors: "ErrorPresenter") -> None:
        super().__init__(TITLE, worker, errors)
        self.quick_pin = quick_pin
        lock = QLabel(self.tr("Layar terkunci sendiri setelah {idle_minutes:g} menit tanpa "
                              "aktivitas. Buka dengan password agen, atau dengan PIN cepat yang Anda "
                              "atur di sini.").format(idle_minutes=idle_minutes))
        lock.setObjectName("muted")
        lock.setWordWrap(True)
        self.body.addWidget(lock)
        self.status = QLabel()
        self.status.setObjectName("cardTitle")
        self.body.addWidget(self.status)
        self.pin = pin_edit("quickPin", LENGTH)
        self.confirm = pin_edit("quickPinConfirm", LENGTH)
        self.add_field("quick_pin", self.tr("PIN cepat baru ({LENGTH} angka)").format(LENGTH=LENGTH), self.pin,
                       hint=self.tr("Bukan PIN transaksi bank. Jangan pakai angka sama atau berurutan."))
        self.add_field("quick_pin_confirm", self.tr("Ulangi PIN cepat"), self.confirm)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan PIN cepat"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        self.confirm.returnPressed.connect(self.save)
        self.clear_button = QPushButton(self.tr("Hapus PIN cepat"), objectName="secondary")
        self.clear_button.clicked.connect(self.remove)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        self.body.addLayout(buttons)

    def activated(self) -> None:
        if self.quick_pin is not None:
            self.run(self.quick_pin.is_set, self._show_status, busy=self.save_button, message=self.tr("Memuat…"))

    def _show_status(self, is_set: bool) -> None:
        self.status.setText(self.tr("PIN cepat: sudah diatur") if is_set else self.tr("PIN cepat: belum diatur"))
        self.clear_button.setVisible(is_set)

    def save(self) -> None:
        if self.quick_pin is None:
            return
        pin, confirm = self.pin.text(), self.confirm.text()
        self.pin.clear()
        self.confirm.clear()
        service = self.quick_pin

        def saved(_result: Any) -> None:
            self._show_status(True)
            self.banner.show_message("success", self.tr("PIN cepat tersimpan. Pakai untuk membuka layar yang "
                                                        "terkunci."))

        self.run(lambda: service.set(pin, confirm), saved, busy=self.save_button, message=self.tr("Menyimpan…"))

    def remove(self) -> None:
        if self.quick_pin is None:
            return

        def removed(_result: Any) -> None:
            self._show_status(False)
            self.banner.show_message("info", self.tr("PIN cepat dihapus. Layar terkunci hanya dibuka dengan password "
                                                     "agen."))

        self.run(self.quick_pin.clear, removed, busy=self.clear_button, message=self.tr("Menghapus…"))


@register("security", group="settings", title=TITLE, order=6,
          aliases=("PIN cepat", "kunci layar", "kunci otomatis"))
def _make(services: "ScreenServices") -> SecurityScreen:
    return SecurityScreen(services.quick_pin, services.idle_lock_minutes,
                          services.worker, services.errors)
