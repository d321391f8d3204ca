"""The questions settling a transaction asks: a manual resolution and a reversal approval.

Each is a plain callable a screen holds as an attribute (``screen.ask_resolution = …``), as
``ui/dialogs.py`` does, so UI tests answer with a lambda instead of a modal dialog that
would block (STYLE.md rule 8). ``None`` always means the agent cancelled: do nothing.

The dialogs only collect; the service checks (the officer's name and the call's time, the
supervisor PIN) and its ``UserInputError`` is shown on the screen. The supervisor PIN is
typed masked, handed to the caller, and cleared here.

The manual resolution records what the agent can actually learn: the host's call center
says BERHASIL or GAGAL; the agent writes down the officer's name and the time of the call,
and the host's journal number only if the officer gives one. The dialog shows whom to call
and what to ask first (``services.resolution_guide``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QTime
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTimeEdit,
    QWidget,
)

from services.clock import Clock
from services.resolution_guide import HostGuide
from ui.dialogs import run_modal
from ui.i18n import translate
from ui.keyboard import ARROWS, choose_by_arrow
from ui.screen_fit import available_area
from ui.widgets.dialog_keys import EnterMovesOn, TabLeavesDateBox
from ui.widgets.field import Field
from ui.widgets.money import MoneyEdit
from ui.widgets.pin import TallEnough
from ui.widgets.supervisor_recovery import RecoveryOffer


@dataclass(frozen=True)
class ManualDecision:
    success: bool
    host_ref: str  # the host's journal number, if the officer gave one
    reason: str  # the agent's note (with ``officer``: optional)
    settled_fee: int | None = None  # the admin fee the bank names; None: as sent
    officer: str = ""  # who at the bank confirmed it ("": a decision from the host's report)
    time: str = ""  # HH:MM of the call


@dataclass(frozen=True)
class ReversalRequest:
    reason: str
    supervisor_pin: str


ResolutionPrompt = Callable[[QWidget, str, HostGuide], Optional[ManualDecision]]  # (parent, what, whom to call)
ReversalPrompt = Callable[[QWidget, str], Optional[ReversalRequest]]  # (parent, what) -> request


class _Dialog(TallEnough):
    def __init__(self, parent: QWidget | None, title: str, detail: str, accept_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        self.layout_ = self.form_layout()
        heading = QLabel(title)
        heading.setObjectName("dialogTitle")
        self.layout_.addWidget(heading)
        self.detail = QLabel(detail, objectName="dialogDetail")
        self.detail.setWordWrap(True)
        self.layout_.addWidget(self.detail)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("primary")
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.button_layout.addWidget(self.buttons)


class ArrowsChoose(QObject):
    """An arrow key on the bank's answer chooses it, as on every screen (``choose_by_arrow``).
    Qt's own arrow in a group with nothing chosen yet only moved the focus: GAGAL looked
    chosen, "Simpan jawaban bank" stayed off, and nothing said why."""

    def __init__(self, *radios: QRadioButton) -> None:
        super().__init__(radios[0])
        for radio in radios:
            radio.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in ARROWS
                and isinstance(watched, QRadioButton)):
            choose_by_arrow(watched, event.key())
            return True
        return False


def guide_text(guide: HostGuide) -> str:
    """The three steps: whom to call, what to ask, what to write down."""
    return translate("resolution_dialogs", "1. Telepon {contact}: {phone}\n2. {ask}\n3. {write}").format(
        contact=translate("resolution_guide", guide.contact), phone=translate("resolution_guide", guide.phone),
        ask=translate("resolution_guide", guide.ask), write=translate("resolution_guide", guide.write_down))


class ManualResolutionDialog(_Dialog):
    def __init__(self, parent: QWidget | None, detail: str, guide: HostGuide) -> None:
        super().__init__(parent, self.tr("Selesaikan manual"), detail, self.tr("Simpan jawaban bank"))
        self.guide = QLabel(guide_text(guide), objectName="resolutionGuide")
        self.guide.setWordWrap(True)
        self.layout_.addWidget(self.guide)
        self.success = QRadioButton(self.tr("BERHASIL (dana sudah berpindah)"))
        self.failed = QRadioButton(self.tr("GAGAL (dana tidak berpindah)"))
        group = QButtonGroup(self)
        answers = QHBoxLayout()  # the question and its two answers on one line: a shorter dialog
        answers.addWidget(QLabel(self.tr("Jawaban bank:"), objectName="fieldLabel"))
        for button in (self.success, self.failed):
            group.addButton(button)
            answers.addWidget(button)
        answers.addStretch(1)
        self.layout_.addLayout(answers)
        ArrowsChoose(self.success, self.failed)
        # Two fields a row: a shorter dialog.
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.officer = QLineEdit(objectName="officer")
        self.officer.setMaxLength(60)
        self.officer.setPlaceholderText(self.tr("mis. Ibu Rina"))
        grid.addWidget(Field(self.tr("Nama petugas bank"), self.officer), 0, 0)
        # now in WIB, as the label says: the kiosk's own zone may be another (WITA, WIT) or
        # wrong (services.clock), and the time written here is journaled as the call's
        now = Clock().now()
        self.time = QTimeEdit(QTime(now.hour, now.minute), objectName="callTime")
        self.time.setDisplayFormat("HH:mm")
        TabLeavesDateBox(self.time)  # one field, one Tab stop
        grid.addWidget(Field(self.tr("Jam telepon (WIB)"), self.time), 0, 1)
        self.host_ref = QLineEdit(objectName="host_ref")
        self.host_ref.setMaxLength(40)
        self.host_ref_field = Field(self.tr("Nomor jurnal host (bila disebut)"), self.host_ref)
        grid.addWidget(self.host_ref_field, 1, 0)
        self.settled_fee = MoneyEdit(keeps_zero=True)  # a fee the bank waived is Rp 0, not "as confirmed"
        self.settled_fee.setObjectName("settled_fee")
        # not MoneyEdit's "0": empty keeps the fee as recorded, and Rp 0 is a fee of its own now
        self.settled_fee.setPlaceholderText(self.tr("kosong = seperti tercatat"))
        self.settled_fee.setToolTip(self.tr("Isi bila petugas menyebut biaya admin lain dari yang tercatat; "
                                            "kosongkan bila sama."))
        self.fee_field = Field(self.tr("Biaya admin menurut bank (Rp)"), self.settled_fee)
        grid.addWidget(self.fee_field, 1, 1)
        self.layout_.addLayout(grid)
        self.reason = QLineEdit(objectName="reason")
        self.reason.setMaxLength(200)
        self.layout_.addWidget(Field(self.tr("Catatan (boleh kosong)"), self.reason))
        self.success.toggled.connect(self._update)
        self.failed.toggled.connect(self._update)
        self.officer.textChanged.connect(self._update)
        # Enter after the officer's name: on to the call's time, the journal number, the fee
        # and the note (those shown), never "Simpan" with the rest of the bank's answer unwritten.
        EnterMovesOn(self.officer, self.time, self.host_ref, self.settled_fee, self.reason)
        self.finish()
        # the three steps read in full, each on two lines at most; wider where the screen has
        # room, for fewer lines: the dialog fits a 768-pixel screen at 125 % with the taskbar
        available = available_area(self)
        self.setMinimumWidth(760 if available is None else max(min(760, available.width() - 40), 600))
        self._update()

    def _update(self) -> None:
        success = self.success.isChecked()
        self.host_ref_field.setVisible(success)  # a failure has no journal number
        self.fee_field.setVisible(success)  # a failure moved no money: no fee
        chosen = success or self.failed.isChecked()
        self.ok.setEnabled(chosen and self.officer.text().strip() != "")
        # Fields shown or hidden: the dialog takes the height it needs (or the screen has), never
        # squeezing a box.
        self.fit_height()

    def decision(self) -> ManualDecision:
        success = self.success.isChecked()
        return ManualDecision(success, self.host_ref.text().strip() if success else "", self.reason.text().strip(),
                              self.settled_fee.value() if success else None, officer=self.officer.text().strip(),
                              time=self.time.time().toString("HH:mm"))


class ReversalDialog(_Dialog):
    def __init__(self, parent: QWidget | None, detail: str) -> None:
        super().__init__(parent, self.tr("Batalkan transfer (reversal)"), detail, self.tr("Batalkan transfer"))
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("mis. Salah nomor rekening tujuan"))
        self.layout_.addWidget(Field(self.tr("Alasan pembatalan"), self.reason))
        self.pin = QLineEdit(objectName="supervisor_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self.pin))
        self.layout_.addWidget(Field(self.tr("PIN supervisor"), self.pin, hint=self.tr("Diketik sendiri oleh "
                                                                                       "supervisor.")))
        self.layout_.addWidget(RecoveryOffer(self.pin, self))  # forgot it: the owner's code, here
        self.reason.textChanged.connect(self._update)
        self.pin.textChanged.connect(self._update)
        EnterMovesOn(self.reason, self.pin)  # Enter in the reason: on to the PIN, never the PIN into the reason
        self.finish()
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(self.reason.text().strip() != "" and len(self.pin.text()) >= 6)

    def take(self) -> ReversalRequest:
        request = ReversalRequest(self.reason.text().strip(), self.pin.text())
        self.pin.clear()
        return request


def ask_manual_resolution(parent: QWidget, detail: str, guide: HostGuide) -> ManualDecision | None:
    dialog = ManualResolutionDialog(parent, detail, guide)
    try:
        return dialog.decision() if run_modal(dialog) == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_reversal(parent: QWidget, detail: str) -> ReversalRequest | None:
    dialog = ReversalDialog(parent, detail)
    try:
        accepted = run_modal(dialog) == QDialog.DialogCode.Accepted
        request = dialog.take()
        return request if accepted else None
    finally:
        dialog.deleteLater()
