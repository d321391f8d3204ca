"""Pengaturan > Supervisor: set a supervisor's PIN (name, PIN, PIN again).

The first supervisor needs no PIN (someone has to be first), so it is a deliberate step:
the screen says plainly that the supervisor must be someone other than the agent, the
supervisor ticks that they are, and a name that is the logged-in agent's is refused; the
setting is recorded as an approval naming the agent who was logged in (Laporan Z shows
it). Beranda sends the agent here at every start until a supervisor exists. Once one
exists, setting or changing any supervisor PIN needs a current supervisor PIN, typed in
the same form. The service stores only a salted scrypt hash; this
screen clears every PIN box as soon as the call is made and never keeps a PIN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton

from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from ui.registry import register
from ui.screens.base import Screen
from ui.widgets.supervisor import pin_edit

if TYPE_CHECKING:
    from services.dayclose import DayCloseService
    from services.hosts.bankplus.service import BankingService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker


class SupervisorScreen(Screen):
    # a PIN was saved: the shell's "Belum ada supervisor" notice is checked again at once
    supervisors_changed = Signal()

    def __init__(self, service: "DayCloseService", worker: "Worker", errors: "ErrorPresenter",
                 banking: "BankingService | None" = None) -> None:
        super().__init__(self.tr("Supervisor"), worker, errors)
        self.service = service
        self.banking = banking
        self.names: list[str] = []
        self.loaded = False
        self.current_list = QLabel(objectName="muted")
        self.current_list.setWordWrap(True)
        self.body.addWidget(self.current_list)
        self.first_warning = QLabel(self.tr(
            "Supervisor harus orang lain, bukan petugas yang melayani nasabah di loket ini. Supervisor "
            "menyetujui tutup hari dengan transaksi menggantung, cetak ulang laporan, koreksi kas, "
            "reversal dan pengaturan. Petugas loket: jangan isi sendiri, panggil supervisor Anda untuk "
            "mengetik nama dan PIN-nya."), objectName="firstSupervisorWarning")
        self.first_warning.setWordWrap(True)
        self.body.addWidget(self.first_warning)
        self.name = QLineEdit(objectName="name")
        self.name.setMaxLength(60)
        self.add_field("name", self.tr("Nama supervisor"), self.name,
                       hint=self.tr("Nama yang sudah ada: PIN-nya diganti. Nama baru: supervisor ditambahkan."))
        self.pin = pin_edit("newPin")
        self.add_field("pin", self.tr("PIN baru (6–8 angka)"), self.pin,
                       hint=self.tr("Jangan angka sama semua atau berurutan. PIN disimpan teracak: "
                                    "tidak dapat dibaca siapa pun."))
        self.confirm_pin = pin_edit("confirmPin")
        self.add_field("confirm", self.tr("Ulangi PIN baru"), self.confirm_pin)
        self.current_pin = pin_edit("currentPin")
        self.current_field = self.add_field("current_pin", self.tr("PIN supervisor yang berlaku"), self.current_pin,
                                            hint=self.tr("Perlu untuk mengganti atau menambah supervisor."))
        self.current_pin.returnPressed.connect(self.save)
        self.not_the_agent = QCheckBox(self.tr("Saya supervisor, bukan petugas yang melayani di loket ini"),
                                       objectName="notTheAgent")
        self.body.addWidget(self.not_the_agent)
        self.save_button = QPushButton(self.tr("Simpan PIN"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        self.body.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._show_names([])

    def activated(self) -> None:
        service = self.service
        self.run(service.supervisors.names, self._loaded, busy=self.save_button, message=self.tr("Memuat…"))

    def _loaded(self, names: list[str]) -> None:
        self._show_names(names)
        self.loaded = True

    def _show_names(self, names: list[str]) -> None:
        self.names = list(names)
        self.current_field.setVisible(bool(names))
        self.first_warning.setVisible(not names)  # the first supervisor: no PIN approves it
        self.not_the_agent.setVisible(not names)
        self.not_the_agent.setChecked(False)
        text = (self.tr("Supervisor terdaftar: {value}.").format(value=', '.join(names)) if names else
                self.tr("Belum ada supervisor. Supervisor pertama diatur tanpa PIN lain, dan dicatat atas nama "
                        "petugas yang sedang masuk."))
        if len(names) == 1:  # a forgotten PIN is set anew only with another supervisor's (README, Helpdesk)
            text += " " + self.tr("Daftarkan supervisor kedua: PIN yang lupa hanya dapat diganti dengan PIN "
                                  "supervisor lain. Tanpa itu, pengaturan, tutup hari dengan selisih dan buka "
                                  "ulang hari tidak dapat dilakukan lagi.")
        self.current_list.setText(text)

    def save(self) -> None:
        name, pin, confirm = self.name.text(), self.pin.text(), self.confirm_pin.text()
        current = self.current_pin.text() if self.names else None
        for box in (self.pin, self.confirm_pin, self.current_pin):
            box.clear()
        service = self.service
        session = self.banking.session if self.banking is not None else None
        set_by, agent_name = (session.username, session.name) if session is not None else ("", "")
        first, confirmed = not self.names, self.not_the_agent.isChecked()

        def work() -> list[str]:
            if first and not confirmed:
                raise UserInputError("not_the_agent", self.tr("Supervisor pertama: centang dulu bahwa Anda "
                                                              "supervisor, bukan petugas loket ini."))
            if pin != confirm:
                raise UserInputError("confirm", self.tr("PIN yang diulang tidak sama. Ketik kedua PIN lagi."))
            service.supervisors.set_pin(name, pin, current_pin=current, set_by=set_by, agent_name=agent_name)
            return service.supervisors.names()

        def saved(names: list[str]) -> None:
            self._show_names(names)
            self.name.clear()
            self.banner.show_message("success", self.tr("PIN supervisor {value} disimpan.").format(
                value=' '.join(name.split())))
            self.supervisors_changed.emit()

        self.run(work, saved, busy=self.save_button, message=self.tr("Menyimpan PIN…"))

    def reset(self) -> None:
        super().reset()
        for box in (self.name, self.pin, self.confirm_pin, self.current_pin):
            box.clear()

    def locked(self) -> None:
        """PINs typed and not saved yet are the supervisor's, who may have walked away: the
        supervisor PIN in force left in its box would let whoever unlocks add a supervisor."""
        for box in (self.pin, self.confirm_pin, self.current_pin):
            box.clear()


@register("supervisor", group="settings", title=QT_TRANSLATE_NOOP("screens", "Supervisor"), order=50)
def _make(services: "ScreenServices") -> Any:
    return SupervisorScreen(services.dayclose, services.worker, services.errors, services.banking)
