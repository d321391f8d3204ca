"""Pengaturan > Keamanan: the agent's quick PIN for the idle lock screen.

The quick PIN is the agent's own local code (not the bank's transaction PIN), so setting it
needs no supervisor; it is typed twice, masked, and stored only as a salted hash by
``services.quick_pin`` in the worker. Setting or removing it needs the agent's password
(checked by the bank, as the lock screen checks it): a quick PIN opens the agent's idle
lock, and anyone at a counter left unlocked for a moment could otherwise set one and open
that agent's lock whenever they liked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton

from services.errors import LoginFailed, UserInputError
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
                 errors: "ErrorPresenter", *, check_password: Callable[[str], Any] = lambda password: None) -> None:
        """``check_password(password)``: the logged-in agent's password checked by the bank
        (raises ``LoginFailed`` when wrong); runs in the worker."""
        super().__init__(TITLE, worker, errors)
        self.quick_pin = quick_pin
        self.check_password = check_password
        lock = QLabel(self.tr("Layar terkunci sendiri setelah {idle_minutes:g} menit tanpa "
                              "aktivitas. Buka dengan password agen, atau dengan PIN cepat yang Anda "
                              "atur di sini.").format(idle_minutes=idle_minutes))
        lock.setObjectName("muted")
        lock.setWordWrap(True)
        self.body.addWidget(lock)
        self.status = QLabel()
        self.status.setObjectName("cardTitle")
        self.body.addWidget(self.status)
        self.password = QLineEdit(objectName="agentPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(64)
        self.add_field("password", self.tr("Password agen"), self.password,
                       hint=self.tr("Perlu untuk mengatur atau menghapus PIN cepat."))
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
        password, pin, confirm = self.password.text(), self.pin.text(), self.confirm.text()
        for edit in (self.password, self.pin, self.confirm):
            edit.clear()
        service = self.quick_pin

        def saved(_result: Any) -> None:
            self._show_status(True)
            self.banner.show_message("success", self.tr("PIN cepat tersimpan. Pakai untuk membuka layar yang "
                                                        "terkunci."))

        self.run(lambda: (self._confirm_agent(password), service.set(pin, confirm)), saved, busy=self.save_button,
                 message=self.tr("Memeriksa password…"))

    def remove(self) -> None:
        if self.quick_pin is None:
            return

        def removed(_result: Any) -> None:
            self._show_status(False)
            self.banner.show_message("info", self.tr("PIN cepat dihapus. Layar terkunci hanya dibuka dengan password "
                                                     "agen."))

        password, service = self.password.text(), self.quick_pin
        self.password.clear()
        self.run(lambda: (self._confirm_agent(password), service.clear()), removed, busy=self.clear_button,
                 message=self.tr("Memeriksa password…"))

    def _confirm_agent(self, password: str) -> None:
        """In the worker: the agent's password, or a refusal at its field."""
        if not password:
            raise UserInputError("password", QT_TRANSLATE_NOOP("errors", "Ketik password agen untuk mengubah PIN "
                                                                          "cepat."))
        try:
            self.check_password(password)
        except LoginFailed:
            raise UserInputError("password", QT_TRANSLATE_NOOP("errors", "Password agen salah.")) from None


@register("security", group="settings", title=TITLE, order=6,
          aliases=("PIN cepat", "kunci layar", "kunci otomatis"))
def _make(services: "ScreenServices") -> SecurityScreen:
    banking = services.banking
    return SecurityScreen(services.quick_pin, services.idle_lock_minutes, services.worker, services.errors,
                          check_password=banking.relogin)
