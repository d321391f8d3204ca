"""Ganti Password: old, new and confirmation, all masked, with the rules in view.

The rules are checked by the service before anything is sent (``validation.new_password``)
and a wrong old password (the host's UPDATE_NONE) is shown at the old-password field,
where the agent has to retype, rather than in the banner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from services.errors import HostRejected, UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate
from ui.registry import register
from ui.screens.base import Screen

if TYPE_CHECKING:
    from services.hosts.bankplus.service import BankingService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Ganti Password")
RULES = (QT_TRANSLATE_NOOP("change_password", "Password baru minimal 8 karakter, berisi huruf dan angka, dan berbeda "
         "dari password lama. Jangan memakai tanggal lahir atau nama sendiri."))


def masked(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(64)
    return edit


class ChangePasswordScreen(Screen):
    def __init__(self, banking: "BankingService", worker: "Worker", errors: "ErrorPresenter") -> None:
        super().__init__(TITLE, worker, errors)
        self.banking = banking
        intro = QLabel(self.tr("Password dipakai untuk masuk ke Loket. PIN transaksi tidak berubah."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.old = masked("old")
        self.new = masked("new")
        self.confirm = masked("confirm")
        self.add_field("old", self.tr("Password lama"), self.old)
        self.add_field("new", self.tr("Password baru"), self.new, hint=translate("change_password", RULES))
        self.add_field("confirm", self.tr("Ulangi password baru"), self.confirm)
        self.submit = QPushButton(self.tr("Simpan password baru"))
        self.submit.setObjectName("primary")
        self.submit.clicked.connect(self.save)
        self.confirm.returnPressed.connect(self.save)
        self.body.addWidget(self.submit)

    def save(self) -> None:
        old, new, confirm = self.old.text(), self.new.text(), self.confirm.text()
        banking = self.banking
        self.run(lambda: banking.change_password(old, new, confirm), self._saved, busy=self.submit,
                 message=self.tr("Menyimpan password…"), on_failure=self._failed)

    def _saved(self, _result: object) -> None:
        self._clear_inputs()
        self.banner.show_message("success", self.tr("Password berhasil diganti. Pakai password baru saat masuk "
                                                    "berikutnya."))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, HostRejected) and exc.code == "UPDATE_NONE":
            exc = UserInputError("old", exc.message)
        self.fail(exc)

    def _clear_inputs(self) -> None:
        for edit in (self.old, self.new, self.confirm):
            edit.clear()

    def reset(self) -> None:
        super().reset()
        self._clear_inputs()
        self.old.setFocus()


@register("change_password", group="settings", title=TITLE, order=10)
def _make(services: "ScreenServices") -> ChangePasswordScreen:
    return ChangePasswordScreen(services.banking, services.worker, services.errors)
