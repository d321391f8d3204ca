"""Pengaturan > Supervisor: set a supervisor's PIN (name, PIN, PIN again).

The first supervisor needs no PIN (someone has to be first), so it is a deliberate step:
the screen says plainly that the supervisor must be someone other than the agent, the
supervisor ticks that they are, and a name that is the logged-in agent's is refused; the
setting is recorded as an approval naming the agent who was logged in (Laporan Z shows
it). Beranda sends the agent here at every start until a supervisor exists. Once one
exists, setting or changing any supervisor PIN needs a current supervisor PIN, typed in
the same form. The service stores only a salted scrypt hash; this
screen clears every PIN box as soon as the call is made and never keeps a PIN.

The owner's recovery code (``services.dayclose.recovery``): registering a supervisor while
no code is in force issues one, shown once (``ui.widgets.recovery.RecoveryCodeDialog``) and
offered to the receipt printer (printed or nowhere: never kept as a file); "Buat kode
pemulihan baru" issues another behind a supervisor PIN (the old one is void); "Lupa PIN
supervisor? Pakai kode pemulihan" asks the code, the supervisor and a new PIN twice and sets
it (the code is then spent, and the screen says to issue a new one). This screen opens
without the supervisor PIN, so a counter whose only supervisor forgot it reaches it. The
prompts and the display are attributes (``ask_supervisor``, ``ask_recovery``,
``show_code``) that tests may replace.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from services.clock import format_wib
from services.dayclose.recovery import render_code_slip
from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from ui.errors import localized
from ui.registry import register
from ui.screens.base import Screen
from ui.widgets.recovery import RecoveryAnswer, RecoveryPrompt, ask_recovery, show_code
from ui.widgets.supervisor import SupervisorPrompt, ask_supervisor, pin_edit

if TYPE_CHECKING:
    from services.dayclose import DayCloseService
    from services.hosts.bankplus.service import BankingService
    from ui.errors import ErrorPresenter
    from ui.screens.report_actions import PrintHook
    from ui.services import ScreenServices
    from ui.worker import Worker


class SupervisorScreen(Screen):
    # a PIN was saved: the shell's "Belum ada supervisor" notice is checked again at once
    supervisors_changed = Signal()

    def __init__(self, service: "DayCloseService", worker: "Worker", errors: "ErrorPresenter",
                 banking: "BankingService | None" = None, print_printout: "PrintHook | None" = None) -> None:
        super().__init__(self.tr("Supervisor"), worker, errors)
        self.service = service
        self.banking = banking
        self.print_printout = print_printout
        self.ask_supervisor: SupervisorPrompt = ask_supervisor
        self.ask_recovery: RecoveryPrompt = ask_recovery
        self.show_code: Callable[..., Any] = show_code
        self.code_issued_at: str | None = None
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
        self.recovery = QWidget(objectName="recovery")
        recovery = QVBoxLayout(self.recovery)  # one under the other: side by side they overran 1024 px in English
        recovery.setContentsMargins(0, 4, 0, 4)
        self.recovery_status = QLabel(objectName="recoveryStatus")
        self.recovery_status.setWordWrap(True)
        # under the list of supervisors, where one who forgot the PIN looks first
        at = self.body.indexOf(self.current_list) + 1
        self.body.insertWidget(at, self.recovery_status)
        self.issue_button = QPushButton(self.tr("Buat kode pemulihan baru"), objectName="issueRecoveryCode")
        self.issue_button.clicked.connect(self.issue_code)
        self.forgot_button = QPushButton(self.tr("Lupa PIN supervisor? Pakai kode pemulihan"),
                                         objectName="useRecoveryCode")
        self.forgot_button.clicked.connect(self.recover)
        recovery.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        recovery.addWidget(self.issue_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.insertWidget(at + 1, self.recovery)
        QWidget.setTabOrder(self.forgot_button, self.issue_button)  # the keyboard follows the page, top down
        QWidget.setTabOrder(self.issue_button, self.name)
        self._show_names([])

    def activated(self) -> None:
        self.run(self._state, self._loaded, busy=self.save_button, message=self.tr("Memuat…"))

    def _state(self) -> tuple[list[str], str | None]:
        """(the supervisors' names, when the recovery code in force was issued): on the worker."""
        supervisors = self.service.supervisors
        return supervisors.names(), supervisors.recovery_issued_at()

    def _loaded(self, state: tuple[list[str], str | None]) -> None:
        names, self.code_issued_at = state
        self._show_names(names)
        self.loaded = True

    def _show_recovery(self) -> None:
        self.recovery.setVisible(bool(self.names))
        self.recovery_status.setVisible(bool(self.names))
        if self.code_issued_at:
            self.recovery_status.setProperty("kind", "")
            self.recovery_status.setText(self.tr(
                "Kode pemulihan pemilik dibuat {when}; kode yang lebih lama tidak berlaku. Dengan kode itu PIN "
                "supervisor yang lupa dapat diganti, sekali.").format(
                when=format_wib(datetime.fromisoformat(self.code_issued_at))))
        else:
            self.recovery_status.setProperty("kind", "warning")
            self.recovery_status.setText(self.tr(
                "Belum ada kode pemulihan yang berlaku. Buat kode baru dan serahkan kepada pemilik: tanpa kode, "
                "PIN supervisor yang lupa hanya dapat diganti dengan PIN supervisor lain."))
        self.forgot_button.setEnabled(self.code_issued_at is not None)

    def _show_names(self, names: list[str]) -> None:
        self.names = list(names)
        self.current_field.setVisible(bool(names))
        self.first_warning.setVisible(not names)  # the first supervisor: no PIN approves it
        self.not_the_agent.setVisible(not names)
        self.not_the_agent.setChecked(False)
        text = (self.tr("Supervisor terdaftar: {value}.").format(value=', '.join(names)) if names else
                self.tr("Belum ada supervisor. Supervisor pertama diatur tanpa PIN lain, dan dicatat atas nama "
                        "petugas yang sedang masuk."))
        if len(names) == 1:  # a forgotten PIN: another supervisor's PIN, or the owner's code (README, Helpdesk)
            text += " " + self.tr("Sebaiknya daftarkan supervisor kedua: PIN yang lupa diganti dengan PIN "
                                  "supervisor lain, tanpa menunggu pemilik membawa kode pemulihan.")
        self.current_list.setText(text)
        self._show_recovery()

    def save(self) -> None:
        name, pin, confirm = self.name.text(), self.pin.text(), self.confirm_pin.text()
        current = self.current_pin.text() if self.names else None
        for box in (self.pin, self.confirm_pin, self.current_pin):
            box.clear()
        service = self.service
        session = self.banking.session if self.banking is not None else None
        set_by, agent_name = (session.username, session.name) if session is not None else ("", "")
        first, confirmed = not self.names, self.not_the_agent.isChecked()

        def work() -> tuple[tuple[list[str], str | None], str | None]:
            if first and not confirmed:
                raise UserInputError("not_the_agent", self.tr("Supervisor pertama: centang dulu bahwa Anda "
                                                              "supervisor, bukan petugas loket ini."))
            if pin != confirm:
                raise UserInputError("confirm", self.tr("PIN yang diulang tidak sama. Ketik kedua PIN lagi."))
            code = service.supervisors.set_pin(name, pin, current_pin=current, set_by=set_by, agent_name=agent_name)
            return self._state(), code

        def saved(done: tuple[tuple[list[str], str | None], str | None]) -> None:
            (names, self.code_issued_at), code = done
            self._show_names(names)
            self.name.clear()
            self.banner.show_message("success", self.tr("PIN supervisor {value} disimpan.").format(
                value=' '.join(name.split())))
            self.supervisors_changed.emit()
            if code is not None:
                self._show_new_code(code)

        self.run(work, saved, busy=self.save_button, message=self.tr("Menyimpan PIN…"))

    # -- the owner's recovery code ----------------------------------------------------------
    def _username(self) -> str:
        session = self.banking.session if self.banking is not None else None
        return session.username if session is not None else ""

    def _show_new_code(self, code: str) -> None:
        """The code, once: on screen, and to the receipt printer when the supervisor asks."""
        at = self.code_issued_at or ""
        printer = self.print_printout

        def print_code(done: Callable[[str, str], None]) -> None:
            assert printer is not None
            slip = render_code_slip(code, at=at, agent=self.service.agent, sandbox=self.service.sandbox,
                                    columns=printer.columns)
            printer(slip, "kode-pemulihan", self.tr("Kode pemulihan"), done, keep_text=False)

        self.show_code(self, code, print_code if printer is not None and at else None)

    def issue_code(self) -> None:
        """A new code behind a supervisor PIN; the one the owner holds is void from now."""
        answer = self.ask_supervisor(self, self.tr("Buat kode pemulihan baru"), self.tr(
            "Kode baru membatalkan kode pemulihan yang dipegang pemilik sekarang. Masukkan PIN supervisor."), False)
        if answer is None:
            return
        pin, set_by, supervisors = answer.pin, self._username(), self.service.supervisors

        def work() -> tuple[str, str | None]:
            return supervisors.issue_recovery_code(pin, set_by=set_by), supervisors.recovery_issued_at()

        def issued(done: tuple[str, str | None]) -> None:
            code, self.code_issued_at = done
            self._show_recovery()
            self.banner.show_message("success", self.tr("Kode pemulihan baru dibuat. Kode yang lama tidak berlaku "
                                                        "lagi."))
            self._show_new_code(code)

        self.run(work, issued, busy=self.issue_button, message=self.tr("Membuat kode…"), on_failure=self._refused)

    def recover(self) -> None:
        """The only supervisor forgot the PIN: the owner's code sets a new one, once."""
        answer: RecoveryAnswer | None = self.ask_recovery(self, list(self.names))
        if answer is None:
            return
        set_by, supervisors = self._username(), self.service.supervisors

        def work() -> tuple[list[str], str | None]:
            if answer.pin != answer.confirm:
                raise UserInputError("recovery", self.tr("PIN yang diulang tidak sama. Ketik kode dan kedua PIN "
                                                         "lagi."))
            supervisors.recover(answer.code, answer.name, answer.pin, set_by=set_by)
            return self._state()

        def recovered(state: tuple[list[str], str | None]) -> None:
            self._loaded(state)
            self.banner.show_message("success", self.tr(
                "PIN supervisor {name} diatur dengan kode pemulihan. Kode itu sudah terpakai: buat kode pemulihan "
                "baru sekarang (tombol di bawah) dan serahkan kepada pemilik.").format(name=answer.name))
            self.issue_button.setFocus(Qt.FocusReason.OtherFocusReason)

        self.run(work, recovered, busy=self.forgot_button, message=self.tr("Memeriksa kode…"),
                 on_failure=self._refused)

    def _refused(self, exc: BaseException) -> None:
        """A wrong code or PIN, a back-off: in the banner (the form's boxes are not the dialog's)."""
        self.banner.show_message("error", localized(exc))

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
    return SupervisorScreen(services.dayclose, services.worker, services.errors, services.banking,
                            print_printout=services.print_printout)
