"""Laporan > Buka Shift & Kas: open the day with the opening float, then record the cash
movements of the day (setor ke bank, pay-in, pay-out, cash drop, and a supervisor-approved
correction), each with its slip.

One shift per business day (``services.dayclose.shift``). The opening float is read back
("Modal awal kas Rp 500.000 — benar?") before it is saved: Enter says yes, Esc or "Ubah"
goes back to the figure, since a digit too many or too few would skew the whole day's
expected cash. Serving customers needs the shift (``ui.shift_gate``): a screen refused for
want of one sends the agent here with the reason (``ask_to_open``) and opens once the shift
is. "Serah Terima Kas" beside the shift's line opens the drawer handover (another agent takes
over the drawer: ``ui.screens.handover``). After each movement the slip is shown in a
monospace preview; selecting a movement in the list shows its slip again.
Printing goes through the ``print_printout`` hook (``ui.printing.PrintoutPrinter``: the
receipts printer's one thread owns the device), laid out to its paper width; the banner
says the movement is recorded and then whether the slip printed or where its text was
saved. Without a hook the screen says the slip is not printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from services.dayclose import render_slip, slip_number
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.dialogs import Confirm, confirm
from ui.i18n import translate
from ui.models.report import MovementModel, day_label
from ui.registry import register
from ui.screen_fit import top_on_turn
from ui.screens.base import FORM_WIDTH, Screen
from ui.screens.report_actions import PrintHook
from ui.widgets.cash_edit import CashEdit
from ui.widgets.money import MoneyEdit, rupiah_nowrap
from ui.widgets.preview import monospace_preview
from ui.widgets.report_view import report_table
from ui.widgets.supervisor import SupervisorPrompt, ask_supervisor

if TYPE_CHECKING:
    from services.dayclose import DayCloseService, Shift
    from services.reports import Movement, Printout
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Buka Shift & Kas")
CORRECTION = "correction"
MOVEMENT_KINDS = ("bank_deposit", "pay_in", "pay_out", "cash_drop", CORRECTION)
KIND_TEXT = {
    "bank_deposit": QT_TRANSLATE_NOOP("shift", "Setor ke bank (kas keluar)"),
    "pay_in": QT_TRANSLATE_NOOP("shift", "Tambah kas / pay-in (kas masuk)"),
    "pay_out": QT_TRANSLATE_NOOP("shift", "Pengeluaran / pay-out (kas keluar)"),
    "cash_drop": QT_TRANSLATE_NOOP("shift", "Cash drop ke brankas (kas keluar)"),
    CORRECTION: QT_TRANSLATE_NOOP("shift", "Koreksi kas (perlu PIN supervisor)"),
}


class ShiftScreen(Screen):
    shift_opened = Signal()

    def __init__(self, service: "DayCloseService", operator: Callable[[], str], worker: "Worker",
                 errors: "ErrorPresenter", *, ask_supervisor: SupervisorPrompt = ask_supervisor,
                 print_printout: PrintHook | None = None) -> None:
        super().__init__(TITLE, worker, errors, expand=True)
        self.service = service
        self.operator = operator
        self.ask_supervisor = ask_supervisor
        self.ask_confirm: Confirm = confirm  # money in or out of the drawer: read back first (tests answer)
        self.print_printout = print_printout
        self.shift: "Shift | None" = None
        self.business_date = ""
        self.loaded = False
        self.last_slip: "Printout | None" = None
        self.then_open = ""  # the screen the shift gate refused, opened once the shift is
        self.reason_text = ""  # why the agent was sent here
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        top_on_turn(self.pages)
        self.open_page = self._open_page()
        self.shift_page = self._shift_page()
        self.pages.addWidget(self.open_page)
        self.pages.addWidget(self.shift_page)

    # -- pages -----------------------------------------------------------------------------
    def _open_page(self) -> QWidget:
        page = QWidget(objectName="plain")
        page.setMaximumWidth(FORM_WIDTH - 48)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.open_text = QLabel(objectName="cardTitle")
        layout.addWidget(self.open_text)
        explain = QLabel(self.tr("Hitung uang tunai di laci sebelum melayani nasabah, lalu ketik jumlahnya sebagai "
                         "modal awal. Jumlah ini menjadi dasar kas seharusnya saat Tutup Hari."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.earlier_note = QLabel(objectName="earlierDayOpen")
        self.earlier_note.setWordWrap(True)
        self.earlier_note.hide()
        layout.addWidget(self.earlier_note)
        # An earlier day's transactions still in doubt: their cash is in the drawer, not in the float
        self.carried_note = QLabel(objectName="earlierDayOpen")
        self.carried_note.setWordWrap(True)
        self.carried_note.hide()
        layout.addWidget(self.carried_note)
        self.close_earlier_button = QPushButton(self.tr("Tutup Hari dulu"), objectName="secondary")
        self.close_earlier_button.clicked.connect(lambda: self.navigate.emit("day_close"))
        self.close_earlier_button.hide()
        layout.addWidget(self.close_earlier_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.opening_float = CashEdit()
        self.opening_float.returnPressed.connect(self.open_shift)
        self.opening_float.textEdited.connect(lambda _text: self._hide_readback())
        self.add_field("opening_float", self.tr("Modal awal kas (Rp)"), self.opening_float, layout=layout)
        self.open_button = QPushButton(self.tr("Buka shift"), objectName="primary")
        self.open_button.clicked.connect(self.open_shift)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        # the read-back: the float as it will be saved, and a deliberate yes
        self.readback = QFrame(objectName="beneficiary")
        readback = QVBoxLayout(self.readback)
        readback.setContentsMargins(16, 10, 16, 12)
        self.readback_text = QLabel(objectName="beneficiaryName")
        self.readback_text.setWordWrap(True)
        readback.addWidget(self.readback_text)
        buttons = QHBoxLayout()
        self.change_button = QPushButton(self.tr("Ubah"))
        self.change_button.clicked.connect(self.edit_float)
        self.confirm_button = QPushButton(self.tr("Ya, buka shift"), objectName="primary")
        self.confirm_button.clicked.connect(self.confirm_open)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        readback.addLayout(buttons)
        self.readback.hide()
        layout.addWidget(self.readback)
        layout.addStretch(1)
        return page

    def _shift_page(self) -> QWidget:
        page = QWidget(objectName="plain")
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(8)
        self.shift_info = QLabel(objectName="cardTitle")
        self.shift_info.setWordWrap(True)
        info_row = QHBoxLayout()
        info_row.addWidget(self.shift_info, 1)
        # Ganti petugas at the drawer: Serah Terima Kas (ui/screens/handover.py)
        self.handover_button = QPushButton(self.tr("Serah Terima Kas"), objectName="secondary")
        self.handover_button.clicked.connect(lambda: self.navigate.emit("handover"))
        info_row.addWidget(self.handover_button, 0, Qt.AlignmentFlag.AlignTop)
        left.addLayout(info_row)
        form = QHBoxLayout()
        form.setSpacing(12)
        self.kind = QComboBox(objectName="kind")
        for kind in MOVEMENT_KINDS:
            self.kind.addItem(translate("shift", KIND_TEXT[kind]), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        kind_box = QVBoxLayout()
        self.add_field("kind", self.tr("Jenis mutasi"), self.kind, layout=kind_box)
        form.addLayout(kind_box, 1)
        self.direction = QComboBox(objectName="direction")
        self.direction.addItem(self.tr("Tambah kas (+)"), 1)
        self.direction.addItem(self.tr("Kurangi kas (−)"), -1)
        direction_box = QVBoxLayout()
        self.direction_field = self.add_field("direction", self.tr("Arah koreksi"), self.direction,
                                              layout=direction_box)
        form.addLayout(direction_box, 1)
        left.addLayout(form)
        reason_row = QHBoxLayout()
        reason_row.setSpacing(12)
        self.amount = MoneyEdit()
        self.amount.setMaximumWidth(200)
        amount_box = QVBoxLayout()
        self.add_field("amount", self.tr("Jumlah (Rp)"), self.amount, layout=amount_box)
        left.addLayout(amount_box)  # the reason has the row under it: room to type one
        self.reason = QLineEdit(objectName="reason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("mis. beli kertas struk"))
        self.reason.returnPressed.connect(self.record)
        reason_box = QVBoxLayout()
        self.add_field("reason", self.tr("Alasan (wajib)"), self.reason, layout=reason_box)
        reason_row.addLayout(reason_box, 1)
        self.record_button = QPushButton(self.tr("Catat mutasi"), objectName="primary")
        self.record_button.clicked.connect(self.record)
        reason_row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignBottom)
        left.addLayout(reason_row)
        self.list_title = QLabel(objectName="sectionTitle")
        left.addWidget(self.list_title)
        self.movements = MovementModel(lambda m: slip_number(self.business_date, m.id), parent=self)
        self.table = report_table(self.movements, "reportTable", 3, fit=False)  # scrolls inside the page
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.setMinimumHeight(120)
        for column in (4, 5):  # Petugas and No. slip are on the slip: the list keeps room for the reason
            self.table.hideColumn(column)
        self.table.clicked.connect(self.show_slip_of)
        left.addWidget(self.table, 1)
        columns.addLayout(left, 2)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Slip kas"), objectName="fieldLabel"))
        self.slip = monospace_preview("slipPreview")
        self.slip.setPlaceholderText(self.tr("Slip mutasi kas tampil di sini sesudah dicatat."))
        right.addWidget(self.slip, 1)
        columns.addLayout(right, 1)
        self._kind_changed()
        return page

    def _kind_changed(self) -> None:
        self.direction_field.setVisible(self.kind.currentData() == CORRECTION)

    # -- loading -------------------------------------------------------------------------------
    def activated(self) -> None:
        service = self.service

        def load() -> tuple[str, "Shift | None", tuple["Movement", ...], str | None, int]:
            day = service.business_day()
            shift = service.shifts.shift_for(day)
            return (day, shift, service.shifts.movements(day), None if shift else service.earlier_open_day(day),
                    0 if shift else service.held_carried(day))

        self.run(load, self._show, busy=self.pages, message=self.tr("Memuat shift…"))

    def _show(self, loaded: tuple[str, "Shift | None", tuple["Movement", ...], str | None, int]) -> None:
        self.business_date, self.shift, movements, earlier, carried = loaded
        self.loaded = True
        if self.shift is None:
            self.open_text.setText(self.tr("Shift hari kerja {value} belum dibuka").format(
                value=day_label(self.business_date)))
            # Not refused (a counter serving past midnight opens the new day's shift and closes
            # the old one later), but said: that day's count is then of a drawer holding this
            # day's float too, and its Laporan Z shows a difference that is no one's.
            # Both days named: past midnight "hari ini" (today) was, to the agent, the day not closed.
            self.earlier_note.setText(self.tr(
                "Hari {value} belum ditutup. Sebaiknya Tutup Hari itu dulu, sebelum modal hari {today} masuk laci: "
                "hitungan kas hari itu tidak tercampur uang hari {today}.").format(
                    value=day_label(earlier), today=day_label(self.business_date))
                if earlier else "")
            self.earlier_note.setVisible(bool(earlier))
            # The float is the whole drawer as counted, an earlier day's cash in doubt in it: its
            # Laporan Z counted that cash in the drawer (or charged it missing), and when the row
            # settles only what differs moves (``late_settlements``). Typed without it, the day
            # expected it again and the agent was charged the same loss twice.
            self.carried_note.setText(self.tr(
                "Hitung semua uang di laci sebagai modal awal, termasuk {rupiah} uang transaksi menggantung "
                "hari sebelumnya (statusnya belum pasti). Jangan dipisahkan: kalau transaksi itu gagal, "
                "uangnya dikembalikan ke pelanggan dari laci.").format(
                    rupiah=rupiah_nowrap(carried)) if carried else "")
            self.carried_note.setVisible(bool(carried))
            self.close_earlier_button.setVisible(bool(earlier))
            self.pages.setCurrentWidget(self.open_page)
            if self.reason_text:
                self.banner.show_message("warning", self.reason_text)
            self.edit_float()
            return
        self.then_open = self.reason_text = ""
        shift = self.shift
        self.shift_info.setText(
            self.tr("Shift {value} dibuka {value2} WIB oleh {operator} · modal awal {opening_float}").format(
                        value=day_label(shift.business_date), value2=shift.opened_at[11:16], operator=shift.operator,
                        opening_float=rupiah_nowrap(shift.opening_float)))
        self.movements.set_rows(movements)
        self.list_title.setText(self.tr("Mutasi kas hari ini ({value})").format(value=len(movements)) if movements
                                else self.tr("Mutasi kas hari ini: belum ada"))
        self.pages.setCurrentWidget(self.shift_page)

    # -- actions -----------------------------------------------------------------------------
    def ask_to_open(self, then_open: str, reason: str) -> None:
        """The shift gate sent the agent here: say why, open ``then_open`` once the shift is."""
        self.then_open, self.reason_text = then_open, reason

    def left(self) -> None:
        """The agent went elsewhere without opening the shift: the screen they were heading
        for is forgotten. Back here by the menu, opening the shift stays here."""
        self.then_open = self.reason_text = ""

    def open_shift(self) -> None:
        """Enter on the float: read it back first (nothing is saved yet)."""
        amount = self.opening_float.digits()
        if not amount:
            self._save(amount)  # refused at the field ("wajib diisi")
            return
        self.readback_text.setText(self.tr("Modal awal kas {rupiah} — benar?").format(
            rupiah=rupiah_nowrap(int(amount))))
        self.open_button.hide()
        self.readback.show()
        self.confirm_button.setFocus()

    def edit_float(self) -> None:
        """Back from the read-back to the figure (Ubah, Esc), selected to be typed over."""
        self._hide_readback()
        self.opening_float.setFocus()
        self.opening_float.selectAll()

    def _hide_readback(self) -> None:
        self.readback.hide()
        self.open_button.show()

    def back(self) -> None:
        if self.readback.isVisible():
            self.edit_float()

    def confirm_open(self) -> None:
        self._save(self.opening_float.digits())

    def _save(self, amount: str) -> None:
        service, operator = self.service, self.operator()

        def opened(shift: "Shift") -> None:
            then_open = self.then_open
            self.readback.hide()
            self.open_button.show()
            self.opening_float.clear()
            self._show((shift.business_date, shift, (), None, 0))
            self.shift_opened.emit()
            if then_open:
                self.navigate.emit(then_open)  # the screen the agent asked for before
                return
            # A first shift ends on a cash-movement form: say that serving customers starts elsewhere.
            self.banner.show_message("success", self.tr(
                "Shift dibuka dengan modal awal {opening_float}. Sekarang Anda bisa melayani nasabah: buka "
                "Beranda (Ctrl+H) atau pilih layanan di menu kiri.").format(
                opening_float=format_rupiah(shift.opening_float)))

        def failed(exc: BaseException) -> None:
            self.edit_float()
            self.fail(exc)

        self.run(lambda: service.shifts.open(amount, operator), opened, busy=self.confirm_button,
                 message=self.tr("Membuka shift…"), on_failure=failed)

    def record(self) -> None:
        service, operator = self.service, self.operator()
        kind, amount, reason = self.kind.currentData(), self.amount.digits(), self.reason.text()
        if kind == CORRECTION:
            answer = self.ask_supervisor(self, self.tr("Koreksi kas"),
                                         self.tr("Koreksi kas perlu persetujuan supervisor. Supervisor "
                                         "mengetik PIN-nya sendiri."), False)
            if answer is None:
                return
            signed = f"{'-' if self.direction.currentData() < 0 else ''}{amount}" if amount else ""
            pin = answer.pin

            def write() -> "Movement":
                return service.shifts.correct(signed, reason, operator, pin=pin)
        else:
            # Cash leaving or joining the drawer is written with a deliberate yes, never by the
            # Enter that finished the reason: read back first, "Batal" the default (a pay-out of
            # Rp 10.000.000 from a Rp 500.000 float went in with one Enter).
            if amount and reason.strip() and not self.ask_confirm(
                    self, self.tr("Catat mutasi kas"), self.tr("{kind}: {rupiah}, \"{reason}\" — benar?").format(
                        kind=translate("shift", KIND_TEXT[kind]), rupiah=format_rupiah(int(amount)),
                        reason=reason.strip())):
                # Said: the form stays filled, and with no word a habitual Enter on the
                # question ("Batal", the default) looked like a movement recorded.
                self.banner.show_message("info", self.tr("Mutasi kas tidak dicatat. Periksa isiannya, lalu tekan "
                                                         "Catat mutasi lagi bila sudah benar."))
                return

            def write() -> "Movement":
                return service.shifts.record(kind, amount, reason, operator)

        def work() -> tuple["Movement", "Printout", tuple["Movement", ...]]:
            service.handovers.require_holder(operator)  # the drawer is counted by whoever moves its cash
            movement = write()
            return movement, self._slip(movement), service.shifts.movements(service.business_day())

        self.run(work, self._recorded, busy=self.record_button, message=self.tr("Mencatat mutasi kas…"))

    def _slip(self, movement: "Movement") -> "Printout":
        """On the worker thread: the slip of one movement."""
        day, at = self.service.shifts.movement_at(movement.id)
        columns = self.print_printout.columns if self.print_printout is not None else 32
        return render_slip(movement, business_date=day, at=at, agent=self.service.agent,
                           sandbox=self.service.sandbox, columns=columns)

    def _recorded(self, done: tuple["Movement", "Printout", tuple["Movement", ...]]) -> None:
        movement, slip, movements = done
        self.amount.clear()
        self.reason.clear()
        self.amount.setFocus()  # the next movement starts at its amount (it stayed on the reason, below it)
        self.movements.set_rows(movements)
        self.list_title.setText(self.tr("Mutasi kas hari ini ({value})").format(value=len(movements)))
        self.table.selectRow(len(movements) - 1)
        self._show_slip(slip)
        number = slip_number(self.business_date, movement.id)
        if self.print_printout is not None:
            recorded = self.tr("{label} {rupiah} tercatat (slip {number}).").format(
                label=translate("movements", movement.label), rupiah=format_rupiah(abs(movement.amount)),
                number=number)
            self.banner.show_message("success", self.tr("{recorded} Mencetak slip…").format(recorded=recorded))

            def printed(kind: str, text: str) -> None:
                self.banner.show_message(kind, f"{recorded} {text}")

            self.print_printout(slip, number, self.tr("Slip {number}").format(number=number), printed)
        else:
            self.banner.show_message("success", self.tr("{label} {rupiah} tercatat (slip {number}). Printer belum "
                                                        "tersambung ke menu ini: slip tampil di kanan dan tersimpan; "
                                                        "pilih baris di daftar untuk menampilkannya lagi.").format(
                                                            label=translate("movements", movement.label),
                                                            rupiah=format_rupiah(abs(movement.amount)), number=number))

    def show_slip_of(self, index: QModelIndex) -> None:
        movement = self.movements.row_at(index.row())
        self.run(lambda: self._slip(movement), self._show_slip, busy=self.table, message=self.tr("Menyiapkan slip…"))

    def _show_slip(self, slip: "Printout") -> None:
        self.last_slip = slip
        self.slip.setPlainText(slip.text)


@register("shift", group="reports", title=TITLE, order=10)
def _make(services: "ScreenServices") -> Any:
    return ShiftScreen(services.dayclose, services.banking.operator, services.worker, services.errors,
                       print_printout=services.print_printout)
