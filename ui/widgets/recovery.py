"""The owner's recovery code on screen (``services.dayclose.recovery``): the code shown once,
and the form that uses it when the only supervisor forgot the PIN.

``RecoveryCodeDialog`` shows a newly issued code in large type, with what it is for and where
it goes (the owner's safe, never the counter), and offers to print it on the receipt
printer. It stays until the supervisor ticks that the code is written down or printed:
Enter, Esc and the window's close do nothing before that (a habitual Enter would have thrown
away the only sight of the code), and after it Enter is "Selesai". The code is not
selectable (no copy to a clipboard) and is dropped with the dialog.

``RecoveryDialog`` takes the code, the supervisor's name (from the list), and the new PIN
twice; Enter moves from box to box and the last one's Enter is OK once everything is there.
Whether the code is right is the service's answer. Its answer hides the secrets in ``repr``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from services.dayclose.recovery import LENGTH
from ui.dialogs import open_modal
from ui.i18n import translate
from ui.widgets.dialog_keys import EnterMovesOn
from ui.widgets.pin import PromptDialog, ask
from ui.widgets.supervisor import pin_edit

PrintCode = Callable[[Callable[[str, str], None]], None]  # (done(kind, message)) -> None: prints the slip


class RecoveryCodeDialog(PromptDialog):
    def __init__(self, parent: QWidget | None, code: str, print_code: PrintCode | None) -> None:
        super().__init__(parent, self.tr("Kode pemulihan supervisor"), self.tr(
            "Tulis kode ini di kertas atau cetak, lalu serahkan kepada pemilik untuk disimpan di brankas atau "
            "tempat aman lain, bukan di loket. Jika supervisor lupa PIN-nya, kode ini mengatur PIN baru, sekali "
            "saja. Kode ini tampil sekarang saja: Loket tidak dapat menampilkannya lagi."),
            name="recoveryCodeDialog", width=480)
        self.code = QLabel(code.replace("-", " - "), objectName="recoveryCode")
        # large and monospaced, to copy by hand (the style sheet's label font would win over setFont)
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.code.setStyleSheet(f"font-family: '{family}'; font-size: 17pt; font-weight: bold;")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.code.setWordWrap(True)
        self.fields.addWidget(self.code)
        self.hint = QLabel(self.tr("Huruf dan angka yang mirip tidak dipakai (tidak ada O, 0, I, 1, L). Tanda "
                                   "hubung boleh tidak diketik."), objectName="muted")
        self.hint.setWordWrap(True)
        self.fields.addWidget(self.hint)
        self.print_status = QLabel(objectName="muted")
        self.print_status.setWordWrap(True)
        self.print_status.hide()
        self.fields.addWidget(self.print_status)
        self.written = QCheckBox(self.tr("Kode sudah saya tulis atau cetak untuk pemilik"), objectName="codeWritten")
        self.fields.addWidget(self.written)
        buttons = QDialogButtonBox()
        self.print_button: QPushButton | None = None
        if print_code is not None:
            self.print_button = buttons.addButton(self.tr("Cetak kode"), QDialogButtonBox.ButtonRole.ActionRole)
            self.print_button.setObjectName("printCode")
            self.print_button.clicked.connect(lambda: self._print(print_code))
        self.ok = buttons.addButton(self.tr("Selesai"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("primary")
        self.ok.setEnabled(False)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter presses nothing until the code is written down
                button.setDefault(False)
        buttons.accepted.connect(self.accept)
        self.fields.addWidget(buttons)
        self.written.toggled.connect(self._written)
        self.written.setFocus()

    def _written(self, done: bool) -> None:
        self.ok.setEnabled(done)
        self.ok.setDefault(done)

    def _print(self, print_code: PrintCode) -> None:
        self.print_status.setText(self.tr("Mencetak kode…"))
        self.print_status.show()

        def done(_kind: str, message: str) -> None:
            self.print_status.setText(message)

        print_code(done)

    def reject(self) -> None:
        """Esc and the window's close: only once the code is written down or printed."""
        if self.written.isChecked():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.written.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()

    def forget(self) -> None:
        self.code.clear()


def show_code(parent: QWidget, code: str, print_code: PrintCode | None) -> RecoveryCodeDialog:
    """The production display: window-modal until the code is written down (not blocking: the
    print's answer comes back to it meanwhile); the code is dropped when it closes."""
    dialog = RecoveryCodeDialog(parent, code, print_code)
    dialog.finished.connect(lambda _result: (dialog.forget(), dialog.deleteLater()))
    open_modal(dialog)
    return dialog


@dataclass(frozen=True)
class RecoveryAnswer:
    code: str
    name: str
    pin: str
    confirm: str

    def __repr__(self) -> str:  # never show the code or a PIN in a log or a traceback
        return f"RecoveryAnswer(code=***, name={self.name!r}, pin=***, confirm=***)"


# (parent, supervisors' names) -> answer or None
RecoveryPrompt = Callable[[QWidget, list[str]], Optional[RecoveryAnswer]]


class RecoveryDialog(PromptDialog):
    def __init__(self, parent: QWidget | None, names: list[str]) -> None:
        super().__init__(parent, self.tr("Lupa PIN supervisor"), self.tr(
            "Ketik kode pemulihan dari kertas pemilik, pilih supervisor, lalu PIN barunya. Kode hanya berlaku "
            "sekali: sesudahnya buat kode pemulihan baru."), name="recoveryDialog", width=460)
        self.fields.addWidget(QLabel(self.tr("Supervisor"), objectName="fieldLabel"))
        self.name = QComboBox(objectName="recoveryName")
        self.name.addItems(names)
        self.fields.addWidget(self.name)
        self.fields.addWidget(QLabel(self.tr("Kode pemulihan"), objectName="fieldLabel"))
        self.code = QLineEdit(objectName="recoveryCodeInput")
        self.code.setMaxLength(LENGTH + 12)  # with dashes or spaces between the groups
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX")
        shown = self.code.font()
        shown.setCapitalization(QFont.Capitalization.AllUppercase)  # read as on paper; the service takes either
        self.code.setFont(shown)
        self.fields.addWidget(self.code)
        self.fields.addWidget(QLabel(translate("SupervisorScreen", "PIN baru (6–8 angka)"), objectName="fieldLabel"))
        self.pin = pin_edit("recoveryPin")
        self.fields.addWidget(self.pin)
        self.fields.addWidget(QLabel(translate("SupervisorScreen", "Ulangi PIN baru"), objectName="fieldLabel"))
        self.confirm = pin_edit("recoveryConfirm")
        self.fields.addWidget(self.confirm)
        self.finish(self.tr("Atur PIN baru"))
        EnterMovesOn(self.code, self.pin, self.confirm)
        for edit in (self.code, self.pin, self.confirm):
            edit.textChanged.connect(self._update)
        (self.code if len(names) == 1 else self.name).setFocus()

    def _update(self) -> None:
        typed = "".join(self.code.text().split()).replace("-", "")
        self.ok.setEnabled(len(typed) == LENGTH and len(self.pin.text()) >= 6 and len(self.confirm.text()) >= 6)

    def take(self) -> RecoveryAnswer:
        answer = RecoveryAnswer(self.code.text(), self.name.currentText(), self.pin.text(), self.confirm.text())
        for box in (self.code, self.pin, self.confirm):
            box.clear()
        return answer


def ask_recovery(parent: QWidget, names: list[str]) -> RecoveryAnswer | None:
    """The production prompt: a modal dialog; ``None`` when cancelled."""
    dialog = RecoveryDialog(parent, names)
    return ask(dialog, dialog.take)
